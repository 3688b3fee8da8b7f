"""What the window messages carry: the structures Windows passes by pointer, as objects.

Windows passes WM_NCCREATE/WM_CREATE a CREATESTRUCT, WM_WINDOWPOSCHANGING/CHANGED a
WINDOWPOS and WM_GETTEXT a buffer, each by pointer in lParam. Here lParam is the object
itself: a window procedure reads it, and may change it where Windows lets a procedure change
the structure (a WindowPos during WM_WINDOWPOSCHANGING, a TextBuffer during WM_GETTEXT).
"""

from __future__ import annotations

from typing import final

__all__ = ["CreateStruct", "TextBuffer", "WindowPos", "make_lparam"]


def make_lparam(low: int, high: int) -> int:
    """Pack two 16-bit values into an LPARAM, as MAKELPARAM does (``low`` in bits 0-15)."""
    return (low & 0xFFFF) | (high & 0xFFFF) << 16


@final
class CreateStruct:
    """The CREATESTRUCT of WM_NCCREATE and WM_CREATE: how the window is being created.

    ``x``/``y`` are relative to the parent's client area (the screen for a top-level
    window); ``parent`` is the parent of a child window or the owner of a top-level one,
    as Windows gives hwndParent.
    """

    __slots__ = (
        "child_id",
        "class_name",
        "ex_style",
        "height",
        "instance",
        "parent",
        "style",
        "title",
        "width",
        "x",
        "y",
    )

    def __init__(
        self,
        class_name: str,
        title: str,
        style: int,
        ex_style: int,
        rect: tuple[int, int, int, int],
        parent: int,
        child_id: int,
        instance: int,
    ) -> None:
        self.class_name = class_name
        self.title = title
        self.style = style
        self.ex_style = ex_style
        self.x, self.y, self.width, self.height = rect
        self.parent = parent
        self.child_id = child_id
        self.instance = instance

    def __repr__(self) -> str:
        return (
            f"CreateStruct({self.class_name!r}, {self.title!r}, style={self.style:#x}, "
            f"ex_style={self.ex_style:#x}, rect={(self.x, self.y, self.width, self.height)}, "
            f"parent={self.parent:#x})"
        )


@final
class WindowPos:
    """The WINDOWPOS of WM_WINDOWPOSCHANGING and WM_WINDOWPOSCHANGED.

    During WM_WINDOWPOSCHANGING the procedure may change ``x``, ``y``, ``width``,
    ``height`` and ``flags`` (SWP_*): the change made is the one it leaves there. During
    WM_WINDOWPOSCHANGED it describes the change made, with SWP_NOCLIENTSIZE and
    SWP_NOCLIENTMOVE set when the size or the position did not change.
    """

    __slots__ = ("flags", "height", "hwnd", "insert_after", "width", "x", "y")

    def __init__(
        self, hwnd: int, insert_after: int, x: int, y: int, width: int, height: int, flags: int
    ) -> None:
        self.hwnd = hwnd
        self.insert_after = insert_after
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.flags = flags

    def __repr__(self) -> str:
        return (
            f"WindowPos(hwnd={self.hwnd:#x}, x={self.x}, y={self.y}, width={self.width}, "
            f"height={self.height}, flags={self.flags:#x})"
        )


@final
class TextBuffer:
    """The buffer of WM_GETTEXT: room for ``size - 1`` characters (wParam is ``size``).

    DefWindowProc fills ``text`` with the window's text, cut to fit; a procedure that
    answers WM_GETTEXT itself sets ``text`` and returns its length.
    """

    __slots__ = ("size", "text")

    def __init__(self, size: int) -> None:
        self.size = size
        self.text = ""

    def __repr__(self) -> str:
        return f"TextBuffer(size={self.size}, text={self.text!r})"
