"""win32api's synthesized input and keyboard layout names: keybd_event, mouse_event, ...

Re-exported by :mod:`.win32api`. Each is one call into the message layer (``_keyboard``,
``_keylayout``, ``_mouse``), which says where the input goes; pywin32's argument shapes and
quirks are kept here (ToAsciiEx's 256-character state, LoadKeyboardLayout's str only).
"""

from __future__ import annotations

import operator

from .. import messages
from ._buffers import text_arg
from ._handles import handle_value

__all__ = [
    "keybd_event", "mouse_event", "GetKeyboardState", "MapVirtualKey", "GetKeyboardLayout",
    "GetKeyboardLayoutName", "GetKeyboardLayoutList", "LoadKeyboardLayout", "ToAsciiEx",
    "GetLastInputInfo", "SetCursor", "ShowCursor",
]  # fmt: skip


def _uint(value: object) -> int:
    """An unsigned C argument (pywin32 reads it with "k": masked, never range-checked)."""
    return operator.index(value) & 0xFFFFFFFF  # type: ignore[arg-type]


def keybd_event(bVk: int, bScan: int, dwFlags: int = 0, dwExtraInfo: int = 0, /) -> None:
    """Type a key down or up (KEYEVENTF_KEYUP), as the keyboard would; bytes are truncated."""
    messages.synthesize_key(_uint(bVk) & 0xFF, _uint(bScan) & 0xFF, _uint(dwFlags))


def mouse_event(dwFlags: int, dx: int, dy: int, dwData: int = 0, dwExtraInfo: int = 0, /) -> None:
    """Move the mouse, press a button or turn the wheel (MOUSEEVENTF_* in ``dwFlags``)."""
    data = _uint(dwData)
    messages.synthesize_mouse(_uint(dwFlags), _uint(dx), _uint(dy), data)


def GetKeyboardState() -> bytes:
    """The calling thread's 256 key states (0x80 down, 0x01 toggled)."""
    return messages.keyboard_state()


def MapVirtualKey(vk: int, type: int, hlayout: object = None, /) -> int:
    """Translate a virtual key, scan code or character (MAPVK_*); the US layout's tables."""
    return messages.map_virtual_key(_uint(vk), _uint(type))


def GetKeyboardLayout(threadId: int = 0, /) -> int:
    """The thread's input locale (HKL): every thread has the US layout, 0x04090409."""
    _uint(threadId)
    return messages.US_LAYOUT


def GetKeyboardLayoutName() -> str:
    """The calling thread's layout name (KLID), "00000409"."""
    return messages.US_LAYOUT_NAME


def GetKeyboardLayoutList() -> tuple[int, ...]:
    """The input locales installed: the US layout alone."""
    return (messages.US_LAYOUT,)


def LoadKeyboardLayout(KLID: str, Flags: int = 0, /) -> int:
    """Load a layout by name: the US one is the only one, given for any name (as Wine does)."""
    text_arg(KLID)
    _uint(Flags)
    return messages.US_LAYOUT


def ToAsciiEx(
    vk: int, scancode: int, keyboardstate: object, flags: int = 0, hlayout: object = None, /
) -> bytes:
    """The characters a key types with a keyboard state (256 bytes or characters)."""
    if isinstance(keyboardstate, str):
        keyboardstate = keyboardstate.encode("latin-1", "replace")
    if not isinstance(keyboardstate, (bytes, bytearray)) or len(keyboardstate) != 256:
        raise ValueError("keyboard state string must be exactly 256 characters")
    _uint(flags)
    char = messages.key_char(_uint(vk), _uint(scancode), keyboardstate)
    return char.encode("latin-1", "replace")


def GetLastInputInfo() -> int:
    """The tick count of the last input event (0 before any)."""
    return messages.last_input_tick()


def SetCursor(hCursor: int, /) -> int:
    """Set the calling thread's cursor; the previous one (0 for a handle that is no cursor)."""
    return messages.set_cursor(handle_value(hCursor))


def ShowCursor(show: int, /) -> int:
    """Count the cursor shown or hidden; the new display count."""
    return messages.show_cursor(bool(operator.index(show)))
