"""Activating a class in a local server: find the server that serves it, or start one.

CoCreateInstance with CLSCTX_LOCAL_SERVER asks the service control manager; here the
client does its part itself, holding the class's lock file (:mod:`._places`) so that two
clients activating at once find or start one server between them:

1. the class's record names a server: connect (one connection per server and client
   process, kept while it is open) and ask it to create an instance;
2. no record, or nobody listens there any more, or the server no longer serves the class (a
   single-use one was taken): start ``python -m apartment serve {CLSID} -Embedding`` (the
   class's LocalServer32 command, run by this interpreter) in a session of its own, and
   wait until it says, on a pipe, that it registered the class; then ask it as in 1.

A server that exits first, or does not register the class within the start timeout (30 s,
``$APARTMENT_SERVER_TIMEOUT`` or :func:`set_server_start_timeout`), or does not create the
object in that time, gives CO_E_SERVER_EXEC_FAILURE with what it wrote to stderr.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork
from .._runtime import connect, lock_file, unlock_file
from ..errors import (
    ERROR_FILE_NOT_FOUND,
    REGDB_E_CLASSNOTREG,
    CallTimeoutError,
    ComError,
    ServerExecError,
    hresult_from_win32,
)
from ._callctl import call_timeout
from ._places import advertised, class_lock, logs_dir, server_socket, withdraw
from ._pointer import InterfacePointer
from ._remote import Connection, open_connection

if TYPE_CHECKING:
    from pathlib import Path

    from ._apartment import Apartment
    from ._class_entry import ClassEntry

__all__ = [
    "DEFAULT_START_TIMEOUT",
    "activate_local",
    "connection_to",
    "local_server_command",
    "server_start_timeout",
    "set_server_start_timeout",
]

DEFAULT_START_TIMEOUT = 30.0
"""Seconds a client waits for a local server to start and register its class (Wine's 30)."""


class _Clients:
    """This process's connections to servers, by server pid, under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.by_pid: dict[int, Connection] = {}
        self.timeout: float | None = None


_clients = _Clients()


def server_start_timeout() -> float:
    """Seconds a client waits for a local server to start and create the object."""
    timeout = _clients.timeout
    if timeout is not None:
        return timeout
    try:
        value = float(os.environ.get("APARTMENT_SERVER_TIMEOUT", DEFAULT_START_TIMEOUT))
    except ValueError:
        return DEFAULT_START_TIMEOUT
    return value if value > 0 else DEFAULT_START_TIMEOUT


def set_server_start_timeout(seconds: float | None) -> float | None:
    """Set the start timeout (None: ``$APARTMENT_SERVER_TIMEOUT`` or 30 s); return the old."""
    if seconds is not None and (isinstance(seconds, bool) or not seconds > 0):
        raise ValueError(f"a start timeout is a number of seconds > 0, not {seconds!r}")
    with _clients.lock:
        previous, _clients.timeout = _clients.timeout, seconds
    return previous


def local_server_command(clsid: str) -> list[str]:
    """The command that starts a local server for ``clsid`` (its LocalServer32 value)."""
    return [sys.executable, "-m", "apartment", "serve", clsid, "-Embedding"]


class _NotServedError(Exception):
    """The server a record names does not serve the class (any more)."""


def activate_local(entry: ClassEntry, creator: Apartment) -> InterfacePointer:
    """Create ``entry``'s class in a local server; return a pointer valid in ``creator``.

    Raises:
        ServerExecError: no server could be started, or it did not register the class or
            create the object in time (CO_E_SERVER_EXEC_FAILURE).
        ComError: the server's own error creating the object (its class does not import...).
    """
    clsid = entry.clsid
    timeout = server_start_timeout()
    lock = lock_file(class_lock(clsid), timeout)
    if lock is None:
        raise ServerExecError(
            f"another client has been starting the local server for {_name(entry)} for "
            f"{timeout} s; it may hang (`python -m apartment servers` lists the servers)"
        )
    # From now: the time another client took to start the server it shares is not ours.
    deadline = time.monotonic() + timeout
    try:
        for _ in range(3):  # a record gone stale between two looks: start afresh
            conn = _running(clsid) or _start(entry, deadline)
            try:
                return _create(conn, entry, creator, deadline)
            except _NotServedError:
                withdraw(clsid, conn.peer_pid)
        raise ServerExecError(f"no local server would serve {_name(entry)}")
    finally:
        unlock_file(lock)


def _name(entry: ClassEntry) -> str:
    return entry.clsid if entry.progid is None else f"{entry.progid} ({entry.clsid})"


def _forget(conn: Connection) -> None:
    with _clients.lock:
        if _clients.by_pid.get(conn.peer_pid) is conn:
            del _clients.by_pid[conn.peer_pid]


def connection_to(pid: int) -> Connection | None:
    """The open connection to process ``pid``, made now if needed; None if nobody listens."""
    return _connection(pid)


def _connection(pid: int) -> Connection | None:
    """The open connection to server ``pid``, made now if needed; None if nobody listens."""
    with _clients.lock:
        conn = _clients.by_pid.get(pid)
    if conn is not None and not conn.closed:
        return conn
    try:
        sock, peer = connect(server_socket(pid), socket.SOCK_SEQPACKET)
    except OSError:
        return None
    if peer != pid:  # a socket file another process took over: not that server's
        sock.close()
        return None
    try:
        conn = open_connection(sock, pid, on_close=_forget)
    except OSError:
        sock.close()
        return None
    with _clients.lock:
        _clients.by_pid[pid] = conn
    return conn


def _running(clsid: str) -> Connection | None:
    """A connection to the server the class's record names; None (record removed) if none."""
    pid = advertised(clsid)
    if pid is None:
        return None
    conn = _connection(pid)
    if conn is None:
        withdraw(clsid, pid)  # nobody listens: a server that died without tidying up
    return conn


def _create(
    conn: Connection, entry: ClassEntry, creator: Apartment, deadline: float
) -> InterfacePointer:
    """Ask the server for an instance; the reply is a pointer valid in ``creator``."""
    remaining = max(deadline - time.monotonic(), 0.001)
    try:
        with call_timeout(remaining):
            pointer = conn.request("activate", entry.clsid)
    except CallTimeoutError:
        raise ServerExecError(
            f"the local server (process {conn.peer_pid}) did not create {_name(entry)} "
            f"within {server_start_timeout()} s; its apartment may not pump messages"
        ) from None
    except ComError as error:
        if error.hresult == REGDB_E_CLASSNOTREG:
            raise _NotServedError from None
        raise
    if not isinstance(pointer, InterfacePointer):
        raise ServerExecError(f"the local server answered {pointer!r}, not an object")
    return pointer


def _start(entry: ClassEntry, deadline: float) -> Connection:
    """Start a server for ``entry`` and wait until it registered the class; connect to it."""
    clsid = entry.clsid
    log = logs_dir() / f"{clsid.strip('{}')}-{os.getpid()}-{time.monotonic_ns()}.log"
    read_end, write_end = os.pipe()
    try:
        with open(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as output:
            env = {
                **os.environ,
                "APARTMENT_SERVER_READY_FD": str(write_end),
                "APARTMENT_SERVER_LOG": str(log),
            }
            try:
                popen = subprocess.Popen(
                    local_server_command(clsid),
                    stdin=subprocess.DEVNULL,
                    stdout=output,
                    stderr=output,
                    pass_fds=(write_end,),
                    env=env,
                    start_new_session=True,  # a Ctrl-C of the client's terminal spares it
                )
            except OSError as exc:
                raise ComError.from_hresult(
                    hresult_from_win32(ERROR_FILE_NOT_FOUND),
                    f"cannot start the local server for {_name(entry)}: {exc}",
                ) from None
    finally:
        os.close(write_end)
    try:
        pid = _wait_ready(read_end, clsid, deadline)
    finally:
        os.close(read_end)
    if pid is None:
        popen.kill()
        popen.wait()
        raise ServerExecError(
            f"the local server for {_name(entry)} did not register the class within "
            f"{server_start_timeout()} s (killed); it wrote:\n{_tail(log)}"
        )
    if pid < 0:
        code = popen.wait()
        raise ServerExecError(
            f"the local server for {_name(entry)} exited with code {code} before it "
            f"registered the class; it wrote:\n{_tail(log)}"
        )
    threading.Thread(target=popen.wait, name="apartment-reaper-server", daemon=True).start()
    conn = _connection(pid)
    if conn is None:
        raise ServerExecError(f"the local server for {_name(entry)} (process {pid}) vanished")
    return conn


def _wait_ready(fd: int, clsid: str, deadline: float) -> int | None:
    """Read the server's "CLSID pid" lines until ours: its pid; -1 at EOF; None at timeout."""
    pending = b""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return None
        chunk = os.read(fd, 4096)
        if not chunk:
            return -1
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            name, _, pid = line.decode(errors="replace").partition(" ")
            if name == clsid and pid.isdigit():
                return int(pid)


def _tail(log: Path, limit: int = 4000) -> str:
    """The end of a server's output (and the log is removed: its text is in the message)."""
    try:
        text = log.read_bytes()[-limit:].decode(errors="replace")
    except OSError:
        return "(nothing)"
    with contextlib.suppress(OSError):
        log.unlink()
    return text.strip() or "(nothing)"
