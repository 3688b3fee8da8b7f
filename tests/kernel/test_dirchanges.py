"""ReadDirectoryChangesW on a directory handle: what changed, name by name."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_OPERATION_ABORTED,
    Win32Error,
)
from apartment.kernel import (
    FILE_ACTION_ADDED,
    FILE_ACTION_MODIFIED,
    FILE_ACTION_REMOVED,
    FILE_ACTION_RENAMED_NEW_NAME,
    FILE_ACTION_RENAMED_OLD_NAME,
    FILE_FLAG_BACKUP_SEMANTICS,
    FILE_FLAG_OVERLAPPED,
    FILE_READ_ATTRIBUTES,
    FILE_READ_DATA,
    OPEN_EXISTING,
    CompletionPort,
    DiskFile,
    Overlapped,
    decode_changes,
    encode_changes,
    open_file,
)
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

NAMES = 0x1  # FILE_NOTIFY_CHANGE_FILE_NAME
LAST_WRITE = 0x10


def _open(folder: Path, access: int = FILE_READ_DATA, overlapped: bool = True) -> DiskFile:
    flags = FILE_FLAG_BACKUP_SEMANTICS | (FILE_FLAG_OVERLAPPED if overlapped else 0)
    file = open_file(str(folder), access, 7, OPEN_EXISTING, flags)
    assert isinstance(file, DiskFile)
    return file


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[DiskFile]:
    with _open(tmp_path) as file:
        yield file


def _read(folder: DiskFile, changes: int = NAMES, size: int = 4096) -> tuple[Overlapped, bytearray]:
    buffer = bytearray(size)
    overlapped = Overlapped()
    folder.read_changes(buffer, False, changes, overlapped)
    return overlapped, buffer


def _result(overlapped: Overlapped, buffer: bytearray) -> list[tuple[int, str]]:
    assert overlapped.wait(10) is not None
    return decode_changes(buffer, overlapped.result())


@given(st.lists(st.tuples(st.integers(1, 5), st.text(min_size=1, max_size=20)), max_size=8))
def test_records_decode_as_they_were_encoded(changes: list[tuple[int, str]]) -> None:
    records = encode_changes(changes)
    assert len(records) % 4 == 0
    assert decode_changes(records, len(records)) == changes


def test_a_decode_past_the_buffer_is_refused() -> None:
    with pytest.raises(ValueError, match="only 3 bytes"):
        decode_changes(b"abc", 10)
    assert decode_changes(b"\0" * 12, 12) == []  # shorter than one record with a name


def test_an_added_file_is_reported_by_its_name(folder: DiskFile, tmp_path: Path) -> None:
    overlapped, buffer = _read(folder)
    (tmp_path / "test_file").touch()
    assert _result(overlapped, buffer) == [(FILE_ACTION_ADDED, "test_file")]


def test_changes_between_reads_are_kept(folder: DiskFile, tmp_path: Path) -> None:
    overlapped, buffer = _read(folder)
    (tmp_path / "a").touch()
    assert _result(overlapped, buffer) == [(FILE_ACTION_ADDED, "a")]
    os.rename(tmp_path / "a", tmp_path / "c")
    overlapped, buffer = _read(folder)
    assert _result(overlapped, buffer) == [
        (FILE_ACTION_RENAMED_OLD_NAME, "a"),
        (FILE_ACTION_RENAMED_NEW_NAME, "c"),
    ]
    (tmp_path / "c").unlink()
    overlapped, buffer = _read(folder)
    assert _result(overlapped, buffer) == [(FILE_ACTION_REMOVED, "c")]


def test_a_write_is_a_modification_under_last_write(folder: DiskFile, tmp_path: Path) -> None:
    (tmp_path / "f").touch()
    os.utime(tmp_path / "f", ns=(0, 0))
    overlapped, buffer = _read(folder, LAST_WRITE)
    (tmp_path / "f").write_text("x")
    assert _result(overlapped, buffer) == [(FILE_ACTION_MODIFIED, "f")]


def test_a_synchronous_read_waits_for_a_change(tmp_path: Path) -> None:
    with _open(tmp_path, overlapped=False) as folder:
        got: list[list[tuple[int, str]]] = []
        buffer = bytearray(1024)

        def reader() -> None:
            count = folder.read_changes(buffer, False, NAMES).transferred
            got.append(decode_changes(buffer, count))

        thread = threading.Thread(target=reader, daemon=True)
        thread.start()
        wait_until_blocked(thread)
        (tmp_path / "s.txt").touch()
        thread.join(10)
        assert got == [[(FILE_ACTION_ADDED, "s.txt")]]


def test_cancel_aborts_a_pending_read(folder: DiskFile) -> None:
    overlapped, _ = _read(folder)
    folder.cancel_io()
    with pytest.raises(Win32Error) as caught:
        overlapped.result(wait=True)
    assert caught.value.winerror == ERROR_OPERATION_ABORTED


def test_closing_the_handle_ends_a_pending_read_with_no_bytes(tmp_path: Path) -> None:
    folder = _open(tmp_path)
    overlapped, _ = _read(folder)
    folder.close()
    assert overlapped.result(wait=True) == 0  # Windows' STATUS_NOTIFY_CLEANUP: no error


def test_changes_that_do_not_fit_are_dropped(folder: DiskFile, tmp_path: Path) -> None:
    overlapped, buffer = _read(folder, size=8)
    (tmp_path / "a_rather_long_name.txt").touch()
    assert _result(overlapped, buffer) == []


def test_a_directory_associated_with_a_port_queues_its_reads(
    folder: DiskFile, tmp_path: Path
) -> None:
    port = CompletionPort()
    port.associate(folder, 42)
    overlapped, buffer = _read(folder)
    (tmp_path / "p.txt").touch()
    packet = port.get(10)
    assert packet is not None
    assert (packet.key, packet.overlapped) == (42, overlapped)
    assert decode_changes(buffer, packet.transferred) == [(FILE_ACTION_ADDED, "p.txt")]


def test_only_a_listable_directory_and_a_filter_are_accepted(
    folder: DiskFile, tmp_path: Path
) -> None:
    with pytest.raises(Win32Error) as caught:
        folder.read_changes(bytearray(64), False, 0)
    assert caught.value.winerror == ERROR_INVALID_PARAMETER
    (tmp_path / "file").touch()
    with open_file(str(tmp_path / "file"), FILE_READ_DATA, 7, OPEN_EXISTING, 0) as plain:
        with pytest.raises(Win32Error) as caught:
            plain.read_changes(bytearray(64), False, NAMES)  # type: ignore[attr-defined]
        assert caught.value.winerror == ERROR_INVALID_HANDLE
    with _open(tmp_path, FILE_READ_ATTRIBUTES) as unlisted:
        with pytest.raises(Win32Error) as caught:
            unlisted.read_changes(bytearray(64), False, NAMES, Overlapped())
        assert caught.value.winerror == ERROR_ACCESS_DENIED
