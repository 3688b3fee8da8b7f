"""Scripting.Dictionary through the core: a system class, shared by the threads of the MTA.

Its member rules are pinned against Windows in tests/contract/test_scripting_dictionary.py;
here: it needs no registration, a registered class of the same name comes first, and threads
of the MTA calling one dictionary at once lose no key and add none twice.
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

from apartment import com
from apartment.errors import ComError

from ._helpers import in_apartment

CLSID = "{EE09B103-97E0-11CF-978F-00A02463E06F}"
KEY_EXISTS = -2146827831  # 0x800A01C9


def test_it_is_created_by_progid_and_clsid_without_registering() -> None:
    def body() -> tuple[Any, ...]:
        by_name = com.DispatchClient(com.create_object("scripting.dictionary"))
        by_clsid = com.DispatchClient(com.create_object(CLSID))
        by_name.Add("a", 1)
        return by_name.Count, by_clsid.Count, com.clsid_from_progid("Scripting.Dictionary")

    assert in_apartment(body) == (1, 0, CLSID)
    assert com.progid_from_clsid(CLSID) == "Scripting.Dictionary"


def test_a_registered_class_of_that_name_comes_first() -> None:
    entry = com.ClassEntry(
        clsid="{5D1E2B8A-4C33-4E0B-9A51-0C2D3E4F5A6B}",
        class_spec="apartment.com.Dictionary",
        progid="Scripting.Dictionary",
    )
    com.register(entry)
    try:
        assert com.clsid_from_progid("Scripting.Dictionary") == entry.clsid
        assert com.lookup(CLSID).progid == "Scripting.Dictionary"  # still there by CLSID
    finally:
        com.unregister(entry.clsid)
    assert com.clsid_from_progid("Scripting.Dictionary") == CLSID


@pytest.mark.parametrize("switch", [None, 1e-6])
def test_mta_threads_at_once_lose_no_key_and_add_none_twice(switch: float | None) -> None:
    threads, per_thread = 4, 150
    old = sys.getswitchinterval()
    if switch is not None:
        sys.setswitchinterval(switch)
    try:

        def body() -> tuple[int, list[int], int]:
            shared = com.create_object("Scripting.Dictionary")
            start = threading.Barrier(threads)
            duplicates: list[int] = []
            lock = threading.Lock()

            def worker(n: int) -> None:
                def run() -> None:
                    client = com.DispatchClient(shared)
                    start.wait(30)
                    for i in range(per_thread):
                        client.Add(f"{n}-{i}", i)
                        try:
                            client.Add("shared", n)  # one thread wins, the rest get 457
                        except ComError as error:
                            with lock:
                                duplicates.append(error.excepinfo[5] if error.excepinfo else 0)
                        client.Remove(f"{n}-{i}") if i % 2 else None

                in_apartment(run, multithreaded=True)

            workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
            for thread in workers:
                thread.start()
            for thread in workers:
                thread.join(60)
            client = com.DispatchClient(shared)
            return client.Count, sorted(set(duplicates)), len(duplicates)

        count, codes, failures = in_apartment(body, multithreaded=True)
    finally:
        sys.setswitchinterval(old)
    assert count == threads * per_thread // 2 + 1  # the even keys, and "shared" once
    assert codes == [KEY_EXISTS]
    assert failures == threads * per_thread - 1


def test_putting_an_item_keeps_the_spelling_of_its_existing_key() -> None:
    def body() -> tuple[Any, ...]:
        d = com.DispatchClient(com.create_object("Scripting.Dictionary"))
        d.CompareMode = 1  # TextCompare: "Started" and "started" are one key
        d.Add("Started", 1)
        d._pointer.invoke(0, 4, "started", 2)  # Item("started") = 2: a property put
        return tuple(d.Keys()), d.Item("STARTED")

    assert in_apartment(body) == (("Started",), 2)
