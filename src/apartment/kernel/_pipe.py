"""Pipe ends: the server and client ends of a named pipe, and the two ends of an anonymous one.

An end is a :class:`~._file.File` over a connected Unix stream socket that carries frames
(:mod:`._pipebuf`). A read or write that can finish at once finishes in the calling thread,
with the Overlapped (if any) completed before the call returns, as Windows completes a pipe
operation whose data is there. Otherwise the request waits in the end's queue (reads and
writes are served in the order they were made) and the I/O thread finishes it when the socket
is ready; a synchronous handle waits for it.

A server end goes through Windows' states: *listening* from CreateNamedPipe (a client may
connect before ConnectNamedPipe, which then reports ERROR_PIPE_CONNECTED), *connected*,
*disconnected* after DisconnectNamedPipe (clients get ERROR_PIPE_BUSY until ConnectNamedPipe
listens again). When the other end goes, reads drain what arrived and then fail with
ERROR_BROKEN_PIPE (or ERROR_PIPE_NOT_CONNECTED after the server's DisconnectNamedPipe), and
writes fail with ERROR_NO_DATA. All state changes under IO_LOCK; completions (which set
events) happen after it is released.
"""

from __future__ import annotations

import contextlib
import fcntl
import socket
import struct
import termios
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, ClassVar, Final

from ..errors import (
    ERROR_BAD_PIPE,
    ERROR_BROKEN_PIPE,
    ERROR_INVALID_FUNCTION,
    ERROR_MORE_DATA,
    ERROR_NO_DATA,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_LISTENING,
    ERROR_PIPE_NOT_CONNECTED,
    InvalidParameterError,
    PipeBusyError,
    Win32Error,
)
from ._file import File
from ._filemodes import FILE_APPEND_DATA, FILE_READ_DATA, FILE_WRITE_DATA
from ._ioservice import IO_LOCK, READABLE, WRITABLE, service
from ._overlapped import PENDING, IoResult, begin, complete, spare_overlapped
from ._pipebuf import Inbox, abort_frame, chunk_end, frames
from ._pipemodes import (
    PIPE_CLIENT_END,
    PIPE_NOWAIT,
    PIPE_READMODE_MESSAGE,
    PIPE_SERVER_END,
    PIPE_TYPE_MESSAGE,
)
from ._piperequest import CLOSED, CONNECTED, LISTENING, Done, Request, finish

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = ["PipeEnd"]

_RECV_SIZE: Final = 65536
_SEND_FLAGS: Final = getattr(socket, "MSG_NOSIGNAL", 0)
_OUTQ: Final = struct.Struct("i")


class PipeEnd(File):
    """One end of a pipe. Servers come from create_named_pipe, clients from open_file."""

    __slots__ = (
        "_connects", "_fd", "_inbox", "_reads", "_sock", "_state", "_writes", "client_pid",
        "default_timeout", "in_size", "max_instances", "message_type", "nowait", "out_size",
        "read_message", "server", "server_pid",
    )  # fmt: skip

    kind: ClassVar[str] = "pipe"

    def __init__(self, name: str, access: int, overlapped_io: bool, *, server: bool) -> None:
        super().__init__(name, access, overlapped_io)
        self.server = server
        self.message_type = False
        self.read_message = False
        self.nowait = False
        self.in_size = self.out_size = 4096
        self.max_instances = 1
        self.default_timeout = 50
        self.client_pid = self.server_pid = 0
        self._sock: socket.socket | None = None
        self._fd = -1
        self._state = LISTENING if server else CONNECTED
        self._inbox = Inbox()
        self._reads: deque[Request] = deque()
        self._writes: deque[Request] = deque()
        self._connects: list[Request] = []

    # -- the connection (IO_LOCK held) ---------------------------------------------------------

    def attach(self, sock: socket.socket, done: Done) -> None:
        """Give this end its connected socket; a listening server completes its connects."""
        sock.setblocking(False)
        self._sock, self._fd = sock, sock.fileno()
        self._state = CONNECTED
        self._inbox = Inbox()
        for request in self._connects:
            done.append((request.overlapped, 0, 0))  # type: ignore[arg-type]
        self._connects.clear()

    @property
    def listening(self) -> bool:
        """True while a server end waits for a client (read it with IO_LOCK held)."""
        return self._state == LISTENING

    def _drop_socket(self, notice: bytes = b"") -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        service.forget(self._fd)
        if notice:
            with contextlib.suppress(OSError):
                sock.send(notice, _SEND_FLAGS)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _fail_all(self, status: int, done: Done) -> None:
        for queue in (self._reads, self._writes):
            for request in queue:
                if request.overlapped is not None and not request.cancelled:
                    done.append((request.overlapped, status, 0))
            queue.clear()

    def _ended_error(self) -> Win32Error:
        if self._inbox.ended == "disconnected":
            return Win32Error.from_code(
                ERROR_PIPE_NOT_CONNECTED, f"the server disconnected {self.name!r}"
            )
        return Win32Error.from_code(ERROR_BROKEN_PIPE, f"the other end of {self.name!r} closed")

    def _check_connected(self, doing: str) -> None:
        """Refuse I/O on a server end that has no client."""
        if self._state == CONNECTED:
            return
        if self._state == CLOSED:
            raise Win32Error.from_code(6, f"{self.name!r} is closed")
        if self._state == LISTENING:
            raise Win32Error.from_code(
                ERROR_PIPE_LISTENING, f"no client has connected to {self.name!r} to {doing}"
            )
        raise Win32Error.from_code(
            ERROR_PIPE_NOT_CONNECTED, f"{self.name!r} was disconnected; ConnectNamedPipe first"
        )

    def _pull(self) -> bool:
        """Receive what the socket holds now (one recv); False if nothing came."""
        sock = self._sock
        if sock is None or self._inbox.ended is not None:
            return False
        try:
            data = sock.recv(_RECV_SIZE)
        except (BlockingIOError, InterruptedError):
            return False
        except OSError:
            data = b""
        if data:
            self._inbox.feed(data)
        else:
            self._inbox.end()
        return True

    def _arm(self) -> None:
        events = (READABLE if self._reads else 0) | (WRITABLE if self._writes else 0)
        if events and self._sock is not None:
            service.arm(self._fd, events, self._on_ready)

    # -- serving requests (IO_LOCK held) --------------------------------------------------------

    def _serve_read(self, request: Request) -> tuple[int, int] | None:
        """Take a read's data from the inbox: (status, count), or None if it must wait."""
        view = request.view
        assert view is not None
        if request.message:
            taken = self._inbox.take_message(view)
            if taken is None:
                return None
            return (ERROR_MORE_DATA if taken[1] else 0), taken[0]
        got = self._inbox.take_bytes(view)
        return None if got is None else (0, got)

    def _start_read(self, request: Request) -> tuple[int, int] | None:
        self._check_connected("read from it")
        if not self._reads:  # earlier reads are served first
            served = self._serve_read(request)
            if served is None and self._pull():
                served = self._serve_read(request)
            if served is not None:
                return served
            if self._inbox.ended is not None:
                raise self._ended_error()
        if self.nowait:
            raise Win32Error.from_code(ERROR_NO_DATA, f"{self.name!r} has no data (PIPE_NOWAIT)")
        return None

    def _send(self, request: Request) -> bool:
        """Send what the socket takes now; True once all of ``request`` is out."""
        sock = self._sock
        assert sock is not None
        data = request.data
        while request.sent < len(data):
            try:
                request.sent += sock.send(memoryview(data)[request.sent :], _SEND_FLAGS)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError:
                raise self._write_error() from None
        if request.cancelled:  # sent to its end to keep the framing: the reader drops it
            with contextlib.suppress(OSError):
                sock.send(abort_frame(), _SEND_FLAGS)
        return True

    def _start_write(self, request: Request) -> tuple[int, int] | None:
        self._check_connected("write to it")
        if self._inbox.ended is not None:
            raise self._write_error()
        if not request.data:
            return 0, 0
        if not self._writes and self._send(request):
            return 0, request.length
        return None

    def _write_error(self) -> Win32Error:
        while self._pull():  # a DisconnectNamedPipe notice may wait behind the data
            pass
        self._inbox.end()
        if self._inbox.ended == "disconnected":
            return self._ended_error()
        return Win32Error.from_code(ERROR_NO_DATA, f"the other end of {self.name!r} is closed")

    def _submit(
        self,
        request: Request,
        queue: deque[Request],
        start: Callable[[Request], tuple[int, int] | None],
    ) -> IoResult:
        """Do a request now if it can be, else queue it; wait for it on a synchronous call.

        An immediate failure raises and leaves the caller's Overlapped pending, as Windows
        leaves an OVERLAPPED whose call failed at once.
        """
        given = request.overlapped
        if given is not None:
            begin(given)
        with IO_LOCK:
            served = start(request)
            if served is None:
                if given is None:
                    request.overlapped = spare_overlapped()
                    begin(request.overlapped)
                queue.append(request)
                self._arm()
        if served is not None:
            if given is not None:
                complete(given, *served)
            return IoResult(*served)
        if given is not None and self.overlapped_io:
            return PENDING
        return self._wait(request.overlapped)  # type: ignore[arg-type]

    def _wait(self, overlapped: Overlapped) -> IoResult:
        """Wait for a synchronous call's request; cancel it if the wait is interrupted."""
        try:
            overlapped.wait()
        except BaseException:
            self._withdraw(lambda request: request.overlapped is overlapped)
            raise
        status, count = overlapped.status, overlapped.transferred
        if status and status != ERROR_MORE_DATA:
            raise Win32Error.from_code(status, f"the operation on {self.name!r} failed")
        return IoResult(status, count)

    def _on_ready(self) -> None:
        """On the I/O thread: the socket can be read or written; serve the queues in order."""
        done: Done = []
        with IO_LOCK:
            if self._sock is None:
                return
            writes = self._writes
            try:
                while writes and self._send(writes[0]):
                    request = writes.popleft()
                    if request.overlapped is not None and not request.cancelled:
                        done.append((request.overlapped, 0, request.length))
            except Win32Error as error:
                for request in writes:
                    if request.overlapped is not None and not request.cancelled:
                        done.append((request.overlapped, error.winerror, 0))
                writes.clear()
            reads = self._reads
            while reads:
                served = self._serve_read(reads[0])
                if served is not None:
                    done.append((reads.popleft().overlapped, *served))  # type: ignore[arg-type]
                elif not self._pull():
                    break
            if reads and self._inbox.ended is not None:
                code = self._ended_error().winerror
                for request in reads:
                    done.append((request.overlapped, code, 0))  # type: ignore[arg-type]
                reads.clear()
            self._arm()
        finish(done)

    # -- reading and writing ---------------------------------------------------------------------

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read a message (message read mode) or bytes (byte mode) into ``buffer`` (ReadFile).

        Returns at once when data is there: IoResult(0, n), or (ERROR_MORE_DATA, n) for a
        longer message. Otherwise an overlapped handle returns ERROR_IO_PENDING and a
        synchronous one waits; a PIPE_NOWAIT end fails with ERROR_NO_DATA.
        """
        self._check_open()
        self._need(FILE_READ_DATA, "read from it")
        view = memoryview(buffer).cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        request = Request(overlapped, threading.get_ident())
        request.view, request.message = view, self.read_message
        return self._submit(request, self._reads, self._start_read)

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write ``data`` as one message (WriteFile); done when it is all in the pipe.

        A write that does not fit waits (overlapped: ERROR_IO_PENDING) until the reader
        makes room; writes go out in the order they were made.
        """
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "write to it")
        view = memoryview(data).cast("B")
        request = Request(overlapped, threading.get_ident())
        request.length = len(view)
        if view or self.message_type:
            request.data = frames(view)
        return self._submit(request, self._writes, self._start_write)

    # -- cancel, flush, close ---------------------------------------------------------------------

    def _withdraw(self, match: Callable[[Request], bool]) -> None:
        done: Done = []
        with IO_LOCK:
            for queue in (self._reads, self._writes, self._connects):
                for request in [r for r in queue if not r.cancelled and match(r)]:
                    done.append((request.overlapped, ERROR_OPERATION_ABORTED, 0))  # type: ignore[arg-type]
                    if request.sent:  # part of it is out: end its chunk, then void it
                        request.cancelled = True
                        request.data = request.data[: chunk_end(request.sent, len(request.data))]
                    else:
                        queue.remove(request)
        finish(done)

    def cancel_io(self, *, all_threads: bool = False) -> None:
        """Cancel the calling thread's (or every thread's) pending reads, writes and connects."""
        self._check_open()
        me = threading.get_ident()
        self._withdraw(lambda request: all_threads or request.thread == me)

    def flush(self) -> None:
        """Wait until the other end has read everything written (FlushFileBuffers).

        Raises:
            Win32Error: ERROR_BROKEN_PIPE if the other end closed first,
                ERROR_PIPE_NOT_CONNECTED if the server disconnected.
        """
        self._check_open()
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "flush it")
        delay = 0.0005
        while True:
            with IO_LOCK:
                self._check_connected("flush it")
                sock = self._sock
                if sock is None or (self._inbox.ended is not None and not self._inbox.has_data()):
                    raise self._ended_error()
                if not self._writes:
                    raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, _OUTQ.pack(0))
                    if not _OUTQ.unpack(raw)[0]:
                        return
            time.sleep(delay)  # nothing tells us when the peer reads: poll, backing off
            delay = min(delay * 2, 0.02)

    def close(self) -> None:
        """Close this end: the other end sees the pipe broken; pending requests fail."""
        done: Done = []
        with IO_LOCK:
            if self._closed:
                return
            self._closed = True
            self._state = CLOSED
            self._fail_all(ERROR_BROKEN_PIPE, done)
            for request in self._connects:
                done.append((request.overlapped, ERROR_BROKEN_PIPE, 0))  # type: ignore[arg-type]
            self._connects.clear()
            self._drop_socket()
        finish(done)

    def __del__(self) -> None:
        sock = getattr(self, "_sock", None)
        if sock is not None:  # never closed: let the descriptor go without a warning
            sock.close()

    # -- a server's calls, which a client end refuses ---------------------------------------------

    def connect(self, overlapped: Overlapped | None = None) -> int:
        """Wait for a client (ConnectNamedPipe): only a named pipe's server end connects."""
        self._check_open()
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, "only a server end connects")

    def disconnect(self) -> None:
        """Drop the client (DisconnectNamedPipe): only a named pipe's server end can."""
        self._check_open()
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, "only a server end disconnects")

    def transact(
        self, data: Buffer, buffer: Buffer, overlapped: Overlapped | None = None
    ) -> IoResult:
        """Write a message and read the reply in one call (TransactNamedPipe).

        The write never waits (it queues behind earlier writes); the read is a message-mode
        read, pending or waited for as ReadFile's.

        Raises:
            Win32Error: ERROR_BAD_PIPE unless a message-type pipe in message read mode;
                ERROR_PIPE_BUSY if unread data is waiting.
        """
        self._check_open()
        self._need(FILE_READ_DATA, "read from it")
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "write to it")
        if not (self.message_type and self.read_message):
            raise Win32Error.from_code(
                ERROR_BAD_PIPE, f"{self.name!r} must be a message pipe read in message mode"
            )
        view = memoryview(data).cast("B")
        request = Request(None, threading.get_ident())
        request.length, request.data = len(view), frames(view)
        with IO_LOCK:
            self._check_connected("transact on it")
            self._pull()
            if self._inbox.has_data():
                raise PipeBusyError(f"{self.name!r} has unread data; read it before transacting")
            if self._start_write(request) is None:
                self._writes.append(request)  # nobody waits for it: its Overlapped is None
                self._arm()
        return self.read_into(buffer, overlapped)

    # -- state and information -------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        """Set the read and wait modes (SetNamedPipeHandleState's PIPE_READMODE_*, PIPE_*WAIT).

        Raises:
            InvalidParameterError: unknown bits, or message read mode on a byte-type pipe.
        """
        self._check_open()
        if mode & ~(PIPE_READMODE_MESSAGE | PIPE_NOWAIT):
            raise InvalidParameterError(f"{mode:#x} is not a pipe read mode and wait mode")
        if mode & PIPE_READMODE_MESSAGE and not self.message_type:
            raise InvalidParameterError(
                f"{self.name!r} is a byte-type pipe; only a message-type pipe reads messages"
            )
        with IO_LOCK:
            self.read_message = bool(mode & PIPE_READMODE_MESSAGE)
            self.nowait = bool(mode & PIPE_NOWAIT)

    def mode(self) -> int:
        """The current read and wait modes, as GetNamedPipeHandleState reports them."""
        return (PIPE_READMODE_MESSAGE if self.read_message else 0) | (
            PIPE_NOWAIT if self.nowait else 0
        )

    def instances(self) -> int:
        """How many instances the pipe has, as far as this end knows (a client: 1)."""
        return 1

    def info(self) -> tuple[int, int, int, int]:
        """(flags, out buffer size, in buffer size, max instances), as GetNamedPipeInfo."""
        flags = (PIPE_SERVER_END if self.server else PIPE_CLIENT_END) | (
            PIPE_TYPE_MESSAGE if self.message_type else 0
        )
        return flags, self.out_size, self.in_size, self.max_instances

    def peek(self, size: int) -> tuple[bytes, int, int]:
        """(data, bytes available, bytes left in this message) without reading (PeekNamedPipe).

        For a byte-type pipe the last is 0 minus the bytes returned, as Windows reports it.
        """
        self._check_open()
        if size < 0:
            raise ValueError(f"a peek takes a byte count, 0 or more, not {size!r}")
        with IO_LOCK:
            if self.server and self._state != CONNECTED:
                raise Win32Error.from_code(ERROR_BAD_PIPE, f"{self.name!r} has no client")
            if self._state == CLOSED:
                raise Win32Error.from_code(6, f"{self.name!r} is closed")
            while self._pull():
                pass
            inbox = self._inbox
            if inbox.ended is not None and not inbox.has_data():
                raise self._ended_error()
            return inbox.peek(size, self.message_type)
