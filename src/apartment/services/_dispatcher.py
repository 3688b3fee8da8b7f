"""The dispatcher: a service process's end of the manager (StartServiceCtrlDispatcher's loop).

The manager starts the process with the request in ``$APARTMENT_SERVICE_START`` (the service's
name, its arguments, a pipe to say it is ready on). The dispatcher listens on a Unix socket
``$runtime/services/{pid}.sock``, runs the service's main on a thread of its own, says
``ready`` and then, on the calling thread, answers one control at a time (see
:mod:`._channel`): the handler runs here, on the dispatcher's thread, as on Windows. Every
status the service reports goes to the database, where the manager reads it; the loop ends
when the service has reported SERVICE_STOPPED.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import traceback
from typing import TYPE_CHECKING

from .._runtime import listen, subdir
from ..errors import (
    ERROR_INVALID_SERVICE_CONTROL,
    ERROR_SERVICE_CANNOT_ACCEPT_CTRL,
    ERROR_SERVICE_NOT_ACTIVE,
)
from ._channel import receive, send
from ._constants import (
    SERVICE_ACCEPT_PARAMCHANGE,
    SERVICE_ACCEPT_PAUSE_CONTINUE,
    SERVICE_ACCEPT_PRESHUTDOWN,
    SERVICE_ACCEPT_SHUTDOWN,
    SERVICE_ACCEPT_STOP,
    SERVICE_CONTINUE_PENDING,
    SERVICE_CONTROL_CONTINUE,
    SERVICE_CONTROL_INTERROGATE,
    SERVICE_CONTROL_PARAMCHANGE,
    SERVICE_CONTROL_PAUSE,
    SERVICE_CONTROL_PRESHUTDOWN,
    SERVICE_CONTROL_SHUTDOWN,
    SERVICE_CONTROL_STOP,
    SERVICE_PAUSE_PENDING,
    SERVICE_START_PENDING,
    SERVICE_STOP_PENDING,
    SERVICE_STOPPED,
)
from ._database import transaction
from ._eventlog import EVENTLOG_ERROR_TYPE, append_event

if TYPE_CHECKING:
    import socket
    from collections.abc import Callable
    from pathlib import Path

    from ._host import ServiceStatus, StatusHandle, _Hooks

__all__ = ["dispatch", "control_socket", "accepts"]

_PENDING = (SERVICE_START_PENDING, SERVICE_STOP_PENDING, SERVICE_PAUSE_PENDING,
            SERVICE_CONTINUE_PENDING)  # fmt: skip
_NEEDS = {
    SERVICE_CONTROL_STOP: SERVICE_ACCEPT_STOP,
    SERVICE_CONTROL_PAUSE: SERVICE_ACCEPT_PAUSE_CONTINUE,
    SERVICE_CONTROL_CONTINUE: SERVICE_ACCEPT_PAUSE_CONTINUE,
    SERVICE_CONTROL_SHUTDOWN: SERVICE_ACCEPT_SHUTDOWN,
    SERVICE_CONTROL_PARAMCHANGE: SERVICE_ACCEPT_PARAMCHANGE,
    SERVICE_CONTROL_PRESHUTDOWN: SERVICE_ACCEPT_PRESHUTDOWN,
}
_REQUEST_TIMEOUT = 5.0  # a client that connects and says nothing is dropped after this


def control_socket(pid: int) -> Path:
    """The socket the dispatcher of service process ``pid`` listens on."""
    return subdir("services") / f"{pid}.sock"


def accepts(status: ServiceStatus, control: int) -> int:
    """0 if a service in ``status`` takes ``control`` now, else the error ControlService gives."""
    state = status.current_state
    if state == SERVICE_STOPPED:
        return ERROR_SERVICE_NOT_ACTIVE
    if control == SERVICE_CONTROL_INTERROGATE or 128 <= control <= 255:
        return ERROR_SERVICE_CANNOT_ACCEPT_CTRL if state in _PENDING else 0
    needed = _NEEDS.get(control)
    if needed is None or not status.controls_accepted & needed:
        return ERROR_INVALID_SERVICE_CONTROL
    if state in _PENDING:
        return ERROR_SERVICE_CANNOT_ACCEPT_CTRL
    return 0


def _record(name: str, status: ServiceStatus, pid: int) -> None:
    """Write the status the service reported to the database (a deleted one goes at STOP)."""
    stopped = status.current_state == SERVICE_STOPPED
    with transaction() as db:
        db.execute(
            "UPDATE services SET state = ?, accepted = ?, exit_code = ?, specific_code = ?, "
            "check_point = ?, wait_hint = ?, pid = ? WHERE name_key = ?",
            (*status[1:], 0 if stopped else pid, name.lower()),
        )
        if stopped:
            db.execute("DELETE FROM services WHERE name_key = ? AND deleted", (name.lower(),))


def dispatch(
    request: dict[str, object],
    lookup: Callable[[str], tuple[str, Callable[[list[str]], object]] | None],
    hooks: _Hooks,
) -> None:
    """Run the service the manager asked for, answering its controls on this thread."""
    requested = str(request.get("name", ""))
    raw_args = request.get("args") or []
    args = [str(arg) for arg in raw_args] if isinstance(raw_args, list) else []
    ready_fd = request.get("ready_fd")
    entry = lookup(requested)
    if entry is None:
        append_event(requested, EVENTLOG_ERROR_TYPE, 0xC0000006, (requested,))
        _say(ready_fd, f"not-hosted {requested}")
        return
    name, main = entry
    pid = os.getpid()
    path = control_socket(pid)
    server = listen(path)
    wake_read, wake_write = os.pipe()
    stopped = threading.Event()

    def on_status(handle: StatusHandle) -> None:  # any thread that reports a status
        if handle.name.lower() != name.lower():
            return
        _record(name, handle.status, pid)
        if handle.status.current_state == SERVICE_STOPPED and not stopped.is_set():
            stopped.set()
            os.write(wake_write, b"x")

    hooks.set_listener(on_status)
    thread = threading.Thread(
        target=lambda: hooks.finish(name, hooks.run_main(name, main, [name, *args])),
        name=f"apartment-service-{name}",
        daemon=True,  # the process ends when the dispatcher returns, as on Windows
    )
    try:
        thread.start()
        _say(ready_fd, f"ready {pid}")
        while not stopped.is_set():
            readable, _, _ = select.select([server.fileno(), wake_read], [], [])
            if server.fileno() in readable:
                with contextlib.suppress(OSError):
                    conn, _ = server.accept()
                    with conn:
                        _answer(conn, name, hooks)
    finally:
        hooks.set_listener(None)
        server.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        os.close(wake_read)
        os.close(wake_write)


def _say(fd: object, line: str) -> None:
    if isinstance(fd, int):
        with contextlib.suppress(OSError):
            os.write(fd, line.encode() + b"\n")
            os.close(fd)


def _answer(conn: socket.socket, name: str, hooks: _Hooks) -> None:
    """Answer one request: run the handler for a control, reply with the status after it."""
    conn.settimeout(_REQUEST_TIMEOUT)
    message = receive(conn)
    control = message.get("control")
    handle = hooks.handle_of(name)
    if not isinstance(control, int) or handle is None:
        send(conn, {"error": ERROR_SERVICE_CANNOT_ACCEPT_CTRL})
        return
    error = accepts(handle.status, control)
    if error:
        send(conn, {"error": error, "status": list(handle.status)})
        return
    try:
        event_type = message.get("event_type")
        handle.handler(
            control, event_type if isinstance(event_type, int) else 0, message.get("data")
        )
    except Exception:
        text = traceback.format_exc()
        append_event(name, EVENTLOG_ERROR_TYPE, 0xC000000B, (name, "Traceback", text))
    send(conn, {"status": list(handle.status)})
