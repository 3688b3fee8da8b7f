"""Share a COM object between STA threads through the Global Interface Table.

Source: public GitHub files (COM automation helpers that hand an object to worker threads;
search "pythoncom CoCreateInstance CLSID_StdGlobalInterfaceTable RegisterInterfaceInGlobal
GetInterfaceFromGlobal"), rewritten with their calls and their order: ``CoCreateInstance(
CLSID_StdGlobalInterfaceTable, None, CLSCTX_INPROC_SERVER, IID_IGlobalInterfaceTable)``,
``RegisterInterfaceInGlobal(obj, IID_IDispatch)`` returning a cookie, each worker thread
``CoInitialize()`` and ``GetInterfaceFromGlobal(cookie, IID_IDispatch)`` (a proxy to the
object, whose calls run on the main thread while it pumps), ``RevokeInterfaceFromGlobal``
after which the cookie is no longer known.
"""

import threading

import pythoncom
import win32api
import win32com.client
import win32com.server.util
import win32event


class Recorder:
    _public_methods_ = ["Record"]

    def __init__(self):
        self.calls = []

    def Record(self, text):
        self.calls.append((text, win32api.GetCurrentThreadId()))
        return len(self.calls)


def main():
    pythoncom.CoInitialize()
    main_tid = win32api.GetCurrentThreadId()
    recorder = Recorder()
    disp = win32com.server.util.wrap(recorder)
    git = pythoncom.CoCreateInstance(
        pythoncom.CLSID_StdGlobalInterfaceTable,
        None,
        pythoncom.CLSCTX_INPROC_SERVER,
        pythoncom.IID_IGlobalInterfaceTable,
    )
    cookie = git.RegisterInterfaceInGlobal(disp, pythoncom.IID_IDispatch)
    print("cookie is an int:", isinstance(cookie, int))
    results = []
    done = win32event.CreateEvent(None, True, False, None)
    remaining = [2]
    lock = threading.Lock()

    def worker(name):
        pythoncom.CoInitialize()
        try:
            ob = win32com.client.Dispatch(
                git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch)
            )
            results.append((name, ob.Record(name) > 0))
            del ob
        finally:
            pythoncom.CoUninitialize()
            with lock:
                remaining[0] -= 1
                if not remaining[0]:
                    win32event.SetEvent(done)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(2)]
    for t in threads:
        t.start()
    while True:
        rc = win32event.MsgWaitForMultipleObjects([done], 0, 30000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0 + 1:
            pythoncom.PumpWaitingMessages()
        else:
            break
    for t in threads:
        t.join(30)
    print("results:", sorted(results))
    print("ran on the main thread:", all(tid == main_tid for _, tid in recorder.calls))
    git.RevokeInterfaceFromGlobal(cookie)
    try:
        git.GetInterfaceFromGlobal(cookie, pythoncom.IID_IDispatch)
    except pythoncom.com_error as error:
        print("revoked:", hex(error.hresult & 0xFFFFFFFF))
    git = disp = None
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
