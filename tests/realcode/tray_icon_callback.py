"""A tray icon owned by a hidden window, its WM_USER callback driven by posted messages.

Source: public GitHub tray apps (search "win32gui.Shell_NotifyIcon(win32gui.NIM_ADD
NIF_ICON NIF_MESSAGE NIF_TIP win32con.WM_USER+20"; pywin32's own taskbar demo shows the
same shape), rewritten with their calls and their order: a ``WNDCLASS`` with a message map,
``RegisterClass``, a hidden ``CreateWindow``, ``LoadIcon(0, IDI_APPLICATION)``,
``Shell_NotifyIcon(NIM_ADD, (hwnd, 0, flags, WM_USER + 20, hicon, "tip"))``, ``NIM_MODIFY``
with a balloon (``NIF_INFO``), the callback's ``lparam`` telling ``WM_LBUTTONUP`` from
``WM_RBUTTONUP``, ``PostMessage`` in place of the user's clicks, then ``NIM_DELETE``,
``DestroyWindow`` and ``PostQuitMessage`` ending ``PumpMessages``.

Wine differs: with no shell tray running in the oracle's prefix, Shell_NotifyIcon fails
there with E_FAIL; on Windows it succeeds and returns None, as here.
"""

import win32api
import win32con
import win32gui

CALLBACK = win32con.WM_USER + 20


class Tray:
    def __init__(self):
        self.events = []
        message_map = {
            CALLBACK: self.on_notify,
            win32con.WM_DESTROY: self.on_destroy,
            win32con.WM_COMMAND: self.on_command,
        }
        wc = win32gui.WNDCLASS()
        self.hinst = wc.hInstance = win32api.GetModuleHandle(None)
        wc.lpszClassName = "RealcodeTrayIcon"
        wc.lpfnWndProc = message_map
        self.atom = win32gui.RegisterClass(wc)
        self.hwnd = win32gui.CreateWindow(
            self.atom,
            "tray",
            win32con.WS_OVERLAPPED | win32con.WS_SYSMENU,
            0,
            0,
            win32con.CW_USEDEFAULT,
            win32con.CW_USEDEFAULT,
            0,
            0,
            self.hinst,
            None,
        )
        win32gui.UpdateWindow(self.hwnd)
        print("window visible:", bool(win32gui.IsWindowVisible(self.hwnd)))
        hicon = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
        flags = win32gui.NIF_ICON | win32gui.NIF_MESSAGE | win32gui.NIF_TIP
        nid = (self.hwnd, 0, flags, CALLBACK, hicon, "Realcode tray")
        print("NIM_ADD:", win32gui.Shell_NotifyIcon(win32gui.NIM_ADD, nid))
        balloon = (
            self.hwnd,
            0,
            win32gui.NIF_INFO,
            CALLBACK,
            hicon,
            "Realcode tray",
            "Hello from the tray",
            200,
            "Title",
        )
        print("NIM_MODIFY balloon:", win32gui.Shell_NotifyIcon(win32gui.NIM_MODIFY, balloon))

    def on_notify(self, hwnd, msg, wparam, lparam):
        if lparam == win32con.WM_LBUTTONUP:
            self.events.append("left click")
        elif lparam == win32con.WM_RBUTTONUP:
            self.events.append("right click")
            win32gui.PostMessage(hwnd, win32con.WM_COMMAND, 1025, 0)
        elif lparam == win32con.WM_LBUTTONDBLCLK:
            self.events.append("double click")
        return True

    def on_command(self, hwnd, msg, wparam, lparam):
        self.events.append(f"command {win32api.LOWORD(wparam)}")
        if win32api.LOWORD(wparam) == 1025:
            print("NIM_DELETE:", win32gui.Shell_NotifyIcon(win32gui.NIM_DELETE, (hwnd, 0)))
            win32gui.DestroyWindow(hwnd)
        return 0

    def on_destroy(self, hwnd, msg, wparam, lparam):
        self.events.append("destroy")
        win32gui.PostQuitMessage(0)
        return 0


def main():
    tray = Tray()
    for click in (win32con.WM_LBUTTONUP, win32con.WM_LBUTTONDBLCLK, win32con.WM_RBUTTONUP):
        win32gui.PostMessage(tray.hwnd, CALLBACK, 0, click)
    win32gui.PumpMessages()
    print("events:", tray.events)
    print("window gone:", not win32gui.IsWindow(tray.hwnd))
    win32gui.UnregisterClass(tray.atom, tray.hinst)


main()
