"""Run a test in a process of its own: for rules about process-wide state (is there an MTA?).

A test that needs a process where nothing of COM has happened yet starts with::

    if not in_the_fresh_process(request):
        return run_in_a_fresh_process(request)

The outer run starts ``python -m pytest NODEID`` with a mark in the environment; the inner run
finds the mark and runs the test's body. An earlier test of the suite may have made the
host MTA (a free-threaded object created from an STA does, on Windows too, and it lives as
long as the process), which makes every thread in no apartment part of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

__all__ = ["in_the_fresh_process", "run_in_a_fresh_process"]

_MARK = "APARTMENT_CONTRACT_FRESH_TEST"


def in_the_fresh_process(request: Any) -> bool:
    """Whether this is the inner run of ``request``'s test."""
    return bool(os.environ.get(_MARK) == request.node.nodeid)


def run_in_a_fresh_process(request: Any) -> None:
    """Run ``request``'s test alone in a new interpreter; fail unless it passed there.

    An inner xfail (a Wine difference) fails the outer run too, so the outer mark holds.
    """
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=str(request.config.rootpath),
        env={**os.environ, _MARK: request.node.nodeid},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1:] or [""]
    assert done.returncode == 0 and " 1 passed" in f" {summary[0]}", done.stdout + done.stderr
