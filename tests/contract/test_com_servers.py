"""Contract: Python COM servers: wrapping, policies, QueryInterface, IDispatchEx, errors.

semantics.md §8.2-§8.3, §9.7; pywin32's errorSemantics.py and policySemantics.py.
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import pywintypes
import win32com.client
import win32com.client.dynamic
import win32com.server.dispatcher
import win32com.server.util
import winerror
from win32com.server.policy import DesignatedWrapPolicy, DynamicPolicy
from win32com.server.util import unwrap, wrap

from ._com import IID_EVENTS, Echo, Stream, com_error_of

INTERNAL = "Python COM Server Internal Error"


# --- errors: through IDispatch, and through another interface ---------------------------


def test_a_python_error_is_disp_e_exception_with_the_traceback_through_idispatch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = com_error_of(win32com.client.Dispatch(wrap(Echo())).Fail, 0)
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[1] == INTERNAL
    assert error.excepinfo[2].startswith("Unexpected Python Error: Traceback")
    assert error.excepinfo[2].endswith("ValueError: boom\n")
    assert error.excepinfo[5] == winerror.E_FAIL
    assert "Traceback" in capsys.readouterr().err  # told on stderr too


def test_a_com_exception_is_disp_e_exception_carrying_its_scode_through_idispatch() -> None:
    error = com_error_of(win32com.client.Dispatch(wrap(Echo())).Fail, 1)
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo == (0, "src", "described", None, 0, winerror.E_UNEXPECTED)


def test_a_disp_e_scode_comes_bare_through_idispatch() -> None:
    error = com_error_of(win32com.client.Dispatch(wrap(Echo())).Fail, 2)
    assert (error.hresult, error.excepinfo) == (winerror.DISP_E_TYPEMISMATCH, None)


def test_a_raised_com_error_gives_its_excepinfo_through_idispatch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = com_error_of(win32com.client.Dispatch(wrap(Echo())).Fail, 3)
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[1:] == ("source", "text", "helpfile", 1, winerror.E_FAIL)
    assert "Traceback" in capsys.readouterr().err  # unexpected: not a COMException


def test_through_another_interface_the_scode_is_the_hresult() -> None:
    stream = wrap(Stream(), pythoncom.IID_IStream)
    error = com_error_of(stream.Clone)
    assert error.hresult == winerror.E_UNEXPECTED
    assert error.excepinfo[2] == "Not today"
    assert error.excepinfo[5] == winerror.E_UNEXPECTED


def test_through_another_interface_a_python_error_is_e_fail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    error = com_error_of(wrap(Stream(), pythoncom.IID_IStream).Commit, 0)
    assert error.hresult == winerror.E_FAIL
    assert error.excepinfo[1] == INTERNAL
    err = capsys.readouterr().err
    assert "Unexpected exception in gateway method 'Commit'" in err
    assert "Traceback" in err


def test_a_wrapped_stream_reads_through_its_server() -> None:
    server = Stream()
    server.data = b"abcdef"
    assert wrap(server, pythoncom.IID_IStream).Read(3) == b"abc"


# --- wrap, WrapObject, policies ------------------------------------------------------------


def test_wrap_gives_a_pyidispatch_and_unwrap_the_object() -> None:
    server = Echo()
    pointer = wrap(server)
    assert type(pointer).__name__ == "PyIDispatch"
    assert unwrap(pointer) is server
    with pytest.raises(ValueError, match="not a COM object"):  # a client is no pointer
        unwrap(win32com.client.Dispatch(pointer))


def test_dispatch_of_a_wrapped_object_has_a_pyidispatch_that_names_members() -> None:
    client = win32com.client.Dispatch(wrap(Echo()))
    assert type(client._oleobj_).__name__ == "PyIDispatch"
    assert client._oleobj_.GetIDsOfNames("Echo") == client._oleobj_.GetIDsOfNames(0, "echo")


def test_wrap_object_uses_a_given_policy_as_it_is() -> None:
    server = Echo()
    pointer = pythoncom.WrapObject(DesignatedWrapPolicy(server))
    assert win32com.client.Dispatch(pointer).Echo(5) == 5
    assert isinstance(pythoncom.UnwrapObject(pointer), DesignatedWrapPolicy)
    assert unwrap(pointer) is server


class _CountingPolicy(DesignatedWrapPolicy):  # type: ignore[misc]
    """Overrides one link of pywin32's invoke chain: every call must pass through it."""

    def _invoke_(self, dispid: Any, lcid: int, wFlags: int, args: Any) -> Any:  # noqa: N803
        self.seen.append(dispid)
        return DesignatedWrapPolicy._invoke_(self, dispid, lcid, wFlags, args)


class _OwnInvoke:
    """An object answering _invokeex_ itself, as pywin32 lets it (the policy defers to it)."""

    _public_methods_ = ("Echo",)

    def __init__(self) -> None:
        self.seen: list[Any] = []

    def Echo(self, value: Any) -> Any:  # noqa: N802
        return value

    def _invokeex_(self, dispid: Any, lcid: int, wFlags: int, args: Any, kw: Any, sp: Any) -> Any:  # noqa: N803
        self.seen.append(dispid)
        return f"answered {args[0]}"


def test_an_override_of_the_invoke_chain_sees_every_call() -> None:
    policy = _CountingPolicy(Echo())
    policy.seen = []
    client = win32com.client.Dispatch(pythoncom.WrapObject(policy))
    assert client.Echo(5) == 5
    before = len(policy.seen)
    assert client.Echo(6) == 6
    assert len(policy.seen) == before + 1


def test_an_object_answering_invokeex_itself_answers_every_call() -> None:
    server = _OwnInvoke()
    pointer = wrap(server)
    dispid = pointer.GetIDsOfNames("Echo")
    answer = pointer.Invoke(dispid, 0, pythoncom.DISPATCH_METHOD, True, 5)
    assert answer == "answered 5"
    assert server.seen == [dispid]


def test_wrap_object_with_an_interface_iid_gives_that_interface() -> None:
    policy = DesignatedWrapPolicy(Stream())
    stream = pythoncom.WrapObject(policy, pythoncom.IID_IDispatch, pythoncom.IID_IStream)
    assert type(stream).__name__ == "PyIStream"


@pytest.mark.parametrize("obj", [object(), 5], ids=repr)
def test_an_object_without_public_methods_cannot_be_wrapped(obj: Any) -> None:
    with pytest.raises(ValueError, match="DesignatedWrapPolicy"):
        wrap(obj)


def test_the_dynamic_policy_needs_a_dynamic_method() -> None:
    with pytest.raises(ValueError, match="Dynamic"):
        wrap(Echo(), usePolicy=DynamicPolicy)


class Permissive:
    def _dynamic_(self, name: str, lcid: int, flags: int, args: tuple[Any, ...]) -> Any:
        if flags & pythoncom.DISPATCH_METHOD:
            return [name, *args]
        if flags & pythoncom.DISPATCH_PROPERTYGET:
            value = self.__dict__.get(name.lower(), "unset")
            return list(value) if name.startswith("List") else value
        self.__dict__[name.lower()] = args[0]
        return None


def test_the_dynamic_policy_answers_any_name() -> None:
    client = win32com.client.dynamic.Dispatch(wrap(Permissive(), usePolicy=DynamicPolicy))
    client.ListOfThings = [1, "two"]
    assert client.ListOfThings == (1, "two")  # a list crossed COM: a tuple, given back listed
    client.Things = [1, "two"]
    assert client.Things == 1  # a tuple returned is (result, by-ref values...): its first
    client._FlagAsMethod("Call")
    assert client.Call(1, 2) == ("Call", 1, 2)
    assert client._oleobj_.GetIDsOfNames("New") == client._oleobj_.GetIDsOfNames("NEW")


def test_dynamic_dispids_start_after_1000() -> None:
    pointer = wrap(Permissive(), usePolicy=DynamicPolicy)
    assert pointer.GetIDsOfNames("a") == 1001
    assert pointer.GetIDsOfNames("b") == 1002


# --- QueryInterface --------------------------------------------------------------------


def test_query_interface_gives_the_types_of_the_interfaces() -> None:
    pointer = wrap(Stream())
    assert type(pointer.QueryInterface(pythoncom.IID_IUnknown)).__name__ == "PyIUnknown"
    assert type(pointer.QueryInterface(pythoncom.IID_IDispatchEx)).__name__ == "PyIDispatchEx"
    assert type(pointer.QueryInterface(pythoncom.IID_IStream)).__name__ == "PyIStream"
    as_text = pointer.QueryInterface("{00020400-0000-0000-c000-000000000046}")
    assert type(as_text).__name__ == "PyIDispatch"


def test_pointers_to_one_object_are_equal_whatever_the_interface() -> None:
    pointer = wrap(Stream())
    assert pointer.QueryInterface(pythoncom.IID_IUnknown) == pointer
    assert pointer.QueryInterface(pythoncom.IID_IStream) == pointer
    assert wrap(Stream()) != pointer


@pytest.mark.parametrize(
    "iid", [pythoncom.IID_IEnumVARIANT, IID_EVENTS, pythoncom.IID_IPropertyBag], ids=str
)
def test_an_interface_the_object_lacks_is_e_nointerface(iid: Any) -> None:
    error = com_error_of(wrap(Stream()).QueryInterface, iid)
    assert error.hresult == winerror.E_NOINTERFACE


@pytest.mark.parametrize("iid", [5, None, 1.5, b"x"], ids=repr)
def test_query_interface_of_something_not_an_iid_is_type_error(iid: Any) -> None:
    with pytest.raises(TypeError):
        wrap(Echo()).QueryInterface(iid)


def test_query_interface_of_a_malformed_iid_is_co_e_classstring() -> None:
    assert com_error_of(wrap(Echo()).QueryInterface, "nope").hresult == winerror.CO_E_CLASSSTRING


class Delegating:
    _public_methods_ = ["Who"]

    def __init__(self) -> None:
        self.asked: list[Any] = []

    def _query_interface_(self, iid: Any) -> Any:
        self.asked.append(iid)
        if iid == IID_EVENTS:
            return wrap(self)
        return iid == pythoncom.IID_IStream

    def Who(self) -> str:  # noqa: N802
        return "delegate"


def test_query_interface_asks_the_object_and_gets_an_iid() -> None:
    server = Delegating()
    assert type(wrap(server).QueryInterface(pythoncom.IID_IStream)).__name__ == "PyIStream"
    assert isinstance(server.asked[0], pywintypes.IIDType)
    assert server.asked[0] == pythoncom.IID_IStream


def test_an_interface_the_object_stands_in_for_needs_a_type_to_be_used_as() -> None:
    pointer = wrap(Delegating())
    with pytest.raises(TypeError, match="no interface object registered"):
        pointer.QueryInterface(IID_EVENTS)
    found = pointer.QueryInterface(IID_EVENTS, pythoncom.IID_IDispatch)
    assert win32com.client.Dispatch(found).Who() == "delegate"


# --- IDispatchEx ---------------------------------------------------------------------------


class Semantic:
    _public_methods_ = ["In"]
    _public_attrs_ = ["attr"]
    _dispid_to_func_ = {10: "Add", 11: "Remove"}
    attr = 1

    def _NewEnum(self) -> Any:  # noqa: N802
        return win32com.server.util.NewEnum([])

    def _value_(self) -> list[int]:
        return [1, 2]

    def _Evaluate(self) -> int:  # noqa: N802
        return 6

    def In(self, value: int) -> bool:  # noqa: N802
        return value == 1

    def Add(self, value: int) -> None:  # noqa: N802
        pass

    def Remove(self, value: int) -> None:  # noqa: N802
        pass


def dispex() -> Any:
    return wrap(Semantic()).QueryInterface(pythoncom.IID_IDispatchEx)


def test_dispex_looks_names_up_one_by_one() -> None:
    pointer = dispex()
    assert pointer.GetDispID("add", 0) == 10
    assert pointer.GetDispID("attr", 0) == 1000
    assert pointer.GetDispID("In", 0) == 1001
    assert pointer.GetDispID("_NewEnum", 0) == pythoncom.DISPID_NEWENUM
    error = com_error_of(pointer.GetDispID, "zz", 0)
    assert error.hresult == winerror.DISP_E_UNKNOWNNAME


def test_dispex_enumerates_dispids_and_ends_with_s_false() -> None:
    pointer = dispex()
    found, dispid = [], pythoncom.DISPID_STARTENUM
    for _ in range(6):
        dispid = pointer.GetNextDispID(0, dispid)
        found.append(dispid)
    assert found == [-5, -4, 10, 11, 1000, 1001]
    assert com_error_of(pointer.GetNextDispID, 0, dispid).hresult == winerror.S_FALSE  # the end
    assert com_error_of(pointer.GetNextDispID, 0, 555).hresult == winerror.E_UNEXPECTED


def test_dispex_names_members_and_invokes() -> None:
    pointer = dispex()
    assert (pointer.GetMemberName(10), pointer.GetMemberName(1000)) == ("Add", "attr")
    assert com_error_of(pointer.GetMemberName, 99).hresult == winerror.DISP_E_MEMBERNOTFOUND
    assert pointer.InvokeEx(pythoncom.DISPID_EVALUATE, 0, pythoncom.DISPATCH_METHOD, ()) == 6
    assert pointer.InvokeEx(1001, 0, pythoncom.DISPATCH_METHOD, (1,)) is True


def test_invoke_gets_the_value_and_evaluate() -> None:
    pointer = dispex()
    method_or_get = pythoncom.DISPATCH_METHOD | pythoncom.DISPATCH_PROPERTYGET
    assert pointer.Invoke(pythoncom.DISPID_VALUE, 0, pythoncom.DISPATCH_PROPERTYGET, 1) == (1, 2)
    assert pointer.Invoke(pythoncom.DISPID_VALUE, 0, pythoncom.DISPATCH_PROPERTYGET, 0) is None
    assert pointer.Invoke(pythoncom.DISPID_EVALUATE, 0, method_or_get, 1) == 6


def test_invoke_errors() -> None:
    pointer = dispex()
    error = com_error_of(pointer.Invoke, 12345, 0, pythoncom.DISPATCH_METHOD, 1)
    assert (error.hresult, error.excepinfo) == (winerror.DISP_E_MEMBERNOTFOUND, None)
    error = com_error_of(pointer.Invoke, 1001, 0, 0, 1, 2)
    assert error.hresult == winerror.DISP_E_EXCEPTION
    assert error.excepinfo[2:] == ("invalid wFlags", None, 0, winerror.E_INVALIDARG)
    with pytest.raises(TypeError):
        pointer.Invoke("In", 0, pythoncom.DISPATCH_METHOD, 1, 2)
    with pytest.raises(TypeError):
        pointer.GetIDsOfNames(("In",))


# --- dispatchers ---------------------------------------------------------------------------


def test_the_trace_dispatcher_prints_each_call(capsys: pytest.CaptureFixture[str]) -> None:
    pointer = wrap(Echo(), useDispatcher=win32com.server.dispatcher.DispatcherTrace)
    client = win32com.client.Dispatch(pointer)
    capsys.readouterr()
    assert client.Echo(5) == 5
    out, err = capsys.readouterr()
    assert out == (
        "in _GetIDsOfNames_ with '('Echo',)' and '0'\n\n"
        "in _Invoke_ with 1001 0 2 ()\n"  # a property get first: it is a method
        "in _Invoke_ with 1001 0 1 (5,)\n"
    )
    assert "Traceback" in err  # pywin32's dispatcher prints even a COMException's traceback
    assert pointer.QueryInterface(pythoncom.IID_IDispatchEx).GetDispID("echo", 0) == 1001
    assert capsys.readouterr().out == "in _GetDispID_ with echo 0\n"


def test_the_trace_dispatcher_names_an_interface_it_lacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pointer = wrap(Echo(), useDispatcher=win32com.server.dispatcher.DispatcherTrace)
    assert com_error_of(pointer.QueryInterface, pythoncom.IID_IStream).hresult == (
        winerror.E_NOINTERFACE
    )
    out = capsys.readouterr().out
    assert "._QueryInterface_ with unsupported IID b'IStream' ({0000000C-" in out


def test_an_object_behind_a_dispatcher_unwraps() -> None:
    server = Echo()
    pointer = wrap(server, useDispatcher=win32com.server.dispatcher.DispatcherTrace)
    assert isinstance(pythoncom.UnwrapObject(pointer), win32com.server.dispatcher.DispatcherBase)
    assert unwrap(pointer) is server
