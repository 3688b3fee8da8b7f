"""Hot keys (RegisterHotKey, UnregisterHotKey): key combinations that post WM_HOTKEY.

Windows' rules (as Wine's server keeps them): a combination (MOD_ALT, MOD_CONTROL, MOD_SHIFT,
MOD_WIN with a virtual key) is registered once in the session (again:
ERROR_HOTKEY_ALREADY_REGISTERED), for a window of the calling thread (another thread's:
ERROR_WINDOW_OF_OTHER_THREAD) or for the thread itself (hwnd 0); a (window, id) pair names it
for UnregisterHotKey (ERROR_HOTKEY_NOT_REGISTERED when none). When a typed key
(``synthesize_key``) goes down with exactly those modifiers down, WM_HOTKEY is posted instead
of the key message: wParam the id, lParam the modifiers in the low word, the key in the high.
MOD_NOREPEAT is accepted. A window's hot keys go with it, a thread's with the thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._destroy import on_window_gone
from ._queue import current_queue, on_queue_end
from ._window_table import window_of

if TYPE_CHECKING:
    from ._queue import MessageQueue

__all__ = [
    "MOD_ALT",
    "MOD_CONTROL",
    "MOD_NOREPEAT",
    "MOD_SHIFT",
    "MOD_WIN",
    "WM_HOTKEY",
    "HotKey",
    "hotkey_for",
    "register_hotkey",
    "unregister_hotkey",
]

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
WM_HOTKEY = 0x0312
ERROR_WINDOW_OF_OTHER_THREAD = 1408
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
ERROR_HOTKEY_NOT_REGISTERED = 1419
_MODS = MOD_ALT | MOD_CONTROL | MOD_SHIFT | MOD_WIN


@dataclass(frozen=True)
class HotKey:
    """A registered hot key: its window (0: the thread's), id, modifiers, key and queue."""

    hwnd: int
    ident: int
    modifiers: int
    virtual_key: int
    queue: MessageQueue


_hotkeys: list[HotKey] = []


def _int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} is an int, not {value!r}")
    return value


def register_hotkey(hwnd: int, ident: int, modifiers: int, virtual_key: int) -> None:
    """Register a hot key for a window of the calling thread, or the thread (hwnd 0).

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_WINDOW_OF_OTHER_THREAD, ERROR_HOTKEY_ALREADY_REGISTERED.
    """
    for name, value in (("hwnd", hwnd), ("an id", ident), ("modifiers", modifiers)):
        _int(name, value)
    _int("a virtual key", virtual_key)
    queue = current_queue()
    if hwnd:
        window = window_of(hwnd)
        if window.queue is not queue:
            raise Win32Error.from_code(
                ERROR_WINDOW_OF_OTHER_THREAD, f"window {hwnd:#x} belongs to another thread"
            )
    mods, key = modifiers & _MODS, virtual_key & 0xFF
    with KERNEL_LOCK:
        for hotkey in _hotkeys:
            if (hotkey.modifiers, hotkey.virtual_key) == (mods, key):
                raise Win32Error.from_code(
                    ERROR_HOTKEY_ALREADY_REGISTERED, "that combination is registered already"
                )
        _hotkeys.append(HotKey(hwnd, ident, mods, key, queue))


def unregister_hotkey(hwnd: int, ident: int) -> None:
    """Unregister the hot key of (window, id) (UnregisterHotKey).

    Raises:
        Win32Error: ERROR_HOTKEY_NOT_REGISTERED.
    """
    _int("hwnd", hwnd)
    _int("an id", ident)
    queue = current_queue()
    with KERNEL_LOCK:
        for hotkey in _hotkeys:
            if hotkey.hwnd == hwnd and hotkey.ident == ident and (hwnd or hotkey.queue is queue):
                _hotkeys.remove(hotkey)
                return
    raise Win32Error.from_code(ERROR_HOTKEY_NOT_REGISTERED, f"no hot key {ident} of {hwnd:#x}")


def hotkey_for(virtual_key: int, keys: bytearray) -> HotKey | None:
    """The hot key a key going down triggers with the key state ``keys``; kernel lock held."""
    if not _hotkeys:
        return None
    mods = (
        (MOD_ALT if keys[0x12] & 0x80 else 0)
        | (MOD_CONTROL if keys[0x11] & 0x80 else 0)
        | (MOD_SHIFT if keys[0x10] & 0x80 else 0)
        | (MOD_WIN if (keys[0x5B] | keys[0x5C]) & 0x80 else 0)
    )
    for hotkey in _hotkeys:
        if hotkey.virtual_key == virtual_key and hotkey.modifiers == mods:
            return hotkey
    return None


def _window_gone(hwnd: int) -> None:
    with KERNEL_LOCK:
        _hotkeys[:] = [hotkey for hotkey in _hotkeys if hotkey.hwnd != hwnd]


def _queue_ends(queue: MessageQueue) -> None:
    with KERNEL_LOCK:
        _hotkeys[:] = [hotkey for hotkey in _hotkeys if hotkey.queue is not queue]


on_window_gone(_window_gone)
on_queue_end(_queue_ends)
