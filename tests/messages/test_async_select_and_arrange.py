"""WSAAsyncSelect's messages, cascading, scrolling and layered windows, window words, system
colours and font families (session 25)."""

from __future__ import annotations

import socket
import uuid
from typing import TYPE_CHECKING, Any

import pytest

from apartment import gdi, kernel, messages
from apartment.errors import Win32Error
from apartment.messages import (
    create_window,
    def_window_proc,
    destroy_window,
    msg_wait_any,
    pump_waiting_messages,
    register_class,
    unregister_class,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

WM_SOCKET = 0x0400 + 25
WM_SYSCOLORCHANGE = 0x0015
WS_VISIBLE = 0x10000000
WS_EX_LAYERED = 0x00080000


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[int, Any, Any]] = []

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg in (WM_SOCKET, WM_SYSCOLORCHANGE):
            self.calls.append((msg, wparam, lparam))
            return 0
        return def_window_proc(hwnd, msg, wparam, lparam)


@pytest.fixture
def recorded() -> Iterator[tuple[int, _Recorder]]:
    name = f"s25-{uuid.uuid4().hex}"
    recorder = _Recorder()
    register_class(name, recorder)
    hwnd = create_window(name, style=WS_VISIBLE, x=0, y=0, width=50, height=40).hwnd
    yield hwnd, recorder
    destroy_window(hwnd)
    unregister_class(name)


def _pump_until(recorder: _Recorder, count: int) -> None:
    """Pump this thread's queue until ``count`` socket messages came (10 s guard)."""
    for _ in range(1000):
        pump_waiting_messages()
        if sum(call[0] == WM_SOCKET for call in recorder.calls) >= count:
            return
        assert msg_wait_any([], timeout=10, input_available=True) is not None, "no message"
    raise AssertionError("the messages did not come")


def test_async_select_posts_read_and_close(recorded: tuple[int, _Recorder]) -> None:
    hwnd, recorder = recorded
    left, right = socket.socketpair()
    kernel.adopt_socket(left)  # its recv re-enables FD_READ, as Winsock's does
    try:
        messages.select_socket_messages(left.fileno(), hwnd, WM_SOCKET,
                                        kernel.FD_READ | kernel.FD_CLOSE)  # fmt: skip
        right.send(b"x")
        _pump_until(recorder, 1)
        assert recorder.calls == [(WM_SOCKET, left.fileno(), kernel.FD_READ)]
        assert left.recv(1) == b"x"  # re-enables FD_READ: nothing is left, nothing posted
        right.close()
        _pump_until(recorder, 2)
        assert recorder.calls[1] == (WM_SOCKET, left.fileno(), kernel.FD_CLOSE)
    finally:
        messages.select_socket_messages(left.fileno(), 0, 0, 0)
        left.close()
        right.close()


def test_async_select_posts_once_until_reenabled(recorded: tuple[int, _Recorder]) -> None:
    hwnd, recorder = recorded
    left, right = socket.socketpair()
    kernel.adopt_socket(left)  # its recv re-enables FD_READ, as Winsock's does
    try:
        messages.select_socket_messages(left.fileno(), hwnd, WM_SOCKET, kernel.FD_READ)
        right.send(b"ab")
        _pump_until(recorder, 1)
        right.send(b"c")  # FD_READ is not enabled again until a recv
        assert msg_wait_any([], timeout=0) is None
        assert left.recv(1) == b"a"  # data is left: FD_READ is recorded again at once
        _pump_until(recorder, 2)
        assert [call[2] for call in recorder.calls] == [kernel.FD_READ, kernel.FD_READ]
    finally:
        messages.select_socket_messages(left.fileno(), 0, 0, 0)
        left.close()
        right.close()


def test_cascade_moves_windows_step_by_step(recorded: tuple[int, _Recorder]) -> None:
    hwnd, _ = recorded
    other = create_window("STATIC", style=WS_VISIBLE, x=0, y=0, width=30, height=20).hwnd
    try:
        assert messages.cascade_windows(0, (10, 20, 400, 400), [hwnd, other]) == 2
        assert messages.window_rect(hwnd) == (10, 20, 60, 60)
        step = 26  # messages._arrange.CASCADE_STEP
        assert messages.window_rect(other) == (10 + step, 20 + step, 40 + step, 40 + step)
    finally:
        destroy_window(other)


def test_scroll_reports_the_uncovered_strip(recorded: tuple[int, _Recorder]) -> None:
    hwnd, _ = recorded
    assert messages.scroll_window_area(hwnd, 0, 0, None) == (1, (0, 0, 0, 0))
    assert messages.scroll_window_area(hwnd, 5, 0, (0, 0, 50, 40)) == (2, (0, 0, 5, 40))
    assert messages.scroll_window_area(hwnd, 0, -4, (0, 0, 50, 40)) == (2, (0, 36, 50, 40))
    with pytest.raises(Win32Error):
        messages.scroll_window_area(0x7FFF0, 1, 1, None)


def test_update_layered_window_needs_ws_ex_layered(recorded: tuple[int, _Recorder]) -> None:
    hwnd, _ = recorded
    with pytest.raises(Win32Error) as caught:
        messages.update_layered_window(hwnd, (1, 2), (3, 4))
    assert caught.value.winerror == 87
    layered = create_window("STATIC", ex_style=WS_EX_LAYERED, x=0, y=0, width=10, height=10).hwnd
    try:
        messages.update_layered_window(layered, (1, 2), (30, 40))
        assert messages.window_rect(layered) == (1, 2, 31, 42)
    finally:
        destroy_window(layered)


def test_window_words(recorded: tuple[int, _Recorder]) -> None:
    hwnd, _ = recorded
    with pytest.raises(Win32Error) as caught:
        messages.set_window_word(hwnd, 0, 5)
    assert caught.value.winerror == 1413
    with pytest.raises(Win32Error) as caught:
        messages.set_class_word(hwnd, 0, 5)
    assert caught.value.winerror == 1413


def test_sys_colors_change_and_notify(recorded: tuple[int, _Recorder]) -> None:
    _, recorder = recorded
    before = gdi.sys_color(5)
    gdi.set_sys_colors([(5, 0x123456), (999, 1)])
    try:
        assert gdi.sys_color(5) == 0x123456
        brush = gdi.sys_color_brush(5)
        assert brush is not None and brush.color == 0x123456
        assert (WM_SYSCOLORCHANGE, 0, 0) in recorder.calls  # own windows: at once
    finally:
        gdi.set_sys_colors([(5, before)])


def test_font_families() -> None:
    families = gdi.font_families()
    names = [font.face_name for font, _ in families]
    assert names == sorted(names) and "Arial" in names
    assert [font.face_name for font, _ in gdi.font_families("arial")] == ["Arial"]
    assert gdi.font_families("no such font") == []
