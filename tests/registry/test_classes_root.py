"""HKEY_CLASSES_ROOT as a view of the class registry: each side sees what the other writes."""

from __future__ import annotations

import os
import sys
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import com, kernel, registry
from apartment.errors import (
    ClassNotRegisteredError,
    ClassStringError,
    NotSupportedError,
    Win32Error,
)
from apartment.win32 import pythoncom, win32api, win32con, winreg
from apartment.win32.win32com import client

if TYPE_CHECKING:
    from pathlib import Path

HKCR = win32con.HKEY_CLASSES_ROOT
ERROR_FILE_NOT_FOUND, ERROR_ACCESS_DENIED = 2, 5


@pytest.fixture(autouse=True)
def registries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("APARTMENT_REGISTRY", str(tmp_path / "classes.sqlite3"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user.sqlite3"))
    return tmp_path


def _clsid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"


def _subkeys(path: str, root: int = HKCR) -> list[str]:
    key = win32api.RegOpenKey(root, path)
    names: list[str] = []
    try:
        while True:
            try:
                names.append(win32api.RegEnumKey(key, len(names)))
            except win32api.error:
                return names
    finally:
        win32api.RegCloseKey(key)


def _register(clsid: str, **fields: object) -> com.ClassEntry:
    entry = com.ClassEntry(clsid=clsid, **fields)  # type: ignore[arg-type]
    com.register(entry)
    return com.lookup_clsid(clsid)


def test_a_registered_class_shows_as_the_keys_pywin32_would_write() -> None:
    clsid = _clsid()
    _register(
        clsid,
        class_spec="mod.Server",
        progid="View.Server",
        verprogid="View.Server.1",
        description="A server",
        threading_model="Apartment",
        python_path="/somewhere",
    )
    assert clsid in _subkeys("CLSID")
    assert {"View.Server", "View.Server.1", "CLSID"} <= set(_subkeys(""))
    assert _subkeys(f"CLSID\\{clsid}") == [
        "InprocServer32", "LocalServer32", "ProgID", "PythonCOM", "PythonCOMPath",
        "VersionIndependentProgID",
    ]  # fmt: skip
    read = win32api.RegQueryValue
    assert read(HKCR, f"CLSID\\{clsid}") == "A server"
    assert read(HKCR, f"CLSID\\{clsid}\\PythonCOM") == "mod.Server"
    assert read(HKCR, f"CLSID\\{clsid}\\PythonCOMPath") == "/somewhere"
    assert read(HKCR, f"CLSID\\{clsid}\\ProgID") == "View.Server.1"
    assert read(HKCR, f"CLSID\\{clsid}\\VersionIndependentProgID") == "View.Server"
    assert read(HKCR, "View.Server\\CLSID") == clsid
    assert read(HKCR, "View.Server\\CurVer") == "View.Server.1"
    assert read(HKCR, "View.Server.1\\CLSID") == clsid
    # pywin32's win32com.test.util accepts a server whose InprocServer32 is pythoncom's file
    with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}") as key:
        dll = winreg.QueryValue(key, "InprocServer32")
    assert os.path.basename(dll) == os.path.basename(pythoncom.__file__)
    with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, f"CLSID\\{clsid}\\InprocServer32") as key:
        assert winreg.QueryValueEx(key, "ThreadingModel") == ("Apartment", winreg.REG_SZ)


def test_a_local_only_class_has_no_inproc_key() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server", clsctx=com.CLSCTX_LOCAL_SERVER)
    assert _subkeys(f"CLSID\\{clsid}") == ["LocalServer32", "PythonCOM"]
    assert clsid in win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}\\LocalServer32")


def _write_like_pywin32(clsid: str, spec: str, path: str, progid: str) -> None:
    """The keys pywin32's win32com.server.register.RegisterServer writes, in its order."""
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}", win32con.REG_SZ, "Written by hand")
    key = win32api.RegCreateKey(HKCR, f"CLSID\\{clsid}\\InprocServer32")
    try:
        win32api.RegSetValueEx(key, None, 0, win32con.REG_SZ, "C:\\pythoncom313.dll")
        win32api.RegSetValueEx(key, "ThreadingModel", 0, win32con.REG_SZ, "both")
    finally:
        win32api.RegCloseKey(key)
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\PythonCOM", win32con.REG_SZ, spec)
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\PythonCOMPath", win32con.REG_SZ, path)
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\ProgID", win32con.REG_SZ, f"{progid}.1")
    win32api.RegSetValue(HKCR, progid, win32con.REG_SZ, "Written by hand")
    win32api.RegSetValue(HKCR, f"{progid}\\CLSID", win32con.REG_SZ, clsid)
    win32api.RegSetValue(HKCR, f"{progid}\\CurVer", win32con.REG_SZ, f"{progid}.1")
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\VersionIndependentProgID", 1, progid)
    win32api.RegSetValue(HKCR, f"{progid}.1", win32con.REG_SZ, "Written by hand")
    win32api.RegSetValue(HKCR, f"{progid}.1\\CLSID", win32con.REG_SZ, clsid)


def test_keys_written_by_hand_register_a_class_that_cocreateinstance_finds(
    registries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = f"hand_{uuid.uuid4().hex[:8]}"
    (registries / f"{module}.py").write_text(
        "class Server:\n    _public_methods_ = ['Hello']\n"
        "    def Hello(self, name):\n        return 'hello ' + name\n"
    )
    monkeypatch.setattr(sys, "path", list(sys.path))
    clsid = _clsid()
    _write_like_pywin32(clsid, f"{module}.Server", str(registries), "Hand.Server")
    entry = com.lookup("Hand.Server")
    assert (entry.clsid, entry.class_spec, entry.progid, entry.verprogid) == (
        clsid, f"{module}.Server", "Hand.Server", "Hand.Server.1",
    )  # fmt: skip
    assert (entry.description, entry.threading_model, entry.clsctx) == (
        "Written by hand", "both", com.CLSCTX_INPROC_SERVER,
    )  # fmt: skip
    assert entry.python_path == str(registries)
    assert com.lookup("Hand.Server.1").clsid == clsid
    pythoncom.CoInitialize()
    try:
        server = client.Dispatch("Hand.Server")
        assert server.Hello("there") == "hello there"
        del server
    finally:
        pythoncom.CoUninitialize()


def test_a_clsid_key_without_pythoncom_is_kept_as_keys_only() -> None:
    clsid = _clsid()
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\InprocServer32", win32con.REG_SZ, "x.dll")
    with pytest.raises(ClassNotRegisteredError):
        com.lookup_clsid(clsid)
    assert win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}\\InprocServer32") == "x.dll"
    assert clsid in _subkeys("CLSID")


def test_deleting_the_keys_unregisters_the_class() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server", progid="Gone.Server")
    with pytest.raises(win32api.error) as refused:
        win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}")
    assert refused.value.winerror == ERROR_ACCESS_DENIED  # it has subkeys
    for name in _subkeys(f"CLSID\\{clsid}"):  # pywin32's recurse_delete_key
        win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}\\{name}")
        if name == "PythonCOM":  # no PythonCOM: no Python class
            with pytest.raises(ClassNotRegisteredError):
                com.lookup_clsid(clsid)
    win32api.RegDeleteKey(HKCR, f"CLSID\\{clsid}")
    with pytest.raises(win32api.error) as missing:
        win32api.RegOpenKey(HKCR, f"CLSID\\{clsid}")
    assert missing.value.winerror == ERROR_FILE_NOT_FOUND
    assert clsid not in _subkeys("CLSID")


def test_reg_delete_tree_unregisters_and_removes_the_written_keys() -> None:
    clsid = _clsid()
    _write_like_pywin32(clsid, "mod.Server", "/p", "Tree.Server")
    win32api.RegDeleteTree(HKCR, f"CLSID\\{clsid}")
    with pytest.raises(ClassNotRegisteredError):
        com.lookup_clsid(clsid)
    with pytest.raises(win32api.error):
        win32api.RegOpenKey(win32con.HKEY_CURRENT_USER, f"Software\\Classes\\CLSID\\{clsid}")


def test_a_deleted_value_of_the_class_key_changes_the_class() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server", python_path="/p")
    key = win32api.RegOpenKey(HKCR, f"CLSID\\{clsid}\\PythonCOMPath", 0, win32con.KEY_ALL_ACCESS)
    try:
        win32api.RegDeleteValue(key, None)
    finally:
        win32api.RegCloseKey(key)
    assert com.lookup_clsid(clsid).python_path is None


def test_the_later_of_a_written_key_and_a_registration_wins() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.First")
    win32api.RegSetValue(HKCR, f"CLSID\\{clsid}\\PythonCOM", win32con.REG_SZ, "mod.Second")
    assert com.lookup_clsid(clsid).class_spec == "mod.Second"
    assert win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}\\PythonCOM") == "mod.Second"
    _register(clsid, class_spec="mod.Third")  # python -m apartment register, say
    assert win32api.RegQueryValue(HKCR, f"CLSID\\{clsid}\\PythonCOM") == "mod.Third"


def test_a_progid_key_gives_and_takes_the_classs_progid() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server")
    win32api.RegSetValue(HKCR, "Taken.Server\\CLSID", win32con.REG_SZ, clsid)
    assert com.lookup("Taken.Server").clsid == clsid
    assert com.progid_from_clsid(clsid) == "Taken.Server"
    win32api.RegDeleteKey(HKCR, "Taken.Server\\CLSID")
    with pytest.raises(ClassStringError):
        com.lookup("Taken.Server")
    assert com.lookup_clsid(clsid).progid is None


def test_other_keys_are_kept_in_the_users_software_classes() -> None:
    clsid = _clsid()
    win32api.RegSetValue(HKCR, f"AppID\\{clsid}", win32con.REG_SZ, "An application")
    win32api.RegSetValue(HKCR, ".apartmenttest", win32con.REG_SZ, "Some.File")
    user = win32con.HKEY_CURRENT_USER
    assert win32api.RegQueryValue(user, f"Software\\Classes\\AppID\\{clsid}") == "An application"
    assert win32api.RegQueryValue(HKCR, ".apartmenttest") == "Some.File"
    assert ".apartmenttest" in _subkeys("")
    info = win32api.RegQueryInfoKey(HKCR)
    assert info[0] == len(_subkeys(""))


def test_a_roots_software_classes_is_the_same_view() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server", progid="Both.Server")
    user_classes = "Software\\Classes"
    assert clsid in _subkeys(f"{user_classes}\\CLSID", win32con.HKEY_CURRENT_USER)
    assert win32api.RegQueryValue(
        win32con.HKEY_CURRENT_USER, f"{user_classes}\\Both.Server\\CLSID"
    ) == clsid  # fmt: skip
    other = _clsid()
    classes = win32api.RegOpenKey(
        win32con.HKEY_CURRENT_USER, user_classes, 0, win32con.KEY_ALL_ACCESS
    )
    try:
        win32api.RegSetValue(classes, f"CLSID\\{other}\\PythonCOM", win32con.REG_SZ, "m.C")
    finally:
        win32api.RegCloseKey(classes)
    assert com.lookup_clsid(other).class_spec == "m.C"
    assert win32api.RegQueryValue(HKCR, f"CLSID\\{other}\\PythonCOM") == "m.C"


def test_enum_key_ex_and_the_whole_tree_calls() -> None:
    clsid = _clsid()
    _register(clsid, class_spec="mod.Server")
    names = [row[0] for row in win32api.RegEnumKeyEx(win32api.RegOpenKey(HKCR, f"CLSID\\{clsid}"))]
    assert names == ["InprocServer32", "LocalServer32", "PythonCOM"]
    root = registry.key_of_handle(HKCR)
    with pytest.raises(NotSupportedError):
        registry.copy_tree(root, "CLSID", registry.key_of_handle(registry.HKEY_CURRENT_USER))
    transaction = kernel.Transaction()
    with pytest.raises(Win32Error) as refused:
        registry.transacted_key(root, transaction)
    assert refused.value.winerror == 50  # ERROR_NOT_SUPPORTED
    transaction.rollback()


def test_hkey_current_config_stays_unmodelled() -> None:
    with pytest.raises(Win32Error) as error:
        registry.key_of_handle(0x80000005)
    assert error.value.winerror == 6
