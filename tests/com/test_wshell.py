"""WScript.Shell and WScript.Network through the core: what maps to Linux.

The rules shared with Windows are pinned in tests/contract/test_system_classes.py; here:
programs (Run, Exec and its pipes), the registry's value types, environments, shortcuts,
the special folders and the network object's names, as Linux answers them.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com
from apartment.errors import ComError

from ._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path

FILE_NOT_FOUND_HR = -2147024894  # 0x80070002
E_INVALIDARG = -2147024809
E_NOTIMPL = -2147467263


def _shell() -> Any:
    return com.DispatchClient(com.create_object("WScript.Shell"))


def _scode(call: Any, *args: Any) -> int:
    with pytest.raises(ComError) as caught:
        call(*args)
    assert caught.value.excepinfo is not None
    scode: int = caught.value.excepinfo[5]
    return scode


def test_run_waits_for_the_exit_code_and_a_missing_program_fails() -> None:
    def body() -> tuple[int, int, int]:
        shell = _shell()
        code = shell.Run(f'"{sys.executable}" -c "raise SystemExit(3)"', 0, True)
        return code, shell.Run("true", 0, False), _scode(shell.Run, "no-such-program-x", 0, True)

    assert in_apartment(body) == (3, 0, FILE_NOT_FOUND_HR)


def test_exec_pipes_status_and_exit_code() -> None:
    script = "import sys; print('hi'); print('err', file=sys.stderr); x = input(); "
    script += "print('got', x); sys.exit(4)"

    def body() -> tuple[Any, ...]:
        run = _shell().Exec(f'"{sys.executable}" -c "{script}"')
        run.StdIn.WriteLine("abc")
        first, err, rest = run.StdOut.ReadLine(), run.StdErr.ReadAll(), run.StdOut.ReadAll()
        at_end = run.StdOut.AtEndOfStream
        deadline = time.monotonic() + 30  # a safety net: the pipes closed, the program ends
        while run.Status == 0 and time.monotonic() < deadline:
            pass
        return first, err.strip(), rest.strip(), at_end, run.Status, run.ExitCode

    assert in_apartment(body) == ("hi", "err", "got abc", True, 1, 4)


def test_registry_values_by_type(tmp_path: Path) -> None:
    base = "HKCU\\Software\\ApartmentTests\\WshShell\\"

    def body() -> tuple[Any, ...]:
        shell = _shell()
        shell.RegWrite(base + "Text", "abc")
        shell.RegWrite(base + "Number", 5, "REG_DWORD")
        shell.RegWrite(base + "Bytes", 7, "REG_BINARY")
        shell.RegWrite(base + "Sub\\", "default")
        os.environ["APARTMENT_WSH_X"] = "ex"
        shell.RegWrite(base + "Expand", "%APARTMENT_WSH_X%!", "REG_EXPAND_SZ")
        names = ("Text", "Number", "Bytes", "Sub\\", "Expand")
        read = [shell.RegRead(base + name) for name in names]
        bad = _scode(shell.RegWrite, base + "Bad", 1, "REG_NOPE")
        shell.RegDelete(base + "Text")
        gone = _scode(shell.RegRead, base + "Text")
        shell.RegDelete(base + "Sub\\")
        return read, bad, gone, _scode(shell.RegRead, "HKXX\\Software\\x")

    read, bad, gone, root = in_apartment(body)
    assert read == ["abc", 5, (7, 0, 0, 0), "default", "ex!"]
    assert (bad, gone, root) == (E_INVALIDARG, FILE_NOT_FOUND_HR, FILE_NOT_FOUND_HR)


def test_environments_process_and_user() -> None:
    def body() -> tuple[Any, ...]:
        shell = _shell()
        process = com.DispatchClient(shell._pointer.invoke(200, 2, "Process"))
        os.environ["APARTMENT_WSH_ENV"] = "one"
        seen = process.Item("apartment_wsh_env")
        user = com.DispatchClient(shell._pointer.invoke(200, 2, "User"))
        user._pointer.invoke(0, 4, "APARTMENT_WSH_USER", "two")
        listed = [text for text in iter(user) if text.startswith("APARTMENT_WSH_USER=")]
        user.Remove("APARTMENT_WSH_USER")
        bad = _scode(shell._pointer.invoke, 200, 2, "Bogus")
        return (
            seen,
            process.Item("APARTMENT_NOT_THERE"),
            listed,
            user.Item("APARTMENT_WSH_USER"),
            bad,
        )

    assert in_apartment(body) == ("one", "", ["APARTMENT_WSH_USER=two"], "", E_INVALIDARG)


def test_expand_and_current_directory(tmp_path: Path) -> None:
    os.environ["APARTMENT_WSH_EXPAND"] = "v"
    old = os.getcwd()

    def body() -> tuple[str, str]:
        shell = _shell()
        text = shell.ExpandEnvironmentStrings("%apartment_wsh_expand%-%NOT_THERE_X%")
        shell.CurrentDirectory = str(tmp_path)
        return text, shell.CurrentDirectory

    try:
        assert in_apartment(body) == ("v-%NOT_THERE_X%", str(tmp_path))
    finally:
        os.chdir(old)


def test_special_folders_are_the_xdg_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DESKTOP_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)

    def body() -> tuple[Any, ...]:
        folders = _shell().SpecialFolders
        return folders("Desktop"), folders("Favorites"), folders("Nonsense"), folders.Count()

    assert in_apartment(body) == (str(tmp_path / "Desktop"), "", "", 16)


def test_shortcuts_round_trip(tmp_path: Path) -> None:
    def body() -> tuple[Any, ...]:
        shell = _shell()
        link = shell.CreateShortcut(str(tmp_path / "app.lnk"))
        link.TargetPath, link.Arguments, link.WindowStyle = "/usr/bin/app", "-v", 3
        link.Save()
        again = shell.CreateShortcut(str(tmp_path / "app.lnk"))
        url = shell.CreateShortcut(str(tmp_path / "docs.url"))
        url.TargetPath = "https://example.org/"
        url.Save()
        bad = _scode(shell.CreateShortcut, str(tmp_path / "x.txt"))
        return again.TargetPath, again.Arguments, again.WindowStyle, again.FullName, bad

    target, arguments, style, full, bad = in_apartment(body)
    assert (target, arguments, style, full, bad) == (
        "/usr/bin/app", "-v", 3, str(tmp_path / "app.lnk"), E_INVALIDARG,
    )  # fmt: skip
    text = (tmp_path / "docs.url").read_text()
    assert "[InternetShortcut]" in text and "URL = https://example.org/" in text


def test_popup_answers_the_default_button_and_keys_are_refused() -> None:
    def body() -> tuple[int, int]:
        shell = _shell()
        return shell.Popup("Proceed?", 0, "Title", 4), _scode(shell.SendKeys, "{ENTER}")

    assert in_apartment(body) == (6, E_NOTIMPL)  # IDYES, MB_YESNO's default


def test_network_names() -> None:
    from apartment.kernel._sysinfo import computer_name

    def body() -> tuple[Any, ...]:
        net = com.DispatchClient(com.create_object("WScript.Network"))
        return net.UserName, net.ComputerName, net.UserDomain, net.UserProfile

    assert in_apartment(body) == (
        getpass.getuser(), computer_name(), computer_name(), os.path.expanduser("~"),
    )  # fmt: skip
