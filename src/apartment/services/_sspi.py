"""Security packages (SSPI): a client proves to a server who it is, then they talk privately.

Three packages are offered, named as on Windows: ``NTLM``, ``Kerberos`` and ``Negotiate``
(which, on a workgroup computer with no domain controller, settles on NTLM, as SPNEGO does
there). Each runs the same three-leg exchange, with Windows' statuses:

1. the client (:func:`initialize_context`) sends NEGOTIATE: SEC_I_CONTINUE_NEEDED;
2. the server (:func:`accept_context`) answers CHALLENGE, 16 random bytes:
   SEC_I_CONTINUE_NEEDED;
3. the client sends AUTHENTICATE and is done (SEC_E_OK); the server checks it, SEC_E_OK with
   no token to send back, or SEC_E_LOGON_DENIED.

What proves the client's identity is a secret only its Linux user can read: 32 random bytes
in the user's runtime directory (0700), made by the first process that needs them. The
AUTHENTICATE message carries an HMAC-SHA256, under that secret, of everything both sides
sent; the server, a process of the same user, reads the same secret and checks it. A client
of another Linux user cannot read it: SEC_E_LOGON_DENIED. The session key both sides derive
(HMAC of the challenge and the client's nonce under the secret) never travels.

Explicit credentials (user, domain, password), as validate_password passes them, are checked
LogonUser-style when the server accepts: the user must be the one running the server (on the
local computer: ``""``, ``"."`` or its name as domain), and, if that user has set a logon
password here (:func:`set_logon_password`, kept as a PBKDF2 key in the runtime directory as
Windows keeps an NT hash in the SAM), the password must be it; otherwise SEC_E_LOGON_DENIED.
With no password set, any password of the running user passes, as LogonUser does here (Linux
keeps the real one where only root reads it).

Messages: :meth:`SecurityContext.sign` gives a 16-byte token (version, 8 bytes of
HMAC-SHA256 over the sequence number and the data, the sequence number), as NTLM's signature
is laid out; :meth:`SecurityContext.encrypt` XORs the data with a keystream of SHAKE-256
(SHA-3's extendable output) under a per-direction sealing key and the message's sequence
number, and signs the ciphertext. That is not NTLM's RC4 nor Kerberos' AES on the wire:
only this library's two ends understand each other. Each direction keeps its own sequence
number, counted inside the context (the caller's MessageSeqNo is not used, as NTLM with
extended session security and Kerberos do not use it).
A token for another position in the sequence fails: SEC_E_MESSAGE_ALTERED for NTLM (its
sequence number is inside the checksum), SEC_E_OUT_OF_SEQUENCE for Kerberos (which checks it
apart); altered data or token: SEC_E_MESSAGE_ALTERED. A message that fails does not move the
receiver's sequence on.

Every context has its own lock: two threads may sign and verify on one context at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import struct
import threading
from typing import NamedTuple

from .. import _runtime, kernel
from ..errors import Win32Error

__all__ = [
    "SEC_E_OK",
    "SEC_I_CONTINUE_NEEDED",
    "SEC_E_INVALID_HANDLE",
    "SEC_E_INVALID_TOKEN",
    "SEC_E_LOGON_DENIED",
    "SEC_E_MESSAGE_ALTERED",
    "SEC_E_OUT_OF_SEQUENCE",
    "SEC_E_SECPKG_NOT_FOUND",
    "SEC_E_NOT_OWNER",
    "SEC_E_NO_IMPERSONATION",
    "SEC_E_INCOMPLETE_MESSAGE",
    "SEC_E_BUFFER_TOO_SMALL",
    "SEC_E_TARGET_UNKNOWN",
    "SecurityPackage",
    "MessageSizes",
    "Credentials",
    "SecurityContext",
    "security_packages",
    "security_package",
    "acquire_credentials",
    "initialize_context",
    "accept_context",
    "set_logon_password",
]

SEC_E_OK = 0
SEC_I_CONTINUE_NEEDED = 0x00090312
SEC_E_INVALID_HANDLE = -2146893055  # 0x80090301
SEC_E_TARGET_UNKNOWN = -2146893053  # 0x80090303
SEC_E_SECPKG_NOT_FOUND = -2146893051  # 0x80090305
SEC_E_NOT_OWNER = -2146893050  # 0x80090306
SEC_E_INVALID_TOKEN = -2146893048  # 0x80090308
SEC_E_NO_IMPERSONATION = -2146893045  # 0x8009030B
SEC_E_LOGON_DENIED = -2146893044  # 0x8009030C
SEC_E_MESSAGE_ALTERED = -2146893041  # 0x8009030F
SEC_E_OUT_OF_SEQUENCE = -2146893040  # 0x80090310
SEC_E_INCOMPLETE_MESSAGE = -2146893032  # 0x80090318
SEC_E_BUFFER_TOO_SMALL = -2146893023  # 0x80090321


class SecurityPackage(NamedTuple):
    """A security package as QuerySecurityPackageInfo describes it (Windows 10's values)."""

    name: str
    comment: str
    capabilities: int
    version: int
    rpcid: int
    max_token: int


class MessageSizes(NamedTuple):
    """The sizes of a context's tokens (SECPKG_ATTR_SIZES)."""

    max_token: int
    max_signature: int
    block_size: int
    security_trailer: int


_PACKAGES = (
    SecurityPackage("Negotiate", "Microsoft Package Negotiator", 0x83BB3, 1, 9, 48256),
    SecurityPackage("Kerberos", "Microsoft Kerberos V1.0", 0x8F3BF, 1, 16, 48000),
    SecurityPackage("NTLM", "NTLM Security Package", 0x82B37, 1, 10, 2888),
)
_SIGNATURE = 16  # version (4), checksum (8), sequence number (4)


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error.from_code(code, detail)


def security_packages() -> list[SecurityPackage]:
    """The packages offered (EnumerateSecurityPackages): Negotiate, Kerberos, NTLM."""
    return list(_PACKAGES)


def security_package(name: str) -> SecurityPackage:
    """The package of this name, case-insensitively (QuerySecurityPackageInfo).

    Raises:
        Win32Error: SEC_E_SECPKG_NOT_FOUND for any other name (Schannel, Digest... are not
            offered).
    """
    for package in _PACKAGES:
        if package.name.casefold() == name.casefold():
            return package
    raise _error(
        SEC_E_SECPKG_NOT_FOUND, f"no security package {name!r}: use NTLM, Kerberos or Negotiate"
    )


# --- the user's secret and logon password -------------------------------------------------


def _sspi_dir() -> os.PathLike[str]:
    return _runtime.subdir("sspi")


def _user_secret() -> bytes:
    """The running user's 32-byte secret, made once (atomically) by the first who needs it."""
    path = os.path.join(_sspi_dir(), "secret")
    with contextlib.suppress(FileNotFoundError), open(path, "rb") as file:
        return file.read()
    temporary = f"{path}.{os.getpid()}.{threading.get_native_id()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, secrets.token_bytes(32))
    finally:
        os.close(fd)
    try:
        os.link(temporary, path)  # fails if another process made it first: theirs is kept
    except FileExistsError:
        pass
    finally:
        os.unlink(temporary)
    with open(path, "rb") as file:
        return file.read()


def _password_key(user: str, password: str) -> bytes:
    salt = b"apartment-sspi:" + user.casefold().encode()
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 20_000)


def _password_path() -> str:
    return os.path.join(_sspi_dir(), "password")


def set_logon_password(password: str | None) -> None:
    """Set (None: clear) the password explicit credentials must give for the running user.

    Kept as a PBKDF2 key (0600) in the user's runtime directory, as Windows keeps an NT hash
    in the SAM; with none set, any password of the running user passes.
    """
    path = _password_path()
    if password is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return
    key = _password_key(kernel.user_name(), password)
    temporary = f"{path}.{os.getpid()}.{threading.get_native_id()}"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    os.replace(temporary, path)


def _stored_password_key() -> bytes | None:
    try:
        with open(_password_path(), "rb") as file:
            return file.read()
    except FileNotFoundError:
        return None


# --- tokens ----------------------------------------------------------------------------------

_MAGIC = b"APTSSP1\x00"
_NEGOTIATE, _CHALLENGE, _AUTHENTICATE = 1, 2, 3


def _pack(kind: int, *fields: bytes) -> bytes:
    parts = [_MAGIC, bytes([kind])]
    for field in fields:
        parts.append(struct.pack("<H", len(field)))
        parts.append(field)
    return b"".join(parts)


def _unpack(token: bytes, kind: int, count: int) -> list[bytes]:
    """The fields of a token of ``kind``; SEC_E_INVALID_TOKEN for anything else."""
    if token[: len(_MAGIC)] != _MAGIC or len(token) <= len(_MAGIC) or token[len(_MAGIC)] != kind:
        raise _error(SEC_E_INVALID_TOKEN, f"not a message {kind} of this library's exchange")
    fields, at = [], len(_MAGIC) + 1
    for _ in range(count):
        if at + 2 > len(token):
            raise _error(SEC_E_INVALID_TOKEN, "the token is cut short")
        (size,) = struct.unpack_from("<H", token, at)
        at += 2
        if at + size > len(token):
            raise _error(SEC_E_INVALID_TOKEN, "the token is cut short")
        fields.append(token[at : at + size])
        at += size
    if at != len(token):
        raise _error(SEC_E_INVALID_TOKEN, "the token has bytes past its last field")
    return fields


def _text(field: bytes) -> str:
    try:
        return field.decode()
    except UnicodeDecodeError:
        raise _error(SEC_E_INVALID_TOKEN, "a name in the token is not UTF-8") from None


# --- credentials -----------------------------------------------------------------------------


class Credentials:
    """A credentials handle (AcquireCredentialsHandle): the package, the direction, the user."""

    def __init__(
        self, package: SecurityPackage, outbound: bool, auth: tuple[str, str, str | None] | None
    ) -> None:
        self.package = package
        self.outbound = outbound
        self.auth = auth
        self._freed = False
        self._lock = threading.Lock()

    @property
    def user_name(self) -> str:
        r"""``COMPUTER\user``: the explicit user if one was given, else the running one."""
        if self.auth is not None:
            user, domain, _ = self.auth
            return f"{domain or kernel.computer_name()}\\{user}"
        return f"{kernel.computer_name()}\\{kernel.user_name()}"

    def free(self) -> None:
        """Release the handle (FreeCredentialsHandle); a second release is SEC_E_INVALID_HANDLE."""
        with self._lock:
            if self._freed:
                raise _error(SEC_E_INVALID_HANDLE, "the credentials were freed already")
            self._freed = True

    def check(self) -> None:
        """SEC_E_INVALID_HANDLE if the handle was freed."""
        with self._lock:
            freed = self._freed
        if freed:
            raise _error(SEC_E_INVALID_HANDLE, "the credentials were freed (FreeCredentialsHandle)")


def acquire_credentials(
    package: str,
    *,
    outbound: bool,
    principal: str | None = None,
    auth: tuple[str, str, str | None] | None = None,
) -> Credentials:
    """Credentials of the running user, or explicit ones checked later by the server.

    Raises:
        Win32Error: SEC_E_SECPKG_NOT_FOUND for an unknown package; SEC_E_NOT_OWNER for a
            principal other than the running user (becoming another Linux user takes root).
    """
    found = security_package(package)
    if principal:
        user = principal.rpartition("\\")[2].partition("@")[0]
        if user.casefold() != kernel.user_name().casefold():
            raise _error(
                SEC_E_NOT_OWNER,
                f"only the running user's credentials ({kernel.user_name()!r}) can be had here",
            )
    return Credentials(found, outbound, auth)


# --- contexts --------------------------------------------------------------------------------


class SecurityContext:
    """One side of an authenticated conversation (a CtxtHandle).

    Built by :func:`initialize_context` (the client) or :func:`accept_context` (the server);
    usable for messages once :attr:`complete`.
    """

    def __init__(self, credentials: Credentials, flags: int, target: str | None) -> None:
        self.package = credentials.package
        self.credentials = credentials
        self.flags = flags
        self.target = target
        self.client = credentials.outbound
        self.complete = False
        self.client_user = ""  # COMPUTER\user, once known
        self.server_user = ""
        self._lock = threading.Lock()
        self._state = "new"
        self._transcript = b""
        self._challenge = b""
        self._session_key = b""
        self._send_seq = 0
        self._receive_seq = 0
        self._deleted = False

    # the exchange

    def _check(self) -> None:
        if self._deleted:
            raise _error(SEC_E_INVALID_HANDLE, "the context was deleted (DeleteSecurityContext)")
        self.credentials.check()

    def _client_step(self, token: bytes | None) -> tuple[int, bytes]:
        if self._state == "new":
            if token:
                raise _error(SEC_E_INVALID_TOKEN, "the first call of a client takes no token")
            flags = struct.pack("<I", self.flags & 0xFFFFFFFF)
            out = _pack(
                _NEGOTIATE, self.package.name.encode(), flags, kernel.computer_name().encode()
            )
            self._transcript = out
            self._state = "negotiated"
            return SEC_I_CONTINUE_NEEDED, out
        if self._state != "negotiated" or token is None:
            raise _error(SEC_E_INVALID_TOKEN, "the client expected the server's CHALLENGE")
        package, _flags, challenge, server_user = _unpack(token, _CHALLENGE, 4)
        if len(challenge) != 16:
            raise _error(SEC_E_INVALID_TOKEN, "a CHALLENGE carries 16 bytes")
        chosen = security_package(_text(package))
        if chosen.name != self.package.name and self.package.name != "Negotiate":
            raise _error(
                SEC_E_INVALID_TOKEN, f"a {chosen.name} server for a {self.package.name} client"
            )
        self.package = chosen
        if self.credentials.auth is not None:
            user, domain, password = self.credentials.auth
            password_proof = b""
            if password is not None:
                key = _password_key(user, password)
                password_proof = hmac.new(key, challenge, hashlib.sha256).digest()
        else:
            user, domain, password_proof = kernel.user_name(), kernel.computer_name(), b""
        nonce = secrets.token_bytes(16)
        fields = (
            user.encode(),
            domain.encode(),
            kernel.computer_name().encode(),
            nonce,
            password_proof,
        )
        secret = _user_secret()
        # the proof covers every field with its length: no byte moves from one to another
        proof = hmac.new(
            secret, self._transcript + token + _pack(_AUTHENTICATE, *fields), hashlib.sha256
        )
        out = _pack(_AUTHENTICATE, *fields, proof.digest())
        self._finish(
            secret,
            challenge,
            nonce,
            f"{domain or kernel.computer_name()}\\{user}",
            _text(server_user),
        )
        return SEC_E_OK, out

    def _server_step(self, token: bytes | None) -> tuple[int, bytes]:
        if token is None:
            raise _error(SEC_E_INVALID_TOKEN, "the server takes the client's token")
        if self._state == "new":
            package, flags, _workstation = _unpack(token, _NEGOTIATE, 3)
            if len(flags) != 4:
                raise _error(SEC_E_INVALID_TOKEN, "a NEGOTIATE carries 4 bytes of flags")
            offered = security_package(_text(package))
            if self.package.name == "Negotiate":
                offered = security_package("NTLM") if offered.name == "Negotiate" else offered
            elif offered.name != self.package.name:
                raise _error(
                    SEC_E_INVALID_TOKEN, f"a {offered.name} client for a {self.package.name} server"
                )
            self.package = offered
            self._challenge = secrets.token_bytes(16)
            server_user = f"{kernel.computer_name()}\\{kernel.user_name()}"
            out = _pack(
                _CHALLENGE, offered.name.encode(), flags, self._challenge, server_user.encode()
            )
            self._transcript = token + out
            self._state = "challenged"
            return SEC_I_CONTINUE_NEEDED, out
        if self._state != "challenged":
            raise _error(SEC_E_INVALID_TOKEN, "the server expected the client's AUTHENTICATE")
        *fields, proof = _unpack(token, _AUTHENTICATE, 6)
        user_b, domain_b, _workstation, nonce, password_proof = fields
        user, domain = _text(user_b), _text(domain_b)
        secret = _user_secret()
        body = _pack(_AUTHENTICATE, *fields)
        expected = hmac.new(secret, self._transcript + body, hashlib.sha256)
        self._state = "failed"  # one AUTHENTICATE per context, whatever it gives
        if len(nonce) != 16 or not hmac.compare_digest(expected.digest(), proof):
            raise _error(
                SEC_E_LOGON_DENIED,
                "the client could not prove it is this computer's user (another Linux user?)",
            )
        self._check_logon(user, domain, password_proof)
        self._finish(
            secret,
            self._challenge,
            nonce,
            f"{kernel.computer_name()}\\{kernel.user_name()}",
            f"{kernel.computer_name()}\\{kernel.user_name()}",
        )
        return SEC_E_OK, b""

    def _check_logon(self, user: str, domain: str, password_proof: bytes) -> None:
        if user.casefold() != kernel.user_name().casefold():
            raise _error(
                SEC_E_LOGON_DENIED,
                f"only the running user ({kernel.user_name()!r}) can log on here",
            )
        if domain not in ("", ".") and domain.casefold() != kernel.computer_name().casefold():
            raise _error(
                SEC_E_LOGON_DENIED, f"domain {domain!r} is not this computer (a workgroup computer)"
            )
        stored = _stored_password_key()
        if stored is None or not password_proof:  # no password set, or the user's own logon
            return
        expected = hmac.new(stored, self._challenge, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, password_proof):
            raise _error(SEC_E_LOGON_DENIED, "the password is wrong")

    def _finish(
        self, secret: bytes, challenge: bytes, nonce: bytes, client_user: str, server_user: str
    ) -> None:
        self._session_key = hmac.new(
            secret, b"session" + challenge + nonce, hashlib.sha256
        ).digest()
        self.client_user = client_user
        self.server_user = server_user
        self._state = "complete"
        self.complete = True

    def step(self, token: bytes | None) -> tuple[int, bytes]:
        """Take the peer's token (None: none yet); return the status and the token to send."""
        with self._lock:
            self._check()
            if self.complete:
                raise _error(SEC_E_INVALID_HANDLE, "the context is complete already")
            if self._state == "failed":
                raise _error(SEC_E_INVALID_HANDLE, "the context failed: start a new one")
            return self._client_step(token) if self.client else self._server_step(token)

    # messages

    def _key(self, use: bytes, sending: bool) -> bytes:
        direction = b"c2s" if self.client == sending else b"s2c"
        return hmac.new(self._session_key, use + b" " + direction, hashlib.sha256).digest()

    def _ready(self) -> None:
        self._check()
        if not self.complete:
            raise _error(
                SEC_E_INVALID_HANDLE, "the context is not complete: finish the exchange first"
            )

    def _checksum(self, version: int, seq: int, data: bytes, sending: bool) -> bytes:
        mac = hmac.new(
            self._key(b"sign", sending), struct.pack("<II", version, seq) + data, hashlib.sha256
        )
        return struct.pack("<I8sI", version, mac.digest()[:8], seq)

    def _keystream_xor(self, data: bytes, seq: int, sending: bool) -> bytes:
        key = self._key(b"seal", sending)
        # SHAKE-256 (SHA-3's extendable output) as a stream cipher: one keystream per message
        stream = hashlib.shake_256(key + struct.pack("<I", seq)).digest(len(data))
        mixed = int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")
        return mixed.to_bytes(len(data), "little")

    def _check_token(self, version: int, data: bytes, token: bytes) -> None:
        """Check a received token against the next sequence number; move it on if good."""
        if len(token) < _SIGNATURE:
            raise _error(SEC_E_MESSAGE_ALTERED, f"a signature takes {_SIGNATURE} bytes")
        token = token[:_SIGNATURE]
        (seq,) = struct.unpack_from("<I", token, 12)
        if self.package.name == "Kerberos":
            if not hmac.compare_digest(self._checksum(version, seq, data, False), token):
                raise _error(SEC_E_MESSAGE_ALTERED, "the message or its signature was changed")
            if seq != self._receive_seq:
                raise _error(
                    SEC_E_OUT_OF_SEQUENCE, f"message {seq} where {self._receive_seq} was next"
                )
        elif not hmac.compare_digest(
            self._checksum(version, self._receive_seq, data, False), token
        ):
            raise _error(
                SEC_E_MESSAGE_ALTERED,
                "the message, its signature or its place in the sequence changed",
            )
        self._receive_seq += 1

    def sign(self, data: bytes) -> bytes:
        """A 16-byte signature of ``data``, the next in this side's sequence (MakeSignature)."""
        with self._lock:
            self._ready()
            token = self._checksum(1, self._send_seq, data, True)
            self._send_seq += 1
            return token

    def verify(self, data: bytes, signature: bytes) -> None:
        """Check the peer's next signature (VerifySignature).

        Raises:
            Win32Error: SEC_E_MESSAGE_ALTERED, or SEC_E_OUT_OF_SEQUENCE (Kerberos).
        """
        with self._lock:
            self._ready()
            self._check_token(1, data, signature)

    def encrypt(self, data: bytes, *, seal: bool = True) -> tuple[bytes, bytes]:
        """The data encrypted and its 16-byte trailer (EncryptMessage).

        ``seal=False`` (SECQOP_WRAP_NO_ENCRYPT) only signs; Kerberos alone honours it, NTLM
        encrypts anyway, as on Windows.
        """
        with self._lock:
            self._ready()
            seq = self._send_seq
            if seal or self.package.name != "Kerberos":
                data = self._keystream_xor(data, seq, True)
                trailer = self._checksum(2, seq, data, True)
            else:
                trailer = self._checksum(1, seq, data, True)
            self._send_seq += 1
            return data, trailer

    def decrypt(self, data: bytes, trailer: bytes) -> tuple[bytes, bool]:
        """The peer's next message decrypted, and whether it was encrypted (DecryptMessage).

        Raises:
            Win32Error: SEC_E_MESSAGE_ALTERED, or SEC_E_OUT_OF_SEQUENCE (Kerberos).
        """
        with self._lock:
            self._ready()
            sealed = trailer[:4] != struct.pack("<I", 1)
            seq = self._receive_seq
            self._check_token(2 if sealed else 1, data, trailer)
            if not sealed:
                return data, False
            return self._keystream_xor(data, seq, False), True

    # what the context tells

    @property
    def sizes(self) -> MessageSizes:
        """The token sizes (SECPKG_ATTR_SIZES): the trailer and the signature are 16 bytes."""
        return MessageSizes(self.package.max_token, _SIGNATURE, 0, _SIGNATURE)

    @property
    def session_key(self) -> bytes:
        """The 32-byte key both sides derived (SECPKG_ATTR_SESSION_KEY)."""
        with self._lock:
            self._ready()
            return self._session_key

    def client_token(self) -> kernel.Token:
        """A new primary token of the client's user, for a server (QuerySecurityContextToken).

        Raises:
            Win32Error: SEC_E_NO_IMPERSONATION on a client's context.
        """
        with self._lock:
            self._ready()
            if self.client:
                raise _error(
                    SEC_E_NO_IMPERSONATION, "only a server's context stands for its client"
                )
        return kernel.logon_user(kernel.user_name(), None, None)

    def delete(self) -> None:
        """End the context (DeleteSecurityContext); its handle is invalid afterwards."""
        with self._lock:
            self._check()
            self._deleted = True


def initialize_context(
    credentials: Credentials,
    context: SecurityContext | None,
    target: str | None,
    flags: int,
    token: bytes | None,
) -> tuple[SecurityContext, int, bytes]:
    """One step of the client (InitializeSecurityContext): context, status, token to send.

    The first call (``context`` None) makes the context; the second takes the server's
    CHALLENGE and gives SEC_E_OK.

    Raises:
        Win32Error: SEC_E_INVALID_TOKEN for a token out of place; SEC_E_TARGET_UNKNOWN for
            Kerberos with no target name; SEC_E_INVALID_HANDLE for freed credentials.
    """
    credentials.check()
    if not credentials.outbound:
        raise _error(SEC_E_NOT_OWNER, "the credentials are for accepting (SECPKG_CRED_INBOUND)")
    if context is None:
        if credentials.package.name == "Kerberos" and not target:
            raise _error(SEC_E_TARGET_UNKNOWN, "Kerberos needs the server's name (targetspn)")
        context = SecurityContext(credentials, flags, target)
    status, out = context.step(token)
    return context, status, out


def accept_context(
    credentials: Credentials, context: SecurityContext | None, flags: int, token: bytes | None
) -> tuple[SecurityContext, int, bytes]:
    """One step of the server (AcceptSecurityContext): context, status, token to send.

    Raises:
        Win32Error: SEC_E_INVALID_TOKEN for a token out of place; SEC_E_LOGON_DENIED when the
            client does not prove it is the running user (or gives a wrong password).
    """
    credentials.check()
    if credentials.outbound:
        raise _error(SEC_E_NOT_OWNER, "the credentials are for initiating (SECPKG_CRED_OUTBOUND)")
    if context is None:
        context = SecurityContext(credentials, flags, None)
    status, out = context.step(token)
    return context, status, out
