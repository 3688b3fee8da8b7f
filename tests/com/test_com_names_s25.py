"""Session 25's names: sentinel types, objects handed through an LRESULT, OleLoad's core,
drag and drop registrations, CoSetCancelObject, and the type library stand-ins."""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import com, messages
from apartment.errors import ComError
from apartment.kernel import Event, start_thread

from ._helpers import StaThread, in_apartment

if TYPE_CHECKING:
    from pathlib import Path

E_FAIL = -2147467259
E_INVALIDARG = -2147024809
E_NOINTERFACE = -2147467262
E_OUTOFMEMORY = -2147024882
REGDB_E_CLASSNOTREG = -2147221164
RPC_S_CALLPENDING = -2147417835
CO_E_OBJNOTREG = -2147220997
STGM_RW_CREATE = 0x1012  # READWRITE | SHARE_EXCLUSIVE | CREATE
LOADED_CLSID = "{3F2C5B7E-0E7A-4C41-9A51-2B5D25C0A001}"


def _hresult(fn: Any, *args: Any) -> int:
    with pytest.raises(ComError) as caught:
        fn(*args)
    return caught.value.hresult


def test_each_sentinel_has_a_type_of_its_own_named_as_pywin32s() -> None:
    names = [type(s).__name__ for s in (com.EMPTY, com.MISSING, com.ARG_NOT_FOUND, com.NOTHING)]
    assert names == ["PyOleEmpty", "PyOleMissing", "ArgNotFound", "PyOleNothing"]
    assert all(isinstance(s, com.ArgumentSentinel) for s in (com.EMPTY, com.NOTHING))
    with pytest.raises(TypeError):
        type(com.EMPTY)("X", "X", sendable=True)


class Counter:
    _public_methods_ = ["Next"]

    def __init__(self) -> None:
        self.n = 0

    def Next(self) -> int:  # noqa: N802 - a COM name
        self.n += 1
        return self.n


def test_an_lresult_hands_an_object_to_another_apartment_once() -> None:
    home: StaThread[Any] = StaThread(Counter)
    try:
        lresult = home.call(
            lambda: com.lresult_from_object(com.IID_IDISPATCH, 0, com.wrap(home.result))
        )

        def client() -> tuple[int, int]:
            got = com.DispatchClient(com.object_from_lresult(lresult, com.IID_IDISPATCH, 0))
            return got.Next(), _hresult(com.object_from_lresult, lresult, com.IID_IDISPATCH, 0)

        assert in_apartment(client) == (1, E_FAIL)  # a proxy to the home STA; then used up
        assert home.result.n == 1
    finally:
        home.stop()


def test_an_lresult_that_names_nothing_is_e_fail_and_a_missing_interface_e_nointerface() -> None:
    def body() -> tuple[int, int]:
        missing = _hresult(com.lresult_from_object, com.IID_ISTREAM, 0, com.wrap(Counter()))
        return missing, _hresult(com.object_from_lresult, 12345, com.IID_IUNKNOWN, 0)

    assert in_apartment(body) == (E_NOINTERFACE, E_FAIL)


class Loaded:
    """An object that loads itself from a storage (IPersistStorage)."""

    _reg_clsid_ = LOADED_CLSID
    _reg_progid_ = "ApartmentTest.S25Loaded"
    _public_methods_ = ["GetClassID", "IsDirty", "InitNew", "Load", "Save", "SaveCompleted",
                        "HandsOffStorage", "Text"]  # fmt: skip
    _com_interfaces_ = [com.IID_IPERSISTSTORAGE]

    def __init__(self) -> None:
        self.text = b""

    def GetClassID(self) -> str:  # noqa: N802
        return LOADED_CLSID

    def Load(self, storage: Any) -> None:  # noqa: N802
        self.text = storage.open_stream("Text", 0x10).read(100)

    def Text(self) -> bytes:  # noqa: N802
        return self.text


def test_load_from_storage_creates_the_storages_class_and_has_it_load(
    class_registry: Path, tmp_path: Path
) -> None:
    com.register_class(Loaded)

    def body() -> tuple[bytes, int, int]:
        storage = com.create_docfile(str(tmp_path / "a.stg"), STGM_RW_CREATE)
        storage.create_stream("Text", STGM_RW_CREATE).write(b"saved")  # type: ignore[attr-defined]
        storage.set_class(LOADED_CLSID)
        loaded = com.DispatchClient(com.load_from_storage(storage, com.IID_IDISPATCH))
        other = com.create_docfile(str(tmp_path / "b.stg"), STGM_RW_CREATE)
        other.set_class("{3F2C5B7E-0E7A-4C41-9A51-2B5D25C0AFFF}")
        return (
            bytes(loaded.Text()),
            _hresult(com.load_from_storage, other, com.IID_IUNKNOWN),
            _hresult(com.load_from_storage, storage, com.IID_ISTREAM),
        )

    assert in_apartment(body) == (b"saved", REGDB_E_CLASSNOTREG, E_NOINTERFACE)


class Target:
    _public_methods_ = ["DragEnter", "DragOver", "DragLeave", "Drop"]
    _com_interfaces_ = [com.IID_IDROPTARGET]


class Source:
    _public_methods_ = ["QueryContinueDrag", "GiveFeedback"]
    _com_interfaces_ = [com.IID_IDROPSOURCE]

    def __init__(self, answers: list[int]) -> None:
        self.answers = answers
        self.asked: list[tuple[Any, ...]] = []

    def QueryContinueDrag(self, escape: Any, keys: Any) -> int:  # noqa: N802
        self.asked.append(("query", escape, keys))
        return self.answers.pop(0)

    def GiveFeedback(self, effect: Any) -> int:  # noqa: N802
        self.asked.append(("feedback", effect))
        return com.DRAGDROP_S_USEDEFAULTCURSORS


class Data:
    _public_methods_ = ["GetData"]
    _com_interfaces_ = [com.IID_IDATAOBJECT]


def _window() -> int:
    messages.register_class("s25-dragdrop", messages.def_window_proc)
    return messages.create_window("s25-dragdrop", "", parent=messages.HWND_MESSAGE).hwnd


def test_a_window_has_one_drop_target_until_revoked_and_ole_must_be_initialized() -> None:
    def body() -> list[object]:
        hwnd = _window()
        target = com.wrap(Target(), com.IID_IDROPTARGET)
        seen: list[object] = [_hresult(com.register_drag_drop, hwnd, target)]  # CoInit only
        com.ole_initialize()
        try:
            com.register_drag_drop(hwnd, target)
            seen.append(com.drop_target(hwnd) is not None)
            seen.append(_hresult(com.register_drag_drop, hwnd, target))
            com.revoke_drag_drop(hwnd)
            seen.append(_hresult(com.revoke_drag_drop, hwnd))
            seen.append(_hresult(com.register_drag_drop, hwnd, com.wrap(Counter())))
            seen.append(_hresult(com.register_drag_drop, hwnd + 4, target))
            messages.destroy_window(hwnd)
        finally:
            com.ole_uninitialize()
        return seen

    assert in_apartment(body) == [
        E_OUTOFMEMORY,
        True,
        com.DRAGDROP_E_ALREADYREGISTERED,
        com.DRAGDROP_E_NOTREGISTERED,
        E_NOINTERFACE,
        com.DRAGDROP_E_INVALIDHWND,
    ]


def test_a_drag_asks_its_source_until_it_drops_and_lands_nowhere() -> None:
    source = Source([0, 0, com.DRAGDROP_S_DROP])

    def body() -> tuple[tuple[int, int], int]:
        data = com.wrap(Data(), com.IID_IDATAOBJECT)
        landed = com.do_drag_drop(data, com.wrap(source, com.IID_IDROPSOURCE), 7)
        other = com.wrap(Source([]), com.IID_IDROPSOURCE)
        return landed, _hresult(com.do_drag_drop, com.wrap(Counter()), other, 7)

    assert in_apartment(body) == ((com.DRAGDROP_S_CANCEL, com.DROPEFFECT_NONE), E_NOINTERFACE)
    assert source.asked == [
        ("query", 0, 0), ("feedback", 0), ("query", 0, 0), ("feedback", 0), ("query", 0, 0),
    ]  # fmt: skip


class Blocker:
    def __init__(self) -> None:
        self.gate = Event(manual_reset=True)

    def block(self, started: Event) -> str:
        started.set()
        self.gate.wait()
        return "late"


def test_set_cancel_object_pushes_what_cancel_object_gives_until_popped() -> None:
    server: StaThread[Any] = StaThread(Blocker)
    token = server.call(com.marshal, server.result)
    started, ids = Event(manual_reset=True), [threading.get_native_id()]

    def caller() -> None:
        with com.mta():
            com.enable_call_cancellation()
            ids.append(threading.get_native_id())
            try:
                token.unmarshal().block(started)
            finally:
                com.disable_call_cancellation()

    calling = start_thread(caller)
    try:
        assert started.wait(10)
        pending = com.cancel_object(ids[1])  # the cancel object of that call, agile

        def body() -> tuple[int, int]:
            com.enable_call_cancellation()
            try:
                com.set_cancel_object(pending)
                pushed = com.cancel_object().test()
                com.set_cancel_object(None)
                com.set_cancel_object(None)  # nothing left to pop: nothing happens
                return pushed, _hresult(com.cancel_object)
            finally:
                com.disable_call_cancellation()

        assert in_apartment(body) == (RPC_S_CALLPENDING, E_NOINTERFACE)
    finally:
        server.result.gate.set()
        assert calling.wait(10)
        server.stop()


def test_the_type_library_stand_ins() -> None:
    libid = "{00000000-1111-2222-3333-444444444444}"
    assert _hresult(com.unregister_type_library, libid, 1, 0, 0, 1) == E_INVALIDARG
    with pytest.raises(TypeError):
        com.unregister_type_library(libid, 1, 0, 0, None)  # type: ignore[arg-type]
    assert (
        in_apartment(lambda: _hresult(com.record_from_type_info, com.memory_stream()))
        == E_NOINTERFACE
    )


def test_live_counts_count_pointers_and_gateways_made_while_counting() -> None:
    def body() -> list[tuple[int, int]]:
        com.count_live_objects()
        gc.collect()
        base_pointers, base_gateways = com.live_counts()
        seen = []
        wrapped = com.wrap(Counter())
        seen.append(com.live_counts())
        del wrapped
        gc.collect()
        seen.append(com.live_counts())
        return [(p - base_pointers, g - base_gateways) for p, g in seen]

    assert in_apartment(body) == [(1, 1), (0, 0)]


def test_weak_marshal_data_dies_with_the_last_proxy_though_the_object_lives() -> None:
    streams: list[Any] = []

    def make() -> Any:
        pointer = com.wrap(Counter())
        stream = com.memory_stream()
        com.marshal_interface(stream, pointer, com.MSHLFLAGS_TABLEWEAK)
        streams.append(stream)
        return pointer  # the home keeps its object

    home: StaThread[Any] = StaThread(make)

    def unmarshal() -> Any:
        streams[0].seek(0, 0)
        return com.unmarshal_interface(streams[0])

    try:

        def client() -> tuple[int, int]:
            first, second = unmarshal(), unmarshal()  # any number while a proxy lives
            calls = com.DispatchClient(first).Next() + com.DispatchClient(second).Next()
            del first, second
            gc.collect()
            return calls, _hresult(unmarshal)

        assert in_apartment(client) == (3, CO_E_OBJNOTREG)
        assert home.call(lambda: com.DispatchClient(home.result).Next()) == 3  # it lives
    finally:
        home.stop()


def test_a_url_moniker_resolves_against_a_url_context_only() -> None:
    base = com.url_moniker(None, "http://example.com/a/b")
    file = com.file_moniker("/tmp/x")
    names = [
        com.url_moniker(base, "c").display_name(None, None),
        com.url_moniker(file, "c").display_name(None, None),  # not a URL moniker: ignored
        com.url_moniker(None, "D:/q").display_name(None, None),
    ]
    assert names == ["http://example.com/a/c", "c", "file:///D:/q"]
    assert base.system_kind() == com.MKSYS_URLMONIKER
    assert _hresult(com.url_moniker, None, "x", 2) == E_INVALIDARG
