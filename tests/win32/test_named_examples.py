"""The end-to-end programs of issue 12 in examples/: a single-instance program and a counter.

Both run as users run them, ``python -m apartment run examples/...``, in real processes of
this test session's runtime directory.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "apartment", "run", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_second_copy_steps_aside_until_the_first_dies() -> None:
    program = str(EXAMPLES / "single_instance.py")
    first = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", program, "60"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert "The only copy" in first.stdout.readline()
        second = _run(program, "60")
        assert second.returncode == 1, second.stderr
        assert "Another copy is running" in second.stdout
    finally:
        first.kill()  # not a clean end: the name must still go with the process
        first.communicate(timeout=60)
    third = _run(program, "0")
    assert third.returncode == 0, third.stderr
    assert "The only copy" in third.stdout


def test_a_running_copy_can_be_stopped() -> None:
    program = str(EXAMPLES / "single_instance.py")
    first = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", program, "60"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert first.stdout is not None
    assert "The only copy" in first.stdout.readline()
    assert _run(program, "--stop").returncode == 0
    first.communicate(timeout=60)
    assert first.returncode == 0


def test_eight_processes_increment_a_counter_a_thousand_times_each_and_lose_nothing() -> None:
    done = _run(str(EXAMPLES / "counter.py"), "8", "1000")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the counter reads 8000" in done.stdout
