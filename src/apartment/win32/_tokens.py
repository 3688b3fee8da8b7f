"""pywin32's ``win32security`` token and privilege functions, translated to the kernel's tokens.

``win32security`` re-exports every name here. The tokens describe the Linux user (root: an
elevated administrator; anyone else: a standard user); privileges are held and adjusted per
token, never enforced (``docs/differences-from-windows.md``).
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, TypeVar

from .. import kernel
from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_NOT_ALL_ASSIGNED,
    Win32Error,
)
from ..kernel import TOKEN_ADJUST_DEFAULT as TOKEN_ADJUST_DEFAULT
from ..kernel import TOKEN_ADJUST_GROUPS as TOKEN_ADJUST_GROUPS
from ..kernel import TOKEN_ADJUST_PRIVILEGES as TOKEN_ADJUST_PRIVILEGES
from ..kernel import TOKEN_ADJUST_SESSIONID as TOKEN_ADJUST_SESSIONID
from ..kernel import TOKEN_ASSIGN_PRIMARY as TOKEN_ASSIGN_PRIMARY
from ..kernel import TOKEN_DUPLICATE as TOKEN_DUPLICATE
from ..kernel import TOKEN_IMPERSONATE as TOKEN_IMPERSONATE
from ..kernel import TOKEN_QUERY as TOKEN_QUERY
from ..kernel import TOKEN_QUERY_SOURCE as TOKEN_QUERY_SOURCE
from . import _security
from ._adapt import api, as_bool, dword, set_last_error
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._security import PySID

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "OpenProcessToken", "OpenThreadToken", "GetTokenInformation", "LookupPrivilegeValue",
    "LookupPrivilegeName", "LookupPrivilegeDisplayName", "AdjustTokenPrivileges",
    "CheckTokenMembership", "ImpersonateSelf", "RevertToSelf", "DuplicateToken",
    "DuplicateTokenEx",
]  # fmt: skip

TOKEN_ALL_ACCESS = kernel.TOKEN_ALL_ACCESS
_READ_CONTROL = 0x20000  # STANDARD_RIGHTS_READ, _WRITE and _EXECUTE are all READ_CONTROL
TOKEN_READ = _READ_CONTROL | TOKEN_QUERY
TOKEN_WRITE = _READ_CONTROL | TOKEN_ADJUST_PRIVILEGES | TOKEN_ADJUST_GROUPS | TOKEN_ADJUST_DEFAULT
TOKEN_EXECUTE = _READ_CONTROL
TokenPrimary = 1
TokenImpersonation = 2
SecurityAnonymous = 0
SecurityIdentification = 1
SecurityImpersonation = 2
SecurityDelegation = 3
TokenElevationTypeDefault = 1
TokenElevationTypeFull = 2
TokenElevationTypeLimited = 3

# TOKEN_INFORMATION_CLASS
TokenUser, TokenGroups, TokenPrivileges, TokenOwner, TokenPrimaryGroup = 1, 2, 3, 4, 5
TokenDefaultDacl, TokenSource, TokenType, TokenImpersonationLevel = 6, 7, 8, 9
TokenStatistics, TokenRestrictedSids, TokenSessionId, TokenGroupsAndPrivileges = 10, 11, 12, 13
TokenSessionReference, TokenSandBoxInert, TokenAuditPolicy, TokenOrigin = 14, 15, 16, 17
TokenElevationType, TokenLinkedToken, TokenElevation, TokenHasRestrictions = 18, 19, 20, 21
TokenAccessInformation, TokenVirtualizationAllowed, TokenVirtualizationEnabled = 22, 23, 24
TokenIntegrityLevel, TokenUIAccess, TokenMandatoryPolicy, TokenLogonSid = 25, 26, 27, 28

# Either right opens a token (Windows grants the limited one with the full one).
# The limited query rights; the kernel's handle table lets the full ones hold them.
_PROCESS_QUERY_LIMITED = 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION
_THREAD_QUERY_LIMITED = 0x0800  # THREAD_QUERY_LIMITED_INFORMATION
T = TypeVar("T")


_THREADS: tuple[type[kernel.ThreadHandle | kernel.PrimaryThread], ...] = (
    kernel.ThreadHandle,
    kernel.PrimaryThread,
)  # a child's first thread too


def _sid(text: str) -> PySID:
    return _security.sid_from_string(text)


def _groups(token: kernel.Token) -> tuple[tuple[PySID, int], ...]:
    return tuple((_sid(sid), _signed(attrs)) for sid, attrs in token.groups)


def _signed(value: int) -> int:
    """A DWORD of attributes as pywin32 returns it: a C long."""
    return value - (1 << 32) if value & 0x80000000 else value


def _elevation_type(token: kernel.Token) -> int:
    return TokenElevationTypeFull if token.elevated else TokenElevationTypeDefault


def _impersonation_level(token: kernel.Token) -> int:
    if token.impersonation_level is None:  # Windows: a primary token has no such level
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "a primary token has no level")
    return token.impersonation_level


_INFORMATION: dict[int, Callable[[kernel.Token], object]] = {
    TokenUser: lambda token: (_sid(token.user), 0),
    TokenGroups: _groups,
    TokenPrivileges: lambda token: token.privileges(),
    TokenOwner: lambda token: _sid(token.owner),
    TokenPrimaryGroup: lambda token: _sid(token.primary_group),
    TokenType: lambda token: (
        TokenPrimary if token.impersonation_level is None else TokenImpersonation
    ),
    TokenImpersonationLevel: _impersonation_level,
    TokenSessionId: lambda token: token.session_id,
    TokenElevationType: _elevation_type,
    TokenElevation: lambda token: int(token.elevated),
    TokenIntegrityLevel: lambda token: (
        _sid(token.integrity),
        kernel.SE_GROUP_INTEGRITY | kernel.SE_GROUP_INTEGRITY_ENABLED,
    ),
}


def _token(handle: object, access: int) -> kernel.Token:
    return lookup(handle, kernel.Token, access, pseudo=False)


@api("OpenProcessToken")
def OpenProcessToken(processHandle: object, desiredAccess: int, /) -> PyHANDLE:
    """A handle to a process's primary token (this process's one is shared by all handles)."""
    process = lookup(processHandle, kernel.ProcessHandle, _PROCESS_QUERY_LIMITED)
    access = kernel.map_token_access(dword(desiredAccess))
    return new_handle(kernel.open_token_of(process), access)


@api("OpenThreadToken")
def OpenThreadToken(handle: object, desiredAccess: int, openAsSelf: object, /) -> PyHANDLE:
    """A handle to a thread's impersonation token; ERROR_NO_TOKEN when it impersonates none."""
    thread = lookup(handle, _THREADS, _THREAD_QUERY_LIMITED)
    access = kernel.map_token_access(dword(desiredAccess))
    as_bool(openAsSelf)  # whose rights open it: no check differs here
    return new_handle(kernel.thread_token(thread), access)


@api("GetTokenInformation")
def GetTokenInformation(TokenHandle: object, TokenInformationClass: int, /) -> object:
    """One TOKEN_INFORMATION_CLASS of a token, in pywin32's shape."""
    token = _token(TokenHandle, TOKEN_QUERY)
    convert = _INFORMATION.get(operator.index(TokenInformationClass))
    if convert is None:  # Windows: STATUS_INVALID_INFO_CLASS
        raise Win32Error.from_code(
            ERROR_INVALID_PARAMETER,
            f"token information class {TokenInformationClass} is unknown or not kept here",
        )
    return convert(token)


def _system(value: object) -> str | None:
    return None if value is None else text_arg(value)


@api("LookupPrivilegeValue")
def LookupPrivilegeValue(systemName: object, privilegeName: object, /) -> int:
    return kernel.privilege_luid(text_arg(privilegeName), computer=_system(systemName))


@api("LookupPrivilegeName")
def LookupPrivilegeName(SystemName: object, luid: object, /) -> str:
    return kernel.privilege_name(operator.index(luid), computer=_system(SystemName))  # type: ignore[arg-type]


@api("LookupPrivilegeDisplayName")
def LookupPrivilegeDisplayName(SystemName: object, Name: object, /) -> str:
    return kernel.privilege_display_name(text_arg(Name), computer=_system(SystemName))


def _luid_attributes(value: object) -> list[tuple[int, int]]:
    """pywin32's sequence of (LUID, attributes) pairs."""
    message = "LUID_AND_ATTRIBUTES must be a sequence of (LARGE_INTEGER,int)"
    if isinstance(value, (str, bytes)):
        raise TypeError(message)
    try:
        pairs = [(operator.index(luid), dword(attrs)) for luid, attrs in value]  # type: ignore[attr-defined]
    except (TypeError, ValueError):
        raise TypeError(message) from None
    return pairs


@api("AdjustTokenPrivileges")
def AdjustTokenPrivileges(
    TokenHandle: object, bDisableAllPrivileges: object, NewState: object, /
) -> tuple[tuple[int, int], ...]:
    """Adjust privileges; returns the previous state of those that changed.

    A privilege the token does not hold is skipped, and GetLastError then says
    ERROR_NOT_ALL_ASSIGNED: Windows' success code, so pywin32 raises nothing.
    """
    token = _token(TokenHandle, TOKEN_ADJUST_PRIVILEGES)
    changes = None if as_bool(bDisableAllPrivileges) else _luid_attributes(NewState)
    previous, held_all = token.adjust_privileges(changes)
    set_last_error(0 if held_all else ERROR_NOT_ALL_ASSIGNED)
    return tuple((luid, _signed(attrs)) for luid, attrs in previous)


@api("CheckTokenMembership")
def CheckTokenMembership(TokenHandle: object, SidToCheck: object, /) -> bool:
    """Whether a token (None: the calling thread's) has the SID as user or enabled group."""
    if not isinstance(SidToCheck, PySID):
        raise TypeError("The object is not a PySID object")
    if TokenHandle is None:
        token = kernel.effective_token(kernel.current_thread())
    else:
        token = _token(TokenHandle, TOKEN_QUERY)
        token.require_impersonation()
    return token.is_member(_security.sid_to_string(SidToCheck))


@api("ImpersonateSelf")
def ImpersonateSelf(ImpersonationLevel: int, /) -> None:
    kernel.impersonate_self(kernel.current_thread(), operator.index(ImpersonationLevel))


@api("RevertToSelf")
def RevertToSelf() -> None:
    kernel.revert_to_self(kernel.current_thread())


@api("DuplicateToken")
def DuplicateToken(ExistingTokenHandle: object, ImpersonationLevel: int, /) -> PyHANDLE:
    """An impersonation copy of a token (the handle has TOKEN_IMPERSONATE | TOKEN_QUERY)."""
    token = _token(ExistingTokenHandle, TOKEN_DUPLICATE)
    copy = token.duplicate(operator.index(ImpersonationLevel))
    return new_handle(copy, TOKEN_IMPERSONATE | TOKEN_QUERY)


@api("DuplicateTokenEx")
def DuplicateTokenEx(
    ExistingToken: object,
    ImpersonationLevel: int,
    DesiredAccess: int,
    TokenType: int,
    TokenAttributes: object = None,
) -> PyHANDLE:
    """A copy of a token, primary or impersonation (``TokenType``), opened with an access."""
    token = _token(ExistingToken, TOKEN_DUPLICATE)
    kind = operator.index(TokenType)
    if kind not in (TokenPrimary, TokenImpersonation):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no token type {kind}")
    level = operator.index(ImpersonationLevel)
    copy = token.duplicate(None if kind == TokenPrimary else level)
    inherit = bool(getattr(TokenAttributes, "bInheritHandle", False))
    access = kernel.map_token_access(dword(DesiredAccess)) or _granted(ExistingToken)
    return new_handle(copy, access, inherit=inherit)


def _granted(handle: object) -> int:
    """The access a token handle has: DesiredAccess 0 asks for the same (DuplicateTokenEx)."""
    entry = kernel.handles.lock_free_view()[0].get(handle_value(handle))
    return entry[1] if entry is not None else 0
