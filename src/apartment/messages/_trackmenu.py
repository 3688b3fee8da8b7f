"""Menus and windows: a window's menu bar and system menu, and TrackPopupMenu without a user.

A top-level window may have a menu bar (CreateWindowEx's hMenu, SetMenu) and has a system
menu (GetSystemMenu: the window's own copy, made on first ask, of Restore, Move, Size,
Minimize, Maximize and Close).

TrackPopupMenu shows nothing and no user picks an item. It sends the owner window what
Windows sends around a menu's life (WM_ENTERMENULOOP, WM_INITMENU, WM_INITMENUPOPUP, then
WM_UNINITMENUPOPUP and WM_EXITMENULOOP; none with TPM_NONOTIFY) and then takes the item a
*driver* chose: the next of the choices queued with :func:`queue_menu_choice`, else what the
function installed with :func:`set_menu_chooser` answers, else nothing (as if the user
dismissed the menu with Escape). A choice that is not an enabled command item of the menu
(or its submenus) is no choice. A chosen item's id is returned with TPM_RETURNCMD; without
it, WM_COMMAND(id, 0) is posted to the owner window, as Windows posts it.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, TypeAlias

from ..errors import ERROR_CHILD_WINDOW_MENU, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._destroy import on_window_gone
from ._gui_constants import (
    WM_COMMAND,
    WM_ENTERMENULOOP,
    WM_EXITMENULOOP,
    WM_INITMENU,
    WM_INITMENUPOPUP,
    WM_UNINITMENUPOPUP,
)
from ._menu_constants import (
    MF_SEPARATOR,
    MF_STRING,
    MFS_GRAYED,
    MFT_SEPARATOR,
    SC_CLOSE,
    SC_MAXIMIZE,
    SC_MINIMIZE,
    SC_MOVE,
    SC_RESTORE,
    SC_SIZE,
    TPM_NONOTIFY,
    TPM_RETURNCMD,
)
from ._menus import (
    MENUS,
    Menu,
    append_menu,
    create_popup_menu,
    destroy_menu,
    is_menu,
    menu_lookup,
)
from ._post import post_message
from ._send import send_message
from ._window_table import window_of

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "MenuChooser",
    "draw_menu_bar",
    "queue_menu_choice",
    "set_menu_chooser",
    "system_menu",
    "track_popup_menu",
    "window_menu",
    "set_window_menu",
]

MenuChooser: TypeAlias = "Callable[[int, int], int | None]"
"""A driver's chooser: ``chooser(menu, owner_hwnd)`` returns the picked command id, or None."""

_choices: collections.deque[int | None] = collections.deque()
_chooser: list[Callable[[int, int], int | None] | None] = [None]
_system_menus: dict[int, int] = {}  # hwnd -> its system menu; kernel lock


# -- a window's menus ------------------------------------------------------------------------


def window_menu(hwnd: int) -> int:
    """The window's menu bar, or 0 (GetMenu); a child window has none.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        return 0 if window.is_child else window.menu


def set_window_menu(hwnd: int, menu: int) -> None:
    """Give a top-level window a menu bar, or none with 0 (SetMenu). The old one lives on.

    Raises:
        InvalidWindowHandleError: no such window.
        Win32Error: ERROR_INVALID_MENU_HANDLE; ERROR_CHILD_WINDOW_MENU for a child window.
    """
    window = window_of(hwnd)
    with KERNEL_LOCK:
        if window.is_child:
            raise Win32Error.from_code(ERROR_CHILD_WINDOW_MENU, f"{window!r} is a child window")
        if menu:
            menu_lookup(menu)
        window.menu = menu


def draw_menu_bar(hwnd: int) -> None:
    """Redraw the window's menu bar (DrawMenuBar): nothing is drawn; the window is checked.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window_of(hwnd)


_SYSTEM_ITEMS = (
    (SC_RESTORE, "&Restore"),
    (SC_MOVE, "&Move"),
    (SC_SIZE, "&Size"),
    (SC_MINIMIZE, "Mi&nimize"),
    (SC_MAXIMIZE, "Ma&ximize"),
    (0, ""),
    (SC_CLOSE, "&Close\tAlt+F4"),
)


def system_menu(hwnd: int, revert: bool) -> int:
    """The window's system menu, made on first ask (GetSystemMenu).

    ``revert`` destroys the window's copy (it is made afresh on the next ask) and gives 0.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window_of(hwnd)
    with KERNEL_LOCK:
        menu = _system_menus.get(hwnd, 0)
        if revert:
            _system_menus.pop(hwnd, None)
    if revert:
        if menu and is_menu(menu):
            destroy_menu(menu)
        return 0
    if menu and is_menu(menu):
        return menu
    menu = create_popup_menu()
    for command, text in _SYSTEM_ITEMS:
        if command:
            append_menu(menu, MF_STRING, command, text)
        else:
            append_menu(menu, MF_SEPARATOR, 0, None)
    with KERNEL_LOCK:
        _system_menus[hwnd] = menu
    return menu


def _forget_system_menu(hwnd: int) -> None:
    with KERNEL_LOCK:
        menu = _system_menus.pop(hwnd, 0)
        if menu in MENUS:
            del MENUS[menu]


on_window_gone(_forget_system_menu)


# -- tracking a popup menu without a user -----------------------------------------------------


def queue_menu_choice(command: int | None) -> None:
    """Driver: the next TrackPopupMenu (of any thread) picks ``command`` (None: dismissed)."""
    if command is not None and (isinstance(command, bool) or not isinstance(command, int)):
        raise TypeError(f"a menu choice is a command id (int) or None, not {command!r}")
    with KERNEL_LOCK:
        _choices.append(command)


def set_menu_chooser(chooser: Callable[[int, int], int | None] | None) -> None:
    """Driver: ``chooser(menu, owner_hwnd)`` picks for TrackPopupMenu when no choice is queued.

    It runs on the thread that tracks the menu, after WM_INITMENUPOPUP. None removes it.
    """
    if chooser is not None and not callable(chooser):
        raise TypeError(f"a menu chooser is callable, not {chooser!r}")
    with KERNEL_LOCK:
        _chooser[0] = chooser


def _pickable(menu: Menu, command: int, seen: set[int]) -> bool:
    """Whether an enabled command item of the menu (or its submenus) has that id; lock held."""
    seen.add(menu.handle)
    for item in menu.items:
        sub = MENUS.get(item.submenu) if item.submenu else None
        if sub is not None:
            if sub.handle not in seen and _pickable(sub, command, seen):
                return True
        elif (
            item.id == command & 0xFFFFFFFF
            and not item.type & MFT_SEPARATOR
            and not item.state & MFS_GRAYED
        ):
            return True
    return False


def track_popup_menu(menu: int, flags: int, owner: int) -> int:
    """Track a popup menu for ``owner`` with no user (TrackPopupMenu; module docstring).

    Returns, with TPM_RETURNCMD, the chosen command id (0 for none); else 1, having posted
    WM_COMMAND for a chosen item.

    Raises:
        Win32Error: ERROR_INVALID_MENU_HANDLE.
        InvalidWindowHandleError: ``owner`` is no window.
    """
    with KERNEL_LOCK:
        menu_of_handle = menu_lookup(menu)
    window_of(owner)
    notify = not flags & TPM_NONOTIFY
    if notify:
        send_message(owner, WM_ENTERMENULOOP, 1, 0)
        send_message(owner, WM_INITMENU, menu, 0)
        send_message(owner, WM_INITMENUPOPUP, menu, 0)
    with KERNEL_LOCK:
        queued = bool(_choices)
        choice = _choices.popleft() if queued else None
        chooser = _chooser[0]
    if not queued and chooser is not None:
        choice = chooser(menu, owner)
    with KERNEL_LOCK:
        if choice is not None and (
            menu not in MENUS or not _pickable(menu_of_handle, choice, set())
        ):
            choice = None
    if notify:
        send_message(owner, WM_UNINITMENUPOPUP, menu, 0)
        send_message(owner, WM_EXITMENULOOP, 1, 0)
    if flags & TPM_RETURNCMD:
        return choice or 0
    if choice is not None:
        post_message(owner, WM_COMMAND, choice & 0xFFFF, 0)
    return 1
