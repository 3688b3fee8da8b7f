"""``win32gui``'s menus, tray icons, icons and accelerators. ``win32gui`` star-imports it.

Nothing is shown: TrackPopupMenu takes the item a driver chose
(``apartment.messages.queue_menu_choice``, ``set_menu_chooser``) or none, and a tray icon's
clicks come from a driver (``apartment.messages.click_notify_icon``). The MENUITEMINFO and
MENUINFO buffers are ``win32gui_struct``'s (``_menu_structs`` reads and fills them).

Extensions (pywin32's win32gui lacks them): ``IsMenu``, ``NIM_SETFOCUS``.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import gdi, messages
from ..errors import Win32Error
from ._adapt import api, as_bool, dword, soft
from ._handles import handle_value
from ._menu_structs import fill_menu_info, fill_menu_item, read_menu_info, read_menu_item

__all__ = [
    "CreateMenu", "CreatePopupMenu", "DestroyMenu", "IsMenu", "AppendMenu", "InsertMenu",
    "ModifyMenu", "DeleteMenu", "RemoveMenu", "InsertMenuItem", "GetMenuItemInfo",
    "SetMenuItemInfo", "GetMenuItemCount", "GetMenuItemID", "GetMenuState", "CheckMenuItem",
    "CheckMenuRadioItem", "EnableMenuItem", "GetSubMenu", "GetMenu", "SetMenu", "DrawMenuBar",
    "GetSystemMenu", "SetMenuDefaultItem", "GetMenuDefaultItem", "GetMenuInfo", "SetMenuInfo",
    "TrackPopupMenu", "Shell_NotifyIcon", "LoadImage", "ExtractIconEx", "DestroyIcon",
    "CopyIcon", "CreateIconIndirect", "GetIconInfo", "CreateAcceleratorTable",
    "DestroyAcceleratorTable", "TranslateAccelerator",
    "NIM_ADD", "NIM_MODIFY", "NIM_DELETE", "NIM_SETFOCUS", "NIM_SETVERSION",
    "NIF_MESSAGE", "NIF_ICON", "NIF_TIP", "NIF_STATE", "NIF_INFO",
]  # fmt: skip

NIM_ADD = messages.NIM_ADD
NIM_MODIFY = messages.NIM_MODIFY
NIM_DELETE = messages.NIM_DELETE
NIM_SETFOCUS = messages.NIM_SETFOCUS
NIM_SETVERSION = messages.NIM_SETVERSION
NIF_MESSAGE = messages.NIF_MESSAGE
NIF_ICON = messages.NIF_ICON
NIF_TIP = messages.NIF_TIP
NIF_STATE = messages.NIF_STATE
NIF_INFO = messages.NIF_INFO


def _int(value: object) -> int:
    return operator.index(value)  # type: ignore[arg-type]


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise TypeError("None is not a valid string in this context")
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


# -- menus ---------------------------------------------------------------------------------


@api("CreateMenu")
def CreateMenu() -> int:
    return messages.create_menu()


@api("CreatePopupMenu")
def CreatePopupMenu() -> int:
    return messages.create_popup_menu()


@api("DestroyMenu")
def DestroyMenu(hmenu: int, /) -> None:
    messages.destroy_menu(handle_value(hmenu))


def IsMenu(hmenu: int, /) -> int:
    return int(messages.is_menu(handle_value(hmenu)))


@api("AppendMenu")
def AppendMenu(hMenu: int, uFlags: int, uIDNewItem: int, newItem: str | None, /) -> None:
    messages.append_menu(handle_value(hMenu), dword(uFlags), _int(uIDNewItem), _text(newItem))


@api("InsertMenu")
def InsertMenu(
    hMenu: int, uPosition: int, uFlags: int, uIDNewItem: int, newItem: str | None, /
) -> None:
    messages.insert_menu(
        handle_value(hMenu), _int(uPosition), dword(uFlags), _int(uIDNewItem), _text(newItem)
    )


@api("ModifyMenu")
def ModifyMenu(
    hMnu: int, uPosition: int, uFlags: int, uIDNewItem: int, newItem: str | None, /
) -> None:
    messages.modify_menu(
        handle_value(hMnu), _int(uPosition), dword(uFlags), _int(uIDNewItem), _text(newItem)
    )


@api("DeleteMenu")
def DeleteMenu(hmenu: int, position: int, flags: int, /) -> None:
    messages.delete_menu(handle_value(hmenu), _int(position), dword(flags))


@api("RemoveMenu")
def RemoveMenu(hmenu: int, position: int, flags: int, /) -> None:
    messages.remove_menu(handle_value(hmenu), _int(position), dword(flags))


@api("InsertMenuItem")
def InsertMenuItem(hMenu: int, uItem: int, fByPosition: int, menuItem: object, /) -> None:
    """``menuItem`` is a MENUITEMINFO buffer (``win32gui_struct.PackMENUITEMINFO``)."""
    _, fields = read_menu_item(menuItem)
    messages.insert_menu_item(
        handle_value(hMenu),
        _int(uItem),
        as_bool(fByPosition),
        messages.MenuItem(**fields),  # type: ignore[arg-type]
    )


@api("SetMenuItemInfo")
def SetMenuItemInfo(hMenu: int, uItem: int, fByPosition: int, menuItem: object, /) -> None:
    _, fields = read_menu_item(menuItem)
    messages.set_menu_item(handle_value(hMenu), _int(uItem), as_bool(fByPosition), **fields)


@api("GetMenuItemInfo")
def GetMenuItemInfo(hMenu: int, uItem: int, fByPosition: int, menuItem: object, /) -> None:
    """Fill the MENUITEMINFO buffer (``win32gui_struct.EmptyMENUITEMINFO``) in place."""
    item = messages.menu_item(handle_value(hMenu), _int(uItem), as_bool(fByPosition))
    fill_menu_item(menuItem, item)


@soft(lambda: -1)  # pywin32 does not check the result
def GetMenuItemCount(hMenu: int | None, /) -> int:
    return messages.menu_item_count(handle_value(hMenu))


@api("GetMenuItemID")
def GetMenuItemID(hMenu: int, nPos: int, /) -> int:
    return messages.menu_item_id(handle_value(hMenu), _int(nPos))


@soft(lambda: -1)  # pywin32 does not check the result
def GetMenuState(hMenu: int, uID: int, flags: int, /) -> int:
    return messages.menu_state(handle_value(hMenu), _int(uID), dword(flags))


@soft(lambda: -1)  # pywin32 does not check the result
def CheckMenuItem(hMenu: int, uIDCheckItem: int, uCheck: int, /) -> int:
    return messages.check_menu_item(handle_value(hMenu), _int(uIDCheckItem), dword(uCheck))


@api("CheckMenuRadioItem")
def CheckMenuRadioItem(hMenu: int, idFirst: int, idLast: int, idCheck: int, uFlags: int, /) -> None:
    messages.check_menu_radio_item(
        handle_value(hMenu), _int(idFirst), _int(idLast), _int(idCheck), dword(uFlags)
    )


@soft(lambda: -1)  # pywin32 does not check the result
def EnableMenuItem(hMenu: int, uIDEnableItem: int, uEnable: int, /) -> int:
    return messages.enable_menu_item(handle_value(hMenu), _int(uIDEnableItem), dword(uEnable))


@api("GetSubMenu")
def GetSubMenu(hMenu: int, nPos: int, /) -> int:
    return messages.sub_menu(handle_value(hMenu), _int(nPos))


@api("GetMenu")
def GetMenu(hwnd: int, /) -> int:
    return messages.window_menu(handle_value(hwnd))


@api("SetMenu")
def SetMenu(hwnd: int, hmenu: int | None, /) -> None:
    messages.set_window_menu(handle_value(hwnd), handle_value(hmenu))


@api("DrawMenuBar")
def DrawMenuBar(hwnd: int, /) -> None:
    messages.draw_menu_bar(handle_value(hwnd))


@api("GetSystemMenu")
def GetSystemMenu(hwnd: int, bRevert: int, /) -> int:
    return messages.system_menu(handle_value(hwnd), as_bool(bRevert))


@api("SetMenuDefaultItem")
def SetMenuDefaultItem(hMenu: int, uItem: int, fByPos: int, /) -> None:
    messages.set_menu_default_item(handle_value(hMenu), _int(uItem), as_bool(fByPos))


@api("GetMenuDefaultItem")
def GetMenuDefaultItem(hMenu: int, fByPos: int, flags: int, /) -> int:
    return messages.menu_default_item(handle_value(hMenu), as_bool(fByPos), dword(flags))


@api("GetMenuInfo")
def GetMenuInfo(hmenu: int, info: object, /) -> None:
    """Fill the MENUINFO buffer (``win32gui_struct.EmptyMENUINFO``) in place."""
    fill_menu_info(info, messages.menu_info(handle_value(hmenu)))


@api("SetMenuInfo")
def SetMenuInfo(hmenu: int, info: object, /) -> None:
    mask, settings = read_menu_info(info)
    messages.set_menu_info(handle_value(hmenu), mask, settings)


@soft(lambda: 0)  # pywin32 does not check the result
def TrackPopupMenu(
    hmenu: int, flags: int, x: int, y: int, reserved: int, hwnd: int, prcRect: object, /
) -> int:
    """No menu is shown: the driver's choice is taken (``apartment.messages``)."""
    return messages.track_popup_menu(handle_value(hmenu), dword(flags), handle_value(hwnd))


# -- tray icons ------------------------------------------------------------------------------

_NID_FIELDS = ("callback_message", "icon", "tip", "info", "timeout", "info_title", "info_flags")


@api("Shell_NotifyIcon")
def Shell_NotifyIcon(Message: int, nid: Any, /) -> None:  # noqa: ANN401
    """Add, change or delete a tray icon; ``nid`` is pywin32's tuple.

    (hwnd, id[, flags, callback message, hicon, tip, info, timeout, info title, info flags])
    """
    if not isinstance(nid, tuple) or not 2 <= len(nid) <= 2 + len(_NID_FIELDS) + 1:
        raise TypeError("NOTIFYICONDATA must be a tuple of (hwnd, id, ...)")
    hwnd, uid = handle_value(nid[0]), _int(nid[1])
    flags = dword(nid[2]) if len(nid) > 2 else 0
    fields: dict[str, object] = {}
    for name, value in zip(_NID_FIELDS, nid[3:], strict=False):
        if name in ("tip", "info", "info_title"):
            fields[name] = "" if value is None else _text(value)
        elif name == "icon":
            fields[name] = handle_value(value)
        else:
            fields[name] = _int(value)
    messages.shell_notify_icon(dword(Message), hwnd, uid, flags, **fields)


# -- icons -----------------------------------------------------------------------------------


@api("LoadImage")
def LoadImage(
    hinst: int | None, name: object, type: int, cxDesired: int, cyDesired: int, fuLoad: int, /
) -> int:
    """An icon or cursor: a stock one, or an .ico/.cur file with LR_LOADFROMFILE.

    A bitmap (IMAGE_BITMAP) from a .bmp file with LR_LOADFROMFILE: GDI's, a handle as an int.
    """
    resource = name if isinstance(name, str) else _int(name)
    if dword(type) == messages.IMAGE_BITMAP and dword(fuLoad) & messages.LR_LOADFROMFILE:
        path = _text(name)
        return gdi.load_bitmap_file(path, _int(cxDesired), _int(cyDesired), dword(fuLoad)).handle
    return messages.load_image(
        handle_value(hinst), resource, dword(type), _int(cxDesired), _int(cyDesired), dword(fuLoad)
    )


@api("ExtractIconEx")
def ExtractIconEx(moduleName: str, index: int, numIcons: int = 1, /) -> Any:  # noqa: ANN401
    """``(large icons, small icons)``, or with index -1 how many icons the file has."""
    first = _int(index)
    try:
        return messages.extract_icons(_text(moduleName), first, _int(numIcons))
    except Win32Error:
        if first == -1:
            return -1  # pywin32 gives the UINT count of a failed call as -1
        raise


@api("DestroyIcon")
def DestroyIcon(hicon: int, /) -> None:
    messages.destroy_icon(handle_value(hicon))


@api("CopyIcon")
def CopyIcon(hicon: int, /) -> int:
    return messages.copy_icon(handle_value(hicon))


@api("CreateIconIndirect")
def CreateIconIndirect(iconinfo: Any, /) -> int:  # noqa: ANN401
    """``iconinfo`` is ICONINFO as a tuple: (fIcon, xHotspot, yHotspot, hbmMask, hbmColor)."""
    if not isinstance(iconinfo, tuple) or len(iconinfo) != 5:
        raise TypeError(
            "ICONINFO must be a tuple of (fIcon, xHotspot, yHotspot, hbmMask, hbmColor)"
        )
    is_icon, x, y, mask, color = iconinfo
    return messages.create_icon(
        messages.Icon(
            is_icon=as_bool(is_icon),
            x_hotspot=_int(x),
            y_hotspot=_int(y),
            mask=handle_value(mask),
            color=handle_value(color),
        )
    )


@api("GetIconInfo")
def GetIconInfo(hicon: int, /) -> tuple[int, int, int, int, int]:
    icon = messages.icon_of(handle_value(hicon))
    return int(icon.is_icon), icon.x_hotspot, icon.y_hotspot, icon.mask, icon.color


# -- accelerators ----------------------------------------------------------------------------


@api("CreateAcceleratorTable")
def CreateAcceleratorTable(accels: Any, /) -> int:  # noqa: ANN401
    """``accels`` is a sequence of (fVirt, key, cmd) tuples."""
    try:
        entries = [(_int(flags), _int(key), _int(cmd)) for flags, key, cmd in accels]
    except (TypeError, ValueError):
        raise TypeError("ACCEL must be a tuple of 3 ints (fVirt, key, cmd)") from None
    return messages.create_accelerator_table(entries)


def DestroyAcceleratorTable(haccel: int, /) -> None:
    messages.destroy_accelerator_table(handle_value(haccel))


@api("TranslateAccelerator")
def TranslateAccelerator(hwnd: int, haccel: int, msg: tuple[Any, ...], /) -> int:
    return int(messages.translate_accelerator(handle_value(hwnd), handle_value(haccel), msg))
