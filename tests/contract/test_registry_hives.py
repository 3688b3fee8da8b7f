"""Contract: RegSaveKey, RegSaveKeyEx and RegRestoreKey with the privileges they need enabled.

Wine's RegRestoreKey is a stub that succeeds and its RegSaveKey overwrites a file that
exists; Windows' documentation says the save fails when the file exists and the restore
replaces the key's values and subkeys: those checks are marked.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, Any

import ntsecuritycon
import pytest
import pywintypes
import win32api
import win32con
import win32security
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HKCU = win32con.HKEY_CURRENT_USER


@pytest.fixture
def privileged() -> Iterator[None]:
    token = win32security.OpenProcessToken(
        win32api.GetCurrentProcess(), win32con.TOKEN_READ | win32con.TOKEN_ADJUST_PRIVILEGES
    )
    wanted = [
        (win32security.LookupPrivilegeValue("", name), win32con.SE_PRIVILEGE_ENABLED)
        for name in (ntsecuritycon.SE_BACKUP_NAME, ntsecuritycon.SE_RESTORE_NAME)
    ]
    before = win32security.AdjustTokenPrivileges(token, 0, wanted)
    yield
    win32security.AdjustTokenPrivileges(token, 0, before)
    token.Close()


@pytest.fixture
def keys() -> Iterator[tuple[Any, Any]]:
    names = [f"Software\\apartment-hive-{uuid.uuid4().hex}" for _ in range(2)]
    opened = [
        win32api.RegCreateKeyEx(HKCU, name, samDesired=win32con.KEY_ALL_ACCESS)[0] for name in names
    ]
    saved, other = opened
    win32api.RegSetValueEx(saved, "count", 0, win32con.REG_DWORD, 5)
    sub = win32api.RegCreateKey(saved, "Sub\\Deeper")
    win32api.RegSetValueEx(sub, "text", 0, win32con.REG_SZ, "x")
    win32api.RegCloseKey(sub)
    win32api.RegSetValueEx(other, "old", 0, win32con.REG_SZ, "gone")
    win32api.RegCloseKey(win32api.RegCreateKey(other, "OldSub"))
    yield saved, other
    for key, name in zip(opened, names, strict=True):
        win32api.RegCloseKey(key)
        win32api.RegDeleteTree(HKCU, name)


def _contents(key: Any) -> tuple[list[tuple[Any, ...]], list[str]]:
    subkeys, values, _ = win32api.RegQueryInfoKey(key)
    return (
        sorted(win32api.RegEnumValue(key, index)[:3] for index in range(values)),
        sorted(win32api.RegEnumKey(key, index) for index in range(subkeys)),
    )


@pytest.mark.usefixtures("privileged")
def test_save_key_writes_a_file_and_save_key_ex_too(keys: tuple[Any, Any], tmp_path: Path) -> None:
    saved, _ = keys
    win32api.RegSaveKey(saved, str(tmp_path / "one"), None)
    win32api.RegSaveKeyEx(saved, str(tmp_path / "two"), Flags=1, SecurityAttributes=None)
    assert os.path.getsize(tmp_path / "one") > 0
    assert os.path.getsize(tmp_path / "two") > 0


@wine_differs("Wine's RegSaveKey overwrites a file that exists")
@pytest.mark.usefixtures("privileged")
def test_save_key_refuses_a_file_that_exists(keys: tuple[Any, Any], tmp_path: Path) -> None:
    saved, _ = keys
    (tmp_path / "there").write_bytes(b"")
    with pytest.raises(pywintypes.error) as caught:
        win32api.RegSaveKey(saved, str(tmp_path / "there"), None)
    assert (caught.value.winerror, caught.value.funcname) == (
        winerror.ERROR_ALREADY_EXISTS,
        "RegSaveKey",
    )


@wine_differs("Wine's RegRestoreKey is a stub that succeeds")
@pytest.mark.usefixtures("privileged")
def test_restore_key_replaces_the_values_and_subkeys(keys: tuple[Any, Any], tmp_path: Path) -> None:
    saved, other = keys
    win32api.RegSaveKey(saved, str(tmp_path / "saved"), None)
    win32api.RegRestoreKey(other, str(tmp_path / "saved"), 0)
    assert _contents(other) == _contents(saved) == ([("count", 5, win32con.REG_DWORD)], ["Sub"])
    deeper = win32api.RegOpenKey(other, "Sub\\Deeper")
    assert win32api.RegQueryValueEx(deeper, "text") == ("x", win32con.REG_SZ)
    win32api.RegCloseKey(deeper)


@wine_differs("Wine's RegRestoreKey is a stub that succeeds")
@pytest.mark.usefixtures("privileged")
def test_restore_key_refuses_what_is_not_a_saved_key(keys: tuple[Any, Any], tmp_path: Path) -> None:
    _, other = keys
    before = _contents(other)
    (tmp_path / "junk").write_bytes(b"junk" * 100)
    with pytest.raises(pywintypes.error) as caught:
        win32api.RegRestoreKey(other, str(tmp_path / "junk"), 0)
    assert caught.value.winerror == winerror.ERROR_REGISTRY_CORRUPT
    with pytest.raises(pywintypes.error) as caught:
        win32api.RegRestoreKey(other, str(tmp_path / "none"), 0)
    assert caught.value.winerror == winerror.ERROR_FILE_NOT_FOUND
    assert _contents(other) == before
