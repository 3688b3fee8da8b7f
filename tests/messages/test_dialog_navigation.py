"""GetNextDlgTabItem and GetNextDlgGroupItem: tab stops and groups among a dialog's controls."""

from __future__ import annotations

from typing import Any

import pytest

from apartment import messages
from apartment.errors import InvalidParameterError
from apartment.messages import WS_CHILD, WS_DISABLED, WS_GROUP, WS_TABSTOP, WS_VISIBLE

_made: list[str] = []


def _proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


def _dialog(*styles: int) -> tuple[int, list[int]]:
    if not _made:
        messages.register_class("dialog-navigation-test", _proc)
        _made.append("dialog-navigation-test")
    dialog = messages.create_window("dialog-navigation-test", style=WS_VISIBLE).hwnd
    controls = [
        messages.create_window(
            "dialog-navigation-test",
            style=WS_CHILD | WS_VISIBLE | style,
            parent=dialog,
            child_id=index + 1,
        ).hwnd
        for index, style in enumerate(styles)
    ]
    return dialog, controls


def test_tab_items_are_the_usable_tab_stops_wrapping_around() -> None:
    dialog, (a, b, c, d) = _dialog(WS_TABSTOP, 0, WS_TABSTOP | WS_DISABLED, WS_TABSTOP)
    try:
        assert messages.next_dialog_tab_item(dialog, 0, False) == a
        assert messages.next_dialog_tab_item(dialog, a, False) == d
        assert messages.next_dialog_tab_item(dialog, d, False) == a
        assert messages.next_dialog_tab_item(dialog, a, True) == d
        assert messages.next_dialog_tab_item(dialog, 0, True) == d
        with pytest.raises(InvalidParameterError):
            messages.next_dialog_tab_item(dialog, dialog, False)
    finally:
        messages.destroy_window(dialog)
    del b, c


def test_group_items_stay_in_their_group() -> None:
    dialog, (a, b, c, d, e) = _dialog(WS_GROUP, 0, 0, WS_GROUP, 0)
    try:
        assert messages.next_dialog_group_item(dialog, a, False) == b
        assert messages.next_dialog_group_item(dialog, c, False) == a
        assert messages.next_dialog_group_item(dialog, a, True) == c
        assert messages.next_dialog_group_item(dialog, d, False) == e
        assert messages.next_dialog_group_item(dialog, e, False) == d
    finally:
        messages.destroy_window(dialog)


def test_a_dialog_without_controls_has_no_items() -> None:
    dialog, _ = _dialog()
    try:
        assert messages.next_dialog_tab_item(dialog, 0, False) == 0
        assert messages.next_dialog_group_item(dialog, 0, False) == 0
    finally:
        messages.destroy_window(dialog)


def test_a_dialog_template_resource_is_not_found() -> None:
    from apartment.win32 import pywintypes, win32gui

    with pytest.raises(pywintypes.error) as caught:
        win32gui.DialogBox(0, 100, 0, {}, 0)
    assert caught.value.winerror == 1813
    assert win32gui.DialogBoxParam is win32gui.DialogBox
    with pytest.raises(pywintypes.error) as caught:
        win32gui.LoadMenu(0, 1)
    assert caught.value.winerror == 1813


def test_scroll_bars_keep_windows_rules() -> None:
    from apartment.errors import Win32Error
    from apartment.messages import WS_VSCROLL

    dialog, _ = _dialog()
    scrolled = messages.create_window("dialog-navigation-test", style=WS_VSCROLL).hwnd
    try:
        assert messages.scroll_info(scrolled, 1) == messages.ScrollInfo(0, 100, 0, 0, 0)
        with pytest.raises(Win32Error) as caught:
            messages.scroll_info(dialog, 1)  # no WS_VSCROLL, never set
        assert caught.value.winerror == 1447
        assert (
            messages.set_scroll_info(scrolled, 1, 0x7, minimum=0, maximum=99, page=10, pos=95) == 90
        )
        assert messages.scroll_info(scrolled, 1) == messages.ScrollInfo(0, 99, 10, 90, 90)
        assert messages.set_scroll_info(scrolled, 1, 0x2, page=500) == 0  # page: the range's size
        assert messages.scroll_info(scrolled, 1).page == 100
        assert messages.set_scroll_info(dialog, 0, 0x4, pos=-5) == 0  # now it has the bar
        assert messages.scroll_info(dialog, 0).pos == 0
        with pytest.raises(Win32Error):
            messages.scroll_info(scrolled, 2)  # SB_CTL: no scroll bar controls here
    finally:
        messages.destroy_window(scrolled)
        messages.destroy_window(dialog)


def test_an_edit_controls_lines() -> None:
    from apartment.errors import Win32Error

    try:
        messages.register_class("Edit", _proc)
        registered = True
    except Win32Error:  # the dialog manager registered it already
        registered = False
    edit = messages.create_window("Edit", "first\r\nsecond").hwnd
    try:
        assert messages.edit_line(edit, 0) == "first"
        assert messages.edit_line(edit, 1, 3) == "sec"
        assert messages.edit_line(edit, 2) == ""
    finally:
        messages.destroy_window(edit)
        if registered:
            messages.unregister_class("Edit")
