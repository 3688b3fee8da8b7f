"""win32api's display names: EnumDisplaySettings(Ex), EnumDisplayDevices, ChangeDisplaySettings(Ex).

Re-exported by :mod:`.win32api`. One call each into the message layer (``_display``); the
structures are pywin32's PyDEVMODEW and PyDISPLAY_DEVICE, with their attribute names.
"""

from __future__ import annotations

import operator

from .. import messages
from ..errors import Win32Error, message_text
from ._adapt import api, last_error
from ._buffers import text_arg

__all__ = [
    "EnumDisplaySettings", "EnumDisplaySettingsEx", "EnumDisplayDevices",
    "ChangeDisplaySettings", "ChangeDisplaySettingsEx", "PyDISPLAY_DEVICEType",
]  # fmt: skip

_ERROR_NO_MORE_FILES = 18
_DM_BITSPERPEL, _DM_PELSWIDTH, _DM_PELSHEIGHT = 0x40000, 0x80000, 0x100000
_DM_DISPLAYFREQUENCY, _DM_POSITION = 0x400000, 0x20


class PyDEVMODEW:
    """DEVMODEW: a display mode's fields (those of a display; the printer's are 0)."""

    def __init__(self, mode: messages.DisplayMode | None = None) -> None:
        self.DeviceName = ""
        self.SpecVersion = 0x0401
        self.DriverVersion = 0
        self.Size = 220
        self.DriverExtra = 0
        self.Fields = 0
        self.Orientation = self.PaperSize = self.PaperLength = self.PaperWidth = 0
        self.Scale = self.Copies = self.DefaultSource = self.PrintQuality = 0
        self.Color = self.Duplex = self.YResolution = self.TTOption = self.Collate = 0
        self.FormName = ""
        self.LogPixels = 0
        self.BitsPerPel = self.PelsWidth = self.PelsHeight = 0
        self.DisplayFlags = self.DisplayFrequency = 0
        self.Position_x = self.Position_y = 0
        self.DisplayOrientation = self.DisplayFixedOutput = 0
        self.Nup = self.PanningWidth = self.PanningHeight = 0
        if mode is not None:
            self.PelsWidth, self.PelsHeight = mode.width, mode.height
            self.BitsPerPel, self.DisplayFrequency = mode.bits_per_pixel, mode.frequency
            self.Position_x, self.Position_y = mode.position
            self.Fields = (
                _DM_BITSPERPEL | _DM_PELSWIDTH | _DM_PELSHEIGHT | _DM_DISPLAYFREQUENCY
                | _DM_POSITION
            )  # fmt: skip

    def _mode(self) -> messages.DisplayMode:
        return messages.DisplayMode(
            operator.index(self.PelsWidth),
            operator.index(self.PelsHeight),
            operator.index(self.BitsPerPel),
            operator.index(self.DisplayFrequency),
        )


class PyDISPLAY_DEVICEType:  # noqa: N801 - pywin32's name
    """DISPLAY_DEVICE: an adapter or a monitor."""

    def __init__(self, device: messages.DisplayDevice) -> None:
        self.Size = 840
        self.DeviceName = device.name
        self.DeviceString = device.description
        self.StateFlags = device.state_flags
        self.DeviceID = device.device_id
        self.DeviceKey = device.key


PyDISPLAY_DEVICEType.__name__ = PyDISPLAY_DEVICEType.__qualname__ = "PyDISPLAY_DEVICE"  # pywin32's


def _device(name: object) -> str | None:
    return None if name is None else text_arg(name)


def _fail(name: str, code: int | None = None) -> Win32Error:
    """Past the last mode (ERROR_NO_MORE_FILES) or device (GetLastError's code: none is set)."""
    if code is None:
        code = last_error()
    return Win32Error(code, name, message_text(code))


def EnumDisplaySettings(DeviceName: str | None = None, ModeNum: int = -1) -> PyDEVMODEW:
    """A display mode: ``ModeNum`` 0 the only one, ENUM_CURRENT_SETTINGS (-1) the current."""
    mode = messages.display_mode(_device(DeviceName), operator.index(ModeNum))
    if mode is None:
        raise _fail("EnumDisplaySettings", _ERROR_NO_MORE_FILES)
    return PyDEVMODEW(mode)


def EnumDisplaySettingsEx(
    DeviceName: str | None = None, ModeNum: int = -1, Flags: int = 0
) -> PyDEVMODEW:
    operator.index(Flags)
    mode = messages.display_mode(_device(DeviceName), operator.index(ModeNum))
    if mode is None:
        raise _fail("EnumDisplaySettingsEx", _ERROR_NO_MORE_FILES)
    return PyDEVMODEW(mode)


def EnumDisplayDevices(
    Device: str | None = None, DevNum: int = 0, Flags: int = 0
) -> PyDISPLAY_DEVICEType:
    r"""The adapter (``Device`` None), or the monitor of ``\\\\.\\DISPLAY1``; raises past them."""
    operator.index(Flags)
    found = messages.display_device(_device(Device), operator.index(DevNum))
    if found is None:
        raise _fail("EnumDisplayDevices")
    return PyDISPLAY_DEVICEType(found)


@api("ChangeDisplaySettings")
def ChangeDisplaySettings(DevMode: PyDEVMODEW | None, Flags: int, /) -> int:
    """DISP_CHANGE_SUCCESSFUL (0) for the one mode or None; DISP_CHANGE_BADMODE (-2) else."""
    operator.index(Flags)
    if DevMode is not None and not isinstance(DevMode, PyDEVMODEW):
        raise TypeError("The object is not a PyDEVMODE object")
    return messages.change_display_mode(None if DevMode is None else DevMode._mode())


@api("ChangeDisplaySettingsEx")
def ChangeDisplaySettingsEx(
    DeviceName: str | None = None, DevMode: PyDEVMODEW | None = None, Flags: int = 0
) -> int:
    _device(DeviceName)
    return ChangeDisplaySettings(DevMode, Flags)
