"""Device notifications: a registered window hears the devices its filter names, while it is."""

from __future__ import annotations

import ctypes
import struct
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from apartment import messages

if TYPE_CHECKING:
    from collections.abc import Iterator

WM_DEVICECHANGE = 0x0219
DBT_DEVICEARRIVAL = 0x8000
DBT_DEVICEQUERYREMOVE = 0x8001
DBT_DEVTYP_DEVICEINTERFACE = 5
DBT_DEVTYP_HANDLE = 6
DEVICE_NOTIFY_SERVICE_HANDLE = 1
DEVICE_NOTIFY_ALL_INTERFACE_CLASSES = 4
USB = uuid.UUID("A5DCBF10-6530-11D2-901F-00C04FB951ED").bytes_le
DISK = uuid.UUID("53F56307-B6BF-11D0-94F2-00A0C91EFB8B").bytes_le


def _interface(guid: bytes, name: str = "") -> bytes:
    data = guid + name.encode("utf-16-le") + b"\0\0"
    return struct.pack("<III", 12 + len(data), DBT_DEVTYP_DEVICEINTERFACE, 0) + data


def _handle(handle: int) -> bytes:
    rest = struct.pack("<QQ16sl", handle, 0, b"\0" * 16, 0) + b"\0\0\0\0"
    return struct.pack("<IIIxxxx", 16 + len(rest), DBT_DEVTYP_HANDLE, 0) + rest


@pytest.fixture
def heard() -> Iterator[tuple[int, list[tuple[int, bytes]]]]:
    """A window that notes each WM_DEVICECHANGE: (event, the structure lParam points to)."""
    seen: list[tuple[int, bytes]] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == WM_DEVICECHANGE:
            size = struct.unpack("<I", ctypes.string_at(lparam, 4))[0]
            seen.append((wparam, ctypes.string_at(lparam, size)))
            return 1
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    name = f"devices-{uuid.uuid4().hex}"
    messages.register_class(name, proc)
    window = messages.create_window(name)
    try:
        yield window.hwnd, seen
    finally:
        if messages.is_window(window.hwnd):
            window.destroy()
        messages.unregister_class(name)


def test_a_window_hears_its_interface_class_only(
    heard: tuple[int, list[tuple[int, bytes]]],
) -> None:
    hwnd, seen = heard
    registration = messages.register_device_notification(hwnd, _interface(USB), 0)
    try:
        arrival = _interface(USB, "\\\\?\\USB#1")
        assert messages.announce_device_change(DBT_DEVICEARRIVAL, arrival) == 1
        assert messages.announce_device_change(DBT_DEVICEARRIVAL, _interface(DISK)) == 0
        assert seen == [(DBT_DEVICEARRIVAL, arrival)]
    finally:
        registration.close_on_last_handle()
    assert messages.announce_device_change(DBT_DEVICEARRIVAL, arrival) == 0  # unregistered


def test_every_class_with_all_interface_classes(
    heard: tuple[int, list[tuple[int, bytes]]],
) -> None:
    hwnd, seen = heard
    flags = DEVICE_NOTIFY_ALL_INTERFACE_CLASSES
    registration = messages.register_device_notification(hwnd, _interface(USB), flags)
    try:
        assert messages.announce_device_change(DBT_DEVICEARRIVAL, _interface(DISK)) == 1
        assert [event for event, _ in seen] == [DBT_DEVICEARRIVAL]
    finally:
        registration.close_on_last_handle()


def test_a_handle_broadcast_names_the_registration(
    heard: tuple[int, list[tuple[int, bytes]]],
) -> None:
    hwnd, seen = heard
    registration = messages.register_device_notification(hwnd, _handle(0x44), 0)
    registration.handle = 0x1234
    other = messages.register_device_notification(hwnd, _handle(0x48), 0)
    try:
        assert messages.announce_device_change(DBT_DEVICEQUERYREMOVE, _handle(0x44)) == 1
        assert struct.unpack_from("<QQ", seen[0][1], 16) == (0x44, 0x1234)  # handle, hdevnotify
    finally:
        registration.close_on_last_handle()
        other.close_on_last_handle()


def test_a_service_is_not_told_and_a_destroyed_window_forgotten(
    heard: tuple[int, list[tuple[int, bytes]]],
) -> None:
    hwnd, seen = heard
    service = messages.register_device_notification(
        7, _interface(USB), DEVICE_NOTIFY_SERVICE_HANDLE
    )
    window = messages.register_device_notification(hwnd, _interface(USB), 0)
    try:
        messages.destroy_window(hwnd)
        assert messages.announce_device_change(DBT_DEVICEARRIVAL, _interface(USB)) == 0
        assert seen == []
    finally:
        service.close_on_last_handle()
        window.close_on_last_handle()


def test_a_driver_waits_for_a_registration(
    heard: tuple[int, list[tuple[int, bytes]]],
) -> None:
    hwnd, _ = heard
    assert messages.wait_for_device_registration(DBT_DEVTYP_HANDLE, timeout=0) is None
    registration = messages.register_device_notification(hwnd, _handle(0x44), 0)
    try:
        assert messages.wait_for_device_registration(DBT_DEVTYP_HANDLE, timeout=0) is registration
    finally:
        registration.close_on_last_handle()
