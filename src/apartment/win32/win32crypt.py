"""pywin32's ``win32crypt``: protected data and text forms, over :mod:`apartment.services`.

CryptProtectData/CryptUnprotectData encrypt with a per-user key (HMAC-SHA256
encrypt-then-MAC: the blobs are not DPAPI's and do not cross to Windows). The binary/text
forms (CryptBinaryToString, CryptStringToBinary) are Windows'. CryptAcquireContext gives an
ephemeral provider (CRYPT_VERIFYCONTEXT) that hashes (MD5, SHA-1, and the SHA-2 family with
PROV_RSA_AES) and draws random bytes; it keeps no keys. Certificate stores open empty (a
memory store, a system store such as ``MY``); parsing, adding or using certificates, keys
and messages is not supported (ERROR_NOT_SUPPORTED): there is no X.509 behind them.
"""

from __future__ import annotations

from typing import Any

from .. import services
from ..errors import ERROR_NOT_SUPPORTED as _ERROR_NOT_SUPPORTED
from ..errors import Win32Error
from ._adapt import api, dword
from ._buffers import text_arg
from ._crypt_provider import PyCRYPTHASH, PyCRYPTPROV

__all__ = [
    "PyCERTSTORE", "PyCRYPTHASH", "PyCRYPTPROV",
    "CryptProtectData", "CryptUnprotectData", "CryptEnumProviders", "CryptEnumProviderTypes",
    "CryptGetDefaultProvider", "CryptSetProviderEx", "CryptAcquireContext",
    "CryptFindLocalizedName", "CertEnumSystemStore", "CertEnumSystemStoreLocation",
    "CertEnumPhysicalStore", "CertRegisterSystemStore", "CertUnregisterSystemStore",
    "CertOpenStore", "CertOpenSystemStore", "CryptFindOIDInfo", "CertAlgIdToOID",
    "CertOIDToAlgId", "CryptGetKeyIdentifierProperty", "CryptEnumKeyIdentifierProperties",
    "CryptEnumOIDInfo", "CertAddSerializedElementToStore", "CryptQueryObject",
    "CryptDecodeMessage", "CryptEncryptMessage", "CryptDecryptMessage",
    "CryptSignAndEncryptMessage", "CryptVerifyMessageSignature", "CryptGetMessageCertificates",
    "CryptGetMessageSignerCount", "CryptSignMessage", "CryptVerifyDetachedMessageSignature",
    "CryptDecryptAndVerifyMessageSignature", "CryptEncodeObjectEx", "CryptDecodeObjectEx",
    "CertNameToStr", "CryptFormatObject", "PFXImportCertStore", "PFXVerifyPassword",
    "PFXIsPFXBlob", "CryptBinaryToString", "CryptStringToBinary",
]  # fmt: skip

_CERT_STORE_PROV_MEMORY = 2
_CERT_STORE_PROV_SYSTEM_A = 9
_CERT_STORE_PROV_SYSTEM_W = 10
_STORE_PROVIDERS = frozenset({_CERT_STORE_PROV_MEMORY, _CERT_STORE_PROV_SYSTEM_A,
                              _CERT_STORE_PROV_SYSTEM_W})  # fmt: skip


def _bytes(value: object, what: str) -> bytes:
    """A buffer argument: any bytes-like object (a str is refused)."""
    if isinstance(value, str):
        raise TypeError(f"{what} must be a bytes-like object, not str")
    try:
        return bytes(memoryview(value))  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{what} must be a bytes-like object, not {type(value).__name__}") from None


def _entropy(value: object) -> bytes:
    return b"" if value is None else _bytes(value, "OptionalEntropy")


@api("CryptProtectData")
def CryptProtectData(
    DataIn: object,
    DataDescr: object = None,
    OptionalEntropy: object = None,
    Reserved: object = None,
    PromptStruct: object = None,
    Flags: object = 0,
) -> bytes:
    """Encrypt data for the calling user; the blob is this library's, not DPAPI's."""
    data = _bytes(DataIn, "DataIn")
    description = "" if DataDescr is None else text_arg(DataDescr)
    entropy = _entropy(OptionalEntropy)
    dword(Flags)
    return services.protect_data(data, description, entropy)


@api("CryptUnprotectData")
def CryptUnprotectData(
    DataIn: object,
    OptionalEntropy: object = None,
    Reserved: object = None,
    PromptStruct: object = None,
    Flags: object = 0,
) -> tuple[str, bytes]:
    """(description, data) of a blob of CryptProtectData; ERROR_INVALID_DATA if it fails."""
    blob = _bytes(DataIn, "DataIn")
    entropy = _entropy(OptionalEntropy)
    dword(Flags)
    return services.unprotect_data(blob, entropy)


@api("CryptBinaryToString")
def CryptBinaryToString(Binary: object, Flags: object) -> str | bytes:
    """The data in a CRYPT_STRING_ form."""
    return services.binary_to_string(_bytes(Binary, "Binary"), dword(Flags))


@api("CryptStringToBinary")
def CryptStringToBinary(String: object, Flags: object) -> tuple[bytes, int, int]:
    """(data, characters skipped, the form found) of a text in a CRYPT_STRING_ form."""
    return services.string_to_binary(text_arg(String), dword(Flags))


class PyCERTSTORE:
    """A certificate store (pywin32's PyCERTSTORE): here always an empty one."""

    __slots__ = ("_open",)

    def __init__(self) -> None:
        self._open = True

    def _check(self) -> None:
        if not self._open:
            raise Win32Error.from_code(6, "the store is closed")

    def CertCloseStore(self, Flags: object = 0) -> None:
        """Close the store."""
        dword(Flags)
        self._open = False

    def CertEnumCertificatesInStore(self) -> list[Any]:
        """The store's certificates: none."""
        self._check()
        return []

    def CertEnumCTLsInStore(self) -> list[Any]:
        """The store's certificate trust lists: none."""
        self._check()
        return []

    def CertAddCertificateContextToStore(self, CertContext: object, AddDisposition: object) -> Any:  # noqa: ANN401
        """Not supported: there is no certificate to add."""
        self._check()
        raise _unsupported("CertAddCertificateContextToStore", "certificates")

    def CertAddEncodedCertificateToStore(
        self, CertEncodingType: object, CertEncoded: object, AddDisposition: object
    ) -> Any:  # noqa: ANN401
        """Not supported: certificates are not parsed here."""
        self._check()
        raise _unsupported("CertAddEncodedCertificateToStore", "certificates")


def _unsupported(name: str, what: str) -> Win32Error:
    error = Win32Error.from_code(_ERROR_NOT_SUPPORTED, f"{what} are not supported here")
    return error.with_funcname(name)


@api("CryptAcquireContext")
def CryptAcquireContext(
    Container: object, Provider: object, ProvType: object, Flags: object
) -> PyCRYPTPROV:
    """An ephemeral provider context (CRYPT_VERIFYCONTEXT) for hashes and random bytes."""
    container = None if Container is None else text_arg(Container)
    provider = None if Provider is None else text_arg(Provider)
    return PyCRYPTPROV(
        services.acquire_provider(container, provider, dword(ProvType), dword(Flags))
    )


@api("CertOpenStore")
def CertOpenStore(
    StoreProvider: object, MsgAndCertEncodingType: object, CryptProv: object, Flags: object,
    Para: object = None,
) -> PyCERTSTORE:  # fmt: skip
    """An empty memory store, or a system store (named by Para), which is empty too."""
    provider = dword(StoreProvider)
    dword(MsgAndCertEncodingType)
    dword(Flags)
    if provider not in _STORE_PROVIDERS:
        raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, f"store provider {provider} is unknown")
    if provider != _CERT_STORE_PROV_MEMORY:
        text_arg(Para)
    return PyCERTSTORE()


@api("CertOpenSystemStore")
def CertOpenSystemStore(SubsystemProtocol: object, Prov: object = None) -> PyCERTSTORE:
    """A system store of the user (``MY``, ``ROOT``, ...): empty."""
    text_arg(SubsystemProtocol)
    return PyCERTSTORE()


def _unsupported_function(name: str, what: str) -> Any:  # noqa: ANN401
    def unsupported(*args: object, **kwargs: object) -> None:
        raise _unsupported(name, what)

    unsupported.__name__ = unsupported.__qualname__ = name
    unsupported.__doc__ = f"Not supported: {what} (ERROR_NOT_SUPPORTED)."
    return unsupported


_PROVIDERS = "CryptoAPI providers"
_CERTS = "certificates"
_MESSAGES = "cryptographic messages"
CryptEnumProviders = _unsupported_function("CryptEnumProviders", _PROVIDERS)
CryptEnumProviderTypes = _unsupported_function("CryptEnumProviderTypes", _PROVIDERS)
CryptGetDefaultProvider = _unsupported_function("CryptGetDefaultProvider", _PROVIDERS)
CryptSetProviderEx = _unsupported_function("CryptSetProviderEx", _PROVIDERS)
CryptFindLocalizedName = _unsupported_function("CryptFindLocalizedName", _CERTS)
CertEnumSystemStore = _unsupported_function("CertEnumSystemStore", _CERTS)
CertEnumSystemStoreLocation = _unsupported_function("CertEnumSystemStoreLocation", _CERTS)
CertEnumPhysicalStore = _unsupported_function("CertEnumPhysicalStore", _CERTS)
CertRegisterSystemStore = _unsupported_function("CertRegisterSystemStore", _CERTS)
CertUnregisterSystemStore = _unsupported_function("CertUnregisterSystemStore", _CERTS)
CryptFindOIDInfo = _unsupported_function("CryptFindOIDInfo", _CERTS)
CertAlgIdToOID = _unsupported_function("CertAlgIdToOID", _CERTS)
CertOIDToAlgId = _unsupported_function("CertOIDToAlgId", _CERTS)
CryptGetKeyIdentifierProperty = _unsupported_function("CryptGetKeyIdentifierProperty", _CERTS)
CryptEnumKeyIdentifierProperties = _unsupported_function("CryptEnumKeyIdentifierProperties", _CERTS)
CryptEnumOIDInfo = _unsupported_function("CryptEnumOIDInfo", _CERTS)
CertAddSerializedElementToStore = _unsupported_function("CertAddSerializedElementToStore", _CERTS)
CryptQueryObject = _unsupported_function("CryptQueryObject", _CERTS)
CryptDecodeMessage = _unsupported_function("CryptDecodeMessage", _MESSAGES)
CryptEncryptMessage = _unsupported_function("CryptEncryptMessage", _MESSAGES)
CryptDecryptMessage = _unsupported_function("CryptDecryptMessage", _MESSAGES)
CryptSignAndEncryptMessage = _unsupported_function("CryptSignAndEncryptMessage", _MESSAGES)
CryptVerifyMessageSignature = _unsupported_function("CryptVerifyMessageSignature", _MESSAGES)
CryptGetMessageCertificates = _unsupported_function("CryptGetMessageCertificates", _MESSAGES)
CryptGetMessageSignerCount = _unsupported_function("CryptGetMessageSignerCount", _MESSAGES)
CryptSignMessage = _unsupported_function("CryptSignMessage", _MESSAGES)
CryptVerifyDetachedMessageSignature = _unsupported_function(
    "CryptVerifyDetachedMessageSignature", _MESSAGES
)
CryptDecryptAndVerifyMessageSignature = _unsupported_function(
    "CryptDecryptAndVerifyMessageSignature", _MESSAGES
)
CryptEncodeObjectEx = _unsupported_function("CryptEncodeObjectEx", _CERTS)
CryptDecodeObjectEx = _unsupported_function("CryptDecodeObjectEx", _CERTS)
CertNameToStr = _unsupported_function("CertNameToStr", _CERTS)
CryptFormatObject = _unsupported_function("CryptFormatObject", _CERTS)
PFXImportCertStore = _unsupported_function("PFXImportCertStore", _CERTS)
PFXVerifyPassword = _unsupported_function("PFXVerifyPassword", _CERTS)
PFXIsPFXBlob = _unsupported_function("PFXIsPFXBlob", _CERTS)
