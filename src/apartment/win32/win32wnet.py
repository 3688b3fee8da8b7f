"""pywin32's ``win32wnet``: the WNet* calls and NetBIOS over :mod:`apartment.services`' network.

The network is the one a Linux desktop has, as Windows' Microsoft Windows Network provider
shows a workgroup computer with no shares: see :mod:`apartment.services` (``NetResource``,
``open_network_enumeration``, ``add_connection``, ``netbios``). NETRESOURCE and NCB are
pywin32's mutable records; Netbios writes into the NCB's buffer in place.
"""

from __future__ import annotations

import operator
import warnings
from typing import Any

from .. import services
from ._adapt import api, dword
from ._handles import PyHANDLE, lookup, new_handle
from .pywintypes import error as error

__all__ = [
    "error", "NETRESOURCE", "NETRESOURCEType", "NCB", "NCBType", "NCBBuffer", "Netbios",
    "WNetAddConnection2", "WNetAddConnection3", "WNetCancelConnection2", "WNetCloseEnum",
    "WNetEnumResource", "WNetGetConnection", "WNetGetLastError", "WNetGetResourceInformation",
    "WNetGetResourceParent", "WNetGetUniversalName", "WNetGetUser", "WNetOpenEnum",
]  # fmt: skip

_NR_INTS = ("dwScope", "dwType", "dwDisplayType", "dwUsage")
_NR_TEXTS = ("lpLocalName", "lpRemoteName", "lpComment", "lpProvider")


def _text_or_none(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


class NETRESOURCE:
    """pywin32's PyNETRESOURCE: a NETRESOURCE whose members are set one by one.

    The dw* members are DWORDs; the lp* members are str or None.
    """

    __slots__ = _NR_INTS + _NR_TEXTS

    def __init__(self) -> None:
        for name in _NR_INTS:
            object.__setattr__(self, name, 0)
        for name in _NR_TEXTS:
            object.__setattr__(self, name, None)

    def __setattr__(self, name: str, value: object) -> None:
        if name in _NR_INTS:
            value = dword(value)
        elif name in _NR_TEXTS:
            value = _text_or_none(value)
        else:
            raise AttributeError(f"'PyNETRESOURCE' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"<PyNETRESOURCE object at {id(self):#018x}>"


NETRESOURCEType = NETRESOURCE


def _core(resource: object) -> services.NetResource:
    if not isinstance(resource, NETRESOURCE):
        raise TypeError("The object is not a PyNETRESOURCE object")
    r: Any = resource
    return services.NetResource(
        r.dwScope, r.dwType, r.dwDisplayType, r.dwUsage,
        r.lpLocalName, r.lpRemoteName, r.lpComment, r.lpProvider,
    )  # fmt: skip


def _facade(resource: services.NetResource) -> NETRESOURCE:
    nr: Any = NETRESOURCE()
    nr.dwScope, nr.dwType = resource.scope, resource.type
    nr.dwDisplayType, nr.dwUsage = resource.display_type, resource.usage
    nr.lpLocalName, nr.lpRemoteName = resource.local_name, resource.remote_name
    nr.lpComment, nr.lpProvider = resource.comment, resource.provider
    return nr  # type: ignore[no-any-return]


@api("WNetOpenEnum")
def WNetOpenEnum(scope: int, type: int, usage: int, resource: object, /) -> PyHANDLE:
    """Start listing network resources; the handle is read by WNetEnumResource."""
    scope, type, usage = dword(scope), dword(type), dword(usage)
    container = None if resource is None else _core(resource)
    return new_handle(services.open_network_enumeration(scope, type, usage, container))


@api("WNetEnumResource")
def WNetEnumResource(handle: object, maxExtries: int = 64, /) -> list[NETRESOURCE]:
    """The next resources of an enumeration (0 takes them all); [] at its end."""
    if not isinstance(handle, (PyHANDLE, int)):
        raise TypeError(f"argument 1 must be PyHANDLE, not {type(handle).__name__}")
    count = dword(maxExtries)
    enumeration = lookup(handle, services.NetworkEnumeration)
    return [_facade(item) for item in enumeration.take(count or None)]


@api("WNetCloseEnum")
def WNetCloseEnum(handle: object, /) -> None:
    """Close an enumeration's handle (as its ``Close`` does)."""
    if not isinstance(handle, PyHANDLE):
        raise TypeError("Not a handle object")
    lookup(handle, services.NetworkEnumeration)
    handle.Close()


def _resource_of(args: tuple[object, ...], name: str) -> tuple[services.NetResource, object]:
    """Read WNetAddConnection2's arguments, in either of its two forms.

    (NETRESOURCE, password, user, flags), or pywin32's older (type, local name, remote name,
    provider, user, password, flags).
    """
    if args and isinstance(args[0], NETRESOURCE):
        if len(args) > 4:
            raise TypeError(f"{name}() takes at most 4 arguments ({len(args)} given)")
        return _core(args[0]), args[2] if len(args) > 2 else None
    if len(args) < 3 or len(args) > 7:
        raise TypeError("The object is not a PyNETRESOURCE object")
    resource = services.NetResource(type=dword(args[0]))
    resource.local_name = _text_or_none(args[1])
    resource.remote_name = _text_or_none(args[2])
    resource.provider = _text_or_none(args[3]) if len(args) > 3 else None
    return resource, args[4] if len(args) > 4 else None


@api("WNetAddConnection2")
def WNetAddConnection2(*args: object) -> None:
    """Connect a local device to a share (or make a connection without a device)."""
    resource, user = _resource_of(args, "WNetAddConnection2")
    services.add_connection(resource, _text_or_none(user))


@api("WNetAddConnection3")
def WNetAddConnection3(
    HwndParent: object,
    NetResource: object,
    Password: str | None = None,
    UserName: str | None = None,
    Flags: int = 0,
    /,
) -> None:
    """WNetAddConnection2 with an owner window for a dialog (none is shown)."""
    if HwndParent is not None:
        operator.index(HwndParent)  # type: ignore[arg-type]
    _text_or_none(Password)
    services.add_connection(_core(NetResource), _text_or_none(UserName))


@api("WNetCancelConnection2")
def WNetCancelConnection2(name: str, flags: int, force: int, /) -> None:
    """End a connection, named by its local device or its remote name."""
    dword(flags), dword(force)
    services.cancel_connection(_text_or_none(name) or "")


@api("WNetGetUser")
def WNetGetUser(connection: str | None = None, /) -> str:
    """The user name of a connection; the caller's for None."""
    return services.network_user(_text_or_none(connection))


@api("WNetGetConnection")
def WNetGetConnection(connection: str | None = None, /) -> str:
    """The remote name a local device is redirected to."""
    return services.connection_of(_text_or_none(connection))


# pywin32's error names the call it makes first, to learn the size of the buffer.
@api("WNetGetUniversalName (for buffer size)")
def WNetGetUniversalName(localPath: str, infoLevel: int = 1, /) -> str:
    """The UNC name of a path on a redirected drive."""
    dword(infoLevel)
    return services.universal_name(_text_or_none(localPath) or "")


@api("WNetGetResourceInformation")
def WNetGetResourceInformation(NetResource: object, /) -> tuple[NETRESOURCE, str]:
    """What the network knows of a remote name, and the part of the name below it."""
    found, rest = services.resource_information(_core(NetResource))
    return _facade(found), rest


@api("WNetGetResourceParent")
def WNetGetResourceParent(NetResource: object, /) -> NETRESOURCE:
    """The container of a remote name."""
    return _facade(services.resource_parent(_core(NetResource)))


@api("WNetGetLastError")
def WNetGetLastError() -> tuple[int, str, str]:
    """The last extended error a provider gave: (code, text, provider); none is kept."""
    return 0, "", ""


def NCBBuffer(size: int, /) -> memoryview:
    """A writable buffer of ``size`` zero bytes for an NCB."""
    return memoryview(bytearray(operator.index(size)))


_NCB_CHARS = ("Command", "Retcode", "Lsn", "Num", "Rto", "Sto", "Lana_num", "Cmd_cplt")
_NCB_NAMES = ("Callname", "Name")


class NCB:
    """pywin32's PyNCB: a NetBIOS control block whose members are set one by one.

    The one-byte members warn outside a char's range and keep the low byte, as pywin32's;
    Callname and Name are 16 bytes, padded with spaces; Buffer is a writable buffer, or a
    ``netbios`` structure (its ``_buffer_``); Bufflen is the buffer's size, read only.
    """

    __slots__ = (*_NCB_CHARS, "_names", "Event", "Post", "_buffer", "_view")

    def __init__(self) -> None:
        self.Reset()

    def Reset(self) -> None:
        """Set every member to 0 and let go of the buffer."""
        for name in _NCB_CHARS:
            object.__setattr__(self, name, 0)
        object.__setattr__(self, "_names", {"Callname": b"", "Name": b""})
        object.__setattr__(self, "Event", 0)
        object.__setattr__(self, "Post", 0)
        object.__setattr__(self, "_buffer", None)
        object.__setattr__(self, "_view", None)

    def __getattr__(self, name: str) -> object:
        if name in _NCB_NAMES:
            text: bytes = object.__getattribute__(self, "_names")[name]
            return text.decode("latin-1")
        if name == "Buffer":
            return object.__getattribute__(self, "_buffer")
        if name == "Bufflen":
            view = object.__getattribute__(self, "_view")
            return 0 if view is None else len(view)
        raise AttributeError(f"'PyNCB' object has no attribute '{name}'")

    def __setattr__(self, name: str, value: object) -> None:
        if name in _NCB_CHARS:
            number = operator.index(value)  # type: ignore[arg-type]
            if not -128 <= number < 128:  # pywin32 checks a (signed) char's range
                warnings.warn("Truncation of value to char", RuntimeWarning, stacklevel=2)
            object.__setattr__(self, name, number & 0xFF)
        elif name in _NCB_NAMES:
            if isinstance(value, str):
                value = value.encode("latin-1")
            if not isinstance(value, (bytes, bytearray)):
                raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'")
            names: dict[str, bytes] = object.__getattribute__(self, "_names")
            names[name] = bytes(value[:16]).ljust(16)
        elif name in ("Event", "Post"):
            object.__setattr__(self, name, operator.index(value))  # type: ignore[arg-type]
        elif name == "Buffer":
            target = getattr(value, "_buffer_", value)
            try:
                view = None if target is None else memoryview(target)  # type: ignore[arg-type]
            except TypeError:
                kind = type(value).__name__
                raise TypeError(f"a bytes-like object is required, not '{kind}'") from None
            if view is not None and view.readonly:
                raise BufferError("Object is not writable.")
            object.__setattr__(self, "_buffer", value)
            object.__setattr__(self, "_view", None if view is None else view.cast("B"))
        elif name == "Bufflen":
            raise AttributeError("readonly attribute")
        else:
            raise AttributeError(f"'PyNCB' object has no attribute '{name}'")

    def __repr__(self) -> str:
        return f"<PyNCB object at {id(self):#018x}>"


NCBType = NCB


def Netbios(ncb: object, /) -> int:
    """Run the NCB's command now; its NRC_* code is returned and kept in Retcode."""
    if not isinstance(ncb, NCB):
        raise TypeError("The object is not a PyNCB object")
    n: Any = ncb
    code = services.netbios(n.Command, n.Lana_num, n._names["Callname"], n._view)
    n.Retcode = n.Cmd_cplt = code
    return code
