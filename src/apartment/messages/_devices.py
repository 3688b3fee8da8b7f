"""Device notifications: the windows told when devices come and go (RegisterDeviceNotification).

A window registers a DEV_BROADCAST_* filter: a device interface class (its GUID; every class
with DEVICE_NOTIFY_ALL_INTERFACE_CLASSES), or a handle it opened (a volume, a folder on it).
No device of this machine is watched: ``announce_device_change`` is what Windows' Plug and
Play manager does when one arrives or goes, called by a driver (a test, an embedding program).
It sends each matching registration's window WM_DEVICECHANGE, wParam the DBT_* event and
lParam the address of the DEV_BROADCAST_* structure, valid while the window handles it, as on
Windows; a handle's broadcast carries the registration that matched (``dbch_hdevnotify``).
The sends run one after another on the announcing thread, each window's procedure on the
window's own thread (when it pumps).

A registration ends when its handle closes (UnregisterDeviceNotification) or its window is
destroyed. Registrations for a service's status handle are kept, never told (a service's
device events are not modelled).
"""

from __future__ import annotations

import ctypes
import struct
import threading
from typing import Final, final

from .._fork import CLOCK, hold_across_fork
from ._send import send_message
from ._window_table import is_window

__all__ = [
    "DeviceRegistration",
    "announce_device_change",
    "register_device_notification",
    "wait_for_device_registration",
]

WM_DEVICECHANGE: Final = 0x0219
DBT_DEVTYP_HANDLE: Final = 6
DBT_DEVTYP_DEVICEINTERFACE: Final = 5
DEVICE_NOTIFY_SERVICE_HANDLE: Final = 1
DEVICE_NOTIFY_ALL_INTERFACE_CLASSES: Final = 4
_HEADER: Final = struct.Struct("<III")  # dbch_size, dbch_devicetype, dbch_reserved
_HANDLE: Final = struct.Struct("<IIIxxxxQQ")  # the header, then dbch_handle, dbch_hdevnotify

_lock = threading.Condition()
hold_across_fork(_lock, CLOCK)  # a leaf: sends happen outside it
_registrations: list[DeviceRegistration] = []


@final
class DeviceRegistration:
    """One RegisterDeviceNotification: who is told (a window, or a service), of what.

    ``handle`` is the registration's handle, which broadcasts about a handle carry; the
    facade sets it once the handle table gave one.
    """

    __slots__ = ("filter", "flags", "handle", "recipient")

    def __init__(self, recipient: int, filter: bytes, flags: int) -> None:
        self.recipient = recipient
        self.filter = filter
        self.flags = flags
        self.handle = 0

    @property
    def device_type(self) -> int:
        """The filter's DBT_DEVTYP_*."""
        return int(_HEADER.unpack_from(self.filter)[1])

    def close_on_last_handle(self) -> None:
        """The registration ends with its last handle (the kernel's handle table calls this)."""
        with _lock:
            if self in _registrations:
                _registrations.remove(self)

    def _matches(self, device_type: int, broadcast: bytes) -> bool:
        if self.flags & DEVICE_NOTIFY_SERVICE_HANDLE or device_type != self.device_type:
            return False
        if device_type == DBT_DEVTYP_DEVICEINTERFACE:  # the class GUID follows the header
            every = self.flags & DEVICE_NOTIFY_ALL_INTERFACE_CLASSES
            return bool(every) or broadcast[12:28] == self.filter[12:28]
        if device_type == DBT_DEVTYP_HANDLE:
            return _handle_of(broadcast) == _handle_of(self.filter)
        return False


def _handle_of(structure: bytes) -> int:
    return int(_HANDLE.unpack_from(structure)[3]) if len(structure) >= _HANDLE.size else 0


def register_device_notification(recipient: int, filter: bytes, flags: int) -> DeviceRegistration:
    """Register ``recipient`` (a window, or a service's status handle) for a filter's devices.

    ``filter`` is a DEV_BROADCAST_* structure whose first field is its size (checked by the
    caller); ``flags`` are DEVICE_NOTIFY_*.
    """
    registration = DeviceRegistration(recipient, bytes(filter), flags)
    with _lock:
        _registrations.append(registration)
        _lock.notify_all()
    return registration


def wait_for_device_registration(
    device_type: int | None = None, timeout: float | None = None
) -> DeviceRegistration | None:
    """Driver: wait until a window has registered (for ``device_type``, when given).

    The registration (the newest that fits), or None when ``timeout`` seconds pass first.
    """

    def find() -> DeviceRegistration | None:
        for registration in reversed(_registrations):
            if device_type is None or registration.device_type == device_type:
                return registration
        return None

    with _lock:
        return _lock.wait_for(find, timeout)


def announce_device_change(event: int, broadcast: bytes, *, timeout: float = 30) -> int:
    """Driver: a device arrived or went (DBT_* ``event``): tell the windows registered for it.

    ``broadcast`` is the DEV_BROADCAST_* structure that describes the device; each window gets
    its own copy (with its registration's handle, for a handle's broadcast). Waits for each
    window to handle it, up to ``timeout`` seconds each. Returns how many windows were told.
    """
    device_type = _HEADER.unpack_from(broadcast)[1]
    with _lock:
        told = [r for r in _registrations if r._matches(device_type, broadcast)]
    count = 0
    for registration in told:
        if not is_window(registration.recipient):
            registration.close_on_last_handle()  # its window is gone: so is the registration
            continue
        data = bytearray(broadcast)
        if device_type == DBT_DEVTYP_HANDLE and len(data) >= _HANDLE.size:
            struct.pack_into("<Q", data, _HANDLE.size - 8, registration.handle)
        buffer = ctypes.create_string_buffer(bytes(data), len(data))
        send_message(
            registration.recipient,
            WM_DEVICECHANGE,
            event,
            ctypes.addressof(buffer),
            timeout=timeout,
        )
        count += 1
    return count
