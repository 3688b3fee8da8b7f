"""Contract: rules real programs on threads, files and processes found (session 28).

Each rule came from a program of ``tests/realcode`` that ran differently on the facade and on
the real pywin32 (build 312, under Wine); where Wine is not Windows the test is marked so.
"""

from __future__ import annotations

import os

import win32api
import win32con
import win32file
import winerror

from ._files import code_of, new_file, open_file
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder

ARCHIVE = win32con.FILE_ATTRIBUTE_ARCHIVE
HIDDEN = win32con.FILE_ATTRIBUTE_HIDDEN
SYSTEM = win32con.FILE_ATTRIBUTE_SYSTEM
READONLY = win32con.FILE_ATTRIBUTE_READONLY
NORMAL = win32con.FILE_ATTRIBUTE_NORMAL
DIRECTORY = win32con.FILE_ATTRIBUTE_DIRECTORY


# --- SetFileAttributes keeps HIDDEN and SYSTEM (readonly_hidden_attributes, hide_files) -------


def test_hidden_and_system_set_on_a_file_are_given_back(folder: str) -> None:
    path = new_file(folder)
    win32api.SetFileAttributes(path, HIDDEN | SYSTEM)
    assert win32api.GetFileAttributes(path) & (HIDDEN | SYSTEM) == HIDDEN | SYSTEM
    assert win32file.GetFileAttributesEx(path)[0] & HIDDEN
    found = win32file.FindFilesW(os.path.join(folder, "*"))
    assert [entry[0] & HIDDEN for entry in found if entry[8] not in (".", "..")] == [HIDDEN]
    win32api.SetFileAttributes(path, NORMAL)
    assert not win32api.GetFileAttributes(path) & (HIDDEN | SYSTEM)


def test_hidden_set_on_a_folder_is_given_back(folder: str) -> None:
    sub = os.path.join(folder, "sub")
    os.mkdir(sub)
    win32api.SetFileAttributes(sub, HIDDEN)
    assert win32api.GetFileAttributes(sub) == DIRECTORY | HIDDEN
    win32api.SetFileAttributes(sub, 0)
    assert win32api.GetFileAttributes(sub) == DIRECTORY


@wine_differs("Wine keeps HIDDEN and SYSTEM only and always adds ARCHIVE to a file")
def test_set_file_attributes_sets_exactly_the_value_given(folder: str) -> None:
    path = new_file(folder)
    win32api.SetFileAttributes(path, HIDDEN)
    assert win32api.GetFileAttributes(path) == HIDDEN
    win32api.SetFileAttributes(path, READONLY)
    assert win32api.GetFileAttributes(path) == READONLY
    win32api.SetFileAttributes(path, NORMAL)
    assert win32api.GetFileAttributes(path) == NORMAL


# --- MoveFileEx onto a file in use (atomic_replace_movefileex) --------------------------------


def test_replacing_a_file_in_use_is_access_denied(folder: str) -> None:
    source = new_file(folder, b"new")
    target = new_file(folder, b"old")
    flags = win32file.MOVEFILE_REPLACE_EXISTING
    reader = open_file(target, win32con.GENERIC_READ, win32con.FILE_SHARE_READ)
    try:
        assert code_of(win32file.MoveFileEx, source, target, flags) == winerror.ERROR_ACCESS_DENIED
    finally:
        reader.Close()
    shared = win32con.FILE_SHARE_READ | win32file.FILE_SHARE_DELETE
    reader = open_file(target, win32con.GENERIC_READ, shared)
    try:  # sharing delete does not help: a file in use is not superseded
        assert code_of(win32file.MoveFileEx, source, target, flags) == winerror.ERROR_ACCESS_DENIED
    finally:
        reader.Close()
    win32file.MoveFileEx(source, target, flags)
    with open(target, "rb") as stream:
        assert stream.read() == b"new"


# --- CreateFile's attributes (hide_files_on_create) ---------------------------------------


def test_a_new_file_takes_the_hidden_attribute_create_file_gives(folder: str) -> None:
    path = os.path.join(folder, "state.db")
    handle = open_file(path, win32con.GENERIC_WRITE, 0, win32con.CREATE_NEW, HIDDEN)
    handle.Close()
    assert win32api.GetFileAttributes(path) & HIDDEN
    handle = open_file(path, win32con.GENERIC_WRITE, 0, win32con.OPEN_EXISTING, 0)
    handle.Close()  # opening it again keeps what it has
    assert win32api.GetFileAttributes(path) & HIDDEN


@wine_differs("Wine overwrites a hidden file with CREATE_ALWAYS and FILE_ATTRIBUTE_NORMAL")
def test_create_always_over_a_hidden_file_needs_its_hidden_attribute(folder: str) -> None:
    path = new_file(folder, b"x")
    win32api.SetFileAttributes(path, HIDDEN | SYSTEM)
    code = code_of(open_file, path, win32con.GENERIC_WRITE, 0, win32con.CREATE_ALWAYS, NORMAL)
    assert code == winerror.ERROR_ACCESS_DENIED
    handle = open_file(path, win32con.GENERIC_WRITE, 0, win32con.CREATE_ALWAYS, HIDDEN | SYSTEM)
    handle.Close()
    assert win32api.GetFileAttributes(path) == HIDDEN | SYSTEM | ARCHIVE
