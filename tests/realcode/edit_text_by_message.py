"""Read and write another window's edit box with WM_GETTEXT and WM_SETTEXT, as scripts do.

Source: public GitHub file aeo153/python ``code_segments.py``: ``FindWindowEx(hwnd, ..., "TEdit",
"")`` for the child, ``SendMessage(x, WM_GETTEXTLENGTH) + 1`` for the length,
``PyMakeBuffer(length)``, ``SendMessage(x, WM_GETTEXT, length, buf)``, then
``PyGetBufferAddressAndLen(buf)`` and ``PyGetString(address, result_length)``; the form's window
is found first with ``FindWindow(class, title)``. The driver is the "other application": a thread
that owns a top-level window with an ``Edit`` child and pumps; the script sets the text with
``WM_SETTEXT`` and reads it back from the main thread, so every message crosses threads.
"""

import threading

import win32api
import win32con
import win32gui
import win32process

ready = threading.Event()
owner = {}


def other_application():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcFormWindow"
    wc.lpfnWndProc = {win32con.WM_DESTROY: lambda h, m, w, lp: win32gui.PostQuitMessage(0) or 0}
    wc.hInstance = win32api.GetModuleHandle(None)
    win32gui.RegisterClass(wc)
    form = win32gui.CreateWindow(
        "RcFormWindow",
        "Order form",
        win32con.WS_OVERLAPPEDWINDOW,
        0,
        0,
        300,
        200,
        0,
        0,
        wc.hInstance,
        None,
    )
    edit = win32gui.CreateWindow(
        "Edit",
        "12.5",
        win32con.WS_CHILD | win32con.WS_VISIBLE,
        10,
        10,
        100,
        20,
        form,
        101,
        wc.hInstance,
        None,
    )
    owner["form"], owner["edit"] = form, edit
    ready.set()
    win32gui.PumpMessages()


def read_text(x_axis):
    length = win32gui.SendMessage(x_axis, win32con.WM_GETTEXTLENGTH) + 1
    print("Length: ", length)
    buf = win32gui.PyMakeBuffer(length)
    print("get: ", win32gui.SendMessage(x_axis, win32con.WM_GETTEXT, length, buf))
    address, result_length = win32gui.PyGetBufferAddressAndLen(buf)
    text = win32gui.PyGetString(address, result_length)
    print("text: ", repr(text.rstrip("\0")))
    return text


def main():
    app = threading.Thread(target=other_application)
    app.start()
    ready.wait(30)
    hwnd = win32gui.FindWindow("RcFormWindow", "Order form")
    print("found form:", hwnd == owner["form"])
    x_axis = win32gui.FindWindowEx(hwnd, 0, "Edit", None)
    print("found edit:", x_axis == owner["edit"], win32gui.GetClassName(x_axis))
    print(
        "edit thread is the other one:",
        win32process.GetWindowThreadProcessId(x_axis)[0] == app.native_id,
    )
    read_text(x_axis)
    print("set:", win32gui.SendMessage(x_axis, win32con.WM_SETTEXT, 0, "37.25"))
    read_text(x_axis)
    print("GetWindowText:", repr(win32gui.GetWindowText(x_axis)))
    # A buffer shorter than the text: the edit copies length-1 characters and a NUL.
    buf = win32gui.PyMakeBuffer(3)
    copied = win32gui.SendMessage(x_axis, win32con.WM_GETTEXT, 3, buf)
    print("short buffer:", copied, bytes(buf[:copied]))
    win32gui.SetWindowText(hwnd, "Order form (saved)")
    print("form title:", win32gui.GetWindowText(hwnd))
    print("old title gone:", win32gui.FindWindow("RcFormWindow", "Order form") == 0)
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    app.join(30)
    print("closed:", not win32gui.IsWindow(hwnd))


if __name__ == "__main__":
    main()
