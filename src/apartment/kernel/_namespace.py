r"""Named kernel objects, one namespace for every process of the user's session.

Events, mutexes, semaphores, waitable timers and sections (``_section``) share the
namespace. A named object is one
object for every process of the session (``docs/design.md``, "Named objects across
processes"): its record lives in the session's segment and each process has its own Python
object for it (a ``_shared_objects`` class; one per record per process, so ``open_named``
gives back the very object this process already has).

Lifetimes are counted per process. A process *references* an object while its Python object
for it lives, and *holds its name* while it references it and has not closed its last handle
to it: the object lives while any process references it, and its name while any process
holds the name, as NT removes a name when the last handle to the object is closed even if a
wait still references it. A process that dies drops both, when another process buries it.
Names are case-sensitive; a ``Local\\`` prefix names the same object as no prefix,
``Global\\`` names another namespace.

Where objects cannot be shared (no process-shared semaphores on this platform) names stay
within the process, as before.
"""

from __future__ import annotations

import weakref
import zlib
from collections import deque
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import (
    ERROR_BAD_PATHNAME,
    ERROR_INVALID_NAME,
    ERROR_PATH_NOT_FOUND,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    NameNotFoundError,
    Win32Error,
)
from . import _localnames, _session
from ._core import KERNEL_LOCK, Waitable
from ._event import Event
from ._mutex import Mutex
from ._procinfo import SESSION_ID
from ._records import (
    KIND_NAMES,
    KINDS,
    drop_dead_faces,
    drop_name,
    face,
    hold,
    lookup,
    publish_locked,
    session_or_none,
)
from ._segment import (
    BITMAP_WORDS,
    NAME_BITS_BASE,
    O_KIND,
    PROC_BASE,
    PROC_WORDS,
    PROCS,
    obj_index,
)
from ._semaphore import Semaphore
from ._shared_state import take
from ._shared_threads import thread_info
from ._thread import current_state
from ._timer import WaitableTimer

if TYPE_CHECKING:
    from ._session import Session

__all__ = [
    "create_named",
    "open_named",
    "check_not_local",
    "create_local_named",
    "open_local_named",
    "release_name",
    "find_alive",
    "name_key",
    "NamedKind",
    "MAX_PATH",
]

MAX_PATH = 260

NamedKind = TypeVar("NamedKind", Event, Mutex, Semaphore, WaitableTimer)

_unshared: weakref.WeakValueDictionary[str, Waitable] = weakref.WeakValueDictionary()
"""The names of a process that cannot share objects (the fallback), and the names of objects
that stay in their process (jobs): :func:`create_local_named`."""

_claimed: set[str] = set()
"""The names this process holds in the session for objects that stay in it (``_localnames``)."""

LocalKind = TypeVar("LocalKind", bound=Waitable)


def _strip_local(name: str) -> str:
    r"""``Local\\x`` and ``x`` name the same object (the session namespace)."""
    return name[len("Local\\") :] if name.startswith("Local\\") else name


def name_key(name: str) -> str:
    r"""The namespace's key for ``name``: without a ``Local\\`` prefix, checked.

    Raises:
        TypeError: ``name`` is not a str.
        InvalidParameterError: it is empty or longer than MAX_PATH.
        Win32Error: ERROR_PATH_NOT_FOUND, it holds a backslash beyond its prefix;
            ERROR_BAD_PATHNAME, it starts with one; ERROR_INVALID_NAME, nothing follows
            its prefix.
    """
    return _key(name)


def _key(name: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"an object name must be a str, not {name!r}")
    if not name:
        raise InvalidParameterError("an object name cannot be empty; pass None for no name")
    if len(name) > MAX_PATH:
        raise InvalidParameterError(f"an object name is at most {MAX_PATH} characters")
    if name.startswith("\\"):  # NT: a name relative to a directory cannot start with one
        raise Win32Error.from_code(
            ERROR_BAD_PATHNAME, f"{name!r}: an object name cannot start with a backslash"
        )
    key = _strip_session(_strip_local(name), name)
    rest = key[len("Global\\") :] if key.startswith("Global\\") else key
    if not rest:  # the prefix is a link to a directory: a name in it is needed
        raise Win32Error.from_code(ERROR_INVALID_NAME, f"{name!r}: no name after its prefix")
    if "\\" in rest:
        raise Win32Error.from_code(
            ERROR_PATH_NOT_FOUND,
            f"{name!r}: an object name cannot contain a backslash (beyond Global\\ or Local\\)",
        )
    return key


def _strip_session(key: str, name: str) -> str:
    r"""``Session\\<n>\\x`` is ``x`` in session n's namespace, as Windows links it.

    Session 0's namespace is the global one (``Global\\x``); this session's is the local
    one; any other session is not this user's to reach here (ERROR_PATH_NOT_FOUND, as for
    a session that does not exist).
    """
    if not key.startswith("Session\\"):
        return key
    number, sep, rest = key[len("Session\\") :].partition("\\")
    if sep and number.isdigit() and number.isascii():
        if int(number) == SESSION_ID:
            return _strip_local(rest)
        if int(number) == 0:
            return "Global\\" + rest
    raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{name!r}: no such session's namespace")


def create_named(kind: type[NamedKind], name: str, *args: object) -> tuple[NamedKind, bool]:
    """Create the object named ``name``, or return the existing one of the same kind.

    Returns ``(object, existed)``. When it existed, ``args`` are ignored (a mutex is not
    acquired even with ``initial_owner``), as CreateEvent/CreateMutex/... do. The object is
    the same for every process of the session.

    Raises:
        InvalidHandleError: the name belongs to an object of another kind.
        AccessDeniedError: the session's runtime directory is not safely the user's own.
    """
    key = _key(name)
    want_owner = kind is Mutex and bool(args and args[0])
    local: Any = kind(False) if kind is Mutex else kind(*args)  # type: ignore[call-arg,arg-type]
    s = session_or_none()
    if s is None:
        return _create_unshared(kind, key, name, local, want_owner)
    _check_not_local(kind, key, name)
    data = key.encode("utf-8", "surrogatepass")
    digest = zlib.crc32(data)
    state = current_state() if want_owner else None
    with KERNEL_LOCK:
        s.lock()
        try:
            drop_dead_faces(s)
            o = _find_alive(s, kind, data, digest, name)
            if o:
                hold(s, s.slot, o, name=True)
                s.commit()
                return face(o), True  # type: ignore[return-value]
            o = publish_locked(s, local, data, digest, [], [])  # new: no waiter, not armed
            local.name = name
            if state is not None:
                info = thread_info(state)
                take(s, o, info.owner)
                info.owns = True
            s.commit()
            return local, False
        finally:
            s.unlock()


def open_named(kind: type[NamedKind], name: str) -> NamedKind:
    """Return the existing object named ``name`` (OpenEvent/OpenMutex/...), in any process.

    Raises:
        NameNotFoundError: no object has that name.
        InvalidHandleError: the name belongs to an object of another kind, or is empty
            (NT opens the namespace's directory itself, which is no such object).
    """
    if name == "":
        raise InvalidHandleError(f"an empty name names the namespace, not a {kind.__name__}")
    key = _key(name)
    s = session_or_none()
    if s is None:
        return _open_unshared(kind, key, name)
    _check_not_local(kind, key, name)
    data = key.encode("utf-8", "surrogatepass")
    digest = zlib.crc32(data)
    s.lock()
    try:
        drop_dead_faces(s)
        o = _find_alive(s, kind, data, digest, name)
        if not o:
            raise NameNotFoundError(f"no kernel object is named {name!r}; create it first")
        hold(s, s.slot, o, name=True)
        s.commit()
        return face(o)  # type: ignore[return-value]
    finally:
        s.unlock()


def create_local_named(obj: LocalKind, name: str) -> tuple[LocalKind, bool]:
    """Give ``obj``, an object that stays in this process, ``name`` in the session's namespace.

    Returns ``(object, existed)``: the object of this process already named ``name`` if it is
    of the same kind (then ``obj`` is dropped), else ``obj`` itself, now named. The name is
    taken from the same namespace as the shared objects' names, so no event, mutex, semaphore
    or timer of any process may hold it.

    Raises:
        InvalidHandleError: the name belongs to an object of another kind.
    """
    key = _key(name)
    kind = type(obj)
    _check_session_free(kind, key, name)
    with KERNEL_LOCK:
        existing = _lookup_unshared(kind, key, name)
    if existing is not None:
        return existing, True
    _refuse_others(kind, _localnames.claim(key, kind.__name__), name)
    with KERNEL_LOCK:
        existing = _lookup_unshared(kind, key, name)
        if existing is not None:  # another thread named its object meanwhile
            return existing, True
        obj.name = name  # type: ignore[attr-defined]
        _unshared[key] = obj
        _claimed.add(key)
    # The collector may finalize obj inside any lock hold of any thread (this one's kernel lock
    # included), so the finalizer only queues; the next call that names a local object (or
    # this one, below, when the collector ran outside the lock) gives the name back.
    weakref.finalize(obj, _released_claims.append, (key, weakref.ref(obj)))
    return obj, False


def open_local_named(kind: type[LocalKind], name: str) -> LocalKind:
    """Return this process's object of ``kind`` named ``name`` (OpenJobObject).

    Raises:
        NameNotFoundError: no object of this process has that name.
        InvalidHandleError: the name belongs to an object of another kind, or is empty (as
            in :func:`open_named`).
    """
    if name == "":
        raise InvalidHandleError(f"an empty name names the namespace, not a {kind.__name__}")
    key = _key(name)
    _check_session_free(kind, key, name)
    with KERNEL_LOCK:
        existing = _lookup_unshared(kind, key, name)
    if existing is not None:
        return existing
    _refuse_others(kind, _localnames.holder(key), name)
    raise NameNotFoundError(f"no kernel object is named {name!r}; create it first")


def _refuse_others(kind: type[object], held: str | None, name: str) -> None:
    """Refuse a name another process holds for an object that stays in it (``held``: its kind).

    Raises:
        AccessDeniedError: it is an object of ``kind`` (another process's job: not shared).
        InvalidHandleError: it is an object of another kind.
    """
    if held is None:
        return
    if held == kind.__name__:
        raise AccessDeniedError(
            f"the {held} named {name!r} belongs to another process; a {held} is not shared "
            "between processes here"
        )
    raise InvalidHandleError(
        f"the name {name!r} belongs to another process's {held}, not to a {kind.__name__}; "
        "pick another name"
    )


_released_claims: deque[tuple[str, weakref.ref[Waitable]]] = deque()
"""Names of local objects that died, queued by their finalizers (deque appends need no lock);
given back by :func:`_release_dead_claims` outside every lock."""


def _release_dead_claims() -> None:
    """Give back the names of local objects that died since the last call (no lock held)."""
    while _released_claims:
        try:
            key, obj = _released_claims.popleft()
        except IndexError:  # another thread took the last one
            return
        _release_claim(key, obj)


def _release_claim(key: str, obj: weakref.ref[Waitable] | None = None) -> None:
    """Give a name back to the session, if this process's object still holds it."""
    with KERNEL_LOCK:
        if key not in _claimed:
            return
        current = _unshared.get(key)
        if current is not None and (obj is None or current is not obj()):
            return  # another object holds it now
        _claimed.discard(key)
    _localnames.release(key)


def check_not_local(kind: type[object], key: str, name: str) -> None:
    """Refuse a name that an object staying in its process (a job, of any process) holds.

    For the named objects that do not go through :func:`create_named` (sections).

    Raises:
        InvalidHandleError: a job holds ``name``.
    """
    _check_not_local(kind, key, name)


def _check_not_local(kind: type[object], key: str, name: str) -> None:
    """Refuse a name that an object staying in this process (a job) holds."""
    _release_dead_claims()
    with KERNEL_LOCK:
        local = _unshared.get(key)
    if local is not None and not isinstance(local, kind):
        raise InvalidHandleError(
            f"the name {name!r} belongs to {local!r}, not to a {kind.__name__}; pick another name"
        )
    if local is None:  # another process's job (one failed open when there is none)
        _refuse_others(kind, _localnames.holder(key), name)


def _check_session_free(kind: type[Waitable], key: str, name: str) -> None:
    """Refuse a name that a shared object of the session holds (any kind: not ``kind``)."""
    _release_dead_claims()
    s = session_or_none()
    if s is None:
        return
    data = key.encode("utf-8", "surrogatepass")
    digest = zlib.crc32(data)
    s.lock()
    try:
        drop_dead_faces(s)
        s.sweep()
        o = lookup(s, data, digest)
        if o and _holders_dead(s, o):
            s.sweep(force=True)
            o = lookup(s, data, digest)
        if o:
            found = KIND_NAMES[s.w[o + O_KIND] & 0xFF]
            raise InvalidHandleError(
                f"the name {name!r} belongs to a {found}, not to a {kind.__name__}; "
                "pick another name"
            )
    finally:
        s.unlock()


def _find_alive(s: Session, kind: type[Waitable], data: bytes, digest: int, name: str) -> int:
    return find_alive(s, KINDS[kind][0], data, digest, name)


def find_alive(s: Session, code: int, data: bytes, digest: int, name: str) -> int:
    """The record named ``data`` if a live process holds the name, else 0; lock held.

    ``code`` is the kind of record the caller wants (``KIND_EVENT``, ...); a dead process's
    hold on the name is buried first, so a name that only the dead held is free.

    Raises:
        InvalidHandleError: it is an object of another kind.
    """
    s.sweep()
    o = lookup(s, data, digest)
    if o and _holders_dead(s, o):
        s.sweep(force=True)
        o = lookup(s, data, digest)
    if o and s.w[o + O_KIND] & 0xFF != code:
        found = KIND_NAMES[s.w[o + O_KIND] & 0xFF]
        raise InvalidHandleError(
            f"the name {name!r} belongs to a {found}, not to a {KIND_NAMES[code]}; "
            "pick another name"
        )
    return o


def _holders_dead(s: Session, o: int) -> bool:
    """Tell whether some process that holds the name of ``o`` is dead (and not buried)."""
    w = s.w
    index = obj_index(o)
    word, bit = index >> 5, 1 << (index & 31)
    states = w[PROC_BASE : PROC_BASE + PROCS * PROC_WORDS : PROC_WORDS].tolist()
    for slot, state in enumerate(states):
        held = state and w[NAME_BITS_BASE + slot * BITMAP_WORDS + word] & bit
        if held and slot != s.slot and not s.alive(slot):
            return True
    return False


def release_name(obj: object) -> None:
    """Drop this process's hold on ``obj``'s name (its last handle here was closed)."""
    o = getattr(obj, "_shared", None)
    if type(obj) in Waitable.shared_kinds and isinstance(o, int):
        s = _session.S
        if s is None:
            return
        s.lock()
        try:
            drop_name(s, s.slot, o)
            s.commit()
        finally:
            s.unlock()
        return
    name = getattr(obj, "name", None)
    if isinstance(name, str):
        key = _strip_local(name)
        with KERNEL_LOCK:
            if _unshared.get(key) is not obj:
                return
            del _unshared[key]
            claimed = key in _claimed
            _claimed.discard(key)
        if claimed:
            _localnames.release(key)


# -- where objects cannot be shared ------------------------------------------------------------


def _create_unshared(
    kind: type[NamedKind], key: str, name: str, obj: NamedKind, want_owner: bool
) -> tuple[NamedKind, bool]:
    state = current_state() if want_owner else None
    with KERNEL_LOCK:
        existing = _lookup_unshared(kind, key, name)
        if existing is not None:
            return existing, True
        obj.name = name
        _unshared[key] = obj
        if state is not None:
            obj._take(state)
    return obj, False


def _open_unshared(kind: type[LocalKind], key: str, name: str) -> LocalKind:
    with KERNEL_LOCK:
        existing = _lookup_unshared(kind, key, name)
    if existing is None:
        raise NameNotFoundError(f"no kernel object is named {name!r}; create it first")
    return existing


def _lookup_unshared(kind: type[LocalKind], key: str, name: str) -> LocalKind | None:
    obj = _unshared.get(key)
    if obj is None:
        return None
    if not isinstance(obj, kind):
        raise InvalidHandleError(
            f"the name {name!r} belongs to {obj!r}, not to a {kind.__name__}; pick another name"
        )
    return obj
