"""Backup streams: BackupRead's image of a file, BackupWrite's copy, BackupSeek, the codes."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PARAMETER,
    ERROR_SEEK,
    Win32Error,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

GENERIC_READ, GENERIC_WRITE = 0x80000000, 0x40000000
OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS = 3, 0x02000000
_HEADER = struct.Struct("<IIqI")


def _open(path: Path, access: int) -> kernel.DiskFile:
    opened = kernel.open_file(str(path), access, 3, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS)
    assert isinstance(opened, kernel.DiskFile)
    return opened


def _token() -> kernel.Token:
    return kernel.effective_token(kernel.current_thread())


@pytest.fixture
def source(tmp_path: Path) -> Iterator[kernel.DiskFile]:
    path = tmp_path / "source.txt"
    path.write_bytes(b"main data " * 30)
    (tmp_path / "source.txt:second").write_bytes(b"s" * 10)
    (tmp_path / "source.txt:first").write_bytes(b"f" * 150)
    opened = _open(path, GENERIC_READ)
    yield opened
    opened.close()


def _read_all(file: kernel.DiskFile, size: int, *, security: bool) -> list[bytes]:
    chunks, context = [], 0
    while True:
        data, context = kernel.backup_read(
            file, size, context, process_security=security, token=_token()
        )
        if not data:
            break
        chunks.append(data)
    kernel.backup_read(file, 0, context, abort=True, token=_token())
    return chunks


def _streams(image: bytes) -> list[tuple[int, int, str, bytes]]:
    found, at = [], 0
    while at < len(image):
        kind, attributes, size, name_size = _HEADER.unpack_from(image, at)
        at += _HEADER.size
        name = image[at : at + name_size].decode("utf-16-le")
        at += name_size
        found.append((kind, attributes, name, image[at : at + size]))
        at += size
    return found


def test_the_image_holds_security_then_data_then_alternate_streams(
    source: kernel.DiskFile,
) -> None:
    streams = _streams(b"".join(_read_all(source, 64, security=True)))
    assert [(kind, attributes, name) for kind, attributes, name, _ in streams] == [
        (kernel.BACKUP_SECURITY_DATA, kernel.STREAM_CONTAINS_SECURITY, ""),
        (kernel.BACKUP_DATA, 0, ""),
        (kernel.BACKUP_ALTERNATE_DATA, 0, ":first:$DATA"),
        (kernel.BACKUP_ALTERNATE_DATA, 0, ":second:$DATA"),
    ]
    descriptor, parts = kernel.descriptor_from_bytes(streams[0][3])
    assert parts == 7  # owner, group, DACL: no SACL without ACCESS_SYSTEM_SECURITY
    assert descriptor[:3] == kernel.file_security(source.name, 7, _token())[:3]
    assert streams[1][3] == b"main data " * 30
    assert streams[2][3] == b"f" * 150 and streams[3][3] == b"s" * 10


def test_a_read_never_crosses_from_a_header_to_its_data(source: kernel.DiskFile) -> None:
    chunks = _read_all(source, 1000, security=False)
    assert [len(chunk) for chunk in chunks] == [20, 300, 20 + 24, 150, 20 + 26, 10]


def test_backup_write_makes_a_copy_with_its_streams_and_security(
    source: kernel.DiskFile, tmp_path: Path
) -> None:
    target_path = tmp_path / "copy.txt"
    target_path.write_bytes(b"longer old contents to be cut " * 20)
    target = _open(target_path, GENERIC_READ | GENERIC_WRITE | 0x000C0000)  # WRITE_DAC, _OWNER
    kernel.set_file_security(
        source.name, 4, kernel.Descriptor(dacl=(kernel.Ace(0, 0, 0x1F01FF, "S-1-1-0"),)),
        _token(),
    )  # fmt: skip
    context = 0
    for chunk in _read_all(source, 37, security=True):  # headers split across writes too
        taken, context = kernel.backup_write(
            target, chunk, context, process_security=True, token=_token()
        )
        assert taken == len(chunk)
    kernel.backup_write(target, b"", context, abort=True, token=_token())
    target.close()
    assert target_path.read_bytes() == b"main data " * 30
    assert (tmp_path / "copy.txt:first").read_bytes() == b"f" * 150
    assert (tmp_path / "copy.txt:second").read_bytes() == b"s" * 10
    copied = kernel.file_security(str(target_path), 7, _token())
    assert copied[:3] == kernel.file_security(source.name, 7, _token())[:3]
    assert copied.dacl == (kernel.Ace(0, 0, 0x1F01FF, "S-1-1-0"),)


def test_backup_seek_skips_within_one_streams_data(source: kernel.DiskFile) -> None:
    data, context = kernel.backup_read(source, 20, 0, token=_token())
    assert _HEADER.unpack(data)[0] == kernel.BACKUP_DATA
    assert kernel.backup_seek(source, 100, context) == 100
    with pytest.raises(Win32Error) as caught:
        kernel.backup_seek(source, 1000, context)  # 200 were left: it stops at the stream's end
    assert caught.value.winerror == ERROR_SEEK
    data, context = kernel.backup_read(source, 20, context, token=_token())
    assert _HEADER.unpack(data)[0] == kernel.BACKUP_ALTERNATE_DATA
    with pytest.raises(Win32Error) as caught:  # the name is a header's, not data
        kernel.backup_seek(source, 1, context)
    assert caught.value.winerror == ERROR_SEEK
    kernel.backup_read(source, 0, context, abort=True, token=_token())


def test_access_and_contexts_follow_windows(source: kernel.DiskFile, tmp_path: Path) -> None:
    writer = _open(tmp_path / "source.txt", GENERIC_WRITE)
    with pytest.raises(Win32Error) as caught:
        kernel.backup_read(writer, 10, 0, token=_token())
    assert caught.value.winerror == ERROR_ACCESS_DENIED
    with pytest.raises(Win32Error) as caught:
        kernel.backup_write(source, b"x", 0, token=_token())
    assert caught.value.winerror == ERROR_ACCESS_DENIED
    writer.close()
    _, context = kernel.backup_read(source, 10, 0, token=_token())
    kernel.backup_read(source, 0, context, abort=True, token=_token())
    with pytest.raises(Win32Error) as caught:  # an ended context names nothing
        kernel.backup_read(source, 10, context, token=_token())
    assert caught.value.winerror == ERROR_INVALID_PARAMETER


def test_descriptor_bytes_round_trip() -> None:
    given = kernel.Descriptor(
        "S-1-5-32-544",
        "S-1-5-18",
        (kernel.Ace(0, 3, 0x1F01FF, "S-1-1-0"), kernel.Ace(1, 0, 0x2, "S-1-5-21-1-2-3-1001")),
        (kernel.Ace(2, 0xC0, 0x10000000, "S-1-1-0"),),
        0x14,
    )
    raw = kernel.descriptor_bytes(given)
    assert raw[:4] == b"\x01\x00\x14\x80"  # revision 1, SE_SELF_RELATIVE with the bits given
    assert kernel.descriptor_from_bytes(raw) == (given, 15)
