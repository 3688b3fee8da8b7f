"""The classic "CoInitialize has not been called" from a worker thread, and its fix.

Source: the StackOverflow question and its many copies where a Flask/threading worker calls
``win32com.client.Dispatch`` and gets ``pywintypes.com_error: (-2147221008, 'CoInitialize
has not been called.', None, None)``; the answer: ``pythoncom.CoInitialize()`` at the start
of the thread and ``pythoncom.CoUninitialize()`` at its end (search "CoInitialize has not
been called" python thread). The main thread's COM is initialized by importing pythoncom;
a second ``CoInitialize`` in a thread is S_FALSE, which pywin32 does not raise, and so is
``CoInitialize`` in a thread of the MTA (pywin32 swallows RPC_E_CHANGED_MODE there). The
error's text is Windows' ("CoInitialize has not been called."), where Wine has none and
pywin32 shows the code's name.
"""

import threading

import pythoncom
import win32com.client


def without():
    try:
        win32com.client.Dispatch("Scripting.Dictionary")
    except pythoncom.com_error as error:
        print("without:", error.hresult, error.strerror)


def with_init():
    pythoncom.CoInitialize()
    try:
        print("second init:", pythoncom.CoInitialize())
        pythoncom.CoUninitialize()
        d = win32com.client.Dispatch("Scripting.Dictionary")
        d.Add("k", "v")
        print("with:", d.Count)
        d = None
    finally:
        pythoncom.CoUninitialize()


def mta():
    pythoncom.CoInitializeEx(pythoncom.COINIT_MULTITHREADED)
    try:
        pythoncom.CoInitialize()
    except pythoncom.com_error as error:
        print("sta after mta:", error.hresult)
    d = win32com.client.Dispatch("Scripting.Dictionary")
    print("mta:", d.Exists("k"))
    d = None
    pythoncom.CoUninitialize()


def main():
    d = win32com.client.Dispatch("Scripting.Dictionary")
    print("main thread:", d.Count)
    for target in (without, with_init, mta):
        t = threading.Thread(target=target)
        t.start()
        t.join()
    d = None
    print("done")


if __name__ == "__main__":
    main()
