"""pywin32's ``servicemanager`` over :mod:`apartment.services`: the service host's module.

In pywin32 it is the module pythonservice.exe (the process the SCM starts) exposes to the
service's code; it imports anywhere. Log messages go to the user's event log
(:func:`apartment.services.event_log_path`), and to stdout too in debug mode, as pywin32's
``Info 0x400000FF - text`` lines. ``PrepareToHostSingle(cls)`` hosts a
:class:`win32serviceutil.ServiceFramework` class: its main is ``cls(args).SvcRun()``, as
pythonservice's ServiceMain does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .. import services
from ..services import EVENTLOG_AUDIT_FAILURE as EVENTLOG_AUDIT_FAILURE
from ..services import EVENTLOG_AUDIT_SUCCESS as EVENTLOG_AUDIT_SUCCESS
from ..services import EVENTLOG_ERROR_TYPE as EVENTLOG_ERROR_TYPE
from ..services import EVENTLOG_INFORMATION_TYPE as EVENTLOG_INFORMATION_TYPE
from ..services import EVENTLOG_WARNING_TYPE as EVENTLOG_WARNING_TYPE
from ..services import PYS_SERVICE_STARTED as PYS_SERVICE_STARTED
from ..services import PYS_SERVICE_STARTING as PYS_SERVICE_STARTING
from ..services import PYS_SERVICE_STOPPED as PYS_SERVICE_STOPPED
from ..services import PYS_SERVICE_STOPPING as PYS_SERVICE_STOPPING
from . import pythoncom as _pythoncom
from . import win32evtlogutil
from ._adapt import api, as_bool, dword
from .pythoncom import COINIT_APARTMENTTHREADED as COINIT_APARTMENTTHREADED
from .pythoncom import COINIT_DISABLE_OLE1DDE as COINIT_DISABLE_OLE1DDE
from .pythoncom import COINIT_MULTITHREADED as COINIT_MULTITHREADED
from .pythoncom import COINIT_SPEED_OVER_MEMORY as COINIT_SPEED_OVER_MEMORY
from .pythoncom import CoUninitialize as CoUninitialize
from .pythoncom import PumpWaitingMessages as PumpWaitingMessages

__all__ = [
    "COINIT_APARTMENTTHREADED", "COINIT_DISABLE_OLE1DDE", "COINIT_MULTITHREADED",
    "COINIT_SPEED_OVER_MEMORY", "CoInitializeEx", "CoUninitialize", "PumpWaitingMessages",
    "EVENTLOG_AUDIT_FAILURE", "EVENTLOG_AUDIT_SUCCESS", "EVENTLOG_ERROR_TYPE",
    "EVENTLOG_INFORMATION_TYPE", "EVENTLOG_WARNING_TYPE",
    "PYS_SERVICE_STARTED", "PYS_SERVICE_STARTING", "PYS_SERVICE_STOPPED", "PYS_SERVICE_STOPPING",
    "Debugging", "RunningAsService", "SetEventSourceName", "Initialize", "Finalize",
    "LogMsg", "LogInfoMsg", "LogWarningMsg", "LogErrorMsg", "PrepareToHostSingle",
    "PrepareToHostMultiple", "StartServiceCtrlDispatcher", "RegisterServiceCtrlHandler",
    "startup_error",
]  # fmt: skip


def CoInitializeEx(flags: int, /) -> int:
    """pythoncom.CoInitializeEx, for the service's threads; pywin32's returns the HRESULT (0)."""
    _pythoncom.CoInitializeEx(flags)
    return 0


class startup_error(Exception):  # noqa: N801 - pywin32's name
    """pywin32's error for a service host that could not start (kept for ``except``)."""


def Debugging(newValue: object = -1, /) -> bool:
    """Whether the service runs in debug mode; with a value (not -1), set it, return the old."""
    return services.set_debugging(None if newValue in (None, -1) else as_bool(newValue))


def RunningAsService() -> bool:
    """True in a process the service control manager started (and not debugging)."""
    return services.running_as_service()


def SetEventSourceName(sourceName: str, registerNow: object = False, /) -> None:
    """Name the event source the process logs under; ``registerNow`` registers it too.

    Registered as pywin32's: under the Application log, with this module as its message file,
    so that ``win32evtlogutil.FormatMessage`` finds the service messages' texts.
    """
    services.set_event_source(sourceName)
    if as_bool(registerNow):
        win32evtlogutil.AddSourceToRegistry(sourceName, __file__)


def Initialize(eventSourceName: str | None = None, eventSourceFile: str | None = None, /) -> None:
    """Prepare the host (an event source name, if given); nothing else is needed here."""
    if eventSourceName is not None:
        services.set_event_source(eventSourceName)


def Finalize() -> None:
    """Undo Initialize: nothing to do here."""


def _inserts(strings: object) -> tuple[str, ...]:
    if strings is None:
        return ()
    if not isinstance(strings, Iterable):  # any sequence: a str's characters too, as pywin32
        raise TypeError("strings must be None or a sequence")
    items = tuple(strings)
    for text in items:
        if not isinstance(text, str):
            raise TypeError(
                f"Objects of type '{type(text).__name__}' can not be converted to Unicode."
            )
    return items


def LogMsg(errorType: int, eventId: int, inserts: object = None, /) -> None:
    """Report event ``eventId`` of ``errorType`` (EVENTLOG_*) with ``inserts`` (strs)."""
    services.log_event(dword(errorType), dword(eventId), _inserts(inserts))


def _text(msg: object) -> tuple[str]:
    if not isinstance(msg, str):
        raise TypeError(f"Objects of type '{type(msg).__name__}' can not be converted to Unicode.")
    return (msg,)


def LogInfoMsg(msg: str, /) -> None:
    """Report ``msg`` as an information event."""
    services.log_event(EVENTLOG_INFORMATION_TYPE, services.MSG_INFO, _text(msg))


def LogWarningMsg(msg: str, /) -> None:
    """Report ``msg`` as a warning event (pywin32 logs it under the information message id)."""
    services.log_event(EVENTLOG_WARNING_TYPE, services.MSG_INFO, _text(msg))


def LogErrorMsg(msg: str, /) -> None:
    """Report ``msg`` as an error event."""
    services.log_event(EVENTLOG_ERROR_TYPE, services.MSG_ERROR, _text(msg))


def _main_of(klass: Any) -> Any:  # noqa: ANN401
    """Pythonservice's ServiceMain for a ServiceFramework class: build it, run SvcRun."""

    def main(args: list[str]) -> None:
        klass(tuple(args)).SvcRun()  # pythonservice passes a tuple

    return main


def PrepareToHostSingle(klass: object = None, /) -> None:
    """Host service class ``klass`` as the process's one service (any name the SCM gives)."""
    if klass is None:
        return  # pythonservice then reads the class from the registry when the SCM starts it
    try:
        services.host_service(None, _main_of(klass))
    except ValueError:
        raise startup_error("PrepareToHostSingle failed!") from None


def PrepareToHostMultiple(svc_name: str, klass: object, /) -> None:
    """Host service class ``klass`` under the name ``svc_name``, beside others."""
    if not isinstance(svc_name, str):
        raise TypeError("the service name must be a string")
    try:
        services.host_service(svc_name, _main_of(klass))
    except ValueError:
        raise startup_error("PrepareToHostMultiple failed!") from None


@api("StartServiceCtrlDispatcher")
def StartServiceCtrlDispatcher() -> None:
    """Run the hosted services the SCM asked for; return when they have stopped.

    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT in a process the SCM did not start.
    """
    services.run_dispatcher()


@api("RegisterServiceCtrlHandlerEx")
def RegisterServiceCtrlHandler(
    serviceName: str, callback: Callable[..., object], extra_args: object = False, /
) -> services.StatusHandle | None:
    """Register the service's handler: ``callback(control)``, or with ``extra_args``
    ``callback(control, event_type, data)``; it runs on the dispatcher's thread. Returns the
    status handle for ``win32service.SetServiceStatus``."""  # noqa: D205, D209
    if not isinstance(serviceName, str):
        raise TypeError("the service name must be a string")
    if not callable(callback):
        raise TypeError("Second argument must be a callable object")
    extra = as_bool(extra_args)

    def handler(control: int, event_type: int, data: object) -> object:
        return callback(control, event_type, data) if extra else callback(control)

    handle = services.register_control_handler(serviceName, handler)
    # pywin32's debug host gives no status handle (ServiceFramework.ReportServiceStatus then
    # reports nothing); the host keeps the handler, for Ctrl+C's SERVICE_CONTROL_STOP.
    return None if services.is_debugging() else handle
