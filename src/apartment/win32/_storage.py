"""pywin32's ``pythoncom.StgOpenStorage``: structured storage, refused as Windows refuses it."""

from __future__ import annotations

from typing import NoReturn

from .. import com
from ._interfaces import interface_pointer

__all__ = ["StgOpenStorage"]


def StgOpenStorage(
    name: object, other: object, mode: int, snbExclude: object = None, reserved: int = 0, /
) -> NoReturn:
    """Open a compound file: fails with StgOpenStorage's HRESULT (see ``com.open_storage``)."""
    if name is not None and not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    if other is not None:
        interface_pointer(other)  # pywin32's ValueError for anything but a COM object
    com.open_storage(name, mode, reserved)
