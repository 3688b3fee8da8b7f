"""Service object security, event log sessions and object arrays, the LSA logon process and
SPNs (session 25)."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import Win32Error

if TYPE_CHECKING:
    from pathlib import Path

READ_CONTROL, WRITE_DAC = 0x20000, 0x40000
DACL = 0x4


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_SERVICES", str(tmp_path / "services.sqlite3"))


def _code(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror


def test_manager_security_needs_read_control_and_write_dac() -> None:
    plain = services.open_manager(access=0x1)  # SC_MANAGER_CONNECT
    assert _code(services.object_security, plain, DACL) == 5
    reader = services.open_manager(access=READ_CONTROL | 0x1)
    original = services.object_security(reader, DACL)
    assert original.startswith("O:SYG:SYD:")
    assert _code(services.set_object_security, reader, DACL, "D:") == 5
    writer = services.open_manager(access=READ_CONTROL | WRITE_DAC | 0x1)
    services.set_object_security(writer, DACL, "D:(A;;KA;;;BA)")
    try:
        assert services.object_security(reader, DACL) == "D:(A;;KA;;;BA)"
    finally:
        services.set_object_security(writer, DACL, original)


def test_sessions_are_local_only() -> None:
    assert services.open_session(None).server == ""
    assert services.open_session("LOCALHOST").server == "localhost"
    assert services.open_session(socket.gethostname()).server == socket.gethostname().lower()
    assert _code(services.open_session, "nosuchhost.invalid") == 1722


def test_object_arrays_and_event_metadata() -> None:
    array = services.ObjectArray([{0: ("a", 1)}, {0: ("b", 1)}])
    assert len(array) == 2 and array.property(0, 1) == ("b", 1)
    assert _code(array.property, 0, 2) == 87
    assert _code(array.property, 5, 0) == 87
    metadata = services.EventMetadata({0: (7, 8)})
    assert metadata.property(0) == (7, 8)
    assert _code(metadata.property, 1) == 87


def test_lsa_logon_process() -> None:
    connection = services.connect_untrusted()
    assert services.lookup_authentication_package(connection, b"Negotiate") == 0
    assert services.lookup_authentication_package(connection, b"KERBEROS") == 1
    name = b"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"
    assert services.lookup_authentication_package(connection, name) == 2
    assert _code(services.lookup_authentication_package, connection, b"nope") == 1364
    assert _code(services.register_logon_process, b"x") == 1314
    assert _code(services.call_authentication_package, connection, 1, 2) == 50
    assert _code(services.call_authentication_package, connection, 9, 2) == 1364
    with pytest.raises(TypeError):
        services.register_logon_process("x")  # type: ignore[arg-type]


def test_spns() -> None:
    spn = services.service_principal_names
    assert spn(0, "http", None, 0, ["h.example"], [80]) == ["http/h.example:80"]
    assert spn(5, "ldap", "svc", 389, ["a", "b"], None) == ["ldap/a:389/svc", "ldap/b:389/svc"]
    assert spn(0, "host", None, 0, None, None) == [f"host/{socket.getfqdn()}"]
    assert _code(spn, 5, "ldap", None, 0, ["a"], None) == 87
    assert _code(spn, 0, "http", None, 0, None, [80]) == 87
    assert _code(spn, 9, "http", None, 0, None, None) == 87
