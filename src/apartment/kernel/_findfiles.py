"""Listing a directory by a wildcard, as FindFirstFile / FindNextFile do.

A pattern is a folder and a last component: ``*`` matches any run of characters, ``?`` one,
case does not matter, ``*.*`` is every name and a trailing dot is dropped (``name.`` finds
``name``). A folder other than the root lists ``.`` and ``..`` first; the other names follow
in order, case aside. Windows' 8.3 short names do not exist here, so a pattern never matches
one (on NTFS ``*.txt`` may find ``a.txta`` by its short name ``A~1.TXT``).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ERROR_PATH_NOT_FOUND, Win32Error
from ._file import os_error
from ._fileinfo import FileInfo, info_of

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["FoundFile", "find_files"]


class FoundFile(NamedTuple):
    """One name a search found, with what the directory tells about it (WIN32_FIND_DATA)."""

    name: str
    info: FileInfo


def _matcher(spec: str) -> re.Pattern[str]:
    if spec not in (".", "..") and spec.endswith("."):
        spec = spec.rstrip(".") or "*"
    if spec == "*.*":
        spec = "*"
    parts = ("." * (c == "?") + ".*" * (c == "*") or re.escape(c) for c in spec)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def find_files(pattern: str) -> Iterator[FoundFile]:
    """The files and folders ``pattern`` names (``/some/folder/*.txt``), read as they go.

    The folder is checked now: a search in a folder that is not there fails at once. A
    pattern that matches nothing gives nothing (FindFirstFile's ERROR_FILE_NOT_FOUND).

    Raises:
        TypeError: ``pattern`` is not a str.
        Win32Error: ERROR_PATH_NOT_FOUND (no such folder, or an empty pattern).
    """
    if not isinstance(pattern, str):
        raise TypeError(f"a pattern is a str, not {type(pattern).__name__}")
    if not pattern or "\0" in pattern:
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{pattern!r} names no folder")
    folder, spec = os.path.split(pattern)
    folder = folder or "."
    try:
        names = os.listdir(folder)
    except OSError as exc:
        error = os_error(exc, f"listing {folder!r}")
        if error.winerror != ERROR_PATH_NOT_FOUND:
            error = Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"listing {folder!r}: {exc}")
        raise error from None
    names.sort(key=str.casefold)
    if os.path.realpath(folder) != "/":
        names[:0] = [".", ".."]
    return _found(folder, names, _matcher(spec) if spec else None)


def _found(folder: str, names: list[str], matcher: re.Pattern[str] | None) -> Iterator[FoundFile]:
    if matcher is None:
        return
    for name in names:
        if not matcher.fullmatch(name):
            continue
        path = os.path.join(folder, name)
        try:
            info = os.stat(path)
        except OSError:
            continue  # gone since the folder was read, or a dangling link
        yield FoundFile(name, info_of(info, name, path))
