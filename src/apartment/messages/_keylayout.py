"""The one keyboard layout, US English (00000409): scan codes, characters, layout names.

Linux has no Windows keyboard layout to read, so every thread has this one (as
GetKeyboardLayout says, 0x04090409): MapVirtualKey's tables (set 1 scan codes of a PC/AT
keyboard) and ToUnicode's characters for a key and a keyboard state (256 bytes, 0x80 a key
down, 0x01 a key toggled).
"""

from __future__ import annotations

from typing import Final

from ._keyscan import key_scan

__all__ = [
    "US_LAYOUT",
    "US_LAYOUT_NAME",
    "VK_PACKET",
    "extended_key",
    "key_char",
    "map_virtual_key",
]

US_LAYOUT: Final = 0x04090409
"""The input locale identifier (HKL) of the US layout: language 0x0409, device 0x0409."""
US_LAYOUT_NAME: Final = "00000409"
"""Its layout name (KLID), as GetKeyboardLayoutName gives it."""
VK_PACKET: Final = 0xE7
"""The virtual key of a character typed as itself (KEYEVENTF_UNICODE)."""

_VK_SHIFT, _VK_CONTROL, _VK_MENU, _VK_CAPITAL = 0x10, 0x11, 0x12, 0x14

# Scan code of each virtual key, the main key first where two share one (numpad keys).
_LETTER_SCANS = (
    0x1E, 0x30, 0x2E, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
    0x31, 0x18, 0x19, 0x10, 0x13, 0x1F, 0x14, 0x16, 0x2F, 0x11, 0x2D, 0x15, 0x2C,
)  # fmt: skip
_SCANS: dict[int, int] = {
    0x08: 0x0E, 0x09: 0x0F, 0x0D: 0x1C, 0x10: 0x2A, 0x11: 0x1D, 0x12: 0x38, 0x13: 0x45,
    0x14: 0x3A, 0x1B: 0x01, 0x20: 0x39, 0x21: 0x49, 0x22: 0x51, 0x23: 0x4F, 0x24: 0x47,
    0x25: 0x4B, 0x26: 0x48, 0x27: 0x4D, 0x28: 0x50, 0x2C: 0x54, 0x2D: 0x52, 0x2E: 0x53,
    0x30: 0x0B, 0x5B: 0x5B, 0x5C: 0x5C, 0x5D: 0x5D,
    0x60: 0x52, 0x61: 0x4F, 0x62: 0x50, 0x63: 0x51, 0x64: 0x4B, 0x65: 0x4C, 0x66: 0x4D,
    0x67: 0x47, 0x68: 0x48, 0x69: 0x49, 0x6A: 0x37, 0x6B: 0x4E, 0x6D: 0x4A, 0x6E: 0x53,
    0x6F: 0x35, 0x0C: 0x4C, 0x7A: 0x57, 0x7B: 0x58, 0x90: 0x45, 0x91: 0x46,
    0xA0: 0x2A, 0xA1: 0x36, 0xA2: 0x1D, 0xA3: 0x1D, 0xA4: 0x38, 0xA5: 0x38,
    0xBA: 0x27, 0xBB: 0x0D, 0xBC: 0x33, 0xBD: 0x0C, 0xBE: 0x34, 0xBF: 0x35, 0xC0: 0x29,
    0xDB: 0x1A, 0xDC: 0x2B, 0xDD: 0x1B, 0xDE: 0x28, 0xE2: 0x56,
}  # fmt: skip
_SCANS.update({0x31 + index: 0x02 + index for index in range(9)})  # 1..9
_SCANS.update({0x41 + index: scan for index, scan in enumerate(_LETTER_SCANS)})
_SCANS.update({0x70 + index: 0x3B + index for index in range(10)})  # F1..F10
_EXTENDED = frozenset({0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x2D, 0x2E})
_EXTENDED |= {0x5B, 0x5C, 0x5D, 0x6F, 0xA3, 0xA5}

# Scan code to virtual key: the first key of _SCANS with that code that is not a numpad
# digit, a left/right variant or the numpad's own Clear/Divide/Decimal.
_VKS: dict[int, int] = {}
for _vk, _scan in _SCANS.items():
    if not (0x60 <= _vk <= 0x6F or 0xA0 <= _vk <= 0xA5 or _vk == 0x0C):
        _VKS.setdefault(_scan, _vk)
_VKS.update({0x37: 0x6A, 0x4A: 0x6D, 0x4C: 0x0C, 0x4E: 0x6B, 0x45: 0x90, 0x35: 0xBF})
_LEFT_RIGHT = {0x2A: 0xA0, 0x36: 0xA1, 0x1D: 0xA2, 0x38: 0xA4}  # MAPVK_VSC_TO_VK_EX

_NUMPAD_CHARS = {0x6A: "*", 0x6B: "+", 0x6D: "-", 0x6E: ".", 0x6F: "/"}
_NUMPAD_CHARS.update({0x60 + digit: str(digit) for digit in range(10)})


def _shifted_table() -> dict[tuple[int, int], str]:
    """(virtual key, shift state 0-3) -> the character a US keyboard types, from VkKeyScan's."""
    table: dict[tuple[int, int], str] = {}
    for code in range(128):
        found = key_scan(chr(code))
        if found != -1:
            table.setdefault((found & 0xFF, found >> 8), chr(code))
    for letter in range(26):  # Ctrl+letter and Ctrl+Shift+letter: the control character
        table[(0x41 + letter, 2)] = table[(0x41 + letter, 3)] = chr(1 + letter)
    return table


_CHARS = _shifted_table()


def extended_key(virtual_key: int) -> bool:
    """Whether the key is on the extended part of the keyboard (arrows, right Ctrl, ...)."""
    return virtual_key in _EXTENDED


def map_virtual_key(code: int, map_type: int) -> int:
    """Translate between virtual keys, scan codes and characters (MapVirtualKey).

    ``map_type``: 0 a virtual key to its scan code (left/right variants to theirs), 1 a scan
    code to its virtual key (Shift, Ctrl, Alt for either side), 2 a virtual key to its
    unshifted character (letters upper case), 3 as 1 but the left/right variants, 4 as 0
    with 0xE0 in the high byte for extended keys. 0 for no translation or another type.
    """
    if isinstance(code, bool) or not isinstance(code, int):
        raise TypeError(f"a key code is an int, not {type(code).__name__}")
    if isinstance(map_type, bool) or not isinstance(map_type, int):
        raise TypeError(f"a map type is an int, not {type(map_type).__name__}")
    if map_type in (0, 4):
        scan = _SCANS.get(code, 0)
        return scan | 0xE000 if scan and map_type == 4 and code in _EXTENDED else scan
    if map_type in (1, 3):
        if map_type == 3 and code in _LEFT_RIGHT:
            return _LEFT_RIGHT[code]
        return _VKS.get(code, 0)
    if map_type == 2:
        if 0x41 <= code <= 0x5A:
            return code
        char = _NUMPAD_CHARS.get(code) or _CHARS.get((code, 0))
        return ord(char) if char is not None else 0
    return 0


def _down(state: bytes | bytearray, *keys: int) -> bool:
    return any(state[key] & 0x80 for key in keys)


def key_char(virtual_key: int, scan_code: int, state: bytes | bytearray) -> str:
    """The character a key down types with the keyboard state ``state`` (ToUnicode); "" none.

    Shift and Caps Lock (toggled) choose the case of letters, Shift the symbol of the other
    keys; Ctrl with a letter types its control character, Ctrl with Alt (AltGr) nothing on a
    US keyboard; Alt alone does not change the character (Alt+F types "f", as WM_SYSCHAR).
    A key going up (0x8000 in ``scan_code``) types nothing. VK_PACKET types the character
    of its scan code.
    """
    if scan_code & 0x8000:
        return ""
    if virtual_key == VK_PACKET:
        return chr(scan_code & 0xFFFF)
    ctrl = _down(state, _VK_CONTROL, 0xA2, 0xA3)
    if ctrl and _down(state, _VK_MENU, 0xA4, 0xA5):
        return ""
    shift = _down(state, _VK_SHIFT, 0xA0, 0xA1)
    if 0x41 <= virtual_key <= 0x5A and not ctrl and state[_VK_CAPITAL] & 1:
        shift = not shift
    if virtual_key in _NUMPAD_CHARS and not ctrl:
        return _NUMPAD_CHARS[virtual_key]
    return _CHARS.get((virtual_key, int(shift) | 2 * ctrl), "")
