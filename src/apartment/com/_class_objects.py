"""Class objects a process registers (CoRegisterClassObject), and who may find them.

A server hands COM a *class object* (a factory) for each class it serves; activation in the
same process, and through :mod:`._localserver` in other processes, finds it here instead of
in the class registry. The REGCLS flags decide who (semantics.md §7.8):

* ``REGCLS_SINGLEUSE`` (0): one activation from another process, then the class object is
  hidden from them; the next client starts a new server.
* ``REGCLS_MULTIPLEUSE`` (1): any number of clients. Registered for CLSCTX_LOCAL_SERVER, it
  also serves activations in its own process (as if CLSCTX_INPROC_SERVER were given).
* ``REGCLS_MULTI_SEPARATE`` (2): any number of clients, no implicit in-process use.
* ``REGCLS_SUSPENDED`` (4): other processes see it only after :func:`resume_class_objects`
  (in-process activation finds it at once, as the real pywin32 shows).

The class object lives in the apartment that registered it: activation runs its
``create_instance`` there. Revoking it (:func:`revoke_class_object`) hides it at once.
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING, Any, Protocol, final

from .._fork import OUTER, hold_across_fork
from ..errors import InvalidArgumentError
from ._apartment import Apartment, current_apartment
from ._class_entry import (
    CLSCTX_INPROC_HANDLER,
    CLSCTX_INPROC_SERVER,
    CLSCTX_LOCAL_SERVER,
    normalize_clsid,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "REGCLS_SINGLEUSE",
    "REGCLS_MULTIPLEUSE",
    "REGCLS_MULTI_SEPARATE",
    "REGCLS_SUSPENDED",
    "REGCLS_SURROGATE",
    "Factory",
    "Registration",
    "register_class_object",
    "revoke_class_object",
    "resume_class_objects",
    "find_in_process",
    "claim_for_client",
    "published",
    "set_publisher",
]

REGCLS_SINGLEUSE = 0
REGCLS_MULTIPLEUSE = 1
REGCLS_MULTI_SEPARATE = 2
REGCLS_SUSPENDED = 4
REGCLS_SURROGATE = 8
_USE = REGCLS_MULTIPLEUSE | REGCLS_MULTI_SEPARATE
_INPROC = CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER


class Factory(Protocol):
    """A class object: what makes new instances of a class (IClassFactory)."""

    def create_instance(self, iid: object = ...) -> Any:  # noqa: ANN401
        """Create an object, in the calling thread's apartment or where its model says."""

    def lock_server(self, lock: bool) -> None:
        """Keep the server running without objects, or stop keeping it."""


@final
class Registration:
    """One registered class object, its flags, and whether others can see it now."""

    __slots__ = ("clsctx", "clsid", "cookie", "factory", "flags", "home", "suspended", "used")

    def __init__(
        self, cookie: int, clsid: str, factory: Factory, clsctx: int, flags: int, home: Apartment
    ) -> None:
        self.cookie = cookie
        self.clsid = clsid
        self.factory = factory
        self.clsctx = clsctx
        self.flags = flags
        self.home = home
        self.suspended = bool(flags & REGCLS_SUSPENDED)
        self.used = False  # a single-use class object another process has taken

    def __repr__(self) -> str:
        return (
            f"<class object {self.clsid} #{self.cookie} flags={self.flags:#x} "
            f"context={self.clsctx:#x} in {self.home!r}>"
        )

    @property
    def single_use(self) -> bool:
        """Whether one client takes it (REGCLS_SINGLEUSE)."""
        return not self.flags & _USE

    def reachable(self) -> bool:
        """Whether another process can activate through it now."""
        return bool(self.clsctx & CLSCTX_LOCAL_SERVER) and not self.suspended and not self.used


class _Table:
    """The process's registrations by cookie, under ``lock``; the publisher sees changes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.entries: dict[int, Registration] = {}
        self.cookies = itertools.count(1)
        self.publisher: Callable[[str], None] | None = None


_table = _Table()


def set_publisher(publisher: Callable[[str], None]) -> None:
    """Set who makes a CLSID reachable from other processes, or not (:mod:`._localserver`).

    ``publisher(clsid)`` is called, outside the table's lock, whenever what other processes
    can reach for ``clsid`` may have changed; it asks :func:`published`.
    """
    _table.publisher = publisher


def _publish(clsids: set[str]) -> None:
    publisher = _table.publisher
    if publisher is not None:
        for clsid in sorted(clsids):
            publisher(clsid)


def register_class_object(clsid: str, factory: Factory, clsctx: int, flags: int) -> int:
    """Register a class object for ``clsid`` (CoRegisterClassObject); return its cookie.

    The calling thread's apartment becomes the class object's home: activations run its
    ``create_instance`` there (an STA must pump for them to complete).

    Raises:
        ClassStringError: ``clsid`` is not a CLSID string (CO_E_CLASSSTRING).
        TypeError: ``factory`` has no ``create_instance``, or a flag is not an int.
        NotInitializedError: the calling thread is in no apartment (CO_E_NOTINITIALIZED).
    """
    key = normalize_clsid(clsid)
    if not callable(getattr(factory, "create_instance", None)):
        raise TypeError(f"a class object needs a create_instance method, not {factory!r}")
    for name, value in (("clsctx", clsctx), ("flags", flags)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {value!r}")
    home = current_apartment()
    with _table.lock:
        cookie = next(_table.cookies)
        registration = Registration(cookie, key, factory, clsctx, flags, home)
        _table.entries[cookie] = registration
    if registration.reachable():
        _publish({key})
    return cookie


def revoke_class_object(cookie: int) -> None:
    """Revoke a registration (CoRevokeClassObject): nobody activates through it any more.

    Raises:
        InvalidArgumentError: no registration has that cookie (E_INVALIDARG), or it was
            revoked already.
        TypeError: ``cookie`` is not an int.
    """
    if isinstance(cookie, bool) or not isinstance(cookie, int):
        raise TypeError(f"a registration cookie is an int, not {cookie!r}")
    with _table.lock:
        registration = _table.entries.pop(cookie, None)
    if registration is None:
        raise InvalidArgumentError(f"no class object is registered under cookie {cookie}")
    _publish({registration.clsid})


def resume_class_objects() -> None:
    """Let other processes reach the class objects registered REGCLS_SUSPENDED."""
    with _table.lock:
        resumed = [entry for entry in _table.entries.values() if entry.suspended]
        for entry in resumed:
            entry.suspended = False
    _publish({entry.clsid for entry in resumed if entry.reachable()})


def find_in_process(clsid: str, clsctx: int) -> Registration | None:
    """The class object an activation for ``clsctx`` in this process uses, if one is here.

    A registration for a context the activation asks for serves it; one for
    CLSCTX_LOCAL_SERVER with REGCLS_MULTIPLEUSE serves in-process activations too.
    """
    with _table.lock:
        for entry in _table.entries.values():
            if entry.clsid != clsid:
                continue
            implicit = (
                _INPROC
                if entry.flags & _USE == REGCLS_MULTIPLEUSE and entry.clsctx & CLSCTX_LOCAL_SERVER
                else 0
            )
            if (entry.clsctx | implicit) & clsctx:
                return entry
    return None


def claim_for_client(clsid: str) -> Registration | None:
    """The class object a client in another process activates through, if one is reachable.

    A single-use one is taken by this claim: nobody else reaches it afterwards.
    """
    with _table.lock:
        for entry in _table.entries.values():
            if entry.clsid == clsid and entry.reachable():
                if entry.single_use:
                    entry.used = True
                break
        else:
            return None
    if entry.used:
        _publish({clsid})
    return entry


def published() -> dict[str, list[Registration]]:
    """The reachable class objects by CLSID (for the publisher and the server's status)."""
    with _table.lock:
        found: dict[str, list[Registration]] = {}
        for entry in _table.entries.values():
            if entry.reachable():
                found.setdefault(entry.clsid, []).append(entry)
        return found
