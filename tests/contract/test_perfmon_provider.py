"""Contract: pywin32's perfmon (a service's own counters), on the facade and the real pywin32.

A counter starts as a rate (PERF_COUNTER_COUNTER) at the novice level, its help title its
name's; a manager lays out exactly one object type; pywin32 312's ``Get`` refuses a counter
that is in a block (its check is inverted). Loading counter names takes a lodctr command line.
"""

from __future__ import annotations

import perfmon
import pytest

PERF_COUNTER_COUNTER = 272696320
PERF_DETAIL_NOVICE = 100


def test_a_counter_starts_as_a_novice_rate() -> None:
    counter = perfmon.CounterDefinition(2)
    assert (counter.CounterNameTitleIndex, counter.CounterHelpTitleIndex) == (2, 2)
    assert (counter.CounterType, counter.DetailLevel, counter.DefaultScale) == (
        PERF_COUNTER_COUNTER,
        PERF_DETAIL_NOVICE,
        0,
    )
    counter.Increment()  # outside a block: ignored
    counter.CounterHelpTitleIndex = 3
    assert counter.CounterHelpTitleIndex == 3
    thing = perfmon.ObjectType([counter])
    assert (thing.ObjectNameTitleIndex, thing.ObjectHelpTitleIndex, thing.DefaultCounterIndex) == (
        0,
        0,
        0,
    )


def test_a_manager_lays_out_one_object_type() -> None:
    counter = perfmon.CounterDefinition(2)
    thing = perfmon.ObjectType([counter])
    with pytest.raises(ValueError, match="must have 1 item"):
        perfmon.PerfMonManager("no such service", [thing, thing])
    manager = perfmon.PerfMonManager("no such service", [thing])
    counter.Increment()
    counter.Increment(5)
    counter.Decrement(2)
    counter.Set(7)
    with pytest.raises(ValueError, match="does not exist in a counter block"):
        counter.Get()
    manager.Close()


def test_counter_names_load_from_a_command_line() -> None:
    assert perfmon.LoadPerfCounterTextStrings("lodctr c:\\no such file.ini") is None
    assert perfmon.UnloadPerfCounterTextStrings("unlodctr no such service") is None
