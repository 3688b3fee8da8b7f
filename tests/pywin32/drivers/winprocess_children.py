"""Drive pywin32's ``winprocess`` module, unchanged, as a program run on the facade would.

Run by ``test_pywin32_files.test_winprocess_runs_children`` with ``python -m apartment run``
and pywin32's ``win32/Demos`` on the path. Each line it prints is checked there. What each
step shows holds on Windows too: a child started by ``winprocess.run`` gets the parent's
standard handles, which are inheritable; a Python file's handle is not (PEP 446), so a child
given one gets no output stream, until the descriptor is made inheritable.
"""

from __future__ import annotations

import os
import sys
import tempfile

import win32event
import winprocess

PYTHON = f'"{sys.executable}" -c'


def main() -> None:
    print(end="", flush=True)
    winprocess.run(f"{PYTHON} \"print('from a child on the parent output')\"", show=0)
    print("exit code", winprocess.run(f'{PYTHON} "import sys; sys.exit(7)"', show=0), flush=True)
    with tempfile.TemporaryDirectory() as folder:
        for label, inheritable in (
            ("a file it may not inherit", False),
            ("a file it may inherit", True),
        ):
            with open(os.path.join(folder, label), "w+b") as out:
                os.set_inheritable(out.fileno(), inheritable)
                code = winprocess.run(
                    f"{PYTHON} \"print('into the file', end='')\"", show=0, stdout=out
                )
                assert code == 0, code
                out.seek(0)
                print(f"{label}: {out.read()!r}", flush=True)
    child = winprocess.Process(f'{PYTHON} "import time; time.sleep(600)"', show=0)
    assert child.wait(0) == win32event.WAIT_TIMEOUT
    child.kill(gracePeriod=0)  # no window of the child to close: it is terminated
    assert child.wait() == win32event.WAIT_OBJECT_0
    print(f"killed: {child.exitCode()} (the exit code TerminateProcess gave)", flush=True)


main()
