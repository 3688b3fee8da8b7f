"""Rules the session-30 dispatch probe found (tools/probes/dispatch_probe.py): the argerr
pywin32's PyIDispatch reports, InvokeTypes' declared types and by-reference outs, and what a
Python server's tuple results and pythoncom's sentinels become on the way.

pywin32: ``com/win32com/src/PyIDispatch.cpp`` (HandledDispatchFailure, InvokeTypes) and
``PyGatewayBase.cpp`` (invoke_finish). Each test passes on the facade and on the real
pywin32 (``make oracle``).
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import win32com.client
import win32com.client.dynamic
import winerror
from win32com.server.exception import COMException
from win32com.server.util import wrap

from ._com import com_error_of

VT_I4, VT_BSTR, VT_VARIANT, VT_EMPTY, VT_VOID = 3, 8, 12, 0, 24
VT_BYREF = 0x4000
IN, IN_OUT = 1, 3  # PARAMFLAG_FIN, PARAMFLAG_FIN | PARAMFLAG_FOUT
METHOD = pythoncom.DISPATCH_METHOD


class Typed:
    """A server whose methods fail with argument errors, or give back tuples."""

    _public_methods_ = ["Mismatch", "NotFound", "Other", "Out", "Add", "Pair", "Empty", "Kind"]

    def Mismatch(self, *args: Any) -> None:  # noqa: N802
        raise COMException(scode=winerror.DISP_E_TYPEMISMATCH)

    def NotFound(self, *args: Any) -> None:  # noqa: N802
        raise COMException(desc="not found", scode=winerror.DISP_E_PARAMNOTFOUND)

    def Other(self, *args: Any) -> None:  # noqa: N802
        raise COMException(scode=winerror.DISP_E_OVERFLOW)

    def Out(self, a: int, b: object = None) -> tuple[int, int]:  # noqa: N802
        return (a + 1, a * 2)

    def Add(self, a: Any, b: Any) -> Any:  # noqa: N802
        return a + b

    def Pair(self) -> tuple[int, int]:  # noqa: N802
        return (1, 2)

    def Empty(self) -> tuple[()]:  # noqa: N802
        return ()

    def Kind(self, value: object) -> str:  # noqa: N802
        return type(value).__name__ if not isinstance(value, int) else f"int {value}"


@pytest.fixture
def typed() -> Any:
    return wrap(Typed())


def _ids(pointer: Any, *names: str) -> list[int]:
    return [pointer.GetIDsOfNames(name) for name in names]


# --- argerr ------------------------------------------------------------------------------------


def test_an_argument_error_the_server_does_not_place_is_argerr_count_plus_one(typed: Any) -> None:
    client = win32com.client.Dispatch(typed)
    error = com_error_of(client.Mismatch, 1)
    assert (error.hresult, error.excepinfo, error.argerror) == (
        winerror.DISP_E_TYPEMISMATCH,
        None,
        2,
    )
    assert com_error_of(client.Mismatch, 1, 2, 3).argerror == 4
    assert com_error_of(client.Mismatch).argerror == 1
    assert com_error_of(client.NotFound, "x").argerror == 2
    (mismatch,) = _ids(typed, "Mismatch")
    assert com_error_of(typed.Invoke, mismatch, 0, METHOD, True, 1, 2).argerror == 3
    assert com_error_of(typed.Invoke, mismatch, 0, METHOD, False).argerror == 1


def test_other_errors_have_no_argerr(typed: Any) -> None:
    client = win32com.client.Dispatch(typed)
    error = com_error_of(client.Other, 1)  # a DISPATCH-facility scode comes bare
    assert (error.hresult, error.excepinfo, error.argerror) == (
        winerror.DISP_E_OVERFLOW,
        None,
        None,
    )
    assert com_error_of(client.Add, 1).argerror is None  # a Python TypeError: E_FAIL


def test_invoke_types_reports_the_argerr_of_what_it_sent(typed: Any) -> None:
    (mismatch,) = _ids(typed, "Mismatch")
    error = com_error_of(
        typed.InvokeTypes, mismatch, 0, METHOD, (VT_VARIANT, 0), ((VT_I4, IN), (VT_I4, IN)), 1, 2
    )
    assert (error.hresult, error.argerror) == (winerror.DISP_E_TYPEMISMATCH, 3)


# --- InvokeTypes ---------------------------------------------------------------------------------


def test_invoke_types_gives_the_result_then_the_by_reference_outs(typed: Any) -> None:
    (out,) = _ids(typed, "Out")
    types = ((VT_I4, IN), (VT_I4 | VT_BYREF, IN_OUT))
    assert typed.InvokeTypes(out, 0, METHOD, (VT_VARIANT, 0), types, 5, 0) == (6, 10)
    assert typed.InvokeTypes(out, 0, METHOD, (VT_VARIANT, 0), types, 5) == (6, 10)  # sent anyway
    # no result asked for: the server's first value goes to the first out
    assert typed.InvokeTypes(out, 0, METHOD, (VT_VOID, 0), types, 5, 0) == 6
    untyped = ((VT_VARIANT, IN), (VT_VARIANT | VT_BYREF, IN_OUT))
    assert typed.InvokeTypes(out, 0, METHOD, (VT_EMPTY, 0), untyped, 5, None) == 6


def test_invoke_types_sends_arguments_as_their_declared_types(typed: Any) -> None:
    add, kind = _ids(typed, "Add", "Kind")
    strings = ((VT_BSTR, IN), (VT_BSTR, IN))
    assert typed.InvokeTypes(add, 0, METHOD, (VT_VARIANT, 0), strings, 2, 3) == "23"
    assert typed.InvokeTypes(kind, 0, METHOD, (VT_VARIANT, 0), ((VT_I4, IN),), "7") == "int 7"
    with pytest.raises(ValueError, match="invalid literal"):
        typed.InvokeTypes(add, 0, METHOD, (VT_I4, 0), ((VT_I4, IN), (VT_I4, IN)), "x", 1)
    assert (
        typed.InvokeTypes(add, 0, METHOD, (VT_EMPTY, 0), ((VT_I4, IN), (VT_I4, IN)), 2, 3) is None
    )


def test_invoke_types_stops_at_missing_and_needs_a_type_per_argument(typed: Any) -> None:
    (add,) = _ids(typed, "Add")
    ints = ((VT_I4, IN), (VT_I4, IN))
    assert typed.InvokeTypes(add, 0, METHOD, (VT_I4, 0), (*ints, (VT_I4, IN)), 1, 2) == 3
    error = com_error_of(typed.InvokeTypes, add, 0, METHOD, (VT_I4, 0), ints, 2, pythoncom.Missing)
    assert error.hresult == winerror.DISP_E_EXCEPTION  # Add got one argument
    pair = ((VT_I4, IN), (VT_I4, IN))
    error = com_error_of(typed.InvokeTypes, add, 0, METHOD, (VT_I4, 0), pair, pythoncom.Missing, 5)
    assert error.hresult == winerror.DISP_E_EXCEPTION  # none sent: Add got no argument
    with pytest.raises(TypeError, match="array of argument types"):
        typed.InvokeTypes(add, 0, METHOD, (VT_I4, 0), ((VT_I4, IN),), 1, 2)
    with pytest.raises(TypeError, match="array of argument types"):
        typed.InvokeTypes(add, 0, METHOD, (VT_I4, 0), [(VT_I4, IN), (VT_I4, IN)], 1, 2)


# --- tuple results and sentinels -----------------------------------------------------------------


def test_a_tuple_a_server_returns_is_its_result_then_its_outs(typed: Any) -> None:
    client = win32com.client.Dispatch(typed)
    assert client.Pair() == 1  # the rest had no by-reference argument to go to
    assert client.Out(3) == 4
    assert client.Kind([1, 2]) == "tuple"  # a list arrives as a tuple (a SAFEARRAY)
    error = com_error_of(client.Empty)
    assert (error.hresult, error.excepinfo[5]) == (winerror.DISP_E_EXCEPTION, winerror.E_FAIL)


def test_missing_cannot_be_sent_and_empty_arrives_as_param_not_found(typed: Any) -> None:
    client = win32com.client.Dispatch(typed)
    with pytest.raises(TypeError, match="PyOleMissing"):
        client.Kind(pythoncom.Missing)
    not_found = f"int {winerror.DISP_E_PARAMNOTFOUND}"
    assert client.Kind(pythoncom.Empty) == not_found
    assert client.Kind(pythoncom.ArgNotFound) == not_found
    assert client.Kind(pythoncom.Nothing) == "NoneType"


# --- system objects: DispInvoke's argument counts, names, arrays ---------------------------------


@pytest.mark.parametrize(
    ("progid", "method", "args"),
    [
        ("VBScript.RegExp", "Test", ()),
        ("VBScript.RegExp", "Test", ("a", "b")),
        ("VBScript.RegExp", "Replace", ("a",)),
        ("Scripting.FileSystemObject", "FileExists", ()),
        ("Scripting.FileSystemObject", "BuildPath", ("a", "b", "c")),
        ("WScript.Shell", "Run", ()),
        ("Scripting.Dictionary", "Add", ("a",)),
    ],
)
def test_a_system_object_method_given_a_wrong_count_is_disp_e_badparamcount(
    progid: str, method: str, args: tuple[object, ...]
) -> None:
    pointer = win32com.client.dynamic.Dispatch(progid)._oleobj_
    dispid = pointer.GetIDsOfNames(method)
    error = com_error_of(pointer.Invoke, dispid, 0, METHOD, True, *args)
    assert (error.hresult, error.excepinfo, error.argerror) == (
        winerror.DISP_E_BADPARAMCOUNT,
        None,
        None,
    )


def test_a_dynamic_client_leaves_a_system_object_to_count_missing_arguments() -> None:
    regexp = win32com.client.dynamic.Dispatch("VBScript.RegExp")
    assert com_error_of(regexp.Test).hresult == winerror.DISP_E_BADPARAMCOUNT
    shell = win32com.client.dynamic.Dispatch("WScript.Shell")
    assert com_error_of(shell.Run).hresult == winerror.DISP_E_BADPARAMCOUNT


def test_a_dictionary_gives_an_unknown_name_as_disp_e_unknownname() -> None:
    dictionary = win32com.client.dynamic.Dispatch("Scripting.Dictionary")
    assert dictionary._oleobj_.GetIDsOfNames("item") == 0  # its DISPID_VALUE, any case
    error = com_error_of(dictionary._oleobj_.GetIDsOfNames, "Nope")
    assert error.hresult == winerror.DISP_E_UNKNOWNNAME


def test_a_dictionary_gives_back_an_array_item_whole() -> None:
    dictionary = win32com.client.dynamic.Dispatch("Scripting.Dictionary")
    dictionary.Add("list", [1, 2, 3])
    assert dictionary.Item("list") == (1, 2, 3)
    assert dictionary.Items() == ((1, 2, 3),)


# --- results no VARIANT holds ------------------------------------------------------------------


class Results:
    _public_methods_ = ["Ret"]

    def Ret(self, what: str) -> object:  # noqa: N802
        return {"empty": (), "dict": {"a": 1}}[what]


@pytest.mark.parametrize(
    ("what", "description"),
    [
        ("empty", "Unexpected Python Error: IndexError: tuple index out of range\n"),
        ("dict", "Unexpected Python Error: TypeError: must be real number, not dict\n"),
    ],
)
def test_a_result_no_variant_holds_is_described_without_a_traceback(
    what: str, description: str
) -> None:
    error = com_error_of(win32com.client.Dispatch(wrap(Results())).Ret, what)
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo == (
        0,
        "Python COM Server Internal Error",
        description,
        None,
        0,
        winerror.E_FAIL,
    )


# --- a client's _NewEnum ------------------------------------------------------------------------


class Letters:
    _public_methods_ = ["Item", "_NewEnum"]

    def Item(self, index: int) -> str:  # noqa: N802
        return "abc"[index]

    def _NewEnum(self) -> Any:  # noqa: N802
        from win32com.server.util import NewEnum

        return NewEnum(["a", "b", "c"])


def test_a_clients_new_enum_is_an_enum_variant_with_pywin32s_methods() -> None:
    import win32com.client.util

    enum = win32com.client.Dispatch(wrap(Letters()))._NewEnum()
    assert type(enum) is win32com.client.util.EnumVARIANT
    assert enum.Next(2) == ("a", "b")
    assert enum.Next(5) == ("c",)
    enum.Reset()
    enum._oleobj_.Skip(1)  # the PyIEnumVARIANT it wraps
    assert enum.Next(1) == ("b",)
    assert type(enum.Clone()) is win32com.client.util.EnumVARIANT
    # indexes count their own steps: after Next, [0] still reads on from where Next stopped
    assert (enum[0], enum(2), enum[0]) == ("c", "c", "a")
    assert win32com.client.Dispatch(wrap(Typed()))._NewEnum() is None


# --- property puts ------------------------------------------------------------------------------


def test_a_put_the_type_information_describes_lets_the_objects_error_through() -> None:
    dictionary = win32com.client.dynamic.Dispatch("Scripting.Dictionary")
    dictionary.Add("a", 1)
    error = com_error_of(setattr, dictionary, "CompareMode", 1)  # not while it holds items
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[5] == -2146828283  # CTL_E_ILLEGALFUNCTIONCALL (VB error 5)
    regexp = win32com.client.dynamic.Dispatch("VBScript.RegExp")
    assert com_error_of(setattr, regexp, "Global", "yes").hresult == winerror.DISP_E_TYPEMISMATCH


def test_a_put_without_a_described_property_can_not_be_set() -> None:
    dictionary = win32com.client.dynamic.Dispatch("Scripting.Dictionary")
    with pytest.raises(AttributeError, match=r"Property 'Scripting.Dictionary.Count' can not"):
        dictionary.Count = 1  # a get only
    with pytest.raises(AttributeError, match=r"Property 'Scripting.Dictionary.Item' can not"):
        dictionary.Item = 1  # a put of a key and a value: no attribute
    regexp = win32com.client.dynamic.Dispatch("VBScript.RegExp")
    with pytest.raises(AttributeError, match="can not be set"):
        regexp.Execute = 1  # a method
    with pytest.raises(AttributeError, match=r"Property '<unknown>.Mismatch' can not be set"):
        win32com.client.Dispatch(wrap(Typed())).Mismatch = 1


FSO = "Scripting.FileSystemObject"
FROM_1_TO = "from 1 to {} positional arguments"


@pytest.mark.parametrize(
    ("progid", "method", "args", "takes"),
    [
        (FSO, "BuildPath", ("a", "b", "c"), FROM_1_TO.format(3)),
        (FSO, "GetTempName", (1,), "1 positional argument"),
        ("VBScript.RegExp", "Test", ("a", "b"), FROM_1_TO.format(2)),
        ("Scripting.Dictionary", "Item", ("a", "b"), FROM_1_TO.format(2)),
    ],
)
def test_a_dynamic_method_takes_no_more_arguments_than_its_declared_parameters(
    progid: str, method: str, args: tuple[object, ...], takes: str
) -> None:
    client = win32com.client.dynamic.Dispatch(progid)
    given = len(args) + 1  # with self, as pywin32's method built from the type information
    with pytest.raises(TypeError, match=f"^{method}\\(\\) takes {takes} but {given} were given$"):
        getattr(client, method)(*args)


def test_a_class_moniker_of_an_unknown_class_is_regdb_e_classnotreg() -> None:
    unknown = "clsid:00000000-1111-2222-3333-444444444444"
    error = com_error_of(win32com.client.GetObject, unknown)
    assert error.hresult == winerror.REGDB_E_CLASSNOTREG
