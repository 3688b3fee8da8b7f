"""Privileges: Windows' table of privilege names, their LUIDs and their display names.

A privilege is named (``SeDebugPrivilege``) and numbered by a locally unique identifier; the
LUIDs of the built-in privileges are fixed by Windows (SeDebugPrivilege is 20 on every
machine), and so are they here. The account *rights* (``SeInteractiveLogonRight``...) and the
retired ``SeUnsolicitedInputPrivilege`` are no privileges: looking them up fails with
ERROR_NO_SUCH_PRIVILEGE, as on Windows. Nothing is enforced by a privilege on Linux
(``docs/differences-from-windows.md``): tokens hold them, programs enable and query them.
"""

from __future__ import annotations

from ..errors import ERROR_NO_SUCH_PRIVILEGE, Win32Error
from ._accounts import check_local_computer

__all__ = ["privilege_luid", "privilege_name", "privilege_display_name", "PRIVILEGES"]

PRIVILEGES: dict[str, tuple[int, str]] = {
    "SeCreateTokenPrivilege": (2, "Create a token object"),
    "SeAssignPrimaryTokenPrivilege": (3, "Replace a process level token"),
    "SeLockMemoryPrivilege": (4, "Lock pages in memory"),
    "SeIncreaseQuotaPrivilege": (5, "Adjust memory quotas for a process"),
    "SeMachineAccountPrivilege": (6, "Add workstations to domain"),
    "SeTcbPrivilege": (7, "Act as part of the operating system"),
    "SeSecurityPrivilege": (8, "Manage auditing and security log"),
    "SeTakeOwnershipPrivilege": (9, "Take ownership of files or other objects"),
    "SeLoadDriverPrivilege": (10, "Load and unload device drivers"),
    "SeSystemProfilePrivilege": (11, "Profile system performance"),
    "SeSystemtimePrivilege": (12, "Change the system time"),
    "SeProfileSingleProcessPrivilege": (13, "Profile single process"),
    "SeIncreaseBasePriorityPrivilege": (14, "Increase scheduling priority"),
    "SeCreatePagefilePrivilege": (15, "Create a pagefile"),
    "SeCreatePermanentPrivilege": (16, "Create permanent shared objects"),
    "SeBackupPrivilege": (17, "Back up files and directories"),
    "SeRestorePrivilege": (18, "Restore files and directories"),
    "SeShutdownPrivilege": (19, "Shut down the system"),
    "SeDebugPrivilege": (20, "Debug programs"),
    "SeAuditPrivilege": (21, "Generate security audits"),
    "SeSystemEnvironmentPrivilege": (22, "Modify firmware environment values"),
    "SeChangeNotifyPrivilege": (23, "Bypass traverse checking"),
    "SeRemoteShutdownPrivilege": (24, "Force shutdown from a remote system"),
    "SeUndockPrivilege": (25, "Remove computer from docking station"),
    "SeSyncAgentPrivilege": (26, "Synchronize directory service data"),
    "SeEnableDelegationPrivilege": (
        27,
        "Enable computer and user accounts to be trusted for delegation",
    ),
    "SeManageVolumePrivilege": (28, "Perform volume maintenance tasks"),
    "SeImpersonatePrivilege": (29, "Impersonate a client after authentication"),
    "SeCreateGlobalPrivilege": (30, "Create global objects"),
    "SeTrustedCredManAccessPrivilege": (31, "Access Credential Manager as a trusted caller"),
    "SeRelabelPrivilege": (32, "Modify an object label"),
    "SeIncreaseWorkingSetPrivilege": (33, "Increase a process working set"),
    "SeTimeZonePrivilege": (34, "Change the time zone"),
    "SeCreateSymbolicLinkPrivilege": (35, "Create symbolic links"),
    "SeDelegateSessionUserImpersonatePrivilege": (
        36,
        "Obtain an impersonation token for another user in the same session",
    ),
}
"""Each privilege's name -> (its LUID, its display name), as Windows (in English) has them."""

_BY_FOLDED = {name.casefold(): name for name in PRIVILEGES}
_BY_LUID = {luid: name for name, (luid, _) in PRIVILEGES.items()}


def _canonical(name: str) -> str:
    if not isinstance(name, str):
        raise TypeError("a privilege name must be a string")
    found = _BY_FOLDED.get(name.casefold())
    if found is None:
        raise Win32Error.from_code(ERROR_NO_SUCH_PRIVILEGE, f"no privilege is named {name!r}")
    return found


def privilege_luid(name: str, *, computer: str | None = None) -> int:
    """The LUID of the privilege ``name`` (case-insensitive) (LookupPrivilegeValue).

    Raises:
        TypeError: ``name`` is not a string.
        Win32Error: ERROR_NO_SUCH_PRIVILEGE for a name that is no privilege (an account
            right included); RPC_S_SERVER_UNAVAILABLE for another computer.
    """
    check_local_computer(computer)
    return PRIVILEGES[_canonical(name)][0]


def privilege_name(luid: int, *, computer: str | None = None) -> str:
    """The name of the privilege numbered ``luid`` (LookupPrivilegeName).

    Raises:
        Win32Error: ERROR_NO_SUCH_PRIVILEGE for a LUID no privilege has.
    """
    check_local_computer(computer)
    found = _BY_LUID.get(luid)
    if found is None:
        raise Win32Error.from_code(ERROR_NO_SUCH_PRIVILEGE, f"no privilege has the LUID {luid}")
    return found


def privilege_display_name(name: str, *, computer: str | None = None) -> str:
    """What a privilege lets its holder do, in words (LookupPrivilegeDisplayName).

    Raises:
        TypeError: ``name`` is not a string.
        Win32Error: ERROR_NO_SUCH_PRIVILEGE for a name that is no privilege.
    """
    check_local_computer(computer)
    return PRIVILEGES[_canonical(name)][1]
