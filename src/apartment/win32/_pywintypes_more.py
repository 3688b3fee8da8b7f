"""More of pywin32's ``pywintypes``: raw UTF-16, registry keys, WAVEFORMATEX.

``pywintypes`` re-exports every name here (kept apart to keep that module small).
"""

from __future__ import annotations

import operator

from .. import kernel
from ._hkey import PyHKEY

__all__ = [
    "HKEY", "IsTextUnicode", "UnicodeFromRaw",
    "WAVEFORMATEX", "WAVE_FORMAT_PCM", "PyWAVEFORMATEX", "WAVEFORMATEXType",
]  # fmt: skip

WAVE_FORMAT_PCM = 1


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


WAVEFORMATEXType = PyWAVEFORMATEX  # pywin32's name of the type


def WAVEFORMATEX() -> PyWAVEFORMATEX:
    """A new, zeroed WAVEFORMATEX."""
    return PyWAVEFORMATEX()
