"""Tell every top-level window that a setting changed: HWND_BROADCAST with SendMessageTimeout.

Source: public GitHub scripts that set an environment variable in the registry and then
announce it (search "SendMessageTimeout(win32con.HWND_BROADCAST, win32con.WM_SETTINGCHANGE,
0, \"Environment\"" "SMTO_ABORTIFHUNG"), and apps that signal their other instances with a
registered message (``win32gui.RegisterWindowMessage(name)`` then
``PostMessage(win32con.HWND_BROADCAST, msg, ...)``), rewritten with their calls and their
order; the listeners are two hidden top-level windows of this process on their own
threads, as such apps keep, and one message-only window (which broadcasts do not reach).
The listeners report what reached them; the sender prints what ``SendMessageTimeout``
returned.
"""

import threading

import win32api
import win32con
import win32gui

PING = win32gui.RegisterWindowMessage("RealcomBroadcastPing")
got = []
lock = threading.Lock()


def make_proc(name):
    def proc(hwnd, msg, wparam, lparam):
        if msg == win32con.WM_SETTINGCHANGE:
            with lock:
                got.append((name, "WM_SETTINGCHANGE", wparam))
            return 0
        if msg == PING:
            with lock:
                got.append((name, "PING", wparam))
            return 0
        if msg == win32con.WM_CLOSE:
            win32gui.DestroyWindow(hwnd)
            return 0
        if msg == win32con.WM_DESTROY:
            win32gui.PostQuitMessage(0)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    return proc


def listener(name, parent, ready, handles):
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = f"RealcomBroadcast_{name}"
    wc.lpfnWndProc = make_proc(name)
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindowEx(0, atom, name, 0, 0, 0, 0, 0, parent, 0, wc.hInstance, None)
    handles[name] = hwnd
    ready.set()
    win32gui.PumpMessages()
    win32gui.UnregisterClass(atom, wc.hInstance)


def main():
    print("registered message in range:", 0xC000 <= PING <= 0xFFFF)
    print("same name, same number:", win32gui.RegisterWindowMessage("RealcomBroadcastPing") == PING)
    handles = {}
    threads = []
    for name, parent in (("first", 0), ("second", 0), ("msgonly", win32con.HWND_MESSAGE)):
        ready = threading.Event()
        thread = threading.Thread(target=listener, args=(name, parent, ready, handles))
        thread.start()
        ready.wait(10)
        threads.append(thread)
    result = win32gui.SendMessageTimeout(
        win32con.HWND_BROADCAST,
        win32con.WM_SETTINGCHANGE,
        0,
        "Environment",
        win32con.SMTO_ABORTIFHUNG,
        5000,
    )
    print("SendMessageTimeout returned:", result)
    win32gui.SendMessageTimeout(
        win32con.HWND_BROADCAST, PING, 5, 0, win32con.SMTO_ABORTIFHUNG, 5000
    )
    for name in ("first", "second", "msgonly"):
        win32gui.SendMessage(handles[name], win32con.WM_CLOSE, 0, 0)
    for thread in threads:
        thread.join(10)
    with lock:
        for row in sorted(got):
            print("got:", row)
    print("done")


if __name__ == "__main__":
    main()
