r"""The shell's special folders (CSIDL_* and FOLDERID_*) as this Linux user's folders.

A Windows program finds where to keep its files by asking the shell (SHGetFolderPath with a
CSIDL, SHGetKnownFolderPath with a FOLDERID). Here each folder is the Linux place that serves
the same purpose, so that a program's settings land where the user's other programs keep theirs:

- the profile (CSIDL_PROFILE) is the home directory (:func:`profile_directory`);
- Desktop, Documents, Downloads, Music, Pictures, Videos, Templates and Public are the XDG
  user directories: ``$XDG_DESKTOP_DIR`` etc. when set, else what
  ``$XDG_CONFIG_HOME/user-dirs.dirs`` says, else ``~/Desktop`` and so on;
- the roaming application data (CSIDL_APPDATA) is ``$XDG_CONFIG_HOME`` (``~/.config``), the
  local one (CSIDL_LOCAL_APPDATA) ``$XDG_DATA_HOME`` (``~/.local/share``) and the Internet
  cache ``$XDG_CACHE_HOME`` (``~/.cache``): per-user, writable, and where a Linux program's
  settings, data and cache go (``~/.config/MyApp`` for ``%APPDATA%\MyApp``);
- the user's start-up folder is ``$XDG_CONFIG_HOME/autostart``, its programs menu
  ``$XDG_DATA_HOME/applications``; the common ones are ``/etc/xdg/autostart`` and
  ``/usr/share/applications``;
- the common application data (CSIDL_COMMON_APPDATA) is the all-users profile, ``/var/lib``;
  the fonts ``/usr/share/fonts``; the Windows and system directories those of
  :func:`apartment.kernel.windows_directory` (``/usr``) and ``system_directory``
  (``/usr/lib``); the program files ``/opt`` and the common files ``/usr/share``.

The project sets no ``APPDATA``/``LOCALAPPDATA`` in a child's environment, so nothing can
disagree with these. Folders with no place here (the virtual ones: My Computer, the network,
the printers, the control panel, the recycle bin; and Favorites, Recent, SendTo...) are
refused as Windows refuses a virtual folder: E_INVALIDARG.

Every Windows profile holds its user folders (Desktop, Documents, Downloads, Music, Pictures,
Videos, Templates, the application data, the programs menu and start-up folder): Windows makes
them with the profile, and programs count on them (a script writes to its Desktop without
asking for CSIDL_FLAG_CREATE). A Linux account often lacks ``~/Desktop`` or ``~/Documents``
(a server, a container): asked for one that is missing, this makes it, as the profile would
hold it. Any other folder that does not exist is an error (ERROR_FILE_NOT_FOUND), as on
Windows, unless the caller asks to create it (CSIDL_FLAG_CREATE, KF_FLAG_CREATE) or not to
verify it (CSIDL_FLAG_DONT_VERIFY, KF_FLAG_DONT_VERIFY: the path, nothing made); a profile
folder that cannot be made is ERROR_FILE_NOT_FOUND too. The *default* path (SHGFP_TYPE_DEFAULT,
KF_FLAG_DEFAULT_PATH) is the folder's place before the user moved it: ``~/Desktop``, not
``$XDG_DESKTOP_DIR``. Everything is read at each call (a test may change ``HOME``).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..errors import E_INVALIDARG, ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND, ComError, Win32Error
from ..kernel import (
    create_directory,
    current_thread,
    effective_token,
    system_directory,
    windows_directory,
)
from ._folder_ids import KNOWN_FOLDER_IDS
from ._profiles import ALL_USERS_PROFILE, profile_directory, profiles_directory

if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable

__all__ = [
    "CSIDL_FLAG_CREATE",
    "CSIDL_FLAG_DONT_VERIFY",
    "CSIDL_FLAG_MASK",
    "KF_FLAG_CREATE",
    "KF_FLAG_DEFAULT_PATH",
    "KF_FLAG_DONT_VERIFY",
    "KNOWN_FOLDER_IDS",
    "folder_path",
    "known_folder_path",
    "is_user_an_admin",
]

CSIDL_FLAG_CREATE = 0x8000
"""OR'd into a CSIDL: create the folder if it does not exist."""

CSIDL_FLAG_DONT_VERIFY = 0x4000
"""OR'd into a CSIDL: give the path without checking that the folder exists."""

CSIDL_FLAG_MASK = 0xFF00
"""The flag bits of a CSIDL value; the folder is the low byte."""

KF_FLAG_CREATE = 0x8000
"""SHGetKnownFolderPath's flag: create the folder if it does not exist."""

KF_FLAG_DONT_VERIFY = 0x4000
"""SHGetKnownFolderPath's flag: give the path without checking that the folder exists."""

KF_FLAG_DEFAULT_PATH = 0x400
"""SHGetKnownFolderPath's flag: the folder's default place, not where the user moved it."""

_USER_DIR_LINE = re.compile(r'^\s*(XDG_[A-Z]+_DIR)\s*=\s*"([^"]*)"\s*$')


def _home() -> str:
    return profile_directory()


def _base_directory(variable: str, fallback: str, default: bool) -> str:
    # An XDG base directory: the variable when it is an absolute path (the spec ignores others).
    value = "" if default else os.environ.get(variable, "")
    return value if os.path.isabs(value) else os.path.join(_home(), fallback)


def _config_home(default: bool) -> str:
    return _base_directory("XDG_CONFIG_HOME", ".config", default)


def _data_home(default: bool) -> str:
    return _base_directory("XDG_DATA_HOME", os.path.join(".local", "share"), default)


def _user_dirs_file() -> dict[str, str]:
    # ~/.config/user-dirs.dirs holds lines XDG_NAME_DIR="$HOME/path" or "/absolute/path".
    found: dict[str, str] = {}
    try:
        with open(os.path.join(_config_home(False), "user-dirs.dirs"), encoding="utf-8") as file:
            lines = file.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return found
    for line in lines:
        match = _USER_DIR_LINE.match(line)
        if match is None:
            continue
        name, value = match.groups()
        if value.startswith("$HOME"):
            value = _home() + value[len("$HOME") :]
        if os.path.isabs(value):
            found[name] = value
    return found


def _user_directory(key: str, fallback: str) -> Callable[[bool], str]:
    def resolve(default: bool) -> str:
        if not default:
            variable = f"XDG_{key}_DIR"
            value = os.environ.get(variable, "")
            if os.path.isabs(value):
                return value
            value = _user_dirs_file().get(variable, "")
            if value:
                return value
        return os.path.join(_home(), fallback)

    return resolve


def _fixed(path: Callable[[], str]) -> Callable[[bool], str]:
    return lambda default: path()


def _under(base: Callable[[bool], str], *parts: str) -> Callable[[bool], str]:
    return lambda default: os.path.join(base(default), *parts)


# Each folder with a place here: its resolver (given whether the default path is asked for).
_FOLDERS: dict[str, Callable[[bool], str]] = {
    "Profile": _fixed(_home),
    "UserProfiles": _fixed(profiles_directory),
    "Desktop": _user_directory("DESKTOP", "Desktop"),
    "Documents": _user_directory("DOCUMENTS", "Documents"),
    "Downloads": _user_directory("DOWNLOAD", "Downloads"),
    "Music": _user_directory("MUSIC", "Music"),
    "Pictures": _user_directory("PICTURES", "Pictures"),
    "Videos": _user_directory("VIDEOS", "Videos"),
    "Templates": _user_directory("TEMPLATES", "Templates"),
    "Public": _user_directory("PUBLICSHARE", "Public"),
    "RoamingAppData": _config_home,
    "LocalAppData": _data_home,
    "InternetCache": lambda default: _base_directory("XDG_CACHE_HOME", ".cache", default),
    "Startup": _under(_config_home, "autostart"),
    "Programs": _under(_data_home, "applications"),
    "CommonStartup": _fixed(lambda: "/etc/xdg/autostart"),
    "CommonPrograms": _fixed(lambda: "/usr/share/applications"),
    "ProgramData": _fixed(lambda: ALL_USERS_PROFILE),
    "Fonts": _fixed(lambda: "/usr/share/fonts"),
    "Windows": _fixed(windows_directory),
    "System": _fixed(system_directory),
    "SystemX86": _fixed(system_directory),
    "ProgramFiles": _fixed(lambda: "/opt"),
    "ProgramFilesX64": _fixed(lambda: "/opt"),
    "ProgramFilesX86": _fixed(lambda: "/opt"),
    "ProgramFilesCommon": _fixed(lambda: "/usr/share"),
    "ProgramFilesCommonX64": _fixed(lambda: "/usr/share"),
    "ProgramFilesCommonX86": _fixed(lambda: "/usr/share"),
}

# CSIDL values (shlobj.h) of the folders above; the others are refused (E_INVALIDARG).
_CSIDLS: dict[int, str] = {
    0x0000: "Desktop",  # CSIDL_DESKTOP: the namespace's root, whose folder is the desktop's
    0x0002: "Programs",
    0x0005: "Documents",  # CSIDL_PERSONAL (0xC, the old virtual My Documents, is refused)
    0x0007: "Startup",
    0x000D: "Music",
    0x000E: "Videos",
    0x0010: "Desktop",  # CSIDL_DESKTOPDIRECTORY
    0x0014: "Fonts",
    0x0015: "Templates",
    0x0017: "CommonPrograms",
    0x0018: "CommonStartup",
    0x001A: "RoamingAppData",
    0x001C: "LocalAppData",
    0x0020: "InternetCache",
    0x0023: "ProgramData",
    0x0024: "Windows",
    0x0025: "System",
    0x0026: "ProgramFiles",
    0x0027: "Pictures",
    0x0028: "Profile",
    0x0029: "SystemX86",
    0x002A: "ProgramFilesX86",
    0x002B: "ProgramFilesCommon",
    0x002C: "ProgramFilesCommonX86",
}

_BY_ID = {value: name for name, value in KNOWN_FOLDER_IDS.items()}


def _invalid(what: str) -> ComError:
    return ComError.from_hresult(E_INVALIDARG, what)


def _make_folders(path: str) -> None:
    # SHCreateDirectoryEx: each missing folder from the top down, CreateDirectory's errors.
    missing: list[str] = []
    while not os.path.lexists(path) and path not in missing:  # a file in the way stops it
        missing.append(path)
        path = os.path.dirname(path)
    for folder in reversed(missing):
        try:
            create_directory(folder)
        except Win32Error as exc:
            if exc.winerror != ERROR_ALREADY_EXISTS or not os.path.isdir(folder):
                raise
    if not os.path.isdir(path):  # a file has the folder's name
        raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{path} is not a folder")


# The folders every profile holds (made with it on Windows): made here when first missing.
_IN_EVERY_PROFILE = frozenset(
    {
        "Desktop",
        "Documents",
        "Downloads",
        "Music",
        "Pictures",
        "Videos",
        "Templates",
        "RoamingAppData",
        "LocalAppData",
        "InternetCache",
        "Programs",
        "Startup",
    }
)


def _resolve(name: str, *, create: bool, verify: bool, default: bool) -> str:
    path = _FOLDERS[name](default)
    if create:
        _make_folders(path)
    elif verify and not os.path.isdir(path):
        if name in _IN_EVERY_PROFILE:
            try:
                _make_folders(path)
            except Win32Error:
                pass  # not ours to make (a read-only home): as missing
            else:
                return path
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"the {name} folder {path} is not there")
    return path


def folder_path(csidl: int, *, default: bool = False) -> str:
    """Return the path of the special folder ``csidl`` (SHGetFolderPath).

    ``csidl`` may carry CSIDL_FLAG_CREATE (make the folder, and its parents, if missing) and
    CSIDL_FLAG_DONT_VERIFY (do not check that it exists); ``default`` asks for the folder's
    default place (SHGFP_TYPE_DEFAULT), verified as the current one is (Wine does so).

    Raises:
        ComError: E_INVALIDARG for a CSIDL unknown, virtual or with no place here.
        Win32Error: ERROR_FILE_NOT_FOUND when the folder does not exist; the error of
            creating it (ERROR_ACCESS_DENIED...) when that fails.
    """
    name = _CSIDLS.get(csidl & ~CSIDL_FLAG_MASK)
    if name is None:
        raise _invalid(f"CSIDL {csidl & ~CSIDL_FLAG_MASK:#x} has no folder here")
    return _resolve(
        name,
        create=bool(csidl & CSIDL_FLAG_CREATE),
        verify=not csidl & CSIDL_FLAG_DONT_VERIFY,
        default=default,
    )


def known_folder_path(folder_id: uuid.UUID, flags: int = 0) -> str:
    """Return the path of the known folder ``folder_id`` (SHGetKnownFolderPath).

    ``flags`` is KF_FLAG_*: KF_FLAG_CREATE, KF_FLAG_DONT_VERIFY and KF_FLAG_DEFAULT_PATH
    count; the others (aliases, redirection, app containers) change nothing here.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND for an ID that names no known folder, or a folder
            that does not exist; the error of creating it when that fails.
        ComError: E_INVALIDARG for a known folder that is virtual or has no place here.
    """
    name = _BY_ID.get(folder_id)
    if name is None:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{folder_id} is no known folder")
    if name not in _FOLDERS:
        raise _invalid(f"the known folder {name} has no path here")
    default = bool(flags & KF_FLAG_DEFAULT_PATH)
    return _resolve(
        name,
        create=bool(flags & KF_FLAG_CREATE),
        verify=not (flags & KF_FLAG_DONT_VERIFY),
        default=default,
    )


def is_user_an_admin() -> bool:
    """Whether the calling thread acts as an administrator (IsUserAnAdmin).

    True when the thread's effective token (its impersonation token, else the process's) is
    an elevated administrator's: root's, not the limited half of its split token.
    """
    return effective_token(current_thread()).elevated
