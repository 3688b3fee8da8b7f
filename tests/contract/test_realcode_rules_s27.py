"""Contract: rules that session 27's small pywin32 programs by others and known gaps found.

Found by running them on the facade and on the real pywin32 (build 312, under Wine):
``pywintypes.Time`` of a number reads it as ``int()`` does into a 32-bit C long, where -1 is
pywin32's error marker (programs pass ``-1`` for "no time" and catch the TypeError);
``ProgIDFromCLSID`` of a system class registered with a version gives the versioned ProgID
(``WScript.Shell.1``), and that name creates the class too; VBScript.RegExp's collections
answer an ``Item`` read without its index with DISP_E_BADPARAMCOUNT, so the dynamic client
treats ``m.SubMatches.Item`` as a method (tests/realcode/vbscript_regexp_matches.py).
"""

import datetime
import decimal
import fractions

import pytest
import pythoncom
import pywintypes
import win32com.client
import winerror


@pytest.mark.parametrize("seconds", [-1, -1.0, -1.5])
def test_time_of_minus_one_is_a_bad_argument(seconds: float) -> None:
    with pytest.raises(TypeError, match="bad argument type for built-in operation"):
        pywintypes.Time(seconds)


@pytest.mark.parametrize("seconds", [2**31, -(2**31) - 1, 10**10, 2.5e9])
def test_time_of_seconds_beyond_a_32_bit_long_overflows(seconds: float) -> None:
    with pytest.raises(OverflowError, match="too large to convert to C long"):
        pywintypes.Time(seconds)


@pytest.mark.parametrize("seconds", [-2, -2.0, -(2**31)])
def test_time_of_another_negative_is_an_invalid_timestamp(seconds: float) -> None:
    with pytest.raises(ValueError, match="invalid timestamp"):
        pywintypes.Time(seconds)


def test_time_reads_seconds_as_int_does() -> None:
    epoch = datetime.datetime.fromtimestamp(0)
    assert pywintypes.Time(-0.5) == epoch  # toward zero, so not negative
    assert pywintypes.Time(2**31 - 1) == datetime.datetime.fromtimestamp(2**31 - 1)
    assert pywintypes.Time(decimal.Decimal(5)) == datetime.datetime.fromtimestamp(5)
    assert pywintypes.Time(fractions.Fraction(5, 2)) == datetime.datetime.fromtimestamp(2)
    assert type(pywintypes.Time(decimal.Decimal(5))).__name__ == "datetime"


def test_time_of_bytes_is_a_too_short_time_tuple() -> None:
    with pytest.raises(TypeError, match="at least 9 arguments \\(1 given\\)"):
        pywintypes.Time(b"x")


@pytest.mark.parametrize(
    ("progid", "versioned"),
    [
        ("WScript.Shell", "WScript.Shell.1"),
        ("WScript.Network", "WScript.Network.1"),
        ("Scripting.Dictionary", "Scripting.Dictionary"),
        ("Scripting.FileSystemObject", "Scripting.FileSystemObject"),
        ("VBScript.RegExp", "VBScript.RegExp"),
    ],
)
def test_progid_from_clsid_of_a_system_class_is_its_registered_progid(
    progid: str, versioned: str
) -> None:
    clsid = pywintypes.IID(progid)
    assert pythoncom.ProgIDFromCLSID(clsid) == versioned
    assert pywintypes.IID(versioned) == clsid


def test_a_versioned_progid_creates_the_system_class() -> None:
    pythoncom.CoInitialize()
    try:
        shell = win32com.client.Dispatch("WScript.Shell.1")
        expanded = shell.ExpandEnvironmentStrings("%NO_SUCH_VARIABLE_S27%")
        # Wine's wshom counts the terminating NUL into the string; Windows' does not
        assert expanded.rstrip("\0") == "%NO_SUCH_VARIABLE_S27%"
    finally:
        shell = None
        pythoncom.CoUninitialize()


def test_a_regexp_collections_item_read_without_its_index_is_a_bad_param_count() -> None:
    pythoncom.CoInitialize()
    try:
        regexp = win32com.client.Dispatch("VBScript.RegExp")
        regexp.Pattern = r"(\w+)@(\w+)"
        matches = regexp.Execute("ann@example")
        get = pythoncom.DISPATCH_PROPERTYGET
        for collection in (matches, matches(0).SubMatches):
            with pytest.raises(pythoncom.com_error) as caught:
                collection._oleobj_.Invoke(0, 0, get, 1)
            assert caught.value.hresult == winerror.DISP_E_BADPARAMCOUNT
        submatches = matches(0).SubMatches
        assert submatches(1) == "example"
        # so the client calls Item as a method, which the type library's Item is not
        with pytest.raises(pythoncom.com_error) as caught:
            submatches.Item(1)
        assert caught.value.hresult == winerror.DISP_E_MEMBERNOTFOUND
    finally:
        regexp = matches = submatches = collection = None
        pythoncom.CoUninitialize()
