"""pywin32's ``win32job``: job objects, groups of processes ended and limited together.

The common idiom (a job whose processes die with its last handle, or with this process)::

    job = win32job.CreateJobObject(None, "")
    info = win32job.QueryInformationJobObject(job, win32job.JobObjectExtendedLimitInformation)
    info["BasicLimitInformation"]["LimitFlags"] |= win32job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    win32job.SetInformationJobObject(job, win32job.JobObjectExtendedLimitInformation, info)
    win32job.AssignProcessToJobObject(job, process)

The information classes pywin32 converts are read and written as its dicts (``_jobinfo``);
the others raise NotImplementedError, as pywin32 does. What the core models of a job is in
``apartment.kernel._job``.
"""

from __future__ import annotations

from typing import Any

from .. import kernel
from ..kernel import JobObject, ProcessHandle
from ._adapt import api, as_bool, dword, set_last_error
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._jobinfo import (
    accounting_dict,
    extended_dict,
    io_dict,
    limits_dict,
    read_basic_limits,
    read_extended_limits,
    read_fields,
)
from ._security import inherits
from .pywintypes import error
from .winerror import ERROR_ALREADY_EXISTS

__all__ = [
    "error",
    "AssignProcessToJobObject", "CreateJobObject", "IsProcessInJob", "OpenJobObject",
    "QueryInformationJobObject", "SetInformationJobObject", "TerminateJobObject",
    "UserHandleGrantAccess",
    "JOB_OBJECT_ALL_ACCESS", "JOB_OBJECT_ASSIGN_PROCESS", "JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS",
    "JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS", "JOB_OBJECT_LIMIT_ACTIVE_PROCESS",
    "JOB_OBJECT_LIMIT_AFFINITY", "JOB_OBJECT_LIMIT_BREAKAWAY_OK",
    "JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION", "JOB_OBJECT_LIMIT_JOB_MEMORY",
    "JOB_OBJECT_LIMIT_JOB_TIME", "JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE",
    "JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME", "JOB_OBJECT_LIMIT_PRIORITY_CLASS",
    "JOB_OBJECT_LIMIT_PROCESS_MEMORY", "JOB_OBJECT_LIMIT_PROCESS_TIME",
    "JOB_OBJECT_LIMIT_SCHEDULING_CLASS", "JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK",
    "JOB_OBJECT_LIMIT_VALID_FLAGS", "JOB_OBJECT_LIMIT_WORKINGSET",
    "JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS", "JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT",
    "JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO", "JOB_OBJECT_MSG_END_OF_JOB_TIME",
    "JOB_OBJECT_MSG_END_OF_PROCESS_TIME", "JOB_OBJECT_MSG_EXIT_PROCESS",
    "JOB_OBJECT_MSG_JOB_MEMORY_LIMIT", "JOB_OBJECT_MSG_NEW_PROCESS",
    "JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT", "JOB_OBJECT_POST_AT_END_OF_JOB", "JOB_OBJECT_QUERY",
    "JOB_OBJECT_SECURITY_FILTER_TOKENS", "JOB_OBJECT_SECURITY_NO_ADMIN",
    "JOB_OBJECT_SECURITY_ONLY_TOKEN", "JOB_OBJECT_SECURITY_RESTRICTED_TOKEN",
    "JOB_OBJECT_SECURITY_VALID_FLAGS", "JOB_OBJECT_SET_ATTRIBUTES",
    "JOB_OBJECT_SET_SECURITY_ATTRIBUTES", "JOB_OBJECT_TERMINATE",
    "JOB_OBJECT_TERMINATE_AT_END_OF_JOB", "JOB_OBJECT_UILIMIT_ALL", "JOB_OBJECT_UILIMIT_DESKTOP",
    "JOB_OBJECT_UILIMIT_DISPLAYSETTINGS", "JOB_OBJECT_UILIMIT_EXITWINDOWS",
    "JOB_OBJECT_UILIMIT_GLOBALATOMS", "JOB_OBJECT_UILIMIT_HANDLES", "JOB_OBJECT_UILIMIT_NONE",
    "JOB_OBJECT_UILIMIT_READCLIPBOARD", "JOB_OBJECT_UILIMIT_SYSTEMPARAMETERS",
    "JOB_OBJECT_UILIMIT_WRITECLIPBOARD", "JOB_OBJECT_UI_VALID_FLAGS",
    "JobObjectAssociateCompletionPortInformation", "JobObjectBasicAccountingInformation",
    "JobObjectBasicAndIoAccountingInformation", "JobObjectBasicLimitInformation",
    "JobObjectBasicProcessIdList", "JobObjectBasicUIRestrictions",
    "JobObjectEndOfJobTimeInformation", "JobObjectExtendedLimitInformation",
    "JobObjectJobSetInformation", "JobObjectSecurityLimitInformation", "MaxJobObjectInfoClass",
    "UNICODE",
]  # fmt: skip

UNICODE = 1

# Access rights
JOB_OBJECT_ASSIGN_PROCESS = 0x1
JOB_OBJECT_SET_ATTRIBUTES = 0x2
JOB_OBJECT_QUERY = 0x4
JOB_OBJECT_TERMINATE = 0x8
JOB_OBJECT_SET_SECURITY_ATTRIBUTES = 0x10
JOB_OBJECT_ALL_ACCESS = 0x1F003F

# The process rights job calls ask for
_PROCESS_TERMINATE = 0x0001
_PROCESS_SET_QUOTA = 0x0100
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000

# Limit flags
JOB_OBJECT_LIMIT_WORKINGSET = 0x1
JOB_OBJECT_LIMIT_PROCESS_TIME = 0x2
JOB_OBJECT_LIMIT_JOB_TIME = 0x4
JOB_OBJECT_LIMIT_ACTIVE_PROCESS = kernel.JOB_OBJECT_LIMIT_ACTIVE_PROCESS
JOB_OBJECT_LIMIT_AFFINITY = 0x10
JOB_OBJECT_LIMIT_PRIORITY_CLASS = 0x20
JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME = 0x40
JOB_OBJECT_LIMIT_SCHEDULING_CLASS = 0x80
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x100
JOB_OBJECT_LIMIT_JOB_MEMORY = 0x200
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x400
JOB_OBJECT_LIMIT_BREAKAWAY_OK = 0x800
JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK = 0x1000
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = kernel.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
JOB_OBJECT_BASIC_LIMIT_VALID_FLAGS = kernel.BASIC_LIMIT_VALID_FLAGS
JOB_OBJECT_EXTENDED_LIMIT_VALID_FLAGS = kernel.EXTENDED_LIMIT_VALID_FLAGS
JOB_OBJECT_LIMIT_VALID_FLAGS = 0x7FFFF

# UI restrictions
JOB_OBJECT_UILIMIT_NONE = 0x0
JOB_OBJECT_UILIMIT_HANDLES = 0x1
JOB_OBJECT_UILIMIT_READCLIPBOARD = 0x2
JOB_OBJECT_UILIMIT_WRITECLIPBOARD = 0x4
JOB_OBJECT_UILIMIT_SYSTEMPARAMETERS = 0x8
JOB_OBJECT_UILIMIT_DISPLAYSETTINGS = 0x10
JOB_OBJECT_UILIMIT_GLOBALATOMS = 0x20
JOB_OBJECT_UILIMIT_DESKTOP = 0x40
JOB_OBJECT_UILIMIT_EXITWINDOWS = 0x80
JOB_OBJECT_UILIMIT_ALL = 0x3FF
JOB_OBJECT_UI_VALID_FLAGS = 0x3FF

# Security limits
JOB_OBJECT_SECURITY_NO_ADMIN = 0x1
JOB_OBJECT_SECURITY_RESTRICTED_TOKEN = 0x2
JOB_OBJECT_SECURITY_ONLY_TOKEN = 0x4
JOB_OBJECT_SECURITY_FILTER_TOKENS = 0x8
JOB_OBJECT_SECURITY_VALID_FLAGS = 0xF

# End-of-job time actions
JOB_OBJECT_TERMINATE_AT_END_OF_JOB = 0
JOB_OBJECT_POST_AT_END_OF_JOB = 1

# Completion port messages
JOB_OBJECT_MSG_END_OF_JOB_TIME = 1
JOB_OBJECT_MSG_END_OF_PROCESS_TIME = 2
JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT = 3
JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO = 4
JOB_OBJECT_MSG_NEW_PROCESS = 6
JOB_OBJECT_MSG_EXIT_PROCESS = 7
JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS = 8
JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT = 9
JOB_OBJECT_MSG_JOB_MEMORY_LIMIT = 10

# Information classes
JobObjectBasicAccountingInformation = 1
JobObjectBasicLimitInformation = 2
JobObjectBasicProcessIdList = 3
JobObjectBasicUIRestrictions = 4
JobObjectSecurityLimitInformation = 5
JobObjectEndOfJobTimeInformation = 6
JobObjectAssociateCompletionPortInformation = 7
JobObjectBasicAndIoAccountingInformation = 8
JobObjectExtendedLimitInformation = 9
JobObjectJobSetInformation = 10
MaxJobObjectInfoClass = 52  # pywin32 builds with the SDK's later classes counted in


def _unsupported(info_class: int) -> NotImplementedError:
    return NotImplementedError(f"Job information class {info_class} is not supported yet")


def _info_class(value: object) -> int:
    if isinstance(value, float) or not hasattr(value, "__index__"):
        raise TypeError(f"argument 2 must be int, not {type(value).__name__}")
    return int(value.__index__())


def _name(value: object) -> str:
    if value is None:
        raise TypeError("None is not a valid string in this context")
    if not isinstance(value, str):
        raise TypeError(
            f"Objects of type '{type(value).__name__}' can not be converted to Unicode."
        )
    return value


@api("CreateJobObject")
def CreateJobObject(jobAttributes: object, name: object, /) -> PyHANDLE:
    """Create a job (an empty name is no name), or open this process's job of that name.

    The last error is ERROR_ALREADY_EXISTS when the job existed, as the idiom reads it.
    """
    inherit = inherits(jobAttributes)
    text = _name(name)
    job, existed = kernel.create_job(text or None)
    handle = new_handle(job, inherit=inherit)
    set_last_error(ERROR_ALREADY_EXISTS if existed else 0)
    return handle


@api("OpenJobObject")
def OpenJobObject(desiredAccess: int, inheritHandles: int, name: object, /) -> PyHANDLE:
    return new_handle(
        kernel.open_job(_name(name)), dword(desiredAccess), inherit=as_bool(inheritHandles)
    )


@api("AssignProcessToJobObject")
def AssignProcessToJobObject(hJob: object, hProcess: object, /) -> None:
    job = lookup(hJob, JobObject, JOB_OBJECT_ASSIGN_PROCESS)
    job.assign(lookup(hProcess, ProcessHandle, _PROCESS_SET_QUOTA | _PROCESS_TERMINATE))


@api("TerminateJobObject")
def TerminateJobObject(hJob: object, exitCode: int, /) -> None:
    job = lookup(hJob, JobObject, JOB_OBJECT_TERMINATE)
    job.terminate(dword(exitCode))


@api("IsProcessInJob")
def IsProcessInJob(hProcess: object, hJob: object, /) -> bool:
    """Whether the process is in the job, or with ``hJob`` None in any job."""
    process = lookup(hProcess, ProcessHandle, _PROCESS_QUERY_LIMITED_INFORMATION)
    if handle_value(hJob) == 0:
        return bool(kernel.process_jobs(process))
    return lookup(hJob, JobObject, JOB_OBJECT_QUERY).contains(process)


@api("QueryInformationJobObject")
def QueryInformationJobObject(
    Job: object, JobObjectInfoClass: object, /
) -> dict[str, Any] | tuple[int, ...]:
    """The information of one class, as pywin32's dict (a tuple of ids for the id list)."""
    info_class = _info_class(JobObjectInfoClass)
    job = lookup(Job, JobObject, JOB_OBJECT_QUERY)
    if info_class == JobObjectBasicAccountingInformation:
        return accounting_dict(job.accounting())
    if info_class == JobObjectBasicLimitInformation:
        return limits_dict(job.limits)
    if info_class == JobObjectBasicProcessIdList:
        return tuple(job.process_ids())
    if info_class == JobObjectBasicUIRestrictions:
        return {"UIRestrictionsClass": job.ui_restrictions}
    if info_class == JobObjectEndOfJobTimeInformation:
        return {"EndOfJobTimeAction": job.end_of_job_time_action}
    if info_class == JobObjectBasicAndIoAccountingInformation:
        return {"BasicInfo": accounting_dict(job.accounting()), "IoInfo": io_dict()}
    if info_class == JobObjectExtendedLimitInformation:
        return extended_dict(job.limits, job.accounting())
    if info_class == JobObjectJobSetInformation:
        return {"MemberLevel": 0}  # no job here is in a job set (CreateJobSet)
    raise _unsupported(info_class)


@api("SetInformationJobObject")
def SetInformationJobObject(
    Job: object, JobObjectInfoClass: object, JobObjectInfo: object, /
) -> None:
    """Set the limits (basic or extended), the UI restrictions or the end-of-job time action."""
    info_class = _info_class(JobObjectInfoClass)
    if not isinstance(JobObjectInfo, dict):
        raise TypeError(f"argument 3 must be dict, not {type(JobObjectInfo).__name__}")
    job = lookup(Job, JobObject, JOB_OBJECT_SET_ATTRIBUTES)
    if info_class == JobObjectBasicLimitInformation:
        job.set_limits(read_basic_limits(JobObjectInfo, job.limits), basic=True)
    elif info_class == JobObjectExtendedLimitInformation:
        job.set_limits(read_extended_limits(JobObjectInfo))
    elif info_class == JobObjectBasicUIRestrictions:
        fields = (("UIRestrictionsClass", 32),)
        job.set_ui_restrictions(
            read_fields(JobObjectInfo, "JOBOBJECT_BASIC_UI_RESTRICTIONS", fields)[0]
        )
    elif info_class == JobObjectEndOfJobTimeInformation:
        fields = (("EndOfJobTimeAction", 32),)
        job.set_end_of_job_time_action(
            read_fields(JobObjectInfo, "JOBOBJECT_END_OF_JOB_TIME_INFORMATION", fields)[0]
        )
    else:
        raise _unsupported(info_class)


@api("UserHandleGrantAccess")
def UserHandleGrantAccess(hUserHandle: object, hJob: object, grant: int, /) -> None:
    """Grant a job's processes a user (window) handle; nothing to do here.

    UI restrictions are kept, not enforced, so there is nothing to lift: the job handle is
    checked only.
    """
    handle_value(hUserHandle)
    lookup(hJob, JobObject, JOB_OBJECT_SET_ATTRIBUTES)
    as_bool(grant)
