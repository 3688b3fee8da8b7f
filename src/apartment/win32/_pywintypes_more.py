"""More of pywin32's ``pywintypes``: GUIDs, DOS times, raw UTF-16, registry keys, WAVEFORMATEX.

``pywintypes`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import datetime as _dt
import operator

from .. import com, kernel
from ..errors import Win32Error
from ._api_registry import PyHKEY
from ._timeconv import filetime_to_datetime

__all__ = [
    "CreateGuid", "DosDateTimeToTime", "HKEY", "IsTextUnicode", "UnicodeFromRaw",
    "WAVEFORMATEX", "WAVE_FORMAT_PCM", "PyWAVEFORMATEX",
]  # fmt: skip

WAVE_FORMAT_PCM = 1
_EPOCH_1601 = _dt.datetime(1601, 1, 1)


def CreateGuid() -> object:
    """A new, random GUID (CoCreateGuid), as a PyIID."""
    from .pywintypes import IID  # pywintypes imports this module

    return IID(com.new_guid())


def _buffer(value: object) -> bytes:
    """A read-buffer argument: bytes-like; a str is read as its UTF-8 bytes, as pywin32 does."""
    if isinstance(value, str):
        return value.encode()
    try:
        return bytes(memoryview(value))  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'") from None


def IsTextUnicode(data: object, flags: int, /) -> tuple[int, int]:
    """Whether ``data`` looks like UTF-16 text: ``(verdict, the tests that passed)``."""
    verdict, found = kernel.is_text_unicode(_buffer(data), operator.index(flags))
    return int(verdict), found


def UnicodeFromRaw(data: object, /) -> str:
    """The UTF-16 (little-endian) text of a buffer; a trailing odd byte is dropped."""
    if isinstance(data, str):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    raw = _buffer(data)
    return raw[: len(raw) & ~1].decode("utf-16-le", "surrogatepass")


def DosDateTimeToTime(FatDate: int, FatTime: int, /) -> _dt.datetime:
    """A FAT file system's date and time (16 bits each) as a pywintypes time, read as UTC.

    Raises:
        pywintypes.error: a field out of range (day 0, month 13, 62 seconds...), with the
            code 0 DosDateTimeToFileTime leaves.
    """
    from .pywintypes import TimeType  # pywintypes imports this module

    date, time = operator.index(FatDate) & 0xFFFF, operator.index(FatTime) & 0xFFFF
    try:
        when = _dt.datetime(
            1980 + (date >> 9), date >> 5 & 0xF, date & 0x1F,
            time >> 11, time >> 5 & 0x3F, (time & 0x1F) * 2,
        )  # fmt: skip
    except ValueError:
        raise Win32Error(0, "DosDateTimeToFileTime", "No error message is available") from None
    ticks = (when - _EPOCH_1601) // _dt.timedelta(microseconds=1) * 10
    return filetime_to_datetime(ticks, TimeType)


def HKEY(value: object = 0, /) -> PyHKEY:
    """A PyHKEY object for a registry key handle value (not opened: it only holds the value)."""
    return PyHKEY(operator.index(value))  # type: ignore[arg-type]


class PyWAVEFORMATEX:
    """A WAVEFORMATEX structure (mmreg.h): the format of a wave audio buffer, all zero at first."""

    __slots__ = (
        "nAvgBytesPerSec", "nBlockAlign", "nChannels", "nSamplesPerSec", "wBitsPerSample",
        "wFormatTag",
    )  # fmt: skip

    def __init__(self) -> None:
        self.wFormatTag = 0
        self.nChannels = 0
        self.nSamplesPerSec = 0
        self.nAvgBytesPerSec = 0
        self.nBlockAlign = 0
        self.wBitsPerSample = 0


def WAVEFORMATEX() -> PyWAVEFORMATEX:
    """A new, zeroed WAVEFORMATEX."""
    return PyWAVEFORMATEX()
