"""Contract: ``win32wnet`` and ``netbios``, the network as a workgroup computer sees it.

The records (NETRESOURCE, NCB) and their members' rules hold everywhere. The network's
answers are Windows' with the Microsoft Windows Network provider: Wine's mpr has no
provider and answers ERROR_NO_NETWORK to nearly everything (those tests are marked).
"""

from __future__ import annotations

import warnings
from typing import Any

import netbios
import pytest
import win32api
import win32wnet
import winerror

from ._wine import wine_differs

_NO_PROVIDER = "Wine's mpr has no network provider: ERROR_NO_NETWORK"
RESOURCE_CONNECTED = 1
RESOURCE_GLOBALNET = 2
RESOURCE_REMEMBERED = 3
RESOURCETYPE_ANY = 0
RESOURCETYPE_DISK = 1
RESOURCEUSAGE_CONTAINER = 2
RESOURCEDISPLAYTYPE_SERVER = 2
RESOURCEDISPLAYTYPE_SHARE = 3


def _code(call: object, *args: object) -> tuple[int, str]:
    with pytest.raises(win32wnet.error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror, caught.value.funcname


def _enumerate(scope: int, type_: int, container: object = None) -> list[Any]:
    handle = win32wnet.WNetOpenEnum(scope, type_, 0, container)
    try:
        found = []
        while items := win32wnet.WNetEnumResource(handle, 0):
            found += items
        return found
    finally:
        handle.Close()


def test_the_names_are_there() -> None:
    for name in (
        "NCB", "NCBBuffer", "NCBType", "NETRESOURCE", "NETRESOURCEType", "Netbios",
        "WNetAddConnection2", "WNetAddConnection3", "WNetCancelConnection2", "WNetCloseEnum",
        "WNetEnumResource", "WNetGetConnection", "WNetGetLastError",
        "WNetGetResourceInformation", "WNetGetResourceParent", "WNetGetUniversalName",
        "WNetGetUser", "WNetOpenEnum", "error",
    ):  # fmt: skip
        assert callable(getattr(win32wnet, name)), name
    assert win32wnet.error is __import__("pywintypes").error
    assert (netbios.NCBENUM, netbios.NCBASTAT, netbios.NCBRESET) == (0x37, 0x33, 0x32)
    assert (netbios.NRC_GOODRET, netbios.NRC_BRIDGE, netbios.MAX_LANA) == (0, 0x23, 254)
    assert netbios.NCB is win32wnet.NCB


def test_netresource_members() -> None:
    nr = win32wnet.NETRESOURCE()
    assert [nr.dwScope, nr.dwType, nr.dwDisplayType, nr.dwUsage] == [0, 0, 0, 0]
    assert [nr.lpLocalName, nr.lpRemoteName, nr.lpComment, nr.lpProvider] == [None] * 4
    nr.dwType = 1
    nr.lpRemoteName = "\\\\x\\y"
    nr.lpComment = None
    assert (nr.dwType, nr.lpRemoteName, nr.lpComment) == (1, "\\\\x\\y", None)
    with pytest.raises(TypeError):
        nr.dwType = "x"
    with pytest.raises(TypeError):
        nr.lpLocalName = 3
    with pytest.raises(TypeError):
        nr.lpLocalName = b"x"
    with pytest.raises(AttributeError):
        nr.foo = 1
    assert win32wnet.NETRESOURCE() != win32wnet.NETRESOURCE()


def test_ncb_members() -> None:
    ncb = win32wnet.NCB()
    assert (ncb.Command, ncb.Retcode, ncb.Lana_num, ncb.Bufflen) == (0, 0, 0, 0)
    assert (ncb.Callname, ncb.Name, ncb.Buffer) == ("", "", None)
    ncb.Callname = "abc"
    assert ncb.Callname == "abc" + " " * 13
    ncb.Name = b"*"
    assert ncb.Name == "*" + " " * 15
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ncb.Command = 0x137
    assert ncb.Command == 0x37 and seen and issubclass(seen[0].category, RuntimeWarning)
    with pytest.raises(AttributeError):
        ncb.Bufflen = 3
    with pytest.raises(BufferError):
        ncb.Buffer = b"abc"
    with pytest.raises(TypeError):
        ncb.Buffer = 3
    ncb.Buffer = win32wnet.NCBBuffer(10)
    assert ncb.Bufflen == 10
    ncb.Reset()
    assert (ncb.Command, ncb.Bufflen, ncb.Buffer) == (0, 0, None)


def test_ncb_buffer() -> None:
    buffer = win32wnet.NCBBuffer(10)
    assert len(buffer) == 10 and not buffer.readonly  # not cleared: its bytes are unknown
    buffer[0] = 5
    assert buffer[0] == 5


def test_netbios_enumerates_and_resets_its_adapters() -> None:
    ncb = netbios.NCB()
    ncb.Command = netbios.NCBENUM
    lanas = netbios.LANA_ENUM()
    ncb.Buffer = lanas
    assert ncb.Bufflen == netbios.MAX_LANA + 2
    assert win32wnet.Netbios(ncb) == 0
    assert lanas.length == 0  # win32wnet.Netbios leaves the structure's fields as they were
    assert netbios.Netbios(ncb) == 0 and ncb.Retcode == 0
    for i in range(lanas.length):
        ncb.Reset()
        ncb.Command = netbios.NCBRESET
        ncb.Lana_num = lanas.lana[i]
        assert netbios.Netbios(ncb) == 0
        ncb.Reset()
        ncb.Command = netbios.NCBASTAT
        ncb.Lana_num = lanas.lana[i]
        ncb.Callname = b"*" + b" " * 15
        status = netbios.ADAPTER_STATUS()
        ncb.Buffer = status
        assert netbios.Netbios(ncb) == 0
        assert len(status.adapter_address) == 6


def test_netbios_of_no_adapter_is_nrc_bridge() -> None:
    ncb = win32wnet.NCB()
    ncb.Command = netbios.NCBRESET
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ncb.Lana_num = 200  # a C char's range, as pywin32 checks it
    assert seen and issubclass(seen[0].category, RuntimeWarning)
    assert win32wnet.Netbios(ncb) == netbios.NRC_BRIDGE
    with pytest.raises(TypeError):
        win32wnet.Netbios(None)


def test_netbios_structures_take_only_their_fields() -> None:
    status = netbios.ADAPTER_STATUS()
    assert status.adapter_address == bytes(6) and status.name_count == 0
    assert len(status._buffer_) == 60
    with pytest.raises(AttributeError):
        status.nonsense = 1


def test_user_is_the_callers() -> None:
    assert win32wnet.WNetGetUser() == win32api.GetUserName()
    assert win32wnet.WNetGetUser(None) == win32api.GetUserName()


@wine_differs("Wine answers the caller's name for a device that is not redirected")
def test_user_of_no_connection() -> None:
    assert _code(win32wnet.WNetGetUser, "Q:")[0] == winerror.ERROR_NOT_CONNECTED


@wine_differs(_NO_PROVIDER)
def test_the_network_shows_this_computer_and_no_share() -> None:
    top = _enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY)
    assert top and all(item.dwUsage & RESOURCEUSAGE_CONTAINER for item in top)
    computer = win32wnet.NETRESOURCE()
    computer.dwScope = RESOURCE_GLOBALNET
    computer.dwUsage = RESOURCEUSAGE_CONTAINER
    computer.lpRemoteName = "\\\\" + win32api.GetComputerName()
    for item in _enumerate(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, computer):
        assert item.dwDisplayType == RESOURCEDISPLAYTYPE_SHARE
        assert item.lpRemoteName.startswith(computer.lpRemoteName + "\\")


@wine_differs(_NO_PROVIDER)
def test_no_drive_is_redirected() -> None:
    for scope in (RESOURCE_CONNECTED, RESOURCE_REMEMBERED):
        for item in _enumerate(scope, RESOURCETYPE_DISK):
            assert item.lpLocalName != "Q:"


@wine_differs(_NO_PROVIDER)
def test_open_enum_refuses_a_bad_scope_or_type() -> None:
    assert _code(win32wnet.WNetOpenEnum, 9, 0, 0, None) == (
        winerror.ERROR_INVALID_PARAMETER,
        "WNetOpenEnum",
    )
    assert _code(win32wnet.WNetOpenEnum, RESOURCE_GLOBALNET, 7, 0, None)[0] == (
        winerror.ERROR_INVALID_PARAMETER
    )


@wine_differs(_NO_PROVIDER)
def test_a_closed_enumeration_is_an_invalid_handle() -> None:
    handle = win32wnet.WNetOpenEnum(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, None)
    win32wnet.WNetCloseEnum(handle)
    assert _code(win32wnet.WNetEnumResource, handle, 0)[0] == winerror.ERROR_INVALID_HANDLE


def test_bad_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError):
        win32wnet.WNetCloseEnum(None)
    with pytest.raises(TypeError):
        win32wnet.WNetEnumResource(None, 0)
    with pytest.raises(TypeError):
        win32wnet.WNetOpenEnum("x", 0, 0, None)
    with pytest.raises(TypeError):
        win32wnet.WNetAddConnection2("x")
    with pytest.raises(TypeError):
        win32wnet.WNetGetResourceInformation(None)


@wine_differs(_NO_PROVIDER)
def test_a_server_that_does_not_answer_is_bad_netpath() -> None:
    nr = win32wnet.NETRESOURCE()
    nr.dwType = RESOURCETYPE_DISK
    nr.lpLocalName = "Q:"
    nr.lpRemoteName = "\\\\no-such-server-here\\share"
    assert _code(win32wnet.WNetAddConnection2, nr) == (
        winerror.ERROR_BAD_NETPATH,
        "WNetAddConnection2",
    )
    assert _code(win32wnet.WNetAddConnection3, 0, nr)[0] == winerror.ERROR_BAD_NETPATH
    assert _code(win32wnet.WNetAddConnection2, 1, "Q:", nr.lpRemoteName)[0] == (
        winerror.ERROR_BAD_NETPATH
    )


@wine_differs(_NO_PROVIDER)
def test_cancel_of_no_connection_is_not_connected() -> None:
    assert _code(win32wnet.WNetCancelConnection2, "Q:", 0, 0) == (
        winerror.ERROR_NOT_CONNECTED,
        "WNetCancelConnection2",
    )


def test_connection_of_a_drive_that_is_not_there() -> None:
    assert _code(win32wnet.WNetGetConnection, "Q:") == (
        winerror.ERROR_BAD_DEVICE,
        "WNetGetConnection",
    )
    assert _code(win32wnet.WNetGetConnection, "nonsense")[0] == winerror.ERROR_BAD_DEVICE
    assert _code(win32wnet.WNetGetConnection)[0] == winerror.ERROR_INVALID_ADDRESS


def test_universal_name_of_a_local_path() -> None:
    path = win32api.GetTempPath()
    assert _code(win32wnet.WNetGetUniversalName, path) == (
        winerror.ERROR_NOT_CONNECTED,
        "WNetGetUniversalName (for buffer size)",
    )


def test_server_enum_takes_the_domain_before_the_resume_handle() -> None:
    import win32net
    import win32netcon

    with pytest.raises(TypeError):
        win32net.NetServerEnum(None, 100, win32netcon.SV_TYPE_ALL, 0, 0)
    with pytest.raises(TypeError):
        win32net.NetServerEnum(None, 100, win32netcon.SV_TYPE_ALL, None, "x")


@wine_differs("Wine's NetServerEnum finds no browser server (ERROR_NO_BROWSER_SERVERS_FOUND)")
def test_server_enum_finds_this_computer() -> None:
    import win32net
    import win32netcon

    servers, _, resume = win32net.NetServerEnum(None, 100, win32netcon.SV_TYPE_ALL, None, 0)
    assert resume == 0
    assert win32api.GetComputerName() in [server["name"] for server in servers]
