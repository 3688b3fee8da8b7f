"""Command lines split and joined by Windows' rules (CommandLineToArgv, CreateProcess).

The expected lists are what the real pywin32 gives under Wine (CommandLineToArgvW).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest
import win32api
import win32con
import win32event
import win32process

if TYPE_CHECKING:
    from pathlib import Path


CASES = [
    ('prog "abc" d e', ["prog", "abc", "d", "e"]),
    ('prog a\\\\\\b d"e f"g h', ["prog", "a\\\\\\b", "de fg", "h"]),
    ('prog a\\\\\\"b c d', ["prog", 'a\\"b', "c", "d"]),
    ('prog a\\\\\\\\"b c" d e', ["prog", "a\\\\b c", "d", "e"]),
    ('prog a"b"" c d', ["prog", 'ab"', "c", "d"]),
    ('"C:\\Program Files\\x.exe" a', ["C:\\Program Files\\x.exe", "a"]),
    ('"a"b c', ["a", "b", "c"]),
    ("  lead", ["", "lead"]),
    ('prog """a b"""', ["prog", '"a', 'b"']),
    ('prog ""', ["prog", ""]),
    ('prog "" x', ["prog", "", "x"]),
    ("prog a\\", ["prog", "a\\"]),
    ('prog "a\\\\" b', ["prog", "a\\", "b"]),
    ("prog \t x", ["prog", "x"]),
    ('p a\\"b', ["p", 'a"b']),
    ("p a\\\\b", ["p", "a\\\\b"]),
    ('p "a ""b"" c"', ["p", 'a "b', "c"]),
    ('"C:\\x y\\p.exe"rest', ["C:\\x y\\p.exe", "rest"]),
    ('"unclosed program', ["unclosed program"]),
    ('p "unclosed arg', ["p", "unclosed arg"]),
]


@pytest.mark.parametrize(("line", "expected"), CASES, ids=[line for line, _ in CASES])
def test_a_command_line_splits_by_windows_rules(line: str, expected: list[str]) -> None:
    assert win32api.CommandLineToArgv(line) == expected


def test_an_empty_command_line_is_the_program_alone() -> None:
    assert len(win32api.CommandLineToArgv("")) == 1


@pytest.mark.parametrize("bad", [None, 5, b"x"], ids=["None", "int", "bytes"])
def test_a_command_line_is_a_str(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        win32api.CommandLineToArgv(bad)


def test_a_child_gets_the_arguments_windows_rules_give(tmp_path: Path) -> None:
    """CreateProcess's command line reaches the child split as Windows splits it.

    And the child's GetCommandLine splits back to the same arguments.
    """
    out = str(tmp_path / "argv.txt")
    script = (
        "import sys, win32api; "
        "line = win32api.CommandLineToArgv(win32api.GetCommandLine()); "
        "open(sys.argv[1], 'w', encoding='utf-8').write(repr((sys.argv[2:], line[-3:])))"
    )
    line = f'"{sys.executable}" -c "{script}" "{out}" a\\b "c d" e\\"f'
    process, thread, _, _ = win32process.CreateProcess(
        None, line, None, None, False, win32con.CREATE_NO_WINDOW, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, 30_000) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 0
    finally:
        win32api.CloseHandle(thread)
        win32api.CloseHandle(process)
    with open(out, encoding="utf-8") as written:
        expected = ["a\\b", "c d", 'e"f']
        assert written.read() == repr((expected, expected))
