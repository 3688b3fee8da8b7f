"""pywin32's ``win32gui`` over the message layer: window classes, windows, message loops.

Window procedures follow pywin32's conventions: ``lpfnWndProc`` is a callable
``fn(hwnd, msg, wparam, lparam)`` or a dict ``{msg: fn}`` (a miss goes to DefWindowProc); a
None result is 0; an exception is printed and gives 0. wParam/lParam values that are not ints
(str, bytes, objects) pass through to the procedure unchanged; None is 0.

Extensions (user32 functions pywin32 keeps elsewhere or lacks): ``SetTimer``, ``KillTimer``,
``InSendMessage``, ``InSendMessageEx``, ``SendNotifyMessage``, ``GetQueueStatus``.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Any

from .. import messages
from ..errors import ERROR_INVALID_WINDOW_HANDLE, Win32Error
from ._adapt import api, dword, last_error, pointer_param, soft
from ._handles import handle_value
from .pywintypes import error

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "error",
    "WNDCLASS", "RegisterClass", "UnregisterClass", "CreateWindow", "CreateWindowEx",
    "DestroyWindow", "DefWindowProc", "IsWindow", "PostMessage", "PostThreadMessage",
    "SendMessage", "SendMessageTimeout", "GetMessage", "PeekMessage", "TranslateMessage",
    "DispatchMessage", "PostQuitMessage", "PumpWaitingMessages", "PumpMessages", "ReplyMessage",
    "WaitMessage", "RegisterWindowMessage", "InvalidateRect", "SetTimer", "KillTimer",
    "InSendMessage", "InSendMessageEx", "SendNotifyMessage", "GetQueueStatus",
]  # fmt: skip

_NO_MESSAGE = (0, 0, 0, 0, 0, (0, 0))


class PyWNDCLASS:
    """The WNDCLASS structure; ``lpszClassName`` and ``lpfnWndProc`` are what matter here."""

    def __init__(self) -> None:
        self.lpszClassName: str | None = None
        self.lpfnWndProc: Callable[..., object] | dict[int, Callable[..., object]] | None = None
        self.style = 0
        self.cbClsExtra = 0
        self.cbWndExtra = 0
        self.hInstance = 0
        self.hIcon = 0
        self.hCursor = 0
        self.hbrBackground = 0
        self.lpszMenuName: str | None = None

    def SetDialogProc(self) -> None:
        """Accepted for compatibility; dialogs are not modelled."""


def WNDCLASS() -> PyWNDCLASS:
    return PyWNDCLASS()


class _PyWndProc:
    """Calls a pywin32-style window procedure (a callable or a dict) the way pywin32 does.

    The dict, the printed exception and the 0 for a result that is not an int are pywin32's
    conventions (its C++ window procedure), not Windows'; the message layer calls this like
    any window procedure.
    """

    __slots__ = ("target",)

    def __init__(self, target: Callable[..., object] | dict[int, Callable[..., object]]) -> None:
        self.target = target

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:  # noqa: ANN401
        target = self.target
        fn = target.get(msg) if isinstance(target, dict) else target
        if fn is None:
            return messages.def_window_proc(hwnd, msg, wparam, lparam)
        try:
            result = fn(hwnd, msg, wparam, lparam)
        except Exception:
            print("Python WNDPROC handler failed", file=sys.stderr)
            traceback.print_exc()
            return 0
        if result is None:
            return 0
        if not isinstance(result, int):
            print("WNDPROC return value cannot be converted to LRESULT", file=sys.stderr)
            return 0
        return result


@api("RegisterClass")
def RegisterClass(wndClass: PyWNDCLASS, /) -> int:
    if not isinstance(wndClass, PyWNDCLASS):
        raise TypeError("The object must be a WNDCLASS object")
    if wndClass.lpfnWndProc is None or wndClass.lpszClassName is None:
        raise TypeError("lpszClassName and lpfnWndProc must be set")
    proc = _PyWndProc(wndClass.lpfnWndProc)
    return messages.register_class(wndClass.lpszClassName, proc, style=wndClass.style).atom


@api("UnregisterClass")
def UnregisterClass(atom: str | int, hinst: object = None, /) -> None:
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
    return messages.create_window(className, windowTitle or "", parent=parent or 0).hwnd


@api("DestroyWindow")
def DestroyWindow(hwnd: int, /) -> None:
    messages.destroy_window(hwnd)


@api("DefWindowProc")
def DefWindowProc(hwnd: int, message: int, wparam: object, lparam: object, /) -> int:
    return messages.def_window_proc(hwnd, message, wparam, lparam)


def IsWindow(hwnd: int, /) -> bool:
    return messages.is_window(hwnd)


@api("PostMessage")
def PostMessage(hwnd: int, msg: int, wParam: object = 0, lParam: object = 0, /) -> None:
    messages.post_message(
        handle_value(hwnd), dword(msg), pointer_param(wParam), pointer_param(lParam)
    )


@api("PostThreadMessage")
def PostThreadMessage(threadId: int, msg: int, wParam: object, lParam: object, /) -> None:
    messages.post_thread_message(
        dword(threadId), dword(msg), pointer_param(wParam), pointer_param(lParam)
    )


@soft(int)
def SendMessage(hwnd: int, message: int, wparam: object = None, lparam: object = None, /) -> int:
    """Send a message; returns the result, or 0 with GetLastError set when it fails."""
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


@soft(lambda: [-1, _NO_MESSAGE])
def GetMessage(hwnd: int | None, _min: int, _max: int, /) -> list[Any]:
    """Return ``[rc, msg]``: rc 1 for a message, 0 for WM_QUIT, -1 on error (pywin32 shape)."""
    message = messages.get_message(handle_value(hwnd) or None, dword(_min), dword(_max))
    return [0 if message[1] == messages.WM_QUIT else 1, message]


@soft(lambda: [0, _NO_MESSAGE])
def PeekMessage(
    hwnd: int | None, filterMin: int, filterMax: int, removalOptions: int, /
) -> list[Any]:
    """Return ``[rc, msg]``: rc nonzero if a message was retrieved (pywin32 shape)."""
    message = messages.peek_message(
        handle_value(hwnd) or None, dword(filterMin), dword(filterMax), dword(removalOptions)
    )
    return [0, _NO_MESSAGE] if message is None else [1, message]


def TranslateMessage(msg: object, /) -> int:
    """Return 0, as Windows does for a message that is not a key message.

    The message layer models no keyboard input, so no message is one: there is no core call.
    """
    return 0


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
        # BOOLAPI, as pywin32 declares it: FALSE raises with the thread's last error
        # (ERROR_INVALID_WINDOW_HANDLE when there is none).
        raise Win32Error.from_code(last_error() or ERROR_INVALID_WINDOW_HANDLE)


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
