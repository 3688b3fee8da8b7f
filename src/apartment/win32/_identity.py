"""pywin32's ``win32security`` impersonation, logon and restricted-token functions.

``win32security`` re-exports every name here; each is argument conversion and one call of
the kernel's (``apartment.kernel.impersonate_pipe_client``, ``logon_user``...), whose module
says what holds on Linux: a pipe's client is the user's own process, and only the user
running the process can be logged on (ERROR_LOGON_FAILURE for any other).
"""

from __future__ import annotations

import operator

from .. import kernel
from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._adapt import api, as_bool, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, lookup, new_handle
from ._security import PyACL, PySID, sid_from_string, sid_to_string
from ._tokens import (
    _THREADS,
    TOKEN_ADJUST_DEFAULT,
    TOKEN_ADJUST_GROUPS,
    TOKEN_ADJUST_SESSIONID,
    TOKEN_DUPLICATE,
    TOKEN_IMPERSONATE,
    TOKEN_QUERY,
    TokenDefaultDacl,
    TokenOwner,
    TokenPrimaryGroup,
    TokenSessionId,
)

__all__ = [
    "ImpersonateNamedPipeClient", "ImpersonateLoggedOnUser", "ImpersonateAnonymousToken",
    "SetThreadToken", "AllocateLocallyUniqueId", "LogonUser", "IsTokenRestricted",
    "CreateRestrictedToken", "AdjustTokenGroups", "SetTokenInformation",
    "DISABLE_MAX_PRIVILEGE", "SANDBOX_INERT", "SE_GROUP_ENABLED", "SE_GROUP_ENABLED_BY_DEFAULT",
    "SE_GROUP_INTEGRITY", "SE_GROUP_INTEGRITY_ENABLED", "SE_GROUP_LOGON_ID", "SE_GROUP_MANDATORY",
    "SE_GROUP_OWNER", "SE_GROUP_RESOURCE", "SE_GROUP_USE_FOR_DENY_ONLY",
]  # fmt: skip

DISABLE_MAX_PRIVILEGE = kernel.DISABLE_MAX_PRIVILEGE
SANDBOX_INERT = kernel.SANDBOX_INERT
SE_GROUP_MANDATORY = kernel.SE_GROUP_MANDATORY
SE_GROUP_ENABLED_BY_DEFAULT = kernel.SE_GROUP_ENABLED_BY_DEFAULT
SE_GROUP_ENABLED = kernel.SE_GROUP_ENABLED
SE_GROUP_OWNER = kernel.SE_GROUP_OWNER
SE_GROUP_USE_FOR_DENY_ONLY = kernel.SE_GROUP_USE_FOR_DENY_ONLY
SE_GROUP_INTEGRITY = kernel.SE_GROUP_INTEGRITY
SE_GROUP_INTEGRITY_ENABLED = kernel.SE_GROUP_INTEGRITY_ENABLED
SE_GROUP_RESOURCE = 0x20000000
SE_GROUP_LOGON_ID = -1073741824  # 0xC0000000, as pywin32 gives it (a C long)

_THREAD_SET_THREAD_TOKEN = 0x0080
_THREAD_IMPERSONATE = 0x0100
_TOKEN_ALL_ACCESS = kernel.TOKEN_ALL_ACCESS


def _thread() -> kernel.ThreadHandle:
    return kernel.current_thread()


def _token(handle: object, access: int) -> kernel.Token:
    return lookup(handle, kernel.Token, access, pseudo=False)


@api("ImpersonateNamedPipeClient")
def ImpersonateNamedPipeClient(handle: object, /) -> None:
    """Make the calling thread act as the client of a connected pipe (until RevertToSelf)."""
    pipe = lookup(handle, kernel.PipeEnd)
    kernel.impersonate_pipe_client(_thread(), pipe)


@api("ImpersonateLoggedOnUser")
def ImpersonateLoggedOnUser(handle: object, /) -> None:
    """Make the calling thread act as a token's user (a primary token is copied)."""
    token = _token(handle, TOKEN_QUERY)
    needed = TOKEN_DUPLICATE if token.impersonation_level is None else TOKEN_IMPERSONATE
    kernel.impersonate_token(_thread(), _token(handle, TOKEN_QUERY | needed))


@api("ImpersonateAnonymousToken")
def ImpersonateAnonymousToken(ThreadHandle: object, /) -> None:
    """Make a thread act as ANONYMOUS LOGON (S-1-5-7)."""
    kernel.impersonate_anonymous(lookup(ThreadHandle, _THREADS, _THREAD_IMPERSONATE))


@api("SetThreadToken")
def SetThreadToken(Thread: object, Token: object, /) -> None:
    """Give a thread (None: the calling one) an impersonation token, or None to revert."""
    thread = _thread() if Thread is None else lookup(Thread, _THREADS, _THREAD_SET_THREAD_TOKEN)
    token = None if Token is None else _token(Token, TOKEN_IMPERSONATE)
    kernel.set_thread_token(thread, token)


@api("AllocateLocallyUniqueId")
def AllocateLocallyUniqueId() -> int:
    """A new locally unique identifier (LUID), as an int."""
    return kernel.allocate_luid()


@api("LogonUser")
def LogonUser(
    Username: str, Domain: str | None, Password: str, LogonType: int, LogonProvider: int
) -> PyHANDLE:
    """A primary token of the user running the process; ERROR_LOGON_FAILURE for another."""
    dword(LogonType), dword(LogonProvider)
    domain = None if Domain is None else text_arg(Domain)
    password = None if Password is None else text_arg(Password)
    token = kernel.logon_user(text_arg(Username), domain, password)
    return new_handle(token, _TOKEN_ALL_ACCESS)


@api("IsTokenRestricted")
def IsTokenRestricted(TokenHandle: object, /) -> bool:
    """Whether a token has restricting SIDs (CreateRestrictedToken gave it some)."""
    return bool(_token(TokenHandle, TOKEN_QUERY).restricting)


def _sid_attributes(value: object, what: str) -> list[str]:
    """The SIDs of a sequence of (PySID, attributes) pairs (None: none)."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{what} must be a sequence of (PySID, int)")
    sids = []
    for entry in value:  # type: ignore[attr-defined]
        sid = entry[0] if isinstance(entry, tuple) else entry
        if not isinstance(sid, PySID):
            raise TypeError(f"{what} must be a sequence of (PySID, int)")
        sids.append(sid_to_string(sid))
    return sids


@api("CreateRestrictedToken")
def CreateRestrictedToken(
    ExistingTokenHandle: object,
    Flags: int,
    SidsToDisable: object,
    PrivilegesToDelete: object,
    SidsToRestrict: object,
) -> PyHANDLE:
    """A restricted primary copy of a token: deny-only groups, fewer privileges, SIDs."""
    token = _token(ExistingTokenHandle, TOKEN_DUPLICATE)
    disable = _sid_attributes(SidsToDisable, "SidsToDisable")
    restrict = _sid_attributes(SidsToRestrict, "SidsToRestrict")
    privileges = [] if PrivilegesToDelete is None else PrivilegesToDelete
    try:
        luids = [operator.index(luid) for luid, _ in privileges]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise TypeError("PrivilegesToDelete must be a sequence of (LUID, int)") from None
    copy = kernel.restricted_token(token, dword(Flags), disable, luids, restrict)
    return new_handle(copy, _TOKEN_ALL_ACCESS)


@api("AdjustTokenGroups")
def AdjustTokenGroups(
    TokenHandle: object, ResetToDefault: object, NewState: object
) -> tuple[tuple[PySID, int], ...]:
    """Enable or disable groups of a token; returns the previous state of those changed."""
    token = _token(TokenHandle, TOKEN_ADJUST_GROUPS)
    changes = None
    if not as_bool(ResetToDefault):
        if NewState is None or isinstance(NewState, (str, bytes)):
            raise TypeError("NewState must be a sequence of (PySID, int)")
        changes = [(sid, dword(entry[1])) for sid, entry in zip(
            _sid_attributes(NewState, "NewState"), NewState, strict=True  # type: ignore[call-overload]
        )]  # fmt: skip
    previous = kernel.adjust_groups(token, changes)
    return tuple((sid_from_string(sid), attrs) for sid, attrs in previous)


@api("SetTokenInformation")
def SetTokenInformation(
    TokenHandle: object, TokenInformationClass: int, TokenInformation: object, /
) -> None:
    """Set a token's owner, primary group or session; a default DACL is taken, not kept."""
    kind = operator.index(TokenInformationClass)
    if kind == TokenSessionId:
        token = _token(TokenHandle, TOKEN_ADJUST_SESSIONID)
        caller = kernel.effective_token(_thread())
        kernel.set_token_session(token, dword(TokenInformation), caller)
        return
    token = _token(TokenHandle, TOKEN_ADJUST_DEFAULT)
    if kind in (TokenOwner, TokenPrimaryGroup):
        if not isinstance(TokenInformation, PySID):
            raise TypeError("The object is not a PySID object")
        setter = kernel.set_token_owner if kind == TokenOwner else kernel.set_token_primary_group
        setter(token, sid_to_string(TokenInformation))
    elif kind == TokenDefaultDacl:
        if TokenInformation is not None and not isinstance(TokenInformation, PyACL):
            raise TypeError("The object is not a PyACL object")
    else:  # Windows: STATUS_INVALID_INFO_CLASS, or a class one cannot set
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER, f"token information class {kind} cannot be set here"
        )
