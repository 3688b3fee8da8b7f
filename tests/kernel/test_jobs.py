"""Job objects in the core: names, limits, membership, ending together, the owner's death."""

from __future__ import annotations

import gc
import os
import select
import signal
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER,
    ERROR_NOT_ENOUGH_QUOTA,
    Win32Error,
)
from apartment.kernel import (
    BASIC_LIMIT_VALID_FLAGS,
    EXTENDED_LIMIT_VALID_FLAGS,
    JOB_OBJECT_LIMIT_ACTIVE_PROCESS,
    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    Event,
    JobLimits,
    JobObject,
    ProcessHandle,
    create_job,
    lowlevel,
    open_job,
    process_jobs,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

EXIT_S = 30.0  # safety net only
SLEEPER = [sys.executable, "-c", "import threading; threading.Event().wait()"]


@pytest.fixture
def children() -> Iterator[list[ProcessHandle]]:
    started: list[ProcessHandle] = []
    yield started
    for process in started:
        if not process.wait(0):
            process.terminate(1)
        process.wait(EXIT_S)


def start(children: list[ProcessHandle]) -> ProcessHandle:
    process = kernel.start_process(SLEEPER)
    children.append(process)
    return process


def code_of(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror


def test_a_name_is_one_job_and_another_kinds_name_is_refused() -> None:
    job, existed = create_job("core-job-name")
    again, existed_again = create_job("core-job-name")
    assert (existed, existed_again, again) == (False, True, job)
    assert open_job("core-job-name") is job
    assert open_job("Local\\core-job-name") is job
    assert code_of(kernel.create_named, Event, "core-job-name", False, False) == (
        ERROR_INVALID_HANDLE
    )
    event, _ = kernel.create_named(Event, "core-job-event", False, False)
    assert code_of(create_job, "core-job-event") == ERROR_INVALID_HANDLE
    assert code_of(open_job, "core-job-event") == ERROR_INVALID_HANDLE
    assert code_of(open_job, "core-job-none") == ERROR_FILE_NOT_FOUND
    del event


def test_the_name_goes_with_the_last_handle() -> None:
    job, _ = create_job("core-job-handles")
    value = kernel.handles.insert(job)
    del job
    kernel.handles.close(value)
    assert code_of(open_job, "core-job-handles") == ERROR_FILE_NOT_FOUND


def test_a_job_the_collector_frees_inside_a_kernel_lock_hold_gives_its_name_back_later() -> None:
    """The collector may free a named job while this very thread holds the kernel lock (it
    did, in a CreateEvent, on CI): its name must come back at the next naming call, not
    deadlock the thread on the lock it holds."""
    cycle: list[object] = [create_job("core-job-collected")[0]]
    cycle.append(cycle)  # only the collector frees the job now
    del cycle
    with lowlevel.KERNEL_LOCK:
        gc.collect()  # the job's finalizer runs here, inside the hold
    event, existed = kernel.create_named(Event, "core-job-collected", False, False)
    assert not existed
    del event


@pytest.mark.parametrize(
    ("flags", "basic", "ok"),
    [
        (BASIC_LIMIT_VALID_FLAGS, True, True),
        (JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, True, False),
        (EXTENDED_LIMIT_VALID_FLAGS, False, True),
        (EXTENDED_LIMIT_VALID_FLAGS + 1, False, False),
    ],
)
def test_limit_flags_are_checked_by_class(flags: int, basic: bool, ok: bool) -> None:
    job = JobObject()
    if ok:
        job.set_limits(JobLimits(flags=flags), basic=basic)
        assert job.limits.flags == flags
    else:
        with pytest.raises(Win32Error) as caught:
            job.set_limits(JobLimits(flags=flags), basic=basic)
        assert caught.value.winerror == ERROR_INVALID_PARAMETER
        assert job.limits == JobLimits()


def test_ui_restrictions_and_end_of_job_action_are_checked() -> None:
    job = JobObject()
    job.set_ui_restrictions(0x3FF)
    job.set_end_of_job_time_action(1)
    assert (job.ui_restrictions, job.end_of_job_time_action) == (0x3FF, 1)
    assert code_of(job.set_ui_restrictions, 0x400) == ERROR_INVALID_PARAMETER
    assert code_of(job.set_end_of_job_time_action, 2) == ERROR_INVALID_PARAMETER


def test_bad_arguments_fail_at_the_door() -> None:
    job = JobObject()
    with pytest.raises(TypeError):
        job.assign(Event())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        job.terminate("1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        job.set_limits(0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        process_jobs(job)  # type: ignore[arg-type]


def test_assign_terminate_and_accounting(children: list[ProcessHandle]) -> None:
    job, other = JobObject(), JobObject()
    first, second = start(children), start(children)
    job.assign(first)
    job.assign(first)  # again: nothing changes
    job.assign(second)
    other.assign(second)  # jobs nest
    assert job.contains(first) and job.contains(second) and other.contains(second)
    assert not other.contains(first)
    assert process_jobs(second) == [job.id, other.id]
    assert job.process_ids() == sorted([first.pid, second.pid])
    usage = job.accounting()
    assert (usage.total_processes, usage.active_processes) == (2, 2)
    assert usage.total_page_fault_count > 0
    assert not job.wait(0)
    job.terminate(42)
    assert first.wait(EXIT_S) and second.wait(EXIT_S)
    assert (first.exit_code, second.exit_code) == (42, 42)
    assert job.wait(0)  # signaled
    usage = job.accounting()
    assert (usage.total_processes, usage.active_processes) == (2, 0)
    assert usage.total_terminated_processes == 0
    assert process_jobs(second) == []
    assert job.statistics().process_ids == []


def test_an_exited_process_cannot_join(children: list[ProcessHandle]) -> None:
    process = kernel.start_process([sys.executable, "-c", "pass"])
    children.append(process)
    assert process.wait(EXIT_S)
    assert code_of(JobObject().assign, process) == ERROR_ACCESS_DENIED


def test_the_active_process_limit_refuses_and_ends_the_next(
    children: list[ProcessHandle],
) -> None:
    job = JobObject()
    job.set_limits(JobLimits(flags=JOB_OBJECT_LIMIT_ACTIVE_PROCESS, active_process_limit=1))
    first, second = start(children), start(children)
    job.assign(first)
    assert code_of(job.assign, second) == ERROR_NOT_ENOUGH_QUOTA
    assert second.wait(EXIT_S)
    assert second.exit_code == 0xC0000044 - 2**32  # STATUS_QUOTA_EXCEEDED, read signed
    assert job.accounting().total_terminated_processes == 1
    assert job.process_ids() == [first.pid]


def test_kill_on_close_ends_the_processes(children: list[ProcessHandle]) -> None:
    job = JobObject()
    job.set_limits(JobLimits(flags=JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE))
    process = start(children)
    job.assign(process)
    value = kernel.handles.insert(job)
    kernel.handles.close(value)
    assert process.wait(EXIT_S)
    assert process.exit_code == 0


def test_a_child_of_a_member_joins(children: list[ProcessHandle], tmp_path: Path) -> None:
    job = JobObject()
    script = tmp_path / "member.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            from apartment import kernel
            sys.stdin.readline()  # once it is in the job
            child = kernel.start_process({SLEEPER!r})
            print(child.pid, flush=True)
            sys.stdin.read()
            """
        )
    )
    member = subprocess.Popen(
        [sys.executable, str(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        handle = kernel.open_process(member.pid)
        job.assign(handle)
        assert member.stdin is not None and member.stdout is not None
        member.stdin.write(b"go\n")
        member.stdin.flush()
        grandchild = int(member.stdout.readline())
        assert grandchild in job.process_ids()
        job.terminate(3)
        assert member.wait(EXIT_S) == -signal.SIGKILL
    finally:
        if member.poll() is None:
            member.kill()
        member.communicate(timeout=EXIT_S)


OWNER = """
import sys
from apartment import kernel
job = kernel.JobObject()
job.set_limits(kernel.JobLimits(flags=kernel.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE))
child = kernel.start_process(%r)
job.assign(child)
print(child.pid, flush=True)
sys.stdin.read()
"""


def test_a_sigkilled_owner_still_kills_its_jobs_processes(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(OWNER % (SLEEPER,))
    owner = subprocess.Popen(
        [sys.executable, str(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert owner.stdout is not None
        child = int(owner.stdout.readline())
        pidfd = os.pidfd_open(child)
        try:
            assert select.select([pidfd], [], [], 0)[0] == []  # alive while its owner is
            owner.send_signal(signal.SIGKILL)
            assert owner.wait(EXIT_S) == -signal.SIGKILL
            ended, _, _ = select.select([pidfd], [], [], EXIT_S)
            assert ended == [pidfd], "the job's process outlived its SIGKILLed owner"
        finally:
            os.close(pidfd)
    finally:
        if owner.poll() is None:
            owner.kill()
        owner.communicate(timeout=EXIT_S)


BREAKAWAY = """
import sys
from apartment import kernel
from apartment.errors import Win32Error
sys.stdin.readline()  # once it is in the job
try:
    child = kernel.start_process(%r, breakaway=sys.argv[1] == "1")
except Win32Error as failure:
    sys.exit(failure.winerror & 0xFF)
joined = bool(kernel.process_jobs(child))
child.terminate(0)
sys.exit(100 + joined)
"""


@pytest.mark.parametrize(
    ("flags", "active", "breakaway", "result"),
    [
        (0, 0, False, 101),
        (0, 0, True, ERROR_ACCESS_DENIED),
        (0x800, 0, True, 100),  # JOB_OBJECT_LIMIT_BREAKAWAY_OK
        (0x1000, 0, False, 100),  # JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK
        (JOB_OBJECT_LIMIT_ACTIVE_PROCESS, 1, False, ERROR_NOT_ENOUGH_QUOTA & 0xFF),
        (JOB_OBJECT_LIMIT_ACTIVE_PROCESS, 2, False, 101),
    ],
)
def test_a_members_child_joins_unless_a_rule_says_otherwise(
    tmp_path: Path, flags: int, active: int, breakaway: bool, result: int
) -> None:
    job = JobObject()
    job.set_limits(JobLimits(flags=flags, active_process_limit=active))
    script = tmp_path / "member.py"
    script.write_text(BREAKAWAY % (SLEEPER,))
    member = subprocess.Popen(
        [sys.executable, str(script), "1" if breakaway else "0"],
        stdin=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        job.assign(kernel.open_process(member.pid))
        member.communicate(b"go\n", timeout=EXIT_S)
        assert member.returncode == result
    finally:
        if member.poll() is None:
            member.kill()
            member.communicate(timeout=EXIT_S)


NAMER = """
import sys
from apartment import kernel
job, _ = kernel.create_job(sys.argv[1])
value = kernel.handles.insert(job)
del job
print("named", flush=True)
sys.stdin.readline()
kernel.handles.close(value)
print("closed", flush=True)
sys.stdin.readline()
"""


def test_another_processs_job_name_is_the_sessions(tmp_path: Path) -> None:
    script = tmp_path / "namer.py"
    script.write_text(NAMER)
    name = f"core-job-other-{os.getpid()}"
    namer = subprocess.Popen(
        [sys.executable, str(script), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert namer.stdin is not None and namer.stdout is not None
        assert namer.stdout.readline() == b"named\n"
        assert code_of(kernel.create_named, Event, name, False, False) == ERROR_INVALID_HANDLE
        assert code_of(kernel.open_named, Event, name) == ERROR_INVALID_HANDLE
        assert code_of(create_job, name) == ERROR_ACCESS_DENIED  # not shared: said so
        assert code_of(open_job, name) == ERROR_ACCESS_DENIED
        namer.stdin.write(b"close\n")
        namer.stdin.flush()
        assert namer.stdout.readline() == b"closed\n"
        event, existed = kernel.create_named(Event, name, False, False)
        assert not existed
        assert code_of(create_job, name) == ERROR_INVALID_HANDLE
        del event
    finally:
        if namer.poll() is None:
            namer.kill()
        namer.communicate(timeout=EXIT_S)


def test_a_dead_processs_job_name_is_free(tmp_path: Path) -> None:
    script = tmp_path / "namer.py"
    script.write_text(NAMER)
    name = f"core-job-dead-{os.getpid()}"
    namer = subprocess.Popen(
        [sys.executable, str(script), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert namer.stdout is not None
        assert namer.stdout.readline() == b"named\n"
        namer.kill()
        namer.communicate(timeout=EXIT_S)
        job, existed = create_job(name)
        assert not existed and open_job(name) is job
    finally:
        if namer.poll() is None:
            namer.kill()
            namer.communicate(timeout=EXIT_S)


SPAWNER = """
import subprocess, sys
sys.stdin.readline()  # once it is in the job
child = subprocess.Popen(%r)
print(child.pid, flush=True)
sys.stdin.read()
"""


def test_a_members_descendants_started_otherwise_are_in_the_job(tmp_path: Path) -> None:
    job = JobObject()
    script = tmp_path / "spawner.py"
    script.write_text(SPAWNER % (SLEEPER,))
    member = subprocess.Popen(
        [sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert member.stdin is not None and member.stdout is not None
        job.assign(kernel.open_process(member.pid))
        member.stdin.write(b"go\n")
        member.stdin.flush()
        grandchild = kernel.open_process(int(member.stdout.readline()))
        assert job.process_ids() == sorted([member.pid, grandchild.pid])
        assert job.contains(grandchild) and process_jobs(grandchild) == [job.id]
        assert job.accounting().total_processes == 2
        job.terminate(5)
        assert grandchild.wait(EXIT_S)
        assert member.wait(EXIT_S) == -signal.SIGKILL
    finally:
        if member.poll() is None:
            member.kill()
        member.communicate(timeout=EXIT_S)


SELF_OWNER = """
import subprocess, sys
from apartment import kernel
job = kernel.JobObject()
job.set_limits(kernel.JobLimits(flags=kernel.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE))
job.assign(kernel.current_process())  # then anything it starts is in the job
child = subprocess.Popen(%r)
print(child.pid, flush=True)
sys.stdin.read()
"""


def test_what_a_sigkilled_self_assigned_owner_started_by_any_means_dies(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(SELF_OWNER % (SLEEPER,))
    owner = subprocess.Popen(
        [sys.executable, str(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        assert owner.stdout is not None
        child = int(owner.stdout.readline())
        pidfd = os.pidfd_open(child)
        try:
            owner.send_signal(signal.SIGKILL)
            assert owner.wait(EXIT_S) == -signal.SIGKILL
            ended, _, _ = select.select([pidfd], [], [], EXIT_S)
            assert ended == [pidfd], "a subprocess child outlived its SIGKILLed job owner"
        finally:
            os.close(pidfd)
    finally:
        if owner.poll() is None:
            owner.kill()
        owner.communicate(timeout=EXIT_S)


def test_a_job_and_a_section_cannot_share_a_name() -> None:
    """Sections and jobs are kernel objects of one namespace (ERROR_INVALID_HANDLE both ways)."""
    tag = f"apartment-test-{os.getpid()}-{id(object())}"
    job, _ = kernel.create_job(f"{tag}-job")
    section, _ = kernel.create_section(4096, f"{tag}-section")
    try:
        for attempt in (
            lambda: kernel.create_section(4096, f"{tag}-job"),
            lambda: kernel.open_section(f"{tag}-job"),
            lambda: kernel.create_job(f"{tag}-section"),
        ):
            with pytest.raises(Win32Error) as caught:
                attempt()
            assert caught.value.winerror == ERROR_INVALID_HANDLE
    finally:
        section.close()
        job.close()
