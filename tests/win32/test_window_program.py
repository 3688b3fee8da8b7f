"""The classic window program of ``examples/`` runs through ``python -m apartment run``.

It registers a class, creates and shows a window, ticks a pywin32 ``timer`` from its
message loop, handles WM_CLOSE and WM_DESTROY, and leaves the loop on WM_QUIT. The same
transcript came from the real pywin32 but for the client size (Windows' window has a
frame; nothing is drawn here, so a window has none).
"""

from __future__ import annotations

from pathlib import Path

from .._subprocess import run_python

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "window_program.py"


def test_the_window_program_runs_its_loop_to_wm_quit() -> None:
    output = run_python("-m", "apartment", "run", str(EXAMPLE))
    assert output.splitlines() == [
        "created 'ApartmentWindowProgram': 'Window program'",
        "WM_SIZE: the client area is 400 x 300",
        "visible: True",
        "tick 1: the title is 'Window program: tick 1'",
        "tick 2: the title is 'Window program: tick 2'",
        "tick 3: the title is 'Window program: tick 3'",
        "WM_CLOSE after 3 ticks: destroying the window",
        "WM_DESTROY: posting WM_QUIT",
        "the message loop ended: WM_QUIT with exit code 0",
        "the window is gone: True",
    ]
