r"""HKEY_CLASSES_ROOT's keys of the registered type libraries and of the system classes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.com import _system_classes
from apartment.win32 import win32api, win32con

if TYPE_CHECKING:
    from pathlib import Path

HKCR = win32con.HKEY_CLASSES_ROOT
LIBFLAG_FHASDISKIMAGE = 8
DICTIONARY = "{EE09B103-97E0-11CF-978F-00A02463E06F}"


@pytest.fixture(autouse=True)
def _own_registries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_REGISTRY", str(tmp_path / "classes.sqlite3"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user.sqlite3"))


def _default(path: str) -> str:
    return str(win32api.RegQueryValue(HKCR, path))


def _subkeys(path: str) -> list[str]:
    key = win32api.RegOpenKey(HKCR, path)
    names: list[str] = []
    try:
        while True:
            try:
                names.append(win32api.RegEnumKey(key, len(names)))
            except win32api.error:
                return names
    finally:
        win32api.RegCloseKey(key)


@pytest.mark.parametrize("registered", com.registered_type_libraries(), ids=lambda r: r.libid)
def test_a_registration_agrees_with_its_library(registered: com.RegisteredTypeLibrary) -> None:
    library = com.find_type_library(registered.libid, *registered.version, registered.lcid)
    name, doc = library.documentation(-1)[:2]
    attr = library.attributes()
    assert registered.description == (doc or name)
    assert (attr.libid, attr.version, attr.lcid) == (
        registered.libid, registered.version, registered.lcid,
    )  # fmt: skip
    assert registered.flags == attr.flags & ~LIBFLAG_FHASDISKIMAGE
    assert registered.path == com.type_library_path(registered.libid, *registered.version, 0)


def test_every_described_library_is_registered() -> None:
    libids = {r.libid for r in com.registered_type_libraries()}
    for libid, version in (
        ("{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0)),
        ("{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0)),
        ("{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5)),
        ("{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2)),
        ("{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}", (1, 0)),
        ("{00020430-0000-0000-C000-000000000046}", (2, 0)),
    ):
        assert libid in libids
        com.find_type_library(libid, *version, 0)


def test_the_typelib_keys_hold_version_flags_helpdir_and_file() -> None:
    libids = _subkeys("TypeLib")
    assert libids == sorted(r.libid for r in com.registered_type_libraries())
    at = r"TypeLib\{3F4DACA7-160D-11D2-A8E9-00104B365C9F}"
    assert _subkeys(at) == ["5.5"]
    assert _default(at + r"\5.5") == "Microsoft VBScript Regular Expressions 5.5"
    assert sorted(_subkeys(at + r"\5.5")) == ["0", "FLAGS", "HELPDIR"]
    assert _default(at + r"\5.5\FLAGS") == "0"
    assert _default(at + r"\5.5\HELPDIR") == r"C:\windows\system32"  # not the resource's
    assert _subkeys(at + r"\5.5\0") == ["win64"]
    assert _default(at + r"\5.5\0\win64") == r"C:\windows\system32\vbscript.dll\3"
    wbem = r"TypeLib\{565783C6-CB41-11D1-8B02-00600806D9B6}\1.2"
    assert _default(wbem + r"\HELPDIR") == r"C:\windows\system32\wbem"


def test_every_system_class_has_its_keys() -> None:
    for entry, keys in _system_classes.system_classes():
        at = f"CLSID\\{entry.clsid}"
        assert _default(at) == entry.description
        assert _default(at + r"\InprocServer32") == keys.server
        server = win32api.RegOpenKey(HKCR, at + r"\InprocServer32")
        model = win32api.RegQueryValueEx(server, "ThreadingModel")
        assert model == (entry.threading_model, win32con.REG_SZ)
        names = {name.lower() for name in _subkeys(at)}
        assert ("typelib" in names) == (keys.typelib is not None)
        assert ("version" in names) == (keys.version is not None)
        assert ("versionindependentprogid" in names) == (entry.verprogid is not None)
        if entry.progid is None:  # CLSID_ShellLink: a class created by its CLSID only
            assert "progid" not in names
            continue
        assert _default(at + r"\ProgID") == (entry.verprogid or entry.progid)
        assert _default(entry.progid + r"\CLSID") == entry.clsid
        if entry.verprogid:
            assert _default(entry.progid + r"\CurVer") == entry.verprogid
            assert _default(entry.verprogid + r"\CLSID") == entry.clsid


def test_a_typelib_key_names_a_registered_library() -> None:
    for _entry, keys in _system_classes.system_classes():
        if keys.typelib is not None:
            major, minor = (int(part) for part in (keys.version or "").split("."))
            com.find_type_library(keys.typelib, major, minor, 0)  # registered in that version


def test_a_class_registered_over_a_system_class_has_its_own_keys() -> None:
    entry = com.ClassEntry(
        clsid=DICTIONARY,
        class_spec="collections.OrderedDict",
        progid="Scripting.Dictionary",
        description="ours",
        threading_model="Free",
        clsctx=1,
    )
    com.register(entry)
    at = f"CLSID\\{DICTIONARY}"
    assert _default(at) == "ours"
    server = win32api.RegOpenKey(HKCR, at + r"\InprocServer32")
    assert win32api.RegQueryValueEx(server, "ThreadingModel")[0] == "Free"
    assert not _default(at + r"\InprocServer32").endswith("scrrun.dll")  # pythoncom's


def test_a_system_class_key_written_over_stays_written() -> None:
    """A program's own value over a system class's key wins (it is the later write)."""
    key = win32api.RegCreateKey(HKCR, r"CLSID\{0D43FE01-F093-11CF-8940-00A0C9054228}\Version")
    win32api.RegSetValue(key, None, win32con.REG_SZ, "9.9")
    win32api.RegCloseKey(key)
    assert _default(r"CLSID\{0D43FE01-F093-11CF-8940-00A0C9054228}\Version") == "9.9"
