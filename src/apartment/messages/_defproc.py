"""DefWindowProc: what a window does with a message its procedure leaves to the system."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import (
    WM_CLOSE,
    WM_GETTEXT,
    WM_GETTEXTLENGTH,
    WM_MOVE,
    WM_NCCREATE,
    WM_PAINT,
    WM_SETTEXT,
    WM_SIZE,
    WM_WINDOWPOSCHANGED,
)
from ._crossing import fill_text
from ._destroy import destroy_window
from ._focus import capture_window, release_capture, set_focus
from ._gui_constants import WA_INACTIVE, WM_ACTIVATE, WM_CANCELMODE
from ._params import CreateStruct, TextBuffer, WindowPos, make_lparam
from ._styles import SIZE_RESTORED, SWP_NOCLIENTMOVE, SWP_NOCLIENTSIZE, WS_MINIMIZE
from ._window_table import window_of

if TYPE_CHECKING:
    from ._window import Window

__all__ = ["def_window_proc"]


def def_window_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """Default handling of a message (DefWindowProc).

    WM_NCCREATE keeps the title of the CreateStruct (a procedure that answers it without
    DefWindowProc leaves the window without text) and allows the creation; WM_SETTEXT keeps
    the text, WM_GETTEXT and WM_GETTEXTLENGTH give it; WM_WINDOWPOSCHANGED sends WM_MOVE and
    WM_SIZE for what changed; WM_CLOSE destroys the window; WM_PAINT validates it. Every
    other message gives 0.
    """
    if msg == WM_NCCREATE:
        if isinstance(lparam, CreateStruct):
            _set_title(hwnd, lparam.title)
        return 1
    if msg == WM_CLOSE:
        destroy_window(hwnd)
    elif msg == WM_PAINT:
        window_of(hwnd).validate()
    elif msg == WM_SETTEXT:
        _set_title(hwnd, lparam if isinstance(lparam, str) else "")
        return 1
    elif msg == WM_GETTEXT:
        return _get_text(hwnd, wparam, lparam)
    elif msg == WM_GETTEXTLENGTH:  # in UTF-16 units, as Windows counts WCHARs
        return len(window_of(hwnd).title.encode("utf-16-le")) // 2
    elif msg == WM_WINDOWPOSCHANGED and isinstance(lparam, WindowPos):
        _size_and_move(window_of(hwnd), lparam)
    elif msg == WM_CANCELMODE and capture_window() == hwnd:
        release_capture()
    elif msg == WM_ACTIVATE and isinstance(wparam, int) and wparam & 0xFFFF != WA_INACTIVE:
        _take_focus(hwnd)
    return 0


def _take_focus(hwnd: int) -> None:
    """DefWindowProc's WM_ACTIVATE: a window activated, not minimized, takes the focus."""
    if not window_of(hwnd).style & WS_MINIMIZE:
        set_focus(hwnd)


def _set_title(hwnd: int, title: str) -> None:
    """Keep a window's text: up to its first NUL, as a C string ends there."""
    title = title.split("\0", 1)[0]
    window = window_of(hwnd)
    with KERNEL_LOCK:
        window.title = title


def _get_text(hwnd: int, size: object, buffer: object) -> int:
    title = window_of(hwnd).title
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        return 0
    if isinstance(buffer, TextBuffer):
        buffer.text = title[: size - 1]
        return len(buffer.text)
    if isinstance(buffer, (bytearray, memoryview)) or (isinstance(buffer, int) and buffer):
        # A sender's own buffer or address (a thread of this process sent it): filled with
        # UTF-16 characters and a NUL, as the W procedure fills it.
        fill_text(buffer, size, title)
        return min(len(title), size - 1)
    return 0


def _size_and_move(window: Window, pos: WindowPos) -> None:
    """DefWindowProc's WM_WINDOWPOSCHANGED: WM_MOVE, then WM_SIZE, for what changed."""
    if not pos.flags & SWP_NOCLIENTMOVE:
        window.call(WM_MOVE, 0, make_lparam(pos.x, pos.y))
    if not pos.flags & SWP_NOCLIENTSIZE and not window.destroyed:
        window.call(WM_SIZE, SIZE_RESTORED, make_lparam(pos.width, pos.height))
