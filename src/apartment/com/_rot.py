"""The running object table (ROT): the objects running now, each named by a moniker.

One table per process (GetRunningObjectTable), a native object of this layer: its pointer is
valid in every apartment. A registration keeps the object's marshal data under a cookie
(table-strong with ROTFLAGS_REGISTRATIONKEEPSALIVE, table-weak without: the object may go
while registered); any apartment gets the object from there, as a pointer valid in it. A
strong registration also keeps a local server running until it is revoked, as the strong
reference Windows' table holds does. :mod:`._rot_shared` makes the table the session's.
Registering a second object under an equal moniker works, and says so
(MK_S_MONIKERALREADYREGISTERED): lookups find the older until it is revoked. The table
changes under the kernel lock.

RegisterActiveObject is a registration of the item moniker "!{CLSID}" (as on Windows: the
table shows it), GetActiveObject a lookup of it, RevokeActiveObject a revocation.
"""

from __future__ import annotations

import contextlib
import itertools
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .._fork import APARTMENTS, after_fork_in_child
from ..errors import (
    E_NOTIMPL,
    MK_E_UNAVAILABLE,
    ComError,
    InvalidArgumentError,
    NoInterfaceError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import neutral
from ._enum_moniker import EnumMoniker
from ._iids import IID_IRUNNINGOBJECTTABLE, IID_IUNKNOWN, iid_text
from ._marshal import (
    MSHLFLAGS_TABLESTRONG,
    MSHLFLAGS_TABLEWEAK,
    release_marshal_data,
    unmarshal_interface,
)
from ._marshal import marshal_interface as _marshal_into
from ._moniker_pointers import Registration, RunningObjectTablePointer
from ._monikers import item_moniker, moniker_key, set_running_table
from ._pointer import InterfacePointer, make_pointer
from ._proxy import make_agile
from ._registry import clsid_from_progid
from ._serverlife import lock_server
from ._stream import MemoryStream

if TYPE_CHECKING:
    from ._apartment import Apartment
    from ._typed import StreamPointer

__all__ = [
    "ACTIVEOBJECT_STRONG",
    "ACTIVEOBJECT_WEAK",
    "ROTFLAGS_REGISTRATIONKEEPSALIVE",
    "ROTFLAGS_ALLOWANYCLIENT",
    "Registration",
    "RunningObjectTable",
    "Sharing",
    "read_registration",
    "running_object_table",
    "register_active_object",
    "active_object",
    "revoke_active_object",
    "active_object_moniker",
]

ACTIVEOBJECT_STRONG = 0
ACTIVEOBJECT_WEAK = 1
ROTFLAGS_REGISTRATIONKEEPSALIVE = 1
ROTFLAGS_ALLOWANYCLIENT = 2


class _Entry(NamedTuple):
    key: tuple[Any, ...]
    moniker: InterfacePointer
    data: StreamPointer  # the object's marshal data
    home: Apartment  # where the object's pointer was valid when registered
    strong: bool  # ROTFLAGS_REGISTRATIONKEEPSALIVE: it keeps a local server running


class Sharing(Protocol):
    """What makes the table the user's session's (:mod:`._rot_shared`).

    It gives other processes' registrations, and publishes this process's for them.
    """

    def publish(self, cookie: int, key: tuple[Any, ...], moniker: InterfacePointer) -> None:
        """Tell other processes of the registration ``cookie``."""

    def withdraw(self, cookie: int) -> None:
        """Tell other processes the registration ``cookie`` has ended."""

    def find(self, key: tuple[Any, ...]) -> InterfacePointer | None:
        """The object another process registered for ``key`` (valid here), or None."""

    def is_running(self, key: tuple[Any, ...]) -> bool:
        """Whether another process registered an object for ``key``."""

    def monikers(self) -> list[InterfacePointer]:
        """The monikers other processes registered."""


class RunningObjectTable:
    """The process's running object table (IRunningObjectTable); see the module docstring.

    Use it through :func:`running_object_table`'s pointer.
    """

    __slots__ = ("__weakref__", "_cookies", "_entries", "sharing")

    def __init__(self) -> None:
        self._cookies = itertools.count(1)
        self._entries: dict[int, _Entry] = {}  # cookie -> entry, oldest first
        self.sharing: Sharing | None = None

    def __repr__(self) -> str:
        return f"<RunningObjectTable of {len(self._entries)} objects>"

    # -- the target protocol (see _pointer) -------------------------------------------------

    def resolve(self, iid: str) -> None:
        """QueryInterface: the table is an IRunningObjectTable."""
        if iid not in (IID_IUNKNOWN, IID_IRUNNINGOBJECTTABLE):
            raise NoInterfaceError(f"the running object table does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run the IRunningObjectTable method ``method``."""
        if method == "Register":
            return self.register(*args)
        if method == "Revoke":
            return self.revoke(*args)
        if method == "IsRunning":
            return self.is_running(moniker_key(args[0]))
        if method == "GetObject":
            return self.get_object(moniker_key(args[0]))
        if method == "EnumRunning":
            return EnumMoniker(self.monikers()).pointer()
        raise ComError.from_hresult(E_NOTIMPL, f"the running object table has no {method}")

    # -- IRunningObjectTable -----------------------------------------------------------------

    def register(
        self, flags: int, obj: InterfacePointer, moniker: InterfacePointer
    ) -> Registration:
        """Register ``obj`` for ``moniker``; return the cookie and whether it was already."""
        key = moniker_key(moniker)
        data = MemoryStream().pointer()
        strong = flags & ROTFLAGS_REGISTRATIONKEEPSALIVE
        _marshal_into(data, obj, MSHLFLAGS_TABLESTRONG if strong else MSHLFLAGS_TABLEWEAK)
        with KERNEL_LOCK:
            already = any(entry.key == key for entry in self._entries.values())
            cookie = next(self._cookies)
            self._entries[cookie] = _Entry(key, moniker, data, obj._apartment, bool(strong))
        if strong:
            lock_server(True)  # as the session's table holds a strong reference on Windows
        sharing = self.sharing
        if sharing is not None:
            with contextlib.suppress(OSError):  # no runtime directory: this process's alone
                sharing.publish(cookie, key, moniker)
        return Registration(cookie, already)

    def revoke(self, cookie: int) -> None:
        """End the registration ``cookie`` (InvalidArgumentError: E_INVALIDARG if none)."""
        with KERNEL_LOCK:
            found = self._entries.pop(cookie, None)
        if found is None:
            raise InvalidArgumentError(f"no object is registered under cookie {cookie}")
        sharing = self.sharing
        if sharing is not None:
            with contextlib.suppress(OSError):
                sharing.withdraw(cookie)
        if found.strong:
            lock_server(False)
        found.data.seek(0, 0)
        release_marshal_data(found.data)

    def find_data(self, key: tuple[Any, ...]) -> StreamPointer | None:
        """The marshal data of the oldest registration of ``key``, or None."""
        with KERNEL_LOCK:
            return next((e.data for e in self._entries.values() if e.key == key), None)

    def is_running(self, key: tuple[Any, ...]) -> bool:
        """Whether an object is registered for ``key``, here or in another process."""
        if self.find_data(key) is not None:
            return True
        sharing = self.sharing
        return sharing is not None and sharing.is_running(key)

    def find(self, key: tuple[Any, ...]) -> InterfacePointer | None:
        """The object registered for ``key`` (its IUnknown, valid here), or None.

        This process's registrations come first, then other processes' (oldest first).
        """
        data = self.find_data(key)
        if data is None:
            sharing = self.sharing
            return None if sharing is None else sharing.find(key)
        return _read(data)

    def entry(self, cookie: int) -> tuple[StreamPointer, Apartment] | None:
        """The marshal data and home of the registration ``cookie``, or None."""
        with KERNEL_LOCK:
            found = self._entries.get(cookie)
        return None if found is None else (found.data, found.home)

    def get_object(self, key: tuple[Any, ...]) -> InterfacePointer:
        """The object registered for ``key``; MK_E_UNAVAILABLE when none is."""
        found = self.find(key)
        if found is None:
            raise ComError.from_hresult(MK_E_UNAVAILABLE, "no object is running for that moniker")
        return found

    def monikers(self) -> list[InterfacePointer]:
        """The monikers registered now: this process's, oldest first, then other processes'."""
        with KERNEL_LOCK:
            found = [entry.moniker for entry in self._entries.values()]
        sharing = self.sharing
        return found if sharing is None else found + sharing.monikers()

    # -- Python ------------------------------------------------------------------------------

    def pointer(self) -> RunningObjectTablePointer:
        """Return an IRunningObjectTable pointer to the table (valid in every apartment)."""
        pointer = make_pointer(self, neutral(), IID_IRUNNINGOBJECTTABLE)
        return pointer  # type: ignore[return-value]


make_agile(RunningObjectTable)


def _read(data: StreamPointer) -> InterfacePointer:
    """The object of a registration's marshal data, as a pointer valid here (its IUnknown)."""
    reader = data.clone()  # a position of its own: lookups may run at once
    reader.seek(0, 0)
    pointer: InterfacePointer = unmarshal_interface(reader, IID_IUNKNOWN)
    return pointer


def read_registration(data: StreamPointer) -> InterfacePointer:
    """The object of a registration's marshal data (see :meth:`RunningObjectTable.entry`)."""
    return _read(data)


_table = RunningObjectTable()
set_running_table(_table)


def _after_fork_in_child() -> None:
    """A forked child registered nothing: the registrations are its parent's."""
    _table._entries = {}


after_fork_in_child(_after_fork_in_child, APARTMENTS)


def running_object_table() -> RunningObjectTable:
    """Return the process's running object table (GetRunningObjectTable)."""
    return _table


def _clsid(name: object) -> str:
    """A CLSID argument: a CLSID string or a ProgID (looked up), or an IID object."""
    return clsid_from_progid(name) if isinstance(name, str) else iid_text(name)


def active_object_moniker(clsid: object) -> InterfacePointer:
    """The moniker RegisterActiveObject registers a class's running object under: "!{CLSID}".

    Raises:
        ClassStringError: ``clsid`` is neither a CLSID nor a registered ProgID.
    """
    return item_moniker("!", _clsid(clsid))


def register_active_object(
    pointer: InterfacePointer, clsid: object, flags: int = 0
) -> Registration:
    """Register ``pointer``'s object as the running instance of ``clsid``.

    ``flags``: ACTIVEOBJECT_STRONG keeps the object alive while registered,
    ACTIVEOBJECT_WEAK does not.

    Raises:
        TypeError: ``pointer`` is no interface pointer.
        ClassStringError: ``clsid`` is neither a CLSID nor a registered ProgID.
    """
    if not isinstance(pointer, InterfacePointer):
        raise TypeError("The Python instance can not be converted to a COM object")
    keep = 0 if flags & ACTIVEOBJECT_WEAK else ROTFLAGS_REGISTRATIONKEEPSALIVE
    moniker = active_object_moniker(clsid)
    return _table.register(keep, pointer, moniker)


def active_object(clsid: object) -> InterfacePointer:
    """Return the running instance of ``clsid`` (its IUnknown), valid in this apartment.

    Raises:
        ComError: MK_E_UNAVAILABLE when none is registered.
        ClassStringError: ``clsid`` is neither a CLSID nor a registered ProgID.
    """
    key = _clsid(clsid)
    found = _table.find(moniker_key(item_moniker("!", key)))
    if found is None:
        raise ComError.from_hresult(MK_E_UNAVAILABLE, f"no object of {key} is running")
    return found


def revoke_active_object(handle: int) -> None:
    """End the registration ``handle``.

    Raises:
        InvalidArgumentError: no such registration (E_INVALIDARG).
    """
    _table.revoke(handle)
