"""Shell.Application: Namespace's folders, their items, and the shell's commands, by script.

Wine's shell32 implements the namespace's reading half (NameSpace, Title, Items' Count and
Item, ParseName's Name and Path, Self) and little else (E_NOTIMPL): the rest is pinned to
Windows' documented behaviour and marked where Wine lacks it. ``NameSpace`` is the type
library's spelling, which a makepy module (gencache) needs; late binding takes any case.
"""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING

import pytest
import win32com.client

from ._shell_places import make_place, own_home
from ._wine import wine_differs

if TYPE_CHECKING:
    from pathlib import Path

_NOT_IN_WINE = "Wine's shell32 does not implement it (E_NOTIMPL)"


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
