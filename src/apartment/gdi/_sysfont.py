"""The fonts of the system's parameters: the icon title font, the non-client metrics.

The non-client metrics (SPI_GETNONCLIENTMETRICS) are Windows 10's at 96 dpi, fixed.

Windows 10's (Segoe UI, 9 points at 96 dpi: a height of -12) until SPI_SETICONTITLELOGFONT
changes it for the process (see ``kernel._sysparams`` for why the process).
"""

from __future__ import annotations

import threading

from .._fork import OUTER, hold_across_fork
from ._objects import LogFont

__all__ = ["icon_title_font", "nonclient_metrics", "set_icon_title_font"]

_DEFAULT = LogFont(height=-12, weight=400, char_set=1, face_name="Segoe UI")
_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_font = [_DEFAULT]


def icon_title_font() -> LogFont:
    """The font of icon titles (SPI_GETICONTITLELOGFONT)."""
    with _lock:
        return _font[0]


def set_icon_title_font(font: LogFont) -> None:
    """Set the font of icon titles (SPI_SETICONTITLELOGFONT)."""
    if not isinstance(font, LogFont):
        raise TypeError(f"a font is a LogFont, not {type(font).__name__}")
    with _lock:
        _font[0] = font


def nonclient_metrics() -> dict[str, int | LogFont]:
    """NONCLIENTMETRICS's fields by their SDK names: sizes in pixels, fonts as LogFont."""
    font = _DEFAULT
    return {
        "iBorderWidth": 1, "iScrollWidth": 17, "iScrollHeight": 17,
        "iCaptionWidth": 36, "iCaptionHeight": 22, "lfCaptionFont": font,
        "iSmCaptionWidth": 22, "iSmCaptionHeight": 22, "lfSmCaptionFont": font,
        "iMenuWidth": 19, "iMenuHeight": 19, "lfMenuFont": font,
        "lfStatusFont": font, "lfMessageFont": font,
    }  # fmt: skip
