"""The file of a C runtime descriptor (``_get_osfhandle``) takes locks and ends quietly."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_PROGRAM = """
import sys
from apartment.win32 import install
install()
import win32file, pywintypes
f = open(sys.argv[1], "w")
h = win32file._get_osfhandle(f.fileno())
win32file.LockFileEx(h, 2, 0, 0xFFFF0000, pywintypes.OVERLAPPED())
print("locked")
"""


def test_a_descriptor_file_locked_and_left_open_at_exit_ends_quietly(tmp_path: Path) -> None:
    # Its handle is never closed: the file is finalized as the interpreter goes, when the
    # modules its finalizer used are gone ("Exception ignored in DiskFile.__del__").
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(tmp_path / "locked.lck")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.stdout, done.stderr, done.returncode) == ("locked\n", "", 0)
