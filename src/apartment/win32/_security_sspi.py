"""pywin32's SSPI in ``win32security``: buffers, credential and context handles, the exchange.

``win32security`` re-exports every name here. Each function converts its arguments, calls
``apartment.services`` (``acquire_credentials``, ``initialize_context``, ``accept_context``,
a context's ``sign``/``verify``/``encrypt``/``decrypt``) and writes the result back into the
caller's buffers, as SSPI writes into the caller's memory. The packages are this library's
own (services/_sspi.py says what they are, and what they are not: NTLM's and Kerberos' wire
formats are not spoken).
"""

from __future__ import annotations

import datetime as _dt
import operator
from typing import TYPE_CHECKING

from .. import kernel, services
from ..errors import Win32Error
from ._adapt import api, dword
from ._handles import new_handle
from ._timeconv import filetime_to_datetime

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._handles import PyHANDLE

__all__ = [
    "PySecBufferType", "PySecBufferDescType", "PyCredHandleType", "PyCtxtHandleType",
    "SecBufferType", "SecBufferDescType", "CredHandleType", "CtxtHandleType",
    "AcquireCredentialsHandle", "InitializeSecurityContext", "AcceptSecurityContext",
    "QuerySecurityPackageInfo", "EnumerateSecurityPackages",
]  # fmt: skip

_SECBUFFER_DATA = 1
_SECBUFFER_TOKEN = 2
_SECBUFFER_PADDING = 9
_SECBUFFER_STREAM = 10
_TYPE_MASK = 0x0FFFFFFF  # without SECBUFFER_READONLY and the other attribute bits
_SECPKG_CRED_INBOUND = 1
_SECPKG_CRED_OUTBOUND = 2
_SECQOP_WRAP_NO_ENCRYPT = 0x80000001
# what a context can give: delegate, mutual auth, replay and sequence detection,
# confidentiality, allocated memory, connection, integrity (the ISC_RET_/ASC_RET_ bits)
_ISC_SUPPORTED = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x100 | 0x800 | 0x10000
_ASC_SUPPORTED = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x100 | 0x800 | 0x20000
_NEVER = filetime_to_datetime(0x7FFFFFFFFFFFFFFF)  # SSPI's "never expires"
_TOKEN_ACCESS = 0xF01FF  # TOKEN_ALL_ACCESS

# SECPKG_ATTR_*
_ATTR_SIZES, _ATTR_NAMES, _ATTR_LIFESPAN = 0, 1, 2
_ATTR_SESSION_KEY, _ATTR_PACKAGE_INFO = 9, 10
_ATTR_NEGOTIATION_INFO, _ATTR_NATIVE_NAMES, _ATTR_FLAGS = 12, 13, 14
_ATTR_ACCESS_TOKEN = 18
_SECPKG_CRED_ATTR_NAMES = 1
_SEC_E_UNSUPPORTED_FUNCTION = -2146893054  # 0x80090302


class PySecBuffer:
    """One SecBuffer: a type and a fixed-size block of memory (``MaxBufferSize``)."""

    def __init__(self, BufferSize: int, BufferType: int) -> None:
        self._max = operator.index(BufferSize)
        self.BufferSize = self._max
        self.BufferType = operator.index(BufferType)
        self._data = bytes(max(self._max, 0))

    @property
    def MaxBufferSize(self) -> int:
        """The size the buffer was made with."""
        return self._max

    @property
    def Buffer(self) -> bytes:
        """The first ``BufferSize`` bytes."""
        return self._data[: max(self.BufferSize, 0)]

    @Buffer.setter
    def Buffer(self, value: object) -> None:
        if value is None:
            raise TypeError("Buffer cannot be None")
        try:
            data = bytes(memoryview(value))  # type: ignore[arg-type]
        except TypeError:
            kind = type(value).__name__
            raise TypeError(f"a bytes-like object is required, not '{kind}'") from None
        if len(data) > self._max:
            raise ValueError(
                f"Data size ({len(data)}) greater than allocated buffer size ({self._max})"
            )
        self._fill(data)

    def _fill(self, data: bytes) -> None:
        """What SSPI writes: the data, whatever the buffer's size (a stream's part)."""
        self._data = data
        self.BufferSize = len(data)

    def Clear(self) -> None:
        """Zero the buffer and give it back its whole size."""
        self._data = bytes(max(self._max, 0))
        self.BufferSize = self._max

    def __repr__(self) -> str:
        address = 0 if self._max == 0 else id(self) + 64
        return (
            f"PySecBuffer(cbBuffer: {self.BufferSize} | BufferType: {self.BufferType} | "
            f"pvBuffer: 0x{address:016X})"
        )


class PySecBufferDesc:
    """A SecBufferDesc: a version and a list of PySecBuffers."""

    def __init__(self, Version: int = 0) -> None:
        self.Version = operator.index(Version)
        self._buffers: list[PySecBuffer] = []

    def append(self, buffer: object, /) -> None:
        """Add a buffer."""
        if not isinstance(buffer, PySecBuffer):
            raise TypeError("Object must be a PySecBuffer")
        self._buffers.append(buffer)

    def __len__(self) -> int:
        return len(self._buffers)

    def __getitem__(self, index: int) -> PySecBuffer:
        position = operator.index(index)
        if position >= len(self._buffers) or position < -len(self._buffers):
            raise IndexError("Index specified larger than number of allocated buffers")
        return self._buffers[position]

    def __iter__(self) -> Iterator[PySecBuffer]:
        return iter(list(self._buffers))

    def __repr__(self) -> str:
        return (
            f"PySecBufferDesc(ulVersion: {self.Version} | cBuffers: {len(self._buffers)} | "
            f"pBuffers: 0x{id(self._buffers):016X})"
        )

    def _of_type(self, kind: int) -> list[PySecBuffer]:
        return [buffer for buffer in self._buffers if buffer.BufferType & _TYPE_MASK == kind]


def _desc(value: object, what: str) -> PySecBufferDesc:
    if not isinstance(value, PySecBufferDesc):
        raise TypeError(f"{what} must be a PySecBufferDesc")
    return value


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error.from_code(code, detail)


def _one(desc: PySecBufferDesc, kind: int, what: str) -> PySecBuffer:
    buffers = desc._of_type(kind)
    if not buffers:
        raise _error(services.SEC_E_INVALID_TOKEN, f"the message has no {what} buffer")
    return buffers[0]


class PyCredHandle:
    """A credentials handle (CredHandle); AcquireCredentialsHandle gives a working one."""

    def __init__(self) -> None:
        self._credentials: services.Credentials | None = None

    def _get(self) -> services.Credentials:
        if self._credentials is None:
            raise _error(services.SEC_E_INVALID_HANDLE, "the credentials handle is not valid")
        return self._credentials

    @api("FreeCredentialsHandle")
    def FreeCredentialsHandle(self) -> None:
        """Release the credentials; the handle is invalid afterwards."""
        self._get().free()
        self._credentials = None

    def Detach(self) -> int:
        """Give up the handle (it is no longer freed with the object): its value."""
        value = -1 if self._credentials is None else id(self._credentials)
        self._credentials = None
        return value

    @api("QueryCredentialsAttributes")
    def QueryCredentialsAttributes(self, Attribute: int, /) -> str:
        r"""SECPKG_CRED_ATTR_NAMES: the user the credentials stand for (``COMPUTER\user``)."""
        credentials = self._get()
        if operator.index(Attribute) != _SECPKG_CRED_ATTR_NAMES:
            raise NotImplementedError("Attribute is not supported yet")
        return credentials.user_name


class PyCtxtHandle:
    """A security context handle (CtxtHandle), bound by Initialize/AcceptSecurityContext."""

    def __init__(self) -> None:
        self._context: services.SecurityContext | None = None

    def _get(self) -> services.SecurityContext:
        if self._context is None:
            raise _error(services.SEC_E_INVALID_HANDLE, "the context handle is not valid")
        return self._context

    def Detach(self) -> int:
        """Give up the handle (it is no longer deleted with the object): its value."""
        value = -1 if self._context is None else id(self._context)
        self._context = None
        return value

    @api("DeleteSecurityContext")
    def DeleteSecurityContext(self) -> None:
        """End the context; the handle is invalid afterwards."""
        self._get().delete()
        self._context = None

    @api("CompleteAuthToken")
    def CompleteAuthToken(self, Token: object, /) -> None:
        """Nothing to complete: these packages never ask for it (SEC_I_COMPLETE_NEEDED)."""
        _desc(Token, "Token")
        self._get()

    @api("MakeSignature")
    def MakeSignature(self, fqop: int, Message: object, MessageSeqNo: int, /) -> None:
        """Sign the data buffers into the token buffer (the sequence is the context's)."""
        dword(fqop), dword(MessageSeqNo)
        desc = _desc(Message, "Message")
        token = _one(desc, _SECBUFFER_TOKEN, "SECBUFFER_TOKEN")
        data = b"".join(buffer.Buffer for buffer in desc._of_type(_SECBUFFER_DATA))
        signature = self._get().sign(data)
        if token.MaxBufferSize < len(signature):
            raise _error(services.SEC_E_BUFFER_TOO_SMALL, "the token buffer takes 16 bytes")
        token._fill(signature)

    @api("VerifySignature")
    def VerifySignature(self, Message: object, MessageSeqNo: int, /) -> int:
        """Check the token buffer against the data buffers; the quality of protection (0)."""
        dword(MessageSeqNo)
        desc = _desc(Message, "Message")
        token = _one(desc, _SECBUFFER_TOKEN, "SECBUFFER_TOKEN")
        data = b"".join(buffer.Buffer for buffer in desc._of_type(_SECBUFFER_DATA))
        self._get().verify(data, token.Buffer)
        return 0

    @api("EncryptMessage")
    def EncryptMessage(self, fqop: int, Message: object, MessageSeqNo: int, /) -> None:
        """Encrypt the data buffer in place; its trailer goes to the token buffer."""
        dword(MessageSeqNo)
        desc = _desc(Message, "Message")
        data_buffer = _one(desc, _SECBUFFER_DATA, "SECBUFFER_DATA")
        token = _one(desc, _SECBUFFER_TOKEN, "SECBUFFER_TOKEN")
        seal = dword(fqop) != _SECQOP_WRAP_NO_ENCRYPT
        data, trailer = self._get().encrypt(data_buffer.Buffer, seal=seal)
        if token.MaxBufferSize < len(trailer):
            raise _error(services.SEC_E_BUFFER_TOO_SMALL, "the token buffer takes 16 bytes")
        data_buffer._fill(data)
        token._fill(trailer)
        for padding in desc._of_type(_SECBUFFER_PADDING):
            padding._fill(b"")  # a stream cipher: no padding

    @api("DecryptMessage")
    def DecryptMessage(self, Message: object, MessageSeqNo: int, /) -> int:
        """Decrypt in place (a data and a token buffer, or a stream); the quality of protection.

        A SECBUFFER_STREAM holds the trailer then the data; the plaintext goes to the data
        buffer.
        """
        dword(MessageSeqNo)
        desc = _desc(Message, "Message")
        context = self._get()
        streams = desc._of_type(_SECBUFFER_STREAM)
        data_buffer = _one(desc, _SECBUFFER_DATA, "SECBUFFER_DATA")
        if streams:
            stream = streams[0].Buffer
            if len(stream) < context.sizes.security_trailer:
                raise _error(services.SEC_E_INCOMPLETE_MESSAGE, "the stream is short of a trailer")
            size = context.sizes.security_trailer
            trailer, data = stream[:size], stream[size:]
        else:
            trailer = _one(desc, _SECBUFFER_TOKEN, "SECBUFFER_TOKEN").Buffer
            data = data_buffer.Buffer
        plain, sealed = context.decrypt(data, trailer)
        data_buffer._fill(plain)
        return 0 if sealed else _SECQOP_WRAP_NO_ENCRYPT - 2**32  # a C long, as pywin32 gives it

    @api("QueryContextAttributes")
    def QueryContextAttributes(self, Attribute: int, /) -> object:
        """What a context tells: sizes, names, package, session key, flags, token..."""
        context = self._get()
        attribute = operator.index(Attribute)
        if attribute == _ATTR_SIZES:
            sizes = context.sizes
            return {
                "MaxToken": sizes.max_token,
                "MaxSignature": sizes.max_signature,
                "BlockSize": sizes.block_size,
                "SecurityTrailer": sizes.security_trailer,
            }
        if attribute == _ATTR_PACKAGE_INFO:
            return _package_info(context.package)
        if attribute == _ATTR_FLAGS:
            return context.flags & (_ISC_SUPPORTED if context.client else _ASC_SUPPORTED)
        if not context.complete:
            raise _error(_SEC_E_UNSUPPORTED_FUNCTION, "the exchange is not finished")
        if attribute == _ATTR_NAMES:
            return context.client_user
        if attribute == _ATTR_NATIVE_NAMES and context.package.name == "Kerberos":
            return (_principal(context.client_user), _principal(context.server_user))
        if attribute == _ATTR_SESSION_KEY:
            return context.session_key
        if attribute == _ATTR_LIFESPAN:
            return (_dt.datetime.now(_dt.timezone.utc), _NEVER)
        if attribute == _ATTR_NEGOTIATION_INFO:
            return (0, _package_info(context.package))  # SECPKG_NEGOTIATION_COMPLETE
        if attribute == _ATTR_ACCESS_TOKEN:
            return new_handle(context.client_token(), _TOKEN_ACCESS)
        raise _error(_SEC_E_UNSUPPORTED_FUNCTION, f"attribute {attribute} is not offered here")

    @api("QuerySecurityContextToken")
    def QuerySecurityContextToken(self) -> PyHANDLE:
        """A token of the client's user (a server's context)."""
        return new_handle(self._get().client_token(), _TOKEN_ACCESS)

    @api("ImpersonateSecurityContext")
    def ImpersonateSecurityContext(self) -> None:
        """Make the calling thread act as the client (a server's context), until Revert."""
        token = self._get().client_token()
        kernel.impersonate_token(kernel.current_thread(), token)

    @api("RevertSecurityContext")
    def RevertSecurityContext(self) -> None:
        """End the calling thread's impersonation of the client."""
        self._get()
        kernel.revert_to_self(kernel.current_thread())


def _principal(name: str) -> str:
    r"""``COMPUTER\user`` as Kerberos names it: ``user@COMPUTER``."""
    domain, _, user = name.rpartition("\\")
    return f"{user}@{domain.upper()}"


def _package_info(package: services.SecurityPackage) -> dict[str, object]:
    return {"Capabilities": package.capabilities, "Version": package.version,
            "RPCID": package.rpcid, "MaxToken": package.max_token, "Name": package.name,
            "Comment": package.comment}  # fmt: skip


@api("QuerySecurityPackageInfo")
def QuerySecurityPackageInfo(PackageName: str, /) -> dict[str, object]:
    """A package's description; SEC_E_SECPKG_NOT_FOUND for a package not offered."""
    if not isinstance(PackageName, str):
        raise TypeError("PackageName must be a string")
    return _package_info(services.security_package(PackageName))


@api("EnumerateSecurityPackages")
def EnumerateSecurityPackages() -> tuple[dict[str, object], ...]:
    """The packages offered: Negotiate, Kerberos, NTLM."""
    return tuple(_package_info(package) for package in services.security_packages())


def _auth_data(value: object) -> tuple[str, str, str | None] | None:
    if value is None:
        return None
    message = "AuthData must be a tuple of 3 strings (or None): (User, Domain, Password)"
    if not isinstance(value, tuple) or len(value) != 3:
        raise TypeError(message)
    user, domain, password = value
    if not all(part is None or isinstance(part, str) for part in value):
        raise TypeError(message)
    return (user or "", domain or "", password)


@api("AcquireCredentialsHandle")
def AcquireCredentialsHandle(
    Principal: str | None,
    Package: str,
    CredentialUse: int,
    LogonID: object,
    AuthData: object,
    /,
) -> tuple[PyCredHandle, _dt.datetime]:
    """Credentials for one direction (SECPKG_CRED_OUTBOUND: a client; INBOUND: a server).

    AuthData, a (user, domain, password) tuple, is checked by the server when it accepts.
    """
    use = dword(CredentialUse)
    if LogonID is not None:
        operator.index(LogonID)  # type: ignore[arg-type]
    auth = _auth_data(AuthData)
    credentials = services.acquire_credentials(
        Package, outbound=bool(use & _SECPKG_CRED_OUTBOUND), principal=Principal, auth=auth
    )
    handle = PyCredHandle()
    handle._credentials = credentials
    return handle, _NEVER


def _token_in(desc: object) -> bytes | None:
    if desc is None:
        return None
    buffers = _desc(desc, "pInput")._of_type(_SECBUFFER_TOKEN)
    return buffers[0].Buffer if buffers else None


def _token_out(desc: PySecBufferDesc, token: bytes) -> None:
    buffer = _one(desc, _SECBUFFER_TOKEN, "SECBUFFER_TOKEN")
    if len(token) > buffer.MaxBufferSize:
        raise _error(services.SEC_E_BUFFER_TOO_SMALL, f"the token takes {len(token)} bytes")
    buffer._fill(token)


def _context_in(value: object) -> services.SecurityContext | None:
    if value is None:
        return None
    if not isinstance(value, PyCtxtHandle):
        raise TypeError("Context must be a PyCtxtHandle (or None)")
    return value._get()


def _handles(credential: object, new_context: object) -> tuple[services.Credentials, PyCtxtHandle]:
    if not isinstance(credential, PyCredHandle):
        raise TypeError("Credential must be a PyCredHandle")
    if not isinstance(new_context, PyCtxtHandle):
        raise TypeError("NewContext must be a PyCtxtHandle")
    return credential._get(), new_context


@api("InitializeSecurityContext")
def InitializeSecurityContext(
    Credential: object,
    Context: object,
    TargetName: str | None,
    ContextReq: int,
    TargetDataRep: int,
    pInput: object,
    NewContext: object,
    pOutput: object,
    /,
) -> tuple[int, int, _dt.datetime]:
    """One client step: (status, the context's attributes, its expiry).

    SEC_I_CONTINUE_NEEDED after the first step (the token in pOutput goes to the server),
    SEC_E_OK after the second.
    """
    credentials, handle = _handles(Credential, NewContext)
    output = _desc(pOutput, "pOutput")
    flags, _ = dword(ContextReq), dword(TargetDataRep)
    context, status, token = services.initialize_context(
        credentials, _context_in(Context), TargetName, flags, _token_in(pInput)
    )
    _token_out(output, token)
    handle._context = context
    return status, flags & _ISC_SUPPORTED, _NEVER


@api("AcceptSecurityContext")
def AcceptSecurityContext(
    Credential: object,
    Context: object,
    pInput: object,
    ContextReq: int,
    TargetDataRep: int,
    NewContext: object,
    pOutput: object,
    /,
) -> tuple[int, int, _dt.datetime]:
    """One server step: (status, the context's attributes, its expiry).

    SEC_I_CONTINUE_NEEDED after the client's first token, SEC_E_OK (and an empty token) once
    the client proved who it is; SEC_E_LOGON_DENIED if it did not.
    """
    credentials, handle = _handles(Credential, NewContext)
    output = _desc(pOutput, "pOutput")
    flags, _ = dword(ContextReq), dword(TargetDataRep)
    context, status, token = services.accept_context(
        credentials, _context_in(Context), flags, _token_in(pInput)
    )
    _token_out(output, token)
    handle._context = context
    return status, flags & _ASC_SUPPORTED, _NEVER


PySecBufferType = PySecBuffer
PySecBufferDescType = PySecBufferDesc
PyCredHandleType = PyCredHandle
PyCtxtHandleType = PyCtxtHandle
SecBufferType = PySecBuffer
SecBufferDescType = PySecBufferDesc
CredHandleType = PyCredHandle
CtxtHandleType = PyCtxtHandle
