"""Window and class longs: GetWindowLong/SetWindowLong, subclassing, CallWindowProc.

A window's longs are fields of its :class:`~apartment.messages.Window`: GWL_STYLE, GWL_EXSTYLE,
GWL_ID (a child's id; a top-level window's menu), GWL_USERDATA, GWL_HINSTANCE, GWL_HWNDPARENT
(the owner of a top-level window, the parent of a child) and GWL_WNDPROC, its procedure.

A procedure is a Python callable; where Windows hands out its address (GWL_WNDPROC,
GCL_WNDPROC), the address is a number this module gives the callable, stable for the life of
the process, which :func:`proc_at` turns back into the callable (so CallWindowProc and a
restoring SetWindowLong take what GetWindowLong gave).

Setting GWL_STYLE or GWL_EXSTYLE sends WM_STYLECHANGING (whose :class:`StyleStruct` the
procedure may change) and WM_STYLECHANGED, with the index as wParam, as Windows does; the
change itself shows or hides nothing (WS_VISIBLE is only a bit here too).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final, final

from ..errors import ERROR_INVALID_INDEX, InvalidParameterError, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._gui_constants import WM_STYLECHANGED, WM_STYLECHANGING
from ._send import send_message
from ._styles import (
    WS_CHILD,
    WS_CLIPSIBLINGS,
    WS_DLGFRAME,
    WS_EX_DLGMODALFRAME,
    WS_EX_STATICEDGE,
    WS_EX_TOPMOST,
    WS_EX_WINDOWEDGE,
    WS_THICKFRAME,
)
from ._window_table import window_of

if TYPE_CHECKING:
    from ._window import Window
    from ._wndclass import WindowProc

__all__ = [
    "GCL_CBCLSEXTRA",
    "GCL_CBWNDEXTRA",
    "GCL_HBRBACKGROUND",
    "GCL_HCURSOR",
    "GCL_HICON",
    "GCL_HMODULE",
    "GCL_STYLE",
    "GCL_WNDPROC",
    "GCW_ATOM",
    "GWL_EXSTYLE",
    "GWL_HINSTANCE",
    "GWL_HWNDPARENT",
    "GWL_ID",
    "GWL_STYLE",
    "GWL_USERDATA",
    "GWL_WNDPROC",
    "StyleStruct",
    "call_window_proc",
    "class_long",
    "proc_address",
    "proc_at",
    "set_class_long",
    "set_class_word",
    "set_window_long",
    "set_window_proc",
    "set_window_word",
    "window_long",
]

GWL_WNDPROC: Final = -4
GWL_HINSTANCE: Final = -6
GWL_HWNDPARENT: Final = -8
GWL_ID: Final = -12
GWL_STYLE: Final = -16
GWL_EXSTYLE: Final = -20
GWL_USERDATA: Final = -21

GCL_HBRBACKGROUND: Final = -10
GCL_HCURSOR: Final = -12
GCL_HICON: Final = -14
GCL_HMODULE: Final = -16
GCL_CBWNDEXTRA: Final = -18
GCL_CBCLSEXTRA: Final = -20
GCL_WNDPROC: Final = -24
GCL_STYLE: Final = -26
GCW_ATOM: Final = -32

_POINTER_INDEXES: Final = frozenset({GWL_WNDPROC, GWL_HINSTANCE, GWL_HWNDPARENT})
"""The window longs that hold a pointer: 64-bit Windows' GetWindowLong refuses them."""

_WINDOW_INDEXES: Final = frozenset(
    {GWL_WNDPROC, GWL_HINSTANCE, GWL_HWNDPARENT, GWL_ID, GWL_STYLE, GWL_EXSTYLE, GWL_USERDATA}
)
_CLASS_INDEXES: Final = frozenset(
    {GCL_HBRBACKGROUND, GCL_HCURSOR, GCL_HICON, GCL_HMODULE, GCL_CBWNDEXTRA, GCL_CBCLSEXTRA,
     GCL_WNDPROC, GCL_STYLE, GCW_ATOM}
)  # fmt: skip

_POINTER: Final = 2**64
_LONG: Final = 2**32


@final
class StyleStruct:
    """WM_STYLECHANGING's and WM_STYLECHANGED's lParam (STYLESTRUCT).

    In WM_STYLECHANGING the procedure may change ``new``: the window gets that style.
    """

    __slots__ = ("new", "old")

    def __init__(self, old: int, new: int) -> None:
        self.old = old
        self.new = new

    def __repr__(self) -> str:
        return f"StyleStruct(old={self.old:#x}, new={self.new:#x})"


# -- procedure addresses --------------------------------------------------------------------

_addresses: dict[int, int] = {}  # id(proc) -> address; the procedure is kept in _procs
_procs: dict[int, WindowProc] = {}  # address -> procedure
_next_address = itertools.count(0x7FF7_0001_0000, 0x10)


def proc_address(proc: WindowProc) -> int:
    """The address that stands for a window procedure (what GWL_WNDPROC gives).

    The procedure is kept alive from then on, as code at an address would be.
    """
    if not callable(proc):
        raise TypeError(f"a window procedure is callable, not {proc!r}")
    with KERNEL_LOCK:
        address = _addresses.get(id(proc))
        if address is None:
            address = next(_next_address)
            _addresses[id(proc)] = address
            _procs[address] = proc
        return address


def proc_at(address: int) -> WindowProc:
    """The window procedure at an address :func:`proc_address` gave.

    Raises:
        InvalidParameterError: no procedure has that address (Windows would crash calling it).
    """
    with KERNEL_LOCK:
        proc = _procs.get(address)
    if proc is None:
        raise InvalidParameterError(f"no window procedure is at address {address:#x}")
    return proc


def call_window_proc(
    proc: WindowProc | int, hwnd: int, msg: int, wparam: object, lparam: object
) -> int:
    """Call a window procedure (a callable or its address) now, on this thread (CallWindowProc).

    What a subclassing procedure does to pass a message on to the procedure it replaced.
    A NULL procedure (0) gives 0.

    Raises:
        InvalidParameterError: ``proc`` is an address of no procedure.
    """
    if proc == 0:
        return 0  # CallWindowProc(NULL, ...) calls nothing
    fn = proc_at(proc) if isinstance(proc, int) and not isinstance(proc, bool) else proc
    if not callable(fn):
        raise TypeError(f"a window procedure is callable or an address, not {proc!r}")
    result = fn(hwnd, msg, wparam, lparam)
    return result if isinstance(result, int) else 0


# -- window longs ----------------------------------------------------------------------------


def _invalid_index(detail: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_INDEX, detail)


def _check_index(index: object, known: frozenset[int], what: str) -> int:
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"a {what} index is an int, not {index!r}")
    if index not in known:
        raise _invalid_index(f"{index} is no {what} index this model keeps")
    return index


def window_long(hwnd: int, index: int, *, pointer_size: bool = True) -> int:
    """Read one of a window's longs (GetWindowLongPtr; GetWindowLong with ``pointer_size=False``).

    GWL_WNDPROC gives the procedure's address (:func:`proc_address`). With
    ``pointer_size=False`` the pointer fields (GWL_WNDPROC, GWL_HINSTANCE, GWL_HWNDPARENT) are
    refused, as 64-bit Windows' 32-bit GetWindowLong refuses them, and the rest are read as
    signed 32-bit values.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_INDEX for no such index.
    """
    window = window_of(hwnd)
    _check_index(index, _WINDOW_INDEXES, "window long")
    if not pointer_size and index in _POINTER_INDEXES:
        raise _invalid_index(f"GWL index {index} holds a pointer: GetWindowLongPtr reads it")
    if index == GWL_WNDPROC:
        return proc_address(window.proc)
    with KERNEL_LOCK:
        value = _read(window, index)
    if not pointer_size:
        value = _signed(value, _LONG)
    return value


def _read(window: Window, index: int) -> int:
    """A window long other than GWL_WNDPROC; kernel lock held."""
    if index == GWL_STYLE:
        return window.style
    if index == GWL_EXSTYLE:
        return window.ex_style
    if index == GWL_ID:
        return window.child_id if window.is_child else window.menu
    if index == GWL_USERDATA:
        return window.user_data
    if index == GWL_HINSTANCE:
        return window.instance
    return window.parent if window.is_child else window.owner  # GWL_HWNDPARENT


def _signed(value: int, size: int) -> int:
    value %= size
    return value - size if value >= size // 2 else value


def set_window_long(hwnd: int, index: int, value: int) -> int:
    """Set one of a window's longs and return its previous value (SetWindowLongPtr).

    GWL_WNDPROC takes a procedure's address (see :func:`set_window_proc` for a callable).
    GWL_STYLE and GWL_EXSTYLE send WM_STYLECHANGING and WM_STYLECHANGED to the window's
    procedure (on its thread); a top-level window keeps WS_CLIPSIBLINGS, as on Windows, and
    GWL_EXSTYLE keeps WS_EX_TOPMOST as it was and WS_EX_WINDOWEDGE as the frame gives it.
    GWL_HWNDPARENT changes a top-level window's owner. Values are pointer-sized: wider ones
    are cut to 64 bits.

    Raises:
        InvalidWindowHandleError: no such window (or, for GWL_HWNDPARENT, no such owner).
        Win32Error: ERROR_INVALID_INDEX for no such index, or GWL_HINSTANCE.
        InvalidParameterError: GWL_WNDPROC with an address of no procedure.
    """
    window = window_of(hwnd)
    _check_index(index, _WINDOW_INDEXES, "window long")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a window long is an int, not {value!r}")
    if index == GWL_WNDPROC:
        return proc_address(set_window_proc(hwnd, proc_at(value)))
    if index in (GWL_STYLE, GWL_EXSTYLE):
        return _set_style(window, index, value % _LONG)
    value = _signed(value, _POINTER)
    with KERNEL_LOCK:
        previous = _read(window, index)
        if index == GWL_USERDATA:
            window.user_data = value
        elif index == GWL_ID:
            if window.is_child:
                window.child_id = value
            else:
                window.menu = value
        elif index == GWL_HWNDPARENT:
            if window.is_child:
                raise _invalid_index("GWL_HWNDPARENT of a child window is not changeable here")
            window.owner = value
        else:
            raise _invalid_index("GWL_HINSTANCE is not changeable here")
    return previous


def edged(style: int, ex_style: int) -> int:
    """``ex_style`` with WS_EX_WINDOWEDGE as the window's frame gives it, whatever was asked.

    A thick or dialog frame (a caption includes one) has the raised edge unless the window
    asks for a static edge; a modal dialog frame always has it; nothing else does. Windows
    applies this at creation and whenever the extended style is set.
    """
    framed = style & (WS_DLGFRAME | WS_THICKFRAME) and not ex_style & WS_EX_STATICEDGE
    if framed or ex_style & WS_EX_DLGMODALFRAME:
        return ex_style | WS_EX_WINDOWEDGE
    return ex_style & ~WS_EX_WINDOWEDGE


def _set_style(window: Window, index: int, value: int) -> int:
    with KERNEL_LOCK:
        old = window.style if index == GWL_STYLE else window.ex_style
    change = StyleStruct(old, value)
    send_message(window.hwnd, WM_STYLECHANGING, index, change)
    new = change.new % _LONG
    with KERNEL_LOCK:
        if index == GWL_STYLE:
            if not window.style & WS_CHILD:
                new |= WS_CLIPSIBLINGS  # a top-level window always clips its siblings
            window.style = new
        else:
            # WS_EX_TOPMOST changes only by SetWindowPos (HWND_TOPMOST / HWND_NOTOPMOST)
            new = (new & ~WS_EX_TOPMOST) | (window.ex_style & WS_EX_TOPMOST)
            new = window.ex_style = edged(window.style, new)
    send_message(window.hwnd, WM_STYLECHANGED, index, StyleStruct(old, new))
    return old


def set_window_proc(hwnd: int, proc: WindowProc) -> WindowProc:
    """Give a window a new procedure and return the one it had (subclassing).

    The new procedure gets every message from then on; it passes those it does not handle
    to the old one with :func:`call_window_proc`.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if not callable(proc):
        raise TypeError(f"a window procedure is callable, not {proc!r}")
    window = window_of(hwnd)
    with KERNEL_LOCK:
        previous = window.proc
        window.proc = proc
    return previous


# -- class longs ------------------------------------------------------------------------------


def class_long(hwnd: int, index: int) -> int:
    """Read one of the longs of a window's class (GetClassLongPtr).

    GCL_STYLE, GCL_WNDPROC (an address) and GCW_ATOM are kept; the class's icon, cursor,
    brush, module and extra sizes are not, and read 0.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_INDEX for no such index.
    """
    wclass = window_of(hwnd).wclass
    _check_index(index, _CLASS_INDEXES, "class long")
    if index == GCL_WNDPROC:
        return proc_address(wclass.proc)
    with KERNEL_LOCK:
        if index == GCL_STYLE:
            return wclass.style
        return wclass.atom if index == GCW_ATOM else 0


def set_class_long(hwnd: int, index: int, value: int) -> int:
    """Set GCL_STYLE or GCL_WNDPROC (an address) of a window's class; the previous value.

    The class's new procedure is for windows created from then on, as on Windows.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_INDEX for no such index, or one this model does not keep.
        InvalidParameterError: GCL_WNDPROC with an address of no procedure.
    """
    wclass = window_of(hwnd).wclass
    _check_index(index, _CLASS_INDEXES, "class long")
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"a class long is an int, not {value!r}")
    if index == GCL_WNDPROC:
        proc = proc_at(value)
        with KERNEL_LOCK:
            previous = wclass.proc
            wclass.proc = proc
        return proc_address(previous)
    if index != GCL_STYLE:
        raise _invalid_index(f"class long {index} is not changeable here")
    with KERNEL_LOCK:
        previous_style = wclass.style
        wclass.style = value % _LONG
    return previous_style


# -- words ------------------------------------------------------------------------------------


def set_window_word(hwnd: int, index: int, value: int) -> int:
    """Set a WORD of a window's extra bytes (SetWindowWord); the previous WORD.

    Windows created here have no extra bytes (a class's cbWndExtra is not kept), so every
    offset from 0 up is past their end; of the negative offsets, 64-bit Windows still takes
    GWL_ID, whose low word is set. ``value`` is cut to 16 bits.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_INDEX for any other offset.
    """
    window = window_of(hwnd)
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"a window word's offset is an int, not {index!r}")
    if index != GWL_ID:
        raise _invalid_index(f"offset {index}: this window has no extra bytes there")
    word = value & 0xFFFF
    with KERNEL_LOCK:
        previous = _read(window, GWL_ID)
        kept = (previous & ~0xFFFF) | word
        if window.is_child:
            window.child_id = kept
        else:
            window.menu = kept
    return previous & 0xFFFF


def set_class_word(hwnd: int, index: int, value: int) -> int:
    """Set a WORD of the extra bytes of a window's class (SetClassWord); the previous WORD.

    Classes registered here keep no extra bytes (cbClsExtra), and GCW_ATOM cannot change:
    every offset is ERROR_INVALID_INDEX once the window is found.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_INDEX.
    """
    window_of(hwnd)
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"a class word's offset is an int, not {index!r}")
    raise _invalid_index(f"offset {index}: the class has no extra bytes there")
