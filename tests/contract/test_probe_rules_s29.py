"""Rules the session-29 probes found (tools/probes/registry_probe.py, fs_probe.py,
com_marshal_probe.py): registry keys and values, file system names and paths, and
pythoncom's streams, global interface table and IDispatch arguments.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32con
import win32file
import winerror
from win32com.server.util import wrap

from ._com import Echo, com_error_of
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder

if TYPE_CHECKING:
    from collections.abc import Iterator

HKCU = win32con.HKEY_CURRENT_USER


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


# --- registry -------------------------------------------------------------------------------


@pytest.fixture
def key() -> Iterator[Any]:
    path = f"Software\\apartment-s29-{uuid.uuid4().hex}"
    opened = win32api.RegCreateKey(HKCU, path)
    yield opened
    win32api.RegCloseKey(opened)
    win32api.RegDeleteTree(HKCU, path)


def test_reg_delete_key_of_an_empty_name_deletes_the_key_itself(key: Any) -> None:
    parent = win32api.RegCreateKey(key, "parent")
    win32api.RegCloseKey(win32api.RegCreateKey(parent, "child"))
    assert _error_of(win32api.RegDeleteKey, parent, "") == (
        winerror.ERROR_ACCESS_DENIED,
        "RegDeleteKey",
    )  # a key with subkeys stays
    child = win32api.RegOpenKey(parent, "child")
    win32api.RegDeleteKey(child, "")
    assert _error_of(win32api.RegOpenKey, parent, "child")[0] == winerror.ERROR_FILE_NOT_FOUND
    assert _error_of(win32api.RegQueryInfoKey, child)[0] == winerror.ERROR_KEY_DELETED
    with pytest.raises(TypeError):  # the name is not optional
        win32api.RegDeleteKey(parent, None)
    win32api.RegCloseKey(child)
    win32api.RegCloseKey(parent)


def test_reg_close_key_leaves_a_predefined_key_open() -> None:
    win32api.RegCloseKey(HKCU)
    win32api.RegCloseKey(0x80000007)  # any 0x8xxxxxxx is a pseudo handle: nothing to close
    win32api.RegCloseKey(win32api.RegOpenKeyEx(HKCU, None))  # HKCU itself, as a PyHKEY
    win32api.RegCloseKey(win32api.RegOpenKey(HKCU, "Software"))
    assert win32api.RegQueryInfoKey(HKCU)[0] > 0


def test_a_value_type_is_a_c_int(key: Any) -> None:
    win32api.RegSetValueEx(key, "minus", 0, -1, b"zz")
    assert win32api.RegQueryValueEx(key, "minus") == (b"zz", -1)
    assert win32api.RegEnumValue(key, 0) == ("minus", b"zz", -1)
    with pytest.raises(OverflowError):
        win32api.RegSetValueEx(key, "big", 0, 0xFFFFFFFF, b"zz")


def test_an_enumeration_index_past_32_bits_overflows(key: Any) -> None:
    win32api.RegSetValueEx(key, "v", 0, win32con.REG_SZ, "x")
    win32api.RegCloseKey(win32api.RegCreateKey(key, "k"))
    for call in (win32api.RegEnumValue, win32api.RegEnumKey):
        with pytest.raises(OverflowError):
            call(key, 2**32)
    assert _error_of(win32api.RegEnumKey, key, -1)[0] == winerror.ERROR_NO_MORE_ITEMS
    assert _error_of(win32api.RegEnumValue, key, -1)[0] == winerror.ERROR_NO_MORE_ITEMS


def test_a_multi_string_item_ends_at_its_first_nul(key: Any) -> None:
    win32api.RegSetValueEx(key, "m", 0, win32con.REG_MULTI_SZ, ["a\0b", "c"])
    assert win32api.RegQueryValueEx(key, "m") == (["a", "c"], win32con.REG_MULTI_SZ)


def test_reg_enum_key_of_a_deleted_key_fails_in_reg_query_info_key(key: Any) -> None:
    doomed = win32api.RegCreateKey(key, "doomed")
    win32api.RegDeleteKey(key, "doomed")
    assert _error_of(win32api.RegEnumKey, doomed, 0) == (
        winerror.ERROR_KEY_DELETED,
        "RegQueryInfoKey",
    )
    win32api.RegCloseKey(doomed)


def test_reg_value_arguments_are_checked(key: Any) -> None:
    with pytest.raises(TypeError):
        win32api.RegQueryValueEx(key, 5)
    with pytest.raises(TypeError):  # the sixth argument is SecurityAttributes
        win32api.RegCreateKeyEx(key, "x", 0, None, 0, win32con.KEY_ALL_ACCESS)


@wine_differs("Wine answers RegQueryInfoKey without KEY_QUERY_VALUE")
def test_reg_query_info_key_needs_query_access(key: Any) -> None:
    win32api.RegCloseKey(win32api.RegCreateKey(key, "sub"))
    setter = win32api.RegOpenKeyEx(key, "sub", 0, win32con.KEY_SET_VALUE)
    assert _error_of(win32api.RegQueryInfoKey, setter) == (
        winerror.ERROR_ACCESS_DENIED,
        "RegQueryInfoKey",
    )
    win32api.RegCloseKey(setter)


# --- file system ------------------------------------------------------------------------------


def test_temp_file_names_end_in_lower_case_tmp(folder: str) -> None:
    name, unique = win32api.GetTempFileName(folder, "pre", 0x1234)
    assert (os.path.basename(name), unique) == ("pre1234.tmp", 0x1234)
    made, _ = win32api.GetTempFileName(folder, "pre")
    assert made.endswith(".tmp") and os.path.isfile(made)


def test_full_path_name_keeps_a_trailing_separator_and_drops_trailing_dots(folder: str) -> None:
    sub = os.path.join(folder, "sub")
    assert win32api.GetFullPathName(sub + os.sep) == sub + os.sep
    assert win32api.GetFullPathName(sub + ".") == sub
    assert win32api.GetFullPathName(sub + " ") == sub
    assert win32file.GetFullPathName(sub + ". .") == sub


def test_search_path_finds_folders_and_reads_a_list(folder: str) -> None:
    sub = os.path.join(folder, "sub")
    win32file.CreateDirectory(sub, None)
    win32file.CreateDirectory(os.path.join(sub, "inner"), None)
    found, start = win32api.SearchPath(folder, "sub")
    assert (found, found[start:]) == (sub, "sub")
    listed = os.path.join(folder, "nothing-here") + ";" + sub
    assert win32api.SearchPath(listed, "inner")[0] == os.path.join(sub, "inner")


def test_an_empty_path_is_a_path_not_found() -> None:
    assert _error_of(win32file.DeleteFile, "") == (winerror.ERROR_PATH_NOT_FOUND, "DeleteFile")
    assert _error_of(win32api.DeleteFile, "")[0] == winerror.ERROR_PATH_NOT_FOUND
    assert _error_of(win32api.GetLongPathName, "") == (
        winerror.ERROR_PATH_NOT_FOUND,
        "GetLongPathNameW",
    )


def test_set_file_attributes_takes_a_c_int(folder: str) -> None:
    path = os.path.join(folder, "f")
    open(path, "w").close()
    with pytest.raises(OverflowError):
        win32api.SetFileAttributes(path, 0x80000000)
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_READONLY)
    assert win32api.GetFileAttributes(path) & win32con.FILE_ATTRIBUTE_READONLY
    win32api.SetFileAttributes(path, win32con.FILE_ATTRIBUTE_NORMAL)


def test_get_disk_free_space_fails_as_get_disk_space_free(folder: str) -> None:
    missing = os.path.join(folder, "missing") + os.sep
    assert _error_of(win32api.GetDiskFreeSpace, missing) == (
        winerror.ERROR_FILE_NOT_FOUND,
        "GetDiskSpaceFree",
    )


@wine_differs("Wine sets file times through a handle without write access")
def test_set_file_time_needs_write_access(folder: str) -> None:
    path = os.path.join(folder, "t")
    open(path, "w").close()
    reader = win32file.CreateFile(
        path, win32con.GENERIC_READ, win32con.FILE_SHARE_READ, None, win32con.OPEN_EXISTING, 0, None
    )
    try:
        when = pywintypes.Time(0x40000000)
        assert _error_of(win32file.SetFileTime, reader, None, None, when) == (
            winerror.ERROR_ACCESS_DENIED,
            "SetFileTime",
        )
    finally:
        reader.Close()


# --- pythoncom --------------------------------------------------------------------------------


def test_create_stream_on_hglobal_takes_a_handle_or_none() -> None:
    assert pythoncom.CreateStreamOnHGlobal(None, True).Write(b"ab") == 2
    assert pythoncom.CreateStreamOnHGlobal(0, False).Write(b"ab") == 2
    with pytest.raises(TypeError):
        pythoncom.CreateStreamOnHGlobal("x")


def test_the_global_interface_table_refuses_none() -> None:
    git = pythoncom.CoCreateInstance(
        pythoncom.CLSID_StdGlobalInterfaceTable,
        None,
        pythoncom.CLSCTX_INPROC_SERVER,
        pythoncom.IID_IGlobalInterfaceTable,
    )
    error = com_error_of(git.RegisterInterfaceInGlobal, None, pythoncom.IID_IDispatch)
    assert error.hresult == winerror.E_INVALIDARG


def test_get_ids_of_names_needs_a_name() -> None:
    dispatch = wrap(Echo(), useDispatcher=False)
    assert dispatch.GetIDsOfNames(0, "Echo") == dispatch.GetIDsOfNames("Echo")
    for args in ((5,), ()):
        with pytest.raises(TypeError):
            dispatch.GetIDsOfNames(*args)


def _open_folder(path: str) -> Any:
    return win32file.CreateFile(
        path,
        win32con.GENERIC_READ,
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_FLAG_BACKUP_SEMANTICS,
        None,
    )


def test_folder_entries_come_once_per_listing(folder: str) -> None:
    open(os.path.join(folder, "a.txt"), "w").close()
    win32file.CreateDirectory(os.path.join(folder, "sub"), None)
    handle = _open_folder(folder)
    try:
        first = win32file.GetFileInformationByHandleEx(handle, win32file.FileIdBothDirectoryInfo)
        names = sorted(entry["FileName"] for entry in first)
        assert names == [".", "..", "a.txt", "sub"]
        assert (
            win32file.GetFileInformationByHandleEx(handle, win32file.FileIdBothDirectoryInfo) == ()
        )
        again = win32file.GetFileInformationByHandleEx(
            handle, win32file.FileIdBothDirectoryRestartInfo
        )
        assert sorted(entry["FileName"] for entry in again) == names
        sub = next(entry for entry in again if entry["FileName"] == "sub")
        assert sub["FileAttributes"] & win32con.FILE_ATTRIBUTE_DIRECTORY
    finally:
        handle.Close()


def test_a_folder_class_on_a_file_is_an_invalid_parameter(folder: str) -> None:
    path = os.path.join(folder, "f")
    open(path, "w").close()
    handle = win32file.CreateFile(
        path, win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None
    )
    try:
        assert _error_of(
            win32file.GetFileInformationByHandleEx, handle, win32file.FileIdBothDirectoryInfo
        ) == (winerror.ERROR_INVALID_PARAMETER, "GetFileInformationByHandleEx")
    finally:
        handle.Close()


@wine_differs("Wine has no FileStreamInfo or FileCompressionInfo (ERROR_INVALID_FUNCTION)")
def test_a_file_has_one_data_stream_and_no_compression(folder: str) -> None:
    path = os.path.join(folder, "f")
    with open(path, "wb") as out:
        out.write(b"hello")
    handle = win32file.CreateFile(
        path, win32con.GENERIC_READ, 0, None, win32con.OPEN_EXISTING, 0, None
    )
    try:
        (stream,) = win32file.GetFileInformationByHandleEx(handle, win32file.FileStreamInfo)
        assert (stream["StreamName"], stream["StreamSize"]) == ("::$DATA", 5)
        info = win32file.GetFileInformationByHandleEx(handle, win32file.FileCompressionInfo)
        assert info["CompressionFormat"] == 0 and info["Reserved"] == (0, 0, 0)
    finally:
        handle.Close()
    handle = _open_folder(folder)
    try:
        assert win32file.GetFileInformationByHandleEx(handle, win32file.FileStreamInfo) == ()
    finally:
        handle.Close()


def test_volume_information_wants_a_root(folder: str) -> None:
    assert _error_of(win32api.GetVolumeInformation, folder + os.sep) == (
        winerror.ERROR_DIR_NOT_ROOT,
        "GetVolumeInformation",
    )
    root = win32file.GetVolumePathName(folder)
    assert len(win32api.GetVolumeInformation(root)) == 5
