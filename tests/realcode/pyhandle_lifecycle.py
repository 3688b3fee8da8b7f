"""What a PyHANDLE does when it is closed, detached, compared and garbage collected.

Source: public answers on pywin32 handle leaks and "The handle is invalid" after ``Close``
(search "PyHANDLE Detach Close int(handle) CloseHandle invalid handle pywin32"), rewritten
with their calls in their order: ``h = win32event.CreateEvent(...)``, ``int(h)`` and ``bool(h)``,
``h.Close()`` after which ``int(h)`` is 0 and a second ``Close`` is harmless, ``SetEvent`` on
the closed PyHANDLE failing with ERROR_INVALID_HANDLE (6); ``h.Detach()`` returning the raw
value and leaving a PyHANDLE of 0 whose loss closes nothing, so the raw value still works and
``win32api.CloseHandle(raw)`` closes it once (twice fails with 6); ``h.handle`` and equality
with an int; a PyHANDLE dropped with ``del`` closes its handle.
"""

import gc

import pywintypes
import win32api
import win32event


def attempt(label, fn, *args):
    try:
        print(label, "ok", fn(*args))
    except pywintypes.error as e:
        print(label, "failed", e.winerror, e.funcname)


def main():
    h = win32event.CreateEvent(None, True, False, None)
    raw = int(h)
    print("open:", raw != 0, bool(h), h.handle == raw, h == raw)
    h.Close()
    print("closed:", int(h), bool(h))
    h.Close()
    print("second Close harmless")
    attempt("SetEvent on closed PyHANDLE:", win32event.SetEvent, h)

    d = win32event.CreateEvent(None, True, False, None)
    raw = d.Detach()
    print("detached:", int(d), raw != 0)
    del d
    gc.collect()
    attempt("SetEvent on the raw value:", win32event.SetEvent, raw)
    print("raw wait:", win32event.WaitForSingleObject(raw, 0))
    attempt("CloseHandle(raw):", win32api.CloseHandle, raw)
    attempt("CloseHandle(raw) again:", win32api.CloseHandle, raw)

    g = win32event.CreateEvent(None, True, False, None)
    dup = win32api.DuplicateHandle(
        win32api.GetCurrentProcess(), g, win32api.GetCurrentProcess(), 0, False, 2
    )
    raw_g = int(g)
    del g
    gc.collect()
    attempt("wait on the collected PyHANDLE's value:", win32event.WaitForSingleObject, raw_g, 0)
    attempt("duplicate still open:", win32event.WaitForSingleObject, dup, 0)
    dup.Close()
    print("done")


if __name__ == "__main__":
    main()
