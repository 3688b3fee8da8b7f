"""The handle table: small int handles to kernel objects, with access rights.

Handles are multiples of 4 and are never reused while the table lives (Windows reuses them;
a test must not assume either). The low two bits of a handle value are ignored, as the NT
kernel ignores them. -1 and -2 are the pseudo handles of the current process and thread.

A process's own handles are multiples of 8; one another process duplicated into it has a
value 4 mod 8, from its inbox in the session's segment, and enters the table the first time
it is used (``_inherit``). A handle may be inheritable: a child started with inherited
handles gets it at the same value.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import sys
import threading
from collections import OrderedDict, deque
from typing import TYPE_CHECKING, TypeVar, cast

from .._fork import TABLE, a_lock_is_held, hold_across_fork
from ..errors import (
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    NotSupportedError,
    Win32Error,
)
from ._core import KERNEL_LOCK, MAXIMUM_WAIT_OBJECTS, SHARING, CheckedObjects, Waitable
from ._inherit import give, take
from ._namespace import NamedKind, create_named, open_named, release_name
from ._process import ProcessHandle, current_process, open_process
from ._records import publish
from ._thread import current_thread, thread_by_id

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Mapping, Sequence, Sized

__all__ = [
    "CURRENT_PROCESS",
    "CURRENT_THREAD",
    "SYNCHRONIZE",
    "MODIFY_STATE",
    "QUERY_STATE",
    "ALL_ACCESS",
    "HandleTable",
    "handles",
]

CURRENT_PROCESS = -1
"""The pseudo handle of the calling process (GetCurrentProcess)."""
CURRENT_THREAD = -2
"""The pseudo handle of the calling thread (GetCurrentThread)."""

QUERY_STATE = 0x0001
MODIFY_STATE = 0x0002
SYNCHRONIZE = 0x100000
ALL_ACCESS = 0x1F0003  # STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | query | modify

_GENERIC_READ = 0x80000000
_GENERIC_WRITE = 0x40000000
_GENERIC_EXECUTE = 0x20000000
_GENERIC_ALL = 0x10000000
_GENERIC_MASK = _GENERIC_READ | _GENERIC_WRITE | _GENERIC_EXECUTE | _GENERIC_ALL
_MAXIMUM_ALLOWED = 0x02000000

T = TypeVar("T")


def map_generic(access: int, obj: object = None) -> int:
    """Turn GENERIC_* bits into the object rights they stand for.

    A kind with its own ``generic_rights`` (read, write, execute, all: a thread's, a
    process's, as Windows' object types list them) maps through it; the others (events,
    mutexes, semaphores, timers) share query / modify / synchronize.
    """
    mapping: tuple[int, int, int, int] | None = getattr(type(obj), "generic_rights", None)
    if access & _MAXIMUM_ALLOWED:  # every right the caller could have: all, for its own objects
        access = (access & ~_MAXIMUM_ALLOWED) | _GENERIC_ALL
    if mapping is not None and access & _GENERIC_MASK:
        for bit, rights in zip(
            (_GENERIC_READ, _GENERIC_WRITE, _GENERIC_EXECUTE, _GENERIC_ALL), mapping, strict=True
        ):
            if access & bit:
                access |= rights
        return access & ~_GENERIC_MASK
    if access & _GENERIC_ALL:
        access |= ALL_ACCESS
    if access & _GENERIC_READ:
        access |= QUERY_STATE
    if access & _GENERIC_WRITE:
        access |= MODIFY_STATE
    if access & _GENERIC_EXECUTE:
        access |= SYNCHRONIZE
    return access & ~(_GENERIC_ALL | _GENERIC_READ | _GENERIC_WRITE | _GENERIC_EXECUTE)


_SPECIFIC_RIGHTS_ALL = 0xFFFF


def _with_implied(obj: object, access: int) -> int:
    """Add the rights that granted ones imply for ``obj``'s kind, as Windows grants them.

    A kind lists ``implied_rights`` as (right, implied) pairs: a process's or thread's full
    query right holds its limited one, so either opens the query calls.
    """
    for right, implied in getattr(type(obj), "implied_rights", ()):
        if access & right:
            access |= implied
    return access


def _all_access_grants(granted: int, access: int) -> bool:
    """Whether a handle opened with all access grants ``access`` all the same.

    Windows' X_ALL_ACCESS holds every right specific to its kind of object (a thread's
    THREAD_SET_INFORMATION, a process's PROCESS_QUERY_INFORMATION...); the table stores the
    generic ALL_ACCESS for them, so the specific bits are read as included.
    """
    missing = access & ~granted
    return granted & ALL_ACCESS == ALL_ACCESS and not missing & ~_SPECIFIC_RIGHTS_ALL


_ACCESS_SYSTEM_SECURITY = 0x01000000
_ERROR_PRIVILEGE_NOT_HELD = 1314


def _rights_of_kind(kind: type[object], access: int, name: str) -> int:
    """Check the (generic-mapped) rights an Open* call asks of a named object of ``kind``.

    A kind that lists its ``all_access`` (MUTANT_ALL_ACCESS, EVENT_ALL_ACCESS...) grants only
    those rights, as the default DACL of a named object grants its creator GENERIC_ALL and
    nothing more: a bit outside them is ERROR_ACCESS_DENIED (Wine's sync.c test_mutex, a
    todo_wine there), ACCESS_SYSTEM_SECURITY wants SeSecurityPrivilege, and MAXIMUM_ALLOWED
    opens with every right the kind has.
    """
    if not map_generic(access):
        raise AccessDeniedError(f"opening {name!r} asked for no access right")
    valid: int | None = getattr(kind, "all_access", None)
    if valid is None:
        return access
    # A generic right stands for what the kind has of it (GENERIC_WRITE gives a mutex none).
    access = (access & ~(_GENERIC_MASK | _MAXIMUM_ALLOWED)) | (
        map_generic(access & (_GENERIC_MASK | _MAXIMUM_ALLOWED)) & valid
    )
    if access & _ACCESS_SYSTEM_SECURITY:
        raise Win32Error.from_code(
            _ERROR_PRIVILEGE_NOT_HELD,
            f"opening {name!r} with ACCESS_SYSTEM_SECURITY takes SeSecurityPrivilege",
        )
    if access & ~valid:
        raise AccessDeniedError(
            f"opening {name!r} asked for rights {access & ~valid:#x} that a "
            f"{kind.__name__} does not have (its rights: {valid:#x})"
        )
    return access


def normalize(value: int) -> int:
    """Read a handle value as Windows does: pointer-sized, signed, low two bits ignored."""
    value &= 0xFFFF_FFFF_FFFF_FFFF
    if value >= 1 << 63:
        value -= 1 << 64
    return value if value < 0 else value & ~3


# Whether the garbage collector is collecting (it runs finalizers on the collecting thread).
# The last phase the collector announced is the last key of this dict: the callback is the
# C-level bound method ``move_to_end(phase, info)`` (``info``, a non-empty dict, is true:
# move it last), not a Python function. A Python callback runs the process's signal
# handlers when it starts, and an exception raised there (KeyboardInterrupt, when Ctrl-C
# arrives while the main thread's wait allocates) is reported as ignored and lost: the wait
# then went on forever. The state is process-wide, not per thread: a finalizer on another
# thread while one collects closes its handle later too (see close_dropped), which is safe.
_phases: OrderedDict[str, None] = OrderedDict.fromkeys(("start", "stop"))
gc.callbacks.append(cast("Callable[[str, dict[str, int]], None]", _phases.move_to_end))


def _collecting() -> bool:
    """Whether a collection is under way (between the collector's "start" and "stop")."""
    try:
        return next(reversed(_phases)) == "start"
    except RuntimeError:  # the collector moved a key while this read (free-threaded build)
        return True


_MANY_CACHED = 64
"""How many sets of handles :meth:`HandleTable.get_many` remembers."""


class HandleTable:
    """Maps handle values to (object, granted access); safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        hold_across_fork(self._lock, TABLE)
        # Handles a finalizer gave up: a finalizer may run inside any locked section (the
        # collector runs on allocation), so it only appends here (deque appends are atomic)
        # and the next table operation closes them.
        self._closing: deque[int] = deque()
        self._entries: dict[int, tuple[object, int]] = {}
        self._open: dict[int, int] = {}  # id(object) -> number of open handles
        # Multi-object waits resolved before, by their handle values and access: a loop that
        # waits on the same handles again looks them up once. Values are never reused, so an
        # entry stays right until one of its handles closes; any close empties the cache.
        # A caller may file a set under an alias of its own too (see get_many and many_view).
        self._many: dict[Hashable, tuple[Waitable, ...]] = {}
        self._values = itertools.count(8, 8)
        self._inheritable: set[int] = set()
        # Open handles by value, filtered by kind and access, for the facade's hottest calls
        # (see kind_view): kept with _entries, under the lock.
        self._views: list[tuple[type, int, dict[int, object]]] = []

    def close_soon(self, value: int) -> None:
        """Close a handle later; the only call a finalizer may make (it takes no lock)."""
        self._closing.append(value)

    def close_dropped(self, value: int) -> None:
        """Close a handle whose owner was dropped (a finalizer's call); errors are swallowed.

        A handle dropped by its last reference closes now, as Windows' owner would close it
        (a file opened with FILE_FLAG_DELETE_ON_CLOSE is gone when the call returns). A
        finalizer may run inside a locked section of this thread, though: when the garbage
        collector runs it, on the free-threaded build when another thread's drop is merged
        at any bytecode, or when a core structure lets go of a handle under its lock. So it
        closes at the next table operation instead when the collector runs, when the kernel
        lock or the table's is held (by anyone: a finalizer must never wait), or when the
        object's name lives in the session's shared table (its lock may be this thread's).
        At interpreter shutdown it is not closed at all while any of the library's locks is
        held: a daemon thread frozen by the shutdown holds it for ever, and the close could
        need it (the process's end releases what the handle held, as on Windows).
        """
        if _collecting() or KERNEL_LOCK.locked() or self._lock.locked():
            self._closing.append(value)  # maybe this thread's lock: a finalizer never waits
            return
        if sys.is_finalizing() and a_lock_is_held():
            return  # its holder is a daemon thread frozen by the shutdown: it is never freed
        entry = self._entries.get(normalize(value))  # one atomic read, as in lock_free_view()
        if entry is not None and getattr(entry[0], "_shared", None) is not None:
            self._closing.append(value)  # its name is the session's: that lock may be ours
            return
        with contextlib.suppress(Win32Error):
            self.close(value)

    def collect(self) -> None:
        """Close now the handles finalizers gave up (never called with a lock held)."""
        closing = self._closing
        while closing:
            try:
                value = closing.popleft()
            except IndexError:
                return
            with contextlib.suppress(InvalidHandleError):
                self.close(value)

    def insert(self, obj: object, access: int = ALL_ACCESS, *, inherit: bool = False) -> int:
        """Open a new handle to ``obj`` with ``access`` and return its value.

        An ``inherit`` handle goes to a child started with inherited handles.
        """
        if self._closing:
            self.collect()
        with self._lock:
            value = self._insert(obj, map_generic(access, obj))
            if inherit:
                self._inheritable.add(value)
            return value

    def _insert(self, obj: object, access: int) -> int:
        value = next(self._values)
        granted = _with_implied(obj, access)
        self._entries[value] = (obj, granted)
        self._open[id(obj)] = self._open.get(id(obj), 0) + 1
        if self._views:
            self._file_in_views(value, obj, granted)
        return value

    def _file_in_views(self, value: int, obj: object, granted: int) -> None:
        """Add a new handle to the kind views it belongs in; the table's lock held."""
        for kind, access, view in self._views:
            if isinstance(obj, kind) and granted & access == access:
                view[value] = obj

    def insert_at(self, value: int, obj: object, access: int, *, inherit: bool = False) -> None:
        """Open a handle at ``value`` (an inherited or duplicated handle keeps its value).

        Raises:
            InvalidParameterError: ``value`` is not a free handle value.
        """
        key = normalize(value)
        if key <= 0 or key in (CURRENT_THREAD, CURRENT_PROCESS):
            raise InvalidParameterError(f"{value:#x} cannot be a handle value")
        with self._lock:
            if key in self._entries:
                raise InvalidParameterError(f"handle {value:#x} is open already")
            granted = _with_implied(obj, map_generic(access, obj))
            self._entries[key] = (obj, granted)
            self._open[id(obj)] = self._open.get(id(obj), 0) + 1
            if self._views:
                self._file_in_views(key, obj, granted)
            if inherit:
                self._inheritable.add(key)

    def reserve_values(self, floor: int) -> None:
        """Make this process's next handle values exceed ``floor`` (inherited ones are below)."""
        with self._lock:
            current = next(self._values)
            self._values = itertools.count(max(current, (floor // 8 + 1) * 8), 8)

    def inheritable(self) -> list[tuple[int, object, int]]:
        """The inheritable handles, as ``(value, object, access)``."""
        with self._lock:
            return [(value, *self._entries[value]) for value in sorted(self._inheritable)]

    def set_inheritable(self, value: int, inherit: bool) -> None:
        """Make a handle inheritable or not (SetHandleInformation's HANDLE_FLAG_INHERIT).

        Raises:
            InvalidHandleError: the handle is not open.
        """
        self.get(value)
        key = normalize(value)
        with self._lock:
            if inherit:
                self._inheritable.add(key)
            else:
                self._inheritable.discard(key)

    def is_inheritable(self, value: int) -> bool:
        """Tell whether a handle is inheritable (GetHandleInformation)."""
        self.get(value)
        with self._lock:
            return normalize(value) in self._inheritable

    def _entry(self, key: int) -> tuple[object, int] | None:
        """The entry of ``key``, taking it from the inbox if another process put it there."""
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None or key & 7 != 4:
            return entry
        taken = take(key)
        if taken is None:
            return None
        obj, access, inherit = taken
        with contextlib.suppress(InvalidParameterError):
            self.insert_at(key, obj, access, inherit=inherit)
        with self._lock:
            return self._entries.get(key)

    def get(self, value: int, access: int = 0, *, pseudo: bool = False) -> object:
        """Return the object behind a handle that grants at least ``access``.

        With ``pseudo``, -1 and -2 give the calling process and thread (full access);
        without it they are invalid, as in Windows' multi-object waits.

        Raises:
            InvalidHandleError: the handle is NULL or not open.
            AccessDeniedError: the handle lacks a right in ``access``.
        """
        if self._closing:
            self.collect()
        key = normalize(value)
        if pseudo and key in (CURRENT_THREAD, CURRENT_PROCESS):
            return current_thread() if key == CURRENT_THREAD else current_process()
        with self._lock:
            entry = self._entries.get(key)
        if entry is None and key & 7 == 4:
            entry = self._entry(key)
        if entry is None:
            if value == 0:
                raise InvalidHandleError("a NULL handle was passed")
            raise InvalidHandleError(f"handle {value:#x} is not open (closed, or never opened)")
        obj, granted = entry
        if access & ~granted and not _all_access_grants(granted, access):
            raise AccessDeniedError(
                f"handle {value:#x} to {obj!r} was opened without the access this needs "
                f"({access & ~granted:#x}); open it with that right"
            )
        return obj

    def lock_free_view(self) -> tuple[Mapping[int, tuple[object, int]], Sized]:
        """The table's entries and its queue of deferred closes, for lock-free fast paths.

        ``entries[value]`` is ``(object, granted access)`` for an open, normalized handle
        value. Read it without the table's lock: dict reads are atomic on every build
        (free-threaded dicts lock themselves), and a close racing with the read is ordered
        either before it (no entry) or after. Trust an entry only while the queue is empty
        (a finalizer's close may be waiting in it); otherwise, or for anything but a hit,
        call :meth:`get_typed`, which closes what is queued and says what is wrong. Both
        stay the same objects for the table's life, so a caller may keep them.
        """
        return self._entries, self._closing

    def many_view(self) -> Mapping[Hashable, tuple[Waitable, ...]]:
        """The sets of handles :meth:`get_many` resolved, by the aliases callers gave it.

        ``many[alias]`` is what ``get_many(values, access, alias=alias)`` returned; every
        close empties it, so an entry holds only open handles. Read it without the table's
        lock (as :meth:`lock_free_view` says) and trust a hit only while the queue of deferred
        closes is empty. The same object for the table's life, so a caller may keep it.
        """
        return self._many

    def kind_view(self, kind: type[T], access: int) -> Mapping[int, T]:
        """The open handles to a ``kind`` (subclasses too) that grant ``access``, by value.

        For a facade call that resolves one handle per call (SetEvent, WaitForSingleObject):
        one read of this dict stands for the entry's read and the checks of its kind and
        access. It is kept with the table's entries as handles open and close, under its
        lock; read it without the lock as :meth:`lock_free_view` says (trust a hit only while
        the queue of deferred closes is empty; on a miss, call :meth:`get_typed`). An object
        keeps its kind while a handle is open (publishing one makes it a subclass). The same
        dict for the table's life: a caller keeps it. Ask once per (kind, access).
        """
        with self._lock:
            for known, wanted, view in self._views:
                if known is kind and wanted == access:
                    return view  # type: ignore[return-value]
            view = {
                value: obj
                for value, (obj, granted) in self._entries.items()
                if isinstance(obj, kind) and granted & access == access
            }
            self._views.append((kind, access, view))
        return view  # type: ignore[return-value]

    def get_typed(
        self,
        value: int,
        kind: type[T] | tuple[type[T], ...],
        access: int = 0,
        *,
        pseudo: bool = False,
    ) -> T:
        """Like :meth:`get`, and the object must be a ``kind`` (else ERROR_INVALID_HANDLE)."""
        obj = self.get(value, access, pseudo=pseudo)
        if not isinstance(obj, kind):
            raise InvalidHandleError(f"handle {value:#x} is {obj!r}, not the kind of object needed")
        return obj

    def get_many(
        self,
        values: Sequence[int],
        access: int = 0,
        *,
        allow_empty: bool = False,
        limit: int = MAXIMUM_WAIT_OBJECTS,
        alias: Hashable | None = None,
    ) -> tuple[Waitable, ...]:
        """Resolve the handles of a multi-object wait, checking them as Windows does.

        The count must be 1 to ``limit`` (0 too with ``allow_empty``, as message waits take)
        else ERROR_INVALID_PARAMETER; each must be an open handle to a waitable object
        (pseudo handles are not allowed here). The result is also filed under ``alias``, for
        :meth:`many_view`, when one is given: a caller that can name the same set again more
        cheaply than by its values (the facade, by its handle objects) finds it there.
        """
        if not (0 if allow_empty else 1) <= len(values) <= limit:
            raise InvalidParameterError(f"a wait takes 1 to {limit} handles, not {len(values)}")
        if self._closing:
            self.collect()
        key = (tuple(values), access)
        entries = self._entries
        kinds = Waitable.kinds
        epoch = SHARING.epoch  # read first: an object published after it makes the check stale
        # Read without the lock, as lock_free_view() allows: a close clears the cache, and one
        # racing with this read is ordered before it or after it.
        cached = self._many.get(key)
        if cached is not None and (type(cached) is not CheckedObjects or cached.epoch == epoch):
            if alias is not None:
                with self._lock:
                    if self._many.get(key) is cached:  # still cached: none closed meanwhile
                        self._many[alias] = cached
            return cached
        with self._lock:  # one hold for all of them: a wait on 64 handles is one lookup each
            found = [entries.get(value) for value in values]
        objects: list[Waitable] = []
        local = True
        for value, entry in zip(values, found, strict=True):
            if entry is None or type(entry[0]) not in kinds or access & ~entry[1]:
                # the slow path says precisely what is wrong (a handle not normalized, too)
                obj = self.get_typed(value, Waitable, access)
                local = local and type(obj) in kinds
                objects.append(obj)
            else:
                objects.append(entry[0])  # type: ignore[arg-type]
        resolved = CheckedObjects.of(tuple(objects), epoch) if local and objects else tuple(objects)
        with self._lock:
            if len(self._many) >= _MANY_CACHED:
                self._many.clear()  # bounded: a program waiting on ever new sets of handles
            if all(value in entries for value in key[0]):  # none closed meanwhile
                self._many[key] = resolved
                if alias is not None:
                    self._many[alias] = resolved
        return resolved

    def create(
        self,
        kind: type[NamedKind],
        name: str | None,
        *args: object,
        inherit: bool = False,
        access: int = ALL_ACCESS,
    ) -> tuple[int, bool]:
        """Create an object, named or not, and open a handle to it (Create*).

        ``kind(*args)`` makes an unnamed object when ``name`` is None; a name goes through
        :meth:`create_named`, which opens the existing object of that name if there is one.
        An ``inherit`` handle's object is shared with other processes from the start. The
        handle has ``access`` (Create*Ex's dwDesiredAccess; 0 is allowed, as on Windows).
        Returns the handle's value and whether the object existed already.
        """
        if name is None:
            obj: Waitable = kind(*args)  # type: ignore[arg-type]
            if inherit:
                publish(obj)
            return self.insert(obj, access, inherit=inherit), False
        return self.create_named(kind, name, *args, inherit=inherit, access=access)

    def create_named(
        self,
        kind: type[NamedKind],
        name: str,
        *args: object,
        inherit: bool = False,
        access: int = ALL_ACCESS,
    ) -> tuple[int, bool]:
        """Create the object named ``name`` or open the existing one (Create* with a name).

        Returns the new handle's value and whether the object existed already. Handles that
        collected PyHANDLEs gave up are closed first: one may have held the name's last handle.

        Raises:
            InvalidHandleError: the name belongs to another kind of object.
        """
        self.collect()
        obj, existed = create_named(kind, name, *args)
        return self.insert(obj, access, inherit=inherit), existed

    def open_named(
        self, kind: type[NamedKind], name: str, access: int, *, inherit: bool = False
    ) -> int:
        """Open a handle with ``access`` to the existing object named ``name`` (Open*).

        Raises:
            AccessDeniedError: ``access`` asks for no right at all.
            NameNotFoundError: no object has that name.
            InvalidHandleError: the name belongs to another kind of object.
        """
        access = _rights_of_kind(kind, access, name)
        self.collect()
        return self.insert(open_named(kind, name), access, inherit=inherit)

    def open_thread(self, native_id: int, access: int, *, inherit: bool = False) -> int:
        """Open a handle to a live thread by id (OpenThread).

        Only threads that have used this library are known (every thread started by
        start_thread is).

        Raises:
            InvalidParameterError: no such live thread.
        """
        thread = thread_by_id(native_id)
        if thread is None:
            raise InvalidParameterError(f"no live thread with id {native_id} is known here")
        return self.insert(thread, access, inherit=inherit)

    def open_process(self, pid: int, access: int, *, inherit: bool = False) -> int:
        """Open a handle to any running process of the user (OpenProcess).

        Raises:
            InvalidParameterError: no such process.
            AccessDeniedError: it belongs to another user.
        """
        return self.insert(open_process(pid), access, inherit=inherit)

    def close(self, value: int) -> None:
        """Close a handle; the object lives on while other handles or references hold it.

        Closing a pseudo handle does nothing and succeeds, as on Windows.

        Raises:
            InvalidHandleError: the handle is not open.
        """
        key = normalize(value)
        if key in (CURRENT_THREAD, CURRENT_PROCESS):
            return
        if key & 7 == 4:
            self._entry(key)  # one put into the inbox: take it, to close it
        with self._lock:
            entry = self._entries.pop(key, None)
            if entry is not None:
                self._many.clear()
                for _, _, view in self._views:
                    view.pop(key, None)
                self._inheritable.discard(key)
                count = self._open.pop(id(entry[0])) - 1
                if count:
                    self._open[id(entry[0])] = count
        if entry is None:
            raise InvalidHandleError(f"handle {value:#x} is not open; it cannot be closed")
        if not count:  # the last handle: a named object loses its name, as in NT
            release_name(entry[0])
            on_last = getattr(entry[0], "close_on_last_handle", None)
            if on_last is not None:  # a file or pipe end closes with its last handle
                on_last()

    def duplicate(self, value: int, access: int | None = None, *, inherit: bool = False) -> int:
        """Open another handle to the same object; ``access`` None keeps the same rights.

        A pseudo handle duplicates into a real handle to the calling thread or process,
        usable from any thread. An ``inherit`` copy goes to children started with inherited
        handles.
        """
        key = normalize(value)
        if key in (CURRENT_THREAD, CURRENT_PROCESS):
            granted = ALL_ACCESS if access is None else access
            return self.insert(self.get(key, pseudo=True), granted, inherit=inherit)
        entry = self._entry(key)
        if entry is None:
            raise InvalidHandleError(f"handle {value:#x} is not open; it cannot be duplicated")
        obj, granted = entry
        return self.insert(obj, granted if access is None else access, inherit=inherit)

    def duplicate_handle(
        self,
        source_process: int,
        value: int,
        target_process: int,
        access: int | None = None,
        *,
        close_source: bool = False,
        inherit: bool = False,
    ) -> int:
        """Duplicate a handle from one process's table into another's (DuplicateHandle).

        Both process arguments must be handles to processes. The source is this process; the
        target is this process or another of the session, whose inbox the handle goes into
        (see ``_inherit``: an event, mutex, semaphore, timer or process can cross). ``access``
        None keeps the source's rights. With ``close_source`` the source handle is closed
        whatever happens, even when the duplication fails, as Windows does.

        Raises:
            InvalidHandleError: a process handle is not one, or the source is NULL or not open.
            NotSupportedError: the source is another process, or the object cannot cross to
                the target (or the target does not use this library).
        """
        mine = True  # False once the source is known to be another process: not ours to close
        try:
            source = self.get_typed(source_process, ProcessHandle, pseudo=True)
            me = current_process()
            mine = source is me or source.pid == me.pid
            target = self.get_typed(target_process, ProcessHandle, pseudo=True)
            if value == 0:
                raise InvalidHandleError("a NULL handle was passed")
            if not mine:
                raise NotSupportedError(
                    "a handle can be duplicated out of this process only; have the process "
                    "that holds it duplicate it"
                )
            if target is me or target.pid == me.pid:
                return self.duplicate(value, access, inherit=inherit)
            key = normalize(value)
            entry = self._entry(key)
            if entry is None:
                raise InvalidHandleError(f"handle {value:#x} is not open; it cannot be duplicated")
            obj, granted = entry
            rights = granted if access is None else map_generic(access, obj)
            return give(target.pid, obj, rights, inherit)
        finally:
            if close_source and value and mine:
                self.close(value)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def snapshot(self) -> dict[int, object]:
        """Return the open handles and their objects, for leak checks and debugging."""
        if self._closing:
            self.collect()
        with self._lock:
            return {value: obj for value, (obj, _) in self._entries.items()}


handles = HandleTable()
"""The process's handle table, shared by the facade and any code that wants int handles."""
