"""Contract: HKEY_CLASSES_ROOT read and written through win32api and winreg.

Each test writes keys of its own (a new ProgID, a new CLSID) and deletes them after. Here
HKEY_CLASSES_ROOT is a view of the class registry; the test points the class registry and
the user registry at files of its own (on the oracle, Wine's registry is the real one).
"""

from __future__ import annotations

import importlib
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import win32api
import win32con

from ._wine import ON_THE_ORACLE

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

winreg: Any = importlib.import_module("winreg")  # typeshed's winreg is Windows-only
HKCR = win32con.HKEY_CLASSES_ROOT
ERROR_FILE_NOT_FOUND, ERROR_ACCESS_DENIED, ERROR_NO_MORE_ITEMS = 2, 5, 259


@pytest.fixture(autouse=True)
def _own_registries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not ON_THE_ORACLE:
        monkeypatch.setenv("APARTMENT_REGISTRY", str(tmp_path / "classes.sqlite3"))
        monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user.sqlite3"))


def _delete(path: str) -> None:
    """Delete ``path`` below HKEY_CLASSES_ROOT and its subkeys, key by key; gone is fine."""
    try:
        key = win32api.RegOpenKey(HKCR, path)
    except win32api.error:
        return
    try:
        names: list[str] = []
        while True:
            try:
                names.append(win32api.RegEnumKey(key, len(names)))
            except win32api.error:
                break
    finally:
        win32api.RegCloseKey(key)
    for name in names:
        _delete(f"{path}\\{name}")
    win32api.RegDeleteKey(HKCR, path)


@pytest.fixture
def progid() -> Iterator[str]:
    name = f"ApartmentContract.P{uuid.uuid4().hex[:12]}"
    try:
        yield name
    finally:
        _delete(name)


@pytest.fixture
def clsid() -> Iterator[str]:
    name = "{" + str(uuid.uuid4()).upper() + "}"
    try:
        yield name
    finally:
        _delete(f"CLSID\\{name}")


def _subkeys(path: str) -> list[str]:
    key = win32api.RegOpenKey(HKCR, path)
    try:
        names: list[str] = []
        while True:
            try:
                names.append(win32api.RegEnumKey(key, len(names)))
            except win32api.error as error:
                ended = error.winerror
                break
    finally:
        win32api.RegCloseKey(key)
    assert ended == ERROR_NO_MORE_ITEMS
    return names


def test_a_progid_key_is_written_and_read_back(progid: str) -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    win32api.RegSetValue(HKCR, progid, win32con.REG_SZ, "A contract class")
    win32api.RegSetValue(HKCR, f"{progid}\\CLSID", win32con.REG_SZ, clsid)
    assert win32api.RegQueryValue(HKCR, progid) == "A contract class"
    assert win32api.RegQueryValue(HKCR, f"{progid}\\CLSID") == clsid
    key = win32api.RegOpenKey(HKCR, progid)
    try:
        assert win32api.RegQueryValueEx(key, None) == ("A contract class", win32con.REG_SZ)
        assert win32api.RegQueryValueEx(key, "") == ("A contract class", win32con.REG_SZ)
        assert win32api.RegEnumKey(key, 0) == "CLSID"
    finally:
        win32api.RegCloseKey(key)
    assert winreg.QueryValue(winreg.HKEY_CLASSES_ROOT, f"{progid}\\CLSID") == clsid


def test_the_root_enumerates_a_written_progid_among_its_keys(progid: str) -> None:
    win32api.RegCreateKey(HKCR, progid).Close()
    root = winreg.HKEY_CLASSES_ROOT
    count = winreg.QueryInfoKey(root)[0]
    names = {winreg.EnumKey(root, index).lower() for index in range(count)}
    assert progid.lower() in names
    assert "clsid" in names


def test_a_clsid_key_holds_its_server_keys_and_values(clsid: str) -> None:
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}", win32con.REG_SZ, "Contract class")
    inproc = win32api.RegCreateKey(HKCR, f"CLSID\\{clsid}\\InprocServer32")
    try:
        win32api.RegSetValueEx(inproc, None, 0, win32con.REG_SZ, "contract.dll")
        win32api.RegSetValueEx(inproc, "ThreadingModel", 0, win32con.REG_SZ, "Apartment")
    finally:
        win32api.RegCloseKey(inproc)
    assert win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}\\InprocServer32") == "contract.dll"
    assert _subkeys(f"CLSID\\{clsid}") == ["InprocServer32"]
    key = winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}")
    try:
        assert winreg.QueryValue(key, "InprocServer32") == "contract.dll"
        assert winreg.QueryValueEx(key, "") == ("Contract class", winreg.REG_SZ)
    finally:
        key.Close()
    with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}\\InprocServer32") as inner:
        assert winreg.QueryValueEx(inner, "ThreadingModel") == ("Apartment", winreg.REG_SZ)
    clsids = _subkeys("CLSID")
    assert clsid.lower() in {name.lower() for name in clsids}


def test_a_key_with_subkeys_is_not_deleted_and_a_deleted_one_is_gone(clsid: str) -> None:
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\InprocServer32", win32con.REG_SZ, "x.dll")
    with pytest.raises(win32api.error) as refused:
        win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}")
    assert refused.value.winerror == ERROR_ACCESS_DENIED
    win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}\\InprocServer32")
    win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}")
    with pytest.raises(win32api.error) as missing:
        win32api.RegOpenKey(HKCR, f"CLSID\\{clsid}")
    assert missing.value.winerror == ERROR_FILE_NOT_FOUND
    with pytest.raises(win32api.error) as no_value:
        win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}")
    assert no_value.value.winerror == ERROR_FILE_NOT_FOUND


def test_an_unset_default_value_reads_as_empty_through_query_value(progid: str) -> None:
    win32api.RegCreateKey(HKCR, f"{progid}\\Empty").Close()
    assert win32api.RegQueryValue(HKCR, f"{progid}\\Empty") == ""
    assert winreg.QueryValue(winreg.HKEY_CLASSES_ROOT, f"{progid}\\Empty") == ""
    key = win32api.RegOpenKey(HKCR, f"{progid}\\Empty")
    try:
        with pytest.raises(win32api.error) as missing:
            win32api.RegQueryValueEx(key, None)
        assert missing.value.winerror == ERROR_FILE_NOT_FOUND
    finally:
        win32api.RegCloseKey(key)
