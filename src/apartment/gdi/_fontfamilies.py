"""The font families this GDI knows (EnumFontFamilies): the faces its stock fonts and the
system's default fonts use.

No font files are read: each family is described by one LOGFONT (a typical cell height, a
regular weight, its pitch and family bits, ANSI_CHARSET, or OEM_CHARSET for Terminal) and
its type: TRUETYPE_FONTTYPE for outline faces, RASTER_FONTTYPE for the bitmap faces
Windows still ships (System, Terminal, Fixedsys, Courier, MS Sans Serif).
"""  # noqa: D205

from __future__ import annotations

from typing import TYPE_CHECKING

from ._objects import LogFont

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["RASTER_FONTTYPE", "TRUETYPE_FONTTYPE", "enum_font_families", "font_families"]

RASTER_FONTTYPE = 0x1
TRUETYPE_FONTTYPE = 0x4
_ANSI, _OEM = 0, 255
_FIXED_MODERN, _VARIABLE_SWISS, _VARIABLE_ROMAN = 0x31, 0x22, 0x12
_FAMILIES = (
    ("Arial", _VARIABLE_SWISS, _ANSI, TRUETYPE_FONTTYPE),
    ("Courier", _FIXED_MODERN, _ANSI, RASTER_FONTTYPE),
    ("Courier New", _FIXED_MODERN, _ANSI, TRUETYPE_FONTTYPE),
    ("Fixedsys", _FIXED_MODERN, _ANSI, RASTER_FONTTYPE),
    ("MS Sans Serif", _VARIABLE_SWISS, _ANSI, RASTER_FONTTYPE),
    ("Segoe UI", _VARIABLE_SWISS, _ANSI, TRUETYPE_FONTTYPE),
    ("System", _VARIABLE_SWISS, _ANSI, RASTER_FONTTYPE),
    ("Tahoma", _VARIABLE_SWISS, _ANSI, TRUETYPE_FONTTYPE),
    ("Terminal", _FIXED_MODERN, _OEM, RASTER_FONTTYPE),
    ("Times New Roman", _VARIABLE_ROMAN, _ANSI, TRUETYPE_FONTTYPE),
)


def font_families(family: str | None = None) -> list[tuple[LogFont, int]]:
    """One ``(LogFont, font type)`` per family, sorted by name; for ``family``, its own
    (any case) or none."""  # noqa: D205, D209
    found = []
    for name, pitch, charset, kind in _FAMILIES:
        if family is not None and family.casefold() != name.casefold():
            continue
        font = LogFont(height=16, weight=400, char_set=charset, pitch_and_family=pitch,
                       face_name=name)  # fmt: skip
        found.append((font, kind))
    return found


def enum_font_families(family: str | None, callback: Callable[[LogFont, int], int]) -> int:
    """EnumFontFamilies: ``callback(font, font type)`` per family of :func:`font_families`
    until it returns 0; the last value it returned (1 when it was never called).

    The callback runs on the calling thread.
    """  # noqa: D205
    result = 1
    for font, kind in font_families(family):
        result = callback(font, kind)
        if not result:
            break
    return result
