"""The shell link object (CLSID_ShellLink): IShellLink and IPersistFile over ``.lnk`` files.

Runs on the facade and on the oracle (Wine's shell32 under the real pywin32).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import win32com.client
from win32com.shell import shell

from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

E_FAIL = -2147467259
PATH_NOT_FOUND = -2147024893  # HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)
FILE_NOT_FOUND = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
FILE_ATTRIBUTE_DIRECTORY = 0x10
SW_SHOWMAXIMIZED = 3


def _link() -> Any:
    return pythoncom.CoCreateInstance(
        shell.CLSID_ShellLink, None, pythoncom.CLSCTX_INPROC_SERVER, shell.IID_IShellLink
    )


def _hresult(call: Any, *args: object) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        call(*args)
    return int(caught.value.hresult)


def test_the_class_gives_ishelllink_and_ipersistfile() -> None:
    link = _link()
    assert type(link).__name__ == "PyIShellLink"
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    assert type(persist).__name__ == "PyIPersistFile"
    assert persist.GetClassID() == shell.CLSID_ShellLink
    assert shell.IID_IShellLink == shell.IID_IShellLinkW


def test_a_new_link_is_empty_and_clean() -> None:
    link = _link()
    assert link.GetPath(0)[0] == ""
    assert (link.GetArguments(), link.GetDescription(), link.GetWorkingDirectory()) == ("",) * 3
    assert (link.GetShowCmd(), link.GetHotkey(), link.GetIconLocation()) == (1, 0, ("", 0))
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    assert persist.IsDirty() == 1  # S_FALSE: pywin32 gives the HRESULT
    assert persist.GetCurFile() is None


def test_saved_fields_come_back_in_another_object(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("hello")
    link = _link()
    link.SetPath(str(target))
    link.SetArguments("--flag x")
    link.SetDescription("my link")
    link.SetWorkingDirectory(str(tmp_path))
    link.SetIconLocation(str(target), 3)
    link.SetHotkey(0x0641)
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    assert persist.IsDirty() == 0  # S_OK: changed
    name = str(tmp_path / "x.lnk")
    persist.Save(name, 1)
    assert persist.IsDirty() == 1
    assert os.path.normcase(persist.GetCurFile()) == os.path.normcase(name)
    with open(name, "rb") as file:
        assert file.read(4) == b"L\0\0\0"  # ShellLinkHeader's size: Windows' format
    again = _link()
    again.QueryInterface(pythoncom.IID_IPersistFile).Load(name, 0)
    path, find_data = again.GetPath(0)
    assert os.path.normcase(path) == os.path.normcase(str(target))
    assert find_data[8] == "target.txt" and find_data[5] == 5  # its name and size
    assert not find_data[0] & FILE_ATTRIBUTE_DIRECTORY
    assert again.GetArguments() == "--flag x"
    assert again.GetDescription() == "my link"
    assert os.path.normcase(again.GetWorkingDirectory()) == os.path.normcase(str(tmp_path))
    assert again.GetIconLocation()[1] == 3
    assert again.GetHotkey() == 0x0641


@wine_differs("Wine's link loses its show command when its target exists (1 after a load)")
def test_the_show_command_survives_a_save_and_a_load(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("hello")
    link = _link()
    link.SetPath(str(target))
    link.SetShowCmd(SW_SHOWMAXIMIZED)
    name = str(tmp_path / "x.lnk")
    link.QueryInterface(pythoncom.IID_IPersistFile).Save(name, 1)
    again = _link()
    again.QueryInterface(pythoncom.IID_IPersistFile).Load(name, 0)
    assert again.GetShowCmd() == SW_SHOWMAXIMIZED


def test_strings_are_clipped_to_the_buffer_asked_for(tmp_path: Path) -> None:
    link = _link()
    link.SetPath(str(tmp_path / "somewhere.exe"))
    link.SetDescription("description")
    assert link.GetPath(0, 5)[0] == str(tmp_path / "somewhere.exe")[:4]
    assert link.GetDescription(3) == "de"


def test_the_show_command_is_kept_as_given() -> None:
    link = _link()
    for show in (SW_SHOWMAXIMIZED, 7, 2, 0, 1):
        link.SetShowCmd(show)
        assert link.GetShowCmd() == show


def test_a_target_that_does_not_exist_is_kept_with_no_data(tmp_path: Path) -> None:
    link = _link()
    link.SetPath(str(tmp_path / "nothere.exe"))
    path, find_data = link.GetPath(0)
    assert os.path.basename(path) == "nothere.exe"
    assert (find_data[0], find_data[5], find_data[8]) == (0, 0, "nothere.exe")


def test_loading_what_is_not_a_link(tmp_path: Path) -> None:
    persist = _link().QueryInterface(pythoncom.IID_IPersistFile)
    assert _hresult(persist.Load, str(tmp_path / "missing.lnk"), 0) == FILE_NOT_FOUND
    text = tmp_path / "text.txt"
    text.write_text("hello")
    assert _hresult(persist.Load, str(text), 0) == E_FAIL


def test_saving_into_a_missing_folder_is_path_not_found(tmp_path: Path) -> None:
    link = _link()
    link.SetPath(str(tmp_path / "t.exe"))
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    assert _hresult(persist.Save, str(tmp_path / "no" / "x.lnk"), 1) == PATH_NOT_FOUND


def test_save_none_saves_to_the_current_file(tmp_path: Path) -> None:
    link = _link()
    link.SetPath(str(tmp_path / "t.exe"))
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    name = str(tmp_path / "a.lnk")
    persist.Save(name, 1)
    link.SetDescription("changed")
    assert persist.IsDirty() == 0
    persist.Save(None, 1)
    assert persist.IsDirty() == 1
    again = _link()
    again.QueryInterface(pythoncom.IID_IPersistFile).Load(name, 0)
    assert again.GetDescription() == "changed"


@wine_differs("Wine's link clears its dirty flag on any save; Windows only on fRemember")
def test_a_save_as_a_copy_leaves_the_link_dirty(tmp_path: Path) -> None:
    # IPersistFile::Save with fRemember FALSE is "Save a copy as": the current file and the
    # dirty flag stay as they were
    link = _link()
    link.SetPath(str(tmp_path / "t.exe"))
    persist = link.QueryInterface(pythoncom.IID_IPersistFile)
    persist.Save(str(tmp_path / "copy.lnk"), 0)
    assert persist.IsDirty() == 0
    assert persist.GetCurFile() is None


def test_resolve_and_relative_path_are_accepted(tmp_path: Path) -> None:
    link = _link()
    link.SetPath(str(tmp_path / "t.exe"))
    link.SetRelativePath(".\\t.exe", 0)
    link.Resolve(0, shell.SLR_NO_UI)


def test_wscript_shell_shortcuts_are_shell_links(tmp_path: Path) -> None:
    target = tmp_path / "app.exe"
    target.write_bytes(b"")
    name = str(tmp_path / "app.lnk")
    shortcut = win32com.client.Dispatch("WScript.Shell").CreateShortcut(name)
    shortcut.TargetPath = str(target)
    shortcut.Arguments = "-v"
    shortcut.IconLocation = "app.ico,2"
    shortcut.Save()
    link = _link()
    link.QueryInterface(pythoncom.IID_IPersistFile).Load(name, 0)
    assert os.path.normcase(link.GetPath(0)[0]) == os.path.normcase(str(target))
    assert link.GetArguments() == "-v"
    assert link.GetIconLocation() == ("app.ico", 2)


@wine_differs("Wine's WScript.Shell CreateShortcut does not read an existing link")
def test_wscript_shell_reads_an_existing_link(tmp_path: Path) -> None:
    # Scripts read a shortcut's target so: CreateShortcut(path).TargetPath
    target = tmp_path / "app.exe"
    target.write_bytes(b"")
    link = _link()
    link.SetPath(str(target))
    link.SetArguments("-v")
    link.SetIconLocation("app.ico", 2)
    name = str(tmp_path / "app.lnk")
    link.QueryInterface(pythoncom.IID_IPersistFile).Save(name, 1)
    shortcut = win32com.client.Dispatch("WScript.Shell").CreateShortcut(name)
    assert os.path.normcase(shortcut.TargetPath) == os.path.normcase(str(target))
    assert (shortcut.Arguments, shortcut.IconLocation) == ("-v", "app.ico,2")
