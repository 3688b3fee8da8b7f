"""A pipe end's plumbing: its socket, its queues of reads and writes, and its calls.

An end is a :class:`~._file.File` over a connected Unix stream socket that carries frames
(:mod:`._pipebuf`), or an anonymous pipe's plain bytes (``raw``). A read or write that can
finish at once finishes in the calling thread, its Overlapped (if any) completed before the
call returns, as Windows completes a pipe operation whose data is there. Otherwise the
request waits in the end's queue (reads and writes are served in the order they were made)
and is served when the socket is ready (:mod:`._pipeserve`): by the thread that waits for
it, else by the I/O thread.

When the other end goes, reads drain what arrived and then fail with ERROR_BROKEN_PIPE (or
ERROR_PIPE_NOT_CONNECTED after the server's DisconnectNamedPipe), and writes fail with
ERROR_NO_DATA. All state changes under IO_LOCK; completions (which set events) are made once
it is released, and whoever finishes work from another thread pokes the driving thread.
"""

from __future__ import annotations

import contextlib
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
    ERROR_IO_PENDING,
    ERROR_MORE_DATA,
    ERROR_NO_DATA,
    ERROR_OPERATION_ABORTED,
    ERROR_PIPE_LISTENING,
    ERROR_PIPE_NOT_CONNECTED,
    AccessDeniedError,
    InvalidHandleError,
    Win32Error,
)
from ._core import KERNEL_LOCK, UNARMED
from ._filemodes import FILE_APPEND_DATA, FILE_READ_DATA, FILE_WRITE_DATA
from ._iodrive import poke
from ._ioservice import IO_LOCK, service
from ._overlapped import PENDING, IoResult, begin, complete, spare_overlapped
from ._pipebuf import ONE_FRAME, Inbox, chunk_end, frames, pack_header
from ._piperequest import CLOSED, CONNECTED, LISTENING, Done, Request
from ._pipeserve import _SEND_FLAGS, RECEIVE_SLICE, EndDrive, PipeServing

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = ["PipeIO"]

_result = tuple.__new__  # an IoResult without its Python-level __new__ (hot path)
_get_ident = threading.get_ident
_OUTQ: Final = struct.Struct("i")
_WRITE_RIGHTS: Final = FILE_WRITE_DATA | FILE_APPEND_DATA


class PipeIO(PipeServing):
    """The data side of a pipe end (see :class:`~._pipe.PipeEnd` for the named-pipe calls)."""

    __slots__ = (
        "_arm_later", "_arms", "_connects", "_driver", "_found", "_owns_fd", "_state",
        "message_type", "nowait", "read_message",
    )  # fmt: skip

    def __init__(self, name: str, access: int, overlapped_io: bool, *, listening: bool) -> None:
        super().__init__(name, access, overlapped_io)
        self.message_type = False
        self.read_message = False
        self.nowait = False
        self.raw = False  # an anonymous pipe's bytes, unframed (see _pipebuf)
        self._owns_fd = True
        self._sock: socket.socket | None = None
        self._probe: select.poll | None = None  # is anything to receive? (_may_receive)
        self._found = False  # whether the last read that looked found data there
        self._fd = -1
        self._state = LISTENING if listening else CONNECTED
        self._inbox = Inbox()
        self._reads: deque[Request] = deque()
        self._writes: deque[Request] = deque()
        self._connects: list[Request] = []
        self._received: memoryview | None = None  # where recv lands, made on first use
        self._spare: Request | None = None  # a read's Request done with (see _block)
        self._driving = False  # a waiting thread polls the socket itself (see _drive)
        self._blocked = False  # that thread blocks in the socket's recv (see _block)
        self._wake = -1  # that thread's eventfd, poked by whoever finishes work for it
        self._driver = self._drive  # one bound method, handed to every Overlapped queued
        self._arm_now = self._arm_with_lock  # and one to arm a read left unarmed (_enqueue)
        self._arm_later = EndDrive(self)  # hands a read left unarmed on, or drives it
        self._io_arm = self._arm_later  # and a wait on the end does the same (_core.IO_OWNERS)
        self._arms: list[Callable[[], object]] = [self._arm_later]  # its UNARMED entry (read_into)
        self._events_now = self._poll_events  # what a drive polls for, and how it serves
        self._serve_now = self._serve_for

    # -- the connection (IO_LOCK held) ---------------------------------------------------------

    @property
    def listening(self) -> bool:
        """True while a server end waits for a client (read it with IO_LOCK held)."""
        return self._state == LISTENING

    def attach(self, sock: socket.socket, done: Done) -> None:
        """Give this end its connected socket; a listening server completes its connects."""
        sock.setblocking(True)  # every call but _block's says MSG_DONTWAIT: see _SEND_FLAGS
        if not self.raw:  # (an anonymous pipe's may be shared: it is left as it is)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, RECEIVE_SLICE)
        self._sock, self._fd = sock, sock.fileno()
        probe = select.poll()  # a poll set of its own: no kernel object, nothing to close
        probe.register(self._fd, select.POLLIN)
        self._probe = probe
        self._state = CONNECTED
        self._inbox = Inbox()
        for request in self._connects:
            done.append((request.overlapped, 0, 0))  # type: ignore[arg-type]
        self._connects.clear()

    def _drop_socket(self, notice: bytes = b"") -> None:
        sock, self._sock, self._probe = self._sock, None, None
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

    # -- starting requests ---------------------------------------------------------------------

    def _may_receive(self) -> bool:
        """Whether a read should try to receive now (IO_LOCK held): False if nothing is there.

        A receive that finds nothing raises, which costs twice what a poll of the socket
        does; a poll before a receive that finds data costs that poll. So an end whose last
        read found its data there (a client whose peer answered while it was sending) just
        tries to receive, and one whose reads pended (a server waiting for requests) looks
        first. Either way a read whose data is there takes it at once.
        """
        if self._found:
            return True
        probe = self._probe
        return probe is not None and bool(probe.poll(0))

    def _refuse(self, overlapped: Overlapped | None, error: Win32Error) -> Win32Error:
        """An immediate failure leaves the caller's Overlapped pending, as Windows does."""
        if overlapped is not None:
            overlapped.file = None  # refused: the end stays signaled (nothing pends on it)
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
        or a poll of them, arms it first (``_core.UNARMED``), and the I/O thread's sweep arms
        it anyway (within ``SWEEP_DELAY``, or a little later while every sweep found the reads
        taken: ``SWEEP_BACKOFF``), so that it drains the pipe as Windows' would. A read
        whose completion goes to a completion port is armed at once: its thread waits on
        the port (GetQueuedCompletionStatus), which knows nothing of the Overlapped.
        """
        queue.append(request)
        if self._driving:  # another thread drives: it must poll for this one too
            poke(self._wake)
        if given is None or not self.overlapped_io:
            waiting = given or spare_overlapped()
            waiting.file = self  # a synchronous call pends on this end too
            request.overlapped = waiting
            begin(waiting)
            return waiting
        if queue is self._reads and (given.completion is None or not given.queue_completion):
            begin(given, self._driver, self._arm_later)
            service.sweep_soon(self._arm_now)
        else:  # a write must go on (a reader, in this process maybe, may wait for it), and
            # a read that reports to a completion port is waited for there, not on itself
            begin(given, self._driver)
            self._arm()
        return None

    def _wait(self, overlapped: Overlapped) -> IoResult:
        """Wait for a synchronous call's request; cancel it if the wait is interrupted."""
        try:
            if self._drive(overlapped) is False:  # another drives: the I/O thread serves
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

    def read_into(
        self, buffer: Buffer, overlapped: Overlapped | None = None, *, transacting: bool = False
    ) -> IoResult:
        """Read a message (message read mode) or bytes (byte mode) into ``buffer`` (ReadFile).

        ``transacting``: the read of a TransactNamedPipe, pending on Windows from the moment
        its message was written, so a reply that came before a DisconnectNamedPipe is kept.

        Returns at once when data is there: IoResult(0, n), or (ERROR_MORE_DATA, n) for a
        longer message. Otherwise an overlapped handle returns ERROR_IO_PENDING and a
        synchronous one waits; a PIPE_NOWAIT end fails with ERROR_NO_DATA.
        """
        if self._closed:
            raise InvalidHandleError(f"{self.name!r} is closed")
        if not self.access & FILE_READ_DATA:
            raise AccessDeniedError(f"{self.name!r} was opened without the access to read it")
        view = memoryview(buffer)
        if type(buffer) is not bytearray:  # a bytearray's view is writable bytes already
            if view.format != "B" or view.ndim != 1:
                view = view.cast("B")
            if view.readonly:
                raise TypeError("a read needs a writable buffer")
        if overlapped is not None:
            overlapped.completion = self.completion
            overlapped.file = self  # its operation drives this end's signaled state
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
                inbox = self._inbox
                if inbox.ended == "disconnected" and not transacting:
                    inbox.messages.clear()  # (see below)
                if inbox.messages:
                    served = self._take_data(view, message)
                if served is None:
                    if self._found or ((probe := self._probe) is not None and probe.poll(0)):
                        pulled = self._pull_read(view, message)  # (see _may_receive)
                        if pulled is not True and pulled is not False:
                            served = pulled
                        self._found = pulled is not False
                        if inbox.ended == "disconnected" and not transacting:
                            # DisconnectNamedPipe discards what the client has not read; only a
                            # read already pending when the data came (in _reads, or a
                            # transaction's) takes it
                            inbox.messages.clear()
                            served = None
                    if served is None and inbox.ended is not None:
                        raise self._refuse(overlapped, self._ended_error())
            if served is None:
                if self.nowait:
                    empty = Win32Error.from_code(ERROR_NO_DATA, f"{self.name!r} has no data")
                    raise self._refuse(overlapped, empty)
                request = self._spare
                if request is None:
                    request = Request(overlapped, _get_ident())
                else:  # a read served in full before: reused (all but these are unchanged)
                    self._spare = None
                    request.overlapped = overlapped
                    request.thread = _get_ident()
                request.view = view
                request.message = message
                if overlapped is not None and self.overlapped_io and self.completion is None:
                    # the common case, _enqueue's for an overlapped read, without the call;
                    # and begin(overlapped, self._driver, self._arm_later) written out, for
                    # an operation on this end (its ``file``) with an arm
                    self._reads.append(request)
                    if self._driving:
                        poke(self._wake)
                    with KERNEL_LOCK:
                        overlapped._ready = self._ready = False
                        overlapped._status = ERROR_IO_PENDING
                        overlapped._driver = self._driver
                        UNARMED[overlapped] = self._arms  # (never changed: shared)
                        event = overlapped.event
                        if event is not None:
                            event._ready = False
                            UNARMED.setdefault(event, []).append(self._arm_later)
                    arm = self._arm_now
                    if arm not in service._sweeps:  # (sweep_soon's first test, without the call)
                        service.sweep_soon(arm)
                    return PENDING
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
            overlapped.file = self  # its operation drives this end's signaled state
        if self.raw:  # an anonymous pipe: plain bytes
            payload = bytes(view)
        elif length and length <= ONE_FRAME:  # one frame (frames(), without the call)
            payload = pack_header(length) + view
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
            if not payload and not self.raw:  # nothing to send finds no broken socket: look
                while self._pull():
                    pass
            if self._inbox.ended is not None:
                raise self._refuse(overlapped, self._write_error())
            if payload and not self._writes:
                try:
                    sent = self._sock.send(payload, _SEND_FLAGS)  # type: ignore[union-attr]
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError as failure:
                    raise self._refuse(overlapped, self._write_error(failure)) from None
                if overlapped is None and sent == len(payload):  # the common case: all out
                    return _result(IoResult, (0, length))
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

        A flush that starts once the other end has closed has nothing to wait for: it
        succeeds, as Windows' does (what was written is discarded with the reader).

        Raises:
            Win32Error: ERROR_BROKEN_PIPE if the other end closes while the flush waits,
                ERROR_PIPE_NOT_CONNECTED if the server disconnected.
        """
        self._check_open()
        self._need(_WRITE_RIGHTS, "flush it")
        delay = 0.0005
        waited = False
        while True:
            with IO_LOCK:
                self._check_connected("flush it")
                sock = self._sock
                if not waited and sock is not None and self._inbox.ended is None:
                    while self._pull():  # has the other end gone already?
                        pass
                if sock is None or (self._inbox.ended is not None and not self._inbox.has_data()):
                    if not waited and sock is not None and self._inbox.ended != "disconnected":
                        return
                    raise self._ended_error()
                if not self._writes:
                    raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, _OUTQ.pack(0))
                    if not _OUTQ.unpack(raw)[0]:
                        return
            time.sleep(delay)  # nothing tells us when the peer reads: poll, backing off
            delay = min(delay * 2, 0.02)
            waited = True

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
