"""Synthesized keyboard input: key state, key messages where Windows sends them, WM_CHAR.

There is no keyboard; ``synthesize_key`` (keybd_event) is the only source of key input, and
it goes where Windows sends it:

* the system's (async) key state changes at once: GetAsyncKeyState reports a key down
  (0x8000) and pressed since the last call (1); a key toggles (0x01, Caps Lock's light) on
  every press. Shift, Ctrl and Alt change their left or right variant too (the scan code
  0x36 is the right Shift; the extended flag the right Ctrl and Alt);
* a key message is queued as input to the thread of the foreground window: WM_KEYDOWN or
  WM_KEYUP to its focus window, WM_SYSKEY* for Alt with a key (not with Ctrl), F10 and Alt
  alone (Alt's release is WM_SYSKEYUP only when no key went down meanwhile), and the
  WM_SYSKEY* variant to the active window when no window has the focus. No foreground
  window: no message. lParam: repeat count 1, the scan code, the extended flag (24), Alt
  down (29), the key down before (30), going up (31);
* a thread's key state (GetKeyState, GetKeyboardState) changes as it retrieves its key
  messages; a thread with no key input waiting sees the system's state (as Windows 10 and
  Wine keep them in step);
* TranslateMessage posts WM_CHAR (WM_SYSCHAR for WM_SYSKEYDOWN) with the key's character in
  the thread's key state (``_keylayout``, the US layout).

The state lives under the kernel lock; the input tick (GetLastInputInfo) with it.
"""

from __future__ import annotations

from typing import Final

from ..kernel.lowlevel import KERNEL_LOCK, Waiter, wake_all
from ._constants import QS_KEY
from ._cursor import _state as _cursor_state
from ._focus import InputState, foreground_state, input_state
from ._hotkeys import WM_HOTKEY, hotkey_for
from ._keylayout import VK_PACKET, key_char, map_virtual_key
from ._message import Message, ticks
from ._post import post_message, post_thread_message
from ._window_table import WINDOWS

__all__ = [
    "KEYEVENTF_EXTENDEDKEY",
    "KEYEVENTF_KEYUP",
    "KEYEVENTF_SCANCODE",
    "KEYEVENTF_UNICODE",
    "async_key_state",
    "change_key",
    "key_state",
    "keyboard_state",
    "last_input_tick",
    "note_input",
    "set_keyboard_state",
    "synthesize_key",
    "system_key_down",
    "translate_message",
]

KEYEVENTF_EXTENDEDKEY: Final = 0x0001
KEYEVENTF_KEYUP: Final = 0x0002
KEYEVENTF_UNICODE: Final = 0x0004
KEYEVENTF_SCANCODE: Final = 0x0008

_WM_KEYDOWN, _WM_KEYUP, _WM_CHAR = 0x0100, 0x0101, 0x0102
_WM_SYSKEYDOWN, _WM_SYSKEYUP, _WM_SYSCHAR = 0x0104, 0x0105, 0x0106
_WM_KEYFIRST, _WM_KEYLAST = 0x0100, 0x0109
_VK_SHIFT, _VK_CONTROL, _VK_MENU, _VK_F10 = 0x10, 0x11, 0x12, 0x79
_SIDES = {0xA0: 0x10, 0xA1: 0x10, 0xA2: 0x11, 0xA3: 0x11, 0xA4: 0x12, 0xA5: 0x12}
_LEFT = {0x10: 0xA0, 0x11: 0xA2, 0x12: 0xA4}


class _System:
    """The system's key state; kernel lock."""

    keys = bytearray(256)  # 0x80 down, 0x01 toggled
    pressed = bytearray(256)  # pressed since the last GetAsyncKeyState of the key
    alt_alone = False  # Alt went down and no key since: its release is WM_SYSKEYUP
    last_input = 0  # the tick of the last input event


_system = _System()


def _key(virtual_key: object) -> int:
    if isinstance(virtual_key, bool) or not isinstance(virtual_key, int):
        raise TypeError(f"a virtual key is an int, not {type(virtual_key).__name__}")
    return virtual_key & 0xFF


def _signed(state: int) -> int:
    """A key state byte as GetKeyState's SHORT: the byte sign-extended."""
    return state - 0x100 if state & 0x80 else state


def _pending(state: InputState) -> bool:
    """Whether a thread of the input state has keyboard or mouse input waiting; lock held."""
    return any(queue.hardware for queue in state.queues)


def _synced(state: InputState) -> bytearray:
    """The input state's key state, the system's when no input waits; kernel lock held."""
    keys = state.keys
    if not _pending(state):
        keys[:] = _system.keys
    return keys


def key_state(virtual_key: int) -> int:
    """A key's state for the calling thread (GetKeyState): < 0 down, bit 0 toggled.

    The state as of the last key message the thread retrieved; the system's when it has no
    keyboard input waiting.

    Raises:
        TypeError: ``virtual_key`` is not an int.
    """
    key = _key(virtual_key)
    state = input_state()
    with KERNEL_LOCK:
        return _signed(_synced(state)[key])


def keyboard_state() -> bytes:
    """The calling thread's state of the 256 keys (GetKeyboardState), as ``key_state``."""
    state = input_state()
    with KERNEL_LOCK:
        return bytes(_synced(state))


def set_keyboard_state(keys: bytes) -> None:
    """Replace the calling thread's key state (SetKeyboardState); the system's is kept.

    Raises:
        ValueError: not 256 bytes.
    """
    if not isinstance(keys, (bytes, bytearray)) or len(keys) != 256:
        raise ValueError("a keyboard state is 256 bytes")
    state = input_state()
    with KERNEL_LOCK:
        state.keys[:] = keys


def async_key_state(virtual_key: int) -> int:
    """A key's state now (GetAsyncKeyState): 0x8000 down, 1 pressed since the last call.

    As a signed SHORT (pywin32 gives it so): -32768 down, -32767 down and newly pressed.

    Raises:
        TypeError: ``virtual_key`` is not an int.
    """
    key = _key(virtual_key)
    with KERNEL_LOCK:
        pressed = _system.pressed[key]
        _system.pressed[key] = 0
        return (-0x8000 if _system.keys[key] & 0x80 else 0) | pressed


def system_key_down(virtual_key: int) -> bool:
    """Whether a key (or mouse button) is down in the system's state; kernel lock held."""
    return bool(_system.keys[virtual_key] & 0x80)


def last_input_tick() -> int:
    """The tick (GetTickCount) of the last input event, 0 before any (GetLastInputInfo)."""
    with KERNEL_LOCK:
        return _system.last_input


def note_input() -> None:
    """Record an input event now (for GetLastInputInfo); kernel lock held."""
    _system.last_input = ticks()


def change_key(keys: bytearray, virtual_key: int, down: bool) -> None:
    """Press or release a key in a key state: a press toggles it and sets it down."""
    if down:
        if not keys[virtual_key] & 0x80:
            keys[virtual_key] ^= 0x01
        keys[virtual_key] |= 0x80
    else:
        keys[virtual_key] &= ~0x80


def _changes(virtual_key: int, scan_code: int, extended: bool, down: bool) -> list[int]:
    """The keys a key event changes: a modifier's side and itself, else the key alone."""
    generic = _SIDES.get(virtual_key, virtual_key)
    if generic not in _LEFT:
        return [virtual_key]
    side = virtual_key
    if side == generic:
        right = scan_code & 0xFF == 0x36 if generic == _VK_SHIFT else extended
        side = _LEFT[generic] + int(right)
    return [side, generic]


def _apply(keys: bytearray, changed: list[int], down: bool) -> None:
    change_key(keys, changed[0], down)
    if len(changed) == 2 and not down:  # Shift stays down while its other side is down
        side, generic = changed
        other = side ^ 1
        if keys[other] & 0x80:
            return
        change_key(keys, generic, False)
    elif len(changed) == 2:
        change_key(keys, changed[1], True)


def _message_for(virtual_key: int, up: bool) -> int:
    """WM_KEY* or WM_SYSKEY* for a key event, from the system's state before it; lock held."""
    generic = _SIDES.get(virtual_key, virtual_key)
    keys = _system.keys
    ctrl, alt = keys[_VK_CONTROL] & 0x80, keys[_VK_MENU] & 0x80
    system = False
    if generic == _VK_MENU:
        system = _system.alt_alone and bool(alt) if up else not ctrl
        _system.alt_alone = not up and not ctrl
    elif generic == _VK_CONTROL:
        system = up and bool(alt)
        _system.alt_alone = _system.alt_alone and not system
    elif generic == _VK_F10 or (alt and not ctrl):
        system = True
        _system.alt_alone = False
    if system:
        return _WM_SYSKEYUP if up else _WM_SYSKEYDOWN
    return _WM_KEYUP if up else _WM_KEYDOWN


def synthesize_key(virtual_key: int, scan_code: int = 0, flags: int = 0) -> None:
    """Type a key going down or up, as the keyboard would (keybd_event).

    ``flags``: KEYEVENTF_KEYUP, KEYEVENTF_EXTENDEDKEY, KEYEVENTF_UNICODE (``scan_code`` is a
    character, the key VK_PACKET). The message goes to the foreground window's thread (see
    the module's docstring); none without a foreground window.

    Raises:
        TypeError: a value that is not an int.
    """
    for value in (virtual_key, scan_code, flags):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"key event values are ints, not {value!r}")
    up = bool(flags & KEYEVENTF_KEYUP)
    extended = bool(flags & KEYEVENTF_EXTENDEDKEY)
    if flags & KEYEVENTF_UNICODE:
        virtual_key, char = VK_PACKET, scan_code & 0xFFFF
    elif flags & KEYEVENTF_SCANCODE:
        virtual_key, char = map_virtual_key(scan_code & 0xFF, 1), scan_code & 0xFF
    else:
        virtual_key, char = virtual_key & 0xFF, scan_code & 0xFF
    changed = _changes(virtual_key, scan_code, extended, not up)
    woken: list[Waiter] = []
    with KERNEL_LOCK:
        note_input()
        keys = _system.keys
        was_down = keys[changed[0]] & 0x80
        msg = _message_for(virtual_key, up)
        target_state = foreground_state()
        if target_state is not None and not _pending(target_state):
            target_state.keys[:] = keys  # the thread's state starts from the system's now
        _apply(keys, changed, not up)
        if not up:
            for key in changed:
                _system.pressed[key] = 1
        hotkey = None if up else hotkey_for(_SIDES.get(virtual_key, virtual_key), keys)
        lparam = 1 | char << 16 | extended << 24 | bool(keys[_VK_MENU] & 0x80) << 29
        lparam |= (1 << 30 if was_down or up else 0) | (1 << 31 if up else 0)
        if target_state is not None and hotkey is None:
            _queue_key(target_state, msg, virtual_key, lparam, changed, up, woken)
    wake_all(woken)
    if hotkey is not None:  # WM_HOTKEY instead of the key message, as Windows posts it
        hotkey_lparam = hotkey.virtual_key << 16 | hotkey.modifiers
        if hotkey.hwnd:
            post_message(hotkey.hwnd, WM_HOTKEY, hotkey.ident, hotkey_lparam)
        else:
            post_thread_message(hotkey.queue.thread, WM_HOTKEY, hotkey.ident, hotkey_lparam)


def _queue_key(
    state: InputState,
    msg: int,
    virtual_key: int,
    lparam: int,
    changed: list[int],
    up: bool,
    woken: list[Waiter],
) -> None:
    """Queue a key message to the input state's focus (or active) window; kernel lock held."""
    hwnd = state.focus
    if not hwnd:
        hwnd = state.active
        if msg < _WM_SYSKEYDOWN:
            msg += _WM_SYSKEYDOWN - _WM_KEYDOWN
    window = WINDOWS.get(hwnd)
    if window is None:
        return
    wparam = _SIDES.get(virtual_key, virtual_key)
    message = Message(hwnd, msg, wparam, lparam, ticks(), _cursor_state.pos)
    thread_keys = state.keys

    def retrieved() -> None:  # kernel lock held, the receiving thread
        _apply(thread_keys, changed, not up)

    window.queue.put_input((message, retrieved), QS_KEY, woken)


def translate_message(message: Message | tuple[object, ...]) -> bool:
    """Post the character of a key message to its window (TranslateMessage).

    WM_KEYDOWN posts WM_CHAR, WM_SYSKEYDOWN WM_SYSCHAR, with the character the key types in
    the calling thread's key state and the key message's lParam; a key that types none posts
    nothing. True for any message of the keyboard range (WM_KEYFIRST..WM_KEYLAST), as Wine
    answers, False for the others.

    Raises:
        InvalidWindowHandleError: the message's window is gone.
    """
    msg = message[1]
    if not isinstance(msg, int) or not _WM_KEYFIRST <= msg <= _WM_KEYLAST:
        return False
    if msg not in (_WM_KEYDOWN, _WM_SYSKEYDOWN):
        return True
    hwnd, wparam, lparam = message[0], message[2], message[3]
    if not isinstance(hwnd, int) or not isinstance(wparam, int) or not isinstance(lparam, int):
        return True
    char_msg = _WM_CHAR if msg == _WM_KEYDOWN else _WM_SYSCHAR
    if wparam == VK_PACKET:
        post_message(hwnd, char_msg, lparam >> 16 & 0xFFFF, lparam & 0xFFFF)
        return True
    state = input_state()
    with KERNEL_LOCK:
        keys = bytes(_synced(state))
    char = key_char(wparam & 0xFF, lparam >> 16 & 0xFF, keys)
    if char:
        post_message(hwnd, char_msg, ord(char), lparam)
    return True
