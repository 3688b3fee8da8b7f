"""DOS attributes beyond READONLY, kept in ``user.DOSATTRIB`` or a per-user store.

SetFileAttributes sets exactly the value given and GetFileAttributes gives it back (Windows;
Wine keeps HIDDEN and SYSTEM only and always adds ARCHIVE). The facade's shapes are pinned by
``tests/contract/test_realcode_rules_s28sys.py``.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_ACCESS_DENIED, Win32Error
from apartment.kernel import (
    CREATE_ALWAYS,
    CREATE_NEW,
    FILE_ATTRIBUTE_ARCHIVE,
    FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN,
    FILE_ATTRIBUTE_NORMAL,
    FILE_ATTRIBUTE_READONLY,
    FILE_ATTRIBUTE_SYSTEM,
    FILE_ATTRIBUTE_TEMPORARY,
    GENERIC_READ,
    GENERIC_WRITE,
    OPEN_ALWAYS,
    OPEN_EXISTING,
)

if TYPE_CHECKING:
    from pathlib import Path

HIDDEN_SYSTEM = FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM


def _xattrs_work(folder: Path) -> bool:
    probe = folder / ".probe"
    probe.write_bytes(b"")
    try:
        os.setxattr(probe, "user.apartment.probe", b"1")
    except OSError:
        return False
    finally:
        probe.unlink()
    return True


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    file = tmp_path / "a.txt"
    file.write_bytes(b"x")
    return str(file)


def test_set_attributes_are_given_back_exactly(path: str) -> None:
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_ARCHIVE
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_HIDDEN)
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_HIDDEN  # ARCHIVE cleared
    kernel.set_file_attributes(path, HIDDEN_SYSTEM | FILE_ATTRIBUTE_READONLY)
    assert kernel.file_attributes(path) == HIDDEN_SYSTEM | FILE_ATTRIBUTE_READONLY
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_NORMAL)
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_NORMAL  # nothing else left
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_NORMAL)
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_ARCHIVE


def test_the_value_is_wines_text_in_user_dosattrib(path: str, tmp_path: Path) -> None:
    if not _xattrs_work(tmp_path):
        pytest.skip("this file system refuses user extended attributes")
    kernel.set_file_attributes(path, HIDDEN_SYSTEM | FILE_ATTRIBUTE_ARCHIVE)
    assert os.getxattr(path, "user.DOSATTRIB") == b"0x26"
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_ARCHIVE)  # the default: nothing kept
    with pytest.raises(OSError, match="No data") as caught:
        os.getxattr(path, "user.DOSATTRIB")
    assert caught.value.errno == errno.ENODATA


def test_a_value_wine_or_samba_wrote_is_read(path: str, tmp_path: Path) -> None:
    if not _xattrs_work(tmp_path):
        pytest.skip("this file system refuses user extended attributes")
    os.setxattr(path, "user.DOSATTRIB", b"0x2")  # Wine: HIDDEN only, no ARCHIVE
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_HIDDEN
    os.setxattr(path, "user.DOSATTRIB", b"0x24\0\x04\0\x04\0\0\0")  # Samba: hex text, NUL, blob
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_ARCHIVE
    os.setxattr(path, "user.DOSATTRIB", b"junk")  # unreadable: derived as if none
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_ARCHIVE


def test_a_write_sets_archive_again(path: str) -> None:
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_HIDDEN)
    os.utime(path, ns=(0, os.stat(path).st_mtime_ns + 1_000_000_000))  # the data changed
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE


def test_a_dot_name_is_hidden_until_set_otherwise(tmp_path: Path) -> None:
    dotted = tmp_path / ".profile"
    dotted.write_bytes(b"")
    assert kernel.file_attributes(str(dotted)) == FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_ARCHIVE
    kernel.set_file_attributes(str(dotted), FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_SYSTEM)
    assert kernel.file_attributes(str(dotted)) == FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_SYSTEM


def test_a_folder_keeps_hidden_system_and_readonly_as_marks(tmp_path: Path) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    kernel.set_file_attributes(str(folder), HIDDEN_SYSTEM | FILE_ATTRIBUTE_READONLY)
    assert kernel.file_attributes(str(folder)) == (
        FILE_ATTRIBUTE_DIRECTORY | HIDDEN_SYSTEM | FILE_ATTRIBUTE_READONLY
    )
    (folder / "still-writable").write_bytes(b"")  # READONLY on a folder is only a mark
    kernel.set_file_attributes(str(folder), 0)
    assert kernel.file_attributes(str(folder)) == FILE_ATTRIBUTE_DIRECTORY


def test_searches_and_handles_see_the_kept_attributes(path: str, tmp_path: Path) -> None:
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_HIDDEN)
    found = {entry.name: entry.info.attributes for entry in kernel.find_files(str(tmp_path / "*"))}
    assert found["a.txt"] == FILE_ATTRIBUTE_HIDDEN
    with kernel.open_file(path, GENERIC_READ, 7, OPEN_EXISTING) as file:
        assert file.file_info().attributes == FILE_ATTRIBUTE_HIDDEN


def test_a_refused_extended_attribute_goes_to_the_per_user_store(
    path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(errno.ENOTSUP, "not supported")

    monkeypatch.setattr(os, "setxattr", refuse)
    monkeypatch.setattr(os, "getxattr", refuse)
    monkeypatch.setattr(os, "removexattr", refuse)
    kernel.set_file_attributes(path, HIDDEN_SYSTEM)
    store = tmp_path / "data" / "apartment" / "dosattrib"
    info = os.stat(path)
    assert (store / f"{info.st_dev:x}-{info.st_ino:x}").read_bytes().startswith(b"0x6 ")
    assert kernel.file_attributes(path) == HIDDEN_SYSTEM
    kernel.set_file_attributes(path, FILE_ATTRIBUTE_ARCHIVE)
    assert not list(store.iterdir())  # the default leaves no entry
    assert kernel.file_attributes(path) == FILE_ATTRIBUTE_ARCHIVE


def test_create_file_gives_a_new_file_its_attributes_and_archive(tmp_path: Path) -> None:
    path = str(tmp_path / "new.txt")
    flags = FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_TEMPORARY
    kernel.open_file(path, GENERIC_WRITE, 0, CREATE_NEW, flags).close()
    assert kernel.file_attributes(path) == flags | FILE_ATTRIBUTE_ARCHIVE
    kernel.open_file(path, GENERIC_WRITE, 0, OPEN_ALWAYS, 0).close()  # found: kept as it is
    assert kernel.file_attributes(path) == flags | FILE_ATTRIBUTE_ARCHIVE


def test_create_always_over_a_hidden_file_must_give_hidden(tmp_path: Path) -> None:
    path = str(tmp_path / "h.txt")
    kernel.open_file(path, GENERIC_WRITE, 0, CREATE_NEW, HIDDEN_SYSTEM).close()
    with pytest.raises(Win32Error) as caught:
        kernel.open_file(path, GENERIC_WRITE, 0, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL)
    assert caught.value.winerror == ERROR_ACCESS_DENIED
    kernel.open_file(path, GENERIC_WRITE, 0, CREATE_ALWAYS, HIDDEN_SYSTEM).close()
    assert kernel.file_attributes(path) == HIDDEN_SYSTEM | FILE_ATTRIBUTE_ARCHIVE
    dotted = str(tmp_path / ".rc")  # a dot-name's derived HIDDEN is no obstacle
    kernel.open_file(dotted, GENERIC_WRITE, 0, CREATE_NEW, 0).close()
    kernel.open_file(dotted, GENERIC_WRITE, 0, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL).close()
