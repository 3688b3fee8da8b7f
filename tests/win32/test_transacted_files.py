"""Transacted files (TxF) are not supported: every win32file call given a transaction says so.

Windows answers ERROR_NOT_SUPPORTED (50) where the file system has no TxF (ReFS, and
Microsoft has deprecated TxF); the facade answers it everywhere, before touching anything,
so a program that falls back on the plain call (as pywin32's CreateFileTransacted_MiniVersion
demo does) goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment.win32 import pywintypes, win32con, win32file, win32transaction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path


@pytest.fixture
def trans() -> Iterator[object]:
    handle = win32transaction.CreateTransaction()
    yield handle
    handle.Close()


def _calls(folder: Path, trans: object) -> list[Callable[[], object]]:
    name = str(folder / "f.txt")
    (folder / "f.txt").write_text("x")
    return [
        lambda: win32file.CreateFileW(
            name,
            win32con.GENERIC_READ,
            0,
            None,
            win32con.OPEN_EXISTING,
            0,
            None,
            Transaction=trans,
        ),
        lambda: win32file.DeleteFileW(name, Transaction=trans),
        lambda: win32file.RemoveDirectory(str(folder / "d"), Transaction=trans),
        lambda: win32file.CreateDirectoryExW(
            str(folder), str(folder / "d"), None, Transaction=trans
        ),
        lambda: win32file.GetFileAttributesEx(name, 0, trans),
        lambda: win32file.SetFileAttributesW(name, 0, Transaction=trans),
        lambda: win32file.FindFilesW(name, Transaction=trans),
        lambda: win32file.CopyFileEx(name, name + ".copy", Transaction=trans),
        lambda: win32file.MoveFileWithProgress(name, name + ".moved", Transaction=trans),
        lambda: win32file.CreateHardLink(name + ".link", name, None, Transaction=trans),
    ]


def test_every_transacted_file_call_is_not_supported(tmp_path: Path, trans: object) -> None:
    for call in _calls(tmp_path, trans):
        with pytest.raises(pywintypes.error) as caught:
            call()
        assert caught.value.winerror == 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]  # nothing was done
