"""Job objects: processes grouped to be limited, counted and ended together.

A job is an object of the process that creates it (its limits and counters live here), but
its processes are any processes of the user: membership is kept on disk (``_jobwatch``), so
a process started by a member joins the member's job whichever process starts it. What is
modelled:

* **Ending together.** :meth:`JobObject.terminate` kills every process of the job; the
  handles this process has to them report the exit code given.
* **Kill on close.** With JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, closing the job's last handle
  kills its processes; so does the death of this process, however it dies (a watcher process
  sees it: ``_jobwatch``).
* **The active process limit** (JOB_OBJECT_LIMIT_ACTIVE_PROCESS): a process assigned, or
  started by a member, beyond it is refused with ERROR_NOT_ENOUGH_QUOTA.
* **Children join.** A process this library starts from a process in a job is in that job,
  unless the job lets it break away (JOB_OBJECT_LIMIT_BREAKAWAY_OK with
  CREATE_BREAKAWAY_FROM_JOB, or JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK). A member reads these
  limits from ``jobs/ID.limits``.
* **Names** are the session's (``_localnames``), but another process cannot open the job.
* **Accounting.** Processes ever in the job, active ones, and the CPU time and page faults
  of those seen.

The other limits (times, working sets, memory, affinity, priority) are kept and reported but
not enforced. The job is signaled once :meth:`JobObject.terminate` has ended it; Windows
also signals it when a job time limit ends, which is not modelled.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import uuid
from dataclasses import dataclass, field
from typing import ClassVar, final

from .._fork import OUTER, hold_across_fork
from .._runtime import RuntimeDirError, runtime_dir
from ..errors import AccessDeniedError, InvalidParameterError, NotEnoughQuotaError
from . import _jobwatch
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, waiting, wake_all
from ._jobwatch import (
    JOBS_ENV,
    forget,
    jobs_of,
    limits_file,
    member_file,
    members,
    read_limits,
)
from ._jobwatcher import forget_job, watch
from ._namespace import create_local_named, open_local_named
from ._process import ProcessHandle, process_by_id
from ._procstat import read_stat

__all__ = [
    "JobObject",
    "JobLimits",
    "JobAccounting",
    "JobStatistics",
    "create_job",
    "open_job",
    "process_jobs",
    "jobs_for_child",
    "join_jobs",
    "JOB_OBJECT_LIMIT_ACTIVE_PROCESS",
    "JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE",
    "BASIC_LIMIT_VALID_FLAGS",
    "EXTENDED_LIMIT_VALID_FLAGS",
]

JOB_OBJECT_LIMIT_ACTIVE_PROCESS = 0x8
JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x800
JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK = 0x1000
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
BASIC_LIMIT_VALID_FLAGS = 0xFF
"""The limit flags the basic limit information may set."""
EXTENDED_LIMIT_VALID_FLAGS = 0x7FFF
"""The limit flags the extended limit information may set."""
UI_VALID_FLAGS = 0x3FF
"""The UI restriction flags."""

_TICKS_PER_SECOND = 10_000_000  # Windows counts times in 100 ns
STATUS_QUOTA_EXCEEDED = 0xC0000044
"""The exit code of a process refused by a job's active process limit."""


@dataclass(frozen=True, slots=True)
class JobLimits:
    """A job's limits, as JOBOBJECT_EXTENDED_LIMIT_INFORMATION holds them.

    ``flags`` says which hold (JOB_OBJECT_LIMIT_*). Times are in 100 ns units and sizes in
    bytes, as Windows keeps them. Only KILL_ON_JOB_CLOSE and ACTIVE_PROCESS are enforced.
    """

    flags: int = 0
    per_process_user_time: int = 0
    per_job_user_time: int = 0
    minimum_working_set: int = 0
    maximum_working_set: int = 0
    active_process_limit: int = 0
    affinity: int = 0
    priority_class: int = 0
    scheduling_class: int = 0
    process_memory_limit: int = 0
    job_memory_limit: int = 0


@dataclass(frozen=True, slots=True)
class JobAccounting:
    """What a job's processes used (JOBOBJECT_BASIC_ACCOUNTING_INFORMATION); times in 100 ns.

    The times and faults are those of the processes seen in the job, as last seen (a process
    that started and ended between two looks is counted in ``total_processes`` only when
    this process started it or assigned it).
    """

    total_user_time: int
    total_kernel_time: int
    this_period_total_user_time: int
    this_period_total_kernel_time: int
    total_page_fault_count: int
    total_processes: int
    active_processes: int
    total_terminated_processes: int
    peak_process_memory_used: int = 0
    peak_job_memory_used: int = 0


@dataclass(frozen=True, slots=True)
class JobStatistics:
    """A snapshot of a job, for debugging and tests."""

    threads_waiting: int
    id: str
    process_ids: list[int] = field(default_factory=list)


_lock = threading.Lock()
"""Guards every job's limits and counters, and the watcher (job calls are not hot)."""
hold_across_fork(_lock, OUTER)


@final
class JobObject(Waitable):
    """A job: a group of processes of the user. See the module doc for what is modelled.

    Waitable: signaled once :meth:`terminate` has ended the job.
    """

    __slots__ = (
        "_assigned",
        "_closed",
        "_gone",
        "_known",
        "_limits",
        "_peaks",
        "_refused",
        "_seen",
        "end_of_job_time_action",
        "id",
        "name",
        "ui_restrictions",
    )  # fmt: skip

    implied_rights: ClassVar[tuple[tuple[int, int], ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        self.id = uuid.uuid4().hex
        self.name: str | None = None
        self._limits = JobLimits()
        self._assigned: dict[int, ProcessHandle] = {}  # the handles this process assigned
        self._known: set[int] = set()  # every pid seen in the job
        self._seen: dict[int, tuple[int, int, int]] = {}  # live pid -> user, kernel, faults
        self._gone = (0, 0, 0)  # what the members that ended had used when last seen
        self._peaks = (0, 0)  # peak process memory, peak job memory
        self._closed = False
        self._refused = 0  # processes ended for breaking a limit
        self.ui_restrictions = 0  # JOB_OBJECT_UILIMIT_*: kept, not enforced (no UI here)
        self.end_of_job_time_action = 0  # JOB_OBJECT_TERMINATE_AT_END_OF_JOB or POST_AT_...

    def __repr__(self) -> str:
        label = f" {self.name!r}" if self.name else ""
        return f"<JobObject{label} {self.id[:8]}>"

    @property
    def limits(self) -> JobLimits:
        """The job's limits."""
        with _lock:
            return self._limits

    def set_limits(self, limits: JobLimits, *, basic: bool = False) -> None:
        """Replace the job's limits (SetInformationJobObject).

        ``basic``: they come from the basic limit information, which cannot set the extended
        flags (KILL_ON_JOB_CLOSE and the others above 0xFF).

        Raises:
            InvalidParameterError: a flag that is not a limit flag (of that information).
        """
        if not isinstance(limits, JobLimits):
            raise TypeError(f"limits must be a JobLimits, not {limits!r}")
        valid = BASIC_LIMIT_VALID_FLAGS if basic else EXTENDED_LIMIT_VALID_FLAGS
        if limits.flags & ~valid:
            raise InvalidParameterError(
                f"{limits.flags:#x} holds flags that are not limits (valid: {valid:#x})"
            )
        with _lock:
            self._limits = limits
            folder = _folder()
            _write_text(
                limits_file(folder, self.id), f"{limits.flags} {limits.active_process_limit}"
            )
            kill = bool(limits.flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)
            if kill and not self._closed:
                watch(folder, self.id)
            elif not kill:
                forget_job(self.id)

    def set_ui_restrictions(self, flags: int) -> None:
        """Keep the job's UI restrictions (JOB_OBJECT_UILIMIT_*); there is no UI to restrict.

        Raises:
            InvalidParameterError: a flag that is not a UI restriction.
        """
        if flags & ~UI_VALID_FLAGS:
            raise InvalidParameterError(f"{flags:#x} holds flags that are not UI restrictions")
        with _lock:
            self.ui_restrictions = flags

    def set_end_of_job_time_action(self, action: int) -> None:
        """Keep what the end of the job's time limit would do (0: end it, 1: post a message).

        Raises:
            InvalidParameterError: neither action.
        """
        if action not in (0, 1):
            raise InvalidParameterError(f"{action} is no end-of-job time action (0 or 1)")
        with _lock:
            self.end_of_job_time_action = action

    def assign(self, process: ProcessHandle) -> None:
        """Put a running process in the job (AssignProcessToJobObject).

        A process may be in several jobs (they nest, as on Windows 8 and later); assigning
        it again to the same job does nothing.

        Raises:
            AccessDeniedError: the process has exited.
            NotEnoughQuotaError: the job already has its active process limit of processes;
                the process is ended (exit code STATUS_QUOTA_EXCEEDED), as on Windows.
        """
        if not isinstance(process, ProcessHandle):
            raise TypeError(f"only a process can join a job, not {process!r}")
        folder = _folder()
        with _lock:
            path = None if process._ready else member_file(folder, process.pid)
            if path is None:
                raise AccessDeniedError(f"{process!r} has exited; it cannot join {self!r}")
            current = jobs_of(folder, process.pid)
            if self.id in current:
                return
            limits = self._limits
            if limits.flags & JOB_OBJECT_LIMIT_ACTIVE_PROCESS:
                active = members(folder, self.id)
                if len(active) >= limits.active_process_limit:  # Windows ends it too
                    self._refused += 1
                    _end(folder, process.pid, process, STATUS_QUOTA_EXCEEDED)
                    raise NotEnoughQuotaError(
                        f"{self!r} already has {len(active)} active processes, its limit; "
                        f"{process!r} was ended"
                    )
            _write_member(path, [*current, self.id])
            if process.pid == os.getpid():  # what it starts by other means is found by this
                os.environ[JOBS_ENV] = " ".join([*current, self.id])
            self._assigned[process.pid] = process
            self._known.add(process.pid)

    def contains(self, process: ProcessHandle) -> bool:
        """Tell whether a process is in this job (IsProcessInJob)."""
        return self.id in process_jobs(process)

    def process_ids(self) -> list[int]:
        """The ids of the job's running processes."""
        pids = members(_folder(), self.id)
        with _lock:
            self._known.update(pids)
        return pids

    def accounting(self) -> JobAccounting:
        """What the job's processes used so far, and how many there were."""
        pids = members(_folder(), self.id)
        usage = {pid: _usage(pid) for pid in pids}
        with _lock:
            self._known.update(pids)
            gone = [self._seen.pop(pid) for pid in list(self._seen) if pid not in usage]
            for ended in gone:
                self._gone = (
                    self._gone[0] + ended[0],
                    self._gone[1] + ended[1],
                    self._gone[2] + ended[2],
                )
            for pid, used in usage.items():
                if used is not None:
                    self._seen[pid] = (used[0], used[1], used[2])
            live = list(self._seen.values())
            user = self._gone[0] + sum(u[0] for u in live)
            kernel = self._gone[1] + sum(u[1] for u in live)
            faults = self._gone[2] + sum(u[2] for u in live)
            peaks = [used[3] for used in usage.values() if used is not None]
            job_peak = sum(peaks)
            self._peaks = (max([self._peaks[0], *peaks]), max(self._peaks[1], job_peak))
            return JobAccounting(
                user,
                kernel,
                user,
                kernel,
                faults,
                len(self._known),
                len(pids),
                self._refused,
                *self._peaks,
            )

    def terminate(self, exit_code: int) -> None:
        """End every process of the job with ``exit_code`` (TerminateJobObject).

        This process's handles to them report ``exit_code``; elsewhere they are seen killed
        (SIGKILL). The job is signaled. If this process is in the job it ends last.
        """
        if isinstance(exit_code, bool) or not isinstance(exit_code, int):
            raise TypeError(f"an exit code is an int, not {exit_code!r}")
        me = os.getpid()
        folder = _folder()
        with _lock:
            pids = members(folder, self.id)
            self._known.update(pids)
            for pid in pids:
                if pid != me:
                    _end(folder, pid, self._assigned.get(pid), exit_code)
            _jobwatch.kill_members(folder, self.id, skip=me)  # any started meanwhile
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._ready = True
            release_waiters(self, woken)
        wake_all(woken)
        if me in pids:
            os._exit(exit_code & 0xFF)

    def close(self) -> None:
        """The job's last handle is closed: with KILL_ON_JOB_CLOSE, its processes are killed."""
        with _lock:
            ended = self._close_locked()
        _end_this_process_if(ended)

    def close_on_last_handle(self) -> None:
        """:meth:`close`, from the handle table; it may run in a finalizer, so never waits.

        If the job lock is taken (maybe by this very thread, which a finalizer interrupted),
        a thread closes the job once it is free.
        """
        if not _lock.acquire(blocking=False):
            threading.Thread(target=self.close, name=f"close {self!r}", daemon=True).start()
            return
        try:
            ended = self._close_locked()
        finally:
            _lock.release()
        _end_this_process_if(ended)

    def _close_locked(self) -> list[int]:
        """Close the job (``_lock`` held); the pids of the processes it ended."""
        if self._closed:
            return []
        self._closed = True
        if not self._limits.flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE:
            return []
        folder = _folder()
        me = os.getpid()
        pids = members(folder, self.id)
        for pid in pids:
            if pid != me:
                _end(folder, pid, self._assigned.get(pid), 0)
        _jobwatch.kill_members(folder, self.id, skip=me)
        forget_job(self.id)
        forget(limits_file(folder, self.id))  # no process is left to read it
        return pids

    def statistics(self) -> JobStatistics:
        """Return the number of waiters, the job's id and its running processes."""
        pids = self.process_ids()
        with KERNEL_LOCK:
            return JobStatistics(waiting(self), self.id, pids)

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: object) -> bool:
        return False


def create_job(name: str | None = None) -> tuple[JobObject, bool]:
    """Create a job, or with ``name`` return this process's job of that name if there is one.

    Returns ``(job, existed)``. Names share the namespace of named events, mutexes,
    semaphores and timers, but a job is known only to the process that made it.

    Raises:
        InvalidHandleError: the name belongs to another kind of object.
    """
    job = JobObject()
    if name is None:
        return job, False
    return create_local_named(job, name)


def open_job(name: str) -> JobObject:
    """Return the job of this process named ``name`` (OpenJobObject).

    Raises:
        NameNotFoundError: no job has that name here.
        InvalidHandleError: the name belongs to another kind of object.
    """
    return open_local_named(JobObject, name)


def process_jobs(process: ProcessHandle) -> list[str]:
    """The ids of the jobs a process is in (none once it has exited)."""
    if not isinstance(process, ProcessHandle):
        raise TypeError(f"only a process is in a job, not {process!r}")
    try:
        folder = _folder()
    except AccessDeniedError:
        return []
    return jobs_of(folder, process.pid)


def jobs_for_child(breakaway: bool = False) -> list[str] | None:
    """The jobs a process this one is about to start will be in (those of this process).

    A job with JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK keeps none of them; with ``breakaway``
    (CREATE_BREAKAWAY_FROM_JOB) the child leaves a job that allows it
    (JOB_OBJECT_LIMIT_BREAKAWAY_OK). None: this process is in no job.

    Raises:
        AccessDeniedError: ``breakaway`` from a job that does not allow it.
        NotEnoughQuotaError: a job already has its active process limit of processes.
    """
    try:
        folder = _folder()
    except AccessDeniedError:
        return None
    jobs = jobs_of(folder, os.getpid())
    if not jobs:
        return None
    joined = []
    for job_id in jobs:
        flags, active_limit = read_limits(folder, job_id)
        if flags & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK:
            continue
        if breakaway:
            if flags & JOB_OBJECT_LIMIT_BREAKAWAY_OK:
                continue
            raise AccessDeniedError(
                "this process's job does not allow breakaway (JOB_OBJECT_LIMIT_BREAKAWAY_OK); "
                "start the process without CREATE_BREAKAWAY_FROM_JOB"
            )
        if flags & JOB_OBJECT_LIMIT_ACTIVE_PROCESS:
            active = members(folder, job_id)
            if len(active) >= active_limit:
                raise NotEnoughQuotaError(
                    f"this process's job already has {len(active)} active processes, its limit"
                )
        joined.append(job_id)
    return joined


def join_jobs(child: ProcessHandle, jobs: list[str] | None) -> None:
    """Put a child just started in the jobs :func:`jobs_for_child` gave.

    A child that broke away from every job gets an empty file: it is in no job, although
    its parent is (without a file it would be in its parent's).
    """
    if jobs is None:
        return
    path = member_file(_folder(), child.pid)
    if path is not None:
        _write_member(path, jobs)


# -- helpers -----------------------------------------------------------------------------------


def _end_this_process_if(ended: list[int]) -> None:
    """This process was in a job that ended its processes: it ends with them (exit code 0)."""
    if os.getpid() in ended:
        os._exit(0)


def _folder() -> str:
    """The membership directory (``jobs`` in the runtime directory), made on first use."""
    try:
        folder = runtime_dir() / "jobs"
    except RuntimeDirError as failure:
        raise AccessDeniedError(f"jobs need the runtime directory: {failure}") from None
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    return str(folder)


def _write_member(path: str, jobs: list[str]) -> None:
    """Write a membership file: the ids of the process's jobs, one a line."""
    _write_text(path, "\n".join(jobs) + "\n")


def _write_text(path: str, text: str) -> None:
    """Write a file whole (a reader never sees half of it)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="ascii") as written:
        written.write(text)
    os.replace(temporary, path)


def _end(folder: str, pid: int, handle: ProcessHandle | None, exit_code: int) -> None:
    """End one process of a job: through its handle here if there is one (it keeps the code)."""
    path = member_file(folder, pid)
    known = handle if handle is not None else process_by_id(pid)
    if known is not None and known.pid == pid and not known._ready:
        with contextlib.suppress(AccessDeniedError):
            known.terminate(exit_code)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if path is not None:
        forget(path)


def _usage(pid: int) -> tuple[int, int, int, int] | None:
    """User and kernel time (100 ns), page faults and peak memory of a process; None if gone."""
    stat = read_stat(f"/proc/{pid}/stat")
    if stat is None:
        return None
    peak = 0
    with contextlib.suppress(OSError, ValueError), open(f"/proc/{pid}/status", "rb") as status:
        for line in status:
            if line.startswith(b"VmHWM:"):
                peak = int(line.split()[1]) * 1024
    return (
        round(stat.user * _TICKS_PER_SECOND),
        round(stat.kernel * _TICKS_PER_SECOND),
        stat.faults,
        peak,
    )
