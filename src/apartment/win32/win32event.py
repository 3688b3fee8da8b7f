"""pywin32's ``win32event`` over the kernel layer: kernel objects and waits.

Each function converts pywin32's arguments (milliseconds, handles, BOOLs), calls one core
function and converts the result. Errors are ``pywintypes.error(code, 'FunctionName', msg)``
with Windows' code; waits raise instead of returning WAIT_FAILED, as pywin32's do.
"""

from __future__ import annotations

from typing import Any

from .. import kernel, messages
from ..errors import ERROR_ALREADY_EXISTS, Win32Error
from ..kernel import MAXIMUM_WAIT_OBJECTS as MAXIMUM_WAIT_OBJECTS
from ..kernel import Event, Mutex, Semaphore, Waitable, WaitableTimer
from ..kernel.lowlevel import WaitCodes, handle_calls, wait_resolved
from ..messages import MWMO_ALERTABLE as _MWMO_ALERTABLE
from ..messages import MWMO_INPUTAVAILABLE as _MWMO_INPUTAVAILABLE
from ..messages import MWMO_WAITALL as _MWMO_WAITALL
from ..messages import QS_ALLEVENTS as QS_ALLEVENTS
from ..messages import QS_ALLINPUT as QS_ALLINPUT
from ..messages import QS_HOTKEY as QS_HOTKEY
from ..messages import QS_INPUT as QS_INPUT
from ..messages import QS_KEY as QS_KEY
from ..messages import QS_MOUSE as QS_MOUSE
from ..messages import QS_MOUSEBUTTON as QS_MOUSEBUTTON
from ..messages import QS_MOUSEMOVE as QS_MOUSEMOVE
from ..messages import QS_PAINT as QS_PAINT
from ..messages import QS_POSTMESSAGE as QS_POSTMESSAGE
from ..messages import QS_SENDMESSAGE as QS_SENDMESSAGE
from ..messages import QS_TIMER as QS_TIMER
from . import _handles, _timeconv
from ._adapt import WAIT_ABANDONED_0 as WAIT_ABANDONED_0
from ._adapt import WAIT_IO_COMPLETION as WAIT_IO_COMPLETION
from ._adapt import WAIT_OBJECT_0 as WAIT_OBJECT_0
from ._adapt import WAIT_TIMEOUT as WAIT_TIMEOUT
from ._adapt import (
    api,
    as_bool,
    dword,
    long_bool,
    long_param,
    ms_to_timeout,
    named,
    set_last_error,
    stamped,
    wait_code,
)
from ._handles import PyHANDLE, handle_values, lookup, waitables
from ._object_security import give_created_descriptor
from ._security import inherits
from .pywintypes import error
from .win32con import CREATE_WAITABLE_TIMER_HIGH_RESOLUTION as CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
from .win32con import CREATE_WAITABLE_TIMER_MANUAL_RESET as CREATE_WAITABLE_TIMER_MANUAL_RESET
from .win32con import EVENT_ALL_ACCESS as EVENT_ALL_ACCESS
from .win32con import EVENT_MODIFY_STATE as EVENT_MODIFY_STATE
from .win32con import SEMAPHORE_MODIFY_STATE
from .win32con import SYNCHRONIZE as SYNCHRONIZE
from .win32con import TIMER_ALL_ACCESS as TIMER_ALL_ACCESS
from .win32con import TIMER_MODIFY_STATE as TIMER_MODIFY_STATE
from .win32con import TIMER_QUERY_STATE as TIMER_QUERY_STATE
from .win32con import WAIT_FAILED as WAIT_FAILED

__all__ = [
    "error",
    "CreateEvent", "OpenEvent", "SetEvent", "ResetEvent", "PulseEvent",
    "CreateMutex", "OpenMutex", "ReleaseMutex",
    "CreateSemaphore", "OpenSemaphore", "ReleaseSemaphore",
    "CreateWaitableTimer", "CreateWaitableTimerEx", "OpenWaitableTimer", "SetWaitableTimer",
    "CancelWaitableTimer",
    "WaitForSingleObject", "WaitForSingleObjectEx", "WaitForMultipleObjects",
    "WaitForMultipleObjectsEx", "SignalObjectAndWait", "WaitForInputIdle",
    "MsgWaitForMultipleObjects", "MsgWaitForMultipleObjectsEx",
]  # fmt: skip

# SWIG 1.1 emitted INFINITE through a C long, so 0xFFFFFFFF reads -1 (semantics.md §1.7).
INFINITE = -1
WAIT_ABANDONED = WAIT_ABANDONED_0
# QS_* (imported above) have the SDK's values at _WIN32_WINNT 0x0601, as pywin32 builds
# win32event; win32con keeps older QS values. pywin32 312's win32event has no MWMO_*,
# QS_ALLPOSTMESSAGE or QS_RAWINPUT (its users write the numbers): the MWMO_* flags are read
# here under private names only.

UNICODE = 1


def _create(
    kind: type[Any],
    attributes: object,
    name: str | None,
    *args: object,
    access: int | None = None,
) -> PyHANDLE:
    """Create an object (an empty name, as Win32 reads it, is no name); set the last error.

    The handle has ``access`` (Create*Ex's desired access); None asks for all rights.
    """
    inherit = inherits(attributes)
    name = None if name == "" else name
    if access is None:
        value, existed = kernel.handles.create(kind, name, *args, inherit=inherit)
    else:
        value, existed = kernel.handles.create(kind, name, *args, inherit=inherit, access=access)
    set_last_error(ERROR_ALREADY_EXISTS if existed else 0)  # as the idiom reads it
    handle = PyHANDLE(value)
    if attributes is not None:  # its descriptor is the new object's (win32security)
        give_created_descriptor(handle, attributes, existed=existed)
    return handle


def _open(kind: type[Any], access: int, inherit: object, name: str | None) -> PyHANDLE:
    if name is None:  # pywin32's string conversion refuses None here
        raise TypeError("None is not a valid string in this context")
    return PyHANDLE(kernel.handles.open_named(kind, name, dword(access), inherit=as_bool(inherit)))


@api("CreateEvent")
def CreateEvent(
    EventAttributes: object, bManualReset: int, bInitialState: int, Name: str | None, /
) -> PyHANDLE:
    return _create(Event, EventAttributes, Name, as_bool(bManualReset), as_bool(bInitialState))


@api("OpenEvent")
def OpenEvent(desiredAccess: int, bInheritHandle: int, name: str | None, /) -> PyHANDLE:
    return _open(Event, desiredAccess, bInheritHandle, name)


# The hottest calls look their handle up inline in a view of the table that holds only the
# handles they can act on (kernel.handles.kind_view): an open handle of the right kind with
# the right access is one read (no lock, trusted while no close is deferred); a PyHANDLE's
# value or an int (never a float that equals one) is the key. Anything else goes through
# lookup(), which says what is wrong and gives the same object for the same handle.
_, _deferred = kernel.handles.lock_free_view()
_many = kernel.handles.many_view()
_settable = kernel.handles.kind_view(Event, EVENT_MODIFY_STATE)
_synchronizable = kernel.handles.kind_view(Waitable, SYNCHRONIZE)  # type: ignore[type-abstract]


def _set_event(hEvent: object, /) -> None:
    """SetEvent for what the one-frame call does not take (see below)."""
    if type(hEvent) is PyHANDLE and not _deferred:
        event = _settable.get(hEvent._value)
        if event is not None:  # a shared event
            event.set()
            return
    try:  # an int, a handle of another kind or without the right, a deferred close
        lookup(hEvent, Event, EVENT_MODIFY_STATE).set()
    except Win32Error as error:  # stamped here, not by @api: a hot call saves the wrapper's frame
        raise stamped(error, "SetEvent") from None


def _reset_event(hEvent: object, /) -> None:
    """ResetEvent for what the one-frame call does not take (see below)."""
    try:
        lookup(hEvent, Event, EVENT_MODIFY_STATE).reset()
    except Win32Error as error:
        raise stamped(error, "ResetEvent") from None


def PulseEvent(hEvent: object, /) -> None:
    try:
        lookup(hEvent, Event, EVENT_MODIFY_STATE).pulse()
    except Win32Error as error:
        raise stamped(error, "PulseEvent") from None


@api("CreateMutex")
def CreateMutex(MutexAttributes: object, InitialOwner: int, Name: str | None, /) -> PyHANDLE:
    return _create(Mutex, MutexAttributes, Name, as_bool(InitialOwner))


@api("OpenMutex")
def OpenMutex(desiredAccess: int, bInheritHandle: int, name: str | None, /) -> PyHANDLE:
    return _open(Mutex, desiredAccess, bInheritHandle, name)


def ReleaseMutex(hMutex: object, /) -> None:
    try:
        lookup(hMutex, Mutex).release()
    except Win32Error as error:
        raise stamped(error, "ReleaseMutex") from None


@api("CreateSemaphore")
def CreateSemaphore(
    SemaphoreAttributes: object, InitialCount: int, MaximumCount: int, SemaphoreName: str | None, /
) -> PyHANDLE:
    initial, maximum = long_param(InitialCount), long_param(MaximumCount)
    return _create(Semaphore, SemaphoreAttributes, SemaphoreName, initial, maximum)


@api("OpenSemaphore")
def OpenSemaphore(desiredAccess: int, bInheritHandle: int, name: str | None, /) -> PyHANDLE:
    return _open(Semaphore, desiredAccess, bInheritHandle, name)


def ReleaseSemaphore(hSemaphore: object, lReleaseCount: int, /) -> int:
    if type(lReleaseCount) is not int or not -(2**31) <= lReleaseCount < 2**31:
        lReleaseCount = long_param(lReleaseCount)  # pywin32 parses a LONG
    try:
        return lookup(hSemaphore, Semaphore, SEMAPHORE_MODIFY_STATE).release(lReleaseCount)
    except Win32Error as error:
        raise stamped(error, "ReleaseSemaphore") from None


@api("CreateWaitableTimer")
def CreateWaitableTimer(
    TimerAttributes: object, ManualReset: int, TimerName: str | None, /
) -> PyHANDLE:
    return _create(WaitableTimer, TimerAttributes, TimerName, as_bool(ManualReset))


@api("CreateWaitableTimerEx")
def CreateWaitableTimerEx(
    lpTimerAttributes: object, lpTimerName: str | None, dwFlags: int, dwDesiredAccess: int, /
) -> PyHANDLE:
    manual = bool(dword(dwFlags) & CREATE_WAITABLE_TIMER_MANUAL_RESET)
    access = dword(dwDesiredAccess)  # the handle has only these rights, as on Windows
    return _create(WaitableTimer, lpTimerAttributes, lpTimerName, manual, access=access)


@api("OpenWaitableTimer")
def OpenWaitableTimer(
    desiredAccess: int, bInheritHandle: int, timerName: str | None, /
) -> PyHANDLE:
    return _open(WaitableTimer, desiredAccess, bInheritHandle, timerName)


@api("SetWaitableTimer")
def SetWaitableTimer(
    handle: object, dueTime: int, period: int, func: object, param: object, resume_state: int, /
) -> None:
    if func is not None or param is not None:  # pywin32 takes no completion routine
        raise TypeError("This param must be None")
    timer = lookup(handle, WaitableTimer, TIMER_MODIFY_STATE)
    timer.set(_timeconv.due_time(dueTime), period=_timeconv.period(period))


@api("CancelWaitableTimer")
def CancelWaitableTimer(handle: object, /) -> None:
    lookup(handle, WaitableTimer, TIMER_MODIFY_STATE).cancel()


# The WaitResult a satisfied single wait returns: the core hands out one object per result.
_SIGNALED = Event(manual_reset=True, initial_state=True).wait(0)


def _wait_single(hHandle: object, milliseconds: int, /) -> int:
    """WaitForSingleObject for what the one-frame call does not take (see below)."""
    try:  # an int handle, INFINITE, a handle not found there: the checked way
        obj = lookup(hHandle, Waitable, SYNCHRONIZE)
        result = obj.wait(ms_to_timeout(milliseconds))
    except Win32Error as error:
        raise _stamp_wait(error) from None
    return WAIT_OBJECT_0 if result is _SIGNALED else wait_code(result)


def _stamp_wait(error: Win32Error) -> Win32Error:
    return stamped(error, "WaitForSingleObject")


# SetEvent, ResetEvent and WaitForSingleObject on a PyHANDLE to a local event (every event
# loop's calls) are each one call of the kernel's, one Python frame as the core's own
# event.set() is: the kernel resolves the PyHANDLE in the views above and acts on the
# event. Whatever else they are given goes to the functions above, which translate it the
# general way and stamp the errors with the function's name.
_set, _reset, _wait_set = handle_calls(
    PyHANDLE,
    _settable,
    _synchronizable,
    _deferred,
    (_set_event, _reset_event, _wait_single),
    WaitCodes(1000, 0xFFFFFFFF, WAIT_OBJECT_0, wait_code, _stamp_wait),
)
SetEvent = named(_set, "SetEvent", "Signal an event (pywin32's SetEvent(hEvent)).")
ResetEvent = named(_reset, "ResetEvent", "Make an event nonsignaled (ResetEvent(hEvent)).")
WaitForSingleObject = named(
    _wait_set,
    "WaitForSingleObject",
    "Wait for one object; WAIT_OBJECT_0, WAIT_ABANDONED_0 or WAIT_TIMEOUT "
    "(WaitForSingleObject(hHandle, milliseconds)).",
)


def WaitForSingleObjectEx(hHandle: object, milliseconds: int, bAlertable: int, /) -> int:
    try:
        obj = lookup(hHandle, Waitable, SYNCHRONIZE)
        return wait_code(obj.wait(ms_to_timeout(milliseconds), alertable=long_bool(bAlertable)))
    except Win32Error as error:
        raise stamped(error, "WaitForSingleObjectEx") from None


_wait_resolved = wait_resolved
_ZERO = 0  # CPython's one int 0: ``x is _ZERO`` is the cheapest test for it (else: converted)


def WaitForMultipleObjects(handlelist: object, bWaitAll: int, milliseconds: int, /) -> int:
    # A wait loop's call: a list of PyHANDLEs, wait for any, milliseconds in range. Its
    # handles resolve to the set the kernel checked before (found by the handle objects'
    # identities, see waitables) and the milliseconds to seconds in range, so the kernel's
    # wait_resolved checks neither again. One handle is the one-object wait, found the way
    # WaitForSingleObject finds it. Anything else, or a miss, goes the general way below.
    if (
        type(handlelist) is list
        and type(milliseconds) is int
        and 0 <= milliseconds < 0xFFFFFFFF
        and (bWaitAll is False or bWaitAll is _ZERO)
        and not _deferred
    ):
        if len(handlelist) == 1:
            handle = handlelist[0]
            obj = _synchronizable.get(handle._value) if type(handle) is PyHANDLE else None
            if obj is not None:
                try:
                    single = obj.wait(milliseconds / 1000.0)
                except Win32Error as error:
                    raise stamped(error, "WaitForMultipleObjects") from None
                return WAIT_OBJECT_0 if single is _SIGNALED else wait_code(single)
        elif handlelist and type(handlelist[0]) is PyHANDLE:
            try:
                objects = _many.get((hash(tuple(handlelist)), SYNCHRONIZE, _handles._generation))
            except TypeError:  # an unhashable element: refused the general way
                objects = None
            if objects is not None:
                try:
                    result = _wait_resolved(objects, False, milliseconds / 1000.0)
                except Win32Error as error:
                    raise stamped(error, "WaitForMultipleObjects") from None
                if result is not None and not (result[1] or result[2]):  # signaled
                    return result[0]
                return wait_code(result)
    return _wait_multiple(handlelist, bWaitAll, milliseconds)


def _wait_multiple(handlelist: object, bWaitAll: int, milliseconds: int) -> int:
    """WaitForMultipleObjects the general way: any handles, BOOL and milliseconds, checked."""
    try:
        objects = waitables(handlelist, SYNCHRONIZE)
        result = _wait_resolved(objects, long_bool(bWaitAll), ms_to_timeout(milliseconds))
    except Win32Error as error:
        raise stamped(error, "WaitForMultipleObjects") from None
    if result is not None and not (result[1] or result[2]):  # signaled: not abandoned, alerted
        return result[0]
    return wait_code(result)


def WaitForMultipleObjectsEx(
    handlelist: object, bWaitAll: int, milliseconds: int, bAlertable: int, /
) -> int:
    try:
        objects = waitables(handlelist, SYNCHRONIZE)
        wait = kernel.wait_all if long_bool(bWaitAll) else kernel.wait_any
        alertable = long_bool(bAlertable)
        return wait_code(wait(objects, ms_to_timeout(milliseconds), alertable=alertable))
    except Win32Error as error:
        raise stamped(error, "WaitForMultipleObjectsEx") from None


@api("SignalObjectAndWait")
def SignalObjectAndWait(
    hSignal: object, hWaitOn: object, milliseconds: int, bAlertable: int, /
) -> int:
    """Signal one object and wait on another in one step.

    Deviation (documented): pywin32 declares this BOOLAPI and so returns None for most results
    and raises on success; this facade returns the wait code, as the Win32 function does.
    """
    to_signal = lookup(hSignal, Waitable)
    to_wait = lookup(hWaitOn, Waitable, SYNCHRONIZE)
    result = kernel.signal_and_wait(
        to_signal, to_wait, ms_to_timeout(milliseconds), alertable=long_bool(bAlertable)
    )
    return wait_code(result)


@api("WaitForInputIdle")
def WaitForInputIdle(hProcess: object, milliseconds: int, /) -> int:
    """Return 0 (ready) at once, so ``milliseconds`` does not matter."""
    lookup(hProcess, kernel.ProcessHandle).wait_input_idle()
    return 0


def _msg_wait(
    handleList: object, wait_all: bool, milliseconds: object, wakeMask: object, flags: int
) -> int:
    values = handle_values(handleList)
    objects = kernel.handles.get_many(
        values, SYNCHRONIZE, allow_empty=True, limit=messages.MAXIMUM_MSG_WAIT_OBJECTS
    )
    result = messages.msg_wait_any(
        objects,
        ms_to_timeout(milliseconds),
        dword(wakeMask),
        wait_all_objects=wait_all,
        alertable=bool(flags & _MWMO_ALERTABLE),
        input_available=bool(flags & _MWMO_INPUTAVAILABLE),
    )
    return wait_code(result)


@api("MsgWaitForMultipleObjects")
def MsgWaitForMultipleObjects(
    handleList: object, bWaitAll: int, milliseconds: int, wakeMask: int, /
) -> int:
    return _msg_wait(handleList, long_bool(bWaitAll), milliseconds, wakeMask, 0)


@api("MsgWaitForMultipleObjectsEx")
def MsgWaitForMultipleObjectsEx(
    handleList: object, milliseconds: int, wakeMask: int, waitFlags: int, /
) -> int:
    flags = dword(waitFlags)
    return _msg_wait(handleList, bool(flags & _MWMO_WAITALL), milliseconds, wakeMask, flags)


# pywin32's constants too: `from win32event import *` gives them (pipeTestService uses it).
__all__ += [
    "CREATE_WAITABLE_TIMER_HIGH_RESOLUTION", "CREATE_WAITABLE_TIMER_MANUAL_RESET",
    "EVENT_ALL_ACCESS", "EVENT_MODIFY_STATE", "INFINITE", "MAXIMUM_WAIT_OBJECTS", "QS_ALLEVENTS",
    "QS_ALLINPUT", "QS_HOTKEY", "QS_INPUT", "QS_KEY", "QS_MOUSE", "QS_MOUSEBUTTON",
    "QS_MOUSEMOVE", "QS_PAINT", "QS_POSTMESSAGE", "QS_SENDMESSAGE", "QS_TIMER", "SYNCHRONIZE",
    "TIMER_ALL_ACCESS", "TIMER_MODIFY_STATE", "TIMER_QUERY_STATE", "UNICODE", "WAIT_ABANDONED",
    "WAIT_ABANDONED_0", "WAIT_FAILED", "WAIT_IO_COMPLETION", "WAIT_OBJECT_0", "WAIT_TIMEOUT",
]  # fmt: skip
