"""Hand a COM object to a worker thread through a marshaled stream.

Source: public GitHub files (a turntable controller, search index id 15481814721, and a
document generator, id 32400379131), rewritten with their calls and their order:
``CoInitialize()``, ``Dispatch(PROGID)``,
``CoMarshalInterThreadInterfaceInStream(IID_IDispatch, obj)``, a ``threading.Thread`` that calls
``CoInitialize()``, ``Dispatch(CoGetInterfaceAndReleaseStream(id, IID_IDispatch))`` and uses the
object, ``CoUninitialize()``. Scripting.Dictionary stands in for the turntable control; the
main thread pumps while it waits, as an STA must (``MsgWaitForMultipleObjects`` and
``PumpWaitingMessages``).
"""

import threading

import pythoncom
import win32event
from win32com.client import Dispatch


def run_in_thread(obj_id, done, results):
    pythoncom.CoInitialize()
    try:
        obj = Dispatch(pythoncom.CoGetInterfaceAndReleaseStream(obj_id, pythoncom.IID_IDispatch))
        obj.Add("worker", 42)
        results.append(("count seen by the worker", obj.Count))
        try:
            pythoncom.CoGetInterfaceAndReleaseStream(obj_id, pythoncom.IID_IDispatch)
        except pythoncom.com_error as error:
            results.append(("second unmarshal", error.hresult))
        del obj
    finally:
        pythoncom.CoUninitialize()
        win32event.SetEvent(done)


def main():
    pythoncom.CoInitialize()
    dictionary = Dispatch("Scripting.Dictionary")
    dictionary.Add("main", 1)
    obj_id = pythoncom.CoMarshalInterThreadInterfaceInStream(pythoncom.IID_IDispatch, dictionary)
    done = win32event.CreateEvent(None, 0, 0, None)
    results = []
    thread = threading.Thread(target=run_in_thread, args=(obj_id, done, results))
    thread.start()
    pumped = 0
    while True:
        rc = win32event.MsgWaitForMultipleObjects([done], 0, 10000, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0:
            break
        if rc == win32event.WAIT_OBJECT_0 + 1:
            pythoncom.PumpWaitingMessages()
            pumped += 1
        else:
            print("timed out")
            break
    thread.join(10)
    for result in results:
        print(*result)
    print("pumped for the worker:", pumped > 0)
    print("count in main:", dictionary.Count, dictionary.Item("worker"))
    del dictionary
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
