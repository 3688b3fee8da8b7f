"""Marshaling between apartments: streams, the GIT, tokens (semantics.md §7.5)."""

from __future__ import annotations

import pytest

from apartment import com
from apartment.errors import (
    RPC_E_INVALID_OBJREF,
    ComError,
    DisconnectedError,
    InvalidArgumentError,
    ObjectNotConnectedError,
    StreamReadError,
)

from ._helpers import StaThread, in_apartment


class Thing:
    def ping(self) -> str:
        return "pong"


def test_a_stream_unmarshals_once_into_a_proxy_elsewhere() -> None:
    home = StaThread(lambda: com.MarshalStream(Thing()))
    try:

        def body() -> tuple[bool, str, int]:
            stream = home.result
            proxy = stream.unmarshal()
            with pytest.raises(StreamReadError) as caught:
                stream.unmarshal()
            return isinstance(proxy, com.Proxy), proxy.ping(), caught.value.hresult

        assert in_apartment(body) == (True, "pong", -2147287010)
    finally:
        home.stop()


def test_a_rewound_stream_gives_co_e_objnotconnected() -> None:
    def body() -> int:
        stream = com.MarshalStream(Thing())
        stream.unmarshal()
        stream.rewind()
        with pytest.raises(ObjectNotConnectedError) as caught:
            stream.unmarshal()
        return caught.value.hresult

    assert in_apartment(body) == -2147220995


def test_unmarshaling_in_the_home_apartment_gives_the_object_itself() -> None:
    def body() -> bool:
        thing = Thing()
        return com.MarshalStream(thing).unmarshal() is thing

    assert in_apartment(body)


def test_the_global_interface_table() -> None:
    home = StaThread(lambda: com.global_table().register(Thing()))
    try:
        cookie = home.result

        def body() -> tuple[str, bool]:
            table = com.global_table()
            first, second = table.get(cookie), table.get(cookie)
            return first.ping(), first is second

        assert in_apartment(body) == ("pong", True)
        com.global_table().revoke(cookie)
        for call in (com.global_table().get, com.global_table().revoke):
            with pytest.raises(InvalidArgumentError) as caught:
                call(cookie)
            assert caught.value.hresult == -2147024809
    finally:
        home.stop()


def test_a_token_unmarshals_anywhere_any_number_of_times_until_released() -> None:
    home = StaThread(lambda: com.marshal(Thing()))
    try:
        token = home.result
        assert in_apartment(lambda: token.unmarshal().ping()) == "pong"
        assert in_apartment(lambda: token.unmarshal().ping(), True) == "pong"
        token.release()
        with pytest.raises(InvalidArgumentError):
            in_apartment(token.unmarshal)
    finally:
        home.stop()


def test_marshaling_a_proxy_leads_to_the_original_object() -> None:
    home = StaThread(lambda: com.marshal(Thing()))
    holder = StaThread(lambda: com.marshal(home.result.unmarshal()))
    try:

        def origin() -> tuple[bool, bool]:
            stub = holder.result.unmarshal()._stub
            return stub.home is home.apartment, type(stub.obj) is Thing

        assert in_apartment(origin) == (True, True)
        pong = in_apartment(lambda: holder.result.unmarshal().ping())
        assert pong == "pong"
    finally:
        holder.stop()
        home.stop()


class Exposed:
    _public_methods_ = ["ping"]

    def ping(self) -> str:
        return "pong"


def test_a_pointer_in_the_git_whose_apartment_ended_is_rpc_e_disconnected() -> None:
    table = com.global_table()
    home = StaThread(lambda: table.register(com.wrap(Exposed())))
    cookie = home.result
    home.stop()
    try:

        def body() -> int:
            with pytest.raises(DisconnectedError) as caught:
                table.get(cookie)
            return caught.value.hresult

        assert in_apartment(body) == -2147417848
    finally:
        table.revoke(cookie)


@pytest.mark.parametrize("size", [24, 64, 68, 200])
def test_bytes_that_are_no_marshal_data_are_rpc_e_invalid_objref(size: int) -> None:
    # Windows reads an OBJREF's signature first: wrong bytes are no marshal data, however few
    # follow them (the oracle: 64 zero bytes give RPC_E_INVALID_OBJREF, not STG_E_READFAULT).
    for call in (com.unmarshal_interface, com.release_marshal_data):
        stream = com.MemoryStream().pointer()
        stream.write(b"\0" * size)
        stream.seek(0, 0)
        with pytest.raises(ComError) as caught:
            call(stream)
        assert caught.value.hresult == RPC_E_INVALID_OBJREF


@pytest.mark.parametrize("data", [b"", b"ME", b"\0" * 23, b"MEOW" + b"\0" * 30])
def test_too_few_bytes_of_marshal_data_are_stg_e_readfault(data: bytes) -> None:
    stream = com.MemoryStream().pointer()
    stream.write(data)
    stream.seek(0, 0)
    with pytest.raises(StreamReadError):
        com.unmarshal_interface(stream)
