r"""User profiles and environments (userenv): the Linux user's home and login environment.

Windows keeps each user's files in a *profile* directory (``C:\\Users\\NAME``), under the
profiles directory, made from the default user's profile; the all-users profile holds what
every user shares. Here the profile is the user's home directory, the profiles directory its
parent, the default user's profile ``/etc/skel`` (what ``useradd`` copies into a new home)
and the all-users profile ``/var/lib`` (``docs/differences-from-windows.md``). Only the
user running the process has a profile here: its registry hive is the user's registry.
"""

from __future__ import annotations

import os
import pwd
import re

from ..errors import ERROR_ACCESS_DENIED, Win32Error

__all__ = [
    "profile_directory",
    "profiles_directory",
    "all_users_profile_directory",
    "default_user_profile_directory",
    "user_environment",
    "expand_for_user",
    "delete_profile",
    "ALL_USERS_PROFILE",
    "DEFAULT_USER_PROFILE",
]

ALL_USERS_PROFILE = "/var/lib"
"""The all-users profile (Windows' ``C:\\ProgramData``): data every user shares."""

DEFAULT_USER_PROFILE = "/etc/skel"
"""The default user's profile: the template of a new user's home, as Windows' Default."""

_VARIABLE = re.compile(r"%([^%]+)%")


def _account() -> pwd.struct_passwd:
    return pwd.getpwuid(os.getuid())


def profile_directory() -> str:
    """Return the user's profile directory (GetUserProfileDirectory): the home directory."""
    return os.path.expanduser("~") if "HOME" in os.environ else _account().pw_dir


def profiles_directory() -> str:
    """Return the directory that holds the users' profiles (GetProfilesDirectory): ``/home``."""
    return os.path.dirname(_account().pw_dir.rstrip("/")) or "/"


def all_users_profile_directory() -> str:
    """Return the all-users profile (GetAllUsersProfileDirectory): :data:`ALL_USERS_PROFILE`."""
    return ALL_USERS_PROFILE


def default_user_profile_directory() -> str:
    """Return the default user's profile (GetDefaultUserProfileDirectory): ``/etc/skel``."""
    return DEFAULT_USER_PROFILE


def user_environment(*, inherit: bool) -> dict[str, str]:
    """Return the user's environment block (CreateEnvironmentBlock).

    Args:
        inherit: start from the calling process's environment (True), or from nothing but
            what a login gives the user (False): its name, home, shell and the system path.
    """
    account = _account()
    block = dict(os.environ) if inherit else {"PATH": os.defpath}
    block.update(
        HOME=account.pw_dir,
        USER=account.pw_name,
        LOGNAME=account.pw_name,
        SHELL=account.pw_shell or "/bin/sh",
        USERNAME=account.pw_name,
        USERPROFILE=account.pw_dir,
        ALLUSERSPROFILE=ALL_USERS_PROFILE,
    )
    return block


def expand_for_user(text: str) -> str:
    """Replace each ``%NAME%`` set in the user's environment; others stay as they are.

    ExpandEnvironmentStringsForUser: the user's environment block (:func:`user_environment`,
    inherited) stands for the user's; the names match whatever their case, as on Windows.

    Raises:
        TypeError: ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"the text to expand is a str, not {type(text).__name__}")
    block = {name.upper(): value for name, value in user_environment(inherit=True).items()}

    def replace(match: re.Match[str]) -> str:
        return block.get(match.group(1).upper(), match.group(0))

    return _VARIABLE.sub(replace, text)


def delete_profile(sid: str) -> None:
    """Delete a user's profile (DeleteProfile): refused, as to a user who is no administrator.

    Raises:
        Win32Error: ERROR_ACCESS_DENIED, always: the only profile here is the caller's own,
            which is loaded, and Linux homes are not the library's to remove.
    """
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"the profile of {sid} is not deleted here")
