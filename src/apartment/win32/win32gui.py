"""pywin32's ``win32gui`` over the message layer: window classes, windows, message loops.

Window procedures follow pywin32's conventions: ``lpfnWndProc`` is a callable
``fn(hwnd, msg, wparam, lparam)`` or a dict ``{msg: fn}`` (a miss goes to DefWindowProc); a
None result is 0; an exception is printed and gives 0. wParam/lParam values that are not ints
(str, bytes, objects) pass through to the procedure unchanged; None is 0. Where Windows passes
a structure by pointer (WM_CREATE's CREATESTRUCT, WM_WINDOWPOSCHANGING's WINDOWPOS,
WM_GETTEXT's buffer) the procedure gets the core's object (``apartment.messages.CreateStruct``,
``WindowPos``, ``TextBuffer``).

Nothing is drawn: a window is its class, procedure, style, text, rectangle, parent or owner
and visibility, and it gets the messages Windows sends when they change
(``apartment.messages`` says which).

Extensions (user32 functions pywin32 keeps elsewhere or lacks): ``SetTimer``, ``KillTimer``,
``InSendMessage``, ``InSendMessageEx``, ``SendNotifyMessage``, ``GetQueueStatus``.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from .. import messages
from ..errors import (
    CreationRefusedError,
    InvalidParameterError,
    InvalidWindowHandleError,
    Win32Error,
)
from ..messages.lowlevel import flagged_getter
from ._adapt import (
    api,
    c_long,
    dword,
    last_error,
    named,
    pointer_param,
    set_last_error,
    soft,
    stamped,
)
from ._handles import handle_value
from ._wndproc import PyWndProc as _PyWndProc
from .pywintypes import error

_WM_QUIT = messages.WM_QUIT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "error",
    "WNDCLASS", "RegisterClass", "UnregisterClass", "CreateWindow", "CreateWindowEx",
    "DestroyWindow", "DefWindowProc", "IsWindow", "PostMessage", "PostThreadMessage",
    "SendMessage", "SendMessageTimeout", "GetMessage", "PeekMessage", "TranslateMessage",
    "DispatchMessage", "PostQuitMessage", "PumpWaitingMessages", "PumpMessages", "ReplyMessage",
    "WaitMessage", "RegisterWindowMessage", "InvalidateRect", "SetTimer", "KillTimer",
    "InSendMessage", "InSendMessageEx", "SendNotifyMessage", "GetQueueStatus",
    "ShowWindow", "UpdateWindow", "GetWindowText", "SetWindowText", "GetWindowRect",
    "GetClientRect", "MoveWindow", "SetWindowPos", "IsWindowVisible", "GetParent", "SetParent",
    "GetWindow",
    "GetClassName", "InitCommonControls", "LoadCursor", "LoadIcon",
    "EnumWindows", "EnumChildWindows", "EnumThreadWindows", "EnumDesktopWindows",
    "FindWindow", "FindWindowEx", "RealGetWindowClass", "GetDesktopWindow",
    "PyGetString", "PyGetMemory",
]  # fmt: skip

_NO_MESSAGE = (0, 0, 0, 0, 0, (0, 0))

# win32gui's module initialization makes a USER call, which gives the importing thread its
# message queue (seen on the real pywin32: a thread whose first act is ``import win32gui``
# accepts posts at once, one that imports only win32api does not).
messages.current_queue()


class PyWNDCLASS:
    """The WNDCLASS structure; ``lpszClassName`` and ``lpfnWndProc`` are what matter here.

    Its fields are checked as they are set, as pywin32's are: ``style`` and ``cbWndExtra``
    are C longs, the handles pointer-sized ints (not None), the names str (not None), the
    procedure callable or a dict; there is no ``cbClsExtra`` and no other attribute.
    """

    __slots__ = (
        "_dialog",
        "cbWndExtra",
        "hCursor",
        "hIcon",
        "hInstance",
        "hbrBackground",
        "lpfnWndProc",
        "lpszClassName",
        "lpszMenuName",
        "style",
    )

    lpszClassName: str | None
    lpfnWndProc: Callable[..., object] | dict[int, Callable[..., object]] | None
    lpszMenuName: str | None
    style: int
    cbWndExtra: int
    hInstance: int
    hIcon: int
    hCursor: int
    hbrBackground: int
    _dialog: bool

    def __init__(self) -> None:
        for name in ("lpszClassName", "lpfnWndProc", "lpszMenuName"):
            object.__setattr__(self, name, None)  # unset: only RegisterClass minds
        for name in ("style", "cbWndExtra", "hInstance", "hIcon", "hCursor", "hbrBackground"):
            object.__setattr__(self, name, 0)
        self._dialog = False

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("style", "cbWndExtra"):
            value = c_long(value)
        elif name in ("hInstance", "hIcon", "hCursor", "hbrBackground"):
            if value is None:
                raise TypeError("Unable to convert NoneType to pointer-sized value")
            value = handle_value(value)
        elif name in ("lpszClassName", "lpszMenuName") and not isinstance(value, str):
            raise TypeError("Object must be a Unicode")
        elif name == "lpfnWndProc" and not (callable(value) or isinstance(value, dict)):
            raise TypeError("lpfnWndProc must be callable, or a dictionary")
        object.__setattr__(self, name, value)

    def SetDialogProc(self) -> None:
        """Make it a dialog class: what its procedure leaves goes to DefDlgProc.

        A dialog template naming the class then gets its messages to the dialog procedure of
        the DialogBoxIndirect or CreateDialogIndirect call, as on Windows.
        """
        self._dialog = True


def WNDCLASS() -> PyWNDCLASS:
    return PyWNDCLASS()


@api("RegisterClass")
def RegisterClass(wndClass: PyWNDCLASS, /) -> int:
    if not isinstance(wndClass, PyWNDCLASS):
        raise TypeError("The object must be a WNDCLASS object")
    if wndClass.lpfnWndProc is None or wndClass.lpszClassName is None:
        raise TypeError("lpszClassName and lpfnWndProc must be set")
    proc = _PyWndProc(wndClass.lpfnWndProc, wndClass._dialog)
    if wndClass.cbWndExtra < 0:
        raise InvalidParameterError("cbWndExtra must not be negative")
    return messages.register_class(wndClass.lpszClassName, proc, style=wndClass.style).atom


@api("UnregisterClass")
def UnregisterClass(atom: str | int, hinst: object = None, /) -> None:
    if not isinstance(atom, str):  # an atom: any int-like number; None and bytes are refused
        if atom is None or isinstance(atom, (bytes, bytearray)):
            raise TypeError("The class must be a string or an atom")
        atom = int(atom)
    messages.unregister_class(atom)


@api("CreateWindow")
def CreateWindow(
    className: str | int,
    windowTitle: str | None,
    style: int,
    x: int,
    y: int,
    width: int,
    height: int,
    parent: int | None,
    menu: int | None,
    hinstance: int | None,
    reserved: None,
    /,
) -> int:
    return CreateWindowEx(
        0, className, windowTitle, style, x, y, width, height, parent, menu, hinstance, reserved
    )


def _position(value: object) -> int | None:
    """Read a CreateWindow position or size (a C int); CW_USEDEFAULT is None."""
    number = operator.index(value)  # type: ignore[arg-type]
    if number in (-(2**31), 2**31):  # CW_USEDEFAULT, as win32con has it or as the SDK
        return None
    if not -(2**31) <= number < 2**31:
        raise OverflowError("signed integer is greater than maximum")
    return number


@api("CreateWindowEx")
def CreateWindowEx(
    dwExStyle: int,
    className: str | int,
    windowTitle: str | None,
    style: int,
    x: int,
    y: int,
    width: int,
    height: int,
    parent: int | None,
    menu: int | None,
    hinstance: int | None,
    reserved: None,
    /,
) -> int:
    if reserved is not None:
        raise TypeError("The 'reserved' parameter must be None")
    if windowTitle is not None and not isinstance(windowTitle, str):
        raise TypeError(
            f"Objects of type '{type(windowTitle).__name__}' can not be converted to Unicode."
        )
    try:
        window = messages.create_window(
            className,
            windowTitle or "",
            style=dword(style),
            ex_style=dword(dwExStyle),
            x=_position(x),
            y=_position(y),
            width=_position(width),
            height=_position(height),
            parent=handle_value(parent),  # a top-level window's parent is its owner
            child_id=handle_value(menu),
            instance=handle_value(hinstance),
        )
    except CreationRefusedError:
        return 0  # pywin32 raises for a NULL window only when an error code is set: none is
    proc = window.wclass.proc
    if isinstance(proc, _PyWndProc):
        proc.attached = True  # pywin32's quirk: see _PyWndProc
    return window.hwnd


@api("DestroyWindow")
def DestroyWindow(hwnd: int, /) -> None:
    messages.destroy_window(handle_value(hwnd))


@api("DefWindowProc")
def DefWindowProc(hwnd: int, message: int, wparam: object, lparam: object, /) -> int:
    """The default handling's result; 0 for no such window (pywin32 returns the LRESULT)."""
    try:
        return messages.def_window_proc(hwnd, message, wparam, lparam)
    except InvalidWindowHandleError:
        return 0


def IsWindow(hwnd: int, /) -> int:
    return int(messages.is_window(handle_value(hwnd)))


def PostMessage(hwnd: int, msg: int, wParam: object = 0, lParam: object = 0, /) -> None:
    try:  # stamped here, not by @api: a hot call saves the wrapper's frame
        messages.post_message(
            handle_value(hwnd), dword(msg), pointer_param(wParam), pointer_param(lParam)
        )
    except Win32Error as error:
        raise stamped(error, "PostMessage") from None


def PostThreadMessage(threadId: int, msg: int, wParam: object, lParam: object, /) -> None:
    try:
        messages.post_thread_message(
            dword(threadId), dword(msg), pointer_param(wParam), pointer_param(lParam)
        )
    except Win32Error as error:
        raise stamped(error, "PostThreadMessage") from None


@soft(int)
def SendMessage(hwnd: int, message: int, wparam: object = None, lparam: object = None, /) -> int:
    """Send a message; returns the result, or 0 with GetLastError set when it fails."""
    if type(message) is int and not -(2**31) <= message < 2**32:
        raise OverflowError("the message number does not fit in 32 bits")
    return messages.send_message(
        handle_value(hwnd), dword(message), pointer_param(wparam), pointer_param(lparam)
    )


@api("SendMessageTimeout")
def SendMessageTimeout(
    hwnd: int, message: int, wparam: object, lparam: object, flags: int, timeout: int, /
) -> tuple[int, int]:
    result = messages.send_message(
        handle_value(hwnd),
        dword(message),
        pointer_param(wparam),
        pointer_param(lparam),
        timeout=dword(timeout) / 1000.0,
        flags=dword(flags),
    )
    return 1, result


_get_message = messages.get_message
_ZERO = 0
"""CPython's one int 0: ``x is _ZERO`` is the cheapest test for the usual 0 (an int 0 made
some other way, a bool or a float goes the converting way, which gives the same result)."""


def _get_message_checked(hwnd: object, _min: object, _max: object, /) -> list[Any]:
    """GetMessage for what the one-frame call below does not take: filters, a first call."""
    try:  # what @soft does, here: every message loop's hot call saves the wrapper's frame
        if (hwnd is None or hwnd is _ZERO) and _min is _ZERO and _max is _ZERO:
            message = _get_message()  # the usual loop, GetMessage(None, 0, 0): no conversions
        else:
            message = _get_message(handle_value(hwnd) or None, dword(_min), dword(_max))
    except Win32Error as error:
        return _failed(error)
    return [0 if message[1] == _WM_QUIT else 1, message]


def _failed(error: Win32Error) -> list[Any]:
    set_last_error(error.winerror)
    return [-1, _NO_MESSAGE]


# GetMessage(None, 0, 0), every message loop's call, is one call of the message layer's,
# one Python frame as get_message() is; anything else goes the checked way above.
GetMessage = named(
    flagged_getter(_get_message_checked, _failed),
    "GetMessage",
    "Return ``[rc, msg]``: rc 1 for a message, 0 for WM_QUIT, -1 on error (pywin32 shape).",
)


def PeekMessage(
    hwnd: int | None, filterMin: int, filterMax: int, removalOptions: int, /
) -> list[Any]:
    """Return ``[rc, msg]``: rc nonzero if a message was retrieved (pywin32 shape)."""
    try:
        message = messages.peek_message(
            handle_value(hwnd) or None, dword(filterMin), dword(filterMax), dword(removalOptions)
        )
    except Win32Error as error:
        set_last_error(error.winerror)
        return [0, _NO_MESSAGE]
    return [0, _NO_MESSAGE] if message is None else [1, message]


def TranslateMessage(msg: tuple[Any, ...], /) -> int:
    """Post WM_CHAR for a key down; nonzero for any message of the keyboard range."""
    if not isinstance(msg, tuple) or len(msg) < 4:
        raise TypeError("The object is not a PyMSG object")
    return int(messages.translate_message(msg))


@api("DispatchMessage")
def DispatchMessage(msg: tuple[Any, ...], /) -> int:
    return messages.dispatch_message(msg)


def PostQuitMessage(rc: int, /) -> None:
    messages.post_quit_message(rc)


def PumpWaitingMessages(firstMessage: int = 0, lastMessage: int = 0, /) -> int:
    """Dispatch queued messages; WM_QUIT's wParam (or 1 if that is 0) when seen, else 0.

    That result is pywin32's (win32gui's own pump); pythoncom's returns 1 or 0.
    """
    code = messages.pump_waiting_messages(dword(firstMessage), dword(lastMessage))
    return 0 if code is None else code or 1


def PumpMessages() -> int:
    """Run a message loop until WM_QUIT and return its exit code."""
    return messages.pump_messages()


@api("ReplyMessage")
def ReplyMessage(result: int, /) -> None:
    """Reply now to the message sent from another thread; raises when there is none (BOOLAPI)."""
    if not messages.reply_message(result):
        # BOOLAPI, as pywin32 declares it: FALSE raises with the thread's last error, which
        # ReplyMessage does not set (0 when nothing set it before).
        raise Win32Error.from_code(last_error())


def WaitMessage() -> None:
    messages.wait_message()


@soft(int)
def RegisterWindowMessage(name: str, /) -> int:
    """The message number for ``name``; 0 (and GetLastError) on failure, as pywin32 gives."""
    return messages.register_window_message(name)


@api("InvalidateRect")
def InvalidateRect(hWnd: int, Rect: object, bErase: int, /) -> None:
    messages.window_of(hWnd).invalidate()


@api("SetTimer")
def SetTimer(hwnd: int | None, nIDEvent: int, uElapse: int, lpTimerFunc: object = None, /) -> int:
    """Extension: WM_TIMER every ``uElapse`` ms (pywin32 keeps timers in its ``timer`` module)."""
    callback = lpTimerFunc if callable(lpTimerFunc) else None
    return messages.set_timer(hwnd or 0, nIDEvent, dword(uElapse) / 1000.0, callback)


@api("KillTimer")
def KillTimer(hwnd: int | None, nIDEvent: int, /) -> bool:
    """Extension: stop a timer made by SetTimer."""
    return messages.kill_timer(hwnd or 0, nIDEvent)


def InSendMessage() -> bool:
    """Extension: True while handling a message sent from another thread."""
    return messages.in_send_message()


def InSendMessageEx(reserved: object = None, /) -> int:
    """Extension: ISMEX_* flags of the message being handled."""
    return messages.in_send_message_ex()


@api("SendNotifyMessage")
def SendNotifyMessage(hwnd: int, msg: int, wParam: object = 0, lParam: object = 0, /) -> None:
    """Extension: send without waiting for the result."""
    messages.send_notify_message(
        handle_value(hwnd), dword(msg), pointer_param(wParam), pointer_param(lParam)
    )


def GetQueueStatus(flags: int, /) -> int:
    """Extension: (new bits << 16) | present bits; the new bits asked for are cleared."""
    changed, present = messages.queue_status(dword(flags))
    return (changed << 16) | present


@soft(int)
def ShowWindow(hWnd: int, nCmdShow: int, /) -> int:
    """Show or hide a window; 1 if it was visible before, else 0 (0 for a bad window too)."""
    return int(messages.show_window(handle_value(hWnd), operator.index(nCmdShow)))


@api("UpdateWindow")
def UpdateWindow(hWnd: int, /) -> None:
    messages.update_window(handle_value(hWnd))


@soft(str)
def GetWindowText(hwnd: int, /) -> str:
    """The window's text, at most 511 characters; "" when it fails (pywin32 never raises).

    pywin32 asks for it with a buffer of 512 characters, so longer texts come back cut.
    """
    return messages.get_window_text(handle_value(hwnd), 512)


@api("SetWindowText")
def SetWindowText(hwnd: int, text: str, /) -> None:
    if not isinstance(text, str):
        raise TypeError(
            f"Objects of type '{type(text).__name__}' can not be converted to Unicode."
            if text is not None
            else "None is not a valid string in this context"
        )
    messages.set_window_text(handle_value(hwnd), text)


@api("GetWindowRect")
def GetWindowRect(hwnd: int, /) -> tuple[int, int, int, int]:
    return messages.window_rect(handle_value(hwnd))


@api("GetClientRect")
def GetClientRect(hwnd: int, /) -> tuple[int, int, int, int]:
    return messages.client_rect(handle_value(hwnd))


@api("MoveWindow")
def MoveWindow(hWnd: int, X: int, Y: int, Width: int, Height: int, bRepaint: int, /) -> None:
    messages.move_window(
        handle_value(hWnd),
        c_long(X),
        c_long(Y),
        c_long(Width),
        c_long(Height),
        bool(c_long(bRepaint)),
    )


@api("SetWindowPos")
def SetWindowPos(
    hWnd: int, hWndInsertAfter: int | None, X: int, Y: int, cx: int, cy: int, uFlags: int, /
) -> None:
    messages.set_window_pos(
        handle_value(hWnd),
        handle_value(hWndInsertAfter),
        c_long(X),
        c_long(Y),
        c_long(cx),
        c_long(cy),
        c_long(uFlags) & 0xFFFFFFFF,
    )


def IsWindowVisible(hwnd: int, /) -> int:
    return int(messages.is_window_visible(handle_value(hwnd)))


@api("GetParent")
def GetParent(child: int, /) -> int:
    return messages.get_parent(handle_value(child))


@api("SetParent")
def SetParent(child: int, child_new_parent: int | None, /) -> int:
    """Move a window under another parent (None or 0: the desktop); the previous parent."""
    return messages.set_parent(handle_value(child), handle_value(child_new_parent or 0))


@api("GetWindow")
def GetWindow(hWnd: int, uCmd: int, /) -> int:
    return messages.get_window(handle_value(hWnd), dword(uCmd))


@api("GetClassName")
def GetClassName(hwnd: int, /) -> str:
    return messages.get_class_name(handle_value(hwnd))


@api("RealGetWindowClass")
def RealGetWindowClass(hwnd: int, /) -> str:
    """The window's class: superclassing is not modelled, so GetClassName's answer."""
    return messages.get_class_name(handle_value(hwnd))


def GetDesktopWindow() -> int:
    return messages.desktop_window()


# -- enumerating and finding windows ------------------------------------------------------------

_C_LONG = range(-(2**31), 2**31)


def _check_callable(callback: object, position: str) -> None:
    if not callable(callback):
        raise TypeError(f"{position} param must be a callable object")


def _each(hwnds: Iterator[int], callback: Callable[[int, Any], object], extra: object) -> int:
    """Call ``callback(hwnd, extra)`` for each window, as pywin32's enumeration callback does.

    Returns how many windows were seen, or -1 when the callback stopped the walk. The
    callback's result is read as a C long (pywin32's quirk): None goes on, 0 stops, anything
    but an int raises TypeError (or OverflowError beyond 32 bits); its exceptions go through.
    """
    seen = 0
    for hwnd in hwnds:
        result = callback(hwnd, extra)
        seen += 1
        if result is not None:
            number = operator.index(result)  # type: ignore[arg-type]
            if number not in _C_LONG:
                raise OverflowError("Python int too large to convert to C long")
            if not number:
                return -1
    return seen


def _fail_with_last_error(funcname: str) -> None:
    """pywin32 raises for a FALSE result only when GetLastError says why (the callback may)."""
    code = last_error()
    if code:
        raise Win32Error.from_code(code).with_funcname(funcname)


def EnumWindows(callback: Callable[[int, Any], object], extra: object, /) -> None:
    _check_callable(callback, "First")
    if _each(messages.top_level_windows(), callback, extra) < 0:
        _fail_with_last_error("EnumWindows")


def EnumDesktopWindows(
    hDesktop: int | None, callback: Callable[[int, Any], object], extra: object, /
) -> None:
    """The top-level windows; one desktop is modelled, so ``hDesktop`` is not looked at."""
    handle_value(hDesktop)
    _check_callable(callback, "Second")
    if _each(messages.top_level_windows(), callback, extra) < 0:
        _fail_with_last_error("EnumDesktopWindows")


def EnumThreadWindows(
    dwThreadId: int, callback: Callable[[int, Any], object], extra: object, /
) -> None:
    """FALSE when the callback stops or the thread has no window, as Windows documents."""
    thread_id = dword(dwThreadId)
    _check_callable(callback, "Second")
    if _each(messages.thread_windows(thread_id), callback, extra) <= 0:
        _fail_with_last_error("EnumThreadWindows")


def EnumChildWindows(
    hwnd: int | None, callback: Callable[[int, Any], object], extra: object, /
) -> None:
    """pywin32 ignores EnumChildWindows' result: a bad window only sets GetLastError."""
    parent = handle_value(hwnd)
    _check_callable(callback, "Second")
    try:
        hwnds = messages.child_windows(parent)
    except Win32Error as error:
        set_last_error(error.winerror)
        return
    _each(hwnds, callback, extra)


def _class_arg(value: object) -> str | int | None:
    if value is None or isinstance(value, str):
        return value
    return operator.index(value)  # type: ignore[arg-type]


def _title_arg(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


@api("FindWindow")
def FindWindow(ClassName: str | int | None, WindowName: str | None, /) -> int:
    """The first top-level window, else message-only window, of that class and title; or 0."""
    return messages.find_window(_class_arg(ClassName), _title_arg(WindowName))


@api("FindWindowEx")
def FindWindowEx(
    Parent: int | None,
    ChildAfter: int | None,
    ClassName: str | int | None,
    WindowName: str | None,
    /,
) -> int:
    return messages.find_window(
        _class_arg(ClassName),
        _title_arg(WindowName),
        parent=handle_value(Parent),
        after=handle_value(ChildAfter),
    )


# -- memory at an address ------------------------------------------------------------------------


def _address(value: object) -> int | str | bytes | bytearray | memoryview:
    """An int address, or (extension) the str or buffer a message carries in its place."""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return value
    return operator.index(value)  # type: ignore[arg-type]


def PyGetString(addr: object, length: int = -1, /) -> str:
    """The UTF-16 string at ``addr``; an extension also takes a str or buffer for ``addr``."""
    return messages.read_string(_address(addr), operator.index(length))


def PyGetMemory(addr: object, length: int, /) -> memoryview:
    """A read-only live view of memory; an extension also takes a buffer for ``addr``."""
    return messages.read_memory(_address(addr), operator.index(length))


def _resource_id(value: object) -> int | str:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    raise TypeError("Resource id/name must be unicode or int in the range 0-65536")


@soft(int)  # pywin32 does not check LoadCursor's result: a missing cursor is 0
def LoadCursor(hinstance: object, resid: object, /) -> int:
    """A stock cursor's handle (``hinstance`` 0, ``resid`` an IDC_* number)."""
    return messages.load_cursor(handle_value(hinstance), _resource_id(resid))


@api("LoadIcon")
def LoadIcon(hinstance: object, resid: object, /) -> int:
    """A stock icon's handle (``hinstance`` 0, ``resid`` an IDI_* number)."""
    return messages.load_icon(handle_value(hinstance), _resource_id(resid))


def InitCommonControls() -> None:
    """Accepted for compatibility: the common controls are not modelled (no core call)."""


# -- windows' state, menus, tray icons (s19-gui): in modules of their own ------------------------
from . import _win32gui_dialogs, _win32gui_menus, _win32gui_windows  # noqa: E402
from ._win32gui_dialogs import *  # noqa: E402,F403
from ._win32gui_menus import *  # noqa: E402,F403
from ._win32gui_windows import *  # noqa: E402,F403

__all__ += _win32gui_windows.__all__ + _win32gui_menus.__all__ + _win32gui_dialogs.__all__
# The GDI half: objects and contexts, drawing, paths and text, context state (one block).
from ._win32gui_draw import *  # noqa: E402, F403
from ._win32gui_draw import __all__ as _draw_names  # noqa: E402
from ._win32gui_gdi import *  # noqa: E402, F403
from ._win32gui_gdi import __all__ as _gdi_names  # noqa: E402
from ._win32gui_paths import *  # noqa: E402, F403
from ._win32gui_paths import __all__ as _path_names  # noqa: E402
from ._win32gui_state import *  # noqa: E402, F403
from ._win32gui_state import __all__ as _state_names  # noqa: E402

__all__ += [
    name for name in (*_gdi_names, *_draw_names, *_path_names, *_state_names) if name not in __all__
]
# Synthesized input and the cursor (s20-apis).
from . import _win32gui_imagelist, _win32gui_input, _win32gui_shell, _win32gui_system  # noqa: E402
from ._win32gui_imagelist import *  # noqa: E402, F403
from ._win32gui_input import *  # noqa: E402, F403
from ._win32gui_shell import *  # noqa: E402, F403
from ._win32gui_system import *  # noqa: E402, F403

__all__ += _win32gui_input.__all__ + _win32gui_system.__all__ + _win32gui_shell.__all__
__all__ += [name for name in _win32gui_imagelist.__all__ if name not in __all__]
# Device notifications (s22-realcode: device monitors register for WM_DEVICECHANGE).
from . import _win32gui_devices  # noqa: E402
from ._win32gui_devices import *  # noqa: E402, F403

__all__ += _win32gui_devices.__all__
# Arranging, scrolling, fonts, menu bitmaps, list-view sorting, layered windows (s25-apinames).
from . import _win32gui_more  # noqa: E402
from ._win32gui_more import *  # noqa: E402, F403

__all__ += _win32gui_more.__all__
