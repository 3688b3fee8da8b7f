"""pywin32's ``sspi``: the client and the server side of an SSPI exchange, made simple.

:class:`ClientAuth` and :class:`ServerAuth` each hold credentials and a context;
``authorize(token)`` runs one step of the exchange and returns ``(status, PySecBufferDesc)``,
the buffer's first token to be sent to the other side; status 0 (SEC_E_OK) ends it. After
that, ``sign``/``verify``, ``encrypt``/``decrypt`` and GSSAPI-style ``wrap``/``unwrap`` protect
messages, each side counting its own sequence numbers (``next_seq_num``).

Everything here is ``win32security``'s SSPI calls, with pywin32's defaults (integrity,
sequence and replay detection, confidentiality).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import win32security
from ._tables.sspicon import VALUES as _K

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Callable

__all__ = ["ClientAuth", "ServerAuth", "error"]


def _int(name: str) -> int:
    value = _K[name]
    assert isinstance(value, int), name
    return value


_ASC_REQ_CONFIDENTIALITY = _int("ASC_REQ_CONFIDENTIALITY")
_ASC_REQ_INTEGRITY = _int("ASC_REQ_INTEGRITY")
_ASC_REQ_REPLAY_DETECT = _int("ASC_REQ_REPLAY_DETECT")
_ASC_REQ_SEQUENCE_DETECT = _int("ASC_REQ_SEQUENCE_DETECT")
_ISC_REQ_CONFIDENTIALITY = _int("ISC_REQ_CONFIDENTIALITY")
_ISC_REQ_INTEGRITY = _int("ISC_REQ_INTEGRITY")
_ISC_REQ_REPLAY_DETECT = _int("ISC_REQ_REPLAY_DETECT")
_ISC_REQ_SEQUENCE_DETECT = _int("ISC_REQ_SEQUENCE_DETECT")
_SECBUFFER_DATA = _int("SECBUFFER_DATA")
_SECBUFFER_PADDING = _int("SECBUFFER_PADDING")
_SECBUFFER_STREAM = _int("SECBUFFER_STREAM")
_SECBUFFER_TOKEN = _int("SECBUFFER_TOKEN")
_SECPKG_ATTR_NATIVE_NAMES = _int("SECPKG_ATTR_NATIVE_NAMES")
_SECPKG_ATTR_SIZES = _int("SECPKG_ATTR_SIZES")
_SECPKG_CRED_INBOUND = _int("SECPKG_CRED_INBOUND")
_SECPKG_CRED_OUTBOUND = _int("SECPKG_CRED_OUTBOUND")
_SECQOP_WRAP_NO_ENCRYPT = _int("SECQOP_WRAP_NO_ENCRYPT")
_SECURITY_NETWORK_DREP = _int("SECURITY_NETWORK_DREP")
_SEC_I_COMPLETE_AND_CONTINUE = _int("SEC_I_COMPLETE_AND_CONTINUE")
_SEC_I_COMPLETE_NEEDED = _int("SEC_I_COMPLETE_NEEDED")

error = win32security.error


def _token_desc(token: object, size: int) -> win32security.PySecBufferDescType:
    """``token`` (bytes, or a PySecBufferDesc already) as a one-token buffer description."""
    if isinstance(token, win32security.PySecBufferDescType):
        return token
    desc = win32security.PySecBufferDescType()
    buffer = win32security.PySecBufferType(size, _SECBUFFER_TOKEN)
    buffer.Buffer = token
    desc.append(buffer)
    return desc


class _BaseAuth:
    """What both sides share: the context, its state and the message helpers."""

    pkg_info: dict[str, object]
    ctxt: win32security.PyCtxtHandleType | None
    ctxt_attr: int
    ctxt_expiry: _dt.datetime

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the context: the next ``authorize`` starts a new exchange."""
        self.ctxt = None
        self.authenticated = False
        self.initiator_name: str | None = None
        self.service_name: str | None = None
        self.next_seq_num = 0

    def _get_next_seq_num(self) -> int:
        """The sequence number for the next message (a counter; override to change)."""
        number = self.next_seq_num
        self.next_seq_num += 1
        return number

    def _context(self) -> win32security.PyCtxtHandleType:
        if self.ctxt is None:
            raise ValueError("no security context yet: run authorize() first")
        return self.ctxt

    def _sizes(self) -> dict[str, int]:
        return self._context().QueryContextAttributes(_SECPKG_ATTR_SIZES)  # type: ignore[return-value]

    def encrypt(self, data: bytes) -> tuple[bytes, bytes]:
        """Encrypt ``data``: ``(encrypted, trailer)``, for :meth:`decrypt` on the other side."""
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(data), _SECBUFFER_DATA))
        desc.append(
            win32security.PySecBufferType(self._sizes()["SecurityTrailer"], _SECBUFFER_TOKEN)
        )
        desc[0].Buffer = data
        self._context().EncryptMessage(0, desc, self._get_next_seq_num())
        return desc[0].Buffer, desc[1].Buffer

    def decrypt(self, data: bytes, trailer: bytes) -> bytes:
        """The original data of what the other side's :meth:`encrypt` gave."""
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(data), _SECBUFFER_DATA))
        desc.append(win32security.PySecBufferType(len(trailer), _SECBUFFER_TOKEN))
        desc[0].Buffer = data
        desc[1].Buffer = trailer
        self._context().DecryptMessage(desc, self._get_next_seq_num())
        return desc[0].Buffer

    def sign(self, data: bytes) -> bytes:
        """A signature of ``data`` for :meth:`verify` on the other side."""
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(data), _SECBUFFER_DATA))
        desc.append(win32security.PySecBufferType(self._sizes()["MaxSignature"], _SECBUFFER_TOKEN))
        desc[0].Buffer = data
        self._context().MakeSignature(0, desc, self._get_next_seq_num())
        return desc[1].Buffer

    def verify(self, data: bytes, sig: bytes) -> None:
        """Check the other side's signature of ``data``; raises ``error`` if it does not hold."""
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(data), _SECBUFFER_DATA))
        desc.append(win32security.PySecBufferType(len(sig), _SECBUFFER_TOKEN))
        desc[0].Buffer = data
        desc[1].Buffer = sig
        self._context().VerifySignature(desc, self._get_next_seq_num())

    def unwrap(self, token: bytes) -> tuple[bytes, bool]:
        """GSSAPI's unwrap: the data of a :meth:`wrap` token, and whether it was encrypted."""
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(token), _SECBUFFER_STREAM))
        desc[0].Buffer = token
        desc.append(win32security.PySecBufferType(0, _SECBUFFER_DATA))
        qop = self._context().DecryptMessage(desc, self._get_next_seq_num())
        return desc[1].Buffer, qop != _SECQOP_WRAP_NO_ENCRYPT

    def wrap(self, msg: bytes, encrypt: bool = False) -> bytes:
        """GSSAPI's wrap: one token (trailer, data, padding), encrypted if ``encrypt``."""
        sizes = self._sizes()
        desc = win32security.PySecBufferDescType()
        desc.append(win32security.PySecBufferType(len(msg), _SECBUFFER_DATA))
        desc[0].Buffer = msg
        desc.append(win32security.PySecBufferType(sizes["SecurityTrailer"], _SECBUFFER_TOKEN))
        desc.append(win32security.PySecBufferType(sizes["BlockSize"], _SECBUFFER_PADDING))
        qop = 0 if encrypt else _SECQOP_WRAP_NO_ENCRYPT
        self._context().EncryptMessage(qop, desc, self._get_next_seq_num())
        return desc[1].Buffer + desc[0].Buffer + desc[2].Buffer

    def _amend_ctx_name(self) -> None:
        """Note the initiator's and the service's names, where the package gives them."""
        if not self.authenticated:
            raise ValueError("Sec context is not completely authenticated")
        try:
            names = self._context().QueryContextAttributes(_SECPKG_ATTR_NATIVE_NAMES)
        except error:
            return  # NTLM does not name them
        self.initiator_name, self.service_name = names  # type: ignore[misc]

    def _exchange(
        self,
        sec_buffer_in: object,
        call: Callable[
            [win32security.PyCtxtHandleType | None, object, win32security.PySecBufferDescType],
            tuple[int, int, _dt.datetime],
        ],
    ) -> tuple[int, win32security.PySecBufferDescType]:
        """One step of either side: the status and the token out.

        ``call(previous context, token in, output)`` runs the package's step into ``self.ctxt``.
        """
        max_token = int(self.pkg_info["MaxToken"])  # type: ignore[call-overload]
        given = None if sec_buffer_in is None else _token_desc(sec_buffer_in, max_token)
        output = _token_desc(bytes(max_token), max_token)
        previous = self.ctxt
        if self.ctxt is None:
            self.ctxt = win32security.PyCtxtHandleType()
        status, self.ctxt_attr, self.ctxt_expiry = call(previous, given, output)
        if status in (_SEC_I_COMPLETE_NEEDED, _SEC_I_COMPLETE_AND_CONTINUE):
            self._context().CompleteAuthToken(output)
        self.authenticated = status == 0
        if self.authenticated:
            self._amend_ctx_name()
        return status, output


class ClientAuth(_BaseAuth):
    """The client's side: credentials of the running user, or ``auth_info``."""

    def __init__(
        self,
        pkg_name: str,
        client_name: str | None = None,
        auth_info: tuple[str, str, str | None] | None = None,
        targetspn: str | None = None,
        scflags: int | None = None,
        datarep: int = _SECURITY_NETWORK_DREP,
    ) -> None:
        """Acquire outbound credentials for ``pkg_name``.

        Args:
            pkg_name: "NTLM", "Kerberos" or "Negotiate".
            client_name: the user whose credentials are used (None: the running user).
            auth_info: explicit credentials, ``(user, domain, password)``.
            targetspn: the server's name (Kerberos needs it).
            scflags: ISC_REQ_* flags (default: integrity, sequence and replay detection,
                confidentiality).
            datarep: the data representation (SECURITY_NETWORK_DREP).
        """
        if scflags is None:
            scflags = (
                _ISC_REQ_INTEGRITY
                | _ISC_REQ_SEQUENCE_DETECT
                | _ISC_REQ_REPLAY_DETECT
                | _ISC_REQ_CONFIDENTIALITY
            )
        self.scflags = scflags
        self.datarep = datarep
        self.targetspn = targetspn
        self.pkg_info = win32security.QuerySecurityPackageInfo(pkg_name)
        self.credentials, self.credentials_expiry = win32security.AcquireCredentialsHandle(
            client_name, str(self.pkg_info["Name"]), _SECPKG_CRED_OUTBOUND, None, auth_info
        )
        super().__init__()

    def authorize(self, sec_buffer_in: object) -> tuple[int, win32security.PySecBufferDescType]:
        """One client step; pass None first, then each token the server sends."""
        return self._exchange(
            sec_buffer_in,
            lambda previous, given, output: win32security.InitializeSecurityContext(
                self.credentials, previous, self.targetspn, self.scflags, self.datarep, given,
                self.ctxt, output,
            ),
        )  # fmt: skip


class ServerAuth(_BaseAuth):
    """The server's side: inbound credentials of the running user."""

    def __init__(
        self,
        pkg_name: str,
        spn: str | None = None,
        scflags: int | None = None,
        datarep: int = _SECURITY_NETWORK_DREP,
    ) -> None:
        """Acquire inbound credentials for ``pkg_name`` (``spn``: the server's principal)."""
        self.spn = spn
        self.datarep = datarep
        if scflags is None:
            scflags = (
                _ASC_REQ_INTEGRITY
                | _ASC_REQ_SEQUENCE_DETECT
                | _ASC_REQ_REPLAY_DETECT
                | _ASC_REQ_CONFIDENTIALITY
            )
        self.scflags = scflags
        self.pkg_info = win32security.QuerySecurityPackageInfo(pkg_name)
        self.credentials, self.credentials_expiry = win32security.AcquireCredentialsHandle(
            spn, str(self.pkg_info["Name"]), _SECPKG_CRED_INBOUND, None, None
        )
        super().__init__()

    def authorize(self, sec_buffer_in: object) -> tuple[int, win32security.PySecBufferDescType]:
        """One server step: the client's token in, the status and the answer out."""
        return self._exchange(
            sec_buffer_in,
            lambda previous, given, output: win32security.AcceptSecurityContext(
                self.credentials, previous, given, self.scflags, self.datarep, self.ctxt, output
            ),
        )
