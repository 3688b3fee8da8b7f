"""A program run with ``python -m apartment run`` shares pywin32's names with its Python children.

On Windows pywin32 is installed for the interpreter, so any Python child imports it, however
it was started: ``subprocess``, ``multiprocessing``, ``os.system``. Here a child started by
CreateProcess got the facade, but one started by ``subprocess.Popen`` got ModuleNotFoundError
(found by a real program: a named mutex owned by a ``subprocess.run`` child).
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_PROGRAM = """\
import subprocess, sys
child = "import win32event, pywintypes; print(win32event.WAIT_TIMEOUT)"
done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(done.stdout.strip(), done.returncode, done.stderr.strip()[-200:])
"""

_MULTIPROCESSING = """\
import multiprocessing

def child(queue):
    import win32api
    queue.put(win32api.GetCurrentProcessId() > 0)

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    queue = multiprocessing.Queue()
    worker = multiprocessing.Process(target=child, args=(queue,))
    worker.start()
    print(queue.get(timeout=60))
    worker.join(60)
    print(worker.exitcode)
"""


def _run(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    program = tmp_path / "program.py"
    program.write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(program)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_a_subprocess_child_imports_pywin32_names(tmp_path: Path) -> None:
    done = _run(tmp_path, _PROGRAM)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["258", "0"]


def test_a_multiprocessing_child_imports_pywin32_names(tmp_path: Path) -> None:
    done = _run(tmp_path, _MULTIPROCESSING)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "0"]


def test_the_program_itself_keeps_its_own_path(tmp_path: Path) -> None:
    # The child's path gains the facade's hook; the program's own PYTHONPATH stays after it.
    program = tmp_path / "program.py"
    program.write_text(
        "import os, subprocess, sys\n"
        "code = 'import sys, mine; print(mine.VALUE)'\n"
        "print(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)"
        ".stdout.strip())\n"
    )
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "mine.py").write_text("VALUE = 'mine'\n")
    path = os.environ.get("PYTHONPATH")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "lib"), *filter(None, [path])]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "apartment", "run", str(program)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert (done.stdout.strip(), done.returncode) == ("mine", 0), done.stderr
