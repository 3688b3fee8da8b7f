"""The kernel's whole-file operations and machine answers, through their Pythonic names."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_ALREADY_EXISTS,
    ERROR_DIR_NOT_EMPTY,
    ERROR_DIRECTORY,
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_PATH_NOT_FOUND,
    ERROR_SHARING_VIOLATION,
    Win32Error,
)

if TYPE_CHECKING:
    from pathlib import Path


def _code(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(Win32Error) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value.winerror


def test_copy_and_move(tmp_path: Path) -> None:
    source = tmp_path / "a"
    source.write_bytes(b"data")
    kernel.copy_file(str(source), str(tmp_path / "b"))
    assert (tmp_path / "b").read_bytes() == b"data"
    assert _code(kernel.copy_file, str(source), str(tmp_path / "b"), fail_if_exists=True) == (
        ERROR_FILE_EXISTS
    )
    assert _code(kernel.copy_file, str(source), str(source)) == ERROR_SHARING_VIOLATION
    assert _code(kernel.move_file, str(source), str(tmp_path / "b")) == ERROR_ALREADY_EXISTS
    kernel.move_file(str(source), str(tmp_path / "b"), replace=True)
    assert not source.exists()
    assert _code(kernel.move_file, str(source), str(tmp_path / "c")) == ERROR_FILE_NOT_FOUND
    missing_folder = str(tmp_path / "no" / "c")
    assert _code(kernel.move_file, str(tmp_path / "b"), missing_folder) == ERROR_PATH_NOT_FOUND


def test_a_move_onto_a_file_in_use_is_access_denied(tmp_path: Path) -> None:
    source, target = tmp_path / "new", tmp_path / "old"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    reader = kernel.open_file(str(target), kernel.GENERIC_READ, kernel.FILE_SHARE_READ, 3)
    try:  # Windows' rename cannot supersede it (os.replace's "[WinError 5]")
        assert _code(kernel.move_file, str(source), str(target), replace=True) == (
            ERROR_ACCESS_DENIED
        )
    finally:
        reader.close()
    shared = kernel.FILE_SHARE_READ | kernel.FILE_SHARE_DELETE
    reader = kernel.open_file(str(target), kernel.GENERIC_READ, shared, 3)
    try:  # sharing delete does not help: a file in use is not superseded
        assert _code(kernel.move_file, str(source), str(target), replace=True) == (
            ERROR_ACCESS_DENIED
        )
    finally:
        reader.close()
    opened = kernel.open_file(str(source), kernel.GENERIC_READ, kernel.FILE_SHARE_READ, 3)
    try:  # the source held so is still a sharing violation
        assert _code(kernel.move_file, str(source), str(target), replace=True) == (
            ERROR_SHARING_VIOLATION
        )
    finally:
        opened.close()
    kernel.move_file(str(source), str(target), replace=True)
    assert target.read_bytes() == b"new"


def test_folders(tmp_path: Path) -> None:
    folder = str(tmp_path / "sub")
    kernel.create_directory(folder)
    assert _code(kernel.create_directory, folder) == ERROR_ALREADY_EXISTS
    (tmp_path / "sub" / "f").write_bytes(b"")
    assert _code(kernel.remove_directory, folder) == ERROR_DIR_NOT_EMPTY
    assert _code(kernel.remove_directory, str(tmp_path / "sub" / "f")) == ERROR_DIRECTORY
    with pytest.raises(TypeError):
        kernel.create_directory(3)  # type: ignore[arg-type]


def test_temp_file_names(tmp_path: Path) -> None:
    name, number = kernel.temp_file_name(str(tmp_path), "pre")
    assert os.path.basename(name) == f"pre{number:X}.tmp" and os.path.isfile(name)
    assert kernel.temp_file_name(str(tmp_path), "p", 0x1ABCD)[1] == 0xABCD  # its low 16 bits
    assert _code(kernel.temp_file_name, str(tmp_path / "no"), "p") == ERROR_DIRECTORY


def test_disk_space_and_volume(tmp_path: Path) -> None:
    space = kernel.disk_space(str(tmp_path))
    assert 0 <= space.free_to_caller <= space.free <= space.total
    assert space.cluster * space.total_clusters == space.total
    assert kernel.volume_info(str(tmp_path)).serial == os.stat(tmp_path).st_dev & 0xFFFFFFFF
    assert kernel.mount_point(str(tmp_path / "x" / "y")).endswith("/")
    assert kernel.drive_type(str(tmp_path)) == kernel.DRIVE_FIXED
    assert kernel.drive_type(str(tmp_path / "no")) == kernel.DRIVE_NO_ROOT_DIR


def test_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_KERNEL_VAR", "x")
    assert kernel.environment_variable("apartment_kernel_var") == "x"
    assert kernel.expand_environment("%APARTMENT_KERNEL_VAR%%NOPE%") == "x%NOPE%"
    kernel.set_environment_variable("APARTMENT_KERNEL_VAR", None)
    assert "APARTMENT_KERNEL_VAR" not in os.environ
    with pytest.raises(Win32Error):
        kernel.set_environment_variable("A=B", "x")


def test_machine_answers() -> None:
    assert kernel.windows_version()[:3] == (10, 0, 19045)
    info = kernel.system_info()
    assert info.processors == (os.cpu_count() or 1) and info.page_size == os.sysconf("SC_PAGE_SIZE")
    assert kernel.system_metric(0) == 1024 and kernel.system_metric(12345) == 0
    status = kernel.memory_status()
    assert 0 < status.available_physical <= status.total_physical
    previous = kernel.set_error_mode(3)
    assert kernel.set_error_mode(previous) == 3


def test_date_and_time_pictures() -> None:
    import datetime

    when = datetime.datetime(2005, 1, 2, 9, 3, 4)
    assert kernel.format_date(when) == "1/2/2005"
    assert kernel.format_date(when, "y yy 'M' MMM") == "5 05 M Jan"
    assert kernel.format_time(when) == "9:03:04 AM"
    assert kernel.format_time(when, minutes=False, marker=False) == "9"
    with pytest.raises(Win32Error):
        kernel.format_date(when, "yyyy", long=True)


def test_a_change_watch_ends_with_its_last_handle(tmp_path: Path) -> None:
    import threading

    watch = kernel.watch_folder(str(tmp_path), False, 0x1)
    handle = kernel.handles.insert(watch)
    (watcher,) = [t for t in threading.enumerate() if t.name.endswith(str(tmp_path))]
    (tmp_path / "f").write_bytes(b"")
    result = kernel.wait_any([watch], timeout=5)
    assert result is not None and result.index == 0
    kernel.handles.close(handle)
    watcher.join(5)
    assert not watcher.is_alive()
    with pytest.raises(Win32Error):
        kernel.watch_folder(str(tmp_path), False, 0)


def test_verbatim_paths_name_what_their_rest_names(tmp_path: Path) -> None:
    from apartment.kernel._verbatim import local_path

    assert local_path("\\\\?\\C:\\x") == "C:\\x"
    assert local_path("\\\\?\\UNC\\srv\\share\\f") == "\\\\srv\\share\\f"
    assert local_path("\\\\?\\unc\\srv\\share") == "\\\\srv\\share"
    assert local_path("\\\\.\\pipe\\p") == "\\\\.\\pipe\\p"  # a device path: not verbatim
    folder = "\\\\?\\" + str(tmp_path / ("a" * 250))
    kernel.create_directory(folder)
    assert os.path.isdir(tmp_path / ("a" * 250))
    assert kernel.file_attributes(folder) & 0x10  # FILE_ATTRIBUTE_DIRECTORY
    assert kernel.long_path_name(folder) == folder  # given back with its prefix
    name = "\\\\?\\" + str(tmp_path / "file.txt")
    kernel.open_file(name, 0x40000000, 0, 1).close()  # GENERIC_WRITE, CREATE_NEW
    assert (tmp_path / "file.txt").exists()
    kernel.delete_file(name)
    assert not (tmp_path / "file.txt").exists()
    kernel.remove_directory(folder)
    assert not os.path.exists(tmp_path / ("a" * 250))
