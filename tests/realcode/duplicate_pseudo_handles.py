"""Give another thread a handle to "me": DuplicateHandle of the pseudo handles.

Source: public answers on "GetCurrentThread returns a pseudo handle" for pywin32 (search
"win32api.DuplicateHandle GetCurrentThread GetCurrentProcess DUPLICATE_SAME_ACCESS real
handle"), rewritten with their calls in their order: ``GetCurrentThread()`` is the same
pseudo value on every thread and means "the caller" wherever it is used, so the main thread
turns it into a real handle with ``DuplicateHandle(GetCurrentProcess(), GetCurrentThread(),
GetCurrentProcess(), 0, False, DUPLICATE_SAME_ACCESS)`` and hands that to a watcher thread,
which waits on it (times out while main runs) and reads ``GetExitCodeThread`` (259). Then
``DUPLICATE_CLOSE_SOURCE`` moves an event's handle (the script forgets the old value: it may
come back as the new one), and a duplicate with only ``SYNCHRONIZE`` access may wait but not
reset (ERROR_ACCESS_DENIED, 5).
"""

import threading

import pywintypes
import win32api
import win32con
import win32event
import win32process


def attempt(label, fn, *args):
    try:
        print(label, "ok", fn(*args))
    except pywintypes.error as e:
        print(label, "failed", e.winerror, e.funcname)


def main():
    me = win32api.GetCurrentProcess()
    pseudo = win32api.GetCurrentThread()
    real = win32api.DuplicateHandle(me, pseudo, me, 0, False, win32con.DUPLICATE_SAME_ACCESS)
    print("pseudo value:", int(pseudo), "real differs:", int(real) != int(pseudo))
    seen = []

    def watcher():
        seen.append(("pseudo is the watcher", win32api.GetCurrentThread() == pseudo))
        seen.append(("wait on main", win32event.WaitForSingleObject(real, 50)))
        seen.append(("main's exit code", win32process.GetExitCodeThread(real)))
        seen.append(("own via pseudo", win32process.GetExitCodeThread(win32api.GetCurrentThread())))

    t = threading.Thread(target=watcher)
    t.start()
    t.join(30)
    for item in seen:
        print(*item)
    real.Close()

    event = win32event.CreateEvent(None, True, False, None)
    raw = event.Detach()
    moved = win32api.DuplicateHandle(
        me, raw, me, 0, False, win32con.DUPLICATE_SAME_ACCESS | win32con.DUPLICATE_CLOSE_SOURCE
    )
    attempt("SetEvent through the new handle:", win32event.SetEvent, moved)
    waiter = win32api.DuplicateHandle(me, moved, me, win32con.SYNCHRONIZE, False, 0)
    attempt("wait with SYNCHRONIZE only:", win32event.WaitForSingleObject, waiter, 0)
    attempt("ResetEvent with SYNCHRONIZE only:", win32event.ResetEvent, waiter)
    waiter.Close()
    moved.Close()
    print("done")


if __name__ == "__main__":
    main()
