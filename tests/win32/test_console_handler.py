"""SetConsoleCtrlHandler in a program run as users run it, stopped with the terminal's Ctrl+C.

The child is ``python -m apartment run`` of a small program; the test sends it SIGINT, as a
terminal does on Ctrl+C, once it has registered its handler.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

PROGRAM = """\
import sys
import win32api, win32con, win32event

done = win32event.CreateEvent(None, True, False, None)

def handler(event):
    print("handler", event, event == win32con.CTRL_C_EVENT, flush=True)
    if RESULT == "exit":
        sys.exit(3)
    if RESULT:
        win32event.SetEvent(done)
    return RESULT

win32api.SetConsoleCtrlHandler(handler, True)
print("ready", flush=True)
win32event.WaitForSingleObject(done, 20000)
print("main still running", flush=True)
"""


def _interrupted(tmp_path: Path, result: str) -> tuple[int, str, str]:
    script = tmp_path / "program.py"
    script.write_text(f"RESULT = {result}\n" + textwrap.dedent(PROGRAM))
    child = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    return child.returncode, "ready\n" + out, err


def test_a_handler_that_returns_true_keeps_the_program_running(tmp_path: Path) -> None:
    code, out, err = _interrupted(tmp_path, "True")
    assert code == 0, err
    assert out == "ready\nhandler 0 True\nmain still running\n"


def test_a_handler_that_returns_false_lets_keyboardinterrupt_through(tmp_path: Path) -> None:
    code, out, err = _interrupted(tmp_path, "False")
    assert code != 0
    assert "handler 0 True" in out
    assert "main still running" not in out
    assert "KeyboardInterrupt" in err


def test_sys_exit_in_a_handler_ends_the_program_with_its_code(tmp_path: Path) -> None:
    code, out, err = _interrupted(tmp_path, '"exit"')
    assert code == 3, err
    assert "main still running" not in out
