r"""The Windows network as one Linux desktop sees it: a workgroup of one computer sharing nothing.

What Windows' multiple provider router (mpr: WNetOpenEnum, WNetAddConnection2, ...) answers
on a workgroup computer with the Microsoft Windows Network provider: the provider, the
workgroup ``WORKGROUP`` and this computer (``\\\\NAME``) are containers a program can browse;
the computer shares nothing, no other computer answers, and no drive is redirected. So
every connection attempt fails with the error Windows gives for its path (the server is
unknown: ERROR_BAD_NETPATH; this computer has no such share: ERROR_BAD_NET_NAME), and every
question about a connection gets ERROR_NOT_CONNECTED.

NetBIOS (:func:`netbios`) has one LAN adapter number per network interface with a hardware
address; an adapter status (NCBASTAT) gives that address, as NetBIOS over TCP/IP does.
"""

from __future__ import annotations

import os
import re
import struct
import threading
from dataclasses import dataclass

from .. import kernel
from ..errors import ERROR_BAD_NETPATH, ERROR_INVALID_ADDRESS, ERROR_INVALID_PARAMETER, Win32Error

__all__ = [
    "NetResource", "NetworkEnumeration", "open_network_enumeration", "network_user",
    "add_connection", "cancel_connection", "connection_of", "universal_name",
    "resource_information", "resource_parent", "netbios", "lan_adapters",
    "PROVIDER_NAME", "WORKGROUP_NAME", "ERROR_BAD_NET_NAME", "ERROR_ALREADY_ASSIGNED",
    "ERROR_BAD_DEVICE", "ERROR_NOT_CONTAINER", "ERROR_NO_NETWORK", "ERROR_NOT_CONNECTED",
    "RESOURCE_CONNECTED", "RESOURCE_GLOBALNET", "RESOURCE_REMEMBERED", "RESOURCE_RECENT",
    "RESOURCE_CONTEXT", "RESOURCETYPE_ANY", "RESOURCETYPE_DISK", "RESOURCETYPE_PRINT",
    "RESOURCEUSAGE_CONNECTABLE", "RESOURCEUSAGE_CONTAINER", "RESOURCEDISPLAYTYPE_GENERIC",
    "RESOURCEDISPLAYTYPE_DOMAIN", "RESOURCEDISPLAYTYPE_SERVER", "RESOURCEDISPLAYTYPE_SHARE",
    "RESOURCEDISPLAYTYPE_NETWORK", "NCBRESET", "NCBASTAT", "NCBENUM", "NRC_GOODRET",
    "NRC_BUFLEN", "NRC_ILLCMD", "NRC_CMDTMO", "NRC_BRIDGE",
]  # fmt: skip

# winerror.h / lmerr.h
ERROR_BAD_NET_NAME = 67
ERROR_ALREADY_ASSIGNED = 85
ERROR_BAD_DEVICE = 1200
ERROR_NOT_CONTAINER = 1207
ERROR_NO_NETWORK = 1222
ERROR_NOT_CONNECTED = 2250

# winnetwk.h
RESOURCE_CONNECTED = 1
RESOURCE_GLOBALNET = 2
RESOURCE_REMEMBERED = 3
RESOURCE_RECENT = 4
RESOURCE_CONTEXT = 5
RESOURCETYPE_ANY = 0
RESOURCETYPE_DISK = 1
RESOURCETYPE_PRINT = 2
RESOURCEUSAGE_CONNECTABLE = 1
RESOURCEUSAGE_CONTAINER = 2
RESOURCEDISPLAYTYPE_GENERIC = 0
RESOURCEDISPLAYTYPE_DOMAIN = 1
RESOURCEDISPLAYTYPE_SERVER = 2
RESOURCEDISPLAYTYPE_SHARE = 3
RESOURCEDISPLAYTYPE_NETWORK = 6

# nb30.h
NCBRESET = 0x32
NCBASTAT = 0x33
NCBENUM = 0x37
NRC_GOODRET = 0x00
NRC_BUFLEN = 0x01
NRC_ILLCMD = 0x03
NRC_CMDTMO = 0x05
NRC_BRIDGE = 0x23

PROVIDER_NAME = "Microsoft Windows Network"
WORKGROUP_NAME = "WORKGROUP"

_DEVICE = re.compile(r"(?:[A-Za-z]:|(?:LPT|COM)[1-9]:?)\Z", re.IGNORECASE)


@dataclass
class NetResource:
    """A NETRESOURCE: where a resource is in the network's tree, and what it is.

    ``scope``, ``type``, ``display_type`` and ``usage`` take winnetwk.h's RESOURCE* values;
    the names are None when not given.
    """

    scope: int = 0
    type: int = 0
    display_type: int = 0
    usage: int = 0
    local_name: str | None = None
    remote_name: str | None = None
    comment: str | None = None
    provider: str | None = None


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error.from_code(code, detail)


def _provider() -> NetResource:
    return NetResource(
        RESOURCE_GLOBALNET, RESOURCETYPE_ANY, RESOURCEDISPLAYTYPE_NETWORK,
        RESOURCEUSAGE_CONTAINER, None, PROVIDER_NAME, None, PROVIDER_NAME,
    )  # fmt: skip


def _workgroup() -> NetResource:
    return NetResource(
        RESOURCE_GLOBALNET, RESOURCETYPE_ANY, RESOURCEDISPLAYTYPE_DOMAIN,
        RESOURCEUSAGE_CONTAINER, None, WORKGROUP_NAME, None, PROVIDER_NAME,
    )  # fmt: skip


def _computer() -> NetResource:
    return NetResource(
        RESOURCE_GLOBALNET, RESOURCETYPE_ANY, RESOURCEDISPLAYTYPE_SERVER,
        RESOURCEUSAGE_CONTAINER, None, "\\\\" + kernel.computer_name(), "", PROVIDER_NAME,
    )  # fmt: skip


def _is_this_computer(server: str) -> bool:
    names = {kernel.computer_name().casefold(), "localhost", "127.0.0.1", "."}
    return server.casefold() in names


def _children(container: NetResource | None) -> list[NetResource]:
    """The resources inside ``container`` (the network's top when None)."""
    if container is None:
        return [_provider()]
    if not container.usage & RESOURCEUSAGE_CONTAINER:
        raise _error(ERROR_NOT_CONTAINER, f"{container.remote_name!r} is not a container")
    name = container.remote_name or ""
    if name.casefold() == PROVIDER_NAME.casefold():
        return [_workgroup()]
    if name.casefold() == WORKGROUP_NAME.casefold():
        return [_computer()]
    server = name[2:] if name.startswith("\\\\") else ""
    if server and "\\" not in server:
        if _is_this_computer(server):
            return []  # the computer shares nothing
        raise _error(ERROR_BAD_NETPATH, f"no computer {server!r} answers on this network")
    raise _error(ERROR_BAD_NET_NAME, f"the network has no container {name!r}")


class NetworkEnumeration:
    """An open WNetOpenEnum: the resources left to hand out, taken under a lock.

    Any thread may take from it; each resource is handed out once.
    """

    def __init__(self, resources: list[NetResource]) -> None:
        self._lock = threading.Lock()
        self._left = resources

    def take(self, count: int | None = None) -> list[NetResource]:
        """Up to ``count`` (all when None) of the resources not handed out yet; [] at the end."""
        with self._lock:
            end = len(self._left) if count is None else count
            taken, self._left = self._left[:end], self._left[end:]
        return taken


def open_network_enumeration(
    scope: int, type: int, usage: int, container: NetResource | None = None
) -> NetworkEnumeration:
    """Start listing the network's resources, as WNetOpenEnum does.

    Args:
        scope: RESOURCE_GLOBALNET (the tree below ``container``), RESOURCE_CONNECTED and
            RESOURCE_REMEMBERED (the connections: none), or RESOURCE_CONTEXT (the computers
            of this one's workgroup).
        type: RESOURCETYPE_ANY, _DISK or _PRINT.
        usage: RESOURCEUSAGE_* filter for RESOURCE_GLOBALNET (0 for all).
        container: where to start (RESOURCE_GLOBALNET only); None for the top.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for another scope or type, ERROR_NOT_CONTAINER,
            ERROR_BAD_NETPATH (an unknown computer), ERROR_BAD_NET_NAME.
    """
    if type & ~(RESOURCETYPE_DISK | RESOURCETYPE_PRINT):
        raise _error(ERROR_INVALID_PARAMETER, f"{type:#x} is no RESOURCETYPE")
    if scope in (RESOURCE_CONNECTED, RESOURCE_REMEMBERED):
        return NetworkEnumeration([])  # no drive or printer is redirected
    if scope == RESOURCE_CONTEXT:
        return NetworkEnumeration([_computer()])
    if scope != RESOURCE_GLOBALNET:
        raise _error(ERROR_INVALID_PARAMETER, f"{scope} is no scope WNetOpenEnum takes")
    found = _children(container)
    if usage & (RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER):
        found = [item for item in found if item.usage & usage]
    return NetworkEnumeration(found)


def network_user(name: str | None = None) -> str:
    """The user name a connection uses (WNetGetUser): the caller's own for None.

    Raises:
        Win32Error: ERROR_NOT_CONNECTED for a name that is no connection (none is).
    """
    if name is None or name == "":
        return kernel.thread_user_name(kernel.current_thread())
    raise _error(ERROR_NOT_CONNECTED, f"{name!r} is not a network connection")


def _check_device(local_name: str | None) -> None:
    if local_name and not _DEVICE.match(local_name):
        raise _error(ERROR_BAD_DEVICE, f"{local_name!r} is no drive or printer port name")


def add_connection(resource: NetResource, user: str | None = None) -> None:
    r"""Connect ``resource.local_name`` to the share ``resource.remote_name`` (WNetAddConnection2).

    No computer of this network shares anything, so it always fails, as Windows does for
    the path given.

    Raises:
        Win32Error: ERROR_BAD_DEVICE (a local name that is no drive or port),
            ERROR_BAD_NETPATH (a server that does not answer), ERROR_BAD_NET_NAME (no such
            share, or no ``\\\\server\\share`` name).
    """
    _check_device(resource.local_name)
    remote = resource.remote_name or ""
    parts = remote[2:].split("\\") if remote.startswith("\\\\") else []
    if len(parts) < 2 or not all(parts[:2]):
        raise _error(ERROR_BAD_NET_NAME, f"{remote!r} is no \\\\server\\share name")
    if not _is_this_computer(parts[0]):
        raise _error(ERROR_BAD_NETPATH, f"no computer {parts[0]!r} answers on this network")
    raise _error(ERROR_BAD_NET_NAME, f"this computer shares no {parts[1]!r}")


def cancel_connection(name: str) -> None:
    """End the connection of a local device or remote name (WNetCancelConnection2).

    Raises:
        Win32Error: ERROR_NOT_CONNECTED: there is none.
    """
    raise _error(ERROR_NOT_CONNECTED, f"{name!r} is not a network connection")


def connection_of(local_name: str | None) -> str:
    """The remote name a local device is connected to (WNetGetConnection).

    Raises:
        Win32Error: ERROR_INVALID_ADDRESS for None (WN_BAD_POINTER); ERROR_BAD_DEVICE for
            any name: Linux has no drive letters, and none is redirected.
    """
    if local_name is None:
        raise _error(ERROR_INVALID_ADDRESS, "no local name was given")
    raise _error(ERROR_BAD_DEVICE, f"there is no device {local_name!r}")


def universal_name(path: str) -> str:
    """The UNC name of a path on a redirected drive (WNetGetUniversalName).

    Raises:
        Win32Error: ERROR_NOT_CONNECTED: no drive is redirected.
    """
    raise _error(ERROR_NOT_CONNECTED, f"{path!r} is not on a network drive")


def _known(resource: NetResource) -> NetResource:
    name = resource.remote_name or ""
    for known in (_provider(), _workgroup(), _computer()):
        if (known.remote_name or "").casefold() == name.casefold():
            return known
    if name.startswith("\\\\"):
        server = name[2:].split("\\")[0]
        if server and not _is_this_computer(server):
            raise _error(ERROR_BAD_NETPATH, f"no computer {server!r} answers on this network")
    raise _error(ERROR_BAD_NET_NAME, f"the network has no resource {name!r}")


def resource_information(resource: NetResource) -> tuple[NetResource, str]:
    """What the network knows of ``resource.remote_name`` (WNetGetResourceInformation).

    Returns the resource and the part of the name below it (always "" here).

    Raises:
        Win32Error: ERROR_BAD_NETPATH, ERROR_BAD_NET_NAME: the network has no such resource.
    """
    return _known(resource), ""


def resource_parent(resource: NetResource) -> NetResource:
    """The container of ``resource.remote_name`` (WNetGetResourceParent).

    The provider's parent is an empty resource, the top.

    Raises:
        Win32Error: ERROR_BAD_NETPATH, ERROR_BAD_NET_NAME: the network has no such resource.
    """
    known = _known(resource)
    if known.display_type == RESOURCEDISPLAYTYPE_NETWORK:
        return NetResource(provider=PROVIDER_NAME)
    if known.display_type == RESOURCEDISPLAYTYPE_DOMAIN:
        return _provider()
    return _workgroup()


def lan_adapters() -> list[bytes]:
    """The hardware addresses of the network interfaces, one per NetBIOS LAN adapter number."""
    found = []
    try:
        names = sorted(os.listdir("/sys/class/net"))
    except OSError:
        return []
    for name in names:
        try:
            with open(f"/sys/class/net/{name}/address") as file:
                text = file.read().strip()
        except OSError:
            continue
        address = bytes.fromhex(text.replace(":", "")) if text else b""
        if len(address) == 6 and any(address):
            found.append(address)
    return found


_ADAPTER_STATUS = struct.Struct("<6s4B5H2I4HI10H")  # nb30.h's ADAPTER_STATUS (60 bytes)


def netbios(command: int, lana: int, callname: bytes, buffer: memoryview | None) -> int:
    """Run one NetBIOS command synchronously; the NRC_* code is returned, as Netbios does.

    NCBENUM fills a LANA_ENUM (a count, then the numbers); NCBRESET of an adapter succeeds;
    NCBASTAT of the local adapter (callname ``*``) fills an ADAPTER_STATUS with its hardware
    address. A number with no adapter gives NRC_BRIDGE; a remote name does not answer
    (NRC_CMDTMO); the other commands are refused (NRC_ILLCMD).

    Args:
        command: the NCB's Command.
        lana: the NCB's Lana_num.
        callname: the NCB's 16-byte Callname.
        buffer: the NCB's buffer, written in place (the caller's thread).
    """
    adapters = lan_adapters()
    size = 0 if buffer is None else len(buffer)
    if command == NCBENUM:
        if size < 1:
            return NRC_BUFLEN
        assert buffer is not None
        numbers = bytes(range(min(len(adapters), size - 1)))
        buffer[0] = len(numbers)
        buffer[1 : 1 + len(numbers)] = numbers
        return NRC_GOODRET
    if command not in (NCBRESET, NCBASTAT):
        return NRC_ILLCMD
    if not 0 <= lana < len(adapters):
        return NRC_BRIDGE
    if command == NCBRESET:
        return NRC_GOODRET
    if callname[:1] != b"*":
        return NRC_CMDTMO
    # NetBIOS 3.0, an Ethernet adapter (0xFE), no counters kept
    status = _ADAPTER_STATUS.pack(adapters[lana], 3, 0, 0xFE, 0, *([0] * 22))
    if size < len(status):
        if buffer is not None:
            buffer[:] = status[:size]
        return NRC_BUFLEN
    assert buffer is not None
    buffer[: len(status)] = status
    return NRC_GOODRET
