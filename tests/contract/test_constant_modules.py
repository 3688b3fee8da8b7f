"""pywin32's constant-only modules: every name, with pywin32's value; their macros; winxpgui.

Each module's values (ints, floats, strings, None and IIDs: every public name that is not a
function or a module) are summed up as a count and a digest of their sorted ``(name, type,
value)``; the expected ones were taken from the real pywin32 312, so a name missing, extra or
with another value anywhere changes them. On a mismatch, :func:`values_of` lists them.
"""

from __future__ import annotations

import hashlib
import importlib
import types
import warnings
from typing import Any

import pytest

DIGESTS = {
    "winnt": (1112, "6742f857ebb49e91"),
    "winioctlcon": (656, "0cbd81f5ad36b45f"),
    "commctrl": (1517, "96466b86c3862733"),
    "mmsystem": (838, "958686aa1586033f"),
    "win32netcon": (568, "b521d2decd00d080"),
    "win32cryptcon": (1778, "b650d05c1270de56"),
    "sspicon": (454, "ada915b1cd21cec1"),
    "win32inetcon": (989, "0da27a47a364f91f"),
    "winerror": (7231, "eaa1b3955291e09b"),
    "ntsecuritycon": (537, "f3ee6ba69ae80482"),
    "winperf": (71, "fde874bde8536bc9"),
}

MACROS = {
    "winnt": "BTYPE DECREF IMAGE_ORDINAL IMAGE_SNAP_BY_ORDINAL INCREF ISARY ISFCN ISPTR "
    "LANGIDFROMLCID PRIMARYLANGID SORTIDFROMLCID SUBLANGID",
    "winioctlcon": "CTL_CODE DEVICE_TYPE_FROM_CTL_CODE",
    "commctrl": "INDEXTOOVERLAYMASK INDEXTOSTATEIMAGEMASK",
    "mmsystem": "DIBINDEX MCI_HMS_HOUR MCI_HMS_MINUTE MCI_HMS_SECOND MCI_MSF_FRAME MCI_MSF_MINUTE "
    "MCI_MSF_SECOND MCI_TMSF_FRAME MCI_TMSF_MINUTE MCI_TMSF_SECOND MCI_TMSF_TRACK "
    "MEVT_EVENTPARM MEVT_EVENTTYPE",
    "win32netcon": "TEXT",
    "win32cryptcon": "GET_ALG_CLASS GET_ALG_SID GET_ALG_TYPE GET_CERT_ENCODING_TYPE "
    "GET_CMSG_ENCODING_TYPE RCRYPT_FAILED RCRYPT_SUCCEEDED",
    "sspicon": "SEC_SUCCESS",
    "win32inetcon": "",
    "winerror": "FAILED FILTER_HRESULT_FROM_FLT_NTSTATUS GetScode HRESULT_CODE HRESULT_FACILITY "
    "HRESULT_FROM_NT HRESULT_FROM_SETUPAPI HRESULT_FROM_WIN32 HRESULT_SEVERITY ResultFromScode "
    "SCODE_CODE SCODE_FACILITY SCODE_SEVERITY SUCCEEDED",
    "ntsecuritycon": "",
    "winperf": "",
}


def values_of(module: types.ModuleType) -> list[tuple[str, str, str]]:
    """The module's public values as (name, type, repr); an IID as its string."""
    found = []
    for name in sorted(dir(module)):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        if type(value).__name__ == "PyIID":
            found.append((name, "IID", str(value)))
        elif value is None or isinstance(value, (int, float, str)):
            found.append((name, type(value).__name__, repr(value)))
    return found


def macros_of(module: types.ModuleType) -> list[str]:
    return sorted(
        name
        for name in dir(module)
        if not name.startswith("_")
        and isinstance(getattr(module, name), types.FunctionType | types.BuiltinFunctionType)
    )


@pytest.mark.parametrize("name", list(DIGESTS))
def test_every_name_has_pywin32s_value(name: str) -> None:
    found = values_of(importlib.import_module(name))
    digest = hashlib.sha256(repr(found).encode()).hexdigest()[:16]
    assert (len(found), digest) == DIGESTS[name]


@pytest.mark.parametrize("name", list(MACROS))
def test_the_macros_are_there(name: str) -> None:
    assert macros_of(importlib.import_module(name)) == MACROS[name].split()


SAMPLES: list[tuple[str, str, tuple[Any, ...], Any]] = [
    ("winnt", "PRIMARYLANGID", (0x0409,), 0x09),
    ("winnt", "SUBLANGID", (0x0409,), 0x01),
    ("winnt", "LANGIDFROMLCID", (0x20409,), 0x20409),
    ("winnt", "SORTIDFROMLCID", (0x20409,), 2),
    ("winnt", "BTYPE", (0x24,), 4),
    ("winnt", "ISPTR", (0x14,), True),
    ("winnt", "ISFCN", (0x24,), True),
    ("winnt", "ISARY", (0x24,), False),
    ("winnt", "INCREF", (0x24,), 0x94),
    ("winnt", "DECREF", (0x94,), 0x24),
    ("winnt", "IMAGE_SNAP_BY_ORDINAL", (0x80000005,), True),
    ("winnt", "IMAGE_ORDINAL", (0x80012345,), 0x2345),
    ("win32con", "PRIMARYLANGID", (0x0409,), 0x09),
    ("win32con", "SUBLANGID", (0x0409,), 0x01),
    ("win32con", "IMAGE_SNAP_BY_ORDINAL", (0x80000005,), True),
    ("win32con", "IMAGE_ORDINAL", (0x80012345,), 0x2345),
    ("winerror", "HRESULT_CODE", (-2147024891,), 5),
    ("winerror", "SCODE_CODE", (-2147024891,), 5),
    ("winerror", "HRESULT_FACILITY", (-2147024891,), 7),
    ("winerror", "SCODE_FACILITY", (-2147417842,), 1),
    ("winerror", "HRESULT_SEVERITY", (-2147024891,), 1),
    ("winerror", "SCODE_SEVERITY", (1,), 0),
    ("winerror", "HRESULT_FROM_WIN32", (5,), -2147024891),
    ("winerror", "HRESULT_FROM_WIN32", (0,), 0),
    ("winerror", "HRESULT_FROM_NT", (0xC0000005,), 0xD0000005),
    ("winerror", "HRESULT_FROM_SETUPAPI", (-536870654,), -2146500350),
    ("winerror", "HRESULT_FROM_SETUPAPI", (5,), -2147024891),
    ("winerror", "FILTER_HRESULT_FROM_FLT_NTSTATUS", (-1071906815,), -2145452031),
    ("winerror", "GetScode", (-2147467259,), -2147467259),
    ("winerror", "ResultFromScode", (-2147467259,), -2147467259),
    ("winerror", "SUCCEEDED", (1,), True),
    ("winerror", "FAILED", (-2147467259,), True),
    ("winioctlcon", "CTL_CODE", (7, 0x10, 0, 1), 0x74040),
    ("winioctlcon", "DEVICE_TYPE_FROM_CTL_CODE", (0x74040,), 7),
    ("commctrl", "INDEXTOOVERLAYMASK", (2,), 0x200),
    ("commctrl", "INDEXTOSTATEIMAGEMASK", (2,), 0x2000),
    ("mmsystem", "MEVT_EVENTTYPE", (0x01ABCDEF,), 1),
    ("mmsystem", "MEVT_EVENTPARM", (0x01ABCDEF,), 0xABCDEF),
    ("mmsystem", "MCI_MSF_MINUTE", (0x030201,), 0x030201),
    ("mmsystem", "MCI_MSF_SECOND", (0x030201,), 0x0302),
    ("mmsystem", "MCI_TMSF_FRAME", (0x04030201,), 4),
    ("mmsystem", "MCI_HMS_SECOND", (0x030201,), 3),
    ("mmsystem", "DIBINDEX", (5,), 0x10FF0005),
    ("win32netcon", "TEXT", ("x",), "x"),
    ("win32cryptcon", "GET_ALG_CLASS", (0x8004,), 0x8000),
    ("win32cryptcon", "GET_ALG_TYPE", (0x8004,), 0),
    ("win32cryptcon", "GET_ALG_SID", (0x8004,), 4),
    ("win32cryptcon", "RCRYPT_SUCCEEDED", (1,), True),
    ("win32cryptcon", "RCRYPT_FAILED", (1,), False),
    ("win32cryptcon", "GET_CERT_ENCODING_TYPE", (0x10001,), 1),
    ("win32cryptcon", "GET_CMSG_ENCODING_TYPE", (0x10001,), 0x10000),
    ("sspicon", "SEC_SUCCESS", (-1,), False),
]


@pytest.mark.parametrize(("module", "macro", "args", "result"), SAMPLES)
def test_a_macro_computes_what_pywin32s_does(
    module: str, macro: str, args: tuple[Any, ...], result: Any
) -> None:
    assert getattr(importlib.import_module(module), macro)(*args) == result


def test_some_values_by_name() -> None:
    import commctrl
    import sspicon
    import winioctlcon
    import winnt

    assert winnt.LANG_ENGLISH == 9
    assert winioctlcon.FSCTL_GET_REPARSE_POINT == 0x900A8
    assert str(winioctlcon.GUID_DEVINTERFACE_DISK) == "{53F56307-B6BF-11D0-94F2-00A0C91EFB8B}"
    assert commctrl.LVM_GETITEMCOUNT == 0x1004
    assert sspicon.ISC_REQ_CONFIDENTIALITY == 0x10


def test_winxpgui_is_win32gui_with_get_console_window() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import win32gui
        import winxpgui
    for name in ("CreateWindow", "PostMessage", "PumpMessages", "RegisterClass", "error"):
        assert getattr(winxpgui, name) is getattr(win32gui, name)
    assert isinstance(winxpgui.GetConsoleWindow(), int)
