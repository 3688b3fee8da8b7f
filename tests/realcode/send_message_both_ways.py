"""Two GUI threads that SendMessage to each other without deadlock.

Source: public answers on "SendMessage between threads deadlock" for pywin32 (a controller
thread with its own window and a worker window; search "win32gui SendMessage other thread
window callback wndproc SendMessage back"), rewritten with their calls in their order: the
main thread sends ``WM_APP`` to the worker's window; the worker's procedure sends
``WM_APP + 1`` back to the main thread's window before it answers. The main thread, blocked in
its own ``SendMessage``, runs the incoming sent message meanwhile (a thread waiting for a
reply still serves messages sent to it), so both calls complete; a posted message that came
in the meantime waits for the main thread's next pump.
"""

import threading

import win32api
import win32con
import win32event
import win32gui

WM_ASK = win32con.WM_APP
WM_CALLBACK = win32con.WM_APP + 1
WM_POSTED = win32con.WM_APP + 2

log = []


def make_window(cls, proc):
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = cls
    wc.lpfnWndProc = proc
    wc.hInstance = win32api.GetModuleHandle(None)
    atom = win32gui.RegisterClass(wc)
    return win32gui.CreateWindow(
        atom, cls, 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, wc.hInstance, None
    )


def main():
    main_tid = win32api.GetCurrentThreadId()

    def main_proc(hwnd, msg, wparam, lparam):
        if msg == WM_CALLBACK:
            here = win32api.GetCurrentThreadId() == main_tid
            log.append(f"main serves callback {wparam} on main thread: {here}")
            return wparam + 1
        if msg == WM_POSTED:
            log.append(f"main gets posted {wparam}")
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    main_hwnd = make_window("RealcodeBothWaysMain", main_proc)
    ready = win32event.CreateEvent(None, True, False, None)
    box = []

    def worker_proc(hwnd, msg, wparam, lparam):
        if msg == WM_ASK:
            log.append(f"worker asked {wparam}")
            win32gui.PostMessage(main_hwnd, WM_POSTED, 7, 0)
            answer = win32gui.SendMessage(main_hwnd, WM_CALLBACK, wparam * 10, 0)
            log.append(f"worker got {answer} back")
            return answer * 2
        if msg == win32con.WM_DESTROY:
            win32gui.PostQuitMessage(0)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def worker():
        box.append(make_window("RealcodeBothWaysWorker", worker_proc))
        win32event.SetEvent(ready)
        win32gui.PumpMessages()

    t = threading.Thread(target=worker)
    t.start()
    win32event.WaitForSingleObject(ready, 30000)
    worker_hwnd = box[0]
    result = win32gui.SendMessageTimeout(worker_hwnd, WM_ASK, 4, 0, win32con.SMTO_NORMAL, 10000)
    log.append(f"main got {result!r}")
    win32gui.PumpWaitingMessages()
    for line in log:
        print(line)
    win32gui.PostMessage(worker_hwnd, win32con.WM_CLOSE, 0, 0)
    t.join(30)
    win32gui.DestroyWindow(main_hwnd)
    print("done")


if __name__ == "__main__":
    main()
