r"""The display's devices and modes (EnumDisplayDevices, EnumDisplaySettings): one of each.

The one adapter, ``\\\\.\\DISPLAY1``, drives the one monitor (``_monitors``) in one mode: the
desktop's size, 32 bits per pixel, 60 Hz. ChangeDisplaySettings accepts that mode (or none:
back to the registry's, the same) and refuses any other with DISP_CHANGE_BADMODE, as Windows
does for a mode the adapter lacks; CDS_TEST only asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._windowpos import DESKTOP_SIZE

__all__ = [
    "DISP_CHANGE_BADMODE",
    "DISP_CHANGE_SUCCESSFUL",
    "DisplayDevice",
    "DisplayMode",
    "change_display_mode",
    "display_device",
    "display_mode",
]

DISP_CHANGE_SUCCESSFUL = 0
DISP_CHANGE_BADMODE = -2
ENUM_CURRENT_SETTINGS = 0xFFFFFFFF
ENUM_REGISTRY_SETTINGS = 0xFFFFFFFE
_ADAPTER = "\\\\.\\DISPLAY1"


@dataclass(frozen=True)
class DisplayMode:
    """A display mode: size in pixels, bits per pixel, refresh rate (Hz), position."""

    width: int
    height: int
    bits_per_pixel: int = 32
    frequency: int = 60
    position: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class DisplayDevice:
    """DISPLAY_DEVICE's fields: an adapter or a monitor."""

    name: str
    description: str
    state_flags: int
    device_id: str
    key: str


def _mode() -> DisplayMode:
    return DisplayMode(*DESKTOP_SIZE)


def display_mode(device: str | None, index: int) -> DisplayMode | None:
    """The adapter's mode ``index``, None past the last mode or for another device.

    0 is the only mode; ENUM_CURRENT_SETTINGS and ENUM_REGISTRY_SETTINGS are it too.
    """
    if device not in (None, "", _ADAPTER):
        return None
    index &= 0xFFFFFFFF
    if index in (0, ENUM_CURRENT_SETTINGS, ENUM_REGISTRY_SETTINGS):
        return _mode()
    return None


def display_device(device: str | None, index: int) -> DisplayDevice | None:
    """The ``index``-th adapter (``device`` None) or monitor of an adapter, None past the last.

    The adapter is attached to the desktop and primary (5); its monitor active and attached (3).
    """
    if index != 0:
        return None
    if device in (None, ""):
        return DisplayDevice(
            _ADAPTER, "apartment display adapter", 0x5, "ROOT\\DISPLAY\\0000",
            "\\Registry\\Machine\\System\\CurrentControlSet\\Control\\Video\\apartment\\0000",
        )  # fmt: skip
    if device == _ADAPTER:
        return DisplayDevice(
            f"{_ADAPTER}\\Monitor0", "Generic PnP Monitor", 0x3, "MONITOR\\Default_Monitor",
            "\\Registry\\Machine\\System\\CurrentControlSet\\Control\\Class\\monitor\\0000",
        )  # fmt: skip
    return None


def change_display_mode(mode: DisplayMode | None) -> int:
    """Change the display's mode (ChangeDisplaySettings): only its one mode is accepted."""
    if mode is None:
        return DISP_CHANGE_SUCCESSFUL
    current = _mode()
    if (mode.width, mode.height) != (current.width, current.height):
        return DISP_CHANGE_BADMODE
    if mode.bits_per_pixel not in (0, current.bits_per_pixel):
        return DISP_CHANGE_BADMODE
    if mode.frequency not in (0, 1, current.frequency):
        return DISP_CHANGE_BADMODE
    return DISP_CHANGE_SUCCESSFUL
