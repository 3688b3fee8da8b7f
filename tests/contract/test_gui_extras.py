"""Contract: win32gui's carets, SystemParametersInfo, GetThreadDesktop and module constants.

The caret is the thread's: CreateCaret makes it (hidden) in a window of the thread, hiding
counts, and a thread without one is refused.
"""

from __future__ import annotations

import struct
import uuid
from typing import TYPE_CHECKING

import pytest
import pywintypes
import win32api
import win32con
import win32gui

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(scope="module")
def class_name() -> Iterator[str]:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    yield name
    win32gui.UnregisterClass(name, 0)


@pytest.fixture
def hwnd(class_name: str) -> Iterator[int]:
    made: int = win32gui.CreateWindow(class_name, "caret", 0, 0, 0, 10, 10, 0, 0, 0, None)
    yield made
    win32gui.DestroyWindow(made)


def test_a_caret_is_made_moved_shown_hidden_and_destroyed(hwnd: int) -> None:
    win32gui.CreateCaret(hwnd, 0, 2, 10)
    try:
        assert win32gui.GetCaretPos() == (0, 0)
        win32gui.SetCaretPos(5, 6)
        assert win32gui.GetCaretPos() == (5, 6)
        win32gui.ShowCaret(hwnd)
        win32gui.HideCaret(hwnd)
        win32gui.HideCaret(0)
        win32gui.ShowCaret(0)
    finally:
        win32gui.DestroyCaret()


def test_the_caret_position_is_the_threads_caret_or_not(hwnd: int) -> None:
    win32gui.DestroyCaret()  # none: nothing happens
    win32gui.SetCaretPos(3, 4)  # kept for the thread
    assert win32gui.GetCaretPos() == (3, 4)
    for call in (win32gui.ShowCaret, win32gui.HideCaret):
        with pytest.raises(pywintypes.error) as caught:
            call(hwnd)
        assert caught.value.winerror == 5  # ERROR_ACCESS_DENIED: no caret


def test_show_and_hide_name_the_carets_window(hwnd: int) -> None:
    win32gui.CreateCaret(hwnd, 0, 2, 10)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32gui.ShowCaret(12345678)
        assert caught.value.winerror == 5
        win32gui.HideCaret(0)
        for _ in range(3):
            win32gui.ShowCaret(hwnd)  # more shows than hides: no error
    finally:
        win32gui.DestroyCaret()


def test_the_caret_outlives_its_window(class_name: str) -> None:
    made = win32gui.CreateWindow(class_name, "caret", 0, 0, 0, 10, 10, 0, 0, 0, None)
    win32gui.CreateCaret(made, 0, 2, 10)
    win32gui.DestroyWindow(made)
    try:
        win32gui.HideCaret(0)  # the thread's caret is still there
    finally:
        win32gui.DestroyCaret()


def test_create_caret_needs_a_window() -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32gui.CreateCaret(12345678, 0, 2, 10)
    assert caught.value.winerror == 1400  # ERROR_INVALID_WINDOW_HANDLE


def test_system_parameters_are_set_and_read_back() -> None:
    before = win32gui.SystemParametersInfo(win32con.SPI_GETWHEELSCROLLLINES)
    win32gui.SystemParametersInfo(win32con.SPI_SETWHEELSCROLLLINES, before + 1)
    try:
        assert win32gui.SystemParametersInfo(win32con.SPI_GETWHEELSCROLLLINES) == before + 1
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETWHEELSCROLLLINES, before)
    flat = win32gui.SystemParametersInfo(win32con.SPI_GETFLATMENU)
    win32gui.SystemParametersInfo(win32con.SPI_SETFLATMENU, not flat)
    try:
        assert bool(win32gui.SystemParametersInfo(win32con.SPI_GETFLATMENU)) != bool(flat)
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETFLATMENU, flat)


def test_the_double_click_rectangle_is_a_system_metric() -> None:
    width = win32api.GetSystemMetrics(win32con.SM_CXDOUBLECLK)
    win32gui.SystemParametersInfo(win32con.SPI_SETDOUBLECLKWIDTH, width + 1)
    try:
        assert win32api.GetSystemMetrics(win32con.SM_CXDOUBLECLK) == width + 1
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETDOUBLECLKWIDTH, width)


def test_the_nonclient_metrics_and_icon_title_font() -> None:
    metrics = win32gui.SystemParametersInfo(win32con.SPI_GETNONCLIENTMETRICS)
    assert {"iBorderWidth", "lfMenuFont", "lfCaptionFont", "iMenuHeight"} <= set(metrics)
    font = metrics["lfMenuFont"]
    assert isinstance(font.lfFaceName, str)
    title = win32gui.SystemParametersInfo(win32con.SPI_GETICONTITLELOGFONT)
    assert isinstance(title.lfHeight, int)


def test_module_constants() -> None:
    assert win32gui.UNICODE
    assert isinstance(win32gui.dllhandle, int)
    assert win32gui.dllhandle


# -- the display ------------------------------------------------------------------------------


def test_the_current_display_mode_is_the_screen() -> None:
    mode = win32api.EnumDisplaySettings(None, win32con.ENUM_CURRENT_SETTINGS)
    assert (mode.PelsWidth, mode.PelsHeight) == (
        win32api.GetSystemMetrics(win32con.SM_CXSCREEN),
        win32api.GetSystemMetrics(win32con.SM_CYSCREEN),
    )
    assert mode.BitsPerPel >= 8
    assert win32api.ChangeDisplaySettings(None, 0) == win32con.DISP_CHANGE_SUCCESSFUL


def test_the_first_display_adapter_is_attached_and_primary() -> None:
    adapter = win32api.EnumDisplayDevices(None, 0)
    assert adapter.DeviceName.startswith("\\\\.\\DISPLAY")
    assert adapter.StateFlags & win32con.DISPLAY_DEVICE_ATTACHED_TO_DESKTOP
    assert adapter.StateFlags & win32con.DISPLAY_DEVICE_PRIMARY_DEVICE
    monitor = win32api.EnumDisplayDevices(adapter.DeviceName, 0)
    assert monitor.DeviceName == adapter.DeviceName + "\\Monitor0"
    with pytest.raises(pywintypes.error):  # (with GetLastError's code: the call sets none)
        win32api.EnumDisplayDevices(None, 1)
    with pytest.raises(pywintypes.error) as caught:
        win32api.EnumDisplaySettings(None, 1000)
    assert caught.value.winerror == 18  # ERROR_NO_MORE_FILES


# -- image lists -----------------------------------------------------------------------------


def test_image_lists_count_icons() -> None:
    images = win32gui.ImageList_Create(16, 16, win32gui.ILC_COLOR32 | win32gui.ILC_MASK, 0, 4)
    try:
        icon = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
        assert win32gui.ImageList_GetImageCount(images) == 0
        assert win32gui.ImageList_ReplaceIcon(images, -1, icon) == 0
        assert win32gui.ImageList_ReplaceIcon(images, -1, icon) == 1
        assert win32gui.ImageList_GetImageCount(images) == 2
        win32gui.ImageList_Remove(images, 0)
        assert win32gui.ImageList_GetImageCount(images) == 1
        win32gui.ImageList_Remove(images, -1)
        assert win32gui.ImageList_GetImageCount(images) == 0
    finally:
        win32gui.ImageList_Destroy(images)


def test_image_list_constants() -> None:
    assert (win32gui.ILC_COLOR32, win32gui.ILC_MASK, win32gui.ILD_NORMAL) == (32, 1, 0)
    assert (win32gui.IMAGE_ICON, win32gui.LR_LOADFROMFILE, win32gui.TPM_RETURNCMD) == (1, 16, 256)
    assert (win32gui.NIIF_INFO, win32gui.NIIF_NOSOUND, win32gui.LR_VGACOLOR) == (1, 16, 128)


# -- dialogs' navigation ----------------------------------------------------------------------


def test_tab_and_group_items(class_name: str) -> None:
    dialog = win32gui.CreateWindow(
        class_name, "dialog", win32con.WS_VISIBLE, 0, 0, 100, 100, 0, 0, 0, None
    )
    try:
        style = win32con.WS_CHILD | win32con.WS_VISIBLE
        first, second, third = (
            win32gui.CreateWindow(class_name, "", style | extra, 0, 0, 5, 5, dialog, n, 0, None)
            for n, extra in (
                (1, win32con.WS_TABSTOP | win32con.WS_GROUP),
                (2, 0),
                (3, win32con.WS_TABSTOP | win32con.WS_GROUP),
            )
        )
        assert win32gui.GetNextDlgTabItem(dialog, first, False) == third
        assert win32gui.GetNextDlgTabItem(dialog, third, False) == first
        assert win32gui.GetNextDlgGroupItem(dialog, first, False) == second
        assert win32gui.GetNextDlgGroupItem(dialog, second, False) == first
    finally:
        win32gui.DestroyWindow(dialog)


# -- icons from resource bits, children at a point, properties ------------------------------------


def _icon_bits(width: int, height: int) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + bytes(width * height * 4) + bytes(((width + 31) // 32) * 4 * height)


def test_an_icon_from_resource_bits() -> None:
    icon = win32gui.CreateIconFromResource(_icon_bits(32, 32), True)
    try:
        assert icon
    finally:
        win32gui.DestroyIcon(icon)


def test_child_window_from_point_ex_skips_hidden_children(class_name: str, hwnd: int) -> None:
    parent = win32gui.CreateWindow(
        class_name, "parent", win32con.WS_VISIBLE, 0, 0, 100, 100, 0, 0, 0, None
    )
    try:
        hidden = win32gui.CreateWindow(
            class_name, "", win32con.WS_CHILD, 0, 0, 50, 50, parent, 1, 0, None
        )
        assert win32gui.ChildWindowFromPointEx(parent, (10, 10), win32con.CWP_ALL) == hidden
        assert (
            win32gui.ChildWindowFromPointEx(parent, (10, 10), win32con.CWP_SKIPINVISIBLE) == parent
        )
        assert win32gui.ChildWindowFromPointEx(parent, (500, 500), win32con.CWP_ALL) == 0
    finally:
        win32gui.DestroyWindow(parent)


def test_enum_props_ex_finds_none_pywin32_can_set(hwnd: int) -> None:
    seen: list[object] = []

    def found(*args: object) -> bool:
        seen.append(args)
        return True

    win32gui.EnumPropsEx(hwnd, found, None)
    assert all(isinstance(args, tuple) for args in seen)


def test_a_window_region_is_kept_and_copied(hwnd: int) -> None:
    with pytest.raises(pywintypes.error):  # ERROR: no region (raised with GetLastError's code)
        win32gui.GetWindowRgnBox(hwnd)
    win32gui.SetWindowRgn(hwnd, win32gui.CreateRectRgnIndirect((1, 2, 5, 7)), False)
    assert tuple(win32gui.GetWindowRgnBox(hwnd)) == (2, (1, 2, 5, 7))  # SIMPLEREGION
    copy = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
    try:
        assert win32gui.GetWindowRgn(hwnd, copy) == 2
        assert tuple(win32gui.GetRgnBox(copy)) == (2, (1, 2, 5, 7))
    finally:
        win32gui.DeleteObject(copy)
    win32gui.SetWindowRgn(hwnd, 0, False)
    with pytest.raises(pywintypes.error):
        win32gui.GetWindowRgnBox(hwnd)


def test_invalidate_and_validate_a_region(class_name: str) -> None:
    made = win32gui.CreateWindow(
        class_name, "paint", win32con.WS_VISIBLE, 0, 0, 50, 50, 0, 0, 0, None
    )
    region = win32gui.CreateRectRgnIndirect((1, 1, 5, 5))
    update = win32gui.CreateRectRgnIndirect((0, 0, 0, 0))
    try:
        win32gui.ValidateRgn(made, None)
        win32gui.InvalidateRgn(made, region, False)
        assert win32gui.GetUpdateRgn(made, update, False) == 2  # SIMPLEREGION
        assert tuple(win32gui.GetRgnBox(update)) == (2, (1, 1, 5, 5))
        win32gui.ValidateRgn(made, region)
        assert win32gui.GetUpdateRgn(made, update, False) == 1  # NULLREGION
    finally:
        win32gui.DeleteObject(region)
        win32gui.DeleteObject(update)
        win32gui.DestroyWindow(made)


def test_edit_get_line_of_what_is_no_edit_control(class_name: str) -> None:
    made = win32gui.CreateWindow(class_name, "first\r\nsecond", 0, 0, 0, 50, 50, 0, 0, 0, None)
    try:
        assert win32gui.Edit_GetLine(made, 0) is None  # nothing answers EM_GETLINE
    finally:
        win32gui.DestroyWindow(made)


def test_scroll_info_of_a_window_with_a_scroll_bar(class_name: str) -> None:
    style = win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VSCROLL
    made = win32gui.CreateWindow(class_name, "scroll", style, 0, 0, 100, 100, 0, 0, 0, None)
    try:
        assert win32gui.GetScrollInfo(made, win32con.SB_VERT) == (0, 0, 100, 0, 0, 0)
        info = (win32con.SIF_ALL, 0, 99, 10, 95, 0)
        assert win32gui.SetScrollInfo(made, win32con.SB_VERT, info, 1) == 90  # clamped
        assert win32gui.GetScrollInfo(made, win32con.SB_VERT) == (0, 0, 99, 10, 90, 90)
    finally:
        win32gui.DestroyWindow(made)


def test_the_nonclient_metrics_keys() -> None:
    metrics = win32gui.SystemParametersInfo(win32con.SPI_GETNONCLIENTMETRICS)
    assert sorted(metrics) == [
        "iBorderWidth", "iCaptionHeight", "iCaptionWidth", "iMenuHeight", "iMenuWidth",
        "iScrollHeight", "iScrollWidth", "iSmCaptionHeight", "iSmCaptionWidth", "lfCaptionFont",
        "lfMenuFont", "lfMessageFont", "lfSmCaptionFont", "lfStatusFont",
    ]  # fmt: skip
    with pytest.raises(NotImplementedError):
        win32gui.SystemParametersInfo(0x7777)
