"""The trace collector as pywin32 users run it: a reader process, and programs that print.

``python -m apartment run -m win32traceutil`` is ``python -m win32traceutil``: it prints what
every process of the session traces; ``import win32traceutil`` in a program run on the
facade sends its ``print`` output there. Both are real processes here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from apartment.kernel import TRACE_BUFFER_SIZE, TraceBuffer

if TYPE_CHECKING:
    from pathlib import Path


def _apartment(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _lines_until(process: subprocess.Popen[str], wanted: str) -> list[str]:
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        if wanted in line:
            return seen
    pytest.fail(f"the collector ended without {wanted!r}: {seen} {process.stderr}")


def test_the_collector_prints_what_another_program_prints(tmp_path: Path) -> None:
    collector = _apartment("-m", "win32traceutil")
    try:
        assert "Collecting Python Trace Output..." in _lines_until(collector, "Collecting")[-1]
        program = tmp_path / "server.py"
        program.write_text(
            "import sys, win32traceutil\nprint('hello from', 'the server')\n"
            "sys.stderr.write('and its errors\\n')\n"
        )
        writer = _apartment(str(program))
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        assert out == "Redirecting output to win32trace remote collector\n"  # then nothing
        seen = "".join(_lines_until(collector, "and its errors"))
        assert "hello from the server\n" in seen
        collector.send_signal(signal.SIGINT)
        rest, _ = collector.communicate(timeout=60)
        assert rest.endswith("Ctrl+C\n")
        assert collector.returncode == 0
    finally:
        if collector.poll() is None:
            collector.kill()
            collector.communicate()


def test_run_needs_a_script_or_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "name a script, or a module with -m" in done.stderr


def test_a_module_gets_its_arguments(tmp_path: Path) -> None:
    (tmp_path / "echoargs.py").write_text("import sys\nprint(sys.argv[1:])\n")
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", "-m", "echoargs", "-a", "b"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "['-a', 'b']\n"


def test_a_full_buffer_drops_what_nobody_read() -> None:
    writer, reader = TraceBuffer(), TraceBuffer()
    try:
        reader.read()
        half = TRACE_BUFFER_SIZE // 2
        writer.write(b"a" * (half - 100))
        writer.write(b"b" * 100)  # fits
        writer.write(b"c" * half)  # does not fit, even after 0.1 s: what waits is dropped
        assert reader.read() == b"c" * half
        writer.write(b"d" * (half + 10))  # two chunks
        assert reader.read(timeout=None) == b"d" * (half + 10)
    finally:
        writer.close()
        reader.close()
    assert writer.closed
    with pytest.raises(ValueError, match="closed"):
        writer.write(b"x")
