"""Small pywin32 programs other people wrote, run as users run them on the facade.

Each other file of this folder is one such program (where it came from is in its docstring),
made to run without a human: a driver in place of ``input()``, long sleeps and the network,
its pywin32 calls kept as written, in their order. Each runs with ``python -m apartment run``
and prints what it saw; ``expected/NAME.txt`` is what the real pywin32 printed (build 312,
under Wine, ``pywin32-oracle python NAME.py``), but where Wine is not Windows: those lines
hold Windows' answer, and the program's docstring says which they are and why. Each run has a
COM class registry of its own (``APARTMENT_REGISTRY`` in its temporary folder): what a program
registers with ``UseCommandLine`` never reaches the user's registry or another program's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PROGRAMS = sorted(
    path.stem for path in HERE.glob("*.py") if not path.stem.startswith(("test_", "_"))
)


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_prints_what_it_prints_on_pywin32(name: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(HERE / f"{name}.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "APARTMENT_REGISTRY": str(tmp_path / "registry.sqlite3")},
    )
    expected = (HERE / "expected" / f"{name}.txt").read_text()
    assert (done.stdout, done.returncode) == (expected, 0), done.stderr


def test_every_program_has_its_expected_output() -> None:
    assert len(PROGRAMS) >= 15
    assert sorted(path.stem for path in (HERE / "expected").glob("*.txt")) == PROGRAMS
