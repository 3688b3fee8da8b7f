"""The mouse cursor: a position on the desktop and the rectangle it is confined to.

There is no mouse: the cursor is where SetCursorPos last put it (the desktop's top left
corner at first), always inside the clipping rectangle (ClipCursor; the desktop without one).
Moving it sends no message. The state is the process's one, under the kernel lock.
"""

from __future__ import annotations

from ..kernel.lowlevel import KERNEL_LOCK
from ._windowpos import DESKTOP_SIZE

__all__ = ["clip_cursor", "cursor_clip", "cursor_pos", "set_cursor_pos"]

Rect = tuple[int, int, int, int]
_DESKTOP: Rect = (0, 0, DESKTOP_SIZE[0], DESKTOP_SIZE[1])


class _Cursor:
    """The cursor's position and clipping rectangle; kernel lock."""

    pos: tuple[int, int] = (0, 0)
    clip: Rect = _DESKTOP


_state = _Cursor()


def _ints(name: str, values: tuple[object, ...], count: int) -> tuple[int, ...]:
    if len(values) != count or any(
        isinstance(value, bool) or not isinstance(value, int) for value in values
    ):
        raise TypeError(f"{name} is a tuple of {count} ints, not {values!r}")
    return tuple(values)  # type: ignore[arg-type]


def cursor_pos() -> tuple[int, int]:
    """Where the cursor is, in screen coordinates (GetCursorPos)."""
    with KERNEL_LOCK:
        return _state.pos


def _clamp(x: int, y: int, clip: Rect) -> tuple[int, int]:
    left, top, right, bottom = clip
    return min(max(x, left), max(right - 1, left)), min(max(y, top), max(bottom - 1, top))


def set_cursor_pos(x: int, y: int) -> None:
    """Move the cursor (SetCursorPos); it stays inside the clipping rectangle."""
    _ints("a point", (x, y), 2)
    with KERNEL_LOCK:
        _state.pos = _clamp(x, y, _state.clip)


def clip_cursor(rect: tuple[int, int, int, int] | None) -> None:
    """Confine the cursor to ``rect`` (on the desktop), or free it with None (ClipCursor).

    The cursor moves inside the rectangle at once if it was outside.
    """
    with KERNEL_LOCK:
        if rect is None:
            _state.clip = _DESKTOP
        else:
            left, top, right, bottom = _ints("a rectangle", tuple(rect), 4)
            clip = (max(left, 0), max(top, 0), min(right, _DESKTOP[2]), min(bottom, _DESKTOP[3]))
            _state.clip = clip
        _state.pos = _clamp(_state.pos[0], _state.pos[1], _state.clip)


def cursor_clip() -> tuple[int, int, int, int]:
    """The rectangle the cursor is confined to (GetClipCursor): the desktop when free."""
    with KERNEL_LOCK:
        return _state.clip
