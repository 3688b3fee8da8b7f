"""Facade fixes the session-26 probes found: values, handle arguments, stubs, CoTreatAsClass.

The same rules run on the real pywin32 in tests/contract/test_probe_rules_s26.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment.win32 import (
    pythoncom,
    pywintypes,
    win32event,
    win32evtlogutil,
    win32gui,
    win32inet,
    win32security,
    win32serviceutil,
    winerror,
)
from apartment.win32._handles import handle_value
from apartment.win32.win32com.shell import shell, shellcon

if TYPE_CHECKING:
    from pathlib import Path


def test_values_pywin32_gives() -> None:
    assert win32security.PROTECTED_DACL_SECURITY_INFORMATION == -(2**31)
    assert type(win32gui.UNICODE) is int
    assert win32evtlogutil.langid == 0
    assert len([n for n in shellcon.__all__ if n.startswith("SHCNE_")]) > 20
    assert shell.SLGP_RAWPATH == 4
    assert isinstance(shell.IID_IShellFolder, pywintypes.PyIID)


@pytest.mark.parametrize(
    ("given", "value"), [(2.0, 2), (2.9, 2), ("5", 5), (True, 1), (None, 0), (2**64 - 1, 2**64 - 1)]
)
def test_a_handle_argument_is_read_as_int_reads_it(given: object, value: int) -> None:
    assert handle_value(given) == value
    assert type(handle_value(given)) is int


@pytest.mark.parametrize("bad", ["x", 2**64, -(2**63) - 1, object(), b"\xff"])
def test_a_handle_argument_int_cannot_read_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="not a PyHANDLE"):
        handle_value(bad)


def test_a_float_handle_reaches_its_object() -> None:
    event = win32event.CreateEvent(None, True, True, None)
    try:
        assert win32event.WaitForSingleObject(float(int(event)), 0) == win32event.WAIT_OBJECT_0
    finally:
        event.Close()


def test_names_without_a_feature_fail_as_pywin32_without_it() -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32inet.WinHttpOpen("agent", 0, None, None, 0)
    assert caught.value.args[:2] == (winerror.ERROR_NOT_SUPPORTED, "WinHttpOpen")
    with pytest.raises(pywintypes.error) as caught:
        win32serviceutil.InstallPerfmonForService("svc", "x.ini")
    assert caught.value.funcname == "InstallPerfmonForService"
    with pytest.raises(shell.error) as raised:
        shell.SHCreateShellItem(None, None, [])
    assert raised.value.hresult == winerror.E_NOTIMPL
    with pytest.raises(pythoncom.com_error) as raised:
        pythoncom.CreateTypeLib2(1, "x.tlb")
    assert raised.value.hresult == winerror.E_NOTIMPL


class _Old:
    _reg_clsid_ = "{5A0C1D2E-26A1-4B11-9C01-0000000000C1}"
    _reg_progid_ = "Apartment.UnitTreatOld"


def test_co_treat_as_class_reads_progids_and_iids(class_registry: Path) -> None:
    from apartment import com

    com.register_class(_Old)
    new = pywintypes.IID("{5A0C1D2E-26A1-4B11-9C01-0000000000C2}")
    pythoncom.CoTreatAsClass(_Old._reg_progid_, new)
    assert com.get_treat_as_class(_Old._reg_clsid_) == str(new)
    pythoncom.CoTreatAsClass(pywintypes.IID(_Old._reg_clsid_))
    assert com.get_treat_as_class(_Old._reg_clsid_) is None
    with pytest.raises(pythoncom.com_error) as raised:
        pythoncom.CoTreatAsClass("{5A0C1D2E-26A1-4B11-9C01-0000000000CF}", new)
    assert raised.value.hresult == winerror.REGDB_E_CLASSNOTREG
