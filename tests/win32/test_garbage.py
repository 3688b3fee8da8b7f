"""Random garbage through the facade's functions leaves every object it touched usable.

Each example calls one facade function with arguments drawn from garbage (wrong types, huge
ints, None, floats, strings, containers) mixed with real handles, and then checks that the
objects and the thread's message queue still work: the bad call failed at the door (a
TypeError, a ValueError, an OverflowError, a pywintypes.error or a com_error) or did what its
arguments asked, and never left state behind that breaks a later call.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.win32 import (
    pythoncom,
    pywintypes,
    timer,
    win32api,
    win32event,
    win32gui,
    win32process,
    win32security,
)

if TYPE_CHECKING:
    from collections.abc import Callable

WM_APP = 0x8000
PM_REMOVE = 1

GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.integers(), st.text(max_size=2)),
    st.builds(object),
)
NO_WAIT = st.one_of(st.just(0), st.none(), st.floats(), st.text(max_size=3))
"""Timeouts that never block: 0, or a value refused before any wait."""

ACCEPTED = (TypeError, ValueError, OverflowError, pywintypes.error, pythoncom.com_error)


class Objects:
    def __init__(self) -> None:
        self.event = win32event.CreateEvent(None, True, False, None)
        self.mutex = win32event.CreateMutex(None, False, None)
        self.semaphore = win32event.CreateSemaphore(None, 0, 10, None)
        name = f"apartment-garbage-{os.getpid()}"  # shared with other processes: the segment
        self.named_event = win32event.CreateEvent(None, True, False, name + "-event")
        self.named_mutex = win32event.CreateMutex(None, False, name + "-mutex")
        self.named_semaphore = win32event.CreateSemaphore(None, 0, 10, name + "-semaphore")
        self.handles = [
            self.event,
            self.mutex,
            self.semaphore,
            self.named_event,
            self.named_mutex,
            self.named_semaphore,
        ]

    def check_usable(self) -> None:
        for event, mutex, semaphore in (
            (self.event, self.mutex, self.semaphore),
            (self.named_event, self.named_mutex, self.named_semaphore),
        ):
            win32event.SetEvent(event)
            assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_OBJECT_0
            win32event.ResetEvent(event)
            assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
            assert win32event.WaitForSingleObject(mutex, 0) == win32event.WAIT_OBJECT_0
            win32event.ReleaseMutex(mutex)
            while win32event.WaitForSingleObject(semaphore, 0) == win32event.WAIT_OBJECT_0:
                pass  # garbage may have released units; all are takeable
        me = win32api.GetCurrentThreadId()
        win32api.PostThreadMessage(me, WM_APP, 1, 2)
        ok, message = win32gui.PeekMessage(None, WM_APP, WM_APP, PM_REMOVE)  # behind garbage
        assert ok
        assert tuple(message[1:4]) == (WM_APP, 1, 2)
        while win32gui.PeekMessage(None, 0, 0, PM_REMOVE)[0]:  # an unfiltered drain works
            pass

    def close(self) -> None:
        for handle in self.handles:
            handle.Close()


@pytest.fixture(scope="module")
def objects() -> Any:
    made = Objects()
    win32gui.PeekMessage(None, 0, 0, 0)  # the thread has a queue
    yield made
    made.close()


def _arg(objects: Objects) -> st.SearchStrategy[Any]:
    return st.one_of(GARBAGE, st.sampled_from(objects.handles))


CALLS: list[tuple[str, Any, int]] = [
    ("SetEvent", win32event.SetEvent, 1),
    ("ResetEvent", win32event.ResetEvent, 1),
    ("ReleaseMutex", win32event.ReleaseMutex, 1),
    ("ReleaseSemaphore", win32event.ReleaseSemaphore, 2),
    ("CreateEvent", win32event.CreateEvent, 4),
    ("CreateSemaphore", win32event.CreateSemaphore, 4),
    ("PostThreadMessage", win32api.PostThreadMessage, 4),
    ("PostMessage", win32gui.PostMessage, 4),
    ("PeekMessage", win32gui.PeekMessage, 4),
    ("SendMessage", win32gui.SendMessage, 4),
    ("RegisterWindowMessage", win32gui.RegisterWindowMessage, 1),
    ("PulseEvent", win32event.PulseEvent, 1),
    ("CreateMutex", win32event.CreateMutex, 3),
    ("OpenEvent", win32event.OpenEvent, 3),
    ("OpenMutex", win32event.OpenMutex, 3),
    ("OpenSemaphore", win32event.OpenSemaphore, 3),
    ("CreateWaitableTimer", win32event.CreateWaitableTimer, 3),
    ("CancelWaitableTimer", win32event.CancelWaitableTimer, 1),
    ("SendMessageTimeout", win32gui.SendMessageTimeout, 6),
    ("SetLastError", win32api.SetLastError, 1),
    ("OpenThread", win32api.OpenThread, 3),
    ("OpenProcess", win32api.OpenProcess, 3),
    ("GetHandleInformation", win32api.GetHandleInformation, 1),
    ("SetHandleInformation", win32api.SetHandleInformation, 3),
    ("ConvertStringSidToSid", win32security.ConvertStringSidToSid, 1),
    ("ConvertSidToStringSid", win32security.ConvertSidToStringSid, 1),
    (
        "ConvertStringSecurityDescriptorToSecurityDescriptor",
        win32security.ConvertStringSecurityDescriptorToSecurityDescriptor,
        2,
    ),
    ("ResumeThread", win32process.ResumeThread, 1),
    ("GetExitCodeThread", win32process.GetExitCodeThread, 1),
    ("GetExitCodeProcess", win32process.GetExitCodeProcess, 1),
    ("GetProcessId", win32process.GetProcessId, 1),
    ("MakeIID", pythoncom.MakeIID, 1),
    ("CoCreateInstance", pythoncom.CoCreateInstance, 4),
    ("IID", pywintypes.IID, 1),
    ("ShowWindow", win32gui.ShowWindow, 2),
    ("UpdateWindow", win32gui.UpdateWindow, 1),
    ("GetWindowText", win32gui.GetWindowText, 1),
    ("SetWindowText", win32gui.SetWindowText, 2),
    ("GetWindowRect", win32gui.GetWindowRect, 1),
    ("GetClientRect", win32gui.GetClientRect, 1),
    ("MoveWindow", win32gui.MoveWindow, 6),
    ("SetWindowPos", win32gui.SetWindowPos, 7),
    ("IsWindowVisible", win32gui.IsWindowVisible, 1),
    ("GetParent", win32gui.GetParent, 1),
    ("GetWindow", win32gui.GetWindow, 2),
    ("GetClassName", win32gui.GetClassName, 1),
    ("GetModuleHandle", win32api.GetModuleHandle, 1),
    ("LOWORD", win32api.LOWORD, 1),
    ("HIWORD", win32api.HIWORD, 1),
    ("set_timer", timer.set_timer, 2),
    ("kill_timer", timer.kill_timer, 1),
]
KEY_ERRORS = {"kill_timer"}  # pywin32's timer table raises KeyError for an unknown id
DEPRECATED = {"MakeIID"}  # pywin32 warns (DeprecationWarning) on every call of these


@settings(max_examples=300)
@given(data=st.data())
def test_garbage_never_breaks_what_it_touched(objects: Objects, data: st.DataObject) -> None:
    name, fn, arity = data.draw(st.sampled_from(CALLS), label="function")
    args = [data.draw(_arg(objects), label=f"arg{i}") for i in range(arity)]
    if name == "PostThreadMessage" and data.draw(st.booleans(), label="to me"):
        args[0] = win32api.GetCurrentThreadId()
    try:
        with warnings.catch_warnings():
            if name in DEPRECATED:
                warnings.simplefilter("ignore", DeprecationWarning)
            result = fn(*args)
    except ACCEPTED:
        pass
    except KeyError:
        assert name in KEY_ERRORS
    else:
        if isinstance(result, pywintypes.HANDLEType):
            result.Close()
    objects.check_usable()


@settings(max_examples=150)
@given(
    timeout=NO_WAIT,
    handles=st.lists(st.one_of(GARBAGE, st.just("real")), min_size=0, max_size=4),
)
def test_garbage_waits_never_block_or_break(
    objects: Objects, timeout: Any, handles: list[Any]
) -> None:
    real = [objects.event if h == "real" else h for h in handles]
    calls: list[Callable[[], object]] = [
        lambda: win32event.WaitForSingleObject(real[0] if real else None, timeout),
        lambda: win32event.WaitForMultipleObjects(real, False, timeout),
        lambda: win32event.MsgWaitForMultipleObjects(real, False, timeout, 0xFF),
    ]
    for call in calls:
        with contextlib.suppress(*ACCEPTED):
            call()
    objects.check_usable()
