"""pywin32's ``win32com.client.util``: enumerators with indexed access, and iterators."""

from __future__ import annotations

from typing import Any

from apartment.win32 import pythoncom

from ._dispatch import CDispatch, Enumerator, EnumVARIANT, WrapEnum

__all__ = ["WrapEnum", "Enumerator", "EnumVARIANT", "Iterator"]


class Iterator:
    """Iterate an enumerator's items, as clients where they are COM objects."""

    def __init__(self, enum: Any, resultCLSID: object = None) -> None:  # noqa: ANN401
        self._iter_ = iter(enum.QueryInterface(pythoncom.IID_IEnumVARIANT))

    def __iter__(self) -> Iterator:
        return self

    def __next__(self) -> Any:  # noqa: ANN401
        return CDispatch._result(next(self._iter_))
