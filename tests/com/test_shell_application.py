"""Shell.Application through the core: what maps to Linux, and what has no window here.

The rules shared with Windows are pinned in tests/contract/test_shell_application.py; here:
the ssf numbers, My Computer's one drive, hidden items, items by name, renaming, FolderItems
as CopyHere's argument, BrowseForFolder's cancel and ShellExecute's program.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import E_INVALIDARG, E_NOTIMPL, ComError

from ._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for name in ("Desktop", "Documents"):
        (home / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DESKTOP_DIR", "XDG_DOCUMENTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


@pytest.fixture
def place(tmp_path: Path) -> Path:
    folder = tmp_path / "place"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("hello")
    (folder / ".hidden").write_text("h")
    return folder


def _shell() -> Any:
    return com.DispatchClient(com.create_object("Shell.Application"))


def test_the_class_is_registered_by_progid_and_clsid() -> None:
    def body() -> tuple[str, str]:
        by_clsid = com.DispatchClient(com.create_object("{13709620-C279-11CE-A49E-444553540000}"))
        return by_clsid.Namespace(0).Title, _shell().Namespace(0).Title

    assert in_apartment(body) == ("Desktop", "Desktop")


def test_ssf_numbers_name_the_desktop_my_computer_and_the_csidls(home: Path) -> None:
    def body() -> tuple[str, str, list[str], str, object]:
        shell = _shell()
        computer = shell.Namespace(17)  # ssfDRIVES
        return (
            shell.Namespace(0).Self.Path,
            computer.Title,
            [item.Path for item in computer.Items()],
            shell.Namespace(5).Self.Path,  # ssfPERSONAL
            shell.Namespace(0x3F),  # no such folder
        )

    desktop, computer, drives, documents, nothing = in_apartment(body)
    assert desktop == str(home / "Desktop")
    assert (computer, drives) == ("This PC", ["/"])
    assert documents == str(home / "Documents")
    assert nothing is None


def test_items_leave_hidden_ones_out_and_answer_by_name(place: Path, home: Path) -> None:
    def body() -> tuple[list[str], str, str, object]:
        items = _shell().Namespace(str(place)).Items()
        return (
            [item.Name for item in items],
            items.Item("A.TXT").Path,
            items.Item().Path,  # no index: the folder itself
            items.Item("nope"),
        )

    names, by_name, itself, nothing = in_apartment(body)
    assert names == ["sub", "a.txt"]
    assert by_name == str(place / "a.txt")
    assert itself == str(place)
    assert nothing is None


def test_an_item_renames_and_a_file_has_no_folder(place: Path, home: Path) -> None:
    def body() -> int:
        item = _shell().Namespace(str(place)).ParseName("a.txt")
        item.Name = "renamed.txt"
        assert item.Path == str(place / "renamed.txt")
        with pytest.raises(ComError) as caught:
            _ = item.GetFolder
        assert caught.value.excepinfo is not None
        scode: int = caught.value.excepinfo[5]
        return scode

    assert in_apartment(body) == E_INVALIDARG
    assert (place / "renamed.txt").read_text() == "hello"


def test_described_members_it_lacks_answer_e_notimpl(place: Path, home: Path) -> None:
    """The library's members with no code here (GetLink, Verbs, Synchronize...) are E_NOTIMPL,
    gets, puts and calls alike, by the library's DISPIDs (Verbs is FolderItems3's DISPID 0)."""

    def scode(call: Any) -> int:
        with pytest.raises(ComError) as caught:
            call()
        assert caught.value.excepinfo is not None
        return int(caught.value.excepinfo[5])

    def body() -> list[int]:
        folder = _shell().Namespace(str(place))
        item = folder.ParseName("a.txt")
        items = folder.Items()
        pointer = items._pointer  # the raw IDispatch, to call by DISPID
        barricade = folder._pointer  # Folder3's ShowWebViewBarricade is DISPID 2
        return [
            scode(lambda: item.GetLink),
            scode(lambda: folder.Synchronize()),
            scode(lambda: items.Verbs),
            scode(lambda: pointer.invoke(0, com.DISPATCH_PROPERTYGET)),
            scode(lambda: barricade.invoke(2, com.DISPATCH_PROPERTYPUT, True)),
        ]

    assert in_apartment(body) == [E_NOTIMPL] * 5


def test_copy_here_takes_folder_items(place: Path, tmp_path: Path, home: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()

    def body() -> None:
        shell = _shell()
        shell.Namespace(str(target)).CopyHere(shell.Namespace(str(place)).Items(), 16)

    in_apartment(body)
    assert sorted(os.listdir(target)) == ["a.txt", "sub"]


def test_browse_for_folder_answers_nothing_as_when_cancelled(home: Path) -> None:
    assert in_apartment(lambda: _shell().BrowseForFolder(0, "Pick a folder", 0, 0)) is None


def test_shell_execute_starts_a_python_script(tmp_path: Path, home: Path) -> None:
    fifo = tmp_path / "done"
    os.mkfifo(fifo)
    script = tmp_path / "child.py"
    script.write_text(f"import sys\nopen({str(fifo)!r}, 'w').write(' '.join(sys.argv[1:]))\n")
    in_apartment(lambda: _shell().ShellExecute(str(script), "one two", str(tmp_path), "open", 0))
    with open(fifo) as reader:  # blocks until the child opens it: the child ran
        assert reader.read() == "one two"


def test_a_script_started_by_shell_execute_gets_the_facade(tmp_path: Path) -> None:
    fifo = tmp_path / "done"
    os.mkfifo(fifo)
    child = tmp_path / "child.py"
    child.write_text(f"import win32api\nopen({str(fifo)!r}, 'w').write('pywin32 names')\n")
    parent = tmp_path / "parent.py"
    parent.write_text(
        "import win32com.client\n"
        "shell = win32com.client.Dispatch('Shell.Application')\n"
        f"shell.ShellExecute({str(child)!r}, '', {str(tmp_path)!r}, 'open', 1)\n"
        f"print(open({str(fifo)!r}).read())\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(parent)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert (done.stdout, done.returncode) == ("pywin32 names\n", 0), done.stderr
