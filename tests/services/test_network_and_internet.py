"""The core of win32wnet and win32inet: services' network, NetBIOS, FTP and the options."""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import Win32Error

if TYPE_CHECKING:
    from collections.abc import Iterator


def _code(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror


def test_the_tree_of_the_network() -> None:
    top = services.open_network_enumeration(services.RESOURCE_GLOBALNET, 0, 0).take()
    assert [item.remote_name for item in top] == [services.PROVIDER_NAME]
    workgroups = services.open_network_enumeration(services.RESOURCE_GLOBALNET, 0, 0, top[0])
    (workgroup,) = workgroups.take()
    assert workgroup.remote_name == services.WORKGROUP_NAME
    (computer,) = services.open_network_enumeration(2, 0, 0, workgroup).take()
    assert computer.display_type == services.RESOURCEDISPLAYTYPE_SERVER
    assert services.open_network_enumeration(2, 0, 0, computer).take() == []
    assert services.resource_parent(computer) == workgroup
    assert services.resource_information(top[0]) == (top[0], "")


def test_an_enumeration_hands_out_each_once() -> None:
    enumeration = services.NetworkEnumeration(
        [services.NetResource(remote_name=str(i)) for i in range(5)]
    )
    assert [item.remote_name for item in enumeration.take(2)] == ["0", "1"]
    assert len(enumeration.take()) == 3
    assert enumeration.take() == []


def test_the_network_refuses() -> None:
    leaf = services.NetResource(remote_name="\\\\x\\y", usage=services.RESOURCEUSAGE_CONNECTABLE)
    assert _code(services.open_network_enumeration, 2, 0, 0, leaf) == services.ERROR_NOT_CONTAINER
    other = services.NetResource(remote_name="\\\\elsewhere", usage=2)
    assert _code(services.open_network_enumeration, 2, 0, 0, other) == 53  # ERROR_BAD_NETPATH
    share = services.NetResource(local_name="Q:", remote_name="\\\\localhost\\docs")
    assert _code(services.add_connection, share) == services.ERROR_BAD_NET_NAME
    share.local_name = "nonsense"
    assert _code(services.add_connection, share) == services.ERROR_BAD_DEVICE
    assert _code(services.cancel_connection, "Q:") == services.ERROR_NOT_CONNECTED


def test_netbios_adapter_status_is_the_interface_address() -> None:
    adapters = services.lan_adapters()
    lanas = memoryview(bytearray(256))
    assert services.netbios(services.NCBENUM, 0, b"", lanas) == services.NRC_GOODRET
    assert lanas[0] == len(adapters)
    if not adapters:
        pytest.skip("no network interface with a hardware address")
    status = memoryview(bytearray(60))
    assert services.netbios(services.NCBASTAT, 0, b"*" + b" " * 15, status) == 0
    assert bytes(status[:6]) == adapters[0]
    small = memoryview(bytearray(10))
    assert services.netbios(services.NCBASTAT, 0, b"*", small) == services.NRC_BUFLEN
    assert services.netbios(services.NCBASTAT, 0, b"FAR", status) == services.NRC_CMDTMO
    assert services.netbios(0x10, 0, b"", status) == services.NRC_ILLCMD


class _FakeFtp:
    """An FTP server of a few commands (login, PASV, NLST or RETR), for one client, on a thread."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve)
        self.thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(30)
        conn, _ = self.listener.accept()
        conn.settimeout(30)  # a failed test does not leave this thread waiting for ever
        with conn, conn.makefile("rwb", buffering=0) as stream:
            stream.write(b"220 ready\r\n")
            data = socket.create_server(("127.0.0.1", 0))
            for line in stream:
                command = line.decode().strip().split(" ")[0].upper()
                if command == "USER":
                    stream.write(b"331 password\r\n")
                elif command == "PASS":
                    stream.write(b"230 logged in\r\n")
                elif command == "TYPE":
                    stream.write(b"200 type set\r\n")
                elif command == "PASV":
                    port = data.getsockname()[1]
                    stream.write(f"227 Entering (127,0,0,1,{port >> 8},{port & 255})\r\n".encode())
                elif command in ("NLST", "RETR"):
                    stream.write(b"150 here it comes\r\n")
                    transfer, _ = data.accept()
                    with transfer:
                        transfer.sendall(b"a.txt\r\nb.txt\r\n")
                    stream.write(b"226 done\r\n")
                elif command == "NOOP":
                    stream.write(b"200 still here\r\n")
                elif command == "QUIT":
                    stream.write(b"221 bye\r\n")
                    break
                else:
                    stream.write(b"502 not that\r\n")
            data.close()

    def close(self) -> None:
        self.thread.join()
        self.listener.close()


@pytest.fixture
def ftp_server() -> Iterator[_FakeFtp]:
    server = _FakeFtp()
    try:
        yield server
    finally:
        server.close()


def test_ftp_command_reads_its_data(ftp_server: _FakeFtp) -> None:
    session = services.InternetSession("test")
    connection = services.connect(
        session, "127.0.0.1", ftp_server.port, None, None, services.SERVICE_FTP
    )
    assert services.last_response().startswith("230")
    assert services.ftp_command(connection, False, "NOOP") is None
    assert services.last_response() == "200 still here"
    stream = services.ftp_command(connection, True, "NLST")
    assert stream is not None
    assert stream.read(100) + stream.read(100) == b"a.txt\r\nb.txt\r\n"
    stream.close_on_last_handle()
    assert _code(services.ftp_command, connection, False, "XYZ") == (
        services.ERROR_INTERNET_EXTENDED_ERROR
    )
    assert services.last_response().startswith("502")
    assert connection.ftp is not None
    connection.ftp.sendcmd("QUIT")
    connection.close_on_last_handle()


def test_ftp_connect_refused() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    session = services.InternetSession("test")
    assert _code(services.connect, session, "127.0.0.1", port, None, None, 1) == (
        services.ERROR_INTERNET_CANNOT_CONNECT
    )
    assert _code(services.connect, session, "127.0.0.1", port, None, None, 9) == 87
    assert _code(services.check_connection, f"http://127.0.0.1:{port}/") == 2250


def test_options() -> None:
    session = services.InternetSession("agent")
    assert services.internet_option(session, 9) == 1  # INTERNET_HANDLE_TYPE_INTERNET
    services.set_internet_option(session, 41, "other")
    assert services.internet_option(session, 41) == "other"
    services.set_internet_option(session, 6, 1500)
    assert session.receive_timeout == 1.5
    assert _code(services.internet_option, session, 34) == (
        services.ERROR_INTERNET_INCORRECT_HANDLE_TYPE
    )
    assert _code(services.internet_option, session, 99999) == (
        services.ERROR_INTERNET_INVALID_OPTION
    )
    assert _code(services.set_internet_option, session, 6, "x") == (
        services.ERROR_INTERNET_INVALID_OPTION
    )


def test_canonicalize_decodes() -> None:
    assert services.canonicalize_url("http://x/a%20b", decode=True) == "http://x/a b"
    assert services.canonicalize_url("http://x/a/../../b") == "http://x/b"
    assert services.canonicalize_url("http://x/a/b/..") == "http://x/a/"


def test_open_url_reads_an_ftp_file(ftp_server: _FakeFtp) -> None:
    session = services.InternetSession("test")
    stream = services.open_url(session, f"ftp://127.0.0.1:{ftp_server.port}/a.txt")
    assert stream.read(5) == b"a.txt"
    stream.close_on_last_handle()  # reads the 226, then QUIT
    assert services.last_response().startswith("226")
