"""Clipboard formats: the standard ones, the text conversions Windows synthesizes, code pages.

A format is a UINT. The standard formats (``CF_TEXT`` = 1 ... ``CF_DIBV5`` = 17) keep their
SDK names and values; formats a program registers by name are numbered from 0xC000
(:mod:`._clipboard`). When the clipboard is closed after a change, Windows adds the formats
it can make from those present: the three text formats from one another and ``CF_LOCALE``
(the locale the text is in). Here the text is converted with the code pages of an en-US
Windows: ANSI 1252 and OEM 437, locale 0x0409. Windows' image and metafile conversions
(``CF_DIB`` to ``CF_BITMAP``, ...) need GDI and are not made.
"""

from __future__ import annotations

import codecs
from typing import Final

__all__ = [
    "CF_TEXT", "CF_BITMAP", "CF_METAFILEPICT", "CF_SYLK", "CF_DIF", "CF_TIFF", "CF_OEMTEXT",
    "CF_DIB", "CF_PALETTE", "CF_PENDATA", "CF_RIFF", "CF_WAVE", "CF_UNICODETEXT",
    "CF_ENHMETAFILE", "CF_HDROP", "CF_LOCALE", "CF_DIBV5", "CF_MAX", "CF_OWNERDISPLAY",
    "CF_DSPTEXT", "CF_DSPBITMAP", "CF_DSPMETAFILEPICT", "CF_DSPENHMETAFILE",
    "CF_PRIVATEFIRST", "CF_PRIVATELAST", "CF_GDIOBJFIRST", "CF_GDIOBJLAST",
    "ANSI_CODE_PAGE", "OEM_CODE_PAGE", "LOCALE_ID", "TEXT_FORMATS", "SYNTHESIZED",
    "encode_ansi", "decode_ansi", "encode_oem", "decode_oem", "text_of", "convert_text",
    "locale_data",
]  # fmt: skip

CF_TEXT: Final = 1
CF_BITMAP: Final = 2
CF_METAFILEPICT: Final = 3
CF_SYLK: Final = 4
CF_DIF: Final = 5
CF_TIFF: Final = 6
CF_OEMTEXT: Final = 7
CF_DIB: Final = 8
CF_PALETTE: Final = 9
CF_PENDATA: Final = 10
CF_RIFF: Final = 11
CF_WAVE: Final = 12
CF_UNICODETEXT: Final = 13
CF_ENHMETAFILE: Final = 14
CF_HDROP: Final = 15
CF_LOCALE: Final = 16
CF_DIBV5: Final = 17
CF_MAX: Final = 18
CF_OWNERDISPLAY: Final = 0x0080
CF_DSPTEXT: Final = 0x0081
CF_DSPBITMAP: Final = 0x0082
CF_DSPMETAFILEPICT: Final = 0x0083
CF_DSPENHMETAFILE: Final = 0x008E
CF_PRIVATEFIRST: Final = 0x0200
CF_PRIVATELAST: Final = 0x02FF
CF_GDIOBJFIRST: Final = 0x0300
CF_GDIOBJLAST: Final = 0x03FF

ANSI_CODE_PAGE: Final = 1252
"""The ANSI code page of CF_TEXT (and of pywin32's "mbcs" strings): Windows-1252."""
OEM_CODE_PAGE: Final = 437
"""The OEM code page of CF_OEMTEXT."""
LOCALE_ID: Final = 0x0409
"""The locale CF_LOCALE names: en-US."""

TEXT_FORMATS: Final = frozenset({CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT})

SYNTHESIZED: Final = (
    (CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT),
    (CF_OEMTEXT, CF_UNICODETEXT, CF_TEXT),
    (CF_UNICODETEXT, CF_TEXT, CF_OEMTEXT),
)
"""Each text format and the formats it is made from, first choice first (Windows' order)."""

# Windows-1252 as Windows has it: the five bytes Python's codec leaves undefined map to the
# C1 controls of the same value (MultiByteToWideChar), and back.
_ANSI_DECODING = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
)
_ANSI_ENCODING = codecs.charmap_build(_ANSI_DECODING)


def encode_ansi(text: str, errors: str = "strict") -> bytes:
    """Encode ``text`` in the ANSI code page (``errors="replace"`` puts ``?``, as Windows)."""
    return codecs.charmap_encode(text, errors, _ANSI_ENCODING)[0]


def decode_ansi(data: bytes) -> str:
    """Decode bytes of the ANSI code page (every byte has a character)."""
    return codecs.charmap_decode(data, "strict", _ANSI_DECODING)[0]


def encode_oem(text: str, errors: str = "strict") -> bytes:
    """Encode ``text`` in the OEM code page."""
    return text.encode("cp437", errors)


def decode_oem(data: bytes) -> str:
    """Decode bytes of the OEM code page."""
    return data.decode("cp437")


def text_of(fmt: int, data: bytes) -> str:
    """The text a text format's data holds: up to its first NUL character, or its end."""
    if fmt == CF_UNICODETEXT:
        units = data[: len(data) - len(data) % 2]
        for index in range(0, len(units), 2):
            if units[index] == 0 and units[index + 1] == 0:
                units = units[:index]
                break
        return units.decode("utf-16-le", "surrogatepass")
    raw = data.split(b"\0", 1)[0]
    return decode_oem(raw) if fmt == CF_OEMTEXT else decode_ansi(raw)


def convert_text(target: int, source: int, data: bytes) -> bytes:
    """Make ``target``'s data (NUL-terminated) from ``source``'s, as Windows synthesizes it."""
    text = text_of(source, data)
    if target == CF_UNICODETEXT:
        return text.encode("utf-16-le", "surrogatepass") + b"\0\0"
    encoded = encode_oem(text, "replace") if target == CF_OEMTEXT else encode_ansi(text, "replace")
    return encoded + b"\0"


def locale_data() -> bytes:
    """CF_LOCALE's data: the locale id, a little-endian DWORD."""
    return LOCALE_ID.to_bytes(4, "little")
