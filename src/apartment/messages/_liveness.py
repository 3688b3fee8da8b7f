"""Who a process or thread id names now: identity tokens, and whether they still run.

Session-wide state of the window manager (the clipboard) records which thread of which
process holds it and which process's window owns it; a process that dies, or a thread that
ends, must not wedge the others. Ids are reused, so each is recorded with a *token*: its start
time (field 22 of ``/proc/PID/task/TID/stat``, in clock ticks since boot). A thread or process
is alive when its ``stat`` file is there, it is not a zombie, and its start time is the
recorded one. Where there is no ``/proc`` the token is 0 and a process is alive while
``kill(pid, 0)`` finds it (its threads are then taken to live as long as it does).
"""

from __future__ import annotations

import os
import threading

from .._pids import pid_exists

__all__ = ["Identity", "current_identity", "process_token", "thread_alive", "process_alive"]

Identity = tuple[int, int, int, int]
"""(pid, process token, native thread id, thread token)."""

_HAS_PROC = os.path.isdir("/proc/self/task")
_local = threading.local()


def _stat(pid: int, tid: int) -> tuple[bytes, int] | None:
    """(state, start time) of a thread, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/task/{tid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return None
    fields = text[text.rfind(b")") + 2 :].split()
    # fields[0] is field 3 (the state); the start time is field 22
    return fields[0], int(fields[19])


def _token(pid: int, tid: int) -> int | None:
    """A running thread's start time (0 without /proc), or None if it is gone or a zombie."""
    if not _HAS_PROC:
        return 0 if process_alive(pid, 0) else None
    found = _stat(pid, tid)
    if found is None or found[0] in (b"Z", b"X", b"x"):
        return None
    return found[1]


def process_token(pid: int) -> int | None:
    """A running process's token, or None if it has ended."""
    return _token(pid, pid)


def process_alive(pid: int, token: int) -> bool:
    """Tell whether process ``pid`` with that token still runs."""
    if pid == os.getpid():
        return token == current_identity()[1]  # else an earlier process had our pid
    if not _HAS_PROC:
        return pid_exists(pid)
    return _token(pid, pid) == token


def thread_alive(pid: int, tid: int, token: int) -> bool:
    """Tell whether thread ``tid`` of process ``pid`` with that token still runs."""
    if not _HAS_PROC:
        return process_alive(pid, 0)
    return _token(pid, tid) == token


def current_identity() -> Identity:
    """The calling thread's identity; cached per thread, renewed in a forked child."""
    pid = os.getpid()
    cached: Identity | None = getattr(_local, "identity", None)
    if cached is not None and cached[0] == pid:
        return cached
    tid = threading.get_native_id()
    identity = (pid, _token(pid, pid) or 0, tid, _token(pid, tid) or 0)
    _local.identity = identity
    return identity
