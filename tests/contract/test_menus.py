"""Contract: menus (items, states, defaults, MENUITEMINFO through win32gui_struct, window menus),
TrackPopupMenu's errors, tray icons, icons and accelerator tables."""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32con
import win32gui
import win32gui_struct
import winerror

from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import empty_queue as empty_queue

if TYPE_CHECKING:
    from collections.abc import Iterator

BAD_HWND = 12345678
BAD_MENU = 12345


def winerror_of(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as info:
        call(*args)
    code: int = info.value.winerror
    return code


@pytest.fixture
def menu() -> Iterator[tuple[int, int]]:
    """One (1023), a separator, Two (1024, grayed), Three (1025, checked), a submenu with Sub
    (2001); yields (menu, submenu)."""
    top = win32gui.CreatePopupMenu()
    sub = win32gui.CreatePopupMenu()
    win32gui.AppendMenu(top, win32con.MF_STRING, 1023, "One")
    win32gui.AppendMenu(top, win32con.MF_SEPARATOR, 0, "")
    win32gui.AppendMenu(top, win32con.MF_STRING | win32con.MF_GRAYED, 1024, "Two")
    win32gui.AppendMenu(top, win32con.MF_STRING | win32con.MF_CHECKED, 1025, "Three")
    win32gui.AppendMenu(sub, win32con.MF_STRING, 2001, "Sub")
    win32gui.AppendMenu(top, win32con.MF_POPUP, sub, "Popup")
    yield top, sub
    with contextlib.suppress(pywintypes.error):  # a test may have destroyed it
        win32gui.DestroyMenu(top)


@pytest.fixture
def window() -> Iterator[tuple[int, int]]:
    """A top-level window and a child of it, of a class of their own."""
    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    top = win32gui.CreateWindow(
        name, "t", win32con.WS_OVERLAPPEDWINDOW, 0, 0, 99, 99, 0, 0, 0, None
    )
    child = win32gui.CreateWindow(name, "c", win32con.WS_CHILD, 0, 0, 9, 9, top, 3, 0, None)
    yield top, child
    win32gui.DestroyWindow(top)
    win32gui.UnregisterClass(name, 0)


def test_items_by_position(menu: tuple[int, int]) -> None:
    top, sub = menu
    assert win32gui.GetMenuItemCount(top) == 5
    ids = [win32gui.GetMenuItemID(top, position) for position in range(-1, 7)]
    assert ids == [-1, 1023, 0, 1024, 1025, -1, -1, -1]
    assert win32gui.GetSubMenu(top, 4) == sub
    assert win32gui.GetSubMenu(top, 0) == 0
    assert win32gui.GetSubMenu(top, 99) == 0


def test_menu_states(menu: tuple[int, int]) -> None:
    top, _ = menu
    state = win32gui.GetMenuState
    assert state(top, 1023, win32con.MF_BYCOMMAND) == 0
    assert state(top, 1024, win32con.MF_BYCOMMAND) == win32con.MF_GRAYED
    assert state(top, 1025, win32con.MF_BYCOMMAND) == win32con.MF_CHECKED
    grayed = win32con.MF_GRAYED | win32con.MF_DISABLED
    assert state(top, 1, win32con.MF_BYPOSITION) == win32con.MF_SEPARATOR | grayed
    assert state(top, 4, win32con.MF_BYPOSITION) == (1 << 8) | win32con.MF_POPUP
    assert state(top, 2001, win32con.MF_BYCOMMAND) == 0  # found in the submenu
    assert state(top, 9999, win32con.MF_BYCOMMAND) == -1


def test_check_and_enable(menu: tuple[int, int]) -> None:
    top, _ = menu
    assert win32gui.CheckMenuItem(top, 1023, win32con.MF_CHECKED) == win32con.MF_UNCHECKED
    assert win32gui.CheckMenuItem(top, 1023, win32con.MF_CHECKED) == win32con.MF_CHECKED
    assert win32gui.CheckMenuItem(top, 9999, win32con.MF_CHECKED) == -1
    assert win32gui.EnableMenuItem(top, 1024, win32con.MF_ENABLED) == win32con.MF_GRAYED
    assert win32gui.EnableMenuItem(top, 1024, win32con.MF_GRAYED) == 0
    assert win32gui.EnableMenuItem(top, 1024, win32con.MF_DISABLED) == win32con.MF_GRAYED
    assert win32gui.GetMenuState(top, 1024, win32con.MF_BYCOMMAND) == win32con.MF_DISABLED
    assert win32gui.EnableMenuItem(top, 9999, win32con.MF_GRAYED) == -1


def test_radio_items(menu: tuple[int, int]) -> None:
    top, _ = menu
    win32gui.CheckMenuRadioItem(top, 1023, 1025, 1024, win32con.MF_BYCOMMAND)
    assert win32gui.GetMenuState(top, 1023, win32con.MF_BYCOMMAND) == 0
    checked = win32con.MF_CHECKED | win32con.MFT_RADIOCHECK | win32con.MF_GRAYED
    assert win32gui.GetMenuState(top, 1024, win32con.MF_BYCOMMAND) == checked
    with pytest.raises(pywintypes.error):  # 1026 is not in the range
        win32gui.CheckMenuRadioItem(top, 1023, 1025, 1026, win32con.MF_BYCOMMAND)


def test_insert_modify_delete(menu: tuple[int, int]) -> None:
    top, sub = menu
    win32gui.InsertMenu(top, 0, win32con.MF_BYPOSITION | win32con.MF_STRING, 3000, "First")
    win32gui.InsertMenu(top, 2001, win32con.MF_BYCOMMAND | win32con.MF_STRING, 3001, "Before")
    assert win32gui.GetMenuItemCount(sub) == 2
    win32gui.InsertMenu(top, -1, win32con.MF_BYPOSITION | win32con.MF_STRING, 3003, "Last")
    assert win32gui.GetMenuItemID(top, win32gui.GetMenuItemCount(top) - 1) == 3003
    # by a command id no item has: appended
    win32gui.InsertMenu(top, 9999, win32con.MF_BYCOMMAND | win32con.MF_STRING, 3004, "End")
    assert win32gui.GetMenuItemID(top, win32gui.GetMenuItemCount(top) - 1) == 3004
    win32gui.ModifyMenu(top, 3000, win32con.MF_BYCOMMAND | win32con.MF_STRING, 3010, "New")
    assert win32gui.GetMenuItemID(top, 0) == 3010
    win32gui.DeleteMenu(top, 3010, win32con.MF_BYCOMMAND)
    flags = win32con.MF_BYCOMMAND | win32con.MF_STRING
    for call, args in (
        (win32gui.ModifyMenu, (top, 9999, flags, 1, "x")),
        (win32gui.DeleteMenu, (top, 3010, win32con.MF_BYCOMMAND)),
        (win32gui.RemoveMenu, (top, 99, win32con.MF_BYPOSITION)),
    ):
        with pytest.raises(pywintypes.error):  # ERROR_MENU_ITEM_NOT_FOUND; Wine sets no code
            call(*args)


def test_default_item(menu: tuple[int, int]) -> None:
    top, _ = menu
    win32gui.SetMenuDefaultItem(top, 1023, 0)
    assert win32gui.GetMenuDefaultItem(top, 0, 0) == 1023
    assert win32gui.GetMenuDefaultItem(top, 1, 0) == 0
    assert win32gui.GetMenuState(top, 1023, win32con.MF_BYCOMMAND) == win32con.MF_DEFAULT
    for item in (9999, 2001):  # the default is an item of the menu itself
        with pytest.raises(pywintypes.error):  # ERROR_MENU_ITEM_NOT_FOUND; Wine sets no code
            win32gui.SetMenuDefaultItem(top, item, 0)
    win32gui.SetMenuDefaultItem(top, -1, 0)
    assert win32gui.GetMenuDefaultItem(top, 0, 0) == -1


def test_destroy_menu_destroys_its_submenus(menu: tuple[int, int]) -> None:
    top, sub = menu
    win32gui.DestroyMenu(top)
    assert win32gui.GetMenuItemCount(sub) == -1  # pywin32 does not check the result
    assert win32gui.GetMenuState(BAD_MENU, 1, 0) == -1
    assert win32gui.CheckMenuItem(BAD_MENU, 1, 0) == -1
    for call, args in (
        (win32gui.DestroyMenu, (top,)),
        (win32gui.AppendMenu, (BAD_MENU, win32con.MF_STRING, 1, "x")),
    ):
        with pytest.raises(pywintypes.error):  # 1401; Wine: 1400, or no code
            call(*args)


def test_append_menu_takes_only_a_str(menu: tuple[int, int]) -> None:
    top, _ = menu
    with pytest.raises(TypeError):
        win32gui.AppendMenu(top, win32con.MF_STRING, 1027, 5)
    with pytest.raises(TypeError):
        win32gui.AppendMenu(top, win32con.MF_SEPARATOR, 0, None)


def test_menu_item_info_round_trip(menu: tuple[int, int]) -> None:
    top, _ = menu
    item, _extras = win32gui_struct.PackMENUITEMINFO(
        text="Packed", wID=4000, fState=win32con.MFS_CHECKED, dwItemData=77
    )
    win32gui.InsertMenuItem(top, 0, True, item)
    assert win32gui.GetMenuItemID(top, 0) == 4000
    empty, _room = win32gui_struct.EmptyMENUITEMINFO()
    win32gui.GetMenuItemInfo(top, 4000, False, empty)
    got = win32gui_struct.UnpackMENUITEMINFO(empty)
    assert (got.wID, got.fState, got.dwItemData, got.hSubMenu) == (
        4000,
        win32con.MFS_CHECKED,
        77,
        0,
    )
    assert got.text.rstrip("\0") == "Packed"
    change, _more = win32gui_struct.PackMENUITEMINFO(text="Changed")
    win32gui.SetMenuItemInfo(top, 0, True, change)
    empty, _room = win32gui_struct.EmptyMENUITEMINFO(win32con.MIIM_STRING)
    win32gui.GetMenuItemInfo(top, 0, True, empty)
    assert win32gui_struct.UnpackMENUITEMINFO(empty).text.rstrip("\0") == "Changed"


def test_menu_info_round_trip(menu: tuple[int, int]) -> None:
    top, _ = menu
    win32gui.SetMenuInfo(top, win32gui_struct.PackMENUINFO(dwMenuData=5, cyMax=100))
    info = win32gui_struct.EmptyMENUINFO()
    win32gui.GetMenuInfo(top, info)
    got = win32gui_struct.UnpackMENUINFO(info)
    assert (got.dwMenuData, got.cyMax, got.dwStyle) == (5, 100, 0)


def test_window_menus(menu: tuple[int, int], window: tuple[int, int]) -> None:
    top_menu, _ = menu
    top, child = window
    bar = win32gui.CreateMenu()
    assert win32gui.GetMenu(top) == 0
    win32gui.SetMenu(top, bar)
    assert win32gui.GetMenu(top) == bar
    win32gui.DrawMenuBar(top)
    with pytest.raises(pywintypes.error):  # ERROR_CHILD_WINDOW_MENU; Wine sets no code
        win32gui.SetMenu(child, bar)
    assert winerror_of(win32gui.SetMenu, top, BAD_MENU) == winerror.ERROR_INVALID_MENU_HANDLE
    for call, args in (
        (win32gui.GetMenu, (BAD_HWND,)),
        (win32gui.DrawMenuBar, (BAD_HWND,)),
        (win32gui.GetSystemMenu, (BAD_HWND, 0)),
    ):
        assert winerror_of(call, *args) == winerror.ERROR_INVALID_WINDOW_HANDLE
    # pywin32 does not check TrackPopupMenu's result: 0 for a bad window or menu
    assert win32gui.TrackPopupMenu(top_menu, 0, 0, 0, 0, BAD_HWND, None) == 0
    assert win32gui.TrackPopupMenu(BAD_MENU, 0, 0, 0, 0, top, None) == 0


def test_system_menu(window: tuple[int, int]) -> None:
    top, _ = window
    system = win32gui.GetSystemMenu(top, 0)
    assert win32gui.GetSystemMenu(top, 0) == system
    ids = [win32gui.GetMenuItemID(system, i) for i in range(7)]  # Wine adds items after
    assert ids == [
        win32con.SC_RESTORE, win32con.SC_MOVE, win32con.SC_SIZE, win32con.SC_MINIMIZE,
        win32con.SC_MAXIMIZE, 0, win32con.SC_CLOSE,
    ]  # fmt: skip
    assert win32gui.GetSystemMenu(top, 1) == 0


# --- tray icons, icons, accelerators ----------------------------------------------------------


@wine_differs("Wine's shell has no notification area: Shell_NotifyIcon fails with E_FAIL")
def test_tray_icon_lifetime(window: tuple[int, int]) -> None:
    top, _ = window
    hicon = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
    flags = win32gui.NIF_ICON | win32gui.NIF_MESSAGE | win32gui.NIF_TIP
    nid = (top, 0, flags, win32con.WM_USER + 20, hicon, "Python Demo")
    win32gui.Shell_NotifyIcon(win32gui.NIM_ADD, nid)
    win32gui.Shell_NotifyIcon(win32gui.NIM_MODIFY, (top, 0, win32gui.NIF_TIP, 0, 0, "New tip"))
    win32gui.Shell_NotifyIcon(win32gui.NIM_DELETE, (top, 0))
    with pytest.raises(pywintypes.error):
        win32gui.Shell_NotifyIcon(win32gui.NIM_DELETE, (top, 0))
    with pytest.raises(pywintypes.error):
        win32gui.Shell_NotifyIcon(win32gui.NIM_MODIFY, (top, 7, win32gui.NIF_TIP, 0, 0, "x"))


def test_icons_as_handles() -> None:
    stock = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
    assert stock != 0
    copy = win32gui.CopyIcon(stock)
    assert copy not in (0, stock)
    win32gui.DestroyIcon(copy)
    for call in (win32gui.DestroyIcon, win32gui.CopyIcon, win32gui.GetIconInfo):
        with pytest.raises(pywintypes.error):  # ERROR_INVALID_CURSOR_HANDLE (Wine: not always)
            call(BAD_MENU)
    assert (
        winerror_of(
            win32gui.LoadImage,
            0,
            "c:\\no-such.ico",
            win32con.IMAGE_ICON,
            0,
            0,
            win32con.LR_LOADFROMFILE,
        )
        == winerror.ERROR_FILE_NOT_FOUND
    )
    assert win32gui.ExtractIconEx("c:\\no-such.ico", -1) == -1
    assert (
        winerror_of(win32gui.ExtractIconEx, "c:\\no-such.ico", 0) == winerror.ERROR_FILE_NOT_FOUND
    )


def test_accelerator_tables(window: tuple[int, int]) -> None:
    top, _ = window
    table = win32gui.CreateAcceleratorTable(
        ((win32con.FVIRTKEY | win32con.FCONTROL, ord("A"), 500),)
    )
    assert table != 0
    message = (top, win32con.WM_KEYDOWN, ord("B"), 0, 0, (0, 0))
    assert win32gui.TranslateAccelerator(top, table, message) == 0
    win32gui.DestroyAcceleratorTable(table)
