"""The owner's side of the job watcher (``_jobwatch``): start it, tell it what to watch.

One watcher process per process that owns a job with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
started on first need and fed on a pipe (``+ID`` to watch a job, ``-ID`` to forget it). The
pipe ends when this process does, however it does, and the watcher then kills the watched
jobs' processes. A forked child gives the pipe up; at a normal exit it is closed at once.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path

from .._fork import OUTER, hold_across_fork
from . import _jobwatch

__all__ = ["watch", "forget_job"]

_lock = threading.Lock()
hold_across_fork(_lock, OUTER)
_watcher: subprocess.Popen[bytes] | None = None
_watched: set[str] = set()


def watch(folder: str, job_id: str) -> None:
    """Have the watcher kill the job's processes (membership in ``folder``) if this one dies."""
    global _watcher
    with _lock:
        if job_id in _watched:
            return
        if _watcher is None:
            script = Path(_jobwatch.__file__).resolve()
            try:
                _watcher = subprocess.Popen(
                    [sys.executable, "-I", str(script), folder],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,  # a Ctrl-C or a kill of this group spares it
                )
            except OSError:  # no interpreter to run it (embedded): closing the job still kills
                return
        _tell(f"+{job_id}")
        _watched.add(job_id)


def forget_job(job_id: str) -> None:
    """The job no longer needs watching (it was closed, or no longer kills on close)."""
    with _lock:
        if job_id in _watched:
            _watched.discard(job_id)
            _tell(f"-{job_id}")


def _tell(line: str) -> None:
    pipe = _watcher.stdin if _watcher is not None else None
    if pipe is not None:
        with contextlib.suppress(OSError):
            pipe.write(line.encode("ascii") + b"\n")
            pipe.flush()


def _after_fork_in_child() -> None:
    """A forked child must not hold the watcher's pipe: the watcher waits for its end."""
    global _watcher
    if _watcher is not None:
        if _watcher.stdin is not None:
            with contextlib.suppress(OSError):
                _watcher.stdin.close()
        _watcher.returncode = 0  # the parent's child, not this process's to wait for
    _watcher = None
    _watched.clear()


def _at_exit() -> None:
    """This process ends: its job handles close, so the watcher ends what it watches now."""
    watcher = _watcher
    if watcher is None or watcher.stdin is None:
        return
    with contextlib.suppress(OSError):
        watcher.stdin.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        watcher.wait(5.0)


os.register_at_fork(after_in_child=_after_fork_in_child)
atexit.register(_at_exit)
