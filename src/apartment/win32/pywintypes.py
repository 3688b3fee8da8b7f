"""pywin32's ``pywintypes``: the error classes, the handle type and OVERLAPPED.

``error`` *is* :class:`apartment.errors.Win32Error` and ``com_error`` *is*
:class:`apartment.errors.ComError`, so ``except pywintypes.error`` catches what the core
raises too.
"""

from __future__ import annotations

import ctypes
import datetime as _dt
import operator
import typing as _typing
import uuid as _uuid
import warnings
import weakref
from typing import NoReturn, cast

from .. import com
from ..errors import ComError, Win32Error
from ..kernel import Event, Overlapped
from ._adapt import api
from ._com_door import com_api
from ._handles import HANDLE, PyHANDLE, handle_value, lookup
from ._pywintypes_more import *  # noqa: F403 - its names are this module's
from ._pywintypes_more import __all__ as _more_names
from ._security import PyACL, PySECURITY_ATTRIBUTES, PySECURITY_DESCRIPTOR, PySID
from ._timeconv import filetime_to_datetime, pywin32_utc

if _typing.TYPE_CHECKING:  # an alias: TYPE_CHECKING stays a recorded gap (tests/win32)
    from collections.abc import Sequence

__all__ = [
    "error", "com_error", "HANDLE", "HANDLEType", "PyHANDLE", "TRUE", "FALSE", "IID", "PyIID",
    "IIDType", "OVERLAPPED", "OVERLAPPEDType", "PyOVERLAPPED", "TimeType", "Time",
    "SECURITY_ATTRIBUTES", "SECURITY_ATTRIBUTESType", "SECURITY_DESCRIPTOR",
    "SECURITY_DESCRIPTORType", "SID", "SIDType", "ACL", "ACLType", "TimeStamp", "CreateGuid",
    "DosDateTimeToTime", *_more_names,
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


def SID(buffer: object = None, /) -> PySID:
    """A new SID, to Initialize, or a copy of one in its binary form (kept, never enforced)."""
    return PySID(buffer)


def ACL(bufSize: int = 64, aclrev: int = 2, /) -> PyACL:
    """A new, empty access-control list (kept, never enforced)."""
    return PyACL(bufSize, aclrev)


class PyIID(ctypes.Structure):
    """A GUID (CLSID or IID), as pywintypes.IID makes it; ``str()`` gives ``{...}``.

    It is a GUID structure too, as pywin32's: ``memoryview(iid)`` and ``bytes(iid)`` give its
    16 bytes (Data1..Data3 little-endian), and ``IID(buffer, True)`` reads them back. Those
    bytes are not to be written: the IID's text (its value, equality and hash) stays.
    """

    _fields_ = (
        ("Data1", ctypes.c_uint32),
        ("Data2", ctypes.c_uint16),
        ("Data3", ctypes.c_uint16),
        ("Data4", ctypes.c_ubyte * 8),
    )
    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        t = text  # normalized: {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}
        raw = bytes.fromhex(
            t[7:9] + t[5:7] + t[3:5] + t[1:3] + t[12:14] + t[10:12] + t[17:19] + t[15:17]
            + t[20:24] + t[25:37]
        )  # fmt: skip
        ctypes.memmove(ctypes.addressof(self), raw, 16)
        self._text = text

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"IID('{self._text}')"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PyIID):
            return self._text == other._text
        return NotImplemented  # as pywin32's: never equal to its string (IID("{...}") != "{...}")

    def __hash__(self) -> int:
        return hash(self._text)

    def __reduce__(self) -> NoReturn:
        raise TypeError("cannot pickle 'PyIID' object")  # as pywin32's


IIDType = PyIID


@com_api
def IID(iidString: object, is_bytes: object = False, /) -> PyIID:
    """Parse a braced GUID string, or a registered ProgID, into a PyIID (else CO_E_CLASSSTRING).

    With ``is_bytes`` true, ``iidString`` is a buffer whose first 16 bytes are the GUID.
    """
    if is_bytes:
        try:
            raw = memoryview(iidString).tobytes()  # type: ignore[arg-type]
        except TypeError:
            kind = type(iidString).__name__
            raise TypeError(f"a bytes-like object is required, not '{kind}'") from None
        if len(raw) < 16:
            raise ValueError(f"string too small - must be at least 16 bytes (got {len(raw)})")
        return PyIID(com.normalize_clsid(_uuid.UUID(bytes_le=raw[:16])))
    if isinstance(iidString, PyIID):
        return iidString
    if not isinstance(iidString, str):
        raise TypeError(
            f"Objects of type '{type(iidString).__name__}' can not be converted to Unicode."
        )
    if iidString.startswith("{"):
        return PyIID(com.normalize_clsid(iidString))
    return PyIID(com.clsid_from_progid(iidString))  # as CLSIDFromString: a ProgID too


def clsid_text(clsid: object) -> str:
    """Read a CLSID or ProgID argument: a str or a PyIID (pywin32 refuses anything else)."""
    if isinstance(clsid, PyIID):
        return str(clsid)
    if isinstance(clsid, str):
        return clsid
    raise TypeError("Only strings and iids can be converted to a CLSID.")


# NTSTATUS of an operation's end, as OVERLAPPED.Internal shows it, by its Win32 code.
_STATUS_PENDING = 0x103
_NTSTATUS = {
    0: 0,
    234: 0x80000005,  # ERROR_MORE_DATA: STATUS_BUFFER_OVERFLOW
    38: 0xC0000011,  # ERROR_HANDLE_EOF: STATUS_END_OF_FILE
    995: 0xC0000120,  # ERROR_OPERATION_ABORTED: STATUS_CANCELLED
    109: 0xC000014B,  # ERROR_BROKEN_PIPE: STATUS_PIPE_BROKEN
    233: 0xC00000B0,  # ERROR_PIPE_NOT_CONNECTED: STATUS_PIPE_DISCONNECTED
    232: 0xC00000B1,  # ERROR_NO_DATA: STATUS_PIPE_CLOSING
    231: 0xC00000AE,  # ERROR_PIPE_BUSY: STATUS_PIPE_BUSY
    230: 0xC00000AD,  # ERROR_BAD_PIPE: STATUS_INVALID_PIPE_STATE
    33: 0xC0000054,  # ERROR_LOCK_VIOLATION: STATUS_FILE_LOCK_CONFLICT
    5: 0xC0000022,  # ERROR_ACCESS_DENIED
    6: 0xC0000008,  # ERROR_INVALID_HANDLE
    87: 0xC000000D,  # ERROR_INVALID_PARAMETER
}
_UNSUCCESSFUL = 0xC0000001


def _ulong(value: object) -> int:
    """Read a C unsigned long member as pywin32 does: negatives wrap, with its warning."""
    number = operator.index(value)  # type: ignore[arg-type]
    if number > 0xFFFFFFFF:
        raise OverflowError("Python int too large to convert to C unsigned long")
    if number < 0:
        warnings.warn("Writing negative value into unsigned field", RuntimeWarning, stacklevel=3)
        number &= 0xFFFFFFFF
    return number


class PyOVERLAPPED:
    """An OVERLAPPED structure, as pywintypes.OVERLAPPED() makes it.

    ``Offset``/``OffsetHigh`` say where a file read or write starts; ``hEvent`` is set when
    the operation completes; ``Internal`` (its NTSTATUS, STATUS_PENDING while it runs) and
    ``InternalHigh`` (its byte count) follow the operation live; ``object`` and ``dword``
    are free for the caller. Two OVERLAPPEDs are equal when their contents are; the hash is
    by identity, as pywin32's are.
    """

    __slots__ = (
        "__weakref__",
        "_core",
        "_dword",
        "_hevent",
        "_internal",
        "_offset",
        "_offset_high",
        "object",
    )

    def __init__(self) -> None:
        # The core's Overlapped points back weakly: a completion port's packet carries it,
        # and GetQueuedCompletionStatus finds this object again, if it still lives.
        self._core = Overlapped(context=weakref.ref(self))
        self._offset = self._offset_high = self._dword = 0
        self._hevent: object = 0
        self._internal: tuple[int, int] | None = None  # values the caller wrote, until next use
        self.object: object = None

    def __repr__(self) -> str:
        return f"<PyOVERLAPPED object at {id(self):#018x}>"

    Offset = property(
        lambda self: self._offset, lambda self, v: setattr(self, "_offset", _ulong(v))
    )
    OffsetHigh = property(
        lambda self: self._offset_high, lambda self, v: setattr(self, "_offset_high", _ulong(v))
    )
    dword = property(lambda self: self._dword, lambda self, v: setattr(self, "_dword", _ulong(v)))

    @property
    def hEvent(self) -> object:
        """The event's handle: the PyHANDLE given, or the int."""
        return self._hevent

    @hEvent.setter
    def hEvent(self, value: object) -> None:
        handle_value(value)  # a PyHANDLE or an int, else TypeError
        self._hevent = value if isinstance(value, PyHANDLE) else int(value or 0)  # type: ignore[call-overload]

    @property
    def Internal(self) -> int:
        """The NTSTATUS of the last operation (STATUS_PENDING, 0x103, while it runs)."""
        if self._internal is not None:
            return self._internal[0]
        status = self._core.status
        if status == 997:
            return _STATUS_PENDING
        return _NTSTATUS.get(status, _UNSUCCESSFUL)

    @Internal.setter
    def Internal(self, value: int) -> None:
        self._internal = (operator.index(value), self.InternalHigh)

    @property
    def InternalHigh(self) -> int:
        """The bytes the last operation transferred."""
        if self._internal is not None:
            return self._internal[1]
        return self._core.transferred

    @InternalHigh.setter
    def InternalHigh(self, value: int) -> None:
        self._internal = (self.Internal, operator.index(value))

    def _contents(self) -> tuple[object, ...]:
        return (
            self.Internal, self.InternalHigh, self._offset, self._offset_high,
            handle_value(self._hevent), id(self.object) if self.object is not None else 0,
            self._dword,
        )  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PyOVERLAPPED):
            return NotImplemented
        return self._contents() == other._contents()

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, PyOVERLAPPED):
            return NotImplemented
        return self._contents() != other._contents()

    __hash__ = object.__hash__


OVERLAPPEDType = PyOVERLAPPED


def OVERLAPPED() -> PyOVERLAPPED:
    """Make an OVERLAPPED (pywintypes.OVERLAPPED), all zero."""
    return PyOVERLAPPED()


def overlapped_arg(overlapped: object) -> Overlapped | None:
    """Read an OVERLAPPED argument (None allowed) into the core's, offset and event set.

    The event handle is looked up now, as the Win32 call would (a handle that is not an
    event fails with ERROR_INVALID_HANDLE).
    """
    if overlapped is None:
        return None
    if not isinstance(overlapped, PyOVERLAPPED):
        raise TypeError("The object is not a PyOVERLAPPED object")
    core = overlapped._core
    core.offset = overlapped._offset | overlapped._offset_high << 32
    event = handle_value(overlapped._hevent)
    core.event = lookup(event, Event) if event else None
    core.queue_completion = not event & 1  # Win32: a low bit set keeps it off the port
    overlapped._internal = None
    return core


def overlapped_core(overlapped: object) -> Overlapped:
    """Read a required OVERLAPPED argument without starting anything (GetOverlappedResult)."""
    if not isinstance(overlapped, PyOVERLAPPED):
        raise TypeError("The object is not a PyOVERLAPPED object")
    return overlapped._core


def overlapped_offset(overlapped: object) -> int:
    """The file offset an OVERLAPPED names (UnlockFileEx reads only that)."""
    if not isinstance(overlapped, PyOVERLAPPED):
        raise TypeError("The object is not a PyOVERLAPPED object")
    return overlapped._offset | overlapped._offset_high << 32


class TimeType(_dt.datetime):
    """pywin32's time type (``pywintypes.datetime``): a datetime with ``Format``.

    A date that crossed COM (VT_DATE) is one of these, aware and in UTC.
    """

    def Format(self, fmt: str = "%c") -> str:
        """The time as ``time.strftime`` formats it."""
        return self.strftime(fmt)

    def __repr__(self) -> str:
        text = super().__repr__()
        return "pywintypes.datetime" + text[text.index("(") :]


# pywin32's type is ``pywintypes.datetime``: programs print ``type(t).__name__`` and reprs.
TimeType.__name__ = TimeType.__qualname__ = "datetime"
TimeType.__module__ = "pywintypes"


def Time(timeRepr: object, /) -> _dt.datetime:
    """Make a time, as pywin32's: naive, local, to the millisecond.

    From seconds since 1970, a time tuple of 9 items (``time.localtime()``'s) or 10 (then
    milliseconds), or a date. A datetime comes back as it is. Seconds are any number, read as
    ``int()`` reads it (fractions dropped toward zero) into a C long, which is 32 bits on
    Windows: beyond it OverflowError; -1 is pywin32's error marker, so TypeError ("bad
    argument type"); another negative ValueError.
    """
    if isinstance(timeRepr, _dt.datetime):
        return timeRepr
    if isinstance(timeRepr, _dt.date):
        return TimeType(timeRepr.year, timeRepr.month, timeRepr.day)
    if _is_number(timeRepr):
        return TimeType.fromtimestamp(_c_long_seconds(timeRepr))
    if not _is_sequence(timeRepr):
        kind = type(timeRepr).__name__
        raise TypeError(f"Objects of type '{kind}' can not be used as a time object")
    fields = cast("Sequence[object]", timeRepr)
    if len(fields) < 9:
        raise TypeError(f"function takes at least 9 arguments ({len(fields)} given)")
    if len(fields) > 10:
        raise TypeError(f"function takes at most 10 arguments ({len(fields)} given)")
    year, month, day, hour, minute, second = (operator.index(v) for v in fields[:6])  # type: ignore[arg-type]
    milliseconds = operator.index(fields[9]) if len(fields) == 10 else 0  # type: ignore[arg-type]
    # Out-of-range fields carry into the next (month 13 is January of the next year).
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return TimeType(year, month, 1) + _dt.timedelta(
        days=day - 1, hours=hour, minutes=minute, seconds=second, milliseconds=milliseconds
    )


def _is_number(value: object) -> bool:
    """Whether Python's C API counts ``value`` a number (PyNumber_Check): int, float, complex."""
    kind = type(value)
    return isinstance(value, complex) or any(
        hasattr(kind, slot) for slot in ("__index__", "__int__", "__float__")
    )


def _is_sequence(value: object) -> bool:
    """Whether Python's C API counts ``value`` a sequence (PySequence_Check): not a dict."""
    return hasattr(type(value), "__getitem__") and not isinstance(value, dict)


def _c_long_seconds(value: object) -> int:
    """Seconds as pywin32 reads them: ``int(value)`` into a 32-bit C long, -1 its error."""
    seconds: int = int(value)  # type: ignore[call-overload]
    if not -(2**31) <= seconds < 2**31:
        raise OverflowError("Python int too large to convert to C long")
    if seconds == -1:
        raise TypeError("bad argument type for built-in operation")
    if seconds < 0:
        raise ValueError("invalid timestamp")
    return seconds


@api("FileTimeToSystemTime")
def TimeStamp(timestamp: object, /) -> _dt.datetime:
    """Make a time from a TimeStamp (a FILETIME: 100 ns since 1601, UTC), as SSPI gives one.

    Aware, in UTC, to the millisecond; a value past the year 9999 (such as
    0x7FFFFFFFFFFFFFFF, "never") is ``datetime.max``. A negative one fails as
    FileTimeToSystemTime does (ERROR_INVALID_PARAMETER).
    """
    if not isinstance(timestamp, int):
        raise TypeError("LARGE_INTEGER must be 'int', or '(int, int)'")
    return filetime_to_datetime(timestamp, TimeType)


com.set_iid_type(PyIID, IID)
com.make_agile(PyIID)  # an IID is a value: it crosses apartments as itself, never by proxy
com.set_time_type(TimeType, pywin32_utc)


def CreateGuid() -> PyIID:
    """A new, random GUID (CoCreateGuid)."""
    return IID(com.new_guid())


_DOS_EPOCH = _dt.datetime(1601, 1, 1)


def DosDateTimeToTime(FatDate: int, FatTime: int, /) -> _dt.datetime:
    """A FAT file system's date and time (16 bits each) as a pywintypes time, read as UTC.

    Raises:
        pywintypes.error: a field out of range (day 0, month 13, 62 seconds...), with the
            code 0 DosDateTimeToFileTime leaves.
    """
    date, time = operator.index(FatDate) & 0xFFFF, operator.index(FatTime) & 0xFFFF
    try:
        when = _dt.datetime(
            1980 + (date >> 9), date >> 5 & 0xF, date & 0x1F,
            time >> 11, time >> 5 & 0x3F, (time & 0x1F) * 2,
        )  # fmt: skip
    except ValueError:
        raise Win32Error(0, "DosDateTimeToFileTime", "No error message is available") from None
    ticks = (when - _DOS_EPOCH) // _dt.timedelta(microseconds=1) * 10
    return filetime_to_datetime(ticks, TimeType)
