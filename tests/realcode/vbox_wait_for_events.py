"""Wait for COM events with a timeout, interruptible from another thread (vboxapi's loop).

Source: the VirtualBox SDK's Python binding (vboxapi, PlatformMSCOM.waitForEvents /
interruptWaitEvents: ``MsgWaitForMultipleObjects(self.handles, 0, timeout, QS_ALLINPUT)``,
``WAIT_OBJECT_0 + len(handles)`` meaning messages, drained with
``pythoncom.PumpWaitingMessages()``; the interrupt is ``win32api.PostThreadMessage(self.tid,
WM_USER, None, 0xf241b819)`` from another thread, recognised by peeking for that WM_USER
message; the wait must run on the thread that initialised), rewritten with their calls and
their order. The results: 1 on timeout, 0 when messages were pumped, 2 when interrupted,
and the error for a wait from a wrong thread.
"""

import threading

import pythoncom
import win32api
import win32con
import win32event
import win32gui
from win32event import QS_ALLINPUT, WAIT_OBJECT_0, WAIT_TIMEOUT, MsgWaitForMultipleObjects


class Platform:
    def __init__(self):
        pythoncom.CoInitializeEx(0)
        self.tid = win32api.GetCurrentThreadId()
        self.handles = [win32event.CreateEvent(None, 0, 0, None)]

    def waitForEvents(self, timeout):
        if self.tid != win32api.GetCurrentThreadId():
            raise Exception("wait for events from the same thread you inited!")
        if timeout < 0:
            cMsTimeout = win32event.INFINITE
        else:
            cMsTimeout = timeout
        rc = MsgWaitForMultipleObjects(self.handles, 0, cMsTimeout, QS_ALLINPUT)
        if WAIT_OBJECT_0 <= rc < WAIT_OBJECT_0 + len(self.handles):
            # is it possible?
            rc = 2
        elif rc == WAIT_OBJECT_0 + len(self.handles):
            # Waiting messages
            msg = win32gui.PeekMessage(0, win32con.WM_USER, win32con.WM_USER, win32con.PM_NOREMOVE)
            if msg[0] and msg[1][3] == 0xF241B819:
                win32gui.PeekMessage(0, win32con.WM_USER, win32con.WM_USER, win32con.PM_REMOVE)
                rc = 2
            else:
                pythoncom.PumpWaitingMessages()
                rc = 0
        else:
            # Timeout
            assert rc == WAIT_TIMEOUT
            rc = 1
        return rc

    def interruptWaitEvents(self):
        if self.tid is None:
            return False
        return win32api.PostThreadMessage(self.tid, win32con.WM_USER, None, 0xF241B819)


def main():
    platform = Platform()
    print("timeout:", platform.waitForEvents(0))
    win32api.PostThreadMessage(platform.tid, win32con.WM_USER + 5, 1, 2)
    print("messages:", platform.waitForEvents(1000))
    ready = threading.Event()
    posted = []

    def interrupter():
        ready.wait(10)
        posted.append(platform.interruptWaitEvents())

    thread = threading.Thread(target=interrupter)
    thread.start()
    ready.set()
    print("interrupted:", platform.waitForEvents(-1))
    thread.join(10)
    print("interrupt posted:", posted)
    print("then quiet:", platform.waitForEvents(0))
    win32event.SetEvent(platform.handles[0])
    print("event:", platform.waitForEvents(1000))
    errors = []
    other = threading.Thread(target=lambda: errors.append(_try(platform)))
    other.start()
    other.join(10)
    print("other thread:", errors)
    pythoncom.CoUninitialize()
    print("done")


def _try(platform):
    try:
        return platform.waitForEvents(0)
    except Exception as error:
        return str(error)


if __name__ == "__main__":
    main()
