"""Terminal services (wtsapi32): the one session of the user, as a desktop's console session.

Windows runs each logged-on user in a *session*; Remote Desktop adds more. Here every process
of the user shares one session, :data:`SESSION_ID` (the kernel's: ``ProcessIdToSessionId``),
the console's (``Console``, active, not remote), on the local server alone. What a program can
ask about it is answered; what would end or leave it (log off, disconnect, shut down) is
refused as to a user without the right (``docs/differences-from-windows.md``). Messages sent to
it are message boxes (:func:`apartment.messages.message_box`): written to stderr and answered
with their default button.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from .. import kernel, messages
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    RPC_S_SERVER_UNAVAILABLE,
    Win32Error,
)

__all__ = [
    "SESSION_ID",
    "CONSOLE_STATION",
    "SessionState",
    "Session",
    "SessionProcess",
    "sessions",
    "check_session",
    "check_server",
    "session_processes",
    "send_session_message",
    "end_session",
    "terminate_session_process",
    "process_session",
    "SessionInfo",
    "session_info",
    "IDASYNC",
    "IDTIMEOUT",
]

SESSION_ID = kernel.session_id(os.getpid())
"""The user's session: every process of the user is in it."""

CONSOLE_STATION = "Console"
"""The session's window station name, a console session's."""

IDTIMEOUT = 32000
"""WTSSendMessage's answer when the box timed out."""
IDASYNC = 32001
"""WTSSendMessage's answer when the caller did not wait for one."""


class SessionState:
    """WTS_CONNECTSTATE_CLASS: a session's state (the user's is always ACTIVE)."""

    ACTIVE = 0
    CONNECTED = 1
    CONNECT_QUERY = 2
    SHADOW = 3
    DISCONNECTED = 4
    IDLE = 5
    LISTEN = 6
    RESET = 7
    DOWN = 8
    INIT = 9


class Session(NamedTuple):
    """A session, as WTSEnumerateSessions lists it."""

    session_id: int
    station_name: str
    state: int


class SessionProcess(NamedTuple):
    """A process of the session, as WTSEnumerateProcesses lists it."""

    session_id: int
    pid: int
    name: str
    user_sid: str


class SessionInfo(NamedTuple):
    """What WTSQuerySessionInformation tells of a session: a local console's client is none."""

    session_id: int
    user_name: str
    domain_name: str
    station_name: str
    state: int
    remote: bool = False
    client_name: str = ""
    client_build_number: int = 0
    client_protocol_type: int = 0  # WTS_PROTOCOL_TYPE_CONSOLE
    initial_program: str = ""
    working_directory: str = ""


def session_info(session_id: int) -> SessionInfo:
    """Return what is known of session ``session_id`` (-1: the caller's).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, no such session.
    """
    return SessionInfo(
        session_id=check_session(session_id),
        user_name=kernel.user_name(),
        domain_name=kernel.computer_name(),
        station_name=CONSOLE_STATION,
        state=SessionState.ACTIVE,
    )


def sessions() -> list[Session]:
    """Return the sessions of the local server: the user's, active on the console."""
    return [Session(SESSION_ID, CONSOLE_STATION, SessionState.ACTIVE)]


def check_session(session_id: int) -> int:
    """Return the session ``session_id`` names (-1, WTS_CURRENT_SESSION: the caller's).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, no such session.
    """
    if session_id in (-1, 0xFFFFFFFF, SESSION_ID):
        return SESSION_ID
    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"there is no session {session_id}")


def process_session(pid: int) -> int:
    """Return the session of process ``pid`` (ProcessIdToSessionId): the user's.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER, no process ``pid`` runs.
    """
    if pid != os.getpid() and not os.path.exists(f"/proc/{pid}"):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no process with id {pid} is running")
    return kernel.session_id(pid)


def check_server(server: str | None) -> None:
    """A server's name must be the local computer's (or None, empty: the local server).

    Raises:
        Win32Error: RPC_S_SERVER_UNAVAILABLE for another computer: none is reached here.
    """
    if server and server.lstrip("\\").upper() not in (kernel.computer_name().upper(), "."):
        raise Win32Error.from_code(RPC_S_SERVER_UNAVAILABLE, f"{server} is not reached here")


def _process_name(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as comm:
            return comm.read().rstrip("\n")
    except OSError:
        return None  # gone since it was listed


def session_processes() -> list[SessionProcess]:
    """Return the processes of the user's session: the user's running processes."""
    sid = kernel.current_user_sid()
    found: list[SessionProcess] = []
    for pid in kernel.process_ids():
        name = _process_name(pid)
        if name is not None:
            found.append(SessionProcess(SESSION_ID, pid, name, sid))
    return found


def send_session_message(
    session_id: int, title: str, message: str, style: int, *, timeout: float, wait: bool
) -> int:
    """Show a message box in a session (WTSSendMessage) and return its answer.

    The box is :func:`apartment.messages.message_box`'s, run on the calling thread; the
    answer is its button (IDOK ...), or :data:`IDASYNC` when the caller does not wait.
    ``timeout`` (seconds, 0 for none) is not reached: the box is answered at once.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for another session; ERROR_INVALID_PARAMETER for
            an unknown MB_ button set.
    """
    check_session(session_id)
    if timeout < 0:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a timeout is not negative")
    answer = messages.message_box(0, message, title, style)
    return answer if wait else IDASYNC


def end_session(session_id: int, action: str) -> None:
    """Log off or disconnect a session: refused (ERROR_ACCESS_DENIED).

    The user's session is the Linux login itself, which is not the library's to end.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for an unknown session, else ERROR_ACCESS_DENIED.
    """
    check_session(session_id)
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"the session is not {action} here")


_PROCESS_TERMINATE = 0x0001


def terminate_session_process(pid: int, exit_code: int) -> None:
    """End process ``pid`` of the session with ``exit_code`` (WTSTerminateProcess).

    Raises:
        InvalidParameterError: no such process of the user.
    """
    value = kernel.handles.open_process(pid, _PROCESS_TERMINATE)
    try:
        kernel.handles.get_typed(value, kernel.ProcessHandle).terminate(exit_code)
    finally:
        kernel.handles.close(value)
