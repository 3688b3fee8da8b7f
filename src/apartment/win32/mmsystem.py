"""pywin32's ``mmsystem``: the multimedia API's constants (waveform, MIDI, MCI, joystick, ...).

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.mmsystem import IIDS, VALUES


def MEVT_EVENTTYPE(x: int) -> int:
    """The event type of a MIDI stream event."""
    return (x >> 24) & 0xFF


def MEVT_EVENTPARM(x: int) -> int:
    """The parameter of a MIDI stream event."""
    return x & 0x00FFFFFF


# The MCI time-format macros, as pywin32 defines them: a shift, with no mask of the byte.


def MCI_MSF_MINUTE(msf: int) -> int:
    """The minutes of an MSF time (pywin32: the value itself)."""
    return msf


def MCI_MSF_SECOND(msf: int) -> int:
    """The seconds of an MSF time (shifted, not masked, as pywin32 does)."""
    return msf >> 8


def MCI_MSF_FRAME(msf: int) -> int:
    """The frames of an MSF time."""
    return msf >> 16


def MCI_TMSF_TRACK(tmsf: int) -> int:
    """The track of a TMSF time (pywin32: the value itself)."""
    return tmsf


def MCI_TMSF_MINUTE(tmsf: int) -> int:
    """The minutes of a TMSF time."""
    return tmsf >> 8


def MCI_TMSF_SECOND(tmsf: int) -> int:
    """The seconds of a TMSF time."""
    return tmsf >> 16


def MCI_TMSF_FRAME(tmsf: int) -> int:
    """The frames of a TMSF time."""
    return tmsf >> 24


def MCI_HMS_HOUR(hms: int) -> int:
    """The hours of an HMS time (pywin32: the value itself)."""
    return hms


def MCI_HMS_MINUTE(hms: int) -> int:
    """The minutes of an HMS time."""
    return hms >> 8


def MCI_HMS_SECOND(hms: int) -> int:
    """The seconds of an HMS time."""
    return hms >> 16


def DIBINDEX(n: int) -> int:
    """A palette index as a COLORREF of a DIB (MAKELONG(n, 0x10FF))."""
    return (n & 0xFFFF) | (0x10FF << 16)


__all__ = [
    "DIBINDEX",
    "MCI_HMS_HOUR",
    "MCI_HMS_MINUTE",
    "MCI_HMS_SECOND",
    "MCI_MSF_FRAME",
    "MCI_MSF_MINUTE",
    "MCI_MSF_SECOND",
    "MCI_TMSF_FRAME",
    "MCI_TMSF_MINUTE",
    "MCI_TMSF_SECOND",
    "MCI_TMSF_TRACK",
    "MEVT_EVENTPARM",
    "MEVT_EVENTTYPE",
]
__all__ += _fill(globals(), VALUES, IIDS)
