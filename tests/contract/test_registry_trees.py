"""Contract: the registry's trees and extras (win32api RegEnumKeyEx, RegDeleteTree,
RegCopyTree, RegDeleteKeyEx, RegOpenCurrentUser, RegConnectRegistry, RegFlushKey, and the
hive calls that need a privilege: ERROR_PRIVILEGE_NOT_HELD without it)."""

import datetime as dt
import os
import tempfile
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con

from ._wine import wine_differs

HKCU = win32con.HKEY_CURRENT_USER


def assert_error(code: int, name: str, fn: Any, *args: Any) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)
    assert (info.value.winerror, info.value.funcname) == (code, name)


@pytest.fixture
def base() -> Iterator[Any]:
    path = f"Software\\apartment-s19-{uuid.uuid4().hex}"
    key = win32api.RegCreateKey(HKCU, path)
    deep = win32api.RegCreateKey(key, "A\\Deep")
    win32api.RegSetValueEx(deep, "v", 0, win32con.REG_SZ, "x")
    win32api.RegCloseKey(deep)
    win32api.RegSetValueEx(key, "top", 0, win32con.REG_DWORD, 5)
    win32api.RegCloseKey(win32api.RegCreateKey(key, "B"))
    yield key
    win32api.RegCloseKey(key)
    win32api.RegDeleteTree(HKCU, path)


def names(key: Any) -> list[str]:
    return [entry[0] for entry in win32api.RegEnumKeyEx(key)]


def test_enum_key_ex_gives_names_and_times(base: Any) -> None:
    entries = win32api.RegEnumKeyEx(base)
    assert [entry[:3] for entry in entries] == [("A", 0, ""), ("B", 0, "")]
    for entry in entries:
        assert isinstance(entry[3], dt.datetime) and entry[3].utcoffset() is not None
    assert win32api.RegEnumKeyExW(base) == entries


def test_copy_tree_merges_into_the_target(base: Any) -> None:
    target = win32api.RegOpenKeyEx(base, "B", 0, win32con.KEY_ALL_ACCESS)
    try:
        win32api.RegCopyTree(base, "A", target)
        assert names(target) == ["Deep"]
        deep = win32api.RegOpenKeyEx(target, "Deep")
        assert win32api.RegQueryValueEx(deep, "v") == ("x", win32con.REG_SZ)
        win32api.RegCloseKey(deep)
        assert_error(2, "RegCopyTree", win32api.RegCopyTree, base, "Nope", target)
    finally:
        win32api.RegCloseKey(target)


def test_delete_tree_and_delete_key_ex(base: Any) -> None:
    assert_error(5, "RegDeleteKeyEx", win32api.RegDeleteKeyEx, base, "A")  # it has subkeys
    assert_error(2, "RegDeleteKeyEx", win32api.RegDeleteKeyEx, base, "Nope")
    assert_error(2, "RegDeleteTree", win32api.RegDeleteTree, base, "Nope")
    win32api.RegDeleteTree(base, "A")
    assert names(base) == ["B"]
    win32api.RegDeleteKeyEx(base, "B")
    win32api.RegCreateKey(base, "C").Close()
    win32api.RegDeleteTree(base, None)  # the key's own subkeys and values
    assert win32api.RegQueryInfoKey(base)[:2] == (0, 0)


def test_the_current_user_and_this_computer(base: Any) -> None:
    current = win32api.RegOpenCurrentUser(win32con.KEY_READ)
    try:
        assert "Software" in [win32api.RegEnumKey(current, i) for i in range(2000)
                              if _has(current, i)]  # fmt: skip
    finally:
        win32api.RegCloseKey(current)
    for computer in (None, win32api.GetComputerName()):
        key = win32api.RegConnectRegistry(computer, HKCU)
        assert int(key) & 0xFFFFFFFF == HKCU & 0xFFFFFFFF
    assert_error(53, "RegConnectRegistry", win32api.RegConnectRegistry, "no-such-host-s19", HKCU)
    win32api.RegFlushKey(base)
    assert_error(6, "RegFlushKey", win32api.RegFlushKey, 0x1234)


def _has(key: Any, index: int) -> bool:
    try:
        win32api.RegEnumKey(key, index)
    except pywintypes.error:
        return False
    return True


def test_hive_files_need_privileges(base: Any) -> None:
    path = os.path.join(tempfile.gettempdir(), f"s19-hive-{uuid.uuid4().hex}")
    assert_error(1314, "RegSaveKey", win32api.RegSaveKey, base, path, None)
    assert_error(1314, "RegLoadKey", win32api.RegLoadKey, HKCU, "s19hive", path)
    assert_error(1314, "RegUnLoadKey", win32api.RegUnLoadKey, HKCU, "s19hive")


@wine_differs("Wine's RegRestoreKey is a stub that succeeds")
def test_restoring_needs_the_restore_privilege(base: Any) -> None:
    path = os.path.join(tempfile.gettempdir(), f"s19-hive-{uuid.uuid4().hex}")
    assert_error(1314, "RegRestoreKey", win32api.RegRestoreKey, base, path, 0)
