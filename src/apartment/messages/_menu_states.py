"""Menu queries and states: counts, ids, check marks, enabling, the default item, MENUINFO.

The menus themselves, their items and how an item is found are ``_menus``'.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Final

from ..kernel.lowlevel import KERNEL_LOCK
from ._menu_constants import (
    GMDI_GOINTOPOPUPS,
    GMDI_USEDISABLED,
    MF_BYPOSITION,
    MF_CHECKED,
    MF_DISABLED,
    MF_GRAYED,
    MF_POPUP,
    MFS_CHECKED,
    MFS_DEFAULT,
    MFS_GRAYED,
    MFT_RADIOCHECK,
    MIM_APPLYTOSUBMENUS,
    MIM_BACKGROUND,
    MIM_HELPID,
    MIM_MAXHEIGHT,
    MIM_MENUDATA,
    MIM_STYLE,
)
from ._menus import MENUS, MenuInfo, find_item, located, menu_lookup, not_found

if TYPE_CHECKING:
    from ._menus import Menu

__all__ = [
    "check_menu_item",
    "check_menu_radio_item",
    "enable_menu_item",
    "menu_default_item",
    "menu_info",
    "menu_item_count",
    "menu_item_id",
    "menu_state",
    "set_menu_default_item",
    "set_menu_info",
    "sub_menu",
]


def menu_item_count(handle: int) -> int:
    """How many items the menu has (GetMenuItemCount).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        return len(menu_lookup(handle).items)


def menu_item_id(handle: int, position: int) -> int:
    """The command id of the item at a position; -1 for a submenu item or no item.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        if not 0 <= position < len(menu.items) or menu.items[position].submenu:
            return -1
        return menu.items[position].id


def sub_menu(handle: int, position: int) -> int:
    """The submenu of the item at a position, or 0 (GetSubMenu).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        if not 0 <= position < len(menu.items):
            return 0
        return menu.items[position].submenu


def menu_state(handle: int, item: int, flags: int) -> int:
    """An item's MF_* state and type flags; -1 if there is no such item (GetMenuState).

    For a submenu item, the low byte holds the flags and the next byte the submenu's count
    of items, with MF_POPUP.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        found = find_item(handle, item, bool(flags & MF_BYPOSITION))
        if found is None:
            return -1
        menu, index = found
        entry = menu.items[index]
        bits = entry.type | entry.state
        sub = MENUS.get(entry.submenu) if entry.submenu else None
        if sub is not None:
            return (len(sub.items) << 8) | (bits & 0xFF) | MF_POPUP
        return bits


def check_menu_item(handle: int, item: int, flags: int) -> int:
    """Check or uncheck an item (CheckMenuItem, MF_CHECKED in ``flags``).

    Returns MF_CHECKED or MF_UNCHECKED (0) as it was before, -1 if there is no such item.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        found = find_item(handle, item, bool(flags & MF_BYPOSITION))
        if found is None:
            return -1
        menu, index = found
        entry = menu.items[index]
        before = entry.state & MF_CHECKED
        entry.state = (entry.state & ~MF_CHECKED) | (flags & MF_CHECKED)
        return before


def check_menu_radio_item(handle: int, first: int, last: int, check: int, flags: int) -> bool:
    """Check one item of a range as a radio item and uncheck the rest (CheckMenuRadioItem).

    The range is of positions (MF_BYPOSITION) or of command ids, in the one menu that holds
    ``check``. The checked item gets MFT_RADIOCHECK.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND when ``check``
            is not in the range or not in the menu.
    """
    by_position = bool(flags & MF_BYPOSITION)
    with KERNEL_LOCK:
        menu, index = located(handle, check, by_position)
        if not first <= check <= last:
            raise not_found(check)
        for position, entry in enumerate(menu.items):
            key = position if by_position else entry.id
            if not first <= key <= last or entry.submenu:
                continue
            if position == index:
                entry.state |= MFS_CHECKED
                entry.type |= MFT_RADIOCHECK
            else:
                entry.state &= ~MFS_CHECKED
        return True


def enable_menu_item(handle: int, item: int, flags: int) -> int:
    """Enable, gray or disable an item (EnableMenuItem: MF_ENABLED, MF_GRAYED, MF_DISABLED).

    Returns the item's previous MF_GRAYED/MF_DISABLED bits, -1 if there is no such item.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        found = find_item(handle, item, bool(flags & MF_BYPOSITION))
        if found is None:
            return -1
        menu, index = found
        entry = menu.items[index]
        before = entry.state & (MF_GRAYED | MF_DISABLED)
        entry.state = (entry.state & ~(MF_GRAYED | MF_DISABLED)) | (
            flags & (MF_GRAYED | MF_DISABLED)
        )
        return before


def set_menu_default_item(handle: int, item: int, by_position: bool) -> None:
    """Make an item the menu's default (MFS_DEFAULT), or none with -1 (SetMenuDefaultItem).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND (the item must be
            in this menu itself).
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        index = -1
        if item != -1:
            keys = range(len(menu.items)) if by_position else [e.id for e in menu.items]
            matches = [i for i, key in enumerate(keys) if key == item]
            if not matches:
                raise not_found(item)
            index = matches[0]
        for position, entry in enumerate(menu.items):
            if position == index:
                entry.state |= MFS_DEFAULT
            else:
                entry.state &= ~MFS_DEFAULT


def menu_default_item(handle: int, by_position: bool, flags: int) -> int:
    """The default item's id (or position); -1 if there is none (GetMenuDefaultItem).

    A disabled default item counts only with GMDI_USEDISABLED; GMDI_GOINTOPOPUPS looks
    into a default item's submenu for its default.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        for position, entry in enumerate(menu.items):
            if not entry.state & MFS_DEFAULT:
                continue
            if entry.state & MFS_GRAYED and not flags & GMDI_USEDISABLED:
                return -1
            sub = MENUS.get(entry.submenu) if entry.submenu else None
            if sub is not None and flags & GMDI_GOINTOPOPUPS:
                inner = _default_inside(sub, by_position, flags)
                if inner != -1:
                    return inner
            return position if by_position else entry.id
        return -1


def _default_inside(menu: Menu, by_position: bool, flags: int) -> int:
    for position, entry in enumerate(menu.items):
        if entry.state & MFS_DEFAULT and (not entry.state & MFS_GRAYED or flags & GMDI_USEDISABLED):
            return position if by_position else entry.id
    return -1


# -- MENUINFO -----------------------------------------------------------------------------------

_INFO_FIELDS: Final = (
    (MIM_STYLE, "style"),
    (MIM_MAXHEIGHT, "max_height"),
    (MIM_BACKGROUND, "background"),
    (MIM_HELPID, "help_id"),
    (MIM_MENUDATA, "data"),
)


def menu_info(handle: int) -> MenuInfo:
    """A copy of the menu's settings (GetMenuInfo).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        return dataclasses.replace(menu_lookup(handle).info)


def set_menu_info(handle: int, mask: int, info: MenuInfo) -> None:
    """Set the settings ``mask`` (MIM_*) names from ``info`` (SetMenuInfo).

    MIM_APPLYTOSUBMENUS sets them on every submenu too (MIM_MENUDATA excepted, as Windows).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        _apply_info(menu_lookup(handle), mask, info, set())


def _apply_info(menu: Menu, mask: int, info: MenuInfo, seen: set[int]) -> None:
    seen.add(menu.handle)
    for bit, name in _INFO_FIELDS:
        if mask & bit:
            setattr(menu.info, name, getattr(info, name))
    if mask & MIM_APPLYTOSUBMENUS:
        for entry in menu.items:
            sub = MENUS.get(entry.submenu) if entry.submenu else None
            if sub is not None and sub.handle not in seen:
                _apply_info(sub, mask & ~MIM_MENUDATA, info, seen)
