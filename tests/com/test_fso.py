"""Scripting.FileSystemObject through the core: what maps to Linux, and its threads.

Its rules shared with Windows are pinned in tests/contract/test_system_classes.py (and run
on the oracle); here: the answers that are Linux's (drives, special folders, attributes),
the members Wine lacks, and one TextStream written by the threads of the MTA at once.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import ComError

from ._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path

CLSID = "{0D43FE01-F093-11CF-8940-00A0C9054228}"
FILE_NOT_FOUND = -2146828235
FILE_EXISTS = -2146828230
DEVICE_UNAVAILABLE = -2146828220
PERMISSION_DENIED = -2146828218
PATH_NOT_FOUND = -2146828212


def _fso() -> Any:
    return com.DispatchClient(com.create_object("Scripting.FileSystemObject"))


def _scode(call: Any, *args: Any) -> int:
    with pytest.raises(ComError) as caught:
        call(*args)
    assert caught.value.excepinfo is not None
    scode: int = caught.value.excepinfo[5]
    return scode


def test_it_is_a_system_class_of_model_both() -> None:
    assert com.clsid_from_progid("Scripting.FileSystemObject") == CLSID
    entry = com.lookup(CLSID)
    assert (entry.threading_model, entry.progid) == ("Both", "Scripting.FileSystemObject")


def test_the_one_drive_is_the_root() -> None:
    def body() -> tuple[Any, ...]:
        fso = _fso()
        drives = [drive.Path for drive in fso.Drives]
        drive = fso.GetDrive("/")
        answers = (drive.DriveLetter, drive.DriveType, drive.IsReady, drive.RootFolder.Path)
        space = drive.TotalSize >= drive.FreeSpace >= drive.AvailableSpace >= 0
        return drives, answers, space, fso.DriveExists("/"), fso.DriveExists("C:")

    drives, answers, space, root, c_drive = in_apartment(body)
    assert (drives, answers, space, root, c_drive) == (["/"], ("", 2, True, "/"), True, True, False)
    assert in_apartment(lambda: _scode(_fso().GetDrive, "C:")) == DEVICE_UNAVAILABLE


def test_special_folders_are_linuxs() -> None:
    def body() -> list[str]:
        fso = _fso()
        return [fso.GetSpecialFolder(which).Path for which in (0, 1, 2)]

    assert in_apartment(body) == ["/usr", "/usr/lib", tempfile.gettempdir()]


def test_read_only_is_the_write_bit_and_needs_force(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")

    def body() -> tuple[Any, ...]:
        fso = _fso()
        file = fso.GetFile(str(path))
        file.Attributes = 1
        read_only = file.Attributes, os.stat(path).st_mode & stat.S_IWUSR
        refused = _scode(fso.DeleteFile, str(path))
        fso.DeleteFile(str(path), True)
        return read_only, refused, path.exists()

    assert in_apartment(body) == ((33, 0), PERMISSION_DENIED, False)


def test_hidden_is_a_leading_dot_and_folders_are_directories(tmp_path: Path) -> None:
    (tmp_path / ".hidden").write_text("x")

    def body() -> tuple[int, int]:
        fso = _fso()
        return fso.GetFile(str(tmp_path / ".hidden")).Attributes, fso.GetFolder(
            str(tmp_path)
        ).Attributes

    assert in_apartment(body) == (32 | 2, 16)


def test_folder_size_copy_move_and_add(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "deep").mkdir(parents=True)
    (source / "a.bin").write_bytes(b"12345")
    (source / "deep" / "b.bin").write_bytes(b"123")

    def body() -> tuple[Any, ...]:
        fso = _fso()
        folder = fso.GetFolder(str(source))
        size = folder.Size
        fso.CopyFolder(str(source), str(tmp_path / "copy"))
        folder.Move(str(tmp_path / "moved"))
        added = folder.SubFolders.Add("new").Name
        again = _scode(folder.SubFolders.Add, "new")
        return size, folder.Path, added, again, folder.Type

    size, moved, added, again, kind = in_apartment(body)
    assert (size, moved, added, again, kind) == (
        8, str(tmp_path / "moved"), "new", FILE_EXISTS, "File folder",
    )  # fmt: skip
    assert (tmp_path / "copy" / "deep" / "b.bin").read_bytes() == b"123"
    assert not source.exists()


def test_renaming_by_name_and_the_type_of_a_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("y")

    def body() -> tuple[Any, ...]:
        fso = _fso()
        file = fso.GetFile(str(tmp_path / "a.txt"))
        with pytest.raises(ComError) as refused:  # its type information describes the put:
            file.Name = "b.txt"  # the object's own error comes through, as pywin32's client
        info = refused.value.excepinfo
        taken = info[5] if info is not None and (tmp_path / "a.txt").exists() else 0
        file.Name = "c.txt"
        return taken, file.Path, file.Type, fso.GetFile(str(tmp_path / "b.txt")).ShortName

    assert in_apartment(body) == (FILE_EXISTS, str(tmp_path / "c.txt"), "TXT File", "b.txt")


def test_copy_file_into_a_missing_folder_or_onto_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "dir").mkdir()

    def body() -> tuple[int, int]:
        fso = _fso()
        source = str(tmp_path / "a.txt")
        return (
            _scode(fso.CopyFile, source, str(tmp_path / "none") + "/"),
            _scode(fso.CopyFile, source, str(tmp_path / "dir")),
        )

    assert in_apartment(body) == (PATH_NOT_FOUND, PERMISSION_DENIED)


def test_mta_threads_writing_one_stream_lose_no_line(tmp_path: Path) -> None:
    threads, lines = 4, 100
    path = tmp_path / "log.txt"

    def body() -> int:
        stream = com.create_object("Scripting.FileSystemObject")
        writer = com.DispatchClient(stream).CreateTextFile(str(path))
        start = threading.Barrier(threads)

        def worker(n: int) -> None:
            def run() -> None:
                start.wait(30)
                for i in range(lines):
                    writer.WriteLine(f"{n}-{i}")

            in_apartment(run, multithreaded=True)

        workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(60)
        line: int = writer.Line
        writer.Close()
        return line

    assert in_apartment(body, multithreaded=True) == threads * lines + 1
    written = path.read_bytes().split(b"\r\n")
    assert written[-1] == b"" and len(written) == threads * lines + 1
    assert sorted(written[:-1]) == sorted(
        f"{n}-{i}".encode() for n in range(threads) for i in range(lines)
    )


def test_a_missing_file_object_fails_as_its_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "d").mkdir()

    def body() -> tuple[int, int]:
        fso = _fso()
        file, folder = fso.GetFile(str(tmp_path / "a.txt")), fso.GetFolder(str(tmp_path / "d"))
        os.remove(tmp_path / "a.txt")
        os.rmdir(tmp_path / "d")
        return _scode(lambda: file.Size), _scode(lambda: folder.Files)

    assert in_apartment(body) == (FILE_NOT_FOUND, PATH_NOT_FOUND)
