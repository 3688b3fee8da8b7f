r"""The property sets of a compound file's storage (its IPropertySetStorage).

Windows keeps each property set of a storage in a stream of that storage named by
``FmtIdToPropStgName`` (``"\x05SummaryInformation"``, ...), and the user-defined properties
as the second section of the ``"\x05DocumentSummaryInformation"`` stream; EnumElements
shows those streams. This store does the same with this library's encoding of a set
(:meth:`~._propsets.PropertySet.to_bytes`, one section a line) in place of MS-OLEPS, as the
compound file itself is this library's own format (:mod:`._docfile`). A change reaches the
file as any other change of the storage does: at once in direct mode, at the root's Commit in
transacted mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ComError
from ..kernel.lowlevel import KERNEL_LOCK
from ._propsets import (
    FMTID_DOC_SUMMARY_INFORMATION,
    FMTID_USER_DEFINED_PROPERTIES,
    PropertySet,
    fmtid_to_name,
    name_to_fmtid,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._docfile import _File, _Node

__all__ = ["StorageSets"]


def _stream_name(fmtid: str) -> str:
    """The stream holding ``fmtid``'s set (the user-defined ones share the document's)."""
    return fmtid_to_name(fmtid).upper()


class StorageSets:
    """The property sets kept in the streams of one storage (see the module docstring).

    ``put`` and ``delete`` run under the kernel lock (the callers hold it); ``flush`` saves
    the file after it is released.
    """

    __slots__ = ("_dirty", "_file", "_new_stream", "_node")

    def __init__(self, node: _Node, file: _File, new_stream: Callable[[str], _Node]) -> None:
        self._node = node
        self._file = file
        self._new_stream = new_stream  # a stream node of the storage's tree, by its name
        self._dirty = False

    def _children(self) -> dict[str, _Node]:
        children = self._node.children
        assert children is not None
        return children

    def _sections(self, fmtid: str) -> list[PropertySet]:
        node = self._children().get(_stream_name(fmtid))
        if node is None or node.buffer is None:
            return []
        data = bytes(node.buffer.data)
        return [PropertySet.from_bytes(line) for line in data.split(b"\n") if line]

    def get(self, fmtid: str) -> PropertySet | None:
        """The set ``fmtid``, or None if the storage has none."""
        return next((props for props in self._sections(fmtid) if props.fmtid == fmtid), None)

    def _store(self, fmtid: str, sections: list[PropertySet]) -> None:
        children = self._children()
        name = _stream_name(fmtid)
        if not sections:
            children.pop(name, None)
        else:
            node = children.get(name)
            if node is None or node.buffer is None:
                node = children[name] = self._new_stream(fmtid_to_name(fmtid))
            assert node.buffer is not None
            sections.sort(key=lambda props: props.fmtid == FMTID_USER_DEFINED_PROPERTIES)
            node.buffer.data[:] = b"\n".join(props.to_bytes() for props in sections)
        self._dirty = True

    def put(self, props: PropertySet) -> None:
        """Store ``props``, replacing the set of its FMTID."""
        others = [old for old in self._sections(props.fmtid) if old.fmtid != props.fmtid]
        self._store(props.fmtid, [*others, props])

    def delete(self, fmtid: str) -> bool:
        """Remove the set ``fmtid``; False if there was none."""
        sections = self._sections(fmtid)
        kept = [props for props in sections if props.fmtid != fmtid]
        if len(kept) == len(sections):
            return False
        if fmtid == FMTID_DOC_SUMMARY_INFORMATION:
            kept = []  # the user-defined section goes with the document's
        self._store(fmtid, kept)
        return True

    def fmtids(self) -> list[str]:
        """The FMTIDs of the sets the storage holds (the user-defined ones included)."""
        found: list[str] = []
        for node in list(self._children().values()):
            if node.buffer is None or not node.name.startswith("\x05"):
                continue
            try:
                fmtid = name_to_fmtid(node.name)
            except ComError:  # a stream of another kind: not a set
                continue
            found.extend(props.fmtid for props in self._sections(fmtid))
        return found

    def flush(self) -> None:
        """Save what ``put`` and ``delete`` changed (direct mode: now; transacted: at Commit)."""
        with KERNEL_LOCK:
            dirty, self._dirty = self._dirty, False
        if dirty:
            self._file.changed()
