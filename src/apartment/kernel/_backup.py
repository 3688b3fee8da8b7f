"""Backup streams (BackupRead, BackupWrite, BackupSeek): a file as a sequence of streams.

BackupRead gives a file as Windows' backup format: streams, each a WIN32_STREAM_ID header
(``<IIqI``: stream id, attributes, size, name size in bytes, then the UTF-16 name) and its
data. Here a file's streams are, in this order:

- ``BACKUP_SECURITY_DATA`` (only with ``process_security``): the file's security descriptor,
  self-relative, with its owner, group and DACL (and its SACL if the handle was opened with
  ACCESS_SYSTEM_SECURITY), attribute STREAM_CONTAINS_SECURITY;
- ``BACKUP_DATA``: the file's contents;
- ``BACKUP_ALTERNATE_DATA``, one per alternate data stream, named ``:name:$DATA``. A file
  ``f``'s alternate streams are the files beside it named ``f:name``: what CreateFile and
  ``open()`` make here of Windows' stream syntax.

BackupWrite reads the same format back into the file it is given: the data, each alternate
stream (a file ``f:name``, made or replaced), and, with ``process_security``, the descriptor
(as SetFileSecurity would set it, with the caller's token). Other streams (extended
attributes, links) are skipped. A read or a write never crosses from a stream's header to its
data in one call; BackupSeek moves through the current stream's data only, never into the
next header, as on Windows.

A context (the ``lpContext`` of Windows' calls) is an int naming the sequence's state: 0
starts one; a call with ``abort`` ends it. The state is this process's, guarded by a lock.
"""

from __future__ import annotations

import itertools
import os
import struct
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_DATA,
    ERROR_INVALID_PARAMETER,
    ERROR_SEEK,
    Win32Error,
)
from ._filemodes import FILE_READ_DATA, FILE_WRITE_DATA
from ._filesecurity import file_security, set_file_security
from ._objsecurity import Ace, Descriptor

if TYPE_CHECKING:
    from ._diskfile import DiskFile
    from ._token import Token

__all__ = [
    "BACKUP_ALTERNATE_DATA", "BACKUP_DATA", "BACKUP_EA_DATA", "BACKUP_SECURITY_DATA",
    "STREAM_CONTAINS_SECURITY",
    "backup_read", "backup_seek", "backup_write", "descriptor_bytes", "descriptor_from_bytes",
]  # fmt: skip

BACKUP_DATA = 1
BACKUP_EA_DATA = 2
BACKUP_SECURITY_DATA = 3
BACKUP_ALTERNATE_DATA = 4
STREAM_CONTAINS_SECURITY = 2
_HEADER = struct.Struct("<IIqI")  # WIN32_STREAM_ID without its name: 20 bytes
_ACCESS_SYSTEM_SECURITY = 0x01000000
_WRITE_DAC = 0x00040000
_WRITE_OWNER = 0x00080000
_OWNER, _GROUP, _DACL, _SACL = 1, 2, 4, 8
_SE_DACL_PRESENT, _SE_SACL_PRESENT, _SE_SELF_RELATIVE = 0x4, 0x10, 0x8000


# -- security descriptors as Windows lays them out (self-relative) ---------------------------


def _sid_bytes(text: str) -> bytes:
    parts = text.split("-")
    if len(parts) < 3 or parts[0].upper() != "S":
        raise Win32Error.from_code(ERROR_INVALID_DATA, f"{text!r} is not a SID")
    subs = [int(part) for part in parts[3:]]
    return (
        bytes((int(parts[1]), len(subs)))
        + int(parts[2]).to_bytes(6, "big")
        + b"".join(sub.to_bytes(4, "little") for sub in subs)
    )


def _sid_text(raw: bytes, at: int) -> tuple[str, int]:
    """The SID at ``raw[at:]`` and its length in bytes."""
    count = raw[at + 1]
    authority = int.from_bytes(raw[at + 2 : at + 8], "big")
    subs = [int.from_bytes(raw[at + 8 + 4 * i : at + 12 + 4 * i], "little") for i in range(count)]
    return "-".join(["S", str(raw[at]), str(authority), *map(str, subs)]), 8 + 4 * count


def _acl_bytes(aces: tuple[Ace, ...], size: int | None = None) -> bytes:
    """An ACL's bytes: ``size`` long when it is more than the entries need (zeros after)."""
    body = b""
    for ace in aces:
        sid = _sid_bytes(ace.sid)
        body += struct.pack("<BBHI", ace.kind, ace.flags, 8 + len(sid), ace.mask) + sid
    total = max(8 + len(body), size or 0)
    return struct.pack("<BBHHH", 2, 0, total, len(aces), 0) + body.ljust(total - 8, b"\0")


def _acl_from(raw: bytes, at: int) -> tuple[Ace, ...]:
    _, _, _, count, _ = struct.unpack_from("<BBHHH", raw, at)
    aces, at = [], at + 8
    for _ in range(count):
        kind, flags, size, mask = struct.unpack_from("<BBHI", raw, at)
        aces.append(Ace(kind, flags, mask, _sid_text(raw, at + 8)[0]))
        at += size
    return tuple(aces)


def descriptor_bytes(
    descriptor: Descriptor, *, sacl_size: int | None = None, dacl_size: int | None = None
) -> bytes:
    """``descriptor`` as a self-relative SECURITY_DESCRIPTOR (what BACKUP_SECURITY_DATA holds).

    ``sacl_size`` and ``dacl_size``: the size an ACL was made with, when more than its entries
    need (pywin32's ACL() is 64 bytes; its descriptor's bytes carry the whole of it).
    """
    parts: list[bytes] = []
    offsets = [0, 0, 0, 0]  # owner, group, SACL, DACL
    at = 20
    for index, raw in enumerate(
        (
            None if descriptor.owner is None else _sid_bytes(descriptor.owner),
            None if descriptor.group is None else _sid_bytes(descriptor.group),
            None if descriptor.sacl is None else _acl_bytes(descriptor.sacl, sacl_size),
            None if descriptor.dacl is None else _acl_bytes(descriptor.dacl, dacl_size),
        )
    ):
        if raw is not None:
            offsets[index], at = at, at + len(raw)
            parts.append(raw)
    control = descriptor.control | _SE_SELF_RELATIVE
    control |= _SE_DACL_PRESENT if descriptor.dacl is not None else 0
    control |= _SE_SACL_PRESENT if descriptor.sacl is not None else 0
    return struct.pack("<BBHIIII", 1, 0, control, *offsets) + b"".join(parts)


def descriptor_from_bytes(raw: bytes) -> tuple[Descriptor, int]:
    """A self-relative descriptor read back, and the parts (OWNER_... bits) it holds.

    Raises:
        Win32Error: ERROR_INVALID_DATA for bytes that are not one.
    """
    try:
        revision, _, control, owner, group, sacl, dacl = struct.unpack_from("<BBHIIII", raw)
        if revision != 1:
            raise ValueError(revision)
        found = Descriptor(
            _sid_text(raw, owner)[0] if owner else None,
            _sid_text(raw, group)[0] if group else None,
            _acl_from(raw, dacl) if dacl else None,
            _acl_from(raw, sacl) if sacl else None,
            control & ~_SE_SELF_RELATIVE,
        )
    except (struct.error, ValueError, IndexError):
        raise Win32Error.from_code(ERROR_INVALID_DATA, "not a security descriptor") from None
    parts = (_OWNER if owner else 0) | (_GROUP if group else 0)
    parts |= (_DACL if control & _SE_DACL_PRESENT else 0) | (
        _SACL if control & _SE_SACL_PRESENT else 0
    )
    return found, parts


# -- a sequence of calls: its context -----------------------------------------------------


@dataclass
class _Part:
    """One stretch of the backup image: a stream's header (with its name) or its data."""

    size: int
    read: object  # bytes, or the DiskFile whose contents these are
    stream: int = 0  # the stream id a data part belongs to (0 for a header)


@dataclass
class _Context:
    parts: list[_Part] = field(default_factory=list)
    index: int = 0
    offset: int = 0
    pending: bytearray = field(default_factory=bytearray)  # BackupWrite: a header not whole
    stream: tuple[int, str] | None = None  # BackupWrite: the stream being written
    left: int = 0  # BackupWrite: its bytes still to come
    written: int = 0


_CONTEXTS: dict[int, _Context] = {}
_LOCK = threading.Lock()
_IDS = itertools.count(1)


def _context(value: int) -> tuple[int, _Context]:
    with _LOCK:
        if value == 0:
            value = next(_IDS)
            made = _CONTEXTS[value] = _Context()
            return value, made
        found = _CONTEXTS.get(value)
    if found is None:
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no backup context {value}")
    return value, found


def _end(value: int) -> None:
    with _LOCK:
        _CONTEXTS.pop(value, None)


def _header(stream: int, attributes: int, size: int, name: str = "") -> _Part:
    raw = name.encode("utf-16-le")
    return _Part(_HEADER.size + len(raw), _HEADER.pack(stream, attributes, size, len(raw)) + raw)


def _streams_beside(path: str) -> list[tuple[str, str]]:
    """The alternate streams of ``path``: (stream name, the file holding it), by name."""
    folder, base = os.path.split(path)
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return []
    found = [name for name in names if name.startswith(base + ":") and len(name) > len(base) + 1]
    return [(name[len(base) + 1 :], os.path.join(folder, name)) for name in sorted(found)]


def _image(file: DiskFile, process_security: bool, token: Token) -> list[_Part]:
    parts: list[_Part] = []
    if process_security:
        information = _OWNER | _GROUP | _DACL
        if file.access & _ACCESS_SYSTEM_SECURITY:
            information |= _SACL
        raw = descriptor_bytes(file_security(file.name, information, token))
        parts += [
            _header(BACKUP_SECURITY_DATA, STREAM_CONTAINS_SECURITY, len(raw)),
            _Part(len(raw), raw, BACKUP_SECURITY_DATA),
        ]
    size = os.fstat(file.descriptor()).st_size
    parts += [_header(BACKUP_DATA, 0, size), _Part(size, file, BACKUP_DATA)]
    for name, holder in _streams_beside(file.name):
        try:
            with open(holder, "rb") as stream:
                data = stream.read()
        except OSError:
            continue  # gone meanwhile, or a directory: not a stream
        parts += [
            _header(BACKUP_ALTERNATE_DATA, 0, len(data), f":{name}:$DATA"),
            _Part(len(data), data, BACKUP_ALTERNATE_DATA),
        ]
    return parts


def backup_read(
    file: DiskFile,
    size: int,
    context: int,
    *,
    abort: bool = False,
    process_security: bool = False,
    token: Token,
) -> tuple[bytes, int]:
    """The next up to ``size`` bytes of ``file``'s backup image, and the context to pass next.

    ``b""`` once the image is read whole. With ``abort`` the context ends: nothing is read
    and 0 is the context given back.

    Raises:
        Win32Error: ERROR_ACCESS_DENIED if the handle may not read the file's data.
    """
    if abort:
        _end(context)
        return b"", 0
    if not file.access & FILE_READ_DATA:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, "BackupRead needs read access")
    context, state = _context(context)
    if not state.parts and not state.index:
        state.parts = _image(file, process_security, token)
    while state.index < len(state.parts) and state.offset >= state.parts[state.index].size:
        state.index, state.offset = state.index + 1, 0
    if state.index >= len(state.parts):
        return b"", context
    part = state.parts[state.index]
    count = min(size, part.size - state.offset)
    if isinstance(part.read, bytes):
        data = part.read[state.offset : state.offset + count]
    else:
        data = os.pread(file.descriptor(), count, state.offset)
    state.offset += len(data)
    return data, context


def backup_seek(file: DiskFile, count: int, context: int) -> int:
    """Skip up to ``count`` bytes of the current stream's data; the bytes skipped.

    Raises:
        Win32Error: ERROR_SEEK if fewer than ``count`` bytes were left in the stream (it is
            then at the stream's end, before the next header).
    """
    _, state = _context(context)
    at = state.parts[state.index] if state.index < len(state.parts) else None
    if at is not None and at.stream == 0 and state.offset >= at.size:
        state.index, state.offset = state.index + 1, 0  # a header read whole: its data is next
    part = state.parts[state.index] if state.index < len(state.parts) else None
    if part is None or part.stream == 0:
        raise Win32Error.from_code(ERROR_SEEK, "BackupSeek moves through a stream's data only")
    moved = min(count, part.size - state.offset)
    state.offset += moved
    if moved < count:
        raise Win32Error.from_code(ERROR_SEEK, f"only {moved} bytes were left in the stream")
    return moved


def backup_write(
    file: DiskFile,
    data: bytes,
    context: int,
    *,
    abort: bool = False,
    process_security: bool = False,
    token: Token,
) -> tuple[int, int]:
    """Write the next bytes of a backup image into ``file``: (bytes taken, context).

    Raises:
        Win32Error: ERROR_ACCESS_DENIED if the handle may not write the file's data;
            ERROR_INVALID_DATA for a header that is not one.
    """
    if abort:
        _end(context)
        return 0, 0
    if not file.access & FILE_WRITE_DATA:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, "BackupWrite needs write access")
    context, state = _context(context)
    view = memoryview(data)
    while view or (state.stream is not None and state.left == 0):
        if state.stream is None:
            view = _take_header(state, view)
        elif state.left == 0:  # an empty stream, or one written whole
            _finish_stream(file, state, process_security, token)
        else:
            chunk, view = view[: state.left], view[state.left :]
            _write_stream(file, state, bytes(chunk))
    return len(data), context


def _take_header(state: _Context, view: memoryview) -> memoryview:
    need = _HEADER.size - len(state.pending)
    if need > 0:
        state.pending += view[:need]
        return view[need:]
    stream, _, size, name_size = _HEADER.unpack_from(state.pending)
    if size < 0 or name_size % 2:
        raise Win32Error.from_code(ERROR_INVALID_DATA, "not a WIN32_STREAM_ID header")
    need = _HEADER.size + name_size - len(state.pending)
    state.pending += view[:need]
    view = view[max(need, 0) :]
    if len(state.pending) == _HEADER.size + name_size:
        name = bytes(state.pending[_HEADER.size :]).decode("utf-16-le", "replace")
        state.stream, state.left, state.written = (stream, name), size, 0
        state.pending.clear()
    return view


def _write_stream(file: DiskFile, state: _Context, chunk: bytes) -> None:
    assert state.stream is not None, "data follows its header"
    kind = state.stream[0]
    if kind == BACKUP_DATA:
        os.pwrite(file.descriptor(), chunk, state.written)
    elif kind in (BACKUP_ALTERNATE_DATA, BACKUP_SECURITY_DATA):
        state.pending += chunk  # whole streams: a stream's file, a descriptor
    state.written += len(chunk)
    state.left -= len(chunk)


def _finish_stream(file: DiskFile, state: _Context, process_security: bool, token: Token) -> None:
    assert state.stream is not None, "a stream ends after its header"
    kind, name = state.stream
    whole = bytes(state.pending)
    state.stream = None
    state.pending.clear()
    if kind == BACKUP_DATA:  # the data is the stream's, no more
        os.ftruncate(file.descriptor(), state.written)
    elif kind == BACKUP_ALTERNATE_DATA:
        stream = name.split(":")[1] if name.startswith(":") else name
        if stream:
            with open(f"{file.name}:{stream}", "wb") as holder:
                holder.write(whole)
    elif kind == BACKUP_SECURITY_DATA and process_security:
        descriptor, parts = descriptor_from_bytes(whole)
        if not file.access & _WRITE_DAC:
            parts &= ~_DACL
        if not file.access & _WRITE_OWNER:
            parts &= ~(_OWNER | _GROUP)
        if not file.access & _ACCESS_SYSTEM_SECURITY:
            parts &= ~_SACL
        if parts:
            set_file_security(file.name, parts, descriptor, token)
