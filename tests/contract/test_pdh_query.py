"""Contract: pywin32's win32pdhquery (a reusable query over win32pdh), facade and real pywin32.

Paths are added while the query is closed (0; -1 once open); ``open`` makes the PDH query
(BaseQuery's 0, or 1 when open already; Query's None); a path PDH refuses reads -1; the
collect methods open and close the query around their samples.
"""

from __future__ import annotations

import pytest
import win32pdhquery

from ._wine import ON_THE_ORACLE, wine_differs

CPU = ("Processor", "% Processor Time", "_Total")


def test_paths_are_added_while_closed() -> None:
    query = win32pdhquery.Query()
    assert query.addcounter(*CPU) == 0
    assert query.addcounter("NoSuchObject", "No such counter") == 0  # refused only at open
    assert len(query.paths) == 2
    assert query.open() is None
    try:
        assert (query.active, len(query.counters)) == (1, 2)
        assert query.addcounter(*CPU) == -1
        first = query.collectdata()
        second = query.collectdata()
        assert len(first) == len(second) == 2
        assert second[1] == -1  # the refused path
    finally:
        query.close()
    query.close()
    assert (query.active, query.counters) == (0, [])


def test_base_query_open_says_whether_it_opened() -> None:
    query = win32pdhquery.BaseQuery(["\\Processor(_Total)\\% Processor Time"])
    assert query.open() == 0
    assert query.open() == 1
    query.close()
    assert len(query.collectdata()) == 1  # opened and closed around the sample
    assert query.active == 0


def test_collect_for_a_period() -> None:
    query = win32pdhquery.Query()
    query.addperfcounter(*CPU[:2])
    query.collectdatafor(0.2, 0.1)
    assert len(query.curresults) == 2
    assert query.active == 0
    assert "Query Error" in repr(win32pdhquery.QueryError(query))


@wine_differs("Wine's PdhMakeCounterPath writes instance index -1 as #4294967295")
def test_paths_without_an_instance_index() -> None:
    query = win32pdhquery.Query()
    query.addcounter(*CPU)
    query.addcounter("NoSuchObject", "No such counter")
    assert query.paths == [
        "\\Processor(_Total)\\% Processor Time",
        "\\NoSuchObject\\No such counter",
    ]


@pytest.mark.skipif(ON_THE_ORACLE, reason="pywin32's sampling thread cannot be joined")
def test_collect_on_a_thread_until_stopped() -> None:
    query = win32pdhquery.Query()
    query.addcounter(*CPU)
    query.collectdatawhile(30)  # the stop wakes it: no 30 s wait
    query.collectdatawhile_stop()
    assert query._collector is not None
    query._collector.join(10)
    assert not query._collector.is_alive()
    assert len(query.curresults) <= 1
    assert query.active == 0
