"""Serving classes to other processes: the listening socket, the class records, ``serve``.

When a class object registered for CLSCTX_LOCAL_SERVER becomes reachable
(:mod:`._class_objects`), this process starts listening on ``com/servers/<pid>.sock`` and
records that it serves the class (:mod:`._places`); when none is reachable any more, the
record goes. A process that publishes a registration of the running object table listens
too (:mod:`._rot_shared` adds its request). A connection from a process of another user is
refused at once (its peer credentials are checked); every other one gets a
:class:`~._remote.Connection` whose requests run in the apartments of the objects they name.
An activation runs the class object's ``create_instance`` in the class object's apartment.

:func:`serve` is a whole local server, what ``python -m apartment serve CLSID...`` (the
LocalServer32 command) runs and what pywin32's ``win32com.server.localserver.serve`` does:
register the classes, pump messages until the last outside reference has gone (after a
linger, :mod:`._serverlife`), revoke them. Its STA is the process's lane host: clients' calls
into its objects are read and run by its thread itself (:mod:`._remote_lanes`).

A server that a client started reports each class it registers on the pipe named by
``$APARTMENT_SERVER_READY_FD`` ("CLSID pid" lines): that is how the client knows it may
connect. :func:`running_servers` asks every server for its status (``servers``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import socket
import stat
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from .. import messages
from .._fork import APARTMENTS, OUTER, after_fork_in_child, hold_across_fork
from .._pids import pid_exists
from .._runtime import check_peer, listen, lock_file, unlock_file
from .._wire import FrameError, PacketReader, encode_body, send_packet
from ..errors import REGDB_E_CLASSNOTREG, ComError
from ..kernel import current_thread
from ._apartment import current_apartment
from ._class_entry import CLSCTX_LOCAL_SERVER, normalize_clsid
from ._class_loading import load_class
from ._class_objects import (
    REGCLS_MULTIPLEUSE,
    REGCLS_SINGLEUSE,
    REGCLS_SUSPENDED,
    claim_for_client,
    published,
    register_class_object,
    resume_class_objects,
    revoke_class_object,
    set_publisher,
)
from ._factory import class_factory
from ._lifecycle import initialize, uninitialize
from ._places import advertise, class_lock, logs_dir, server_socket, servers_dir, withdraw
from ._registry import lookup
from ._remote import (
    HELLO,
    QUERY,
    REPLY,
    Connection,
    accept_connection,
    connections,
    read_hello,
)
from ._remote_lanes import open_host, pump
from ._serverlife import (
    arm,
    enable_quit_message,
    outside_references,
    set_retire_hook,
    set_server_linger,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

__all__ = ["ServerInfo", "serve", "running_servers", "listen_for_clients", "add_request_handler"]


class _Listener:
    """This process's listening socket and the classes it records, under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.sock: socket.socket | None = None
        self.path: Path | None = None
        self.recorded: set[str] = set()
        self.started = time.time()


_listener = _Listener()


def _publish(clsid: str) -> None:
    """What other processes can reach for ``clsid`` may have changed: record it, or not."""
    pid = os.getpid()
    if clsid in published():
        _listen()  # before the record: a client that reads it must find us listening
        advertise(clsid, pid)
        with _listener.lock:
            _listener.recorded.add(clsid)  # after it: what status shows is findable
        _report_ready(clsid, pid)
        arm()
    else:
        with _listener.lock:
            _listener.recorded.discard(clsid)
        withdraw(clsid, pid)


def _listen() -> None:
    """Start listening (once per runtime directory), with a thread that accepts connections."""
    path = server_socket(os.getpid())
    with _listener.lock:
        old = _listener.sock
        if old is not None and _listener.path == path and path.exists():
            return
        sock = _listener.sock = listen(path, kind=socket.SOCK_SEQPACKET)
        _listener.path = path
    if old is not None:
        old.close()  # its directory went (a test's): its thread ends
    threading.Thread(
        target=_accept, args=(sock,), name="apartment-remote-listener", daemon=True
    ).start()


def _accept(sock: socket.socket) -> None:
    """Accept connections until the socket closes; refuse other users' (listener thread)."""
    while True:
        try:
            client, _ = sock.accept()
        except OSError:
            return  # closed: the server retired
        try:
            pid = check_peer(client)
        except (PermissionError, OSError) as exc:
            print(f"apartment local server: {exc}", file=sys.stderr)
            client.close()
            continue
        threading.Thread(
            target=_handshake, args=(client, pid), name="apartment-remote-handshake", daemon=True
        ).start()


def _handshake(client: socket.socket, pid: int) -> None:
    """Take a new client's second socket, then serve it (a thread of its own: it may dawdle).

    A peer that asks a QUERY instead gets the server's status and is hung up on.
    """
    try:
        hello, fds = read_hello(client)
        if hello == QUERY:
            for fd in fds:
                socket.close(fd)
            send_packet(client, encode_body([REPLY, 0, _status()]))
            client.close()
            return
        if hello != HELLO:
            raise ConnectionError(f"it began with {hello!r}, not a HELLO")
        accept_connection(client, pid, _HANDLERS, fds)
    except OSError as exc:
        print(f"apartment local server: refused process {pid}: {exc}", file=sys.stderr)
        client.close()


class _Startup:
    """What the client that started this server left in its environment (taken at import).

    The variables are removed at once, so processes this server starts never see them.
    """

    def __init__(self) -> None:
        fd = os.environ.pop("APARTMENT_SERVER_READY_FD", "")
        self.ready: int | None = None
        if fd.isdigit():
            with contextlib.suppress(OSError):
                if stat.S_ISFIFO(os.fstat(int(fd)).st_mode):
                    os.set_inheritable(int(fd), False)
                    self.ready = int(fd)
        self.log = os.environ.pop("APARTMENT_SERVER_LOG", "") or None


_startup = _Startup()


def _report_ready(clsid: str, pid: int) -> None:
    """Tell the client that started this server that ``clsid`` is registered now.

    Its output file is then renamed after the server's pid: a client that started it reads
    the file only when it fails to start; ``servers`` removes those of servers that died.
    """
    fd = _startup.ready
    if fd is None:
        return
    with contextlib.suppress(OSError):  # the client stopped listening: nobody to tell
        os.write(fd, f"{clsid} {pid}\n".encode())
    log = _startup.log
    if log is not None and not log.endswith(f"{os.sep}{pid}.log"):
        renamed = str(logs_dir() / f"{pid}.log")
        with contextlib.suppress(OSError):
            os.replace(log, renamed)
            _startup.log = renamed


def _retire() -> bool:
    """Stop being reachable (the clock's thread); False while a client is activating."""
    with _listener.lock:
        recorded = sorted(_listener.recorded)
    held: list[int] = []
    try:
        for clsid in recorded:
            fd = lock_file(class_lock(clsid), 0)
            if fd is None:
                return False  # a client holds it: it may be asking us for an object
            held.append(fd)
        if outside_references():
            return False  # an activation finished before we had the locks: it holds us
        pid = os.getpid()
        for clsid in recorded:
            withdraw(clsid, pid)
        with _listener.lock:
            _listener.recorded.clear()
            sock, _listener.sock = _listener.sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                server_socket(pid).unlink()
            sock.close()
        return True
    finally:
        for fd in held:
            unlock_file(fd)


# -- the requests a server answers ------------------------------------------------------------


def _activate(conn: Connection, call: int, rest: list[Any]) -> None:
    (clsid,) = rest
    if type(clsid) is not str:
        raise FrameError("a malformed activate frame")
    registration = claim_for_client(normalize_clsid(clsid))
    if registration is None:
        conn.fault(
            call,
            ComError.from_hresult(REGDB_E_CLASSNOTREG, f"process {os.getpid()} does not serve it"),
        )
        return
    conn.run(call, registration.home, registration.factory.create_instance, ())


def _status() -> dict[str, Any]:
    """What ``servers`` shows of this server: the classes clients can find it for now."""
    with _listener.lock:
        recorded = set(_listener.recorded)
    classes = []
    for clsid, entries in sorted(published().items()):
        if clsid not in recorded:
            continue
        try:
            progid = lookup(clsid).progid
        except ComError:
            progid = None
        classes.append({"clsid": clsid, "progid": progid, "flags": [e.flags for e in entries]})
    clients = []
    for conn in connections():
        if not conn.closed:
            objects, references = conn.statistics()
            clients.append({"pid": conn.peer_pid, "objects": objects, "references": references})
    return {
        "pid": os.getpid(),
        "argv": [str(arg) for arg in getattr(sys, "orig_argv", sys.argv)],
        "started": _listener.started,
        "classes": classes,
        "clients": clients,
        "held": outside_references(),
    }


_HANDLERS: dict[str, Callable[[Connection, int, list[Any]], None]] = {"activate": _activate}


def add_request_handler(op: str, handler: Callable[[Connection, int, list[Any]], None]) -> None:
    """Answer the request ``op`` of any process that connects: ``handler(conn, call, rest)``.

    The handler runs on the connection's inn thread; it replies with ``conn.run`` or
    ``conn.fault``. A module of this layer adds its ops once, at import.
    """
    _HANDLERS[op] = handler


def listen_for_clients() -> None:
    """Make this process reachable by the user's other processes (its socket, a thread).

    What a local server does when it registers a class; the running object table does it
    for a process that registers an object there.
    """
    _listen()


# -- serve ----------------------------------------------------------------------------------


def serve(clsids: Sequence[str], *, single_use: bool = False, linger: float | None = None) -> None:
    """Serve the registered classes ``clsids`` to other processes until nobody needs them.

    What a local server's main thread does (pywin32's ``localserver.serve``): join an STA
    if the thread is in no apartment, register a class object for each class (ProgIDs and
    CLSIDs both name one; arguments starting with ``-`` or ``/``, such as ``-Embedding``,
    are skipped), make them reachable, and pump messages (calls into the STA run here) until
    the last outside reference is gone and the ``linger`` has passed; then revoke them.

    Each class is imported first, so a server whose classes cannot load fails at once.

    Raises:
        ClassStringError: a name that is no registered ProgID or CLSID string.
        ClassNotRegisteredError: a CLSID nobody registered.
        ClassLoadError: a class that does not import.
    """
    names = [name for name in clsids if name and name[0] not in "-/"]
    entries = [lookup(name) for name in names]
    for entry in entries:
        load_class(entry)
    if linger is not None:
        set_server_linger(linger)
    try:
        current_apartment()
        joined = False
    except ComError:
        initialize(False)
        joined = True
    flags = (REGCLS_SINGLEUSE if single_use else REGCLS_MULTIPLEUSE) | REGCLS_SUSPENDED
    cookies = [
        register_class_object(entry.clsid, class_factory(entry.clsid), CLSCTX_LOCAL_SERVER, flags)
        for entry in entries
    ]
    host = open_host(current_apartment())  # its objects' calls come on lanes, read here
    try:
        enable_quit_message(current_thread().native_id)
        resume_class_objects()
        if host is None:
            messages.pump_messages()
        else:
            pump(host)
    finally:
        if host is not None:
            host.retire()
        for cookie in cookies:
            with contextlib.suppress(ComError):
                revoke_class_object(cookie)
        if joined:
            uninitialize()
        log = _startup.log
        if log:  # a clean end: what it wrote is of no more interest
            with contextlib.suppress(OSError):
                os.unlink(log)


# -- the servers running now ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ServerInfo:
    """A running local server, as it describes itself.

    Attributes:
        pid: its process id.
        argv: its command line.
        started: when it began serving (``time.time()``).
        classes: ``(clsid, progid or None)`` of each class it serves.
        clients: ``(pid, objects)`` for each client process: how many of its objects each holds.
        held: objects held by all clients, plus LockServer locks.
    """

    pid: int
    argv: tuple[str, ...]
    started: float
    classes: tuple[tuple[str, str | None], ...]
    clients: tuple[tuple[int, int], ...]
    held: int


def running_servers(timeout: float = 2.0) -> list[ServerInfo]:
    """Ask every local server of this user for its status; tidy up after dead ones.

    The socket of a server that died without closing it is removed, and so is the output
    file (``com/logs/<pid>.log``) of a server that is no longer running.
    """
    for log in logs_dir().glob("*.log"):
        if log.stem.isdigit() and not pid_exists(int(log.stem)):
            with contextlib.suppress(OSError):
                log.unlink()
    found: list[ServerInfo] = []
    for path in sorted(servers_dir().glob("*.sock")):
        with contextlib.suppress(OSError, FrameError, ValueError, TypeError, KeyError):
            info = _ask(path, timeout)
            if info is None:
                with contextlib.suppress(OSError):
                    path.unlink()  # nobody listens: a server that died
                continue
            found.append(info)
    return found


def _ask(path: Path, timeout: float) -> ServerInfo | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(str(path))
        except (ConnectionRefusedError, FileNotFoundError):
            return None
        check_peer(sock)
        sock.sendall(QUERY)
        reply = _read_reply(sock)
    finally:
        sock.close()
    status = reply[2]
    return ServerInfo(
        pid=int(status["pid"]),
        argv=tuple(status["argv"]),
        started=float(status["started"]),
        classes=tuple((c["clsid"], c["progid"]) for c in status["classes"]),
        clients=tuple((c["pid"], c["objects"]) for c in status["clients"]),
        held=int(status["held"]),
    )


def _read_reply(sock: socket.socket) -> Any:  # noqa: ANN401
    ok, frame = PacketReader(sock).read()
    if not ok or type(frame) is not list or frame[0] != REPLY:
        raise FrameError("no status reply")
    return frame


def _after_fork_in_child() -> None:
    """A forked child does not serve the parent's classes: the listener is the parent's."""
    sock, _listener.sock = _listener.sock, None
    _listener.recorded = set()
    if sock is not None:
        sock.close()  # the child's copy: the parent keeps listening


set_publisher(_publish)
set_retire_hook(_retire)
after_fork_in_child(_after_fork_in_child, APARTMENTS)
