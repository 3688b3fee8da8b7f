"""Read and change a window's styles: always-on-top, tool window, user data, as utilities do.

Source: public GitHub window utilities ("toggle always on top", "hide from taskbar", "store
a Python id in GWL_USERDATA"; search "SetWindowPos(hwnd, win32con.HWND_TOPMOST"
"GetWindowLong(hwnd, win32con.GWL_EXSTYLE)" "WS_EX_TOPMOST" "WS_EX_TOOLWINDOW"
"GWL_USERDATA"), rewritten with their calls and their order on a window of their own: the
style bits CreateWindowEx gave it, ``SetWindowPos(hwnd, HWND_TOPMOST, 0, 0, 0, 0,
SWP_NOMOVE | SWP_NOSIZE)`` and back with ``HWND_NOTOPMOST``, ``SetWindowLong(GWL_EXSTYLE,
... | WS_EX_TOOLWINDOW)`` and the old value it returns, ``GWL_USERDATA`` set and read,
``ShowWindow`` and ``IsWindowVisible``, ``GetWindowRect`` after ``MoveWindow``.
"""

import win32api
import win32con
import win32gui


def proc(hwnd, msg, wparam, lparam):
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def flags(value, names):
    return [name for name in names if value & getattr(win32con, name)]


STYLES = [
    "WS_OVERLAPPED",
    "WS_CAPTION",
    "WS_SYSMENU",
    "WS_THICKFRAME",
    "WS_MINIMIZEBOX",
    "WS_MAXIMIZEBOX",
    "WS_VISIBLE",
    "WS_CLIPSIBLINGS",
    "WS_POPUP",
    "WS_CHILD",
]
EXSTYLES = [
    "WS_EX_TOPMOST",
    "WS_EX_TOOLWINDOW",
    "WS_EX_APPWINDOW",
    "WS_EX_WINDOWEDGE",
    "WS_EX_CLIENTEDGE",
]


def main():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RealcomStyles"
    wc.lpfnWndProc = proc
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindowEx(
        0, atom, "styles", win32con.WS_OVERLAPPEDWINDOW, 10, 20, 300, 200, 0, 0, wc.hInstance, None
    )
    style = win32gui.GetWindowLong(hwnd, win32con.GWL_STYLE)
    print("style:", hex(style), flags(style, STYLES))
    ex = win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE)
    print("exstyle:", hex(ex), flags(ex, EXSTYLES))
    win32gui.SetWindowPos(
        hwnd, win32con.HWND_TOPMOST, 0, 0, 0, 0, win32con.SWP_NOMOVE | win32con.SWP_NOSIZE
    )
    print(
        "topmost:",
        bool(win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE) & win32con.WS_EX_TOPMOST),
    )
    win32gui.SetWindowPos(
        hwnd, win32con.HWND_NOTOPMOST, 0, 0, 0, 0, win32con.SWP_NOMOVE | win32con.SWP_NOSIZE
    )
    print(
        "not topmost:",
        bool(win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE) & win32con.WS_EX_TOPMOST),
    )
    old = win32gui.SetWindowLong(
        hwnd,
        win32con.GWL_EXSTYLE,
        win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE) | win32con.WS_EX_TOOLWINDOW,
    )
    print("old exstyle returned:", hex(old))
    ex = win32gui.GetWindowLong(hwnd, win32con.GWL_EXSTYLE)
    print("tool window:", flags(ex, EXSTYLES))
    print("userdata before:", win32gui.GetWindowLong(hwnd, win32con.GWL_USERDATA))
    print("set userdata returns:", win32gui.SetWindowLong(hwnd, win32con.GWL_USERDATA, 12345))
    print("userdata:", win32gui.GetWindowLong(hwnd, win32con.GWL_USERDATA))
    print("visible:", win32gui.IsWindowVisible(hwnd))
    print("show returns:", win32gui.ShowWindow(hwnd, win32con.SW_SHOWNOACTIVATE))
    print(
        "visible:",
        win32gui.IsWindowVisible(hwnd),
        bool(win32gui.GetWindowLong(hwnd, win32con.GWL_STYLE) & win32con.WS_VISIBLE),
    )
    win32gui.MoveWindow(hwnd, 50, 60, 320, 240, False)
    print("rect:", win32gui.GetWindowRect(hwnd))
    print("hide returns:", win32gui.ShowWindow(hwnd, win32con.SW_HIDE))
    win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(atom, wc.hInstance)
    print("done")


if __name__ == "__main__":
    main()
