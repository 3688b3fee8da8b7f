"""pywin32's ``win32com.server.util``: wrap Python objects as COM objects; collections.

The enumerator and collection classes are the core's (``apartment.com``): their COM members
(``Next``, ``Item``, ``Count``...) are Automation's.
"""

from __future__ import annotations

from typing import Any, ClassVar

from apartment import com
from apartment.com import Collection, ListEnumerator, ListEnumeratorGateway
from apartment.com import COMException as COMException  # pywin32's module imports it
from apartment.win32 import pythoncom
from apartment.win32 import winerror as winerror
from apartment.win32._interfaces import interface_pointer

from . import dispatcher, policy

__all__ = [
    "wrap",
    "unwrap",
    "NewEnum",
    "NewCollection",
    "ListEnumerator",
    "ListEnumeratorGateway",
    "Collection",
    "FileStream",
]


def wrap(ob: object, iid: object = None, usePolicy: Any = None, useDispatcher: Any = None) -> Any:  # noqa: ANN401
    """Wrap ``ob`` in a gateway and return its ``iid`` (IDispatch by default).

    ``usePolicy`` answers the calls (DefaultPolicy by default), behind ``useDispatcher``
    when one is given (1: the debug dispatcher).
    """
    if useDispatcher == 1:
        useDispatcher = dispatcher.DefaultDebugDispatcher
    usePolicy = usePolicy or policy.DefaultPolicy
    answerer = usePolicy(ob) if not useDispatcher else useDispatcher(usePolicy, ob)
    return pythoncom.WrapObject(answerer, pythoncom.IID_IDispatch, iid)


def unwrap(ob: object) -> object:
    """Return the Python object behind a wrapped COM object of this apartment."""
    pointer = interface_pointer(ob, name_type=False)  # as pythoncom.UnwrapObject
    try:
        return com.unwrap(pointer)
    except ValueError:
        raise ValueError("argument is not a Python gateway (0x80004002)") from None


def NewEnum(
    seq: Any,  # noqa: ANN401
    cls: Any = ListEnumerator,  # noqa: ANN401
    iid: object = pythoncom.IID_IEnumVARIANT,
    usePolicy: Any = None,  # noqa: ANN401
    useDispatcher: Any = None,  # noqa: ANN401
) -> Any:  # noqa: ANN401
    """Make an enumerator COM object over ``seq`` (``cls``, ListEnumerator by default)."""
    return wrap(cls(seq, iid=iid), iid, usePolicy=usePolicy, useDispatcher=useDispatcher)


def NewCollection(seq: Any, cls: Any = Collection) -> Any:  # noqa: ANN401
    """Make a collection COM object over ``seq``; return its IDispatch."""
    return pythoncom.WrapObject(
        policy.DefaultPolicy(cls(seq)), pythoncom.IID_IDispatch, pythoncom.IID_IDispatch
    )


class FileStream:
    """A COM IStream server over a Python file object (its read, write, seek and tell)."""

    _public_methods_: ClassVar[list[str]] = ["Read", "Write", "Clone", "CopyTo", "Seek"]
    _com_interfaces_: ClassVar[list[Any]] = [pythoncom.IID_IStream]

    def __init__(self, file: Any) -> None:  # noqa: ANN401
        self.file = file

    def Read(self, amount: int) -> Any:  # noqa: ANN401
        """Up to ``amount`` bytes from the file."""
        return self.file.read(amount)

    def Write(self, data: Any) -> int:  # noqa: ANN401
        """Write ``data``; its length."""
        self.file.write(data)
        return len(data)

    def Clone(self) -> Any:  # noqa: ANN401
        """Another stream over the same file (sharing its position)."""
        return self._wrap(self.__class__(self.file))

    def CopyTo(self, dest: Any, cb: int) -> tuple[int, int]:  # noqa: ANN401
        """Copy up to ``cb`` bytes to the stream ``dest``; (bytes read, bytes written)."""
        data = self.file.read(cb)
        dest.Write(data)
        return len(data), len(data)  # pywin32 counts what it read as written

    def Seek(self, offset: int, origin: int) -> int:
        """Move in the file (STREAM_SEEK_* are the C library's origins); the new position."""
        self.file.seek(offset, origin)
        position: int = self.file.tell()
        return position

    def _wrap(self, ob: object) -> Any:  # noqa: ANN401
        return wrap(ob)
