"""The job information structures of ``win32job``, read from and written to pywin32's dicts.

pywin32 returns each JOBOBJECT_* structure as a dict keyed by the structure's field names and
reads one back as if it called the structure with the dict as keyword arguments: every field
is required, no other key is allowed, and the messages are Python's argument errors.
"""

from __future__ import annotations

import operator
from typing import Any

from ..kernel import JobAccounting, JobLimits

__all__ = [
    "BASIC_LIMIT_FIELDS",
    "accounting_dict",
    "io_dict",
    "limits_dict",
    "extended_dict",
    "read_basic_limits",
    "read_extended_limits",
    "read_fields",
]

# (key, bits): a DWORD field is read modulo 2**32, a SIZE_T one modulo 2**64, a LARGE_INTEGER
# (bits 0) as it is.
BASIC_LIMIT_FIELDS = (
    ("PerProcessUserTimeLimit", 0),
    ("PerJobUserTimeLimit", 0),
    ("LimitFlags", 32),
    ("MinimumWorkingSetSize", 64),
    ("MaximumWorkingSetSize", 64),
    ("ActiveProcessLimit", 32),
    ("Affinity", 64),
    ("PriorityClass", 32),
    ("SchedulingClass", 32),
)
_IO_FIELDS = tuple(
    (name, 64)
    for name in (
        "ReadOperationCount",
        "WriteOperationCount",
        "OtherOperationCount",
        "ReadTransferCount",
        "WriteTransferCount",
        "OtherTransferCount",
    )
)
_BASIC = "JOBOBJECT_BASIC_LIMIT_INFORMATION"
_EXTENDED = "JOBOBJECT_EXTENDED_LIMIT_INFORMATION"
_IO = "IO_COUNTERS"


def read_fields(value: object, struct: str, fields: tuple[tuple[str, int], ...]) -> list[Any]:
    """Read a dict as the keyword arguments of ``struct``'s fields, in order (ints only).

    Raises:
        TypeError: not a dict, a key missing or unknown, or a value that is not an int; the
            messages are the ones pywin32's argument parsing gives.
    """
    if not isinstance(value, dict):
        raise TypeError(f"{struct} must be a dict")
    if len(value) > len(fields):
        raise TypeError(
            f"{struct}() takes at most {len(fields)} keyword arguments ({len(value)} given)"
        )
    values: list[Any] = []
    for position, (name, bits) in enumerate(fields, 1):
        if name not in value:
            raise TypeError(f"{struct}() missing required argument '{name}' (pos {position})")
        item = value[name]
        if isinstance(item, float) or not hasattr(item, "__index__"):
            raise TypeError(
                f"{struct}() argument {position} must be int, not {type(item).__name__}"
            )
        number = operator.index(item)
        values.append(number & ((1 << bits) - 1) if bits else number)
    names = {name for name, _ in fields}
    for key in value:
        if key not in names:
            raise TypeError(f"'{key}' is an invalid keyword argument for {struct}()")
    return values


def read_basic_limits(value: object, current: JobLimits) -> JobLimits:
    """A JOBOBJECT_BASIC_LIMIT_INFORMATION dict over the current limits (memory ones kept)."""
    basic = read_fields(value, _BASIC, BASIC_LIMIT_FIELDS)
    return _limits(basic, current.process_memory_limit, current.job_memory_limit)


def _limits(basic: list[int], process_memory: int, job_memory: int) -> JobLimits:
    """The limits of the basic fields (in BASIC_LIMIT_FIELDS' order) and the memory ones."""
    per_process, per_job, flags, minimum, maximum, active, affinity, priority, scheduling = basic
    return JobLimits(
        flags=flags,
        per_process_user_time=per_process,
        per_job_user_time=per_job,
        minimum_working_set=minimum,
        maximum_working_set=maximum,
        active_process_limit=active,
        affinity=affinity,
        priority_class=priority,
        scheduling_class=scheduling,
        process_memory_limit=process_memory,
        job_memory_limit=job_memory,
    )


def read_extended_limits(value: object) -> JobLimits:
    """A JOBOBJECT_EXTENDED_LIMIT_INFORMATION dict (its I/O counters and peaks are ignored)."""
    if not isinstance(value, dict):
        raise TypeError(f"{_EXTENDED} must be a dict")
    nested = {
        key: 0 if key in ("BasicLimitInformation", "IoInfo") else v for key, v in value.items()
    }
    read_fields(
        nested,
        _EXTENDED,
        (
            ("BasicLimitInformation", 0),
            ("IoInfo", 0),
            ("ProcessMemoryLimit", 64),
            ("JobMemoryLimit", 64),
            ("PeakProcessMemoryUsed", 64),
            ("PeakJobMemoryUsed", 64),
        ),
    )
    basic = read_fields(value["BasicLimitInformation"], _BASIC, BASIC_LIMIT_FIELDS)
    read_fields(value["IoInfo"], _IO, _IO_FIELDS)
    mask = (1 << 64) - 1
    return _limits(
        basic,
        operator.index(value["ProcessMemoryLimit"]) & mask,
        operator.index(value["JobMemoryLimit"]) & mask,
    )


def limits_dict(limits: JobLimits) -> dict[str, int]:
    """JOBOBJECT_BASIC_LIMIT_INFORMATION as pywin32 returns it."""
    return {
        "PerProcessUserTimeLimit": limits.per_process_user_time,
        "PerJobUserTimeLimit": limits.per_job_user_time,
        "LimitFlags": limits.flags,
        "MinimumWorkingSetSize": limits.minimum_working_set,
        "MaximumWorkingSetSize": limits.maximum_working_set,
        "ActiveProcessLimit": limits.active_process_limit,
        "Affinity": limits.affinity,
        "PriorityClass": limits.priority_class,
        "SchedulingClass": limits.scheduling_class,
    }


def io_dict() -> dict[str, int]:
    """IO_COUNTERS: no I/O is counted per job here, so all zero."""
    return {name: 0 for name, _ in _IO_FIELDS}


def extended_dict(limits: JobLimits, usage: JobAccounting) -> dict[str, Any]:
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION as pywin32 returns it."""
    return {
        "BasicLimitInformation": limits_dict(limits),
        "IoInfo": io_dict(),
        "ProcessMemoryLimit": limits.process_memory_limit,
        "JobMemoryLimit": limits.job_memory_limit,
        "PeakProcessMemoryUsed": usage.peak_process_memory_used,
        "PeakJobMemoryUsed": usage.peak_job_memory_used,
    }


def accounting_dict(usage: JobAccounting) -> dict[str, int]:
    """JOBOBJECT_BASIC_ACCOUNTING_INFORMATION as pywin32 returns it."""
    return {
        "TotalUserTime": usage.total_user_time,
        "TotalKernelTime": usage.total_kernel_time,
        "ThisPeriodTotalUserTime": usage.this_period_total_user_time,
        "ThisPeriodTotalKernelTime": usage.this_period_total_kernel_time,
        "TotalPageFaultCount": usage.total_page_fault_count,
        "TotalProcesses": usage.total_processes,
        "ActiveProcesses": usage.active_processes,
        "TotalTerminatedProcesses": usage.total_terminated_processes,
    }
