"""Contract: rules the COM programs of session 29 (tests/realcode) found, on both sides.

* A ``Decimal`` crosses COM as a CURRENCY: a 64-bit count of ten-thousandths, ``int(value *
  10000)`` (truncated toward zero), read back as that count over 10000 (no trailing zeros);
  beyond 64 bits it is OverflowError before the call. ``VARIANT(VT_CY, ...)`` the same.
* Scripting.Dictionary files a date key as the number a VT_DATE is, and a currency key by
  value: the same date finds it again, and so does its day number.
* pywin32 312's ``win32com.server.exception`` has no ``Exception`` alias any more.
* ``UnwrapObject`` (and ``win32com.server.util.unwrap``) of what is no PyI* object, a
  ``CDispatch`` included, is ValueError "argument is not a COM object", naming no type; of a
  system object (Scripting.Dictionary, FileSystemObject, RegExp: native code on Windows),
  ValueError "argument is not a Python gateway (0x80004002)".
* Scripting.Dictionary keeps VARIANTs: a VT_DECIMAL item comes back with all its digits.
* ``PyIDispatch.Invoke`` of an argument that is no VARIANT raises TypeError itself.
* makepy: a property get whose inputs are all [optional] stays a property (read bare) and is
  also a method ``Get<name>`` taking them (WScript.Shell's ``GetEnvironment("Process")``);
  one with a required input is a method of its own name.
"""

from __future__ import annotations

import datetime
import decimal
from typing import TYPE_CHECKING, Any

import pytest
import pythoncom
import win32com.client
import win32com.server.exception
import win32com.server.util
from win32com.client import VARIANT, gencache
from win32com.server.util import wrap

from ._com import Echo
from ._generated import private_gen_py
from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

D = decimal.Decimal


@pytest.fixture
def sta() -> Iterator[None]:
    """The test's thread in a single-threaded apartment, for the system's objects."""
    pythoncom.CoInitialize()
    yield
    pythoncom.CoUninitialize()


@pytest.fixture
def own_gen_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """makepy's modules go to a gen_py of this test's, and are forgotten when it ends."""
    with private_gen_py(tmp_path, monkeypatch):
        yield


@pytest.fixture
def echo() -> Any:
    return win32com.client.Dispatch(wrap(Echo()))


@pytest.mark.parametrize(
    ("sent", "received"),
    [
        ("2.10", "2.1"),
        ("1.23456", "1.2345"),
        ("-1.23456", "-1.2345"),
        ("0.00005", "0"),
        ("0.00015", "0.0001"),
        ("1E+2", "100"),
        ("-0", "0"),
        ("922337203685477.5807", "922337203685477.5807"),
    ],
)
def test_a_decimal_crosses_as_currency_truncated_to_ten_thousandths(
    echo: Any, sent: str, received: str
) -> None:
    for value in (D(sent), VARIANT(pythoncom.VT_CY, D(sent))):
        back = echo.Echo(value)
        assert (type(back), str(back)) == (D, received)


def test_a_currency_beyond_64_bits_is_overflow_error_before_the_call(echo: Any) -> None:
    with pytest.raises(OverflowError, match="int too big to convert"):
        echo.Echo(D("922337203685477.5808"))
    with pytest.raises(OverflowError):
        echo.Echo(D("-922337203685477.5809"))


def test_a_vt_decimal_keeps_its_digits_and_a_decimal_returned_is_currency(echo: Any) -> None:
    server = Echo()
    client = win32com.client.Dispatch(wrap(server))
    assert str(client.Echo(VARIANT(pythoncom.VT_DECIMAL, D("2.10")))) == "2.1"
    assert str(server.value) == "2.10"  # VT_DECIMAL arrives as it was sent


def test_a_dictionary_date_key_is_found_by_the_same_date_and_its_day_number(sta: None) -> None:
    d = win32com.client.Dispatch("Scripting.Dictionary")
    key = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    d.Add(key, "millennium")
    assert d.Exists(key)
    assert not d.Exists(datetime.datetime(2000, 1, 2, tzinfo=datetime.timezone.utc))
    assert d.Exists(36526.0)
    assert d.Exists(36526)
    assert d.HashVal(key) == d.HashVal(36526.0)
    assert d.Item(36526) == "millennium"
    numbers = win32com.client.Dispatch("Scripting.Dictionary")
    numbers.Add(36526, "day")
    assert numbers.Exists(key)


@wine_differs("Wine's scrrun takes no VT_CY key (E_NOTIMPL); Windows' takes any scalar")
def test_a_dictionary_currency_key_is_a_number(sta: None) -> None:
    d = win32com.client.Dispatch("Scripting.Dictionary")
    d.Add(D("1.5"), "cy")
    assert d.Exists(1.5)
    assert d.Exists(D("1.50"))
    assert d.HashVal(D("1.5")) == d.HashVal(1.5)


def test_server_exception_module_has_no_exception_alias() -> None:
    assert not hasattr(win32com.server.exception, "Exception")
    assert hasattr(win32com.server.exception, "COMException")


@pytest.mark.parametrize("value", [1, None, "x"], ids=repr)
def test_unwrap_of_what_is_no_com_object_says_only_that(value: object) -> None:
    with pytest.raises(ValueError, match=r"^argument is not a COM object$"):
        pythoncom.UnwrapObject(value)


def test_unwrap_takes_the_interface_not_the_client(echo: Any) -> None:
    with pytest.raises(ValueError, match=r"^argument is not a COM object$"):
        win32com.server.util.unwrap(echo)
    assert type(win32com.server.util.unwrap(echo._oleobj_)) is Echo


def test_a_dictionary_gives_back_a_vt_decimal_with_all_its_digits(sta: None) -> None:
    d = win32com.client.Dispatch("Scripting.Dictionary")
    d.Add("exact", VARIANT(pythoncom.VT_DECIMAL, D("1.0000000001")))
    d.Add("money", D("2.10"))  # crossed as currency: 2.1
    assert str(d.Item("exact")) == "1.0000000001"
    assert str(d.Item("money")) == "2.1"
    assert [str(item) for item in d.Items()] == ["1.0000000001", "2.1"]


def test_invoke_of_an_argument_that_is_no_variant_is_type_error_itself(echo: Any) -> None:
    dispid = echo._oleobj_.GetIDsOfNames("Echo")
    with pytest.raises(TypeError) as caught:
        echo._oleobj_.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, True, object())
    assert type(caught.value) is TypeError


@pytest.mark.parametrize(
    "progid", ["Scripting.Dictionary", "Scripting.FileSystemObject", "VBScript.RegExp"]
)
def test_unwrap_of_a_system_object_is_not_a_python_gateway(progid: str, sta: None) -> None:
    ob = win32com.client.Dispatch(progid)._oleobj_
    for unwrap in (pythoncom.UnwrapObject, win32com.server.util.unwrap):
        with pytest.raises(ValueError, match=r"^argument is not a Python gateway \(0x80004002\)$"):
            unwrap(ob)


@pytest.mark.usefixtures("own_gen_py")
def test_makepy_keeps_a_get_with_only_optional_arguments_a_property_and_adds_get_name(
    sta: None,
) -> None:
    shell = gencache.EnsureDispatch("WScript.Shell")
    assert "Environment" in type(shell)._prop_map_get_
    assert callable(type(shell).GetEnvironment)
    environment = shell.GetEnvironment("Process")
    assert type(environment).__name__ == "IWshEnvironment"
    # the property, read bare, then called: its default member (Item) with "Process"
    assert shell.Environment("Process") == ""


@pytest.mark.usefixtures("own_gen_py")
def test_makepy_makes_a_get_with_required_arguments_a_method_of_its_name(sta: None) -> None:
    d = gencache.EnsureDispatch("Scripting.Dictionary")
    assert "Item" not in type(d)._prop_map_get_
    assert not hasattr(type(d), "GetItem")
    d.Add("a", 1)
    assert d.Item("a") == 1
