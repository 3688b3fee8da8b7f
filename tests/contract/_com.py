"""Helpers of the contract tests on COM: small servers, error checks, a pumping worker thread.

Like ``_kernel.py``, this module is copied to the oracle beside the tests (whose conftest it
replaces), so the tests share what is here by importing it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32event
import winerror

from ._kernel import JOIN_MS

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "IID_EVENTS",
    "Echo",
    "Stream",
    "com_error_of",
    "run_pumping",
    "me",
]

IID_EVENTS = pywintypes.IID("{A4988850-49C3-11D0-AE5D-52342E000001}")


class Echo:
    """A server that gives back what it is given, and fails as asked."""

    _public_methods_ = ["Echo", "Ret", "Fail", "Thread"]
    _public_attrs_ = ["value"]

    def __init__(self) -> None:
        self.value: Any = None

    def Echo(self, value: Any) -> Any:  # noqa: N802
        self.value = value
        return value

    def Ret(self, what: str) -> Any:  # noqa: N802
        return {"list": [1, [2, 3]], "tuple2": (1, 2), "tuple1": (5,), "object": object()}[what]

    def Fail(self, how: int) -> None:  # noqa: N802
        from win32com.server.exception import COMException

        if how == 0:
            raise ValueError("boom")
        if how == 1:
            raise COMException("described", scode=winerror.E_UNEXPECTED, source="src")
        if how == 2:
            raise COMException(scode=winerror.DISP_E_TYPEMISMATCH)
        info = (0, "source", "text", "helpfile", 1, winerror.E_FAIL)
        raise pythoncom.com_error(winerror.E_UNEXPECTED, "desc", info, None)

    def Thread(self) -> int:  # noqa: N802
        tid: int = win32api.GetCurrentThreadId()
        return tid


class Stream:
    """A server implementing IStream's Read and Clone (and failing them on request)."""

    _public_methods_ = ["Read", "Write", "Clone", "Commit"]
    _com_interfaces_ = [pythoncom.IID_IStream]

    def __init__(self) -> None:
        self.data = b""

    def Read(self, count: int) -> bytes:  # noqa: N802
        return self.data[:count]

    def Write(self, data: bytes) -> int:  # noqa: N802
        self.data += bytes(data)
        return len(data)

    def Clone(self) -> None:  # noqa: N802
        from win32com.server.exception import COMException

        raise COMException("Not today", scode=winerror.E_UNEXPECTED)

    def Commit(self, flags: int) -> None:  # noqa: N802
        raise ValueError("internal")


def com_error_of(fn: Callable[..., Any], *args: Any) -> Any:
    """Call ``fn(*args)``, which must raise com_error; return the error."""
    with pytest.raises(pythoncom.com_error) as caught:
        fn(*args)
    return caught.value


def me() -> int:
    """The calling thread's id."""
    tid: int = win32api.GetCurrentThreadId()
    return tid


def run_pumping(
    body: Callable[[], Any], multithreaded: bool = False, *, apartment: bool = True
) -> Any:
    """Run ``body()`` on a new thread in its own apartment while this thread pumps.

    Calls into this thread's STA run meanwhile (here, on this thread). Returns body's result
    or raises its exception; a result must not hold COM objects of the other thread. With
    ``apartment=False`` the thread enters no apartment: ``body`` initializes COM itself.
    """
    done = win32event.CreateEvent(None, True, False, None)
    box: list[tuple[bool, Any]] = []

    def run() -> None:
        if apartment:
            pythoncom.CoInitializeEx(0 if multithreaded else 2)
        try:
            box.append((True, body()))
        except BaseException as error:  # handed to the test's thread
            box.append((False, error))
        finally:
            if apartment:
                pythoncom.CoUninitialize()
            win32event.SetEvent(done)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        while True:
            rc = win32event.MsgWaitForMultipleObjects([done], 0, JOIN_MS, win32event.QS_ALLINPUT)
            if rc == win32event.WAIT_OBJECT_0:
                break
            assert rc == win32event.WAIT_OBJECT_0 + 1, "the thread did not end"
            pythoncom.PumpWaitingMessages()
    finally:
        thread.join(JOIN_MS / 1000)
        win32api.CloseHandle(done)
    ok, value = box[0]
    if not ok:
        raise value
    return value
