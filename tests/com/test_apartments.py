"""Apartments: initialization counts, modes, the main STA, the MTA (semantics.md §7.1-7.2)."""

from __future__ import annotations

import pytest

from apartment import com
from apartment.errors import ChangedModeError

from ._helpers import in_apartment, run_script


def test_first_initialization_is_s_ok_and_a_repeat_is_s_false() -> None:
    def body() -> tuple[int, int]:
        com.uninitialize()  # undo in_apartment's initialization
        first = com.initialize(False)
        second = com.initialize(False)
        com.uninitialize()
        return first, second

    assert in_apartment(body) == (0, 1)


def test_the_other_mode_is_refused_with_rpc_e_changed_mode_and_not_counted() -> None:
    def body() -> tuple[int, bool]:
        with pytest.raises(ChangedModeError) as caught:
            com.initialize(True)
        apartment = com.current_apartment()
        return caught.value.hresult, apartment.is_sta

    assert in_apartment(body) == (-2147417850, True)


def test_the_same_for_an_mta_thread() -> None:
    def body() -> int:
        with pytest.raises(ChangedModeError) as caught:
            com.initialize(False)
        return caught.value.hresult

    assert in_apartment(body, multithreaded=True) == -2147417850


def test_uninitialize_balances_every_initialize_including_s_false() -> None:
    def body() -> list[bool]:
        states = []
        com.initialize(False)  # S_FALSE
        com.uninitialize()
        states.append(com._apartment.is_initialized())  # still in: one init left
        return states

    assert in_apartment(body) == [True]


def test_extra_uninitialize_calls_are_ignored() -> None:
    def body() -> bool:
        com.uninitialize()
        com.initialize(False)
        com.uninitialize()
        com.uninitialize()
        com.uninitialize()  # ignored
        com.initialize(False)
        return com.current_apartment().is_sta

    assert in_apartment(body)


def test_every_sta_is_its_own_apartment_and_the_mta_is_shared() -> None:
    first = in_apartment(com.current_apartment)
    second = in_apartment(com.current_apartment)
    assert first is not second
    assert first.is_sta

    def both() -> tuple[object, object]:
        return com.current_apartment(), in_apartment(com.current_apartment, True)

    outer, inner = in_apartment(both, multithreaded=True)
    assert outer is inner


def test_using_com_on_a_thread_with_no_apartment_and_no_mta_fails() -> None:
    output = run_script(
        """
        from apartment import com
        from apartment.errors import NotInitializedError
        try:
            com.current_apartment()
        except NotInitializedError as error:
            print(error.hresult, "initialize" in error.detail)  # the message names the fix
        """
    )
    assert output.split() == ["-2147221008", "True"]


def test_a_thread_with_no_apartment_is_in_the_implicit_mta_while_the_mta_exists() -> None:
    output = run_script(
        """
        import threading
        from apartment import com
        from apartment.kernel import Event, start_thread
        joined, leave = Event(manual_reset=True), Event()
        def member():
            com.initialize(True)
            joined.set()
            leave.wait()
            com.uninitialize()
        t = start_thread(member)
        joined.wait()
        print(com.current_apartment().kind.value)
        leave.set()
        t.wait()
        try:
            com.current_apartment()
        except Exception as error:
            print(type(error).__name__)
        """
    )
    assert output.split() == ["MTA", "NotInitializedError"]


def test_the_first_sta_is_the_main_sta() -> None:
    output = run_script(
        """
        from apartment import com
        from apartment.kernel import start_thread
        com.initialize()
        def other():
            com.initialize()
            print(com.current_apartment().main)
            com.uninitialize()
        start_thread(other).wait()
        print(com.current_apartment().main, com.main_sta() is com.current_apartment())
        """
    )
    assert output.split() == ["False", "True", "True"]
