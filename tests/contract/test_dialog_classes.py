"""Contract: dialogs of a class of the program's own (``WNDCLASS.SetDialogProc``), as
win32gui_dialog.py makes them: the dialog manager calls the dialog procedure the
DialogBoxIndirect or CreateDialogIndirect call gave."""

from __future__ import annotations

import struct
import uuid
from typing import Any

import win32con
import win32gui

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import empty_queue as empty_queue

STYLE = win32con.WS_POPUP | win32con.WS_CAPTION | win32con.WS_SYSMENU | win32con.DS_SETFONT
CHILD = win32con.WS_CHILD | win32con.WS_VISIBLE
ASK = win32con.WM_USER + 7  # the class's procedure would answer it
TELL = win32con.WM_USER + 8


def _dialog_class(handlers: dict[int, Any]) -> str:
    wc = win32gui.WNDCLASS()
    wc.SetDialogProc()
    wc.lpszClassName = f"ContractDialog{uuid.uuid4().hex[:8]}"
    wc.lpfnWndProc = handlers
    wc.cbWndExtra = win32con.DLGWINDOWEXTRA + struct.calcsize("Pi")
    win32gui.RegisterClass(wc)
    name: str = wc.lpszClassName
    return name


def _template(class_name: str) -> list[Any]:
    return [
        ["Own class", (0, 0, 100, 50), STYLE, None, (8, "MS Sans Serif"), None, class_name],
        [130, "Label", 100, (5, 5, 40, 10), CHILD],
    ]


def test_a_dialog_of_its_own_class_gets_the_dialog_procedures_messages() -> None:
    called: list[int] = []

    def answers(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        called.append(msg)
        return 42

    class_name = _dialog_class({ASK: answers})
    seen: list[int] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg in (win32con.WM_INITDIALOG, TELL, ASK):
            seen.append(msg)
            return 1
        return 0

    dialog = win32gui.CreateDialogIndirect(0, _template(class_name), 0, proc, 0)
    try:
        assert win32gui.GetClassName(dialog) == class_name
        assert seen == [win32con.WM_INITDIALOG]
        # a dialog procedure's TRUE is "handled", not the result (DWLP_MSGRESULT, 0 here)
        assert win32gui.SendMessage(dialog, TELL, 0, 0) == 0
        assert win32gui.SendMessage(dialog, ASK, 0, 0) == 0
        assert seen == [win32con.WM_INITDIALOG, TELL, ASK]
        # pywin32 attaches a class's Python procedure to windows CreateWindow makes; a
        # dialog made from a template never gets it (seen on the real pywin32)
        assert called == []
        assert win32gui.GetWindowText(win32gui.GetDlgItem(dialog, 100)) == "Label"
    finally:
        win32gui.DestroyWindow(dialog)


def test_a_dialog_that_destroys_itself_on_wm_close_is_gone() -> None:
    class_name = _dialog_class({})
    ended: list[int] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == win32con.WM_CLOSE:
            win32gui.DestroyWindow(hwnd)  # returns None: not handled, as the demo does
        elif msg == win32con.WM_DESTROY:
            ended.append(hwnd)
        return None

    dialog = win32gui.CreateDialogIndirect(0, _template(class_name), 0, proc, 0)
    win32gui.SendMessage(dialog, win32con.WM_CLOSE, 0, 0)
    assert ended == [dialog]
    assert not win32gui.IsWindow(dialog)


def test_a_modal_dialog_of_its_own_class_returns_end_dialogs_result() -> None:
    class_name = _dialog_class({})

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == win32con.WM_INITDIALOG:
            win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
            return 1
        if msg == win32con.WM_CLOSE:
            win32gui.EndDialog(hwnd, 6)
            return 1
        return 0

    assert win32gui.DialogBoxIndirect(0, _template(class_name), 0, proc, 0) == 6
