r"""Accounts and their security identifiers: the one table of names to SIDs.

Windows names every user and group by a SID (``S-1-5-32-544``) and by a name in a domain
(``BUILTIN\\Administrators``). Here the table holds the well-known groups every Windows machine
has (their SIDs are fixed by Windows), the computer's own domain with its built-in
``Administrator`` (RID 500) and ``Guest`` (RID 501), and the Linux user running the process,
whose RID is 1000 plus its uid. Nothing is enforced by these SIDs on Linux
(``docs/differences-from-windows.md``); they are names programs look up and compare.

The computer is in no domain: asking for a directory service fails with ERROR_NO_SUCH_DOMAIN,
as on a Windows machine in a workgroup.
"""

from __future__ import annotations

import enum
import grp
import itertools
import os
import pwd
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from ..errors import (
    ERROR_NO_SUCH_DOMAIN,
    ERROR_NONE_MAPPED,
    RPC_S_SERVER_UNAVAILABLE,
    Win32Error,
)
from ._sysinfo import computer_name, user_name

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "AccountKind",
    "Account",
    "lookup_account",
    "lookup_sid",
    "current_user_sid",
    "machine_sid",
    "bind_directory",
    "check_local_computer",
    "none_group_sid",
    "MEDIUM_INTEGRITY_SID",
    "HIGH_INTEGRITY_SID",
    "ADMINISTRATORS_SID",
    "ANONYMOUS_SID",
]


class AccountKind(enum.IntEnum):
    """What a SID names (SID_NAME_USE: the values are Windows')."""

    USER = 1
    GROUP = 2
    DOMAIN = 3
    ALIAS = 4  # a local group, such as BUILTIN\Administrators
    WELL_KNOWN_GROUP = 5
    DELETED_ACCOUNT = 6
    INVALID = 7
    UNKNOWN = 8
    COMPUTER = 9
    LABEL = 10  # an integrity level, such as Mandatory Label\Medium Mandatory Level


class Account(NamedTuple):
    """One account: its SID as text, its name, the domain that names it and its kind."""

    sid: str
    name: str
    domain: str
    kind: AccountKind


MEDIUM_INTEGRITY_SID = "S-1-16-8192"
HIGH_INTEGRITY_SID = "S-1-16-12288"
ADMINISTRATORS_SID = "S-1-5-32-544"
ANONYMOUS_SID = "S-1-5-7"
_BUILTIN = "BUILTIN"
_LABEL = "Mandatory Label"
_NT_AUTHORITY = "NT AUTHORITY"
_WELL_KNOWN = (
    Account("S-1-0-0", "NULL SID", "", AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-1-0", "Everyone", "", AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-2-0", "LOCAL", "", AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-3-0", "CREATOR OWNER", "", AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-3-1", "CREATOR GROUP", "", AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-2", "NETWORK", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-3", "BATCH", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-4", "INTERACTIVE", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-6", "SERVICE", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-7", "ANONYMOUS LOGON", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-11", "Authenticated Users", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-18", "SYSTEM", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-19", "LOCAL SERVICE", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-20", "NETWORK SERVICE", _NT_AUTHORITY, AccountKind.WELL_KNOWN_GROUP),
    Account("S-1-5-32", _BUILTIN, _BUILTIN, AccountKind.DOMAIN),
    Account("S-1-5-32-544", "Administrators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-545", "Users", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-546", "Guests", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-547", "Power Users", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-548", "Account Operators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-549", "Server Operators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-550", "Print Operators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-551", "Backup Operators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-555", "Remote Desktop Users", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-5-32-556", "Network Configuration Operators", _BUILTIN, AccountKind.ALIAS),
    Account("S-1-16-4096", "Low Mandatory Level", _LABEL, AccountKind.LABEL),
    Account(MEDIUM_INTEGRITY_SID, "Medium Mandatory Level", _LABEL, AccountKind.LABEL),
    Account(HIGH_INTEGRITY_SID, "High Mandatory Level", _LABEL, AccountKind.LABEL),
    Account("S-1-16-16384", "System Mandatory Level", _LABEL, AccountKind.LABEL),
)
_ADMINISTRATOR_RID = 500
_GUEST_RID = 501
_NONE_GROUP_RID = 513  # "None": a workgroup machine's users' primary group
_FIRST_USER_RID = 1000
_FIRST_GROUP_RID = 100000


def machine_sid() -> str:
    """The computer's own domain SID (``S-1-5-21-...``): fixed, as one machine's is."""
    return "S-1-5-21-0-0-0"


def user_sid(uid: int) -> str:
    """The SID of the computer's user with Linux uid ``uid``: the machine's, RID 1000 + uid."""
    return f"{machine_sid()}-{_FIRST_USER_RID + uid}"


def group_sid(gid: int) -> str:
    """The SID of the local group with Linux gid ``gid``: the machine's, RID 100000 + gid."""
    return f"{machine_sid()}-{_FIRST_GROUP_RID + gid}"


def current_user_sid() -> str:
    """The SID of the user running the process: the machine's, RID 1000 + the Linux uid."""
    return user_sid(os.getuid())


def _accounts() -> tuple[Account, ...]:
    """The fixed table: the well-known accounts, then the computer's (its name may change)."""
    machine, domain = machine_sid(), computer_name()
    return (
        *_WELL_KNOWN,
        Account(machine, domain, domain, AccountKind.DOMAIN),
        Account(f"{machine}-{_ADMINISTRATOR_RID}", "Administrator", domain, AccountKind.USER),
        Account(f"{machine}-{_GUEST_RID}", "Guest", domain, AccountKind.USER),
        Account(f"{machine}-{_NONE_GROUP_RID}", "None", domain, AccountKind.GROUP),
        Account(current_user_sid(), user_name(), domain, AccountKind.USER),
    )


def _system_account(sid: str) -> Account | None:
    """The system's user (RID 1000 + uid) or group (an alias, RID 100000 + gid) ``sid`` names.

    The computer's users and local groups are the system's (/etc/passwd, /etc/group), as the
    network account calls list them; one is read by its id, not the whole list.
    """
    prefix = machine_sid() + "-"
    if not sid.startswith(prefix) or not sid[len(prefix) :].isdigit():
        return None
    rid, domain = int(sid[len(prefix) :]), computer_name()
    try:
        if rid >= _FIRST_GROUP_RID:
            name = grp.getgrgid(rid - _FIRST_GROUP_RID).gr_name
            return Account(sid, name, domain, AccountKind.ALIAS)
        if rid >= _FIRST_USER_RID:
            name = pwd.getpwuid(rid - _FIRST_USER_RID).pw_name
            return Account(sid, name, domain, AccountKind.USER)
    except (KeyError, OverflowError):
        pass
    return None


def _system_accounts() -> Iterator[Account]:
    """Every system user, then every system group, as accounts of the computer."""
    domain = computer_name()
    for user in pwd.getpwall():
        yield Account(user_sid(user.pw_uid), user.pw_name, domain, AccountKind.USER)
    for group in grp.getgrall():
        yield Account(group_sid(group.gr_gid), group.gr_name, domain, AccountKind.ALIAS)


def none_group_sid() -> str:
    """The SID of the computer's "None" group, its users' primary group."""
    return f"{machine_sid()}-{_NONE_GROUP_RID}"


def check_local_computer(computer: str | None) -> None:
    """Accept this computer (None, "" or its name); another one cannot be reached."""
    if computer and computer.lstrip("\\").casefold() != computer_name().casefold():
        raise Win32Error.from_code(RPC_S_SERVER_UNAVAILABLE, f"no computer {computer!r}")


def lookup_account(name: str, *, computer: str | None = None) -> Account:
    r"""Find an account by ``name`` or ``domain\\name``, case-insensitively (LookupAccountName).

    Args:
        name: the account's name, alone or after its domain and a backslash.
        computer: whose accounts (None or "" for this one's; no other can be reached).

    Raises:
        TypeError: ``name`` is not a string.
        Win32Error: ERROR_NONE_MAPPED, when no account (or not in that domain) has the name;
            RPC_S_SERVER_UNAVAILABLE for another computer.
    """
    check_local_computer(computer)
    if not isinstance(name, str):
        raise TypeError("an account name must be a string")
    domain, _, bare = name.rpartition("\\")
    bare, domain = bare.casefold(), domain.casefold()
    for account in itertools.chain(_accounts(), _system_accounts()):  # the fixed ones first
        if account.name.casefold() == bare and (not domain or account.domain.casefold() == domain):
            return account
    raise Win32Error.from_code(ERROR_NONE_MAPPED, f"no account is named {name!r}")


def lookup_sid(sid: str, *, computer: str | None = None) -> Account:
    """Find the account a SID (as text, ``S-1-...``) names (LookupAccountSid).

    Args:
        sid: the SID's text.
        computer: whose accounts (None or "" for this one's; no other can be reached).

    Raises:
        TypeError: ``sid`` is not a string.
        Win32Error: ERROR_NONE_MAPPED, when no account has the SID; RPC_S_SERVER_UNAVAILABLE
            for another computer.
    """
    check_local_computer(computer)
    if not isinstance(sid, str):
        raise TypeError("a SID must be given as its text, S-1-...")
    wanted = sid.upper()
    for account in _accounts():
        if account.sid == wanted:
            return account
    found = _system_account(wanted)
    if found is not None:
        return found
    raise Win32Error.from_code(ERROR_NONE_MAPPED, f"no account has the SID {sid}")


def bind_directory() -> NoReturn:
    """Reach the domain's directory service (DsBind, DsCrackNames, TranslateName, ...).

    Raises:
        Win32Error: always ERROR_NO_SUCH_DOMAIN: the computer is in no domain.
    """
    raise Win32Error.from_code(ERROR_NO_SUCH_DOMAIN, "this computer is in no domain")
