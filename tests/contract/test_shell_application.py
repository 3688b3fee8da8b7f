"""Shell.Application: Namespace's folders, their items, and the shell's commands, by script.

Wine's shell32 implements the namespace's reading half (NameSpace, Title, Items' Count and
Item, ParseName's Name and Path, Self) and little else (E_NOTIMPL): the rest is pinned to
Windows' documented behaviour and marked where Wine lacks it. ``NameSpace`` is the type
library's spelling, which a makepy module (gencache) needs; late binding takes any case.

The objects answer GetTypeInfo from shell32's library (Shell32 1.0: IShellDispatch6, Folder3,
FolderItems3, FolderItem2) and call by its DISPIDs; gencache.EnsureDispatch generates its
classes. Those tests make their modules in a gen_py folder of their own (both sides keep an
index of generated modules, which would make every later Dispatch give the generated classes).
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING

import pytest
import pythoncom
import win32com
import win32com.client
from win32com.client import gencache

from ._generated import private_gen_py
from ._shell_places import make_place, own_home
from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

_NOT_IN_WINE = "Wine's shell32 does not implement it (E_NOTIMPL)"
SHELL32 = "{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}"
GENERATED = "win32com.gen_py.50A7E9B0-70EF-11D1-B75A-00A0C90564FEx0x1x0"
TKIND_DISPATCH = 4
E_NOTIMPL = -2147467263
DISP_E_EXCEPTION = -2147352567


@pytest.fixture(autouse=True)
def _own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_home(tmp_path, monkeypatch)


@pytest.fixture
def shell() -> object:
    return win32com.client.Dispatch("Shell.Application")


@pytest.fixture
def place(tmp_path: Path) -> Path:
    return make_place(tmp_path)


def test_namespace_gives_a_folder_with_its_title(shell: object, place: Path) -> None:
    folder = shell.NameSpace(str(place))  # type: ignore[attr-defined]
    assert folder.Title == "place"
    assert folder.Self.Path == str(place)
    assert folder.Self.Name == "place"
    assert shell.NameSpace(0).Title == "Desktop"  # type: ignore[attr-defined]  # ssfDESKTOP


def test_a_folder_that_is_not_there_is_nothing(shell: object, place: Path) -> None:
    assert shell.NameSpace(str(place / "nope")) is None  # type: ignore[attr-defined]
    assert shell.NameSpace(str(place)).ParseName("nope.txt") is None  # type: ignore[attr-defined]


def test_items_count_and_index_folders_first(shell: object, place: Path) -> None:
    items = shell.NameSpace(str(place)).Items()  # type: ignore[attr-defined]
    assert items.Count == 3
    assert len(items) == 3
    assert [items.Item(i).Name for i in range(items.Count)] == ["sub", "a.txt", "B.TXT"]
    assert items[0].Name == "sub"
    assert items.Item(99) is None  # past the end: Nothing


@wine_differs(_NOT_IN_WINE)
def test_items_iterate(shell: object, place: Path) -> None:
    items = shell.NameSpace(str(place)).Items()  # type: ignore[attr-defined]
    assert [item.Name for item in items] == ["sub", "a.txt", "B.TXT"]


def test_parse_name_gives_the_item(shell: object, place: Path) -> None:
    item = shell.NameSpace(str(place)).ParseName("a.txt")  # type: ignore[attr-defined]
    assert (item.Name, item.Path) == ("a.txt", str(place / "a.txt"))
    assert item.IsFolder is False
    assert item.IsFileSystem is True
    assert item.IsLink is False
    assert str(item) == "a.txt"  # the default member is the name
    assert shell.NameSpace(str(place)).ParseName("sub").IsFolder is True  # type: ignore[attr-defined]


@wine_differs(_NOT_IN_WINE)
def test_an_items_size_date_type_and_folder(shell: object, place: Path) -> None:
    folder = shell.NameSpace(str(place))  # type: ignore[attr-defined]
    item = folder.ParseName("a.txt")
    assert item.Size == 5
    assert isinstance(item.ModifyDate, datetime.datetime)
    assert isinstance(item.Type, str)
    assert item.Type
    sub = folder.ParseName("sub")
    assert sub.Size == 0
    assert sub.GetFolder.Title == "sub"
    assert folder.ParentFolder.Title == place.parent.name


@wine_differs(_NOT_IN_WINE)
def test_details_name_their_columns(shell: object, place: Path) -> None:
    folder = shell.NameSpace(str(place))  # type: ignore[attr-defined]
    assert folder.GetDetailsOf(None, 0) == "Name"
    item = folder.ParseName("a.txt")
    assert folder.GetDetailsOf(item, 0) == "a.txt"
    assert folder.GetDetailsOf(item, 1)  # the size, in words


@wine_differs(_NOT_IN_WINE)
def test_copy_here_and_move_here_take_paths_and_items(
    shell: object, place: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target"
    target.mkdir()
    destination = shell.NameSpace(str(target))  # type: ignore[attr-defined]
    quiet = 4 | 16  # FOF_SILENT | FOF_NOCONFIRMATION
    destination.CopyHere(str(place / "a.txt"), quiet)
    destination.CopyHere(shell.NameSpace(str(place)).ParseName("sub"), quiet)  # type: ignore[attr-defined]
    (place / "m.txt").write_text("m")
    destination.MoveHere(str(place / "m.txt"), quiet)
    assert sorted(os.listdir(target)) == ["a.txt", "m.txt", "sub"]
    assert (target / "a.txt").read_text() == "hello"
    assert not (place / "m.txt").exists()
    assert (place / "a.txt").exists()


@wine_differs(_NOT_IN_WINE)
def test_new_folder_makes_a_folder(shell: object, tmp_path: Path) -> None:
    folder = shell.NameSpace(str(tmp_path))  # type: ignore[attr-defined]
    folder.NewFolder("made")
    assert (tmp_path / "made").is_dir()
    assert folder.ParseName("made").IsFolder is True


@wine_differs(_NOT_IN_WINE)
def test_the_shell_has_no_windows_to_list_or_minimize(shell: object) -> None:
    windows = shell.Windows()  # type: ignore[attr-defined]
    assert windows.Count == 0
    assert list(windows) == []
    assert shell.MinimizeAll() is None  # type: ignore[attr-defined]


@pytest.fixture
def own_gen_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """makepy's modules go to a gen_py of this test's, and are forgotten when it ends."""
    with private_gen_py(tmp_path, monkeypatch):
        yield


def _type_name(obj: object) -> str:
    info = obj._oleobj_.GetTypeInfo()  # type: ignore[attr-defined]
    assert info.GetTypeAttr().typekind == TKIND_DISPATCH
    return str(info.GetDocumentation(-1)[0])


def test_the_objects_have_shell32s_type_information(shell: object, place: Path) -> None:
    folder = shell.NameSpace(str(place))  # type: ignore[attr-defined]
    items = folder.Items()
    assert _type_name(shell) == "IShellDispatch6"
    assert _type_name(folder) == "Folder3"
    assert _type_name(items) == "FolderItems3"
    assert _type_name(items.Item(0)) == "FolderItem2"
    info = shell._oleobj_.GetTypeInfo()  # type: ignore[attr-defined]
    library = info.GetContainingTypeLib()[0]
    assert library.GetDocumentation(-1)[0] == "Shell32"
    attr = library.GetLibAttr()
    assert (str(attr[0]), attr[3], attr[4]) == (SHELL32, 1, 0)
    assert shell._oleobj_.GetTypeInfoCount() == 1  # type: ignore[attr-defined]


def test_dispids_are_the_librarys_and_names_have_no_case(shell: object, place: Path) -> None:
    ids = shell._oleobj_.GetIDsOfNames  # type: ignore[attr-defined]
    assert ids("NameSpace") == ids("namespace") == ids("Namespace") == 0x60020002
    assert ids("ShellExecute") == 0x60030001  # IShellDispatch2's second member
    folder = shell.NameSpace(str(place))  # type: ignore[attr-defined]
    assert folder._oleobj_.GetIDsOfNames("Title") == 0  # its default member
    assert folder._oleobj_.GetIDsOfNames("Self") == 0x60030000
    assert folder.Items()._oleobj_.GetIDsOfNames("Count") == 0x60020000


def test_a_member_shell32_does_not_implement_answers_e_notimpl(shell: object) -> None:
    """Windows opens the Run dialog; Wine's shell32 and this one (no desktop) refuse."""
    with pytest.raises(pythoncom.com_error) as raised:
        shell.FileRun()  # type: ignore[attr-defined]
    assert raised.value.hresult == DISP_E_EXCEPTION
    assert raised.value.excepinfo[5] == E_NOTIMPL


@pytest.mark.usefixtures("own_gen_py")
def test_ensure_dispatch_gives_the_generated_shell_classes(place: Path) -> None:
    shell = gencache.EnsureDispatch("Shell.Application")
    # pywin32 makes a module per class for EnsureDispatch (bForDemand): IShellDispatch6.py in
    # the library's package; here the library's one module: the class and package are the same
    assert type(shell).__name__ == "IShellDispatch6"
    assert type(shell).__module__.startswith(GENERATED)
    assert str(shell.CLSID) == "{286E6F1B-7113-4355-9562-96B7E9D64C54}"
    folder = shell.NameSpace(str(place))
    assert type(folder).__name__ == "Folder"  # NameSpace is declared to give a Folder
    assert folder.Title == "place"
    items = folder.Items()
    assert type(items).__name__ == "FolderItems"
    assert items.Count == len(items) == 3
    first = items.Item(0)
    assert type(first).__name__ == "FolderItem"
    assert (first.Name, first.IsFolder) == ("sub", True)
    item = folder.ParseName("a.txt")
    assert (item.Name, item.Path, item.IsFolder) == ("a.txt", str(place / "a.txt"), False)
    assert shell.NameSpace(0).Title == "Desktop"
    again = win32com.client.Dispatch("Shell.Application")  # the generated class from now on
    assert type(again).__name__ == "IShellDispatch6"


@pytest.mark.usefixtures("own_gen_py")
def test_constants_have_shell32s_enumerations() -> None:
    gencache.EnsureDispatch("Shell.Application")
    constants = win32com.client.constants
    assert (constants.ssfDESKTOP, constants.ssfDRIVES, constants.ssfPROFILE) == (0, 17, 40)
    assert constants.ssfPROGRAMFILESx86 == 48
    assert constants.SFVVO_SHOWALLOBJECTS == 1
    assert constants.SFVVO_DESKTOPHTML == 512
