"""win32console in a program whose standard streams are a terminal (a pty here).

Such a process has a console from the start: its window exists, its standard output is the
console's screen buffer, and what it writes there reaches the terminal in its colours.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

PROGRAM = """
import win32con, win32console, win32gui
hwnd = win32console.GetConsoleWindow()
assert hwnd and win32gui.IsWindowVisible(hwnd)
win32gui.ShowWindow(hwnd, win32con.SW_HIDE)
assert not win32gui.IsWindowVisible(hwnd)
out = win32console.GetStdHandle(win32console.STD_OUTPUT_HANDLE)
width = out.GetConsoleScreenBufferInfo()["Size"].X
out.SetConsoleTextAttribute(win32console.FOREGROUND_RED | win32console.FOREGROUND_INTENSITY)
out.WriteConsole("red")
out.SetConsoleTextAttribute(7)
out.WriteConsole(f" width={width}|")
win32console.SetConsoleTitle("pty title")
typed = win32console.GetStdHandle(win32console.STD_INPUT_HANDLE).ReadConsole(50)
out.WriteConsole(f"read {typed!r}|")
"""


@pytest.mark.timeout(60)
def test_a_terminal_is_the_console(tmp_path: Path) -> None:
    script = tmp_path / "program.py"
    script.write_text(PROGRAM)
    master, slave = pty.openpty()
    os.set_blocking(master, True)
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        child = subprocess.Popen(
            [sys.executable, "-m", "apartment", "run", str(script)],
            stdin=slave, stdout=slave, stderr=slave,
            env={**os.environ, "APARTMENT_REGISTRY": str(tmp_path / "r.sqlite3")},
        )  # fmt: skip
        os.close(slave)
        os.write(master, b"typed\n")  # a line typed at the terminal, for ReadConsole
        output = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        assert child.wait(30) == 0, output
    finally:
        os.close(master)
    assert b"\x1b[0;91;40mred\x1b[0m width=100|" in output
    assert b"\x1b]0;pty title\x07" in output
    assert b"read 'typed\\r\\n'|" in output
