"""Proxies: calls carried home, identity, wrong-thread rules, reentrancy (§7.5-7.7)."""

from __future__ import annotations

import threading

import pytest

from apartment import com, messages
from apartment.errors import (
    CantCallOutError,
    DisconnectedError,
    ObjectNotConnectedError,
    WrongThreadError,
)
from apartment.kernel import Event, start_thread
from apartment.testing import wait_until_blocked

from ._helpers import StaThread, in_apartment, run_script


class Counter:
    """A plain object, not thread-safe: it must be used on its home thread."""

    def __init__(self) -> None:
        self.count = 0
        self.threads: list[int] = []

    def add(self, n: int) -> int:
        self.threads.append(threading.get_native_id())
        self.count += n
        return self.count

    def fail(self) -> None:
        raise KeyError("boom")

    def call_back(self, other: object, n: int) -> object:
        return other.add(n)  # type: ignore[attr-defined]

    def make(self) -> Counter:
        return Counter()

    def echo(self, value: object) -> object:
        return value


def _home() -> StaThread[com.Token]:
    return StaThread(lambda: com.marshal(Counter()))


class _SilentHome:
    """An STA holding a marshaled Counter that does not pump until ``gate`` is set.

    After the gate it pumps once (running the calls queued meanwhile) if ``then_pump``,
    else it ends with them still queued.
    """

    def __init__(self, *, then_pump: bool) -> None:
        self.gate = Event()
        ready = Event(manual_reset=True)
        box: list[com.Token] = []

        def owner() -> None:
            com.initialize()
            box.append(com.marshal(Counter()))
            ready.set()
            self.gate.wait()  # a plain wait: calls posted here do not run
            if then_pump:
                messages.pump_waiting_messages()
            com.uninitialize()

        self.thread = start_thread(owner)
        assert ready.wait(10)
        self.token = box[0]


def test_every_call_runs_on_the_home_thread() -> None:
    home = _home()
    try:

        def body() -> tuple[bool, list[int]]:
            proxy = home.result.unmarshal()
            proxy.add(2)
            proxy.add(3)
            return isinstance(proxy, com.Proxy), proxy.threads

        is_proxy, threads = in_apartment(body)
        assert is_proxy
        assert threads == [home.thread.native_id] * 2
    finally:
        home.stop()


def test_results_and_attributes_come_back_and_exceptions_are_raised() -> None:
    home = _home()
    try:

        def body() -> tuple[int, int]:
            proxy = home.result.unmarshal()
            total = proxy.add(5)
            proxy.count = 40
            with pytest.raises(KeyError):
                proxy.fail()
            return total, proxy.count

        assert in_apartment(body) == (5, 40)
    finally:
        home.stop()


def test_a_proxy_keeps_its_methods_but_reads_every_attribute_afresh() -> None:
    home = _home()
    try:

        def body() -> tuple[bool, list[int], list[int]]:
            proxy = home.result.unmarshal()
            same = proxy.add is proxy.add  # a method is looked up once, then kept
            counts = [proxy.count]
            proxy.add(2)
            counts.append(proxy.count)  # data is read in the object's apartment each time
            proxy.count = 7
            counts.append(proxy.count)
            return same, counts, proxy.threads

        same, counts, threads = in_apartment(body)
        assert same
        assert counts == [0, 2, 7]
        assert threads == [home.thread.native_id]
    finally:
        home.stop()


def test_one_object_has_one_proxy_per_apartment() -> None:
    home = _home()
    try:

        def body() -> bool:
            return home.result.unmarshal() is home.result.unmarshal()

        assert in_apartment(body)
    finally:
        home.stop()


def test_unmarshaling_in_the_objects_own_apartment_gives_the_object() -> None:
    def body() -> bool:
        counter = Counter()
        return com.marshal(counter).unmarshal() is counter

    assert in_apartment(body)


def test_values_cross_by_value_and_objects_by_reference() -> None:
    home = _home()
    try:

        def body() -> tuple[object, bool, int]:
            proxy = home.result.unmarshal()
            data = proxy.echo({"a": [1, 2, (3, b"x")]})
            mine = Counter()
            back = proxy.echo(mine)  # the callee got a proxy; handed back here, it is ours
            made = proxy.make()  # a new object of the home apartment: a proxy here
            return data, back is mine, int(isinstance(made, com.Proxy))

        assert in_apartment(body) == ({"a": [1, 2, (3, b"x")]}, True, 1)
    finally:
        home.stop()


def test_a_callee_calling_back_into_a_blocked_sta_is_served() -> None:
    home = _home()
    try:

        def body() -> object:
            local = Counter()
            proxy = home.result.unmarshal()
            result = proxy.call_back(local, 7)  # home calls local.add on this (waiting) STA
            return result, local.threads == [threading.get_native_id()]

        assert in_apartment(body) == (7, True)
    finally:
        home.stop()


def test_a_proxy_used_from_another_apartment_is_rpc_e_wrong_thread() -> None:
    home = _home()
    holder = StaThread(lambda: home.result.unmarshal())  # keeps the proxy's apartment alive
    try:
        proxy = holder.result
        with pytest.raises(WrongThreadError) as caught:
            in_apartment(lambda: proxy.add(1), True)
        assert caught.value.hresult == -2147417842
    finally:
        holder.stop()
        home.stop()


class _Where:
    _public_methods_ = ["Tid"]

    def Tid(self) -> int:  # noqa: N802
        return threading.get_native_id()


def _where(pointer: com.InterfacePointer) -> int:
    """The thread a call through ``pointer`` runs on."""
    assert isinstance(pointer, com.DispatchPointer)
    return int(pointer.invoke(pointer.ids_of_names("Tid")[0], 1))


def test_a_raw_interface_pointer_used_from_another_apartment_is_rpc_e_wrong_thread() -> None:
    # Windows cannot tell (the call would run on the wrong thread: undefined); we can, and
    # say so (semantics.md, section 10, choice 10).
    home = StaThread(lambda: com.wrap(_Where()))
    try:
        pointer = home.result
        for multithreaded in (False, True):
            with pytest.raises(WrongThreadError):
                in_apartment(lambda: _where(pointer), multithreaded)
        assert home.call(lambda: _where(pointer) == threading.get_native_id())  # at home: fine
    finally:
        home.stop()


def test_query_interface_of_a_proxy_from_no_apartment_is_rpc_e_wrong_thread() -> None:
    # In a fresh process: no (host) MTA, so the thread is in no apartment at all. A call is
    # then CO_E_NOTINITIALIZED, QueryInterface RPC_E_WRONG_THREAD (Windows; marshal.c).
    output = run_script(
        """
        import threading
        from apartment import com
        from apartment.kernel import Event, start_thread

        class Where:
            _public_methods_ = ["Tid"]

            def Tid(self):
                return threading.get_native_id()

        com.initialize(False)
        stream = com.MarshalStream(com.wrap(Where()))
        made, done = Event(manual_reset=True), Event(manual_reset=True)
        box = []

        def holder():
            com.initialize(False)
            box.append(stream.unmarshal())
            made.set()
            done.wait()
            box.clear()
            com.uninitialize()

        def plain():
            proxy = box[0]
            for call in (lambda: proxy.query_interface(com.IID_IUNKNOWN),
                         lambda: proxy.invoke("Tid", 1)):
                try:
                    call()
                except Exception as error:
                    print(type(error).__name__, error.hresult)

        held = start_thread(holder)
        made.wait()
        worker = threading.Thread(target=plain)
        worker.start()
        worker.join(30)
        done.set()
        held.wait(30)
        com.uninitialize()
        """
    )
    assert output.split() == [
        "WrongThreadError",
        "-2147417842",
        "NotInitializedError",
        "-2147221008",
    ]


def test_wrap_needs_no_apartment_and_the_object_runs_on_the_callers_thread() -> None:
    box: list[tuple[bool, bool]] = []

    def body() -> None:
        pointer = com.wrap(_Where())
        box.append((_where(pointer) == threading.get_native_id(), com.unwrap(pointer) is not None))

    plain = threading.Thread(target=body)
    plain.start()
    plain.join(30)
    assert box == [(True, True)]


def test_calls_to_an_ended_sta_are_rpc_e_disconnected() -> None:
    home = _home()

    def body() -> int:
        proxy = home.result.unmarshal()
        home.stop()
        with pytest.raises(DisconnectedError) as caught:
            proxy.add(1)
        return caught.value.hresult

    assert in_apartment(body) == -2147417848


def test_a_proxy_whose_own_apartment_ended_is_co_e_objnotconnected() -> None:
    home = _home()
    try:
        proxy = in_apartment(lambda: home.result.unmarshal())  # that STA has ended now
        with pytest.raises(ObjectNotConnectedError) as caught:
            in_apartment(lambda: proxy.add(1))
        assert caught.value.hresult == -2147220995
    finally:
        home.stop()


def test_a_proxy_on_a_thread_with_no_apartment_is_co_e_notinitialized() -> None:
    output = run_script(
        """
        from apartment import com, messages
        from apartment.kernel import Event, start_thread
        made, stop = Event(manual_reset=True), Event(manual_reset=True)
        box = []
        def home():
            com.initialize()
            box.append(com.marshal(object()))
            made.set()
            while messages.msg_wait_any([stop], 10) != (0, False, False):
                messages.pump_waiting_messages()
            com.uninitialize()
        def holder():
            com.initialize()
            box.append(box[0].unmarshal())
            made.set()
            stop.wait()
            com.uninitialize()
        a = start_thread(home)
        made.wait(); made.reset()
        b = start_thread(holder)
        made.wait()
        try:
            box[1].anything
        except Exception as error:
            print(type(error).__name__, error.hresult)
        stop.set(); a.wait(); b.wait()
        """
    )
    assert output.split() == ["NotInitializedError", "-2147221008"]


def test_a_call_out_while_handling_a_cross_thread_send_is_refused() -> None:
    home = _home()
    seen: list[CantCallOutError] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg == messages.WM_USER:
            try:
                home.result.unmarshal().add(1)
            except CantCallOutError as error:
                seen.append(error)
            return 0
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    messages.register_class("proxies-test-cantcallout", proc)
    try:
        target = StaThread(lambda: messages.create_window("proxies-test-cantcallout"))
        try:
            in_apartment(lambda: messages.send_message(target.result.hwnd, messages.WM_USER))
        finally:
            target.stop()
    finally:
        messages.unregister_class("proxies-test-cantcallout")
        home.stop()
    assert [error.hresult for error in seen] == [-2147417843]


def test_the_modal_loop_keeps_other_posted_messages_and_reposts_wm_quit() -> None:
    home = _home()
    try:

        def body() -> tuple[int | None, object]:
            proxy = home.result.unmarshal()
            me = messages.current_queue().thread
            messages.post_thread_message(me, messages.WM_USER + 5)
            messages.post_quit_message(3)
            proxy.add(1)  # the modal loop meets both; it dispatches neither
            first = messages.peek_message(flags=messages.PM_REMOVE)
            second = messages.peek_message(flags=messages.PM_REMOVE)
            return (first.message if first else None, second.wparam if second else None)

        assert in_apartment(body) == (messages.WM_USER + 5, 3)
    finally:
        home.stop()


def test_an_mta_caller_blocks_plainly_and_gets_the_result() -> None:
    home = _home()
    try:
        assert in_apartment(lambda: home.result.unmarshal().add(9), True) == 9
    finally:
        home.stop()


def test_an_sta_that_never_pumps_does_not_run_calls() -> None:
    home = _SilentHome(then_pump=True)
    results: list[int] = []

    def caller() -> None:
        com.initialize(True)
        results.append(home.token.unmarshal().add(4))
        com.uninitialize()

    calling = start_thread(caller)
    wait_until_blocked(calling)
    assert results == []
    home.gate.set()
    assert calling.wait(10)
    assert home.thread.wait(10)
    assert results == [4]


@pytest.fixture(params=[False, True], ids=["sta-caller", "mta-caller"])
def mta_caller(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_the_rules_hold_for_sta_and_mta_callers(mta_caller: bool) -> None:
    home = _home()
    holder = StaThread(lambda: home.result.unmarshal())
    try:

        def body() -> tuple[int, int, int, list[int]]:
            proxy = home.result.unmarshal()
            total = proxy.add(2)
            with pytest.raises(KeyError):
                proxy.fail()
            with pytest.raises(WrongThreadError) as wrong:
                holder.result.add(1)  # a proxy of another apartment
            return total, proxy.count, wrong.value.hresult, proxy.threads

        total, count, wrong, threads = in_apartment(body, mta_caller)
        assert (total, count, wrong) == (2, 2, -2147417842)
        assert threads == [home.thread.native_id]
    finally:
        holder.stop()
        home.stop()

    def after() -> int:
        with pytest.raises(DisconnectedError) as caught:
            home.result.unmarshal().add(1)  # its apartment has ended
        return caught.value.hresult

    assert in_apartment(after, mta_caller) == -2147417848


def test_a_call_queued_to_an_sta_that_ends_is_rpc_e_disconnected_and_the_caller_goes_on(
    mta_caller: bool,
) -> None:
    home = _SilentHome(then_pump=False)  # the queued call is still pending when it ends
    other = _home()
    outcome: list[object] = []

    def caller() -> None:
        com.initialize(mta_caller)
        with pytest.raises(DisconnectedError) as caught:
            home.token.unmarshal().add(4)
        outcome.append(caught.value.hresult)
        outcome.append(other.result.unmarshal().add(7))  # this thread's next call is its own
        com.uninitialize()

    calling = start_thread(caller)
    try:
        wait_until_blocked(calling)
        home.gate.set()
        assert calling.wait(10)
        assert home.thread.wait(10)
        assert outcome == [-2147417848, 7]
    finally:
        other.stop()


def test_back_to_back_calls_into_the_mta_reuse_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker counts itself idle before it releases its caller, so the next call reuses it.

    Each worker is held just after it releases its caller until the caller's next call is
    submitted: if it counted itself idle only then, that call would start a second worker.
    """
    from apartment.com import _mta as _transport

    pool = _transport._MtaPool()
    monkeypatch.setattr(_transport, "_mta_pool", pool)
    changed = threading.Condition()
    submitted = [0]
    stopping = [False]
    real_submit, real_finish = _transport._MtaPool.submit, _transport.CallPacket.finish

    def submit(self: _transport._MtaPool, packet: _transport.CallPacket) -> None:
        real_submit(self, packet)
        with changed:
            submitted[0] += 1
            changed.notify_all()

    def finish(self: _transport.CallPacket) -> None:
        with changed:
            seen = submitted[0]
        real_finish(self)
        if threading.current_thread().name.startswith("apartment-mta-worker"):
            with changed:  # the timeout is only a safety net
                changed.wait_for(lambda: submitted[0] > seen or stopping[0], timeout=10)

    monkeypatch.setattr(_transport._MtaPool, "submit", submit)
    monkeypatch.setattr(_transport.CallPacket, "finish", finish)

    def body() -> set[int]:
        workers = {_transport.run_in_mta(threading.get_ident) for _ in range(5)}
        with changed:
            stopping[0] = True
            changed.notify_all()
        return workers

    assert len(in_apartment(body)) == 1


def test_a_call_into_an_ended_mta_fails_without_bringing_an_mta_back() -> None:
    """The worker runs the call in the caller's (ended) MTA; no host MTA is made for it."""
    output = run_script(
        """
        import threading
        from apartment import com
        from apartment.errors import DisconnectedError, NotInitializedError
        from apartment.kernel import start_thread
        from apartment.testing import MtaMember, StaThread

        class Thing:
            def ping(self):
                return "pong"

        member = MtaMember(lambda: com.marshal(Thing()))
        caller = StaThread(lambda: member.result.unmarshal())
        print(caller.call(lambda: caller.result.ping()))
        member.stop()  # the last member leaves: the MTA ends
        def call():
            try:
                caller.result.ping()
            except DisconnectedError as error:
                return error.hresult
        print(caller.call(call))
        def bystander():
            try:
                com.current_apartment()
            except NotInitializedError as error:
                print(error.hresult)
        start_thread(bystander).wait(30)
        caller.stop()
        """
    )
    assert output.split() == ["pong", "-2147417848", "-2147221008"]


class _Inspector:
    """Tells, on its home thread, what a call's arguments arrived as."""

    def kinds(self, value: tuple[object, ...]) -> tuple[str, ...]:
        return tuple(type(item).__name__ for item in value)

    def ident(self, value: object) -> int:
        return id(value)


@pytest.mark.parametrize("mta_caller", [False, True])
def test_a_tuple_of_plain_values_goes_as_it_is_and_objects_in_one_as_proxies(
    mta_caller: bool,
) -> None:
    home = StaThread(lambda: com.marshal(_Inspector()))
    try:

        def body() -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
            proxy = home.result.unmarshal()
            plain = (1, "two", 3.0, None, b"four")
            same = proxy.ident(plain) == id(plain)  # immutable and plain: not copied
            return same, proxy.kinds(plain), proxy.kinds((1, Counter(), "x"))

        same, plain_kinds, mixed_kinds = in_apartment(body, mta_caller)
        assert same
        assert plain_kinds == ("int", "str", "float", "NoneType", "bytes")
        assert mixed_kinds == ("int", "Proxy", "str")  # the object stays home, as ever
    finally:
        home.stop()
