"""The kernel's file information: attributes, times and searches, in Python spelling.

The facade's shapes are pinned by ``tests/contract/test_file_info.py``; these tests pin the
core's own API and what the oracle cannot show (a pipe has no times, a dot-name is hidden, a
handle the collector frees is closed later, not inside the collection).
"""

from __future__ import annotations

import datetime
import gc
import os
import stat
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_FUNCTION,
    ERROR_PATH_NOT_FOUND,
    AccessDeniedError,
    Win32Error,
)
from apartment.kernel import (
    FILE_ATTRIBUTE_ARCHIVE,
    FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN,
    FILE_ATTRIBUTE_READONLY,
    GENERIC_READ,
    GENERIC_WRITE,
    OPEN_EXISTING,
)

if TYPE_CHECKING:
    from pathlib import Path

UTC = datetime.timezone.utc


def test_file_info_reads_stat_as_windows_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "a.dat"
    path.write_bytes(b"hello")
    info = kernel.file_info(str(path))
    assert info.attributes == FILE_ATTRIBUTE_ARCHIVE
    assert info.size == 5
    assert info.created == info.written  # no settable creation time on Linux
    assert info.written.tzinfo is not None
    assert kernel.file_info(str(tmp_path)).attributes == FILE_ATTRIBUTE_DIRECTORY
    (tmp_path / ".hidden").write_bytes(b"")
    assert kernel.file_attributes(str(tmp_path / ".hidden")) & FILE_ATTRIBUTE_HIDDEN


def test_file_info_raises_windows_codes(tmp_path: Path) -> None:
    with pytest.raises(Win32Error) as caught:
        kernel.file_info(str(tmp_path / "missing"))
    assert caught.value.winerror == ERROR_FILE_NOT_FOUND
    for bad in ("", str(tmp_path / "no-dir" / "x"), "a\0b"):
        with pytest.raises(Win32Error) as caught:
            kernel.file_info(bad)
        assert caught.value.winerror == ERROR_PATH_NOT_FOUND
    with pytest.raises(TypeError):
        kernel.file_info(b"x")  # type: ignore[arg-type]


def test_readonly_maps_to_the_write_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.dat"
    path.write_bytes(b"")
    kernel.set_file_attributes(str(path), FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN)
    assert not os.stat(path).st_mode & 0o222
    assert kernel.file_attributes(str(path)) == FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_READONLY
    kernel.set_file_attributes(str(path), 0)
    assert os.stat(path).st_mode & stat.S_IWUSR
    kernel.set_file_attributes(str(tmp_path), FILE_ATTRIBUTE_READONLY)  # a folder: a mark only
    assert os.stat(tmp_path).st_mode & stat.S_IWUSR
    with pytest.raises(TypeError):
        kernel.set_file_attributes(str(path), "x")  # type: ignore[arg-type]


def test_set_times_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.dat"
    path.write_bytes(b"x")
    when = datetime.datetime(2020, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    with kernel.open_file(str(path), GENERIC_READ | GENERIC_WRITE, 7, OPEN_EXISTING) as file:
        file.set_times(None, when, None)
        assert file.file_info().accessed == when
        file.set_times(written=datetime.datetime(1960, 1, 1))  # naive: UTC
        assert file.file_info().written == datetime.datetime(1960, 1, 1, tzinfo=UTC)
        assert file.file_info().accessed == when
    with kernel.open_file(str(path), 0, 7, OPEN_EXISTING) as bare:  # no data access: O_PATH
        assert bare.file_info().size == 1
    reader = kernel.open_file(str(path), GENERIC_READ, 7, OPEN_EXISTING)
    with reader, pytest.raises(AccessDeniedError):
        reader.set_times(written=when)


def test_a_pipe_end_has_no_times() -> None:
    reader, writer = kernel.create_pipe()
    with reader, writer, pytest.raises(Win32Error) as caught:
        reader.file_info()
    assert caught.value.winerror == ERROR_INVALID_FUNCTION


def test_find_files_lists_dot_entries_first_then_the_names_in_order(tmp_path: Path) -> None:
    for name in ("b.TXT", "a.txt", "C.dat"):
        (tmp_path / name).write_bytes(b"")
    found = [f.name for f in kernel.find_files(str(tmp_path / "*"))]
    assert found == [".", "..", "a.txt", "b.TXT", "C.dat"]
    assert [f.name for f in kernel.find_files(str(tmp_path / "*.txt"))] == ["a.txt", "b.TXT"]
    assert list(kernel.find_files(str(tmp_path) + "/")) == []
    assert [f.name for f in kernel.find_files("/*")][:1] != ["."]  # the root has no dot entries


def test_find_files_checks_the_folder_at_once(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    for bad in (str(tmp_path / "missing" / "*"), str(tmp_path / "file" / "*"), ""):
        with pytest.raises(Win32Error) as caught:
            kernel.find_files(bad)
        assert caught.value.winerror == ERROR_PATH_NOT_FOUND


def test_a_handle_the_collector_frees_closes_after_the_collection(tmp_path: Path) -> None:
    file = kernel.open_file(str(tmp_path / "x"), GENERIC_WRITE, 0, kernel.CREATE_ALWAYS)
    value = kernel.handles.insert(file)
    file_closed: list[bool] = []

    class Owner:
        def __del__(self) -> None:
            kernel.handles.close_dropped(value)
            file_closed.append(file.closed)

    cycle: list[object] = [Owner()]
    cycle.append(cycle)
    del cycle
    gc.collect()
    assert file_closed == [False]  # deferred: the collector may run inside a locked section
    kernel.handles.collect()
    assert file.closed
    owner = Owner()
    del owner  # the last reference, outside the collector: closed at once (already closed)
    assert file_closed == [False, True]
