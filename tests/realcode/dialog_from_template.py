"""Dialogs built from in-memory templates: CreateDialogIndirect and DialogBoxIndirect.

Source: public GitHub GUI scripts that avoid resource files (search "win32gui.DialogBoxIndirect
win32con.WS_CAPTION DS_SETFONT WM_INITDIALOG EndDialog", "CreateDialogIndirect"), rewritten
with their calls and their order: a template list (dialog header then ``Button``/``Edit``/
``Static`` items), a message map with ``WM_INITDIALOG``, ``WM_COMMAND`` and ``WM_CLOSE``,
``CreateDialogIndirect`` for a modeless dialog whose controls are read with ``GetDlgItem``,
``SetDlgItemText``/``GetDlgItemText``, then ``DialogBoxIndirect`` for a modal one, closed by a
``WM_COMMAND`` for IDOK posted from ``WM_INITDIALOG`` in place of the user's click; its
``EndDialog`` code is what ``DialogBoxIndirect`` returns.
"""

import win32api
import win32con
import win32gui

IDC_EDIT = 1001
IDC_LABEL = 1002


def template(title):
    style = (
        win32con.DS_MODALFRAME
        | win32con.WS_POPUP
        | win32con.WS_CAPTION
        | win32con.WS_SYSMENU
        | win32con.DS_SETFONT
    )
    child = win32con.WS_CHILD | win32con.WS_VISIBLE
    return [
        [title, (0, 0, 180, 80), style, None, (8, "MS Sans Serif")],
        ["Static", "Name:", IDC_LABEL, (5, 5, 40, 10), child],
        [
            "Edit",
            "",
            IDC_EDIT,
            (50, 5, 120, 12),
            child | win32con.WS_TABSTOP | win32con.ES_AUTOHSCROLL | win32con.WS_BORDER,
        ],
        [
            128,
            "OK",
            win32con.IDOK,
            (35, 50, 50, 14),
            child | win32con.WS_TABSTOP | win32con.BS_DEFPUSHBUTTON,
        ],
        [
            128,
            "Cancel",
            win32con.IDCANCEL,
            (95, 50, 50, 14),
            child | win32con.WS_TABSTOP | win32con.BS_PUSHBUTTON,
        ],
    ]


log = []


def on_init(hwnd, msg, wparam, lparam):
    win32gui.SetDlgItemText(hwnd, IDC_EDIT, "initial")
    log.append(("init", win32gui.GetWindowText(hwnd)))
    if win32gui.GetWindowText(hwnd) == "Modal":
        win32gui.PostMessage(hwnd, win32con.WM_COMMAND, win32con.IDOK, 0)
    return True


def on_command(hwnd, msg, wparam, lparam):
    control = win32api.LOWORD(wparam)
    if control in (win32con.IDOK, win32con.IDCANCEL):
        log.append(("command", control, win32gui.GetDlgItemText(hwnd, IDC_EDIT)))
        win32gui.EndDialog(hwnd, 42 if control == win32con.IDOK else 0)
    return True


def on_close(hwnd, msg, wparam, lparam):
    win32gui.EndDialog(hwnd, 0)
    return True


MESSAGE_MAP = {
    win32con.WM_INITDIALOG: on_init,
    win32con.WM_COMMAND: on_command,
    win32con.WM_CLOSE: on_close,
}


def main():
    hinst = win32api.GetModuleHandle(None)
    hwnd = win32gui.CreateDialogIndirect(hinst, template("Modeless"), 0, MESSAGE_MAP)
    print("modeless is a window:", bool(win32gui.IsWindow(hwnd)))
    print("title:", win32gui.GetWindowText(hwnd))
    edit = win32gui.GetDlgItem(hwnd, IDC_EDIT)
    print("edit class:", win32gui.GetClassName(edit), "id:", win32gui.GetDlgCtrlID(edit))
    print("edit text:", win32gui.GetDlgItemText(hwnd, IDC_EDIT))
    win32gui.SetDlgItemText(hwnd, IDC_EDIT, "changed")
    print("after set:", win32gui.GetWindowText(edit))
    print("label:", win32gui.GetDlgItemText(hwnd, IDC_LABEL))
    print("ok button class:", win32gui.GetClassName(win32gui.GetDlgItem(hwnd, win32con.IDOK)))
    win32gui.DestroyWindow(hwnd)
    print("destroyed:", not win32gui.IsWindow(hwnd))
    result = win32gui.DialogBoxIndirect(hinst, template("Modal"), 0, MESSAGE_MAP)
    print("modal returns:", result)
    print("log:", log)


main()
