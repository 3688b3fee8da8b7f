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
    "GetScrollInfo", "SetScrollInfo", "RegisterHotKey", "UnregisterHotKey",
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


# -- scroll bars ---------------------------------------------------------------------------------

_SIF_RANGE, _SIF_PAGE, _SIF_POS, _SIF_TRACKPOS = 0x1, 0x2, 0x4, 0x10
_SIF_ALL = _SIF_RANGE | _SIF_PAGE | _SIF_POS | _SIF_TRACKPOS


@api("GetScrollInfo")
def GetScrollInfo(hwnd: int, nBar: int, mask: int = _SIF_ALL, /) -> tuple[int, ...]:
    """PySCROLLINFO: ``(0, nMin, nMax, nPage, nPos, nTrackPos)``, the unasked ones 0.

    pywin32 gives fMask back as 0 (as the oracle shows).
    """
    fields = operator.index(mask)
    info = messages.scroll_info(handle_value(hwnd), operator.index(nBar))
    low, high = (info.min, info.max) if fields & _SIF_RANGE else (0, 0)
    return (
        0,
        low,
        high,
        info.page if fields & _SIF_PAGE else 0,
        info.pos if fields & _SIF_POS else 0,
        info.track_pos if fields & _SIF_TRACKPOS else 0,
    )


@api("SetScrollInfo")
def SetScrollInfo(hwnd: int, nBar: int, scollInfo: tuple[int, ...], bRedraw: int = 1, /) -> int:
    """Set what the PySCROLLINFO's fMask names; the position after (nothing is redrawn)."""
    if not isinstance(scollInfo, tuple) or not 1 <= len(scollInfo) <= 6:
        raise TypeError("SCROLLINFO must be a tuple of up to 6 ints")
    values = [operator.index(value) for value in scollInfo] + [0] * (6 - len(scollInfo))
    fields, low, high, page, pos, _track = values
    return messages.set_scroll_info(
        handle_value(hwnd), operator.index(nBar), fields,
        minimum=low, maximum=high, page=page, pos=pos,
    )  # fmt: skip


# -- hot keys ------------------------------------------------------------------------------------


@api("RegisterHotKey")
def RegisterHotKey(hWnd: int | None, id: int, Modifiers: int, vk: int, /) -> None:
    """A key combination that posts WM_HOTKEY to the window (None: the thread) when typed."""
    messages.register_hotkey(
        handle_value(hWnd), operator.index(id), operator.index(Modifiers), operator.index(vk)
    )


@api("UnregisterHotKey")
def UnregisterHotKey(hWnd: int | None, id: int, /) -> None:
    messages.unregister_hotkey(handle_value(hWnd), operator.index(id))
