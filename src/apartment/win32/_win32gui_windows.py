"""``win32gui``'s window state: window longs, subclassing, focus, capture, placement, points.

Also activation, the cursor and dialog ids. ``win32gui`` star-imports it.

pywin32's quirks kept here: GetWindowLong is the 32-bit call (so on 64-bit Windows the pointer
indexes, GWL_WNDPROC among them, give 0) and, like SetWindowLong, GetDlgCtrlID, GetDlgItem
and GetWindowTextLength, answers 0 instead of raising; SetWindowLong with GWL_WNDPROC takes a
callable or a dict ``{msg: fn}`` (as a class's procedure) and returns the old procedure's
address, which CallWindowProc takes.
"""

from __future__ import annotations

import array as _array
import operator
import warnings
from typing import TYPE_CHECKING, Any

from .. import kernel, messages
from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._adapt import api, as_bool, dword, soft
from ._handles import handle_value
from ._wndproc import PyWndProc

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "GetWindowLong", "SetWindowLong", "CallWindowProc", "GetClassLong",
    "EnableWindow", "IsWindowEnabled", "GetForegroundWindow", "SetForegroundWindow",
    "GetActiveWindow", "SetActiveWindow", "GetFocus", "SetFocus", "BringWindowToTop",
    "GetTopWindow", "GetAncestor", "GetDlgCtrlID", "GetDlgItem", "GetWindowTextLength",
    "GetWindowPlacement", "SetWindowPlacement", "ClientToScreen", "ScreenToClient",
    "FlashWindow", "FlashWindowEx", "CloseWindow", "AnimateWindow", "IsIconic", "IsChild",
    "GetCursorPos", "GetCapture", "SetCapture", "ReleaseCapture",
    "GetLayeredWindowAttributes", "SetLayeredWindowAttributes", "ChildWindowFromPoint",
    "WindowFromPoint", "PyMakeBuffer", "GetModuleHandle", "LOWORD", "HIWORD", "PySetMemory",
    "PyGetBufferAddressAndLen", "PySetString", "PyGetArraySignedLong",
]  # fmt: skip

_GWL_WNDPROC = messages.GWL_WNDPROC
_POINTER_RANGE = range(-(2**63), 2**64)


def _index(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


def _long(value: object) -> int:
    """A window long's new value: a pointer-sized int, as pywin32 reads it."""
    if isinstance(value, int) and value in _POINTER_RANGE:
        return int(value)
    raise TypeError(f"Unable to convert {type(value).__name__} to pointer-sized value")


def _point(point: object) -> tuple[int, int]:
    if (
        isinstance(point, tuple)
        and len(point) == 2
        and all(isinstance(value, int) for value in point)
    ):
        return int(point[0]), int(point[1])
    raise TypeError("POINT must be a tuple of 2 ints (x,y)")


# -- window longs and subclassing ---------------------------------------------------------


@soft(int)
def GetWindowLong(hwnd: int, index: int, /) -> int:
    """A window long; 0 for a bad window or index (pywin32 does not check the result)."""
    return messages.window_long(handle_value(hwnd), _index(index), pointer_size=False)


@soft(int)
def SetWindowLong(hwnd: int, index: int, value: Any, /) -> int:  # noqa: ANN401
    """Set a window long; returns the previous value, 0 when it fails (pywin32 never raises).

    With GWL_WNDPROC, ``value`` is a pywin32 window procedure (a callable, or a dict
    ``{msg: fn}``); pywin32 refuses an address there, so the old procedure is put back by
    subclassing with a procedure that calls it (CallWindowProc).
    """
    index = _index(index)
    if index == _GWL_WNDPROC:
        if not (callable(value) or isinstance(value, dict)):
            raise TypeError("object must be callable or a dictionary")  # pywin32 takes no int
        proc = PyWndProc(value)
        proc.attached = True
        return messages.proc_address(messages.set_window_proc(handle_value(hwnd), proc))
    return messages.set_window_long(handle_value(hwnd), index, _long(value))


@api("CallWindowProc")
def CallWindowProc(
    wndproc: int | Callable[[int, int, Any, Any], int | None],
    hwnd: int,
    msg: int,
    wparam: object,
    lparam: object,
    /,
) -> int:
    """Call a window procedure: the address SetWindowLong returned (or a callable).

    wParam and lParam pass unchanged, as DefWindowProc passes them: a procedure hands on
    what it was given (a TextBuffer, a CreateStruct).
    """
    return messages.call_window_proc(wndproc, handle_value(hwnd), dword(msg), wparam, lparam)


@soft(int)
def GetClassLong(hwnd: int, index: int, /) -> int:
    """A class long of the window's class; 0 when it fails (pywin32 does not check)."""
    return messages.class_long(handle_value(hwnd), _index(index))


# -- enabling, activation, focus, capture -------------------------------------------------


@soft(int)
def EnableWindow(hWnd: int, bEnable: int, /) -> int:
    """Nonzero if the window was disabled before (pywin32 returns the BOOL)."""
    return int(messages.enable_window(handle_value(hWnd), as_bool(bEnable)))


@soft(int)
def IsWindowEnabled(hwnd: int | None, /) -> int:
    return int(messages.is_window_enabled(handle_value(hwnd)))


def GetForegroundWindow() -> int:
    return messages.foreground_window()


@api("SetForegroundWindow")
def SetForegroundWindow(hwnd: int, /) -> None:
    messages.set_foreground_window(handle_value(hwnd))


def GetActiveWindow() -> int:
    return messages.active_window()


@api("SetActiveWindow")
def SetActiveWindow(hwnd: int, /) -> int:
    return messages.set_active_window(handle_value(hwnd))


def GetFocus() -> int:
    return messages.focus_window()


@api("SetFocus")
def SetFocus(hwnd: int | None, /) -> int:
    return messages.set_focus(handle_value(hwnd))


def GetCapture() -> int:
    return messages.capture_window()


@api("SetCapture")
def SetCapture(hwnd: int, /) -> int:
    return messages.set_capture(handle_value(hwnd))


def ReleaseCapture() -> None:
    messages.release_capture()


# -- relations, placement, points --------------------------------------------------------


@api("BringWindowToTop")
def BringWindowToTop(hwnd: int, /) -> None:
    messages.bring_window_to_top(handle_value(hwnd))


@api("GetTopWindow")
def GetTopWindow(hWnd: int | None, /) -> int:
    return messages.top_window(handle_value(hWnd))


@api("GetAncestor")
def GetAncestor(hwnd: int, gaFlags: int, /) -> int:
    return messages.get_ancestor(handle_value(hwnd), dword(gaFlags))


def IsChild(hWndParent: int, hWnd: int, /) -> int:
    return int(messages.is_child(handle_value(hWndParent), handle_value(hWnd)))


@soft(int)
def GetDlgCtrlID(hwnd: int, /) -> int:
    """The child's id; 0 when it fails (pywin32 does not check the result)."""
    return messages.dialog_control_id(handle_value(hwnd))


@soft(int)
def GetDlgItem(hDlg: int, IDDlgItem: int, /) -> int:
    """The child with that id; 0 when there is none or it fails (pywin32 does not raise)."""
    return messages.dialog_item(handle_value(hDlg), _index(IDDlgItem))


@soft(int)
def GetWindowTextLength(hwnd: int, /) -> int:
    return messages.send_message(handle_value(hwnd), messages.WM_GETTEXTLENGTH, 0, 0)


@api("GetWindowPlacement")
def GetWindowPlacement(hwnd: int, /) -> messages.Placement:
    return messages.window_placement(handle_value(hwnd))


@api("SetWindowPlacement")
def SetWindowPlacement(hWnd: int, placement: Any, /) -> None:  # noqa: ANN401
    """``placement`` is GetWindowPlacement's 5-tuple; its flags and points are not used."""
    if not isinstance(placement, (tuple, list)) or len(placement) != 5:
        got = len(placement) if isinstance(placement, (tuple, list)) else placement
        raise TypeError(f"SetWindowPlacement() argument 2 must be sequence of length 5, not {got}")
    left, top, right, bottom = (_index(value) for value in placement[4])
    rect = (left, top, right, bottom)
    messages.set_window_placement(handle_value(hWnd), _index(placement[1]), rect)


@api("ClientToScreen")
def ClientToScreen(hWnd: int, Point: tuple[int, int], /) -> tuple[int, int]:
    return messages.client_to_screen(handle_value(hWnd), _point(Point))


@api("ScreenToClient")
def ScreenToClient(hWnd: int, Point: tuple[int, int], /) -> tuple[int, int]:
    return messages.screen_to_client(handle_value(hWnd), _point(Point))


@api("ChildWindowFromPoint")
def ChildWindowFromPoint(hwndParent: int, point: tuple[int, int], /) -> int:
    return messages.child_window_from_point(handle_value(hwndParent), _point(point))


def WindowFromPoint(point: tuple[int, int], /) -> int:
    return messages.window_from_point(_point(point))


# -- showing without a screen -------------------------------------------------------------


@soft(int)
def FlashWindow(hwnd: int, bInvert: int, /) -> int:
    """Nothing flashes; nonzero if the window was the active one."""
    return int(messages.flash_window(handle_value(hwnd)))


@soft(bool)
def FlashWindowEx(hwnd: int, dwFlags: int, uCount: int, dwTimeout: int, /) -> bool:
    """Nothing flashes; True if the window was the active one."""
    return messages.flash_window(handle_value(hwnd))


@soft(lambda: None)  # pywin32 does not check CloseWindow's result
def CloseWindow(hwnd: int, /) -> None:
    """Minimize the window (it gets WS_MINIMIZE; nothing else changes)."""
    messages.close_window(handle_value(hwnd))


def IsIconic(hWnd: int, /) -> int:
    return int(messages.is_iconic(handle_value(hWnd)))


@api("AnimateWindow")
def AnimateWindow(hwnd: int, Time: int, Flags: int, /) -> None:
    """Show or hide the window at once: no animation is drawn; 87 if it is so already."""
    if not messages.animate_window(handle_value(hwnd), dword(Flags)):
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "the window is shown or hidden already")


def GetCursorPos() -> tuple[int, int]:
    return messages.cursor_pos()


@api("GetLayeredWindowAttributes")
def GetLayeredWindowAttributes(hwnd: int, /) -> tuple[int, int, int]:
    return messages.layered_attributes(handle_value(hwnd))


@api("SetLayeredWindowAttributes")
def SetLayeredWindowAttributes(hwnd: int, Key: int, Alpha: int, Flags: int, /) -> None:
    messages.set_layered_attributes(handle_value(hwnd), dword(Key), dword(Alpha), dword(Flags))


def PyMakeBuffer(length: int, addr: object = 0, /) -> memoryview:
    """A view of ``length`` bytes at ``addr`` (read-only here), or a new zeroed buffer for 0.

    Deprecated in pywin32 (a DeprecationWarning, as there). A new buffer has room behind its
    ``length`` bytes for ``length`` UTF-16 characters and a NUL: programs pass its length as
    WM_GETTEXT's count of characters, and the W procedure's copy then lands in that room, as
    it lands in the heap's slack on Windows.
    """
    warnings.warn(
        "PyMakeBuffer is deprecated; use PyGetMemory instead", DeprecationWarning, stacklevel=2
    )
    size = _index(length)
    if not addr:
        return memoryview(bytearray(2 * max(size, 0) + 2))[:size]
    return messages.read_memory(_index(addr), size)


def PyGetBufferAddressAndLen(obj: object, /) -> tuple[int, int]:
    """``(address, length)`` of a bytes-like object's memory, for PyGetString and messages."""
    return messages.buffer_address(obj)


@api("GetModuleHandle")
def GetModuleHandle(fileName: str | None = None, /) -> int:
    """The handle of a loaded module: None gives the program's (as win32api's)."""
    return kernel.module_handle(fileName)


def LOWORD(val: int, /) -> int:
    """The low 16 bits of an int (the SDK's macro, in win32gui too; no core call)."""
    return _index(val) & 0xFFFF


def HIWORD(val: int, /) -> int:
    """Bits 16 to 31 of an int (the SDK's macro, in win32gui too; no core call)."""
    return (_index(val) >> 16) & 0xFFFF


def PySetMemory(addr: int, data: object, /) -> None:
    """Copy ``data`` (a bytes-like object) to memory at ``addr``; ValueError if not writable."""
    messages.write_memory(_index(addr), memoryview(data))  # type: ignore[arg-type]


def PySetString(addr: int, String: object, maxLen: int = -1, /) -> None:
    """Copy ``String`` as UTF-16 to ``addr``: ended by a NUL, or (``maxLen``) as strncpy does.

    With ``maxLen`` exactly that many characters are written: the string cut there, or padded
    with NULs, so a string of ``maxLen`` characters or more gets no NUL.
    """
    if not isinstance(String, str):
        raise TypeError("String must by string type")  # sic: pywin32's message
    limit = _index(maxLen)
    text = String + "\0" if limit < 0 else String[:limit].ljust(limit, "\0")
    messages.write_memory(_index(addr), text.encode("utf-16-le"))


def PyGetArraySignedLong(array: object, index: int, /) -> int:
    """The signed 32-bit int number ``index`` of a buffer (an ``array('l')``'s items).

    Windows' C long is 32 bits; Linux's is 64, so an ``array('l')`` made by the same program
    here has 8-byte items: those are read whole and wrapped to 32 bits, as the program meant.
    As pywin32's, ``index`` may be the count itself (one past the end): the bytes beyond the
    buffer read as 0 here; a negative one or beyond that raises ValueError.
    """
    data = memoryview(array).cast("B")  # type: ignore[arg-type]
    size = array.itemsize if isinstance(array, _array.array) and array.typecode in "lL" else 4
    position = _index(index)
    if position < 0 or position > len(data) // size:
        raise ValueError("array index out of bounds")
    word = bytes(data[size * position : size * position + size]).ljust(size, b"\0")
    value = int.from_bytes(word, "little", signed=True) & 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value
