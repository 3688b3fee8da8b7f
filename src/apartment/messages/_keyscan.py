"""VkKeyScan's answer for the US keyboard layout: which key, with which shift state, types a char.

The layout is fixed (Linux has no Windows keyboard layout to read): the 95 printable ASCII
characters and the control characters a US keyboard types; anything else gives -1.
"""

from __future__ import annotations

__all__ = ["key_scan"]

_SHIFT, _CTRL = 0x100, 0x200
_UNSHIFTED = "`1234567890-=[]\\;',./"
_SHIFTED = '~!@#$%^&*()_+{}|:"<>?'
_OEM = [0xC0, *range(0x31, 0x3A), 0x30, 0xBD, 0xBB, 0xDB, 0xDD, 0xDC, 0xBA, 0xDE, 0xBC, 0xBE, 0xBF]


def _table() -> dict[str, int]:
    table = {" ": 0x20, "\b": 0x08, "\t": 0x09, "\r": 0x0D, "\x1b": 0x1B, "\x03": 0x03}
    table["\n"] = _CTRL | 0x0D  # Ctrl+Enter
    table["\x7f"] = _CTRL | 0x08  # Ctrl+Backspace
    table["\x00"] = _CTRL | _SHIFT | 0x32  # Ctrl+@
    for offset in range(26):
        table[chr(ord("a") + offset)] = 0x41 + offset
        table[chr(ord("A") + offset)] = _SHIFT | (0x41 + offset)
        table.setdefault(chr(1 + offset), _CTRL | (0x41 + offset))  # Ctrl+letter
    for plain, shifted, vk in zip(_UNSHIFTED, _SHIFTED, _OEM, strict=True):
        table[plain] = vk
        table[shifted] = _SHIFT | vk
    table.update({"\x1c": _CTRL | 0xDC, "\x1d": _CTRL | 0xDD})
    table.update({"\x1e": _CTRL | _SHIFT | 0x36, "\x1f": _CTRL | _SHIFT | 0xBD})
    return table


_KEYS = _table()


def key_scan(char: str) -> int:
    """The virtual-key code in the low byte, the shift state in the high byte; -1: no key.

    Shift state bits: 1 Shift, 2 Ctrl, 4 Alt.
    """
    if not isinstance(char, str) or len(char) != 1:
        raise TypeError("char must be a str of length 1")
    return _KEYS.get(char, -1)
