"""The kernel's volumes, DOS devices, streams, link names, ReplaceFile, EFS, device controls,
file information by handle, BuildCommDCB and power answers (session 25)."""

from __future__ import annotations

import os
import struct
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import Win32Error

if TYPE_CHECKING:
    from pathlib import Path

READ, WRITE = 0x80000000, 0x40000000
SHARE_ALL = 7
OPEN_EXISTING = 3
DELETE = 0x10000


def _code(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(Win32Error) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value.winerror


def _file(path: Path, data: bytes = b"") -> str:
    path.write_bytes(data)
    return str(path)


# -- ReplaceFile ---------------------------------------------------------------------------


def test_replace_file_moves_the_replacement_in_and_keeps_the_mode(tmp_path: Path) -> None:
    replaced, replacement = _file(tmp_path / "a", b"old"), _file(tmp_path / "b", b"new")
    os.chmod(replaced, 0o640)
    kernel.replace_file(replaced, replacement, str(tmp_path / "backup"))
    assert (tmp_path / "a").read_bytes() == b"new"
    assert (tmp_path / "backup").read_bytes() == b"old"
    assert not (tmp_path / "b").exists()
    assert os.stat(replaced).st_mode & 0o777 == 0o640


def test_replace_file_without_a_backup_and_missing_files(tmp_path: Path) -> None:
    replaced, replacement = _file(tmp_path / "a", b"old"), _file(tmp_path / "b", b"new")
    kernel.replace_file(replaced, replacement)
    assert sorted(os.listdir(tmp_path)) == ["a"]
    assert _code(kernel.replace_file, str(tmp_path / "x"), replaced) == 2
    assert _code(kernel.replace_file, replaced, str(tmp_path / "x")) == 2


def test_replace_file_into_a_missing_folder_keeps_everything(tmp_path: Path) -> None:
    replaced, replacement = _file(tmp_path / "a", b"old"), _file(tmp_path / "b", b"new")
    backup = str(tmp_path / "no" / "backup")
    assert _code(kernel.replace_file, replaced, replacement, backup) == 1175
    assert (tmp_path / "a").read_bytes() == b"old" and (tmp_path / "b").exists()


# -- volumes, DOS devices, streams, link names ---------------------------------------------------


def test_the_root_is_a_mount_point_with_a_stable_volume_name(tmp_path: Path) -> None:
    name = kernel.volume_name_of_mount_point("/")
    assert name == kernel.volume_name_of_mount_point("/")
    assert name.startswith("\\\\?\\Volume{") and name.endswith("}\\")
    assert "/" in kernel.mount_points_of_volume(name)
    assert _code(kernel.volume_name_of_mount_point, str(tmp_path)) == 4390
    assert _code(kernel.volume_name_of_mount_point, str(tmp_path / "x")) == 2
    assert _code(kernel.mount_points_of_volume, "C:\\") == 123


def test_mounting_and_labelling_are_refused(tmp_path: Path) -> None:
    volume = kernel.volume_name_of_mount_point("/")
    assert _code(kernel.set_volume_mount_point, str(tmp_path), volume) == 5
    assert _code(kernel.delete_volume_mount_point, str(tmp_path)) == 5
    assert _code(kernel.set_volume_label, str(tmp_path), "x") == 5
    assert _code(kernel.set_volume_label, str(tmp_path / "x"), "x") == 2


def test_dos_devices_stack_and_unstack() -> None:
    assert kernel.query_dos_device("nul") == [r"\Device\Null"]
    kernel.define_dos_device(0, "S25DEV", "first")
    kernel.define_dos_device(0, "s25dev", "second")
    assert kernel.query_dos_device("S25DEV") == ["second", "first"]
    assert "S25DEV" in kernel.query_dos_device(None)
    kernel.define_dos_device(kernel.DDD_REMOVE_DEFINITION | kernel.DDD_EXACT_MATCH_ON_REMOVE,
                             "S25DEV", "first")  # fmt: skip
    assert kernel.query_dos_device("S25DEV") == ["second"]
    kernel.define_dos_device(kernel.DDD_REMOVE_DEFINITION, "S25DEV", None)
    assert _code(kernel.query_dos_device, "S25DEV") == 2
    assert _code(kernel.define_dos_device, kernel.DDD_REMOVE_DEFINITION, "S25DEV", None) == 2
    assert _code(kernel.define_dos_device, 0, "S25DEV", None) == 87


def test_streams_of_a_file_and_a_folder(tmp_path: Path) -> None:
    path = _file(tmp_path / "a", b"12345")
    assert kernel.file_streams(path) == [kernel.Stream(5, "::$DATA")]
    assert kernel.file_streams(str(tmp_path)) == []
    assert _code(kernel.file_streams, str(tmp_path / "x")) == 2


def test_hard_link_names_are_found_up_the_tree(tmp_path: Path) -> None:
    (tmp_path / "deep").mkdir()
    path = _file(tmp_path / "deep" / "a", b"x")
    os.link(path, tmp_path / "b")
    names = kernel.hard_link_names(path)
    assert names[0] == kernel.volume_relative_name(path)
    assert sorted(os.path.basename(name) for name in names) == ["a", "b"]
    assert all(name.startswith("/") for name in names)


# -- EFS, device controls ------------------------------------------------------------------------


def test_efs_is_refused_after_the_file_is_found(tmp_path: Path) -> None:
    path = _file(tmp_path / "a")
    assert _code(kernel.refuse_efs, path, "encrypting") == 6014
    assert _code(kernel.refuse_efs, str(tmp_path / "x"), "encrypting") == 2


def test_reparse_data_of_a_symbolic_link(tmp_path: Path) -> None:
    os.symlink("target/x", tmp_path / "link")
    file = kernel.open_file(str(tmp_path / "link"), 0, SHARE_ALL, OPEN_EXISTING,
                            kernel.FILE_FLAG_OPEN_REPARSE_POINT)  # fmt: skip
    try:
        data = kernel.device_control(file, kernel.FSCTL_GET_REPARSE_POINT, b"", 1024)
        tag, length, _ = struct.unpack_from("<IHH", data)
        assert tag == kernel.IO_REPARSE_TAG_SYMLINK and length == len(data) - 8
        assert data.endswith("target/x".encode("utf-16-le") * 2)
        assert struct.unpack_from("<I", data, 16)[0] == 1  # SYMLINK_FLAG_RELATIVE
        assert kernel.reparse_tag(file) == kernel.IO_REPARSE_TAG_SYMLINK
        assert _code(kernel.device_control, file, kernel.FSCTL_GET_REPARSE_POINT, b"", 12) == 234
        assert _code(kernel.device_control, file, kernel.FSCTL_GET_REPARSE_POINT, b"", 4) == 122
        set_link = struct.pack("<IHH", kernel.IO_REPARSE_TAG_SYMLINK, 0, 0)
        assert (
            _code(kernel.device_control, file, kernel.FSCTL_SET_REPARSE_POINT, set_link, 0) == 1314
        )
    finally:
        file.close()


def test_device_controls_on_a_plain_file(tmp_path: Path) -> None:
    file = kernel.open_file(_file(tmp_path / "a"), READ, SHARE_ALL, OPEN_EXISTING, 0)
    try:
        assert _code(kernel.device_control, file, kernel.FSCTL_GET_REPARSE_POINT, b"", 64) == 4390
        assert _code(kernel.device_control, file, kernel.FSCTL_GET_REPARSE_POINT, b"", 0) == 1784
        assert _code(kernel.device_control, file, kernel.FSCTL_DELETE_REPARSE_POINT, b"", 0) == 4390
        assert _code(kernel.device_control, file, 0x70000, b"", 64) == 50
        assert _code(kernel.device_control, file, 0x12345, b"", 64) == 1
        assert _code(kernel.device_control, file, kernel.FSCTL_SET_REPARSE_POINT, b"", 0) == 4392
        assert kernel.device_control(file, kernel.FSCTL_SET_SPARSE, b"", 0) == b""
        assert kernel.reparse_tag(file) == 0
    finally:
        file.close()


# -- file information by handle --------------------------------------------------------------


def test_end_of_file_and_allocation_need_write_access(tmp_path: Path) -> None:
    path = _file(tmp_path / "a", b"hello world")
    reader = kernel.open_file(path, READ, SHARE_ALL, OPEN_EXISTING, 0)
    writer = kernel.open_file(path, READ | WRITE, SHARE_ALL, OPEN_EXISTING, 0)
    try:
        assert _code(kernel.set_end_of_file, reader, 3) == 5
        kernel.set_end_of_file(writer, 5)
        assert (tmp_path / "a").read_bytes() == b"hello"
        kernel.set_allocation_size(writer, 100)
        assert (tmp_path / "a").read_bytes() == b"hello"
        kernel.set_allocation_size(writer, 2)
        assert (tmp_path / "a").read_bytes() == b"he"
        assert _code(kernel.set_end_of_file, writer, -1) == 87
    finally:
        reader.close()
        writer.close()


def test_rename_and_delete_disposition_need_delete_access(tmp_path: Path) -> None:
    path = _file(tmp_path / "a", b"x")
    plain = kernel.open_file(path, READ, SHARE_ALL, OPEN_EXISTING, 0)
    assert _code(kernel.set_file_name, plain, str(tmp_path / "b"), replace=False) == 5
    assert _code(kernel.set_delete_disposition, plain, True) == 5
    plain.close()
    file = kernel.open_file(path, READ | DELETE, SHARE_ALL, OPEN_EXISTING, 0)
    kernel.set_file_name(file, str(tmp_path / "b"), replace=False)
    assert file.name == str(tmp_path / "b")
    kernel.set_delete_disposition(file, True)
    file.close()
    assert os.listdir(tmp_path) == []


# -- BuildCommDCB, power, the file cache ------------------------------------------------------


def test_comm_definitions_in_both_forms() -> None:
    state = kernel.build_comm_state("baud=1200 parity=e data=7 stop=2 xon=on", kernel.CommState())
    assert (state.BaudRate, state.Parity, state.fParity, state.ByteSize) == (1200, 2, 1, 7)
    assert (state.StopBits, state.fOutX, state.fInX) == (2, 1, 1)
    old = kernel.build_comm_state("COM1: 9600,n,8,1,p", state)
    assert (old.BaudRate, old.Parity, old.ByteSize, old.StopBits) == (9600, 0, 8, 0)
    assert old.fOutxCtsFlow == 1 and old.fRtsControl == 2
    for bad in ("", "garbage", "baud=fast", "data=9", "9600,q"):
        assert _code(kernel.build_comm_state, bad, kernel.CommState()) == 87


def test_power_and_file_cache_answers() -> None:
    caps = kernel.power_capabilities()
    assert 5 in caps.sleep_states and caps.hibernate_file == (4 in caps.sleep_states)
    low, high, flags = kernel.file_cache_size()
    assert 0 < low <= high and flags == 0
    assert _code(kernel.set_file_cache_size, low, high, 0) == 1314
