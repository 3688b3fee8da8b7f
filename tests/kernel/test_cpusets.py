"""CPU sets: one per logical processor, numbered as Windows numbers them, read from sysfs."""

from __future__ import annotations

import os

from apartment import kernel
from apartment.win32 import win32api


def test_one_cpu_set_per_processor_from_0x100() -> None:
    sets = kernel.cpu_sets()
    assert len(sets) == (os.cpu_count() or 1)
    assert [s.id for s in sets] == [0x100 + n for n in range(len(sets))]
    assert [(s.group, s.logical_processor_index) for s in sets] == [
        (n // 64, n % 64) for n in range(len(sets))
    ]
    for cpu_set in sets:  # a core's (a cache's) index is its first processor's
        assert cpu_set.core_index <= cpu_set.logical_processor_index + 64 * cpu_set.group
        assert not (cpu_set.parked or cpu_set.allocated or cpu_set.real_time)


def test_the_facade_gives_pywin32s_objects() -> None:
    first = win32api.GetSystemCpuSetInformation()[0]
    assert (first.Id, first.Group, first.Parked, first.EfficiencyClass) == (256, 0, False, 0)
    assert str(first) == (
        f"PySYSTEM_CPU_SET_INFORMATION(Id=256, LP=0, Core={first.CoreIndex}, Eff=0, Sched=0)"
    )
