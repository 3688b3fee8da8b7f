"""Contract: the pythoncom names session 25 added, as pywin32 312 gives them: the sentinels'
type names, TYPEATTR/FUNCDESC/VARDESC records, GetRecordFromTypeInfo, UnRegisterTypeLib,
ObjectFromAddress, ObjectFromLresult, OleLoad's argument checks, RegisterDragDrop,
RevokeDragDrop, DoDragDrop and CoSetCancelObject."""

from __future__ import annotations

import gc
import threading
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32con
import win32gui
import winerror
from win32com.server.util import wrap

from ._com import com_error_of
from ._wine import ON_THE_ORACLE, wine_differs

IID_IDropTarget = pywintypes.IID("{00000122-0000-0000-C000-000000000046}")
IID_IDropSource = pywintypes.IID("{00000121-0000-0000-C000-000000000046}")
LIBID = "{00000000-1111-2222-3333-444444444444}"


def test_each_sentinel_has_its_own_type() -> None:
    assert type(pythoncom.Empty).__name__ == "PyOleEmpty"
    assert type(pythoncom.Missing).__name__ == "PyOleMissing"
    assert type(pythoncom.ArgNotFound).__name__ == "ArgNotFound"
    assert type(pythoncom.Nothing).__name__ == "PyOleNothing"


@pytest.mark.parametrize(
    ("make", "name", "order"),
    [
        (pythoncom.TYPEATTR, "PyTYPEATTR", [
            "iid", "lcid", "memidConstructor", "memidDestructor", "cbSizeInstance", "typekind",
            "cFuncs", "cVars", "cImplTypes", "cbSizeVft", "cbAlignment", "wTypeFlags",
            "wMajorVerNum", "wMinorVerNum", "tdescAlias", "idldescType"]),
        (pythoncom.FUNCDESC, "PyFUNCDESC", [
            "memid", "scodeArray", "args", "funckind", "invkind", "callconv", "cParamsOpt",
            "oVft", "rettype", "wFuncFlags"]),
        (pythoncom.VARDESC, "PyVARDESC", ["memid", "value", "elemdescVar", "wVarFlags", "varkind"]),
    ],
)  # fmt: skip
def test_type_description_records_are_sequences_of_their_fields(
    make: Any, name: str, order: list[str]
) -> None:
    record = make()
    assert type(record).__name__ == name
    empty = {"iid", "idldescType", "tdescAlias", "scodeArray", "args", "rettype", "value",
             "elemdescVar"}  # fmt: skip
    assert [getattr(record, field) for field in order] == [
        None if field in empty else 0 for field in order
    ]
    for number, field in enumerate(order):
        setattr(record, field, 100 + number)
    assert list(record) == list(range(100, 100 + len(order)))
    assert len(record) == len(order)
    with pytest.raises(TypeError):
        make(1)


def test_the_descriptions_say_what_they_describe_and_show_their_fields() -> None:
    assert (pythoncom.FUNCDESC().desckind, pythoncom.VARDESC().desckind) == (1, 2)
    with pytest.raises(AttributeError):
        pythoncom.FUNCDESC().desckind = 2
    assert repr(pythoncom.FUNCDESC()) == (
        "PyFUNCDESC(memid=0, scodeArray=<NULL>, args=<NULL>, funckind=0, invkind=0, callconv=0, "
        "cParamsOpt=0, oVft=0, rettype=<NULL>, wFuncFlags=0)"
    )
    assert repr(pythoncom.VARDESC()) == (
        "PyVARDESC(memid=0, value=<NULL>, elemdescVar=<NULL>, wVarFlags=0, varkind=0)"
    )


def test_get_record_from_type_info_takes_only_a_type_info() -> None:
    with pytest.raises(TypeError):
        pythoncom.GetRecordFromTypeInfo(None)
    with pytest.raises(TypeError):
        pythoncom.GetRecordFromTypeInfo(1)
    stream = pythoncom.CreateStreamOnHGlobal()
    assert com_error_of(pythoncom.GetRecordFromTypeInfo, stream).hresult == winerror.E_NOINTERFACE


def test_unregistering_a_library_that_is_not_registered_is_invalid_arg() -> None:
    error = com_error_of(pythoncom.UnRegisterTypeLib, LIBID, 1, 0, 0, 1)
    assert error.hresult == winerror.E_INVALIDARG
    assert com_error_of(pythoncom.UnRegisterTypeLib, LIBID, 1, 0, 0).hresult == (
        winerror.E_INVALIDARG
    )


def test_smaller_names() -> None:
    assert pythoncom.pywintypes is pywintypes
    with pytest.raises(TypeError):
        pythoncom.OleLoad(None, pythoncom.IID_IUnknown, None)


@pytest.mark.skipif(
    ON_THE_ORACLE, reason="pywin32 reads the address: the access violation it catches is printed"
)
def test_an_address_is_no_com_object() -> None:
    with pytest.raises(ValueError, match="Address is not a valid COM object"):
        pythoncom.ObjectFromAddress(0)  # the oracle's message (probed by hand)


@pytest.mark.parametrize("lresult", [0, 5, -1])
def test_an_lresult_that_names_no_object_fails(lresult: int) -> None:
    error = com_error_of(pythoncom.ObjectFromLresult, lresult, pythoncom.IID_IDispatch, 0)
    assert error.hresult == winerror.E_FAIL


class DropTarget:
    _public_methods_ = ["DragEnter", "DragOver", "DragLeave", "Drop"]
    _com_interfaces_ = [IID_IDropTarget]

    def DragEnter(self, *args: Any) -> int:  # noqa: N802 - COM names
        return 0

    def DragOver(self, *args: Any) -> int:  # noqa: N802
        return 0

    def DragLeave(self) -> int:  # noqa: N802
        return 0

    def Drop(self, *args: Any) -> int:  # noqa: N802
        return 0


class DropSource:
    """A source that goes on twice, then drops (as when no mouse button is down)."""

    _public_methods_ = ["QueryContinueDrag", "GiveFeedback"]
    _com_interfaces_ = [IID_IDropSource]

    def __init__(self) -> None:
        self.queries = 0

    def QueryContinueDrag(self, escape: Any, keys: Any) -> int:  # noqa: N802
        self.queries += 1
        return int(winerror.DRAGDROP_S_DROP) if self.queries > 2 else 0

    def GiveFeedback(self, effect: Any) -> int:  # noqa: N802
        return int(winerror.DRAGDROP_S_USEDEFAULTCURSORS)


class Data:
    _public_methods_ = ["GetData"]
    _com_interfaces_ = [pythoncom.IID_IDataObject]

    def GetData(self, *args: Any) -> None:  # noqa: N802
        raise pythoncom.com_error(winerror.DV_E_FORMATETC, "no format", None, None)


def _on_a_thread(body: Any, init: str) -> Any:
    """Run ``body(hwnd)`` on a new thread with a window of its own, after ``init`` there."""
    box: list[Any] = []

    def run() -> None:
        if init == "ole":
            pythoncom.OleInitialize()
        elif init == "com":
            pythoncom.CoInitializeEx(pythoncom.COINIT_APARTMENTTHREADED)
        name = f"contract-s25-{threading.get_ident()}"
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = name
        wc.lpfnWndProc = {}
        win32gui.RegisterClass(wc)
        hwnd = win32gui.CreateWindow(name, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
        try:
            box.append(body(hwnd))
        except BaseException as error:  # handed to the test's thread
            box.append(error)
        finally:
            win32gui.DestroyWindow(hwnd)
            win32gui.UnregisterClass(name, 0)
            if init == "com":
                pythoncom.CoUninitialize()  # OLE's ends with the thread (no OleUninitialize)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


def _hresult(fn: Any, *args: Any) -> int:
    try:
        fn(*args)
    except pythoncom.com_error as error:
        hresult: int = error.hresult
        return hresult
    return 0


def test_a_window_has_one_drop_target_until_it_is_revoked() -> None:
    def body(hwnd: int) -> list[int]:
        target = wrap(DropTarget(), IID_IDropTarget)
        return [
            _hresult(pythoncom.RegisterDragDrop, hwnd, target),
            _hresult(pythoncom.RegisterDragDrop, hwnd, target),
            _hresult(pythoncom.RevokeDragDrop, hwnd),
            _hresult(pythoncom.RevokeDragDrop, hwnd),
            _hresult(pythoncom.RegisterDragDrop, hwnd, pythoncom.CreateStreamOnHGlobal()),
            _hresult(pythoncom.RevokeDragDrop, 0),
        ]

    assert _on_a_thread(body, "ole") == [
        0,
        winerror.DRAGDROP_E_ALREADYREGISTERED,
        0,
        winerror.DRAGDROP_E_NOTREGISTERED,
        winerror.E_NOINTERFACE,
        winerror.DRAGDROP_E_INVALIDHWND,
    ]
    with pytest.raises(TypeError):
        pythoncom.RegisterDragDrop(0, None)


def test_registering_a_drop_target_needs_com() -> None:
    def body(hwnd: int) -> int:
        return _hresult(pythoncom.RegisterDragDrop, hwnd, wrap(DropTarget(), IID_IDropTarget))

    assert _on_a_thread(body, "none") == winerror.E_OUTOFMEMORY


@wine_differs("Wine's RegisterDragDrop needs only COM; Windows needs OleInitialize")
def test_registering_a_drop_target_needs_ole_not_only_com() -> None:
    def body(hwnd: int) -> int:
        return _hresult(pythoncom.RegisterDragDrop, hwnd, wrap(DropTarget(), IID_IDropTarget))

    assert _on_a_thread(body, "com") == winerror.E_OUTOFMEMORY


def test_a_drag_that_lands_on_no_target_has_no_effect() -> None:
    def body(hwnd: int) -> tuple[int, int, int]:
        source = DropSource()
        data = wrap(Data(), pythoncom.IID_IDataObject)
        effect = pythoncom.DoDragDrop(data, wrap(source, IID_IDropSource), 1)
        not_data = wrap(DropTarget(), pythoncom.IID_IUnknown)
        wrong = _hresult(pythoncom.DoDragDrop, not_data, wrap(DropSource(), IID_IDropSource), 1)
        return effect, source.queries, wrong

    assert _on_a_thread(body, "ole") == (0, 3, winerror.E_NOINTERFACE)
    with pytest.raises(TypeError):
        pythoncom.DoDragDrop(None, None, 1)


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's ole32 lacks CoSetCancelObject: it aborts")
def test_set_cancel_object_takes_an_object_or_none() -> None:
    pythoncom.CoSetCancelObject(None)  # nothing pushed: nothing to pop
    with pytest.raises(TypeError):
        pythoncom.CoSetCancelObject(1)


class Plain:
    _public_methods_ = ["F"]

    def F(self) -> int:  # noqa: N802
        return 1


def _counts() -> tuple[int, int]:
    gc.collect()
    return pythoncom._GetGatewayCount(), pythoncom._GetInterfaceCount()


def test_the_leak_counts_follow_live_gateways_and_interface_objects() -> None:
    base_gateways, base_pointers = _counts()
    wrapped = wrap(Plain())
    assert _counts() == (base_gateways + 1, base_pointers + 1)
    del wrapped
    assert _counts() == (base_gateways, base_pointers)
    stream = pythoncom.CreateStreamOnHGlobal()
    clone = stream.Clone()
    assert _counts() == (base_gateways, base_pointers + 2)  # no gateway: not Python objects
    del stream, clone
    assert _counts() == (base_gateways, base_pointers)


def test_a_url_moniker_names_its_url_resolved_against_its_context() -> None:
    ctx = pythoncom.CreateBindCtx(0)
    moniker = pythoncom.CreateURLMonikerEx(None, "http://example.com/a/b")
    assert moniker.GetDisplayName(ctx, None) == "http://example.com/a/b"
    assert moniker.IsSystemMoniker() == 6  # MKSYS_URLMONIKER
    assert moniker.GetClassID() == pywintypes.IID("{79EAC9E0-BAF9-11CE-8C82-00AA004BA90B}")
    legacy = pythoncom.CreateURLMonikerEx(None, "http://example.com/x", pythoncom.URL_MK_LEGACY)
    assert legacy.GetDisplayName(ctx, None) == "http://example.com/x"
    names = [
        pythoncom.CreateURLMonikerEx(moniker, relative).GetDisplayName(ctx, None)
        for relative in ("c/d", "/z")
    ]
    assert names == ["http://example.com/a/c/d", "http://example.com/z"]
    dos = pythoncom.CreateURLMonikerEx(None, "C:\\x\\y.txt")
    assert dos.GetDisplayName(ctx, None) == "file:///C:/x/y.txt"
    assert moniker.IsEqual(pythoncom.CreateURLMonikerEx(None, "http://example.com/a/b")) == 0
    with pytest.raises(TypeError, match="None is not a valid string"):
        pythoncom.CreateURLMonikerEx(None, None)
    with pytest.raises(TypeError):
        pythoncom.CreateURLMonikerEx(None, 5)
    error = com_error_of(pythoncom.CreateURLMonikerEx, None, "http://e.com/", 7)
    assert error.hresult == winerror.E_INVALIDARG


class Recording(DropTarget):
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def DragOver(self, *args: Any) -> int:  # noqa: N802
        self.calls.append(args)
        return 6

    def Drop(self, data: Any, *args: Any) -> int:  # noqa: N802
        self.calls.append((type(data).__name__, *args))
        return 7


def test_drop_targets_and_sources_are_interfaces_of_their_own() -> None:
    for iid, name in ((IID_IDropTarget, "IDropTarget"), (IID_IDropSource, "IDropSource")):
        assert pythoncom.TypeIIDs[iid].__name__ == "Py" + name
        assert pythoncom.InterfaceNames[name] == iid
        assert pythoncom.ServerInterfaces[iid] == name.encode()
    server = Recording()
    target = wrap(server, IID_IDropTarget)
    assert type(target).__name__ == "PyIDropTarget"
    data = wrap(Data(), pythoncom.IID_IDataObject)
    assert (target.DragOver(1, (2, 3), 4), target.Drop(data, 1, (2, 3), 4)) == (6, 7)
    assert server.calls == [(1, (2, 3), 4), ("PyIDataObject", 1, (2, 3), 4)]
    source = wrap(DropSource(), IID_IDropSource)
    assert type(source).__name__ == "PyIDropSource"
    assert source.QueryContinueDrag(0, 0) is None  # its success code is not given back
    assert source.GiveFeedback(1) is None
