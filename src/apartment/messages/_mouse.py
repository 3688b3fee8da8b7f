"""Synthesized mouse input, the cursor's shape and display count, the double-click time.

``synthesize_mouse`` (mouse_event) is the only mouse. It moves the cursor (relative moves by
pixels, as Windows with no pointer acceleration; absolute ones in 0..65535 over the screen),
changes the buttons' system state (VK_LBUTTON, ...), and queues the messages as input to the
window under the cursor, or to the window of the foreground thread that has the mouse
captured: WM_MOUSEMOVE when the cursor moved, then WM_*BUTTONDOWN/UP, WM_*BUTTONDBLCLK for a
second press within the double-click time and 4 pixels on a window whose class has
CS_DBLCLKS; lParam the point in the window's client coordinates (windows here have no frame:
the client area is the window), wParam the MK_* state after the event. WM_MOUSEWHEEL and
WM_MOUSEHWHEEL go to the focus window of the foreground thread, with the point on the screen.
A thread's VK_*BUTTON key state changes as it retrieves the button messages. Moving the
cursor with SetCursorPos queues a WM_MOUSEMOVE too.

Not modelled: WM_NCHITTEST, WM_SETCURSOR and WM_MOUSEACTIVATE (no frame, no cursor
drawn, a click does not activate a window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import QS_MOUSEBUTTON, QS_MOUSEMOVE
from ._cursor import _clamp, _state, set_cursor_pos
from ._desktop import desktop_window
from ._focus import _state_of, foreground_state, input_state
from ._icons import is_icon
from ._keyboard import _system, change_key, note_input
from ._message import Message, ticks
from ._window_table import WINDOWS
from ._windowinfo import window_from_point
from ._windowpos import DESKTOP_SIZE

if TYPE_CHECKING:
    from ._window import Window

__all__ = [
    "MOUSEEVENTF_ABSOLUTE",
    "MOUSEEVENTF_HWHEEL",
    "MOUSEEVENTF_LEFTDOWN",
    "MOUSEEVENTF_LEFTUP",
    "MOUSEEVENTF_MIDDLEDOWN",
    "MOUSEEVENTF_MIDDLEUP",
    "MOUSEEVENTF_MOVE",
    "MOUSEEVENTF_RIGHTDOWN",
    "MOUSEEVENTF_RIGHTUP",
    "MOUSEEVENTF_WHEEL",
    "MOUSEEVENTF_XDOWN",
    "MOUSEEVENTF_XUP",
    "cursor",
    "cursor_info",
    "double_click_time",
    "move_cursor",
    "set_cursor",
    "set_double_click_time",
    "show_cursor",
    "synthesize_mouse",
]

MOUSEEVENTF_MOVE: Final = 0x0001
MOUSEEVENTF_LEFTDOWN: Final = 0x0002
MOUSEEVENTF_LEFTUP: Final = 0x0004
MOUSEEVENTF_RIGHTDOWN: Final = 0x0008
MOUSEEVENTF_RIGHTUP: Final = 0x0010
MOUSEEVENTF_MIDDLEDOWN: Final = 0x0020
MOUSEEVENTF_MIDDLEUP: Final = 0x0040
MOUSEEVENTF_XDOWN: Final = 0x0080
MOUSEEVENTF_XUP: Final = 0x0100
MOUSEEVENTF_WHEEL: Final = 0x0800
MOUSEEVENTF_HWHEEL: Final = 0x1000
MOUSEEVENTF_ABSOLUTE: Final = 0x8000

_WM_MOUSEMOVE, _WM_MOUSEWHEEL, _WM_MOUSEHWHEEL = 0x0200, 0x020A, 0x020E
_WM_XBUTTONDOWN, _WM_XBUTTONUP = 0x020B, 0x020C
_CS_DBLCLKS = 0x0008
_DOUBLE_CLICK_SIZE = 4  # SM_CXDOUBLECLK, SM_CYDOUBLECLK
_DEFAULT_DOUBLE_CLICK_MS = 500
# (flag, virtual key, message of a press (release +1, double click +2), MK_* bit)
_BUTTONS = (
    (MOUSEEVENTF_LEFTDOWN, MOUSEEVENTF_LEFTUP, 0x01, 0x0201, 0x0001),
    (MOUSEEVENTF_RIGHTDOWN, MOUSEEVENTF_RIGHTUP, 0x02, 0x0204, 0x0002),
    (MOUSEEVENTF_MIDDLEDOWN, MOUSEEVENTF_MIDDLEUP, 0x04, 0x0207, 0x0010),
)
_MK_SHIFT, _MK_CONTROL = 0x0004, 0x0008
_MK_KEYS = (  # (virtual key, MK_* bit)
    (0x01, 0x0001), (0x02, 0x0002), (0x10, _MK_SHIFT), (0x11, _MK_CONTROL),
    (0x04, 0x0010), (0x05, 0x0020), (0x06, 0x0040),
)  # fmt: skip


class _Clicks:
    """The double-click time and the last press (for the next one); kernel lock."""

    time_ms = _DEFAULT_DOUBLE_CLICK_MS
    last: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # hwnd, message, tick, x, y


_clicks = _Clicks()


def _int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} is an int, not {value!r}")
    return value


def _mk_state() -> int:
    """The MK_* flags of the system's buttons and Shift and Ctrl; kernel lock held."""
    keys = _system.keys
    return sum(bit for key, bit in _MK_KEYS if keys[key] & 0x80)


def _target() -> tuple[Window | None, tuple[int, int]]:
    """The window mouse messages at the cursor go to, and the cursor; kernel lock NOT held."""
    with KERNEL_LOCK:
        pos = _state.pos
        state = foreground_state()
        capture = WINDOWS.get(state.capture) if state is not None else None
    if capture is not None:
        return capture, pos
    hwnd = window_from_point(pos)
    if hwnd == desktop_window():
        return None, pos
    with KERNEL_LOCK:
        return WINDOWS.get(hwnd), pos


def _origin(window: Window) -> tuple[int, int]:
    """The screen point of the window's client origin; kernel lock held."""
    x, y = window.x, window.y
    parent = WINDOWS.get(window.parent) if window.is_child else None
    while parent is not None:
        x, y = x + parent.x, y + parent.y
        parent = WINDOWS.get(parent.parent) if parent.is_child else None
    return x, y


def _points(x: int, y: int) -> int:
    return (y & 0xFFFF) << 16 | (x & 0xFFFF)


def _queue(
    window: Window,
    msg: int,
    wparam: int,
    lparam: int,
    pos: tuple[int, int],
    key: tuple[int, bool] | None,
    woken: list[Waiter],
) -> None:
    """Queue one mouse message as input to its window's thread; kernel lock held."""
    message = Message(window.hwnd, msg, wparam, lparam, ticks(), pos)
    retrieved = None
    if key is not None:
        keys = _state_of(window.queue).keys  # the receiving thread's
        vk, down = key

        def retrieved() -> None:  # kernel lock held, the receiving thread
            change_key(keys, vk, down)

    bits = QS_MOUSEMOVE if msg == _WM_MOUSEMOVE else QS_MOUSEBUTTON
    window.queue.put_input((message, retrieved), bits, woken)


def _press_message(window: Window, press: int, x: int, y: int) -> int:
    """WM_*BUTTONDOWN, or WM_*BUTTONDBLCLK for a second press in time; kernel lock held."""
    now = ticks()
    hwnd, last_msg, when, last_x, last_y = _clicks.last
    double = (
        window.wclass.style & _CS_DBLCLKS
        and hwnd == window.hwnd
        and last_msg == press
        and (now - when) & 0xFFFFFFFF <= _clicks.time_ms
        and abs(x - last_x) <= _DOUBLE_CLICK_SIZE // 2
        and abs(y - last_y) <= _DOUBLE_CLICK_SIZE // 2
    )
    if double:
        _clicks.last = (0, 0, 0, 0, 0)
        return press + 2
    _clicks.last = (window.hwnd, press, now, x, y)
    return press


def synthesize_mouse(flags: int, dx: int = 0, dy: int = 0, data: int = 0) -> None:
    """Move the mouse, press or release its buttons, turn its wheel (mouse_event).

    ``flags``: MOUSEEVENTF_*. ``data``: the wheel's turn (WHEEL_DELTA 120 a notch) or which
    X button (1, 2). See the module's docstring for where the messages go.

    Raises:
        TypeError: a value that is not an int.
    """
    flags, dx, dy, data = (_int(name, value) for name, value in
                           (("flags", flags), ("dx", dx), ("dy", dy), ("data", data)))  # fmt: skip
    moved = False
    with KERNEL_LOCK:
        note_input()
        if flags & MOUSEEVENTF_MOVE:
            old = _state.pos
            if flags & MOUSEEVENTF_ABSOLUTE:
                x = (dx & 0xFFFF) * DESKTOP_SIZE[0] >> 16
                y = (dy & 0xFFFF) * DESKTOP_SIZE[1] >> 16
            else:
                x, y = old[0] + _signed32(dx), old[1] + _signed32(dy)
            _state.pos = _clamp(x, y, _state.clip)
            moved = _state.pos != old
        keys = _system.keys
        mk = _mk_state()  # for WM_MOUSEMOVE and the wheel: the state before the buttons
        events: list[tuple[int, int, tuple[int, bool]]] = []  # msg, wParam, key change
        for down_flag, up_flag, vk, press, _bit in _BUTTONS:
            for flag, down in ((down_flag, True), (up_flag, False)):
                if flags & flag:
                    change_key(keys, vk, down)
                    _system.pressed[vk] |= down
                    events.append((press + (not down), _mk_state(), (vk, down)))
        for button in (1, 2):
            if data & button and flags & (MOUSEEVENTF_XDOWN | MOUSEEVENTF_XUP):
                vk = 0x04 + button
                down = bool(flags & MOUSEEVENTF_XDOWN)
                change_key(keys, vk, down)
                _system.pressed[vk] |= down
                msg = _WM_XBUTTONDOWN if down else _WM_XBUTTONUP
                events.append((msg, button << 16 | _mk_state(), (vk, down)))
    window, pos = _target()
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        if window is not None and not window.destroyed:
            ox, oy = _origin(window)
            cx, cy = pos[0] - ox, pos[1] - oy
            lparam = _points(cx, cy)
            if moved:
                _queue(window, _WM_MOUSEMOVE, mk, lparam, pos, None, woken)
            for msg, wparam, key in events:
                if msg in (0x0201, 0x0204, 0x0207):
                    msg = _press_message(window, msg, cx, cy)
                _queue(window, msg, wparam, lparam, pos, key, woken)
        state = foreground_state()
        focus = WINDOWS.get(state.focus) if state is not None else None
        if focus is not None:
            for flag, msg in ((MOUSEEVENTF_WHEEL, _WM_MOUSEWHEEL),
                              (MOUSEEVENTF_HWHEEL, _WM_MOUSEHWHEEL)):  # fmt: skip
                if flags & flag:
                    wparam = (data & 0xFFFF) << 16 | mk
                    _queue(focus, msg, wparam, _points(*pos), pos, None, woken)
    wake_all(woken)


def _signed32(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - (1 << 32) if value & 0x80000000 else value


def move_cursor(x: int, y: int) -> None:
    """Move the cursor (SetCursorPos) and queue WM_MOUSEMOVE where it lands, if it moved."""
    with KERNEL_LOCK:
        old = _state.pos
    set_cursor_pos(x, y)
    with KERNEL_LOCK:
        if _state.pos == old:
            return
        mk = _mk_state()
    window, pos = _target()
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        if window is not None and not window.destroyed:
            ox, oy = _origin(window)
            lparam = _points(pos[0] - ox, pos[1] - oy)
            _queue(window, _WM_MOUSEMOVE, mk, lparam, pos, None, woken)
    wake_all(woken)


# -- the cursor's shape ------------------------------------------------------------------------


def set_cursor(handle: int) -> int:
    """Set the calling thread's cursor (SetCursor); the previous one. 0 hides it.

    A handle that is no cursor changes nothing and gives 0 (Windows: ERROR_INVALID_CURSOR_HANDLE).
    """
    _int("a cursor", handle)
    if handle and not is_icon(handle):
        return 0
    state = input_state()
    with KERNEL_LOCK:
        previous, state.cursor = state.cursor, handle
        return previous


def cursor() -> int:
    """The calling thread's cursor, 0 for none (GetCursor)."""
    state = input_state()
    with KERNEL_LOCK:
        return state.cursor


def show_cursor(show: bool) -> int:
    """Count the cursor shown (+1) or hidden (-1); the new count (ShowCursor).

    The cursor shows while the count is 0 or more; it starts at 0 (a mouse is "installed").
    """
    state = input_state()
    with KERNEL_LOCK:
        state.cursor_count += 1 if show else -1
        return state.cursor_count


def cursor_info() -> tuple[int, int, tuple[int, int]]:
    """(flags, cursor, position) (GetCursorInfo): CURSOR_SHOWING (1) while the count is >= 0.

    The cursor is the foreground thread's (the one on the screen), 0 without one.
    """
    state = input_state()
    with KERNEL_LOCK:
        shown = foreground_state()
        handle = shown.cursor if shown is not None else 0
        return int(state.cursor_count >= 0), handle, _state.pos


def double_click_time() -> int:
    """The longest time between the presses of a double click, in ms (GetDoubleClickTime)."""
    with KERNEL_LOCK:
        return _clicks.time_ms


def set_double_click_time(milliseconds: int) -> None:
    """Set the double-click time (SetDoubleClickTime); 0 restores the default, 500 ms."""
    milliseconds = _int("a time", milliseconds) & 0xFFFFFFFF
    with KERNEL_LOCK:
        _clicks.time_ms = milliseconds or _DEFAULT_DOUBLE_CLICK_MS
