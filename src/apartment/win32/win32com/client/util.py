"""pywin32's ``win32com.client.util``: enumerators with indexed access, and iterators."""

from __future__ import annotations

from typing import Any

from apartment import com
from apartment.win32 import pythoncom

from ._dispatch import CDispatch

__all__ = ["WrapEnum", "Enumerator", "EnumVARIANT", "Iterator"]


class Enumerator(com.Enumerator):
    """Indexed access to a PyIEnumVARIANT (``e[i]``, ``e(i)``), with pywin32's method names."""

    def __init__(self, enum: Any) -> None:  # noqa: ANN401
        super().__init__(enum, CDispatch)
        self._oleobj_ = enum

    def Next(self, count: int = 1) -> tuple[Any, ...]:
        """The next ``count`` items."""
        return self.fetch(count)

    def Reset(self) -> None:
        """Go back to the first item."""
        self.reset()

    def Clone(self) -> Any:  # noqa: ANN401
        """An enumerator at the same place, of this class."""
        return type(self)(self._oleobj_.Clone())


class EnumVARIANT(Enumerator):
    """What WrapEnum and a client's ``_NewEnum()`` give (pywin32's class of that name)."""


def WrapEnum(ob: Any, resultCLSID: object = None) -> EnumVARIANT:  # noqa: ANN401
    """Wrap an enumerator (any pointer to one) for indexed access."""
    return EnumVARIANT(ob.QueryInterface(pythoncom.IID_IEnumVARIANT))


class Iterator:
    """Iterate an enumerator's items, as clients where they are COM objects."""

    def __init__(self, enum: Any, resultCLSID: object = None) -> None:  # noqa: ANN401
        self._iter_ = iter(enum.QueryInterface(pythoncom.IID_IEnumVARIANT))

    def __iter__(self) -> Iterator:
        return self

    def __next__(self) -> Any:  # noqa: ANN401
        return CDispatch._result(next(self._iter_))
