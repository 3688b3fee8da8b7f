"""The free-threaded interpreter the suite runs on does not spin where a thread re-enters a lock.

CPython 3.13.x built with ``--disable-gil`` waits for a critical section's mutex even when the
thread's own top-most critical section holds it: ``PyMutex_Lock`` calls ``sched_yield()`` 40
times before it parks. A buffered file's ``close()`` (which flushes) and every class whose
metaclass is not ``type`` go that way, so starting Python costs 2,000 yields and importing the
facade 7,800. With other processes busy, each yield gives the core away for a scheduler slice:
a CreateProcess child then takes a minute to reach its code, and every test that starts one
times out (tests/realcode ``pipe_server_per_client``, s25-ft). The lane needs an interpreter
with tools/python-ft/recursive-critical-section.patch, or 3.14t (upstream has the shortcut).

The count of ``sched_yield()`` calls comes from ``strace`` (no timing). The test runs where
the interpreter has the shortcut: one tools/python-ft/build made (it writes
``.apartment-python-ft``, naming the patches it applied, into its prefix), or 3.14t and later.
It is skipped, with the reason, on a stock 3.13t (``../shared/tools/python-ft``'s: it spins,
which is known and is why the lane builds its own), on builds with the GIL and without strace.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

_STRACE = shutil.which("strace")
_PATCH = "recursive-critical-section.patch"


def _has_the_shortcut() -> bool:
    """Whether this interpreter takes nothing for a critical section nested in its own."""
    if sys.version_info >= (3, 14):
        return True  # upstream has it (gh-114203)
    flag = Path(sys.base_prefix) / ".apartment-python-ft"  # written by tools/python-ft/build
    try:
        return any(line.split()[:2] == ["patch", _PATCH] for line in flag.read_text().splitlines())
    except OSError:
        return False


pytestmark = [
    pytest.mark.skipif(
        not sysconfig.get_config_var("Py_GIL_DISABLED"), reason="a build with the GIL"
    ),
    pytest.mark.skipif(
        not _has_the_shortcut(),
        reason=f"a stock CPython 3.13t, which spins (known): the lane's interpreter is the one "
        f"tools/python-ft/build makes with {_PATCH} (no .apartment-python-ft in {sys.base_prefix})",
    ),
    pytest.mark.skipif(_STRACE is None, reason="strace counts the interpreter's yields"),
]


_SUMMARY = re.compile(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?sched_yield", re.M)
"""The line of ``strace -c``'s table for sched_yield: its third number is the count."""


def _yields(closes: int, folder: Path) -> int:
    """How many ``sched_yield()`` a fresh interpreter makes to open and close a file N times."""
    code = f"for _ in range({closes}):\n    open({__file__!r}, 'rb').close()\n"
    summary = folder / f"strace-{closes}.txt"
    strace = ("strace", "-f", "-c", "-e", "trace=sched_yield", "-o", str(summary))
    subprocess.run(
        [*strace, sys.executable, "-I", "-c", code],
        check=True,
        timeout=60,
        env={**os.environ, "PYTHON_GIL": "0"},
    )
    found = _SUMMARY.search(summary.read_text())
    return int(found.group(1)) if found else 0


def test_closing_a_buffered_file_does_not_spin(tmp_path: Path) -> None:
    # A close re-enters the file's critical section to flush: 40 yields each on stock 3.13t.
    extra = _yields(20, tmp_path) - _yields(0, tmp_path)
    assert extra < 20, (
        f"20 buffered file closes made {extra} more sched_yield() calls: this interpreter spins "
        "on re-entered critical sections (see tools/python-ft/recursive-critical-section.patch)"
    )
