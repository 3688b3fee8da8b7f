"""Menus: a handle table of menus and their items, built and changed as Windows does.

A menu is a list of items; an item has a type (MFT_* flags: a string, a separator, a bitmap,
owner-drawn, breaks, a radio check), a state (MFS_*: grayed, checked, hilited, default), a
command id, maybe a submenu, a text, application data and bitmaps. An item is found by
position or by command id (MF_BYCOMMAND searches the submenus too, depth first, as Windows
does). Menus are the process's: any thread may use any menu. They change under the kernel
lock. Nothing is drawn, so a menu bar needs no redrawing (DrawMenuBar only checks its
window) and a bitmap is only a handle kept.

Errors are Windows': ERROR_INVALID_MENU_HANDLE for a handle that is no menu,
ERROR_MENU_ITEM_NOT_FOUND for an item that is not there.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Final

from ..errors import ERROR_INVALID_MENU_HANDLE, ERROR_MENU_ITEM_NOT_FOUND, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._menu_constants import (
    MF_BITMAP,
    MF_BYPOSITION,
    MF_CHECKED,
    MF_DISABLED,
    MF_GRAYED,
    MF_HILITE,
    MF_MENUBARBREAK,
    MF_MENUBREAK,
    MF_OWNERDRAW,
    MF_POPUP,
    MF_RIGHTJUSTIFY,
    MF_SEPARATOR,
    MFS_DEFAULT,
    MFS_GRAYED,
    MFT_RADIOCHECK,
)

__all__ = [
    "Menu",
    "MenuInfo",
    "MENUS",
    "MenuItem",
    "append_menu",
    "create_menu",
    "create_popup_menu",
    "delete_menu",
    "destroy_menu",
    "find_item",
    "insert_menu",
    "insert_menu_item",
    "is_menu",
    "located",
    "menu_item",
    "menu_lookup",
    "menu_of",
    "modify_menu",
    "not_found",
    "remove_menu",
    "set_menu_item",
]

_TYPE_FLAGS: Final = (
    MF_BITMAP | MF_OWNERDRAW | MF_SEPARATOR | MF_MENUBARBREAK | MF_MENUBREAK | MF_RIGHTJUSTIFY
    | MFT_RADIOCHECK
)  # fmt: skip
_STATE_FLAGS: Final = MF_GRAYED | MF_DISABLED | MF_CHECKED | MF_HILITE | MFS_DEFAULT


@dataclasses.dataclass
class MenuItem:
    """One item of a menu (MENUITEMINFO's fields). ``submenu`` is a menu handle or 0."""

    type: int = 0
    state: int = 0
    id: int = 0
    submenu: int = 0
    text: str | None = None
    data: int = 0
    checked_bitmap: int = 0
    unchecked_bitmap: int = 0
    bitmap: int = 0


@dataclasses.dataclass
class MenuInfo:
    """A menu's own settings (MENUINFO's fields)."""

    style: int = 0
    max_height: int = 0
    background: int = 0
    help_id: int = 0
    data: int = 0


class Menu:
    """A menu: its handle, its items, whether it is a popup menu, its MenuInfo."""

    __slots__ = ("handle", "info", "items", "popup")

    def __init__(self, handle: int, popup: bool) -> None:
        self.handle = handle
        self.popup = popup
        self.items: list[MenuItem] = []
        self.info = MenuInfo()

    def __repr__(self) -> str:
        kind = "popup menu" if self.popup else "menu"
        return f"<{kind} {self.handle:#x} of {len(self.items)} items>"


MENUS: dict[int, Menu] = {}
"""Every live menu by handle; kernel lock."""

_handles = itertools.count(0x0005_0011, 4)  # apart from windows' handles (one table on Windows)


def _new(popup: bool) -> int:
    with KERNEL_LOCK:
        menu = Menu(next(_handles), popup)
        MENUS[menu.handle] = menu
        return menu.handle


def create_menu() -> int:
    """Make an empty menu, for a menu bar (CreateMenu); its handle."""
    return _new(popup=False)


def create_popup_menu() -> int:
    """Make an empty popup menu (CreatePopupMenu); its handle."""
    return _new(popup=True)


def menu_lookup(handle: object) -> Menu:
    """The menu of a handle; kernel lock held.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    menu: Menu | None = MENUS.get(handle)  # type: ignore[call-overload]
    if menu is None:
        if isinstance(handle, bool) or not isinstance(handle, int):
            raise TypeError(f"a menu handle is an int, not {handle!r}")
        raise Win32Error.from_code(ERROR_INVALID_MENU_HANDLE, f"{handle:#x} is no menu")
    return menu


def menu_of(handle: int) -> Menu:
    """The live menu of a handle.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        return menu_lookup(handle)


def is_menu(handle: object) -> bool:
    """Whether ``handle`` is a live menu (IsMenu)."""
    with KERNEL_LOCK:
        return handle in MENUS


def destroy_menu(handle: int) -> None:
    """Destroy a menu and, as Windows does, the submenus of its items (DestroyMenu).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        _destroy(menu_lookup(handle))


def _destroy(menu: Menu) -> None:
    MENUS.pop(menu.handle, None)
    for item in menu.items:
        sub = MENUS.get(item.submenu)
        if sub is not None:
            _destroy(sub)


def not_found(where: object) -> Win32Error:
    return Win32Error.from_code(ERROR_MENU_ITEM_NOT_FOUND, f"no menu item {where!r}")


def find_item(handle: int, item: int, by_position: bool) -> tuple[Menu, int] | None:
    """The menu (it or a submenu, for a command id) and index of an item; kernel lock held.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    menu = menu_lookup(handle)
    if by_position:
        return (menu, item) if 0 <= item < len(menu.items) else None
    return _by_command(menu, item & 0xFFFFFFFF, set())


def _by_command(menu: Menu, command: int, seen: set[int]) -> tuple[Menu, int] | None:
    seen.add(menu.handle)
    for index, entry in enumerate(menu.items):
        sub = MENUS.get(entry.submenu) if entry.submenu else None
        if sub is not None and sub.handle not in seen:
            found = _by_command(sub, command, seen)
            if found is not None:
                return found
        elif entry.id & 0xFFFFFFFF == command:
            return menu, index
    # a submenu item is found by its own id too, once nothing inside matched
    for index, entry in enumerate(menu.items):
        if entry.submenu and entry.id & 0xFFFFFFFF == command:
            return menu, index
    return None


def located(handle: int, item: int, by_position: bool) -> tuple[Menu, int]:
    found = find_item(handle, item, by_position)
    if found is None:
        raise not_found(item)
    return found


# -- the MF_* forms (AppendMenu, InsertMenu, ModifyMenu) --------------------------------------


def _from_flags(flags: int, id_or_submenu: int, text: str | None) -> MenuItem:
    """An item from MF_* flags, as AppendMenu/InsertMenu/ModifyMenu read them; lock held."""
    item = MenuItem(type=flags & _TYPE_FLAGS, state=flags & _STATE_FLAGS)
    if flags & MF_SEPARATOR:
        item.state |= MFS_GRAYED  # a separator is grayed and disabled (as Wine keeps it)
    if flags & MF_POPUP:
        item.submenu = id_or_submenu  # not checked, as Windows (Wine) does not
        item.id = id_or_submenu & 0xFFFFFFFF
    else:
        item.id = id_or_submenu & 0xFFFFFFFF
    if flags & MF_BITMAP:
        item.bitmap = item.data = id_or_submenu if text is None else 0
    elif flags & MF_OWNERDRAW:
        item.data = 0
    elif not flags & MF_SEPARATOR:
        item.text = text if text is not None else ""
    return item


def append_menu(handle: int, flags: int, id_or_submenu: int, text: str | None) -> None:
    """Add an item at the end of a menu (AppendMenu); ``flags`` are MF_* flags.

    With MF_POPUP, ``id_or_submenu`` is the submenu's handle (and the item's id); it is
    not checked.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        menu.items.append(_from_flags(flags, id_or_submenu, text))


def insert_menu(
    handle: int, position: int, flags: int, id_or_submenu: int, text: str | None
) -> None:
    """Insert an item before another (InsertMenu), found by MF_BYPOSITION or command id.

    By position, -1 (or a position past the end) appends; so does a command id that no
    item has (as Windows, per Wine).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        new = _from_flags(flags, id_or_submenu, text)
        found = None if flags & MF_BYPOSITION else find_item(handle, position, False)
        if found is not None:
            menu, index = found
        elif flags & MF_BYPOSITION and 0 <= position < len(menu.items):
            index = position
        else:
            index = len(menu.items)  # past the end, or a command id no item has: appended
        menu.items.insert(index, new)


def modify_menu(
    handle: int, position: int, flags: int, id_or_submenu: int, text: str | None
) -> None:
    """Replace an item (ModifyMenu): its type, state, id, submenu and text.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND.
    """
    with KERNEL_LOCK:
        menu, index = located(handle, position, bool(flags & MF_BYPOSITION))
        new = _from_flags(flags, id_or_submenu, text)
        old = menu.items[index]
        new.data = old.data if not flags & MF_BITMAP else new.data
        menu.items[index] = new


def remove_menu(handle: int, position: int, flags: int) -> None:
    """Take an item out of a menu, leaving its submenu alive (RemoveMenu).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND.
    """
    with KERNEL_LOCK:
        menu, index = located(handle, position, bool(flags & MF_BYPOSITION))
        del menu.items[index]


def delete_menu(handle: int, position: int, flags: int) -> None:
    """Take an item out of a menu and destroy its submenu (DeleteMenu).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND.
    """
    with KERNEL_LOCK:
        menu, index = located(handle, position, bool(flags & MF_BYPOSITION))
        item = menu.items.pop(index)
        sub = MENUS.get(item.submenu)
        if sub is not None:
            _destroy(sub)


# -- MENUITEMINFO (InsertMenuItem, GetMenuItemInfo, SetMenuItemInfo) ---------------------------


def insert_menu_item(handle: int, position: int, by_position: bool, item: MenuItem) -> None:
    """Insert a copy of ``item`` before an item (InsertMenuItem); past the end appends.

    By command id, the id must be found (in the menu or its submenus).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE (the menu or the item's submenu);
            ERROR_MENU_ITEM_NOT_FOUND.
    """
    with KERNEL_LOCK:
        menu = menu_lookup(handle)
        if item.submenu:
            menu_lookup(item.submenu)
        if by_position:
            index = position if 0 <= position < len(menu.items) else len(menu.items)
        else:
            menu, index = located(handle, position, False)
        menu.items.insert(index, dataclasses.replace(item))


def menu_item(handle: int, item: int, by_position: bool) -> MenuItem:
    """A copy of an item (GetMenuItemInfo).

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_MENU_ITEM_NOT_FOUND.
    """
    with KERNEL_LOCK:
        menu, index = located(handle, item, by_position)
        return dataclasses.replace(menu.items[index])


def set_menu_item(handle: int, item: int, by_position: bool, **fields: object) -> None:
    """Change fields of an item (SetMenuItemInfo): those of :class:`MenuItem` given.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE (the menu, or a new submenu);
            ERROR_MENU_ITEM_NOT_FOUND.
    """
    unknown = set(fields) - {field.name for field in dataclasses.fields(MenuItem)}
    if unknown:
        raise TypeError(f"a menu item has no field {sorted(unknown)!r}")
    with KERNEL_LOCK:
        menu, index = located(handle, item, by_position)
        if fields.get("submenu"):
            menu_lookup(fields["submenu"])
        menu.items[index] = dataclasses.replace(menu.items[index], **fields)  # type: ignore[arg-type]
