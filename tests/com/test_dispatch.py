"""IDispatch: the DesignatedWrapPolicy, error mapping, the late-bound client (§8.3, §9.6-9.7)."""

from __future__ import annotations

import pytest

from apartment import com
from apartment.com import COMException, DispatchClient, DispatchPolicy
from apartment.errors import ComError

from ._helpers import StaThread, in_apartment

METHOD, GET, PUT = 1, 2, 4
DISP_E_MEMBERNOTFOUND = -2147352573
DISP_E_UNKNOWNNAME = -2147352570
DISP_E_EXCEPTION = -2147352567
E_FAIL = -2147467259
E_INVALIDARG = -2147024809


class Server:
    _public_methods_ = ["Add", "Fail", "Raise", "SetColour", "Colour", "SetShade"]
    _public_attrs_ = ["name", "colour", "size", "Shade"]
    _readonly_attrs_ = ["size"]

    def __init__(self) -> None:
        self.name = "server"
        self.colour = "red"
        self.size = 3
        self.set_calls: list[str] = []

    def Add(self, a: int, b: int) -> int:  # noqa: N802
        return a + b

    def Fail(self) -> None:  # noqa: N802
        raise ValueError("bad")

    def Raise(self, scode: int) -> None:  # noqa: N802
        raise COMException(description="described", scode=scode, source="src")

    def SetColour(self, value: str) -> None:  # noqa: N802
        self.set_calls.append(value)
        self.colour = value

    def Colour(self) -> str:  # noqa: N802
        return self.colour

    def Shade(self) -> str:  # noqa: N802
        return "dark"

    def SetShade(self, value: str) -> None:  # noqa: N802
        self.set_calls.append(value)


def test_dispids_attributes_first_then_methods_from_1000_and_shared_names() -> None:
    policy = DispatchPolicy(Server())
    ids = {name: policy.get_ids_of_names([name])[0] for name in ("name", "colour", "size")}
    assert ids == {"name": 1000, "colour": 1001, "size": 1002}
    assert policy.get_ids_of_names(["Add"]) == [1004]
    assert policy.get_ids_of_names(["COLOUR"]) == [1001]  # shared with the method, any case


def test_value_newenum_evaluate_have_reserved_dispids() -> None:
    class Special:
        _public_methods_: list[str] = []
        _value_ = 5

        def _NewEnum(self) -> None:  # noqa: N802
            return None

        def _Evaluate(self) -> None:  # noqa: N802
            return None

    policy = DispatchPolicy(Special())
    with pytest.raises(ComError) as caught:  # _value_ has a DISPID but no name, as in pywin32
        policy.get_ids_of_names(["_value_"])
    assert caught.value.hresult == DISP_E_UNKNOWNNAME
    assert policy.get_ids_of_names(["_NewEnum"]) == [-4]
    assert policy.get_ids_of_names(["_Evaluate"]) == [-5]
    assert policy.invoke(0, GET, ()) == 5


def test_an_object_without_public_methods_cannot_be_wrapped() -> None:
    with pytest.raises(ValueError, match="_public_methods_"):
        DispatchPolicy(object())


def test_unknown_names_are_disp_e_unknownname() -> None:
    policy = DispatchPolicy(Server())
    for names in (["nope"], ["Add", "named_arg"]):
        with pytest.raises(ComError) as caught:
            policy.get_ids_of_names(names)
        assert caught.value.hresult == DISP_E_UNKNOWNNAME


def test_invoke_rules() -> None:
    server = Server()
    policy = DispatchPolicy(server)
    add, name, size, colour, shade = 1004, 1000, 1002, 1001, 1003
    assert policy.invoke(add, METHOD, (2, 3)) == 5
    assert policy.invoke(name, GET, ()) == "server"
    assert policy.invoke(colour, METHOD | GET, ()) == "red"  # a method id: called
    policy.invoke(name, PUT, ("new",))
    assert server.name == "new"
    policy.invoke(colour, PUT, ("blue",))  # an attribute: set directly
    assert (server.colour, server.set_calls) == ("blue", [])
    policy.invoke(shade, PUT, ("light",))  # a method with a Set<name> method: the setter runs
    assert server.set_calls == ["light"]
    assert policy.invoke("add", METHOD, (1, 1)) == 2  # a string DISPID is a name
    for dispid, flags in ((add, GET), (size, PUT), (9999, METHOD), ("nope", METHOD)):
        with pytest.raises(ComError) as caught:
            policy.invoke(dispid, flags, (1,))
        assert caught.value.hresult == DISP_E_MEMBERNOTFOUND
    with pytest.raises(ComError) as caught:
        policy.invoke(add, 0, ())
    assert caught.value.hresult == E_INVALIDARG


def test_com_exception_defaults_follow_pywin32() -> None:
    assert COMException(scode=5).scode == -2147024891  # a Win32 error becomes its HRESULT
    assert COMException(scode=1).description == "S_FALSE"
    assert COMException(hresult=DISP_E_MEMBERNOTFOUND).description == "Member not found."
    assert COMException("text").args == (None, "text", None, -1)  # no scode: None (E_FAIL)


def test_server_errors_reach_the_client_as_pywin32_reports_them() -> None:
    def body() -> list[ComError]:
        pointer = com.wrap(Server())
        errors = []
        for args in ((1005,), (1006, DISP_E_MEMBERNOTFOUND), (1006, -2147467263)):
            try:
                pointer.invoke(args[0], METHOD, *args[1:])
            except ComError as error:
                errors.append(error)
        return errors

    python_error, dispatch_error, other_error = in_apartment(body)
    assert python_error.hresult == DISP_E_EXCEPTION
    assert python_error.excepinfo is not None
    assert python_error.excepinfo[1] == "Python COM Server Internal Error"
    assert str(python_error.excepinfo[2]).startswith("Unexpected Python Error: Traceback")
    assert python_error.excepinfo[5] == E_FAIL
    assert dispatch_error.hresult == DISP_E_MEMBERNOTFOUND  # a DISP_E scode comes directly
    assert other_error.hresult == DISP_E_EXCEPTION
    assert other_error.excepinfo == (0, "src", "described", None, 0, -2147467263)


def test_the_client_tells_methods_from_properties() -> None:
    def body() -> tuple[object, ...]:
        client = DispatchClient(com.wrap(Server()), "Test.Server")
        client.name = "renamed"
        with pytest.raises(AttributeError, match=r"Test\.Server\.missing"):
            client.missing  # noqa: B018
        with pytest.raises(AttributeError):
            client._private_  # noqa: B018
        return client.Add(4, 5), client.name, client.size, repr(client)

    assert in_apartment(body) == (9, "renamed", 3, "<COMObject Test.Server>")


def test_a_client_through_a_proxy_runs_the_server_in_its_apartment() -> None:
    import threading

    class Where:
        _public_methods_ = ["Thread"]

        def Thread(self) -> int:  # noqa: N802
            return threading.get_native_id()

    home = StaThread(lambda: com.marshal(com.wrap(Where())))
    try:
        result = in_apartment(lambda: DispatchClient(home.result.unmarshal()).Thread())
        assert result == home.thread.native_id
    finally:
        home.stop()


def test_wrap_and_unwrap() -> None:
    def body() -> bool:
        server = Server()
        return com.unwrap(com.wrap(server)) is server

    assert in_apartment(body)


def test_a_client_keeps_each_method_it_found_as_pywin32_does() -> None:
    import gc
    import weakref

    class Counting(DispatchPolicy):
        lookups = 0

        def get_ids_of_names(self, names: object) -> list[int]:
            Counting.lookups += 1
            return super().get_ids_of_names(names)  # type: ignore[arg-type]

    def body() -> tuple[bool, int, int, bool]:
        client = DispatchClient(com.wrap(Server(), policy=Counting), "Test.Server")
        method = client.Add
        first = Counting.lookups
        same = client.Add is method and method(1, 2) == client.Add(3, 4) - 4
        after = Counting.lookups
        with pytest.raises(AttributeError, match="can not be set"):
            client.Add = 5  # still a put of the member, which fails: no local attribute
        alive = weakref.ref(client)
        gc.disable()
        try:
            del client, method  # the kept method does not hold its client (no cycle)
            released = alive() is None
        finally:
            gc.enable()
        return same, first, after, released

    same, first, after, released = in_apartment(body)
    assert same
    assert after == first  # no GetIDsOfNames for the kept method
    assert released


def test_a_clients_hooks_see_every_value_but_plain_ones() -> None:
    seen: list[object] = []

    class Watching(DispatchClient):
        @staticmethod
        def _argument(value: object) -> object:
            seen.append(value)
            return DispatchClient._argument(value)

        @classmethod
        def _result(cls, value: object, name: str | None = None) -> object:
            seen.append(("result", value))
            return super()._result(value, name)

    class Echo:
        _public_methods_ = ["Echo", "One"]

        def Echo(self, *values: object) -> object:  # noqa: N802
            return list(values)

        def One(self, value: object) -> object:  # noqa: N802
            return value

    def body() -> tuple[object, object, object]:
        client = Watching(com.wrap(Echo()), "Echo")
        return client.Echo(1, "a", 2.5, None, True), client.Echo([1, 2]), client.One(7)

    plain, other, seven = in_apartment(body)
    assert (plain, other, seven) == ((1, "a", 2.5, None, True), ((1, 2),), 7)
    arguments = [value for value in seen if not (type(value) is tuple and value[0] == "result")]
    assert arguments == [[1, 2]]  # plain arguments never reach the hook
    assert ("result", plain) in seen
    assert ("result", other) in seen
    assert ("result", 7) not in seen  # nor a plain result
