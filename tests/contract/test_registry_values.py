"""Contract: a registry value's bytes, as pywin32's win32api and CPython's winreg write and read
them, and the lengths of names.

pywin32 and winreg read the same bytes differently: winreg gives a string up to its first NUL
and every string of a multi-string, pywin32 a string with its embedded NULs and a multi-string
up to the first empty string after its first. Each test works in a key of its own under
HKEY_CURRENT_USER\\Software and deletes it after.
"""

from __future__ import annotations

import importlib
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con

if TYPE_CHECKING:
    from collections.abc import Iterator

winreg: Any = importlib.import_module("winreg")  # typeshed's winreg is Windows-only
MULTI = win32con.REG_MULTI_SZ


@pytest.fixture
def key() -> Iterator[Any]:
    name = f"Software\\apartment-values-{uuid.uuid4().hex}"
    created = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, name)
    try:
        yield created
    finally:
        created.Close()
        win32api.RegDeleteTree(win32con.HKEY_CURRENT_USER, name)


def _code(call: Any, *args: Any) -> int:
    try:
        call(*args)
    except pywintypes.error as error:
        return int(error.winerror)
    except OSError as error:
        return int(getattr(error, "winerror", 0))  # winreg's OSError: its winerror
    raise AssertionError(f"{call.__name__} did not fail")


@pytest.mark.parametrize(
    ("written", "by_pywin32", "by_winreg"),
    [
        (["a", "b", ""], ["a", "b"], ["a", "b", ""]),
        (["a", "", "b"], ["a"], ["a", "", "b"]),
        ([""], [""], [""]),
        ([], [], []),
    ],
)
def test_a_multi_string_reads_back_as_each_library_reads_it(
    key: Any, written: list[str], by_pywin32: list[str], by_winreg: list[str]
) -> None:
    winreg.SetValueEx(key.handle, "m", 0, MULTI, written)
    assert win32api.RegQueryValueEx(key, "m") == (by_pywin32, MULTI)
    assert win32api.RegEnumValue(key, 0) == ("m", by_pywin32, MULTI)
    assert winreg.QueryValueEx(key.handle, "m") == (by_winreg, MULTI)
    assert winreg.EnumValue(key.handle, 0) == ("m", by_winreg, MULTI)


def test_a_multi_string_of_no_bytes_is_none_in_winreg_and_empty_in_pywin32(key: Any) -> None:
    win32api.RegSetValueEx(key, "a", 0, MULTI, None)  # pywin32 writes no bytes at all
    winreg.SetValueEx(key.handle, "b", 0, MULTI, [])  # winreg writes the list's NULs
    assert winreg.QueryValueEx(key.handle, "a") == (None, MULTI)
    assert winreg.EnumValue(key.handle, 0) == ("a", None, MULTI)
    assert win32api.RegQueryValueEx(key, "a") == ([], MULTI)
    assert win32api.RegEnumValue(key, 0) == ("a", [], MULTI)
    assert winreg.QueryValueEx(key.handle, "b") == ([], MULTI)
    assert win32api.RegQueryValueEx(key, "b") == ([], MULTI)


def test_pywin32_writes_a_multi_string_from_any_sequence_of_str(key: Any) -> None:
    win32api.RegSetValueEx(key, "tuple", 0, MULTI, ("x", "y"))
    win32api.RegSetValueEx(key, "str", 0, MULTI, "xy")  # a str: each character a string
    assert win32api.RegQueryValueEx(key, "tuple") == (["x", "y"], MULTI)
    assert win32api.RegQueryValueEx(key, "str") == (["x", "y"], MULTI)
    with pytest.raises(TypeError, match="Objects of type 'int' can not be converted"):
        win32api.RegSetValueEx(key, "bytes", 0, MULTI, b"a\0")
    win32api.RegSetValueEx(key, "none", 0, MULTI, None)
    assert win32api.RegQueryValueEx(key, "none") == ([], MULTI)


def test_a_string_with_a_nul_keeps_it_in_pywin32_and_ends_there_in_winreg(key: Any) -> None:
    win32api.RegSetValueEx(key, "s", 0, win32con.REG_SZ, "a\0b")
    assert win32api.RegQueryValueEx(key, "s") == ("a\0b", win32con.REG_SZ)
    assert winreg.QueryValueEx(key.handle, "s") == ("a", win32con.REG_SZ)


def test_a_big_endian_dword_is_bytes_of_any_length(key: Any) -> None:
    big_endian = win32con.REG_DWORD_BIG_ENDIAN
    win32api.RegSetValueEx(key, "be", 0, big_endian, b"\0\0\0\5")
    winreg.SetValueEx(key.handle, "short", 0, big_endian, b"\0\7")
    assert win32api.RegQueryValueEx(key, "be") == (b"\0\0\0\5", big_endian)
    assert winreg.QueryValueEx(key.handle, "be") == (b"\0\0\0\5", big_endian)
    assert winreg.QueryValueEx(key.handle, "short") == (b"\0\7", big_endian)
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'int'"):
        win32api.RegSetValueEx(key, "int", 0, big_endian, 5)


def test_pywin32_checks_a_value_against_its_type(key: Any) -> None:
    with pytest.raises(TypeError, match="an integer is required"):
        win32api.RegSetValueEx(key, "d", 0, win32con.REG_DWORD, b"\1\0\0\0")
    with pytest.raises(OverflowError, match="can't convert negative int to unsigned"):
        win32api.RegSetValueEx(key, "q", 0, win32con.REG_QWORD, -1)
    with pytest.raises(TypeError, match="Objects of type 'bytes' can not be converted"):
        win32api.RegSetValueEx(key, "e", 0, win32con.REG_EXPAND_SZ, b"a\0")
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'str'"):
        win32api.RegSetValueEx(key, "b", 0, win32con.REG_BINARY, "ab")
    with pytest.raises(pywintypes.error):
        win32api.RegQueryValueEx(key, "d")  # nothing was written


def test_none_writes_an_empty_value_of_the_type(key: Any) -> None:
    for kind, by_pywin32, by_winreg in (
        (win32con.REG_DWORD, 0, 0),
        (win32con.REG_QWORD, 0, 0),
        (win32con.REG_SZ, "", ""),
        (win32con.REG_BINARY, None, None),
    ):
        win32api.RegSetValueEx(key, "n", 0, kind, None)
        assert win32api.RegQueryValueEx(key, "n") == (by_pywin32, kind)
        assert winreg.QueryValueEx(key.handle, "n") == (by_winreg, kind)
        winreg.SetValueEx(key.handle, "w", 0, kind, None)
        assert winreg.QueryValueEx(key.handle, "w") == (by_winreg, kind)


def test_a_key_name_has_at_most_256_characters_and_a_path_many(key: Any) -> None:
    win32api.RegCreateKey(key, "k" * 255).Close()
    winreg.CreateKey(key.handle, "w" * 255).Close()
    assert _code(win32api.RegCreateKey, key, "k" * 257) == 87
    assert _code(winreg.CreateKey, key.handle, "w" * 257) == 87
    assert _code(win32api.RegOpenKey, key, "k" * 257) == 87
    win32api.RegCreateKey(key, "a" * 200 + "\\" + "b" * 200).Close()  # the limit is a name's


def test_a_value_name_has_at_most_16383_characters(key: Any) -> None:
    win32api.RegSetValueEx(key, "v" * 16383, 0, win32con.REG_SZ, "x")
    winreg.SetValueEx(key.handle, "u" * 16383, 0, winreg.REG_SZ, "x")
    too_long = "v" * 16384
    assert _code(win32api.RegSetValueEx, key, too_long, 0, win32con.REG_SZ, "x") == 87
    assert _code(winreg.SetValueEx, key.handle, too_long, 0, winreg.REG_SZ, "x") == 87
