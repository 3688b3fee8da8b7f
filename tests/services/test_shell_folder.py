"""The shell namespace's core: item ID lists of paths, the desktop's items, the folders' rules."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from apartment import com, kernel, messages, services
from apartment.errors import E_INVALIDARG, ComError
from apartment.services import _pidls

if TYPE_CHECKING:
    from pathlib import Path

FILE_NOT_FOUND = -2147024894
SFGAO_READONLY = 0x40000
SFGAO_HIDDEN = 0x80000
SFGAO_FOLDER = 0x20000000
ALL = 0x20 | 0x40 | 0x80


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DESKTOP_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def _names(folder: services.ShellFolderPointer, flags: int = ALL) -> list[str]:
    return [folder.get_display_name_of(i, 0) for i in folder.enum_objects(flags).next(100)]


def test_a_paths_list_is_my_computer_the_drive_and_a_tagged_name_per_part(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("x")
    items = services.path_id_list(str(tmp_path / "f.txt"))
    assert items[:2] == [_pidls.MY_COMPUTER, b"#/"]
    assert items[-1] == b"2f.txt"  # a file's item
    assert all(item.startswith(b"1") for item in items[2:-1])  # folders'
    assert services.id_list_path(items) == str(tmp_path / "f.txt")
    assert services.id_list_path(items[1:]) == str(tmp_path / "f.txt")  # the older form


def test_my_computer_alone_names_no_path() -> None:
    with pytest.raises(ComError) as caught:
        services.id_list_path([_pidls.MY_COMPUTER])
    assert caught.value.hresult == E_INVALIDARG


def test_the_desktop_holds_my_computer_then_the_desktop_folders_items(home: Path) -> None:
    (home / "Desktop" / "note.txt").write_text("x")
    with com.sta():
        desktop = services.desktop_folder()
        assert _names(desktop) == ["This PC", "note.txt"]
        item = desktop.enum_objects(ALL).next(2)[1]
        assert item == [b"2note.txt"]  # one level: a desktop item
        assert services.id_list_path(item) == str(home / "Desktop" / "note.txt")
        assert desktop.parse_display_name("note.txt")[1] == item
        absolute = desktop.parse_display_name(str(home / "Desktop" / "note.txt"))[1]
        assert absolute[:2] == [_pidls.MY_COMPUTER, b"#/"]  # a path goes through the drive


def test_a_dot_name_is_hidden_and_a_read_only_file_says_so(tmp_path: Path, home: Path) -> None:
    (tmp_path / ".secret").write_text("x")
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0o444)
    with com.sta():
        desktop = services.desktop_folder()
        folder = desktop.bind_to_object(desktop.parse_display_name(str(tmp_path))[1])
        assert ".secret" not in _names(folder, 0x40)
        hidden = folder.parse_display_name(".secret")[1]
        assert folder.get_attributes_of([hidden], SFGAO_HIDDEN) == SFGAO_HIDDEN
        read_only = folder.parse_display_name("locked.txt")[1]
        expected = 0 if os.geteuid() == 0 else SFGAO_READONLY  # root writes anything
        assert folder.get_attributes_of([read_only], SFGAO_READONLY | SFGAO_FOLDER) == expected


def test_a_name_may_not_leave_its_folder(tmp_path: Path, home: Path) -> None:
    (tmp_path / "inner").mkdir()
    with com.sta():
        desktop = services.desktop_folder()
        folder = desktop.bind_to_object(desktop.parse_display_name(str(tmp_path / "inner"))[1])
        with pytest.raises(ComError) as caught:
            folder.parse_display_name("../inner")
        assert caught.value.hresult == E_INVALIDARG
        with pytest.raises(ComError) as missing:
            folder.parse_display_name("gone")
        assert missing.value.hresult == FILE_NOT_FOUND


def test_a_folder_reads_the_file_system_at_each_call(tmp_path: Path, home: Path) -> None:
    tmp_path = tmp_path / "empty"
    tmp_path.mkdir()
    with com.sta():
        desktop = services.desktop_folder()
        folder = desktop.bind_to_object(desktop.parse_display_name(str(tmp_path))[1])
        before = folder.enum_objects(ALL)
        (tmp_path / "late.txt").write_text("x")
        assert before.next(10) == []  # an enumerator is a snapshot
        assert _names(folder) == ["late.txt"]
        assert folder.get_cur_folder() == services.path_id_list(str(tmp_path))


def test_a_folder_marshaled_to_another_apartment_answers_there(tmp_path: Path, home: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    box: list[object] = []

    def other() -> None:
        try:
            with com.mta():
                folder = token.unmarshal()  # a proxy: its calls run in the STA below
                assert isinstance(folder, services.ShellFolderPointer)
                items = folder.enum_objects(ALL).next(10)
                box.append([folder.get_display_name_of(item, 0) for item in items])
        except Exception as error:  # the assertion below shows it
            box.append(error)
        finally:
            done.set()

    with com.sta():
        desktop = services.desktop_folder()
        folder = desktop.bind_to_object(desktop.parse_display_name(str(tmp_path))[1])
        token = com.marshal(folder)
        done = kernel.Event(manual_reset=True)
        thread = kernel.start_thread(other)
        while not done.is_set():  # the calls run here: pump them
            messages.msg_wait_any([done], 10)
            messages.pump_waiting_messages()
        assert thread.wait(10)
    assert box == [["home", "x.txt"]]
