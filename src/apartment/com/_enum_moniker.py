"""Native enumerators over a fixed list: IEnumMoniker, and the base IEnumFORMATETC shares.

IEnumMoniker enumerates a composite's parts or the running object table's names; the
clipboard's IEnumFORMATETC (``_clipboard_snapshot``) is a :class:`SequenceEnumerator` too.
Each is a native object of this layer, agile as a memory stream is: Next, Skip, Reset and
Clone over a fixed list; its position changes under the kernel lock.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import E_NOTIMPL, ComError, NoInterfaceError
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._iids import IID_IENUMMONIKER, IID_IUNKNOWN
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["EnumMoniker", "SequenceEnumerator"]


class SequenceEnumerator:
    """An enumerator (IEnum*) over a fixed list: Next, Skip, Reset, Clone.

    A subclass names its interface (``IID``), what it enumerates (``WHAT``, for errors) and
    the sequence type Next returns (``RESULT``).
    """

    __slots__ = ("__weakref__", "_items", "_position")

    IID: ClassVar[str]
    WHAT: ClassVar[str]
    RESULT: ClassVar[Callable[[Sequence[Any]], Sequence[Any]]] = tuple

    def __init__(self, items: Sequence[Any], position: int = 0) -> None:
        self._items = tuple(items)
        self._position = position

    def resolve(self, iid: str) -> None:
        """QueryInterface: the enumerator's interface and IUnknown."""
        if iid not in (IID_IUNKNOWN, self.IID):
            raise NoInterfaceError(f"a {self.WHAT} enumerator does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the enumerator's method ``method`` by its COM name."""
        if method == "Next":
            count = max(operator.index(args[0]), 0)
            with KERNEL_LOCK:
                start = self._position
                self._position = min(start + count, len(self._items))
                return type(self).RESULT(self._items[start : self._position])
        if method == "Skip":
            with KERNEL_LOCK:
                self._position = min(self._position + max(args[0], 0), len(self._items))
            return None
        if method == "Reset":
            with KERNEL_LOCK:
                self._position = 0
            return None
        if method == "Clone":
            with KERNEL_LOCK:
                position = self._position
            return type(self)(self._items, position).pointer()
        raise ComError.from_hresult(E_NOTIMPL, f"a {self.WHAT} enumerator has no {method}")

    def pointer(self) -> InterfacePointer:
        """Return a pointer to this enumerator (valid in every apartment)."""
        return make_pointer(self, neutral(), self.IID)


class EnumMoniker(SequenceEnumerator):
    """An enumerator of monikers (IEnumMoniker)."""

    __slots__ = ()
    IID = IID_IENUMMONIKER
    WHAT = "moniker"


make_agile(EnumMoniker)
