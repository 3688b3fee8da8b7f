"""The Encrypting File System's calls on file systems that have none (every Linux one).

Windows answers an EFS call on a volume without EFS (FAT, a network share without it) with
ERROR_VOLUME_NOT_SUPPORT_EFS, after it found the file: a missing file is
ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND first. FileEncryptionStatus answers
FILE_SYSTEM_NOT_SUPPORT on the same volumes (``win32file``'s own module).
"""

from __future__ import annotations

import os

from ..errors import Win32Error
from ._file import os_error

__all__ = ["ERROR_VOLUME_NOT_SUPPORT_EFS", "refuse_efs"]

ERROR_VOLUME_NOT_SUPPORT_EFS = 6014


def refuse_efs(path: str, doing: str) -> None:
    """Raise the error an EFS call ``doing`` gets for ``path`` here.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND for no such file, else
            ERROR_VOLUME_NOT_SUPPORT_EFS.
    """
    if not isinstance(path, str):
        raise TypeError(f"a file name is a str, not {type(path).__name__}")
    try:
        os.stat(path)
    except OSError as exc:
        raise os_error(exc, f"{doing} {path!r}") from None
    raise Win32Error.from_code(
        ERROR_VOLUME_NOT_SUPPORT_EFS, f"{doing} {path!r}: its file system has no EFS"
    )
