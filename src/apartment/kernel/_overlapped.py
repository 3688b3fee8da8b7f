"""One I/O request in flight: an OVERLAPPED, waitable until its operation completes.

Windows reports an overlapped operation three ways at once when it completes: the status and
byte count in the OVERLAPPED (``Internal``, ``InternalHigh``), its ``hEvent`` set, and the
completion seen by ``GetOverlappedResult``. Here an :class:`Overlapped` is itself a kernel
object, signaled while no operation is pending on it, so any wait mixes it with events,
mutexes and threads; its ``event``, when it has one, is set in the same kernel-lock hold that
records the result. Whoever completes the operation (the calling thread when it could finish
at once, the I/O thread otherwise, a cancel or a close) calls :func:`complete` exactly once.

An operation also drives the signaled state of its file (:class:`~._file.File`), when the
file names itself in the Overlapped's ``file`` as the operation starts: the file goes
nonsignaled when the operation pends (:func:`begin`; Windows clears a file object's event as
a read or write starts, Wine in ``queue_async`` when the request pends) and is signaled when
it completes (:func:`complete_locked`), unless the operation has an event, which is set
instead and the file stays nonsignaled (Windows signals one or the other; Wine:
``async_set_result``). A wait on the file must see a pending operation through: a file
whose operations may be left unarmed (a pipe end) is of a kind in ``_core.IO_OWNERS``, and
the wait engine calls its own arm, which serves all its operations, rather than each
operation noting one for it. The bookkeeping is written out in those two functions rather
than called: it runs twice per pipe read.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, NamedTuple, final

from ..errors import ERROR_IO_PENDING, IoIncompleteError, Win32Error
from ._core import KERNEL_LOCK, UNARMED, Waitable, Waiter, arm_unarmed, release_waiters
from ._event import Event

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._core import WaitResult
    from ._iocp import CompletionPort
    from ._threadstate import ThreadState

    _Driver = Callable[["Overlapped"], "tuple[int, int] | bool | None"]
    """Carries a pending operation out on the waiting thread: its (status, count) once seen."""

__all__ = [
    "IoResult",
    "Overlapped",
    "begin",
    "complete",
    "complete_locked",
    "forget_event_arm",
    "spare_overlapped",
]


@final
class IoResult(NamedTuple):
    """What an I/O call reports at once.

    ``status`` is 0 (done), ``ERROR_MORE_DATA`` (done: a message longer than the buffer, the
    rest stays in the pipe) or ``ERROR_IO_PENDING`` (it goes on; its Overlapped tells when it
    ends). ``transferred`` is the byte count of a call that is done, else 0.
    """

    status: int
    transferred: int


DONE = IoResult(0, 0)
PENDING = IoResult(ERROR_IO_PENDING, 0)


@final
class Overlapped(Waitable):
    """The state of one overlapped operation (Win32's OVERLAPPED), and a waitable for its end.

    ``offset`` is where a file read or write starts (pipes ignore it); ``event``, if any, is
    reset when an operation starts and set when it completes. The object is signaled while
    no operation is pending, so ``wait()`` and ``wait_any`` return once it has completed. Use
    one Overlapped for one operation at a time, as Windows requires.

    An operation on a file associated with a completion port also queues a packet there when
    it completes (the file's port and key are noted in ``completion`` as it starts), unless
    ``queue_completion`` is false (Win32: an hEvent with its low bit set). ``context`` is the
    caller's: a port's packet carries the Overlapped, and its owner finds its own object there.
    ``file`` is the file whose signaled state the operation under way drives, if its file
    keeps one by its operations (set as the operation starts, cleared as it completes).
    """

    __slots__ = (
        "_driver",
        "_status",
        "_transferred",
        "completion",
        "context",
        "event",
        "file",
        "offset",
        "queue_completion",
    )

    def __init__(
        self, offset: int = 0, event: Event | None = None, *, context: object = None
    ) -> None:
        if not isinstance(offset, int) or offset < 0:
            raise ValueError(f"an offset is a byte position, 0 or more, not {offset!r}")
        if event is not None and not isinstance(event, Event):
            raise TypeError(f"an Overlapped's event is an Event, not {type(event).__name__}")
        super().__init__(True)
        self.offset = offset
        self.event = event
        self.context = context
        self.completion: tuple[CompletionPort, int] | None = None
        self.queue_completion = True
        self.file: Waitable | None = None
        self._status = 0
        self._transferred = 0
        # Who can carry the pending operation forward on a waiting thread (a pipe end), if
        # anyone: set while an operation is queued, cleared when it completes.
        self._driver: _Driver | None = None

    def __repr__(self) -> str:
        state = "pending" if self.pending else f"status {self._status}"
        return f"<Overlapped {state}, {self._transferred} bytes at {id(self):#x}>"

    @property
    def pending(self) -> bool:
        """True while an operation started with this Overlapped has not completed."""
        with KERNEL_LOCK:
            if UNARMED and not self._ready:  # polled: the operation must go on without us
                arm_unarmed((self,))
            return not self._ready

    @property
    def status(self) -> int:
        """The Win32 code of the last operation: 0, an error, or ERROR_IO_PENDING while pending."""
        with KERNEL_LOCK:
            if UNARMED and not self._ready:
                arm_unarmed((self,))
            return self._status

    @property
    def transferred(self) -> int:
        """The bytes the last completed operation moved."""
        with KERNEL_LOCK:
            return self._transferred

    def result(self, wait: bool = False) -> int:
        """Return the bytes transferred by the operation, or raise its error (GetOverlappedResult).

        With ``wait`` a pending operation is waited for (the event first, when there is one,
        as Windows waits on it; then the operation itself); without, a pending operation
        raises :class:`IoIncompleteError`.

        Raises:
            IoIncompleteError: still pending and ``wait`` is false.
            Win32Error: the operation failed, or ended with ERROR_MORE_DATA.
        """
        driver = self._driver  # a hint, read without the lock (see below)
        if wait and driver is not None and self.event is None:
            # The waiting thread can carry the operation out itself (a pipe read): it does,
            # and the driver hands back the result it saw under the lock. The hint is
            # stale only if another thread completed the operation meanwhile: the driver
            # then finds it done and hands back nothing, and it is read below.
            outcome = driver(self)
            if type(outcome) is tuple:
                status, transferred = outcome  # (no cast(): a call on the hot path)
                if status:
                    raise Win32Error.from_code(status, "the overlapped operation failed")
                return transferred
        with KERNEL_LOCK:  # the status and count are read in the hold that sees it done
            done, driver = self._ready, self._driver
            status, transferred = self._status, self._transferred
            if not done and not wait and UNARMED:  # polled: it must go on without us
                arm_unarmed((self,))
        if not done:
            if not wait:
                raise IoIncompleteError("the operation has not completed; wait for it first")
            outcome = None
            if driver is not None:  # the waiting thread does the I/O itself: no hand-off
                outcome = driver(self)
            if self.event is not None:
                self.event.wait()
                outcome = None  # the event is waited for first; then look again
            if type(outcome) is tuple:  # the driver saw it complete: its result is here
                done, (status, transferred) = True, outcome
            else:
                with KERNEL_LOCK:  # the common case of a driven one is done here
                    done, status, transferred = self._ready, self._status, self._transferred
            if not done:
                self.wait()
                with KERNEL_LOCK:
                    status, transferred = self._status, self._transferred
        if status:
            raise Win32Error.from_code(status, "the overlapped operation failed")
        return transferred

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Wait until no operation is pending on this Overlapped."""
        return super().wait(timeout, alertable=alertable)

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: ThreadState) -> bool:
        return False


def begin(
    overlapped: Overlapped,
    driver: _Driver | None = None,
    arm: Callable[[], object] | None = None,
) -> None:
    """Mark an operation started: pending, its event reset, in one kernel-lock hold.

    ``driver``, if given, can carry the operation forward on a thread that waits for it.
    ``arm``, if given, hands the operation to the I/O thread, which has not been given it:
    the first wait on the Overlapped or its event (or poll of them) that is not the
    driver's calls it (``_core.UNARMED``), under the kernel lock; it must not block.
    The Overlapped's ``file``, if any, goes nonsignaled until the operation completes.
    """
    with KERNEL_LOCK:
        overlapped._ready = False
        overlapped._status = ERROR_IO_PENDING
        overlapped._driver = driver
        event = overlapped.event
        if event is not None:
            event._ready = False
        if arm is not None:
            UNARMED[overlapped] = [arm]
            if event is not None:
                UNARMED.setdefault(event, []).append(arm)
        file = overlapped.file
        if file is not None:  # it pends on its file: nonsignaled until it completes
            file._ready = False


def _forget_arms(overlapped: Overlapped) -> None:
    """Drop the arm of ``overlapped``'s operation; kernel lock held, UNARMED not empty."""
    arms = UNARMED.pop(overlapped, None)
    if arms is not None and overlapped.event is not None:
        forget_event_arm(overlapped, arms)


def forget_event_arm(overlapped: Overlapped, arms: list[Callable[[], object]]) -> None:
    """Drop the arm ``arms`` of ``overlapped``'s operation noted for its event (kernel lock).

    ``arms`` is what ``UNARMED`` held for the Overlapped, just popped by the caller: the
    common case of an operation without an event needs no call here.
    """
    event = overlapped.event
    on_event = UNARMED.get(event) if event is not None else None
    if arms and on_event is not None:
        with contextlib.suppress(ValueError):
            on_event.remove(arms[0])  # one: operations of one end share an arm
        if not on_event:
            del UNARMED[event]  # type: ignore[arg-type]


def complete(overlapped: Overlapped, status: int, transferred: int = 0) -> None:
    """Record an operation's end and signal it; called once per operation, by any thread.

    The status and count are visible to every waiter woken here: they are written in the
    same kernel-lock hold that signals the Overlapped and sets its event.
    """
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        complete_locked(overlapped, status, transferred, woken)
    for waiter in woken:
        waiter.wake()


def complete_locked(
    overlapped: Overlapped, status: int, transferred: int, woken: list[Waiter]
) -> None:
    """:func:`complete` with the kernel lock held; the caller wakes ``woken`` once it is released.

    For a thread that has more to do in the same hold (a driving thread stops being parked).
    """
    if UNARMED:
        _forget_arms(overlapped)
    overlapped._status = status
    overlapped._transferred = transferred
    overlapped._ready = True
    overlapped._driver = None
    if overlapped._waiters:
        release_waiters(overlapped, woken)
    event = overlapped.event
    if event is not None:
        event._set_locked(woken)
    file = overlapped.file
    if file is not None:  # the next operation names its own file
        overlapped.file = None
        if event is not None:  # the event is signaled instead of the file
            file._ready = False
        elif not file._ready:
            file._ready = True
            if file._waiters:
                release_waiters(file, woken)
    completion = overlapped.completion
    if completion is not None and overlapped.queue_completion:
        completion[0].queue_locked(status, transferred, completion[1], overlapped, woken)


_spares = threading.local()


def spare_overlapped() -> Overlapped:
    """An Overlapped of the calling thread's own, for a synchronous call that must wait.

    A blocking read or write on a pipe is an overlapped operation the caller waits for; the
    thread reuses one Overlapped for all of them (it waits for each before the next).
    """
    try:
        spare: Overlapped = _spares.overlapped
    except AttributeError:
        spare = _spares.overlapped = Overlapped()
    return spare
