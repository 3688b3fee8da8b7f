"""Input state: focus, activation and capture per thread, shared by AttachThreadInput; enabling;
window longs and subclassing; the cursor; placement and points."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from apartment import messages
from apartment.errors import (
    ERROR_INVALID_INDEX,
    AccessDeniedError,
    InvalidParameterError,
    InvalidWindowHandleError,
    Win32Error,
)
from apartment.kernel import Event, start_thread
from apartment.messages import (
    GWL_EXSTYLE,
    GWL_ID,
    GWL_STYLE,
    GWL_USERDATA,
    GWL_WNDPROC,
    WM_ACTIVATE,
    WM_ACTIVATEAPP,
    WM_CANCELMODE,
    WM_CAPTURECHANGED,
    WM_ENABLE,
    WM_KILLFOCUS,
    WM_NCACTIVATE,
    WM_SETFOCUS,
    WM_STYLECHANGED,
    WM_STYLECHANGING,
    WS_CHILD,
    WS_CLIPSIBLINGS,
    WS_POPUP,
    WS_VISIBLE,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

WATCHED = {
    WM_ACTIVATE, WM_ACTIVATEAPP, WM_NCACTIVATE, WM_SETFOCUS, WM_KILLFOCUS, WM_CAPTURECHANGED,
    WM_ENABLE, WM_CANCELMODE, WM_STYLECHANGING, WM_STYLECHANGED,
}  # fmt: skip


class _Windows:
    """Windows of a class whose procedure logs the input-state messages."""

    def __init__(self) -> None:
        self.log: list[tuple[int, int, Any, Any]] = []
        self.name = "input-state-test"

        def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
            if msg in WATCHED:
                self.log.append((hwnd, msg, wparam, lparam))
            return messages.def_window_proc(hwnd, msg, wparam, lparam)

        messages.register_class(self.name, proc)
        self.made: list[messages.Window] = []

    def top(self, **options: Any) -> int:
        window = messages.create_window(self.name, **options)
        self.made.append(window)
        return window.hwnd

    def child(self, parent: int, child_id: int = 1, **options: Any) -> int:
        style = options.pop("style", 0) | WS_CHILD | WS_VISIBLE
        window = messages.create_window(
            self.name, style=style, parent=parent, child_id=child_id, **options
        )
        return window.hwnd

    def take(self) -> list[tuple[int, int, Any, Any]]:
        log, self.log = self.log, []
        return log

    def close(self) -> None:
        messages.release_capture()
        for window in reversed(self.made):
            if messages.is_window(window.hwnd):
                window.destroy()
        messages.unregister_class(self.name)


@pytest.fixture
def windows() -> Iterator[_Windows]:
    made = _Windows()
    yield made
    made.close()


def _on_thread(body: Any) -> Any:
    """Run ``body()`` on a new thread with a message queue; its result or its exception."""
    box: list[Any] = []

    def run() -> None:
        messages.peek_message()
        try:
            box.append(body())
        except Exception as error:
            box.append(error)

    thread = start_thread(run)
    assert thread.wait(10)
    return box[0]


# -- activation and focus ---------------------------------------------------------------------


def test_first_activation_tells_the_threads_windows_the_app_changed(windows: _Windows) -> None:
    messages.set_active_window(0)
    first, second = windows.top(), windows.top()
    windows.take()
    messages.set_active_window(first)
    assert windows.take() == [
        (second, WM_ACTIVATEAPP, 1, 0),
        (first, WM_ACTIVATEAPP, 1, 0),
        (first, WM_NCACTIVATE, 0, 0),
        (first, WM_ACTIVATE, 1, 0),
        (first, WM_SETFOCUS, 0, 0),
    ]
    assert messages.focus_window() == first


def test_set_focus_inside_another_window(windows: _Windows) -> None:
    first, second = windows.top(), windows.top()
    child = windows.child(first)
    messages.set_active_window(second)
    windows.take()
    assert messages.set_focus(child) == first  # def_window_proc's WM_ACTIVATE focused first
    assert windows.take() == [
        (second, WM_NCACTIVATE, 0, first),
        (second, WM_ACTIVATE, 0, first),
        (first, WM_NCACTIVATE, 0, second),
        (first, WM_ACTIVATE, 1, second),
        (second, WM_KILLFOCUS, first, 0),
        (first, WM_SETFOCUS, second, 0),
        (first, WM_KILLFOCUS, child, 0),
        (child, WM_SETFOCUS, first, 0),
    ]
    assert messages.set_focus(child) == child  # already there: nothing is sent
    assert windows.take() == []


def test_focus_is_refused_to_disabled_or_message_only_windows(windows: _Windows) -> None:
    top = windows.top()
    child = windows.child(top)
    message_only = windows.top(parent=messages.HWND_MESSAGE)
    messages.set_focus(0)
    messages.enable_window(top, False)
    assert messages.set_focus(child) == 0  # inside a disabled window
    assert messages.set_focus(message_only) == 0
    assert messages.focus_window() == 0
    messages.enable_window(top, True)


def test_disabling_the_focus_takes_it_away(windows: _Windows) -> None:
    top = windows.top()
    messages.set_focus(top)
    windows.take()
    assert messages.enable_window(top, False) is False
    assert windows.take() == [
        (top, WM_CANCELMODE, 0, 0),
        (top, WM_KILLFOCUS, 0, 0),
        (top, WM_ENABLE, 0, 0),
    ]
    assert messages.focus_window() == 0
    assert not messages.is_window_enabled(top)
    assert messages.enable_window(top, False) is True
    assert windows.take() == [(top, WM_CANCELMODE, 0, 0)]
    assert messages.enable_window(top, True) is True
    assert windows.take() == [(top, WM_ENABLE, 1, 0)]


def test_cancel_mode_releases_the_capture(windows: _Windows) -> None:
    top = windows.top()
    messages.set_capture(top)
    messages.send_message(top, WM_CANCELMODE, 0, 0)
    assert messages.capture_window() == 0


def test_a_destroyed_window_leaves_the_input_state(windows: _Windows) -> None:
    top = windows.top()
    messages.set_foreground_window(top)
    messages.set_capture(top)
    messages.window_of(top).destroy()
    assert (messages.focus_window(), messages.active_window()) == (0, 0)
    assert (messages.capture_window(), messages.foreground_window()) == (0, 0)


def test_another_thread_sees_its_own_state_and_is_refused_ours(windows: _Windows) -> None:
    top = windows.top()
    messages.set_focus(top)
    assert _on_thread(messages.focus_window) == 0
    for call in (messages.set_focus, messages.set_active_window, messages.set_capture):
        assert isinstance(_on_thread(lambda call=call: call(top)), AccessDeniedError)


def test_attached_threads_share_one_state(windows: _Windows) -> None:
    top = windows.top()
    messages.set_focus(top)
    me = messages.current_queue().thread.native_id
    attached, go = Event(manual_reset=True), Event(manual_reset=True)
    seen: list[int] = []

    def body() -> None:
        mine = messages.current_queue().thread.native_id
        messages.attach_thread_input(mine, me, True)
        seen.append(messages.focus_window())
        attached.set()
        assert go.wait(10)
        messages.attach_thread_input(mine, me, False)
        seen.append(messages.focus_window())

    def run() -> None:
        messages.peek_message()
        body()

    thread = start_thread(run)
    assert attached.wait(10)
    messages.set_focus(0)  # seen by the attached thread too
    go.set()
    assert thread.wait(10)
    assert seen == [top, 0]


def test_attach_thread_input_errors() -> None:
    me = messages.current_queue().thread.native_id
    with pytest.raises(AccessDeniedError):
        messages.attach_thread_input(me, me, True)
    with pytest.raises(InvalidParameterError):
        messages.attach_thread_input(me, 0x7FFFFFF0, True)
    other = _on_thread(lambda: messages.current_queue().thread.native_id)
    with pytest.raises(InvalidParameterError):
        messages.attach_thread_input(me, other, False)
    with pytest.raises(TypeError):
        messages.attach_thread_input(me, "1", True)  # type: ignore[arg-type]


def test_capture(windows: _Windows) -> None:
    first, second = windows.top(), windows.top()
    windows.take()
    assert messages.set_capture(first) == 0
    assert messages.set_capture(second) == first
    assert messages.release_capture()
    assert messages.release_capture()
    assert windows.take() == [
        (first, WM_CAPTURECHANGED, 0, second),
        (second, WM_CAPTURECHANGED, 0, 0),
    ]


# -- window longs ----------------------------------------------------------------------------


def test_window_longs(windows: _Windows) -> None:
    top = windows.top(style=WS_POPUP)
    child = windows.child(top, child_id=7)
    assert messages.window_long(top, GWL_STYLE) == WS_POPUP | WS_CLIPSIBLINGS
    assert messages.window_long(child, GWL_ID) == 7
    assert messages.set_window_long(top, GWL_USERDATA, 2**32) == 0
    assert messages.window_long(top, GWL_USERDATA) == 2**32
    assert messages.window_long(top, GWL_USERDATA, pointer_size=False) == 0
    with pytest.raises(Win32Error) as raised:
        messages.window_long(top, GWL_WNDPROC, pointer_size=False)
    assert raised.value.winerror == ERROR_INVALID_INDEX
    with pytest.raises(Win32Error):
        messages.window_long(top, 1000)
    with pytest.raises(InvalidWindowHandleError):
        messages.window_long(12345678, GWL_STYLE)
    with pytest.raises(TypeError):
        messages.set_window_long(top, GWL_USERDATA, "x")  # type: ignore[arg-type]


def test_a_style_change_can_be_changed_by_the_procedure(windows: _Windows) -> None:
    changed: list[int] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == WM_STYLECHANGING and wparam == GWL_EXSTYLE:
            lparam.new |= 0x4  # WS_EX_NOPARENTNOTIFY (WS_EX_TOPMOST would not stick)
        if msg == WM_STYLECHANGED:
            changed.append(lparam.new)
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    messages.register_class("style-test", proc)
    try:
        window = messages.create_window("style-test", style=messages.WS_POPUP)  # no edge
        assert messages.set_window_long(window.hwnd, GWL_EXSTYLE, 0x80) == 0
        assert messages.window_long(window.hwnd, GWL_EXSTYLE) == 0x84
        assert changed == [0x84]
        window.destroy()
    finally:
        messages.unregister_class("style-test")


def test_subclassing(windows: _Windows) -> None:
    top = windows.top()
    old_address = messages.window_long(top, GWL_WNDPROC)

    def sub(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == messages.WM_USER:
            return 5
        return messages.call_window_proc(old_address, hwnd, msg, wparam, lparam)

    old = messages.set_window_proc(top, sub)
    assert messages.proc_address(old) == old_address
    assert messages.proc_at(old_address) is old
    assert messages.send_message(top, messages.WM_USER, 0, 0) == 5
    messages.set_window_text(top, "text")
    assert messages.get_window_text(top) == "text"
    assert messages.set_window_long(top, GWL_WNDPROC, old_address) == messages.proc_address(sub)
    assert messages.send_message(top, messages.WM_USER, 0, 0) == 0
    with pytest.raises(InvalidParameterError):
        messages.call_window_proc(0x1234, top, 0, 0, 0)
    assert messages.call_window_proc(0, top, 0, 0, 0) == 0


# -- the cursor, points, placement, layering -------------------------------------------------


def test_the_cursor_is_clipped() -> None:
    try:
        messages.set_cursor_pos(100, 120)
        assert messages.cursor_pos() == (100, 120)
        messages.clip_cursor((10, 10, 50, 50))
        assert messages.cursor_pos() == (49, 49)
        messages.set_cursor_pos(0, 0)
        assert messages.cursor_pos() == (10, 10)
        assert messages.cursor_clip() == (10, 10, 50, 50)
    finally:
        messages.clip_cursor(None)
    messages.set_cursor_pos(100000, -5)
    assert messages.cursor_pos() == (messages.DESKTOP_SIZE[0] - 1, 0)
    with pytest.raises(TypeError):
        messages.set_cursor_pos(1.5, 2)  # type: ignore[arg-type]


def test_layered_attributes(windows: _Windows) -> None:
    plain = windows.top()
    layered = windows.top(ex_style=messages.WS_EX_LAYERED)
    with pytest.raises(InvalidWindowHandleError):
        messages.set_layered_attributes(plain, 0, 128, messages.LWA_ALPHA)
    with pytest.raises(InvalidWindowHandleError):
        messages.layered_attributes(layered)  # nothing set yet
    messages.set_layered_attributes(layered, 0x123456, 128, messages.LWA_ALPHA)
    assert messages.layered_attributes(layered) == (0x123456, 128, messages.LWA_ALPHA)


def test_close_and_animate(windows: _Windows) -> None:
    top = windows.top()
    assert messages.animate_window(top, messages.AW_ACTIVATE)
    assert messages.is_window_visible(top)
    assert messages.active_window() == top
    assert not messages.animate_window(top, 0)  # shown already
    assert messages.animate_window(top, messages.AW_HIDE)
    with pytest.raises(InvalidParameterError):
        messages.animate_window(12345678, 0)
    messages.close_window(top)
    assert messages.is_iconic(top)
    assert messages.window_placement(top)[1:3] == (messages.SW_SHOWMINIMIZED, (-32000, -32000))


def test_bring_window_to_top_orders_children(windows: _Windows) -> None:
    top = windows.top()
    first = windows.child(top, 1, width=10, height=10)
    second = windows.child(top, 2, width=10, height=10)
    assert messages.top_window(top) == first
    messages.bring_window_to_top(second)
    assert messages.top_window(top) == second
    assert messages.dialog_item(top, 1) == first
    assert messages.child_window_from_point(top, (0, 0)) == second
