"""What the words of shared objects mean, and the hand-off that satisfies shared waiters.

The rules are the in-process engine's (``_core``), applied to state in the segment under the
session lock: an object is *ready* when a wait by any thread would be satisfied (a mutex also
for its owner); a satisfied wait *takes* (owns a mutex, takes a unit, resets an auto-reset
object) and can be undone (*untaken*). Whoever makes an object ready calls
:func:`release_shared`, which satisfies the object's waiters in FIFO order: a waiter decided
in the segment (hand-off) gets its result written and is unregistered; a waiter that only its
own process may decide (poke mode) is poked. Either way its thread record's semaphore is
posted once the session lock is released (``Session.posts``).

Every function here runs with the session lock held, and every store goes through
:meth:`~._session.Session.put` (the undo log); the caller commits. Objects are named by the
word index of their record (``o``), threads by the index of their thread record (``ts``),
threads as mutex owners by their owner word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._segment import (
    FLAG_MANUAL,
    H_NWAITING,
    H_SEQ_HI,
    H_SEQ_LO,
    KIND_MUTEX,
    KIND_SEMAPHORE,
    O_AUX,
    O_AUX2,
    O_KIND,
    O_NWAITERS,
    O_STATE,
    OBJ_BASE,
    OBJ_WORDS,
    OBJECTS,
    RESULT_ABANDONED,
    T_ACKED,
    T_COUNT,
    T_MODE,
    T_OBJECTS,
    T_OWNER,
    T_POKED,
    T_POS,
    T_RESULT,
    T_SEQ_HI,
    T_SEQ_LO,
    T_WAIT_ALL,
    WAITING_BASE,
    obj_index,
    obj_word,
    ts_word,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ._session import Session

__all__ = [
    "HANDOFF",
    "POKE",
    "ready",
    "ready_for_anyone",
    "take",
    "untake",
    "register",
    "unregister",
    "decide",
    "release_shared",
    "try_acquire_ts",
    "give_back",
    "objects_of_kind",
]

HANDOFF: Final = 1
"""A thread record waiting to be decided in the segment."""
POKE: Final = 2
"""A thread record waiting to be poked: its own process decides."""


def ready(w: memoryview, o: int, owner: int) -> bool:
    """Tell whether object ``o`` would satisfy a wait by the thread ``owner`` now."""
    kind = w[o + O_KIND] & 0xFF
    state = w[o + O_STATE]
    if kind == KIND_MUTEX:
        return state == 0 or state == owner
    return state != 0  # event or timer signaled, semaphore count positive


def ready_for_anyone(w: memoryview, o: int) -> bool:
    """Tell whether object ``o`` would satisfy a wait by any thread now."""
    return w[o + O_STATE] != 0 if w[o + O_KIND] & 0xFF != KIND_MUTEX else w[o + O_STATE] == 0


def take(s: Session, o: int, owner: int) -> bool:
    """Apply a satisfied wait by ``owner`` to object ``o``; return True if it was abandoned."""
    w = s.w
    kind = w[o + O_KIND]
    base = kind & 0xFF
    if base == KIND_MUTEX:
        if w[o + O_STATE] == owner:
            s.put(o + O_AUX, w[o + O_AUX] + 1)
            return False
        s.put(o + O_AUX, 1)
        s.put(o + O_STATE, owner)
        abandoned = w[o + O_AUX2]
        if abandoned:
            s.put(o + O_AUX2, 0)
        return bool(abandoned)
    if base == KIND_SEMAPHORE:
        s.put(o + O_STATE, w[o + O_STATE] - 1)
    elif not kind & FLAG_MANUAL:
        s.put(o + O_STATE, 0)
    return False


def untake(s: Session, o: int, abandoned: bool) -> None:
    """Undo :func:`take` for a thread that will never use what it got."""
    w = s.w
    kind = w[o + O_KIND]
    base = kind & 0xFF
    if base == KIND_MUTEX:
        count = w[o + O_AUX] - 1
        if count > 0:
            s.put(o + O_AUX, count)
        else:
            s.put(o + O_STATE, 0)
            s.put(o + O_AUX, 0)
            s.put(o + O_AUX2, 1 if abandoned else 0)
    elif base == KIND_SEMAPHORE:
        s.put(o + O_STATE, w[o + O_STATE] + 1)
    elif not kind & FLAG_MANUAL:
        s.put(o + O_STATE, 1)


# -- thread records as waiters ----------------------------------------------------------------


def register(s: Session, ts: int, objects: Sequence[int], wait_all: bool, mode: int) -> None:
    """Register thread record ``ts`` as a waiter on the objects at words ``objects``.

    Only the words that change are written: a thread that waits on the same objects again
    rewrites its mode, its result, the objects' counts and the waiting list.
    """
    w = s.w
    t = ts_word(ts)
    pairs = [(t + T_MODE, mode)]
    for field, value in (
        (T_RESULT, 0),
        (T_ACKED, 0),
        (T_POKED, 0),
        (T_WAIT_ALL, 1 if wait_all else 0),
        (T_COUNT, len(objects)),
    ):
        if w[t + field] != value:
            pairs.append((t + field, value))
    counts: dict[int, int] = {}
    for i, o in enumerate(objects):
        index = obj_index(o)
        if w[t + T_OBJECTS + i] != index:
            pairs.append((t + T_OBJECTS + i, index))
        counts[o] = counts.get(o, w[o + O_NWAITERS]) + 1
    pairs += [(o + O_NWAITERS, count) for o, count in counts.items()]
    lo = (w[H_SEQ_LO] + 1) & 0xFFFFFFFF
    pairs += [(H_SEQ_LO, lo), (t + T_SEQ_LO, lo)]
    if not lo:
        hi = w[H_SEQ_HI] + 1
        pairs += [(H_SEQ_HI, hi), (t + T_SEQ_HI, hi)]
    elif w[t + T_SEQ_HI] != w[H_SEQ_HI]:
        pairs.append((t + T_SEQ_HI, w[H_SEQ_HI]))
    n = w[H_NWAITING]
    pairs += [(WAITING_BASE + n, ts), (H_NWAITING, n + 1)]
    if w[t + T_POS] != n:
        pairs.append((t + T_POS, n))
    s.put_many(pairs)


def unregister(s: Session, ts: int) -> None:
    """Take thread record ``ts`` off the objects it waits on (it waits no more)."""
    w = s.w
    t = ts_word(ts)
    if not w[t + T_MODE]:
        return
    counts: dict[int, int] = {}
    for index in w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist():
        o = obj_word(index)
        counts[o] = counts.get(o, w[o + O_NWAITERS]) - 1
    pairs = [(o + O_NWAITERS, count) for o, count in counts.items()]
    pairs.append((t + T_MODE, 0))
    n = w[H_NWAITING] - 1
    pos = w[t + T_POS]
    if pos != n:
        last = w[WAITING_BASE + n]
        pairs += [(WAITING_BASE + pos, last), (ts_word(last) + T_POS, pos)]
    pairs.append((H_NWAITING, n))
    s.put_many(pairs)


def decide(s: Session, ts: int, result: int) -> None:
    """Write a hand-off waiter's result, unregister it and queue its wake-up."""
    s.put(ts_word(ts) + T_RESULT, result)
    unregister(s, ts)
    s.posts.append(ts)


def try_acquire_ts(s: Session, ts: int) -> int:
    """Satisfy hand-off waiter ``ts`` at once if its objects allow: its result word, or 0."""
    w = s.w
    t = ts_word(ts)
    owner = w[t + T_OWNER]
    objects = [obj_word(i) for i in w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist()]
    if w[t + T_WAIT_ALL]:
        for o in objects:
            if not ready(w, o, owner):
                return 0
        abandoned = False
        for o in objects:
            if take(s, o, owner):
                abandoned = True
        return 1 | (RESULT_ABANDONED if abandoned else 0)
    for i, o in enumerate(objects):
        if ready(w, o, owner):
            return (1 + i) | (RESULT_ABANDONED if take(s, o, owner) else 0)
    return 0


def _waiters_of(s: Session, o: int) -> list[int]:
    """The thread records waiting on ``o``, undecided, in FIFO order."""
    w = s.w
    index = obj_index(o)
    found: list[tuple[int, int]] = []
    for ts in w[WAITING_BASE : WAITING_BASE + w[H_NWAITING]].tolist():
        t = ts_word(ts)
        if w[t + T_RESULT] or not w[t + T_MODE]:
            continue
        if index in w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist():
            found.append(((w[t + T_SEQ_HI] << 32) | w[t + T_SEQ_LO], ts))
    found.sort()
    return [ts for _, ts in found]


def release_shared(s: Session, o: int) -> None:
    """Satisfy ``o``'s waiters in FIFO order while it has something to give.

    Called whenever ``o`` may have become ready. A hand-off wait-any waiter takes ``o``; a
    hand-off wait-all waiter takes all its objects if all are ready at this instant, and is
    skipped otherwise (``o`` stays for the waiters behind it). A poke-mode waiter is poked
    and takes nothing here.
    """
    w = s.w
    if not w[o + O_NWAITERS]:
        return
    index = obj_index(o)
    for ts in _waiters_of(s, o):
        if not ready_for_anyone(w, o):
            return
        t = ts_word(ts)
        if w[t + T_MODE] == POKE:
            if not w[t + T_POKED]:
                s.put(t + T_POKED, 1)
                s.posts.append(ts)
            continue
        if w[t + T_WAIT_ALL]:
            result = try_acquire_ts(s, ts)
            if result:
                decide(s, ts, result)
            continue
        position = w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist().index(index)
        abandoned = take(s, o, w[t + T_OWNER])
        decide(s, ts, (1 + position) | (RESULT_ABANDONED if abandoned else 0))


def give_back(s: Session, ts: int) -> None:
    """Undo the grant decided for thread record ``ts`` (its thread will never see it).

    Each object it took is untaken (a mutex goes back free, keeping an abandoned flag it had)
    and passed on to the waiters behind.
    """
    w = s.w
    t = ts_word(ts)
    result = w[t + T_RESULT]
    if not result:
        return
    objects = [obj_word(i) for i in w[t + T_OBJECTS : t + T_OBJECTS + w[t + T_COUNT]].tolist()]
    taken = objects if w[t + T_WAIT_ALL] else [objects[(result & 0xFFFF) - 1]]
    abandoned = bool(result & RESULT_ABANDONED)
    for o in taken:
        untake(s, o, abandoned)
    s.put(t + T_RESULT, 0)
    for o in taken:
        release_shared(s, o)


def objects_of_kind(w: memoryview, kind: int) -> list[int]:
    """The words of every object record of ``kind`` (for death and exit scans)."""
    kinds = w[OBJ_BASE + O_KIND : OBJ_BASE + OBJECTS * OBJ_WORDS : OBJ_WORDS].tolist()
    return [obj_word(i) for i, found in enumerate(kinds) if found & 0xFF == kind]
