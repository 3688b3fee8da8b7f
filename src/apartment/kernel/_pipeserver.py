r"""The server side of named pipes: instances, their listening order, and the handshake.

Each process listens on one socket per pipe name (:mod:`._pipename`). Its I/O thread
accepts a client there and reads the client's first frame without blocking: a *connect* is
given to the instance of the pipe that has listened longest, as Windows does (or refused with
ERROR_PIPE_BUSY, or ERROR_ACCESS_DENIED when the pipe does not go the way the client asks); a
*probe* (WaitNamedPipe) and an *info* (another server's CreateNamedPipe) are only answered.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import threading
from typing import TYPE_CHECKING, Final, final

from .. import _wire
from .._runtime import check_peer, peer_uid
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILENAME_EXCED_RANGE,
    ERROR_INVALID_NAME,
    ERROR_NO_DATA,
    ERROR_PATH_NOT_FOUND,
    ERROR_PIPE_BUSY,
    ERROR_PIPE_CONNECTED,
    ERROR_PIPE_LISTENING,
    ERROR_PIPE_NOT_CONNECTED,
    ERROR_PRIVILEGE_NOT_HELD,
    InvalidParameterError,
    PipeBusyError,
    Win32Error,
)
from ._filemodes import (
    FILE_APPEND_DATA,
    FILE_EXECUTE,
    FILE_FLAG_FIRST_PIPE_INSTANCE,
    FILE_FLAG_OVERLAPPED,
    FILE_GENERIC_READ,
    FILE_GENERIC_WRITE,
    FILE_READ_DATA,
    FILE_WRITE_DATA,
)
from ._handles import handles
from ._ioservice import IO_LOCK, READABLE, service
from ._overlapped import PENDING, begin, spare_overlapped
from ._pipe import PipeEnd
from ._pipebuf import disconnect_frame
from ._pipemodes import (
    PIPE_ACCESS_DUPLEX,
    PIPE_NOWAIT,
    PIPE_READMODE_MESSAGE,
    PIPE_REJECT_REMOTE_CLIENTS,
    PIPE_TYPE_MESSAGE,
    PIPE_UNLIMITED_INSTANCES,
)
from ._pipename import address, ask, folder, listening_changed, pipe_name, servers
from ._piperequest import CONNECTED, DISCONNECTED, LISTENING, Done, Request, finish

if TYPE_CHECKING:
    from ._overlapped import Overlapped

__all__ = ["PipeServer", "create_named_pipe"]

_LENGTH = struct.Struct(">I")
_HELLO_LIMIT: Final = 1024  # a first frame is a small map; a longer one is not a client of ours
_ACCESS_SYSTEM_SECURITY: Final = 0x01000000
# WRITE_DAC and ACCESS_SYSTEM_SECURITY are rights the server's handle asks for (WRITE_OWNER
# has FILE_FLAG_FIRST_PIPE_INSTANCE's value); FILE_FLAG_WRITE_THROUGH is accepted and unused.
_OPEN_MODES: Final = (
    PIPE_ACCESS_DUPLEX
    | FILE_FLAG_OVERLAPPED
    | FILE_FLAG_FIRST_PIPE_INSTANCE
    | 0x00040000  # WRITE_DAC
    | _ACCESS_SYSTEM_SECURITY
    | 0x80000000  # FILE_FLAG_WRITE_THROUGH
)
_MAX_PATH: Final = 260
_PIPE_MODES: Final = (
    PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_NOWAIT | PIPE_REJECT_REMOTE_CLIENTS
)


class PipeServer(PipeEnd):
    """An instance of a named pipe: the server end, made by :func:`create_named_pipe`."""

    __slots__ = ("_entry",)

    def __init__(self, name: str, access: int, overlapped_io: bool, entry: _Name) -> None:
        super().__init__(name, access, overlapped_io, server=True)
        self._entry = entry

    def connect(self, overlapped: Overlapped | None = None) -> int:
        """Wait for a client (ConnectNamedPipe): 0, ERROR_PIPE_CONNECTED or ERROR_IO_PENDING.

        A client that connected since the instance was made (or last disconnected) is
        reported as ERROR_PIPE_CONNECTED, a good connection. A disconnected instance listens
        again, behind those already listening.

        Raises:
            Win32Error: ERROR_NO_DATA if the client already left (DisconnectNamedPipe
                first); ERROR_PIPE_LISTENING in PIPE_NOWAIT mode with no client yet.
        """
        self._check_open()
        if overlapped is not None:
            overlapped.completion = self.completion
        waiting: Overlapped | None = None
        with IO_LOCK:
            if self._state == CONNECTED:
                while self._pull():  # to the client's end, past what it wrote before it left
                    pass
                if self._inbox.ended is not None:
                    raise Win32Error.from_code(
                        ERROR_NO_DATA, f"the client of {self.name!r} left; disconnect first"
                    )
                return ERROR_PIPE_CONNECTED
            if self._state == DISCONNECTED:
                self._state = LISTENING
                self._entry.listening.append(self)
                listening_changed.pulse()
            if not self.nowait:
                waiting = overlapped or spare_overlapped()
                waiting.file = self  # the end is nonsignaled while it listens (its own
                # Overlapped, when the call has one: a connect refused or done at once is not)
                begin(waiting)
                self._connects.append(Request(waiting, threading.get_ident()))
        if waiting is None:
            raise Win32Error.from_code(ERROR_PIPE_LISTENING, f"no client for {self.name!r} yet")
        if overlapped is not None and self.overlapped_io:
            return PENDING.status
        self._wait(waiting)
        return 0

    def disconnect(self) -> None:
        """Drop the client (DisconnectNamedPipe): it gets ERROR_PIPE_NOT_CONNECTED.

        The instance then refuses clients (ERROR_PIPE_BUSY) until ConnectNamedPipe.

        Raises:
            Win32Error: ERROR_PIPE_LISTENING (no client yet), ERROR_PIPE_NOT_CONNECTED
                (disconnected already).
        """
        self._check_open()
        done: Done = []
        with IO_LOCK:
            self._check_connected("disconnect it")
            notice = b"" if any(r.sent for r in self._writes) else disconnect_frame()
            self._fail_all(ERROR_PIPE_NOT_CONNECTED, done)
            self._drop_socket(notice)
            self._state = DISCONNECTED
        self._finish(done)

    def instances(self) -> int:
        """How many instances of this pipe this process has."""
        with IO_LOCK:
            return len(self._entry.instances)

    def close(self) -> None:
        """Close the instance; the last instance of the name stops its listening socket."""
        super().close()
        entry = self._entry
        with IO_LOCK:
            if self in entry.instances:
                entry.instances.remove(self)
            if self in entry.listening:
                entry.listening.remove(self)
            if not entry.instances and _names.get(entry.key) is entry:
                del _names[entry.key]
                entry.close()


@final
class _Name:
    """This process's instances of one pipe name, and the socket clients reach them by."""

    __slots__ = ("folder", "instances", "key", "listening", "open_mode", "path", "pid", "sock")

    def __init__(self, key: str, open_mode: int, where: str) -> None:
        self.key = key
        self.open_mode = open_mode
        self.folder = where
        self.instances: list[PipeServer] = []
        self.listening: list[PipeServer] = []  # in the order they started listening
        os.makedirs(where, mode=0o700, exist_ok=True)
        self.path = os.path.join(where, f"{os.getpid()}-{os.urandom(3).hex()}")
        self.pid = os.getpid()
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # Bound under a hidden name and renamed once it listens: a client never meets it
        # refusing connections (which is how a dead server's socket looks).
        hidden = os.path.join(where, "." + os.path.basename(self.path))
        with address(hidden) as bound:
            self.sock.bind(bound)
        os.chmod(hidden, 0o600)
        self.sock.listen(64)
        os.rename(hidden, self.path)
        self.sock.setblocking(False)
        service.arm(self.sock.fileno(), READABLE, self._accept)

    def close(self) -> None:
        """The last instance went: stop listening, remove the socket (IO_LOCK held)."""
        service.forget(self.sock.fileno())
        self.sock.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.rmdir(self.folder)  # only if no other process serves the name

    def _accept(self) -> None:
        """On the I/O thread: take every waiting client and read its first frame.

        In a child made by fork() the socket is the parent's: the child leaves it alone (its
        copies of the parent's instances stop listening; it may create instances of its own).
        """
        if os.getpid() != self.pid:
            with IO_LOCK:
                if _names.get(self.key) is self:
                    del _names[self.key]
            return
        while True:
            try:
                conn, _ = self.sock.accept()
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                return  # closed under us: the name went
            try:
                check_peer(conn)
            except OSError:  # PermissionError: another user may not use our pipes
                with contextlib.suppress(OSError):
                    conn.sendall(_wire.encode({"error": ERROR_ACCESS_DENIED}))
                conn.close()
                continue
            conn.setblocking(False)
            _Handshake(self, conn).arm()
        with IO_LOCK:
            if _names.get(self.key) is self:
                service.arm(self.sock.fileno(), READABLE, self._accept)

    def answer(self, hello: dict[str, object], conn: socket.socket) -> bool:
        """Answer a first frame; True when ``conn`` became an instance's client (IO_LOCK held)."""
        live = [end for end in self.listening if end.listening and not end.closed]
        first = self.instances[0] if self.instances else None
        chosen: PipeServer | None = None
        if hello.get("op") == "probe":
            reply: dict[str, object] = {
                "listening": bool(live),
                "timeout": first.default_timeout if first is not None else 0,
            }
        elif hello.get("op") == "info":
            reply = {
                "instances": len(self.instances),
                "mode": self.open_mode,
                "max": first.max_instances if first is not None else 0,
            }
        else:
            wanted = hello.get("access")
            chosen, reply = self._choose(live, wanted if isinstance(wanted, int) else 0)
        conn.setblocking(True)
        conn.sendall(_wire.encode(reply))
        if chosen is None:
            return False
        done: Done = []
        self.listening.remove(chosen)
        chosen.client_pid = peer_uid(conn)[0]
        chosen.attach(conn, done)
        finish(done)  # completes under IO_LOCK: allowed, the kernel lock comes after it
        return True

    def _choose(
        self, live: list[PipeServer], wanted: int
    ) -> tuple[PipeServer | None, dict[str, object]]:
        if not live:
            return None, {"error": ERROR_PIPE_BUSY}
        reads = bool(wanted & (FILE_READ_DATA | FILE_EXECUTE))
        writes = bool(wanted & (FILE_WRITE_DATA | FILE_APPEND_DATA))
        if (reads and not self.open_mode & 2) or (writes and not self.open_mode & 1):
            return None, {"error": ERROR_ACCESS_DENIED}
        end = live[0]
        return end, {
            "error": 0,
            "message": end.message_type,
            "in": end.in_size,
            "out": end.out_size,
            "max": end.max_instances,
            "timeout": end.default_timeout,
        }


@final
class _Handshake:
    """A client's first frame, read without blocking the I/O thread, and the answer to it."""

    __slots__ = ("buffer", "conn", "name")

    def __init__(self, name: _Name, conn: socket.socket) -> None:
        self.name = name
        self.conn = conn
        self.buffer = bytearray()

    def arm(self) -> None:
        service.arm(self.conn.fileno(), READABLE, self._read)

    def _read(self) -> None:
        try:
            data = self.conn.recv(4096)
        except (BlockingIOError, InterruptedError):
            self.arm()
            return
        except OSError:
            data = b""
        self.buffer += data
        size = _LENGTH.unpack_from(self.buffer)[0] if len(self.buffer) >= 4 else None
        complete = size is not None and len(self.buffer) >= 4 + size
        if data and not complete and (size or 0) <= _HELLO_LIMIT:
            self.arm()  # a first frame is small: wait for the rest of it
            return
        service.forget(self.conn.fileno())
        given = False
        try:
            if not complete or len(self.buffer) != 4 + (size or 0):
                raise _wire.FrameError("not one frame")
            hello = _wire.decode(bytes(self.buffer[4:]))
            if not isinstance(hello, dict):
                raise _wire.FrameError("not a map")
            with IO_LOCK:
                given = self.name.answer(hello, self.conn)
        except (_wire.FrameError, OSError):
            pass
        if not given:
            self.conn.close()


_names: dict[str, _Name] = {}
"""This process's pipe names (casefolded), under IO_LOCK."""


def _others(name: str, own: str | None) -> list[tuple[int, int, int]]:
    """(instances, open mode, max instances) of the other processes serving ``name``."""
    found = []
    for path in servers(name):
        if path != own:
            reply = ask(path, {"op": "info"})
            if reply is not None:
                values = [reply.get(key) for key in ("instances", "mode", "max")]
                if all(isinstance(value, int) for value in values) and values[2]:
                    found.append((values[0], values[1], values[2]))
    return found  # type: ignore[return-value]


def _rights(open_mode: int) -> int:
    """The server handle's rights: its direction's, and the rights the open mode names."""
    return (
        (FILE_GENERIC_READ if open_mode & 1 else 0)
        | (FILE_GENERIC_WRITE if open_mode & 2 else 0)
        | open_mode & 0x010C0000  # WRITE_DAC, WRITE_OWNER, ACCESS_SYSTEM_SECURITY
    )


def create_named_pipe(
    name: str,
    open_mode: int,
    pipe_mode: int,
    max_instances: int,
    out_size: int,
    in_size: int,
    default_timeout: int,
) -> PipeServer:
    r"""Create an instance of a named pipe, listening for a client (CreateNamedPipe).

    ``name`` is the full ``\\.\pipe\NAME``. The instance listens at once: a client may
    connect before ConnectNamedPipe. ``default_timeout`` is in milliseconds (0: 50 ms).
    The instances of a name, in this process and in others, share its first instance's
    maximum and direction.

    Raises:
        Win32Error: ERROR_INVALID_NAME for a name that is not a pipe's; ERROR_PIPE_BUSY when
            the name has its maximum of instances; ERROR_ACCESS_DENIED when the instances
            go the other way, or FILE_FLAG_FIRST_PIPE_INSTANCE finds one.
        InvalidParameterError: unknown modes, a byte pipe read as messages, 0 or more than
            255 instances.
    """
    if not name:  # no path at all, before it is a pipe's or not
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, "a pipe needs a name")
    short = pipe_name(name)
    if not short:
        raise Win32Error.from_code(ERROR_INVALID_NAME, f"{name!r} is not \\\\.\\pipe\\NAME")
    if len(name) >= _MAX_PATH:  # its NT name \??\pipe\NAME has as many characters
        raise Win32Error.from_code(
            ERROR_FILENAME_EXCED_RANGE, f"a pipe's name has under {_MAX_PATH} characters"
        )
    if open_mode & ~_OPEN_MODES or not open_mode & PIPE_ACCESS_DUPLEX or pipe_mode & ~_PIPE_MODES:
        raise InvalidParameterError(f"unknown pipe modes {open_mode:#x}, {pipe_mode:#x}")
    if pipe_mode & PIPE_READMODE_MESSAGE and not pipe_mode & PIPE_TYPE_MESSAGE:
        raise InvalidParameterError("a byte-type pipe cannot be read in message mode")
    if not 1 <= max_instances <= PIPE_UNLIMITED_INSTANCES:
        raise InvalidParameterError(f"a pipe has 1 to 255 instances, not {max_instances}")
    if open_mode & _ACCESS_SYSTEM_SECURITY:  # as Open* asking for it (no privilege is enabled)
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD, "ACCESS_SYSTEM_SECURITY takes SeSecurityPrivilege"
        )
    key = short.casefold()
    handles.collect()  # an instance dropped to the collector still counts: let it go
    with IO_LOCK:
        own = _names.get(key)
        counts = (
            [(len(own.instances), own.open_mode, own.instances[0].max_instances)] if own else []
        )
        own_path = own.path if own else None
    counts += _others(short, own_path)
    if counts:
        _, first_mode, first_max = counts[0]
        limited = first_max != PIPE_UNLIMITED_INSTANCES  # 255: as many as resources allow
        if limited and sum(count for count, _, _ in counts) >= first_max:
            raise PipeBusyError(f"{name!r} has its maximum of {first_max} instances")
        if first_mode != open_mode & PIPE_ACCESS_DUPLEX:
            raise Win32Error.from_code(
                ERROR_ACCESS_DENIED, f"the instances of {name!r} go another way"
            )
        if open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE:
            raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{name!r} exists already")
    with IO_LOCK:
        entry = _names.get(key)
        if entry is None:
            entry = _names[key] = _Name(key, open_mode & PIPE_ACCESS_DUPLEX, folder(short))
        end = PipeServer(name, _rights(open_mode), bool(open_mode & FILE_FLAG_OVERLAPPED), entry)
        end.message_type = bool(pipe_mode & PIPE_TYPE_MESSAGE)
        end.read_message = bool(pipe_mode & PIPE_READMODE_MESSAGE)
        end.nowait = bool(pipe_mode & PIPE_NOWAIT)
        end.out_size, end.in_size = out_size, in_size
        end.max_instances = max_instances
        end.default_timeout = default_timeout or 50
        end.server_pid = os.getpid()
        entry.instances.append(end)
        entry.listening.append(end)
    listening_changed.pulse()
    return end
