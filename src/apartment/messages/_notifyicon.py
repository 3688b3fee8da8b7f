"""The notification area ("tray") icons of the process: Shell_NotifyIcon, and a driver's clicks.

There is no taskbar: an icon is a record kept per (window, id), added, changed and deleted as
Shell_NotifyIcon does. What a user would do to an icon, a *driver* does: :func:`click_notify_icon`
posts the icon's callback message to its window (wParam the icon's id, lParam the mouse
message, as the shell does before NOTIFYICON_VERSION_4). :func:`wait_for_notify_icon` lets a
driver wait, without polling, until a program has added its icon. An icon goes with its window.

The table changes under its own lock, which also wakes the waiters.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Final

from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ._destroy import on_window_gone
from ._post import post_message
from ._window_table import window_of

__all__ = [
    "NIF_ICON",
    "NIF_INFO",
    "NIF_MESSAGE",
    "NIF_STATE",
    "NIF_TIP",
    "NIM_ADD",
    "NIM_DELETE",
    "NIM_MODIFY",
    "NIM_SETFOCUS",
    "NIM_SETVERSION",
    "NotifyIcon",
    "click_notify_icon",
    "notify_icons",
    "shell_notify_icon",
    "wait_for_notify_icon",
]

NIM_ADD: Final = 0
NIM_MODIFY: Final = 1
NIM_DELETE: Final = 2
NIM_SETFOCUS: Final = 3
NIM_SETVERSION: Final = 4

NIF_MESSAGE: Final = 0x01
NIF_ICON: Final = 0x02
NIF_TIP: Final = 0x04
NIF_STATE: Final = 0x08
NIF_INFO: Final = 0x10

_TIP_SIZE: Final = 128  # NOTIFYICONDATAW's szTip, its NUL included
_INFO_SIZE: Final = 256
_TITLE_SIZE: Final = 64


@dataclasses.dataclass
class NotifyIcon:
    """One icon (NOTIFYICONDATA's fields): what was set with the NIF_* flags."""

    hwnd: int
    uid: int
    flags: int = 0
    callback_message: int = 0
    icon: int = 0
    tip: str = ""
    info: str = ""
    info_title: str = ""
    info_flags: int = 0
    timeout: int = 0
    state: int = 0
    version: int = 0


_lock = threading.Condition()
_icons: dict[tuple[int, int], NotifyIcon] = {}


def _failed(detail: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_PARAMETER, detail)


def _update(icon: NotifyIcon, flags: int, fields: dict[str, object]) -> None:
    """Take the fields the NIF_* flags name; cut the texts as the structure's arrays do."""
    icon.flags |= flags
    if flags & NIF_MESSAGE:
        icon.callback_message = int(fields.get("callback_message", 0))  # type: ignore[call-overload]
    if flags & NIF_ICON:
        icon.icon = int(fields.get("icon", 0))  # type: ignore[call-overload]
    if flags & NIF_TIP:
        icon.tip = str(fields.get("tip", ""))[: _TIP_SIZE - 1]
    if flags & NIF_INFO:
        icon.info = str(fields.get("info", ""))[: _INFO_SIZE - 1]
        icon.info_title = str(fields.get("info_title", ""))[: _TITLE_SIZE - 1]
        icon.info_flags = int(fields.get("info_flags", 0))  # type: ignore[call-overload]
        icon.timeout = int(fields.get("timeout", 0))  # type: ignore[call-overload]
    if flags & NIF_STATE:
        icon.state = int(fields.get("state", 0))  # type: ignore[call-overload]


def shell_notify_icon(message: int, hwnd: int, uid: int, flags: int = 0, **fields: object) -> None:
    """Add, change or delete the icon (``hwnd``, ``uid``) (Shell_NotifyIcon, NIM_*).

    ``fields`` are :class:`NotifyIcon`'s (``callback_message``, ``icon``, ``tip``, ``info``,
    ``info_title``, ``info_flags``, ``timeout``, ``state``); only those the NIF_* ``flags``
    name are taken. NIM_SETVERSION takes ``timeout`` as the version (the union's other
    member); NIM_SETFOCUS only checks the icon is there.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is no window (NIM_ADD).
        Win32Error: ERROR_INVALID_PARAMETER when it fails: adding an icon that is there,
            changing or deleting one that is not, an unknown NIM_* message.
    """
    unknown = set(fields) - {field.name for field in dataclasses.fields(NotifyIcon)}
    if unknown:
        raise TypeError(f"a notify icon has no field {sorted(unknown)!r}")
    key = (hwnd, uid)
    if message == NIM_ADD:
        window_of(hwnd)
    with _lock:
        icon = _icons.get(key)
        if message == NIM_ADD:
            if icon is not None:
                raise _failed(f"the icon {uid} of window {hwnd:#x} is there already")
            icon = NotifyIcon(hwnd, uid)
            _update(icon, flags, fields)
            _icons[key] = icon
            _lock.notify_all()
            return
        if message not in (NIM_MODIFY, NIM_DELETE, NIM_SETFOCUS, NIM_SETVERSION):
            raise _failed(f"{message} is no NIM_* message")
        if icon is None:
            raise _failed(f"window {hwnd:#x} has no icon {uid}")
        if message == NIM_MODIFY:
            _update(icon, flags, fields)
        elif message == NIM_DELETE:
            del _icons[key]
        elif message == NIM_SETVERSION:
            icon.version = int(fields.get("timeout", 0))  # type: ignore[call-overload]
        _lock.notify_all()


def notify_icons() -> list[NotifyIcon]:
    """Copies of the icons there are, oldest first."""
    with _lock:
        return [dataclasses.replace(icon) for icon in _icons.values()]


def wait_for_notify_icon(
    hwnd: int = 0, uid: int | None = None, timeout: float | None = None
) -> NotifyIcon | None:
    """Driver: wait until an icon (of ``hwnd``, with ``uid``, when given) is there; a copy.

    None when ``timeout`` seconds pass first.
    """

    def find() -> NotifyIcon | None:
        for icon in _icons.values():
            if (not hwnd or icon.hwnd == hwnd) and (uid is None or icon.uid == uid):
                return icon
        return None

    with _lock:
        icon = _lock.wait_for(find, timeout)
        return dataclasses.replace(icon) if icon is not None else None


def click_notify_icon(hwnd: int, uid: int, event: int) -> None:
    """Driver: what a user's mouse does to an icon: post its callback message to its window.

    ``event`` is the mouse message (WM_LBUTTONUP, WM_RBUTTONUP, WM_LBUTTONDBLCLK, ...), the
    lParam; the icon's id is the wParam.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER when there is no such icon, or it has no
            callback message (NIF_MESSAGE).
    """
    with _lock:
        icon = _icons.get((hwnd, uid))
        if icon is None or not icon.flags & NIF_MESSAGE:
            raise _failed(f"window {hwnd:#x} has no icon {uid} with a callback message")
        message = icon.callback_message
    post_message(hwnd, message, uid, event)


def _window_gone(hwnd: int) -> None:
    with _lock:
        for key in [key for key in _icons if key[0] == hwnd]:
            del _icons[key]


on_window_gone(_window_gone)
