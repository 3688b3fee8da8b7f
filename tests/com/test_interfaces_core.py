"""Streams, marshal data, the ROT, COM waits, collections and events, in the core.

semantics.md §7.4-§7.6; the facade's side is in tests/contract/test_com_*.py.
"""

from __future__ import annotations

import gc
import threading
import uuid
import warnings
from typing import Any

import pytest

from apartment import com, messages
from apartment.errors import (
    CO_E_OBJNOTREG,
    CONNECT_E_NOCONNECTION,
    E_NOINTERFACE,
    MK_E_UNAVAILABLE,
    RPC_E_NO_SYNC,
    ComError,
    InvalidArgumentError,
    ObjectNotConnectedError,
)
from apartment.kernel import Event, start_thread
from apartment.testing import wait_until_blocked

from ._helpers import MtaThread, StaThread, in_apartment

METHOD = com.DISPATCH_METHOD


class Echo:
    _public_methods_ = ["Echo", "Where"]

    def Echo(self, value: Any) -> Any:  # noqa: N802
        return value

    def Where(self) -> int:  # noqa: N802
        return threading.get_native_id()


def test_a_memory_stream_is_valid_in_every_apartment() -> None:
    stream = com.memory_stream(b"abc")
    assert in_apartment(lambda: stream.read(2)) == b"ab"
    assert in_apartment(lambda: stream.read(5), True) == b"c"
    assert stream.seek(0, com.STREAM_SEEK_END) == 3


def test_marshal_data_flags_in_the_core() -> None:
    def body() -> tuple[Any, ...]:
        pointer = com.wrap(Echo())
        strong = com.memory_stream()
        com.marshal_interface(strong, pointer, com.MSHLFLAGS_TABLESTRONG)
        reads = []
        for _ in range(2):
            strong.seek(0, 0)
            reads.append(com.unmarshal_interface(strong) == pointer)
        strong.seek(0, 0)
        com.release_marshal_data(strong)
        strong.seek(0, 0)
        with pytest.raises(ObjectNotConnectedError):
            com.unmarshal_interface(strong)
        return tuple(reads)

    assert in_apartment(body) == (True, True)


def test_weak_marshal_data_does_not_keep_its_object() -> None:
    def body() -> int:
        stream = com.memory_stream()
        com.marshal_interface(stream, com.wrap(Echo()), com.MSHLFLAGS_TABLEWEAK)
        gc.collect()
        stream.seek(0, 0)
        with pytest.raises(ComError) as caught:
            com.unmarshal_interface(stream)
        return caught.value.hresult

    assert in_apartment(body) == CO_E_OBJNOTREG


def test_a_marshal_stream_is_a_memory_stream() -> None:
    def body() -> tuple[Any, ...]:
        pointer = com.wrap(Echo())
        stream = com.MarshalStream(pointer)
        data = stream.pointer().stat()[2]
        return data, stream.unmarshal() == pointer

    assert in_apartment(body) == (68, True)


def test_the_running_object_table() -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"

    def body() -> tuple[Any, ...]:
        pointer = com.wrap(Echo())
        first = com.register_active_object(pointer, clsid)
        second = com.register_active_object(com.wrap(Echo()), clsid)
        found = com.active_object(clsid) == pointer
        com.revoke_active_object(first.handle)
        com.revoke_active_object(second.handle)
        with pytest.raises(ComError) as caught:
            com.active_object(clsid)
        with pytest.raises(InvalidArgumentError):
            com.revoke_active_object(first.handle)
        return first.already_registered, second.already_registered, found, caught.value.hresult

    assert in_apartment(body) == (False, True, True, MK_E_UNAVAILABLE)


def test_an_active_object_reached_from_another_apartment_runs_at_home() -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    home = StaThread(lambda: com.register_active_object(com.wrap(Echo()), clsid))
    try:

        def body() -> int:
            pointer = com.active_object(clsid).query_interface(com.IID_IDISPATCH)
            assert isinstance(pointer, com.DispatchPointer)
            return int(pointer.invoke("Where", METHOD))

        assert in_apartment(body, True) == home.thread.native_id
    finally:
        home.call(com.revoke_active_object, home.result.handle)
        home.stop()


# --- waits ---------------------------------------------------------------------------------


def test_wait_for_handles_in_an_sta_serves_calls_meanwhile() -> None:
    def body() -> tuple[Any, ...]:
        token = com.marshal(com.wrap(Echo()))
        done = Event(manual_reset=True)
        where: list[int] = []

        def caller() -> None:
            with com.mta():
                where.append(token.unmarshal().invoke("Where", METHOD))
            done.set()

        thread = start_thread(caller)
        result = com.wait_for_handles([done], 30)
        thread.wait(30)
        return result, where == [threading.get_native_id()]

    result, ran_here = in_apartment(body)
    assert result is not None
    assert result.index == 0
    assert ran_here


def test_wait_for_handles_times_out_and_needs_objects() -> None:
    def body() -> tuple[Any, ...]:
        with pytest.raises(ComError) as caught:
            com.wait_for_handles([], 0)
        with pytest.raises(TypeError):
            com.wait_for_handles([object()], 0)  # type: ignore[list-item]
        return com.wait_for_handles([Event()], 0), caught.value.hresult

    assert in_apartment(body) == (None, RPC_E_NO_SYNC)
    assert in_apartment(lambda: com.wait_for_handles([Event(initial_state=True)], 0), True)


# --- collections ---------------------------------------------------------------------------


def test_a_client_walks_a_collection_and_its_enumerator() -> None:
    def body() -> tuple[Any, ...]:
        client = com.DispatchClient(com.new_collection([1, "two", [3]]))
        items = com.new_enum([1, 2, 3])
        assert isinstance(items, com.EnumVariantPointer)
        return list(client), len(client), client[2], items.fetch(2), list(items)

    assert in_apartment(body) == ([1, "two", (3,)], 3, (3,), (1, 2), [3])


# --- events --------------------------------------------------------------------------------

IID_EVENTS = "{" + str(uuid.uuid4()).upper() + "}"


class Source(com.Connectable):
    _public_methods_ = ["Ring", *com.Connectable._public_methods_]
    _connect_interfaces_ = [IID_EVENTS]
    _public_events_ = ["Rang", "Stopped"]

    def Ring(self, value: Any) -> None:  # noqa: N802
        self.fire("Rang", value, threading.get_native_id())


class Handler:
    def __init__(self) -> None:
        self.heard: list[Any] = []

    def OnRang(self, value: Any, source_thread: int) -> None:  # noqa: N802
        self.heard.append((value, threading.get_native_id()))


def test_events_reach_a_handler_by_name() -> None:
    def body() -> tuple[Any, ...]:
        handler = Handler()
        source = com.wrap(Source())
        connection = com.advise_handler(source, handler)
        source.invoke("Ring", METHOD, [1, 2])
        connection.disconnect()
        source.invoke("Ring", METHOD, "after")
        connection.disconnect()  # twice: nothing happens
        return handler.heard, threading.get_native_id()

    heard, me = in_apartment(body)
    assert heard == [((1, 2), me)]


def test_a_source_that_fires_no_events_says_so() -> None:
    def body() -> None:
        with pytest.raises(ComError):
            com.advise_handler(com.wrap(Echo()), Handler())

    in_apartment(body)


@pytest.fixture
def events_marshaler() -> Any:
    """Give IID_EVENTS a marshaler (as registering its type library would) for one test."""
    com.register_interface(IID_EVENTS)
    yield
    com.unregister_interface(IID_EVENTS)


def test_a_sink_in_another_apartment_needs_a_marshaler_for_its_events_interface() -> None:
    """Windows: the source's QueryInterface through the proxy finds no proxy/stub for the
    interface, so Advise fails (CONNECT_E_NOCONNECTION); IDispatch itself still crosses."""
    handler = Handler()
    member = MtaThread(lambda: com.marshal(com.wrap(handler_sink(handler))))
    try:

        def body() -> None:
            sink = member.result.unmarshal()
            with pytest.raises(ComError) as caught:
                sink.query_interface(IID_EVENTS)
            assert caught.value.hresult == E_NOINTERFACE
            with pytest.raises(ComError) as caught:
                Source().advise(sink)
            assert caught.value.hresult == CONNECT_E_NOCONNECTION
            assert sink.query_interface(com.IID_IDISPATCH) is not None

        in_apartment(body)
    finally:
        member.stop()
    assert IID_EVENTS not in com.registered_interfaces()


@pytest.mark.usefixtures("events_marshaler")
def test_an_event_runs_in_the_sinks_sta_when_it_pumps_and_a_stall_is_warned_about() -> None:
    class Quick(Source):
        stall_warning_seconds = 0.05

    gate, advised = Event(manual_reset=True), Event(manual_reset=True)
    handler = Handler()
    held: list[Any] = []

    def sink_thread() -> None:
        with com.sta():
            held.append(com.marshal(com.wrap(handler_sink(handler))))
            ready.set()
            while not advised.is_set():  # serve the source's QueryInterface
                messages.msg_wait_any([advised], 30)
                messages.pump_waiting_messages()
            gate.wait(30)  # not pumping: events into this STA wait
            while handler.heard == []:
                messages.msg_wait_any([], 30)
                messages.pump_waiting_messages()
            held.clear()

    seen: list[Warning] = []

    def source_side() -> None:  # in the MTA, on a thread of its own
        source = Quick()
        cookie = source.advise(held[0].unmarshal())
        advised.set()
        wait_until_blocked(thread, on=gate)  # the sink's STA has stopped pumping
        with warnings.catch_warnings():
            warnings.simplefilter("always")

            def show(message: Warning | str, *args: Any, **kwargs: Any) -> None:
                if isinstance(message, com.StalledCallWarning):
                    seen.append(message)
                    gate.set()  # now the sink's thread pumps

            warnings.showwarning = show
            source.Ring("hello")
        source.unadvise(cookie)

    ready = Event(manual_reset=True)
    thread = start_thread(sink_thread)
    try:
        assert ready.wait(30)
        in_apartment(source_side, True)
    finally:
        gate.set()
        advised.set()
        assert thread.wait(30)
    assert len(seen) == 1
    text = str(seen[0])
    assert isinstance(seen[0], com.StalledCallWarning)
    assert "an event into <" in text
    assert "STA of thread" in text
    assert "without pumping messages" in text
    assert "pump messages on that thread" in text
    assert handler.heard == [("hello", thread.native_id)]


def handler_sink(handler: Handler) -> Any:
    """A sink object for Source's events that passes them to ``handler``."""

    class Sink:
        _public_methods_ = ["OnRang"]

        def _query_interface_(self, iid: Any) -> Any:
            return com.wrap(self) if str(iid) == IID_EVENTS else None

        def OnRang(self, value: Any, source_thread: int) -> None:  # noqa: N802
            handler.OnRang(value, source_thread)

    return Sink()


@pytest.mark.usefixtures("events_marshaler")
def test_an_mta_sink_gets_events_without_pumping() -> None:
    handler = Handler()
    member = MtaThread(lambda: com.marshal(com.wrap(handler_sink(handler))))
    try:

        def body() -> None:
            source = Source()
            source.advise(member.result.unmarshal())
            source.Ring(5)

        in_apartment(body)
    finally:
        member.stop()
    assert handler.heard[0][0] == 5


# --- other interfaces across apartments ----------------------------------------------------


class Store:
    """An IStream server that records the thread of each call."""

    _public_methods_ = ["Read", "Write"]
    _com_interfaces_ = [com.IID_ISTREAM]

    def __init__(self) -> None:
        self.data = b"stored"
        self.threads: list[int] = []

    def Read(self, count: int) -> bytes:  # noqa: N802
        self.threads.append(threading.get_native_id())
        return self.data[:count]

    def Write(self, data: Any) -> int:  # noqa: N802
        self.threads.append(threading.get_native_id())
        self.data = bytes(data)
        return len(data)


class Target:
    """An IPersistPropertyBag server that reads a bag it is given."""

    _public_methods_ = ["Load"]
    _com_interfaces_ = [com.IID_IPERSISTPROPERTYBAG]

    def __init__(self) -> None:
        self.read: list[Any] = []

    def Load(self, bag: Any, log: Any) -> None:  # noqa: N802
        self.read.append((type(bag).__name__, bag.read("key"), threading.get_native_id()))


class Bag:
    _public_methods_ = ["Read"]
    _com_interfaces_ = [com.IID_IPROPERTYBAG]

    def __init__(self) -> None:
        self.threads: list[int] = []

    def Read(self, name: str, var_type: int, log: Any) -> Any:  # noqa: N802
        self.threads.append(threading.get_native_id())
        return [name, var_type]


def test_calls_through_other_interfaces_cross_apartments_as_idispatch_calls_do() -> None:
    store = Store()
    home = StaThread(lambda: com.marshal(com.wrap(store, com.IID_ISTREAM)))
    try:

        def body() -> tuple[Any, ...]:
            stream = home.result.unmarshal()
            assert isinstance(stream, com.StreamPointer)
            return stream.write(b"new"), stream.read(10)

        assert in_apartment(body, True) == (3, b"new")
    finally:
        home.stop()
    assert store.threads == [home.thread.native_id] * 2


def test_an_interface_argument_arrives_as_its_interface_valid_where_it_arrives() -> None:
    target, bag = Target(), Bag()
    home = StaThread(lambda: com.marshal(com.wrap(target, com.IID_IPERSISTPROPERTYBAG)))
    try:

        def body() -> int:
            persist = home.result.unmarshal()
            persist.load(com.wrap(bag, com.IID_IPROPERTYBAG))
            return threading.get_native_id()

        caller = in_apartment(body, True)
    finally:
        home.stop()
    name, value, where = target.read[0]
    assert name.endswith(("PropertyBagPointer", "PyIPropertyBag"))
    assert (value, where) == (("key", 0), home.thread.native_id)
    assert bag.threads and bag.threads[0] != home.thread.native_id  # it ran in the MTA
    assert caller != home.thread.native_id
