"""The shell's file operation: copy, move, rename or delete files and folders (SHFileOperation).

SHFileOperation answers a number, never raises: 0 when every file was done, else the Win32
error of the first that failed (ERROR_FILE_NOT_FOUND for a source that is not there,
ERROR_INVALID_PARAMETER for an unknown operation), and whether the user cancelled. Nobody is
asked anything here: every confirmation Windows would show is answered "yes" (as
FOF_NOCONFIRMATION and FOF_NOCONFIRMMKDIR say), so nothing is ever cancelled. A folder is
copied, moved or deleted with all it holds; a source may hold wildcards (``*``, ``?``) in its
last part. Deleting does not use a recycle bin (FOF_ALLOWUNDO is ignored).

Copying or moving several sources to one target puts them in that folder (made when missing);
one source goes to the target as its new name unless the target is a folder; with
FOF_MULTIDESTFILES each source has its own target. Files are copied and moved through
:func:`~._pathops.copy_file` and :func:`~._pathops.move_file`, so a handle that does not
share access stops them as it would stop CopyFile. Runs on the caller's thread.
"""

from __future__ import annotations

import glob
import os
import shutil
from typing import TYPE_CHECKING

from ..errors import ERROR_FILE_NOT_FOUND, ERROR_INVALID_PARAMETER, Win32Error
from ._file import os_error
from ._pathops import copy_file, move_file

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "FOF_MULTIDESTFILES",
    "FO_COPY",
    "FO_DELETE",
    "FO_MOVE",
    "FO_RENAME",
    "file_operation",
]

FO_MOVE = 1
FO_COPY = 2
FO_DELETE = 3
FO_RENAME = 4
FOF_MULTIDESTFILES = 0x1


def file_operation(
    operation: int, sources: Sequence[str], targets: Sequence[str] = (), flags: int = 0
) -> tuple[int, bool]:
    """Do ``operation`` (FO_*) on ``sources``; answer (0 or a Win32 error, cancelled).

    Raises:
        TypeError: a source or target that is not a str.
    """
    for path in (*sources, *targets):
        if not isinstance(path, str):
            raise TypeError(f"a path is a str, not {type(path).__name__}")
    if operation not in (FO_MOVE, FO_COPY, FO_DELETE, FO_RENAME) or not sources:
        return ERROR_INVALID_PARAMETER, False
    try:
        expanded = [found for source in sources for found in _expand(source)]
        if operation == FO_DELETE:
            for source in expanded:
                _delete(source)
        elif operation == FO_RENAME:
            if len(expanded) != 1 or len(targets) != 1:
                return ERROR_INVALID_PARAMETER, False
            move_file(expanded[0], targets[0])
        else:
            for source, target in _pairs(expanded, targets, flags, wildcards=expanded != sources):
                _transfer(source, target, move=operation == FO_MOVE)
    except Win32Error as error:
        return error.winerror, False
    except OSError as error:  # a folder's copy or delete (shutil): its Win32 error
        return os_error(error, "a file operation").winerror, False
    return 0, False


def _expand(source: str) -> list[str]:
    """The paths ``source`` names: itself, or what its wildcards match (none: not found)."""
    if "*" in os.path.basename(source) or "?" in os.path.basename(source):
        found = sorted(glob.glob(glob.escape(os.path.dirname(source)) + os.sep + _last(source)))
    else:
        found = [source] if os.path.lexists(source) else []
    if not found:
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"{source!r} is not there")
    return found


def _last(source: str) -> str:
    return os.path.basename(source).replace("[", "[[]")


def _pairs(
    sources: list[str], targets: Sequence[str], flags: int, *, wildcards: bool
) -> list[tuple[str, str]]:
    """Each source with the path it goes to."""
    if flags & FOF_MULTIDESTFILES and len(targets) == len(sources) and not wildcards:
        return list(zip(sources, targets, strict=True))
    if len(targets) != 1:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "one target folder is needed")
    target = targets[0]
    if len(sources) == 1 and not wildcards and not os.path.isdir(target):
        return [(sources[0], target)]
    os.makedirs(target, exist_ok=True)
    return [(source, os.path.join(target, os.path.basename(source))) for source in sources]


def _transfer(source: str, target: str, *, move: bool) -> None:
    if os.path.isdir(source):
        if move:
            move_file(source, target)
        else:
            shutil.copytree(source, target, dirs_exist_ok=True)
    elif move:
        move_file(source, target, replace=True)
    else:
        copy_file(source, target)


def _delete(source: str) -> None:
    if os.path.isdir(source) and not os.path.islink(source):
        shutil.rmtree(source)
    else:
        os.remove(source)
