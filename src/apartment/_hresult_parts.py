"""The parts of an HRESULT, named: its severity, its facility, the range of codes it is in.

An HRESULT is 32 bits: the severity (bit 31), the facility (bits 16-28) and the code. The
names are the SDK's (winerror.h), as pywin32's GetSeverityString, GetFacilityString and
GetScodeRangeString give them; values are read as 32 bits, signed or not.
"""

from __future__ import annotations

__all__ = ["hresult_severity_name", "hresult_facility_name", "hresult_range_name"]

_FACILITIES = (
    "FACILITY_NULL", "FACILITY_RPC", "FACILITY_DISPATCH", "FACILITY_STORAGE", "FACILITY_ITF",
    "FACILITY_ADSI", "FACILITY_0x06", "FACILITY_WIN32", "FACILITY_WINDOWS",
    "FACILITY_SSPI/FACILITY_MQ", "FACILITY_CONTROL", "FACILITY_EDK", "FACILITY_INTERNET",
    "FACILITY_MEDIASERVER", "FACILITY_MSMQ", "FACILITY_SETUPAPI",
)  # fmt: skip
_FACILITY_ITF = 4
# The OLE ranges of FACILITY_ITF: 16 codes each from 0x000 (0x160-0x16F is none's).
_RANGES = (
    "OLE", "DRAGDROP", "CLASSFACTORY", "MARSHAL", "DATA", "VIEW", "REGDB", None, "CACHE",
    "OLEOBJ", "CLIENTSITE", "INPLACE", "ENUM", "CONVERT10", "CLIPBRD", "MK", "CO", "CONNECT",
)  # fmt: skip


def _bits(hresult: int) -> int:
    if isinstance(hresult, bool) or not isinstance(hresult, int):
        raise TypeError(f"an HRESULT is an int, not {type(hresult).__name__}")
    return hresult & 0xFFFFFFFF


def hresult_severity_name(hresult: int) -> str:
    """``SEVERITY_ERROR`` when bit 31 is set, else ``SEVERITY_SUCCESS``."""
    return "SEVERITY_ERROR" if _bits(hresult) & 0x80000000 else "SEVERITY_SUCCESS"


def hresult_facility_name(hresult: int) -> str:
    """The facility's name (``FACILITY_WIN32``...), ``<Unknown Facility>`` past the SDK's."""
    facility = (_bits(hresult) >> 16) & 0x1FFF
    return _FACILITIES[facility] if facility < len(_FACILITIES) else "<Unknown Facility>"


def hresult_range_name(hresult: int) -> str | None:
    """The OLE range an interface code is in (``REGDB_E_FIRST...REGDB_E_LAST``), or None.

    Only FACILITY_ITF codes from 0x000 to 0x20F are in a range: the first 0x100 are OLE's,
    then one range of 16 codes each.
    """
    bits = _bits(hresult)
    if (bits >> 16) & 0x1FFF != _FACILITY_ITF:
        return None
    code = bits & 0xFFFF
    index = 0 if code < 0x100 else (code - 0x100) // 16 + 1
    if index >= len(_RANGES) or _RANGES[index] is None:
        return None
    kind = "E" if bits & 0x80000000 else "S"
    return f"{_RANGES[index]}_{kind}_FIRST...{_RANGES[index]}_{kind}_LAST"
