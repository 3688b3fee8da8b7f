"""A thread that waits with MsgWaitForMultipleObjects still answers SendMessage from a worker.

Source: public GitHub GUI-thread helpers that wait for a worker (search
"MsgWaitForMultipleObjects" "QS_SENDMESSAGE" "SendMessage" "worker thread" "hwnd"),
rewritten with their calls and their order: the main thread owns a window and waits for the
worker's done event with ``MsgWaitForMultipleObjects([done], 0, INFINITE, QS_ALLINPUT)``
(the wait returns ``WAIT_OBJECT_0 + 1`` when a message arrives; the loop then runs
``PumpWaitingMessages``, which delivers the sent message); the worker ``SendMessage``s the
window three times, each answer coming back to it, then ``PostMessage``s once and sets the
event. Every message runs on the main thread, the sent ones inside its pump.
"""

import threading

import win32api
import win32con
import win32event
import win32gui

WM_WORK = win32con.WM_APP + 10
main_tid = 0
answers = []
handled = []


def wnd_proc(hwnd, msg, wparam, lparam):
    if msg == WM_WORK:
        handled.append((wparam, win32api.GetCurrentThreadId() == main_tid))
        return wparam * wparam
    return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def worker(hwnd, done, count):
    for n in range(1, count + 1):
        answers.append(win32gui.SendMessage(hwnd, WM_WORK, n, 0))
    win32gui.PostMessage(hwnd, WM_WORK, 100, 0)
    win32event.SetEvent(done)


def wait_loop(done, mask):
    wakes = []
    while True:
        rc = win32event.MsgWaitForMultipleObjects([done], 0, win32event.INFINITE, mask)
        if rc == win32event.WAIT_OBJECT_0:
            wakes.append("done")
            break
        wakes.append("messages")
        win32gui.PumpWaitingMessages()
    win32gui.PumpWaitingMessages()
    return wakes


def main():
    global main_tid
    main_tid = win32api.GetCurrentThreadId()
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "RealcomMsgWaitSend"
    wc.lpfnWndProc = wnd_proc
    atom = win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(atom, "w", 0, 0, 0, 0, 0, 0, 0, 0, None)
    done = win32event.CreateEvent(None, 0, 0, None)
    thread = threading.Thread(target=worker, args=(hwnd, done, 3))
    thread.start()
    wakes = wait_loop(done, win32event.QS_ALLINPUT)
    thread.join(10)
    print("woke for messages:", "messages" in wakes, "ended on:", wakes[-1])
    print("answers:", answers)
    print("handled:", handled)
    win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(atom, None)
    print("done")


if __name__ == "__main__":
    main()
