"""pywin32's ``win32net``: the computer as a workgroup member, over :mod:`apartment.services`.

Users and local groups are the Linux system's (``/etc/passwd``, ``/etc/group``), as dicts
with netapi32's member names for each level; the one global group is ``None``. Nothing is
shared, no domain controller is found (NERR_DCNotFound), and accounts, groups and shares are
not changed from here (ERROR_ACCESS_DENIED). Every enumeration ends in one call: its resume
handle back is 0, and a resume handle not handed out is refused (ERROR_INVALID_PARAMETER).
"""

from __future__ import annotations

from typing import Any

from .. import kernel, services
from ..errors import Win32Error
from ._adapt import api, dword
from ._buffers import text_arg
from ._security import sid_from_string
from .pywintypes import error as error

__all__ = [
    "error",
    "NetFileClose", "NetFileEnum", "NetFileGetInfo", "NetGetAnyDCName", "NetGetDCName",
    "NetGetJoinInformation", "NetGroupAdd", "NetGroupAddUser", "NetGroupDel", "NetGroupDelUser",
    "NetGroupEnum", "NetGroupGetInfo", "NetGroupGetUsers", "NetGroupSetInfo", "NetGroupSetUsers",
    "NetLocalGroupAdd", "NetLocalGroupAddMembers", "NetLocalGroupDel", "NetLocalGroupDelMembers",
    "NetLocalGroupEnum", "NetLocalGroupGetInfo", "NetLocalGroupGetMembers",
    "NetLocalGroupSetInfo", "NetLocalGroupSetMembers", "NetMessageBufferSend",
    "NetMessageNameAdd", "NetMessageNameDel", "NetMessageNameEnum", "NetServerComputerNameAdd",
    "NetServerComputerNameDel", "NetServerDiskEnum", "NetServerEnum", "NetServerGetInfo",
    "NetServerSetInfo", "NetSessionDel", "NetSessionEnum", "NetSessionGetInfo", "NetShareAdd",
    "NetShareCheck", "NetShareDel", "NetShareEnum", "NetShareGetInfo", "NetShareSetInfo",
    "NetStatisticsGet", "NetUseAdd", "NetUseDel", "NetUseEnum", "NetUseGetInfo", "NetUserAdd",
    "NetUserChangePassword", "NetUserDel", "NetUserEnum", "NetUserGetGroups", "NetUserGetInfo",
    "NetUserGetLocalGroups", "NetUserModalsGet", "NetUserModalsSet", "NetUserSetInfo",
    "NetValidateName", "NetValidatePasswordPolicy", "NetWkstaGetInfo", "NetWkstaSetInfo",
    "NetWkstaTransportAdd", "NetWkstaTransportDel", "NetWkstaTransportEnum", "NetWkstaUserEnum",
    "SERVICE_SERVER", "SERVICE_WORKSTATION", "USE_FORCE", "USE_LOTS_OF_FORCE", "USE_NOFORCE",
]  # fmt: skip

SERVICE_SERVER = "LanmanServer"
SERVICE_WORKSTATION = "LanmanWorkstation"
USE_NOFORCE = 0
USE_FORCE = 1
USE_LOTS_OF_FORCE = 2

_ERROR_INVALID_LEVEL = 124
_ERROR_NO_SUCH_DOMAIN = 1355
_NERR_SHARE_NOT_FOUND = 2310
_NERR_USE_NOT_FOUND = 2250
_NERR_CLIENT_NAME_NOT_FOUND = 2312
_NERR_FILE_ID_NOT_FOUND = 2314
_PLATFORM_ID_NT = 500
_USER_PRIV_USER, _USER_PRIV_ADMIN = 1, 2
_UF_SCRIPT, _UF_NORMAL_ACCOUNT, _UF_DONT_EXPIRE_PASSWD = 0x1, 0x200, 0x10000
_TIMEQ_FOREVER = 0xFFFFFFFF
_USER_MAXSTORAGE_UNLIMITED = 0xFFFFFFFF
_SE_GROUP_DEFAULT = 0x7  # mandatory, enabled by default, enabled
_SID_TYPE_USER, _SID_TYPE_ALIAS = 1, 4
# SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_POTENTIAL_BROWSER | SV_TYPE_NT
_SV_TYPE = 0x1 | 0x2 | 0x1000 | 0x10000


def _server(server: object) -> None:
    """A server argument: None, or this computer's name (others are not reached)."""
    services.check_server(None if server is None else text_arg(server))


def _level(level: object, levels: tuple[int, ...], known: tuple[int, ...] = ()) -> int:
    """A level argument: one pywin32 does not know is a ValueError; one not served here, 124."""
    value = dword(level)
    if value not in levels and value not in known:
        raise ValueError("This information level is not supported")
    if value not in levels:
        raise Win32Error.from_code(_ERROR_INVALID_LEVEL, f"level {value} is not one of {levels}")
    return value


def _user_info(user: services.LocalUser, level: int) -> dict[str, Any]:
    name = user.name
    if level == 0:
        return {"name": name}
    flags = _UF_SCRIPT | _UF_NORMAL_ACCOUNT | _UF_DONT_EXPIRE_PASSWD
    priv = _USER_PRIV_ADMIN if user.administrator else _USER_PRIV_USER
    if level == 10:
        return {"name": name, "comment": "", "usr_comment": "", "full_name": user.full_name}
    if level == 20:
        return {"name": name, "full_name": user.full_name, "comment": "", "flags": flags,
                "user_id": user.rid}  # fmt: skip
    basic = {"name": name, "password": None, "password_age": 0, "priv": priv,
             "home_dir": user.home, "comment": "", "flags": flags, "script_path": ""}  # fmt: skip
    if level == 1:
        return basic
    more = {"auth_flags": 0, "full_name": user.full_name, "usr_comment": "", "parms": "",
            "workstations": "", "last_logon": 0, "last_logoff": 0, "acct_expires": _TIMEQ_FOREVER,
            "max_storage": _USER_MAXSTORAGE_UNLIMITED, "units_per_week": 168,
            "logon_hours": b"\xff" * 21, "bad_pw_count": 0, "num_logons": 0,
            "logon_server": "\\\\*", "country_code": 0, "code_page": 0}  # fmt: skip
    if level == 11:
        keys = ("name", "comment", "usr_comment", "full_name", "priv", "auth_flags",
                "password_age", "home_dir", "parms", "last_logon", "last_logoff", "bad_pw_count",
                "num_logons", "logon_server", "country_code", "workstations", "max_storage",
                "units_per_week", "logon_hours", "code_page")  # fmt: skip
        merged = {**basic, **more}
        return {key: merged[key] for key in keys}
    info = {**basic, **more}
    if level == 2:
        return info
    extra = {"primary_group_id": 513, "profile": "", "home_dir_drive": "", "password_expired": 0}
    if level == 3:
        return {**info, "user_id": user.rid, **extra}
    return {**info, "user_sid": sid_from_string(user.sid), **extra}  # level 4


_USER_LEVELS = (0, 1, 2, 3, 4, 10, 11, 20)


@api("NetUserEnum")
def NetUserEnum(
    server: object, level: object, filter: object = 2, resumeHandle: object = 0,
    prefLen: object = 4096, /,
) -> tuple[list[dict[str, Any]], int, int]:  # fmt: skip
    """The computer's users at a level: (list, total, resume handle 0)."""
    _server(server)
    value = _level(level, _USER_LEVELS)
    dword(filter)
    services.check_resume(dword(resumeHandle))
    users = [_user_info(user, value) for user in services.local_users()]
    return users, len(users), 0


@api("NetUserGetInfo")
def NetUserGetInfo(server: object, username: object, level: object, /) -> dict[str, Any]:
    _server(server)
    name = text_arg(username)
    value = _level(level, _USER_LEVELS)
    return _user_info(services.local_user(name), value)


def _group_info(name: str, comment: str, rid: int, level: int) -> dict[str, Any]:
    if level == 0:
        return {"name": name}
    if level == 1:
        return {"name": name, "comment": comment}
    if level == 2:
        return {"name": name, "comment": comment, "group_id": rid, "attributes": _SE_GROUP_DEFAULT}
    sid = sid_from_string(f"{kernel.machine_sid()}-{rid}")
    return {"name": name, "comment": comment, "group_sid": sid, "attributes": _SE_GROUP_DEFAULT}


@api("NetGroupEnum")
def NetGroupEnum(
    server: object, level: object, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """The global groups (a workgroup computer's ``None``): (list, total, resume handle 0)."""
    _server(server)
    value = _level(level, (0, 1, 2))
    services.check_resume(dword(resumeHandle))
    groups = [_group_info(*group, value) for group in services.global_groups()]
    return groups, len(groups), 0


@api("NetGroupGetInfo")
def NetGroupGetInfo(server: object, groupname: object, level: object, /) -> dict[str, Any]:
    _server(server)
    group = services.global_group(text_arg(groupname))
    return _group_info(*group, _level(level, (0, 1, 2, 3)))


@api("NetGroupGetUsers")
def NetGroupGetUsers(
    server: object, groupName: object, level: object, resumeHandle: object = 0,
    prefLen: object = 4096, /,
) -> tuple[list[dict[str, Any]], int, int]:  # fmt: skip
    """The users of a global group: ``None`` holds every user."""
    _server(server)
    services.global_group(text_arg(groupName))
    value = _level(level, (0, 1))
    services.check_resume(dword(resumeHandle))
    users = [
        {"name": user.name} if value == 0 else {"name": user.name, "attributes": _SE_GROUP_DEFAULT}
        for user in services.local_users()
    ]
    return users, len(users), 0


def _local_group_info(group: services.LocalGroup, level: int) -> dict[str, Any]:
    return {"name": group.name} if level == 0 else {"name": group.name, "comment": ""}


@api("NetLocalGroupEnum")
def NetLocalGroupEnum(
    server: object, level: object, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """The local groups (the system's groups): (list, total, resume handle 0)."""
    _server(server)
    value = _level(level, (0, 1))
    services.check_resume(dword(resumeHandle))
    groups = [_local_group_info(group, value) for group in services.local_groups()]
    return groups, len(groups), 0


@api("NetLocalGroupGetInfo")
def NetLocalGroupGetInfo(server: object, groupname: object, level: object, /) -> dict[str, Any]:
    _server(server)
    group = services.local_group(text_arg(groupname))
    return _local_group_info(group, _level(level, (0, 1)))


def _member(name: str, level: int) -> dict[str, Any]:
    user = services.local_user(name)
    domain_name = f"{kernel.computer_name()}\\{user.name}"
    sid = sid_from_string(user.sid)
    if level == 0:
        return {"sid": sid}
    if level == 1:
        return {"sid": sid, "sidusage": _SID_TYPE_USER, "name": user.name}
    if level == 2:
        return {"sid": sid, "sidusage": _SID_TYPE_USER, "domainandname": domain_name}
    return {"domainandname": domain_name}


@api("NetLocalGroupGetMembers")
def NetLocalGroupGetMembers(
    server: object, groupName: object, level: object, resumeHandle: object = 0,
    prefLen: object = 4096, /,
) -> tuple[list[dict[str, Any]], int, int]:  # fmt: skip
    """The members of a local group at level 0 to 3: (list, total, resume handle 0)."""
    _server(server)
    group = services.local_group(text_arg(groupName))
    value = _level(level, (0, 1, 2, 3))
    services.check_resume(dword(resumeHandle))
    members = []
    for name in group.members:
        try:
            members.append(_member(name, value))
        except Win32Error:
            continue  # a member the password database does not list
    return members, len(members), 0


@api("NetUserGetLocalGroups")
def NetUserGetLocalGroups(serverName: object, userName: object, flags: object = 0, /) -> list[str]:
    _server(serverName)
    name = text_arg(userName)
    dword(flags)
    return services.user_local_groups(name)


@api("NetUserGetGroups")
def NetUserGetGroups(serverName: object, userName: object, /) -> list[tuple[str, int]]:
    """A user's global groups: (name, attributes) of ``None``."""
    _server(serverName)
    services.local_user(text_arg(userName))
    return [(name, _SE_GROUP_DEFAULT) for name, _comment, _rid in services.global_groups()]


def _workstation(level: int) -> dict[str, Any]:
    major, minor = kernel.windows_version()[:2]
    info: dict[str, Any] = {
        "platform_id": _PLATFORM_ID_NT, "computername": kernel.computer_name(),
        "langroup": services.WORKGROUP, "ver_major": major, "ver_minor": minor,
    }  # fmt: skip
    if level >= 101:
        info["lanroot"] = ""
    if level == 102:
        info["logged_on_users"] = 1
    return info


@api("NetWkstaGetInfo")
def NetWkstaGetInfo(server: object, level: object, /) -> dict[str, Any]:
    """The workstation at level 100, 101 or 102: the computer in WORKGROUP."""
    _server(server)
    return _workstation(_level(level, (100, 101, 102), known=(502,)))


@api("NetServerGetInfo")
def NetServerGetInfo(server: object, level: object, /) -> dict[str, Any]:
    """The server at level 100, 101 or 102."""
    _server(server)
    value = _level(level, (100, 101, 102), known=(402, 403, 502, 503))
    info: dict[str, Any] = {"platform_id": _PLATFORM_ID_NT, "name": kernel.computer_name()}
    if value >= 101:
        major, minor = kernel.windows_version()[:2]
        info.update(version_major=major, version_minor=minor, type=_SV_TYPE, comment="")
    if value == 102:
        info.update(users=0xFFFFFFFF, disc=15, hidden=0, announce=240, anndelta=3000,
                    licenses=0, userpath="c:\\")  # fmt: skip
    return info


def _empty(
    server: object, level: object, levels: tuple[int, ...], resume: object
) -> tuple[list[dict[str, Any]], int, int]:
    _server(server)
    _level(level, levels)
    services.check_resume(dword(resume))
    return [], 0, 0


@api("NetShareEnum")
def NetShareEnum(
    server: object, level: object = 0, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """The computer shares nothing: ([], 0, 0)."""
    return _empty(server, level, (0, 1, 2, 502, 503), resumeHandle)


@api("NetShareGetInfo")
def NetShareGetInfo(server: object, netname: object, level: object, /) -> dict[str, Any]:
    _server(server)
    name = text_arg(netname)
    dword(level)
    raise Win32Error.from_code(_NERR_SHARE_NOT_FOUND, f"the computer shares no {name!r}")


@api("NetShareCheck")
def NetShareCheck(server: object, deviceName: object, /) -> tuple[int, int]:
    _server(server)
    name = text_arg(deviceName)
    raise Win32Error.from_code(_NERR_SHARE_NOT_FOUND, f"{name!r} is not shared")


@api("NetUseEnum")
def NetUseEnum(
    server: object, level: object, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """No connection to another computer's share: ([], 0, 0)."""
    return _empty(server, level, (0, 1, 2), resumeHandle)


@api("NetUseGetInfo")
def NetUseGetInfo(server: object, usename: object, level: object = 0, /) -> dict[str, Any]:
    _server(server)
    name = text_arg(usename)
    raise Win32Error.from_code(_NERR_USE_NOT_FOUND, f"no connection {name!r}")


@api("NetWkstaUserEnum")
def NetWkstaUserEnum(
    server: object, level: object, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """The users logged on: the user, at level 0 (username) or 1."""
    _server(server)
    value = _level(level, (0, 1))
    services.check_resume(dword(resumeHandle))
    name = kernel.user_name()
    entry: dict[str, Any] = {"username": name}
    if value == 1:
        computer = kernel.computer_name()
        entry.update(logon_domain=computer, oth_domains="", logon_server=computer)
    return [entry], 1, 0


@api("NetWkstaTransportEnum")
def NetWkstaTransportEnum(
    server: object, level: object, resumeHandle: object = 0, prefLen: object = 4096, /
) -> tuple[list[dict[str, Any]], int, int]:
    """No NetBIOS transport is bound: ([], 0, 0)."""
    return _empty(server, level, (0,), resumeHandle)


@api("NetSessionEnum")
def NetSessionEnum(
    level: object, server: object = None, client: object = None, username: object = None, /
) -> list[dict[str, Any]]:
    """No other computer has a session with this one: []."""
    return _empty(server, level, (0, 1, 2, 10, 502), 0)[0]


@api("NetSessionGetInfo")
def NetSessionGetInfo(
    level: object, server: object, client: object, username: object, /
) -> dict[str, Any]:
    _server(server)
    raise Win32Error.from_code(_NERR_CLIENT_NAME_NOT_FOUND, "no session with that client")


@api("NetFileEnum")
def NetFileEnum(
    level: object, servername: object = None, basepath: object = None, username: object = None, /
) -> list[dict[str, Any]]:
    """No file is open through a share: []."""
    return _empty(servername, level, (2, 3), 0)[0]


@api("NetFileGetInfo")
def NetFileGetInfo(level: object, servername: object, fileid: object, /) -> dict[str, Any]:
    _server(servername)
    raise Win32Error.from_code(_NERR_FILE_ID_NOT_FOUND, f"no open file {dword(fileid)}")


@api("NetFileClose")
def NetFileClose(servername: object, fileid: object, /) -> None:
    _server(servername)
    raise Win32Error.from_code(_NERR_FILE_ID_NOT_FOUND, f"no open file {dword(fileid)}")


@api("NetGetDCName")
def NetGetDCName(server: object = None, domain: object = None, /) -> str:
    """NERR_DCNotFound: the computer is in a workgroup."""
    _server(server)
    return services.domain_controller(None if domain is None else text_arg(domain))


@api("NetGetAnyDCName")
def NetGetAnyDCName(server: object = None, domain: object = None, /) -> str:
    """ERROR_NO_SUCH_DOMAIN: the computer is in a workgroup."""
    _server(server)
    if domain is not None:
        text_arg(domain)
    raise Win32Error.from_code(_ERROR_NO_SUCH_DOMAIN, "the computer is in a workgroup")


@api("NetGetJoinInformation")
def NetGetJoinInformation() -> tuple[str, int]:
    """(WORKGROUP, NetSetupWorkgroupName)."""
    return services.WORKGROUP, 2


@api("NetServerEnum")
def NetServerEnum(
    server: object, level: object, type: object = _SV_TYPE, domain: object = None,
    resumeHandle: object = 0, prefLen: object = 4096, /,
) -> tuple[list[dict[str, Any]], int, int]:  # fmt: skip
    """The servers of the workgroup that answer: this computer (at level 100 or 101)."""
    _server(server)
    None if domain is None else text_arg(domain)  # the workgroup: every name gives this one
    value = _level(level, (100, 101))
    services.check_resume(dword(resumeHandle))
    return [NetServerGetInfo(None, value)], 1, 0


@api("NetServerDiskEnum")
def NetServerDiskEnum(server: object, level: object, /) -> tuple[str, ...]:
    """The server's disks: asking needs an administrator (ERROR_ACCESS_DENIED)."""
    _server(server)
    _level(level, (0,))
    services.refuse_account_change("the server's disks")
    return ()


@api("NetUserModalsGet")
def NetUserModalsGet(server: object, level: object, /) -> dict[str, Any]:
    """The password rules at level 0 (no minimum, never expires) or 1 (a standalone server)."""
    _server(server)
    value = _level(level, (0, 1, 2, 3))
    if value == 0:
        return {"min_passwd_len": 0, "max_passwd_age": _TIMEQ_FOREVER, "min_passwd_age": 0,
                "force_logoff": _TIMEQ_FOREVER, "password_hist_len": 0}  # fmt: skip
    if value == 1:
        return {"role": 3, "primary": ""}  # UAS_ROLE_PRIMARY... a standalone computer: 3
    if value == 2:
        computer = kernel.computer_name()
        return {"domain_name": computer, "domain_id": sid_from_string(kernel.machine_sid())}
    return {"lockout_duration": 1800, "lockout_observation_window": 1800, "lockout_threshold": 0}


@api("NetStatisticsGet")
def NetStatisticsGet(server: object, service: object, level: object, options: object, /) -> Any:  # noqa: ANN401
    """The server's or workstation's statistics: an administrator's (ERROR_ACCESS_DENIED)."""
    _server(server)
    text_arg(service)
    services.refuse_account_change("statistics")


@api("NetValidateName")
def NetValidateName(
    Server: object, Name: object, Account: object = None, Password: object = None,
    NameType: object = 1, /,
) -> None:  # fmt: skip
    """A workgroup's or computer's name is valid; a domain's is not found (NERR_DCNotFound)."""
    _server(Server)
    text_arg(Name)
    if dword(NameType) in (3, 5):  # NetSetupDomain, NetSetupNonExistentDomain
        services.domain_controller(None)


@api("NetValidatePasswordPolicy")
def NetValidatePasswordPolicy(
    Server: object, Qualifier: object, ValidationType: object, arg: object, /
) -> Any:  # noqa: ANN401
    """Checking a password against a domain's policy: refused (ERROR_ACCESS_DENIED)."""
    _server(Server)
    services.refuse_account_change("a password policy")


@api("NetMessageNameEnum")
def NetMessageNameEnum(Server: object, /) -> None:
    """The messenger service is gone (as from Windows since Vista): NERR_ServiceNotInstalled."""
    _server(Server)
    raise Win32Error.from_code(2184, "the messenger service is not installed")


def _refuser(name: str, what: str) -> Any:  # noqa: ANN401
    @api(name)
    def refused(*args: object) -> None:
        services.refuse_account_change(what)

    refused.__name__ = refused.__qualname__ = name
    refused.__doc__ = f"Refused: {what} is not changed from here (ERROR_ACCESS_DENIED)."
    return refused


NetUserAdd = _refuser("NetUserAdd", "the computer's users")
NetUserDel = _refuser("NetUserDel", "the computer's users")
NetUserSetInfo = _refuser("NetUserSetInfo", "the computer's users")
NetUserChangePassword = _refuser("NetUserChangePassword", "a user's password")
NetUserModalsSet = _refuser("NetUserModalsSet", "the password rules")
NetGroupAdd = _refuser("NetGroupAdd", "the computer's groups")
NetGroupAddUser = _refuser("NetGroupAddUser", "the computer's groups")
NetGroupDel = _refuser("NetGroupDel", "the computer's groups")
NetGroupDelUser = _refuser("NetGroupDelUser", "the computer's groups")
NetGroupSetInfo = _refuser("NetGroupSetInfo", "the computer's groups")
NetGroupSetUsers = _refuser("NetGroupSetUsers", "the computer's groups")
NetLocalGroupAdd = _refuser("NetLocalGroupAdd", "the computer's groups")
NetLocalGroupAddMembers = _refuser("NetLocalGroupAddMembers", "the computer's groups")
NetLocalGroupDel = _refuser("NetLocalGroupDel", "the computer's groups")
NetLocalGroupDelMembers = _refuser("NetLocalGroupDelMembers", "the computer's groups")
NetLocalGroupSetInfo = _refuser("NetLocalGroupSetInfo", "the computer's groups")
NetLocalGroupSetMembers = _refuser("NetLocalGroupSetMembers", "the computer's groups")
NetShareAdd = _refuser("NetShareAdd", "the computer's shares")
NetShareDel = _refuser("NetShareDel", "the computer's shares")
NetShareSetInfo = _refuser("NetShareSetInfo", "the computer's shares")
NetUseAdd = _refuser("NetUseAdd", "a connection to a share")
NetUseDel = _refuser("NetUseDel", "a connection to a share")
NetSessionDel = _refuser("NetSessionDel", "a session")
NetServerSetInfo = _refuser("NetServerSetInfo", "the server")
NetServerComputerNameAdd = _refuser("NetServerComputerNameAdd", "the server's names")
NetServerComputerNameDel = _refuser("NetServerComputerNameDel", "the server's names")
NetWkstaSetInfo = _refuser("NetWkstaSetInfo", "the workstation")
NetWkstaTransportAdd = _refuser("NetWkstaTransportAdd", "the workstation's transports")
NetWkstaTransportDel = _refuser("NetWkstaTransportDel", "the workstation's transports")
NetMessageBufferSend = _refuser("NetMessageBufferSend", "a message")
NetMessageNameAdd = _refuser("NetMessageNameAdd", "the messenger's names")
NetMessageNameDel = _refuser("NetMessageNameDel", "the messenger's names")
