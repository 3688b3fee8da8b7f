"""Interface pointers of the interfaces besides IDispatch that Python code calls and implements.

Each class is the core's pointer class of one IID (a face subclasses it): its methods check
and convert their arguments in the caller's apartment, as COM's typed signatures do, call
the method by its COM name in the object's apartment (``_call``), and convert the result. A
Python COM server implements the interface with public methods of the same COM names
(``Read``, ``Next``, ``Advise``...), listing the IID in ``_com_interfaces_``.

An argument that is an interface arrives in the server as a pointer of the IID the method
declares (the caller's pointer is asked for that interface first).
"""

from __future__ import annotations

import operator
from typing import Any

from ..errors import CONNECT_E_NOCONNECTION, E_NOTIMPL, ComError
from ._faces import FACES, set_interface_class
from ._iids import (
    IID_ICONNECTIONPOINT,
    IID_ICONNECTIONPOINTCONTAINER,
    IID_IENUMVARIANT,
    IID_IERRORLOG,
    IID_IEXTERNALCONNECTION,
    IID_IPERSIST,
    IID_IPERSISTPROPERTYBAG,
    IID_IPERSISTSTORAGE,
    IID_IPERSISTSTREAM,
    IID_IPERSISTSTREAMINIT,
    IID_IPROPERTYBAG,
    IID_ISTREAM,
    IID_IUNKNOWN,
    iid_text,
)
from ._pointer import InterfacePointer
from ._variant import to_variant

__all__ = [
    "StreamPointer",
    "EnumVariantPointer",
    "ConnectionPointContainerPointer",
    "ConnectionPointPointer",
    "PropertyBagPointer",
    "ErrorLogPointer",
    "PersistPointer",
    "PersistStreamPointer",
    "PersistPropertyBagPointer",
    "PersistStoragePointer",
    "ExternalConnectionPointer",
    "interface_arg",
    "text_arg",
]


def interface_arg(value: object, iid: str, *, none_ok: bool = False) -> InterfacePointer | None:
    """Read an interface argument: a pointer (or a client), asked for ``iid``.

    Raises:
        TypeError: ``value`` is no COM object (or None where one is required).
        NoInterfaceError: the object does not implement ``iid``.
    """
    if value is None:
        if none_ok:
            return None
        raise TypeError("None is not a valid interface object in this context")
    if not isinstance(value, InterfacePointer):
        value = getattr(value, "__com_interface__", None)
        if not isinstance(value, InterfacePointer):
            raise TypeError("The Python instance can not be converted to a COM object")
    if value.iid == iid:
        return value
    return value.query_interface(iid)


def text_arg(value: object) -> str:
    """Read a string argument (a BSTR).

    Raises:
        TypeError: ``value`` is not a str (pywin32's message).
    """
    if not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


def _face_result(value: object, iid: str) -> InterfacePointer:
    """A pointer a server returned for an interface out-parameter, asked for ``iid``."""
    pointer = interface_arg(value, iid)
    assert pointer is not None
    return pointer


class StreamPointer(InterfacePointer):
    """An IStream pointer: a byte stream with a position."""

    __slots__ = ()

    def read(self, size: int) -> bytes:
        """Read up to ``size`` bytes from the position (fewer at the end)."""
        return bytes(self._call("Read", operator.index(size), returns="bytes"))

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Write ``data`` at the position; return how many bytes were written."""
        if isinstance(data, str) or not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        written: int = self._call("Write", bytes(data), returns="ulong")
        return written

    def seek(self, offset: int, origin: int) -> int:
        """Move the position (``origin``: 0 start, 1 current, 2 end); return the new one."""
        position: int = self._call(
            "Seek", operator.index(offset), operator.index(origin), returns="ulonglong"
        )
        return position

    def set_size(self, size: int) -> None:
        """Make the stream ``size`` bytes long."""
        self._call("SetSize", operator.index(size))

    def copy_to(self, dest: object, size: int) -> int:
        """Copy up to ``size`` bytes from the position to ``dest``; return the count written."""
        stream = interface_arg(dest, IID_ISTREAM)
        copied = self._call("CopyTo", stream, operator.index(size))
        return int(copied[-1] if isinstance(copied, tuple) else copied)

    def commit(self, flags: int = 0) -> None:
        """Commit changes (a memory stream has nothing to commit)."""
        self._call("Commit", operator.index(flags))

    def revert(self) -> None:
        """Discard uncommitted changes."""
        self._call("Revert")

    def lock_region(self, offset: int, size: int, lock_type: int) -> None:
        """Lock a range of bytes (STG_E_INVALIDFUNCTION when the stream cannot)."""
        self._call("LockRegion", operator.index(offset), operator.index(size), lock_type)

    def unlock_region(self, offset: int, size: int, lock_type: int) -> None:
        """Unlock a range of bytes."""
        self._call("UnlockRegion", operator.index(offset), operator.index(size), lock_type)

    def stat(self, flags: int = 0) -> tuple[Any, ...]:
        """Return the STATSTG tuple.

        It is (name, type, size, mtime, ctime, atime, mode, locks, clsid, state bits,
        reserved).
        """
        return tuple(self._call("Stat", operator.index(flags)))

    def clone(self) -> StreamPointer:
        """Return a new stream over the same bytes, at the same position."""
        return _face_result(self._call("Clone"), IID_ISTREAM)  # type: ignore[return-value]


class EnumVariantPointer(InterfacePointer):
    """An IEnumVARIANT pointer: an enumerator of VARIANTs; iterating it calls Next(1)."""

    __slots__ = ()

    def fetch(self, count: int = 1) -> tuple[Any, ...]:
        """Return the next ``count`` items (fewer at the end)."""
        return tuple(self._call("Next", operator.index(count), returns="variants"))

    def skip(self, count: int) -> None:
        """Skip ``count`` items."""
        self._call("Skip", operator.index(count))

    def reset(self) -> None:
        """Go back to the first item."""
        self._call("Reset")

    def clone(self) -> EnumVariantPointer:
        """Return an enumerator at the same place."""
        return _face_result(self._call("Clone"), IID_IENUMVARIANT)  # type: ignore[return-value]

    def __iter__(self) -> EnumVariantPointer:
        return self

    def __next__(self) -> Any:  # noqa: ANN401
        items = self.fetch(1)
        if not items:
            raise StopIteration
        return items[0]


class ConnectionPointContainerPointer(InterfacePointer):
    """An IConnectionPointContainer pointer: an object that fires events."""

    __slots__ = ()

    def find_connection_point(self, iid: object) -> ConnectionPointPointer:
        """Return the connection point of the events interface ``iid``.

        Raises:
            ComError: CONNECT_E_NOCONNECTION when the object fires no such events.
        """
        found = self._call("FindConnectionPoint", FACES.iid(iid_text(iid)))
        if found is None:
            raise ComError.from_hresult(CONNECT_E_NOCONNECTION, "no such events interface")
        return _face_result(found, IID_ICONNECTIONPOINT)  # type: ignore[return-value]

    def enum_connection_points(self) -> InterfacePointer:
        """Enumerate the connection points: not implemented for Python objects (E_NOTIMPL)."""
        raise ComError.from_hresult(E_NOTIMPL, "a Python object enumerates no connection points")


class ConnectionPointPointer(InterfacePointer):
    """An IConnectionPoint pointer: where sinks of one events interface connect."""

    __slots__ = ()

    def advise(self, sink: object) -> int:
        """Connect ``sink`` (a COM object); return the cookie that disconnects it."""
        return int(self._call("Advise", interface_arg(sink, IID_IUNKNOWN)))

    def unadvise(self, cookie: int) -> None:
        """Disconnect the sink of ``cookie``."""
        self._call("Unadvise", operator.index(cookie))

    def get_connection_interface(self) -> object:
        """Return the IID of the events interface."""
        return FACES.iid(iid_text(self._call("GetConnectionInterface")))

    def get_connection_point_container(self) -> ConnectionPointContainerPointer:
        """Return the object that fires the events."""
        found = self._call("GetConnectionPointContainer")
        return _face_result(found, IID_ICONNECTIONPOINTCONTAINER)  # type: ignore[return-value]

    def enum_connections(self) -> InterfacePointer:
        """Enumerate the connections: not implemented for Python objects (E_NOTIMPL)."""
        raise ComError.from_hresult(E_NOTIMPL, "a Python object enumerates no connections")


class PropertyBagPointer(InterfacePointer):
    """An IPropertyBag pointer: named VARIANT properties, for persistence."""

    __slots__ = ()

    def read(self, name: str, var_type: int = 0, error_log: object = None) -> Any:  # noqa: ANN401
        """Return the property ``name`` (``error_log``: an IErrorLog told of failures)."""
        log = interface_arg(error_log, IID_IERRORLOG, none_ok=True)
        value = self._call("Read", text_arg(name), operator.index(var_type), log)
        return to_variant(value)

    def write(self, name: str, value: object) -> None:
        """Set the property ``name``."""
        self._call("Write", text_arg(name), to_variant(value))


class ErrorLogPointer(InterfacePointer):
    """An IErrorLog pointer: where a property bag tells of the properties it cannot read."""

    __slots__ = ()

    def add_error(self, name: str, excepinfo: tuple[Any, ...]) -> None:
        """Log an error about property ``name`` (an excepinfo 6-tuple)."""
        self._call("AddError", text_arg(name), excepinfo)


class PersistPointer(InterfacePointer):
    """An IPersist pointer: an object that can say its class."""

    __slots__ = ()

    def get_class_id(self) -> object:
        """Return the object's CLSID."""
        return FACES.iid(iid_text(self._call("GetClassID")))


class PersistStreamPointer(PersistPointer):
    """An IPersistStream pointer: an object that saves itself to a stream."""

    __slots__ = ()

    def is_dirty(self) -> bool:
        """Tell whether the object changed since it was last saved."""
        return bool(self._call("IsDirty"))

    def load(self, stream: object) -> None:
        """Load the object from ``stream``."""
        self._call("Load", interface_arg(stream, IID_ISTREAM))

    def save(self, stream: object, clear_dirty: bool) -> None:
        """Save the object to ``stream``."""
        self._call("Save", interface_arg(stream, IID_ISTREAM), bool(clear_dirty))

    def get_size_max(self) -> int:
        """Return the most bytes a save may take."""
        return int(self._call("GetSizeMax"))

    def init_new(self) -> None:
        """Initialize a new object (IPersistStreamInit)."""
        self._call("InitNew")


class PersistPropertyBagPointer(PersistPointer):
    """An IPersistPropertyBag pointer: an object that saves itself to a property bag."""

    __slots__ = ()

    def init_new(self) -> None:
        """Initialize a new object."""
        self._call("InitNew")

    def load(self, bag: object, error_log: object = None) -> None:
        """Load the object from ``bag`` (``error_log``: an IErrorLog for failures)."""
        self._call(
            "Load",
            interface_arg(bag, IID_IPROPERTYBAG),
            interface_arg(error_log, IID_IERRORLOG, none_ok=True),
        )

    def save(self, bag: object, clear_dirty: bool, save_all: bool) -> None:
        """Save the object to ``bag``."""
        self._call("Save", interface_arg(bag, IID_IPROPERTYBAG), int(clear_dirty), int(save_all))


_IID_ISTORAGE = "{0000000B-0000-0000-C000-000000000046}"  # ._docfile's, which imports this


class PersistStoragePointer(PersistPointer):
    """An IPersistStorage pointer: an object that saves itself to a structured storage.

    Of the methods that take a storage, only Load is here (what OleLoad calls).
    """

    __slots__ = ()

    def load(self, storage: InterfacePointer) -> None:
        """Have the object load itself from ``storage`` (an IStorage)."""
        self._call("Load", interface_arg(storage, _IID_ISTORAGE))

    def is_dirty(self) -> bool:
        """Tell whether the object changed since it was last saved."""
        return bool(self._call("IsDirty"))

    def hands_off_storage(self) -> None:
        """Make the object let go of its storage."""
        self._call("HandsOffStorage")


class ExternalConnectionPointer(InterfacePointer):
    """An IExternalConnection pointer: an object told of its strong external connections."""

    __slots__ = ()

    def add_connection(self, kind: int, reserved: int = 0) -> int:
        """Count one more connection of ``kind`` (EXTCONN_*); return the object's count."""
        count: int = self._call(
            "AddConnection", operator.index(kind), operator.index(reserved), returns="ulong"
        )
        return count

    def release_connection(self, kind: int, reserved: int, last_release_closes: bool) -> int:
        """Count one connection of ``kind`` fewer; return the object's count."""
        count: int = self._call(
            "ReleaseConnection", operator.index(kind), operator.index(reserved),
            bool(last_release_closes), returns="ulong",
        )  # fmt: skip
        return count


for _iid, _cls in (
    (IID_ISTREAM, StreamPointer),
    (IID_IENUMVARIANT, EnumVariantPointer),
    (IID_ICONNECTIONPOINTCONTAINER, ConnectionPointContainerPointer),
    (IID_ICONNECTIONPOINT, ConnectionPointPointer),
    (IID_IPROPERTYBAG, PropertyBagPointer),
    (IID_IERRORLOG, ErrorLogPointer),
    (IID_IPERSIST, PersistPointer),
    (IID_IPERSISTSTREAM, PersistStreamPointer),
    (IID_IPERSISTSTREAMINIT, PersistStreamPointer),
    (IID_IPERSISTPROPERTYBAG, PersistPropertyBagPointer),
    (IID_IPERSISTSTORAGE, PersistStoragePointer),
    (IID_IEXTERNALCONNECTION, ExternalConnectionPointer),
):
    set_interface_class(_iid, _cls)
