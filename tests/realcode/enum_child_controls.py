"""Walk a window's child controls and read each one's class, id and text, as UI scrapers do.

Source: public GitHub scripts that dump a dialog's controls (``EnumChildWindows(hwnd,
callback, list)`` appending ``(hwnd, GetClassName, GetWindowText)``; ``GetDlgCtrlID``; the
other walk with ``FindWindowEx(parent, child_after, None, None)`` until it returns 0; and a
button found by its caption, then ``GetDlgItem`` by id), rewritten with those calls in that
order. The driver makes the "other application": a thread owning a top-level window with an
Edit, a Button, two Statics and a nested child, pumping its messages.
"""

import threading

import win32api
import win32con
import win32gui

ready = threading.Event()
form = {}


def other_application():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcChildForm"
    wc.lpfnWndProc = {}
    wc.hInstance = win32api.GetModuleHandle(None)
    win32gui.RegisterClass(wc)
    top = win32gui.CreateWindow(
        "RcChildForm", "Login", win32con.WS_OVERLAPPEDWINDOW, 0, 0, 300, 200, 0, 0, 0, None
    )
    child = win32con.WS_CHILD | win32con.WS_VISIBLE
    win32gui.CreateWindow("Static", "User:", child, 5, 5, 50, 20, top, 1001, 0, None)
    win32gui.CreateWindow("Edit", "alice", child, 60, 5, 100, 20, top, 1002, 0, None)
    win32gui.CreateWindow("Static", "Pass:", child, 5, 30, 50, 20, top, 1003, 0, None)
    group = win32gui.CreateWindow(
        "Button", "Options", child | win32con.BS_GROUPBOX, 5, 60, 200, 80, top, 1004, 0, None
    )
    win32gui.CreateWindow(
        "Button",
        "Remember me",
        child | win32con.BS_AUTOCHECKBOX,
        10,
        80,
        150,
        20,
        group,
        2001,
        0,
        None,
    )
    win32gui.CreateWindow(
        "Button",
        "OK",
        child | win32con.BS_PUSHBUTTON,
        220,
        150,
        60,
        24,
        top,
        win32con.IDOK,
        0,
        None,
    )
    form["top"] = top
    ready.set()
    win32gui.PumpMessages()


def dump_children(hwnd):
    children = []

    def callback(child, extra):
        extra.append(
            (
                win32gui.GetClassName(child),
                win32gui.GetDlgCtrlID(child),
                win32gui.GetWindowText(child),
            )
        )
        return True

    win32gui.EnumChildWindows(hwnd, callback, children)
    return children


def direct_children(parent):
    found = []
    child = win32gui.FindWindowEx(parent, 0, None, None)
    while child:
        found.append(win32gui.GetWindowText(child))
        child = win32gui.FindWindowEx(parent, child, None, None)
    return found


def main():
    app = threading.Thread(target=other_application)
    app.start()
    ready.wait(30)
    hwnd = win32gui.FindWindow("RcChildForm", None)
    for row in dump_children(hwnd):
        print("child:", row)
    print("direct children:", direct_children(hwnd))
    ok = win32gui.FindWindowEx(hwnd, 0, "Button", "OK")
    print(
        "OK button id:", win32gui.GetDlgCtrlID(ok), ok == win32gui.GetDlgItem(hwnd, win32con.IDOK)
    )
    edit = win32gui.GetDlgItem(hwnd, 1002)
    print("edit parent is the form:", win32gui.GetParent(edit) == hwnd)
    nested = win32gui.FindWindowEx(hwnd, 0, "Button", "Remember me")
    print("nested not a direct child:", nested == 0)
    try:
        print("no such item:", win32gui.GetDlgItem(hwnd, 4242))
    except win32gui.error as error:
        print("no such item:", error.winerror, error.funcname)
    try:
        win32gui.EnumChildWindows(hwnd, lambda h, e: False, None)
        print("stopped walk: no error")
    except win32gui.error as error:
        print("stopped walk:", error.winerror)
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    win32api.PostThreadMessage(app.native_id, win32con.WM_QUIT, 0, 0)
    app.join(30)
    print("done")


if __name__ == "__main__":
    main()
