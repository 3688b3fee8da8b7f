"""ReplaceFile: put one file in another's place, keeping the replaced file's attributes.

Windows' rules (MS docs; Wine's implementation differs): both files must exist
(ERROR_FILE_NOT_FOUND); the result has the replacement's data under the replaced file's name,
with the replaced file's attributes (here: its permission bits); the replacement's name is
gone afterwards; with a backup name the replaced file is kept under that name (an existing
backup is overwritten). If the replaced file cannot be moved to the backup, nothing changed
(ERROR_UNABLE_TO_REMOVE_REPLACED); if the replacement cannot then be moved into place, the
replaced file keeps its name or, after a backup, has the backup name
(ERROR_UNABLE_TO_MOVE_REPLACEMENT, ERROR_UNABLE_TO_MOVE_REPLACEMENT_2). Each move is one
``rename``, atomic on one file system.
"""

from __future__ import annotations

import os
import stat

from ..errors import Win32Error
from ._file import os_error

__all__ = [
    "ERROR_UNABLE_TO_MOVE_REPLACEMENT",
    "ERROR_UNABLE_TO_MOVE_REPLACEMENT_2",
    "ERROR_UNABLE_TO_REMOVE_REPLACED",
    "replace_file",
]

ERROR_UNABLE_TO_REMOVE_REPLACED = 1175
ERROR_UNABLE_TO_MOVE_REPLACEMENT = 1176
ERROR_UNABLE_TO_MOVE_REPLACEMENT_2 = 1177


def _stat(path: str) -> os.stat_result:
    if not isinstance(path, str):
        raise TypeError(f"a file name is a str, not {type(path).__name__}")
    try:
        return os.stat(path)
    except OSError as exc:
        raise os_error(exc, f"replacing with or in {path!r}") from None


def replace_file(replaced: str, replacement: str, backup: str | None = None) -> None:
    """Move ``replacement`` into ``replaced``'s place, keeping ``replaced``'s mode (ReplaceFile).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND, either file missing; the
            ERROR_UNABLE_TO_* codes of the module docstring; ERROR_ACCESS_DENIED (a folder).
    """
    kept = _stat(replaced)
    _stat(replacement)
    if stat.S_ISDIR(kept.st_mode):
        raise os_error(IsADirectoryError(21, "is a folder"), f"replacing {replaced!r}")
    try:
        os.chmod(replacement, stat.S_IMODE(kept.st_mode))
    except OSError as exc:
        raise os_error(exc, f"giving {replacement!r} the attributes of {replaced!r}") from None
    if backup is not None:
        if not isinstance(backup, str):
            raise TypeError(f"a backup name is a str, not {type(backup).__name__}")
        try:
            os.replace(replaced, backup)
        except OSError as exc:
            raise Win32Error.from_code(
                ERROR_UNABLE_TO_REMOVE_REPLACED, f"moving {replaced!r} to {backup!r}: {exc}"
            ) from None
    try:
        os.replace(replacement, replaced)
    except OSError as exc:
        code = ERROR_UNABLE_TO_MOVE_REPLACEMENT if backup is None else (
            ERROR_UNABLE_TO_MOVE_REPLACEMENT_2)  # fmt: skip
        raise Win32Error.from_code(code, f"moving {replacement!r} to {replaced!r}: {exc}") from None
