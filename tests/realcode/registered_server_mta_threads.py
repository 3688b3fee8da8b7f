"""A registered Python COM server used from worker threads in the multithreaded apartment.

Source: the "use my pywin32 COM server from a thread pool" questions (a server registered with
``win32com.server.register.UseCommandLine``, ``_reg_threading_ = "both"``, then in each worker
``pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)``, ``win32com.client.Dispatch(progid)``
and calls, ``CoUninitialize`` at the end), rewritten with their calls and their order: each worker
makes its own object and one object made by the first worker is shared by all (an MTA object
needs no marshaling between MTA threads), the server counts under its own lock; an object of a
"both" class made in the MTA runs its calls on the calling thread, one made by the main thread
(an STA) runs them there; the ThreadingModel value registered is printed.
"""

import sys
import threading

import pythoncom
import win32api
import win32com.client
import win32com.server.register
import win32con


class Counter:
    _reg_clsid_ = "{8D479485-FB5A-4989-9210-9DFB714C0EAB}"
    _reg_progid_ = "Realcom.MtaCounter"
    _reg_desc_ = "Realcom counter for MTA threads"
    _reg_threading_ = "both"
    _public_methods_ = ["Add", "Total", "Thread"]

    def __init__(self):
        self.lock = threading.Lock()
        self.total = 0

    def Add(self, amount):
        with self.lock:
            self.total += amount
            return self.total

    def Total(self):
        return self.total

    def Thread(self):
        return win32api.GetCurrentThreadId()


def worker(index, shared_ready, shared_box, results, barrier):
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    try:
        own = win32com.client.Dispatch("Realcom.MtaCounter")
        if index == 0:
            shared_box.append(win32com.client.Dispatch("Realcom.MtaCounter"))
            shared_ready.set()
        shared_ready.wait(30)
        shared = shared_box[0]
        for _ in range(100):
            own.Add(1)
            shared.Add(1)
        barrier.wait(30)
        here = win32api.GetCurrentThreadId()
        results[index] = (
            own.Total(),
            shared.Total(),
            own.Thread() == here,
            shared.Thread() == here,
        )
        barrier.wait(30)
        del own, shared
    finally:
        pythoncom.CoUninitialize()


def main():
    win32com.server.register.UseCommandLine(Counter)
    key = win32api.RegOpenKey(
        win32con.HKEY_CLASSES_ROOT, f"CLSID\\{Counter._reg_clsid_}\\InprocServer32"
    )
    print("ThreadingModel:", win32api.RegQueryValueEx(key, "ThreadingModel")[0])
    key.Close()
    main_object = win32com.client.Dispatch("Realcom.MtaCounter")
    print("main object runs on main thread:", main_object.Thread() == win32api.GetCurrentThreadId())
    shared_ready = threading.Event()
    shared_box = []
    results = {}
    barrier = threading.Barrier(4)
    threads = [
        threading.Thread(target=worker, args=(i, shared_ready, shared_box, results, barrier))
        for i in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for index in sorted(results):
        print("worker", index, results[index])
    shared_box.clear()
    main_object = None
    sys.argv.append("--unregister")
    win32com.server.register.UseCommandLine(Counter)
    print("done")


if __name__ == "__main__":
    main()
