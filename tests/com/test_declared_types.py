"""An object with type information gets its arguments in their declared types (DispInvoke)."""

from __future__ import annotations

import os

import pytest

from apartment import com
from apartment.com._coerce import _convert, _RefusedError, coerce
from apartment.errors import ComError

DISP_E_TYPEMISMATCH = -2147352571
DISP_E_OVERFLOW = -2147352566
BSTR, BOOL, I2, I4, R8, UI1 = 8, 11, 2, 3, 5, 17


@pytest.mark.parametrize(
    ("value", "vt", "expected"),
    [
        (1, BSTR, "1"), (2.0, BSTR, "2"), (1.5, BSTR, "1.5"), (True, BSTR, "True"),
        (1e20, BSTR, "1E+20"), ("2", I4, 2), (" 7 ", I4, 7), (2.5, I4, 2), (3.5, I4, 4),
        (True, I4, -1), (False, I4, 0), (True, UI1, 255), ("2.5", I2, 2), (0, BOOL, False),
        (2, BOOL, True), ("true", BOOL, True), ("False", BOOL, False), ("0", BOOL, False),
        (1, R8, 1.0), ("1.5", R8, 1.5),
    ],
)  # fmt: skip
def test_a_value_converts_as_variant_change_type_does(
    value: str | float, vt: int, expected: object
) -> None:
    converted = _convert(value, vt)
    assert converted == expected
    assert type(converted) is type(expected)


@pytest.mark.parametrize(
    ("value", "vt", "hresult"),
    [("x", I4, DISP_E_TYPEMISMATCH), ("nan", I4, DISP_E_TYPEMISMATCH),
     ("x", BOOL, DISP_E_TYPEMISMATCH), (2**31, I4, DISP_E_OVERFLOW),
     (-1, UI1, DISP_E_OVERFLOW), ("70000", I2, DISP_E_OVERFLOW)],
)  # fmt: skip
def test_a_value_the_type_cannot_take_is_refused(value: str | float, vt: int, hresult: int) -> None:
    with pytest.raises(_RefusedError) as refused:
        _convert(value, vt)
    assert refused.value.hresult == hresult


def test_a_system_object_gets_its_declared_types() -> None:
    com.initialize()
    try:
        fso = com.DispatchClient(com.create_object("Scripting.FileSystemObject"))
        assert fso.BuildPath(1, 2) == os.path.join("1", "2")  # BSTRs, not ints
        assert fso.BuildPath(1.5, True) == os.path.join("1.5", "True")
        assert fso.FileExists(5) is False
        temporary = fso.GetSpecialFolder(2).Path
        assert fso.GetSpecialFolder("2").Path == temporary  # the enumeration's I4
        assert fso.GetSpecialFolder(2.0).Path == temporary
        with pytest.raises(ComError) as caught:
            fso.GetSpecialFolder("x")
        assert (caught.value.hresult, caught.value.argerror) == (DISP_E_TYPEMISMATCH, 0)
        dictionary = com.DispatchClient(com.create_object("Scripting.Dictionary"))
        dictionary.CompareMode = "1"  # a property put converts its value too
        assert dictionary.CompareMode == 1  # type: ignore[comparison-overlap]
        dictionary.Add(1, "x")  # a VARIANT key stays as it was sent
        assert dictionary.Exists("1") is False
        assert dictionary.Exists(1) is True
    finally:
        com.uninitialize()


def test_a_python_server_gets_its_arguments_as_sent() -> None:
    class Plain:
        _public_methods_ = ["Echo"]

        def Echo(self, value: object) -> object:  # noqa: N802 - a COM method's name
            return type(value).__name__

    com.initialize()
    try:
        plain = com.DispatchClient(com.wrap(Plain()))
        assert plain.Echo(1) == "int"
        assert plain.Echo("1") == "str"
    finally:
        com.uninitialize()


def test_an_argument_left_out_stays_left_out() -> None:
    """ArgNotFound reaches the object as the VT_ERROR DISP_E_PARAMNOTFOUND: never converted
    (WMI's ExecQuery(strQuery=..., iFlags=...) leaves strQueryLanguage, a BSTR, out)."""
    not_found = -2147352572
    plan: dict[tuple[int, int], tuple[int, ...]] = {(9, 1): (BSTR, BSTR, I4)}
    assert coerce(plan, 9, 1, ("q", not_found, "48")) == ("q", not_found, 48)
    assert coerce(plan, 9, 3, (1, None)) == ("1", None)
    assert coerce(plan, 8, 1, (1,)) == (1,)  # a function without declared conversions
