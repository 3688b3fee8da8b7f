"""CreateProcess(app, "python -c ...") runs the image ``app``, whatever the command line calls it.

Windows finds a child's modules from its image (GetModuleFileName); CPython on Linux finds its
prefix from argv[0], looking a bare ``python`` up on PATH, which may be another Python without
this one's packages. The child must be this interpreter (same prefix) and still see the command
line it was given (GetCommandLine).
"""

from __future__ import annotations

import os
import sys

from apartment.kernel import create_process

_SHOW = (
    "import sys; from apartment.kernel import command_line; "
    "open(sys.argv[1], 'w').write(sys.prefix + '\\n' + command_line())"
)


def test_a_python_child_called_python_runs_as_its_image(tmp_path: object) -> None:
    out = os.path.join(str(tmp_path), "out.txt")
    command = f'python -c "{_SHOW}" {out}'
    child = create_process(sys.executable, command, python_path=[])
    assert child.wait(60)
    assert child.exit_code == 0
    with open(out) as shown:
        prefix, line = shown.read().split("\n")
    assert prefix == sys.prefix
    assert line == command


def test_a_grandchild_does_not_take_its_parents_name(tmp_path: object) -> None:
    out = os.path.join(str(tmp_path), "out.txt")
    # The child starts its own child with os.environ as it is: the grandchild keeps its own name.
    outer = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"
    child = create_process(
        sys.executable, f'python -c "{outer}" {sys.executable} -c "{_SHOW}" {out}'
    )
    assert child.wait(60)
    assert child.exit_code == 0
    with open(out) as shown:
        _prefix, line = shown.read().split("\n")
    assert line.split()[0] == sys.executable
