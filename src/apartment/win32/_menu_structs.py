"""MENUITEMINFO and MENUINFO as pywin32 passes them: buffers laid out as on 64-bit Windows.

``win32gui_struct.PackMENUITEMINFO`` and ``PackMENUINFO`` make these buffers; the menu
functions take them. Reading one gives the core's :class:`~apartment.messages.MenuItem` and
the fields its mask names; filling one (GetMenuItemInfo, GetMenuInfo) writes the fields the
mask names back in place, and a text to the memory ``dwTypeData`` points at, as Windows does.
"""

from __future__ import annotations

import struct
from typing import Final

from .. import messages

__all__ = [
    "MENUINFO_SIZE",
    "MENUITEMINFO_SIZE",
    "fill_menu_info",
    "fill_menu_item",
    "read_menu_info",
    "read_menu_item",
]

_ITEM: Final = struct.Struct("5i5PiP")  # cbSize fMask fType fState wID, 5 pointers, cch, hbmp
_INFO: Final = struct.Struct("iiiiPiP")  # cbSize fMask dwStyle cyMax hbrBack helpID data
MENUITEMINFO_SIZE: Final = _ITEM.size
MENUINFO_SIZE: Final = _INFO.size

_STRING_TYPES: Final = messages.MFT_BITMAP | messages.MFT_SEPARATOR | messages.MFT_OWNERDRAW


def _view(buffer: object, size: int, what: str) -> memoryview:
    try:
        view = memoryview(buffer).cast("B")  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"The {what} must be a buffer object") from None
    if len(view) < size:
        raise ValueError(f"The buffer is too small: a {what} is {size} bytes")
    return view


def read_menu_item(buffer: object) -> tuple[int, dict[str, object]]:
    """The mask and the MenuItem fields it names, from a MENUITEMINFO buffer."""
    fields = _ITEM.unpack_from(_view(buffer, _ITEM.size, "MENUITEMINFO"))
    _, mask, ftype, state, wid, submenu, checked, unchecked, data, text_ptr, _, bitmap = fields
    mask &= 0xFFFFFFFF
    item: dict[str, object] = {}
    if mask & (messages.MIIM_FTYPE | messages.MIIM_TYPE):
        item["type"] = ftype & 0xFFFFFFFF
    if mask & messages.MIIM_STATE:
        item["state"] = state & 0xFFFFFFFF
    if mask & messages.MIIM_ID:
        item["id"] = wid & 0xFFFFFFFF
    if mask & messages.MIIM_SUBMENU:
        item["submenu"] = submenu
    if mask & messages.MIIM_CHECKMARKS:
        item["checked_bitmap"], item["unchecked_bitmap"] = checked, unchecked
    if mask & messages.MIIM_DATA:
        item["data"] = data
    if mask & messages.MIIM_BITMAP:
        item["bitmap"] = bitmap
    if mask & messages.MIIM_STRING or (mask & messages.MIIM_TYPE and not ftype & _STRING_TYPES):
        item["text"] = messages.read_string(text_ptr) if text_ptr else None
    elif mask & messages.MIIM_TYPE and ftype & messages.MFT_BITMAP:
        item["bitmap"] = text_ptr & 0xFFFF
    return mask, item


def fill_menu_item(buffer: object, item: messages.MenuItem) -> None:
    """Write the fields a MENUITEMINFO buffer's mask asks for, and its text, in place."""
    view = _view(buffer, _ITEM.size, "MENUITEMINFO")
    fields = list(_ITEM.unpack_from(view))
    mask = fields[1] & 0xFFFFFFFF
    if mask & (messages.MIIM_FTYPE | messages.MIIM_TYPE):
        fields[2] = _signed(item.type)
    if mask & messages.MIIM_STATE:
        fields[3] = _signed(item.state)
    if mask & messages.MIIM_ID:
        fields[4] = _signed(item.id)
    if mask & messages.MIIM_SUBMENU:
        fields[5] = item.submenu
    if mask & messages.MIIM_CHECKMARKS:
        fields[6], fields[7] = item.checked_bitmap, item.unchecked_bitmap
    if mask & messages.MIIM_DATA:
        fields[8] = item.data & 0xFFFFFFFFFFFFFFFF
    if mask & messages.MIIM_BITMAP:
        fields[11] = item.bitmap
    if mask & (messages.MIIM_STRING | messages.MIIM_TYPE):
        fields[9], fields[10] = _write_text(fields[9], fields[10], item.text or "")
    _ITEM.pack_into(view, 0, *fields)


def _signed(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - 2**32 if value >= 2**31 else value


def _write_text(address: int, size: int, text: str) -> tuple[int, int]:
    """Copy up to ``size - 1`` characters and a NUL to ``address``; the new (pointer, cch).

    With no buffer (NULL or a size of 0) only the text's length is given, as Windows does.
    """
    if not address or size <= 0:
        return address, len(text)
    copied = text[: size - 1]
    messages.write_memory(address, (copied + "\0").encode("utf-16-le"))
    return address, len(copied)


_INFO_FIELDS: Final = (
    (messages.MIM_STYLE, "style", 2),
    (messages.MIM_MAXHEIGHT, "max_height", 3),
    (messages.MIM_BACKGROUND, "background", 4),
    (messages.MIM_HELPID, "help_id", 5),
    (messages.MIM_MENUDATA, "data", 6),
)


def read_menu_info(buffer: object) -> tuple[int, messages.MenuInfo]:
    """The mask and the settings of a MENUINFO buffer."""
    fields = _INFO.unpack_from(_view(buffer, _INFO.size, "MENUINFO"))
    info = messages.MenuInfo()
    for _, name, index in _INFO_FIELDS:
        setattr(info, name, fields[index] & 0xFFFFFFFF if index in (2, 3, 5) else fields[index])
    return fields[1] & 0xFFFFFFFF, info


def fill_menu_info(buffer: object, info: messages.MenuInfo) -> None:
    """Write the settings a MENUINFO buffer's mask asks for, in place."""
    view = _view(buffer, _INFO.size, "MENUINFO")
    fields = list(_INFO.unpack_from(view))
    for bit, name, index in _INFO_FIELDS:
        if fields[1] & bit:
            value = getattr(info, name)
            fields[index] = _signed(value) if index in (2, 3, 5) else value
    _INFO.pack_into(view, 0, *fields)
