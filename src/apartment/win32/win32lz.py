"""pywin32's ``win32lz``: LZExpand, reading files that Windows' ``compress.exe`` wrote.

``OpenFile`` opens a file as OpenFile does (``OF_READ``, ``OF_WRITE``, ``OF_READWRITE``,
``OF_CREATE``; ``OF_EXIST`` and ``OF_DELETE`` act and close at once) and gives an LZ handle
(an int) and the OFSTRUCT as pywin32 returns it, ``(fFixedDisk, nErrCode, Reserved1,
Reserved2, szPathName)``, the reserved words being the file's DOS date and time. A file opened
for reading that is compressed (SZDD, ``_lz_expand``) reads expanded: ``Init`` gives such a
handle for an open file (the file's own handle when it is not compressed), ``Copy`` writes one
handle's content, expanded, to another and returns the byte count, ``GetExpandedName`` gives
the original name. Failures are ``pywintypes.error`` with the LZERROR code (negative) and
pywin32's message: LZERROR_BADINHANDLE (-1) for a source that cannot be opened or read,
LZERROR_BADOUTHANDLE (-2) for a destination. ``Close`` of an unknown handle does nothing.
"""

from __future__ import annotations

import io
import itertools
import os
import threading
import time
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import Win32Error
from . import _lz_expand

__all__ = ["Close", "Copy", "GetExpandedName", "Init", "OpenFile", "error"]

error = Win32Error

_BADINHANDLE = -1
_BADOUTHANDLE = -2
_MESSAGES = {  # pywin32's own texts (win32lz builds its errors itself)
    _BADINHANDLE: "The handle identifying the source file is not valid. The file cannot be read.",
    _BADOUTHANDLE: "DLE\tThe handle identifying the destination file is not valid. The file "
    "cannot be written.",
}
_OF_WRITE, _OF_READWRITE = 0x1, 0x2
_OF_DELETE, _OF_CREATE, _OF_EXIST = 0x200, 0x1000, 0x4000
_FIRST_HANDLE, _FIRST_LZ_HANDLE = 0x80, 0x400  # LZ_MIN_HANDLE: expanding handles start there


@dataclass
class _Open:
    """An open LZ handle: its stream (the expanded content, for a compressed file)."""

    stream: BinaryIO
    expanded: bool


_lock = threading.Lock()
_open: dict[int, _Open] = {}
_file_handles = itertools.count(_FIRST_HANDLE, 4)
_lz_handles = itertools.count(_FIRST_LZ_HANDLE)


def _lz_error(code: int, name: str) -> Win32Error:
    return Win32Error(code, name, _MESSAGES.get(code, "No error message is available"))


def _add(entry: _Open, *, lz: bool) -> int:
    with _lock:
        handle = next(_lz_handles if lz else _file_handles)
        _open[handle] = entry
        return handle


def _get(handle: int, code: int, name: str) -> _Open:
    with _lock:
        entry = _open.get(handle)
    if entry is None:
        raise _lz_error(code, name)
    return entry


def _expanding(stream: BinaryIO) -> _Open | None:
    """The expanded content of ``stream`` if it is SZDD-compressed (read from its start)."""
    stream.seek(0)
    head = stream.read(_lz_expand.HEADER_SIZE)
    if not _lz_expand.is_compressed(head):
        stream.seek(0)
        return None
    content = _lz_expand.expand(head + stream.read())
    return _Open(io.BytesIO(content), expanded=True)


def _ofstruct(path: str) -> tuple[int, int, int, int, str]:
    """pywin32's OFSTRUCT tuple for ``path``: fixed disk, no error, DOS date and time."""
    try:
        stamp = time.localtime(os.stat(path).st_mtime)
    except OSError:
        return 1, 0, 0, 0, path
    date = ((stamp.tm_year - 1980) << 9) | (stamp.tm_mon << 5) | stamp.tm_mday
    clock = (stamp.tm_hour << 11) | (stamp.tm_min << 5) | (stamp.tm_sec // 2)
    return 1, 0, date, clock, path


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    return value


def OpenFile(fileName: str, action: int, /) -> tuple[int, tuple[int, int, int, int, str]]:
    """Open (create, test, delete) a file: ``(handle, OFSTRUCT)``; compressed ones read expanded."""
    path = os.path.abspath(_text(fileName, "OpenFile: fileName"))
    if not isinstance(action, int):
        raise TypeError(f"OpenFile: action must be an int, not {type(action).__name__}")
    try:
        if action & _OF_DELETE:
            os.remove(path)
            return 1, _ofstruct(path)
        if action & _OF_EXIST:
            if not os.path.isfile(path):
                raise FileNotFoundError(path)
            return 1, _ofstruct(path)
        mode = "rb"
        if action & _OF_CREATE:
            mode = "w+b" if action & _OF_READWRITE else "wb"
        elif action & (_OF_WRITE | _OF_READWRITE):
            mode = "r+b"
        stream: BinaryIO = open(path, mode)  # type: ignore[assignment]  # noqa: SIM115 (closed by Close)
    except OSError:
        raise _lz_error(_BADINHANDLE, "LZOpenFile") from None
    expanded = _expanding(stream) if mode == "rb" else None
    if expanded is not None:
        stream.close()
        return _add(expanded, lz=True), _ofstruct(path)
    return _add(_Open(stream, expanded=False), lz=False), _ofstruct(path)


def Init(handle: int, /) -> int:
    """An expanding handle for an open file; the file's own handle if it is not compressed."""
    entry = _get(handle, _BADINHANDLE, "LZInit")
    if entry.expanded:
        return handle
    try:
        expanded = _expanding(entry.stream)
    except OSError:
        raise _lz_error(_BADINHANDLE, "LZInit") from None
    return handle if expanded is None else _add(expanded, lz=True)


def Copy(hSrc: int, hDest: int, /) -> int:
    """Write the source's content (expanded) to the destination; return the bytes written."""
    source = _get(hSrc, _BADINHANDLE, "LZCopy")
    target = _get(hDest, _BADOUTHANDLE, "LZCopy")
    try:
        content = source.stream.read()
    except OSError:
        raise _lz_error(_BADINHANDLE, "LZCopy") from None
    try:
        target.stream.write(content)
        target.stream.flush()
    except OSError:
        raise _lz_error(_BADOUTHANDLE, "LZCopy") from None
    return len(content)


def Close(handle: int, /) -> None:
    """Close an LZ handle; an unknown handle is ignored, as LZClose does."""
    if not isinstance(handle, int):
        raise TypeError(f"Close: handle must be an int, not {type(handle).__name__}")
    with _lock:
        entry = _open.pop(handle, None)
    if entry is not None:
        entry.stream.close()


def GetExpandedName(Source: str, /) -> str:
    """The original name of a compressed file (its last ``_`` restored); others keep theirs."""
    name = _text(Source, "GetExpandedName: Source")
    try:
        with open(name, "rb") as stream:
            head = stream.read(_lz_expand.HEADER_SIZE)
    except OSError:
        raise _lz_error(_BADINHANDLE, "GetExpandedName") from None
    if not _lz_expand.is_compressed(head):
        return name
    last = _lz_expand.original_last_char(head)
    if last and name.endswith("_"):
        return name[:-1] + last
    return name
