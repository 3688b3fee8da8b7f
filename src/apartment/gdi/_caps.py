"""What a device context's device can do (GetDeviceCaps).

Every context here is the screen's or compatible with it (no printers are installed), so
every context answers the same: the message layer's 1024 x 768 desktop at 96 dots per inch
and 32 bits per pixel. The numbers are Wine's for its display driver, so a program that
sizes a capture by them gets what it gets under Wine; an index with no capability gives 0.
"""

from __future__ import annotations

from typing import Final

from ._dc import HORZRES, HORZSIZE, LOGPIXELS, VERTRES, VERTSIZE

__all__ = ["BITSPIXEL", "device_caps"]

BITSPIXEL: Final = 12

_CAPS: Final[dict[int, int]] = {
    0: 0x4000,  # DRIVERVERSION
    2: 1,  # TECHNOLOGY: DT_RASDISPLAY
    4: HORZSIZE,
    6: VERTSIZE,
    8: HORZRES,
    10: VERTRES,
    BITSPIXEL: 32,
    14: 1,  # PLANES
    16: -1,  # NUMBRUSHES
    18: -1,  # NUMPENS
    24: -1,  # NUMCOLORS: more than 8 bits per pixel
    28: 511,  # CURVECAPS
    30: 254,  # LINECAPS
    32: 255,  # POLYGONALCAPS
    34: 31223,  # TEXTCAPS
    36: 1,  # CLIPCAPS: CP_RECTANGLE
    38: 48793,  # RASTERCAPS
    40: 36,  # ASPECTX
    42: 36,  # ASPECTY
    44: 51,  # ASPECTXY
    88: LOGPIXELS,  # LOGPIXELSX
    90: LOGPIXELS,  # LOGPIXELSY
    106: 20,  # NUMRESERVED
    108: 24,  # COLORRES
    116: 60,  # VREFRESH
    117: VERTRES,  # DESKTOPVERTRES
    118: HORZRES,  # DESKTOPHORZRES
}


def device_caps(index: int) -> int:
    """One capability of the screen, which every context here shares; 0 for an unknown index."""
    return _CAPS.get(index, 0)
