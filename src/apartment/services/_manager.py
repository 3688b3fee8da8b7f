"""The service control manager, for one user: install, start, control, query and delete services.

Windows' SCM is a system process; here each caller does its part itself, over the services
database (:mod:`._database`) and the dispatcher of each running service process
(:mod:`._dispatcher`):

* :func:`start_service` marks the service START_PENDING (so a second start fails with
  ERROR_SERVICE_ALREADY_RUNNING), starts its command (:func:`service_command`) in a session
  of its own, with stdout and stderr to ``$runtime/services/{name}.log``, and waits until its
  dispatcher says it is ready (30 s, ``$APARTMENT_SERVICE_TIMEOUT``; else
  ERROR_SERVICE_REQUEST_TIMEOUT, the process killed).
* :func:`control_service` connects to the dispatcher, whose thread runs the handler, and
  returns the status after it (ERROR_SERVICE_REQUEST_TIMEOUT if it takes over 30 s).
* :func:`query_status` reads the status the service last reported; a service process that
  died without reporting SERVICE_STOPPED reads as stopped with ERROR_PROCESS_ABORTED.
* :func:`delete_service` marks the service for delete; it goes once it is stopped and the
  handles this process has open to it are closed (others' handles are not counted).

Handles (:class:`ServiceManager`, :class:`Service`) carry the rights they were opened with;
a call the rights do not allow fails with ERROR_ACCESS_DENIED.
"""

from __future__ import annotations

import json
import os
import select
import shlex
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING, NamedTuple

from .._pids import pid_exists
from .._runtime import connect, subdir
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_DUPLICATE_SERVICE_NAME,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_NAME,
    ERROR_INVALID_PARAMETER,
    ERROR_PROCESS_ABORTED,
    ERROR_SERVICE_ALREADY_RUNNING,
    ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
    ERROR_SERVICE_DISABLED,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_EXISTS,
    ERROR_SERVICE_MARKED_FOR_DELETE,
    ERROR_SERVICE_NOT_ACTIVE,
    ERROR_SERVICE_REQUEST_TIMEOUT,
    Win32Error,
)
from ._channel import receive, send
from ._constants import (
    SC_MANAGER_ALL_ACCESS,
    SC_MANAGER_CONNECT,
    SC_MANAGER_CREATE_SERVICE,
    SC_MANAGER_ENUMERATE_SERVICE,
    SC_MANAGER_LOCK,
    SC_MANAGER_MODIFY_BOOT_CONFIG,
    SC_MANAGER_QUERY_LOCK_STATUS,
    SERVICE_ACTIVE,
    SERVICE_ALL_ACCESS,
    SERVICE_CHANGE_CONFIG,
    SERVICE_CONTROL_CONTINUE,
    SERVICE_CONTROL_INTERROGATE,
    SERVICE_CONTROL_PARAMCHANGE,
    SERVICE_CONTROL_PAUSE,
    SERVICE_CONTROL_STOP,
    SERVICE_DISABLED,
    SERVICE_ENUMERATE_DEPENDENTS,
    SERVICE_INACTIVE,
    SERVICE_INTERROGATE,
    SERVICE_NO_CHANGE,
    SERVICE_PAUSE_CONTINUE,
    SERVICE_QUERY_CONFIG,
    SERVICE_QUERY_STATUS,
    SERVICE_START,
    SERVICE_START_PENDING,
    SERVICE_STOP,
    SERVICE_STOPPED,
    SERVICE_USER_DEFINED_CONTROL,
    SERVICE_WIN32,
)
from ._database import COLUMNS, ServiceRow, read_row, services_path, transaction
from ._database import connect as connect_db
from ._dispatcher import control_socket
from ._host import START_ENVIRONMENT, ServiceStatus

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = [
    "ServiceManager", "Service", "ServiceConfig", "DEFAULT_TIMEOUT",
    "open_manager", "create_service", "open_service", "delete_service", "close_handle",
    "start_service", "control_service", "query_status", "query_process_id", "query_config",
    "change_config", "set_description", "enum_services", "service_key_name",
    "service_display_name", "set_python_class", "python_class", "python_service_command",
    "service_command", "service_log_path",
]  # fmt: skip

DEFAULT_TIMEOUT = 30.0
"""Seconds StartService waits for the process to start, and ControlService for a handler."""

_LAUNCH_ERRORS: dict[type[OSError], int] = {
    FileNotFoundError: ERROR_FILE_NOT_FOUND,
    PermissionError: ERROR_ACCESS_DENIED,
}
_CONTROL_RIGHTS = {
    SERVICE_CONTROL_STOP: SERVICE_STOP,
    SERVICE_CONTROL_PAUSE: SERVICE_PAUSE_CONTINUE,
    SERVICE_CONTROL_CONTINUE: SERVICE_PAUSE_CONTINUE,
    SERVICE_CONTROL_INTERROGATE: SERVICE_INTERROGATE,
    SERVICE_CONTROL_PARAMCHANGE: SERVICE_PAUSE_CONTINUE,
    **dict.fromkeys(range(7, 11), SERVICE_PAUSE_CONTINUE),  # the NETBIND* controls
}


class ServiceManager:
    """A handle's object for the service control manager (OpenSCManager)."""

    def __init__(self, access: int) -> None:
        self.access = access
        self.closed = False

    def __repr__(self) -> str:
        return f"<ServiceManager access={self.access:#x}>"


class Service:
    """A handle's object for one service (OpenService, CreateService)."""

    def __init__(self, name: str, access: int) -> None:
        self.name = name
        self.access = access
        self.closed = False

    def __repr__(self) -> str:
        return f"<Service {self.name!r} access={self.access:#x}>"

    def close_on_last_handle(self) -> None:
        """The kernel's hook: this handle closed (a service marked for delete may go now)."""
        close_handle(self)


class ServiceConfig(NamedTuple):
    """QUERY_SERVICE_CONFIG."""

    service_type: int
    start_type: int
    error_control: int
    binary_path: str
    load_order_group: str
    tag_id: int
    dependencies: list[str]
    start_name: str
    display_name: str


class _Open:
    """The service handles this process has open, counted by service name, under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[str, int] = {}


_open = _Open()


_GENERIC_READ, _GENERIC_WRITE, _GENERIC_EXECUTE, _GENERIC_ALL = 1 << 31, 1 << 30, 1 << 29, 1 << 28
_READ_CONTROL = 0x20000
_MANAGER_GENERIC = (  # the manager's GENERIC_MAPPING (winsvc.h's rights, Microsoft's table)
    SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS | _READ_CONTROL,
    SC_MANAGER_CREATE_SERVICE | SC_MANAGER_MODIFY_BOOT_CONFIG | _READ_CONTROL,
    SC_MANAGER_CONNECT | SC_MANAGER_LOCK | _READ_CONTROL,
    SC_MANAGER_ALL_ACCESS,
)
_SERVICE_GENERIC = (  # a service's
    SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS | SERVICE_INTERROGATE
    | SERVICE_ENUMERATE_DEPENDENTS | _READ_CONTROL,
    SERVICE_CHANGE_CONFIG | _READ_CONTROL,
    SERVICE_START | SERVICE_STOP | SERVICE_PAUSE_CONTINUE | SERVICE_USER_DEFINED_CONTROL
    | _READ_CONTROL,
    SERVICE_ALL_ACCESS,
)  # fmt: skip


def _map_generic(access: int, mapping: tuple[int, int, int, int]) -> int:
    """``access`` with its GENERIC_* bits replaced by the specific rights they stand for."""
    specific = access & 0x0FFFFFFF
    for bit, rights in zip((_GENERIC_READ, _GENERIC_WRITE, _GENERIC_EXECUTE, _GENERIC_ALL),
                           mapping, strict=True):  # fmt: skip
        if access & bit:
            specific |= rights
    return specific


def _timeout() -> float:
    try:
        value = float(os.environ.get("APARTMENT_SERVICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def _fail(code: int, detail: str = "") -> Win32Error:
    return Win32Error.from_code(code, detail)


def _need(handle: ServiceManager | Service, right: int) -> None:
    if handle.closed:
        raise _fail(ERROR_INVALID_HANDLE, "the service handle is closed")
    if not handle.access & right:
        raise _fail(ERROR_ACCESS_DENIED, f"the handle was not opened with right {right:#x}")


def _track(name: str, delta: int) -> int:
    key = f"{services_path()}\0{name.lower()}"  # a service of this database
    with _open.lock:
        count = _open.counts.get(key, 0) + delta
        if count > 0:
            _open.counts[key] = count
        else:
            _open.counts.pop(key, None)
    return count


def _check_name(name: object, what: str = "service name") -> str:
    if not isinstance(name, str):
        raise TypeError(f"a {what} is a str, not {type(name).__name__}")
    if not name or "/" in name or "\\" in name or len(name) > 256:
        raise _fail(ERROR_INVALID_NAME, f"{name!r} is not a valid {what}")
    return name


def open_manager(
    machine: str | None = None, database: str | None = None, access: int = SC_MANAGER_ALL_ACCESS
) -> ServiceManager:
    """Connect to the manager of this machine (``machine`` None, '' or this one's name)."""
    if database not in (None, "", "ServicesActive"):
        raise _fail(ERROR_INVALID_NAME, f"no services database {database!r}")
    return ServiceManager(_map_generic(access, _MANAGER_GENERIC) | SC_MANAGER_CONNECT)


def close_handle(handle: ServiceManager | Service) -> None:
    """Close a handle; a service marked for delete goes when stopped and unreferenced here."""
    if handle.closed:
        raise _fail(ERROR_INVALID_HANDLE, "the service handle is already closed")
    handle.closed = True
    if isinstance(handle, Service) and _track(handle.name, -1) == 0:
        with transaction() as db:
            db.execute(
                "DELETE FROM services WHERE name_key = ? AND deleted AND state = ?",
                (handle.name.lower(), SERVICE_STOPPED),
            )


def create_service(
    manager: ServiceManager,
    name: str,
    display_name: str | None,
    access: int,
    service_type: int,
    start_type: int,
    error_control: int,
    binary_path: str,
    load_order_group: str | None = None,
    dependencies: Sequence[str] | None = None,
    start_name: str | None = None,
) -> Service:
    """Install a service (CreateService) and return a handle to it.

    Raises:
        Win32Error: ERROR_SERVICE_EXISTS, ERROR_SERVICE_MARKED_FOR_DELETE (a service of that
            name waits to go), ERROR_DUPLICATE_SERVICE_NAME (the display name is another's),
            ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER (a bad type, start or path).
    """
    _need(manager, SC_MANAGER_CREATE_SERVICE)
    _check_name(name)
    display = display_name or name
    if not service_type & (SERVICE_WIN32 | 0x3) or start_type not in range(5):
        raise _fail(ERROR_INVALID_PARAMETER, "a bad service type or start type")
    if error_control not in range(4) or not binary_path:
        raise _fail(ERROR_INVALID_PARAMETER, "a bad error control or an empty binary path")
    with transaction() as db:
        row = read_row(db, name)
        if row is not None:
            code = ERROR_SERVICE_MARKED_FOR_DELETE if row.deleted else ERROR_SERVICE_EXISTS
            raise _fail(code, f"service {row.name!r}")
        clash = db.execute(
            "SELECT name FROM services WHERE lower(display_name) = ? OR name_key = ?",
            (display.lower(), display.lower()),
        ).fetchone()
        if clash is not None:
            raise _fail(ERROR_DUPLICATE_SERVICE_NAME, f"{display!r} names {clash[0]!r}")
        db.execute(
            "INSERT INTO services (name_key, name, display_name, service_type, start_type, "
            "error_control, binary_path, load_order_group, dependencies, start_name) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name.lower(), name, display, service_type, start_type, error_control,
             binary_path, load_order_group or "", "\n".join(dependencies or ()),
             start_name or "LocalSystem"),
        )  # fmt: skip
    _track(name, 1)
    return Service(name, _map_generic(access, _SERVICE_GENERIC))


def open_service(manager: ServiceManager, name: str, access: int) -> Service:
    """Open a handle to service ``name`` (any case).

    Raises:
        Win32Error: ERROR_SERVICE_DOES_NOT_EXIST; ERROR_INVALID_NAME.
    """
    if manager.closed:
        raise _fail(ERROR_INVALID_HANDLE, "the manager handle is closed")
    _check_name(name)
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    _track(row.name, 1)
    return Service(row.name, _map_generic(access, _SERVICE_GENERIC))


def _row(service: Service) -> ServiceRow:
    with connect_db() as db:
        row = read_row(db, service.name)
    if row is None:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
    return row


def delete_service(service: Service) -> None:
    """Mark the service for delete (DeleteService).

    Raises:
        Win32Error: ERROR_SERVICE_MARKED_FOR_DELETE, it is already.
    """
    _need(service, 0x10000)  # DELETE
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise _fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        db.execute("UPDATE services SET deleted = 1 WHERE name_key = ?", (row.name.lower(),))


def _status_of(row: ServiceRow) -> ServiceStatus:
    """The row's status; a process gone without reporting its stop reads as aborted."""
    status = ServiceStatus(row.service_type & 0xFF, *row[12:18])
    if row.state != SERVICE_STOPPED and row.pid and not pid_exists(row.pid):
        with transaction() as db:
            db.execute(
                "UPDATE services SET state = ?, accepted = 0, exit_code = ?, check_point = 0, "
                "wait_hint = 0, pid = 0 WHERE name_key = ? AND pid = ?",
                (SERVICE_STOPPED, ERROR_PROCESS_ABORTED, row.name.lower(), row.pid),
            )
            db.execute("DELETE FROM services WHERE name_key = ? AND deleted", (row.name.lower(),))
        return ServiceStatus(status.service_type, SERVICE_STOPPED, 0, ERROR_PROCESS_ABORTED,
                             0, 0, 0)  # fmt: skip
    return status


def query_status(service: Service) -> ServiceStatus:
    """The service's status (QueryServiceStatus)."""
    _need(service, SERVICE_QUERY_STATUS)
    return _status_of(_row(service))


def query_process_id(service: Service) -> int:
    """The id of the service's process; 0 when it is stopped."""
    _need(service, SERVICE_QUERY_STATUS)
    row = _row(service)
    return 0 if _status_of(row).current_state == SERVICE_STOPPED else row.pid


def query_config(service: Service) -> ServiceConfig:
    """The service's configuration (QueryServiceConfig)."""
    _need(service, SERVICE_QUERY_CONFIG)
    row = _row(service)
    dependencies = row.dependencies.split("\n") if row.dependencies else []
    return ServiceConfig(row.service_type, row.start_type, row.error_control, row.binary_path,
                         row.load_order_group, 0, dependencies, row.start_name,
                         row.display_name)  # fmt: skip


def change_config(
    service: Service,
    service_type: int = SERVICE_NO_CHANGE,
    start_type: int = SERVICE_NO_CHANGE,
    error_control: int = SERVICE_NO_CHANGE,
    binary_path: str | None = None,
    load_order_group: str | None = None,
    dependencies: Sequence[str] | None = None,
    start_name: str | None = None,
    display_name: str | None = None,
) -> None:
    """Change what is given (SERVICE_NO_CHANGE or None: leave it) (ChangeServiceConfig)."""
    _need(service, SERVICE_CHANGE_CONFIG)
    changes: dict[str, object] = {}
    for column, value in (("service_type", service_type), ("start_type", start_type),
                          ("error_control", error_control)):  # fmt: skip
        if value not in (SERVICE_NO_CHANGE, 0xFFFFFFFF):
            changes[column] = value
    for column, text in (("binary_path", binary_path), ("load_order_group", load_order_group),
                         ("start_name", start_name), ("display_name", display_name)):  # fmt: skip
        if text is not None:
            changes[column] = text
    if dependencies is not None:
        changes["dependencies"] = "\n".join(dependencies)
    if "start_type" in changes and changes["start_type"] not in range(5):
        raise _fail(ERROR_INVALID_PARAMETER, "a bad start type")
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise _fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        for column, new in changes.items():
            db.execute(f"UPDATE services SET {column} = ? WHERE name_key = ?",
                       (new, row.name.lower()))  # fmt: skip


def set_description(service: Service, description: str | None) -> None:
    """Set (or, with None, clear) the service's description (ChangeServiceConfig2)."""
    _need(service, SERVICE_CHANGE_CONFIG)
    with transaction() as db:
        db.execute("UPDATE services SET description = ? WHERE name_key = ?",
                   (description, service.name.lower()))  # fmt: skip


def description(service: Service) -> str | None:
    """The service's description."""
    _need(service, SERVICE_QUERY_CONFIG)
    return _row(service).description


def set_python_class(name: str, class_string: str | None) -> None:
    """Record the Python class pythonservice runs for ``name`` (pywin32's PythonClass value)."""
    with transaction() as db:
        updated = db.execute("UPDATE services SET python_class = ? WHERE name_key = ?",
                             (class_string, name.lower())).rowcount  # fmt: skip
    if not updated:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")


def python_class(name: str) -> str | None:
    """The Python class recorded for ``name``: None if none (no such service: 1060)."""
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    return row.python_class


def enum_services(
    manager: ServiceManager, service_type: int = SERVICE_WIN32, state: int = 3
) -> list[tuple[str, str, ServiceStatus]]:
    """(name, display name, status) of the services of ``service_type`` in ``state``."""
    _need(manager, SC_MANAGER_ENUMERATE_SERVICE)
    if state not in (SERVICE_ACTIVE, SERVICE_INACTIVE, 3):
        raise _fail(ERROR_INVALID_PARAMETER, "the state is SERVICE_ACTIVE, _INACTIVE or _ALL")
    with connect_db() as db:
        rows = [
            ServiceRow(*r) for r in db.execute(f"SELECT {COLUMNS} FROM services ORDER BY name_key")
        ]
    found = []
    for row in rows:
        if not row.service_type & service_type:
            continue
        status = _status_of(row)
        active = status.current_state != SERVICE_STOPPED
        if (state == SERVICE_ACTIVE and not active) or (state == SERVICE_INACTIVE and active):
            continue
        found.append((row.name, row.display_name, status))
    return found


def service_key_name(manager: ServiceManager, display_name: str) -> str:
    """The name of the service whose display name is ``display_name`` (GetServiceKeyName)."""
    with connect_db() as db:
        row = db.execute("SELECT name FROM services WHERE lower(display_name) = ?",
                         (display_name.lower(),)).fetchone()  # fmt: skip
    if row is None:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service is shown as {display_name!r}")
    return str(row[0])


def service_display_name(manager: ServiceManager, name: str) -> str:
    """The display name of service ``name`` (GetServiceDisplayName)."""
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    return row.display_name


def python_service_command() -> str:
    """The binary path of a pywin32 service (pythonservice.exe's stand-in)."""
    return shlex.join([sys.executable, "-m", "apartment", "pythonservice"])


def service_command(binary_path: str) -> list[str]:
    """The command that starts a service whose binary path is ``binary_path``.

    A Python interpreter running a script runs it on the facade (``python -m apartment run``).
    """
    argv = shlex.split(binary_path)
    if not argv:
        raise _fail(ERROR_INVALID_PARAMETER, "the service has an empty binary path")
    program = os.path.basename(argv[0]).lower()
    if program.startswith("python") and len(argv) > 1 and argv[1].endswith((".py", ".pyw")):
        return [sys.executable, "-m", "apartment", "run", *argv[1:]]
    return argv


def service_log_path(name: str) -> Path:
    """Where a service process's stdout and stderr go: ``$runtime/services/{name}.log``."""
    return subdir("services") / f"{name.lower()}.log"


def start_service(service: Service, args: Sequence[str] | None = None) -> None:
    """Start the service's process and wait until its dispatcher is ready (StartService).

    Raises:
        Win32Error: ERROR_SERVICE_ALREADY_RUNNING, ERROR_SERVICE_DISABLED,
            ERROR_SERVICE_MARKED_FOR_DELETE, ERROR_SERVICE_REQUEST_TIMEOUT (the process did
            not reach StartServiceCtrlDispatcher in time, or ended first).
    """
    _need(service, SERVICE_START)
    arguments = [str(arg) for arg in args or ()]
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise _fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise _fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        if row.start_type == SERVICE_DISABLED:
            raise _fail(ERROR_SERVICE_DISABLED, f"service {row.name!r} is disabled")
        if row.state != SERVICE_STOPPED and row.pid and pid_exists(row.pid):
            raise _fail(ERROR_SERVICE_ALREADY_RUNNING, f"service {row.name!r}")
        db.execute(
            "UPDATE services SET state = ?, accepted = 0, exit_code = 0, specific_code = 0, "
            "check_point = 0, wait_hint = 2000, pid = ? WHERE name_key = ?",
            (SERVICE_START_PENDING, os.getpid(), row.name.lower()),
        )
    try:
        _launch(row, arguments)
    except BaseException:
        with transaction() as db:
            db.execute("UPDATE services SET state = ?, pid = 0 WHERE name_key = ? AND pid = ?",
                       (SERVICE_STOPPED, row.name.lower(), os.getpid()))  # fmt: skip
        raise


def _launch(row: ServiceRow, args: list[str]) -> None:
    read_end, write_end = os.pipe()
    request = {"name": row.name, "args": args, "ready_fd": write_end}
    log = service_log_path(row.name)
    try:
        with open(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab") as output:
            try:
                popen = subprocess.Popen(
                    service_command(row.binary_path),
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=output,
                    pass_fds=(write_end,),
                    env={**os.environ, START_ENVIRONMENT: json.dumps(request)},
                    start_new_session=True,
                )
            except OSError as exc:  # the SCM's CreateProcess failed: its error
                code = _LAUNCH_ERRORS.get(type(exc), ERROR_SERVICE_REQUEST_TIMEOUT)
                raise _fail(code, f"cannot start {row.name!r}: {exc}") from None
    finally:
        os.close(write_end)
    with transaction() as db:
        db.execute("UPDATE services SET pid = ? WHERE name_key = ?",
                   (popen.pid, row.name.lower()))  # fmt: skip
    try:
        answer = _wait_line(read_end, time.monotonic() + _timeout())
    finally:
        os.close(read_end)
    if answer.startswith("ready"):
        threading.Thread(target=popen.wait, name="apartment-reaper-service", daemon=True).start()
        return
    if answer == "":
        popen.kill()
    popen.wait()
    why = "did not reach StartServiceCtrlDispatcher" if answer in ("", "eof") else answer
    raise _fail(ERROR_SERVICE_REQUEST_TIMEOUT,
                f"the process of service {row.name!r} {why} (its output: {log})")  # fmt: skip


def _wait_line(fd: int, deadline: float) -> str:
    """The first line the service process writes: ''  at the deadline, 'eof' if it closed."""
    data = b""
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return ""
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return ""
        chunk = os.read(fd, 256)
        if not chunk:
            return "eof"
        data += chunk
    return data.decode(errors="replace").strip()


def control_service(service: Service, control: int) -> ServiceStatus:
    """Send ``control`` to the service; its status after the handler ran (ControlService).

    Raises:
        Win32Error: ERROR_SERVICE_NOT_ACTIVE, ERROR_INVALID_SERVICE_CONTROL (it does not
            accept that control), ERROR_SERVICE_CANNOT_ACCEPT_CTRL (it is starting or
            stopping), ERROR_SERVICE_REQUEST_TIMEOUT, ERROR_INVALID_PARAMETER (SHUTDOWN and
            other controls only the system sends), ERROR_ACCESS_DENIED.
    """
    right = _CONTROL_RIGHTS.get(control)
    if right is None:
        if not 128 <= control <= 255:
            if service.closed:
                raise _fail(ERROR_INVALID_HANDLE, "the service handle is closed")
            raise _fail(ERROR_INVALID_PARAMETER, f"control {control} is the system's to send")
        right = SERVICE_USER_DEFINED_CONTROL
    _need(service, right)
    row = _row(service)
    status = _status_of(row)
    if status.current_state == SERVICE_STOPPED or not row.pid:
        raise _fail(ERROR_SERVICE_NOT_ACTIVE, f"service {row.name!r} is not running")
    try:
        sock, _ = connect(control_socket(row.pid))
    except OSError:
        raise _fail(ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
                    f"service {row.name!r} has no dispatcher (yet)") from None  # fmt: skip
    with sock:
        sock.settimeout(_timeout())
        try:
            send(sock, {"control": control, "event_type": 0, "data": None})
            reply = receive(sock)
        except TimeoutError:
            raise _fail(ERROR_SERVICE_REQUEST_TIMEOUT, f"service {row.name!r}") from None
        except OSError:
            reply = {}
    if "status" not in reply and "error" not in reply:
        raise _fail(ERROR_SERVICE_REQUEST_TIMEOUT, f"service {row.name!r} did not answer")
    error = reply.get("error")
    if isinstance(error, int):
        raise _fail(error, f"service {row.name!r}")
    numbers = reply["status"]
    assert isinstance(numbers, list)
    return ServiceStatus(*(int(n) for n in numbers))
