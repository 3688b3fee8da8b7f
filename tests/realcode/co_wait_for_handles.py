"""An STA thread waits for a worker with CoWaitForMultipleHandles, staying responsive.

Source: public GitHub files (COM clients that wait without blocking their apartment; search
"pythoncom CoWaitForMultipleHandles COWAIT_WAITALL RPC_S_CALLPENDING"), rewritten with their
calls and their order: ``CoInitialize()``, ``CreateEvent``, a worker that sets events,
``CoWaitForMultipleHandles(0, timeout, handles)`` returning the index, ``COWAIT_WAITALL`` (which
in an STA also waits for a message, so a set event alone times out), a timeout raising
``RPC_S_CALLPENDING``, a thread message posted to the waiting STA
dispatched while it waits (so a wait never starves the apartment's queue).
"""

import threading

import pythoncom
import win32api
import win32con
import win32event
import win32gui
import winerror

WM_PING = win32con.WM_USER + 7


def main():
    pythoncom.CoInitialize()
    first = win32event.CreateEvent(None, False, False, None)
    second = win32event.CreateEvent(None, True, False, None)
    go = threading.Event()

    def worker():
        go.wait(30)
        win32event.SetEvent(second)

    t = threading.Thread(target=worker)
    t.start()
    go.set()
    print("second set:", pythoncom.CoWaitForMultipleHandles(0, 10000, [first, second]))
    t.join(30)
    win32event.SetEvent(first)
    print("first set:", pythoncom.CoWaitForMultipleHandles(0, 1000, [first, second]))
    try:
        print(
            "wait all:", pythoncom.CoWaitForMultipleHandles(pythoncom.COWAIT_WAITALL, 0, [second])
        )
    except pythoncom.com_error as error:
        print(
            "wait all in an STA wants a message too:", error.hresult == winerror.RPC_S_CALLPENDING
        )
    win32event.ResetEvent(second)
    try:
        pythoncom.CoWaitForMultipleHandles(0, 50, [first, second])
    except pythoncom.com_error as error:
        print(
            "timeout:", error.hresult == winerror.RPC_S_CALLPENDING, hex(error.hresult & 0xFFFFFFFF)
        )
    win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
    win32api.PostThreadMessage(win32api.GetCurrentThreadId(), WM_PING, 5, 0)
    try:
        pythoncom.CoWaitForMultipleHandles(0, 100, [first])
    except pythoncom.com_error as error:
        print("with a message posted:", error.hresult == winerror.RPC_S_CALLPENDING)
    ok, msg = win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    print("message left for us:", ok, msg[1] == WM_PING if ok else None)
    try:
        pythoncom.CoWaitForMultipleHandles(0, 0, [])
    except pythoncom.com_error as error:
        print("no handles:", hex(error.hresult & 0xFFFFFFFF))
    win32api.CloseHandle(first)
    win32api.CloseHandle(second)
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
