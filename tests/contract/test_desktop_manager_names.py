"""Contract: what desktopmanager.py asks of desktops and the shell: CreateDesktop of the desktop
it is on (Windows opens an existing desktop), and the taskbar window it waits for."""

from __future__ import annotations

import pytest
import pywintypes
import win32con
import win32gui
import win32service

from ._wine import wine_differs


def test_create_desktop_of_an_existing_name_opens_it() -> None:
    current = win32service.OpenInputDesktop(0, True, win32con.MAXIMUM_ALLOWED)
    name = win32service.GetUserObjectInformation(current, win32service.UOI_NAME)
    sa = pywintypes.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = 1
    desktop = win32service.CreateDesktop(name, 0, win32con.MAXIMUM_ALLOWED, sa)
    try:
        assert win32service.GetUserObjectInformation(desktop, win32service.UOI_NAME) == name
        assert win32service.GetUserObjectInformation(desktop, win32service.UOI_TYPE) == "Desktop"
        assert name in win32service.GetProcessWindowStation().EnumDesktops()
    finally:
        desktop.CloseDesktop()
        current.CloseDesktop()


def test_create_desktop_checks_its_arguments() -> None:
    with pytest.raises(TypeError):
        win32service.CreateDesktop(5, 0, win32con.MAXIMUM_ALLOWED, None)
    with pytest.raises(TypeError):
        win32service.CreateDesktop("Default", 0)


@wine_differs("the oracle's Wine explorer (explorer /desktop) makes no taskbar window")
def test_the_shell_has_a_taskbar_window() -> None:
    tray = win32gui.FindWindow("Shell_TrayWnd", None)
    assert tray
    assert win32gui.GetClassName(tray) == "Shell_TrayWnd"
    assert win32gui.GetParent(tray) == 0  # a top-level window
