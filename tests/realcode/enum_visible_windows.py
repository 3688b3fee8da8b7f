"""List the visible top-level windows with their titles, as window pickers do.

Source: public GitHub files pokir/growtopia-auto-farm ``main.py`` (``list_window_names``:
``EnumWindows`` with a handler that prints ``hex(hwnd)`` and the title of each
``IsWindowVisible`` window) and zhangyan-zy93/testpythonScript ``mkcontrol/win32.py``
(``get_all_hwnd``: ``IsWindow`` and ``IsWindowEnabled`` and ``IsWindowVisible``, titles kept in
a dict, the empty ones skipped: its ``t is not ""`` written ``!=``, as Python 3.12 warns).
The driver makes the windows first (on a thread of their own, as another program would): two
visible, one hidden, one disabled, one with no title; only the driver's windows are printed,
as the desktop's others differ from machine to machine. A handler that returns False stops
the walk without an error.
"""

import threading

import win32api
import win32con
import win32gui

PREFIX = "rc-enum "
ready = threading.Event()
made = {}


def make_windows():
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RcEnumVisible"
    wc.lpfnWndProc = {win32con.WM_DESTROY: lambda h, m, w, lp: 0}
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    specs = [
        ("visible one", win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE),
        ("hidden", win32con.WS_OVERLAPPEDWINDOW),
        ("disabled", win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE | win32con.WS_DISABLED),
        ("visible two", win32con.WS_POPUP | win32con.WS_VISIBLE),
        ("", win32con.WS_POPUP | win32con.WS_VISIBLE),
    ]
    for title, style in specs:
        hwnd = win32gui.CreateWindow(
            atom, PREFIX + title if title else "", style, 0, 0, 100, 100, 0, 0, wc.hInstance, None
        )
        made[hwnd] = title or "(untitled)"
    ready.set()
    win32gui.PumpMessages()


def list_window_names():
    def win_enum_handler(hwnd, ctx):
        if win32gui.IsWindowVisible(hwnd):
            title = win32gui.GetWindowText(hwnd)
            if hwnd in made:
                ctx.append(
                    (made[hwnd], type(hwnd).__name__, hex(hwnd) == hex(int(hwnd)), repr(title))
                )

    found = []
    result = win32gui.EnumWindows(win_enum_handler, found)
    print("EnumWindows returned", result)
    for row in sorted(found):
        print("visible:", *row)


hwnd_title = dict()


def get_all_hwnd(hwnd, mouse):
    if (
        win32gui.IsWindow(hwnd)
        and win32gui.IsWindowEnabled(hwnd)
        and win32gui.IsWindowVisible(hwnd)
    ):
        hwnd_title.update({hwnd: win32gui.GetWindowText(hwnd)})


def main():
    gui = threading.Thread(target=make_windows)
    gui.start()
    ready.wait(30)
    tid = gui.native_id
    list_window_names()
    win32gui.EnumWindows(get_all_hwnd, 0)
    mine = sorted(t for h, t in hwnd_title.items() if t != "" and t.startswith(PREFIX))
    print("enabled and visible:", mine)
    print("untitled ones skipped:", sum(1 for h in hwnd_title if h in made and not hwnd_title[h]))
    # A handler that returns False stops the walk: pywin32 raises then only if an error is set.
    count = []

    def stop_at_first(hwnd, extra):
        count.append(hwnd)
        return False

    # pywin32 reports the thread's last error if one is set: a window that another program
    # destroyed during the walks above leaves 1400 (on a busy desktop, on Windows too)
    win32api.SetLastError(0)
    try:
        win32gui.EnumWindows(stop_at_first, None)
        print("stopped early, no error; calls:", len(count))
    except win32gui.error as error:
        print("stopped early:", error.winerror, error.funcname, "calls:", len(count))
    win32api.PostThreadMessage(tid, win32con.WM_QUIT, 0, 0)
    gui.join(30)
    print("done")


if __name__ == "__main__":
    main()
