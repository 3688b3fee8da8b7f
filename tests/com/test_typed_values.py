"""com.Variant: values with an explicit VARIANT type, and by-reference (out) arguments."""

from __future__ import annotations

import decimal
from typing import Any

import pytest

from apartment import com
from apartment.errors import DISP_E_EXCEPTION, DISP_E_PARAMNOTFOUND, ComError

from ._helpers import MtaThread, in_apartment

VT_I2, VT_I4, VT_R4, VT_R8, VT_CY, VT_BSTR, VT_ERROR, VT_BOOL, VT_VARIANT = (
    2, 3, 4, 5, 6, 8, 10, 11, 12,
)  # fmt: skip
VT_UI1, VT_UI4, VT_ARRAY, VT_BYREF = 17, 19, 0x2000, 0x4000
METHOD = com.DISPATCH_METHOD


class Writer:
    _public_methods_ = ["Out", "Two", "Echo"]

    def __init__(self) -> None:
        self.got: Any = None

    def Out(self, a: Any) -> tuple[int, int]:  # noqa: N802
        self.got = a
        return 7, 42

    def Two(self, a: Any, b: Any) -> tuple[int, str, str]:  # noqa: N802
        self.got = (a, b)
        return 1, "x", "y"

    def Echo(self, a: Any) -> Any:  # noqa: N802
        self.got = a
        return a


@pytest.mark.parametrize(
    ("vartype", "value", "received"),
    [
        (VT_I4, "5", 5),
        (VT_I4, 1.7, 1),
        (VT_I2, 70000, 4464),
        (VT_UI1, 300, 44),
        (VT_UI4, -1, 2**32 - 1),
        (VT_BSTR, 5, "5"),
        (VT_R8, 3, 3.0),
        (VT_R4, 1.1, 1.100000023841858),
        (VT_BOOL, 2, True),
        (VT_ERROR, 5, DISP_E_PARAMNOTFOUND),
        (VT_VARIANT, [1, 2], (1, 2)),
        (VT_CY, decimal.Decimal(2), decimal.Decimal(2)),
        (VT_ARRAY | VT_R8, [1, [2, 3]], (1.0, (2.0, 3.0))),
    ],
    ids=repr,
)
def test_a_variant_is_converted_to_its_type(vartype: int, value: Any, received: Any) -> None:
    def body() -> Any:
        server = Writer()
        com.wrap(server).invoke("Echo", METHOD, com.Variant(vartype, value))
        return server.got

    got = in_apartment(body)
    assert got == received
    assert type(got) is type(received)


@pytest.mark.parametrize(
    ("vartype", "value", "error"),
    [
        (VT_I4, "x", ValueError),
        (VT_CY, 1, TypeError),
        (VT_ARRAY | VT_I4, 5, TypeError),
        ("3", 1, TypeError),
        (0x7FF, 1, TypeError),  # no such type
    ],
    ids=repr,
)
def test_a_value_not_of_its_type_fails_before_the_call(
    vartype: Any, value: Any, error: type[Exception]
) -> None:
    def body() -> Any:
        server = Writer()
        with pytest.raises(error):
            com.wrap(server).invoke("Echo", METHOD, com.Variant(vartype, value))
        return server.got

    assert in_apartment(body) is None


def test_by_reference_arguments_get_what_the_server_wrote_in_order() -> None:
    def body() -> Any:
        server = Writer()
        pointer = com.wrap(server)
        out = com.Variant(VT_BYREF | VT_BSTR, "in")
        assert pointer.invoke("Out", METHOD, out) == 7
        assert (out.value, server.got) == ("42", "in")
        plain, last = com.Variant(VT_I4, 1), com.Variant(VT_BYREF | VT_VARIANT, None)
        assert pointer.invoke("Two", METHOD, plain, last) == 1
        assert (plain.value, last.value) == (1, "x")
        kept = com.Variant(VT_BYREF | VT_I4, 5)
        assert pointer.invoke("Echo", METHOD, kept) == 5  # no tuple: nothing written
        assert kept.value == 5

    in_apartment(body)


def test_a_written_value_that_does_not_convert_is_the_servers_error() -> None:
    def body() -> None:
        first, second = com.Variant(VT_BYREF | VT_I4, 1), com.Variant(VT_BYREF | VT_BSTR, "q")
        with pytest.raises(ComError) as caught:
            com.wrap(Writer()).invoke("Two", METHOD, first, second)
        assert caught.value.hresult == DISP_E_EXCEPTION
        assert (first.value, second.value) == (1, "q")

    in_apartment(body)


def test_by_reference_arguments_work_across_apartments() -> None:
    server = Writer()
    member = MtaThread(lambda: com.marshal(com.wrap(server)))
    try:

        def body() -> Any:
            pointer = member.result.unmarshal()
            out = com.Variant(VT_BYREF | VT_I4, 0)
            assert pointer.invoke("Out", METHOD, out) == 7
            return out.value

        assert in_apartment(body) == 42
    finally:
        member.stop()


def test_a_by_reference_variant_inside_another_argument_is_refused() -> None:
    def body() -> None:
        with pytest.raises(TypeError, match="must be an argument itself"):
            com.wrap(Writer()).invoke(
                "Echo", METHOD, com.Variant(VT_BYREF | VT_I4, 0), [com.Variant(VT_BYREF | VT_I4, 0)]
            )

    in_apartment(body)


def test_a_variant_shows_its_type_and_value() -> None:
    variant = com.Variant(VT_BYREF | VT_I4, 3)
    assert repr(variant) == "Variant(16387, 3)"
    assert variant.by_reference
    assert not com.Variant(VT_I4, 3).by_reference
