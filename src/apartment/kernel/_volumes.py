r"""Volumes, DOS device names, streams and hard-link names, as Windows names them, over Linux.

* A *volume* is a mounted file system. Its Windows name, ``\\?\Volume{GUID}\``, is made from
  its device number (a name-based UUID), so it is stable while the file system stays mounted
  and the same for every process. Its mount points are the folders it is mounted on
  (``/proc/self/mounts``). Mounting and unmounting need an administrator on Windows
  (SetVolumeMountPoint, DeleteVolumeMountPoint: ERROR_ACCESS_DENIED for everyone else), and
  need root on Linux: this library refuses them always.
* *DOS device names* (QueryDosDevice, DefineDosDevice): the devices every Windows session has
  (``NUL``, ``CON``, ``PIPE``...) plus the names this process defines. Windows keeps defined
  names per logon session; here they are kept per process (documented difference).
* *Streams* (FindStreams): Linux files have one data stream, ``::$DATA``; a folder has none.
* *Hard-link names* (FindFileNames): Linux keeps no list of a file's names, only their count.
  The names are found by walking the folder holding the file, then its parent and so on up to
  the file system's mount point, until ``st_nlink`` names are found or ``WALK_LIMIT`` entries
  were seen: a name outside that walk is not found.
"""

from __future__ import annotations

import os
import stat
import threading
import uuid
from typing import NamedTuple

from .._fork import CLOCK, hold_across_fork
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_NAME,
    ERROR_INVALID_PARAMETER,
    Win32Error,
)
from ._file import os_error
from ._pathops import mount_point

__all__ = [
    "DDD_EXACT_MATCH_ON_REMOVE",
    "DDD_NO_BROADCAST_SYSTEM",
    "DDD_RAW_TARGET_PATH",
    "DDD_REMOVE_DEFINITION",
    "ERROR_NOT_A_REPARSE_POINT",
    "WALK_LIMIT",
    "Stream",
    "define_dos_device",
    "delete_volume_mount_point",
    "file_streams",
    "hard_link_names",
    "mount_points_of_volume",
    "query_dos_device",
    "set_volume_label",
    "set_volume_mount_point",
    "volume_name_of_mount_point",
    "volume_relative_name",
]

ERROR_NOT_A_REPARSE_POINT = 4390
DDD_RAW_TARGET_PATH = 0x1
DDD_REMOVE_DEFINITION = 0x2
DDD_EXACT_MATCH_ON_REMOVE = 0x4
DDD_NO_BROADCAST_SYSTEM = 0x8
WALK_LIMIT = 200_000
"""The most folder entries FindFileNames looks at before it stops looking."""

_NAMESPACE = uuid.UUID("6d1c2a5e-25a1-4a5e-9d00-a9a27e1e5a25")  # this library's volume names
_SESSION_DEVICES = {
    "NUL": r"\Device\Null",
    "CON": r"\Device\ConDrv\Console",
    "PIPE": r"\Device\NamedPipe",
    "MAILSLOT": r"\Device\MailSlot",
    "PRN": r"\DosDevices\LPT1",
    "AUX": r"\DosDevices\COM1",
}
_defined: dict[str, list[str]] = {}  # upper-case name -> targets, the newest first
_defined_lock = threading.Lock()  # a leaf
hold_across_fork(_defined_lock, CLOCK)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"a {what} is a str, not {type(value).__name__}")
    return value


def _stat(path: str, *, follow: bool = True) -> os.stat_result:
    try:
        return os.stat(path, follow_symlinks=follow)
    except OSError as exc:
        raise os_error(exc, f"looking at {path!r}") from None


def _mounts() -> list[str]:
    """Every mount point of this process's view, in /proc/self/mounts' order."""
    found: list[str] = []
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as stream:
            for line in stream:
                fields = line.split()
                if len(fields) > 1:
                    place = fields[1].replace("\\040", " ")
                    if place not in found:
                        found.append(place)
    except OSError:
        found.append("/")
    return found


def _volume_name(device: int) -> str:
    return f"\\\\?\\Volume{{{uuid.uuid5(_NAMESPACE, str(device))}}}\\"


def volume_name_of_mount_point(path: str) -> str:
    r"""The volume mounted on folder ``path`` (GetVolumeNameForVolumeMountPoint).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND, no such folder;
            ERROR_NOT_A_REPARSE_POINT, a folder (or file) no volume is mounted on.
    """
    place = _text(path, "mount point")
    info = _stat(place)
    if not stat.S_ISDIR(info.st_mode) or not os.path.ismount(place):
        raise Win32Error.from_code(ERROR_NOT_A_REPARSE_POINT, f"{place!r} is no mount point")
    return _volume_name(info.st_dev)


def mount_points_of_volume(volume: str) -> list[str]:
    r"""The folders volume ``volume`` (``\\?\Volume{GUID}\``) is mounted on, each ending in ``/``.

    Raises:
        Win32Error: ERROR_INVALID_NAME, not a volume name; ERROR_FILE_NOT_FOUND, no such
            volume is mounted.
    """
    name = _text(volume, "volume name")
    if not (name.lower().startswith("\\\\?\\volume{") and name.endswith("}\\")):
        raise Win32Error.from_code(ERROR_INVALID_NAME, f"{name!r} is no volume name")
    places = []
    for place in _mounts():
        try:
            device = os.stat(place).st_dev
        except OSError:
            continue
        if _volume_name(device).lower() == name.lower():
            places.append(os.path.join(place, ""))
    if not places:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no volume {name!r} is mounted")
    return places


def set_volume_mount_point(mount: str, volume: str) -> None:
    """Refuse to mount a volume (SetVolumeMountPoint): an administrator's right.

    Raises:
        Win32Error: ERROR_ACCESS_DENIED, always (after the arguments' types are checked).
    """
    _text(mount, "mount point")
    _text(volume, "volume name")
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, "mounting a volume needs an administrator")


def delete_volume_mount_point(mount: str) -> None:
    """Refuse to unmount a volume (DeleteVolumeMountPoint): an administrator's right.

    Raises:
        Win32Error: ERROR_ACCESS_DENIED, always (after the argument's type is checked).
    """
    _text(mount, "mount point")
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, "unmounting a volume needs an administrator")


def set_volume_label(root: str | None, label: str | None) -> None:
    """Refuse to change a volume's label (SetVolumeLabel): an administrator's right.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND for no such folder, else
            ERROR_ACCESS_DENIED.
    """
    if label is not None:
        _text(label, "label")
    _stat(os.getcwd() if root is None else _text(root, "root"))
    raise Win32Error.from_code(ERROR_ACCESS_DENIED, "labelling a volume needs an administrator")


def query_dos_device(name: str | None) -> list[str]:
    """The targets of DOS device ``name`` (the newest first), or every device name for None.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, no such device name.
    """
    with _defined_lock:
        defined = {key: list(targets) for key, targets in _defined.items()}
    if name is None:
        return sorted(set(_SESSION_DEVICES) | set(defined))
    key = _text(name, "device name").upper()
    if key in defined:
        return defined[key]
    if key in _SESSION_DEVICES:
        return [_SESSION_DEVICES[key]]
    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no DOS device {name!r}")


def define_dos_device(flags: int, name: str, target: str | None) -> None:
    """Define, or with DDD_REMOVE_DEFINITION remove, DOS device ``name`` for this process.

    A new definition hides the previous one until removed. Removing takes the newest
    definition, or with DDD_EXACT_MATCH_ON_REMOVE the one whose target is ``target``.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER, no target to define, or an empty name;
            ERROR_FILE_NOT_FOUND, removing what this process did not define.
    """
    key = _text(name, "device name").upper()
    if not key or "\\" in key:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{name!r} is no device name")
    with _defined_lock:
        targets = _defined.setdefault(key, [])
        try:
            if not flags & DDD_REMOVE_DEFINITION:
                if not target:
                    raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "no target to define")
                targets.insert(0, _text(target, "target"))
                return
            if flags & DDD_EXACT_MATCH_ON_REMOVE:
                if target not in targets:
                    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{name!r} is no {target!r}")
                targets.remove(target)
            elif targets:
                del targets[0]
            else:
                raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{name!r} is not defined")
        finally:
            if not targets:
                del _defined[key]


class Stream(NamedTuple):
    """One stream of a file: its size in bytes and its name (``::$DATA``, the unnamed one)."""

    size: int
    name: str


def file_streams(path: str) -> list[Stream]:
    """The streams of file ``path`` (FindFirstStreamW): one ``::$DATA``; none for a folder.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND.
    """
    info = _stat(_text(path, "file name"))
    if stat.S_ISDIR(info.st_mode):
        return []
    return [Stream(info.st_size, "::$DATA")]


def volume_relative_name(path: str) -> str:
    """``path`` from the root of its file system, with a leading ``/`` (FileNameInfo's form)."""
    own = os.path.abspath(_text(path, "file name"))
    root = mount_point(own).rstrip("/") or "/"
    return "/" + os.path.relpath(own, root) if own != root else "/"


def hard_link_names(path: str) -> list[str]:
    """Every name of file ``path`` found (FindFirstFileNameW), each from its mount point.

    The names are relative to the file system's mount point, with a leading ``/`` (Windows
    gives them from the volume's root). The file's own name comes first; see the module for
    how far the others are looked for.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND.
    """
    own = os.path.abspath(_text(path, "file name"))
    info = _stat(own, follow=False)
    root = mount_point(own).rstrip("/") or "/"
    names = [own]
    seen = {own}
    folder, done = os.path.dirname(own), ""
    budget = WALK_LIMIT
    while len(names) < info.st_nlink and budget > 0:
        budget = _walk_for(folder, done, info, names, seen, budget)
        if folder == root or os.path.dirname(folder) == folder:
            break
        folder, done = os.path.dirname(folder), folder
    return [volume_relative_name(name) for name in names]


def _walk_for(
    top: str, skip: str, info: os.stat_result, names: list[str], seen: set[str], budget: int
) -> int:
    """Add to ``names`` the entries under ``top`` (but not under ``skip``) that are ``info``'s
    file; the budget left."""  # noqa: D205, D209
    for folder, folders, files in os.walk(top):
        folders[:] = [
            name
            for name in folders
            if os.path.join(folder, name) != skip
            and not os.path.ismount(os.path.join(folder, name))
        ]
        budget -= len(folders) + len(files)
        for name in files:
            candidate = os.path.join(folder, name)
            if candidate in seen:
                continue
            try:
                found = os.stat(candidate, follow_symlinks=False)
            except OSError:
                continue
            if found.st_ino == info.st_ino and found.st_dev == info.st_dev:
                names.append(candidate)
                seen.add(candidate)
                if len(names) >= info.st_nlink:
                    return budget
        if budget <= 0:
            break
    return budget
