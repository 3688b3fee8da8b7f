"""WshShortcut's fields in a ``.lnk`` file of Windows' format: the hot key and icon as text.

WScript.Shell's shortcut object speaks in text where the shell link holds numbers: its
``Hotkey`` is "Alt+Ctrl+F" (the link holds a WORD: the virtual key in the low byte, the
HOTKEYF_* modifiers in the high byte) and its ``IconLocation`` "path,index". These turn one
into the other; the file itself is :func:`apartment.com.pack_link`'s.
"""

from __future__ import annotations

from ..com import LinkData

__all__ = ["hotkey_text", "hotkey_word", "icon_text", "icon_place", "fields_of", "link_of"]

_HOTKEYF_SHIFT = 0x1
_HOTKEYF_CONTROL = 0x2
_HOTKEYF_ALT = 0x4
_HOTKEYF_EXT = 0x8
_MODIFIERS = (("Alt", _HOTKEYF_ALT), ("Ctrl", _HOTKEYF_CONTROL), ("Shift", _HOTKEYF_SHIFT))
_NAMED_KEYS = {
    "Back": 0x08, "Tab": 0x09, "Enter": 0x0D, "Pause": 0x13, "Esc": 0x1B, "Space": 0x20,
    "PgUp": 0x21, "PgDn": 0x22, "End": 0x23, "Home": 0x24, "Left": 0x25, "Up": 0x26,
    "Right": 0x27, "Down": 0x28, "Ins": 0x2D, "Del": 0x2E,
}  # fmt: skip
_KEY_NAMES = {code: name for name, code in _NAMED_KEYS.items()}


def _key_name(code: int) -> str:
    if 0x30 <= code <= 0x39 or 0x41 <= code <= 0x5A:
        return chr(code)
    if 0x70 <= code <= 0x87:
        return f"F{code - 0x6F}"
    return _KEY_NAMES.get(code, f"0x{code:02X}" if code else "")


def hotkey_text(word: int) -> str:
    """The hot key WORD as WshShortcut shows it ("Alt+Ctrl+F"; "" for none)."""
    key = _key_name(word & 0xFF)
    if not key:
        return ""
    modifiers = word >> 8
    return "+".join([name for name, bit in _MODIFIERS if modifiers & bit] + [key])


def hotkey_word(text: str) -> int:
    """The hot key text ("ctrl+alt+f", any case and order) as the link's WORD.

    Raises:
        ValueError: a part names no modifier or key.
    """
    if not text.strip():
        return 0
    *modifiers, key = (part.strip() for part in text.split("+"))
    bits = 0
    by_name = {name.lower(): bit for name, bit in _MODIFIERS}
    by_name["control"] = _HOTKEYF_CONTROL
    for modifier in modifiers:
        bit = by_name.get(modifier.lower())
        if bit is None:
            raise ValueError(f"{modifier!r} is no modifier: use Alt, Ctrl or Shift")
        bits |= bit
    return (bits << 8) | _key_code(key)


def _key_code(key: str) -> int:
    upper = key.upper()
    if len(upper) == 1 and (upper.isdigit() or "A" <= upper <= "Z"):
        return ord(upper)
    if upper.startswith("F") and upper[1:].isdigit() and 1 <= int(upper[1:]) <= 24:
        return 0x6F + int(upper[1:])
    for name, code in _NAMED_KEYS.items():
        if name.upper() == upper:
            return code
    raise ValueError(f"{key!r} is no key: use a letter, a digit, F1-F24 or a key's name")


def icon_text(path: str, index: int) -> str:
    """The icon as WshShortcut shows it: "path,index"."""
    return f"{path},{index}"


def icon_place(text: str) -> tuple[str, int]:
    """The icon's file and index from "path,index" (the index 0 when not given)."""
    path, comma, index = text.rpartition(",")
    if not comma or not index.strip().lstrip("-").isdigit():
        return text, 0
    return path, int(index)


def fields_of(link: LinkData) -> dict[str, str | int]:
    """WshShortcut's fields of a read link."""
    return {
        "Arguments": link.arguments,
        "Description": link.description,
        "Hotkey": hotkey_text(link.hotkey),
        "IconLocation": icon_text(link.icon_location, link.icon_index),
        "RelativePath": link.relative_path,
        "TargetPath": link.target,
        "WindowStyle": link.show_command,
        "WorkingDirectory": link.working_directory,
    }


def link_of(fields: dict[str, object]) -> LinkData:
    """The link WshShortcut's fields describe.

    Raises:
        ValueError: a hot key that names no key.
    """
    icon, index = icon_place(str(fields["IconLocation"]))
    return LinkData(
        target=str(fields["TargetPath"]),
        arguments=str(fields["Arguments"]),
        working_directory=str(fields["WorkingDirectory"]),
        description=str(fields["Description"]),
        relative_path=str(fields["RelativePath"]),
        icon_location=icon,
        icon_index=index,
        show_command=int(str(fields["WindowStyle"])),
        hotkey=hotkey_word(str(fields["Hotkey"])),
    )
