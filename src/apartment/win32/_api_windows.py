"""``win32api``'s window names: window and class longs, the focus, the cursor.

``win32api`` star-imports it. These raise where pywin32's win32api raises (its functions check
the result), unlike the ``win32gui`` ones of the same name.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import messages
from ._adapt import api
from ._handles import handle_value

__all__ = [
    "GetWindowLong", "SetWindowLong", "SetClassLong", "GetFocus", "GetCursorPos",
    "SetCursorPos", "ClipCursor", "LoadCursor",
]  # fmt: skip


def _int(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


def _ints(value: object, count: int, what: str) -> tuple[int, ...]:
    if isinstance(value, tuple) and len(value) == count:
        return tuple(_int(item) for item in value)
    raise TypeError(f"{what} must be a tuple of {count} ints")


@api("GetWindowLong")
def GetWindowLong(hwnd: int | None, offset: int, /) -> int:
    return messages.window_long(handle_value(hwnd), _int(offset), pointer_size=False)


@api("SetWindowLong")
def SetWindowLong(hwnd: int | None, offset: int, value: Any, /) -> int:  # noqa: ANN401
    """Set a window long; the previous value. GWL_WNDPROC takes a procedure's address."""
    if not isinstance(value, int) or not -(2**63) <= value < 2**64:
        raise TypeError(f"Unable to convert {type(value).__name__} to pointer-sized value")
    return messages.set_window_long(handle_value(hwnd), _int(offset), int(value))


@api("SetClassLong")
def SetClassLong(hwnd: int, offset: int, val: int, /) -> int:
    return messages.set_class_long(handle_value(hwnd), _int(offset), _int(val))


def GetFocus() -> int:
    return messages.focus_window()


def GetCursorPos() -> tuple[int, int]:
    return messages.cursor_pos()


@api("SetCursorPos")
def SetCursorPos(arg: tuple[int, int], /) -> None:
    x, y = _ints(arg, 2, "a point")
    messages.move_cursor(x, y)


@api("ClipCursor")
def ClipCursor(arg: object, /) -> None:
    """Confine the cursor to a rectangle (pywin32 takes no None: the desktop's frees it)."""
    if not isinstance(arg, (tuple, list)):
        raise TypeError(f"ClipCursor() argument 1 must be 4-item sequence, not {arg!r}")
    if len(arg) != 4:
        raise TypeError(f"ClipCursor() argument 1 must be sequence of length 4, not {len(arg)}")
    left, top, right, bottom = (_int(value) for value in arg)
    messages.clip_cursor((left, top, right, bottom))


@api("LoadCursor")
def LoadCursor(hInstance: object, cursorid: object, /) -> int:
    """A stock cursor (``hInstance`` 0, an IDC_* number); win32api's raises for a missing one."""
    if isinstance(cursorid, bool) or not isinstance(cursorid, (int, str)):
        raise TypeError("Resource id/name must be unicode or int in the range 0-65536")
    return messages.load_cursor(handle_value(hInstance), cursorid)
