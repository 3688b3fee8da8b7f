"""Contract: the system classes programs create by ProgID without registering them.

WScript.Shell and WScript.Network (wshom.ocx): their CLSIDs and DISPIDs, the registry
through RegRead/RegWrite, the names. Wine implements less of wshom: its gaps are marked.

Scripting.FileSystemObject (scrrun.dll): its DISPIDs, its text streams, its files and
folders, its wildcards, and its errors: DISP_E_EXCEPTION carrying the VB error's HRESULT
(0x800A0000 | number) as the excepinfo's scode. Wine implements scrrun, so these run on the
oracle too; where Wine lacks a member (E_NOTIMPL) the test is marked.
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32com.client

from ._com import com_error_of
from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

FILE_NOT_FOUND = -2146828235  # 0x800A0035, VB error 53
BAD_FILE_MODE = -2146828234  # 54
FILE_EXISTS = -2146828230  # 58
INPUT_PAST_END = -2146828226  # 62
PATH_NOT_FOUND = -2146828212  # 76
E_INVALIDARG = -2147024809
DISP_E_EXCEPTION = -2147352567


@pytest.fixture
def fso() -> Any:
    pythoncom.CoInitialize()
    try:
        yield win32com.client.Dispatch("Scripting.FileSystemObject")
    finally:
        pythoncom.CoUninitialize()


def _scode(call: Any, *args: Any) -> tuple[int, int]:
    error = com_error_of(call, *args)
    return error.hresult, error.excepinfo[5]


def _fails(scode: int) -> tuple[int, int]:
    return DISP_E_EXCEPTION, scode


def _ids(obj: Any, names: str) -> list[int]:
    return [obj._oleobj_.GetIDsOfNames(name) for name in names.split()]


def test_it_is_there_by_progid_with_its_clsid() -> None:
    clsid = "{0D43FE01-F093-11CF-8940-00A0C9054228}"
    assert str(pywintypes.IID("Scripting.FileSystemObject")) == clsid
    assert pythoncom.ProgIDFromCLSID(clsid) == "Scripting.FileSystemObject"


def test_members_have_scrruns_dispids(fso: Any, tmp_path: Path) -> None:
    names = "BuildPath GetAbsolutePathName GetTempName GetDriveName GetParentFolderName"
    names += " GetFileName GetBaseName GetExtensionName Drives GetDrive GetFile GetFolder"
    names += " GetSpecialFolder DriveExists FileExists FolderExists"
    assert _ids(fso, names) == [10000, *range(10002, 10009), *range(10010, 10018)]
    names = "OpenTextFile CreateTextFile CreateFolder DeleteFile DeleteFolder CopyFile"
    assert _ids(fso, names + " CopyFolder MoveFile MoveFolder") == [
        1100, 1101, 1120, 1200, 1201, 1202, 1203, 1204, 1205,
    ]  # fmt: skip
    stream = fso.CreateTextFile(str(tmp_path / "a.txt"))
    names = "Line AtEndOfStream AtEndOfLine Read ReadLine ReadAll Write WriteLine"
    names += " WriteBlankLines Skip SkipLine Close"
    assert _ids(stream, names) == [10000, *range(10002, 10013)]
    assert _ids(stream, "Column") == [-529]
    stream.Close()
    names = "Path Name ShortName ShortPath Attributes Drive ParentFolder DateCreated"
    names += " DateLastModified DateLastAccessed Size Type"
    item_ids = [0, *range(1000, 1011)]
    assert _ids(fso.GetFile(str(tmp_path / "a.txt")), names) == item_ids
    folder = fso.GetFolder(str(tmp_path))
    assert _ids(folder, names) == item_ids
    assert _ids(folder, "IsRootFolder SubFolders Files") == [10000, 10001, 10002]
    assert _ids(folder.Files, "Item Count _NewEnum") == [0, 1, -4]


def test_the_name_functions_read_backslashes(fso: Any) -> None:
    path = "c:\\data\\logs\\app.2024.log"
    assert fso.GetFileName(path) == "app.2024.log"
    assert fso.GetBaseName(path) == "app.2024"
    assert fso.GetExtensionName(path) == "log"
    assert fso.GetParentFolderName(path) == "c:\\data\\logs"
    assert fso.GetFileName("c:\\data\\logs\\") == "logs"
    assert fso.GetExtensionName("README") == ""
    assert fso.GetParentFolderName("README") == ""
    assert fso.BuildPath("c:\\data", "x.txt") == "c:\\data\\x.txt"
    assert fso.BuildPath("c:\\data\\", "x.txt") == "c:\\data\\x.txt"
    name = fso.GetTempName()
    assert name.startswith("rad") and name.endswith(".tmp") and len(name) == 12
    int(name[3:8], 16)


def test_exists_and_get_file_and_folder(fso: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"12345")
    assert fso.FileExists(str(path)) and not fso.FileExists(str(tmp_path))
    assert fso.FolderExists(str(tmp_path)) and not fso.FolderExists(str(path))
    file = fso.GetFile(str(path))
    assert (file.Name, file.Path, file.Size) == ("a.txt", str(path), 5)
    assert file.Attributes & 32  # Archive: a file just written
    modified = file.DateLastModified
    assert isinstance(modified, pywintypes.TimeType)
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((modified - now).total_seconds()) < 120
    assert _scode(fso.GetFile, str(tmp_path / "none.txt")) == _fails(FILE_NOT_FOUND)
    assert _scode(fso.GetFolder, str(tmp_path / "none" / "deeper")) == _fails(PATH_NOT_FOUND)
    assert _scode(fso.GetSpecialFolder, 3) == _fails(E_INVALIDARG)
    # the version API's error, not VB error 53
    assert _scode(fso.GetFileVersion, str(tmp_path / "none.exe")) == _fails(-2147024894)
    assert fso.FolderExists(fso.GetSpecialFolder(2).Path)


def test_folder_collections(fso: Any, tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    folder = fso.GetFolder(str(tmp_path))
    assert folder.Files.Count == 2 and folder.SubFolders.Count == 1
    assert sorted(file.Name for file in folder.Files) == ["a.txt", "b.txt"]
    assert [sub.Name for sub in folder.SubFolders] == ["sub"]


@wine_differs("Wine's File and Folder lack ParentFolder, IsRootFolder and Copy (E_NOTIMPL)")
def test_parent_folder_is_root_folder_and_copy(fso: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    file = fso.GetFile(str(tmp_path / "a.txt"))
    assert file.ParentFolder.Path == str(tmp_path)
    assert not fso.GetFolder(str(tmp_path)).IsRootFolder
    file.Copy(str(tmp_path / "b.txt"))
    assert (tmp_path / "b.txt").read_text() == "x"
    assert _scode(file.Copy, str(tmp_path / "b.txt"), False) == _fails(FILE_EXISTS)


@wine_differs("Wine's Files collection has no Item (E_NOTIMPL)")
def test_files_item_by_name(fso: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    files = fso.GetFolder(str(tmp_path)).Files
    assert files.Item("a.txt").Name == "a.txt"
    assert _scode(files.Item, "none.txt") == _fails(FILE_NOT_FOUND)


def test_create_folder_and_text_file_errors(fso: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "a.txt")
    fso.CreateTextFile(path).Close()
    assert _scode(fso.CreateFolder, str(tmp_path)) == _fails(FILE_EXISTS)
    assert _scode(fso.CreateTextFile, path, False) == _fails(FILE_EXISTS)
    missing = str(tmp_path / "none" / "x.txt")
    assert _scode(fso.CreateTextFile, missing) == _fails(PATH_NOT_FOUND)
    assert _scode(fso.OpenTextFile, missing, 2, True) == _fails(PATH_NOT_FOUND)
    assert _scode(fso.OpenTextFile, path + "x") == _fails(FILE_NOT_FOUND)
    assert _scode(fso.OpenTextFile, path + "x", 8, False) == _fails(FILE_NOT_FOUND)
    assert _scode(fso.OpenTextFile, path, 3) == _fails(E_INVALIDARG)
    assert _scode(fso.DeleteFile, path + "x") == _fails(FILE_NOT_FOUND)
    created = fso.CreateFolder(str(tmp_path / "new"))
    assert created.Name == "new" and fso.FolderExists(str(tmp_path / "new"))


def test_text_stream_lines_and_the_end(fso: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "a.txt")
    stream = fso.CreateTextFile(path)
    stream.Write("hello\r\nworld\nthird")
    assert _scode(stream.ReadLine) == _fails(BAD_FILE_MODE)
    stream.Close()
    stream = fso.OpenTextFile(path)
    assert stream.ReadLine() == "hello" and not stream.AtEndOfStream
    assert stream.ReadLine() == "world"
    assert (stream.Read(3), stream.ReadAll(), stream.AtEndOfStream) == ("thi", "rd", True)
    assert _scode(stream.ReadLine) == _fails(INPUT_PAST_END)
    assert _scode(stream.ReadAll) == _fails(INPUT_PAST_END)
    assert _scode(stream.Write, "x") == _fails(BAD_FILE_MODE)
    stream.Close()
    fso.CreateTextFile(str(tmp_path / "empty.txt")).Close()
    empty = fso.OpenTextFile(str(tmp_path / "empty.txt"))
    assert empty.AtEndOfStream
    assert _scode(empty.ReadAll) == _fails(INPUT_PAST_END)
    empty.Close()


def test_appending_and_lines_end_in_crlf(fso: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\r\n")
    stream = fso.OpenTextFile(str(path), 8)
    stream.WriteLine("two")
    stream.Close()
    assert path.read_bytes() == b"one\r\ntwo\r\n"
    stream = fso.OpenTextFile(str(tmp_path / "new.txt"), 8, True)
    stream.Write("x")
    stream.Close()
    assert (tmp_path / "new.txt").read_bytes() == b"x"
    stream = fso.OpenTextFile(str(path), 2)  # writing empties the file
    stream.Close()
    assert path.read_bytes() == b""


def test_unicode_files_have_a_bom_and_are_read_back(fso: Any, tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    stream = fso.CreateTextFile(str(path), True, True)
    stream.Write("ab\u00e9")
    stream.Close()
    assert path.read_bytes() == b"\xff\xfea\x00b\x00\xe9\x00"
    assert fso.OpenTextFile(str(path), 1, False, -1).ReadAll() == "ab\u00e9"
    assert fso.OpenTextFile(str(path), 1, False, -2).ReadAll() == "ab\u00e9"
    stream = fso.OpenTextFile(str(tmp_path / "v.txt"), 2, True, -1)
    stream.Write("u")
    stream.Close()
    assert (tmp_path / "v.txt").read_bytes() == b"\xff\xfeu\x00"


@wine_differs("Wine's TextStream has no Line, Column nor WriteBlankLines (E_NOTIMPL)")
def test_line_and_column(fso: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "a.txt")
    stream = fso.CreateTextFile(path)
    stream.WriteLine("ab")
    stream.WriteBlankLines(2)
    stream.Write("cd")
    assert (stream.Line, stream.Column) == (4, 3)
    stream.Close()
    stream = fso.OpenTextFile(path)
    assert (stream.Line, stream.Column) == (1, 1)
    stream.Read(1)
    assert (stream.Line, stream.Column) == (1, 2)
    stream.SkipLine()
    assert (stream.Line, stream.Column, stream.ReadLine()) == (2, 1, "")
    stream.Close()


def test_copy_and_delete_with_wildcards(fso: Any, tmp_path: Path) -> None:
    for name in ("a.log", "b.log", "c.txt"):
        (tmp_path / name).write_text(name)
    into = tmp_path / "into"
    into.mkdir()
    fso.CopyFile(os.path.join(str(tmp_path), "*.log"), str(into) + os.sep)
    assert sorted(os.listdir(into)) == ["a.log", "b.log"]
    assert _scode(fso.CopyFile, os.path.join(str(tmp_path), "*.nope"), str(into) + os.sep) == (
        _fails(FILE_NOT_FOUND)
    )
    again = (os.path.join(str(tmp_path), "*.log"), str(into) + os.sep, False)
    assert _scode(fso.CopyFile, *again) == _fails(FILE_EXISTS)
    fso.CopyFile(str(tmp_path / "c.txt"), str(into / "c.txt"))
    assert (into / "c.txt").read_text() == "c.txt"
    assert _scode(fso.CopyFile, str(tmp_path / "c.txt"), str(into / "c.txt"), False) == (
        _fails(FILE_EXISTS)
    )
    fso.DeleteFile(os.path.join(str(into), "*.log"))
    assert os.listdir(into) == ["c.txt"]
    assert _scode(fso.DeleteFile, os.path.join(str(into), "*.log")) == _fails(FILE_NOT_FOUND)
    fso.DeleteFolder(str(into))
    assert not into.exists()


@wine_differs("Wine's DeleteFolder fails a missing folder with 53, not 76")
def test_deleting_a_missing_folder_is_path_not_found(fso: Any, tmp_path: Path) -> None:
    assert _scode(fso.DeleteFolder, str(tmp_path / "none")) == _fails(PATH_NOT_FOUND)


@wine_differs("Wine's MoveFile fails a wildcard with E_FAIL")
def test_move_with_wildcards(fso: Any, tmp_path: Path) -> None:
    for name in ("a.log", "b.log"):
        (tmp_path / name).write_text(name)
    (tmp_path / "into").mkdir()
    fso.MoveFile(os.path.join(str(tmp_path), "*.log"), str(tmp_path / "into") + os.sep)
    assert sorted(os.listdir(tmp_path / "into")) == ["a.log", "b.log"]


def test_move_file_and_the_file_object_follows(fso: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("y")
    assert _scode(fso.MoveFile, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")) == (
        _fails(FILE_EXISTS)
    )
    fso.MoveFile(str(tmp_path / "a.txt"), str(tmp_path / "c.txt"))
    assert sorted(os.listdir(tmp_path)) == ["b.txt", "c.txt"]


@wine_differs("Wine's File has no Move (E_NOTIMPL)")
def test_the_file_object_follows_its_move(fso: Any, tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text("x")
    file = fso.GetFile(str(tmp_path / "c.txt"))
    file.Move(str(tmp_path / "e.txt"))
    assert file.Name == "e.txt"
    file.Delete()
    assert os.listdir(tmp_path) == []


@pytest.fixture
def shell() -> Any:
    pythoncom.CoInitialize()
    try:
        yield win32com.client.Dispatch("WScript.Shell")
    finally:
        pythoncom.CoUninitialize()


FILE_NOT_FOUND_HR = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
_KEY = "HKCU\\Software\\ApartmentContract\\WshShell\\"


def test_wscript_classes_have_their_clsids() -> None:
    assert str(pywintypes.IID("WScript.Shell")) == "{72C24DD5-D70A-438B-8A42-98424B88AFB8}"
    assert str(pywintypes.IID("WScript.Network")) == "{093FF999-1EA0-4079-9525-9614C3504B74}"


def test_shell_members_have_wshoms_dispids(shell: Any) -> None:
    names = "SpecialFolders Environment Run Popup CreateShortcut ExpandEnvironmentStrings"
    names += " RegRead RegWrite RegDelete LogEvent AppActivate SendKeys Exec CurrentDirectory"
    assert _ids(shell, names) == [
        100, 200, 1000, 1001, 1002, 1006, 2000, 2001, 2002, 3000, 3010, 3011, 3012, 3013,
    ]  # fmt: skip
    assert _ids(shell.SpecialFolders, "Item Count length _NewEnum") == [0, 1, 2, -4]


def test_environment_read_as_a_property_is_the_system_ones_item(shell: Any) -> None:
    # pywin32's dynamic client reads Environment without its optional argument (the System
    # environment), then calls that object's default member, Item("Process"): no such
    # variable, so "" and not an environment
    assert shell.Environment("Process") == ""


def test_special_folders_and_current_directory(shell: Any) -> None:
    desktop = shell.SpecialFolders("Desktop")
    assert isinstance(desktop, str) and desktop
    assert shell.CurrentDirectory == os.getcwd()


@wine_differs("Wine's WshCollection has no Count (E_NOTIMPL)")
def test_special_folders_count_is_a_method(shell: Any) -> None:
    assert shell.SpecialFolders.Count() >= 16  # a method in wshom's type library


def test_registry_round_trip_by_type(shell: Any) -> None:
    shell.RegWrite(_KEY + "Text", "abc")
    shell.RegWrite(_KEY + "Number", 5, "REG_DWORD")
    shell.RegWrite(_KEY + "Bytes", 7, "REG_BINARY")
    shell.RegWrite(_KEY + "Sub\\", "default")
    assert shell.RegRead(_KEY + "Text") == "abc"
    assert shell.RegRead(_KEY + "Number") == 5
    assert tuple(shell.RegRead(_KEY + "Bytes")) == (7, 0, 0, 0)
    assert shell.RegRead(_KEY + "Sub\\") == "default"
    assert _scode(shell.RegRead, _KEY + "Missing") == _fails(FILE_NOT_FOUND_HR)
    assert _scode(shell.RegRead, _KEY + "NoKey\\Value") == _fails(FILE_NOT_FOUND_HR)


@wine_differs("Wine's RegDelete is E_NOTIMPL")
def test_registry_delete(shell: Any) -> None:
    shell.RegWrite(_KEY + "Gone", "x")
    shell.RegDelete(_KEY + "Gone")
    assert _scode(shell.RegRead, _KEY + "Gone") == _fails(FILE_NOT_FOUND_HR)


@wine_differs("Wine's ExpandEnvironmentStrings leaves the terminating NUL in the string")
def test_expand_environment_strings(shell: Any) -> None:
    os.environ["APARTMENT_CONTRACT_X"] = "v"
    assert shell.ExpandEnvironmentStrings("%APARTMENT_CONTRACT_X%-%NOT_THERE_X%") == (
        "v-%NOT_THERE_X%"
    )


def test_network_user_name() -> None:
    pythoncom.CoInitialize()
    try:
        network = win32com.client.Dispatch("WScript.Network")
        names = "UserDomain UserName UserProfile ComputerName"
        assert _ids(network, names) == [0x60020000, 0x60020001, 0x60020002, 0x60020003]
        assert network.UserName == win32api.GetUserName()
    finally:
        pythoncom.CoUninitialize()


@wine_differs("Wine's WshNetwork has no ComputerName (E_NOTIMPL)")
def test_network_computer_name() -> None:
    pythoncom.CoInitialize()
    try:
        network = win32com.client.Dispatch("WScript.Network")
        assert network.ComputerName == win32api.GetComputerName()
    finally:
        pythoncom.CoUninitialize()
