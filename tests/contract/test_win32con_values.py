"""win32con names every constant pywin32's does, with pywin32's values.

The facade fills in what it does not define itself from an SDK table; these values are
checked here on the facade and on the real pywin32 alike, one of each family.
"""

from __future__ import annotations

import pytest
import win32con

SAMPLE = {
    "WM_COMMAND": 0x0111,
    "WM_CHAR": 0x0102,
    "WM_ACTIVATE": 0x0006,
    "WM_QUERYENDSESSION": 0x0011,
    "WM_DEVICECHANGE": 0x0219,
    "WM_COPYDATA": 0x004A,
    "MB_OK": 0,
    "MB_ICONERROR": 0x10,
    "IDOK": 1,
    "SW_SHOWNORMAL": 1,
    "BS_PUSHBUTTON": 0,
    "ES_MULTILINE": 4,
    "VK_RETURN": 0x0D,
    "VK_F1": 0x70,
    "HWND_BROADCAST": 0xFFFF,
    "SM_CXSCREEN": 0,
    "GWL_STYLE": -16,
    "KEY_READ": 0x20019,
    "REG_SZ": 1,
    "PROCESS_ALL_ACCESS": 0x1F0FFF,
    "SYNCHRONIZE": 0x100000,
    "MF_STRING": 0,
    "TPM_LEFTALIGN": 0,
    "DT_CENTER": 1,
    "SWP_NOSIZE": 1,
    "LB_ADDSTRING": 0x0180,
    "CB_ADDSTRING": 0x0143,
    "EM_SETSEL": 0x00B1,
    "BM_CLICK": 0x00F5,
    "SC_CLOSE": 0xF060,
}


@pytest.mark.parametrize(("name", "value"), sorted(SAMPLE.items()))
def test_a_constant_has_pywin32s_value(name: str, value: int) -> None:
    assert getattr(win32con, name) == value


def test_win32con_names_thousands_of_constants() -> None:
    assert sum(1 for name in dir(win32con) if name.isupper()) > 4000
