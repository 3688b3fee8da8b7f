"""Job membership on disk, and the watcher that ends a job's processes when its owner dies.

A job object lives in the process that created it, but its processes are anywhere: a member
started by a member joins the job from that other process. Membership is therefore kept in
the runtime directory, one file per member process: ``jobs/PID.START`` (``START`` is the
process's start time in clock ticks since boot, from ``/proc/PID/stat``, so a reused pid is
never mistaken for a member) holding the ids of its jobs, one a line (jobs nest, as on Windows
8 and later). Any process can read who is in a job. ``jobs/ID.limits`` holds what a member
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

__all__ = [
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


def start_ticks(pid: int) -> int | None:
    """The start time of a running process, in ticks since boot; None if gone or a zombie."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            text = stat_file.read()
    except OSError:
        return None
    fields = text[text.rfind(b")") + 2 :].split()
    if len(fields) < 20 or fields[0] in (b"Z", b"X", b"x"):
        return None
    return int(fields[19])


def member_file(folder: str, pid: int) -> str | None:
    """The membership file of a running process (whether or not it exists); None if gone."""
    ticks = start_ticks(pid)
    return None if ticks is None else os.path.join(folder, f"{pid}.{ticks}")


def jobs_of(folder: str, pid: int) -> list[str]:
    """The ids of the jobs a running process is in (none for a process that has ended)."""
    path = member_file(folder, pid)
    if path is None:
        return []
    try:
        with open(path, encoding="ascii") as member:
            return member.read().split()
    except OSError:
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
    """The pids of the running processes of a job.

    The files of ended processes, of any job, are removed on the way.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        pid_text, _, ticks_text = name.partition(".")
        if not (pid_text.isdigit() and ticks_text.isdigit()):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="ascii") as member:
                jobs = member.read().split()
        except OSError:
            continue
        if start_ticks(int(pid_text)) != int(ticks_text):
            forget(path)  # it ended (or its pid is another process's now), in any job
            continue
        if job_id in jobs:
            found.append(int(pid_text))
    return sorted(found)


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
