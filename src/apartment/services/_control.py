"""Starting a service and sending it controls: the manager's side of a service's process.

* :func:`start_service` marks the service START_PENDING (so a second start fails with
  ERROR_SERVICE_ALREADY_RUNNING), starts its command (:func:`service_command`) in a session
  of its own, with stdout and stderr to ``$runtime/services/{name}.log``, and waits until its
  dispatcher says it is ready (30 s, ``$APARTMENT_SERVICE_TIMEOUT``; else
  ERROR_SERVICE_REQUEST_TIMEOUT, the process killed).
* :func:`control_service` connects to the dispatcher (:mod:`._dispatcher`), whose thread runs
  the handler, and returns the status after it (ERROR_SERVICE_REQUEST_TIMEOUT past 30 s).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

from .._pids import pid_exists
from .._runtime import connect, subdir
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_SERVICE_ALREADY_RUNNING,
    ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
    ERROR_SERVICE_DISABLED,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_MARKED_FOR_DELETE,
    ERROR_SERVICE_NOT_ACTIVE,
    ERROR_SERVICE_REQUEST_TIMEOUT,
)
from ..kernel import join_command_line, split_command_line
from ._channel import receive, send
from ._constants import (
    SERVICE_CONTROL_CONTINUE,
    SERVICE_CONTROL_INTERROGATE,
    SERVICE_CONTROL_PARAMCHANGE,
    SERVICE_CONTROL_PAUSE,
    SERVICE_CONTROL_STOP,
    SERVICE_DISABLED,
    SERVICE_INTERROGATE,
    SERVICE_PAUSE_CONTINUE,
    SERVICE_START,
    SERVICE_START_PENDING,
    SERVICE_STOP,
    SERVICE_STOPPED,
    SERVICE_USER_DEFINED_CONTROL,
)
from ._database import ServiceRow, read_row, transaction
from ._dispatcher import control_socket
from ._host import START_ENVIRONMENT, ServiceStatus
from ._manager import Service, fail, need, row_of, status_of

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = [
    "DEFAULT_TIMEOUT", "python_service_command", "service_command", "service_log_path",
    "start_service", "control_service",
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


def _timeout() -> float:
    try:
        value = float(os.environ.get("APARTMENT_SERVICE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value > 0 else DEFAULT_TIMEOUT


def python_service_command() -> str:
    """The binary path of a pywin32 service (pythonservice.exe's stand-in)."""
    return join_command_line([sys.executable, "-m", "apartment", "pythonservice"])


def service_command(binary_path: str) -> list[str]:
    """The command that starts a service whose binary path is ``binary_path``.

    A Python interpreter running a script runs it on the facade (``python -m apartment run``).
    """
    argv = split_command_line(binary_path)
    if not argv:
        raise fail(ERROR_INVALID_PARAMETER, "the service has an empty binary path")
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
    need(service, SERVICE_START)
    arguments = [str(arg) for arg in args or ()]
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        if row.start_type == SERVICE_DISABLED:
            raise fail(ERROR_SERVICE_DISABLED, f"service {row.name!r} is disabled")
        if row.state != SERVICE_STOPPED and row.pid and pid_exists(row.pid):
            raise fail(ERROR_SERVICE_ALREADY_RUNNING, f"service {row.name!r}")
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
                raise fail(code, f"cannot start {row.name!r}: {exc}") from None
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
    raise fail(ERROR_SERVICE_REQUEST_TIMEOUT,
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
                raise fail(ERROR_INVALID_HANDLE, "the service handle is closed")
            raise fail(ERROR_INVALID_PARAMETER, f"control {control} is the system's to send")
        right = SERVICE_USER_DEFINED_CONTROL
    need(service, right)
    row = row_of(service)
    status = status_of(row)
    if status.current_state == SERVICE_STOPPED or not row.pid:
        raise fail(ERROR_SERVICE_NOT_ACTIVE, f"service {row.name!r} is not running")
    try:
        sock, _ = connect(control_socket(row.pid))
    except OSError:
        raise fail(ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
                    f"service {row.name!r} has no dispatcher (yet)") from None  # fmt: skip
    with sock:
        sock.settimeout(_timeout())
        try:
            send(sock, {"control": control, "event_type": 0, "data": None})
            reply = receive(sock)
        except TimeoutError:
            raise fail(ERROR_SERVICE_REQUEST_TIMEOUT, f"service {row.name!r}") from None
        except OSError:
            reply = {}
    if "status" not in reply and "error" not in reply:
        raise fail(ERROR_SERVICE_REQUEST_TIMEOUT, f"service {row.name!r} did not answer")
    error = reply.get("error")
    if isinstance(error, int):
        raise fail(error, f"service {row.name!r}")
    numbers = reply["status"]
    assert isinstance(numbers, list)
    return ServiceStatus(*(int(n) for n in numbers))
