"""pywin32's type description records and the type library names that need no library file.

``TYPEATTR``, ``FUNCDESC`` and ``VARDESC`` are, in pywin32, functions that make an empty
record (``PyTYPEATTR``, ``PyFUNCDESC``, ``PyVARDESC``) with the fields of the C structures of
the same names; ITypeInfo's GetTypeAttr, GetFuncDesc and GetVarDesc return the same records.
``pythoncom`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

from typing import NoReturn

from .. import com
from ..errors import E_INVALIDARG, ComError
from ._interfaces import com_object
from ._type_records import PyFUNCDESC, PyTYPEATTR, PyVARDESC
from ._typeinfo_faces import PyITypeInfo

__all__ = [
    "TYPEATTR", "FUNCDESC", "VARDESC", "GetRecordFromTypeInfo", "UnRegisterTypeLib",
    "ObjectFromAddress",
]  # fmt: skip


def TYPEATTR() -> PyTYPEATTR:
    """A new, empty TYPEATTR record."""
    return PyTYPEATTR()


def FUNCDESC() -> PyFUNCDESC:
    """A new, empty FUNCDESC record."""
    return PyFUNCDESC()


def VARDESC() -> PyVARDESC:
    """A new, empty VARDESC record."""
    return PyVARDESC()


def GetRecordFromTypeInfo(TypeInfo: object, /) -> NoReturn:
    if isinstance(TypeInfo, PyITypeInfo):  # the system libraries describe no records
        raise ComError.from_hresult(E_INVALIDARG, "that type information describes no record")
    com.record_from_type_info(com_object(TypeInfo))


def UnRegisterTypeLib(
    iid: object, versionMajor: int, versionMinor: int, lcid: int, syskind: int = 1, /
) -> NoReturn:
    com.unregister_type_library(iid, versionMajor, versionMinor, lcid, syskind)


def ObjectFromAddress(address: int, iid: object = None, /) -> NoReturn:
    """The COM object at a raw interface address: no object here has one (ValueError)."""
    raise ValueError(
        "Address is not a valid COM object (win32 exception attempting to retrieve it!)"
    )
