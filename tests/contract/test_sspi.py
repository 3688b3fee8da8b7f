"""Contract: SSPI in win32security (buffers, packages, credentials, the exchange).

Wine answers for the buffers and the package table; Wine's NTLM needs Samba's ntlm_auth
(not installed with the oracle: QuerySecurityPackageInfo("NTLM") gives
SEC_E_SECPKG_NOT_FOUND there) and its Kerberos a KDC (AcquireCredentialsHandle gives
SEC_E_NO_CREDENTIALS), so the exchange is Windows' rule, marked where Wine differs. Wine also
crashes on a context handle never initialized (QueryContextAttributes, MakeSignature...):
those calls are not made here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import sspicon
import win32api
import win32security

from ._wine import wine_differs

_NO_NTLM = "Wine's NTLM needs Samba's ntlm_auth, which the oracle has not: SEC_E_SECPKG_NOT_FOUND"


def failure(call: Any, *args: Any) -> int:
    with pytest.raises(win32security.error) as error:
        call(*args)
    return int(error.value.winerror)


def test_a_buffer_holds_bytes_up_to_its_size() -> None:
    buffer = win32security.PySecBufferType(10, sspicon.SECBUFFER_DATA)
    assert (buffer.BufferSize, buffer.MaxBufferSize, buffer.BufferType) == (10, 10, 1)
    assert buffer.Buffer == bytes(10)
    buffer.Buffer = b"abc"
    assert (buffer.BufferSize, buffer.MaxBufferSize, buffer.Buffer) == (3, 10, b"abc")
    buffer.Buffer = bytearray(b"qq")
    assert buffer.Buffer == b"qq"
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'str'"):
        buffer.Buffer = "xyz"
    with pytest.raises(TypeError, match="Buffer cannot be None"):
        buffer.Buffer = None
    with pytest.raises(
        ValueError, match=r"Data size \(11\) greater than allocated buffer size \(10\)"
    ):
        buffer.Buffer = b"x" * 11
    buffer.Clear()
    assert (buffer.BufferSize, buffer.Buffer) == (10, bytes(10))
    buffer.BufferType = 3
    assert buffer.BufferType == 3


def test_a_buffer_description_lists_buffers() -> None:
    desc = win32security.PySecBufferDescType()
    assert (desc.Version, len(desc)) == (0, 0)
    assert re.fullmatch(
        r"PySecBufferDesc\(ulVersion: 0 \| cBuffers: 0 \| pBuffers: 0x[\dA-F]{16}\)", repr(desc)
    )
    token = win32security.PySecBufferType(0, sspicon.SECBUFFER_TOKEN)
    assert re.fullmatch(
        r"PySecBuffer\(cbBuffer: 0 \| BufferType: 2 \| pvBuffer: 0x0{16}\)", repr(token)
    )
    desc.append(token)
    assert len(desc) == 1 and desc[0] is token and desc[-1] is token and list(desc) == [token]
    with pytest.raises(IndexError, match="Index specified larger than number of allocated buffers"):
        desc[1]
    with pytest.raises(TypeError, match="Object must be a PySecBuffer"):
        desc.append(5)
    assert win32security.PySecBufferDescType(2).Version == 2
    assert win32security.PySecBufferType(BufferSize=3, BufferType=1).BufferSize == 3
    assert not hasattr(desc, "Buffer")


def test_an_unknown_package_is_not_found() -> None:
    assert failure(win32security.QuerySecurityPackageInfo, "nope") == sspicon.SEC_E_SECPKG_NOT_FOUND
    assert (
        failure(
            win32security.AcquireCredentialsHandle, None, "nope", sspicon.SECPKG_CRED_OUTBOUND,
            None, None,
        )
        == sspicon.SEC_E_SECPKG_NOT_FOUND
    )  # fmt: skip


def test_the_negotiate_package_is_described() -> None:
    info = win32security.QuerySecurityPackageInfo("Negotiate")
    assert info == {
        "Capabilities": 0x83BB3, "Version": 1, "RPCID": 9, "MaxToken": info["MaxToken"],
        "Name": "Negotiate", "Comment": "Microsoft Package Negotiator",
    }  # fmt: skip
    names = [package["Name"] for package in win32security.EnumerateSecurityPackages()]
    assert {"Negotiate", "Kerberos"} <= set(names)


def test_auth_data_is_three_strings() -> None:
    with pytest.raises(TypeError, match=r"AuthData must be a tuple of 3 strings \(or None\)"):
        win32security.AcquireCredentialsHandle(
            None, "Kerberos", sspicon.SECPKG_CRED_OUTBOUND, None, ("a", "b")
        )


def test_an_uninitialized_handle_detaches_as_minus_one() -> None:
    assert win32security.PyCtxtHandleType().Detach() == -1
    assert win32security.PyCredHandleType().Detach() == -1


def _exchange() -> tuple[Any, Any, list[int]]:
    """An NTLM exchange in one process: the client's and the server's contexts, the statuses."""
    client_credentials, _ = win32security.AcquireCredentialsHandle(
        None, "NTLM", sspicon.SECPKG_CRED_OUTBOUND, None, None
    )
    server_credentials, _ = win32security.AcquireCredentialsHandle(
        None, "NTLM", sspicon.SECPKG_CRED_INBOUND, None, None
    )
    client, server = win32security.PyCtxtHandleType(), win32security.PyCtxtHandleType()
    statuses, token, client_in, server_in = [], None, None, None
    for _ in range(2):
        output = win32security.PySecBufferDescType()
        output.append(win32security.PySecBufferType(12000, sspicon.SECBUFFER_TOKEN))
        status, _, _ = win32security.InitializeSecurityContext(
            client_credentials, client_in, None, 0, sspicon.SECURITY_NATIVE_DREP, token,
            client, output,
        )  # fmt: skip
        client_in, token = client, output
        statuses.append(status)
        output = win32security.PySecBufferDescType()
        output.append(win32security.PySecBufferType(12000, sspicon.SECBUFFER_TOKEN))
        status, _, _ = win32security.AcceptSecurityContext(
            server_credentials, server_in, token, 0, sspicon.SECURITY_NATIVE_DREP, server, output
        )
        server_in, token = server, output
        statuses.append(status)
    return client, server, statuses


@wine_differs(_NO_NTLM)
def test_ntlm_takes_three_legs_and_names_the_client() -> None:
    client, server, statuses = _exchange()
    continued = sspicon.SEC_I_CONTINUE_NEEDED
    assert statuses == [continued, continued, sspicon.SEC_E_OK, sspicon.SEC_E_OK]
    name = server.QueryContextAttributes(sspicon.SECPKG_ATTR_NAMES)
    assert name.rpartition("\\")[2].casefold() == win32api.GetUserName().casefold()
    sizes = client.QueryContextAttributes(sspicon.SECPKG_ATTR_SIZES)
    assert (sizes["MaxSignature"], sizes["SecurityTrailer"]) == (16, 16)


@wine_differs(_NO_NTLM)
def test_ntlm_signatures_fail_when_altered() -> None:
    client, server, _ = _exchange()
    message = win32security.PySecBufferDescType()
    message.append(win32security.PySecBufferType(5, sspicon.SECBUFFER_DATA))
    message.append(win32security.PySecBufferType(16, sspicon.SECBUFFER_TOKEN))
    message[0].Buffer = b"hello"
    client.MakeSignature(0, message, 0)
    assert len(message[1].Buffer) == 16
    message[0].Buffer = b"hellO"
    assert failure(server.VerifySignature, message, 0) == sspicon.SEC_E_MESSAGE_ALTERED
    message[0].Buffer = b"hello"
    assert server.VerifySignature(message, 0) == 0


@wine_differs(_NO_NTLM)
def test_ntlm_a_replayed_message_is_refused() -> None:
    client, server, _ = _exchange()
    message = win32security.PySecBufferDescType()
    message.append(win32security.PySecBufferType(3, sspicon.SECBUFFER_DATA))
    message.append(win32security.PySecBufferType(16, sspicon.SECBUFFER_TOKEN))
    message[0].Buffer = b"one"
    client.EncryptMessage(0, message, 0)
    sealed, trailer = message[0].Buffer, message[1].Buffer
    assert server.DecryptMessage(message, 0) == 0 and message[0].Buffer == b"one"
    message[0].Buffer, message[1].Buffer = sealed, trailer
    assert failure(server.DecryptMessage, message, 1) == sspicon.SEC_E_MESSAGE_ALTERED
