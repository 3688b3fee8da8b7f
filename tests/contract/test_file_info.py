"""Contract: what win32file tells about a file without reading it, and searches by wildcard.

GetFileAttributes(Ex), SetFileAttributes, GetFileTime, SetFileTime,
GetFileInformationByHandleEx, FindFilesW and FindFilesIterator, and a dropped PyHANDLE
closing its file. Each rule was asked of the real pywin32 first (build 312, under Wine).
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import os
import sys
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import winerror

from ._files import RW, SHARE_ALL, code_of, new_file, open_file
from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder

UTC = datetime.timezone.utc
ARCHIVE = win32con.FILE_ATTRIBUTE_ARCHIVE
DIRECTORY = win32con.FILE_ATTRIBUTE_DIRECTORY
READONLY = win32con.FILE_ATTRIBUTE_READONLY


@contextlib.contextmanager
def opened(*args: Any) -> Iterator[Any]:
    """A handle CreateFile opens (``open_file``'s arguments), closed afterwards."""
    handle = open_file(*args)
    try:
        yield handle
    finally:
        handle.Close()


def names(pattern: str) -> list[str]:
    return [found[8] for found in win32file.FindFilesW(pattern)]


# --- GetFileAttributes, GetFileAttributesEx, SetFileAttributes -------------------------------


def test_a_new_file_is_archive_and_a_folder_is_a_directory(folder: str) -> None:
    path = new_file(folder, b"hello")
    assert win32file.GetFileAttributes(path) == ARCHIVE
    assert win32file.GetFileAttributesW(path) == ARCHIVE
    assert win32file.GetFileAttributes(folder) == DIRECTORY


def test_get_file_attributes_answers_minus_one_and_sets_the_last_error(folder: str) -> None:
    missing = os.path.join(folder, "missing.dat")
    assert win32file.GetFileAttributes(missing) == -1
    assert win32api.GetLastError() == winerror.ERROR_FILE_NOT_FOUND
    assert win32file.GetFileAttributes(os.path.join(folder, "no-dir", "x")) == -1
    assert win32api.GetLastError() == winerror.ERROR_PATH_NOT_FOUND
    assert win32file.GetFileAttributes("") == -1


def test_get_file_attributes_ex_gives_attributes_times_and_size(folder: str) -> None:
    path = new_file(folder, b"hello")
    found = win32file.GetFileAttributesEx(path)
    assert found == win32file.GetFileAttributesExW(path) == win32file.GetFileAttributesEx(path, 0)
    attributes, created, accessed, written, size = found
    assert (attributes, size) == (ARCHIVE, 5)
    for when in (created, accessed, written):
        assert isinstance(when, pywintypes.TimeType)
        assert when.utcoffset() == datetime.timedelta(0)
        assert when.microsecond % 1000 == 0  # through a SYSTEMTIME: milliseconds
    assert win32file.GetFileAttributesEx(folder)[0] == DIRECTORY
    assert win32file.GetFileAttributesEx(folder)[4] == 0


def test_get_file_attributes_ex_raises_with_windows_codes(folder: str) -> None:
    missing = os.path.join(folder, "missing.dat")
    assert code_of(win32file.GetFileAttributesEx, missing) == winerror.ERROR_FILE_NOT_FOUND
    deeper = os.path.join(folder, "no-dir", "x")
    assert code_of(win32file.GetFileAttributesEx, deeper) == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(win32file.GetFileAttributesEx, "") == winerror.ERROR_PATH_NOT_FOUND
    with pytest.raises(ValueError, match="Level '1' is not supported"):
        win32file.GetFileAttributesEx(folder, 1)


@pytest.mark.parametrize("bad", [None, 5, b"name"])
def test_attribute_functions_take_a_str(bad: Any) -> None:
    for call in (win32file.GetFileAttributes, win32file.GetFileAttributesEx):
        with pytest.raises(TypeError):
            call(bad)
    with pytest.raises(TypeError):
        win32file.SetFileAttributes(bad, 0)


def test_readonly_is_kept_and_cleared(folder: str) -> None:
    path = new_file(folder)
    assert win32file.SetFileAttributes(path, READONLY) is None
    assert win32file.GetFileAttributes(path) & ~ARCHIVE == READONLY  # Windows clears ARCHIVE
    win32file.SetFileAttributesW(path, win32con.FILE_ATTRIBUTE_NORMAL)
    assert not win32file.GetFileAttributes(path) & READONLY


def test_a_readonly_file_is_not_deleted_until_its_attribute_is_cleared(folder: str) -> None:
    path = new_file(folder)
    win32file.SetFileAttributes(path, READONLY)
    assert code_of(win32file.DeleteFile, path) == winerror.ERROR_ACCESS_DENIED
    assert os.path.exists(path)
    win32file.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_NORMAL)
    win32file.DeleteFile(path)
    assert not os.path.exists(path)


def test_set_file_attributes_raises_for_a_missing_file_and_a_bad_value(folder: str) -> None:
    missing = os.path.join(folder, "missing.dat")
    assert code_of(win32file.SetFileAttributes, missing, 0) == winerror.ERROR_FILE_NOT_FOUND
    with pytest.raises(TypeError):
        win32file.SetFileAttributes(new_file(folder), "x")


# --- a dropped PyHANDLE ----------------------------------------------------------------------


def test_a_dropped_handle_closes_its_file_at_once(folder: str) -> None:
    path = os.path.join(folder, "temporary.dat")
    handle = open_file(
        path,
        RW,
        win32file.FILE_SHARE_READ,
        win32con.CREATE_ALWAYS,
        win32file.FILE_FLAG_DELETE_ON_CLOSE,
    )
    assert os.path.exists(path)
    handle = None  # the last reference: pywin32 closes the handle here
    assert not os.path.exists(path)
    del handle


def test_delete_on_close_waits_for_the_last_handle(folder: str) -> None:
    """FILE_FLAG_DELETE_ON_CLOSE: the file goes when its last handle closes, not the flagged."""
    path = os.path.join(folder, "pending.dat")
    flagged = open_file(
        path, RW, SHARE_ALL, win32con.CREATE_ALWAYS, win32file.FILE_FLAG_DELETE_ON_CLOSE
    )
    other = open_file(path, win32con.GENERIC_READ, SHARE_ALL)
    flagged.Close()
    assert os.path.exists(path)
    other.Close()
    assert not os.path.exists(path)
    open_file(path, RW, 0, win32con.CREATE_NEW).Close()  # the name is free again


@wine_differs("Wine opens a file whose delete is pending (MS-FSA: STATUS_DELETE_PENDING)")
def test_a_file_whose_delete_is_pending_cannot_be_opened(folder: str) -> None:
    """Once the flagged handle closes, the delete is pending: a new open fails with 5
    (STATUS_DELETE_PENDING) until the last handle closes and the file goes."""
    path = os.path.join(folder, "pending.dat")
    flagged = open_file(
        path, RW, SHARE_ALL, win32con.CREATE_ALWAYS, win32file.FILE_FLAG_DELETE_ON_CLOSE
    )
    other = open_file(path, win32con.GENERIC_READ, SHARE_ALL)
    flagged.Close()
    code = code_of(open_file, path, win32con.GENERIC_READ, SHARE_ALL)
    other.Close()
    assert code == winerror.ERROR_ACCESS_DENIED


def test_the_flagged_handle_needs_others_to_share_delete(folder: str) -> None:
    """It opens with DELETE access: an open without FILE_SHARE_DELETE is a sharing violation,
    and so is the flagged open while another handle does not share delete."""
    path = os.path.join(folder, "shared.dat")
    flagged = open_file(
        path, RW, SHARE_ALL, win32con.CREATE_ALWAYS, win32file.FILE_FLAG_DELETE_ON_CLOSE
    )
    share_rw = win32file.FILE_SHARE_READ | win32file.FILE_SHARE_WRITE
    assert code_of(open_file, path, win32con.GENERIC_READ, share_rw) == (
        winerror.ERROR_SHARING_VIOLATION
    )
    flagged.Close()
    assert not os.path.exists(path)


def test_a_handle_the_collector_frees_is_closed(folder: str) -> None:
    path = os.path.join(folder, "cycle.dat")
    cycle: list[Any] = [open_file(path, RW, 0, win32con.CREATE_ALWAYS)]
    cycle.append(cycle)
    del cycle
    gc.collect()
    open_file(path, RW, 0).Close()  # no sharing violation: the first handle is closed


# --- GetFileTime, SetFileTime ----------------------------------------------------------------


def test_file_times_are_utc_times_of_pywintypes(folder: str) -> None:
    path = new_file(folder, b"x")
    with opened(path, RW, SHARE_ALL) as handle:
        times = win32file.GetFileTime(handle)
    assert len(times) == 3
    for when in times:
        assert isinstance(when, pywintypes.TimeType)
        assert when.utcoffset() == datetime.timedelta(0)
    assert tuple(times) == win32file.GetFileAttributesEx(path)[1:4]


def test_set_file_time_sets_what_it_is_given_to_the_millisecond(folder: str) -> None:
    path = new_file(folder, b"x")
    when = datetime.datetime(2020, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    expected = when.replace(microsecond=123000)
    with opened(path, RW, SHARE_ALL) as handle:
        assert win32file.SetFileTime(handle, when, when, when) is None
        assert win32file.GetFileTime(handle) == [expected] * 3
        local = datetime.timezone(datetime.timedelta(hours=-5))
        win32file.SetFileTime(handle, None, None, when.astimezone(local), UTCTimes=True)
        assert win32file.GetFileTime(handle)[2] == expected


def test_set_file_time_keeps_a_time_given_none_and_reads_a_naive_one_as_utc(folder: str) -> None:
    path = new_file(folder, b"x")
    first = datetime.datetime(2019, 1, 1, tzinfo=UTC)
    with opened(path, RW, SHARE_ALL) as handle:
        win32file.SetFileTime(handle, first, first, first)
        win32file.SetFileTime(handle, None, None, datetime.datetime(2020, 5, 6, 7, 8, 9))
        _, accessed, written = win32file.GetFileTime(handle)
        assert accessed == first
        assert written == datetime.datetime(2020, 5, 6, 7, 8, 9, tzinfo=UTC)
        win32file.SetFileTime(handle, None, datetime.datetime(1960, 1, 1, tzinfo=UTC))
        assert win32file.GetFileTime(handle)[1] == datetime.datetime(1960, 1, 1, tzinfo=UTC)
        win32file.SetFileTime(handle)  # nothing to change


def test_set_file_time_takes_datetimes_from_1601(folder: str) -> None:
    path = new_file(folder, b"x")
    with opened(path, RW, SHARE_ALL) as handle:
        for bad in (1000000000, 1.5, "x", (2020, 1, 2, 3, 4, 5, 0, 0, 0)):
            with pytest.raises(TypeError, match="must be a pywintypes time object"):
                win32file.SetFileTime(handle, None, None, bad)
        early = datetime.datetime(1600, 12, 31, tzinfo=UTC)
        assert code_of(win32file.SetFileTime, handle, early) == winerror.ERROR_INVALID_PARAMETER


@pytest.mark.xfail(
    sys.platform == "win32",
    strict=True,
    reason="Wine sets the times through a handle without FILE_WRITE_ATTRIBUTES; Windows "
    "documents SetFileTime as needing it (ERROR_ACCESS_DENIED)",
)
def test_set_file_time_needs_write_attributes_access(folder: str) -> None:
    path = new_file(folder, b"x")
    with opened(path, win32con.GENERIC_READ, SHARE_ALL) as handle:
        when = datetime.datetime(2020, 1, 1, tzinfo=UTC)
        assert code_of(win32file.SetFileTime, handle, None, None, when) == (
            winerror.ERROR_ACCESS_DENIED
        )


def test_file_times_need_a_file_handle(folder: str) -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    for handle in (event, 12345, None):
        assert code_of(win32file.GetFileTime, handle) == winerror.ERROR_INVALID_HANDLE
        assert code_of(win32file.SetFileTime, handle, None, None, None) == (
            winerror.ERROR_INVALID_HANDLE
        )
    with pytest.raises(TypeError):
        win32file.GetFileTime("handle")
    closed = open_file(new_file(folder), RW, SHARE_ALL)
    closed.Close()
    value = closed.handle
    assert code_of(win32file.GetFileTime, value) == winerror.ERROR_INVALID_HANDLE


def test_a_directory_handle_has_times(folder: str) -> None:
    flags = win32con.FILE_FLAG_BACKUP_SEMANTICS
    with opened(folder, win32con.GENERIC_READ, SHARE_ALL, win32con.OPEN_EXISTING, flags) as handle:
        assert len(win32file.GetFileTime(handle)) == 3


# --- GetFileInformationByHandleEx ------------------------------------------------------------


def test_file_basic_info_agrees_with_get_file_time(folder: str) -> None:
    path = new_file(folder, b"hello")
    with opened(path, win32con.GENERIC_READ, SHARE_ALL) as handle:
        info = win32file.GetFileInformationByHandleEx(handle, win32file.FileBasicInfo)
        times = win32file.GetFileTime(handle)
    assert set(info) == {
        "CreationTime", "LastAccessTime", "LastWriteTime", "ChangeTime", "FileAttributes"
    }  # fmt: skip
    assert [info["CreationTime"], info["LastAccessTime"], info["LastWriteTime"]] == times
    assert isinstance(info["ChangeTime"], pywintypes.TimeType)
    assert info["FileAttributes"] == win32file.GetFileAttributes(path)


def test_file_standard_info_gives_size_links_and_kind(folder: str) -> None:
    path = new_file(folder, b"hello")
    with opened(path, win32con.GENERIC_READ, SHARE_ALL) as handle:
        info = win32file.GetFileInformationByHandleEx(handle, win32file.FileStandardInfo)
    assert info["EndOfFile"] == 5
    assert info["NumberOfLinks"] == 1
    assert info["DeletePending"] is False
    assert info["Directory"] is False
    assert info["AllocationSize"] >= 0


def test_file_information_refuses_unknown_classes_and_handles(folder: str) -> None:
    with opened(new_file(folder), RW, SHARE_ALL) as handle:
        with pytest.raises(NotImplementedError):
            win32file.GetFileInformationByHandleEx(handle, 999)
        with pytest.raises(TypeError):
            win32file.GetFileInformationByHandleEx(handle, "x")
    for bad in (12345, None):
        assert code_of(win32file.GetFileInformationByHandleEx, bad, win32file.FileBasicInfo) == (
            winerror.ERROR_INVALID_HANDLE
        )


# --- FindFilesW, FindFilesIterator -----------------------------------------------------------


@pytest.fixture
def tree(folder: str) -> str:
    """A folder with a.dat (5 bytes), b.txt, noext and the folder sub."""
    with open(os.path.join(folder, "a.dat"), "wb") as stream:
        stream.write(b"hello")
    for name in ("b.txt", "noext"):
        open(os.path.join(folder, name), "wb").close()
    os.mkdir(os.path.join(folder, "sub"))
    return folder


def test_find_files_gives_win32_find_data_tuples(tree: str) -> None:
    found = win32file.FindFilesW(os.path.join(tree, "a.dat"))
    assert len(found) == 1
    entry = found[0]
    assert len(entry) == 10
    assert entry[0] == ARCHIVE
    assert all(isinstance(when, pywintypes.TimeType) for when in entry[1:4])
    assert entry[4:8] == (0, 5, 0, 0)  # size high, size low, two reserved DWORDs
    assert entry[8] == "a.dat"
    assert tuple(entry[1:4]) == win32file.GetFileAttributesEx(os.path.join(tree, "a.dat"))[1:4]


def test_a_folder_lists_dot_and_dot_dot_first(tree: str) -> None:
    listed = names(os.path.join(tree, "*"))
    assert listed[:2] == [".", ".."]
    assert sorted(listed[2:]) == ["a.dat", "b.txt", "noext", "sub"]
    assert names(os.path.join(tree, "sub", "*")) == [".", ".."]
    kinds = {found[8]: found[0] for found in win32file.FindFilesW(os.path.join(tree, "*"))}
    assert kinds["sub"] == DIRECTORY
    assert kinds["."] == DIRECTORY


def test_wildcards_match_without_regard_to_case(tree: str) -> None:
    assert names(os.path.join(tree, "*.txt")) == ["b.txt"]
    assert names(os.path.join(tree, "?.TXT")) == ["b.txt"]
    assert names(os.path.join(tree, "A*")) == ["a.dat"]
    assert names(os.path.join(tree, "*at")) == ["a.dat"]
    assert names(os.path.join(tree, "noext.")) == ["noext"]
    assert sorted(names(os.path.join(tree, "*.*"))) == sorted(names(os.path.join(tree, "*")))
    assert names(tree) == [os.path.basename(tree)]  # the folder itself, by its name


def test_a_search_that_finds_nothing_is_empty(tree: str) -> None:
    assert win32file.FindFilesW(os.path.join(tree, "*.foo_bar")) == []
    assert win32file.FindFilesW(os.path.join(tree, "missing")) == []
    assert win32file.FindFilesW(tree + os.sep) == []
    assert list(win32file.FindFilesIterator(os.path.join(tree, "*.foo_bar"))) == []


def test_a_search_in_a_missing_folder_raises_path_not_found(tree: str) -> None:
    missing = os.path.join(tree, "no-dir", "*")
    assert code_of(win32file.FindFilesW, missing) == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(win32file.FindFilesIterator, missing) == winerror.ERROR_PATH_NOT_FOUND
    assert code_of(win32file.FindFilesW, "") == winerror.ERROR_PATH_NOT_FOUND
    with pytest.raises(win32file.error) as caught:
        win32file.FindFilesIterator(missing)
    assert caught.value.funcname == "FindFirstFileW"


def test_the_iterator_gives_what_find_files_gives(tree: str) -> None:
    pattern = os.path.join(tree, "*")
    iterator = win32file.FindFilesIterator(pattern)
    assert type(iterator).__name__ == "FindFileIterator"
    assert iter(iterator) is iterator
    assert list(iterator) == win32file.FindFilesW(pattern)
    assert list(win32file.FindFilesIterator(FileName=pattern)) == win32file.FindFilesW(
        FileName=pattern
    )


@pytest.mark.parametrize("bad", [None, 5, b"*"])
def test_searches_take_a_str(bad: Any) -> None:
    with pytest.raises(TypeError):
        win32file.FindFilesW(bad)
    with pytest.raises(TypeError):
        win32file.FindFilesIterator(bad)
