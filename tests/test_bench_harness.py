"""The benchmark harness's p99 for workloads whose samples each run in a fresh session.

The two-process benchmarks (a partner process per sample: the pipe round trip, the named
event ping-pong) and the named mutex report the p99 of single operations next to their
medians, and a TAIL mark when it is over 3x the median, as the resident servers do.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("bench")

from bench._harness import (
    SMOKE,
    Benchmark,
    Case,
    Peer,
    Placement,
    Sessions,
    format_summary,
    measure,
    one_thread,
    warmup,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bench._harness import Loop

UNPINNED = Placement("unpinned", "not pinned")


class _Recorder:
    """A session that counts what it was asked for: sessions, their steps, the loop's steps."""

    def __init__(self) -> None:
        self.sessions: list[int] = []  # the steps each session was made ready for
        self.open = 0
        self.steps = 0

    @contextmanager
    def session(self, steps: int, placement: Placement) -> Iterator[Loop]:
        self.sessions.append(steps)
        self.open += 1

        def loop(count: int) -> None:
            self.steps += count

        try:
            yield loop
        finally:
            self.open -= 1


def test_a_sample_times_the_whole_loop_in_a_session_of_its_own() -> None:
    recorder = _Recorder()
    run = Sessions(recorder.session)
    assert run(100, UNPINNED) >= 0.0
    assert run(100, UNPINNED) >= 0.0
    assert recorder.sessions == [100, 100]
    assert recorder.open == 0
    assert recorder.steps == 2 * (warmup(100) + 100)  # a partner's count: warm-up, then n


def test_latencies_time_single_steps_in_one_more_session() -> None:
    recorder = _Recorder()
    found = Sessions(recorder.session).latencies(300, UNPINNED)
    assert len(found) == 300
    assert all(t >= 0.0 for t in found)
    assert recorder.sessions == [300]
    assert recorder.open == 0
    assert recorder.steps == warmup(300) + 300


def test_measure_reports_the_p99_of_sessions_and_of_one_thread_latencies() -> None:
    recorder = _Recorder()
    bench = Benchmark(
        "recorded",
        Case("ours", Sessions(recorder.session)),
        [
            Peer(Case("peer", one_thread(lambda: lambda n: None, latencies=True)), 10.0),
            Peer(Case("plain", one_thread(lambda: lambda n: None))),
        ],
        threads=1,
    )
    rows = measure("layer", bench, UNPINNED, SMOKE, set())
    assert len(rows) == 2
    for row in rows:
        assert row.ours_p50_us is not None
        assert row.ours_p99_us is not None
        assert row.ours_p50_us <= row.ours_p99_us
    assert rows[0].peer_p99_us is not None
    assert rows[1].peer_p99_us is None  # a plain workload times no single operations
    assert recorder.open == 0


def test_a_p99_over_3x_the_median_is_marked_tail() -> None:
    row = measure(
        "layer",
        Benchmark(
            "recorded",
            Case("ours", Sessions(_Recorder().session)),
            [Peer(Case("peer", Sessions(_Recorder().session)))],
            threads=1,
        ),
        UNPINNED,
        SMOKE,
        set(),
    )[0]
    row.ours_p50_us, row.ours_p99_us = 10.0, 31.0
    assert "TAIL  [unpinned] layer.recorded: p99 31.00 us" in format_summary([row], [], False)
    row.ours_p99_us = 29.0
    assert "TAIL" not in format_summary([row], [], False)
