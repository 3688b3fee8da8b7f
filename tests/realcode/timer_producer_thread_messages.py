"""A producer paced by a periodic waitable timer posts thread messages to a consumer.

Source: public pywin32 code that paces a sampler with a waitable timer and hands samples to a
consumer thread's message queue (search "SetWaitableTimer period PostThreadMessage
GetMessage consumer thread win32event"), rewritten with their calls in their order: the
consumer makes its queue with ``PeekMessage(None, 0, 0, PM_NOREMOVE)`` and sets a ready event,
then loops on ``GetMessage(None, 0, 0)``; the producer creates
``CreateWaitableTimer(None, False, None)``, ``SetWaitableTimer(timer, -200000, 20, None, None,
False)`` (relative, 20 ms period), waits ``WaitForSingleObject(timer, 1000)`` before each sample
and posts ``PostThreadMessage(tid, WM_APP, n, n * n)``; after five it calls
``CancelWaitableTimer``, after which a wait times out, and posts ``WM_QUIT``. The consumer's
``MsgWaitForMultipleObjects`` on a stop event and its queue tells messages from the stop.
"""

import threading

import win32api
import win32con
import win32event
import win32gui


def consumer(box, ready, stop):
    box["tid"] = win32api.GetCurrentThreadId()
    win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    win32event.SetEvent(ready)
    samples = []
    while True:
        rc = win32event.MsgWaitForMultipleObjects([stop], False, 30000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0:
            box["stopped"] = True
            break
        if rc == win32event.WAIT_TIMEOUT:
            box["timed out"] = True
            break
        while True:
            ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
            if not ok:
                break
            if msg[1] == win32con.WM_QUIT:
                box["quit code"] = msg[2]
                box["samples"] = samples
                return
            samples.append((msg[2], msg[3]))
    box["samples"] = samples


def main():
    box = {}
    ready = win32event.CreateEvent(None, True, False, None)
    stop = win32event.CreateEvent(None, True, False, None)
    t = threading.Thread(target=consumer, args=(box, ready, stop))
    t.start()
    win32event.WaitForSingleObject(ready, 30000)
    timer = win32event.CreateWaitableTimer(None, False, None)
    win32event.SetWaitableTimer(timer, -200000, 20, None, None, False)
    ticks = []
    for n in range(1, 6):
        ticks.append(win32event.WaitForSingleObject(timer, 1000))
        win32api.PostThreadMessage(box["tid"], win32con.WM_APP, n, n * n)
    win32event.CancelWaitableTimer(timer)
    win32event.WaitForSingleObject(timer, 0)  # a tick that came before the cancel
    print("ticks:", ticks)
    print("after cancel:", win32event.WaitForSingleObject(timer, 100))
    win32api.PostThreadMessage(box["tid"], win32con.WM_QUIT, 3, 0)
    t.join(30)
    print("consumer got:", box.get("samples"), "quit code:", box.get("quit code"))
    print("stop event used:", box.get("stopped", False), "timed out:", box.get("timed out", False))
    win32api.CloseHandle(timer)
    print("done")


if __name__ == "__main__":
    main()
