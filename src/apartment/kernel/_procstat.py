"""What Linux says about a process or a thread in ``/proc``: its stat and status lines.

The kernel's clock ticks (``SC_CLK_TCK``, 100 a second) are turned into seconds, and a start
time counted in ticks since boot into the wall clock, through CLOCK_BOOTTIME, the clock the
kernel counts it by. Each call reads the file again.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

__all__ = ["ProcStat", "read_stat", "read_status", "wall_time", "TICK"]

TICK = 1.0 / os.sysconf("SC_CLK_TCK")
"""The length of one of the kernel's clock ticks, in seconds (0.01)."""


@dataclass(frozen=True, slots=True)
class ProcStat:
    """The fields of a ``stat`` line that the process calls need (times in seconds)."""

    state: str
    faults: int  # minor + major page faults
    user: float
    kernel: float
    started: float  # seconds since boot
    threads: int

    @property
    def zombie(self) -> bool:
        """True for a process that has exited and is not reaped yet."""
        return self.state in ("Z", "X", "x")


def read_stat(path: str) -> ProcStat | None:
    """Read a ``stat`` file (``/proc/PID/stat``, ``/proc/self/task/TID/stat``); None if gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        text = os.read(fd, 4096)
    except OSError:
        return None
    finally:
        os.close(fd)
    fields = text[text.rfind(b")") + 2 :].split()
    if len(fields) < 20:
        return None
    return ProcStat(
        state=fields[0].decode("ascii", "replace"),
        faults=int(fields[7]) + int(fields[9]),
        user=int(fields[11]) * TICK,
        kernel=int(fields[12]) * TICK,
        started=int(fields[19]) * TICK,
        threads=int(fields[17]),
    )


def read_status(pid: int | str) -> dict[str, int]:
    """The sizes of ``/proc/PID/status`` (``VmRSS``, ``VmHWM``, ...) in bytes; {} if gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status_file:
            lines = status_file.read().splitlines()
    except OSError:
        return {}
    sizes: dict[str, int] = {}
    for line in lines:
        name, _, value = line.partition(b":")
        parts = value.split()
        if len(parts) == 2 and parts[1] == b"kB":
            sizes[name.decode("ascii", "replace")] = int(parts[0]) * 1024
    return sizes


_BOOTED = time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)
"""When the system booted, by the wall clock as this process first read it: a creation time
is fixed once known, as Windows records it, whatever the clock does later."""


def wall_time(since_boot: float) -> float:
    """Turn seconds since boot (a start time in ``stat``) into seconds since the epoch."""
    return _BOOTED + since_boot
