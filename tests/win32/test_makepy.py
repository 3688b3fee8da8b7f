r"""selecttlb and makepy over keys a program wrote, and what the contract tests cannot ask."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from apartment.win32 import pythoncom, win32api, win32con
from apartment.win32.win32com.client import CLSIDToClass, constants, gencache, makepy, selecttlb

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

HKCR = win32con.HKEY_CLASSES_ROOT
OURS = "{6B1D3E2A-0000-4000-8000-00000000ABCD}"
WSHOM = "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}"
TYPE_E_CANTLOADLIBRARY = -2147312566


@pytest.fixture(autouse=True)
def _own_registries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_REGISTRY", str(tmp_path / "classes.sqlite3"))
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", str(tmp_path / "user.sqlite3"))


@pytest.fixture(autouse=True)
def _forget_generated() -> Iterator[None]:
    """Forget the modules generated here once a test ends: later tests get the dynamic client."""
    classes = dict(CLSIDToClass.mapCLSIDToClass)
    dicts = list(constants.__dicts__)
    index = dict(gencache.clsidToTypelib)
    yield
    CLSIDToClass.mapCLSIDToClass.clear()
    CLSIDToClass.mapCLSIDToClass.update(classes)
    constants.__dicts__[:] = dicts
    gencache.clsidToTypelib.clear()
    gencache.clsidToTypelib.update(index)
    for name in [name for name in sys.modules if name.startswith("win32com.gen_py.")]:
        del sys.modules[name]


def _write(path: str, value: str, kind: int = win32con.REG_SZ) -> None:
    key = win32api.RegCreateKey(HKCR, path)
    try:
        win32api.RegSetValueEx(key, None, 0, kind, value)
    finally:
        win32api.RegCloseKey(key)


def _ours() -> list[selecttlb.TypelibSpec]:
    return [spec for spec in selecttlb.EnumTlbs() if spec.clsid == OURS]


def test_a_library_a_program_registered_is_enumerated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OURLIBDIR", r"C:\ours")
    at = f"TypeLib\\{OURS}"
    _write(at + r"\a.1", "Our Library")
    _write(at + r"\a.1\FLAGS", "4")  # hidden
    _write(at + r"\a.1\409\win32", r"%OURLIBDIR%\ours.tlb", win32con.REG_EXPAND_SZ)
    _write(at + r"\a.1\0\win64", r"C:\ours64.tlb")
    _write(at + r"\a.1\7\nofile", "x")  # a locale without a file key: left out
    _write(at + r"\2", "Our Library")  # no minor: "0"
    _write(at + r"\2\0\win32", r"C:\two.tlb")
    specs = sorted(_ours(), key=lambda spec: (spec.major, spec.lcid))
    found = [(s.major, s.minor, s.lcid, s.flags, s.dll, s.ver_desc) for s in specs]
    assert found == [
        ("2", "0", 0, 0, r"C:\two.tlb", "Our Library (2)"),
        ("a", "1", 0, 4, r"C:\ours64.tlb", "Our Library (a.1)"),
        ("a", "1", 409, 4, r"C:\ours\ours.tlb", "Our Library (a.1)"),
    ]
    assert [s.major for s in selecttlb.EnumTlbs(selecttlb.FLAG_HIDDEN) if s.clsid == OURS] == ["2"]
    assert len(selecttlb.FindTlbsWithDescription("Our Library")) == 3


def test_makepy_cannot_load_a_file_no_description_says(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(f"TypeLib\\{OURS}\\1.0", "Our Library")
    _write(f"TypeLib\\{OURS}\\1.0\\0\\win32", r"C:\ours.tlb")
    (spec,) = _ours()
    with pytest.raises(pythoncom.com_error) as caught:
        makepy.GenerateFromTypeLibSpec(spec)
    assert caught.value.hresult == TYPE_E_CANTLOADLIBRARY
    monkeypatch.setattr(sys, "argv", ["makepy.py", "Our Library"])
    with pytest.raises(SystemExit) as exited:
        makepy.main()
    assert exited.value.code == 1
    assert capsys.readouterr().err.startswith("Unable to load type library from 'Our Library' - ")


def test_a_loaded_library_and_a_child_generate_the_librarys_module() -> None:
    tlb = pythoncom.LoadRegTypeLib(WSHOM, 1, 0, 0)
    makepy.GenerateFromTypeLibSpec(tlb)
    name = f"win32com.gen_py.{gencache.GetGeneratedFileName(WSHOM, 0, 1, 0)}"
    module = sys.modules[name]
    makepy.GenerateChildFromTypeLibSpec("IWshShell3", (WSHOM, 0, 1, 0))
    assert sys.modules[name] is module  # one module holds every interface: none made again
    assert "IWshShell3" in module.NamesToIIDMap
    makepy.GenerateChildFromTypeLibSpec("IWshShell3", tlb)


def test_the_pythonwin_pieces_are_not_here(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportError):
        selecttlb.SelectTlb()
    with pytest.raises(ImportError):
        makepy.GUIProgress(1)
    monkeypatch.setattr(sys, "argv", ["makepy.py"])
    with pytest.raises(ImportError):
        makepy.main()  # no library named: pywin32 shows its Pythonwin list


def test_a_progress_of_the_callers_gets_the_steps(tmp_path: Path) -> None:
    seen: list[str] = []

    class Progress(makepy.SimpleProgress):
        def SetDescription(self, desc: str, maxticks: int | None = None) -> None:  # noqa: N802
            seen.append(desc)

    with open(tmp_path / "m.py", "w", encoding="utf-8") as file:
        makepy.GenerateFromTypeLibSpec((WSHOM, 0, 1, 0), file, progressInstance=Progress(0))
    assert seen == ["Building definitions from type library...", "Generating..."]
