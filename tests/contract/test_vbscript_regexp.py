"""Contract: VBScript.RegExp, a class every Windows has, through win32com.client: its
DISPIDs, matches, submatches, Replace's ``$`` forms and its errors, as vbscript.dll's."""

from __future__ import annotations

import pytest
import pythoncom
import winerror
from win32com.client import Dispatch
from win32com.client.dynamic import DumbDispatch

from ._wine import wine_differs

VBSE_SYNTAX = -2146823271  # 0x800A1399: VBScript's error 5017


def _scode(call: object, *args: object) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        call(*args)  # type: ignore[operator]
    error = caught.value
    assert error.hresult == winerror.DISP_E_EXCEPTION
    return int(error.excepinfo[5])


def test_its_dispids_are_the_type_librarys() -> None:
    regexp = DumbDispatch("VBScript.RegExp")
    names = ["Pattern", "IgnoreCase", "Global", "Execute", "Test", "Replace", "Multiline"]
    assert [regexp._oleobj_.GetIDsOfNames(name) for name in names] == list(range(10001, 10008))
    regexp.Pattern = "x"
    matches = regexp.Execute("x")
    assert [matches._oleobj_.GetIDsOfNames(name) for name in ("Item", "Count")] == [0, 1]


def test_execute_finds_the_first_match_or_all_of_them() -> None:
    regexp = Dispatch("VBScript.RegExp")
    regexp.Pattern = "(P)(x)?ython"
    regexp.IgnoreCase = True
    assert regexp.Execute("Python python").Count == 1
    regexp.Global = True
    matches = regexp.Execute("Python python")
    assert [match.FirstIndex for match in matches] == [0, 7]
    first = matches._oleobj_.Invoke(0, 0, pythoncom.DISPATCH_PROPERTYGET, 1, 0)
    first = Dispatch(first)
    assert (first.Value, first.FirstIndex, first.Length) == ("Python", 0, 6)
    groups = first.SubMatches._oleobj_
    get = pythoncom.DISPATCH_PROPERTYGET
    assert [groups.Invoke(0, 0, get, 1, index) for index in (0, 1)] == ["P", None]
    assert regexp.Test("python") is True
    assert regexp.Test("xx") is False
    assert regexp.Replace("Python python", "[$1-$&]") == "[P-Python] [p-python]"
    regexp.IgnoreCase = False
    assert [match.FirstIndex for match in regexp.Execute("Python python Python")] == [0, 14]


def test_item_is_a_property_and_checks_its_index() -> None:
    regexp = Dispatch("VBScript.RegExp")
    regexp.Pattern = "a"
    matches = regexp.Execute("a")._oleobj_
    with pytest.raises(pythoncom.com_error) as caught:
        matches.Invoke(0, 0, pythoncom.DISPATCH_METHOD, 1, 0)
    assert caught.value.hresult == winerror.DISP_E_MEMBERNOTFOUND
    get = pythoncom.DISPATCH_PROPERTYGET
    assert _scode(matches.Invoke, 0, 0, get, 1, 5) == winerror.E_INVALIDARG


@wine_differs("Wine's vbscript answers a bad pattern with E_FAIL, not VBScript's error 5017")
def test_a_bad_pattern_is_vbscripts_syntax_error() -> None:
    regexp = Dispatch("VBScript.RegExp")
    regexp.Pattern = "(unclosed"
    assert _scode(regexp.Execute, "a") == VBSE_SYNTAX
