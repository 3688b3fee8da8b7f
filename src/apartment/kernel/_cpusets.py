"""CPU sets (GetSystemCpuSetInformation): the machine's logical processors as Windows lists them.

One CPU set per logical processor, its id ``0x100 + n`` as Windows numbers them, in groups of
64. Its core, last-level cache and NUMA node are read from Linux's sysfs
(``/sys/devices/system/cpu``): a core's index is that of its first logical processor, and so
is a cache's, as Windows gives them. Nothing is parked, allocated or reserved here; every
processor has efficiency class 0 (a machine without efficiency cores, as sysfs cannot tell).
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Final

__all__ = ["CpuSet", "cpu_sets"]

_SYSFS: Final = Path("/sys/devices/system/cpu")
_FIRST_ID: Final = 0x100  # Windows' first CPU set id


@dataclasses.dataclass(frozen=True)
class CpuSet:
    """One logical processor as SYSTEM_CPU_SET_INFORMATION describes it."""

    id: int
    group: int
    logical_processor_index: int
    core_index: int
    last_level_cache_index: int
    numa_node_index: int
    efficiency_class: int = 0
    scheduling_class: int = 0
    allocation_tag: int = 0
    parked: bool = False
    allocated: bool = False
    allocated_to_target_process: bool = False
    real_time: bool = False


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def _cpu_list(text: str | None) -> list[int]:
    """The processors of a sysfs list (``0-3,8``)."""
    found: list[int] = []
    for part in (text or "").split(","):
        first, _, last = part.partition("-")
        if first.isdigit():
            found.extend(range(int(first), int(last or first) + 1))
    return found


def _first_sharing(cpu: int, relative: str, fallback: int) -> int:
    shared = _cpu_list(_read(_SYSFS / f"cpu{cpu}" / relative))
    return min(shared) if shared else fallback


def _last_level_cache(cpu: int) -> int:
    caches = sorted(
        (_SYSFS / f"cpu{cpu}" / "cache").glob("index*"),
        key=lambda path: int(_read(path / "level") or 0),
    )
    if not caches:
        return cpu
    return _first_sharing(cpu, f"cache/{caches[-1].name}/shared_cpu_list", cpu)


def _numa_node(cpu: int) -> int:
    for entry in (_SYSFS / f"cpu{cpu}").glob("node*"):
        match = re.fullmatch(r"node(\d+)", entry.name)
        if match:
            return int(match.group(1))
    return 0


def cpu_sets() -> list[CpuSet]:
    """The machine's CPU sets, one per logical processor, in order (GetSystemCpuSetInformation)."""
    online = _cpu_list(_read(_SYSFS / "online")) or list(range(os.cpu_count() or 1))
    index_of = {cpu: index for index, cpu in enumerate(online)}  # Linux's numbers have gaps
    return [
        CpuSet(
            id=_FIRST_ID + index,
            group=index // 64,
            logical_processor_index=index % 64,
            core_index=index_of.get(
                _first_sharing(cpu, "topology/thread_siblings_list", cpu), index
            ),
            last_level_cache_index=index_of.get(_last_level_cache(cpu), index),
            numa_node_index=_numa_node(cpu),
        )
        for index, cpu in enumerate(online)
    ]
