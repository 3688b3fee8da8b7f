"""Contract: values crossing an IDispatch call are converted as pywin32 converts VARIANTs.

What a server method receives, and what its client gets back, for each kind of value; a
value that cannot be a VARIANT fails before the call (client side) or as the server's error.
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror
from win32com.server.util import NewEnum, wrap

from ._com import Echo, Stream, com_error_of

UTC = datetime.timezone.utc


class Client:
    """A client of an Echo server, and the server object itself (to see what it got)."""

    def __init__(self) -> None:
        self.server = Echo()
        self.com = win32com.client.Dispatch(wrap(self.server))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.com, name)

    @property
    def value(self) -> Any:
        return self.server.value


@pytest.fixture
def echo() -> Client:
    return Client()


def received(client: Client, value: object) -> tuple[Any, Any]:
    """What the server received for ``value``, and what the client got back."""
    back = client.com.Echo(value)
    return client.server.value, back


@pytest.mark.parametrize(
    "value",
    [None, True, 0, -1, 2**31, 2**64 - 1, -(2**63), 1.5, "text", "a\x00b", ""],
    ids=repr,
)
def test_plain_values_cross_as_they_are(echo: Any, value: object) -> None:
    assert received(echo, value) == (value, value)
    assert type(received(echo, value)[0]) is type(value)


def test_ints_beyond_64_bits_cross_as_floats(echo: Any) -> None:
    assert received(echo, 2**70) == (float(2**70), float(2**70))
    assert type(received(echo, -(2**63) - 1)[0]) is float


def test_subclasses_of_str_and_int_arrive_as_str_and_int(echo: Any) -> None:
    class Name(str):
        pass

    class Count(int):
        pass

    assert type(received(echo, Name("x"))[0]) is str
    assert type(received(echo, Count(3))[0]) is int


def test_sequences_arrive_as_tuples(echo: Any) -> None:
    echo.Echo([1, [2, 3], ("a",)])
    assert echo.value == (1, (2, 3), ("a",))
    echo.Echo(range(3))
    assert echo.value == (0, 1, 2)


def test_a_list_returned_is_an_array_and_a_tuple_returned_is_its_first_item(echo: Any) -> None:
    assert echo.Ret("list") == (1, (2, 3))
    assert echo.Ret("tuple1") == 5
    assert echo.Ret("tuple2") == 1


@pytest.mark.parametrize("value", [b"a\x00b", bytearray(b"xy"), memoryview(b"mv")], ids=repr)
def test_bytes_arrive_as_memoryviews(echo: Any, value: Any) -> None:
    server, back = received(echo, value)
    assert isinstance(server, memoryview)
    assert isinstance(back, memoryview)
    assert server.tobytes() == bytes(value) == back.tobytes()
    assert back == bytes(value)


def test_dates_arrive_as_aware_utc_times(echo: Any) -> None:
    naive = datetime.datetime(2020, 1, 2, 3, 4, 5, 678000)
    server, back = received(echo, naive)
    assert isinstance(server, pywintypes.TimeType)
    assert isinstance(back, datetime.datetime)
    assert back.utcoffset() == datetime.timedelta(0)
    assert back.replace(tzinfo=None) == naive  # a naive date is read as UTC
    plus_two = datetime.timezone(datetime.timedelta(hours=2))
    aware = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=plus_two)
    assert received(echo, aware)[1] == aware  # the same instant
    assert received(echo, aware)[1].hour == 1


def test_decimals_cross_as_decimals(echo: Any) -> None:
    assert received(echo, decimal.Decimal("1.5")) == (decimal.Decimal("1.5"),) * 2


@pytest.mark.parametrize(
    "value",
    [
        {1: 2},
        {1},
        frozenset(),
        1j,
        object(),
        Echo(),
        datetime.timedelta(1),
        datetime.date(2020, 1, 2),
    ],
    ids=lambda value: type(value).__name__,
)
def test_a_value_that_is_no_variant_is_type_error_before_the_call(echo: Any, value: Any) -> None:
    echo.server.value = "untouched"
    with pytest.raises(TypeError):
        echo.Echo(value)
    assert echo.server.value == "untouched"


def test_an_iid_is_no_variant(echo: Any) -> None:
    with pytest.raises(TypeError):
        echo.Echo(pythoncom.IID_IDispatch)


def test_a_result_that_is_no_variant_is_the_servers_error(echo: Any) -> None:
    error = com_error_of(echo.Ret, "object")
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[1] == "Python COM Server Internal Error"
    assert "TypeError" in error.excepinfo[2]


def test_an_idispatch_crosses_as_an_idispatch_and_comes_back_as_a_client(echo: Any) -> None:
    inner = wrap(Echo())
    server, back = received(echo, inner)
    assert type(server).__name__ == "PyIDispatch"
    assert server == inner
    assert type(back).__name__ == "CDispatch"
    assert back.Echo(7) == 7


def test_a_client_crosses_as_its_idispatch(echo: Any) -> None:
    inner = win32com.client.Dispatch(wrap(Echo()))
    server, _ = received(echo, inner)
    assert type(server).__name__ == "PyIDispatch"
    assert server == inner._oleobj_


def test_another_interface_crosses_as_an_iunknown(echo: Any) -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    server, back = received(echo, stream)
    assert type(server).__name__ == "PyIUnknown"
    assert type(back).__name__ == "PyIUnknown"  # no IDispatch behind it: it stays one
    assert server == stream
    enum = NewEnum([1])
    assert type(received(echo, enum)[0]).__name__ == "PyIUnknown"
    assert type(received(echo, enum)[1]).__name__ == "CDispatch"  # a Python one has IDispatch
    assert type(received(echo, enum.QueryInterface(pythoncom.IID_IUnknown))[0]).__name__ == (
        "PyIUnknown"
    )


def test_interfaces_inside_sequences_cross_too(echo: Any) -> None:
    inner = wrap(Stream())
    echo.Echo([inner, 1])
    assert type(echo.value[0]).__name__ == "PyIDispatch"
    assert echo.value[1] == 1
