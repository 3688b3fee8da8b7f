"""Contract: connection points (events), property bags, error logs and IPersist*.

pywin32's demos connect.py and trybag.py: win32com.server.connect.ConnectableServer,
win32com.client.connect.SimpleConnection, PyIConnectionPoint(Container), PyIPropertyBag,
PyIErrorLog, PyIPersistPropertyBag.
"""

from __future__ import annotations

from typing import Any

import pytest
import pythoncom
import win32com.client
import win32com.client.connect
import win32com.server.connect
import winerror
from win32com.server.exception import COMException
from win32com.server.util import wrap

from ._com import IID_EVENTS, Echo, com_error_of

CONNECT_E_NOCONNECTION = -2147220992


class Server(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    _public_methods_ = ["DoIt", *win32com.server.connect.ConnectableServer._public_methods_]
    _connect_interfaces_ = [IID_EVENTS]

    def DoIt(self, arg: Any) -> None:  # noqa: N802
        self._BroadcastNotify(self.NotifyDoneIt, (arg,))

    def NotifyDoneIt(self, interface: Any, arg: Any) -> None:  # noqa: N802
        interface.Invoke(1000, 0, pythoncom.DISPATCH_METHOD, 1, arg)


class Sink:
    _public_methods_ = ["OnDoneIt"]
    CLSID = IID_EVENTS

    def __init__(self) -> None:
        self.got: list[Any] = []

    def _query_interface_(self, iid: Any) -> Any:
        if iid == IID_EVENTS:
            return wrap(self)
        return None

    def OnDoneIt(self, arg: Any) -> None:  # noqa: N802
        self.got.append(arg)
        if arg == "fail":
            raise COMException(scode=winerror.E_FAIL)


def test_a_simple_connection_receives_the_events() -> None:
    server = win32com.client.Dispatch(wrap(Server()))
    sink = Sink()
    connection = win32com.client.connect.SimpleConnection()
    connection.Connect(server, sink, IID_EVENTS)
    assert isinstance(connection.cookie, int)
    assert type(connection.cp).__name__ == "PyIConnectionPoint"
    for value in ("Hello", b"null>\x00<", "test-\xe0\xf2", [1, 2]):
        server.DoIt(value)
    assert sink.got == ["Hello", b"null>\x00<", "test-\xe0\xf2", (1, 2)]
    connection.Disconnect()
    server.DoIt("after")
    assert sink.got[-1] == (1, 2)
    connection.Disconnect()  # twice: nothing happens


def test_a_simple_connection_takes_the_events_iid_from_the_sink() -> None:
    server = win32com.client.Dispatch(wrap(Server()))
    sink = Sink()
    connection = win32com.client.connect.SimpleConnection(server, sink)
    server.DoIt(1)
    assert sink.got == [1]
    connection.Disconnect()
    with pytest.raises(AttributeError):
        win32com.client.connect.SimpleConnection(server, Echo())


def test_a_sink_that_fails_is_told_and_the_server_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = win32com.client.Dispatch(wrap(Server()))
    first, second = Sink(), Sink()
    connections = [
        win32com.client.connect.SimpleConnection(server, sink, IID_EVENTS)
        for sink in (first, second)
    ]
    server.DoIt("fail")
    assert first.got == second.got == ["fail"]
    assert "Ignoring COM error to connection" in capsys.readouterr().out
    for connection in connections:
        connection.Disconnect()


def test_the_connection_point_interfaces() -> None:
    pointer = wrap(Server())
    container = pointer.QueryInterface(pythoncom.IID_IConnectionPointContainer)
    assert type(container).__name__ == "PyIConnectionPointContainer"
    point = container.FindConnectionPoint(IID_EVENTS)
    assert type(point).__name__ == "PyIConnectionPoint"
    assert type(container.FindConnectionPoint(str(IID_EVENTS))).__name__ == "PyIConnectionPoint"
    back = point.GetConnectionPointContainer()
    assert type(back).__name__ == "PyIConnectionPointContainer"
    cookie = point.Advise(wrap(Sink()))
    assert point.Unadvise(cookie) is None


def test_connection_point_errors() -> None:
    pointer = wrap(Server())
    container = pointer.QueryInterface(pythoncom.IID_IConnectionPointContainer)
    error = com_error_of(container.FindConnectionPoint, pythoncom.IID_IStream)
    assert error.hresult == CONNECT_E_NOCONNECTION
    assert com_error_of(container.EnumConnectionPoints).hresult == winerror.E_NOTIMPL
    point = container.FindConnectionPoint(IID_EVENTS)
    assert com_error_of(point.EnumConnections).hresult == winerror.E_NOTIMPL
    error = com_error_of(point.Advise, wrap(Echo()))  # no events interface: no connection
    assert error.hresult == CONNECT_E_NOCONNECTION
    cookie = point.Advise(wrap(Sink()))
    point.Unadvise(cookie)
    assert com_error_of(point.Unadvise, cookie).hresult == winerror.E_UNEXPECTED  # revoked
    for bad in (Sink(), None):
        with pytest.raises(TypeError):
            point.Advise(bad)
    with pytest.raises(TypeError):
        point.Unadvise("x")
    with pytest.raises(TypeError):
        container.FindConnectionPoint(5)


def test_an_object_that_fires_no_events_has_no_container() -> None:
    error = com_error_of(wrap(Echo()).QueryInterface, pythoncom.IID_IConnectionPointContainer)
    assert error.hresult == winerror.E_NOINTERFACE
    connection = win32com.client.connect.SimpleConnection()
    error = com_error_of(
        connection.Connect, win32com.client.Dispatch(wrap(Echo())), Sink(), IID_EVENTS
    )
    assert error.hresult == winerror.E_NOINTERFACE


# --- property bags, error logs, IPersist* ------------------------------------------------


class Bag:
    _public_methods_ = ["Read", "Write"]
    _com_interfaces_ = [pythoncom.IID_IPropertyBag]

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.logs: list[Any] = []

    def Read(self, name: str, var_type: int, log: Any) -> Any:  # noqa: N802
        self.logs.append((var_type, type(log).__name__))
        if name not in self.data:
            if log is not None:
                info = (0, "Bag.Read", "no such item", None, 0, winerror.E_INVALIDARG)
                log.AddError(name, pythoncom.com_error(winerror.E_INVALIDARG, "x", info, None))
            raise COMException(scode=winerror.E_INVALIDARG)
        return self.data[name]

    def Write(self, name: str, value: Any) -> None:  # noqa: N802
        self.data[name] = value


class Log:
    _public_methods_ = ["AddError"]
    _com_interfaces_ = [pythoncom.IID_IErrorLog]

    def __init__(self) -> None:
        self.errors: list[Any] = []

    def AddError(self, name: str, info: Any) -> None:  # noqa: N802
        self.errors.append((name, info))


class Target:
    _public_methods_ = ["GetClassID", "InitNew", "Load", "Save"]
    _com_interfaces_ = [pythoncom.IID_IPersist, pythoncom.IID_IPersistPropertyBag]

    def __init__(self) -> None:
        self.loaded: list[Any] = []

    def GetClassID(self) -> Any:  # noqa: N802
        return pythoncom.IID_IDispatch

    def InitNew(self) -> None:  # noqa: N802
        self.loaded.append("new")

    def Load(self, bag: Any, log: Any) -> int:  # noqa: N802
        self.loaded.append((type(bag).__name__, type(log).__name__, bag.Read("a", 0, log)))
        try:
            bag.Read("missing", 0, log)
        except pythoncom.com_error as error:
            self.loaded.append(error.hresult)
        return 5

    def Save(self, bag: Any, clear_dirty: Any, save_all: Any) -> None:  # noqa: N802
        bag.Write("a", [1, "x"])


def test_a_property_bag_reads_and_writes_variants() -> None:
    server = Bag()
    bag = wrap(server, pythoncom.IID_IPropertyBag)
    assert type(bag).__name__ == "PyIPropertyBag"
    assert bag.Write("k", [1, 2]) is None
    assert server.data["k"] == (1, 2)
    assert bag.Read("k", pythoncom.VT_EMPTY) == (1, 2)
    assert bag.Read("k", pythoncom.VT_I4, None) == (1, 2)  # no coercion by the caller
    assert server.logs == [(0, "NoneType"), (3, "NoneType")]
    error = com_error_of(bag.Read, "zz", 0, None)
    assert error.hresult == winerror.E_INVALIDARG
    assert error.excepinfo[5] == winerror.E_INVALIDARG
    with pytest.raises(TypeError):
        bag.Write(5, 1)


def test_an_error_log_takes_com_errors_with_an_excepinfo() -> None:
    server = Log()
    log = wrap(server, pythoncom.IID_IErrorLog)
    info = (0, "src", "desc", None, 0, winerror.E_INVALIDARG)
    assert log.AddError("p", pythoncom.com_error(winerror.E_INVALIDARG, "x", info, None)) is None
    assert server.errors == [("p", info)]
    for bad in ((0, "a"), "x", info):
        with pytest.raises(TypeError, match="COM exception"):
            log.AddError("p", bad)
    six = pythoncom.com_error(0, "src", "desc", None, 0, 0x80070057)  # as trybag.py builds it
    with pytest.raises(TypeError, match="izzzii"):
        log.AddError("p", six)
    assert com_error_of(log.AddError, "p", None).hresult == winerror.E_POINTER


def test_persisting_to_a_property_bag() -> None:
    bag, log, target = Bag(), Log(), Target()
    com_bag = wrap(bag, pythoncom.IID_IPropertyBag)
    com_target = wrap(target, pythoncom.IID_IPersistPropertyBag)
    assert type(com_target).__name__ == "PyIPersistPropertyBag"
    assert com_target.Save(com_bag, 1, 1) is None
    assert bag.data == {"a": (1, "x")}
    assert com_target.InitNew() is None
    assert com_target.Load(com_bag, wrap(log, pythoncom.IID_IErrorLog)) is None
    assert target.loaded == [
        "new",
        ("PyIPropertyBag", "PyIErrorLog", (1, "x")),
        winerror.E_INVALIDARG,
    ]
    assert [name for name, _ in log.errors] == ["missing"]
    assert com_target.GetClassID() == pythoncom.IID_IDispatch
    persist = wrap(Target(), pythoncom.IID_IPersist)
    assert type(persist).__name__ == "PyIPersist"
    assert persist.GetClassID() == pythoncom.IID_IDispatch
    with pytest.raises(ValueError, match="not a COM object"):
        com_target.Load(Bag(), None)  # a Python object is no COM object
