r"""Who a thread acts as: a pipe's client, a logged-on user, the anonymous user.

A Windows server thread takes its client's identity to act for it: ImpersonateNamedPipeClient
(the client of a connected pipe), ImpersonateLoggedOnUser (a token LogonUser made),
ImpersonateAnonymousToken (ANONYMOUS LOGON), until RevertToSelf. Here every client of a pipe
is the user's own process (pipes live in the user's runtime directory), so the client's token
is a copy of the user's, at SecurityImpersonation; the thread's token (OpenThreadToken) and
its user name are those of the identity taken.

LogonUser logs on only the user running the process: a process cannot become another Linux
user without root (or that user's password checked by PAM, which needs privileges too), so
any other name fails with ERROR_LOGON_FAILURE, as a wrong name does on Windows. The password
is not checked (Linux keeps it where only root can read it).

Locally unique identifiers (AllocateLocallyUniqueId) count up from above the privileges'.
Restricted tokens (CreateRestrictedToken) keep their deny-only groups, removed privileges and
restricting SIDs; nothing is enforced by them.
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_CANNOT_IMPERSONATE,
    ERROR_CANT_DISABLE_MANDATORY,
    ERROR_INVALID_OWNER,
    ERROR_INVALID_PRIMARY_GROUP,
    ERROR_LOGON_FAILURE,
    ERROR_PRIVILEGE_NOT_HELD,
    Win32Error,
)
from ._accounts import ANONYMOUS_SID, check_local_computer, current_user_sid, lookup_sid
from ._process import current_process
from ._sysinfo import computer_name, user_name
from ._token import (
    SE_GROUP_ENABLED,
    SE_GROUP_ENABLED_BY_DEFAULT,
    SE_GROUP_MANDATORY,
    SE_GROUP_OWNER,
    Token,
    effective_token,
    open_token_of,
    set_thread_token,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._pipe import PipeEnd
    from ._process import PrimaryThread
    from ._thread import ThreadHandle

__all__ = [
    "allocate_luid",
    "impersonate_pipe_client",
    "impersonate_token",
    "impersonate_anonymous",
    "logon_user",
    "restricted_token",
    "adjust_groups",
    "set_token_owner",
    "set_token_primary_group",
    "set_token_session",
    "thread_user_name",
    "SE_GROUP_USE_FOR_DENY_ONLY",
    "DISABLE_MAX_PRIVILEGE",
    "SANDBOX_INERT",
]

SECURITY_IMPERSONATION = 2
SE_GROUP_USE_FOR_DENY_ONLY = 0x10
DISABLE_MAX_PRIVILEGE = 0x1
SANDBOX_INERT = 0x2
_CHANGE_NOTIFY_LUID = 23
_luids = itertools.count(0x10000)
_luid_lock = threading.Lock()


def allocate_luid() -> int:
    """A new locally unique identifier (AllocateLocallyUniqueId): never one given before."""
    with _luid_lock:
        return next(_luids)


def impersonate_token(thread: ThreadHandle | PrimaryThread, token: Token) -> None:
    """Make ``thread`` act as ``token``'s user (ImpersonateLoggedOnUser).

    A primary token is copied as an impersonation token at SecurityImpersonation; an
    impersonation token is used itself.
    """
    if token.impersonation_level is None:
        token = token.duplicate(SECURITY_IMPERSONATION)
    set_thread_token(thread, token)


def impersonate_pipe_client(thread: ThreadHandle | PrimaryThread, pipe: PipeEnd) -> None:
    """Make ``thread`` act as the client of a connected pipe (ImpersonateNamedPipeClient).

    Raises:
        Win32Error: ERROR_CANNOT_IMPERSONATE for a client end, or a server end no client
            is connected to.
    """
    if not pipe.server or not pipe.connected:
        raise Win32Error.from_code(
            ERROR_CANNOT_IMPERSONATE,
            f"{pipe.name!r} has no connected client to impersonate; ConnectNamedPipe first",
        )
    client = open_token_of(current_process()).duplicate(SECURITY_IMPERSONATION)
    set_thread_token(thread, client)


def impersonate_anonymous(thread: ThreadHandle | PrimaryThread) -> None:
    """Make ``thread`` act as ANONYMOUS LOGON (ImpersonateAnonymousToken).

    The anonymous token's user is S-1-5-7; its groups are Everyone and NETWORK; it holds no
    privileges.
    """
    token = effective_token(thread).duplicate(SECURITY_IMPERSONATION)  # type: ignore[arg-type]
    group = SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED
    token.user = token.owner = ANONYMOUS_SID
    token.groups = (("S-1-1-0", group), ("S-1-5-2", group))
    token.primary_group = ANONYMOUS_SID
    token.elevated = False
    token.adjust_privileges([(luid, 0x4) for luid, _ in token.privileges()])  # removed
    set_thread_token(thread, token)


def logon_user(name: str, domain: str | None, password: str | None) -> Token:
    """Log the user running the process on again (LogonUser): a new primary token.

    Raises:
        Win32Error: ERROR_LOGON_FAILURE for any other user (see the module's text).
    """
    if "@" in name and not domain:  # a UPN: user@domain
        name, _, domain = name.partition("@")
    if domain in (None, "", "."):
        domain = computer_name()
    try:
        check_local_computer(domain)
    except Win32Error:
        domain = None
    if domain is None or name.casefold() != user_name().casefold():
        raise Win32Error.from_code(
            ERROR_LOGON_FAILURE,
            f"only the user running the process ({user_name()!r}) can be logged on here: "
            "becoming another Linux user takes root",
        )
    return open_token_of(current_process()).duplicate(None)


def restricted_token(
    token: Token,
    flags: int,
    disable: Iterable[str],
    delete_privileges: Iterable[int],
    restrict: Iterable[str],
) -> Token:
    """A restricted copy of ``token`` (CreateRestrictedToken), primary as Windows makes it.

    Args:
        token: the token to restrict.
        flags: DISABLE_MAX_PRIVILEGE removes every privilege but SeChangeNotifyPrivilege.
        disable: SIDs of groups (or the user) that become deny-only.
        delete_privileges: LUIDs of privileges to remove.
        restrict: the restricting SIDs.
    """
    copy = token.duplicate(None)
    disabled = {sid.upper() for sid in disable}
    copy.groups = tuple(
        (sid, (attrs & ~(SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT))
         | SE_GROUP_USE_FOR_DENY_ONLY) if sid in disabled else (sid, attrs)
        for sid, attrs in copy.groups
    )  # fmt: skip
    removed = set(delete_privileges)
    if flags & DISABLE_MAX_PRIVILEGE:
        removed |= {luid for luid, _ in copy.privileges() if luid != _CHANGE_NOTIFY_LUID}
    copy.adjust_privileges([(luid, 0x4) for luid in sorted(removed)])
    copy.restricting = tuple((sid.upper(), SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT
                              | SE_GROUP_MANDATORY) for sid in restrict)  # fmt: skip
    return copy


def adjust_groups(
    token: Token, changes: Iterable[tuple[str, int]] | None
) -> tuple[tuple[str, int], ...]:
    """Enable or disable groups of ``token`` (AdjustTokenGroups); None resets the defaults.

    Returns:
        The previous ``(SID, attributes)`` of each group whose state changed.

    Raises:
        Win32Error: ERROR_CANT_DISABLE_MANDATORY for a mandatory group disabled (nothing
            changes then).
    """
    wanted = {sid.upper(): attrs for sid, attrs in changes} if changes is not None else None
    groups, previous = [], []
    for sid, attrs in token.groups:
        if wanted is None:
            on = bool(attrs & SE_GROUP_ENABLED_BY_DEFAULT)
        elif sid in wanted:
            on = bool(wanted[sid] & SE_GROUP_ENABLED)
        else:
            groups.append((sid, attrs))
            continue
        if attrs & SE_GROUP_MANDATORY and not on:
            if wanted is not None:
                raise Win32Error.from_code(
                    ERROR_CANT_DISABLE_MANDATORY, f"{sid} is a mandatory group of the token"
                )
            on = True
        after = attrs | SE_GROUP_ENABLED if on else attrs & ~SE_GROUP_ENABLED
        if after != attrs:
            previous.append((sid, attrs))
        groups.append((sid, after))
    token.groups = tuple(groups)
    return tuple(previous)


def set_token_owner(token: Token, sid: str) -> None:
    """Set the owner new objects get (SetTokenInformation TokenOwner).

    Raises:
        Win32Error: ERROR_INVALID_OWNER for a SID that is neither the token's user nor one
            of its groups that may own objects (SE_GROUP_OWNER).
    """
    sid = sid.upper()
    if sid != token.user and not any(g == sid and a & SE_GROUP_OWNER for g, a in token.groups):
        raise Win32Error.from_code(
            ERROR_INVALID_OWNER, f"{sid} is neither the token's user nor a group that may own"
        )
    token.owner = sid


def set_token_primary_group(token: Token, sid: str) -> None:
    """Set the group new objects get (SetTokenInformation TokenPrimaryGroup).

    Raises:
        Win32Error: ERROR_INVALID_PRIMARY_GROUP for a SID that is not the token's user or
            one of its groups.
    """
    sid = sid.upper()
    if sid != token.user and sid not in (group for group, _ in token.groups):
        raise Win32Error.from_code(
            ERROR_INVALID_PRIMARY_GROUP, f"{sid} is not a group of the token"
        )
    token.primary_group = sid


def set_token_session(token: Token, session_id: int, caller: Token) -> None:
    """Move ``token`` to another session (SetTokenInformation TokenSessionId).

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeTcbPrivilege enabled in ``caller``.
    """
    if not caller.privilege_enabled("SeTcbPrivilege"):
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD, "moving a token to another session takes SeTcbPrivilege"
        )
    token.session_id = session_id


def thread_user_name(thread: ThreadHandle | PrimaryThread) -> str:
    """The name of the user ``thread`` acts as (GetUserName): an impersonated one's too."""
    token = effective_token(thread)  # type: ignore[arg-type]
    if token.user == current_user_sid():
        return user_name()
    return lookup_sid(token.user).name
