"""A window procedure answers a cross-thread SendMessage early with ReplyMessage, then goes on.

Source: public pywin32 code of hook and automation helpers that must not keep the sender
waiting (search "win32gui ReplyMessage InSendMessage long operation SendMessage"), rewritten
with their calls in their order: the procedure calls ``ReplyMessage(42)`` so that the sender's
``SendMessage`` returns 42 at once, then finishes its work while the sender goes on; a second
``ReplyMessage`` in the same message still succeeds (the thread is still handling a sent
message; only the first reply counts); one outside any sent message fails, as pywin32 raises
for a FALSE result.
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32gui

WM_LONG = win32con.WM_APP + 1


def try_reply(value):
    try:
        return win32gui.ReplyMessage(value)
    except pywintypes.error as e:
        return "raised by " + e.funcname


def main():
    created = win32event.CreateEvent(None, True, False, None)
    sender_saw_reply = win32event.CreateEvent(None, True, False, None)
    work_done = win32event.CreateEvent(None, True, False, None)
    notes = []
    box = []

    def wndproc(hwnd, msg, wparam, lparam):
        if msg == WM_LONG:
            notes.append(("reply", try_reply(42)))
            notes.append(("reply again", try_reply(43)))
            win32event.WaitForSingleObject(sender_saw_reply, 30000)
            win32event.SetEvent(work_done)
            return 99  # ignored: the sender has its answer
        if msg == win32con.WM_CLOSE:
            win32gui.DestroyWindow(hwnd)
            return 0
        if msg == win32con.WM_DESTROY:
            win32gui.PostQuitMessage(0)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def ui():
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = "RealcodeReplyEarly"
        wc.lpfnWndProc = wndproc
        wc.hInstance = win32api.GetModuleHandle(None)
        atom = win32gui.RegisterClass(wc)
        box.append(
            win32gui.CreateWindow(
                atom, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
            )
        )
        win32event.SetEvent(created)
        win32gui.PumpMessages()

    t = threading.Thread(target=ui)
    t.start()
    win32event.WaitForSingleObject(created, 30000)
    hwnd = box[0]
    print("send returned:", win32gui.SendMessage(hwnd, WM_LONG, 0, 0))
    print(
        "work finished yet:",
        win32event.WaitForSingleObject(work_done, 0) == win32event.WAIT_OBJECT_0,
    )
    win32event.SetEvent(sender_saw_reply)
    win32event.WaitForSingleObject(work_done, 30000)
    for note in notes:
        print(*note)
    print("reply outside any message:", try_reply(1))
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)
    t.join(30)
    print("done")


if __name__ == "__main__":
    main()
