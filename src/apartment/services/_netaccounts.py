"""The computer as a workgroup member (netapi32): its users, groups, and what it shares.

The local accounts are the Linux system's: the users of the password database
(``/etc/passwd``: ``pwd``) and its groups (``/etc/group``: ``grp``) as the computer's local
groups. A user's SID is the computer's domain SID with RID 1000 + uid, as the kernel's
account table names the user running the process; a group's RID is 100000 + gid. The only
global group is a workgroup computer's ``None`` (RID 513). The computer shares nothing, is in
no domain (NERR_DCNotFound) and its accounts are not changed from here (ERROR_ACCESS_DENIED,
as for a user who is no administrator).
"""

from __future__ import annotations

import grp
import pwd
from typing import NamedTuple

from .. import kernel
from ..errors import ERROR_ACCESS_DENIED, ERROR_INVALID_PARAMETER, Win32Error

__all__ = [
    "LocalUser",
    "LocalGroup",
    "local_users",
    "local_user",
    "local_groups",
    "local_group",
    "global_groups",
    "global_group",
    "user_local_groups",
    "check_resume",
    "refuse_account_change",
    "domain_controller",
    "WORKGROUP",
    "NERR_USER_NOT_FOUND",
    "NERR_GROUP_NOT_FOUND",
    "NERR_DC_NOT_FOUND",
    "ERROR_NO_SUCH_ALIAS",
]

WORKGROUP = "WORKGROUP"
"""The workgroup the computer is in."""

NERR_GROUP_NOT_FOUND = 2220
NERR_USER_NOT_FOUND = 2221
NERR_DC_NOT_FOUND = 2453
ERROR_NO_SUCH_ALIAS = 1376
_NONE_GROUP_RID = 513


class LocalUser(NamedTuple):
    """A user of the computer."""

    name: str
    rid: int
    sid: str
    full_name: str
    home: str
    shell: str
    administrator: bool
    primary_group: str


class LocalGroup(NamedTuple):
    """A local group of the computer and its members' names."""

    name: str
    rid: int
    sid: str
    members: tuple[str, ...]


def _rid(sid: str) -> int:
    """A SID's last part: the account's relative id (the kernel makes the SIDs)."""
    return int(sid.rsplit("-", 1)[1])


def _user(entry: pwd.struct_passwd) -> LocalUser:
    sid = kernel.user_sid(entry.pw_uid)
    try:
        primary = grp.getgrgid(entry.pw_gid).gr_name
    except KeyError:
        primary = ""
    return LocalUser(
        name=entry.pw_name,
        rid=_rid(sid),
        sid=sid,
        full_name=entry.pw_gecos.split(",", 1)[0],
        home=entry.pw_dir,
        shell=entry.pw_shell,
        administrator=entry.pw_uid == 0,
        primary_group=primary,
    )


def local_users() -> list[LocalUser]:
    """Return the computer's users, in the password database's order (NetUserEnum)."""
    return [_user(entry) for entry in pwd.getpwall()]


def local_user(name: str) -> LocalUser:
    """Return user ``name`` (any case) (NetUserGetInfo).

    Raises:
        Win32Error: NERR_UserNotFound (2221), no such user.
    """
    for user in local_users():
        if user.name.lower() == name.lower():
            return user
    raise Win32Error.from_code(NERR_USER_NOT_FOUND, f"there is no user {name!r}")


def _group(entry: grp.struct_group) -> LocalGroup:
    sid = kernel.group_sid(entry.gr_gid)
    members = list(entry.gr_mem)
    for user in pwd.getpwall():  # a user's primary group holds it too
        if user.pw_gid == entry.gr_gid and user.pw_name not in members:
            members.append(user.pw_name)
    return LocalGroup(entry.gr_name, _rid(sid), sid, tuple(members))


def local_groups() -> list[LocalGroup]:
    """Return the computer's local groups: the system's groups (NetLocalGroupEnum)."""
    return [_group(entry) for entry in grp.getgrall()]


def local_group(name: str) -> LocalGroup:
    """Return local group ``name`` (any case) (NetLocalGroupGetInfo, ...GetMembers).

    Raises:
        Win32Error: ERROR_NO_SUCH_ALIAS (1376), no such local group.
    """
    for group in local_groups():
        if group.name.lower() == name.lower():
            return group
    raise Win32Error.from_code(ERROR_NO_SUCH_ALIAS, f"there is no local group {name!r}")


def global_groups() -> list[tuple[str, str, int]]:
    """Return the global groups as (name, comment, RID): a workgroup computer's ``None``."""
    return [("None", "Ordinary users", _NONE_GROUP_RID)]


def global_group(name: str) -> tuple[str, str, int]:
    """Return global group ``name`` (any case) as (name, comment, RID) (NetGroupGetInfo).

    Raises:
        Win32Error: NERR_GroupNotFound (2220), no such group.
    """
    for group in global_groups():
        if group[0].lower() == name.lower():
            return group
    raise Win32Error.from_code(NERR_GROUP_NOT_FOUND, f"there is no group {name!r}")


def user_local_groups(name: str) -> list[str]:
    """Return the local groups user ``name`` belongs to (NetUserGetLocalGroups)."""
    user = local_user(name)
    return [group.name for group in local_groups() if user.name in group.members]


def check_resume(resume: int) -> None:
    """An enumeration's resume handle: 0 starts one; no other was handed out.

    Every enumeration here ends in one call (its resume handle back is 0), so a caller that
    passes another value did not get it from a call before.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for a handle not handed out.
    """
    if resume:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{resume} is no resume handle given")


def refuse_account_change(what: str) -> None:
    """Changing the computer's accounts or shares is refused: ERROR_ACCESS_DENIED."""
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{what} is not changed from here")


def domain_controller(domain: str | None) -> str:
    """The domain controller of ``domain``: none, the computer is in a workgroup.

    Raises:
        Win32Error: NERR_DCNotFound (2453), always.
    """
    raise Win32Error.from_code(NERR_DC_NOT_FOUND, "the computer is in a workgroup, not a domain")
