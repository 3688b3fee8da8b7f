"""GetFileInformationByHandleEx's listing classes: streams, compression, folder entries.

pywin32's shapes: FileStreamInfo a tuple of dicts (one ``::$DATA`` stream for a file, none
for a folder), FileCompressionInfo a dict (nothing is compressed here), and
FileIdBothDirectoryInfo a tuple of dicts per call, continued by the next call on the same
handle until an empty tuple, restarted by FileIdBothDirectoryRestartInfo. A folder class on
a file is ERROR_INVALID_PARAMETER, as Windows answers.
"""

from __future__ import annotations

import os
import threading
import weakref

from .. import kernel
from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._timeconv import file_time
from .pywintypes import TimeType

__all__ = ["compression_info", "directory_info", "stream_info"]

_FOLDER = 0x10  # FILE_ATTRIBUTE_DIRECTORY

# The folder listings handed out so far, per open file: the next call continues after them.
_listed: weakref.WeakKeyDictionary[kernel.File, bool] = weakref.WeakKeyDictionary()
_listed_lock = threading.Lock()


def stream_info(file: kernel.File) -> tuple[dict[str, object], ...]:
    """FileStreamInfo: the unnamed data stream of a file; a folder has none."""
    info = file.file_info()
    if info.attributes & _FOLDER:
        return ()
    return (
        {"StreamSize": info.size, "StreamAllocationSize": info.allocated, "StreamName": "::$DATA"},
    )


def compression_info(file: kernel.File) -> dict[str, object]:
    """FileCompressionInfo: COMPRESSION_FORMAT_NONE, the size on the disk as it is."""
    info = file.file_info()
    return {
        "CompressedFileSize": info.size,
        "CompressionFormat": 0,
        "CompressionUnitShift": 0,
        "ChunkShift": 0,
        "ClusterShift": 0,
        "Reserved": (0, 0, 0),
    }


def directory_info(file: kernel.File, restart: bool) -> tuple[dict[str, object], ...]:
    """FileIdBothDirectoryInfo(Restart): the folder's entries ('.' and '..' first) once, then ().

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER when ``file`` is no folder.
    """
    if not file.file_info().attributes & _FOLDER:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"{file.name!r} is not a folder")
    with _listed_lock:
        if _listed.get(file) and not restart:
            return ()
        _listed[file] = True
    return tuple(_entry(found) for found in kernel.find_files(os.path.join(file.name, "*")))


def _entry(found: kernel.FoundFile) -> dict[str, object]:
    info = found.info
    return {
        "FileIndex": 0,
        "CreationTime": file_time(info.created, TimeType),
        "LastAccessTime": file_time(info.accessed, TimeType),
        "LastWriteTime": file_time(info.written, TimeType),
        "ChangeTime": file_time(info.changed, TimeType),
        "EndOfFile": info.size,
        "AllocationSize": info.allocated,
        "FileAttributes": info.attributes,
        "EaSize": 0,
        "ShortName": "",  # no 8.3 names here
        "FileId": info.file_index,
        "FileName": found.name,
    }
