"""Subclass a window's procedure with SetWindowLong(GWL_WNDPROC) and chain to the old one.

Source: public GitHub files that hook an existing window's messages from Python (the
wxPython/Tk/pygame "catch WM_DEVICECHANGE / WM_POWERBROADCAST / WM_COPYDATA" recipes:
``self.oldWndProc = win32gui.SetWindowLong(hwnd, win32con.GWL_WNDPROC, self.MyWndProc)``,
the new procedure handling its message and ``win32gui.CallWindowProc(self.oldWndProc,
hwnd, msg, wParam, lParam)`` for the rest, restoring the old one on WM_DESTROY), rewritten
with their calls and their order on a window of our own class: its procedure counts what
reaches it; messages are sent with ``SendMessage`` (the hook's answer comes back) and posted
with ``PostMessage`` (pumped by ``PumpWaitingMessages``); the subclass is removed and the
original procedure gets everything again.
"""

import win32api
import win32con
import win32gui

WM_APP_PING = win32con.WM_APP + 1
WM_APP_OTHER = win32con.WM_APP + 2

seen = []


def base_proc(hwnd, msg, wparam, lparam):
    if msg in (WM_APP_PING, WM_APP_OTHER):
        seen.append(("base", msg - win32con.WM_APP, wparam))
        return 100 + wparam
    if msg == win32con.WM_DESTROY:
        win32gui.PostQuitMessage(0)
        return 0
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


class Hook:
    def __init__(self, hwnd):
        self.hwnd = hwnd
        self.oldWndProc = win32gui.SetWindowLong(hwnd, win32con.GWL_WNDPROC, self.MyWndProc)

    def MyWndProc(self, hWnd, msg, wParam, lParam):
        if msg == WM_APP_PING:
            seen.append(("hook", 1, wParam))
            return 7
        if msg == win32con.WM_DESTROY:
            win32api.SetWindowLong(hWnd, win32con.GWL_WNDPROC, self.oldWndProc)
        return win32gui.CallWindowProc(self.oldWndProc, hWnd, msg, wParam, lParam)

    def unhook(self):
        win32api.SetWindowLong(self.hwnd, win32con.GWL_WNDPROC, self.oldWndProc)


def main():
    wc = win32gui.WNDCLASS()
    wc.lpfnWndProc = base_proc
    wc.lpszClassName = "RealcomSubclassDemo"
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(atom, "demo", 0, 0, 0, 0, 0, 0, 0, wc.hInstance, None)
    print("before hook:", win32gui.SendMessage(hwnd, WM_APP_PING, 1, 0))
    hook = Hook(hwnd)
    print("old proc is int:", isinstance(hook.oldWndProc, int))
    print("hooked ping:", win32gui.SendMessage(hwnd, WM_APP_PING, 2, 0))
    print("hooked other:", win32gui.SendMessage(hwnd, WM_APP_OTHER, 3, 0))
    win32gui.PostMessage(hwnd, WM_APP_PING, 4, 0)
    win32gui.PostMessage(hwnd, WM_APP_OTHER, 5, 0)
    win32gui.PumpWaitingMessages()
    hook.unhook()
    print("unhooked ping:", win32gui.SendMessage(hwnd, WM_APP_PING, 6, 0))
    print("seen:", seen)
    win32gui.DestroyWindow(hwnd)
    win32gui.PumpWaitingMessages()
    win32gui.UnregisterClass(atom, wc.hInstance)
    print("done")


if __name__ == "__main__":
    main()
