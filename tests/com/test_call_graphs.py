"""Random call graphs across apartments: each call runs exactly once, on its object's
thread, and its result reaches the right caller (hypothesis, real threads)."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import com
from apartment.kernel import start_thread, wait_all

from ._helpers import MtaThread, StaThread


class Node:
    """Calls on along a path of node numbers; records which thread ran each hop."""

    def __init__(self, name: int, log: list[tuple[int, int, int]], lock: threading.Lock) -> None:
        self.name = name
        self.log = log
        self.lock = lock
        self.tokens: list[com.Token] = []

    def hop(self, path: tuple[int, ...], caller: int) -> tuple[int, ...]:
        with self.lock:
            self.log.append((self.name, threading.get_native_id(), caller))
        if not path:
            return (self.name,)
        following = self.tokens[path[0]].unmarshal()  # valid in this node's apartment
        return (self.name, *following.hop(path[1:], caller))


@com.threading_model("Free")
class FreeNode(Node):
    """The same, living in the MTA."""


@settings(max_examples=25)
@given(
    paths=st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=5), min_size=1, max_size=4),
    in_sta=st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_every_call_runs_once_on_its_thread_and_returns_to_its_caller(
    paths: list[list[int]], in_sta: list[bool]
) -> None:
    log: list[tuple[int, int, int]] = []
    lock = threading.Lock()

    def make(name: int) -> tuple[Node, com.Token]:
        node = Node(name, log, lock)
        return node, com.marshal(node)

    stas = [StaThread(lambda name=name: make(name)) for name in range(3)]  # type: ignore[misc]
    member = MtaThread(lambda: make_free(log, lock))  # keeps the MTA alive meanwhile
    free = member.result
    tokens = [sta.result[1] for sta in stas] + [free[1]]
    for node in [sta.result[0] for sta in stas] + [free[0]]:
        node.tokens = tokens
    results: dict[int, tuple[int, ...]] = {}

    def caller(index: int, path: list[int]) -> None:
        com.initialize(not in_sta[index])
        try:
            first = tokens[path[0]].unmarshal()
            results[index] = first.hop(tuple(path[1:]), index)
        finally:
            com.uninitialize()

    callers = [start_thread(caller, index, path) for index, path in enumerate(paths)]
    try:
        assert wait_all(callers, 60)
    finally:
        for sta in stas:
            sta.stop()
        member.stop()
    assert results == {index: tuple(path) for index, path in enumerate(paths)}
    assert len(log) == sum(len(path) for path in paths)  # every hop ran exactly once
    homes = {name: sta.thread.native_id for name, sta in enumerate(stas)}
    for name, thread, _ in log:
        if name in homes:
            assert thread == homes[name]  # an STA's object runs only on that STA's thread
    for index, path in enumerate(paths):
        assert [name for name, _, who in log if who == index] == path


def make_free(log: list[tuple[int, int, int]], lock: threading.Lock) -> tuple[Node, com.Token]:
    """Create the MTA node (from an MTA thread, so it lives in the MTA) and its token."""
    node = com.create(FreeNode, 3, log, lock)
    return node, com.marshal(node)
