"""Contract: win32service's window stations and desktops (WinSta0 and its Default).

MS: GetProcessWindowStation, GetThreadDesktop, OpenWindowStation, OpenDesktop,
OpenInputDesktop, EnumWindowStations, EnumDesktops, GetUserObjectInformation. The
interactive user's processes are on window station WinSta0, their threads on its desktop
Default; other names are ERROR_FILE_NOT_FOUND, another thread id ERROR_INVALID_PARAMETER.
"""

from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32process
import win32service

MAXIMUM_ALLOWED = 0x02000000


def assert_error(code: int, name: str, fn: object, *args: object) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)  # type: ignore[operator]
    assert (info.value.winerror, info.value.funcname) == (code, name)


def info(handle: object, kind: int) -> object:
    return win32service.GetUserObjectInformation(handle, kind)


def test_the_process_is_on_winsta0() -> None:
    station = win32service.GetProcessWindowStation()
    check_station(station, win32process.GetProcessWindowStation())
    assert int(win32service.GetProcessWindowStation()) == int(station)  # the process's one


def check_station(station: Any, other: Any) -> None:
    assert type(station).__name__ == "PyHWINSTA"
    assert info(station, win32con.UOI_NAME) == "WinSta0"
    assert info(station, win32con.UOI_TYPE) == "WindowStation"
    assert info(int(station), win32con.UOI_NAME) == "WinSta0"
    flags = info(station, win32con.UOI_FLAGS)
    assert isinstance(flags, dict) and flags["Flags"] == 1 and flags["Reserved"] is False
    assert isinstance(flags["Inherit"], bool)
    assert "WinSta0" in win32service.EnumWindowStations()
    assert station.EnumDesktops() == ["Default"]
    assert info(other, win32con.UOI_NAME) == "WinSta0"


def test_a_thread_is_on_default() -> None:
    desktop = win32service.GetThreadDesktop(win32api.GetCurrentThreadId())
    assert type(desktop).__name__ == "PyHDESK"
    assert info(desktop, win32con.UOI_NAME) == "Default"
    assert info(desktop, win32con.UOI_TYPE) == "Desktop"
    assert info(desktop, win32con.UOI_FLAGS)["Flags"] == 0  # type: ignore[index]
    assert isinstance(desktop.EnumDesktopWindows(), list)
    assert_error(87, "GetThreadDesktop", win32service.GetThreadDesktop, 0x7FFFFFF0)


def test_opening_by_name() -> None:
    desktop = win32service.OpenDesktop("Default", 0, False, MAXIMUM_ALLOWED)
    assert info(desktop, win32con.UOI_NAME) == "Default"
    desktop.CloseDesktop()
    assert_error(6, "CloseDesktop", desktop.CloseDesktop)
    inputs = win32service.OpenInputDesktop(0, False, MAXIMUM_ALLOWED)
    assert info(inputs, win32con.UOI_NAME) == "Default"
    inputs.CloseDesktop()
    station = win32service.OpenWindowStation("WinSta0", False, MAXIMUM_ALLOWED)
    assert info(station, win32con.UOI_NAME) == "WinSta0"
    station.CloseWindowStation()
    assert_error(2, "OpenDesktop", win32service.OpenDesktop, "NoSuchDesk", 0, False, 0)
    assert_error(2, "OpenWindowStation", win32service.OpenWindowStation, "NoSuch", False, 0)
    with pytest.raises(TypeError):
        win32service.OpenDesktop(5, 0, False, 0)


def test_user_object_information_refusals() -> None:
    station = win32service.GetProcessWindowStation()
    assert_error(87, "GetUserObjectInformation", info, station, 4)  # UOI_USER_SID: not kept
    assert_error(87, "GetUserObjectInformation", info, station, 99)
    event = win32event.CreateEvent(None, False, False, None)
    try:
        assert_error(6, "GetUserObjectInformation", info, event, win32con.UOI_NAME)
    finally:
        event.Close()
    assert_error(6, "GetUserObjectInformation", info, 0x1234, win32con.UOI_NAME)


def test_the_handles_in_use_cannot_be_closed() -> None:
    station = win32service.GetProcessWindowStation()
    assert_error(5, "CloseWindowStation", station.CloseWindowStation)
    desktop = win32service.GetThreadDesktop(win32api.GetCurrentThreadId())
    assert_error(170, "CloseDesktop", desktop.CloseDesktop)
    del station, desktop  # their wrappers go; the handles stay
    again = win32service.GetProcessWindowStation()
    assert info(again, win32con.UOI_NAME) == "WinSta0"
