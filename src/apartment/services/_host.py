"""The service host: what runs a service's code in its process, as pythonservice.exe does.

A process hosts services it names first (:func:`host_service`: a name and its *main*, the
ServiceMain). Then one of two things runs them:

* :func:`run_dispatcher` (StartServiceCtrlDispatcher), in a process the service control
  manager started (:mod:`._manager`): the calling thread becomes the *dispatcher*: it runs
  each service's main on a new thread, and runs the control handlers itself, one control at
  a time, as they come from :func:`~apartment.services.control_service`; it returns once
  every service it hosts has reported SERVICE_STOPPED. Called in a process the manager did
  not start, it fails with ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, as on Windows.
* :func:`debug_service` (pythonservice's ``-debug``): the calling thread runs the main
  itself; Ctrl+C (or Ctrl+Break) sends SERVICE_CONTROL_STOP to the service's handler on the
  console's control thread, and log messages are printed as well as logged.

A service's main registers its control handler (:func:`register_control_handler`) and
reports its status through the handle it gets (:func:`set_service_status`); the host reports
SERVICE_STOPPED for it when its main returns (or raises: then with an error event logged and
ERROR_SERVICE_SPECIFIC_ERROR as its exit code).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
from typing import TYPE_CHECKING, NamedTuple

from ..errors import (
    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
    ERROR_INVALID_PARAMETER,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_SPECIFIC_ERROR,
    Win32Error,
)
from ..kernel import CTRL_BREAK_EVENT, CTRL_C_EVENT, add_ctrl_handler, remove_ctrl_handler
from ._constants import (
    SERVICE_CONTROL_STOP,
    SERVICE_START_PENDING,
    SERVICE_STOPPED,
    SERVICE_WIN32_OWN_PROCESS,
)
from ._eventlog import EVENTLOG_ERROR_TYPE, append_event, format_event

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "ServiceStatus", "StatusHandle", "START_ENVIRONMENT", "start_request",
    "set_debugging", "is_debugging", "running_as_service", "set_event_source", "log_event",
    "host_service", "hosted_services", "register_control_handler", "set_service_status",
    "run_dispatcher", "debug_service",
]  # fmt: skip

START_ENVIRONMENT = "APARTMENT_SERVICE_START"
"""The variable the manager sets in a service process it starts: the service to run (JSON)."""


class ServiceStatus(NamedTuple):
    """SERVICE_STATUS: what a service reports and the manager answers."""

    service_type: int
    current_state: int
    controls_accepted: int
    win32_exit_code: int
    service_specific_exit_code: int
    check_point: int
    wait_hint: int


_STOPPED = ServiceStatus(SERVICE_WIN32_OWN_PROCESS, SERVICE_STOPPED, 0, 0, 0, 0, 0)


class StatusHandle:
    """A service's status handle (SERVICE_STATUS_HANDLE): its handler and its last status.

    ``handler(control, event_type, data)`` runs on the dispatcher's thread (the console's
    control thread when debugging).
    """

    def __init__(self, name: str, handler: Callable[[int, int, object], object]) -> None:
        self.name = name
        self.handler = handler
        self.status = _STOPPED._replace(current_state=SERVICE_START_PENDING)

    def __repr__(self) -> str:
        return f"<StatusHandle {self.name!r} state={self.status.current_state}>"


class _Host:
    """The process's host state, under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.debugging = False
        self.source = "Python Service"
        self.mains: dict[str, tuple[str, Callable[[list[str]], object]]] = {}  # "": own process
        self.running = False  # a service's main has started in this process
        self.handles: dict[str, StatusHandle] = {}
        self.on_status: Callable[[StatusHandle], None] | None = None  # the dispatcher's


_host = _Host()


def set_debugging(on: bool | None = None) -> bool:
    """Turn debug mode on or off (None: leave it); return whether it was on before."""
    with _host.lock:
        previous = _host.debugging
        if on is not None:
            _host.debugging = bool(on)
    return previous


def is_debugging() -> bool:
    """Whether the process runs a service in debug mode (log messages are printed too)."""
    return _host.debugging


def running_as_service() -> bool:
    """Whether a service's main has started in this process (debugging too, as pywin32's)."""
    return _host.running


def set_event_source(name: str) -> None:
    """Name the source the process's log messages are reported under (the service's name)."""
    if not isinstance(name, str):
        raise TypeError(f"an event source is a str, not {type(name).__name__}")
    with _host.lock:
        _host.source = name


def log_event(event_type: int, event_id: int, strings: Sequence[str] = ()) -> None:
    """Report an event under the process's source; printed to stdout too when debugging.

    The printed line is pythonservice's: ``Info 0x40001002 - The X service has started.``
    """
    inserts = tuple(strings)
    if not all(isinstance(text, str) for text in inserts):
        raise TypeError("the inserts of an event are str")
    record = append_event(_host.source, event_type, event_id, inserts)
    if _host.debugging:
        text = format_event(event_id, inserts)
        if text is None:  # pythonservice's words, the inserts after them
            text = "No message available\nMessage inserts were" + "".join(
                f"'{insert}'," for insert in inserts
            )
        print(f"{record.type_name} 0x{record.event_id:X} - {text}", flush=True)


def host_service(name: str | None, main: Callable[[list[str]], object]) -> None:
    """Host service ``name`` in this process: ``main(args)`` runs it (args[0] is its name).

    ``name`` None hosts the process's one service (SERVICE_WIN32_OWN_PROCESS): whatever name
    the manager starts it under; hosting it again replaces it. Named services share the
    process (SERVICE_WIN32_SHARE_PROCESS), each once.

    Raises:
        ValueError: the two kinds mixed, or a named service hosted twice (pywin32's
            PrepareToHost* fail so).
    """
    if (name is not None and not isinstance(name, str)) or not callable(main):
        raise TypeError("host_service takes a service name (str or None) and a callable main")
    key = "" if name is None else name.lower()
    with _host.lock:
        own = "" in _host.mains
        if _host.mains and (own != (name is None) or (name is not None and key in _host.mains)):
            raise ValueError(f"service {name!r} cannot be hosted beside {list(_host.mains)}")
        _host.mains[key] = (name or "", main)


def hosted_services() -> list[str]:
    """The names of the services this process hosts ("" for its own-process one)."""
    with _host.lock:
        return [name for name, _ in _host.mains.values()]


def _lookup(name: str) -> tuple[str, Callable[[list[str]], object]] | None:
    """The hosted service the manager (or the debugger) runs as ``name``, if any."""
    with _host.lock:
        own = _host.mains.get("")
        if own is not None:
            return name, own[1]
        return _host.mains.get(name.lower())


def register_control_handler(
    name: str, handler: Callable[[int, int, object], object]
) -> StatusHandle:
    """Register the handler of service ``name``; return its status handle.

    Raises:
        ValueError: the process hosts no service ``name`` (:func:`host_service`), as
            pywin32's host says.
        Win32Error: ERROR_SERVICE_DOES_NOT_EXIST, outside debug mode in a process whose
            dispatcher is not running (the manager did not start the service here).
    """
    if not callable(handler):
        raise TypeError("a control handler must be callable")
    if _lookup(name) is None:
        raise ValueError("The service name is not hosted by this process")
    with _host.lock:
        if not _host.debugging and _host.on_status is None:
            raise Win32Error.from_code(
                ERROR_SERVICE_DOES_NOT_EXIST,
                f"service {name!r} is not running under the manager here (no dispatcher); "
                "debug it with servicemanager.Debugging(True) or the 'debug' command",
            )
        handle = StatusHandle(name, handler)
        _host.handles[name.lower()] = handle
    return handle


def set_service_status(handle: StatusHandle, status: ServiceStatus) -> None:
    """Report a service's status (its main's thread, or its handler's, may call it)."""
    if not isinstance(handle, StatusHandle):
        raise TypeError("not a service status handle")
    with _host.lock:
        handle.status = status
        notify = _host.on_status
    if notify is not None:
        notify(handle)


def _run_main(name: str, main: Callable[[list[str]], object], args: list[str]) -> ServiceStatus:
    """Run a service's main (its thread); the final status: stopped, with an error if it raised.

    The exception is logged as pythonservice logs it (0xC0000003, with the traceback).
    """
    _host.running = True
    try:
        main(args)
    except Exception:
        text = traceback.format_exc()
        append_event(_host.source, EVENTLOG_ERROR_TYPE, 0xC0000003, (name, "Traceback", text))
        if _host.debugging:
            print(text, file=sys.stderr, end="", flush=True)
        return _STOPPED._replace(  # pythonservice's: bit 29, an application's own code
            win32_exit_code=ERROR_SERVICE_SPECIFIC_ERROR, service_specific_exit_code=0x20000001
        )
    return _STOPPED


def _finish(name: str, final: ServiceStatus) -> None:
    """Report ``final`` for ``name`` (its main has returned) unless it reported its stop.

    A main that registered no handler gets a status handle here, so the dispatcher hears it.
    """
    with _host.lock:
        handle = _host.handles.get(name.lower())
        if handle is None:
            handle = _host.handles[name.lower()] = StatusHandle(name, _no_handler)
    if handle.status.current_state != SERVICE_STOPPED or final.win32_exit_code:
        set_service_status(handle, final)


def _no_handler(control: int, event_type: int, data: object) -> None:
    """The handler of a service whose main registered none: controls do nothing."""


def debug_service(name: str, args: Sequence[str] = ()) -> None:
    """Run hosted service ``name`` on this thread, Ctrl+C stopping it (pythonservice -debug).

    Must be called from the main thread (Ctrl+C is a signal). Prints pythonservice's lines.

    Raises:
        Win32Error: ERROR_SERVICE_DOES_NOT_EXIST, no such service is hosted.
    """
    entry = _lookup(name)
    if entry is None:
        raise Win32Error.from_code(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} hosted")
    service_name, main = entry

    def on_ctrl(event: int) -> bool:  # the console's control thread
        if event not in (CTRL_C_EVENT, CTRL_BREAK_EVENT):
            return False
        print("Stopping debug service.", flush=True)
        with _host.lock:
            handle = _host.handles.get(service_name.lower())
        if handle is not None:
            handle.handler(SERVICE_CONTROL_STOP, 0, None)
        return True

    print(f"Debugging service {service_name} - press Ctrl+C to stop.", flush=True)
    previous = set_debugging(True)
    add_ctrl_handler(on_ctrl)
    try:
        final = _run_main(service_name, main, [service_name, *args])
        _finish(service_name, final)
    finally:
        remove_ctrl_handler(on_ctrl)
        set_debugging(previous)


def start_request() -> dict[str, object] | None:
    """The manager's request to this process (which service, its args), or None."""
    text = os.environ.get(START_ENVIRONMENT)
    if not text:
        return None
    try:
        request = json.loads(text)
    except ValueError:
        return None
    return request if isinstance(request, dict) else None


def run_dispatcher() -> None:
    """Connect to the manager and run the services it asked for (StartServiceCtrlDispatcher).

    The calling thread is the dispatcher: it runs the control handlers; each service's main
    runs on a thread of its own. Returns when they have all stopped.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER, no service is hosted;
            ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, the manager did not start this process.
    """
    from ._dispatcher import dispatch  # the manager's side: sockets and the database

    with _host.lock:
        hosting = bool(_host.mains)
    if not hosting:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "no service is hosted")
    request = start_request()
    if request is None:
        raise Win32Error.from_code(
            ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
            "this process was not started by the service control manager (StartService, "
            "`python -m apartment services start NAME`); run the service with 'debug' instead",
        )
    dispatch(request, _lookup, _host_hooks())


class _Hooks(NamedTuple):
    """What the dispatcher needs of the host."""

    run_main: Callable[[str, Callable[[list[str]], object], list[str]], ServiceStatus]
    finish: Callable[[str, ServiceStatus], None]
    handle_of: Callable[[str], StatusHandle | None]
    set_listener: Callable[[Callable[[StatusHandle], None] | None], None]


def _handle_of(name: str) -> StatusHandle | None:
    with _host.lock:
        return _host.handles.get(name.lower())


def _set_listener(listener: Callable[[StatusHandle], None] | None) -> None:
    with _host.lock:
        _host.on_status = listener


def _host_hooks() -> _Hooks:
    return _Hooks(_run_main, _finish, _handle_of, _set_listener)
