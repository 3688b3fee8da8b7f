"""Moniker enumerators (IEnumMoniker): a composite's parts, the running object table's names.

A native object of this layer, agile as a memory stream is: Next, Skip, Reset and Clone over
a fixed list of moniker pointers; its position changes under the kernel lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import E_NOTIMPL, ComError, NoInterfaceError
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._iids import IID_IENUMMONIKER, IID_IUNKNOWN
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["EnumMoniker"]


class EnumMoniker:
    """An enumerator of monikers (IEnumMoniker): Next, Skip, Reset, Clone."""

    __slots__ = ("__weakref__", "_items", "_position")

    def __init__(self, items: Sequence[InterfacePointer], position: int = 0) -> None:
        self._items = tuple(items)
        self._position = position

    def resolve(self, iid: str) -> None:
        """QueryInterface: an IEnumMoniker."""
        if iid not in (IID_IUNKNOWN, IID_IENUMMONIKER):
            raise NoInterfaceError(f"a moniker enumerator does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IEnumMoniker method ``method``."""
        if method == "Next":
            (count,) = args
            with KERNEL_LOCK:
                start = self._position
                self._position = min(start + max(count, 0), len(self._items))
                return self._items[start : self._position]
        if method == "Skip":
            (count,) = args
            with KERNEL_LOCK:
                self._position = min(self._position + max(count, 0), len(self._items))
            return None
        if method == "Reset":
            with KERNEL_LOCK:
                self._position = 0
            return None
        if method == "Clone":
            return EnumMoniker(self._items, self._position).pointer()
        raise ComError.from_hresult(E_NOTIMPL, f"a moniker enumerator has no {method}")

    def pointer(self) -> InterfacePointer:
        """Return an IEnumMoniker pointer to this enumerator (valid in every apartment)."""
        return make_pointer(self, neutral(), IID_IENUMMONIKER)


make_agile(EnumMoniker)
