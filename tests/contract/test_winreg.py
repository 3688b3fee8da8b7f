"""Contract: the standard library's ``winreg``, which programs for Windows use beside pywin32.

Each test works in a key of its own under HKEY_CURRENT_USER\\Software and deletes it after.
"""

from __future__ import annotations

import errno
import importlib
import pickle
import time
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

winreg: Any = importlib.import_module("winreg")  # typeshed's winreg is Windows-only


@pytest.fixture
def key() -> Iterator[Any]:
    name = f"Software\\apartment-winreg-{uuid.uuid4().hex}"
    created = winreg.CreateKey(winreg.HKEY_CURRENT_USER, name)
    try:
        yield created
    finally:
        for index in reversed(range(winreg.QueryInfoKey(created)[0])):
            winreg.DeleteKey(created, winreg.EnumKey(created, index))
        created.Close()
        winreg.DeleteKey(winreg.HKEY_CURRENT_USER, name)


def _failure(call: Any, *args: Any) -> OSError:
    try:
        call(*args)
    except OSError as failure:
        return failure
    pytest.fail(f"{call.__name__} raised nothing")


def test_the_predefined_keys_and_the_key_type() -> None:
    assert winreg.HKEY_CURRENT_USER == 0xFFFFFFFF80000001
    assert winreg.HKEY_LOCAL_MACHINE == 0xFFFFFFFF80000002
    assert winreg.error is OSError
    assert winreg.HKEYType.__name__ == "PyHKEY"
    with pytest.raises(TypeError):
        winreg.HKEYType()


@pytest.mark.parametrize(
    ("kind", "value", "read"),
    [
        (winreg.REG_SZ, "text", "text"),
        (winreg.REG_SZ, None, ""),
        (winreg.REG_EXPAND_SZ, "%PATH%x", "%PATH%x"),
        (winreg.REG_MULTI_SZ, ["a", "bc"], ["a", "bc"]),
        (winreg.REG_MULTI_SZ, None, []),
        (winreg.REG_DWORD, 0xFFFFFFFF, 0xFFFFFFFF),
        (winreg.REG_DWORD, None, 0),
        (winreg.REG_QWORD, 2**64 - 1, 2**64 - 1),
        (winreg.REG_BINARY, bytearray(b"ab"), b"ab"),
        (winreg.REG_BINARY, b"", None),
        (winreg.REG_NONE, None, None),
        (winreg.REG_DWORD_BIG_ENDIAN, b"\0\0\0\5", b"\0\0\0\5"),
        (99, b"zz", b"zz"),
    ],
)
def test_values_round_trip_in_cpythons_shapes(key: Any, kind: int, value: Any, read: Any) -> None:
    winreg.SetValueEx(key, "v", 0, kind, value)
    assert winreg.QueryValueEx(key, "v") == (read, kind)
    assert winreg.EnumValue(key, 0) == ("v", read, kind)


@pytest.mark.parametrize(
    ("kind", "value", "raised"),
    [
        (winreg.REG_DWORD, "x", ValueError),
        (winreg.REG_DWORD, -1, OverflowError),
        (winreg.REG_DWORD, 2**32, OverflowError),
        (winreg.REG_SZ, 5, ValueError),
        (winreg.REG_MULTI_SZ, ("a",), ValueError),
        (winreg.REG_BINARY, 5, TypeError),
    ],
)
def test_set_value_ex_refuses_data_of_another_kind(
    key: Any, kind: int, value: Any, raised: type[Exception]
) -> None:
    with pytest.raises(raised):
        winreg.SetValueEx(key, "v", 0, kind, value)


def test_errors_are_oserrors_with_winerror(key: Any) -> None:
    missing = _failure(winreg.QueryValueEx, key, "nope")
    assert isinstance(missing, FileNotFoundError)
    assert repr(type(missing)) == "<class 'FileNotFoundError'>"
    assert (missing.winerror, missing.errno) == (2, errno.ENOENT)  # type: ignore[attr-defined]
    assert str(missing) == f"[WinError 2] {missing.strerror}"  # as Windows prints it
    assert repr(missing) == f"FileNotFoundError(2, {missing.strerror!r}, None, 2, None)"
    again = pickle.loads(pickle.dumps(missing))
    assert isinstance(again, FileNotFoundError) and again.winerror == 2  # type: ignore[attr-defined]
    ended = _failure(winreg.EnumKey, key, 0)
    assert repr(type(ended)) == "<class 'OSError'>" and ended.winerror == 259  # type: ignore[attr-defined]
    assert str(ended).startswith("[WinError 259] ")
    assert _failure(winreg.EnumValue, key, 0).winerror == 259  # type: ignore[attr-defined]
    winreg.CloseKey(winreg.CreateKey(key, "child"))
    denied = _failure(winreg.DeleteKey, winreg.HKEY_CURRENT_USER, "Software")
    assert isinstance(denied, PermissionError) and denied.winerror == 5  # type: ignore[attr-defined]
    read_only = winreg.OpenKey(key, None)
    try:
        refused = _failure(winreg.SetValueEx, read_only, "v", 0, winreg.REG_SZ, "x")
        assert isinstance(refused, PermissionError) and refused.winerror == 5  # type: ignore[attr-defined]
    finally:
        read_only.Close()
    with pytest.raises(TypeError):
        winreg.OpenKey("not a key", None)
    with pytest.raises(TypeError):
        winreg.OpenKey(None, "x")


def test_keys_enumerate_count_and_close(key: Any) -> None:
    before = time.time()
    with winreg.CreateKeyEx(key, "sub", 0, winreg.KEY_ALL_ACCESS) as sub:
        winreg.SetValueEx(sub, None, 0, winreg.REG_SZ, "dflt")
    assert not sub and sub.handle == 0
    winreg.SetValue(key, "other", winreg.REG_SZ, "x")
    winreg.SetValueEx(key, "one", 0, winreg.REG_DWORD, 1)
    subkeys, values, written = winreg.QueryInfoKey(key)
    assert (subkeys, values) == (2, 1)
    since_1601 = int(before * 10**7) + 116444736000000000
    assert since_1601 - 60 * 10**7 <= written <= since_1601 + 600 * 10**7
    assert sorted(winreg.EnumKey(key, i) for i in range(2)) == ["other", "sub"]
    assert winreg.QueryValue(key, "sub") == "dflt"
    assert winreg.QueryValue(key, None) == ""
    opened = winreg.OpenKeyEx(key, "sub", access=winreg.KEY_READ)
    value = int(opened)
    assert opened.Detach() == value and not opened
    winreg.CloseKey(value)
    winreg.DeleteKeyEx(key, "other")
    winreg.DeleteKey(key, "sub")
    assert winreg.QueryInfoKey(key)[0] == 0


def test_connect_registry_to_this_computer_and_no_other() -> None:
    root = winreg.ConnectRegistry(None, winreg.HKEY_CURRENT_USER)
    assert int(root) == winreg.HKEY_CURRENT_USER
    other = _failure(winreg.ConnectRegistry, "\\\\no-such-computer-here", winreg.HKEY_CURRENT_USER)
    assert isinstance(other, FileNotFoundError) and other.winerror == 53  # type: ignore[attr-defined]


@wine_differs("Wine has no RegQueryReflectionKey: ERROR_CALL_NOT_IMPLEMENTED (120)")
def test_no_reflection_for_a_64_bit_process(key: Any) -> None:
    assert winreg.QueryReflectionKey(key) is True
    assert winreg.DisableReflectionKey(key) is None
    assert winreg.EnableReflectionKey(key) is None
    assert winreg.QueryReflectionKey(key) is True


def test_save_key_needs_the_backup_privilege(key: Any, tmp_path: Any) -> None:
    refused = _failure(winreg.SaveKey, key, str(tmp_path / "saved"))
    assert repr(type(refused)) == "<class 'OSError'>" and refused.winerror == 1314  # type: ignore[attr-defined]
