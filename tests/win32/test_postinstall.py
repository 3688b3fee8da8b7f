"""pywin32_postinstall on the facade: -install registers pywin32's COM servers, -remove not.

Run in a child with a class registry of its own (``APARTMENT_REGISTRY``), as a user would run
``python -m pywin32_postinstall -install`` after installing pywin32.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from tests._subprocess import run_python

if TYPE_CHECKING:
    from pathlib import Path

SCRIPT = """
import sys
import pywin32_postinstall, win32api, win32con
pywin32_postinstall.main(sys.argv[1:])
for progid in ("Python.Interpreter", "Python.Dictionary"):
    try:
        print(progid, win32api.RegQueryValue(win32con.HKEY_CLASSES_ROOT, progid + "\\\\CLSID"))
    except win32api.error as error:
        print(progid, "absent", error.winerror)
"""


def _run(tmp_path: Path, *args: str) -> str:
    script = tmp_path / "post.py"
    script.write_text(SCRIPT)
    return run_python("-m", "apartment", "run", str(script), *args, registry=tmp_path / "reg.db")


def test_install_registers_the_com_servers_and_remove_unregisters_them(tmp_path: Path) -> None:
    out = _run(tmp_path, "-install")
    assert "no DLLs to copy" in out
    assert "Registered: Python.Interpreter" in out
    assert "Python.Dictionary {" in out
    assert "absent" not in out
    out = _run(tmp_path, "-remove", "-quiet")
    assert out.split("\n")[-3:] == [
        "Python.Interpreter absent 2",
        "Python.Dictionary absent 2",
        "",
    ]


def test_one_of_install_or_remove_is_needed(tmp_path: Path) -> None:
    script = tmp_path / "post.py"
    script.write_text(SCRIPT)
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(script), "-quiet"],
        capture_output=True,
        text=True,
        timeout=60,
        env=None,
    )
    assert done.returncode == 2
    assert "You need to either choose to -install or -remove!" in done.stderr
