"""Worker threads that each call CoInitialize before using a COM object, as threaded scripts do.

Source: the pattern of many public answers and scripts ("pythoncom.CoInitialize() in the
thread function", e.g. StackOverflow "Using win32com with multithreading" and GitHub files
that drive Excel or WMI from threads), rewritten with its calls in their order: each thread
``pythoncom.CoInitialize()``, ``win32com.client.Dispatch(progid)``, uses it, then
``pythoncom.CoUninitialize()`` in ``finally``; one thread forgets ``CoInitialize`` and gets
the error those answers are about (CO_E_NOTINITIALIZED). Scripting.Dictionary stands in for
Excel, which is not installed. Where Wine is not Windows: the forgetful thread's strerror is
Windows' text for CO_E_NOTINITIALIZED ("CoInitialize has not been called."); Wine has no text
for it and pywin32 there prints the code's name.
"""

import threading

import pythoncom
import win32com.client

results = {}
lock = threading.Lock()


def worker(n):
    pythoncom.CoInitialize()
    try:
        d = win32com.client.Dispatch("Scripting.Dictionary")
        for i in range(n):
            d.Add(f"k{i}", i * n)
        with lock:
            results[n] = (d.Count, d.Item(f"k{n - 1}"), sorted(d.Keys()))
    finally:
        pythoncom.CoUninitialize()


def forgetful():
    try:
        win32com.client.Dispatch("Scripting.Dictionary")
        outcome: object = "created"
    except pythoncom.com_error as error:
        outcome = (error.hresult, error.strerror)
    with lock:
        results["forgetful"] = outcome


def main():
    threads = [threading.Thread(target=worker, args=(n,)) for n in (1, 2, 3, 4)]
    threads.append(threading.Thread(target=forgetful))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for n in (1, 2, 3, 4):
        print(n, results[n])
    print("without CoInitialize:", results["forgetful"])
    # The main thread, as a script's, is initialized on import of pythoncom.
    d = win32com.client.Dispatch("Scripting.Dictionary")
    d.Add("main", 1)
    print("main thread:", d.Count, d.Exists("main"))
    # CoInitialize twice on one thread: S_FALSE, pywin32 returns None both times.
    print("again:", pythoncom.CoInitialize(), pythoncom.CoInitialize())
    pythoncom.CoUninitialize()
    print("done")


if __name__ == "__main__":
    main()
