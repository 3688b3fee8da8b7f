r"""Contract: registered type libraries and system classes in HKEY_CLASSES_ROOT; selecttlb; makepy.

The libraries are those Windows (and Wine) register for the system classes: stdole2.tlb,
scrrun.dll, wshom.ocx, vbscript.dll (its RegExp library) and wbemdisp.dll. What a key says
is checked against what loading the library says, so the same rule holds on Wine (whose
scrrun has no doc string: its key says "Scripting") and here (Windows' doc string).
"""

from __future__ import annotations

import importlib
import io
import os
import sys
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import win32api
import win32con
from win32com.client import gencache, makepy, selecttlb

from ._generated import private_gen_py
from ._wine import ON_THE_ORACLE, wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

winreg: Any = importlib.import_module("winreg")  # typeshed's winreg is Windows-only
HKCR = win32con.HKEY_CLASSES_ROOT
TYPE_E_LIBNOTREGISTERED = -2147319779
STDOLE = "{00020430-0000-0000-C000-000000000046}"
REGEXP = "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}"
SCRRUN = "{420B2830-E718-11CF-893D-00A0C9054228}"
WBEMDISP = "{565783C6-CB41-11D1-8B02-00600806D9B6}"
WSHOM = "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}"
SHELL32 = "{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}"
LIBRARIES = [
    (STDOLE, 2, 0), (REGEXP, 5, 5), (SCRRUN, 1, 0), (WBEMDISP, 1, 2), (WSHOM, 1, 0),
    (SHELL32, 1, 0),
]  # fmt: skip
# Wine's vbscript drops its RegExp 5.5 library's registration once a VBScript.RegExp has been
# created in the prefix (TYPE_E_LIBNOTREGISTERED after): on the oracle it is left out.
_WINE_DROPS_REGEXP = "Wine unregisters RegExp 5.5's library once VBScript.RegExp was created"
WSH_DESC = "Windows Script Host Object Model"


@pytest.fixture(autouse=True)
def _own_gen_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """makepy generates into a gen_py of the test's own, forgotten once the test ends: a
    module left in the shared gen_py (or loaded in this process) changes what later tests'
    Dispatch and the next run's EnsureDispatch give."""
    with private_gen_py(tmp_path, monkeypatch):
        yield


def _default(path: str) -> str:
    key = winreg.OpenKey(HKCR, path)
    try:
        return str(winreg.QueryValueEx(key, "")[0])
    finally:
        winreg.CloseKey(key)


def _value(path: str, name: str) -> str:
    key = win32api.RegOpenKey(HKCR, path)
    try:
        return str(win32api.RegQueryValueEx(key, name)[0])
    finally:
        win32api.RegCloseKey(key)


@pytest.mark.parametrize(
    ("libid", "major", "minor"),
    [
        pytest.param(*lib, marks=wine_differs(_WINE_DROPS_REGEXP, strict=False))
        if lib[0] == REGEXP
        else lib
        for lib in LIBRARIES
    ],
)
def test_a_library_key_says_its_description_flags_and_file(
    libid: str, major: int, minor: int
) -> None:
    tlb = pythoncom.LoadRegTypeLib(libid, major, minor, 0)
    name, doc = tlb.GetDocumentation(-1)[:2]
    version = f"TypeLib\\{libid}\\{major:x}.{minor:x}"
    assert _default(version) == (doc or name)
    # neither restricted, control nor hidden (LIBFLAG_FHASDISKIMAGE, 8, is there on Wine once
    # LoadTypeLib of a bare file name registered the library again: it keeps that flag)
    assert int(_default(version + "\\FLAGS")) & ~8 == 0
    path = pythoncom.QueryPathOfRegTypeLib(libid, major, minor, 0)
    assert _default(version + "\\0\\win64").lower() == path.lower()


def test_enum_tlbs_gives_a_spec_per_registered_library() -> None:
    specs = {(spec.clsid, spec.major, spec.minor): spec for spec in selecttlb.EnumTlbs()}
    for libid, major, minor in LIBRARIES:
        if ON_THE_ORACLE and libid == REGEXP:
            continue  # _WINE_DROPS_REGEXP
        spec = specs[(libid, str(major), str(minor))]  # the version's digits: strings
        tlb = pythoncom.LoadRegTypeLib(libid, major, minor, 0)
        name, doc = tlb.GetDocumentation(-1)[:2]
        assert spec.lcid == 0
        assert spec.flags & ~8 == 0  # see above
        assert spec.desc == (doc or name)
        assert spec.ver_desc == f"{spec.desc} ({major}.{minor})"
        assert spec.dll is not None
        assert spec.dll.lower() == pythoncom.QueryPathOfRegTypeLib(libid, major, minor, 0).lower()
        assert spec[0] == spec.ver_desc


def test_find_tlbs_with_description_matches_exactly() -> None:
    found = selecttlb.FindTlbsWithDescription(WSH_DESC)
    assert [(spec.clsid, spec.major, spec.minor) for spec in found] == [(WSHOM, "1", "0")]
    assert selecttlb.FindTlbsWithDescription(WSH_DESC.lower()) == []
    assert selecttlb.FindTlbsWithDescription("No Such Library") == []


def test_typelib_spec_fields_and_order() -> None:
    spec = selecttlb.TypelibSpec(WSHOM, "0", 1, 0)
    assert vars(spec) == {
        "clsid": WSHOM, "lcid": 0, "major": 1, "minor": 0, "dll": None, "desc": None,
        "ver_desc": None, "flags": 0,
    }  # fmt: skip
    assert selecttlb.TypelibSpec(None, 0, 0, 0).clsid == "None"
    with pytest.raises(IndexError, match="Can't index me!"):
        spec[1]
    a, b = selecttlb.TypelibSpec("x", 0, "1", "0"), selecttlb.TypelibSpec("y", 0, "1", "0")
    a.desc, a.ver_desc, b.desc, b.ver_desc = "B", "b (1.0)", "b", "B (1.0)"
    assert a == b  # descriptions compare case-insensitively; the LIBID is not compared
    assert not a < b
    assert selecttlb.TypelibSpec.__hash__ is None
    b.ver_desc = "c (1.0)"
    assert a < b
    assert sorted([b, a]) == [a, b]
    assert (selecttlb.FLAG_RESTRICTED, selecttlb.FLAG_CONTROL, selecttlb.FLAG_HIDDEN) == (1, 2, 4)


def test_resolve_reads_the_library_file() -> None:
    spec = selecttlb.TypelibSpec(SCRRUN, 0, "1", "0")
    assert spec.Resolve() == 0
    spec.dll = pythoncom.QueryPathOfRegTypeLib(SCRRUN, 1, 0, 0)
    assert spec.Resolve() == 1
    assert (spec.clsid, spec.lcid, spec.major, spec.minor) == (SCRRUN, 0, 1, 0)


def test_from_typelib_takes_the_librarys_attributes() -> None:
    spec = selecttlb.TypelibSpec(None, 0, 0, 0)
    spec.FromTypelib(pythoncom.LoadRegTypeLib(WSHOM, 1, 0, 0), "wshom.ocx")
    assert (spec.clsid, spec.lcid, spec.major, spec.minor, spec.dll) == (
        WSHOM, 0, 1, 0, "wshom.ocx",
    )  # fmt: skip


def test_makepy_refuses_an_unregistered_library_and_a_demand_build_to_a_file() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        makepy.GenerateFromTypeLibSpec(("{00020905-0000-0000-C000-000000000046}", 1033, 8, 0))
    assert caught.value.hresult == TYPE_E_LIBNOTREGISTERED
    with pytest.raises(RuntimeError, match="demand-build"):
        makepy.GenerateFromTypeLibSpec((WSHOM, 0, 1, 0), io.StringIO(), bForDemand=1)
    with pytest.raises(TypeError, match="bQuiet"):
        makepy.GenerateFromTypeLibSpec((WSHOM, 0, 1, 0), io.StringIO(), bQuiet=1)
    assert makepy.bForDemandDefault == 0


def test_makepy_writes_a_module_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "wsh.py"
    with open(path, "w", encoding="utf-8") as file:
        assert makepy.GenerateFromTypeLibSpec((WSHOM, 0, 1, 0), file) is None
    text = path.read_text(encoding="utf-8")
    compile(text, str(path), "exec")
    assert WSHOM in text
    assert "CLSIDToClassMap" in text


def test_makepy_generates_into_gen_py_and_loads_the_module() -> None:
    (spec,) = selecttlb.FindTlbsWithDescription(WSH_DESC)
    assert makepy.GenerateFromTypeLibSpec(spec) is None
    name = gencache.GetGeneratedFileName(WSHOM, 0, 1, 0)
    assert os.path.isfile(os.path.join(gencache.GetGeneratePath(), name + ".py"))
    module = sys.modules["win32com.gen_py." + name]
    assert str(module.CLSID) == WSHOM
    assert module.constants.WshRunning == 0


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int | None:
    monkeypatch.setattr(sys, "argv", ["makepy.py", *args])
    result: int | None = makepy.main()
    return result


def test_makepy_info_prints_the_ensure_module_call(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(monkeypatch, "-i", WSH_DESC) == 0
    assert capsys.readouterr().out.splitlines() == [
        WSH_DESC,
        f" {WSHOM}, lcid=0, major=1, minor=0",
        " >>> # Use these commands in Python code to auto generate .py support",
        " >>> from win32com.client import gencache",
        f" >>> gencache.EnsureModule('{WSHOM}', 0, 1, 0)",
    ]
    # a ProgID names its object's library; a file's library has no registered description
    assert _main(monkeypatch, "-i", "Scripting.Dictionary") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Scripting"
    assert out[1] == f" {SCRRUN}, lcid=0, major=1, minor=0"
    assert _main(monkeypatch, "-i", "scrrun.dll") == 0
    assert capsys.readouterr().out.splitlines()[0] == "Scripting"
    assert _main(monkeypatch, "-i", "No Such Library") == 0
    assert capsys.readouterr().out == "Could not locate a type library matching 'No Such Library'\n"


def test_makepy_command_line_progress_and_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = gencache.GetGeneratedFileName(WSHOM, 0, 1, 0)
    target = os.path.join(gencache.GetGeneratePath(), name + ".py")
    _main(monkeypatch, "-v", WSH_DESC)
    assert capsys.readouterr().err.splitlines() == [
        f"Generating to {target}",
        "Building definitions from type library...",
        "Generating...",
        "Generation complete..",
        "Importing module",
    ]
    _main(monkeypatch, "-q", WSH_DESC)
    assert capsys.readouterr() == ("", "")
    output = tmp_path / "sub" / "wsh.py"
    _main(monkeypatch, "-o", str(output), WSH_DESC)
    assert capsys.readouterr().err.splitlines() == [
        "Building definitions from type library...",
        "Generating...",
    ]
    assert output.is_file()
    with pytest.raises(SystemExit) as exited:
        _main(monkeypatch, "-d", "-o", str(output), WSH_DESC)
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("Can not use -d and -o together\n")
    with pytest.raises(SystemExit) as exited:
        _main(monkeypatch, "-z")
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("option -z not recognized\n")


CLASSES = [
    # CLSID, ProgID, versioned ProgID, DLL, ThreadingModel, TypeLib, Version
    ("{0D43FE01-F093-11CF-8940-00A0C9054228}", "Scripting.FileSystemObject", None,
     "scrrun.dll", "Both", SCRRUN, "1.0"),
    ("{72C24DD5-D70A-438B-8A42-98424B88AFB8}", "WScript.Shell", "WScript.Shell.1",
     "wshom.ocx", "Apartment", WSHOM, "1.0"),
    ("{093FF999-1EA0-4079-9525-9614C3504B74}", "WScript.Network", "WScript.Network.1",
     "wshom.ocx", "Apartment", WSHOM, "1.0"),
    ("{76A64158-CB41-11D1-8B02-00600806D9B6}", "WbemScripting.SWbemLocator",
     "WbemScripting.SWbemLocator.1", "wbemdisp.dll", "Apartment", WBEMDISP, "1.2"),
    ("{EE09B103-97E0-11CF-978F-00A02463E06F}", "Scripting.Dictionary", None,
     "scrrun.dll", None, SCRRUN, "1.0"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("clsid", "progid", "verprogid", "dll", "model", "typelib", "version"), CLASSES
)
def test_a_system_class_has_its_keys(
    clsid: str, progid: str, verprogid: str | None, dll: str, model: str | None,
    typelib: str, version: str,
) -> None:  # fmt: skip
    at = f"CLSID\\{clsid}"
    server = _default(at + "\\InprocServer32")
    assert server.lower().rpartition("\\")[2] == dll
    if model is not None:  # Dictionary's: Apartment on Wine, Both here (what activation uses)
        assert _value(at + "\\InprocServer32", "ThreadingModel") == model
    assert _default(at + "\\ProgID") == (verprogid or progid)
    assert _default(at + "\\TypeLib") == typelib
    assert _default(at + "\\Version") == version
    assert _default(f"{progid}\\CLSID") == clsid
    if verprogid is not None:
        assert _default(at + "\\VersionIndependentProgID") == progid
        assert _default(f"{progid}\\CurVer") == verprogid
        assert _default(f"{verprogid}\\CLSID") == clsid
    assert win32api.RegQueryValue(HKCR, f"{progid}\\CLSID") == clsid


def test_a_described_object_gets_its_arguments_in_their_declared_types() -> None:
    """DispInvoke (or pywin32's typed call) converts to the parameters' declared types."""
    from win32com.client import Dispatch

    fso = Dispatch("Scripting.FileSystemObject")
    assert fso.BuildPath(1.5, True).replace("\\", "/") == "1.5/True"  # BSTRs
    assert fso.FileExists(5) is False
    temporary = fso.GetSpecialFolder(2).Path
    assert fso.GetSpecialFolder("2").Path == temporary  # the enumeration's I4
    assert fso.GetSpecialFolder(2.0).Path == temporary
    dictionary = Dispatch("Scripting.Dictionary")
    dictionary.CompareMode = "1"
    assert dictionary.CompareMode == 1
    dictionary.Add(1, "x")  # a VARIANT parameter: the key stays an int
    assert dictionary.Exists("1") is False
    assert dictionary.Exists(1) is True


def test_the_generated_network_class_has_wshoms_properties() -> None:
    """IWshNetwork's properties have no [id] in wshom's IDL: numbered from 0x60020000."""
    from win32com.client import Dispatch

    module = gencache.EnsureModule(WSHOM, 0, 1, 0)
    cls = module.IWshNetwork2  # Wine's object gives no type information: EnsureDispatch can't
    for name in ("UserDomain", "UserName", "UserProfile", "ComputerName"):
        assert name in cls._prop_map_get_
    network = cls(Dispatch("WScript.Network")._oleobj_)
    assert isinstance(network.UserName, str)
    tlb = pythoncom.LoadRegTypeLib(WSHOM, 1, 0, 0)
    info = tlb.GetTypeInfoOfGuid(cls.CLSID)
    assert info.GetIDsOfNames("UserName") == 0x60020001
