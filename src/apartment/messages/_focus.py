"""Input state: the focus, the active window, the mouse capture, the foreground window.

Each thread with a message queue has an input state: its focus window, its active (top-level)
window and the window that has captured the mouse. A thread sees only its own: GetFocus on a
thread whose windows have no focus gives 0 even while another thread's window has it, and a
thread can focus, activate or capture only windows of threads that share its input state.
AttachThreadInput makes two threads share one. The foreground window is the system's one.

Nothing here is caused by a user: windows are activated and focused only by these calls
(ShowWindow does not activate a window here). The messages are Windows' (as Wine sends them):

* activating (SetActiveWindow, SetForegroundWindow, and SetFocus of a window whose top-level
  window is not active): WM_NCACTIVATE and WM_ACTIVATE(WA_INACTIVE) to the window that was
  active; when the active window moves to another thread (or from none), WM_ACTIVATEAPP to
  the top-level windows of the thread losing it (FALSE) and of the thread gaining it (TRUE),
  lParam the other thread's id; then WM_NCACTIVATE and WM_ACTIVATE(WA_ACTIVE) to the new
  one; then, unless the focus is already inside it, the focus moves to the new active window;
* focusing: WM_KILLFOCUS (wParam the new focus) to the old focus, WM_SETFOCUS (wParam the old
  one) to the new;
* capture: WM_CAPTURECHANGED (lParam the new capture) to the window losing it;
* EnableWindow: WM_CANCELMODE before disabling, then WM_ENABLE when the state changed; a
  disabled window loses the focus, and cannot get it (nor can a window inside one).

The state changes under the kernel lock; the messages are sent with no lock held.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from ..errors import AccessDeniedError, InvalidParameterError, InvalidThreadIdError
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import HWND_MESSAGE
from ._destroy import on_window_gone
from ._gui_constants import (
    WA_ACTIVE,
    WA_INACTIVE,
    WM_ACTIVATE,
    WM_ACTIVATEAPP,
    WM_CANCELMODE,
    WM_CAPTURECHANGED,
    WM_ENABLE,
    WM_KILLFOCUS,
    WM_NCACTIVATE,
    WM_SETFOCUS,
)
from ._queue import current_queue, on_queue_end, queue_of
from ._send import call_on_owner, send_message
from ._styles import WS_CHILD, WS_DISABLED, WS_MINIMIZE, WS_POPUP
from ._window_table import WINDOWS, is_window, window_of

if TYPE_CHECKING:
    from ._queue import MessageQueue
    from ._window import Window

__all__ = [
    "InputState",
    "foreground_state",
    "active_window",
    "attach_thread_input",
    "capture_window",
    "enable_window",
    "focus_window",
    "foreground_window",
    "input_state",
    "is_window_enabled",
    "release_capture",
    "set_active_window",
    "set_capture",
    "set_focus",
    "set_foreground_window",
    "top_level_of",
]


@final
class InputState:
    """The focus, active and capture windows of the threads (queues) that share it.

    Also their key state (``keys``, GetKeyState's: 256 bytes, 0x80 down, 0x01 toggled; kept
    by ``_keyboard``), their cursor (SetCursor) and its display count (ShowCursor). Its
    fields change under the kernel lock.
    """

    __slots__ = ("active", "capture", "cursor", "cursor_count", "focus", "keys", "queues")

    def __init__(self) -> None:
        self.focus = 0
        self.active = 0
        self.capture = 0
        self.queues: set[MessageQueue] = set()
        self.keys = bytearray(256)
        self.cursor = 0
        self.cursor_count = 0

    def __repr__(self) -> str:
        return (
            f"<InputState focus={self.focus:#x} active={self.active:#x} "
            f"capture={self.capture:#x} of {len(self.queues)} thread(s)>"
        )


_states: dict[MessageQueue, InputState] = {}
_foreground = [0]


def _state_of(queue: MessageQueue) -> InputState:
    """The queue's input state, made on first use; kernel lock held."""
    state = _states.get(queue)
    if state is None:
        state = _states[queue] = InputState()
        state.queues.add(queue)
    return state


def foreground_state() -> InputState | None:
    """The input state of the foreground window's thread, None without one; kernel lock held.

    Where keyboard input goes (and mouse input when a window there has the capture).
    """
    window = WINDOWS.get(_foreground[0])
    return None if window is None else _state_of(window.queue)


def input_state() -> InputState:
    """The calling thread's input state (shared with the threads attached to it)."""
    queue = current_queue()
    with KERNEL_LOCK:
        return _state_of(queue)


def top_level_of(window: Window) -> Window:
    """The top-level window ``window`` is in (itself for a top-level one); kernel lock held."""
    while window.is_child:
        parent = WINDOWS.get(window.parent)
        if parent is None:
            break
        window = parent
    return window


# -- queries ---------------------------------------------------------------------------------


def focus_window() -> int:
    """The window with the keyboard focus in the caller's input state, or 0 (GetFocus)."""
    return input_state().focus


def active_window() -> int:
    """The active top-level window of the caller's input state, or 0 (GetActiveWindow)."""
    return input_state().active


def capture_window() -> int:
    """The window of the caller's input state that has the mouse captured, or 0 (GetCapture)."""
    return input_state().capture


def foreground_window() -> int:
    """The system's foreground window, whichever thread owns it, or 0 (GetForegroundWindow)."""
    with KERNEL_LOCK:
        return _foreground[0]


# -- activation and focus --------------------------------------------------------------------


def _check_mine(state: InputState, window: Window) -> None:
    """Refuse a window of a thread that does not share ``state``; kernel lock held."""
    if window.queue not in state.queues:
        raise AccessDeniedError(
            f"{window!r} belongs to thread {window.thread.native_id}, which does not share "
            "this thread's input state (AttachThreadInput)"
        )


def set_active_window(hwnd: int) -> int:
    """Make a top-level window of the caller's input state the active one (SetActiveWindow).

    Returns the window that was active. A child window changes nothing (the active window is
    returned, as Windows does); 0 deactivates.

    Raises:
        InvalidWindowHandleError: no such window.
        AccessDeniedError: a window of a thread that does not share the caller's input state.
    """
    state = input_state()
    if hwnd:
        window = window_of(hwnd)
        with KERNEL_LOCK:
            if window.style & (WS_POPUP | WS_CHILD) == WS_CHILD:
                return state.active
            _check_mine(state, window)
    return _activate(state, hwnd)


def _activate(state: InputState, hwnd: int, move_focus: bool = True) -> int:
    """Make ``hwnd`` (a top-level window of the state, or 0) the active window.

    Then the focus moves to it unless it is inside it already, or ``move_focus`` is False
    (SetFocus, which moves the focus itself next).
    """
    with KERNEL_LOCK:
        previous = state.active
        if previous == hwnd:
            return previous
        state.active = hwnd
        old_thread, new_thread = _thread_of(previous), _thread_of(hwnd)
        losing = _top_levels_of(old_thread) if new_thread != old_thread else []
        gaining = _top_levels_of(new_thread) if new_thread != old_thread else []
    if previous and is_window(previous):
        send_message(previous, WM_NCACTIVATE, 0, hwnd)
        send_message(previous, WM_ACTIVATE, WA_INACTIVE, hwnd)
    for other in losing:  # the threads' top-level windows hear that the "app" changes
        if is_window(other):
            send_message(other, WM_ACTIVATEAPP, 0, new_thread)
    for other in gaining:
        if is_window(other):
            send_message(other, WM_ACTIVATEAPP, 1, old_thread)
    if hwnd and is_window(hwnd):
        with KERNEL_LOCK:
            foreground = _foreground[0] == hwnd
        send_message(hwnd, WM_NCACTIVATE, int(foreground), previous)
        send_message(hwnd, WM_ACTIVATE, WA_ACTIVE, previous)
    with KERNEL_LOCK:
        if state.active != hwnd or not move_focus:
            return previous  # (or the procedures activated another window meanwhile)
        focus = WINDOWS.get(state.focus)
        inside = focus is not None and hwnd and top_level_of(focus).hwnd == hwnd
    if not inside:
        _move_focus(state, hwnd)
    return previous


def _thread_of(hwnd: int) -> int:
    """The native id of the thread of a window, 0 for none; kernel lock held."""
    window = WINDOWS.get(hwnd)
    return window.thread.native_id if window is not None else 0


def _top_levels_of(thread_id: int) -> list[int]:
    """A thread's top-level windows, topmost first (none for 0); kernel lock held."""
    if not thread_id:
        return []
    return [
        window.hwnd
        for window in reversed(WINDOWS.values())
        if window.thread.native_id == thread_id
        and not window.is_child
        and window.parent != HWND_MESSAGE
    ]


def set_focus(hwnd: int) -> int:
    """Give the keyboard focus to a window of the caller's input state (SetFocus).

    Returns the window that had it. Its top-level window is activated first if it is not the
    active one. 0 takes the focus away. The focus is refused (0 returned, nothing changes,
    no error code) for a disabled or minimized window or one inside such a window, and a
    message-only window.

    Raises:
        InvalidWindowHandleError: no such window.
        AccessDeniedError: a window of a thread that does not share the caller's input state.
    """
    state = input_state()
    if not hwnd:
        with KERNEL_LOCK:
            if not state.focus:
                return 0
        return _move_focus(state, 0)
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if state.focus == hwnd:
            return hwnd
        _check_mine(state, window)
        top = window
        while True:
            if top.style & (WS_MINIMIZE | WS_DISABLED) or top.parent == HWND_MESSAGE:
                return 0
            if not top.is_child:
                break
            parent = WINDOWS.get(top.parent)
            if parent is None:
                return 0
            top = parent
        active = state.active
    if top.hwnd != active:
        _activate(state, top.hwnd, move_focus=False)
        with KERNEL_LOCK:
            if window.destroyed or state.active != top.hwnd:
                return 0
    return _move_focus(state, hwnd)


def _move_focus(state: InputState, hwnd: int) -> int:
    """Set the focus of ``state`` and send WM_KILLFOCUS and WM_SETFOCUS; the old focus."""
    with KERNEL_LOCK:
        previous = state.focus
        state.focus = hwnd
    if previous and previous != hwnd and is_window(previous):
        send_message(previous, WM_KILLFOCUS, hwnd, 0)
    with KERNEL_LOCK:
        if state.focus != hwnd:
            return previous  # WM_KILLFOCUS moved it elsewhere
    if hwnd and previous != hwnd and is_window(hwnd):
        send_message(hwnd, WM_SETFOCUS, previous, 0)
    return previous


def set_foreground_window(hwnd: int) -> bool:
    """Make a window's top-level window the foreground window, and active (SetForegroundWindow).

    Any thread may do it here (no user is using another window). The window is activated on
    its own thread, in the input state of that thread.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        top = top_level_of(window)
        _foreground[0] = top.hwnd
        state = _state_of(top.queue)
    call_on_owner(top, _activate, state, top.hwnd)
    return True


# -- capture ---------------------------------------------------------------------------------


def set_capture(hwnd: int) -> int:
    """Capture the mouse for a window of the caller's input state; the previous capture.

    Raises:
        InvalidWindowHandleError: no such window.
        AccessDeniedError: a window of a thread that does not share the caller's input state.
    """
    window = window_of(hwnd)
    state = input_state()
    with KERNEL_LOCK:
        _check_mine(state, window)
        previous = state.capture
        state.capture = hwnd
    if previous and previous != hwnd and is_window(previous):
        send_message(previous, WM_CAPTURECHANGED, 0, hwnd)
    return previous


def release_capture() -> bool:
    """Release the mouse capture of the caller's input state (ReleaseCapture); always True."""
    state = input_state()
    with KERNEL_LOCK:
        previous = state.capture
        state.capture = 0
    if previous and is_window(previous):
        send_message(previous, WM_CAPTURECHANGED, 0, 0)
    return True


# -- enabling ---------------------------------------------------------------------------------


def is_window_enabled(hwnd: int) -> bool:
    """Whether the window accepts input: it lacks WS_DISABLED (IsWindowEnabled).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        return not window.style & WS_DISABLED


def enable_window(hwnd: int, enable: bool) -> bool:
    """Enable or disable a window (EnableWindow); returns whether it was disabled before.

    Disabling sends WM_CANCELMODE first (DefWindowProc releases the capture), takes the
    focus from the window if it has it, and sends WM_ENABLE(FALSE); enabling a disabled
    window sends WM_ENABLE(TRUE). Nothing is sent when the state does not change (but
    WM_CANCELMODE).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    if enable:
        with KERNEL_LOCK:
            was_disabled = bool(window.style & WS_DISABLED)
            window.style &= ~WS_DISABLED
        if was_disabled:
            send_message(hwnd, WM_ENABLE, 1, 0)
        return was_disabled
    send_message(hwnd, WM_CANCELMODE, 0, 0)
    with KERNEL_LOCK:
        was_disabled = bool(window.style & WS_DISABLED)
        window.style |= WS_DISABLED
        state = _state_of(window.queue)
        focused = state.focus == hwnd
    if not was_disabled:
        if focused:
            _move_focus(state, 0)
        send_message(hwnd, WM_ENABLE, 0, 0)
    return was_disabled


# -- sharing input state ---------------------------------------------------------------------


def attach_thread_input(thread_id: int, to_thread_id: int, attach: bool) -> None:
    """Share (or stop sharing) input state between two threads (AttachThreadInput).

    Attached, the threads (and any already attached to either) have one focus, active
    window and capture: the ``to_thread_id`` thread's, or the other's where it has none.
    Detached, ``thread_id`` gets its own state again, keeping its own windows in it.

    Raises:
        AccessDeniedError: the same thread twice.
        InvalidParameterError: a thread that does not exist or has no message queue, or
            detaching threads that are not attached (Windows' codes, as Wine gives them).
    """
    for value in (thread_id, to_thread_id):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"a thread id is an int, not {value!r}")
    if thread_id == to_thread_id:
        raise AccessDeniedError("a thread cannot attach its input to itself")
    try:
        queue, to_queue = queue_of(thread_id), queue_of(to_thread_id)
    except InvalidThreadIdError as error:
        raise InvalidParameterError(str(error)) from None
    with KERNEL_LOCK:
        state, to_state = _state_of(queue), _state_of(to_queue)
        if attach:
            if state is not to_state:
                _merge(state, to_state)
            return
        if state is not to_state:
            raise InvalidParameterError(
                f"threads {thread_id} and {to_thread_id} do not share their input"
            )
        _split(queue, state)


def _merge(state: InputState, into: InputState) -> None:
    """Move every queue of ``state`` to ``into``; kernel lock held."""
    for field in ("focus", "active", "capture"):
        if not getattr(into, field):
            setattr(into, field, getattr(state, field))
    for queue in state.queues:
        _states[queue] = into
    into.queues |= state.queues


def _split(queue: MessageQueue, state: InputState) -> None:
    """Give ``queue`` an input state of its own, with what of ``state`` is its; lock held."""
    state.queues.discard(queue)
    own = _states[queue] = InputState()
    own.queues.add(queue)
    for field in ("focus", "active", "capture"):
        window = WINDOWS.get(getattr(state, field))
        if window is not None and window.queue is queue:
            setattr(own, field, window.hwnd)
            setattr(state, field, 0)


# -- what goes with a window or a thread -----------------------------------------------------


def _window_gone(hwnd: int) -> None:
    with KERNEL_LOCK:
        if _foreground[0] == hwnd:
            _foreground[0] = 0
        for state in set(_states.values()):
            if state.focus == hwnd:
                state.focus = 0
            if state.active == hwnd:
                state.active = 0
            if state.capture == hwnd:
                state.capture = 0


def _queue_ends(queue: MessageQueue) -> None:
    with KERNEL_LOCK:
        state = _states.pop(queue, None)
        if state is not None:
            state.queues.discard(queue)


on_window_gone(_window_gone)
on_queue_end(_queue_ends)
