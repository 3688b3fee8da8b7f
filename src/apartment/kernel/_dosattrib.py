"""DOS attributes that Linux has no bit for (HIDDEN, SYSTEM, ARCHIVE ...), kept beside the file.

SetFileAttributes sets a file's attributes to exactly the value given, and GetFileAttributes
gives them back; ``stat`` keeps only READONLY (the write bits). The rest is kept where Wine and
Samba keep it, the ``user.DOSATTRIB`` extended attribute, in Wine's text form ``0x<hex>``
(a Samba blob, its hex text up to the first NUL, is read too). Where a file system or the
file's mode refuses extended attributes, a per-user store holds them instead: one small file
per (device, inode) in ``$XDG_DATA_HOME/apartment/dosattrib`` (``~/.local/share`` when unset).

Windows sets ARCHIVE again when a file's data change; so a value kept without ARCHIVE also keeps
the file's write time then (``user.apartment.archived``), and a later write time brings ARCHIVE
back. A value written by Wine (HIDDEN and SYSTEM only) reads without ARCHIVE.

Callers: :mod:`._fileinfo` on any thread; the store has no state in the process, so no lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile

__all__ = [
    "KEPT_ATTRIBUTES",
    "check_overwrite",
    "created_attributes",
    "keep_attributes",
    "kept_attributes",
]

KEPT_ATTRIBUTES = 0x2 | 0x4 | 0x20 | 0x100 | 0x1000 | 0x2000  # HIDDEN SYSTEM ARCHIVE TEMPORARY
"""What is kept here: HIDDEN, SYSTEM, ARCHIVE, TEMPORARY, OFFLINE, NOT_CONTENT_INDEXED."""

_READONLY = 0x1
_ARCHIVE = 0x20
_XATTR = "user.DOSATTRIB"
_ARCHIVED = "user.apartment.archived"
_REFUSED = (errno.ENOTSUP, errno.EPERM, errno.EACCES, errno.EROFS)


def _parse(data: bytes) -> int | None:
    text = data.split(b"\0", 1)[0].strip()
    if not text.lower().startswith(b"0x"):
        return None
    try:
        return int(text, 16)
    except ValueError:
        return None


def _store_dir() -> str:
    data_home = os.environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(data_home):
        data_home = os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data_home, "apartment", "dosattrib")


def _entry(info: os.stat_result) -> str:
    return os.path.join(_store_dir(), f"{info.st_dev:x}-{info.st_ino:x}")


def _read_store(info: os.stat_result) -> tuple[int | None, int | None]:
    try:
        with open(_entry(info), "rb") as file:
            parts = file.read().split()
    except OSError:
        return None, None
    value = _parse(parts[0]) if parts else None
    written = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    return value, written


def _write_store(info: os.stat_result, value: int | None, written: int | None) -> None:
    path = _entry(info)
    if value is None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    text = f"0x{value:x}" + ("" if written is None else f" {written}")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".new-")
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)
    os.replace(temp, path)  # atomic: another process reads the old value or the new one


def _with_archive(value: int, written: int | None, info: os.stat_result) -> int:
    if not value & _ARCHIVE and written is not None and written != info.st_mtime_ns:
        value |= _ARCHIVE  # the data changed since ARCHIVE was cleared
    return value


def kept_attributes(path: str | int, info: os.stat_result) -> int | None:
    """The attributes kept for ``path`` (or an open fd; ``info`` is its ``stat``), or None."""
    try:
        data = os.getxattr(path, _XATTR)
    except OSError as exc:
        if exc.errno != errno.ENODATA and exc.errno not in _REFUSED:
            return None
        value, written = _read_store(info)
        return None if value is None else _with_archive(value, written, info)
    value = _parse(data)
    if value is None:
        return None
    written = None
    if not value & _ARCHIVE:
        try:
            text = os.getxattr(path, _ARCHIVED)
        except OSError:
            pass
        else:
            written = int(text) if text.isdigit() else None
    return _with_archive(value, written, info)


def keep_attributes(path: str | int, info: os.stat_result, attributes: int) -> None:
    """Keep the :data:`KEPT_ATTRIBUTES` part of ``attributes`` for ``path`` (or an open fd).

    ``info`` is the file's ``stat`` now; a directory keeps READONLY here too (a file's is its
    mode, set by the caller). Nothing is kept for a file whose value is what
    :mod:`._fileinfo` derives anyway (ARCHIVE alone on a file, nothing on a directory).
    """
    value = attributes & KEPT_ATTRIBUTES
    if stat.S_ISDIR(info.st_mode):
        value |= attributes & _READONLY  # a folder's READONLY is only a mark (its mode stays)
    default = 0 if stat.S_ISDIR(info.st_mode) else _ARCHIVE
    written = None if value & _ARCHIVE else info.st_mtime_ns
    try:
        if value == default:
            try:
                os.removexattr(path, _XATTR)
            except OSError as exc:
                if exc.errno != errno.ENODATA:
                    raise
        else:
            os.setxattr(path, _XATTR, f"0x{value:x}".encode())
            if written is not None:
                os.setxattr(path, _ARCHIVED, str(written).encode())
    except OSError as exc:
        if exc.errno not in _REFUSED:
            raise
        _write_store(info, None if value == default else value, written)
        return
    _write_store(info, None, None)  # an older refusal's entry no longer holds


_HIDDEN_SYSTEM = 0x2 | 0x4


def check_overwrite(path: str, info: os.stat_result, flags: int) -> bool:
    """May CreateFile's CREATE_ALWAYS overwrite ``path`` with ``flags``' attributes?

    Windows refuses (ERROR_ACCESS_DENIED) a file that was made HIDDEN or SYSTEM unless
    the new attributes have them too: Python's ``open(path, "w")`` of a hidden file fails so.
    A dot-name's derived HIDDEN is not a kept attribute and does not count.
    """
    kept = kept_attributes(path, info)
    return kept is None or not kept & _HIDDEN_SYSTEM & ~flags


def created_attributes(fd: int, info: os.stat_result, flags: int) -> None:
    """Give a file CreateFile just made (or overwrote) ``flags``' attributes and ARCHIVE."""
    keep_attributes(fd, info, (flags & KEPT_ATTRIBUTES) | _ARCHIVE)
