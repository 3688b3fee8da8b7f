"""Contract: Scripting.Dictionary, the dictionary every Windows has, created by ProgID alone.

Its members by IDictionary's DISPIDs, its key rules (numbers by value, strings by CompareMode,
a missing key read is added), its order, and scrrun's errors: DISP_E_EXCEPTION carrying the
VB error's HRESULT as the scode.
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror

from ._com import com_error_of

_KEY_EXISTS = -2146827831  # 0x800A01C9
_NOT_FOUND = -2146795477  # 0x800A802B
_ILLEGAL_CALL = -2146828283  # 0x800A0005


@pytest.fixture
def dictionary() -> Any:
    pythoncom.CoInitialize()
    try:
        yield win32com.client.Dispatch("Scripting.Dictionary")
    finally:
        pythoncom.CoUninitialize()


def _scode(call: Any) -> tuple[int, int]:
    error = com_error_of(call)
    return error.hresult, error.excepinfo[5]


def test_it_is_there_by_progid_with_its_clsid() -> None:
    clsid = "{EE09B103-97E0-11CF-978F-00A02463E06F}"
    assert str(pywintypes.IID("Scripting.Dictionary")) == clsid
    assert pythoncom.ProgIDFromCLSID(clsid) == "Scripting.Dictionary"


def test_members_have_idictionarys_dispids(dictionary: Any) -> None:
    names = ["Item", "Add", "Count", "Exists", "Items", "Key", "Keys", "Remove", "RemoveAll"]
    names += ["CompareMode", "HashVal"]
    ids = [dictionary._oleobj_.GetIDsOfNames(name) for name in names]
    assert ids == list(range(11))
    assert dictionary._oleobj_.GetIDsOfNames("_NewEnum") == -4
    assert dictionary._oleobj_.GetIDsOfNames("ITEM") == 0


def test_add_count_exists_keys_items_in_order(dictionary: Any) -> None:
    dictionary.Add("a", 1)
    dictionary.Add(2, "two")
    dictionary.Add(1.5, None)
    assert dictionary.Count == 3
    assert dictionary.Exists("a") and not dictionary.Exists("A")
    assert dictionary.Exists(2) and dictionary.Exists(2.0) and not dictionary.Exists("2")
    assert dictionary.Keys() == ("a", 2, 1.5)
    assert dictionary.Items() == (1, "two", None)
    assert list(dictionary) == ["a", 2, 1.5]


def test_adding_a_key_twice_is_error_457(dictionary: Any) -> None:
    dictionary.Add("a", 1)
    assert _scode(lambda: dictionary.Add("a", 2)) == (winerror.DISP_E_EXCEPTION, _KEY_EXISTS)
    assert dictionary.Item("a") == 1


def test_reading_a_missing_item_adds_its_key(dictionary: Any) -> None:
    assert dictionary.Item("zz") is None
    assert dictionary.Count == 1 and dictionary.Exists("zz")
    oleobj = dictionary._oleobj_
    oleobj.Invoke(0, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, "new", 9)
    oleobj.Invoke(0, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, "zz", 8)
    assert dictionary.Keys() == ("zz", "new")
    assert dictionary.Items() == (8, 9)


def test_remove_and_remove_all(dictionary: Any) -> None:
    dictionary.Add("a", 1)
    dictionary.Add("b", 2)
    assert _scode(lambda: dictionary.Remove("nope")) == (winerror.DISP_E_EXCEPTION, _NOT_FOUND)
    dictionary.Remove("a")
    assert dictionary.Keys() == ("b",)
    dictionary.RemoveAll()
    assert dictionary.Count == 0 and dictionary.Keys() == ()


def test_renaming_a_key_moves_it_last(dictionary: Any) -> None:
    for key, item in (("a", 1), ("b", 2), ("c", 3)):
        dictionary.Add(key, item)
    oleobj = dictionary._oleobj_
    oleobj.Invoke(5, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, "a", "z")
    assert dictionary.Keys() == ("b", "c", "z")
    assert dictionary.Items() == (2, 3, 1)
    rename = lambda: oleobj.Invoke(5, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, "b", "c")  # noqa: E731
    assert _scode(rename) == (winerror.DISP_E_EXCEPTION, _KEY_EXISTS)
    oleobj.Invoke(5, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, "missing", "q")  # adds "q"
    assert dictionary.Keys() == ("b", "c", "z", "q")
    assert dictionary.Item("q") is None


def test_compare_mode_text_ignores_case_and_is_set_only_when_empty(dictionary: Any) -> None:
    assert dictionary.CompareMode == 0
    dictionary.Add("x", 1)
    put = dictionary._oleobj_.Invoke
    attempt = lambda: put(9, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, 1)  # noqa: E731
    assert _scode(attempt) == (winerror.DISP_E_EXCEPTION, _ILLEGAL_CALL)
    dictionary.RemoveAll()
    dictionary.CompareMode = 7  # above 2: a locale's comparison
    assert dictionary.CompareMode == 7
    dictionary.CompareMode = 1
    assert dictionary.CompareMode == 1
    dictionary.Add("x", 1)
    assert dictionary.Exists("X")
    assert _scode(lambda: dictionary.Add("X", 2)) == (winerror.DISP_E_EXCEPTION, _KEY_EXISTS)


def test_hash_values_are_scrruns(dictionary: Any) -> None:
    strings = ["", "a", "ab", "abc", "A", "hello world"]
    assert [dictionary.HashVal(text) for text in strings] == [0, 97, 546, 974, 65, 147]
    numbers = [0, 1, 2, 3, 100, 1.5, -1]
    assert [dictionary.HashVal(n) for n in numbers] == [0, 161, 985, 196, 164, 573, 930]


def test_wrong_calls_are_dispatch_errors(dictionary: Any) -> None:
    oleobj = dictionary._oleobj_
    put_count = lambda: oleobj.Invoke(2, 0, pythoncom.DISPATCH_PROPERTYPUT, 0, 3)  # noqa: E731
    assert com_error_of(put_count).hresult == winerror.DISP_E_MEMBERNOTFOUND
    add_one = lambda: oleobj.Invoke(1, 0, pythoncom.DISPATCH_METHOD, 1, "x")  # noqa: E731
    assert com_error_of(add_one).hresult == winerror.DISP_E_BADPARAMCOUNT
    item_none = lambda: oleobj.Invoke(0, 0, pythoncom.DISPATCH_PROPERTYGET, 1)  # noqa: E731
    assert com_error_of(item_none).hresult == winerror.DISP_E_BADPARAMCOUNT
    assert dictionary.Item("a") is None


def test_an_iid_may_be_written_as_a_progid() -> None:
    clsid = "{EE09B103-97E0-11CF-978F-00A02463E06F}"
    assert str(pywintypes.IID("scripting.dictionary")) == clsid
    for text in ("No.Such.Thing", "", f"  {clsid}"):
        assert com_error_of(pywintypes.IID, text).hresult == winerror.CO_E_CLASSSTRING
