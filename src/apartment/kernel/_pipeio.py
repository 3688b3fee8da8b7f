"""A pipe end's plumbing: its socket, its queues of reads and writes, and who serves them.

An end is a :class:`~._file.File` over a connected Unix stream socket that carries frames
(:mod:`._pipebuf`), or an anonymous pipe's plain bytes (``raw``). A read or write that can
finish at once finishes in the calling thread, its Overlapped (if any) completed before the
call returns, as Windows completes a pipe operation whose data is there. Otherwise the
request waits in the end's queue (reads and writes are served in the order they were made)
and is served when the socket is ready: by the thread that waits for it (:mod:`._iodrive`: a
synchronous call, GetOverlappedResult with bWait), else by the I/O thread (a caller that
waits for the event only).

When the other end goes, reads drain what arrived and then fail with ERROR_BROKEN_PIPE (or
ERROR_PIPE_NOT_CONNECTED after the server's DisconnectNamedPipe), and writes fail with
ERROR_NO_DATA. All state changes under IO_LOCK; completions (which set events) are made once
it is released, and whoever finishes work from another thread pokes the driving thread.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import select
import socket
import struct
import termios
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Final

from ..errors import (
    ERROR_BROKEN_PIPE,
    ERROR_INVALID_HANDLE,
    ERROR_MORE_DATA,
    ERROR_NO_DATA,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_LISTENING,
    ERROR_PIPE_NOT_CONNECTED,
    AccessDeniedError,
    InvalidHandleError,
    Win32Error,
)
from ._file import File
from ._filemodes import FILE_APPEND_DATA, FILE_READ_DATA, FILE_WRITE_DATA
from ._iodrive import drive, poke, wake_fd
from ._ioservice import IO_LOCK, READABLE, WRITABLE, service
from ._overlapped import PENDING, IoResult, begin, complete, spare_overlapped
from ._pipebuf import Inbox, abort_frame, chunk_end, frames
from ._piperequest import CLOSED, CONNECTED, LISTENING, Done, Request, finish

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = ["PipeIO"]

_result = tuple.__new__  # an IoResult without its Python-level __new__ (hot path)
_RECV_SIZE: Final = 65536
_SEND_FLAGS: Final = getattr(socket, "MSG_NOSIGNAL", 0) | socket.MSG_DONTWAIT
_RECV_FLAGS: Final = socket.MSG_DONTWAIT  # per call: a raw pipe's socket stays blocking
_OUTQ: Final = struct.Struct("i")
_WRITE_RIGHTS: Final = FILE_WRITE_DATA | FILE_APPEND_DATA


class PipeIO(File):
    """The data side of a pipe end (see :class:`~._pipe.PipeEnd` for the named-pipe calls)."""

    __slots__ = (
        "_arm_later", "_arm_now", "_connects", "_driver", "_driving", "_fd", "_inbox",
        "_owns_fd", "_reads", "_received", "_sock", "_state", "_wake", "_writes",
        "message_type", "nowait", "raw", "read_message",
    )  # fmt: skip

    def __init__(self, name: str, access: int, overlapped_io: bool, *, listening: bool) -> None:
        super().__init__(name, access, overlapped_io)
        self.message_type = False
        self.read_message = False
        self.nowait = False
        self.raw = False  # an anonymous pipe's bytes, unframed (see _pipebuf)
        self._owns_fd = True
        self._sock: socket.socket | None = None
        self._fd = -1
        self._state = LISTENING if listening else CONNECTED
        self._inbox = Inbox()
        self._reads: deque[Request] = deque()
        self._writes: deque[Request] = deque()
        self._connects: list[Request] = []
        self._received: memoryview | None = None  # where recv lands, made on first use
        self._driving = False  # a waiting thread polls the socket itself (see _drive)
        self._wake = -1  # that thread's eventfd, poked by whoever finishes work for it
        self._driver = self._drive  # one bound method, handed to every Overlapped queued
        self._arm_now = self._arm_with_lock  # and one to arm a read left unarmed (_enqueue)
        self._arm_later = self._hand_to_io_thread

    # -- the connection (IO_LOCK held) ---------------------------------------------------------

    @property
    def listening(self) -> bool:
        """True while a server end waits for a client (read it with IO_LOCK held)."""
        return self._state == LISTENING

    def attach(self, sock: socket.socket, done: Done) -> None:
        """Give this end its connected socket; a listening server completes its connects."""
        sock.setblocking(self.raw)  # a shared (anonymous) one stays blocking: see _SEND_FLAGS
        self._sock, self._fd = sock, sock.fileno()
        self._state = CONNECTED
        self._inbox = Inbox()
        for request in self._connects:
            done.append((request.overlapped, 0, 0))  # type: ignore[arg-type]
        self._connects.clear()

    def _drop_socket(self, notice: bytes = b"") -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        if not self._owns_fd:  # the descriptor is the C runtime's: leave it, and its peer
            service.forget(self._fd, self._on_ready)
            sock.detach()
            return
        service.forget(self._fd)
        if notice:
            with contextlib.suppress(OSError):
                sock.send(notice, _SEND_FLAGS)
        if not self.raw:  # an anonymous pipe's end may live on in a child: only close ours
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
        """Refuse I/O on an end that has no connection."""
        if self._state == CONNECTED:
            return
        if self._state == CLOSED:
            raise Win32Error.from_code(ERROR_INVALID_HANDLE, f"{self.name!r} is closed")
        if self._state == LISTENING:
            raise Win32Error.from_code(
                ERROR_PIPE_LISTENING, f"no client has connected to {self.name!r} to {doing}"
            )
        raise Win32Error.from_code(
            ERROR_PIPE_NOT_CONNECTED, f"{self.name!r} was disconnected; ConnectNamedPipe first"
        )

    def _receive(self) -> memoryview | None:
        """Receive what the socket holds now (one recv): None if nothing came.

        An empty view means the peer closed the connection; the inbox knows it already.
        """
        sock = self._sock
        if sock is None or self._inbox.ended is not None:
            return None
        received = self._received
        if received is None:
            received = self._received = memoryview(bytearray(_RECV_SIZE))
        try:
            count = sock.recv_into(received, 0, _RECV_FLAGS)
        except (BlockingIOError, InterruptedError):
            return None
        except OSError:
            count = 0
        if not count:
            self._inbox.end()
        return received[:count]

    def _pull(self) -> bool:
        """Receive what the socket holds now into the inbox; False if nothing came."""
        data = self._receive()
        if data is None:
            return False
        if data:
            (self._inbox.feed_raw if self.raw else self._inbox.feed)(data)
        return True

    def _pull_read(self, view: memoryview, message: bool) -> tuple[int, int] | bool:
        """Receive what the socket holds now, and serve a read into ``view`` from it.

        Returns the read's (status, count); True if data came but not enough for the read;
        False if nothing came. A read of one whole small message takes it straight from the
        socket's bytes, without the inbox (the common case of a round trip).
        """
        data = self._receive()
        if data is None:
            return False
        if not data:
            return True
        if self.raw:
            self._inbox.feed_raw(data)
        else:
            taken = self._inbox.take_frame(data, view)
            if taken >= 0:
                return (0, taken)
            self._inbox.feed(data)
        return self._take(view, message) or True

    def _hand_to_io_thread(self) -> None:
        """Have the I/O thread arm this end now; kernel lock held, so this must not block."""
        service.call_later(0.0, self._arm_now)

    def _arm_with_lock(self) -> None:
        with IO_LOCK:
            self._arm()

    def _arm(self) -> None:
        if self._driving:
            return
        events = (READABLE if self._reads else 0) | (WRITABLE if self._writes else 0)
        if events and self._sock is not None:
            service.arm(self._fd, events, self._on_ready)

    # -- serving (IO_LOCK held) -----------------------------------------------------------------

    def _take(self, view: memoryview, message: bool) -> tuple[int, int] | None:
        """Take a read's data from the inbox: (status, count), or None if it must wait."""
        if message:
            taken = self._inbox.take_message(view)
            if taken is None:
                return None
            return (ERROR_MORE_DATA if taken[1] else 0), taken[0]
        got = self._inbox.take_bytes(view)
        return None if got is None else (0, got)

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
            except OSError as failure:
                raise self._write_error(failure) from None
        if request.cancelled and not self.raw:  # sent to the end of its chunk: reader drops it
            with contextlib.suppress(OSError):
                sock.send(abort_frame(), _SEND_FLAGS)
        return True

    def _write_error(self, failure: OSError | None = None) -> Win32Error:
        if failure is not None and failure.errno == errno.EBADF:  # its owner closed it
            return InvalidHandleError(f"the descriptor of {self.name!r} was closed")
        while self._pull():  # a DisconnectNamedPipe notice may wait behind the data
            pass
        self._inbox.end()
        if self._inbox.ended == "disconnected":
            return self._ended_error()
        return Win32Error.from_code(ERROR_NO_DATA, f"the other end of {self.name!r} is closed")

    def _serve(self, done: Done) -> None:
        """Send and receive what the socket allows now, completing requests in order."""
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
            head = reads[0]
            view: memoryview = head.view  # type: ignore[assignment]
            served = self._take(view, head.message) if self._inbox.messages else None
            if served is None:
                pulled = self._pull_read(view, head.message)
                if pulled is False:
                    break
                if pulled is True:
                    continue
                served = pulled
            reads.popleft()
            done.append((head.overlapped, *served))  # type: ignore[arg-type]
        if reads and self._inbox.ended is not None:
            code = self._ended_error().winerror
            for request in reads:
                done.append((request.overlapped, code, 0))  # type: ignore[arg-type]
            reads.clear()

    def _finish(self, done: Done) -> None:
        """Make the completions decided under IO_LOCK; wake a thread that drives this end."""
        finish(done)
        if done:
            poke(self._wake)

    def _on_ready(self) -> None:
        """On the I/O thread: the socket can be read or written; serve the queues."""
        done: Done = []
        with IO_LOCK:
            self._serve(done)
            self._arm()
        self._finish(done)

    def _drive(self, overlapped: Overlapped) -> bool:
        """Serve this end on the calling thread until ``overlapped`` completes (see _iodrive).

        One thread drives an end at a time; the I/O thread leaves the socket alone meanwhile.
        Returns False, at once, when another thread drives: wait the usual way then.
        """
        with IO_LOCK:
            if self._driving or self._sock is None:
                return False
            self._driving = True
            self._wake = wake_fd()
            fd = self._fd
            service.disarm(fd)
        try:  # its waiter carries it out: no arming for it
            drive(overlapped, fd, self._poll_events, self._serve_here)
        finally:
            with IO_LOCK:
                self._driving = False
                self._wake = -1
                self._arm()
        return True

    def _poll_events(self) -> int:
        return select.POLLIN | (select.POLLOUT if self._writes else 0)

    def _serve_here(self) -> None:
        done: Done = []
        with IO_LOCK:
            self._serve(done)
        finish(done)

    # -- starting requests ---------------------------------------------------------------------

    def _refuse(self, overlapped: Overlapped | None, error: Win32Error) -> Win32Error:
        """An immediate failure leaves the caller's Overlapped pending, as Windows does."""
        if overlapped is not None:
            begin(overlapped)
        return error

    def _enqueue(
        self, queue: deque[Request], request: Request, given: Overlapped | None
    ) -> Overlapped | None:
        """Queue a request that must wait (IO_LOCK held); the Overlapped to wait on, if any.

        A synchronous call (no Overlapped, or a synchronous handle) waits for it and drives
        the socket itself; an overlapped call returns ERROR_IO_PENDING and the I/O thread
        serves it unless a thread that waits for it drives. An overlapped read is not armed
        at once: most often its thread waits for it next (GetOverlappedResult) and drives,
        and the I/O thread is then never woken. Any other wait on its Overlapped or event,
        or a poll of them, arms it first (``_core.UNARMED``), and the I/O thread arms it
        within ``SWEEP_DELAY`` anyway, so that it drains the pipe as Windows' would.
        """
        queue.append(request)
        if given is None or not self.overlapped_io:
            waiting = given or spare_overlapped()
            request.overlapped = waiting
            begin(waiting)
            return waiting
        if queue is self._reads:
            begin(given, self._driver, self._arm_later)
            service.sweep_soon(self._arm_now)
        else:  # a write must go on: a reader (in this process, maybe) may wait for it
            begin(given, self._driver)
            self._arm()
        return None

    def _wait(self, overlapped: Overlapped) -> IoResult:
        """Wait for a synchronous call's request; cancel it if the wait is interrupted."""
        try:
            if not self._drive(overlapped):  # another thread drives: the I/O thread serves
                with IO_LOCK:
                    self._arm()
            overlapped.wait()
        except BaseException:
            self._withdraw(lambda request: request.overlapped is overlapped)
            raise
        status, count = overlapped.status, overlapped.transferred
        if status and status != ERROR_MORE_DATA:
            raise Win32Error.from_code(status, f"the operation on {self.name!r} failed")
        return IoResult(status, count)

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Read a message (message read mode) or bytes (byte mode) into ``buffer`` (ReadFile).

        Returns at once when data is there: IoResult(0, n), or (ERROR_MORE_DATA, n) for a
        longer message. Otherwise an overlapped handle returns ERROR_IO_PENDING and a
        synchronous one waits; a PIPE_NOWAIT end fails with ERROR_NO_DATA.
        """
        if self._closed:
            raise InvalidHandleError(f"{self.name!r} is closed")
        if not self.access & FILE_READ_DATA:
            raise AccessDeniedError(f"{self.name!r} was opened without the access to read it")
        view = memoryview(buffer)
        if view.format != "B" or view.ndim != 1:
            view = view.cast("B")
        if view.readonly:
            raise TypeError("a read needs a writable buffer")
        if overlapped is not None:
            overlapped.completion = self.completion
        message = self.read_message
        waiting: Overlapped | None = None
        with IO_LOCK:
            if self._state != CONNECTED:
                try:
                    self._check_connected("read from it")
                except Win32Error as error:
                    raise self._refuse(overlapped, error) from None
            served = None
            if not self._reads:  # earlier reads are served first
                if self._inbox.messages:
                    served = self._take(view, message)
                if served is None:
                    pulled = self._pull_read(view, message)
                    if pulled is not True and pulled is not False:
                        served = pulled
                if served is None and self._inbox.ended is not None:
                    raise self._refuse(overlapped, self._ended_error())
            if served is None:
                if self.nowait:
                    empty = Win32Error.from_code(ERROR_NO_DATA, f"{self.name!r} has no data")
                    raise self._refuse(overlapped, empty)
                request = Request(overlapped, threading.get_ident())
                request.view, request.message = view, message
                waiting = self._enqueue(self._reads, request, overlapped)
                if waiting is None:
                    return PENDING
        if served is not None:
            if overlapped is not None:
                complete(overlapped, *served)
            return _result(IoResult, served)
        return self._wait(waiting)  # type: ignore[arg-type]

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Write ``data`` as one message (WriteFile); done when it is all in the pipe.

        A write that does not fit waits (overlapped: ERROR_IO_PENDING) until the reader
        makes room; writes go out in the order they were made.
        """
        if self._closed:
            raise InvalidHandleError(f"{self.name!r} is closed")
        if not self.access & _WRITE_RIGHTS:
            raise AccessDeniedError(f"{self.name!r} was opened without the access to write it")
        view: bytes | memoryview
        if type(data) is bytes:  # the common case needs no view
            view = data
        else:
            view = memoryview(data)
            if view.format != "B" or view.ndim != 1:
                view = view.cast("B")
        length = len(view)
        if overlapped is not None:
            overlapped.completion = self.completion
        if self.raw:  # an anonymous pipe: plain bytes
            payload = bytes(view)
        elif length or self.message_type:  # frames
            payload = frames(view)
        else:  # no empty byte writes
            payload = b""
        sent = 0
        with IO_LOCK:
            if self._state != CONNECTED:
                try:
                    self._check_connected("write to it")
                except Win32Error as error:
                    raise self._refuse(overlapped, error) from None
            if self._inbox.ended is not None:
                raise self._refuse(overlapped, self._write_error())
            if payload and not self._writes:
                try:
                    sent = self._sock.send(payload, _SEND_FLAGS)  # type: ignore[union-attr]
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError as failure:
                    raise self._refuse(overlapped, self._write_error(failure)) from None
            if sent < len(payload):
                request = Request(overlapped, threading.get_ident())
                request.length, request.data, request.sent = length, payload, sent
                waiting = self._enqueue(self._writes, request, overlapped)
                if waiting is None:
                    return PENDING
                sent = -1
        if sent >= 0:
            if overlapped is not None:
                complete(overlapped, 0, length)
            return _result(IoResult, (0, length))
        return self._wait(waiting)  # type: ignore[arg-type]

    # -- cancel, flush, close ------------------------------------------------------------------

    def _withdraw(self, match: Callable[[Request], bool]) -> None:
        done: Done = []
        with IO_LOCK:
            for queue in (self._reads, self._writes, self._connects):
                for request in [r for r in queue if not r.cancelled and match(r)]:
                    done.append((request.overlapped, ERROR_OPERATION_ABORTED, 0))  # type: ignore[arg-type]
                    if request.sent:  # part of it is out: end its chunk, then void it
                        request.cancelled = True
                        end = (
                            request.sent if self.raw else chunk_end(request.sent, len(request.data))
                        )
                        request.data = request.data[:end]
                    else:
                        queue.remove(request)
        self._finish(done)

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
        self._need(_WRITE_RIGHTS, "flush it")
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
        self._finish(done)

    def __del__(self) -> None:
        sock = getattr(self, "_sock", None)
        if sock is not None:  # never closed: let ours go without a warning, leave the C runtime's
            sock.close() if getattr(self, "_owns_fd", True) else sock.detach()
