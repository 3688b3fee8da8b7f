"""pywin32's ``win32profile``: the user's profile and environment, over :mod:`apartment.services`.

The one profile is the Linux user's: its directory is the home directory, its registry hive
(LoadUserProfile) the user's ``HKEY_CURRENT_USER``. A token argument is checked (a handle
to a token, opened with TOKEN_QUERY) and names that user.
"""

from __future__ import annotations

import os

from .. import kernel, registry, services
from ._adapt import api, as_bool, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup
from ._hkey import PyHKEY

__all__ = [
    "CreateEnvironmentBlock", "DeleteProfile", "ExpandEnvironmentStringsForUser",
    "GetAllUsersProfileDirectory", "GetDefaultUserProfileDirectory", "GetEnvironmentStrings",
    "GetProfilesDirectory", "GetProfileType", "GetUserProfileDirectory", "LoadUserProfile",
    "UnloadUserProfile",
    "PI_APPLYPOLICY", "PI_NOUI", "PT_MANDATORY", "PT_ROAMING", "PT_TEMPORARY",
]  # fmt: skip

PI_NOUI = 1
PI_APPLYPOLICY = 2
PT_TEMPORARY = 1
PT_ROAMING = 2
PT_MANDATORY = 4

# PROFILEINFO's members as pywin32's dict names them; UserName is required.
_PROFILE_TEXTS = ("UserName", "ProfilePath", "DefaultPath", "ServerName", "PolicyPath")
_PROFILE_KEYS = frozenset({*_PROFILE_TEXTS, "Flags"})


def _check_token(token: object, *, optional: bool = False) -> None:
    """A token argument must be a handle to a token (None: the caller's, where allowed)."""
    if optional and token is None:
        return
    lookup(token, kernel.Token, kernel.TOKEN_QUERY, pseudo=False)


def GetEnvironmentStrings() -> dict[str, str]:
    """The process's environment as a dict (pywin32 builds one from the block)."""
    return dict(os.environ)


@api("ExpandEnvironmentStringsForUser")
def ExpandEnvironmentStringsForUser(Token: object, Src: object, /) -> str:
    """Replace each ``%NAME%`` set in the user's environment (Token None: the caller's)."""
    text = text_arg(Src)
    _check_token(Token, optional=True)
    return services.expand_for_user(text)


@api("GetUserProfileDirectory")
def GetUserProfileDirectory(Token: object, /) -> str:
    """The home directory of the token's user."""
    _check_token(Token)
    return services.profile_directory()


@api("GetProfilesDirectory")
def GetProfilesDirectory() -> str:
    return services.profiles_directory()


@api("GetAllUsersProfileDirectory")
def GetAllUsersProfileDirectory() -> str:
    return services.all_users_profile_directory()


@api("GetDefaultUserProfileDirectory")
def GetDefaultUserProfileDirectory() -> str:
    return services.default_user_profile_directory()


@api("GetProfileType")
def GetProfileType() -> int:
    """0: a local profile, neither temporary, roaming nor mandatory."""
    return 0


@api("CreateEnvironmentBlock")
def CreateEnvironmentBlock(Token: object, Inherit: object, /) -> dict[str, str]:
    """The user's environment as a dict (Token None: the system's variables and the user's)."""
    _check_token(Token, optional=True)
    return services.user_environment(inherit=as_bool(Inherit))


@api("DeleteProfile")
def DeleteProfile(
    SidString: object, ProfilePath: object = None, ComputerName: object = None, /
) -> None:
    """Refused (ERROR_ACCESS_DENIED): the one profile here is the caller's, loaded."""
    sid = text_arg(SidString)
    for other in (ProfilePath, ComputerName):
        if other is not None:
            text_arg(other)
    services.delete_profile(sid)


@api("LoadUserProfile")
def LoadUserProfile(hToken: object, ProfileInfo: object, /) -> PyHKEY:
    """Load the token's user's profile: a handle to its hive, the user's HKEY_CURRENT_USER."""
    _check_token(hToken)
    if not isinstance(ProfileInfo, dict):
        raise TypeError("PROFILEINFO must be a dictionary")
    for key in ProfileInfo:
        if key not in _PROFILE_KEYS:
            raise TypeError(f"LoadUserProfile() got an unexpected keyword argument '{key}'")
    if "UserName" not in ProfileInfo:
        raise TypeError("LoadUserProfile() missing required argument 'UserName' (pos 1)")
    for name in _PROFILE_TEXTS:
        value = ProfileInfo.get(name)
        if value is not None or name == "UserName":
            text_arg(value)
    dword(ProfileInfo.get("Flags", 0))
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    key = registry.open_key(root, None)
    return PyHKEY(kernel.handles.insert(key, registry.KEY_ALL_ACCESS))


@api("UnloadUserProfile")
def UnloadUserProfile(Token: object, Profile: object, /) -> None:
    """Close the hive's handle that LoadUserProfile gave."""
    _check_token(Token)
    lookup(Profile, registry.Key)
    if isinstance(Profile, PyHANDLE):
        Profile.Close()
    else:
        kernel.handles.close(handle_value(Profile))
