"""Contract: dialogs from pywin32's list templates, modeless and modal, their controls' texts
and numbers, the dialog manager's default handling of WM_CLOSE and a button's BM_CLICK."""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32gui

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import empty_queue as empty_queue

STYLE = win32con.DS_MODALFRAME | win32con.WS_POPUP | win32con.WS_CAPTION | win32con.WS_SYSMENU
CHILD = win32con.WS_CHILD | win32con.WS_VISIBLE
EDIT = 101
TEMPLATE = [
    ["Test", (0, 0, 100, 50), STYLE, None, (8, "MS Sans Serif")],
    [130, "Label", 100, (5, 5, 40, 10), CHILD],
    [129, "", EDIT, (5, 20, 40, 12), CHILD | win32con.WS_TABSTOP | win32con.ES_LEFT],
    [128, "OK", win32con.IDOK, (50, 20, 40, 14), CHILD | win32con.WS_TABSTOP],
]


class Recorder:
    """A dialog procedure: records WM_INITDIALOG's lParam and WM_COMMANDs (id, code);
    ends a modal dialog on IDOK/IDCANCEL with 7/9 (when ``end``)."""

    def __init__(self, end: bool = True) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.end = end

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == win32con.WM_INITDIALOG:
            self.calls.append(("init", lparam))
            return 1
        if msg == win32con.WM_COMMAND:
            command = win32api.LOWORD(wparam)
            self.calls.append(("command", command, win32api.HIWORD(wparam)))
            if self.end and command in (win32con.IDOK, win32con.IDCANCEL):
                win32gui.EndDialog(hwnd, 7 if command == win32con.IDOK else 9)
            return 1
        return 0


def test_a_modeless_dialog_and_its_controls() -> None:
    proc = Recorder(end=False)
    dialog = win32gui.CreateDialogIndirect(0, TEMPLATE, 0, proc, 5)
    try:
        assert proc.calls[0][0] == "init"  # lParam: pywin32 passes its own there
        assert win32gui.GetClassName(dialog) == "#32770"
        edit = win32gui.GetDlgItem(dialog, EDIT)
        assert win32gui.GetClassName(edit).lower() == "edit"
        assert win32gui.GetFocus() == edit  # WM_INITDIALOG said TRUE: the first tab stop
        assert win32gui.GetWindowText(win32gui.GetDlgItem(dialog, 100)) == "Label"
        win32gui.SetDlgItemText(dialog, EDIT, "42")
        assert win32gui.GetDlgItemText(dialog, EDIT) == "42"
        assert win32gui.GetDlgItemInt(dialog, EDIT, True) == 42
        win32gui.SetDlgItemInt(dialog, EDIT, -3, True)
        assert win32gui.GetDlgItemText(dialog, EDIT) == "-3"
        assert win32gui.GetDlgItemText(dialog, 999) == ""  # pywin32 does not raise
    finally:
        win32gui.DestroyWindow(dialog)


def test_a_button_click_is_a_command() -> None:
    proc = Recorder(end=False)
    dialog = win32gui.CreateDialogIndirect(0, TEMPLATE, 0, proc, 0)
    try:
        button = win32gui.GetDlgItem(dialog, win32con.IDOK)
        win32gui.SendMessage(button, win32con.BM_CLICK, 0, 0)
        assert proc.calls[-1] == ("command", win32con.IDOK, win32con.BN_CLICKED)
    finally:
        win32gui.DestroyWindow(dialog)


def test_a_modal_dialog_returns_end_dialogs_result() -> None:
    def ends_at_once(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == win32con.WM_INITDIALOG:
            win32gui.EndDialog(hwnd, 3)
            return 1
        return 0

    assert win32gui.DialogBoxIndirect(0, TEMPLATE, 0, ends_at_once, 0) == 3
    handlers = {win32con.WM_INITDIALOG: lambda hwnd, *args: win32gui.EndDialog(hwnd, 4)}
    assert win32gui.DialogBoxIndirect(0, TEMPLATE, 0, handlers, 0) == 4


def test_wm_close_is_a_cancel_command() -> None:
    proc = Recorder()

    def closes(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == win32con.WM_INITDIALOG:
            win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
        return proc(hwnd, msg, wparam, lparam)

    assert win32gui.DialogBoxIndirect(0, TEMPLATE, 0, closes, 0) == 9
    assert ("command", win32con.IDCANCEL, win32con.BN_CLICKED) in proc.calls


def test_edit_controls_notify_their_dialog() -> None:
    proc = Recorder(end=False)
    dialog = win32gui.CreateDialogIndirect(0, TEMPLATE, 0, proc, 0)
    try:
        del proc.calls[:]
        win32gui.SetDlgItemText(dialog, EDIT, "new")
        assert proc.calls == [
            ("command", EDIT, win32con.EN_UPDATE),
            ("command", EDIT, win32con.EN_CHANGE),
        ]
    finally:
        win32gui.DestroyWindow(dialog)


def test_dialog_calls_check_their_arguments() -> None:
    with pytest.raises(pywintypes.error):  # 1400; Wine sets no code
        win32gui.SetDlgItemText(12345678, EDIT, "x")
    with pytest.raises(TypeError):
        win32gui.SetDlgItemText(12345678, EDIT, None)
