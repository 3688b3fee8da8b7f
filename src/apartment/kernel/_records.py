"""Shared records and references: what a shared object is, and who holds it.

A shared object is a record in the segment (``_segment``); each process has its own Python
object for it (one per record), made here. A process *references* a record while its Python
object for it lives, and *holds its name* while it references it and has not closed its
last handle to it: two bitmaps per process, two counts per record. The last reference frees
the record; the last name holder takes the name out of the index (CRC-32 chains of
records). A Python object's end only queues its record (a finalizer may run anywhere); the
next operation drops the reference. A dead process's references and names go when it is
buried; a forked child holds what its parent held.

``publish`` makes a local event, mutex, semaphore or timer shared in place: its state moves
into a new record and its class becomes the shared one.
"""

from __future__ import annotations

import weakref
from collections import deque
from typing import TYPE_CHECKING, Any

from .._runtime import RuntimeDirError
from ..errors import (
    ERROR_NO_SYSTEM_RESOURCES,
    AccessDeniedError,
    InvalidHandleError,
    Win32Error,
)
from . import _segment, _session
from ._core import KERNEL_LOCK, POKED, SHARING, Waitable, Waiter, finish, pending, wake_all
from ._event import Event
from ._mutex import Mutex
from ._segment import (
    BITMAP_WORDS,
    BUCKET_BASE,
    BUCKETS,
    FLAG_MANUAL,
    FLAG_NAMED,
    H_OBJ_HINT,
    KIND_EVENT,
    KIND_MUTEX,
    KIND_SECTION,
    KIND_SEMAPHORE,
    KIND_TIMER,
    NAME_BITS_BASE,
    O_AUX,
    O_AUX2,
    O_GEN,
    O_HASH,
    O_KIND,
    O_NAMELEN,
    O_NAMES,
    O_NEXT,
    O_NWAITERS,
    O_REFS,
    O_STATE,
    O_TIMER_GEN,
    OBJ_BASE,
    OBJ_WORDS,
    OBJECTS,
    REF_BASE,
    obj_index,
    obj_word,
)
from ._semaphore import Semaphore
from ._shared_objects import SharedEvent, SharedMutex, SharedSemaphore
from ._shared_threads import thread_info
from ._shared_timer import SharedTimer
from ._timer import WaitableTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._session import Session

__all__ = [
    "KINDS",
    "CLASSES",
    "LOCAL",
    "KIND_NAMES",
    "FREE_HOOKS",
    "alloc",
    "link_name",
    "drop_reference",
    "session_or_none",
    "lookup",
    "publish",
    "publish_locked",
    "hold",
    "hold_for",
    "drop_name",
    "face",
    "face_of",
    "drop_dead_faces",
    "set_bits",
]

KINDS: dict[type[Waitable], tuple[int, type[Waitable]]] = {
    Event: (KIND_EVENT, SharedEvent),
    Mutex: (KIND_MUTEX, SharedMutex),
    Semaphore: (KIND_SEMAPHORE, SharedSemaphore),
    WaitableTimer: (KIND_TIMER, SharedTimer),
}
CLASSES: dict[int, type[Waitable]] = dict(KINDS.values())
LOCAL: dict[type[Waitable], type[Waitable]] = {
    shared: local for local, (_, shared) in KINDS.items()
}

KIND_NAMES: dict[int, str] = {
    KIND_EVENT: "Event",
    KIND_MUTEX: "Mutex",
    KIND_SEMAPHORE: "Semaphore",
    KIND_TIMER: "WaitableTimer",
    KIND_SECTION: "Section",
}
"""What each kind of record is called, for messages."""

FREE_HOOKS: dict[int, Callable[[Session, int], None]] = {}
"""``hook(session, o)`` by kind: called, lock held, when record ``o`` of that kind has just
been freed (its last reference dropped, in this process or by the burier of a dead one); the
record's words still hold what it was but its kind."""

_faces: weakref.WeakValueDictionary[int, Waitable] = weakref.WeakValueDictionary()
"""This process's Python object for each shared record it references (by record word)."""
_dropped: deque[int] = deque()
"""Records whose Python object died: this process's reference goes at the next operation."""
_keep: dict[int, weakref.ref[Waitable]] = {}


def session_or_none() -> Session | None:
    """This process's session, or None where objects cannot be shared.

    Raises:
        AccessDeniedError: the runtime directory or the segment is not safely the user's own.
    """
    if not _segment.available():
        return None
    try:
        return _session.session()
    except _segment.SharedUnavailableError:
        return None
    except RuntimeDirError as exc:
        raise AccessDeniedError(str(exc)) from None


def lookup(s: Session, data: bytes, digest: int) -> int:
    w = s.w
    index = w[BUCKET_BASE + digest % BUCKETS]
    while index:
        o = obj_word(index - 1)
        if (
            w[o + O_HASH] == digest
            and w[o + O_NAMELEN] == len(data)
            and s.seg.name_bytes(index - 1, len(data)) == data
        ):
            return o
        index = w[o + O_NEXT]
    return 0


def _unlink(s: Session, o: int) -> None:
    """Take ``o`` out of the name index; lock held."""
    w = s.w
    target = obj_index(o) + 1
    link = BUCKET_BASE + w[o + O_HASH] % BUCKETS
    while w[link] and w[link] != target:
        link = obj_word(w[link] - 1) + O_NEXT
    if w[link] == target:
        s.put(link, w[o + O_NEXT])
    s.put(o + O_KIND, w[o + O_KIND] & ~FLAG_NAMED)


def alloc(s: Session) -> int:
    """Find a free object record and return its word index (still free); lock held.

    Raises:
        Win32Error: ERROR_NO_SYSTEM_RESOURCES, every record is in use.
    """
    w = s.w
    kinds = w[OBJ_BASE + O_KIND : OBJ_BASE + OBJECTS * OBJ_WORDS : OBJ_WORDS].tolist()
    hint = w[H_OBJ_HINT] % OBJECTS
    try:
        index = kinds.index(0, hint)
    except ValueError:
        try:
            index = kinds.index(0)
        except ValueError:
            raise Win32Error.from_code(
                ERROR_NO_SYSTEM_RESOURCES,
                f"the session holds {OBJECTS} shared objects, the most it can; close some",
            ) from None
    s.put(H_OBJ_HINT, (index + 1) % OBJECTS)
    return obj_word(index)


def publish_locked(
    s: Session,
    target: Waitable,
    data: bytes | None,
    digest: int,
    woken: list[Waiter],
    after: list[Callable[[], object]],
) -> int:
    """Move local ``target``'s state into a new record and make it that record's object.

    ``data`` names it (None: unnamed). Threads waiting on it are poked, to wait again on the
    shared object. Kernel lock and session lock held; the caller makes the calls queued in
    ``after`` once it holds neither.
    """
    obj: Any = target  # one of the four kinds: their fields differ
    w = s.w
    o = alloc(s)
    local_kind = type(obj)
    code, shared_cls = KINDS[local_kind]
    flags = 0
    state = aux = aux2 = 0
    if local_kind is Event or local_kind is WaitableTimer:
        flags = FLAG_MANUAL if obj._manual else 0
        state = 1 if obj._ready else 0
    elif local_kind is Semaphore:
        state, aux = obj._count, obj._maximum
    else:  # a mutex: its owner, count and abandoned flag
        owner = obj._owner
        if owner is not None:
            info = thread_info(owner)
            state, aux = info.owner, obj._count
            info.owns = True
            owner.owned.remove(obj)
        aux2 = 1 if obj._abandoned else 0
    s.put(o + O_GEN, (w[o + O_GEN] + 1) & 0xFFFFFFFF)
    s.put(o + O_REFS, 0)
    s.put(o + O_NAMES, 0)
    s.put(o + O_NWAITERS, 0)
    s.put(o + O_STATE, state)
    s.put(o + O_AUX, aux)
    s.put(o + O_AUX2, aux2)
    s.put(o + O_TIMER_GEN, 0)
    s.put(o + O_NEXT, 0)
    if data is not None:
        link_name(s, o, data, digest)
        flags |= FLAG_NAMED
    else:
        s.put(o + O_NAMELEN, 0)
    s.put(o + O_KIND, code | flags)
    hold(s, s.slot, o, name=data is not None)
    if local_kind is WaitableTimer and obj._due is not None:
        # An armed local timer is armed again as a shared one, by the caller, once it holds
        # no lock (setting a timer takes the kernel lock).
        obj._unschedule()
        due, period, fn, args = obj._due, obj._period, obj._fn, obj._args
        clock = obj._clock
        after.append(lambda: obj.set(max(due - clock.now(), 0.0), fn, *args, period=period))
    SHARING.epoch += 1  # every remembered check of a set of local objects is stale now
    obj._ready = False
    obj.__class__ = shared_cls
    obj._shared = o
    _register_face(o, obj)
    for waiter in pending(obj):
        finish(waiter, POKED, woken)
    return o


def link_name(s: Session, o: int, data: bytes, digest: int) -> None:
    """Put record ``o`` into the name index as ``data`` (CRC-32 ``digest``); lock held, logged.

    The caller sets FLAG_NAMED in the record's kind word.
    """
    index = obj_index(o)
    s.seg.set_name_bytes(index, data)
    s.put(o + O_NAMELEN, len(data))
    s.put(o + O_HASH, digest)
    bucket = BUCKET_BASE + digest % BUCKETS
    s.put(o + O_NEXT, s.w[bucket])
    s.put(bucket, index + 1)


def publish(obj: Waitable) -> Waitable:
    """Make a local event, mutex, semaphore or timer shared with other processes, in place.

    Its handles and every Python reference to it see the shared object from then on, but a
    method bound before (``wait = event.wait``) stays the local one's: bind after. An object
    that is shared already is returned as it is.

    Raises:
        TypeError: ``obj`` is not a kernel object.
        InvalidHandleError: it is a kernel object of another kind (a thread, a process).
        AccessDeniedError: the session's runtime directory is not safely the user's own.
    """
    if type(obj) in Waitable.shared_kinds:
        return obj
    if not isinstance(obj, Waitable):
        raise TypeError(f"only a kernel object can be shared, not {obj!r}")
    if type(obj) not in KINDS:
        raise InvalidHandleError(f"{obj!r} cannot be shared with another process")
    s = session_or_none()
    if s is None:
        raise _segment.SharedUnavailableError("objects cannot be shared between processes here")
    woken: list[Waiter] = []
    after: list[Callable[[], object]] = []
    with KERNEL_LOCK:
        s.lock()
        try:
            drop_dead_faces(s)
            if type(obj) not in Waitable.shared_kinds:
                publish_locked(s, obj, None, 0, woken, after)
            s.commit()
        finally:
            s.unlock()
    wake_all(woken)
    for call in after:
        call()
    return obj


# -- references --------------------------------------------------------------------------------


def _bit(base: int, slot: int, o: int) -> tuple[int, int]:
    index = obj_index(o)
    return base + slot * BITMAP_WORDS + (index >> 5), 1 << (index & 31)


def hold(s: Session, slot: int, o: int, *, name: bool) -> None:
    """Count ``slot``'s reference to ``o`` (and to its name); lock held, logged."""
    w = s.w
    word, bit = _bit(REF_BASE, slot, o)
    if not w[word] & bit:
        s.put(word, w[word] | bit)
        s.put(o + O_REFS, w[o + O_REFS] + 1)
    if name and w[o + O_KIND] & FLAG_NAMED:
        word, bit = _bit(NAME_BITS_BASE, slot, o)
        if not w[word] & bit:
            s.put(word, w[word] | bit)
            s.put(o + O_NAMES, w[o + O_NAMES] + 1)


def hold_for(s: Session, slot: int, o: int, *, name: bool) -> None:
    """Make process ``slot`` reference ``o`` (a handle given to it); lock held, logged."""
    hold(s, slot, o, name=name)


def drop_name(s: Session, slot: int, o: int) -> None:
    w = s.w
    word, bit = _bit(NAME_BITS_BASE, slot, o)
    if w[word] & bit:
        s.put(word, w[word] & ~bit)
        names = w[o + O_NAMES] - 1
        s.put(o + O_NAMES, names)
        if not names and w[o + O_KIND] & FLAG_NAMED:
            _unlink(s, o)


def drop_reference(s: Session, slot: int, o: int) -> None:
    """Drop ``slot``'s reference to ``o`` and its name; free ``o`` if it was the last.

    Lock held, logged; a kind's :data:`FREE_HOOKS` entry runs once the record is free.
    """
    w = s.w
    drop_name(s, slot, o)
    word, bit = _bit(REF_BASE, slot, o)
    if w[word] & bit:
        s.put(word, w[word] & ~bit)
        refs = w[o + O_REFS] - 1
        s.put(o + O_REFS, refs)
        if not refs:
            kind = w[o + O_KIND]
            if kind & FLAG_NAMED:
                _unlink(s, o)
            s.put(o + O_KIND, 0)
            s.put(o + O_GEN, (w[o + O_GEN] + 1) & 0xFFFFFFFF)
            hook = FREE_HOOKS.get(kind & 0xFF)
            if hook is not None:
                hook(s, o)


def _register_face(o: int, face: Waitable) -> None:
    _faces[o] = face

    def dropped(_: object) -> None:  # any thread, any time: it only queues the record
        _dropped.append(o)

    _keep[o] = weakref.ref(face, dropped)


def face(o: int) -> Waitable:
    """This process's Python object for record ``o`` (made if it has none); lock held."""
    found = _faces.get(o)
    if found is not None:
        return found
    s = _session.S
    assert s is not None
    w = s.w
    kind = w[o + O_KIND]
    shared_cls: Any = CLASSES[kind & 0xFF]
    face = object.__new__(shared_cls)
    _init_face(face, kind)
    if kind & FLAG_NAMED:
        raw = s.seg.name_bytes(obj_index(o), w[o + O_NAMELEN])
        face.name = raw.decode("utf-8", "surrogatepass")
    if shared_cls is SharedSemaphore:
        face._maximum = w[o + O_AUX]
    face._shared = o
    _register_face(o, face)
    return face  # type: ignore[no-any-return]


def _init_face(made: Waitable, kind: int) -> None:
    """Give a new Python object for a shared record the local fields it inherits."""
    face: Any = made
    local = LOCAL[type(face)]
    manual = bool(kind & FLAG_MANUAL)
    if local is Event:
        Event.__init__(face, manual)
    elif local is Mutex:
        Mutex.__init__(face, False)
    elif local is Semaphore:
        Semaphore.__init__(face, 0, 1)
    else:
        WaitableTimer.__init__(face, manual)
    face._ready = False


def face_of(index: int, generation: int) -> Waitable:
    """This process's Python object for record ``index`` of ``generation``.

    For an inherited or duplicated handle, whose object this process already references.

    Raises:
        InvalidHandleError: the record is not that object any more.
    """
    s = _session.session()
    o = obj_word(index)
    s.lock()
    try:
        if s.w[o + O_KIND] & 0xFF == 0 or s.w[o + O_GEN] != generation:
            raise InvalidHandleError(f"shared object {index} is gone (its handle was stale)")
        return face(o)
    finally:
        s.unlock()


def drop_dead_faces(s: Session) -> None:
    """Drop this process's references for Python objects that died; lock held."""
    while _dropped:
        try:
            o = _dropped.popleft()
        except IndexError:
            return
        if o in _faces:  # a new Python object for it was made since
            continue
        _keep.pop(o, None)
        drop_reference(s, s.slot, o)
        s.commit()


# -- deaths and forks --------------------------------------------------------------------------


def set_bits(w: memoryview, base: int, slot: int) -> list[int]:
    start = base + slot * BITMAP_WORDS
    value = int.from_bytes(w[start : start + BITMAP_WORDS].tobytes(), "little")
    found = []
    while value:
        low = value & -value
        found.append(low.bit_length() - 1)
        value ^= low
    return found


def _bury_references(s: Session, slot: int) -> None:
    """Death hook: drop the dead process's references and names, freeing what only it held."""
    for index in set_bits(s.w, REF_BASE, slot):
        drop_reference(s, slot, obj_word(index))
        s.commit()
    for index in set_bits(s.w, NAME_BITS_BASE, slot):  # names without a reference: none, but
        drop_name(s, slot, obj_word(index))  # a half-done burial may leave one
        s.commit()


def _copy_references(s: Session, child: int) -> None:
    """Fork hook: the forked child references what this process references."""
    w = s.w
    names = set(set_bits(w, NAME_BITS_BASE, s.slot))
    for count, index in enumerate(set_bits(w, REF_BASE, s.slot)):
        hold(s, child, obj_word(index), name=index in names)
        if count % 1000 == 999:
            s.commit()


_session.add_death_hook(30, _bury_references)
_session.fork_hooks.append(_copy_references)
