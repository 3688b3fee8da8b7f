"""The pytest plugin's fixtures, used as a user's tests would use them."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.testing import MtaMember, StaThread

if TYPE_CHECKING:
    from pathlib import Path


class Widget:
    def where(self) -> int:
        return threading.get_native_id()


def test_sta_thread_runs_calls_on_its_thread(sta_thread: StaThread[None]) -> None:
    assert sta_thread.call(threading.get_native_id) == sta_thread.thread.native_id
    assert sta_thread.call(lambda: com.current_apartment().is_sta)


def test_sta_thread_serves_proxies_while_it_pumps(
    sta_thread: StaThread[None], mta: com.Apartment, apartment_leak_check: None
) -> None:
    token = sta_thread.call(lambda: com.marshal(Widget()))
    results: list[int] = []

    def use() -> None:
        with com.mta():
            results.append(token.unmarshal().where())

    worker = threading.Thread(target=use)
    worker.start()
    worker.join(30)
    token.release()
    assert results == [sta_thread.thread.native_id]


def test_class_registry_is_fresh_and_private(class_registry: Path) -> None:
    assert com.registry_path() == class_registry
    assert com.entries() == []


def test_the_leak_check_catches_a_thread_left_in_an_apartment(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import threading
        from apartment import com
        from apartment.kernel import Event, start_thread

        gate = Event()

        def test_leaks(apartment_leak_check):
            def body():
                com.initialize()
                gate.wait()
            start_thread(body)
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*is still in*STA*"])


def test_the_leak_check_leaves_the_librarys_host_sta_alone(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from apartment import com

        def test_starts_the_host_sta(apartment_leak_check):
            com.initialize(True)
            try:
                com.host_sta()
            finally:
                com.uninitialize()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_setup_runs_in_the_apartment_and_its_error_reaches_the_constructor() -> None:
    sta = StaThread(lambda: (threading.get_native_id(), com.current_apartment().is_sta))
    member = MtaMember(lambda: com.current_apartment().is_sta)
    try:
        assert sta.result == (sta.thread.native_id, True)
        assert member.result is False
    finally:
        member.stop()
        sta.stop()

    def boom() -> None:
        raise LookupError("setup failed")

    with pytest.raises(LookupError, match="setup failed"):
        StaThread(boom)
    with pytest.raises(LookupError, match="setup failed"):
        MtaMember(boom)
