"""Console control handlers over signals: run in a child of its own session, never in pytest.

Each scenario is a small script run with ``start_new_session=True`` so that the signals it
sends to its process group reach nothing else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

_PRELUDE = """
import os, signal, sys, threading
from apartment import kernel
seen = []
done = threading.Event()
"""


def _run(body: str) -> subprocess.CompletedProcess[str]:
    script = _PRELUDE + textwrap.dedent(body)
    import apartment

    env = dict(os.environ)
    source = os.path.dirname(os.path.dirname(apartment.__file__))
    env["PYTHONPATH"] = os.pathsep.join([source, env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=True,
        env=env,
        check=False,
    )


def test_a_handler_that_returns_true_swallows_ctrl_c() -> None:
    result = _run(
        """
        def handler(event):
            seen.append((event, threading.current_thread() is threading.main_thread()))
            done.set()
            return True
        kernel.add_ctrl_handler(handler)
        kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
        assert done.wait(30)
        print(seen)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[(0, False)]"  # on another thread, as on Windows


def test_handlers_run_last_added_first_until_one_handles() -> None:
    result = _run(
        """
        def first(event):
            seen.append("first"); done.set(); return True
        def second(event):
            seen.append("second"); return False
        kernel.add_ctrl_handler(first)
        kernel.add_ctrl_handler(second)
        kernel.raise_ctrl_event(kernel.CTRL_BREAK_EVENT)
        assert done.wait(30)
        print(seen)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['second', 'first']"


def test_when_no_handler_handles_ctrl_c_python_raises_keyboard_interrupt() -> None:
    result = _run(
        """
        kernel.add_ctrl_handler(lambda event: False)
        try:
            kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
            threading.Event().wait(30)
        except KeyboardInterrupt:
            print("interrupted")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "interrupted"


def test_ignoring_ctrl_c() -> None:
    result = _run(
        """
        kernel.ignore_ctrl_c(True)
        kernel.add_ctrl_handler(lambda event: seen.append(event) or done.set() or True)
        kernel.raise_ctrl_event(kernel.CTRL_C_EVENT)
        kernel.raise_ctrl_event(kernel.CTRL_BREAK_EVENT)  # still delivered
        assert done.wait(30)
        print(seen)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[1]"


def test_removal_and_bad_input() -> None:
    from apartment import kernel
    from apartment.errors import Win32Error

    with pytest.raises(ValueError, match="not been registered"):
        kernel.remove_ctrl_handler(print)
    with pytest.raises(TypeError):
        kernel.add_ctrl_handler(3)  # type: ignore[arg-type]
    with pytest.raises(Win32Error) as caught:
        kernel.raise_ctrl_event(7)
    assert caught.value.winerror == 87
