"""The shell's rules (ShellExecute's numbers, associations, the desktop's opener), shutting
down refused, profile files, the DLL directory, the thread's locale."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_PRIVILEGE_NOT_HELD,
    InvalidParameterError,
    Win32Error,
)
from apartment.kernel import start_thread

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def opener() -> Iterator[list[str]]:
    """A desktop opener that records the file instead of opening it (``true`` runs)."""
    opened: list[str] = []

    def find() -> list[str]:
        opened.append("asked")
        return ["true"]

    kernel.set_desktop_opener(find)
    yield opened
    kernel.set_desktop_opener(None)


def test_a_document_opens_with_the_desktop_opener(tmp_path: Path, opener: list[str]) -> None:
    document = tmp_path / "notes.txt"
    document.write_text("x")
    assert kernel.shell_execute(str(document)) > 32
    assert opener == ["asked"]
    assert kernel.find_executable(str(document))[0] > 32
    assert kernel.shell_execute(str(document), verb="print") == kernel.SE_ERR_NOASSOC


def test_without_an_opener_a_document_has_no_association(tmp_path: Path) -> None:
    kernel.set_desktop_opener(lambda: None)
    try:
        document = tmp_path / "notes.txt"
        document.write_text("x")
        assert kernel.shell_execute(str(document)) == kernel.SE_ERR_NOASSOC
        assert kernel.find_executable(str(document)) == (kernel.SE_ERR_NOASSOC, "")
        assert kernel.shell_execute(str(tmp_path / "none.txt")) == kernel.SE_ERR_FNF
    finally:
        kernel.set_desktop_opener(None)


def test_a_python_script_runs_with_this_interpreter(tmp_path: Path) -> None:
    script = tmp_path / "hello.py"
    marker = tmp_path / "ran"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    assert kernel.find_executable(str(script)) == (42, sys.executable)
    assert kernel.shell_execute("hello.py", directory=str(tmp_path)) > 32
    for _ in range(500):  # the child runs on its own: look until it has, for up to 10 s
        if marker.exists():
            break
        kernel.Event().wait(0.02)
    assert marker.exists()


def test_a_program_runs_in_the_directory_given(tmp_path: Path) -> None:
    marker = tmp_path / "here"
    code = "open('here', 'w').close()"
    assert (
        kernel.shell_execute(sys.executable, parameters=f'-c "{code}"', directory=str(tmp_path))
        > 32
    )
    for _ in range(500):
        if marker.exists():
            break
        kernel.Event().wait(0.02)
    assert marker.exists()
    assert kernel.shell_execute(sys.executable, verb="edit") == kernel.SE_ERR_NOASSOC


def test_shell_execute_takes_strings() -> None:
    with pytest.raises(TypeError):
        kernel.shell_execute(5)  # type: ignore[arg-type]


def test_shutting_down_is_refused_with_or_without_the_privilege() -> None:
    with pytest.raises(Win32Error) as caught:
        kernel.shut_down()
    assert caught.value.winerror == ERROR_PRIVILEGE_NOT_HELD
    with pytest.raises(Win32Error) as caught:
        kernel.abort_shutdown()
    assert caught.value.winerror == ERROR_PRIVILEGE_NOT_HELD


def test_profile_files_follow_windows_rules(tmp_path: Path) -> None:
    ini = str(tmp_path / "app.ini")
    (tmp_path / "app.ini").write_text('[Main]\n  Name = "quoted value"  \n[Other]\nx=1\n')
    assert kernel.profile_value("main", "NAME", "", ini) == "quoted value"
    kernel.write_profile_value("Other", "y", "2", ini)
    kernel.write_profile_value("New", "z", "3", ini)
    assert kernel.profile_section("other", ini) == ["x=1", "y=2"]
    assert kernel.profile_value("new", "z", "", ini) == "3"
    kernel.write_profile_section("main", ["a=1"], ini)
    assert kernel.profile_section("Main", ini) == ["a=1"]
    kernel.write_profile_value("nosuch", "k", None, ini)  # deleting from nothing: nothing
    assert "nosuch" not in (tmp_path / "app.ini").read_text()


def test_a_bare_profile_name_is_in_the_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert kernel.profile_path() == str(tmp_path / "apartment" / "win.ini")
    kernel.write_profile_value("windows", "load", "", "win.ini")
    assert (tmp_path / "apartment" / "win.ini").read_text() == "[windows]\nload=\n"


def test_the_dll_directory_is_searched_first(tmp_path: Path) -> None:
    kernel.set_dll_directory(str(tmp_path))
    try:
        assert kernel.dll_directory() == str(tmp_path)
        with pytest.raises(Win32Error):
            kernel.load_library("no-such-library-here")
    finally:
        kernel.set_dll_directory(None)
    assert kernel.dll_directory() == ""


def test_the_locale_is_per_thread() -> None:
    kernel.set_thread_locale(0x0407)
    try:
        box: list[int] = []
        assert start_thread(lambda: box.append(kernel.thread_locale())).wait(10)
        assert box == [0x0409]
        assert kernel.thread_locale() == 0x0407
    finally:
        kernel.set_thread_locale(0x0400)  # LOCALE_USER_DEFAULT: the user's
    assert kernel.thread_locale() == 0x0409
    for bad in (0x12345, 0, 0x100409):
        with pytest.raises(InvalidParameterError):
            kernel.set_thread_locale(bad)
