"""Handing objects between apartments: marshal data in streams, the GIT, tokens.

* :func:`marshal_interface` writes *marshal data* for an object into a stream (any IStream)
  and :func:`unmarshal_interface` reads it back in another apartment (CoMarshalInterface,
  CoUnmarshalInterface). The data names an entry of the process's marshal table; its flags
  say how often it may be read: MSHLFLAGS_NORMAL once (the entry goes with the first
  unmarshal: a second one is CO_E_OBJNOTCONNECTED), TABLESTRONG and TABLEWEAK any number of
  times until :func:`release_marshal_data`; a TABLEWEAK entry does not keep its object alive
  (once it is gone, CO_E_OBJNOTREG).
* A :class:`MarshalStream` (CoMarshalInterThreadInterfaceInStream) is a memory stream holding
  NORMAL data for one object, rewound: read once, it is at its end (a second read is
  STG_E_READFAULT), rewound and read again, CO_E_OBJNOTCONNECTED.
* The :class:`GlobalInterfaceTable` keeps an object under a cookie; any apartment gets it from
  there any number of times, until the cookie is revoked.
* A :class:`Token` (``apartment.marshal(obj)``) is the Pythonic form of a table entry.

Unmarshaling in the object's own apartment gives the object itself; elsewhere, the one proxy
that apartment holds to it. Every table changes under the kernel lock (no lock of its own
to hold across a fork).
"""

from __future__ import annotations

import functools
import itertools
import struct
import uuid
import weakref
from typing import TYPE_CHECKING, Any, final

from ..errors import (
    CO_E_OBJNOTREG,
    RPC_E_INVALID_OBJREF,
    ComError,
    InvalidArgumentError,
    ObjectNotConnectedError,
    StreamReadError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import Apartment, current_apartment
from ._iids import IID_IUNKNOWN, iid_text
from ._pointer import InterfacePointer
from ._proxy import Proxy, Stub, make_agile, marshal_value, proxy_in, stub_for
from ._stream import MemoryStream

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._typed import StreamPointer

__all__ = [
    "CLSID_STD_GLOBAL_INTERFACE_TABLE",
    "MSHLFLAGS_NORMAL",
    "MSHLFLAGS_TABLESTRONG",
    "MSHLFLAGS_TABLEWEAK",
    "MarshalStream",
    "GlobalInterfaceTable",
    "Token",
    "marshal",
    "global_table",
    "marshal_interface",
    "unmarshal_interface",
    "release_marshal_data",
]

CLSID_STD_GLOBAL_INTERFACE_TABLE = "{00000323-0000-0000-C000-000000000046}"
"""The CLSID CoCreateInstance takes for the process's global interface table."""

MSHLFLAGS_NORMAL = 0
MSHLFLAGS_TABLESTRONG = 1
MSHLFLAGS_TABLEWEAK = 2

Entry = tuple[Stub, "Callable[[Stub, Apartment], Any]"]


def _export(value: object) -> Entry:
    """Return the stub that carries ``value`` and how to rebuild it in another apartment.

    A pointer that is a proxy carries the object it reaches, not the proxy: Windows writes
    the object's own reference (its apartment's OXID) into the marshal data of a proxy, so
    the data stays good after the apartment that marshaled it has ended, and unmarshals to
    the object itself in the object's apartment.
    """
    source = current_apartment()
    rebuild = getattr(value, "__apartment_marshal__", None)
    if rebuild is not None:
        target = getattr(value, "_target", None)
        if isinstance(value, InterfacePointer) and isinstance(target, Proxy):
            return target._stub, functools.partial(_rebuild_proxied, type(value), value.iid)
        # An interface pointer: carry the pointer itself and let it re-home itself.
        return stub_for(value, source), _rebuild_pointer
    if isinstance(value, Proxy):
        return value._stub, _plain
    return stub_for(value, source), _plain


def _plain(stub: Stub, dest: Apartment) -> Any:  # noqa: ANN401
    """The object in its own apartment, the apartment's one proxy to it anywhere else."""
    return stub.target() if stub.home is dest else proxy_in(dest, stub)


def _rebuild_pointer(stub: Stub, dest: Apartment) -> Any:  # noqa: ANN401
    """The carried interface pointer, re-homed for ``dest``.

    Raises:
        DisconnectedError: the apartment that marshaled it has ended.
    """
    return marshal_value(stub.target(), stub.home, dest)


def _rebuild_proxied(
    cls: type[InterfacePointer], iid: str, stub: Stub, dest: Apartment
) -> InterfacePointer:
    """A proxy's marshal data, read in ``dest``: a pointer to the object it reached.

    Raises:
        DisconnectedError: the object's apartment has ended (RPC_E_DISCONNECTED).
    """
    return cls(_plain(stub, dest), dest, iid)


def _unmarshal(entry: Entry, iid: str | None = None) -> Any:  # noqa: ANN401
    stub, rebuild = entry
    value = rebuild(stub, current_apartment())
    if iid is not None and isinstance(value, InterfacePointer) and value.iid != iid:
        return value.query_interface(iid)
    return value


# -- marshal data in streams -------------------------------------------------------------------

_SIGNATURE = b"MEOW"
_RECORD = struct.Struct("<4sIQ16s36x")  # 68 bytes, as big as Windows' standard OBJREF
_HEADER = 24  # what Windows reads first of an OBJREF: signature, flags, IID


@final
class _Marshaled:
    """One entry of the marshal table: what a record in a stream stands for."""

    __slots__ = ("dead", "entry", "flags", "proxies", "weak")

    def __init__(self, value: object, flags: int) -> None:
        self.flags = flags
        self.entry: Entry | None = None
        self.weak: Callable[[], Any] | None = None
        # TABLEWEAK: the pointers unmarshaled in other apartments (the object's external
        # references). When the last goes, Windows' stub manager lets go of the object and
        # the weak data is dead, even if the object lives on in its own apartment.
        self.proxies: set[weakref.ref[Any]] = set()
        self.dead = False
        if flags == MSHLFLAGS_TABLEWEAK and isinstance(value, InterfacePointer):
            target = value._target
            home, iid = value._apartment, value.iid
            ref = weakref.ref(target)
            cls = type(value)
            self.weak = lambda: None if (alive := ref()) is None else cls(alive, home, iid)
        else:
            self.entry = _export(value)

    def value(self, iid: str | None) -> Any:  # noqa: ANN401
        if self.weak is not None:
            pointer = None if self.dead else self.weak()
            if pointer is None:
                raise ComError.from_hresult(
                    CO_E_OBJNOTREG,
                    "the weakly marshaled object is gone, or its last proxy was released",
                )
            here = current_apartment()
            moved = marshal_value(pointer, pointer._apartment, here)
            moved = moved.query_interface(iid) if iid and moved.iid != iid else moved
            if here is not pointer._apartment:
                self.proxies.add(weakref.ref(moved, self._proxy_gone))
            return moved
        assert self.entry is not None
        return _unmarshal(self.entry, iid)

    def _proxy_gone(self, ref: weakref.ref[Any]) -> None:
        """A weak reference's callback (any thread): an unmarshaled proxy was released."""
        self.proxies.discard(ref)
        if not self.proxies:
            self.dead = True


_table: dict[int, _Marshaled] = {}
_ids = itertools.count(1)


def marshal_interface(
    stream: StreamPointer, value: object, flags: int = MSHLFLAGS_NORMAL, iid: object = None
) -> None:
    """Write marshal data for ``value`` (valid in the caller's apartment) into ``stream``.

    ``iid``, if given, is asked of an interface pointer first (E_NOINTERFACE if it lacks it).
    A flags value other than TABLESTRONG (1) and TABLEWEAK (2) is NORMAL.
    """
    if iid is not None and isinstance(value, InterfacePointer):
        value = value.query_interface(iid)
    kind = flags & (MSHLFLAGS_TABLESTRONG | MSHLFLAGS_TABLEWEAK) or MSHLFLAGS_NORMAL
    marshaled = _Marshaled(value, MSHLFLAGS_TABLESTRONG if kind == 3 else kind)
    wanted = value.iid if isinstance(value, InterfacePointer) else IID_IUNKNOWN
    with KERNEL_LOCK:
        number = next(_ids)
        _table[number] = marshaled
    record = _RECORD.pack(_SIGNATURE, marshaled.flags, number, uuid.UUID(wanted).bytes_le)
    stream.write(record)


def _read_record(stream: StreamPointer) -> int:
    """Read a record from ``stream``'s position; return its table number."""
    # The header first, as Windows reads an OBJREF (signature, flags, IID: 24 bytes): fewer
    # are a read fault; a wrong signature is no marshal data (RPC_E_INVALID_OBJREF), however
    # few bytes follow it.
    data = stream.read(_HEADER)
    if len(data) == _HEADER and data[: len(_SIGNATURE)] != _SIGNATURE:
        raise ComError.from_hresult(RPC_E_INVALID_OBJREF, "the stream holds no marshal data")
    data += stream.read(_RECORD.size - len(data))
    if len(data) < _RECORD.size:
        raise StreamReadError("the stream holds no (more) marshal data at its position")
    _signature, _flags, number, _iid = _RECORD.unpack(data)
    return int(number)


def unmarshal_interface(stream: StreamPointer, iid: object = None) -> Any:  # noqa: ANN401
    """Read marshal data at ``stream``'s position and return the object, valid here.

    Raises:
        StreamReadError: no data at the position (STG_E_READFAULT).
        ComError: RPC_E_INVALID_OBJREF for data that is no marshal data; CO_E_OBJNOTREG for
            a weakly marshaled object that is gone.
        ObjectNotConnectedError: NORMAL data read already, or released (CO_E_OBJNOTCONNECTED).
    """
    wanted = None if iid is None else iid_text(iid)
    number = _read_record(stream)
    with KERNEL_LOCK:
        marshaled = _table.get(number)
        if marshaled is not None and marshaled.flags == MSHLFLAGS_NORMAL:
            del _table[number]  # NORMAL data is read once
    if marshaled is None:
        raise ObjectNotConnectedError("this marshal data was unmarshaled or released already")
    return marshaled.value(wanted)


def release_marshal_data(stream: StreamPointer) -> None:
    """Release the marshal data at ``stream``'s position without unmarshaling it.

    Raises:
        StreamReadError: no data at the position (STG_E_READFAULT).
        ComError: RPC_E_INVALID_OBJREF: no such data, or released (or read) already.
    """
    number = _read_record(stream)
    with KERNEL_LOCK:
        marshaled = _table.pop(number, None)
    if marshaled is None:
        raise ComError.from_hresult(RPC_E_INVALID_OBJREF, "this marshal data is gone already")


class MarshalStream(MemoryStream):
    """A memory stream holding marshal data for one object, for one other apartment.

    pywin32's PyIStream of CoMarshalInterThreadInterfaceInStream: NORMAL data, rewound. A
    second unmarshal fails: STG_E_READFAULT (the data was read already), or
    CO_E_OBJNOTCONNECTED after a rewind.
    """

    __slots__ = ()

    def __init__(self, value: object, iid: object = None) -> None:
        super().__init__()
        stream = self.pointer()
        marshal_interface(stream, value, MSHLFLAGS_NORMAL, iid)
        stream.seek(0, 0)

    def unmarshal(self, iid: object = None) -> Any:  # noqa: ANN401
        """Unmarshal and release the data (CoGetInterfaceAndReleaseStream)."""
        return unmarshal_interface(self.pointer(), iid)

    def rewind(self) -> None:
        """Seek back to the start (a second unmarshal then fails with CO_E_OBJNOTCONNECTED)."""
        self.seek(0, 0)

    def release(self) -> None:
        """Release the marshal data without unmarshaling it (CoReleaseMarshalData)."""
        release_marshal_data(self.pointer())


make_agile(MarshalStream)


# -- the global interface table --------------------------------------------------------------

_cookies = itertools.count(0x100)


@final
class GlobalInterfaceTable:
    """Objects kept under cookies, to be fetched from any apartment any number of times."""

    def __init__(self) -> None:
        self._entries: dict[int, Entry] = {}

    def register(self, value: object, iid: object = None) -> int:
        """Keep ``value`` (valid in the caller's apartment) and return its cookie."""
        if iid is not None and isinstance(value, InterfacePointer):
            value = value.query_interface(iid)
        entry = _export(value)
        with KERNEL_LOCK:
            cookie = next(_cookies)
            self._entries[cookie] = entry
        return cookie

    def get(self, cookie: int, iid: object = None) -> Any:  # noqa: ANN401
        """Return the object, valid in the caller's apartment (asked for ``iid``, if given).

        Raises:
            InvalidArgumentError: unknown or revoked cookie (E_INVALIDARG).
        """
        with KERNEL_LOCK:
            entry = self._entries.get(cookie)
        if entry is None:
            raise InvalidArgumentError(f"no object is registered under cookie {cookie:#x}")
        return _unmarshal(entry, None if iid is None else iid_text(iid))

    def revoke(self, cookie: int) -> None:
        """Forget the object under ``cookie``.

        Raises:
            InvalidArgumentError: unknown or revoked cookie (E_INVALIDARG).
        """
        with KERNEL_LOCK:
            entry = self._entries.pop(cookie, None)
        if entry is None:
            raise InvalidArgumentError(f"no object is registered under cookie {cookie:#x}")


_global = GlobalInterfaceTable()


def global_table() -> GlobalInterfaceTable:
    """Return the process's global interface table."""
    return _global


@final
class Token:
    """A handle to an object that any apartment can turn into a reference of its own.

    Made by :func:`marshal`. ``unmarshal()`` gives the object itself in its apartment and a
    proxy in any other; it works any number of times, from any thread, until ``release()``.
    """

    __slots__ = ("_entry",)

    def __init__(self, value: object) -> None:
        self._entry: Entry | None = _export(value)

    def __repr__(self) -> str:
        if self._entry is None:
            return "<Token (released)>"
        return f"<Token for {type(self._entry[0].obj).__name__} in {self._entry[0].home!r}>"

    def unmarshal(self) -> Any:  # noqa: ANN401
        """Return the object (in its apartment) or a proxy to it (anywhere else).

        Raises:
            InvalidArgumentError: the token was released.
        """
        entry = self._entry
        if entry is None:
            raise InvalidArgumentError("this token was released")
        return _unmarshal(entry)

    def release(self) -> None:
        """Stop holding the object; later unmarshals fail."""
        self._entry = None


def marshal(obj: object) -> Token:
    """Make a :class:`Token` for ``obj``, which lives in the caller's apartment.

    A proxy can be marshaled too: the token then leads to the original object.
    """
    return Token(obj)
