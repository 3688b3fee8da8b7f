"""Contract: what a Python server's gateway checks, and the last resort of VARIANT conversion.

pywin32's C gateways check what a server's method returns against the interface's signature
(IStream::Read must not return more than was asked for, a count is an unsigned integer); a
result that breaks it is the server's unexpected error (E_FAIL, logged). An object that is no
VARIANT kind crosses as a double when it has ``__float__`` or ``__index__``
(``PyFloat_AsDouble``). And the identity rules of QueryInterface on a gateway
(pywin32's testGatewayAddresses).
"""

from __future__ import annotations

import fractions
import logging
from typing import Any

import pytest
import pythoncom
import win32com
import win32com.client
import winerror
from win32com.server.util import wrap

from ._com import com_error_of

INTERNAL = "Python COM Server Internal Error"


class Sink:
    """A server method that keeps what it is given."""

    _public_methods_ = ["Take"]

    def __init__(self) -> None:
        self.got: Any = None

    def Take(self, value: Any) -> Any:  # noqa: N802
        self.got = value
        return value


class FloatError(Exception):
    pass


class FloatRaises:
    def __float__(self) -> float:
        raise FloatError


class FloatIsText:
    def __float__(self) -> Any:
        return "x"


class Indexable:
    def __index__(self) -> int:
        return 9


class IntOnly:
    def __int__(self) -> int:
        return 7


class Both:
    def __int__(self) -> int:
        return 3

    def __float__(self) -> float:
        return 4.5


@pytest.mark.parametrize(
    ("value", "expected"),
    [(fractions.Fraction(1, 4), 0.25), (Indexable(), 9.0), (Both(), 4.5)],
    ids=["Fraction", "__index__", "__float__ before __int__"],
)
def test_a_number_of_another_kind_crosses_as_a_double(value: object, expected: float) -> None:
    sink = Sink()
    client = win32com.client.Dispatch(wrap(sink))
    assert client.Take(value) == expected
    assert type(sink.got) is float
    assert sink.got == expected


def test_what_float_raises_reaches_the_caller() -> None:
    sink = Sink()
    client = win32com.client.Dispatch(wrap(sink))
    with pytest.raises(FloatError):
        client.Take(FloatRaises())
    assert sink.got is None  # nothing was called


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (IntOnly(), "must be real number, not IntOnly"),
        (1j, "must be real number, not complex"),
        (FloatIsText(), "FloatIsText.__float__ returned non-float (type str)"),
    ],
    ids=["__int__ only", "complex", "__float__ gives a str"],
)
def test_what_is_no_number_is_a_type_error(value: object, message: str) -> None:
    client = win32com.client.Dispatch(wrap(Sink()))
    with pytest.raises(TypeError) as caught:
        client.Take(value)
    assert str(caught.value) == message


class Stream:
    """An IStream server whose results are what the test asks for."""

    _public_methods_ = ["Read", "Write", "Seek"]
    _com_interfaces_ = [pythoncom.IID_IStream]

    def __init__(self, result: Any) -> None:
        self.result = result

    def Read(self, amount: int) -> Any:  # noqa: N802
        return self.result(amount) if callable(self.result) else self.result

    def Write(self, data: Any) -> Any:  # noqa: N802
        return self.result

    def Seek(self, offset: int, origin: int) -> Any:  # noqa: N802
        return offset if self.result is None else self.result


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def records() -> Any:
    """What the gateways log to ``win32com.logger`` during the test."""
    handler = Records()
    logger = logging.Logger("gateway-rules")
    logger.addHandler(handler)
    previous = getattr(win32com, "logger", None)
    win32com.logger = logger
    yield handler.records
    if previous is None:
        del win32com.logger
    else:
        win32com.logger = previous


def assert_server_error(error: Any, kind: str) -> None:
    assert error.hresult == winerror.E_FAIL
    info = error.excepinfo
    assert info[1] == INTERNAL
    assert info[2].startswith(f"Unexpected Python Error: {kind}: ")
    assert info[5] == winerror.E_FAIL


def test_a_read_longer_than_asked_is_the_servers_error(records: Any) -> None:
    stream = wrap(Stream(lambda amount: b"x" * (amount + 1)), pythoncom.IID_IStream)
    assert_server_error(com_error_of(stream.Read, 10), "ValueError")
    assert [(r.levelname, r.msg) for r in records] == [
        ("ERROR", "pythoncom error: Unexpected exception in gateway method 'Read'")
    ]


@pytest.mark.parametrize("result", ["ab", None, 5], ids=repr)
def test_a_read_must_give_bytes(records: Any, result: object) -> None:
    stream = wrap(Stream(result), pythoncom.IID_IStream)
    assert_server_error(com_error_of(stream.Read, 4), "TypeError")
    assert len(records) == 1


@pytest.mark.parametrize("result", [bytearray(b"ab"), memoryview(b"abc"), b""], ids=repr)
def test_a_read_may_give_any_bytes_like_object(result: object) -> None:
    stream = wrap(Stream(result), pythoncom.IID_IStream)
    assert stream.Read(4) == bytes(result)  # type: ignore[call-overload]


def test_a_write_gives_an_unsigned_count() -> None:
    assert wrap(Stream(100), pythoncom.IID_IStream).Write(b"abcd") == 100  # not checked
    for result in (None, "x"):
        stream = wrap(Stream(result), pythoncom.IID_IStream)
        assert_server_error(com_error_of(stream.Write, b"abcd"), "TypeError")
    # (pywin32 logs a bad result of Read, not of Write; we log both, as the server's error)


def test_a_seek_gives_an_unsigned_64_bit_position() -> None:
    stream = wrap(Stream(None), pythoncom.IID_IStream)
    assert stream.Seek(0x100000000, pythoncom.STREAM_SEEK_SET) == 0x100000000
    assert_server_error(com_error_of(stream.Seek, -1, pythoncom.STREAM_SEEK_SET), "OverflowError")


class Storage:
    _public_methods_: list[str] = []
    _com_interfaces_ = [pythoncom.IID_IPersistStorage, pythoncom.IID_IExternalConnection]


def address(pointer: object) -> str:
    """The COM object's address in pywin32's repr, as testGatewayAddresses reads it."""
    return repr(pointer).split()[6][:-1]


def test_an_interface_objects_repr_names_it_and_its_com_object() -> None:
    pointer = wrap(Storage(), pythoncom.IID_IPersistStorage)
    words = repr(pointer).split()
    assert words[:2] == ["<PyIPersistStorage", "at"]
    assert words[3:6] == ["with", "obj", "at"]
    assert words[6].startswith("0x")
    assert words[6].endswith(">")


def test_the_iids_of_persist_storage_and_external_connection() -> None:
    assert str(pythoncom.IID_IPersistStorage) == "{0000010A-0000-0000-C000-000000000046}"
    assert str(pythoncom.IID_IExternalConnection) == "{00000019-0000-0000-C000-000000000046}"


def test_query_interface_gives_one_identity_whatever_the_path() -> None:
    storage = wrap(Storage(), pythoncom.IID_IPersistStorage)
    unknown = storage.QueryInterface(pythoncom.IID_IUnknown)
    dispatch = unknown.QueryInterface(pythoncom.IID_IDispatch)
    again = dispatch.QueryInterface(pythoncom.IID_IPersistStorage)
    persist = again.QueryInterface(pythoncom.IID_IPersist)  # the base of IPersistStorage
    connection = storage.QueryInterface(pythoncom.IID_IExternalConnection)
    kinds = [type(p).__name__ for p in (unknown, dispatch, again, persist, connection)]
    assert kinds == [
        "PyIUnknown", "PyIDispatch", "PyIPersistStorage", "PyIPersist", "PyIExternalConnection",
    ]  # fmt: skip
    identities = {
        address(p.QueryInterface(pythoncom.IID_IUnknown))
        for p in (storage, unknown, dispatch, again, persist, connection)
    }
    assert len(identities) == 1
    first = address(storage.QueryInterface(pythoncom.IID_IUnknown))
    assert address(storage.QueryInterface(pythoncom.IID_IUnknown)) == first  # stable


def test_another_objects_identity_differs() -> None:
    one = wrap(Storage()).QueryInterface(pythoncom.IID_IUnknown)
    other = wrap(Storage()).QueryInterface(pythoncom.IID_IUnknown)
    assert address(one) != address(other)


def test_an_interface_it_does_not_implement_is_e_nointerface() -> None:
    storage = wrap(Storage(), pythoncom.IID_IPersistStorage)
    error = com_error_of(storage.QueryInterface, pythoncom.IID_IPersistStream)
    assert error.hresult == winerror.E_NOINTERFACE
