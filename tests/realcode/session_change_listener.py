"""A hidden window that asks for session-change notifications (lock, unlock, logon, logoff).

Source: public GitHub "detect workstation lock" scripts (``win32ts.
WTSRegisterSessionNotification(hwnd, win32ts.NOTIFY_FOR_THIS_SESSION)`` on a hidden window
whose message map handles ``WM_WTSSESSION_CHANGE`` with ``wparam`` one of
``WTS_SESSION_LOCK``/``WTS_SESSION_UNLOCK``, ``WTSUnRegisterSessionNotification`` when done),
rewritten with those calls and their order. No one locks the machine in a test, so the
program posts the two notifications Windows would send on a lock and an unlock, and quits.

Wine differs: its WTSUnRegisterSessionNotification is a stub that fails with no error code,
so pywin32 raises there and the window never closes; on Windows it succeeds and returns None
(the expected output).
"""

import win32api
import win32con
import win32gui
import win32ts

# pywin32 has none of these names: the scripts spell them out.
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOGON, WTS_SESSION_LOGOFF, WTS_SESSION_LOCK, WTS_SESSION_UNLOCK = 5, 6, 7, 8
EVENTS = {
    WTS_SESSION_LOCK: "lock",
    WTS_SESSION_UNLOCK: "unlock",
    WTS_SESSION_LOGON: "logon",
    WTS_SESSION_LOGOFF: "logoff",
}


class Listener:
    def __init__(self):
        self.events = []
        wc = win32gui.WNDCLASS()
        wc.hInstance = win32api.GetModuleHandle(None)
        wc.lpszClassName = "RealcodeSessionListener"
        wc.lpfnWndProc = {
            WM_WTSSESSION_CHANGE: self.on_session_change,
            win32con.WM_CLOSE: self.on_close,
            win32con.WM_DESTROY: self.on_destroy,
        }
        self.atom = win32gui.RegisterClass(wc)
        self.hinst = wc.hInstance
        self.hwnd = win32gui.CreateWindow(
            self.atom, "session", 0, 0, 0, 0, 0, 0, 0, wc.hInstance, None
        )
        print(
            "register:",
            win32ts.WTSRegisterSessionNotification(self.hwnd, win32ts.NOTIFY_FOR_THIS_SESSION),
        )

    def on_session_change(self, hwnd, msg, wparam, lparam):
        self.events.append((EVENTS.get(wparam, wparam), lparam))
        if wparam == WTS_SESSION_UNLOCK:
            win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
        return 0

    def on_close(self, hwnd, msg, wparam, lparam):
        print("unregister:", win32ts.WTSUnRegisterSessionNotification(hwnd))
        win32gui.DestroyWindow(hwnd)
        return 0

    def on_destroy(self, hwnd, msg, wparam, lparam):
        win32gui.PostQuitMessage(0)
        return 0


def main():
    listener = Listener()
    session = win32ts.ProcessIdToSessionId(win32api.GetCurrentProcessId())
    win32gui.PostMessage(listener.hwnd, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, session)
    win32gui.PostMessage(listener.hwnd, WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, session)
    win32gui.PumpMessages()
    print("events:", [(name, lparam == session) for name, lparam in listener.events])
    win32gui.UnregisterClass(listener.atom, listener.hinst)


main()
