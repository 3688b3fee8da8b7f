"""Contract: GetSystemCpuSetInformation lists one CPU set per logical processor.

Each rule was asked of the real pywin32 first (build 312, under Wine).
"""

from __future__ import annotations

import os

import pytest
import win32api


def test_one_set_per_processor_numbered_from_256() -> None:
    sets = win32api.GetSystemCpuSetInformation()
    assert isinstance(sets, list)
    assert len(sets) == os.cpu_count()
    assert [s.Id for s in sets] == list(range(256, 256 + len(sets)))
    assert [s.LogicalProcessorIndex for s in sets] == list(range(len(sets)))
    assert {s.Group for s in sets} == {0}
    assert {(s.EfficiencyClass, s.SchedulingClass, s.AllocationTag) for s in sets} == {(0, 0, 0)}


def test_a_set_prints_its_ids() -> None:
    first = win32api.GetSystemCpuSetInformation()[0]
    assert type(first).__name__ == "PySYSTEM_CPU_SET_INFORMATION"
    assert str(first) == (
        f"PySYSTEM_CPU_SET_INFORMATION(Id=256, LP=0, Core={first.CoreIndex}, Eff=0, Sched=0)"
    )


def test_it_takes_no_arguments() -> None:
    with pytest.raises(TypeError):
        win32api.GetSystemCpuSetInformation(0)
