r"""The name rules of Scripting.FileSystemObject: its string functions and its wildcards.

Windows reads both ``\`` and ``/`` as separators in these names, so a program written for
Windows that builds ``folder + "\\" + name`` still splits as it did; the file system is
Linux's, where paths are used as given (a ``\`` inside a real file's name stays part of it).
``BuildPath`` joins with the separator the folder already uses (``os.sep`` for none).
Wildcards (``*`` and ``?``, in the last part of a name only, as Windows takes them) match
without regard to case, as on Windows.
"""

from __future__ import annotations

import fnmatch
import os
import re
import secrets

__all__ = [
    "base_name",
    "build_path",
    "drive_name",
    "extension_name",
    "file_name",
    "has_wildcards",
    "matching",
    "parent_folder_name",
    "temp_name",
    "trailing_separator",
]

_SEPARATORS = "/\\"
_DRIVE = re.compile(r"^[A-Za-z]:")


def _strip(path: str) -> str:
    """``path`` without separators at its end (a root keeps its one)."""
    stripped = path.rstrip(_SEPARATORS)
    if not stripped and path:
        return path[0]
    if _DRIVE.fullmatch(stripped) and len(path) > len(stripped):
        return path[: len(stripped) + 1]
    return stripped


def _cut(path: str) -> int:
    """Where ``path``'s last part starts."""
    return max(path.rfind("/"), path.rfind("\\")) + 1


def file_name(path: str) -> str:
    r"""The last part of ``path`` (GetFileName): ``c:\a\`` is ``a``, a root is ``""``."""
    path = _strip(str(path))
    if path in ("/", "\\") or _DRIVE.fullmatch(path.rstrip(_SEPARATORS)):
        return ""
    name = path[_cut(path) :]
    return name[2:] if _DRIVE.match(name) else name


def parent_folder_name(path: str) -> str:
    """All but the last part of ``path`` (GetParentFolderName); ``""`` for a bare name."""
    path = _strip(str(path))
    cut = _cut(path)
    if cut == 0:
        return path[:2] if _DRIVE.match(path) and len(path) > 2 else ""
    if cut == len(path):  # a root
        return ""
    parent = path[:cut]
    kept = parent.rstrip(_SEPARATORS)
    if not kept or _DRIVE.fullmatch(kept):
        return parent[: len(kept) + 1]  # the root keeps its separator
    return kept


def base_name(path: str) -> str:
    """The last part of ``path`` without its extension (GetBaseName)."""
    name = file_name(path)
    dot = name.rfind(".")
    return name if dot <= 0 else name[:dot]


def extension_name(path: str) -> str:
    """The extension of the last part of ``path``, without its dot, or ``""``."""
    name = file_name(path)
    dot = name.rfind(".")
    return "" if dot <= 0 else name[dot + 1 :]


def drive_name(path: str) -> str:
    r"""The drive of ``path`` (GetDriveName): ``c:`` for ``c:\x``; Linux's paths have none."""
    found = _DRIVE.match(str(path))
    return found.group(0) if found else ""


def build_path(path: str, name: str) -> str:
    """``name`` appended to ``path`` with one separator between them (BuildPath)."""
    path, name = str(path), str(name)
    if not path:
        return name
    if path[-1] in _SEPARATORS or (_DRIVE.fullmatch(path)):
        return path + name.lstrip(_SEPARATORS)
    cut = _cut(path)
    separator = path[cut - 1] if cut else os.sep
    return path + separator + name.lstrip(_SEPARATORS)


def temp_name() -> str:
    """A random file name (GetTempName), ``rad`` and five hex digits, as scrrun makes them."""
    return f"rad{secrets.randbits(20):05X}.tmp"


def trailing_separator(path: str) -> bool:
    """Whether ``path`` ends with a separator: it names a folder."""
    return bool(path) and path[-1] in _SEPARATORS


def has_wildcards(path: str) -> bool:
    """Whether the last part of ``path`` holds ``*`` or ``?``."""
    name = path[_cut(path) :]
    return "*" in name or "?" in name


def matching(spec: str, *, folders: bool) -> list[str]:
    """The files (or folders) that the wildcard ``spec`` names, in name order.

    Its folder must exist (else the list is empty); a name matches without regard to case.
    """
    cut = _cut(spec)
    folder = spec[: cut - 1] if cut > 1 else (spec[:cut] or ".")
    pattern = spec[cut:].lower()
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        full = os.path.join(folder, name)
        if fnmatch.fnmatchcase(name.lower(), pattern) and os.path.isdir(full) == folders:
            found.append(full)
    return found
