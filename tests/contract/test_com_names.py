"""Contract: pythoncom's COM constants and tables, pywintypes' times, and the smaller names of
win32com (policy subclasses, COMException, client.util), as pywin32 gives them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import win32com.client.util
import win32com.server.policy
import winerror
from win32com.server.exception import COMException
from win32com.server.util import ListEnumeratorGateway, NewEnum, wrap

from ._com import Echo

VT = {
    "VT_EMPTY": 0, "VT_NULL": 1, "VT_I2": 2, "VT_I4": 3, "VT_R4": 4, "VT_R8": 5, "VT_CY": 6,
    "VT_DATE": 7, "VT_BSTR": 8, "VT_DISPATCH": 9, "VT_ERROR": 10, "VT_BOOL": 11,
    "VT_VARIANT": 12, "VT_UNKNOWN": 13, "VT_DECIMAL": 14, "VT_I1": 16, "VT_UI1": 17,
    "VT_UI2": 18, "VT_UI4": 19, "VT_I8": 20, "VT_UI8": 21, "VT_INT": 22, "VT_UINT": 23,
    "VT_VOID": 24, "VT_HRESULT": 25, "VT_PTR": 26, "VT_SAFEARRAY": 27, "VT_CARRAY": 28,
    "VT_USERDEFINED": 29, "VT_LPSTR": 30, "VT_LPWSTR": 31, "VT_RECORD": 36, "VT_FILETIME": 64,
    "VT_BLOB": 65, "VT_STREAM": 66, "VT_STORAGE": 67, "VT_CLSID": 72, "VT_VECTOR": 0x1000,
    "VT_ARRAY": 0x2000, "VT_BYREF": 0x4000, "VT_TYPEMASK": 0xFFF,
}  # fmt: skip

OTHERS = {
    "DISPID_STARTENUM": -1, "DISPID_UNKNOWN": -1, "DISPID_VALUE": 0, "DISPID_PROPERTYPUT": -3,
    "DISPID_NEWENUM": -4, "DISPID_EVALUATE": -5, "DISPID_CONSTRUCTOR": -6,
    "DISPID_DESTRUCTOR": -7, "DISPID_COLLECT": -8, "DISPID_THIS": -613,
    "STREAM_SEEK_SET": 0, "STREAM_SEEK_CUR": 1, "STREAM_SEEK_END": 2, "COWAIT_WAITALL": 1,
    "COWAIT_ALERTABLE": 2, "MSHLFLAGS_NORMAL": 0, "MSHLFLAGS_TABLESTRONG": 1,
    "MSHLFLAGS_TABLEWEAK": 2, "MSHLFLAGS_NOPING": 4, "MSHCTX_LOCAL": 0, "MSHCTX_INPROC": 3,
    "ACTIVEOBJECT_STRONG": 0, "ACTIVEOBJECT_WEAK": 1, "fdexNameCaseSensitive": 1,
    "fdexNameEnsure": 2, "fdexNameImplicit": 4, "fdexNameCaseInsensitive": 8,
    "fdexPropCanGet": 1, "fdexPropCanCall": 0x100,
}  # fmt: skip

IIDS = {
    "IID_NULL": "{00000000-0000-0000-0000-000000000000}",
    "IID_IUnknown": "{00000000-0000-0000-C000-000000000046}",
    "IID_IDispatch": "{00020400-0000-0000-C000-000000000046}",
    "IID_IDispatchEx": "{A6EF9860-C720-11D0-9337-00A0C90DCAA9}",
    "IID_IStream": "{0000000C-0000-0000-C000-000000000046}",
    "IID_IEnumVARIANT": "{00020404-0000-0000-C000-000000000046}",
    "IID_IConnectionPointContainer": "{B196B284-BAB4-101A-B69C-00AA00341D07}",
    "IID_IConnectionPoint": "{B196B286-BAB4-101A-B69C-00AA00341D07}",
    "IID_IPropertyBag": "{55272A00-42CB-11CE-8135-00AA004BB851}",
    "IID_IErrorLog": "{3127CA40-446E-11CE-8135-00AA004BB851}",
    "IID_IPersist": "{0000010C-0000-0000-C000-000000000046}",
    "IID_IPersistStream": "{00000109-0000-0000-C000-000000000046}",
    "IID_IPersistStreamInit": "{7FD52380-4E07-101B-AE2D-08002B2EC713}",
    "IID_IPersistPropertyBag": "{37D84F60-42CB-11CE-8135-00AA004BB851}",
    "IID_IGlobalInterfaceTable": "{00000146-0000-0000-C000-000000000046}",
    "CLSID_StdGlobalInterfaceTable": "{00000323-0000-0000-C000-000000000046}",
}


@pytest.mark.parametrize(("name", "value"), sorted({**VT, **OTHERS}.items()))
def test_constant_values(name: str, value: int) -> None:
    assert getattr(pythoncom, name) == value


@pytest.mark.parametrize(("name", "text"), sorted(IIDS.items()))
def test_iid_values(name: str, text: str) -> None:
    iid = getattr(pythoncom, name)
    assert isinstance(iid, pywintypes.IIDType)
    assert str(iid) == text


@pytest.mark.parametrize(
    ("iid", "type_name"),
    [
        ("IID_IUnknown", "PyIUnknown"),
        ("IID_IDispatch", "PyIDispatch"),
        ("IID_IStream", "PyIStream"),
        ("IID_IEnumVARIANT", "PyIEnumVARIANT"),
        ("IID_IConnectionPoint", "PyIConnectionPoint"),
        ("IID_IPropertyBag", "PyIPropertyBag"),
    ],
)
def test_type_iids_give_the_interface_types(iid: str, type_name: str) -> None:
    assert pythoncom.TypeIIDs[getattr(pythoncom, iid)].__name__ == type_name
    assert pythoncom.InterfaceNames[type_name[2:]] == getattr(pythoncom, iid)


def test_server_interfaces_are_named_with_bytes() -> None:
    assert pythoncom.ServerInterfaces[pythoncom.IID_IStream] == b"IStream"
    assert pythoncom.ServerInterfaces[pythoncom.IID_IDispatch] == b"IDispatch"


def test_a_pyidispatch_is_a_pyiunknown() -> None:
    pointer = wrap(Echo())
    assert isinstance(pointer, pythoncom.TypeIIDs[pythoncom.IID_IUnknown])
    assert isinstance(pythoncom.GetScodeString(winerror.E_FAIL), str)


def test_times() -> None:
    assert isinstance(pywintypes.Time(0), pywintypes.TimeType)
    assert pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0)) == datetime.datetime(2020, 1, 2, 3, 4, 5)
    aware = datetime.datetime(2020, 1, 2, tzinfo=datetime.timezone.utc)
    assert pywintypes.Time(aware) is aware
    assert pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0)).Format() == "Thu Jan  2 03:04:05 2020"
    with pytest.raises(TypeError):
        pywintypes.Time("x")


def test_com_exception_args() -> None:
    assert COMException("text").args == (None, "text", None, -1)
    assert COMException(scode=5).scode == winerror.E_ACCESSDENIED  # a Win32 code: its HRESULT
    assert COMException(scode=1).description == "S_FALSE"
    assert isinstance(COMException(), pythoncom.com_error)


# --- policy subclasses, client.util --------------------------------------------------------


class Doubling(win32com.server.policy.DesignatedWrapPolicy):  # type: ignore[misc]
    def _invokeex_(self, dispid: Any, lcid: int, wFlags: int, args: Any, kw: Any, sp: Any) -> Any:  # noqa: N803
        result = super()._invokeex_(dispid, lcid, wFlags, args, kw, sp)
        return result * 2 if isinstance(result, int) else result


def test_a_policy_subclass_is_honoured() -> None:
    client = win32com.client.Dispatch(wrap(Echo(), usePolicy=Doubling))
    assert client.Echo(21) == 42
    policy = pythoncom.UnwrapObject(client._oleobj_)
    assert isinstance(policy, Doubling)
    assert isinstance(policy._obj_, Echo)
    assert policy._name_to_dispid_["echo"] == 1001


class Handler:
    _public_methods_ = ["Take"]

    def __init__(self) -> None:
        self.took: list[str] = []

    def Take(self, value: Any) -> None:  # noqa: N802
        self.took.append(type(value).__name__)


def test_the_event_handler_policy_gives_clients() -> None:
    handler = Handler()
    pointer = wrap(handler, usePolicy=win32com.server.policy.EventHandlerPolicy)
    win32com.client.Dispatch(pointer).Take(wrap(Echo()))
    win32com.client.Dispatch(pointer).Take(NewEnum([1]))
    assert handler.took == ["CDispatch", "CDispatch"]


def test_wrap_enum_and_iterator() -> None:
    items = win32com.client.util.WrapEnum(NewEnum([1, 2, 3]))
    assert (items[1], items[0], items(2)) == (2, 1, 3)
    with pytest.raises(IndexError):
        items[3]
    assert items.Next(2) in {(1, 2), ()}
    assert list(win32com.client.util.Iterator(NewEnum(["a", "b"]))) == ["a", "b"]


def test_an_enumerator_gateway_wraps_its_items() -> None:
    gateway = ListEnumeratorGateway([Echo()])
    found = wrap(gateway, pythoncom.IID_IEnumVARIANT).Next(1)
    assert type(found[0]).__name__ == "PyIDispatch"
