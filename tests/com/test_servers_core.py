"""Python COM servers in the core: VARIANTs, policies, gateways, errors, the shipped servers.

semantics.md §8.3, §9.7; the facade's side is in tests/contract/test_com_*.py.
"""

from __future__ import annotations

import datetime
import decimal
import io
import threading
from typing import Any

import pytest

from apartment import com
from apartment.errors import (
    DISP_E_BADPARAMCOUNT,
    DISP_E_EXCEPTION,
    DISP_E_MEMBERNOTFOUND,
    DISP_E_TYPEMISMATCH,
    E_FAIL,
    E_NOINTERFACE,
    E_UNEXPECTED,
    ComError,
    NoInterfaceError,
)
from apartment.kernel import Event, start_thread

from ._helpers import StaThread, in_apartment

METHOD, GET, PUT = com.DISPATCH_METHOD, com.DISPATCH_PROPERTYGET, com.DISPATCH_PROPERTYPUT


class Echo:
    _public_methods_ = ["Echo", "Fail", "Where"]

    def Echo(self, value: Any) -> Any:  # noqa: N802
        return value

    def Fail(self) -> None:  # noqa: N802
        raise ValueError("boom")

    def Where(self) -> int:  # noqa: N802
        return threading.get_native_id()


# --- VARIANTs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ([1, [2, "x"]], (1, (2, "x"))),
        (range(2), (0, 1)),
        (2**64, float(2**64)),
        (True, True),
        (decimal.Decimal("2.5"), decimal.Decimal("2.5")),
    ],
    ids=repr,
)
def test_to_variant(value: object, expected: object) -> None:
    assert com.to_variant(value) == expected


def test_to_variant_of_bytes_is_a_writable_memoryview_of_a_copy() -> None:
    data = bytearray(b"ab")
    view = com.to_variant(data)
    assert isinstance(view, memoryview)
    assert not view.readonly
    data[0] = 0
    assert view.tobytes() == b"ab"


def test_to_variant_of_a_date_is_aware_utc_with_milliseconds() -> None:
    when = com.to_variant(datetime.datetime(2020, 1, 2, 3, 4, 5, 678901))
    assert when == datetime.datetime(2020, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("value", [{}, set(), 1j, object(), datetime.date(2020, 1, 1)], ids=repr)
def test_to_variant_refuses_what_is_no_variant(value: object) -> None:
    with pytest.raises(com.VariantTypeError):
        com.to_variant(value)


def test_a_tuple_result_is_its_first_item_and_extras_are_reported() -> None:
    told: list[int] = []

    class Reports(com.ServerReports):
        def extra_results(self, supplied: int, settable: int = 0) -> None:
            told.append(supplied)

    class Server:
        _public_methods_ = ["Two", "Empty"]

        def Two(self) -> tuple[int, int]:  # noqa: N802
            return (1, 2)

        def Empty(self) -> tuple[()]:  # noqa: N802
            return ()

    def body() -> tuple[Any, int]:
        pointer = com.wrap(Server())
        first = pointer.invoke("Two", METHOD)
        with pytest.raises(ComError) as caught:
            pointer.invoke("Empty", METHOD)
        return first, caught.value.hresult

    previous = com.set_server_reports(Reports())
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stderr", io.StringIO())  # the empty tuple's traceback
            assert in_apartment(body) == (1, DISP_E_EXCEPTION)
    finally:
        com.set_server_reports(previous)
    assert told == [2]


# --- policies and gateways -----------------------------------------------------------------


def test_wrap_uses_a_policy_object_as_it_is() -> None:
    class Answers(com.Policy):
        def get_ids_of_names(self, names: Any) -> list[int]:
            return [7]

        def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:
            return f"answered {dispid}"

    def body() -> tuple[Any, ...]:
        policy = Answers(None)
        pointer = com.wrap(policy)
        return pointer.ids_of_names("x"), pointer.invoke(3, METHOD), com.unwrap_policy(pointer)

    ids, answer, policy = in_apartment(body)
    assert (ids, answer) == ([7], "answered 3")
    assert isinstance(policy, Answers)


def test_the_dynamic_policy_names_members_as_they_are_asked_for() -> None:
    class Dynamic:
        def __init__(self) -> None:
            self.calls: list[Any] = []

        def _dynamic_(self, name: str, lcid: int, flags: int, args: tuple[Any, ...]) -> Any:
            self.calls.append((name, flags, args))
            return name

    def body() -> tuple[Any, ...]:
        server = Dynamic()
        client = com.DispatchClient(com.wrap(server, policy=com.DynamicPolicy))
        client.Colour = "red"
        value = client.Colour
        return value, server.calls

    value, calls = in_apartment(body)
    assert value == "Colour"
    assert calls == [("Colour", PUT, ("red",)), ("Colour", GET, ())]


def test_query_interface_rules() -> None:
    def body() -> tuple[Any, ...]:
        pointer = com.wrap(Echo())
        stream_error = None
        try:
            pointer.query_interface(com.IID_ISTREAM)
        except NoInterfaceError as error:
            stream_error = error.hresult
        unknown = pointer.query_interface(com.IID_IUNKNOWN)
        return stream_error, type(unknown), unknown == pointer

    stream_error, kind, same = in_apartment(body)
    assert stream_error == E_NOINTERFACE
    assert issubclass(kind, com.InterfacePointer)
    assert same


def test_a_python_error_is_reported_once_and_returned_as_disp_e_exception() -> None:
    told: list[tuple[str | None, str]] = []

    class Reports(com.ServerReports):
        def unexpected(self, method: str | None, error: BaseException) -> None:
            told.append((method, type(error).__name__))

    def body() -> ComError:
        with pytest.raises(ComError) as caught:
            com.wrap(Echo()).invoke("Fail", METHOD)
        return caught.value

    previous = com.set_server_reports(Reports())
    try:
        error = in_apartment(body)
    finally:
        com.set_server_reports(previous)
    assert error.hresult == DISP_E_EXCEPTION
    assert error.excepinfo is not None
    assert error.excepinfo[5] == E_FAIL
    assert told == [(None, "ValueError")]


def test_the_default_report_prints_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    def body() -> None:
        with pytest.raises(ComError):
            com.wrap(Echo()).invoke("Fail", METHOD)

    previous = com.set_server_reports(com.ServerReports())  # the core's, whatever a face set
    try:
        in_apartment(body)
    finally:
        com.set_server_reports(previous)
    err = capsys.readouterr().err
    assert "Unexpected Python exception invoking a COM method" in err
    assert "ValueError: boom" in err


def test_a_method_of_another_interface_returns_the_scode_itself() -> None:
    class Stream:
        _public_methods_ = ["Clone"]
        _com_interfaces_ = ["IStream"]

        def Clone(self) -> None:  # noqa: N802
            raise com.COMException("no", scode=E_UNEXPECTED)

    def body() -> ComError:
        stream = com.wrap(Stream(), com.IID_ISTREAM)
        assert isinstance(stream, com.StreamPointer)
        with pytest.raises(ComError) as caught:
            stream.clone()
        return caught.value

    error = in_apartment(body)
    assert error.hresult == E_UNEXPECTED
    assert error.excepinfo == (0, None, "no", None, 0, E_UNEXPECTED)


def test_a_pointer_used_from_another_apartment_is_wrong_thread_and_a_proxy_crosses() -> None:
    home = StaThread(lambda: com.marshal(com.wrap(Echo())))
    try:

        def body() -> tuple[int, int]:
            pointer = home.result.unmarshal()
            return pointer.invoke("Where", METHOD), threading.get_native_id()

        where, caller = in_apartment(body, True)
        assert where == home.thread.native_id != caller
    finally:
        home.stop()


# --- Neutral objects -----------------------------------------------------------------------


@com.threading_model("Neutral")
class NeutralEcho(Echo):
    pass


def test_a_neutral_object_runs_calls_on_the_calling_thread_without_its_creator_pumping() -> None:
    ready, gate = Event(manual_reset=True), Event(manual_reset=True)
    tokens: list[com.Token] = []

    def creator() -> None:
        tokens.append(com.marshal(com.create(NeutralEcho)))
        ready.set()
        gate.wait(30)  # an STA that does not pump while the others call

    def caller() -> tuple[int, int]:
        proxy = tokens[0].unmarshal()
        return proxy.Where(), threading.get_native_id()

    maker = start_thread(in_apartment, creator)
    try:
        assert ready.wait(30)
        where_sta, caller_sta = in_apartment(caller)
        where_mta, caller_mta = in_apartment(caller, True)
    finally:
        gate.set()
        assert maker.wait(30)
    assert where_sta == caller_sta
    assert where_mta == caller_mta


# --- the shipped servers ------------------------------------------------------------------


def test_the_interpreter_evaluates_and_executes_in_its_namespace() -> None:
    def body() -> tuple[Any, ...]:
        client = com.DispatchClient(com.wrap(com.Interpreter()))
        client.Exec("x = 20")
        with pytest.raises(ComError) as caught:
            client.Eval(2)
        return client.Eval("x + 1"), caught.value.hresult

    assert in_apartment(body) == (21, DISP_E_TYPEMISMATCH)


def test_the_dictionary_is_case_insensitive_and_enumerates_its_keys() -> None:
    def body() -> tuple[Any, ...]:
        client = com.DispatchClient(com.wrap(com.Dictionary()))
        client["Hello"] = "there"
        client["Gone"] = 1
        client["gone"] = None  # putting None deletes
        errors: list[object] = []
        for bad in ((), (1,)):
            try:
                client(*bad)
            except ComError as error:
                errors.append(error.hresult)
        try:
            client.Nope  # noqa: B018
        except AttributeError:
            errors.append("no Nope")
        return client("HELLO"), client("missing"), client.Count, list(client), errors

    value, missing, count, keys, errors = in_apartment(body)
    assert (value, missing, count, keys) == ("there", None, 1, ["hello"])
    assert errors == [DISP_E_BADPARAMCOUNT, DISP_E_TYPEMISMATCH, "no Nope"]


def test_the_dictionarys_count_cannot_be_called_as_a_method() -> None:
    def body() -> int:
        pointer = com.wrap(com.Dictionary())
        with pytest.raises(ComError) as caught:
            pointer.invoke(1, METHOD)
        return caught.value.hresult

    assert in_apartment(body) == DISP_E_MEMBERNOTFOUND
