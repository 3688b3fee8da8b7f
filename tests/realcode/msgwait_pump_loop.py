"""Wait for a worker while still pumping messages: MsgWaitForMultipleObjects(Ex) loops.

Source: public GitHub files (COM clients and GUI helpers that wait on a handle without
blocking their message queue; search "win32event MsgWaitForMultipleObjects QS_ALLINPUT
PumpWaitingMessages loop WAIT_OBJECT_0 + len"), rewritten with their calls and their order: a
loop of ``MsgWaitForMultipleObjects([done], 0, timeout, QS_ALLINPUT)`` where ``WAIT_OBJECT_0``
means the worker finished, ``WAIT_OBJECT_0 + len(handles)`` means messages came (drained with
``pythoncom.PumpWaitingMessages()``), ``WAIT_TIMEOUT`` means nothing; the worker posts thread
messages to the waiting thread before it sets the event. Then what MWMO_INPUTAVAILABLE
changes: a message already seen by ``PeekMessage`` without being removed no longer wakes a
plain wait, but wakes one with MWMO_INPUTAVAILABLE.
"""

import threading

import pythoncom
import win32api
import win32con
import win32event
import win32gui

WM_PROGRESS = win32con.WM_USER + 20
MWMO_INPUTAVAILABLE = 0x0004  # winuser.h; pywin32's win32event does not name it


def main():
    main_tid = win32api.GetCurrentThreadId()
    win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)  # make this thread's queue
    done = win32event.CreateEvent(None, True, False, None)
    posted = []

    def worker():
        for step in range(3):
            win32api.PostThreadMessage(main_tid, WM_PROGRESS, step, 0)
            posted.append(step)
        win32event.SetEvent(done)

    handles = [done]
    print(
        "nothing yet:", win32event.MsgWaitForMultipleObjects(handles, 0, 10, win32event.QS_ALLINPUT)
    )
    t = threading.Thread(target=worker)
    t.start()
    t.join(30)
    wakes = []
    while True:
        rc = win32event.MsgWaitForMultipleObjects(handles, 0, 5000, win32event.QS_ALLINPUT)
        wakes.append(rc)
        if rc == win32event.WAIT_OBJECT_0:
            break
        if rc == win32event.WAIT_OBJECT_0 + len(handles):
            left = pythoncom.PumpWaitingMessages()
            wakes.append(("pumped", left))
        elif rc == win32event.WAIT_TIMEOUT:
            break
    print("wakes:", wakes)
    ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    print("queue after the pump:", ok)
    win32event.ResetEvent(done)
    win32api.PostThreadMessage(main_tid, WM_PROGRESS, 9, 0)
    ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    print("peeked, left in the queue:", ok, msg[1] == WM_PROGRESS, msg[2])
    print(
        "plain wait, message already seen:",
        win32event.MsgWaitForMultipleObjectsEx(handles, 50, win32event.QS_ALLINPUT, 0),
    )
    print(
        "MWMO_INPUTAVAILABLE:",
        win32event.MsgWaitForMultipleObjectsEx(
            handles, 50, win32event.QS_ALLINPUT, MWMO_INPUTAVAILABLE
        ),
    )
    ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    print("taken:", ok, msg[2])
    win32event.SetEvent(done)
    print(
        "event and no message:",
        win32event.MsgWaitForMultipleObjectsEx(
            handles, 0, win32event.QS_ALLINPUT, MWMO_INPUTAVAILABLE
        ),
    )
    win32api.CloseHandle(done)
    print("done")


if __name__ == "__main__":
    main()
