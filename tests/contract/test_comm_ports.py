"""Contract: serial ports through win32file: a port that is not there, the DCB, the constants.

Wine has no COM ports to open (and the facade none that APARTMENT_COMPORTS does not map):
CreateFile fails with ERROR_FILE_NOT_FOUND; tests/kernel/test_comm.py drives a port.
"""

from __future__ import annotations

import pytest
import pywintypes
import win32file

from ._wine import ON_THE_ORACLE


@pytest.fixture(autouse=True)
def _no_ports(monkeypatch: pytest.MonkeyPatch) -> None:
    if not ON_THE_ORACLE:
        monkeypatch.delenv("APARTMENT_COMPORTS", raising=False)


@pytest.mark.parametrize("name", ["COM7", "\\\\.\\COM9"])
def test_a_port_that_is_not_there_is_not_found(name: str) -> None:
    with pytest.raises(pywintypes.error) as missing:
        win32file.CreateFile(name, 0xC0000000, 0, None, 3, 0, None)
    assert (missing.value.winerror, missing.value.funcname) == (2, "CreateFile")


def test_a_new_dcb_is_zeros_and_its_characters_are_str() -> None:
    dcb = win32file.DCB()
    assert type(dcb).__name__ == "PyDCB"
    assert (dcb.BaudRate, dcb.ByteSize, dcb.Parity, dcb.StopBits, dcb.XonLim) == (0, 0, 0, 0, 0)
    assert (dcb.XonChar, dcb.XoffChar, dcb.EofChar) == ("\0", "\0", "\0")
    dcb.XonChar = "A"
    assert dcb.XonChar == "A"
    with pytest.raises(TypeError):
        dcb.XonChar = 65


def test_the_comm_constants() -> None:
    assert (win32file.EV_RXCHAR, win32file.EV_TXEMPTY, win32file.PURGE_RXCLEAR) == (1, 4, 8)
    assert (win32file.CBR_115200, win32file.NOPARITY, win32file.ONESTOPBIT) == (115200, 0, 0)
    assert (win32file.SETDTR, win32file.CLRBREAK, win32file.SETXOFF) == (5, 9, 1)
    assert (win32file.EVENPARITY, win32file.TWOSTOPBITS) == (2, 2)
    assert (win32file.DTR_CONTROL_ENABLE, win32file.RTS_CONTROL_HANDSHAKE) == (1, 2)
