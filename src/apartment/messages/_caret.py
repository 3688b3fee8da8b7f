"""The caret: one per thread (message queue), in a window of that thread.

Windows' rules, as Wine's server keeps them: CreateCaret makes the thread's caret (destroying
the one it had) in a window of the thread, hidden once (ShowCaret shows it), at (0, 0), its
size the bitmap's or the one given (0 is a border's width, 1). Hiding counts: ShowCaret undoes
one HideCaret and does nothing more on a caret that shows. HideCaret and ShowCaret name the
caret's window or 0 (whichever window has it). A thread without a caret, or naming another
window, is refused with ERROR_ACCESS_DENIED by ShowCaret and HideCaret; so is a window of
another thread by CreateCaret. The position is the thread's, caret or not: SetCaretPos and
GetCaretPos work without one, and DestroyCaret of none does nothing; destroying the caret's
window leaves the caret to the thread (as Wine answers all three). Nothing is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import AccessDeniedError
from ..kernel.lowlevel import KERNEL_LOCK
from ._queue import current_queue, on_queue_end
from ._window_table import window_of

if TYPE_CHECKING:
    from ._queue import MessageQueue

__all__ = [
    "Caret",
    "caret_info",
    "caret_pos",
    "create_caret",
    "destroy_caret",
    "hide_caret",
    "set_caret_pos",
    "show_caret",
]


@dataclass
class Caret:
    """A thread's caret: its window, shape, position and hide count."""

    hwnd: int
    bitmap: int
    width: int
    height: int
    x: int = 0
    y: int = 0
    hidden: int = 1


_carets: dict[MessageQueue, Caret] = {}
_positions: dict[MessageQueue, tuple[int, int]] = {}  # of threads without a caret


def _int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} is an int, not {value!r}")
    return value


def create_caret(hwnd: int, bitmap: int = 0, width: int = 0, height: int = 0) -> None:
    """Give the calling thread a caret in its window ``hwnd`` (CreateCaret); hidden at first.

    Raises:
        InvalidWindowHandleError: no such window.
        AccessDeniedError: a window of another thread.
    """
    for name, value in (("bitmap", bitmap), ("width", width), ("height", height)):
        _int(name, value)
    window = window_of(hwnd)
    queue = current_queue()
    if window.queue is not queue:
        raise AccessDeniedError(f"{window!r} belongs to another thread: it cannot have its caret")
    with KERNEL_LOCK:
        x, y = _positions.pop(queue, (0, 0))
        _carets[queue] = Caret(hwnd, bitmap, width or 1, height or 1, x, y)


def _mine(hwnd: int) -> Caret:
    """The calling thread's caret, if ``hwnd`` is 0 or its window; kernel lock held."""
    caret = _carets.get(current_queue())
    if caret is None:
        raise AccessDeniedError("this thread has no caret (CreateCaret)")
    if hwnd and hwnd != caret.hwnd:
        raise AccessDeniedError(f"the caret is in window {caret.hwnd:#x}, not {hwnd:#x}")
    return caret


def destroy_caret() -> None:
    """Destroy the calling thread's caret, if it has one (DestroyCaret); its position stays."""
    queue = current_queue()
    with KERNEL_LOCK:
        caret = _carets.pop(queue, None)
        if caret is not None:
            _positions[queue] = (caret.x, caret.y)


def hide_caret(hwnd: int = 0) -> None:
    """Hide the caret once more (HideCaret); ``hwnd`` 0 or the caret's window.

    Raises:
        AccessDeniedError: no caret, or another window.
    """
    _int("a window", hwnd)
    with KERNEL_LOCK:
        _mine(hwnd).hidden += 1


def show_caret(hwnd: int = 0) -> None:
    """Undo one HideCaret (ShowCaret); a caret that shows stays so.

    Raises:
        AccessDeniedError: no caret, or another window.
    """
    _int("a window", hwnd)
    with KERNEL_LOCK:
        caret = _mine(hwnd)
        caret.hidden = max(caret.hidden - 1, 0)


def set_caret_pos(x: int, y: int) -> None:
    """Move the calling thread's caret (or its caret position), client coordinates (SetCaretPos)."""
    _int("x", x)
    _int("y", y)
    queue = current_queue()
    with KERNEL_LOCK:
        caret = _carets.get(queue)
        if caret is None:
            _positions[queue] = (x, y)
        else:
            caret.x, caret.y = x, y


def caret_pos() -> tuple[int, int]:
    """Where the calling thread's caret is, or was last put (GetCaretPos); (0, 0) at first."""
    queue = current_queue()
    with KERNEL_LOCK:
        caret = _carets.get(queue)
        return (caret.x, caret.y) if caret is not None else _positions.get(queue, (0, 0))


def caret_info() -> Caret | None:
    """A copy of the calling thread's caret, None without one (GetGUIThreadInfo's part)."""
    with KERNEL_LOCK:
        caret = _carets.get(current_queue())
        return None if caret is None else Caret(**vars(caret))


def _queue_ends(queue: MessageQueue) -> None:
    with KERNEL_LOCK:
        _carets.pop(queue, None)
        _positions.pop(queue, None)


on_queue_end(_queue_ends)
