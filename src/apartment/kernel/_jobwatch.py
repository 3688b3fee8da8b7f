"""Job membership on disk, and the watcher that ends a job's processes when its owner dies.

A job object lives in the process that created it, but its processes are anywhere: a member
started by a member joins the job from that other process. Membership is therefore kept in
the runtime directory, one file per member process: ``jobs/PID.START`` (``START`` is the
process's start time in clock ticks since boot, from ``/proc/PID/stat``, so a reused pid is
never mistaken for a member) holding the ids of its jobs, one a line (jobs nest, as on Windows
8 and later). A process without a file is in the jobs of its nearest ancestor with one (it
was started by other means than this library), or, orphaned, in those its environment names
(:data:`JOBS_ENV`). Any process can read who is in a job. ``jobs/ID.limits`` holds what a member
must know of its job's limits when it starts a process (the limit flags and the active
process limit).

A job with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE kills its processes when its last handle closes.
Its owner does that itself on a close, but it may die first, even by SIGKILL. So the owner
starts, on first need, one *watcher* process (this file run as a script, standard library
only) reading the jobs to watch on a pipe from the owner: ``+ID`` to watch, ``-ID`` to forget.
The pipe's end of file, which the kernel gives at the owner's death however it dies, makes
the watcher kill every process of the jobs it watches (again until none is left, to catch
processes they start meanwhile) and exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "JOBS_ENV",
    "start_ticks",
    "member_file",
    "jobs_of",
    "members",
    "kill_members",
    "forget",
    "limits_file",
    "read_limits",
    "main",
]


JOBS_ENV = "APARTMENT_JOBS"
"""The environment variable naming the jobs of a process that put itself in a job: the
processes it starts by any means inherit it, so they are found even once their parent has
died and they have another."""


def _stat(pid: int, _open: Callable[..., BinaryIO] = open) -> tuple[int, int] | None:
    """The parent and start time (ticks since boot) of a running process; None if gone.

    ``open`` is bound when the module loads: a job handle closed by a finalizer at the
    interpreter's exit reaches here after the builtins are gone.
    """
    try:
        with _open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return None
    fields = text[text.rfind(b")") + 2 :].split()
    if len(fields) < 20 or fields[0] in (b"Z", b"X", b"x"):
        return None
    return int(fields[1]), int(fields[19])


def start_ticks(pid: int) -> int | None:
    """The start time of a running process, in ticks since boot; None if gone or a zombie."""
    stat = _stat(pid)
    return None if stat is None else stat[1]


def member_file(folder: str, pid: int) -> str | None:
    """The membership file of a running process (whether or not it exists); None if gone."""
    ticks = start_ticks(pid)
    return None if ticks is None else os.path.join(folder, f"{pid}.{ticks}")


def _read_jobs(path: str) -> list[str] | None:
    """The jobs a membership file names; None if there is no such file."""
    try:
        with open(path, encoding="ascii") as member:
            return member.read().split()
    except OSError:
        return None


def jobs_of(folder: str, pid: int) -> list[str]:
    """The ids of the jobs a running process is in (none for a process that has ended).

    A process without a membership file is in its parent's jobs, and so on up: a process
    that a member starts by any means (``subprocess``, ``os.system``) is in its jobs while
    the line of parents holds.
    """
    try:
        if not any(name[:1].isdigit() for name in os.listdir(folder)):
            return []  # no process is in any job: no line of parents to walk
    except OSError:
        return []
    for _depth in range(256):
        stat = _stat(pid)
        if stat is None:
            return []
        jobs = _read_jobs(os.path.join(folder, f"{pid}.{stat[1]}"))
        if jobs is not None:
            return jobs
        if stat[0] <= 1:
            return []
        pid = stat[0]
    return []


def limits_file(folder: str, job_id: str) -> str:
    """The file of a job's limits that its members read."""
    return os.path.join(folder, f"{job_id}.limits")


def read_limits(folder: str, job_id: str) -> tuple[int, int]:
    """A job's limit flags and active process limit, as its members see them (0, 0: none)."""
    try:
        with open(limits_file(folder, job_id), encoding="ascii") as limits:
            flags, active = limits.read().split()
        return int(flags), int(active)
    except (OSError, ValueError):
        return 0, 0


def members(folder: str, job_id: str) -> list[int]:
    """The pids of the running processes of a job: those with a file, and their descendants.

    The files of ended processes, of any job, are removed on the way.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    files: dict[int, tuple[int, list[str]]] = {}
    for name in names:
        pid_text, _, ticks_text = name.partition(".")
        if pid_text.isdigit() and ticks_text.isdigit():
            jobs = _read_jobs(os.path.join(folder, name))
            if jobs is not None:
                files[int(pid_text)] = (int(ticks_text), jobs)
    if not any(job_id in jobs for _, jobs in files.values()):
        return []
    running = _running()
    for pid, (ticks, _jobs) in list(files.items()):
        if pid not in running or running[pid][1] != ticks:
            forget(os.path.join(folder, f"{pid}.{ticks}"))  # it ended, in any job
            del files[pid]
    found: dict[int, bool] = {}
    for pid in running:
        if not _in_job(pid, job_id, running, files, found) and _marked(pid, job_id):
            found[pid] = True  # an orphan of a process in the job (found by its environment)
    return sorted(pid for pid, inside in found.items() if inside)


def _marked(pid: int, job_id: str) -> bool:
    """Whether a process was started with the job in its environment (:data:`JOBS_ENV`)."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as environ:
            variables = environ.read().split(b"\0")
    except OSError:
        return False
    prefix = JOBS_ENV.encode() + b"="
    for variable in variables:
        if variable.startswith(prefix):
            return job_id.encode() in variable[len(prefix) :].split()
    return False


def _running() -> dict[int, tuple[int, int]]:
    """Every running process: pid -> (parent, start ticks)."""
    running = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            stat = _stat(int(name))
            if stat is not None:
                running[int(name)] = stat
    return running


def _in_job(
    pid: int,
    job_id: str,
    running: dict[int, tuple[int, int]],
    files: dict[int, tuple[int, list[str]]],
    found: dict[int, bool],
) -> bool:
    """Whether a process is in the job: its own file says, else its parent's line does."""
    line = []
    inside = False
    while pid not in found:
        if pid in files:
            inside = job_id in files[pid][1]
            break
        line.append(pid)
        parent = running.get(pid, (0, 0))[0]
        if parent <= 1 or parent not in running or len(line) > 256:
            break
        pid = parent
    else:
        inside = found[pid]
    found[pid] = inside
    for lower in line:
        found[lower] = inside
    return inside


def forget(path: str) -> None:
    """Remove a membership file, if it is still there."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def kill_members(folder: str, job_id: str, skip: int = -1) -> list[int]:
    """SIGKILL every process of a job but ``skip`` and drop their files; the pids killed."""
    killed = []
    for _round in range(8):  # a member may start another while it is being killed
        pids = [pid for pid in members(folder, job_id) if pid != skip]
        if not pids:
            break
        for pid in pids:
            path = member_file(folder, pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            if path is not None:
                forget(path)
    return killed


def main(argv: list[str]) -> int:
    """Watch the jobs named on standard input; at its end of file, kill their processes."""
    folder = argv[1]
    watched: set[str] = set()
    for raw in sys.stdin.buffer:
        line = raw.strip().decode("ascii", "replace")
        if line.startswith("+"):
            watched.add(line[1:])
        elif line.startswith("-"):
            watched.discard(line[1:])
    for job_id in sorted(watched):
        kill_members(folder, job_id)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C meant for the owner
    sys.exit(main(sys.argv))
