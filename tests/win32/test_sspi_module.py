"""pywin32's sspi module on the facade: the helpers over win32security's SSPI."""

from __future__ import annotations

import pytest

from apartment import kernel
from apartment.services import SEC_E_INVALID_HANDLE, SEC_E_LOGON_DENIED
from apartment.win32 import sspi, win32security
from apartment.win32._security_sspi import PyCtxtHandle


def _auth(
    package: str = "NTLM", auth_info: tuple[str, str, str | None] | None = None
) -> tuple[sspi.ClientAuth, sspi.ServerAuth]:
    client = sspi.ClientAuth(package, auth_info=auth_info, targetspn=kernel.user_name())
    server = sspi.ServerAuth(package)
    token, status = None, 1
    while status != 0:
        status, token = client.authorize(token)
        status, token = server.authorize(token)
    return client, server


def test_both_sides_end_authenticated() -> None:
    client, server = _auth()
    assert client.authenticated and server.authenticated
    assert server.initiator_name is None  # NTLM does not give native names
    assert isinstance(server.ctxt, PyCtxtHandle)


def test_kerberos_gives_native_names() -> None:
    _, server = _auth("Kerberos")
    principal = f"{kernel.user_name()}@{kernel.computer_name().upper()}"
    assert (server.initiator_name, server.service_name) == (principal, principal)


def test_wrap_encrypts_only_when_asked_with_kerberos() -> None:
    client, server = _auth("Kerberos")
    assert server.unwrap(client.wrap(b"data")) == (b"data", False)
    assert client.unwrap(server.wrap(b"data", encrypt=True)) == (b"data", True)
    client, server = _auth("NTLM")
    assert server.unwrap(client.wrap(b"data")) == (b"data", True)  # NTLM always encrypts


def test_a_wrong_user_is_denied_by_the_server() -> None:
    with pytest.raises(win32security.error) as error:
        _auth(auth_info=("nobody-else", "", "pw"))
    assert error.value.args[:2] == (SEC_E_LOGON_DENIED, "AcceptSecurityContext")


def test_a_deleted_context_is_an_invalid_handle() -> None:
    client, _ = _auth()
    assert client.ctxt is not None
    client.ctxt.DeleteSecurityContext()
    with pytest.raises(win32security.error) as error:
        client.sign(b"x")
    assert error.value.winerror == SEC_E_INVALID_HANDLE


def test_the_server_impersonates_its_client_and_gets_its_token() -> None:
    _, server = _auth()
    assert server.ctxt is not None
    server.ctxt.ImpersonateSecurityContext()
    try:
        assert kernel.thread_user_name(kernel.current_thread()) == kernel.user_name()
    finally:
        server.ctxt.RevertSecurityContext()
    token = server.ctxt.QuerySecurityContextToken()
    assert int(token)
    token.Close()


def test_credentials_name_their_user() -> None:
    client, _ = _auth()
    name = client.credentials.QueryCredentialsAttributes(1)  # SECPKG_CRED_ATTR_NAMES
    assert name == f"{kernel.computer_name()}\\{kernel.user_name()}"
    client.credentials.FreeCredentialsHandle()
    with pytest.raises(win32security.error) as error:
        client.credentials.FreeCredentialsHandle()
    assert error.value.winerror == SEC_E_INVALID_HANDLE


def test_errors_carry_windows_messages() -> None:
    with pytest.raises(win32security.error) as error:
        _auth(auth_info=("nobody-else", "", "pw"))
    assert error.value.strerror == "The logon attempt failed"
