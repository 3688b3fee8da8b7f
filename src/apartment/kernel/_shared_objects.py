"""Events, mutexes and semaphores shared with other processes (timers: ``_shared_timer``).

Each class is a subclass of the local one (``isinstance(obj, Event)`` holds, and the handle
table and the facade take it for one) that keeps its state in the session's segment: the
object's record, at word index ``_shared``. It adds no fields, so a local object can become
shared in place (``_namespace.publish``). The local fields it inherits are left alone, but
``_ready`` stays False: the in-process engine never takes a shared object for ready, and
waits that involve one go to ``_shared_wait``.

The uncontended operations stay in the calling process: take the session lock, read and
write a few words, release it. Single-word changes need no undo log: the stores are ordered
so that a process killed between two of them leaves a valid state (a mutex's owner word is
written last when it is taken, first when it is freed).
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING, final

from ..errors import InvalidParameterError, NotOwnerError, TooManyPostsError
from . import _session
from ._core import ABANDONED, SIGNALED, Waitable, Waiter, WaitResult
from ._event import Event, EventStatistics
from ._mutex import Mutex, MutexStatistics
from ._segment import (
    O_AUX,
    O_AUX2,
    O_NWAITERS,
    O_STATE,
    owner_tid,
)
from ._semaphore import Semaphore, SemaphoreStatistics, _check_count
from ._shared_state import release_shared, untake
from ._shared_threads import LOCAL_INFO, ThreadInfo, current_info, thread_info
from ._shared_wait import wait as shared_wait
from ._thread import current_state
from ._threadstate import suspended_threads
from ._wait import check_timeout

if TYPE_CHECKING:
    from ._session import Session
    from ._threadstate import ThreadState

__all__ = ["SharedEvent", "SharedMutex", "SharedSemaphore", "give_back_shared", "put_f64", "f64"]

_F64 = struct.Struct("d")
_WORDS = struct.Struct("II")


def put_f64(s: Session, word: int, value: float) -> None:
    """Store a float over words ``word`` and ``word + 1`` as part of a compound change."""
    low, high = _WORDS.unpack(_F64.pack(value))
    s.put(word, low)
    s.put(word + 1, high)


def f64(w: memoryview, word: int) -> float:
    """Read the float stored over words ``word`` and ``word + 1``."""
    value: float = _F64.unpack(_WORDS.pack(w[word], w[word + 1]))[0]
    return value


def give_back_shared(face: Waitable, abandoned: bool) -> None:
    """Undo a grant of a shared object (an awaited wait cancelled); kernel lock held."""
    s = _session.S
    assert s is not None
    o: int = face._shared  # type: ignore[attr-defined]
    s.lock()
    try:
        untake(s, o, abandoned)
        release_shared(s, o)
        s.commit()
    finally:
        s.unlock()


@final
class SharedEvent(Event, shared=True):
    """An event shared with other processes (a named one, or one another process may use)."""

    __slots__ = ()

    def __repr__(self) -> str:
        kind = "manual" if self._manual else "auto"
        named = f" {self.name!r}" if self.name else ""
        return f"<Event{named} {kind}-reset, shared, at {id(self):#x}>"

    def set(self) -> None:
        """Signal the event (SetEvent) for every process; see Event.set."""
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        if self._manual and w[o + O_STATE]:  # signaled now, and no hand-off can reset it
            return
        info.lock()
        try:
            if w[o + O_STATE] or not w[o + O_NWAITERS]:
                w[o + O_STATE] = 1
            else:
                s = info.session
                s.put(o + O_STATE, 1)
                release_shared(s, o)
                s.commit()
        finally:
            info.unlock()

    def reset(self) -> None:
        """Make the event nonsignaled (ResetEvent)."""
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        info.lock()
        info.w[self._shared + O_STATE] = 0
        info.leave()

    def pulse(self) -> None:
        """Release the waiters of this instant, in any process, and reset (PulseEvent)."""
        s = _session.S
        assert s is not None
        o = self._shared
        s.lock()
        try:
            s.put(o + O_STATE, 1)
            release_shared(s, o)
            s.put(o + O_STATE, 0)
            s.commit()
        finally:
            s.unlock()

    def is_set(self) -> bool:
        """Tell whether the event is signaled, without waiting or resetting it."""
        s = _session.S
        assert s is not None
        return bool(s.w[self._shared + O_STATE])

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Wait for the event (WaitForSingleObjectEx); see Event.wait."""
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        manual = self._manual
        if manual and w[o + O_STATE] and not suspended_threads.count:
            return SIGNALED[0]  # signaled at this instant, and a wait takes nothing from it
        info.lock()
        try:
            if w[o + O_STATE] and not suspended_threads.count:
                if not manual:
                    w[o + O_STATE] = 0
                return SIGNALED[0]
        finally:
            info.leave()
        return shared_wait((self,), False, check_timeout(timeout), alertable)

    def statistics(self) -> EventStatistics:
        """Return the number of waiters (in every process), the state and the kind."""
        s = _session.S
        assert s is not None
        o = self._shared
        return EventStatistics(s.w[o + O_NWAITERS], bool(s.w[o + O_STATE]), self._manual)

    def _take(self, thread: ThreadState) -> bool:
        raise AssertionError("a shared event is taken under the session lock only")

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        give_back_shared(self, abandoned)

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        """Set the event as signal_and_wait's first step; session lock held."""
        s = _session.S
        assert s is not None
        o = self._shared
        if not s.w[o + O_STATE]:
            s.put(o + O_STATE, 1)
            release_shared(s, o)


@final
class SharedMutex(Mutex, shared=True):
    """A mutex shared with other processes; its owner is a thread of any of them.

    A process that dies holding it, however it dies, abandons it: the next waiter in any
    process gets ``WaitResult.abandoned``.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"<Mutex{named}, shared, at {id(self):#x}>"

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Acquire the mutex (WaitForSingleObjectEx); see Mutex.wait."""
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        me = info.owner
        info.lock()
        try:
            owner = w[o + O_STATE]
            if not suspended_threads.count:
                if not owner:
                    w[o + O_AUX] = 1
                    w[o + O_STATE] = me
                    abandoned = w[o + O_AUX2]
                    if abandoned:
                        w[o + O_AUX2] = 0
                    info.owns = True
                    return ABANDONED[0] if abandoned else SIGNALED[0]
                if owner == me:
                    w[o + O_AUX] += 1
                    return SIGNALED[0]
        finally:
            info.leave()
        return shared_wait((self,), False, check_timeout(timeout), alertable)

    def release(self) -> None:
        """Release one level of ownership (ReleaseMutex).

        At zero the next waiter, in any process, gets it.

        Raises:
            NotOwnerError: the calling thread does not own the mutex.
        """
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        info.lock()
        try:
            owner = w[o + O_STATE]
            if owner == info.owner:
                count = w[o + O_AUX] - 1
                if count > 0:
                    w[o + O_AUX] = count
                elif not w[o + O_NWAITERS]:
                    w[o + O_STATE] = 0
                else:
                    s = info.session
                    s.put(o + O_STATE, 0)
                    s.put(o + O_AUX, 0)
                    release_shared(s, o)
                    s.commit()
        finally:
            info.unlock()
        if owner != info.owner:
            raise NotOwnerError(self._shared_not_owner(owner, current_state()))

    def _shared_not_owner(self, owner: int, state: ThreadState) -> str:
        me = state.handle.native_id
        if not owner:
            return f"{self!r} is not owned; thread {me} cannot release it"
        return (
            f"{self!r} is owned by thread {owner_tid(owner)}, not by the calling thread {me}; "
            "only the owner may release it"
        )

    def statistics(self) -> MutexStatistics:
        """Return the waiters (every process), the owner's thread id, the count, abandoned."""
        s = _session.S
        assert s is not None
        w = s.w
        o = self._shared
        owner = w[o + O_STATE]
        return MutexStatistics(
            w[o + O_NWAITERS],
            owner_tid(owner) if owner else None,
            w[o + O_AUX] if owner else 0,
            bool(w[o + O_AUX2]),
        )

    def _take(self, thread: ThreadState) -> bool:
        raise AssertionError("a shared mutex is taken under the session lock only")

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        give_back_shared(self, abandoned)

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        """Release one level as signal_and_wait's first step; session lock held."""
        s = _session.S
        assert s is not None
        w = s.w
        o = self._shared
        info = thread_info(thread)
        owner = w[o + O_STATE]
        if owner != info.owner:
            raise NotOwnerError(self._shared_not_owner(owner, thread))
        count = w[o + O_AUX] - 1
        if count > 0:
            s.put(o + O_AUX, count)
        else:
            s.put(o + O_STATE, 0)
            s.put(o + O_AUX, 0)
            release_shared(s, o)


@final
class SharedSemaphore(Semaphore, shared=True):
    """A semaphore shared with other processes."""

    __slots__ = ()

    def __repr__(self) -> str:
        named = f" {self.name!r}" if self.name else ""
        return f"<Semaphore{named} max={self._maximum}, shared, at {id(self):#x}>"

    def wait(self, timeout: float | None = None, *, alertable: bool = False) -> WaitResult | None:
        """Take one unit (WaitForSingleObjectEx); see Event.wait for the result."""
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        info.lock()
        try:
            count = w[o + O_STATE]
            if count and not suspended_threads.count:
                w[o + O_STATE] = count - 1
                return SIGNALED[0]
        finally:
            info.leave()
        return shared_wait((self,), False, check_timeout(timeout), alertable)

    def release(self, count: int = 1) -> int:
        """Add ``count`` units and return the previous count (ReleaseSemaphore).

        Raises:
            InvalidParameterError: ``count`` is not positive.
            TooManyPostsError: the count would pass the maximum; nothing changes.
        """
        if type(count) is not int:
            count = _check_count("count", count)
        if count <= 0:
            raise InvalidParameterError(f"release count must be positive, not {count}")
        try:
            info: ThreadInfo = LOCAL_INFO.info
        except AttributeError:
            info = current_info()
        w = info.w
        o = self._shared
        info.lock()
        try:
            previous: int = w[o + O_STATE]
            if previous + count <= w[o + O_AUX] and not w[o + O_NWAITERS]:
                w[o + O_STATE] = previous + count
                return previous
            return self._add(info.session, count, logged=False)
        finally:
            info.unlock()

    def _add(self, s: Session, count: int, *, logged: bool) -> int:
        w = s.w
        o = self._shared
        previous: int = w[o + O_STATE]
        if previous + count > w[o + O_AUX]:
            raise TooManyPostsError(
                f"{self!r} holds {previous} of at most {w[o + O_AUX]}; releasing {count} more "
                "would pass the maximum. Release only units that were taken"
            )
        if w[o + O_NWAITERS] or logged:
            s.put(o + O_STATE, previous + count)
            release_shared(s, o)
            if not logged:
                s.commit()
        else:
            w[o + O_STATE] = previous + count
        return previous

    def statistics(self) -> SemaphoreStatistics:
        """Return the number of waiters (every process), the count and the maximum."""
        s = _session.S
        assert s is not None
        o = self._shared
        return SemaphoreStatistics(s.w[o + O_NWAITERS], s.w[o + O_STATE], s.w[o + O_AUX])

    def _take(self, thread: ThreadState) -> bool:
        raise AssertionError("a shared semaphore is taken under the session lock only")

    def _untake(self, thread: ThreadState, abandoned: bool) -> None:
        give_back_shared(self, abandoned)

    def _signal_for_wait(self, thread: ThreadState, woken: list[Waiter]) -> None:
        """Release one unit as signal_and_wait's first step; session lock held."""
        s = _session.S
        assert s is not None
        self._add(s, 1, logged=True)
