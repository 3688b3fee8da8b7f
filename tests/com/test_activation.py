"""Activation: where an object lives by its threading model (semantics.md §7.3)."""

from __future__ import annotations

import threading

from apartment import com

from ._helpers import StaThread, in_apartment, run_script


class Probe:
    """Reports where it was made and where each call runs."""

    def __init__(self) -> None:
        self.created = threading.get_native_id()

    def where(self) -> int:
        return threading.get_native_id()


@com.threading_model("Apartment")
class ApartmentProbe(Probe):
    pass


@com.threading_model("Free")
class FreeProbe(Probe):
    pass


@com.threading_model("Both")
class BothProbe(Probe):
    pass


@com.threading_model("Neutral")
class NeutralProbe(Probe):
    pass


def _made_here(cls: type[Probe]) -> tuple[bool, bool, bool]:
    obj = com.create(cls)
    me = threading.get_native_id()
    return isinstance(obj, com.Proxy), obj.created == me, obj.where() == me


def test_both_lives_in_the_creators_apartment_sta_or_mta() -> None:
    assert in_apartment(lambda: _made_here(BothProbe)) == (False, True, True)
    assert in_apartment(lambda: _made_here(BothProbe), True) == (False, True, True)


def test_apartment_from_an_sta_lives_in_that_sta() -> None:
    assert in_apartment(lambda: _made_here(ApartmentProbe)) == (False, True, True)


def test_free_from_an_mta_lives_in_the_mta_with_the_creator() -> None:
    assert in_apartment(lambda: _made_here(FreeProbe), True) == (False, True, True)


def test_free_from_an_sta_lives_in_the_mta_behind_a_proxy() -> None:
    def body() -> tuple[bool, bool, bool]:
        obj = com.create(FreeProbe)
        me = threading.get_native_id()
        return isinstance(obj, com.Proxy), obj.created != me, obj.where() != me

    assert in_apartment(body) == (True, True, True)


def test_apartment_from_the_mta_lives_in_the_host_sta_behind_a_proxy() -> None:
    def body() -> tuple[bool, bool, bool]:
        obj = com.create(ApartmentProbe)
        host = com.host_sta()
        assert host.thread is not None
        return (
            isinstance(obj, com.Proxy),
            obj.created == host.thread.native_id,
            (obj.where() == obj.created),
        )

    assert in_apartment(body, True) == (True, True, True)


def test_neutral_objects_run_on_the_callers_thread_through_a_proxy() -> None:
    def body() -> tuple[bool, bool, bool]:
        obj = com.create(NeutralProbe)
        me = threading.get_native_id()
        return isinstance(obj, com.Proxy), obj.created == me, obj.where() == me

    assert in_apartment(body) == (True, True, True)


def test_legacy_classes_live_in_the_main_sta() -> None:
    output = run_script(
        """
        import threading
        from apartment import com, messages
        from apartment.kernel import Event, start_thread
        class Legacy:
            _reg_threading_ = None
            def __init__(self): self.created = threading.get_native_id()
            def where(self): return threading.get_native_id()
        com.initialize()  # the main STA
        main = threading.get_native_id()
        done = Event(manual_reset=True)
        found = []
        def other():
            com.initialize(True)
            obj = com.create(Legacy)
            found.append((type(obj).__name__, obj.created == main, obj.where() == main))
            com.uninitialize()
            done.set()
        start_thread(other)
        while messages.msg_wait_any([done], 10) != (0, False, False):
            messages.pump_waiting_messages()
        print(found[0])
        print(type(com.create(Legacy)).__name__)
        """
    )
    assert output.splitlines() == ["('Proxy', True, True)", "Legacy"]


def test_legacy_classes_start_a_host_sta_that_becomes_main_when_there_is_none() -> None:
    output = run_script(
        """
        from apartment import com
        class Legacy:
            _reg_threading_ = ""
        com.initialize(True)
        obj = com.create(Legacy)
        print(type(obj).__name__, com.main_sta() is com.host_sta())
        """
    )
    assert output.split() == ["Proxy", "True"]


def test_an_sta_created_object_is_called_on_its_thread_while_it_pumps() -> None:
    home = StaThread(lambda: com.marshal(com.create(ApartmentProbe)))
    try:
        assert in_apartment(lambda: home.result.unmarshal().where()) == home.thread.native_id
    finally:
        home.stop()


def test_threading_model_rejects_unknown_names() -> None:
    import pytest

    with pytest.raises(ValueError, match="threading model"):
        com.threading_model("Single")
