"""pywin32's ``pywintypes``: the error classes and the handle type.

``error`` *is* :class:`apartment.errors.Win32Error` and ``com_error`` *is*
:class:`apartment.errors.ComError`, so ``except pywintypes.error`` catches what the core
raises too.
"""

from __future__ import annotations

import datetime as _dt
import time as _time

from .. import com
from ..errors import ComError, Win32Error
from ._handles import HANDLE, PyHANDLE
from ._security import PyACL, PySECURITY_ATTRIBUTES, PySECURITY_DESCRIPTOR, PySID

__all__ = [
    "error", "com_error", "HANDLE", "HANDLEType", "PyHANDLE", "TRUE", "FALSE", "IID", "PyIID",
    "IIDType", "TimeType", "Time", "SECURITY_ATTRIBUTES", "SECURITY_ATTRIBUTESType",
    "SECURITY_DESCRIPTOR", "SECURITY_DESCRIPTORType", "SID", "SIDType", "ACL", "ACLType",
]  # fmt: skip

error = Win32Error
com_error = ComError
HANDLEType = PyHANDLE
TRUE = True
FALSE = False
SECURITY_ATTRIBUTESType = PySECURITY_ATTRIBUTES
SECURITY_DESCRIPTORType = PySECURITY_DESCRIPTOR
SIDType = PySID
ACLType = PyACL


def SECURITY_ATTRIBUTES() -> PySECURITY_ATTRIBUTES:
    """A new SECURITY_ATTRIBUTES: inheritable (pywin32's default), with an empty descriptor.

    Only ``bInheritHandle`` has an effect here; see ``docs/differences-from-windows.md``.
    """
    return PySECURITY_ATTRIBUTES()


def SECURITY_DESCRIPTOR(size: int = 0, /) -> PySECURITY_DESCRIPTOR:
    """A new, empty security descriptor (kept, never enforced)."""
    return PySECURITY_DESCRIPTOR(size)


def SID() -> PySID:
    """A new SID, to Initialize (kept, never enforced)."""
    return PySID()


def ACL(bufSize: int = 64, aclrev: int = 2, /) -> PyACL:
    """A new, empty access-control list (kept, never enforced)."""
    return PyACL(bufSize, aclrev)


class PyIID:
    """A GUID (CLSID or IID), as pywintypes.IID makes it; ``str()`` gives ``{...}``."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"IID('{self._text}')"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PyIID):
            return self._text == other._text
        if isinstance(other, str):
            return self._text == other.upper()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)


IIDType = PyIID


def IID(iidString: str, is_bytes: bool = False, /) -> PyIID:
    """Parse a braced GUID string into a PyIID (CO_E_CLASSSTRING if it is not one)."""
    if isinstance(iidString, PyIID):
        return iidString
    if not isinstance(iidString, str):
        raise TypeError(
            f"Objects of type '{type(iidString).__name__}' can not be converted to Unicode."
        )
    return PyIID(com.normalize_clsid(iidString))


def clsid_text(clsid: object) -> str:
    """Read a CLSID or ProgID argument: a str or a PyIID (pywin32 refuses anything else)."""
    if isinstance(clsid, PyIID):
        return str(clsid)
    if isinstance(clsid, str):
        return clsid
    raise TypeError("Only strings and iids can be converted to a CLSID.")


class TimeType(_dt.datetime):
    """pywin32's time type (``pywintypes.datetime``): a datetime with ``Format``.

    A date that crossed COM (VT_DATE) is one of these, aware and in UTC.
    """

    def Format(self, fmt: str = "%c") -> str:
        """The time as ``time.strftime`` formats it."""
        return self.strftime(fmt)


def Time(timeRepr: object, /) -> _dt.datetime:
    """Make a time: from seconds since 1970 (local time), a time tuple, or a datetime.

    A datetime comes back as it is, as pywin32's does.
    """
    if isinstance(timeRepr, _dt.datetime):
        return timeRepr
    if isinstance(timeRepr, (int, float)) and not isinstance(timeRepr, bool):
        return TimeType.fromtimestamp(timeRepr)
    if isinstance(timeRepr, (tuple, _time.struct_time)) and len(timeRepr) >= 6:
        return TimeType(*timeRepr[:6])
    raise TypeError("function takes at least 9 arguments (1 given)")


com.set_iid_type(PyIID, IID)
com.set_time_type(TimeType)
