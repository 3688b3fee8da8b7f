"""The gateway's rules for results of other interfaces' methods, base interfaces, identity,
and the last resort of VARIANT conversion, in the core.

The facade's side is in tests/contract/test_com_gateway_rules.py.
"""

from __future__ import annotations

import fractions
from typing import Any

import pytest

from apartment import com
from apartment.errors import E_FAIL, ComError, NoInterfaceError

from ._helpers import in_apartment


class FloatError(Exception):
    pass


class FloatRaises:
    def __float__(self) -> float:
        raise FloatError


class Indexable:
    def __index__(self) -> int:
        return 9


class IntOnly:
    def __int__(self) -> int:
        return 7


@pytest.mark.parametrize(
    ("value", "expected"), [(fractions.Fraction(1, 4), 0.25), (Indexable(), 9.0)], ids=repr
)
def test_a_number_of_another_kind_is_a_double(value: object, expected: float) -> None:
    converted = com.to_variant(value)
    assert type(converted) is float
    assert converted == expected


def test_what_float_raises_is_raised() -> None:
    with pytest.raises(FloatError):
        com.to_variant(FloatRaises())
    with pytest.raises(FloatError):
        com.to_variant([1, FloatRaises()])


def test_int_alone_is_no_variant() -> None:
    with pytest.raises(com.VariantTypeError, match="must be real number, not IntOnly"):
        com.to_variant(IntOnly())


class Stream:
    _public_methods_ = ["Read", "Write", "Seek"]
    _com_interfaces_ = ["IStream"]

    def __init__(self, result: Any) -> None:
        self.result = result

    def Read(self, amount: int) -> Any:  # noqa: N802
        return self.result

    def Write(self, data: Any) -> Any:  # noqa: N802
        return self.result

    def Seek(self, offset: int, origin: int) -> Any:  # noqa: N802
        return self.result


def _failure(result: object, call: str) -> tuple[ComError, list[tuple[str | None, str]]]:
    """The error of ``call`` on a stream whose methods return ``result``, and the reports."""
    told: list[tuple[str | None, str]] = []

    class Reports(com.ServerReports):
        def unexpected(self, method: str | None, error: BaseException) -> None:
            told.append((method, type(error).__name__))

    def body() -> ComError:
        stream: Any = com.wrap(Stream(result), com.IID_ISTREAM)
        with pytest.raises(ComError) as caught:
            {"read": lambda: stream.read(3), "write": lambda: stream.write(b"ab"),
             "seek": lambda: stream.seek(0, 0)}[call]()  # fmt: skip
        return caught.value

    previous = com.set_server_reports(Reports())
    try:
        return in_apartment(body), told
    finally:
        com.set_server_reports(previous)


@pytest.mark.parametrize(
    ("result", "call", "kind", "method"),
    [
        (b"abcd", "read", "ValueError", "Read"),  # longer than the 3 bytes asked for
        ("abc", "read", "TypeError", "Read"),
        (None, "read", "TypeError", "Read"),
        (None, "write", "TypeError", "Write"),
        (-1, "write", "OverflowError", "Write"),
        (2**32, "write", "OverflowError", "Write"),
        (-1, "seek", "OverflowError", "Seek"),
    ],
)
def test_a_result_the_interface_cannot_carry_is_the_servers_error(
    result: object, call: str, kind: str, method: str
) -> None:
    error, told = _failure(result, call)
    assert error.hresult == E_FAIL
    assert error.excepinfo is not None
    assert error.excepinfo[1] == "Python COM Server Internal Error"
    # the check is the gateway's: no traceback, only the error
    assert str(error.excepinfo[2]).startswith(f"Unexpected Python Error: {kind}: ")
    assert told == [(method, kind)]


def test_results_within_the_rules_come_back() -> None:
    def body() -> tuple[Any, ...]:
        def stream(result: object) -> Any:
            return com.wrap(Stream(result), com.IID_ISTREAM)

        return (
            stream(bytearray(b"abc")).read(3),
            stream(memoryview(b"")).read(3),
            stream(7).write(b"ab"),
            stream(2**40).seek(0, 0),
        )

    assert in_apartment(body) == (b"abc", b"", 7, 2**40)


class Storage:
    _public_methods_: list[str] = []
    _com_interfaces_ = ["IPersistStorage", "IExternalConnection"]


def test_an_object_implements_the_bases_of_its_interfaces() -> None:
    def body() -> tuple[Any, ...]:
        pointer = com.wrap(Storage())
        persist = pointer.query_interface(com.IID_IPERSIST)
        storage = pointer.query_interface(com.IID_IPERSISTSTORAGE)
        connection = pointer.query_interface(com.IID_IEXTERNALCONNECTION)
        with pytest.raises(NoInterfaceError):
            pointer.query_interface(com.IID_IPERSISTSTREAM)
        ids = {p.object_id for p in (pointer, persist, storage, connection)}
        return type(persist), type(storage), type(connection), len(ids)

    persist, storage, connection, ids = in_apartment(body)
    assert issubclass(persist, com.PersistPointer)
    assert issubclass(storage, com.PersistStoragePointer)
    assert issubclass(connection, com.ExternalConnectionPointer)
    assert ids == 1


def test_a_base_is_not_implemented_without_a_derived_interface() -> None:
    class Plain:
        _public_methods_: list[str] = []

    def body() -> None:
        with pytest.raises(NoInterfaceError):
            com.wrap(Plain()).query_interface(com.IID_IPERSIST)

    in_apartment(body)


def test_object_ids_differ_between_objects_and_hold_across_apartments() -> None:
    def body() -> tuple[int, int, int]:
        one, other = com.wrap(Storage()), com.wrap(Storage())
        token = com.marshal(one)
        there = in_apartment(lambda: token.unmarshal().object_id, True)
        return one.object_id, other.object_id, there

    one, other, there = in_apartment(body)
    assert one != other
    assert there == one


def test_a_calls_arguments_convert_each_as_to_variant_does() -> None:
    from apartment.com._variant import to_variants

    plain = (1, "a", 2.5, None, True, -(2**63), 2**64 - 1)
    assert to_variants(plain) is plain  # each a VARIANT as it is: the tuple goes unchanged
    assert to_variants([1, "a"]) == (1, "a")
    assert to_variants((1, 2**64, -(2**63) - 1)) == (1, float(2**64), float(-(2**63) - 1))
    assert to_variants((1, b"x", [2, 3]))[1:] == (com.to_variant(b"x"), (2, 3))
