"""pywin32's ``win32cred``: Credential Manager over :mod:`apartment.services`' per-user store.

Credentials are dicts with CREDENTIAL's member names (TargetName, Type, UserName,
CredentialBlob, Persist, Flags, Comment, TargetAlias, Attributes, LastWritten), kept in a
SQLite file only the user can read. No dialog is shown: the CredUI prompts go to whoever
``services.set_credential_prompter`` installed, and are canceled (ERROR_CANCELLED) when no
one is there to answer, as when the user cancels them.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .. import services
from ..errors import ERROR_INVALID_FLAGS as _ERROR_INVALID_FLAGS
from ..errors import ERROR_NOT_FOUND as _ERROR_NOT_FOUND
from ..errors import ERROR_NOT_SUPPORTED as _ERROR_NOT_SUPPORTED
from ..errors import Win32Error
from ._adapt import api, as_bool, dword
from ._buffers import text_arg
from ._timeconv import file_time
from .pywintypes import TimeType

__all__ = [
    "CredMarshalCredential", "CredUnmarshalCredential", "CredIsMarshaledCredential",
    "CredEnumerate", "CredGetTargetInfo", "CredGetSessionTypes", "CredWriteDomainCredentials",
    "CredReadDomainCredentials", "CredDelete", "CredWrite", "CredRead", "CredRename",
    "CredUICmdLinePromptForCredentials", "CredUIPromptForCredentials",
    "CredUIConfirmCredentials", "CredUIReadSSOCredW", "CredUIStoreSSOCredW",
    "CredUIParseUserName",
    "CREDUI_FLAGS_ALWAYS_SHOW_UI", "CREDUI_FLAGS_COMPLETE_USERNAME",
    "CREDUI_FLAGS_DO_NOT_PERSIST", "CREDUI_FLAGS_EXCLUDE_CERTIFICATES",
    "CREDUI_FLAGS_EXPECT_CONFIRMATION", "CREDUI_FLAGS_GENERIC_CREDENTIALS",
    "CREDUI_FLAGS_INCORRECT_PASSWORD", "CREDUI_FLAGS_KEEP_USERNAME",
    "CREDUI_FLAGS_PASSWORD_ONLY_OK", "CREDUI_FLAGS_PERSIST", "CREDUI_FLAGS_PROMPT_VALID",
    "CREDUI_FLAGS_REQUEST_ADMINISTRATOR", "CREDUI_FLAGS_REQUIRE_CERTIFICATE",
    "CREDUI_FLAGS_REQUIRE_SMARTCARD", "CREDUI_FLAGS_SERVER_CREDENTIAL",
    "CREDUI_FLAGS_SHOW_SAVE_CHECK_BOX", "CREDUI_FLAGS_USERNAME_TARGET_CREDENTIALS",
    "CREDUI_FLAGS_VALIDATE_USERNAME", "CREDUI_MAX_CAPTION_LENGTH",
    "CREDUI_MAX_DOMAIN_TARGET_LENGTH", "CREDUI_MAX_GENERIC_TARGET_LENGTH",
    "CREDUI_MAX_MESSAGE_LENGTH", "CREDUI_MAX_PASSWORD_LENGTH", "CREDUI_MAX_USERNAME_LENGTH",
    "CRED_ALLOW_NAME_RESOLUTION", "CRED_CACHE_TARGET_INFORMATION",
    "CRED_ENUMERATE_ALL_CREDENTIALS", "CRED_FLAGS_OWF_CRED_BLOB", "CRED_FLAGS_PASSWORD_FOR_CERT",
    "CRED_FLAGS_PROMPT_NOW", "CRED_FLAGS_USERNAME_TARGET", "CRED_FLAGS_VALID_FLAGS",
    "CRED_MAX_ATTRIBUTES", "CRED_MAX_DOMAIN_TARGET_NAME_LENGTH",
    "CRED_MAX_GENERIC_TARGET_NAME_LENGTH", "CRED_MAX_STRING_LENGTH", "CRED_MAX_USERNAME_LENGTH",
    "CRED_MAX_VALUE_SIZE", "CRED_PERSIST_ENTERPRISE", "CRED_PERSIST_LOCAL_MACHINE",
    "CRED_PERSIST_NONE", "CRED_PERSIST_SESSION", "CRED_PRESERVE_CREDENTIAL_BLOB",
    "CRED_TI_CREATE_EXPLICIT_CRED", "CRED_TI_DOMAIN_FORMAT_UNKNOWN",
    "CRED_TI_ONLY_PASSWORD_REQUIRED", "CRED_TI_SERVER_FORMAT_UNKNOWN", "CRED_TI_USERNAME_TARGET",
    "CRED_TI_VALID_FLAGS", "CRED_TI_WORKGROUP_MEMBER", "CRED_TYPE_DOMAIN_CERTIFICATE",
    "CRED_TYPE_DOMAIN_EXTENDED", "CRED_TYPE_DOMAIN_PASSWORD", "CRED_TYPE_DOMAIN_VISIBLE_PASSWORD",
    "CRED_TYPE_GENERIC", "CRED_TYPE_GENERIC_CERTIFICATE", "CRED_TYPE_MAXIMUM",
    "CRED_TYPE_MAXIMUM_EX", "CertCredential", "UsernameTargetCredential",
]  # fmt: skip

CREDUI_FLAGS_INCORRECT_PASSWORD = 0x1
CREDUI_FLAGS_DO_NOT_PERSIST = 0x2
CREDUI_FLAGS_REQUEST_ADMINISTRATOR = 0x4
CREDUI_FLAGS_EXCLUDE_CERTIFICATES = 0x8
CREDUI_FLAGS_REQUIRE_CERTIFICATE = 0x10
CREDUI_FLAGS_SHOW_SAVE_CHECK_BOX = 0x40
CREDUI_FLAGS_ALWAYS_SHOW_UI = 0x80
CREDUI_FLAGS_REQUIRE_SMARTCARD = 0x100
CREDUI_FLAGS_PASSWORD_ONLY_OK = 0x200
CREDUI_FLAGS_VALIDATE_USERNAME = 0x400
CREDUI_FLAGS_COMPLETE_USERNAME = 0x800
CREDUI_FLAGS_PERSIST = 0x1000
CREDUI_FLAGS_SERVER_CREDENTIAL = 0x4000
CREDUI_FLAGS_EXPECT_CONFIRMATION = 0x20000
CREDUI_FLAGS_GENERIC_CREDENTIALS = 0x40000
CREDUI_FLAGS_USERNAME_TARGET_CREDENTIALS = 0x80000
CREDUI_FLAGS_KEEP_USERNAME = 0x100000
CREDUI_FLAGS_PROMPT_VALID = 0x1E5FDF
CREDUI_MAX_CAPTION_LENGTH = 128
CREDUI_MAX_DOMAIN_TARGET_LENGTH = 337
CREDUI_MAX_GENERIC_TARGET_LENGTH = 32767
CREDUI_MAX_MESSAGE_LENGTH = 1024
CREDUI_MAX_PASSWORD_LENGTH = 256
CREDUI_MAX_USERNAME_LENGTH = 513
CRED_ALLOW_NAME_RESOLUTION = 1
CRED_CACHE_TARGET_INFORMATION = 1
CRED_ENUMERATE_ALL_CREDENTIALS = 1
CRED_FLAGS_PASSWORD_FOR_CERT = 0x1
CRED_FLAGS_PROMPT_NOW = 0x2
CRED_FLAGS_USERNAME_TARGET = 0x4
CRED_FLAGS_OWF_CRED_BLOB = 0x8
CRED_FLAGS_VALID_FLAGS = 0xF0FF
CRED_MAX_ATTRIBUTES = 64
CRED_MAX_DOMAIN_TARGET_NAME_LENGTH = 337
CRED_MAX_GENERIC_TARGET_NAME_LENGTH = 32767
CRED_MAX_STRING_LENGTH = 256
CRED_MAX_USERNAME_LENGTH = 513
CRED_MAX_VALUE_SIZE = 256
CRED_PERSIST_NONE = services.Persistence.NONE
CRED_PERSIST_SESSION = services.Persistence.SESSION
CRED_PERSIST_LOCAL_MACHINE = services.Persistence.LOCAL_MACHINE
CRED_PERSIST_ENTERPRISE = services.Persistence.ENTERPRISE
CRED_PRESERVE_CREDENTIAL_BLOB = 1
CRED_TI_SERVER_FORMAT_UNKNOWN = 0x1
CRED_TI_DOMAIN_FORMAT_UNKNOWN = 0x2
CRED_TI_ONLY_PASSWORD_REQUIRED = 0x4
CRED_TI_USERNAME_TARGET = 0x8
CRED_TI_CREATE_EXPLICIT_CRED = 0x10
CRED_TI_WORKGROUP_MEMBER = 0x20
CRED_TI_VALID_FLAGS = 0xF07F
CRED_TYPE_GENERIC = services.CredentialType.GENERIC
CRED_TYPE_DOMAIN_PASSWORD = services.CredentialType.DOMAIN_PASSWORD
CRED_TYPE_DOMAIN_CERTIFICATE = services.CredentialType.DOMAIN_CERTIFICATE
CRED_TYPE_DOMAIN_VISIBLE_PASSWORD = services.CredentialType.DOMAIN_VISIBLE_PASSWORD
CRED_TYPE_GENERIC_CERTIFICATE = services.CredentialType.GENERIC_CERTIFICATE
CRED_TYPE_DOMAIN_EXTENDED = services.CredentialType.DOMAIN_EXTENDED
CRED_TYPE_MAXIMUM = services.CredentialType.MAXIMUM
CRED_TYPE_MAXIMUM_EX = CRED_TYPE_MAXIMUM + 1000
CertCredential = services.CERT_CREDENTIAL
UsernameTargetCredential = services.USERNAME_TARGET_CREDENTIAL

_ERROR_CANCELLED = 1223
_KEYS = frozenset(
    {"TargetName", "Type", "UserName", "CredentialBlob", "Persist", "Flags", "Comment",
     "TargetAlias", "Attributes", "LastWritten"}
)  # fmt: skip


def _int(value: object) -> int:
    """An int member or argument: a float (or any non-int) is a TypeError, as pywin32's."""
    if isinstance(value, float) or not hasattr(value, "__index__"):
        raise TypeError(f"an integer is required (got type {type(value).__name__})")
    return dword(value)


def _optional_text(value: object) -> str | None:
    return None if value is None else text_arg(value)


def _blob(value: object) -> bytes:
    """A credential's blob: pywin32 takes a str, kept as its UTF-16-LE text (read back so)."""
    return b"" if value is None else text_arg(value).encode("utf-16-le")


def _attribute(value: object) -> services.CredentialAttribute:
    if not isinstance(value, dict):
        raise TypeError("a credential's attribute is a dict (Keyword, Flags, Value)")
    value_bytes = value.get("Value")
    if isinstance(value_bytes, str):  # pywin32 takes a str as its raw UTF-16-LE bytes
        data = value_bytes.encode("utf-16-le")
    else:
        data = b"" if value_bytes is None else bytes(memoryview(value_bytes))
    return services.CredentialAttribute(
        text_arg(value["Keyword"]), _int(value.get("Flags", 0)), data
    )


def _credential(value: object) -> services.Credential:
    if not isinstance(value, dict):
        raise TypeError("CREDENTIAL must be a dict")
    unknown = set(value) - _KEYS
    if unknown:
        raise TypeError(f"CREDENTIAL() got an unexpected keyword argument '{sorted(unknown)[0]}'")
    attributes = value.get("Attributes") or ()
    if not isinstance(attributes, (tuple, list)):
        raise TypeError("Attributes must be a sequence of dicts")
    return services.Credential(
        target_name=text_arg(value.get("TargetName") or ""),  # none: Windows' invalid one
        type=_int(value.get("Type", 0)),
        user_name=_optional_text(value.get("UserName")),
        blob=_blob(value.get("CredentialBlob")),
        persist=_int(value.get("Persist", 0)),
        flags=_int(value.get("Flags", 0)),
        comment=_optional_text(value.get("Comment")),
        target_alias=_optional_text(value.get("TargetAlias")),
        attributes=tuple(_attribute(item) for item in attributes),
    )


def _as_dict(credential: services.Credential) -> dict[str, Any]:
    written = _dt.datetime.fromtimestamp(credential.last_written, _dt.timezone.utc)
    return {
        "Flags": credential.flags,
        "Type": credential.type,
        "TargetName": credential.target_name,
        "Comment": credential.comment,
        "LastWritten": file_time(written, TimeType),
        "CredentialBlob": credential.blob or None,
        "Persist": credential.persist,
        "Attributes": tuple(
            {"Keyword": a.keyword, "Flags": a.flags, "Value": a.value}
            for a in credential.attributes
        ),
        "TargetAlias": credential.target_alias,
        "UserName": credential.user_name,
    }


def _no_flags(flags: object, allowed: int = 0) -> None:
    if _int(flags) & ~allowed:
        raise Win32Error.from_code(_ERROR_INVALID_FLAGS, f"{dword(flags):#x} has unknown flags")


@api("CredWrite")
def CredWrite(Credential: object, Flags: object = 0) -> None:
    """Create or replace a credential (CRED_PRESERVE_CREDENTIAL_BLOB keeps the stored blob)."""
    credential = _credential(Credential)
    _no_flags(Flags, CRED_PRESERVE_CREDENTIAL_BLOB)
    preserve = bool(_int(Flags) & CRED_PRESERVE_CREDENTIAL_BLOB)
    services.write_credential(credential, preserve_blob=preserve)


@api("CredRead")
def CredRead(TargetName: object, Type: object, Flags: object = 0) -> dict[str, Any]:
    """The credential of a target (any case) and type; ERROR_NOT_FOUND if none."""
    name = text_arg(TargetName)
    kind = _int(Type)
    _no_flags(Flags)
    return _as_dict(services.read_credential(name, kind))


_MISSING = object()


@api("CredDelete")
def CredDelete(
    TargetName: object = _MISSING,
    Type: object = _MISSING,
    Flags: object = 0,
    *,
    Target: object = _MISSING,
) -> None:
    """Delete a credential, named by (TargetName, Type) or by a dict of TargetName, Type, Flags.

    pywin32 reads the dict's keys in that order (a missing one: KeyError), checking Type's
    type before it reads Flags.
    """
    if Target is not _MISSING or isinstance(TargetName, dict):
        target = TargetName if Target is _MISSING else Target
        if not isinstance(target, dict):
            raise TypeError("Target must be a dict with TargetName and Type")
        TargetName, Type = target["TargetName"], target["Type"]
        if isinstance(Type, float):
            raise TypeError("Argument should be int")
        Flags = target["Flags"]
    if TargetName is _MISSING or Type is _MISSING:
        raise TypeError(
            "First argument must be either a dictionary (no other arguments allowed) or a string "
            "(other arguments required)"
        )
    name = text_arg(TargetName)
    if isinstance(Type, float):
        raise TypeError("Argument should be int")
    kind = _int(Type)
    _no_flags(Flags)
    services.delete_credential(name, kind)


@api("CredRename")
def CredRename(
    OldTargetName: object, NewTargetName: object, Type: object, Flags: object = 0
) -> None:
    """Not supported (ERROR_NOT_SUPPORTED), as on Windows since Vista.

    CredRename's documentation: it always fails so there. ``services.rename_credential`` does
    rename, for the Pythonic API.
    """
    text_arg(OldTargetName), text_arg(NewTargetName)
    _int(Type)
    _no_flags(Flags)
    raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, "CredRename is not supported since Vista")


@api("CredEnumerate")
def CredEnumerate(Filter: object = None, Flags: object = 0) -> tuple[dict[str, Any], ...]:
    """The user's credentials whose target matches Filter ('prefix*'); ERROR_NOT_FOUND if none.

    CRED_ENUMERATE_ALL_CREDENTIALS asks for all of them, without a filter.
    """
    pattern = _optional_text(Filter)
    _no_flags(Flags, CRED_ENUMERATE_ALL_CREDENTIALS)
    if _int(Flags) & CRED_ENUMERATE_ALL_CREDENTIALS and pattern is not None:
        raise Win32Error.from_code(
            _ERROR_INVALID_FLAGS, "all credentials are asked without a filter"
        )
    return tuple(_as_dict(c) for c in services.enumerate_credentials(pattern))


@api("CredGetSessionTypes")
def CredGetSessionTypes(MaximumPersistCount: object = CRED_TYPE_MAXIMUM) -> list[int]:
    """The longest persistence of each type: a count not 1 to CRED_TYPE_MAXIMUM is a ValueError."""
    count = _int(MaximumPersistCount)
    if not 1 <= count <= CRED_TYPE_MAXIMUM:
        raise ValueError("Argument must be between 1 and CRED_TYPE_MAXIMUM")
    return list(services.session_types(count))


@api("CredGetTargetInfo")
def CredGetTargetInfo(TargetName: object, Flags: object = 0) -> dict[str, Any]:
    """No target information is cached (no authentication package runs): ERROR_NOT_FOUND."""
    name = text_arg(TargetName)
    _no_flags(Flags, CRED_ALLOW_NAME_RESOLUTION)
    raise Win32Error.from_code(_ERROR_NOT_FOUND, f"no target information for {name!r}")


def _target_info(value: object) -> str:
    if not isinstance(value, dict):
        raise TypeError("TargetInfo must be a dict")
    return text_arg(value["TargetName"])


@api("CredReadDomainCredentials")
def CredReadDomainCredentials(TargetInfo: object, Flags: object = 0) -> tuple[dict[str, Any], ...]:
    """The domain credentials of TargetInfo's TargetName; ERROR_NOT_FOUND if none."""
    name = _target_info(TargetInfo)
    _no_flags(Flags, CRED_CACHE_TARGET_INFORMATION)
    return tuple(_as_dict(found) for found in services.read_domain_credentials(name))


@api("CredWriteDomainCredentials")
def CredWriteDomainCredentials(TargetInfo: object, Credential: object, Flags: object = 0) -> None:
    """Write a domain credential for TargetInfo's TargetName."""
    name = _target_info(TargetInfo)
    credential = _credential(Credential)._replace(target_name=name)
    _no_flags(Flags, CRED_PRESERVE_CREDENTIAL_BLOB)
    services.write_credential(credential, preserve_blob=bool(_int(Flags)))


@api("CredMarshalCredential")
def CredMarshalCredential(CredType: object, Credential: object) -> str:
    """Marshal a certificate's hash (CertCredential, 20 bytes) or a user name."""
    kind = _int(CredType)
    if kind == CertCredential:
        if isinstance(Credential, str):
            raise TypeError("expected bytes, str found")
        # pywin32 copies the hash into CERT_CREDENTIAL_INFO's 20 bytes, zeroed first
        data = bytes(memoryview(Credential))  # type: ignore[arg-type]
        value: bytes | str = data[:20].ljust(20, b"\0")
    elif kind == UsernameTargetCredential:
        value = text_arg(Credential)
    else:
        raise NotImplementedError(f"Credential type {kind} is not supported")
    return services.marshal_credential(kind, value)


@api("CredUnmarshalCredential")
def CredUnmarshalCredential(MarshaledCredential: object) -> tuple[int, bytes | str]:
    """(kind, value) of a marshaled credential; ERROR_INVALID_PARAMETER if it is none."""
    kind, value = services.unmarshal_credential(text_arg(MarshaledCredential))
    return kind, value


@api("CredIsMarshaledCredential")
def CredIsMarshaledCredential(MarshaledCredential: object) -> bool:
    return services.is_marshaled_credential(text_arg(MarshaledCredential))


@api("CredUIParseUserName")
def CredUIParseUserName(UserName: object) -> tuple[str, str]:
    r"""(user, domain) of ``DOMAIN\user``; a UPN is a user with no domain."""
    return services.parse_user_name(text_arg(UserName))


def _ui_info(value: object) -> dict[str, str | None]:
    """CREDUI_INFO's texts (a dict, every member optional; Parent and Banner are not used)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError("CREDUI_INFO must be a dict")
    unknown = set(value) - {"Parent", "MessageText", "CaptionText", "Banner"}
    if unknown:
        raise TypeError(f"'{sorted(unknown)[0]}' is an invalid keyword argument for CREDUI_INFO")
    return {key: _optional_text(value.get(key)) for key in ("MessageText", "CaptionText")}


@api("CredUIPromptForCredentials")
def CredUIPromptForCredentials(
    TargetName: object,
    AuthError: object = 0,
    UserName: object = None,
    Password: object = None,
    Save: object = True,
    Flags: object = 0,
    UiInfo: object = None,
) -> tuple[str, str, bool]:
    """Ask the user (``services.set_credential_prompter``'s): (user, password, save).

    With no one to answer, ERROR_CANCELLED, as a dialog the user cancels.
    """
    info = _ui_info(UiInfo)
    return services.prompt_for_credentials(
        services.CredentialPrompt(
            text_arg(TargetName),
            _optional_text(UserName),
            _optional_text(Password),
            as_bool(Save),
            _int(Flags),
            info.get("CaptionText"),
            info.get("MessageText"),
        )
    )


@api("CredUICmdLinePromptForCredentials")
def CredUICmdLinePromptForCredentials(
    TargetName: object,
    AuthError: object = 0,
    UserName: object = None,
    Password: object = None,
    Save: object = True,
    Flags: object = 0,
) -> tuple[str, str, bool]:
    """Ask the user at the console (``services.set_credential_prompter``'s).

    With no one to answer, ERROR_CANCELLED.
    """
    return services.prompt_for_credentials(
        services.CredentialPrompt(
            text_arg(TargetName),
            _optional_text(UserName),
            _optional_text(Password),
            as_bool(Save),
            _int(Flags),
            console=True,
        )
    )


@api("CredUIConfirmCredentials")
def CredUIConfirmCredentials(TargetName: object, Confirm: object) -> None:
    """No prompt asked to confirm them: ERROR_NOT_FOUND."""
    name = text_arg(TargetName)
    as_bool(Confirm)
    raise Win32Error.from_code(_ERROR_NOT_FOUND, f"no credentials of {name!r} await confirmation")


@api("CredUIReadSSOCredW")
def CredUIReadSSOCredW(Realm: object = None) -> str:
    """No single sign-on credential is kept: ERROR_NOT_FOUND."""
    _optional_text(Realm)
    raise Win32Error.from_code(_ERROR_NOT_FOUND, "no single sign-on credential")


@api("CredUIStoreSSOCredW")
def CredUIStoreSSOCredW(Realm: object, Username: object, Password: object, Persist: object) -> None:
    """Keep the single sign-on credential of a realm: a generic credential of the store."""
    realm = text_arg(Realm)
    user, password = text_arg(Username), text_arg(Password)
    persist = CRED_PERSIST_ENTERPRISE if as_bool(Persist) else CRED_PERSIST_SESSION
    services.write_credential(
        services.Credential(
            target_name=f"Microsoft_WinInet_{realm}",
            type=CRED_TYPE_GENERIC,
            user_name=user,
            blob=password.encode("utf-16-le"),
            persist=persist,
        )
    )
