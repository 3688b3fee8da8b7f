"""Contract: pythoncom's type-library, RPC security and property-set constants, its smaller
names (Nothing, frozen, internal_error, ProgIDFromCLSID) and pywintypes' CreateGuid,
IsTextUnicode, DosDateTimeToTime, UnicodeFromRaw, HKEY and WAVEFORMATEX, as pywin32 gives them."""

from __future__ import annotations

import datetime
import warnings

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror
from win32com.server.util import wrap

from ._com import Echo

CONSTANTS = {
    "IDLFLAG_NONE": 0, "IDLFLAG_FIN": 1, "IDLFLAG_FOUT": 2, "IDLFLAG_FLCID": 4,
    "IDLFLAG_FRETVAL": 8, "IMPLTYPEFLAG_FDEFAULT": 1, "IMPLTYPEFLAG_FSOURCE": 2,
    "IMPLTYPEFLAG_FRESTRICTED": 4, "PARAMFLAG_NONE": 0, "PARAMFLAG_FIN": 1, "PARAMFLAG_FOUT": 2,
    "PARAMFLAG_FLCID": 4, "PARAMFLAG_FRETVAL": 8, "PARAMFLAG_FOPT": 16,
    "PARAMFLAG_FHASDEFAULT": 32, "TKIND_ENUM": 0, "TKIND_RECORD": 1, "TKIND_MODULE": 2,
    "TKIND_INTERFACE": 3, "TKIND_DISPATCH": 4, "TKIND_COCLASS": 5, "TKIND_ALIAS": 6,
    "TKIND_UNION": 7, "TYPEFLAG_FAPPOBJECT": 1, "TYPEFLAG_FCANCREATE": 2,
    "TYPEFLAG_FLICENSED": 4, "TYPEFLAG_FPREDECLID": 8, "TYPEFLAG_FHIDDEN": 16,
    "TYPEFLAG_FCONTROL": 32, "TYPEFLAG_FDUAL": 64, "TYPEFLAG_FNONEXTENSIBLE": 128,
    "TYPEFLAG_FOLEAUTOMATION": 256, "TYPEFLAG_FRESTRICTED": 512,
    "TYPEFLAG_FAGGREGATABLE": 1024, "TYPEFLAG_FREPLACEABLE": 2048,
    "TYPEFLAG_FDISPATCHABLE": 4096, "TYPEFLAG_FREVERSEBIND": 8192, "VAR_PERINSTANCE": 0,
    "VAR_STATIC": 1, "VAR_CONST": 2, "VAR_DISPATCH": 3, "VARFLAG_FREADONLY": 1, "SYS_WIN16": 0,
    "SYS_WIN32": 1, "SYS_MAC": 2, "STDOLE_LCID": 0, "STDOLE_MAJORVERNUM": 1,
    "STDOLE_MINORVERNUM": 0, "STDOLE2_LCID": 0, "STDOLE2_MAJORVERNUM": 2,
    "STDOLE2_MINORVERNUM": 0, "URL_MK_LEGACY": 0, "URL_MK_UNIFORM": 1,
    "RPC_C_AUTHN_NONE": 0, "RPC_C_AUTHN_DCE_PRIVATE": 1, "RPC_C_AUTHN_DCE_PUBLIC": 2,
    "RPC_C_AUTHN_DEC_PUBLIC": 4, "RPC_C_AUTHN_GSS_NEGOTIATE": 9, "RPC_C_AUTHN_WINNT": 10,
    "RPC_C_AUTHN_GSS_SCHANNEL": 14, "RPC_C_AUTHN_GSS_KERBEROS": 16, "RPC_C_AUTHN_DPA": 17,
    "RPC_C_AUTHN_MSN": 18, "RPC_C_AUTHN_MQ": 100, "RPC_C_AUTHN_DEFAULT": -1,
    "RPC_C_AUTHN_LEVEL_DEFAULT": 0, "RPC_C_AUTHN_LEVEL_NONE": 1, "RPC_C_AUTHN_LEVEL_CONNECT": 2,
    "RPC_C_AUTHN_LEVEL_CALL": 3, "RPC_C_AUTHN_LEVEL_PKT": 4,
    "RPC_C_AUTHN_LEVEL_PKT_INTEGRITY": 5, "RPC_C_AUTHN_LEVEL_PKT_PRIVACY": 6,
    "RPC_C_AUTHZ_NONE": 0, "RPC_C_AUTHZ_NAME": 1, "RPC_C_AUTHZ_DCE": 2,
    "RPC_C_AUTHZ_DEFAULT": -1, "RPC_C_IMP_LEVEL_DEFAULT": 0, "RPC_C_IMP_LEVEL_ANONYMOUS": 1,
    "RPC_C_IMP_LEVEL_IDENTIFY": 2, "RPC_C_IMP_LEVEL_IMPERSONATE": 3,
    "RPC_C_IMP_LEVEL_DELEGATE": 4,
}  # fmt: skip

FMTIDS = {
    "FMTID_SummaryInformation": "{F29F85E0-4FF9-1068-AB91-08002B27B3D9}",
    "FMTID_DocSummaryInformation": "{D5CDD502-2E9C-101B-9397-08002B2CF9AE}",
    "FMTID_UserDefinedProperties": "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
}


@pytest.mark.parametrize(("name", "value"), sorted(CONSTANTS.items()))
def test_constant_values(name: str, value: int) -> None:
    assert getattr(pythoncom, name) == value


@pytest.mark.parametrize(("name", "value"), sorted(FMTIDS.items()))
def test_property_set_format_ids(name: str, value: str) -> None:
    fmtid = getattr(pythoncom, name)
    assert isinstance(fmtid, pywintypes.IIDType)
    assert fmtid == pywintypes.IID(value)


def test_record_classes_is_a_dict() -> None:
    assert isinstance(pythoncom.RecordClasses, dict)


def test_nothing_is_a_true_singleton_named_as_pywin32_names_it() -> None:
    assert "PyOleNothing" in repr(pythoncom.Nothing)
    assert pythoncom.Nothing is not pythoncom.Empty


def test_nothing_reaches_a_python_server_as_none() -> None:
    server = Echo()
    client = win32com.client.Dispatch(wrap(server))
    assert client.Echo(pythoncom.Nothing) is None
    assert server.value is None


def test_frozen_is_false_with_a_deprecation_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert not pythoncom.frozen
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)


def test_internal_error_is_an_exception_class_of_pythoncom() -> None:
    assert issubclass(pythoncom.internal_error, Exception)
    assert pythoncom.internal_error.__name__ == "internal_error"
    assert not issubclass(pythoncom.internal_error, pythoncom.com_error)


def test_progid_from_clsid_of_an_unregistered_class_is_regdb_e_classnotreg() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        pythoncom.ProgIDFromCLSID("{00000000-0000-0000-0000-000000000001}")
    assert caught.value.hresult == winerror.REGDB_E_CLASSNOTREG


def test_progid_from_clsid_of_a_malformed_string_is_co_e_classstring() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        pythoncom.ProgIDFromCLSID("notaguid")
    assert caught.value.hresult == winerror.CO_E_CLASSSTRING


def test_progid_from_clsid_takes_only_strings_and_iids() -> None:
    with pytest.raises(TypeError):
        pythoncom.ProgIDFromCLSID(1)


class ProgIdServer:
    _reg_clsid_ = "{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E01}"
    _reg_progid_ = "Apartment.ContractProgId"
    _reg_verprogid_ = "Apartment.ContractProgId.3"
    _reg_class_spec_ = "test_com_more_names.ProgIdServer"
    _public_methods_: list[str] = []


class PlainProgIdServer:
    _reg_clsid_ = "{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E02}"
    _reg_progid_ = "Apartment.ContractPlainProgId"
    _reg_class_spec_ = "test_com_more_names.PlainProgIdServer"
    _public_methods_: list[str] = []


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        (ProgIdServer, "Apartment.ContractProgId.3"),
        (PlainProgIdServer, "Apartment.ContractPlainProgId"),
    ],
)
def test_progid_from_clsid_gives_the_version_dependent_progid_when_registered(
    cls: type, expected: str
) -> None:
    import win32com.server.register

    win32com.server.register.RegisterClasses(cls, quiet=True)
    try:
        assert pythoncom.ProgIDFromCLSID(cls._reg_clsid_) == expected  # type: ignore[attr-defined]
        clsid = pywintypes.IID(cls._reg_clsid_)  # type: ignore[attr-defined]
        assert pythoncom.ProgIDFromCLSID(clsid) == expected
    finally:
        win32com.server.register.UnregisterClasses(cls, quiet=True)


def test_create_guid_makes_a_new_iid_each_time() -> None:
    first, second = pywintypes.CreateGuid(), pythoncom.CreateGuid()
    assert isinstance(first, pywintypes.IIDType)
    assert first != second
    with pytest.raises(TypeError):
        pywintypes.CreateGuid(1)


@pytest.mark.parametrize(
    ("data", "flags", "expected"),
    [
        (b"h\x00e\x00l\x00l\x00o\x00", 0xFFFF, (1, 0x1002)),  # statistics, null bytes
        (b"hello", 0xFFFF, (0, 0x200)),  # an odd length is no UTF-16
        (b"h\x00e\x00l\x00l\x00o\x00", 1, (0, 0)),
        (b"\xff\xfeh\x00i\x00", 0xFFFF, (1, 0x1008)),  # the byte-order mark
        (b"\xfe\xffh\x00i\x00", 0xFFFF, (0, 0x1080)),  # a reversed mark
        (b"\r\x00\xac\x20", 0x4, (1, 0x4)),  # a control character
        (b"a", 0xFFFF, (0, 0)),  # too short to tell
    ],
)
def test_is_text_unicode(data: bytes, flags: int, expected: tuple[int, int]) -> None:
    assert pywintypes.IsTextUnicode(data, flags) == expected


def test_is_text_unicode_needs_both_arguments() -> None:
    with pytest.raises(TypeError):
        pywintypes.IsTextUnicode(b"")


def test_unicode_from_raw_reads_utf16_and_drops_an_odd_byte() -> None:
    assert pywintypes.UnicodeFromRaw(b"h\x00i\x00") == "hi"
    assert pywintypes.UnicodeFromRaw(b"h\x00i") == "h"
    assert pywintypes.UnicodeFromRaw(bytearray(b"\xac\x20")) == "\u20ac"
    with pytest.raises(TypeError):
        pywintypes.UnicodeFromRaw("hi")


def test_dos_date_time_to_time() -> None:
    when = pywintypes.DosDateTimeToTime(0x5021, 0x6000 | 0x1D)  # 12:00:58
    assert isinstance(when, pywintypes.TimeType)
    assert when == datetime.datetime(2020, 1, 1, 12, 0, 58, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize(
    ("date", "time"), [(0, 0), (0x5021 & ~0x1F, 0), (0x5021 | 0x1E0, 0), (0x5021, 0x601F)]
)
def test_dos_date_time_to_time_refuses_a_bad_field(date: int, time: int) -> None:
    with pytest.raises(pywintypes.error) as caught:
        pywintypes.DosDateTimeToTime(date, time)
    assert caught.value.winerror == 0
    assert caught.value.funcname == "DosDateTimeToFileTime"


def test_dos_date_time_to_time_wants_ints() -> None:
    with pytest.raises(TypeError):
        pywintypes.DosDateTimeToTime("a", 0)


def test_hkey_holds_a_value() -> None:
    key = pywintypes.HKEY()
    assert int(key) == 0
    assert repr(key) == "<PyHKEY:0>"
    assert repr(pywintypes.HKEY(5)) == "<PyHKEY:5>"
    assert isinstance(key, pywintypes.HANDLEType)


def test_waveformatex_starts_zeroed_and_is_writable() -> None:
    wave = pywintypes.WAVEFORMATEX()
    fields = (
        "wFormatTag", "nChannels", "nSamplesPerSec", "nAvgBytesPerSec", "nBlockAlign",
        "wBitsPerSample",
    )  # fmt: skip
    assert [getattr(wave, name) for name in fields] == [0] * 6
    wave.wFormatTag = pywintypes.WAVE_FORMAT_PCM
    wave.nChannels = 2
    assert (wave.wFormatTag, wave.nChannels) == (1, 2)
    assert pywintypes.WAVE_FORMAT_PCM == 1
    with pytest.raises(TypeError):
        pywintypes.WAVEFORMATEX(1)


UNREGISTERED_LIBID = "{6C1B3F0A-5C1E-4E55-9B8F-19A19C0C0E20}"


def test_an_unregistered_type_library_is_type_e_libnotregistered() -> None:
    for fn in (pythoncom.LoadRegTypeLib, pythoncom.QueryPathOfRegTypeLib):
        with pytest.raises(pythoncom.com_error) as caught:
            fn(pywintypes.IID(UNREGISTERED_LIBID), 1, 0, 0)
        assert caught.value.hresult == winerror.TYPE_E_LIBNOTREGISTERED
    with pytest.raises(pythoncom.com_error) as record:
        pythoncom.GetRecordFromGuids(UNREGISTERED_LIBID, 1, 0, 0, UNREGISTERED_LIBID)
    assert record.value.hresult == winerror.TYPE_E_LIBNOTREGISTERED
