"""I/O completion ports: a queue of completion packets that a pool of threads takes from.

A :class:`CompletionPort` (CreateIoCompletionPort) holds packets: those :meth:`post` queues
(PostQueuedCompletionStatus) and those the overlapped operations of the files associated with
it (:meth:`associate`) queue as they complete, each with the file's key. :meth:`get`
(GetQueuedCompletionStatus) takes the oldest packet, waiting if there is none.

Windows' rules, kept here:

* Waiting threads are served newest first (LIFO): the thread that waited last gets the next
  packet, so a few busy threads stay warm while the others sleep.
* ``concurrency`` (0: the number of CPUs) bounds how many threads run packets at once. A
  thread that took a packet counts as running until it calls :meth:`get` again (on any port)
  or ends; while the bound is reached, packets wait in the queue. Windows also stops counting
  a running thread while it blocks on something else; threads here cannot tell that, so a
  thread that blocks elsewhere still counts (the difference is documented).
* The port is a waitable object of its own: signaled while packets are queued; a wait on it
  (WaitForSingleObject) takes nothing.
* Closing the port's last handle releases the threads waiting in :meth:`get` with
  ERROR_ABANDONED_WAIT_0, and drops the packets still queued.

The waits go through the kernel's wait engine (interruptible, alertable where Windows' ``Ex``
call is, no polling): a thread in :meth:`get` waits on the port's *gate*, an internal object
that is ready while a packet can be handed out, and whose grant takes the packet for the
thread in the same kernel-lock hold.
"""

from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING, NamedTuple, final

from ..errors import ERROR_ABANDONED_WAIT_0, ERROR_INVALID_PARAMETER, Win32Error
from ._core import KERNEL_LOCK, Waitable, Waiter, release_newest_first, release_waiters, wake_all
from ._thread import add_exit_hook, current_state
from ._wait import wait_any_after

if TYPE_CHECKING:
    from ._file import File
    from ._thread import ThreadHandle
    from ._threadstate import ThreadState

__all__ = ["Completion", "CompletionPort", "CompletionPortStatistics", "WAIT_IO_COMPLETION"]

WAIT_IO_COMPLETION = 0xC0
"""The status of what an alertable :meth:`CompletionPort.get` returns when APCs ran."""


@final
class Completion(NamedTuple):
    """One completion packet.

    ``status`` is the operation's Win32 code (0: success; a posted packet has 0);
    ``transferred`` its byte count; ``key`` the completion key of the file (or the one
    posted); ``overlapped`` the operation's :class:`~._overlapped.Overlapped`, or whatever
    object :meth:`CompletionPort.post` was given (None included).
    """

    status: int
    transferred: int
    key: int
    overlapped: object


_ALERTED = Completion(WAIT_IO_COMPLETION, 0, 0, None)
_ABANDONED = Completion(ERROR_ABANDONED_WAIT_0, 0, 0, None)  # a marker: get raises


@final
class CompletionPortStatistics(NamedTuple):
    """A port's state: packets queued, threads waiting in get, threads running, the bound."""

    queued: int
    waiting: int
    running: int
    concurrency: int


_running_on: dict[ThreadState, CompletionPort] = {}
"""The port each thread counts as running on (it took a packet and has not come back)."""


@final
class _Gate(Waitable):
    """Ready while the port can hand a packet to a thread; a grant takes one for it."""

    __slots__ = ("port",)

    def __init__(self, port: CompletionPort) -> None:
        super().__init__(False)
        self.port = port

    def _take(self, thread: ThreadState) -> bool:
        self.port._hand_to(thread)
        return False

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        self.port._give_back(thread)


@final
class CompletionPort(Waitable):
    """An I/O completion port (see the module): packets in, threads take them LIFO.

    Args:
        concurrency: how many threads may run packets at once; 0 means the number of CPUs.
    """

    __slots__ = ("_closed", "_gate", "_handed", "_packets", "_running", "concurrency")

    def __init__(self, concurrency: int = 0) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int):
            raise TypeError(f"concurrency is an int, not {type(concurrency).__name__}")
        if concurrency < 0:
            raise ValueError(f"concurrency is 0 (the CPUs) or more, not {concurrency}")
        super().__init__(False)
        self.concurrency = concurrency or os.cpu_count() or 1
        self._packets: deque[Completion] = deque()
        self._gate = _Gate(self)
        self._handed: dict[ThreadState, Completion | None] = {}  # None: the port closed
        self._running = 0
        self._closed = False

    def __repr__(self) -> str:
        return f"<CompletionPort {len(self._packets)} queued at {id(self):#x}>"

    # -- queueing ---------------------------------------------------------------------------

    def associate(self, file: File, key: int = 0) -> None:
        """Queue the completions of ``file``'s overlapped operations here, with ``key``.

        A file reports to one port for good (Windows has no way to undo an association).
        Only a file opened for overlapped I/O (FILE_FLAG_OVERLAPPED) can be associated, and a
        socket, which Windows makes overlapped.

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER, the file is associated already, or was
                opened for synchronous I/O.
        """
        _check_key(key)
        if not (file.overlapped_io or file.name.startswith("socket:")):
            raise Win32Error.from_code(
                ERROR_INVALID_PARAMETER, f"{file!r} was opened for synchronous I/O"
            )
        with KERNEL_LOCK:
            if file.completion is not None:
                raise Win32Error.from_code(
                    ERROR_INVALID_PARAMETER, f"{file!r} is associated with a port already"
                )
            file.completion = (self, key)

    def post(self, transferred: int = 0, key: int = 0, overlapped: object = None) -> None:
        """Queue a packet of one's own (PostQueuedCompletionStatus); ``overlapped`` is any object.

        The packet keeps ``overlapped`` alive until a thread takes it.
        """
        if isinstance(transferred, bool) or not isinstance(transferred, int):
            raise TypeError(f"a byte count is an int, not {type(transferred).__name__}")
        if not 0 <= transferred <= 0xFFFFFFFF:
            raise ValueError(f"a byte count is a DWORD, not {transferred}")
        _check_key(key)
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self.queue_locked(0, transferred, key, overlapped, woken)
        wake_all(woken)

    def queue_locked(
        self, status: int, transferred: int, key: int, overlapped: object, woken: list[Waiter]
    ) -> None:
        """Queue a packet and hand it out if a thread can take it; kernel lock held.

        The overlapped-I/O completion path calls this; the packet is dropped once the port
        is closed.
        """
        if self._closed:
            return
        self._packets.append(Completion(status, transferred, key, overlapped))
        self._ready = True
        if self._waiters:
            release_waiters(self, woken)
        if self._running < self.concurrency:
            gate = self._gate
            gate._ready = True
            if gate._waiters:
                release_newest_first(gate, woken)

    # -- taking -----------------------------------------------------------------------------

    def get(self, timeout: float | None = None, *, alertable: bool = False) -> Completion | None:
        """Take the oldest packet, waiting up to ``timeout`` seconds (GetQueuedCompletionStatus).

        The calling thread stops counting as running (on any port) as it calls, and counts
        as running here once it has a packet. Returns None on timeout; with ``alertable``,
        ``Completion(WAIT_IO_COMPLETION, 0, 0, None)`` when queued APCs ran instead.

        Raises:
            Win32Error: ERROR_ABANDONED_WAIT_0, the port was closed (before or during the wait).
        """
        result = wait_any_after(self._come_back, (self._gate,), timeout, alertable=alertable)
        if result is None:
            return None
        if isinstance(result, Completion):
            if result is _ABANDONED:
                raise _closed_error()
            return result
        if result.alerted:
            return _ALERTED
        thread = current_state()
        with KERNEL_LOCK:
            packet = self._handed.pop(thread)
        if packet is None:
            raise _closed_error()
        return packet

    def _come_back(self, thread: ThreadState, woken: list[Waiter]) -> Completion | None:
        """A thread calls get: it stops running, and takes a packet at once if it can."""
        previous = _running_on.pop(thread, None)
        if previous is not None:
            previous._leave_locked(woken)
        if self._closed:
            return _ABANDONED
        if self._packets and self._running < self.concurrency:
            self._hand_to(thread)
            packet = self._handed.pop(thread)
            assert packet is not None
            return packet
        return None

    def _hand_to(self, thread: ThreadState) -> None:
        """Give the oldest packet to ``thread``, counted as running; kernel lock held."""
        if self._closed:
            self._handed[thread] = None
            return
        self._handed[thread] = self._packets.popleft()
        self._running += 1
        _running_on[thread] = self
        self._update()

    def _give_back(self, thread: ThreadState) -> None:
        """Undo :meth:`_hand_to` for a wait that was interrupted; kernel lock held."""
        packet = self._handed.pop(thread, None)
        if packet is None:
            return
        self._packets.appendleft(packet)
        self._running -= 1
        del _running_on[thread]
        self._update()

    def _leave_locked(self, woken: list[Waiter]) -> None:
        """A running thread came back or ended: one more may run; kernel lock held."""
        self._running -= 1
        if self._packets and not self._closed:
            self._update()
            if self._gate._waiters:
                release_newest_first(self._gate, woken)

    def _update(self) -> None:
        self._ready = bool(self._packets)
        self._gate._ready = self._closed or (self._ready and self._running < self.concurrency)

    # -- the end ----------------------------------------------------------------------------

    def close(self) -> None:
        """Release the threads waiting in get (ERROR_ABANDONED_WAIT_0); drop queued packets."""
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            if self._closed:
                return
            self._closed = True
            self._packets.clear()
            self._ready = False
            self._gate._ready = True
            release_waiters(self._gate, woken)
        wake_all(woken)

    def close_on_last_handle(self) -> None:
        """The port's last handle closed: as :meth:`close`."""
        self.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        with KERNEL_LOCK:
            return self._closed

    def statistics(self) -> CompletionPortStatistics:
        """Return the packets queued and the threads waiting and running."""
        with KERNEL_LOCK:
            waiting = sum(1 for waiter in self._gate._waiters if waiter.result is None)
            return CompletionPortStatistics(
                len(self._packets), waiting, self._running, self.concurrency
            )

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


def _check_key(key: object) -> None:
    if isinstance(key, bool) or not isinstance(key, int):
        raise TypeError(f"a completion key is an int, not {type(key).__name__}")
    if not 0 <= key < 1 << 64:
        raise ValueError(f"a completion key is pointer-sized and unsigned, not {key}")


def _closed_error() -> Win32Error:
    return Win32Error.from_code(ERROR_ABANDONED_WAIT_0, "the completion port was closed")


def _thread_ended(handle: ThreadHandle) -> None:
    """An ending thread stops counting as running on its port (Windows' rule)."""
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        port = _running_on.pop(handle._state, None)
        if port is not None:
            port._leave_locked(woken)
    wake_all(woken)


add_exit_hook(_thread_ended)
