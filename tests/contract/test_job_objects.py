"""Contract: win32job, job objects (create, name, limits, assign, terminate, kill on close)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32job
import win32process
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

EXIT_MS = 30_000  # safety net only: a child Python may take a while to start
OBJECT_0 = win32event.WAIT_OBJECT_0
TIMEOUT = win32event.WAIT_TIMEOUT
STILL_ACTIVE = win32con.STILL_ACTIVE
RUNS_UNTIL_KILLED = f'"{sys.executable}" -c "import threading; threading.Event().wait()"'


def raises_code(code: int, call: Callable[..., Any], *args: Any) -> pywintypes.error:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    assert caught.value.winerror == code
    return caught.value


class Kit:
    """Jobs and children made by a test; children still running are terminated at the end."""

    def __init__(self) -> None:
        self.children: list[tuple[Any, Any]] = []
        self.jobs: list[Any] = []

    def job(self, name: str | None = "") -> Any:
        job = win32job.CreateJobObject(None, name)
        self.jobs.append(job)
        return job

    def child(self, command: str = RUNS_UNTIL_KILLED, flags: int = 0) -> tuple[Any, Any, int]:
        process, thread, pid, _ = win32process.CreateProcess(
            None, command, None, None, False, flags, None, None, win32process.STARTUPINFO()
        )
        self.children.append((process, thread))
        return process, thread, pid

    def close(self) -> None:
        for process, thread in self.children:
            if win32process.GetExitCodeProcess(process) == STILL_ACTIVE:
                win32process.TerminateProcess(process, 1)
            win32event.WaitForSingleObject(process, EXIT_MS)
            thread.Close()
            process.Close()
        for job in self.jobs:
            job.Close()


@pytest.fixture
def kit() -> Iterator[Kit]:
    made = Kit()
    yield made
    made.close()


def kill_on_close(job: Any) -> None:
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    info["BasicLimitInformation"]["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)


# -- constants -------------------------------------------------------------------------------

CONSTANTS = {
    "JOB_OBJECT_ALL_ACCESS": 2031679, "JOB_OBJECT_ASSIGN_PROCESS": 1,
    "JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS": 255, "JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS": 32767,
    "JOB_OBJECT_LIMIT_ACTIVE_PROCESS": 8, "JOB_OBJECT_LIMIT_AFFINITY": 16,
    "JOB_OBJECT_LIMIT_BREAKAWAY_OK": 2048, "JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION": 1024,
    "JOB_OBJECT_LIMIT_JOB_MEMORY": 512, "JOB_OBJECT_LIMIT_JOB_TIME": 4,
    "JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE": 8192, "JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME": 64,
    "JOB_OBJECT_LIMIT_PRIORITY_CLASS": 32, "JOB_OBJECT_LIMIT_PROCESS_MEMORY": 256,
    "JOB_OBJECT_LIMIT_PROCESS_TIME": 2, "JOB_OBJECT_LIMIT_SCHEDULING_CLASS": 128,
    "JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK": 4096, "JOB_OBJECT_LIMIT_VALID_FLAGS": 524287,
    "JOB_OBJECT_LIMIT_WORKINGSET": 1, "JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS": 8,
    "JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT": 3, "JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO": 4,
    "JOB_OBJECT_MSG_END_OF_JOB_TIME": 1, "JOB_OBJECT_MSG_END_OF_PROCESS_TIME": 2,
    "JOB_OBJECT_MSG_EXIT_PROCESS": 7, "JOB_OBJECT_MSG_JOB_MEMORY_LIMIT": 10,
    "JOB_OBJECT_MSG_NEW_PROCESS": 6, "JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT": 9,
    "JOB_OBJECT_POST_AT_END_OF_JOB": 1, "JOB_OBJECT_QUERY": 4,
    "JOB_OBJECT_SECURITY_FILTER_TOKENS": 8, "JOB_OBJECT_SECURITY_NO_ADMIN": 1,
    "JOB_OBJECT_SECURITY_ONLY_TOKEN": 4, "JOB_OBJECT_SECURITY_RESTRICTED_TOKEN": 2,
    "JOB_OBJECT_SECURITY_VALID_FLAGS": 15, "JOB_OBJECT_SET_ATTRIBUTES": 2,
    "JOB_OBJECT_SET_SECURITY_ATTRIBUTES": 16, "JOB_OBJECT_TERMINATE": 8,
    "JOB_OBJECT_TERMINATE_AT_END_OF_JOB": 0, "JOB_OBJECT_UILIMIT_ALL": 1023,
    "JOB_OBJECT_UILIMIT_DESKTOP": 64, "JOB_OBJECT_UILIMIT_DISPLAYSETTINGS": 16,
    "JOB_OBJECT_UILIMIT_EXITWINDOWS": 128, "JOB_OBJECT_UILIMIT_GLOBALATOMS": 32,
    "JOB_OBJECT_UILIMIT_HANDLES": 1, "JOB_OBJECT_UILIMIT_NONE": 0,
    "JOB_OBJECT_UILIMIT_READCLIPBOARD": 2, "JOB_OBJECT_UILIMIT_SYSTEMPARAMETERS": 8,
    "JOB_OBJECT_UILIMIT_WRITECLIPBOARD": 4, "JOB_OBJECT_UI_VALID_FLAGS": 1023,
    "JobObjectAssociateCompletionPortInformation": 7, "JobObjectBasicAccountingInformation": 1,
    "JobObjectBasicAndIoAccountingInformation": 8, "JobObjectBasicLimitInformation": 2,
    "JobObjectBasicProcessIdList": 3, "JobObjectBasicUIRestrictions": 4,
    "JobObjectEndOfJobTimeInformation": 6, "JobObjectExtendedLimitInformation": 9,
    "JobObjectJobSetInformation": 10, "JobObjectSecurityLimitInformation": 5,
    "MaxJobObjectInfoClass": 52, "UNICODE": 1,
}  # fmt: skip


def test_every_constant_of_pywin32s_module_has_its_value() -> None:
    assert {name: getattr(win32job, name, None) for name in CONSTANTS} == CONSTANTS


def test_the_functions_are_there() -> None:
    for name in (
        "AssignProcessToJobObject", "CreateJobObject", "IsProcessInJob", "OpenJobObject",
        "QueryInformationJobObject", "SetInformationJobObject", "TerminateJobObject",
        "UserHandleGrantAccess",
    ):  # fmt: skip
        assert callable(getattr(win32job, name))
    assert win32job.error is pywintypes.error


# -- creating and naming ---------------------------------------------------------------------


def test_create_gives_a_handle_and_clears_the_last_error(kit: Kit) -> None:
    job = kit.job()
    assert isinstance(job, pywintypes.HANDLEType)
    assert win32api.GetLastError() == 0


def test_a_second_create_of_a_name_says_it_already_exists(kit: Kit) -> None:
    kit.job("contract-job-twice")
    assert win32api.GetLastError() == 0
    again = kit.job("contract-job-twice")
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    assert win32job.QueryInformationJobObject(again, 3) == ()


def test_open_finds_a_named_job_with_or_without_local_prefix(kit: Kit) -> None:
    kit.job("contract-job-open")
    opened = win32job.OpenJobObject(win32job.JOB_OBJECT_ALL_ACCESS, False, "contract-job-open")
    local = win32job.OpenJobObject(win32job.JOB_OBJECT_QUERY, 0, "Local\\contract-job-open")
    assert win32job.QueryInformationJobObject(local, 3) == ()
    opened.Close()
    local.Close()


def test_open_of_a_missing_name_is_file_not_found() -> None:
    raises_code(
        winerror.ERROR_FILE_NOT_FOUND,
        win32job.OpenJobObject, win32job.JOB_OBJECT_ALL_ACCESS, 0, "contract-job-none",
    )  # fmt: skip


def test_the_name_goes_with_the_last_handle(kit: Kit) -> None:
    job = win32job.CreateJobObject(None, "contract-job-gone")
    job.Close()
    raises_code(
        winerror.ERROR_FILE_NOT_FOUND,
        win32job.OpenJobObject, win32job.JOB_OBJECT_ALL_ACCESS, 0, "contract-job-gone",
    )  # fmt: skip


def test_names_are_shared_with_events_and_kinds_do_not_mix(kit: Kit) -> None:
    event = win32event.CreateEvent(None, 0, 0, "contract-job-event")
    try:
        err = raises_code(
            winerror.ERROR_INVALID_HANDLE, win32job.CreateJobObject, None, "contract-job-event"
        )
        assert err.funcname == "CreateJobObject"
        raises_code(
            winerror.ERROR_INVALID_HANDLE,
            win32job.OpenJobObject, win32job.JOB_OBJECT_ALL_ACCESS, 0, "contract-job-event",
        )  # fmt: skip
    finally:
        event.Close()
    kit.job("contract-job-kind")
    raises_code(
        winerror.ERROR_INVALID_HANDLE, win32event.CreateEvent, None, 0, 0, "contract-job-kind"
    )


def test_create_and_open_refuse_bad_arguments() -> None:
    with pytest.raises(TypeError, match="None is not a valid string"):
        win32job.CreateJobObject(None, None)
    with pytest.raises(TypeError, match="can not be converted to Unicode"):
        win32job.CreateJobObject(None, 5)
    with pytest.raises(TypeError, match="PySECURITY_ATTRIBUTES"):
        win32job.CreateJobObject(5, "")
    with pytest.raises(TypeError):
        win32job.CreateJobObject()
    with pytest.raises(TypeError, match="None is not a valid string"):
        win32job.OpenJobObject(win32job.JOB_OBJECT_ALL_ACCESS, 0, None)


# -- information -----------------------------------------------------------------------------

BASIC = {
    "PerProcessUserTimeLimit": 0, "PerJobUserTimeLimit": 0, "LimitFlags": 0,
    "MinimumWorkingSetSize": 0, "MaximumWorkingSetSize": 0, "ActiveProcessLimit": 0,
    "Affinity": 0, "PriorityClass": 0, "SchedulingClass": 0,
}  # fmt: skip
IO = {
    "ReadOperationCount": 0, "WriteOperationCount": 0, "OtherOperationCount": 0,
    "ReadTransferCount": 0, "WriteTransferCount": 0, "OtherTransferCount": 0,
}  # fmt: skip
ACCOUNTING = {
    "TotalUserTime": 0, "TotalKernelTime": 0, "ThisPeriodTotalUserTime": 0,
    "ThisPeriodTotalKernelTime": 0, "TotalPageFaultCount": 0, "TotalProcesses": 0,
    "ActiveProcesses": 0, "TotalTerminatedProcesses": 0,
}  # fmt: skip


def test_a_new_job_reports_pywin32s_dicts(kit: Kit) -> None:
    job = kit.job()
    query = win32job.QueryInformationJobObject
    assert query(job, win32job.JobObjectBasicAccountingInformation) == ACCOUNTING
    assert query(job, win32job.JobObjectBasicLimitInformation) == BASIC
    assert query(job, win32job.JobObjectBasicProcessIdList) == ()
    assert query(job, win32job.JobObjectExtendedLimitInformation) == {
        "BasicLimitInformation": BASIC, "IoInfo": IO, "ProcessMemoryLimit": 0,
        "JobMemoryLimit": 0, "PeakProcessMemoryUsed": 0, "PeakJobMemoryUsed": 0,
    }  # fmt: skip


@pytest.mark.parametrize("info_class", [0, -1, 5, 7, 11, 30, 99])
def test_classes_pywin32_does_not_convert_are_not_implemented(kit: Kit, info_class: int) -> None:
    job = kit.job()
    with pytest.raises(NotImplementedError, match="is not supported yet"):
        win32job.QueryInformationJobObject(job, info_class)
    with pytest.raises(NotImplementedError, match="is not supported yet"):
        win32job.SetInformationJobObject(job, info_class, {})


@pytest.mark.parametrize("info_class", [1, 3])
def test_query_only_classes_cannot_be_set(kit: Kit, info_class: int) -> None:
    with pytest.raises(NotImplementedError):
        win32job.SetInformationJobObject(kit.job(), info_class, {})


def test_query_takes_positional_ints_only(kit: Kit) -> None:
    job = kit.job()
    with pytest.raises(TypeError, match="must be int, not str"):
        win32job.QueryInformationJobObject(job, "x")
    with pytest.raises(TypeError, match="keyword"):
        win32job.QueryInformationJobObject(Job=job, JobObjectInfoClass=1)
    assert win32job.QueryInformationJobObject(int(job), 3) == ()


@wine_differs("Wine's NtQueryInformationJobObject reports the limits as all zero")
def test_the_kill_on_close_idiom_round_trips(kit: Kit) -> None:
    job = kit.job()
    kill_on_close(job)
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    assert (
        info["BasicLimitInformation"]["LimitFlags"] == win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    )


@pytest.mark.parametrize(
    ("info_class", "flags"),
    [(2, 0x2000), (2, 0x100), (2, -1), (9, 0x8000), (9, 0x80000), (9, -1)],
)
def test_flags_beyond_the_class_are_an_invalid_parameter(
    kit: Kit, info_class: int, flags: int
) -> None:
    job = kit.job()
    info = win32job.QueryInformationJobObject(job, info_class)
    (info if info_class == 2 else info["BasicLimitInformation"])["LimitFlags"] = flags
    err = raises_code(
        winerror.ERROR_INVALID_PARAMETER, win32job.SetInformationJobObject, job, info_class, info
    )
    assert err.funcname == "SetInformationJobObject"


@pytest.mark.parametrize(("info_class", "flags"), [(2, 0xFF), (9, 0x7FFF)])
def test_every_valid_flag_is_accepted(kit: Kit, info_class: int, flags: int) -> None:
    job = kit.job()
    info = win32job.QueryInformationJobObject(job, info_class)
    (info if info_class == 2 else info["BasicLimitInformation"])["LimitFlags"] = flags
    assert win32job.SetInformationJobObject(job, info_class, info) is None


def test_set_reads_the_dict_as_keyword_arguments(kit: Kit) -> None:
    job = kit.job()
    basic = win32job.QueryInformationJobObject(job, 2)
    extended = win32job.QueryInformationJobObject(job, 9)
    cases: list[tuple[int, Any, str]] = [
        (2, {"LimitFlags": 0}, "missing required argument 'PerProcessUserTimeLimit' (pos 1)"),
        (2, dict(basic, Bogus=1), "takes at most 9 keyword arguments (10 given)"),
        (2, dict(basic, LimitFlags="x"), "argument 3 must be int, not str"),
        (2, dict(basic, LimitFlags=1.5), "argument 3 must be int, not float"),
        (2, dict(basic, Affinity=None), "argument 7 must be int, not None"),
        (9, {"BasicLimitInformation": basic}, "missing required argument 'IoInfo' (pos 2)"),
        (9, dict(extended, Bogus=1), "takes at most 6 keyword arguments (7 given)"),
        (9, dict(extended, BasicLimitInformation=5), "BASIC_LIMIT_INFORMATION must be a dict"),
        (9, dict(extended, IoInfo={}), "missing required argument 'ReadOperationCount'"),
        (2, 5, "argument 3 must be dict, not int"),
    ]
    for info_class, info, message in cases:
        with pytest.raises(TypeError) as caught:
            win32job.SetInformationJobObject(job, info_class, info)
        assert message in str(caught.value), (info, str(caught.value))


def test_ui_restrictions_can_be_set(kit: Kit) -> None:
    info = {"UIRestrictionsClass": win32job.JOB_OBJECT_UILIMIT_NONE}
    assert win32job.SetInformationJobObject(kit.job(), 4, info) is None


# -- handles of the wrong kind ---------------------------------------------------------------


def test_other_handles_are_invalid(kit: Kit) -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    job = win32job.CreateJobObject(None, "")
    closed = int(job)  # the value of a closed handle (a closed PyHANDLE reads as NULL)
    job.Close()
    me = win32api.GetCurrentProcess()
    try:
        for bad in (event, closed, 12345678):
            raises_code(6, win32job.QueryInformationJobObject, bad, 1)
            raises_code(6, win32job.TerminateJobObject, bad, 1)
            raises_code(6, win32job.AssignProcessToJobObject, bad, me)
            raises_code(6, win32job.IsProcessInJob, me, bad)
            raises_code(6, win32job.SetInformationJobObject, bad, 2, dict(BASIC))
        job = kit.job()
        raises_code(6, win32job.AssignProcessToJobObject, job, event)
        raises_code(6, win32job.AssignProcessToJobObject, job, win32api.GetCurrentThread())
        raises_code(6, win32job.AssignProcessToJobObject, job, None)
        raises_code(6, win32job.IsProcessInJob, event, None)
        raises_code(6, win32job.IsProcessInJob, None, None)
        calls: tuple[Callable[[], Any], ...] = (
            lambda: win32job.QueryInformationJobObject("x", 1),
            lambda: win32job.TerminateJobObject("x", 1),
            lambda: win32job.IsProcessInJob(me, "x"),
        )
        for call in calls:
            with pytest.raises(TypeError, match="PyHANDLE"):
                call()
        with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
            win32job.TerminateJobObject(job, "x")
    finally:
        event.Close()


# -- processes -------------------------------------------------------------------------------


def test_this_process_is_in_no_job() -> None:
    assert win32job.IsProcessInJob(win32api.GetCurrentProcess(), None) is False


def test_assign_puts_a_process_in_the_job_and_only_that_one(kit: Kit) -> None:
    job, other = kit.job(), kit.job()
    process, _, pid = kit.child()
    assert win32job.IsProcessInJob(process, job) is False
    assert win32job.IsProcessInJob(process, None) is False
    win32job.AssignProcessToJobObject(job, process)
    win32job.AssignProcessToJobObject(job, process)  # again: nothing changes
    assert win32job.IsProcessInJob(process, job) is True
    assert win32job.IsProcessInJob(process, None) is True
    assert win32job.IsProcessInJob(process, other) is False
    assert win32job.QueryInformationJobObject(job, 3) == (pid,)
    info = win32job.QueryInformationJobObject(job, 1)
    assert (info["TotalProcesses"], info["ActiveProcesses"]) == (1, 1)
    assert info["TotalTerminatedProcesses"] == 0


def test_jobs_nest(kit: Kit) -> None:
    outer, inner = kit.job(), kit.job()
    process, _, _ = kit.child()
    win32job.AssignProcessToJobObject(outer, process)
    win32job.AssignProcessToJobObject(inner, process)
    assert win32job.IsProcessInJob(process, outer) and win32job.IsProcessInJob(process, inner)


def test_terminate_ends_every_process_with_the_code_and_signals_the_job(kit: Kit) -> None:
    job = kit.job()
    first, _, _ = kit.child()
    second, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, first)
    win32job.AssignProcessToJobObject(job, second)
    assert win32event.WaitForSingleObject(job, 0) == TIMEOUT
    win32job.TerminateJobObject(job, 42)
    for process in (first, second):
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 42
    assert win32event.WaitForSingleObject(job, 0) == OBJECT_0
    info = win32job.QueryInformationJobObject(job, 1)
    assert (info["TotalProcesses"], info["ActiveProcesses"]) == (2, 0)
    assert info["TotalTerminatedProcesses"] == 0  # only limit violations count
    assert win32job.QueryInformationJobObject(job, 3) == ()
    win32job.TerminateJobObject(job, 43)  # again: nothing left to end, no error


def test_terminating_an_empty_job_signals_it(kit: Kit) -> None:
    job = kit.job()
    win32job.TerminateJobObject(job, 1)
    assert win32event.WaitForMultipleObjects([job], False, 0) == OBJECT_0


def test_an_exited_process_cannot_join(kit: Kit) -> None:
    process, _, _ = kit.child(f'"{sys.executable}" -c "pass"')
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    err = raises_code(
        winerror.ERROR_ACCESS_DENIED, win32job.AssignProcessToJobObject, kit.job(), process
    )
    assert err.funcname == "AssignProcessToJobObject"


def test_kill_on_close_ends_the_processes_with_the_last_handle(kit: Kit) -> None:
    job = win32job.CreateJobObject(None, "")
    kill_on_close(job)
    process, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, process)
    second = win32api.DuplicateHandle(
        win32api.GetCurrentProcess(), job, win32api.GetCurrentProcess(), 0, False,
        win32con.DUPLICATE_SAME_ACCESS,
    )  # fmt: skip
    job.Close()
    assert win32event.WaitForSingleObject(process, 0) == TIMEOUT  # a handle is left
    second.Close()
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
    assert win32process.GetExitCodeProcess(process) == 0


def test_without_kill_on_close_the_processes_outlive_the_job(kit: Kit) -> None:
    job = win32job.CreateJobObject(None, "")
    process, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, process)
    job.Close()
    assert win32event.WaitForSingleObject(process, 0) == TIMEOUT


@wine_differs("Wine does not enforce the active process limit")
def test_a_process_beyond_the_active_process_limit_is_refused_and_ended(kit: Kit) -> None:
    job = kit.job()
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectBasicLimitInformation)
    info["LimitFlags"] = win32job.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
    info["ActiveProcessLimit"] = 1
    win32job.SetInformationJobObject(job, win32job.JobObjectBasicLimitInformation, info)
    first, _, _ = kit.child()
    second, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, first)
    raises_code(winerror.ERROR_NOT_ENOUGH_QUOTA, win32job.AssignProcessToJobObject, job, second)
    assert win32event.WaitForSingleObject(second, EXIT_MS) == OBJECT_0
    assert win32job.IsProcessInJob(first, job) is True
    assert win32job.QueryInformationJobObject(job, 1)["TotalTerminatedProcesses"] == 1


MEMBER = """
import sys, win32event, win32process
command = '"' + sys.executable + '" -c "import threading; threading.Event().wait()"'
win32process.CreateProcess(None, command, None, None, 0, 0, None, None, win32process.STARTUPINFO())
win32event.SetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, sys.argv[1]))
win32event.WaitForSingleObject(win32event.CreateEvent(None, 0, 0, None), -1)
"""


def test_a_process_started_by_a_member_joins_the_job(kit: Kit, tmp_path: Any) -> None:
    job = kit.job()
    script = tmp_path / "member.py"
    script.write_text(MEMBER)
    name = f"contract-job-member-{win32api.GetCurrentProcessId()}"
    started = win32event.CreateEvent(None, True, False, name)
    try:
        member, thread, pid = kit.child(
            f'"{sys.executable}" "{script}" {name}', win32process.CREATE_SUSPENDED
        )
        win32job.AssignProcessToJobObject(job, member)
        win32process.ResumeThread(thread)
        assert win32event.WaitForSingleObject(started, EXIT_MS) == OBJECT_0
        pids = win32job.QueryInformationJobObject(job, 3)
        assert len(pids) == 2 and pid in pids
        assert win32job.QueryInformationJobObject(job, 1)["TotalProcesses"] == 2
        win32job.TerminateJobObject(job, 3)
        assert win32event.WaitForSingleObject(member, EXIT_MS) == OBJECT_0
        assert win32job.QueryInformationJobObject(job, 3) == ()
    finally:
        started.Close()


# -- access rights ---------------------------------------------------------------------------


def test_the_process_handle_needs_its_rights(kit: Kit) -> None:
    job = kit.job()
    _, _, pid = kit.child()
    opened = []
    try:
        for access in (win32con.PROCESS_QUERY_INFORMATION, win32con.SYNCHRONIZE, 0x100, 0x1):
            process = win32api.OpenProcess(access, False, pid)
            opened.append(process)
            raises_code(
                winerror.ERROR_ACCESS_DENIED, win32job.AssignProcessToJobObject, job, process
            )
        for access in (win32con.SYNCHRONIZE, 0x101):
            process = win32api.OpenProcess(access, False, pid)
            opened.append(process)
            raises_code(winerror.ERROR_ACCESS_DENIED, win32job.IsProcessInJob, process, None)
        both = win32api.OpenProcess(win32con.PROCESS_SET_QUOTA | win32con.PROCESS_TERMINATE, 0, pid)
        opened.append(both)
        win32job.AssignProcessToJobObject(job, both)
        query = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, pid)
        opened.append(query)
        assert win32job.IsProcessInJob(query, None) is True
    finally:
        for process in opened:
            process.Close()


@wine_differs("Wine asks PROCESS_QUERY_INFORMATION of IsProcessInJob; Windows takes the limited")
def test_is_process_in_job_takes_the_limited_query_right(kit: Kit) -> None:
    _, _, pid = kit.child()
    process = win32api.OpenProcess(win32con.PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    try:
        assert win32job.IsProcessInJob(process, None) is False
    finally:
        process.Close()


def test_the_job_handle_needs_its_rights(kit: Kit) -> None:
    job = kit.job("contract-job-rights")
    process, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, process)
    info = win32job.QueryInformationJobObject(job, 2)
    calls: dict[int, Callable[[Any], Any]] = {
        win32job.JOB_OBJECT_QUERY: lambda h: win32job.QueryInformationJobObject(h, 1),
        win32job.JOB_OBJECT_SET_ATTRIBUTES: lambda h: win32job.SetInformationJobObject(h, 2, info),
        win32job.JOB_OBJECT_ASSIGN_PROCESS: lambda h: win32job.AssignProcessToJobObject(h, process),
        win32con.SYNCHRONIZE: lambda h: win32event.WaitForSingleObject(h, 0),
    }
    for access in (*calls, win32job.JOB_OBJECT_TERMINATE):
        handle = win32job.OpenJobObject(access, False, "contract-job-rights")
        try:
            for needed, call in calls.items():
                if needed == access:
                    call(handle)
                else:
                    raises_code(winerror.ERROR_ACCESS_DENIED, call, handle)
            if access != win32job.JOB_OBJECT_QUERY:
                raises_code(winerror.ERROR_ACCESS_DENIED, win32job.IsProcessInJob, process, handle)
            if access != win32job.JOB_OBJECT_TERMINATE:
                raises_code(winerror.ERROR_ACCESS_DENIED, win32job.TerminateJobObject, handle, 1)
            else:
                win32job.TerminateJobObject(handle, 1)
        finally:
            handle.Close()
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0  # the last one ended it


def test_a_dropped_job_handle_closes_and_kills(kit: Kit) -> None:
    job = win32job.CreateJobObject(None, "")
    kill_on_close(job)
    process, _, _ = kit.child()
    win32job.AssignProcessToJobObject(job, process)
    del job  # the PyHANDLE closes its handle as it goes
    assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0


BREAKAWAY_MEMBER = """
import sys, win32job, win32process
command = '"' + sys.executable + '" -c "import threading; threading.Event().wait()"'
try:
    child = win32process.CreateProcess(
        None, command, None, None, 0, int(sys.argv[1]), None, None, win32process.STARTUPINFO()
    )
except win32process.error as failure:
    sys.exit(failure.winerror & 0xFF)  # the low byte: all a Linux exit status keeps
joined = win32job.IsProcessInJob(child[0], None)
win32process.TerminateProcess(child[0], 0)
sys.exit(100 + joined)
"""
JOINED, LEFT = 101, 100


def member_result(kit: Kit, tmp_path: Any, limits: int, flags: int, active: int = 0) -> int:
    """What a member of a job with ``limits`` got starting a child with creation ``flags``."""
    job = kit.job()
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    info["BasicLimitInformation"]["LimitFlags"] = limits
    info["BasicLimitInformation"]["ActiveProcessLimit"] = active
    win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
    script = tmp_path / "breakaway_member.py"
    script.write_text(BREAKAWAY_MEMBER)
    member, thread, _ = kit.child(
        f'"{sys.executable}" "{script}" {flags}', win32process.CREATE_SUSPENDED
    )
    win32job.AssignProcessToJobObject(job, member)
    win32process.ResumeThread(thread)
    assert win32event.WaitForSingleObject(member, EXIT_MS) == OBJECT_0
    code: int = win32process.GetExitCodeProcess(member)
    return code


BREAK = win32process.CREATE_BREAKAWAY_FROM_JOB


@pytest.mark.parametrize(
    ("limits", "flags", "result"),
    [
        (0, 0, JOINED),
        (0, BREAK, winerror.ERROR_ACCESS_DENIED),
        (win32job.JOB_OBJECT_LIMIT_BREAKAWAY_OK, BREAK, LEFT),
        (win32job.JOB_OBJECT_LIMIT_BREAKAWAY_OK, 0, JOINED),
        (win32job.JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK, 0, LEFT),
    ],
)
def test_a_members_child_joins_unless_it_breaks_away(
    kit: Kit, tmp_path: Any, limits: int, flags: int, result: int
) -> None:
    assert member_result(kit, tmp_path, limits, flags) == result


@wine_differs("Wine does not apply the active process limit to a member's children")
def test_a_members_child_beyond_the_active_process_limit_is_refused(
    kit: Kit, tmp_path: Any
) -> None:
    limits = win32job.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
    assert member_result(kit, tmp_path, limits, 0, 1) == winerror.ERROR_NOT_ENOUGH_QUOTA & 0xFF


NAMER = """
import sys, win32event, win32job
job = win32job.CreateJobObject(None, sys.argv[1])
win32event.SetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, sys.argv[2]))
win32event.WaitForSingleObject(win32event.CreateEvent(None, 0, 0, None), -1)
"""


def test_another_processs_job_name_is_not_an_events(kit: Kit, tmp_path: Any) -> None:
    script = tmp_path / "namer.py"
    script.write_text(NAMER)
    name = f"contract-job-other-{win32api.GetCurrentProcessId()}"
    ready = win32event.CreateEvent(None, True, False, name + "-ready")
    try:
        namer, _, _ = kit.child(f'"{sys.executable}" "{script}" {name} {name}-ready')
        assert win32event.WaitForSingleObject(ready, EXIT_MS) == OBJECT_0
        raises_code(winerror.ERROR_INVALID_HANDLE, win32event.CreateEvent, None, 0, 0, name)
        raises_code(
            winerror.ERROR_INVALID_HANDLE,
            win32event.OpenEvent, win32event.EVENT_ALL_ACCESS, 0, name,
        )  # fmt: skip
        win32process.TerminateProcess(namer, 0)
        assert win32event.WaitForSingleObject(namer, EXIT_MS) == OBJECT_0
        event = win32event.CreateEvent(None, 0, 0, name)  # the name went with its process
        assert win32api.GetLastError() == 0
        event.Close()
    finally:
        ready.Close()


OWNER = """
import sys, win32event, win32job, win32process
job = win32job.CreateJobObject(None, "")
info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
info["BasicLimitInformation"]["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
command = '"' + sys.executable + '" -c "import threading; threading.Event().wait()"'
child = win32process.CreateProcess(
    None, command, None, None, 0, 0, None, None, win32process.STARTUPINFO()
)
win32job.AssignProcessToJobObject(job, child[0])
with open(sys.argv[1], "w") as pid_file:
    pid_file.write(str(child[2]))
win32event.SetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, sys.argv[2]))
go = win32event.OpenEvent(win32event.SYNCHRONIZE, 0, sys.argv[3])
win32event.WaitForSingleObject(go, -1)  # then the program ends: its job handle closes
"""


@pytest.mark.parametrize("how", ["exits", "is terminated"])
def test_a_programs_kill_on_close_job_dies_with_it(kit: Kit, tmp_path: Any, how: str) -> None:
    script = tmp_path / "owner.py"
    script.write_text(OWNER)
    pid_file = tmp_path / "pid.txt"
    name = f"contract-job-owner-{win32api.GetCurrentProcessId()}"
    ready = win32event.CreateEvent(None, True, False, name + "-ready")
    go = win32event.CreateEvent(None, True, False, name + "-go")
    child = None
    try:
        owner, _, _ = kit.child(
            f'"{sys.executable}" "{script}" "{pid_file}" {name}-ready {name}-go'
        )
        assert win32event.WaitForSingleObject(ready, EXIT_MS) == OBJECT_0
        child = win32api.OpenProcess(win32con.SYNCHRONIZE, False, int(pid_file.read_text()))
        assert win32event.WaitForSingleObject(child, 0) == TIMEOUT
        if how == "exits":
            win32event.SetEvent(go)
        else:
            win32process.TerminateProcess(owner, 9)  # SIGKILL here
        assert win32event.WaitForSingleObject(owner, EXIT_MS) == OBJECT_0
        assert win32event.WaitForSingleObject(child, EXIT_MS) == OBJECT_0
    finally:
        if child is not None:
            child.Close()
        ready.Close()
        go.Close()


SELF_OWNER = """
import subprocess, sys, win32api, win32event, win32job
job = win32job.CreateJobObject(None, "")
info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
info["BasicLimitInformation"]["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
win32job.AssignProcessToJobObject(job, win32api.GetCurrentProcess())
child = subprocess.Popen([sys.executable, "-c", "import threading; threading.Event().wait()"])
with open(sys.argv[1], "w") as pid_file:
    pid_file.write(str(child.pid))
win32event.SetEvent(win32event.OpenEvent(win32event.EVENT_MODIFY_STATE, 0, sys.argv[2]))
win32event.WaitForSingleObject(win32event.CreateEvent(None, 0, 0, None), -1)
"""


def test_a_process_in_a_job_puts_what_it_starts_by_any_means_in_it(kit: Kit, tmp_path: Any) -> None:
    script = tmp_path / "self_owner.py"
    script.write_text(SELF_OWNER)
    pid_file = tmp_path / "pid.txt"
    name = f"contract-job-self-{win32api.GetCurrentProcessId()}"
    ready = win32event.CreateEvent(None, True, False, name)
    child = None
    try:
        owner, _, _ = kit.child(f'"{sys.executable}" "{script}" "{pid_file}" {name}')
        assert win32event.WaitForSingleObject(ready, EXIT_MS) == OBJECT_0
        access = win32con.SYNCHRONIZE | win32con.PROCESS_QUERY_INFORMATION
        child = win32api.OpenProcess(access, False, int(pid_file.read_text()))
        assert win32job.IsProcessInJob(child, None) is True
        win32process.TerminateProcess(owner, 9)  # its job's last handle goes with it
        assert win32event.WaitForSingleObject(child, EXIT_MS) == OBJECT_0
    finally:
        if child is not None:
            child.Close()
        ready.Close()
