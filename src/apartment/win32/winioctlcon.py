"""pywin32's ``winioctlcon``: device I/O control codes and the SDK's device interface GUIDs.

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.winioctlcon import IIDS, VALUES


def CTL_CODE(DeviceType: int, Function: int, Method: int, Access: int) -> int:
    """The control code of a device type, function, transfer method and access."""
    return (DeviceType << 16) | (Access << 14) | (Function << 2) | Method


def DEVICE_TYPE_FROM_CTL_CODE(ctrlCode: int) -> int:
    """The device type of a control code."""
    return (ctrlCode & 0xFFFF0000) >> 16


__all__ = [
    "CTL_CODE",
    "DEVICE_TYPE_FROM_CTL_CODE",
]
__all__ += _fill(globals(), VALUES, IIDS)
