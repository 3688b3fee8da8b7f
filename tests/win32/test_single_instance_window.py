"""examples/single_instance_window.py end to end: later copies hand their arguments over.

Each copy runs as users run it, ``python -m apartment run examples/...``, in a real process of
this test session's runtime directory; the first copy's output tells what it was handed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROGRAM = str(Path(__file__).resolve().parents[2] / "examples" / "single_instance_window.py")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "apartment", "run", PROGRAM, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_later_copies_hand_their_arguments_to_the_first_and_exit() -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", PROGRAM, "first"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert "The first copy (arguments ['first'])" in first.stdout.readline()
        second = _run("hello", "wide world", "é")
        assert second.returncode == 0, second.stderr
        assert "to the running copy; this one exits" in second.stdout
        assert first.stdout.readline().strip() == "Handed over: ['hello', 'wide world', 'é']"
        empty = _run()
        assert empty.returncode == 0, empty.stderr
        assert first.stdout.readline().strip() == "Handed over: []"
        quit_copy = _run("--quit")
        assert quit_copy.returncode == 0, quit_copy.stdout + quit_copy.stderr
    finally:
        if first.poll() is None and "quit_copy" not in locals():
            first.kill()
        out, _ = first.communicate(timeout=60)
    assert first.returncode == 0
    assert out.splitlines() == ["Handed over: ['--quit']", "Done."]
