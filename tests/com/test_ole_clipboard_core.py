"""OLE's clipboard, data objects and storage mediums in the core (``apartment.com``).

The facade's side, checked against the real pywin32 too, is tests/contract/test_ole_clipboard.py.
"""

from __future__ import annotations

import os
import socket
import threading
import weakref
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

from apartment import com, messages
from apartment._wire import FrameError
from apartment.com import _remote, _remote_values
from apartment.errors import (
    CLIPBRD_E_CANT_OPEN,
    CO_E_NOTINITIALIZED,
    E_FAIL,
    RPC_E_CHANGED_MODE,
    S_FALSE,
    S_OK,
    ComError,
)
from apartment.testing import StaThread

from ._helpers import MtaThread, in_apartment

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

T = TypeVar("T")
CF_TEXT = messages.CF_TEXT


class Data:
    """A Python IDataObject offering CF_TEXT in memory."""

    _com_interfaces_ = [com.IID_IDATAOBJECT]
    _public_methods_ = ["GetData", "EnumFormatEtc"]

    def __init__(self, text: bytes) -> None:
        self.text = text

    def GetData(self, fmt: Any) -> com.StorageMedium:  # noqa: N802
        medium = com.StorageMedium()
        medium.set(com.TYMED_HGLOBAL, self.text)
        return medium

    def EnumFormatEtc(self, direction: int) -> Any:  # noqa: N802
        items = [(CF_TEXT, None, com.DVASPECT_CONTENT, -1, com.TYMED_HGLOBAL)]
        return com.new_enum(items, iid=com.IID_IENUMFORMATETC)


def on_thread(fn: Callable[[], T]) -> T:
    """Run ``fn`` on a new thread (which ends with whatever apartment it joined)."""
    box: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            box.append((True, fn()))
        except BaseException as error:  # handed to the test
            box.append((False, error))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    ok, value = box[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _text() -> bytes | None:
    with messages.clipboard():
        return messages.clipboard_data(CF_TEXT)


@pytest.fixture(autouse=True)
def empty() -> Iterator[None]:
    with messages.clipboard():
        messages.empty_clipboard()
    yield
    with messages.clipboard():
        messages.empty_clipboard()


def test_ole_initialize_counts_and_joins_an_sta() -> None:
    def body() -> tuple[int, ...]:
        first, second = com.ole_initialize(), com.ole_initialize()
        kind = com.current_apartment().kind
        com.ole_uninitialize()
        com.ole_uninitialize()
        com.ole_uninitialize()  # one too many: nothing
        with pytest.raises(ComError) as caught:
            com.ole_set_clipboard(None)
        return first, second, kind is com.ApartmentKind.STA, caught.value.hresult

    assert on_thread(body) == (S_OK, S_FALSE, True, CO_E_NOTINITIALIZED)


def test_ole_initialize_in_the_mta_fails() -> None:
    def body() -> int:
        com.initialize(multithreaded=True)
        try:
            with pytest.raises(ComError) as caught:
                com.ole_initialize()
            return caught.value.hresult
        finally:
            com.uninitialize()

    assert on_thread(body) == RPC_E_CHANGED_MODE


def test_com_alone_is_not_ole_and_flush_needs_it() -> None:
    def body() -> tuple[int, int]:
        com.initialize()
        try:
            with pytest.raises(ComError) as set_error:
                com.ole_set_clipboard(None)
            with pytest.raises(ComError) as flush_error:
                com.ole_flush_clipboard()
            return set_error.value.hresult, flush_error.value.hresult
        finally:
            com.uninitialize()

    assert on_thread(body) == (CO_E_NOTINITIALIZED, E_FAIL)


def test_a_clipboard_held_open_elsewhere_cannot_be_set() -> None:
    holder: StaThread[None] = StaThread()
    try:
        holder.call(messages.open_clipboard, 0)

        def body() -> int:
            com.ole_initialize()
            try:
                with pytest.raises(ComError) as caught:
                    com.ole_set_clipboard(com.wrap(Data(b"x"), com.IID_IDATAOBJECT))
                return caught.value.hresult
            finally:
                com.ole_uninitialize()

        assert on_thread(body) == CLIPBRD_E_CANT_OPEN
        holder.call(messages.close_clipboard)
    finally:
        holder.stop()


def test_rendered_on_read_and_by_the_last_uninitialize() -> None:
    def body() -> tuple[Any, ...]:
        com.ole_initialize()
        obj = Data(b"text")
        alive = weakref.ref(obj)
        pointer = com.wrap(obj, com.IID_IDATAOBJECT)
        com.ole_set_clipboard(pointer)
        current = com.ole_is_current_clipboard(pointer)
        owner = messages.clipboard_owner()
        read = _text()
        del obj, pointer
        com.ole_uninitialize()  # the window goes: everything is rendered, the object let go
        return current, bool(owner), read, alive() is None, messages.clipboard_owner()

    current, owned, read, released, owner_after = on_thread(body)
    assert (current, owned, read, released, owner_after) == (True, True, b"text", True, 0)
    assert _text() == b"text"


def test_get_clipboard_reads_win32_data_in_memory_or_as_a_stream() -> None:
    with messages.clipboard():
        messages.empty_clipboard()
        messages.set_clipboard_data(CF_TEXT, b"plain\0")
    snapshot = com.ole_get_clipboard()
    medium = snapshot.get_data((CF_TEXT, None, 1, -1, com.TYMED_HGLOBAL))
    assert (medium.tymed, medium.data) == (com.TYMED_HGLOBAL, b"plain\0")
    stream = snapshot.get_data((CF_TEXT, None, 1, -1, com.TYMED_ISTREAM)).data
    assert stream.read(100) == b"plain\0"
    with pytest.raises(TypeError):
        snapshot.get_data([CF_TEXT, None, 1, -1, 1])
    with pytest.raises(ValueError, match="td must be None"):
        snapshot.get_data((CF_TEXT, 1, 1, -1, 1))


def test_storage_medium_crosses_apartments_by_value() -> None:
    medium = com.StorageMedium()
    medium.set(com.TYMED_HGLOBAL, b"abc")
    one: StaThread[None] = StaThread()
    two: StaThread[None] = StaThread()
    try:
        a, b = one.call(com.current_apartment), two.call(com.current_apartment)
        twin = medium.__apartment_marshal__(a, b)
    finally:
        one.stop()
        two.stop()
    assert (twin.tymed, twin.data) == (com.TYMED_HGLOBAL, b"abc")
    assert twin.data_handle != medium.data_handle
    with pytest.raises(ValueError, match="Unknown tymed"):
        medium.set(0, b"")
    assert medium.tymed == com.TYMED_NULL


class _Pair:
    """Two connection ends in this process, as two processes' (see test_remote.py)."""

    def __init__(self) -> None:
        client_out, server_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        server_out, client_inn = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.getpid()
        self.client = _remote.Connection(out=client_out, inn=client_inn, peer_pid=pid)
        self.server = _remote.Connection(out=server_out, inn=server_inn, peer_pid=pid)
        self.client.start()
        self.server.start()

    def close(self) -> None:
        self.client.close()
        self.server.close()


class Settable(Data):
    _public_methods_ = ["GetData", "EnumFormatEtc", "SetData"]

    def SetData(self, fmt: Any, medium: com.StorageMedium, release: int) -> None:  # noqa: N802
        self.text = bytes(medium.data)


def test_mediums_cross_processes_by_value() -> None:
    pair = _Pair()
    obj = Settable(b"far")
    home: MtaThread[com.InterfacePointer] = MtaThread(lambda: com.wrap(obj, com.IID_IDATAOBJECT))
    try:
        tag = pair.server.export_tag(home.result)

        def client() -> tuple[Any, ...]:
            remote = pair.client._decode(tag, com.current_apartment())
            data = remote.query_interface(com.IID_IDATAOBJECT)
            fmt = (CF_TEXT, None, com.DVASPECT_CONTENT, -1, com.TYMED_HGLOBAL)
            medium = data.get_data(fmt)
            listed = list(data.enum_format_etc())
            sent = com.StorageMedium()
            sent.set(com.TYMED_HGLOBAL, b"near")
            data.set_data(fmt, sent, False)
            return isinstance(medium, com.StorageMedium), medium.tymed, medium.data, listed

        kind, tymed, got, listed = in_apartment(client)
        assert (kind, tymed, got) == (True, com.TYMED_HGLOBAL, b"far")
        assert listed == [(CF_TEXT, None, com.DVASPECT_CONTENT, -1, com.TYMED_HGLOBAL)]
        assert obj.text == b"near"
    finally:
        home.stop()
        pair.close()


def test_a_malformed_medium_is_a_frame_error() -> None:
    for wire in ({"g": [1]}, {"g": ["1", b""]}, {"g": [99, b"x"]}):
        with pytest.raises(FrameError):
            _remote_values.from_wire(wire, lambda tag, oid: None)
    empty = _remote_values.from_wire({"g": [0, None]}, lambda tag, oid: None)
    assert empty.tymed == com.TYMED_NULL
