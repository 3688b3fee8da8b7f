"""win32gui's cursor, mouse and caret names: SetCursor, GetCursorInfo, double clicks, carets.

Re-exported by :mod:`.win32gui`; each is one call into the message layer (``_mouse``,
``_caret``).
"""

from __future__ import annotations

import operator

from .. import messages
from ._adapt import api
from ._handles import handle_value

__all__ = [
    "SetCursor", "GetCursor", "GetCursorInfo", "GetDoubleClickTime", "SetDoubleClickTime",
    "CreateCaret", "DestroyCaret", "ShowCaret", "HideCaret", "SetCaretPos", "GetCaretPos",
]  # fmt: skip


def _uint(value: object) -> int:
    return operator.index(value) & 0xFFFFFFFF  # type: ignore[arg-type]


def SetCursor(hcursor: int, /) -> int:
    """Set the calling thread's cursor; the previous one (0 for a handle that is no cursor)."""
    return messages.set_cursor(handle_value(hcursor))


def GetCursor() -> int:
    """The calling thread's cursor, 0 for none."""
    return messages.cursor()


def GetCursorInfo() -> tuple[int, int, tuple[int, int]]:
    """``(flags, hCursor, (x, y))``: CURSOR_SHOWING, the cursor on the screen, where it is."""
    return messages.cursor_info()


def GetDoubleClickTime() -> int:
    """The longest time between the presses of a double click, in ms (500 at first)."""
    return messages.double_click_time()


def SetDoubleClickTime(newVal: int, /) -> None:
    """Set the double-click time; 0 restores the default."""
    messages.set_double_click_time(_uint(newVal))


# -- the caret ---------------------------------------------------------------------------------


@api("CreateCaret")
def CreateCaret(hWnd: int, hBitmap: object, nWidth: int, nHeight: int, /) -> None:
    messages.create_caret(
        handle_value(hWnd), handle_value(hBitmap), operator.index(nWidth), operator.index(nHeight)
    )


@api("DestroyCaret")
def DestroyCaret() -> None:
    messages.destroy_caret()


@api("ShowCaret")
def ShowCaret(hWnd: int, /) -> None:
    messages.show_caret(handle_value(hWnd))


@api("HideCaret")
def HideCaret(hWnd: int, /) -> None:
    messages.hide_caret(handle_value(hWnd))


@api("SetCaretPos")
def SetCaretPos(x: int, y: int, /) -> None:
    messages.set_caret_pos(operator.index(x), operator.index(y))


@api("GetCaretPos")
def GetCaretPos() -> tuple[int, int]:
    return messages.caret_pos()
