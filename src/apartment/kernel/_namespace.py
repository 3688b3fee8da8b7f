r"""Named kernel objects: one namespace shared by events, mutexes, semaphores and timers.

A name lives while its object is referenced from Python (the namespace holds it weakly) and
is removed when the last handle to the object is closed, as NT removes a name when the handle
count drops to zero even if a wait still references the object. Names are case-sensitive; a
``Local\\`` prefix names the same object as no prefix, ``Global\\`` names another namespace.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, TypeVar

from ..errors import (
    ERROR_PATH_NOT_FOUND,
    InvalidHandleError,
    InvalidParameterError,
    NameNotFoundError,
    Win32Error,
)
from ._core import KERNEL_LOCK
from ._event import Event
from ._mutex import Mutex
from ._semaphore import Semaphore
from ._thread import current_state
from ._timer import WaitableTimer

if TYPE_CHECKING:
    from ._core import Waitable

__all__ = ["create_named", "open_named", "release_name", "NamedKind"]

MAX_PATH = 260

NamedKind = TypeVar("NamedKind", Event, Mutex, Semaphore, WaitableTimer)

_objects: weakref.WeakValueDictionary[str, Waitable] = weakref.WeakValueDictionary()


def _strip_local(name: str) -> str:
    r"""``Local\\x`` and ``x`` name the same object (the session namespace)."""
    return name[len("Local\\") :] if name.startswith("Local\\") else name


def _key(name: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"an object name must be a str, not {name!r}")
    if not name:
        raise InvalidParameterError("an object name cannot be empty; pass None for no name")
    if len(name) > MAX_PATH:
        raise InvalidParameterError(f"an object name is at most {MAX_PATH} characters")
    key = _strip_local(name)
    rest = key[len("Global\\") :] if key.startswith("Global\\") else key
    if "\\" in rest:
        raise Win32Error.from_code(
            ERROR_PATH_NOT_FOUND,
            f"{name!r}: an object name cannot contain a backslash (beyond Global\\ or Local\\)",
        )
    return key


def create_named(kind: type[NamedKind], name: str, *args: object) -> tuple[NamedKind, bool]:
    """Create the object named ``name``, or return the existing one of the same kind.

    Returns ``(object, existed)``. When it existed, ``args`` are ignored (a mutex is not
    acquired even with ``initial_owner``), as CreateEvent/CreateMutex/... do.

    Raises:
        InvalidHandleError: the name belongs to an object of another kind.
    """
    key = _key(name)
    with KERNEL_LOCK:
        existing = _lookup(kind, key, name)
        if existing is not None:
            return existing, True
    # Build outside the kernel lock; a mutex takes its initial ownership only once it won.
    want_owner = kind is Mutex and bool(args and args[0])
    obj = kind(False) if kind is Mutex else kind(*args)  # type: ignore[arg-type]
    obj.name = name
    thread = current_state() if want_owner else None
    with KERNEL_LOCK:
        existing = _lookup(kind, key, name)
        if existing is not None:  # another thread created it meanwhile
            return existing, True
        _objects[key] = obj
        if thread is not None:
            obj._take(thread)
    return obj, False


def open_named(kind: type[NamedKind], name: str) -> NamedKind:
    """Return the existing object named ``name`` (OpenEvent/OpenMutex/...).

    Raises:
        NameNotFoundError: no object has that name.
        InvalidHandleError: the name belongs to an object of another kind.
    """
    key = _key(name)
    with KERNEL_LOCK:
        existing = _lookup(kind, key, name)
    if existing is None:
        raise NameNotFoundError(f"no kernel object is named {name!r}; create it first")
    return existing


def _lookup(kind: type[NamedKind], key: str, name: str) -> NamedKind | None:
    obj = _objects.get(key)
    if obj is None:
        return None
    if not isinstance(obj, kind):
        raise InvalidHandleError(
            f"the name {name!r} belongs to {obj!r}, not to a {kind.__name__}; pick another name"
        )
    return obj


def release_name(obj: object) -> None:
    """Remove ``obj``'s name from the namespace (its last handle was closed)."""
    name = getattr(obj, "name", None)
    if not isinstance(name, str):
        return
    key = _strip_local(name)
    with KERNEL_LOCK:
        if _objects.get(key) is obj:
            del _objects[key]
