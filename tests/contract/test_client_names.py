"""Contract: win32com.client's typed values, makepy's names without type libraries, and the
server helpers real programs import (policy, register, util, olectl).

``VARIANT(vt, value)`` sends ``value`` as the type ``vt``; with VT_BYREF it is an out
parameter: a Python server's method returns its result followed by the values it writes,
which land in the by-reference arguments, in order, converted to their types. A Python
server has no type library, so makepy's entry points (EnsureDispatch, CastTo, Record,
EnsureModule...) fail as pywin32's do for such an object.
"""

from __future__ import annotations

import datetime
import decimal
import io
from typing import Any

import pytest
import pythoncom
import win32com.client
import win32com.client.dynamic
import win32com.olectl
import win32com.server.policy
import win32com.server.register
import win32com.server.util
import winerror
from win32com.client import VARIANT, gencache
from win32com.server.util import wrap

from ._com import com_error_of

UTC = datetime.timezone.utc
BYREF = pythoncom.VT_BYREF
UNKNOWN_LIBID = "{6BCDCB60-5605-11D0-AE5F-CADD4C000000}"  # PyCOMTest's: not installed


class Writer:
    """A server whose methods write into by-reference arguments (the values after the result)."""

    _public_methods_ = ["Out", "Two", "Echo"]

    def __init__(self) -> None:
        self.got: Any = None

    def Out(self, a: Any) -> tuple[int, int]:  # noqa: N802
        self.got = a
        return 7, 42

    def Two(self, a: Any, b: Any) -> tuple[int, str, str]:  # noqa: N802
        self.got = (a, b)
        return 1, "x", "y"

    def Echo(self, a: Any) -> Any:  # noqa: N802
        self.got = a
        return a


@pytest.fixture
def writer() -> tuple[Writer, Any]:
    server = Writer()
    return server, win32com.client.Dispatch(wrap(server))


# -- VARIANT ---------------------------------------------------------------------------------


def test_a_variant_shows_its_type_and_value() -> None:
    v = VARIANT(BYREF | pythoncom.VT_I4, 0)
    assert repr(v) == "win32com.client.VARIANT(16387, 0)"
    assert (v.varianttype, v.value) == (16387, 0)
    assert sorted(vars(v)) == ["_value", "varianttype"]
    v.value = 9
    assert v.value == 9
    with pytest.raises(TypeError):
        VARIANT(1)


def test_a_by_reference_argument_receives_what_the_server_writes(writer: Any) -> None:
    server, client = writer
    v = VARIANT(BYREF | pythoncom.VT_I4, 0)
    assert client.Out(v) == 7
    assert v.value == 42
    assert server.got == 0


def test_a_written_value_is_converted_to_the_arguments_type(writer: Any) -> None:
    server, client = writer
    text = VARIANT(BYREF | pythoncom.VT_BSTR, "in")
    assert client.Out(text) == 7
    assert (text.value, server.got) == ("42", "in")
    anything = VARIANT(BYREF | pythoncom.VT_VARIANT, None)
    assert client.Out(anything) == 7
    assert anything.value == 42


def test_written_values_go_to_the_by_reference_arguments_in_order(writer: Any) -> None:
    server, client = writer
    a, b = VARIANT(pythoncom.VT_I4, 1), VARIANT(BYREF | pythoncom.VT_BSTR, "q")
    assert client.Two(a, b) == 1
    assert (a.value, b.value, server.got) == (1, "x", (1, "q"))


def test_a_written_value_that_does_not_convert_fails_the_call(writer: Any) -> None:
    _server, client = writer
    a, b = VARIANT(BYREF | pythoncom.VT_I4, 1), VARIANT(BYREF | pythoncom.VT_BSTR, "q")
    error = com_error_of(client.Two, a, b)  # "x" is no VT_I4: the server's ValueError
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[5] == winerror.E_FAIL
    assert (a.value, b.value) == (1, "q")


def test_a_result_that_is_no_tuple_writes_nothing(writer: Any) -> None:
    _, client = writer
    v = VARIANT(BYREF | pythoncom.VT_I4, 5)
    assert client.Echo(v) == 5
    assert v.value == 5


def test_invoke_sets_by_reference_arguments_too(writer: Any) -> None:
    _, client = writer
    v = VARIANT(BYREF | pythoncom.VT_I4, 0)
    dispid = client._oleobj_.GetIDsOfNames("Out")
    assert client._oleobj_.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 1, v) == 7
    assert v.value == 42
    first = VARIANT(BYREF | pythoncom.VT_I4, 0)  # no result wanted: the result goes here
    assert client._oleobj_.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, 0, first) is None
    assert first.value == 7


@pytest.mark.parametrize(
    ("vt", "value", "received"),
    [
        (pythoncom.VT_ARRAY | pythoncom.VT_R8, [1, 2], (1.0, 2.0)),
        (pythoncom.VT_ARRAY | pythoncom.VT_I4, (1, "2"), (1, 2)),
        (pythoncom.VT_ARRAY | pythoncom.VT_BSTR, [1, 2], ("1", "2")),
        (pythoncom.VT_ARRAY | pythoncom.VT_VARIANT, [1, "a"], (1, "a")),
        (pythoncom.VT_I4, "5", 5),
        (pythoncom.VT_I4, 1.7, 1),
        (pythoncom.VT_BSTR, 5, "5"),
        (pythoncom.VT_BSTR, None, "None"),
        (pythoncom.VT_R8, 3, 3.0),
        (pythoncom.VT_R4, 1.1, 1.100000023841858),
        (pythoncom.VT_BOOL, 2, True),
        (pythoncom.VT_UI1, 300, 44),
        (pythoncom.VT_I2, 70000, 4464),
        (pythoncom.VT_UI4, -1, 4294967295),
        (pythoncom.VT_I8, 2**40, 2**40),
        (pythoncom.VT_EMPTY, None, None),
        (pythoncom.VT_NULL, None, None),
        (pythoncom.VT_VARIANT, 5, 5),
        (pythoncom.VT_DISPATCH, None, None),
        (pythoncom.VT_ERROR, 5, winerror.DISP_E_PARAMNOTFOUND),
        (pythoncom.VT_CY, decimal.Decimal("1.5"), decimal.Decimal("1.5")),
    ],
    ids=repr,
)
def test_a_variant_arrives_as_its_type(writer: Any, vt: int, value: Any, received: Any) -> None:
    server, client = writer
    client.Echo(VARIANT(vt, value))
    assert server.got == received
    assert type(server.got) is type(received)


def test_bytes_as_an_array_of_bytes_arrive_as_a_buffer(writer: Any) -> None:
    server, client = writer
    client.Echo(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_UI1, b"ab"))
    assert bytes(server.got) == b"ab"
    client.Echo(VARIANT(pythoncom.VT_ARRAY | pythoncom.VT_UI1, [1, 2]))
    assert bytes(server.got) == b"\x01\x02"


def test_a_date_variant_arrives_as_a_date(writer: Any) -> None:
    server, client = writer
    when = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    client.Echo(VARIANT(pythoncom.VT_DATE, when))
    assert server.got == when


@pytest.mark.parametrize(
    ("vt", "value", "error", "text"),
    [
        (pythoncom.VT_I4, "x", ValueError, "invalid literal for int()"),
        (pythoncom.VT_I4, None, TypeError, "int() argument must be"),
        (pythoncom.VT_CY, 5, TypeError, "Currency object must be a Decimal instance (got int)."),
        (pythoncom.VT_DATE, 0, TypeError, "must be a pywintypes time object (got int)"),
        (pythoncom.VT_ARRAY | pythoncom.VT_I4, 1, TypeError, "must be sequences"),
        ("a", 1, TypeError, "'str' object cannot be interpreted as an integer"),
    ],
    ids=repr,
)
def test_a_value_that_is_not_of_its_type_fails_before_the_call(
    writer: Any, vt: Any, value: Any, error: type[Exception], text: str
) -> None:
    server, client = writer
    with pytest.raises(error, match=text.replace("(", r"\(").replace(")", r"\)")):
        client.Echo(VARIANT(vt, value))
    assert server.got is None


# -- constants, makepy without type libraries ---------------------------------------------


def test_constants_are_empty_without_generated_type_libraries() -> None:
    assert win32com.client.constants.__dicts__ == []
    with pytest.raises(AttributeError, match="NoSuchConstant"):
        win32com.client.constants.NoSuchConstant  # noqa: B018
    mine = win32com.client.Constants()
    mine.__dicts__.append({"Answer": 42})
    assert mine.Answer == 42


MAKEPY_FAILS = "This COM object can not automate the makepy process"


def test_ensure_dispatch_needs_type_information(writer: Any) -> None:
    _, client = writer
    with pytest.raises(TypeError, match=MAKEPY_FAILS):
        gencache.EnsureDispatch(wrap(Writer()))
    with pytest.raises(TypeError, match=MAKEPY_FAILS):
        win32com.client.CastTo(client, "IWriter")
    with pytest.raises(TypeError, match=MAKEPY_FAILS):
        win32com.client.Record("Point", client)
    error = com_error_of(gencache.EnsureDispatch, "Apartment.NoSuchProgId")
    assert error.hresult == winerror.CO_E_CLASSSTRING


class Registered:
    _reg_clsid_ = "{9E3A47B2-40C2-4F1B-A5C0-3C0B4E2E7A11}"
    _reg_progid_ = "Apartment.ContractClientNames"
    _reg_class_spec_ = f"{__name__}.Registered"
    _public_methods_ = ["Add"]

    def Add(self, a: int, b: int) -> int:  # noqa: N802
        return a + b


@pytest.fixture
def registered() -> Any:
    win32com.server.register.RegisterClasses(Registered, quiet=True)
    yield Registered
    win32com.server.register.UnregisterClasses(Registered, quiet=True)


def test_a_registered_python_server_has_no_type_information(registered: Any) -> None:
    with pytest.raises(TypeError, match=MAKEPY_FAILS):
        gencache.EnsureDispatch(registered._reg_progid_)
    assert win32com.client.Dispatch(registered._reg_progid_).Add(2, 3) == 5
    assert gencache.GetModuleForProgID(registered._reg_progid_) is None
    assert gencache.GetClassForProgID(registered._reg_progid_) is None
    assert win32com.client.getevents(registered._reg_progid_) is None


def test_type_libraries_that_are_not_registered_cannot_be_generated() -> None:
    for make in (gencache.EnsureModule, gencache.MakeModuleForTypelib):
        error = com_error_of(make, UNKNOWN_LIBID, 0, 1, 1)
        assert error.hresult == winerror.TYPE_E_LIBNOTREGISTERED
    with pytest.raises(ImportError, match="00000000-0000-0000-0000-000000000001x0x1x0"):
        gencache.GetModuleForTypelib("{00000000-0000-0000-0000-000000000001}", 0, 1, 0)
    assert gencache.GetModuleForCLSID("{00000000-0000-0000-0000-000000000001}") is None
    assert gencache.GetModuleForProgID("Apartment.NoSuchProgId") is None
    assert gencache.is_readonly is False
    name = gencache.GetGeneratedFileName(UNKNOWN_LIBID, 0, 1, 1)
    assert name == "6BCDCB60-5605-11D0-AE5F-CADD4C000000x0x1x1"
    assert gencache.SplitGeneratedFileName(name) == (UNKNOWN_LIBID[1:-1], "0", "1", "1")
    assert isinstance(gencache.GetGeneratePath(), str)


def test_getevents_of_an_unknown_progid_fails() -> None:
    error = com_error_of(win32com.client.getevents, "Apartment.NoSuchProgId")
    assert error.hresult == winerror.CO_E_CLASSSTRING
    assert win32com.client.getevents("{00000000-0000-0000-0000-000000000001}") is None


def test_record_classes_need_a_registered_type_library() -> None:
    class Point(pythoncom.com_record):  # type: ignore[misc]
        __slots__ = ()
        TLBID = UNKNOWN_LIBID
        MJVER, MNVER, LCID = 1, 1, 0
        GUID = "{7A4CE6A7-7959-4E85-A3C0-B41442FF0F67}"

    with pytest.raises(TypeError, match=r"Class Point cannot be instantiated\."):
        win32com.client.register_record_class(Point)
    with pytest.raises(TypeError, match=r"Only subclasses of 'com_record' can be registered\."):
        win32com.client.register_record_class(int)


class IWriter(win32com.client.DispatchBaseClass):  # type: ignore[misc]
    """What makepy would generate for Writer: its members by name."""

    CLSID = pythoncom.IID_IDispatch
    _prop_map_get_: dict[str, Any] = {}
    _prop_map_put_: dict[str, Any] = {}

    def Out(self, a: Any) -> Any:  # noqa: N802
        return self._oleobj_.InvokeTypes(1000, 0, 1, (3, 0), ((16387, 1),), a)


def test_the_generated_classes_base_wraps_a_dispatch(writer: Any) -> None:
    server, client = writer
    base = IWriter(client)  # a late-bound client is kept as it is
    assert base._oleobj_ is client
    assert base == client
    with pytest.raises(AttributeError):
        base.Anything  # noqa: B018
    typed = IWriter(client._oleobj_)  # a PyIDispatch is asked for CLSID
    assert typed.Out(5) == 7
    assert server.got == 5


def test_dynamic_names() -> None:
    dynamic = win32com.client.dynamic
    assert dynamic.ALL_INVOKE_TYPES == [2, 4, 8, 1]
    assert dynamic.ERRORS_BAD_CONTEXT == [
        winerror.DISP_E_MEMBERNOTFOUND,
        winerror.DISP_E_BADPARAMCOUNT,
        winerror.DISP_E_PARAMNOTOPTIONAL,
        winerror.DISP_E_TYPEMISMATCH,
        winerror.E_INVALIDARG,
    ]
    assert dynamic.LCID == 0
    assert dynamic.PyIDispatchType is pythoncom.TypeIIDs[pythoncom.IID_IDispatch]
    assert dynamic.PyIUnknownType is pythoncom.TypeIIDs[pythoncom.IID_IUnknown]
    item = dynamic.MakeOleRepr(None, None, None)
    assert (item.propMap, item.mapFuncs, item.defaultDispatchName) == ({}, {}, None)
    assert dynamic.debug_print("quiet") is None


# -- olectl and the server helpers ----------------------------------------------------------


def test_olectl_values() -> None:
    olectl = win32com.olectl

    def control(n: int) -> int:
        return (0x800A0000 | n) - 2**32

    assert control(5) == olectl.CTL_E_ILLEGALFUNCTIONCALL
    assert control(53) == olectl.CTL_E_FILENOTFOUND
    assert control(380) == olectl.CTL_E_INVALIDPROPERTYVALUE
    assert control(746) == olectl.CTL_E_REPLACEMENTSTOOLONG
    assert olectl.STD_CTL_SCODE(70) == olectl.CTL_E_PERMISSIONDENIED == control(70)
    assert olectl.CONNECT_E_FIRST == olectl.CONNECT_E_NOCONNECTION == -2147220992
    assert olectl.CONNECT_E_OVERRIDDEN == -2147220989
    assert (olectl.CONNECT_S_FIRST, olectl.CONNECT_S_LAST) == (0x40200, 0x4020F)
    assert olectl.CLASS_E_NOTLICENSED == winerror.CLASS_E_NOTLICENSED
    assert olectl.FACILITY_CONTROL == 0xA
    assert olectl.MAKE_SCODE(1, 4, 0x20F) == olectl.CONNECT_E_LAST


def test_policy_names() -> None:
    policy = win32com.server.policy
    assert (policy.S_OK, policy.DISPATCH_METHOD, policy.DISPATCH_PROPERTYPUTREF) == (0, 1, 8)
    assert (policy.DISPID_VALUE, policy.DISPID_NEWENUM, policy.DISPID_STARTENUM) == (0, -4, -1)
    assert (policy.DISPID_EVALUATE, policy.DISPID_PROPERTYPUT) == (-5, -3)
    assert policy.IDispatchType is pythoncom.TypeIIDs[pythoncom.IID_IDispatch]
    assert policy.IUnknownType is pythoncom.TypeIIDs[pythoncom.IID_IUnknown]
    with pytest.raises(ValueError, match="is not correctly registered"):
        policy.CreateInstance("{00000000-0000-0000-0000-000000000001}", pythoncom.IID_IUnknown)


def test_create_instance_makes_a_registered_python_object(registered: Any) -> None:
    ob = win32com.server.policy.CreateInstance(registered._reg_clsid_, pythoncom.IID_IDispatch)
    assert win32com.client.Dispatch(ob).Add(1, 2) == 3


def test_register_names(registered: Any) -> None:
    register = win32com.server.register
    assert register.CATID_PythonCOMServer == "{B3EF80D0-68E2-11D0-A689-00C04FD658FF}"
    clsid = registered._reg_clsid_
    assert register.GetRegisteredServerOption(clsid, "PythonCOM") == registered._reg_class_spec_
    assert register.GetRegisteredServerOption(clsid, "Debugging") == "0"
    assert register.GetRegisteredServerOption(clsid, "NoSuchOption") is None
    unknown = "{00000000-0000-0000-0000-000000000001}"
    assert register.GetRegisteredServerOption(unknown, "Debugging") is None
    register.recurse_delete_key("CLSID\\" + unknown)  # a missing key is no error
    assert callable(register.RegisterPyComCategory)
    assert callable(register.ReExecuteElevated)


def test_a_file_stream_serves_a_python_file() -> None:
    stream = wrap(win32com.server.util.FileStream(io.BytesIO(b"hello world")))
    istream = stream.QueryInterface(pythoncom.IID_IStream)
    assert istream.Read(5) == b"hello"
    assert istream.Seek(6, pythoncom.STREAM_SEEK_SET) == 6
    assert istream.Read(100) == b"world"


def test_setup_environment_is_there() -> None:
    import win32com

    assert callable(win32com.SetupEnvironment)  # pywin32's own raises NameError when called


# -- pythoncom ---------------------------------------------------------------------------------


def test_no_call_context_outside_a_call() -> None:
    error = com_error_of(pythoncom.CoGetCallContext, pythoncom.IID_IUnknown)
    assert error.hresult == winerror.RPC_E_CALL_COMPLETE


def test_a_file_that_is_no_type_library_does_not_load(tmp_path: Any) -> None:
    missing = str(tmp_path / "missing.tlb")
    assert com_error_of(pythoncom.LoadTypeLib, missing).hresult == winerror.TYPE_E_CANTLOADLIBRARY
    junk = tmp_path / "junk.tlb"
    junk.write_bytes(b"not a type library")
    assert com_error_of(pythoncom.LoadTypeLib, str(junk)).hresult == (
        winerror.TYPE_E_CANTLOADLIBRARY
    )
    with pytest.raises(TypeError, match="None is not a valid interface object in this context"):
        pythoncom.RegisterTypeLib(None, missing)
