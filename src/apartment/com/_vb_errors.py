"""The run-time errors of Visual Basic's libraries (scrrun, wshom, vbscript) as HRESULTs.

scrrun.dll and wshom.ocx fail a call with FACILITY_CONTROL's HRESULT of the VB error
number (``0x800A0000 | number``); through IDispatch the client sees DISP_E_EXCEPTION with
that HRESULT as the excepinfo's scode, as pywin32 shows it (``excepinfo[5]``).
"""

from __future__ import annotations

from ._server_errors import COMException

__all__ = [
    "BAD_FILE_MODE",
    "DEVICE_UNAVAILABLE",
    "FILE_EXISTS",
    "FILE_NOT_FOUND",
    "INPUT_PAST_END",
    "INVALID_CALL",
    "PATH_NOT_FOUND",
    "PERMISSION_DENIED",
    "vb_error",
]

_CONTROL = -2146828288  # 0x800A0000: FACILITY_CONTROL, severity error

INVALID_CALL = _CONTROL | 5  # "Invalid procedure call or argument"
FILE_NOT_FOUND = _CONTROL | 53  # CTL_E_FILENOTFOUND
BAD_FILE_MODE = _CONTROL | 54  # CTL_E_BADFILEMODE
FILE_EXISTS = _CONTROL | 58  # CTL_E_FILEALREADYEXISTS
INPUT_PAST_END = _CONTROL | 62  # CTL_E_ENDOFFILE
DEVICE_UNAVAILABLE = _CONTROL | 68  # CTL_E_DEVICEUNAVAILABLE
PERMISSION_DENIED = _CONTROL | 70  # CTL_E_PERMISSIONDENIED
PATH_NOT_FOUND = _CONTROL | 76  # CTL_E_PATHNOTFOUND

_TEXTS = {
    INVALID_CALL: "Invalid procedure call or argument",
    FILE_NOT_FOUND: "File not found",
    BAD_FILE_MODE: "Bad file mode",
    FILE_EXISTS: "File already exists",
    INPUT_PAST_END: "Input past end of file",
    DEVICE_UNAVAILABLE: "Device unavailable",
    PERMISSION_DENIED: "Permission denied",
    PATH_NOT_FOUND: "Path not found",
}


def vb_error(scode: int, source: str | None = None) -> COMException:
    """The exception a server raises to fail a call with VB error ``scode``."""
    return COMException(scode=scode, desc=_TEXTS.get(scode), source=source)
