"""Synthesized input: where keys and mouse messages go, the key states, the queue's order and
wake bits for input, the US layout; the cursor's shape and count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from apartment import messages
from apartment.kernel import Event, start_thread
from apartment.messages import (
    KEYEVENTF_KEYUP,
    MOUSEEVENTF_LEFTDOWN,
    MOUSEEVENTF_LEFTUP,
    MOUSEEVENTF_MOVE,
    PM_REMOVE,
    QS_KEY,
    QS_MOUSEBUTTON,
    WS_VISIBLE,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

WM_KEYDOWN, WM_KEYUP, WM_CHAR, WM_SYSKEYDOWN, WM_SYSKEYUP = 0x100, 0x101, 0x102, 0x104, 0x105
WM_LBUTTONDOWN, WM_USER = 0x201, 0x400
VK_A, SCAN_A, VK_SHIFT, VK_CONTROL, VK_MENU = 0x41, 0x1E, 0x10, 0x11, 0x12
PM_QS_INPUT = messages.PM_QS_INPUT
_registered: list[str] = []


def _proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
    return messages.def_window_proc(hwnd, msg, wparam, lparam)


@pytest.fixture
def window() -> Iterator[int]:
    """A visible window at (100, 100, 200x200), the foreground window, with the focus."""
    if not _registered:
        messages.register_class("synthesized-input-test", _proc)
        _registered.append("synthesized-input-test")
    made = messages.create_window(
        "synthesized-input-test", style=WS_VISIBLE, x=100, y=100, width=200, height=200
    )
    messages.set_foreground_window(made.hwnd)
    messages.set_focus(made.hwnd)
    take()
    yield made.hwnd
    if messages.is_window(made.hwnd):
        messages.destroy_window(made.hwnd)
    take()


def take() -> list[tuple[int, int, object, object]]:
    """Retrieve, translate and dispatch what waits; the input, character and user messages."""
    taken = []
    while (message := messages.peek_message(None, 0, 0, PM_REMOVE)) is not None:
        messages.translate_message(message)
        if message[1] >= WM_KEYDOWN:
            taken.append(tuple(message[:4]))
        if message[0]:
            messages.dispatch_message(message)
    return taken  # type: ignore[return-value]


def press(vk: int, scan: int = 0, flags: int = 0) -> None:
    messages.synthesize_key(vk, scan, flags)
    messages.synthesize_key(vk, scan, flags | KEYEVENTF_KEYUP)


def test_keys_go_to_the_thread_of_the_foreground_window() -> None:
    ready, done = Event(manual_reset=True), Event(manual_reset=True)
    seen: list[tuple[int, object]] = []
    box: list[int] = []

    def other() -> None:
        if not _registered:
            messages.register_class("synthesized-input-test", _proc)
            _registered.append("synthesized-input-test")
        made = messages.create_window("synthesized-input-test", style=WS_VISIBLE)
        messages.set_foreground_window(made.hwnd)
        messages.set_focus(made.hwnd)
        take()
        box.append(made.hwnd)
        ready.set()
        while not seen or seen[-1][0] != WM_KEYUP:
            message = messages.get_message()
            messages.translate_message(message)
            if message[1] >= WM_KEYDOWN:
                seen.append((message[1], message[2]))
            messages.dispatch_message(message)
        messages.destroy_window(made.hwnd)
        done.set()

    thread = start_thread(other)
    assert ready.wait(10)
    press(VK_A, SCAN_A)
    assert done.wait(10)
    assert thread.wait(10)
    assert seen == [(WM_KEYDOWN, VK_A), (WM_CHAR, ord("a")), (WM_KEYUP, VK_A)]
    assert take() == []  # none for the thread that typed


def test_without_a_foreground_window_keys_change_only_the_async_state(window: int) -> None:
    messages.destroy_window(window)
    assert messages.foreground_window() == 0
    messages.async_key_state(VK_A)
    messages.synthesize_key(VK_A, SCAN_A)
    assert messages.async_key_state(VK_A) == -32767
    assert messages.key_state(VK_A) < 0  # no input waiting: the thread sees the system's
    messages.synthesize_key(VK_A, SCAN_A, KEYEVENTF_KEYUP)
    assert take() == []


def test_without_a_focus_keys_go_to_the_active_window_as_system_keys(window: int) -> None:
    messages.set_focus(0)
    press(VK_A, SCAN_A)
    assert [(hwnd, msg) for hwnd, msg, *_ in take()] == [
        (window, WM_SYSKEYDOWN),
        (window, 0x106),  # WM_SYSCHAR: TranslateMessage's for a WM_SYSKEYDOWN
        (window, WM_SYSKEYUP),
    ]


def test_ctrl_with_alt_is_no_system_key(window: int) -> None:
    messages.synthesize_key(VK_CONTROL, 0x1D)
    messages.synthesize_key(VK_MENU, 0x38)
    press(VK_A, SCAN_A)
    messages.synthesize_key(VK_CONTROL, 0x1D, KEYEVENTF_KEYUP)  # while Alt is down: system
    messages.synthesize_key(VK_MENU, 0x38, KEYEVENTF_KEYUP)
    assert [msg for _, msg, *_ in take()] == [
        WM_KEYDOWN, WM_KEYDOWN, WM_KEYDOWN, WM_KEYUP, WM_SYSKEYUP, WM_KEYUP,
    ]  # fmt: skip


def test_alt_alone_is_released_as_a_system_key(window: int) -> None:
    press(VK_MENU, 0x38)
    assert [msg for _, msg, *_ in take()] == [WM_SYSKEYDOWN, WM_SYSKEYUP]


def test_input_comes_after_posted_messages_and_can_be_filtered(window: int) -> None:
    messages.synthesize_key(VK_A, SCAN_A)
    messages.post_message(window, WM_USER)
    assert messages.peek_message(None, 0, 0)[1] == WM_USER  # type: ignore[index]
    found = messages.peek_message(None, 0, 0, PM_REMOVE | PM_QS_INPUT)
    assert found is not None
    assert found[1] == WM_KEYDOWN
    assert messages.peek_message(None, WM_KEYDOWN, WM_KEYDOWN, PM_REMOVE) is None
    messages.synthesize_key(VK_A, SCAN_A, KEYEVENTF_KEYUP)
    assert [msg for _, msg, *_ in take()] == [WM_USER, WM_KEYUP]


def test_key_input_raises_qs_key_and_wakes_a_waiting_thread(window: int) -> None:
    assert messages.queue_status(QS_KEY) == (0, 0)
    messages.synthesize_key(VK_A, SCAN_A)
    assert messages.msg_wait_any([], timeout=0, mask=QS_KEY) is not None
    assert messages.queue_status(QS_KEY)[1] == QS_KEY
    messages.synthesize_key(VK_A, SCAN_A, KEYEVENTF_KEYUP)
    take()
    assert messages.queue_status(QS_KEY)[1] == 0


def test_a_destroyed_window_loses_its_waiting_input(window: int) -> None:
    messages.synthesize_key(VK_A, SCAN_A)
    messages.destroy_window(window)
    assert take() == []
    messages.synthesize_key(VK_A, SCAN_A, KEYEVENTF_KEYUP)


def test_shift_is_down_while_either_side_is(window: int) -> None:
    messages.synthesize_key(VK_SHIFT, 0x2A)  # left
    messages.synthesize_key(VK_SHIFT, 0x36)  # right
    messages.synthesize_key(VK_SHIFT, 0x2A, KEYEVENTF_KEYUP)
    take()
    state = messages.keyboard_state()
    assert state[VK_SHIFT] & 0x80
    assert state[0xA1] & 0x80
    assert not state[0xA0] & 0x80
    messages.synthesize_key(VK_SHIFT, 0x36, KEYEVENTF_KEYUP)
    take()
    assert not messages.keyboard_state()[VK_SHIFT] & 0x80


def test_set_keyboard_state_changes_what_translate_types(window: int) -> None:
    messages.synthesize_key(VK_A, SCAN_A)
    keydown = messages.peek_message(None, 0, 0, PM_REMOVE)
    assert keydown is not None
    messages.synthesize_key(VK_A, SCAN_A, KEYEVENTF_KEYUP)  # keeps the thread's state its own
    state = bytearray(messages.keyboard_state())
    state[VK_SHIFT] = 0x80
    messages.set_keyboard_state(bytes(state))
    messages.translate_message(keydown)
    assert [(msg, wparam) for _, msg, wparam, _ in take()] == [
        (WM_CHAR, ord("A")),
        (WM_KEYUP, VK_A),
    ]
    with pytest.raises(ValueError, match="256"):
        messages.set_keyboard_state(b"x")


def test_a_button_press_goes_to_the_window_under_the_cursor(window: int) -> None:
    messages.move_cursor(150, 160)
    messages.synthesize_mouse(MOUSEEVENTF_LEFTDOWN)
    assert messages.queue_status(QS_MOUSEBUTTON)[1] == QS_MOUSEBUTTON
    messages.synthesize_mouse(MOUSEEVENTF_LEFTUP)
    found = take()
    assert found[0][:2] == (window, 0x200)  # the move
    assert found[1] == (window, WM_LBUTTONDOWN, 1, 60 << 16 | 50)
    assert messages.key_state(0x01) >= 0


def test_a_mouse_outside_every_window_goes_nowhere(window: int) -> None:
    messages.move_cursor(150, 160)
    take()
    messages.synthesize_mouse(MOUSEEVENTF_MOVE, 500, 500)
    assert messages.cursor_pos() == (650, 660)
    messages.synthesize_mouse(MOUSEEVENTF_LEFTDOWN | MOUSEEVENTF_LEFTUP)
    assert take() == []


def test_relative_moves_stay_on_the_screen(window: int) -> None:
    messages.move_cursor(0, 0)
    messages.synthesize_mouse(MOUSEEVENTF_MOVE, -5 & 0xFFFFFFFF, -5 & 0xFFFFFFFF)
    assert messages.cursor_pos() == (0, 0)
    take()


def test_the_cursor_and_its_count_belong_to_the_input_state() -> None:
    arrow = messages.load_cursor(0, 32512)
    assert messages.set_cursor(arrow) == 0 or True
    assert messages.cursor() == arrow
    box: list[tuple[int, int]] = []
    thread = start_thread(lambda: box.append((messages.cursor(), messages.show_cursor(False))))
    assert thread.wait(10)
    assert box == [(0, -1)]  # another thread: its own cursor and count
    messages.set_cursor(0)
    with pytest.raises(TypeError):
        messages.set_cursor("arrow")  # type: ignore[arg-type]


def test_synthesized_input_takes_ints() -> None:
    with pytest.raises(TypeError):
        messages.synthesize_key("a")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        messages.synthesize_mouse(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        messages.key_state(1.5)  # type: ignore[arg-type]
