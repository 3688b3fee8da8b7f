"""Serving a pipe end's socket: who moves the bytes of its queued reads and writes, and how.

A request that cannot finish when it is made waits in its end's queue (:mod:`._pipeio`) and
is served when the socket is ready, by one of two: the thread that waits for it, which polls
the socket itself (a synchronous call or GetOverlappedResult with bWait: :func:`._iodrive.
drive`; a wait on the Overlapped's event or the Overlapped, alone or among other objects:
the end's :class:`EndDrive` through the wait engine), or else the I/O thread, armed for the
socket (:mod:`._ioservice`). One thread drives an end at a time; the I/O thread leaves the
socket alone meanwhile. Whoever finishes work for a driving thread from another thread (a
cancel, a close, a request queued) pokes that thread's eventfd.

A thread that waits for a read that is its end's only request (the common case) first
blocks in the socket's recv for it (:meth:`PipeServing._drive`), one syscall where a poll
and a recv were two. Nothing can poke a recv: a close or a disconnect shuts the socket down
(the recv returns), and a cancel from another thread is seen when the socket's receive
timeout (:data:`RECEIVE_SLICE`, 50 ms) ends the recv; a wait that lasts that long goes on
polling.

Serving itself (:meth:`PipeServing._serve`) sends what the socket takes and receives what
it holds, completing requests in the order they were made. All of it runs with IO_LOCK held;
completions (which set events) are made once it is released.
"""

from __future__ import annotations

import contextlib
import errno
import select
import socket
import struct
from typing import TYPE_CHECKING, Final, final

from ..errors import (
    ERROR_BROKEN_PIPE,
    ERROR_MORE_DATA,
    ERROR_NO_DATA,
    ERROR_PIPE_NOT_CONNECTED,
    InvalidHandleError,
    Win32Error,
)
from ._core import CANCELLED, IO_OWNERS, KERNEL_LOCK, UNARMED, Drive, release_waiters
from ._file import File
from ._iodrive import (
    drive,
    drive_kit,
    drive_until,
    kit_waiter,
    kits,
    marker_of,
    poke,
    unpark,
    wake_fd,
)
from ._ioservice import IO_LOCK, READABLE, WRITABLE, service
from ._overlapped import complete_locked, forget_event_arm
from ._parkwatch import blocked_watchers, notify_blocked
from ._pipebuf import abort_frame, frame_length
from ._piperequest import Done, finish

if TYPE_CHECKING:
    from collections import deque
    from collections.abc import Callable

    from ._core import Waiter
    from ._iodrive import _Kit
    from ._overlapped import Overlapped
    from ._pipebuf import Inbox
    from ._piperequest import Request
    from ._threadstate import ThreadState

__all__ = ["EndDrive", "PipeServing", "RECEIVE_SLICE"]

_RECV_SIZE: Final = 65536
RECEIVE_SLICE: Final = struct.pack("ll", 0, 50_000)
"""A named pipe's socket's receive timeout (SO_RCVTIMEO, a struct timeval: 50 ms).

Only a thread blocked in a receive for its own read (:meth:`PipeServing._block`) receives
without MSG_DONTWAIT. If nothing comes in this time it goes on polling, as a wait that
others can poke: a cancel from another thread is seen within this time at most.
"""
_SEND_FLAGS: Final = getattr(socket, "MSG_NOSIGNAL", 0) | socket.MSG_DONTWAIT
_RECV_FLAGS: Final = socket.MSG_DONTWAIT  # per call: the sockets are blocking (see _block)


@final
class EndDrive(Drive):
    """A pending read's arm (``_core.UNARMED``): hands the end to the I/O thread, or drives it.

    One per end, shared by its operations. A thread that waits on the read's event (or its
    Overlapped) with no other I/O left unarmed there serves the end itself while it waits.
    """

    __slots__ = ("_end",)

    def __init__(self, end: PipeServing) -> None:
        self._end = end

    def __call__(self) -> None:
        """Have the I/O thread arm the end now; kernel lock held, so this must not block."""
        service.call_later(0.0, self._end._arm_now)

    def waiter(self, thread: ThreadState) -> Waiter | None:
        return kit_waiter(thread)

    def drive(self, waiter: Waiter, deadline: float | None) -> bool:
        return self._end._drive_wait(waiter, deadline)


class PipeServing(File):
    """The serving half of a pipe end: :class:`~._pipeio.PipeIO` sets this state up.

    Its kinds are in ``_core.IO_OWNERS``: a wait on an end calls its ``_io_arm`` (the arm of
    its reads left unarmed, an :class:`EndDrive`) while it is nonsignaled.
    """

    __slots__ = (
        "_arm_now", "_blocked", "_driving", "_events_now", "_fd", "_inbox", "_io_arm", "_probe",
        "_reads", "_received", "_serve_now", "_sock", "_spare", "_wake", "_writes", "raw",
    )  # fmt: skip

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)  # type: ignore[arg-type]
        IO_OWNERS.add(cls)

    raw: bool
    _sock: socket.socket | None
    _probe: select.poll | None
    _fd: int
    _inbox: Inbox
    _reads: deque[Request]
    _writes: deque[Request]
    _received: memoryview | None
    _spare: Request | None  # a read's Request done with, for the next read (see _block)
    _driving: bool
    _blocked: bool
    _wake: int
    _arm_now: Callable[[], bool]
    _io_arm: EndDrive  # the end's arm for a wait on the end itself (see _core.IO_OWNERS)
    _events_now: Callable[[], int]  # _poll_events and _serve_for, bound once (see _drive)
    _serve_now: Callable[[Overlapped], tuple[int, int] | None]

    # -- the socket (IO_LOCK held) ---------------------------------------------------------------

    def _ended_error(self) -> Win32Error:
        if self._inbox.ended == "disconnected":
            return Win32Error.from_code(
                ERROR_PIPE_NOT_CONNECTED, f"the server disconnected {self.name!r}"
            )
        return Win32Error.from_code(ERROR_BROKEN_PIPE, f"the other end of {self.name!r} closed")

    def _receive(self) -> memoryview | None:
        """Receive what the socket holds now (one recv): None if nothing came.

        An empty view means the peer closed the connection; the inbox knows it already.
        """
        count = self._recv_now()
        return None if count < 0 else self._received[:count]  # type: ignore[index]

    def _recv_now(self) -> int:
        """One recv into ``_received``: the bytes that came, 0 at the end, -1 if none came."""
        sock = self._sock
        if sock is None or self._inbox.ended is not None or self._blocked:
            return -1  # (blocked: the thread in recv receives; nobody else may meanwhile)
        received = self._received
        if received is None:
            received = self._received = memoryview(bytearray(_RECV_SIZE))
        try:
            count = sock.recv_into(received, 0, _RECV_FLAGS)
        except (BlockingIOError, InterruptedError):
            return -1
        except OSError:
            count = 0
        if not count:
            self._inbox.end()
        return count

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
        socket's bytes, without the inbox (the common case of a round trip: one call here,
        one recv, one copy).
        """
        count = self._recv_now()
        if count <= 0:
            return count == 0
        received: memoryview = self._received  # type: ignore[assignment]
        inbox = self._inbox
        if self.raw:
            inbox.feed_raw(received[:count])
        else:
            taken = inbox.take_frame(received, count, view)
            if taken >= 0:
                return (0, taken)
            inbox.feed(received[:count])
        return self._take_data(view, message) or True

    def _take_data(self, view: memoryview, message: bool) -> tuple[int, int] | None:
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
            served = self._take_data(view, head.message) if self._inbox.messages else None
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

    # -- who serves it --------------------------------------------------------------------------

    def _arm_with_lock(self) -> bool:
        """Arm the end (a sweep, or a wait on a read left unarmed); True if a read was left.

        Left to nobody, that is: no thread drives the end, so the I/O thread serves it now.
        """
        with IO_LOCK:
            self._arm()
            return bool(self._reads) and not self._driving and self._sock is not None

    def _arm(self) -> None:
        if self._driving:
            if self._blocked and self._writes and self._sock is not None:
                service.arm(self._fd, WRITABLE, self._on_ready)  # its thread only receives
            return
        events = (READABLE if self._reads else 0) | (WRITABLE if self._writes else 0)
        if events and self._sock is not None:
            service.arm(self._fd, events, self._on_ready)

    def _finish(self, done: Done) -> None:
        """Make the completions decided under IO_LOCK; wake a thread that drives this end.

        For every thread that makes them without driving the end: one that never drove it,
        and one that has let go of it (in the hold that decided them), since another thread
        may have started driving it meanwhile for a read among them, served but not yet
        completed. That thread polls only the socket and its eventfd: unpoked, it would
        wait forever. A thread that still drives the end completes with :func:`finish`
        (nobody else drives it then).
        """
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

    def _drive(self, overlapped: Overlapped) -> tuple[int, int] | bool:
        """Serve this end on the calling thread until ``overlapped`` completes (see _iodrive).

        One thread drives an end at a time; the I/O thread leaves the socket alone meanwhile.
        Returns False, at once, when another thread drives: wait the usual way then. Else
        True, or the operation's (status, count) when its completion was seen here (then
        the caller need not look at the Overlapped again).

        The thread's read alone in the end's queues (GetOverlappedResult with bWait, a
        blocking ReadFile: the common case) blocks in the socket's recv for it, and when that
        brings exactly its one message, completes it here: the rest is :meth:`_block`'s.
        (Its holds stay ``with`` blocks: a hold begun by ``acquire()`` can be left held by
        a KeyboardInterrupt raised as that call returns, which ``with`` does not allow.)
        """
        try:
            kit: _Kit = kits.kit
        except AttributeError:
            kit = drive_kit()
        with IO_LOCK:
            if self._driving or (sock := self._sock) is None:
                return False
            self._driving = True
            fd = self._fd
            if fd in service._handlers:  # (disarm's first test, without the call)
                service.disarm(fd)
            reads = self._reads
            inbox = self._inbox
            blocking = (
                len(reads) == 1
                and not self._writes
                and reads[0].overlapped is overlapped
                and not self.raw
                and not inbox.messages
                and inbox.ended is None
            )
            if blocking:  # its read alone: block in the socket's recv for it (see _block)
                # park_on(kit, overlapped) written out, in this hold (IO_LOCK, then the kernel's)
                marker = kit.marker
                if marker is None:
                    marker = marker_of(kit)
                marker.objects = (overlapped,)
                with KERNEL_LOCK:
                    if UNARMED:  # its thread carries it out now: nobody need arm it
                        arms = UNARMED.pop(overlapped, None)
                        if arms is not None and overlapped.event is not None:
                            forget_event_arm(overlapped, arms)
                    if overlapped._ready:  # done already: nothing to park on
                        blocking = False
                    else:
                        marker.result = None
                        marker.thread.active = marker
                        if blocked_watchers:
                            notify_blocked()
                        self._blocked = True
                got = self._received
                if got is None:
                    got = self._received = memoryview(bytearray(_RECV_SIZE))
                received: memoryview = got
                head = reads[0]
            if not blocking:  # it polls: whoever finishes work for it pokes it (blocked in
                self._wake = kit.fd  # recv it cannot be poked: see _block)
        if not blocking:
            return self._poll(kit, overlapped, fd)
        woken: list[Waiter] | None = None
        parked, taken = True, -1  # parked until let go of, here or by _block
        try:
            try:  # one blocking recv, and nobody to wake us (see _block)
                count = sock.recv_into(received)
            except (BlockingIOError, InterruptedError):  # the slice ended: nothing came
                count = -1
            except OSError:
                count = 0
            with IO_LOCK:
                inbox = self._inbox
                if (  # Inbox.take_frame written out: its one message, whole, nothing before it
                    count >= 4
                    and len(reads) == 1
                    and reads[0] is head  # (still queued: neither cancelled nor failed, and
                    # so on the same socket: a close or a disconnect clears the queue, and a
                    # Request is queued again only from _spare, where only this puts it)
                    and inbox.ended is None
                    and not inbox.messages
                    and not inbox._raw  # (a partial header waits there)
                ):
                    taken = frame_length(received)[0]
                    view: memoryview = head.view  # type: ignore[assignment]
                    if count - 4 == taken and taken <= len(view):
                        view[:taken] = received[4:count]
                    else:
                        taken = -1
                if taken >= 0:  # the common case: its one message, straight into its buffer
                    reads.clear()  # and its buffer and Overlapped let go: the caller's
                    head.view = head.overlapped = None
                    self._spare = head  # nobody else holds it: the next read reuses it
                    self._blocked = self._driving = False  # (_wake is -1 while blocked)
                    if self._writes:
                        self._arm()
                    with KERNEL_LOCK:  # unpark(kit, overlapped, outcome, woken) written out
                        if overlapped._ready:  # completed by another thread meanwhile
                            pass
                        elif (
                            overlapped._waiters
                            or overlapped.event is not None
                            or overlapped.completion is not None
                        ):
                            woken = []
                            complete_locked(overlapped, 0, taken, woken)
                        else:  # complete_locked written out: nobody waits on it but us
                            # (its arm was dropped as it parked, above; its file is this end)
                            overlapped._status = 0
                            overlapped._transferred = taken
                            overlapped._ready = True
                            overlapped._driver = overlapped.file = None
                            if not self._ready:  # this end is signaled again
                                self._ready = True
                                if self._waiters:
                                    woken = []
                                    release_waiters(self, woken)
                        marker.result = CANCELLED  # type: ignore[union-attr]
                        parked = False
        except BaseException:  # interrupted (Ctrl-C) still parked: let go of the end
            if parked:
                self._let_go_blocked(kit, overlapped)
            raise
        if parked:  # anything else: the general case (_block lets go of the end)
            return self._block(kit, overlapped, fd, sock, count)
        if woken:
            for waiter in woken:
                waiter.wake()
        return (0, taken)

    def _let_go_blocked(self, kit: _Kit, overlapped: Overlapped) -> None:
        """A thread blocked for its read was interrupted (Ctrl-C): let go of the end, unpark."""
        try:
            with IO_LOCK:
                self._blocked = self._driving = False
                self._wake = -1
                self._arm()
        finally:
            unpark(kit, overlapped, None)

    def _poll(self, kit: _Kit, overlapped: Overlapped, fd: int) -> tuple[int, int] | bool:
        """:meth:`_drive` by polling the socket and the thread's eventfd (see _iodrive)."""
        outcome = None
        try:  # its waiter carries it out: no arming for it
            outcome = drive(kit, overlapped, fd, self._events_now, self._serve_now)
        finally:
            if outcome is None:  # not let go by _serve_for: let go of it here
                with IO_LOCK:
                    self._driving = False
                    self._wake = -1
                    self._arm()
        return True if outcome is None else outcome

    def _block(
        self, kit: _Kit, overlapped: Overlapped, fd: int, sock: socket.socket, count: int
    ) -> tuple[int, int] | bool:
        """:meth:`_drive` for the calling thread's lone read, blocked in the socket's recv.

        The thread waits for its read alone (GetOverlappedResult with bWait, a blocking
        ReadFile): one blocking recv, rather than a poll and a recv, and nobody to wake it.
        ``_blocked`` (set by :meth:`_drive`, with ``_driving``, under IO_LOCK) keeps every
        other receive off the socket meanwhile (a peek, the I/O thread, another thread's
        read find nothing there: data still in the socket belongs to the read that waits,
        as on Windows); writes queued meanwhile go to the I/O thread (``_arm``). The
        socket's receive timeout (:data:`RECEIVE_SLICE`) ends the recv if nothing came: a
        wait that long goes on polling (:meth:`_poll`), which whoever finishes its work
        pokes (a cancel from another thread is seen at once then, and a thread waiting for a
        long time costs no wake-ups); the main thread sees a Ctrl-C in either. A close or a
        disconnect shuts the socket down, which ends the recv at once, as the other end's
        going does.

        :meth:`_drive` made the first recv, which brought ``count`` bytes (-1: none, 0: the
        end) that were not its read's one whole message: this takes them, and receives
        again while the read waits. Returns what :meth:`_drive` does: the read's (status,
        count) once it completed here, else True (cancelled, closed: its completer
        completed it).
        """
        received: memoryview = self._received  # type: ignore[assignment]
        outcome: tuple[int, int] | None = None
        stop = polls = False
        try:
            while True:
                done: Done = []
                with IO_LOCK:
                    outcome, stop = self._received_for(overlapped, sock, count, done)
                    polls = not stop and count < 0
                    if polls:  # still driving, no longer blocked: the I/O thread leaves it
                        self._blocked = False
                        self._wake = kit.fd  # and it can be poked now (none came meanwhile)
                        service.disarm(fd)
                if done:  # once let go of (stop), another thread may drive: poke it
                    if stop:
                        self._finish(done)
                    else:
                        finish(done)
                if stop or polls:
                    break
                try:
                    count = sock.recv_into(received)
                except (BlockingIOError, InterruptedError):  # the slice ended: nothing came
                    count = -1
                except OSError:
                    count = 0
        finally:
            if not (stop or polls):  # interrupted (Ctrl-C)
                with IO_LOCK:
                    self._blocked = self._driving = False
                    self._wake = -1
                    self._arm()
            unpark(kit, overlapped, outcome)
        if polls:
            return self._poll(kit, overlapped, fd)
        return True if outcome is None else outcome

    def _received_for(
        self, overlapped: Overlapped, sock: socket.socket | None, count: int, done: Done
    ) -> tuple[tuple[int, int] | None, bool]:
        """Take ``count`` bytes :meth:`_block` received (-1: none; 0: the end); IO_LOCK held.

        Returns the read's (status, count) if it completed, and whether the thread stops
        blocking: then it no longer drives the end, in this same hold.
        """
        reads = self._reads
        mine = bool(reads) and reads[0].overlapped is overlapped
        outcome: tuple[int, int] | None = None
        if self._sock is not sock:  # closed or disconnected under us: its requests failed
            count = -1
        elif count > 0:
            received: memoryview = self._received  # type: ignore[assignment]
            head = reads[0] if mine else None
            taken = (
                self._inbox.take_frame(received, count, head.view)  # type: ignore[arg-type]
                if head is not None and len(reads) == 1
                else -1
            )
            if taken >= 0:  # the common case: its one message, straight into its buffer
                reads.clear()
                outcome = (0, taken)
            else:
                self._inbox.feed(received[:count])
        elif count == 0:
            self._inbox.end()
        if outcome is None and (count >= 0 or not mine):
            self._blocked = False  # serve what came the usual way (all reads in order)
            self._serve(done)
            for entry in done:
                if entry[0] is overlapped:
                    outcome = (entry[1], entry[2])
                    break
        stop = outcome is not None or not mine or self._sock is not sock
        if stop:
            self._blocked = self._driving = False
            self._wake = -1
            if reads or self._writes:
                self._arm()
        else:
            self._blocked = True
        return outcome, stop

    def _poll_events(self) -> int:
        """What a driving thread polls the socket for: what its queued requests need."""
        return (select.POLLIN if self._reads else 0) | (select.POLLOUT if self._writes else 0)

    def _serve_for(self, overlapped: Overlapped) -> tuple[int, int] | None:
        """Serve the end for a driving thread: ``overlapped``'s (status, count) once it is done.

        Then the thread stops driving the end in the same lock hold (it waits for nothing
        else). The common case, the thread's read alone in the queues, is served straight
        from the socket, and its completion left to :func:`._iodrive.drive`; otherwise all
        completions are made here, once the lock is released, as always.
        """
        done: Done = []
        outcome: tuple[int, int] | None = None
        with IO_LOCK:
            reads = self._reads
            if (
                len(reads) == 1
                and not self._writes
                and reads[0].overlapped is overlapped
                and not self._inbox.messages
            ):
                head = reads[0]
                pulled = self._pull_read(head.view, head.message)  # type: ignore[arg-type]
                if pulled is False:
                    return None
                if pulled is not True:  # out of the queue: nobody but us completes it now
                    reads.clear()
                    outcome = pulled
            if outcome is None:  # anything else: serve every queued request in order
                self._serve(done)
                for entry in done:  # most often the only one
                    if entry[0] is overlapped:
                        outcome = (entry[1], entry[2])
                        break
            if outcome is not None:
                self._driving = False
                self._wake = -1
                if reads or self._writes:
                    self._arm()
        if done:  # once let go of (an outcome), another thread may drive: poke it
            if outcome is not None:
                self._finish(done)
            else:
                finish(done)
        return outcome

    def _serve_here(self) -> None:
        done: Done = []
        with IO_LOCK:
            self._serve(done)
        finish(done)

    def _drive_wait(self, waiter: Waiter, deadline: float | None) -> bool:
        """Serve this end on the calling thread until ``waiter``'s wait is decided: True.

        Or until ``deadline`` (``time.monotonic()``; None: none) has passed: False.

        The thread waits on the event or Overlapped of one of this end's pending reads (the
        wait engine's ``_drive``). If another thread drives the end already, that one serves
        it and this one only waits to be woken.
        """
        with IO_LOCK:
            mine = not self._driving and self._sock is not None
            if mine:
                self._driving = True
                self._wake = wake_fd()
                fd = self._fd
                service.disarm(fd)
            else:
                self._arm()
                fd = -1
        try:
            return drive_until(waiter, fd, self._poll_events, self._serve_here, deadline)
        finally:
            if mine:
                with IO_LOCK:
                    self._driving = False
                    self._wake = -1
                    self._arm()
