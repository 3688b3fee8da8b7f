"""Dialogs: templates, the dialog manager, modal loops ended by the procedure or a driver."""

from __future__ import annotations

from typing import Any

import pytest

from apartment import messages
from apartment.errors import ERROR_CONTROL_ID_NOT_FOUND, Win32Error
from apartment.kernel import start_thread
from apartment.messages import (
    IDCANCEL,
    IDOK,
    WM_COMMAND,
    WM_INITDIALOG,
    WS_CHILD,
    WS_POPUP,
    WS_TABSTOP,
    WS_VISIBLE,
    DialogItem,
    DialogTemplate,
)


def _template() -> DialogTemplate:
    return DialogTemplate(
        "Test",
        (10, 10, 100, 50),
        WS_POPUP,
        items=[
            DialogItem(0x82, "Label", 100, (5, 5, 40, 10), WS_VISIBLE),
            DialogItem(0x81, "", 101, (5, 20, 40, 12), WS_VISIBLE | WS_TABSTOP),
            DialogItem("Button", "OK", IDOK, (50, 20, 40, 14), WS_VISIBLE | WS_TABSTOP),
        ],
    )


def test_create_dialog_makes_controls_then_sends_wm_initdialog() -> None:
    seen: list[tuple[int, Any, Any]] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == WM_INITDIALOG:
            seen.append((msg, wparam, lparam))
            return 1
        return 0

    hwnd = messages.create_dialog(_template(), 0, proc, "param")
    try:
        edit = messages.dialog_item(hwnd, 101)
        assert seen == [(WM_INITDIALOG, edit, "param")]
        assert messages.focus_window() == edit
        assert messages.get_class_name(hwnd) == messages.DIALOG_CLASS
        assert messages.window_rect(edit)[:2] == (30, 60)  # dialog units are 2 pixels
        assert messages.window_of(edit).style & WS_CHILD
        assert not messages.is_window_visible(hwnd)  # the template has no WS_VISIBLE
        messages.set_dialog_item_int(hwnd, 101, -1, signed=False)
        assert messages.dialog_item_text(hwnd, 101) == "4294967295"
        assert messages.dialog_item_int(hwnd, 101, signed=True) == (0, False)
        assert messages.dialog_item_int(hwnd, 101, signed=False) == (4294967295, True)
        messages.set_dialog_item_text(hwnd, 101, " -12")
        assert messages.dialog_item_int(hwnd, 101, signed=True) == (-12, True)
        messages.set_dialog_item_text(hwnd, 101, "12x")
        assert messages.dialog_item_int(hwnd, 101, signed=True) == (0, False)
        with pytest.raises(Win32Error) as raised:
            messages.dialog_item_text(hwnd, 999)
        assert raised.value.winerror == ERROR_CONTROL_ID_NOT_FOUND
    finally:
        messages.window_of(hwnd).destroy()


def test_a_modal_dialog_disables_its_owner_until_a_driver_ends_it() -> None:
    messages.register_class("dialog-owner", messages.def_window_proc)
    owner = messages.create_window("dialog-owner")
    states: list[bool] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == WM_INITDIALOG:
            # a driver on another thread, as a user pressing Cancel
            start_thread(lambda: messages.post_message(hwnd, messages.WM_CLOSE, 0, 0))
            return 1
        if msg == WM_COMMAND and wparam & 0xFFFF == IDCANCEL:  # not the edit's EN_SETFOCUS
            states.append(messages.is_window_enabled(owner.hwnd))
            messages.end_dialog(hwnd, wparam & 0xFFFF)
            return 1
        return 0

    try:
        assert messages.dialog_box(_template(), owner.hwnd, proc) == IDCANCEL
        assert states == [False]
        assert messages.is_window_enabled(owner.hwnd)
    finally:
        owner.destroy()
        messages.unregister_class("dialog-owner")


def test_wm_quit_ends_a_modal_loop_and_is_posted_again() -> None:
    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == WM_INITDIALOG:
            messages.post_quit_message(5)
        return 0

    assert messages.dialog_box(_template(), 0, proc) == 0
    message = messages.peek_message(flags=messages.PM_REMOVE)
    assert message is not None
    assert (message[1], message[2]) == (messages.WM_QUIT, 5)


def test_is_dialog_message_dispatches_the_dialogs_messages() -> None:
    got: list[int] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == messages.WM_USER:
            got.append(msg)
            return 1
        return 0

    hwnd = messages.create_dialog(_template(), 0, proc)
    try:
        messages.post_message(hwnd, messages.WM_USER, 0, 0)
        message = messages.peek_message(flags=messages.PM_REMOVE)
        assert message is not None
        assert messages.is_dialog_message(hwnd, message)
        assert got == [messages.WM_USER]
        assert not messages.is_dialog_message(hwnd, (0, messages.WM_USER, 0, 0))
    finally:
        messages.window_of(hwnd).destroy()
