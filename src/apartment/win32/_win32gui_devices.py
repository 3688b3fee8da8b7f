"""win32gui's device notifications: RegisterDeviceNotification and UnregisterDeviceNotification.

Re-exported by :mod:`.win32gui`. A window (or a service, by its status handle) asks to be told
when devices of a class come and go (WM_DEVICECHANGE with DBT_DEVICEARRIVAL, ...), with a
DEV_BROADCAST_* filter that ``win32gui_struct.PackDEV_BROADCAST_DEVICEINTERFACE`` makes. The
registration is a handle, as on Windows, and the filter is checked as pywin32 checks it; this
machine's devices are not watched: a driver announces arrivals and removals
(``messages.announce_device_change``).
"""

from __future__ import annotations

import struct

from .. import kernel, messages
from ._adapt import api
from ._handles import PyHANDLE, handle_value, lookup, new_handle

__all__ = ["RegisterDeviceNotification", "UnregisterDeviceNotification"]


@api("RegisterDeviceNotification")
def RegisterDeviceNotification(handle: object, filter: object, flags: int, /) -> PyHANDLE:
    """Ask that ``handle`` (a window, or a service status handle) be told of devices' changes.

    ``filter`` is a DEV_BROADCAST_* structure whose first field, its size, must be its length
    (pywin32's ValueError otherwise). Returns the registration's handle.
    """
    data = bytes(memoryview(filter))  # type: ignore[arg-type]
    size = struct.unpack_from("<I", data)[0] if len(data) >= 4 else 0
    if size != len(data):
        raise ValueError(
            "buffer isn't a DEV_BROADCAST_* structure: structure says it has "
            f"{size} bytes, but {len(data)} was provided"
        )
    registration = messages.register_device_notification(handle_value(handle), data, int(flags))
    notification = new_handle(registration)
    registration.handle = int(notification)
    return notification


@api("UnregisterDeviceNotification")
def UnregisterDeviceNotification(handle: object, /) -> None:
    """End a registration RegisterDeviceNotification made (its handle closes)."""
    lookup(handle, messages.DeviceRegistration)
    kernel.handles.close(handle_value(handle))
