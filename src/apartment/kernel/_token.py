r"""Access tokens: who a process (or an impersonating thread) is, its groups and privileges.

Windows gives every process a *primary* token: its user, the groups it belongs to, its
privileges (held, and enabled or not), its integrity level. Here the token describes the
Linux user running the process, as the account table (``_accounts``) names it: root is an
elevated administrator (BUILTIN\Administrators, high integrity, an administrator's
privileges), any other user a standard user (medium integrity, the five privileges Windows
gives one). Privileges are kept per token and can be enabled, disabled and removed; none is
enforced on Linux (``docs/differences-from-windows.md``).

Every handle :func:`open_process_token` opens to this process reaches the same token, so an
adjustment made through one is seen through all, as on Windows; another process's token is
a fresh one of the same user. A thread impersonates with :func:`impersonate_self` (a copy of
the process token, as an *impersonation* token) until :func:`revert_to_self`. A token's
privileges change under its own lock.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_BAD_IMPERSONATION_LEVEL,
    ERROR_BAD_TOKEN_TYPE,
    ERROR_NO_IMPERSONATION_TOKEN,
    ERROR_NO_SUCH_LOGON_SESSION,
    ERROR_NO_TOKEN,
    Win32Error,
)
from ._accounts import (
    ADMINISTRATORS_SID,
    HIGH_INTEGRITY_SID,
    MEDIUM_INTEGRITY_SID,
    current_user_sid,
    none_group_sid,
)
from ._core import KERNEL_LOCK
from ._privileges import PRIVILEGES
from ._process import ProcessHandle, current_process

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ._process import PrimaryThread
    from ._thread import ThreadHandle

__all__ = [
    "Token",
    "require_primary",
    "open_token_of",
    "thread_token",
    "effective_token",
    "impersonate_self",
    "revert_to_self",
    "set_thread_token",
    "SE_PRIVILEGE_ENABLED_BY_DEFAULT",
    "SE_PRIVILEGE_ENABLED",
    "SE_PRIVILEGE_REMOVED",
    "SE_GROUP_MANDATORY",
    "SE_GROUP_ENABLED_BY_DEFAULT",
    "SE_GROUP_ENABLED",
    "SE_GROUP_OWNER",
    "SE_GROUP_INTEGRITY",
    "SE_GROUP_INTEGRITY_ENABLED",
    "SECURITY_ANONYMOUS",
    "SECURITY_DELEGATION",
    "TOKEN_ALL_ACCESS",
    "map_token_access",
]

SE_PRIVILEGE_ENABLED_BY_DEFAULT = 0x1
SE_PRIVILEGE_ENABLED = 0x2
SE_PRIVILEGE_REMOVED = 0x4
SE_GROUP_MANDATORY = 0x1
SE_GROUP_ENABLED_BY_DEFAULT = 0x2
SE_GROUP_ENABLED = 0x4
SE_GROUP_OWNER = 0x8
SE_GROUP_INTEGRITY = 0x20
SE_GROUP_INTEGRITY_ENABLED = 0x40
SECURITY_ANONYMOUS = 0
SECURITY_DELEGATION = 3

TOKEN_ASSIGN_PRIMARY = 0x1
TOKEN_DUPLICATE = 0x2
TOKEN_IMPERSONATE = 0x4
TOKEN_QUERY = 0x8
TOKEN_QUERY_SOURCE = 0x10
TOKEN_ADJUST_PRIVILEGES = 0x20
TOKEN_ADJUST_GROUPS = 0x40
TOKEN_ADJUST_DEFAULT = 0x80
TOKEN_ADJUST_SESSIONID = 0x100
_READ_CONTROL = 0x20000
TOKEN_READ = _READ_CONTROL | TOKEN_QUERY
TOKEN_WRITE = _READ_CONTROL | TOKEN_ADJUST_PRIVILEGES | TOKEN_ADJUST_GROUPS | TOKEN_ADJUST_DEFAULT
TOKEN_EXECUTE = _READ_CONTROL
TOKEN_ALL_ACCESS = 0xF0000 | 0x1FF
_GENERIC = ((0x80000000, TOKEN_READ), (0x40000000, TOKEN_WRITE), (0x20000000, TOKEN_EXECUTE))
_GENERIC_ALL_OR_MAXIMUM = 0x10000000 | 0x02000000  # GENERIC_ALL, MAXIMUM_ALLOWED


def map_token_access(access: int) -> int:
    """A token's rights for ``access``: GENERIC_* and MAXIMUM_ALLOWED as a token maps them."""
    mapped = access & 0x0DFFFFFF & ~_GENERIC_ALL_OR_MAXIMUM
    for generic, rights in _GENERIC:
        if access & generic:
            mapped |= rights
    if access & _GENERIC_ALL_OR_MAXIMUM:
        mapped |= TOKEN_ALL_ACCESS
    return mapped


_ON = SE_PRIVILEGE_ENABLED_BY_DEFAULT | SE_PRIVILEGE_ENABLED
_GROUP = SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED
# A standard user's privileges (Windows gives one these five, only the first enabled).
_STANDARD = {
    "SeChangeNotifyPrivilege": _ON,
    "SeShutdownPrivilege": 0,
    "SeUndockPrivilege": 0,
    "SeIncreaseWorkingSetPrivilege": 0,
    "SeTimeZonePrivilege": 0,
}
# An elevated administrator's, as Windows 10's token has them.
_ADMINISTRATOR = {
    **dict.fromkeys(
        (
            "SeIncreaseQuotaPrivilege",
            "SeSecurityPrivilege",
            "SeTakeOwnershipPrivilege",
            "SeLoadDriverPrivilege",
            "SeSystemProfilePrivilege",
            "SeSystemtimePrivilege",
            "SeProfileSingleProcessPrivilege",
            "SeIncreaseBasePriorityPrivilege",
            "SeCreatePagefilePrivilege",
            "SeBackupPrivilege",
            "SeRestorePrivilege",
            "SeDebugPrivilege",
            "SeSystemEnvironmentPrivilege",
            "SeRemoteShutdownPrivilege",
            "SeManageVolumePrivilege",
            "SeCreateSymbolicLinkPrivilege",
            "SeDelegateSessionUserImpersonatePrivilege",
        ),
        0,
    ),
    **_STANDARD,
    "SeImpersonatePrivilege": _ON,
    "SeCreateGlobalPrivilege": _ON,
}
_IDENTIFICATION = 1  # SecurityIdentification
_SESSION_ID = 1  # the interactive session, as a desktop user's processes have


class Token:
    """An access token: a user, groups, privileges, and whether it is primary.

    Attributes:
        user: the user's SID (text).
        restricting: ``(SID, attributes)`` of a restricted token's restricting SIDs.
        groups: ``(SID, SE_GROUP_* attributes)`` of each group, the integrity label last.
        owner: the SID new objects get as owner.
        primary_group: the SID new objects get as group.
        elevated: whether the token is an administrator's, unfiltered.
        integrity: the SID of its integrity level (``S-1-16-...``).
        session_id: the session it belongs to.
        impersonation_level: None for a primary token, else SecurityAnonymous (0) to
            SecurityDelegation (3).
    """

    __slots__ = (
        "_lock",
        "_privileges",
        "elevated",
        "groups",
        "impersonation_level",
        "integrity",
        "linked",
        "owner",
        "primary_group",
        "restricting",
        "session_id",
        "user",
    )

    def __init__(self, *, administrator: bool, impersonation_level: int | None = None) -> None:
        self.user = current_user_sid()
        self.elevated = administrator
        self.integrity = HIGH_INTEGRITY_SID if administrator else MEDIUM_INTEGRITY_SID
        groups = [("S-1-1-0", _GROUP)]
        if administrator:
            groups.append((ADMINISTRATORS_SID, _GROUP | SE_GROUP_OWNER))
        groups += [(sid, _GROUP) for sid in ("S-1-5-32-545", "S-1-5-4", "S-1-5-11", "S-1-2-0")]
        groups.append((self.integrity, SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED))
        self.groups = tuple(groups)
        self.owner = ADMINISTRATORS_SID if administrator else self.user
        self.primary_group = none_group_sid()
        self.session_id = _SESSION_ID
        self.impersonation_level = impersonation_level
        self.restricting: tuple[tuple[str, int], ...] = ()  # CreateRestrictedToken's SIDs
        self.linked: Token | None = None  # a limited token's full one (UAC's split token)
        self._lock = threading.Lock()
        held = _ADMINISTRATOR if administrator else _STANDARD
        self._privileges = {PRIVILEGES[name][0]: attributes for name, attributes in held.items()}

    def __repr__(self) -> str:
        kind = "primary" if self.impersonation_level is None else "impersonation"
        return f"<Token {kind} of {self.user}>"

    def privileges(self) -> tuple[tuple[int, int], ...]:
        """``(LUID, SE_PRIVILEGE_* attributes)`` of each privilege the token holds."""
        with self._lock:
            return tuple(sorted(self._privileges.items()))

    def adjust_privileges(
        self, changes: Iterable[tuple[int, int]] | None
    ) -> tuple[tuple[tuple[int, int], ...], bool]:
        """Enable, disable or remove privileges (AdjustTokenPrivileges).

        Args:
            changes: ``(LUID, attributes)`` pairs: SE_PRIVILEGE_ENABLED enables the privilege,
                its absence disables it, SE_PRIVILEGE_REMOVED removes it from the token for
                good. None disables every privilege.

        Returns:
            The previous ``(LUID, attributes)`` of each privilege whose state changed, and
            whether the token held every privilege named (False is Windows'
            ERROR_NOT_ALL_ASSIGNED, a success: the others were still adjusted).
        """
        previous: list[tuple[int, int]] = []
        held_all = True
        with self._lock:
            if changes is None:
                changes = [(luid, 0) for luid in sorted(self._privileges)]
            for luid, attributes in changes:
                before = self._privileges.get(luid)
                if before is None:
                    held_all = False
                    continue
                if attributes & SE_PRIVILEGE_REMOVED:
                    del self._privileges[luid]
                    previous.append((luid, before))
                    continue
                after = (before & ~SE_PRIVILEGE_ENABLED) | (attributes & SE_PRIVILEGE_ENABLED)
                if after != before:
                    self._privileges[luid] = after
                    previous.append((luid, before))
        return tuple(previous), held_all

    def privilege_enabled(self, name: str) -> bool:
        """Whether the token holds the privilege ``name`` and it is enabled."""
        luid = PRIVILEGES[name][0]
        with self._lock:
            return bool(self._privileges.get(luid, 0) & SE_PRIVILEGE_ENABLED)

    def is_member(self, sid: str) -> bool:
        """Whether the token's user is ``sid``, or an enabled group of it is."""
        wanted = sid.upper()
        if wanted == self.user:
            return True
        return any(group == wanted and attrs & SE_GROUP_ENABLED for group, attrs in self.groups)

    def duplicate(self, impersonation_level: int | None) -> Token:
        """A new token like this one (privileges as they are now), primary for None.

        Raises:
            Win32Error: ERROR_BAD_IMPERSONATION_LEVEL for a level outside 0-3.
        """
        if impersonation_level is not None and not (
            SECURITY_ANONYMOUS <= impersonation_level <= SECURITY_DELEGATION
        ):
            raise Win32Error.from_code(
                ERROR_BAD_IMPERSONATION_LEVEL, f"no impersonation level {impersonation_level}"
            )
        copy = Token(administrator=self.elevated, impersonation_level=impersonation_level)
        copy.user, copy.groups, copy.owner = self.user, self.groups, self.owner
        copy.primary_group, copy.integrity = self.primary_group, self.integrity
        copy.session_id, copy.restricting = self.session_id, self.restricting
        copy.linked = self.linked
        with self._lock:
            copy._privileges = dict(self._privileges)
        return copy

    @property
    def limited(self) -> bool:
        """Whether this is the limited half of an administrator's split token (UAC)."""
        return self.linked is not None and not self.elevated

    def linked_token(self) -> Token:
        """The other half of an administrator's split token (TokenLinkedToken).

        An elevated token's is its limited copy (a standard user's groups and privileges,
        medium integrity); a limited token's is the full one. Either is an impersonation
        token at SecurityIdentification, as Windows gives it to a caller without SeTcb.

        Raises:
            Win32Error: ERROR_NO_SUCH_LOGON_SESSION for a token that is not split.
        """
        if self.elevated:
            limited = Token(administrator=False, impersonation_level=_IDENTIFICATION)
            limited.linked = self
            return limited
        if self.linked is not None:
            return self.linked.duplicate(_IDENTIFICATION)
        raise Win32Error.from_code(
            ERROR_NO_SUCH_LOGON_SESSION, "a standard user's token has no linked token"
        )

    def require_impersonation(self) -> None:
        """Check that this is an impersonation token (CheckTokenMembership needs one).

        Raises:
            Win32Error: ERROR_NO_IMPERSONATION_TOKEN for a primary token.
        """
        if self.impersonation_level is None:
            raise Win32Error.from_code(
                ERROR_NO_IMPERSONATION_TOKEN, "a primary token was given where an impersonation "
                "token is needed; duplicate it with DuplicateToken first"
            )  # fmt: skip


_process_token: tuple[int, Token] | None = None  # (pid, token): a forked child makes its own
_impersonating: dict[ThreadHandle | PrimaryThread, Token] = {}  # under KERNEL_LOCK


def _process_own_token() -> Token:
    global _process_token
    with KERNEL_LOCK:
        if _process_token is None or _process_token[0] != os.getpid():
            _process_token = (os.getpid(), Token(administrator=os.geteuid() == 0))
        return _process_token[1]


def open_token_of(process: ProcessHandle) -> Token:
    """The primary token of ``process`` (OpenProcessToken).

    This process's own token is shared by every handle to it; another process's is a new
    token of the same user.
    """
    if process is current_process():
        return _process_own_token()
    return Token(administrator=os.geteuid() == 0)


def thread_token(thread: ThreadHandle | PrimaryThread) -> Token:
    """The impersonation token of ``thread`` (OpenThreadToken).

    Only a thread of this process can impersonate (another process's never has a token here).

    Raises:
        Win32Error: ERROR_NO_TOKEN when the thread is not impersonating.
    """
    with KERNEL_LOCK:
        token = _impersonating.get(thread)
    if token is None:
        raise Win32Error.from_code(ERROR_NO_TOKEN, f"{thread!r} is not impersonating")
    return token


def effective_token(thread: ThreadHandle) -> Token:
    """The token ``thread`` acts with: its impersonation token, else the process's."""
    with KERNEL_LOCK:
        token = _impersonating.get(thread)
    return token if token is not None else _process_own_token()


def impersonate_self(thread: ThreadHandle, level: int) -> None:
    """Make ``thread`` impersonate the process's user at ``level`` (ImpersonateSelf).

    The thread's token is a copy of the process token; a thread that ends while it
    impersonates keeps its entry until the process ends.

    Raises:
        Win32Error: ERROR_BAD_IMPERSONATION_LEVEL for a level outside 0-3.
    """
    token = _process_own_token().duplicate(level)
    with KERNEL_LOCK:
        _impersonating[thread] = token


def set_thread_token(thread: ThreadHandle | PrimaryThread, token: Token | None) -> None:
    """Make ``thread`` impersonate with ``token`` itself, or stop for None (SetThreadToken).

    Raises:
        Win32Error: ERROR_BAD_TOKEN_TYPE for a primary token.
    """
    if token is not None and token.impersonation_level is None:
        raise Win32Error.from_code(
            ERROR_BAD_TOKEN_TYPE, "a thread impersonates with an impersonation token, not a "
            "primary one; duplicate it with DuplicateToken first"
        )  # fmt: skip
    with KERNEL_LOCK:
        if token is None:
            _impersonating.pop(thread, None)
        else:
            _impersonating[thread] = token


def revert_to_self(thread: ThreadHandle) -> None:
    """End ``thread``'s impersonation, if any (RevertToSelf)."""
    with KERNEL_LOCK:
        _impersonating.pop(thread, None)


def require_primary(token: Token) -> None:
    """Check that ``token`` can be a new process's (CreateProcessAsUser): a primary token.

    Every token here is the user's own, so a process started with one runs as the caller.

    Raises:
        Win32Error: ERROR_BAD_TOKEN_TYPE for an impersonation token.
    """
    if token.impersonation_level is not None:
        raise Win32Error.from_code(
            ERROR_BAD_TOKEN_TYPE,
            "an impersonation token cannot start a process: duplicate it "
            "as a primary token (DuplicateTokenEx with TokenPrimary)",
        )
