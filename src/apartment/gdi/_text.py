"""Text: a fixed, documented font model (nothing is rendered).

Every font measures as a fixed-pitch font of its LOGFONT's size, so programs that lay out
text get stable, plausible numbers:

* cell height ``H``: ``lfHeight`` when positive; ``round(-lfHeight * 1.25)`` when negative (a
  character height, plus the internal leading); 16 when 0;
* ascent ``round(H * 0.8)``, descent ``H - ascent``, internal leading ``H - round(H * 0.8)``
  for a negative ``lfHeight`` and ``round(H / 8)`` otherwise;
* every character is ``lfWidth`` wide, or ``round(H * 7 / 16)`` when it is 0, plus the
  context's character extra; a tab is 8 characters, a line break nothing;
* weight ``lfWeight`` (400 when 0); the face is ``lfFaceName``, "System" when empty.

Text output (TextOut, ExtTextOut, DrawText) measures and moves the current position as
asked, and draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._dc import DeviceContext
    from ._objects import LogFont

__all__ = ["TextMetrics", "text_metrics", "text_extent", "face_name", "draw_text_extent"]

DT_CALCRECT = 0x400
DT_SINGLELINE = 0x20
DT_CENTER = 0x1
DT_RIGHT = 0x2
DT_VCENTER = 0x4
DT_BOTTOM = 0x8


@dataclass(frozen=True)
class TextMetrics:
    """TEXTMETRIC's fields (GetTextMetrics), by their Pythonic names."""

    height: int
    ascent: int
    descent: int
    internal_leading: int
    external_leading: int
    ave_char_width: int
    max_char_width: int
    weight: int
    overhang: int
    digitized_aspect_x: int
    digitized_aspect_y: int
    first_char: str
    last_char: str
    default_char: str
    break_char: str
    italic: int
    underlined: int
    struck_out: int
    pitch_and_family: int
    char_set: int


def _cell_height(font: LogFont) -> int:
    if font.height > 0:
        return font.height
    if font.height < 0:
        return round(-font.height * 1.25)
    return 16


def _char_width(font: LogFont) -> int:
    return abs(font.width) or max(round(_cell_height(font) * 7 / 16), 1)


def text_metrics(dc: DeviceContext) -> TextMetrics:
    """The selected font's metrics in the model above."""
    font = dc.state.font.logfont
    height = _cell_height(font)
    ascent = round(height * 0.8)
    leading = height - round(height * 0.8) if font.height < 0 else round(height / 8)
    width = _char_width(font)
    return TextMetrics(
        height=height,
        ascent=ascent,
        descent=height - ascent,
        internal_leading=leading,
        external_leading=0,
        ave_char_width=width,
        max_char_width=2 * width,
        weight=font.weight or 400,
        overhang=0,
        digitized_aspect_x=96,
        digitized_aspect_y=96,
        first_char=" ",
        last_char="\uffff",
        default_char="\x1f",
        break_char=" ",
        italic=font.italic,
        underlined=font.underline,
        struck_out=font.strike_out,
        pitch_and_family=font.pitch_and_family & 0xF0 | 0x1,  # fixed pitch: TMPF_FIXED_PITCH
        char_set=font.char_set,
    )


def _line_width(font: LogFont, line: str, extra: int) -> int:
    columns = sum(8 if char == "\t" else 0 if char in "\r\n" else 1 for char in line)
    return columns * (_char_width(font) + extra)


def text_extent(dc: DeviceContext, text: str) -> tuple[int, int]:
    """The size of a line of text (GetTextExtentPoint32); ``(0, 0)`` for no text."""
    if not text:
        return (0, 0)
    font = dc.state.font.logfont
    return _line_width(font, text, dc.state.char_extra), _cell_height(font)


def face_name(dc: DeviceContext) -> str:
    """The selected font's face (GetTextFace)."""
    return dc.state.font.logfont.face_name or "System"


def draw_text_extent(
    dc: DeviceContext, text: str, rect: tuple[int, int, int, int], flags: int
) -> tuple[int, tuple[int, int, int, int]]:
    """DrawText's result: the text's height and the rectangle (sized when DT_CALCRECT).

    Lines break at line breaks unless DT_SINGLELINE; words are not wrapped.
    """
    font = dc.state.font.logfont
    height = _cell_height(font)
    lines = (
        [text.replace("\r", "").replace("\n", "")]
        if flags & DT_SINGLELINE
        else (text.replace("\r\n", "\n").split("\n"))
    )
    total = height * len(lines) if text else 0
    if not flags & DT_CALCRECT:
        left, top, _right, bottom = rect
        if flags & DT_SINGLELINE and flags & (DT_VCENTER | DT_BOTTOM):
            offset = (bottom - top - total) // 2 if flags & DT_VCENTER else bottom - top - total
            return top + offset + total - top, rect
        return total, rect
    width = max(_line_width(font, line, dc.state.char_extra) for line in lines) if text else 0
    left, top = rect[0], rect[1]
    return total, (left, top, left + width, top + total)
