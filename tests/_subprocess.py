"""One runner for tests that need a fresh interpreter (process-wide state, `apartment run`)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["run_python"]


def run_python(
    *args: str, registry: str | Path | None = None, cwd: str | Path | None = None
) -> str:
    """Run ``python *args``; assert it exits with 0 and return its standard output.

    ``registry`` points the child's ``APARTMENT_REGISTRY`` at a file; ``cwd`` is its
    working directory. Any other environment is inherited.
    """
    env = None if registry is None else {**os.environ, "APARTMENT_REGISTRY": str(registry)}
    done = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=None if cwd is None else str(cwd),
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
