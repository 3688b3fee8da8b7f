"""The shell namespace: PyIShellFolder, PyIEnumIDList and the functions that reach them.

A program parses a path into an item ID list, binds to the folder, lists it, asks names and
attributes and orders items; pywin32 gives item ID lists as lists of bytes. Where things are
differs (``C:\\...`` there, ``/tmp/...`` here), so these work in a folder of their own and
compare with the paths the platform gives.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
import pythoncom
from win32com.shell import shell, shellcon

from ._shell_places import make_place, own_home
from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

E_FAIL = -2147467259
E_INVALIDARG = -2147024809
E_NOINTERFACE = -2147467262
FILE_NOT_FOUND = -2147024894  # HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
ALL = shellcon.SHCONTF_FOLDERS | shellcon.SHCONTF_NONFOLDERS | shellcon.SHCONTF_INCLUDEHIDDEN
MY_COMPUTER = "::{20d04fe0-3aea-1069-a2d8-08002b30309d}"


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_home(tmp_path, monkeypatch)


@pytest.fixture
def place(tmp_path: Path) -> Path:
    return make_place(tmp_path, hidden=True)


def _hresult(call: object) -> int:
    assert callable(call)
    with pytest.raises(pythoncom.com_error) as caught:
        call()
    return int(caught.value.args[0])


def _bind(path: Path) -> object:
    desktop = shell.SHGetDesktopFolder()
    _eaten, pidl, _attributes = desktop.ParseDisplayName(0, None, str(path), 0)
    return desktop.BindToObject(pidl, None, shell.IID_IShellFolder)


def _names(folder: object, flags: int = ALL) -> list[str]:
    return [folder.GetDisplayNameOf(i, shellcon.SHGDN_NORMAL) for i in folder.EnumObjects(0, flags)]  # type: ignore[attr-defined]


def test_the_desktop_is_a_shell_folder_that_iterates_as_enum_objects() -> None:
    desktop = shell.SHGetDesktopFolder()
    assert type(desktop).__name__ == "PyIShellFolder"
    walked = sorted(desktop.GetDisplayNameOf(i, shellcon.SHGDN_NORMAL) for i in desktop)
    assert walked == sorted(_names(desktop))
    parsing = [desktop.GetDisplayNameOf(i, shellcon.SHGDN_FORPARSING) for i in desktop]
    assert MY_COMPUTER in parsing
    assert type(desktop.EnumObjects(0, ALL)).__name__ == "PyIEnumIDList"


def test_an_item_id_list_is_a_list_of_bytes(place: Path) -> None:
    desktop = shell.SHGetDesktopFolder()
    eaten, pidl, attributes = desktop.ParseDisplayName(0, None, str(place), 0)
    assert (eaten, attributes) == (0, 0)
    assert isinstance(pidl, list)
    assert all(isinstance(item, bytes) for item in pidl)
    assert desktop.GetDisplayNameOf(pidl[:1], shellcon.SHGDN_FORPARSING) == MY_COMPUTER
    assert shell.SHGetPathFromIDList(pidl) == os.fsencode(str(place))
    assert shell.SHGetPathFromIDListW(pidl) == str(place)
    assert _hresult(lambda: shell.SHGetPathFromIDList(pidl[:1])) == E_FAIL  # My Computer
    assert shell.StringAsPIDL(shell.PIDLAsString(pidl)) == pidl


def test_a_folder_lists_its_items_by_name_without_case(place: Path) -> None:
    folder = _bind(place)
    assert type(folder).__name__ == "PyIShellFolder"
    assert _names(folder) == [".hid", "a.txt", "B.TXT", "sub"]
    assert sorted(folder.GetDisplayNameOf(i, 0) for i in folder) == sorted(_names(folder))  # type: ignore[attr-defined]


def test_enum_objects_takes_folders_nonfolders_and_hidden_ones_as_asked(place: Path) -> None:
    folder = _bind(place)
    assert _names(folder, shellcon.SHCONTF_FOLDERS) == ["sub"]
    assert _names(folder, shellcon.SHCONTF_NONFOLDERS) == ["a.txt", "B.TXT"]
    hidden = shellcon.SHCONTF_NONFOLDERS | shellcon.SHCONTF_INCLUDEHIDDEN
    assert _names(folder, hidden) == [".hid", "a.txt", "B.TXT"]


def test_display_names_in_each_form(place: Path) -> None:
    folder = _bind(place)
    item = folder.ParseDisplayName(0, None, "a.txt", 0)[1]  # type: ignore[attr-defined]
    name = folder.GetDisplayNameOf  # type: ignore[attr-defined]
    assert name(item, shellcon.SHGDN_NORMAL) == "a.txt"
    assert name(item, shellcon.SHGDN_INFOLDER) == "a.txt"
    assert name(item, shellcon.SHGDN_FORPARSING) == str(place / "a.txt")
    assert name(item, shellcon.SHGDN_FORPARSING | shellcon.SHGDN_INFOLDER) == "a.txt"
    desktop = shell.SHGetDesktopFolder()
    pidl = desktop.ParseDisplayName(0, None, str(place), 0)[1]
    assert desktop.GetDisplayNameOf(pidl + item, shellcon.SHGDN_NORMAL) == "a.txt"
    assert desktop.GetDisplayNameOf(pidl + item, shellcon.SHGDN_FORPARSING) == str(place / "a.txt")
    assert desktop.GetDisplayNameOf(pidl, shellcon.SHGDN_INFOLDER) == place.name


def test_attributes_are_those_every_item_has(place: Path) -> None:
    folder = _bind(place)
    file = folder.ParseDisplayName(0, None, "a.txt", 0)[1]  # type: ignore[attr-defined]
    sub = folder.ParseDisplayName(0, None, "sub", 0)[1]  # type: ignore[attr-defined]
    mask = shellcon.SFGAO_FOLDER | shellcon.SFGAO_FILESYSTEM
    assert folder.GetAttributesOf([file], mask) & mask == shellcon.SFGAO_FILESYSTEM  # type: ignore[attr-defined]
    assert folder.GetAttributesOf([sub], mask) & mask == mask  # type: ignore[attr-defined]
    everything = folder.GetAttributesOf([sub], shellcon.SFGAO_HASSUBFOLDER | mask)  # type: ignore[attr-defined]
    assert everything < 0  # pywin32 builds it signed: SFGAO_HASSUBFOLDER is the top bit


@wine_differs("Wine answers every attribute the last item has, not the requested common ones")
def test_attributes_are_only_those_requested_and_common(place: Path) -> None:
    folder = _bind(place)
    mask = shellcon.SFGAO_FOLDER | shellcon.SFGAO_FILESYSTEM
    both = [folder.ParseDisplayName(0, None, name, 0)[1] for name in ("a.txt", "sub")]  # type: ignore[attr-defined]
    assert folder.GetAttributesOf(both, mask) == shellcon.SFGAO_FILESYSTEM  # type: ignore[attr-defined]
    file = folder.ParseDisplayName(0, None, "a.txt", shellcon.SFGAO_FILESYSTEM)  # type: ignore[attr-defined]
    assert file[2] == shellcon.SFGAO_FILESYSTEM
    assert folder.GetAttributesOf([file[1]], shellcon.SFGAO_FOLDER) == 0  # type: ignore[attr-defined]


def test_compare_ids_puts_folders_first_then_names_without_case(place: Path) -> None:
    folder = _bind(place)
    parse = folder.ParseDisplayName  # type: ignore[attr-defined]
    a, b, sub = (parse(0, None, name, 0)[1] for name in ("a.txt", "B.TXT", "sub"))
    compare = folder.CompareIDs  # type: ignore[attr-defined]
    assert (compare(0, a, b), compare(0, b, a), compare(0, a, a)) == (-1, 1, 0)
    assert (compare(0, sub, a), compare(0, a, sub)) == (-1, 1)


def test_errors_are_windows_hresults(place: Path) -> None:
    desktop = shell.SHGetDesktopFolder()
    folder = _bind(place)
    parse = folder.ParseDisplayName  # type: ignore[attr-defined]
    assert _hresult(lambda: parse(0, None, "nope.txt", 0)) == FILE_NOT_FOUND
    assert _hresult(lambda: parse(0, None, "", 0)) == E_INVALIDARG
    missing = str(place / "nope")
    assert _hresult(lambda: desktop.ParseDisplayName(0, None, missing, 0)) == FILE_NOT_FOUND
    assert _hresult(lambda: shell.SHParseDisplayName(missing, 0)) == FILE_NOT_FOUND
    file = parse(0, None, "a.txt", 0)[1]
    bind = folder.BindToObject  # type: ignore[attr-defined]
    assert _hresult(lambda: bind(file, None, shell.IID_IShellFolder)) == FILE_NOT_FOUND
    sub = parse(0, None, "sub", 0)[1]
    assert _hresult(lambda: bind(sub, None, pythoncom.IID_IDispatch)) == E_NOINTERFACE
    with pytest.raises(TypeError):
        folder.GetDisplayNameOf("a.txt", 0)  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        folder.GetDisplayNameOf(["a.txt"], 0)  # type: ignore[attr-defined]


def test_an_enumerator_hands_out_lists_in_steps(place: Path) -> None:
    found = _bind(place).EnumObjects(0, shellcon.SHCONTF_NONFOLDERS)  # type: ignore[attr-defined]
    assert found.Next(0) == []
    first = found.Next(2)
    assert len(first) == 2
    assert all(isinstance(pidl, list) and len(pidl) == 1 for pidl in first)
    assert found.Next() == []
    found.Reset()
    assert found.Next(10) == first


@wine_differs("Wine's enumerators implement neither Skip nor Clone (E_NOTIMPL)")
def test_an_enumerator_skips_and_clones(place: Path) -> None:
    found = _bind(place).EnumObjects(0, shellcon.SHCONTF_NONFOLDERS)  # type: ignore[attr-defined]
    found.Skip(1)
    copy = found.Clone()
    assert len(found.Next(10)) == 1
    assert len(copy.Next(10)) == 1
    found.Skip(5)  # not past the end
    assert found.Next(1) == []


def test_a_path_and_an_object_give_their_item_id_lists(place: Path) -> None:
    pidl, attributes = shell.SHILCreateFromPath(str(place), shellcon.SFGAO_FOLDER)
    assert attributes & shellcon.SFGAO_FOLDER
    assert shell.SHGetPathFromIDListW(pidl) == str(place)
    parsed, _ = shell.SHParseDisplayName(str(place / "a.txt"), 0)
    assert shell.SHGetPathFromIDListW(parsed) == str(place / "a.txt")
    assert shell.SHGetIDListFromObject(shell.SHGetDesktopFolder()) == []
    assert shell.SHGetPathFromIDListW(shell.SHGetIDListFromObject(_bind(place))) == str(place)
    sub = _bind(place / "sub")
    assert shell.SHGetPathFromIDListW(shell.SHGetIDListFromObject(sub)) == str(place / "sub")


def test_my_computer_holds_the_drives_and_parses_by_clsid() -> None:
    desktop = shell.SHGetDesktopFolder()
    _eaten, pidl, _ = desktop.ParseDisplayName(0, None, MY_COMPUTER, 0)
    assert len(pidl) == 1
    assert desktop.GetDisplayNameOf(pidl, shellcon.SHGDN_FORPARSING) == MY_COMPUTER
    computer = desktop.BindToObject(pidl, None, shell.IID_IShellFolder)
    drives = [computer.GetDisplayNameOf(i, shellcon.SHGDN_FORPARSING) for i in computer]
    root = os.path.abspath(os.sep)  # C:\ there, / here
    assert root in drives


def test_my_computers_location_is_its_item() -> None:
    pidl = shell.SHGetFolderLocation(0, shellcon.CSIDL_DRIVES)
    assert pidl == shell.SHGetSpecialFolderLocation(0, shellcon.CSIDL_DRIVES)
    desktop = shell.SHGetDesktopFolder()
    assert pidl == desktop.ParseDisplayName(0, None, MY_COMPUTER, 0)[1]
    assert desktop.GetDisplayNameOf(pidl, shellcon.SHGDN_FORPARSING) == MY_COMPUTER
