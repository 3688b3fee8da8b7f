"""Contract: rules that session 25's small pywin32 programs by others found (tests/realcode).

Found by running them on the facade and on the real pywin32 (build 312, under Wine): a Python
server handing out a ``NewCollection`` whose ``Count`` is shown unbound
(tests/realcode/com_collection_enum.py); optional arguments passed as pythoncom.Empty and
Missing (missing_and_byref_args.py); a server firing events through
``win32com.server.connect.ConnectableServer`` (progress_event_sinks.py); flag arithmetic that
probes ``win32con`` for ``INFINITE`` (constant_arithmetic.py); ids kept as dict keys and
compared with their strings (guid_registry_of_ids.py).
"""

import pytest
import pythoncom
import pywintypes
import win32com.client
import win32com.server.connect
import win32com.server.util
import win32con
import winerror

IID_EVENTS = pywintypes.IID("{6C1C5E3A-2B7F-4C47-9D0E-5A1B2C3D4E5F}")


class _Inner:
    _public_methods_ = ["Count"]

    def Count(self) -> int:  # noqa: N802 - a COM method name
        return 1


class _Outer:
    _public_methods_ = ["Make"]
    _public_attrs_ = ["Prop"]

    def __init__(self) -> None:
        self.Prop = win32com.server.util.wrap(_Inner())

    def Make(self) -> object:  # noqa: N802
        return win32com.server.util.wrap(_Inner())


def test_a_late_bound_method_is_shown_as_a_bound_method_of_its_object() -> None:
    client = win32com.client.Dispatch(win32com.server.util.wrap(_Inner()), "Named")
    assert repr(client.Count) == "<bound method Count of <COMObject Named>>"
    assert client.Count() == 1


def test_objects_a_late_bound_call_returns_are_named_unknown() -> None:
    """pywin32's dynamic client names no single object result, of a method or a property."""
    client = win32com.client.Dispatch(win32com.server.util.wrap(_Outer()), "Named")
    assert repr(client) == "<COMObject Named>"
    assert repr(client.Make()) == "<COMObject <unknown>>"
    assert repr(client.Prop) == "<COMObject <unknown>>"
    assert repr(client.Make().Count) == "<bound method Count of <COMObject <unknown>>>"


def test_win32con_has_no_infinite() -> None:
    """INFINITE is win32event's (and win32api's callers spell it 0xFFFFFFFF), not win32con's."""
    assert getattr(win32con, "INFINITE", None) is None


def test_an_iid_equals_iids_only_never_its_string() -> None:
    iid = pythoncom.CreateGuid()
    text = str(iid)
    assert iid == pywintypes.IID(text.lower())
    assert hash(iid) == hash(pywintypes.IID(text))
    assert iid != text
    assert not iid == text  # noqa: SIM201 - the == operator is the rule
    assert {iid: 1}.get(text) is None


class _Server(win32com.server.connect.ConnectableServer):  # type: ignore[misc]
    _connect_interfaces_ = [IID_EVENTS]


def test_connectable_server_does_not_answer_get_connection_interface() -> None:
    """pywin32's base raises COMException(E_NOTIMPL): the code becomes the description, E_FAIL."""
    server = win32com.client.Dispatch(win32com.server.util.wrap(_Server()))
    container = server._oleobj_.QueryInterface(pythoncom.IID_IConnectionPointContainer)
    point = container.FindConnectionPoint(IID_EVENTS)
    with pytest.raises(pythoncom.com_error) as caught:
        point.GetConnectionInterface()
    assert caught.value.hresult == winerror.E_FAIL
    assert caught.value.excepinfo == (0, None, "<Bad String Object>", None, 0, winerror.E_FAIL)


def test_the_argument_sentinels_have_pywin32s_type_names() -> None:
    names = {
        "Empty": "PyOleEmpty",
        "Missing": "PyOleMissing",
        "ArgNotFound": "ArgNotFound",
        "Nothing": "PyOleNothing",
    }
    for attribute, type_name in names.items():
        sentinel = getattr(pythoncom, attribute)
        assert type(sentinel).__name__ == type_name
        assert bool(sentinel)
    assert type(pythoncom.Empty) is not type(pythoncom.Missing)
