"""The security packages: the three-leg exchange, who is proven, and protected messages."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import kernel, services
from apartment.errors import Win32Error
from apartment.services import (
    SEC_E_INVALID_HANDLE,
    SEC_E_INVALID_TOKEN,
    SEC_E_LOGON_DENIED,
    SEC_E_MESSAGE_ALTERED,
    SEC_E_NOT_OWNER,
    SEC_E_OK,
    SEC_E_OUT_OF_SEQUENCE,
    SEC_E_SECPKG_NOT_FOUND,
    SEC_E_TARGET_UNKNOWN,
    SEC_I_CONTINUE_NEEDED,
    SecurityContext,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PACKAGES = ["NTLM", "Kerberos", "Negotiate"]


def _code(error: pytest.ExceptionInfo[Win32Error]) -> int:
    return error.value.winerror


@pytest.fixture
def no_password() -> Iterator[None]:
    services.set_logon_password(None)
    yield
    services.set_logon_password(None)


def _pair(
    package: str = "NTLM", auth: tuple[str, str, str | None] | None = None
) -> tuple[SecurityContext, SecurityContext]:
    client_credentials = services.acquire_credentials(package, outbound=True, auth=auth)
    server_credentials = services.acquire_credentials(package, outbound=False)
    target = kernel.user_name() if package == "Kerberos" else None
    client, status, token = services.initialize_context(client_credentials, None, target, 0, None)
    assert status == SEC_I_CONTINUE_NEEDED
    server, status, token = services.accept_context(server_credentials, None, 0, token)
    assert status == SEC_I_CONTINUE_NEEDED
    _, status, token = services.initialize_context(client_credentials, client, target, 0, token)
    assert status == SEC_E_OK
    _, status, token = services.accept_context(server_credentials, server, 0, token)
    assert (status, token) == (SEC_E_OK, b"")
    return client, server


@pytest.mark.parametrize("package", PACKAGES)
def test_the_exchange_takes_three_legs_and_names_the_client(package: str) -> None:
    client, server = _pair(package)
    me = f"{kernel.computer_name()}\\{kernel.user_name()}"
    assert client.complete and server.complete
    assert server.client_user == me and client.client_user == me
    assert client.session_key == server.session_key  # derived by both, never sent
    expected = "NTLM" if package == "Negotiate" else package  # SPNEGO's choice in a workgroup
    assert client.package.name == server.package.name == expected


def test_packages_are_named_as_on_windows() -> None:
    assert [p.name for p in services.security_packages()] == ["Negotiate", "Kerberos", "NTLM"]
    assert services.security_package("ntlm").name == "NTLM"
    with pytest.raises(Win32Error) as error:
        services.security_package("Schannel")
    assert _code(error) == SEC_E_SECPKG_NOT_FOUND


def test_credentials_of_another_principal_are_refused() -> None:
    with pytest.raises(Win32Error) as error:
        services.acquire_credentials("NTLM", outbound=True, principal="nobody-else")
    assert _code(error) == SEC_E_NOT_OWNER
    services.acquire_credentials("NTLM", outbound=True, principal=kernel.user_name())


def test_kerberos_needs_a_target() -> None:
    credentials = services.acquire_credentials("Kerberos", outbound=True)
    with pytest.raises(Win32Error) as error:
        services.initialize_context(credentials, None, None, 0, None)
    assert _code(error) == SEC_E_TARGET_UNKNOWN


def test_tokens_out_of_place_are_invalid() -> None:
    server_credentials = services.acquire_credentials("NTLM", outbound=False)
    with pytest.raises(Win32Error) as error:
        services.accept_context(server_credentials, None, 0, b"not a token")
    assert _code(error) == SEC_E_INVALID_TOKEN
    client_credentials = services.acquire_credentials("NTLM", outbound=True)
    client, _, negotiate = services.initialize_context(client_credentials, None, None, 0, None)
    with pytest.raises(Win32Error) as error:  # the client's own NEGOTIATE is no CHALLENGE
        services.initialize_context(client_credentials, client, None, 0, negotiate)
    assert _code(error) == SEC_E_INVALID_TOKEN


def test_a_forged_authenticate_is_denied() -> None:
    client_credentials = services.acquire_credentials("NTLM", outbound=True)
    server_credentials = services.acquire_credentials("NTLM", outbound=False)
    client, _, token = services.initialize_context(client_credentials, None, None, 0, None)
    server, _, token = services.accept_context(server_credentials, None, 0, token)
    _, _, token = services.initialize_context(client_credentials, client, None, 0, token)
    forged = token[:-1] + bytes([token[-1] ^ 1])  # the proof's last byte
    with pytest.raises(Win32Error) as error:
        services.accept_context(server_credentials, server, 0, forged)
    assert _code(error) == SEC_E_LOGON_DENIED
    with pytest.raises(Win32Error) as error:  # one AUTHENTICATE per context
        services.accept_context(server_credentials, server, 0, token)
    assert _code(error) == SEC_E_INVALID_HANDLE


def test_an_authenticate_for_another_challenge_is_denied() -> None:
    """A recorded AUTHENTICATE does not log on again: the server's challenge is new."""
    client_credentials = services.acquire_credentials("NTLM", outbound=True)
    server_credentials = services.acquire_credentials("NTLM", outbound=False)
    client, _, negotiate = services.initialize_context(client_credentials, None, None, 0, None)
    _, _, challenge = services.accept_context(server_credentials, None, 0, negotiate)
    _, _, recorded = services.initialize_context(client_credentials, client, None, 0, challenge)
    replaying, _, _ = services.accept_context(server_credentials, None, 0, negotiate)
    with pytest.raises(Win32Error) as error:
        services.accept_context(server_credentials, replaying, 0, recorded)
    assert _code(error) == SEC_E_LOGON_DENIED


def test_a_client_that_cannot_read_the_users_secret_is_denied(tmp_path: object) -> None:
    """Another Linux user has another runtime directory, so another secret."""
    client_credentials = services.acquire_credentials("NTLM", outbound=True)
    server_credentials = services.acquire_credentials("NTLM", outbound=False)
    client, _, token = services.initialize_context(client_credentials, None, None, 0, None)
    server, _, challenge = services.accept_context(server_credentials, None, 0, token)
    script = (
        "import sys\n"
        "from apartment import services\n"
        "c = services.acquire_credentials('NTLM', outbound=True)\n"
        "ctx, _, _ = services.initialize_context(c, None, None, 0, None)\n"
        "ctx._transcript = bytes.fromhex(sys.argv[1])\n"
        "_, _, t = services.initialize_context(c, ctx, None, 0, bytes.fromhex(sys.argv[2]))\n"
        "print(t.hex())\n"
    )
    other = os.path.join(str(tmp_path), "other-user")
    os.mkdir(other, 0o700)
    env = {**os.environ, "APARTMENT_RUNTIME_DIR": other}
    done = subprocess.run(
        [sys.executable, "-c", script, client._transcript.hex(), challenge.hex()],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    with pytest.raises(Win32Error) as error:
        services.accept_context(server_credentials, server, 0, bytes.fromhex(done.stdout.strip()))
    assert _code(error) == SEC_E_LOGON_DENIED


def test_another_process_of_the_user_is_proven() -> None:
    """The secret is the user's, not the process's: a second process logs on."""
    script = (
        "import sys\n"
        "from apartment import services\n"
        "c = services.acquire_credentials('NTLM', outbound=True)\n"
        "ctx, _, t = services.initialize_context(c, None, None, 0, None)\n"
        "print(t.hex(), flush=True)\n"
        "_, _, t = services.initialize_context(c, ctx, None, 0, bytes.fromhex(input()))\n"
        "print(t.hex(), flush=True)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        server_credentials = services.acquire_credentials("NTLM", outbound=False)
        negotiate = bytes.fromhex(child.stdout.readline())
        server, _, challenge = services.accept_context(server_credentials, None, 0, negotiate)
        child.stdin.write(challenge.hex() + "\n")
        child.stdin.close()
        authenticate = bytes.fromhex(child.stdout.readline())
        assert child.wait(timeout=60) == 0
    _, status, _ = services.accept_context(server_credentials, server, 0, authenticate)
    assert status == SEC_E_OK


@pytest.mark.usefixtures("no_password")
def test_explicit_credentials_are_checked_as_logon_user() -> None:
    me = kernel.user_name()
    _pair(auth=(me, "", "anything"))  # no password set here: any passes, as LogonUser
    services.set_logon_password("right")
    _pair(auth=(me, ".", "right"))
    _pair(auth=(me, kernel.computer_name(), "right"))
    _pair()  # the user's own logon needs no password
    for auth in [(me, "", "wrong"), ("nobody-else", "", "right"), (me, "ELSEWHERE", "right")]:
        with pytest.raises(Win32Error) as error:
            _pair(auth=auth)
        assert _code(error) == SEC_E_LOGON_DENIED, auth


def test_signatures_hold_both_ways_and_fail_when_altered() -> None:
    client, server = _pair()
    server.verify(b"hello", client.sign(b"hello"))
    client.verify(b"back", server.sign(b"back"))
    signature = client.sign(b"hello")
    assert len(signature) == 16
    with pytest.raises(Win32Error) as error:
        server.verify(b"hellO", signature)
    assert _code(error) == SEC_E_MESSAGE_ALTERED
    server.verify(b"hello", signature)  # a failure does not move the sequence on


@pytest.mark.parametrize(
    ("package", "code"),
    [("NTLM", SEC_E_MESSAGE_ALTERED), ("Kerberos", SEC_E_OUT_OF_SEQUENCE)],
)
def test_replayed_or_reordered_messages_fail_as_the_package_does(package: str, code: int) -> None:
    client, server = _pair(package)
    first, second = client.sign(b"one"), client.sign(b"two")
    with pytest.raises(Win32Error) as error:  # the second before the first
        server.verify(b"two", second)
    assert _code(error) == code
    server.verify(b"one", first)
    with pytest.raises(Win32Error) as error:  # the first again: a replay
        server.verify(b"one", first)
    assert _code(error) == code
    server.verify(b"two", second)


@pytest.mark.parametrize("package", PACKAGES)
def test_encryption_round_trips_and_hides_the_data(package: str) -> None:
    client, server = _pair(package)
    data = b"some data to be encrypted ......"
    sealed, trailer = client.encrypt(data)
    assert sealed != data and len(sealed) == len(data) and len(trailer) == 16
    assert server.decrypt(sealed, trailer) == (data, True)
    sealed, trailer = server.encrypt(data)
    assert client.decrypt(sealed, trailer) == (data, True)


def test_only_kerberos_wraps_without_encrypting() -> None:
    client, server = _pair("Kerberos")
    data, trailer = client.encrypt(b"plain", seal=False)
    assert server.decrypt(data, trailer) == (b"plain", False) and data == b"plain"
    client, server = _pair("NTLM")
    data, trailer = client.encrypt(b"plain", seal=False)  # NTLM encrypts anyway
    assert data != b"plain" and server.decrypt(data, trailer) == (b"plain", True)


def test_a_deleted_context_and_freed_credentials_are_invalid() -> None:
    client, server = _pair()
    client.delete()
    with pytest.raises(Win32Error) as error:
        client.sign(b"x")
    assert _code(error) == SEC_E_INVALID_HANDLE
    server.credentials.free()
    with pytest.raises(Win32Error) as error:
        server.sign(b"x")
    assert _code(error) == SEC_E_INVALID_HANDLE


def test_an_unfinished_context_signs_nothing() -> None:
    credentials = services.acquire_credentials("NTLM", outbound=True)
    client, _, _ = services.initialize_context(credentials, None, None, 0, None)
    with pytest.raises(Win32Error) as error:
        client.sign(b"x")
    assert _code(error) == SEC_E_INVALID_HANDLE


def test_threads_signing_on_one_context_keep_one_sequence() -> None:
    client, server = _pair()
    signatures: list[tuple[int, bytes]] = []
    lock = threading.Lock()

    def sign_many() -> None:
        for _ in range(50):
            with lock:  # the order the signatures were made in is the order to verify them
                signatures.append((len(signatures), client.sign(b"m")))

    threads = [threading.Thread(target=sign_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for _, signature in signatures:
        server.verify(b"m", signature)
    assert len(signatures) == 200


_messages = st.lists(st.binary(max_size=64), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None)
@given(messages=_messages, data=st.data())
def test_tampered_messages_are_refused(messages: list[bytes], data: st.DataObject) -> None:
    client, server = _pair()
    index = data.draw(st.integers(0, len(messages) - 1))
    for position, message in enumerate(messages):
        sealed, trailer = client.encrypt(message)
        if position != index:
            assert server.decrypt(sealed, trailer) == (message, True)
            continue
        blob = bytearray(sealed + trailer)
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] ^= data.draw(st.integers(1, 255))
        with pytest.raises(Win32Error) as error:
            server.decrypt(bytes(blob[: len(sealed)]), bytes(blob[len(sealed) :]))
        assert _code(error) == SEC_E_MESSAGE_ALTERED
        assert server.decrypt(sealed, trailer) == (message, True)  # the genuine one still


@settings(max_examples=40, deadline=None)
@given(count=st.integers(2, 6), data=st.data())
def test_reordered_messages_are_refused(count: int, data: st.DataObject) -> None:
    client, server = _pair("Kerberos")
    tokens = [client.sign(bytes([n])) for n in range(count)]
    order = data.draw(st.permutations(range(count)))
    expected = 0
    for n in order:
        if n == expected:
            server.verify(bytes([n]), tokens[n])
            expected += 1
        else:
            with pytest.raises(Win32Error) as error:
                server.verify(bytes([n]), tokens[n])
            assert _code(error) == SEC_E_OUT_OF_SEQUENCE


@settings(max_examples=60, deadline=None)
@given(leg=st.sampled_from(["negotiate", "challenge", "authenticate"]), data=st.data())
def test_a_tampered_exchange_never_logs_on(leg: str, data: st.DataObject) -> None:
    """Any changed byte of any leg ends in SEC_E_INVALID_TOKEN or SEC_E_LOGON_DENIED: the
    client's proof covers both first legs as it saw them (as NTLM's MIC does)."""
    client_credentials = services.acquire_credentials("NTLM", outbound=True)
    server_credentials = services.acquire_credentials("NTLM", outbound=False)

    def tamper(token: bytes, this: str) -> bytes:
        if this != leg:
            return token
        blob = bytearray(token)
        blob[data.draw(st.integers(0, len(blob) - 1))] ^= data.draw(st.integers(1, 255))
        return bytes(blob)

    def exchange() -> None:
        client, _, token = services.initialize_context(client_credentials, None, None, 0, None)
        server, _, token = services.accept_context(
            server_credentials, None, 0, tamper(token, "negotiate")
        )
        _, _, token = services.initialize_context(
            client_credentials, client, None, 0, tamper(token, "challenge")
        )
        services.accept_context(server_credentials, server, 0, tamper(token, "authenticate"))

    with pytest.raises(Win32Error) as error:
        exchange()
    assert _code(error) in (SEC_E_INVALID_TOKEN, SEC_E_LOGON_DENIED, SEC_E_SECPKG_NOT_FOUND)


def test_the_users_secret_is_made_once_whoever_asks_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Threads racing to make the secret all read one, kept 0600 in a 0700 directory."""
    from apartment.services import _sspi

    runtime = tmp_path / "runtime"
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(runtime))
    start = threading.Barrier(8)
    secrets: list[bytes] = []
    lock = threading.Lock()

    def read() -> None:
        start.wait(timeout=30)
        secret = _sspi._user_secret()
        with lock:
            secrets.append(secret)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(secrets) == 8 and len(set(secrets)) == 1 and len(secrets[0]) == 32
    assert os.stat(runtime / "sspi" / "secret").st_mode & 0o777 == 0o600
    assert os.stat(runtime / "sspi").st_mode & 0o777 == 0o700
    assert sorted(os.listdir(runtime / "sspi")) == ["secret"]  # no temporary file left
