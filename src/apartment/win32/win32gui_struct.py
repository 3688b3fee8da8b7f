"""pywin32's ``win32gui_struct``: Win32 structures packed into and read from byte buffers.

The structures are laid out as on 64-bit Windows (the ``struct`` module's native alignment
on a 64-bit Linux is the same). A structure that points at a text gets the text in a buffer
of its own, returned among the "extras" the caller keeps alive while the structure is used
(its address is in the structure). Reading a structure back gives a named tuple whose fields
the structure's mask leaves out are None, as pywin32's do.

Our own implementation of pywin32's pure-Python module; the layouts and names are Windows'
and pywin32's.
"""

from __future__ import annotations

import array
import struct
from collections import namedtuple
from typing import Any, Final

from . import pywintypes, win32gui

__all__ = [
    "DEV_BROADCAST_INFO", "EmptyLVCOLUMN", "EmptyLVITEM", "EmptyMENUINFO",
    "EmptyMENUITEMINFO", "EmptyTVITEM", "PackDEV_BROADCAST", "PackDEV_BROADCAST_DEVICEINTERFACE",
    "PackDEV_BROADCAST_HANDLE", "PackDEV_BROADCAST_VOLUME", "PackHDITEM", "PackLVCOLUMN",
    "PackLVHITTEST", "PackLVITEM", "PackMENUINFO", "PackMENUITEMINFO", "PackTVINSERTSTRUCT",
    "PackTVITEM", "UnpackDEV_BROADCAST", "UnpackLVCOLUMN", "UnpackLVDISPINFO", "UnpackLVHITTEST",
    "UnpackLVITEM", "UnpackLVNOTIFY", "UnpackMENUINFO", "UnpackMENUITEMINFO",
    "UnpackNMITEMACTIVATE", "UnpackTVDISPINFO", "UnpackTVITEM", "UnpackTVNOTIFY",
    "UnpackWMNOTIFY", "is64bit",
]  # fmt: skip

is64bit = struct.calcsize("P") == 8

# The flags the structures' masks hold, with the SDK's values (commctrl.h, winuser.h, dbt.h).
_HDI_BITMAP: Final = 0x10
_HDI_FORMAT: Final = 0x4
_HDI_HEIGHT: Final = 0x1
_HDI_IMAGE: Final = 0x20
_HDI_LPARAM: Final = 0x8
_HDI_ORDER: Final = 0x80
_HDI_TEXT: Final = 0x2
_LVCF_FMT: Final = 0x1
_LVCF_IMAGE: Final = 0x10
_LVCF_ORDER: Final = 0x20
_LVCF_SUBITEM: Final = 0x8
_LVCF_TEXT: Final = 0x4
_LVCF_WIDTH: Final = 0x2
_LVIF_IMAGE: Final = 0x2
_LVIF_INDENT: Final = 0x10
_LVIF_PARAM: Final = 0x4
_LVIF_STATE: Final = 0x8
_LVIF_TEXT: Final = 0x1
_TVIF_CHILDREN: Final = 0x40
_TVIF_HANDLE: Final = 0x10
_TVIF_IMAGE: Final = 0x2
_TVIF_PARAM: Final = 0x4
_TVIF_SELECTEDIMAGE: Final = 0x20
_TVIF_STATE: Final = 0x8
_TVIF_TEXT: Final = 0x1
_DBT_DEVTYP_DEVICEINTERFACE: Final = 0x5
_DBT_DEVTYP_HANDLE: Final = 0x6
_DBT_DEVTYP_PORT: Final = 0x3
_DBT_DEVTYP_VOLUME: Final = 0x2
_MIIM_BITMAP: Final = 0x80
_MIIM_CHECKMARKS: Final = 0x8
_MIIM_DATA: Final = 0x20
_MIIM_FTYPE: Final = 0x100
_MIIM_ID: Final = 0x2
_MIIM_STATE: Final = 0x1
_MIIM_STRING: Final = 0x40
_MIIM_SUBMENU: Final = 0x4
_MIM_BACKGROUND: Final = 0x2
_MIM_HELPID: Final = 0x4
_MIM_MAXHEIGHT: Final = 0x1
_MIM_MENUDATA: Final = 0x8
_MIM_STYLE: Final = 0x10

_NMHDR: Final = "PPi"  # hwndFrom, idFrom, code
_NMHDR_PAD: Final = "xxxx" if is64bit else ""  # before a member that is itself aligned


def _record(spec: str) -> Any:  # noqa: ANN401
    """A named tuple type from "Name field field ...", as pywin32 names its records."""
    name, *fields = spec.split()
    return namedtuple(name, fields)  # noqa: PYI024


# The records pywin32 returns (named tuples; their first name is the type's).
_WMNOTIFY = _record("WMNOTIFY hwndFrom idFrom code")
_NMITEMACTIVATE = _record(
    "NMITEMACTIVATE "
    "hwndFrom idFrom code iItem iSubItem uNewState uOldState uChanged actionx actiony lParam"
)
_MENUITEMINFO = _record(
    "MENUITEMINFO fType fState wID hSubMenu hbmpChecked hbmpUnchecked dwItemData text hbmpItem"
)
_MENUINFO = _record("MENUINFO dwStyle cyMax hbrBack dwContextHelpID dwMenuData")
_TVITEM = _record(
    "TVITEM "
    "item_hItem item_state item_stateMask text item_image item_selimage item_cChildren item_param"
)
_TVNOTIFY = _record("TVNOTIFY hwndFrom id code action item_old item_new")
_TVDISPINFO = _record("TVDISPINFO hwndFrom id code item")
_LVITEM = _record(
    "LVITEM item_item item_subItem item_state item_stateMask text item_image item_param item_indent"
)
_LVDISPINFO = _record("LVDISPINFO hwndFrom id code item")
_LVNOTIFY = _record(
    "UnpackLVNOTIFY hwndFrom id code item subitem newstate oldstate changed pt lparam"
)
_LVCOLUMN = _record("LVCOLUMN fmt cx text subItem image order")
_LVHITTEST = _record("LVHITTEST pt flags item subitem")


def _text_buffer(text: str, what: str = "MENUITEMINFO") -> array.array[int]:
    """A NUL-terminated UTF-16 copy of ``text`` whose address a structure can hold."""
    if not isinstance(text, str):
        raise TypeError(f"{what} text must be unicode")
    return array.array("b", (text + "\0").encode("utf-16-le"))


def _text_pointer(text: str | None, extras: list[Any]) -> tuple[int, int]:
    """``(address, length)`` of a text kept in ``extras``; (0, 0) for None."""
    if text is None:
        return 0, 0
    buffer = _text_buffer(text)
    extras.append(buffer)
    return buffer.buffer_info()[0], len(text)


def _room(size: int, extras: list[Any]) -> int:
    """The address of room for ``size`` characters (all NULs), kept in ``extras``."""
    buffer = _text_buffer("\0" * size)
    extras.append(buffer)
    return buffer.buffer_info()[0]


def _packed(fmt: str, *values: object) -> array.array[int]:
    return array.array("b", struct.pack(fmt, *values))


def _masked(mask: int, pairs: list[tuple[int, object]]) -> list[object]:
    """Each value whose flag is in ``mask``, else None."""
    return [value if mask & flag else None for flag, value in pairs]


# -- MENUITEMINFO and MENUINFO ---------------------------------------------------------------

_MENUITEMINFO_FMT: Final = "5i5PiP"
_MENUINFO_FMT: Final = "iiiiPiP"


def PackMENUITEMINFO(
    fType: int | None = None,
    fState: int | None = None,
    wID: int | None = None,
    hSubMenu: int | None = None,
    hbmpChecked: int | None = None,
    hbmpUnchecked: int | None = None,
    dwItemData: int | None = None,
    text: str | None = None,
    hbmpItem: int | None = None,
    dwTypeData: int | None = None,
) -> tuple[array.array[int], list[Any]]:
    """A MENUITEMINFO buffer with the fields given (each sets its MIIM_* bit), and extras.

    ``dwTypeData`` is the old, confused name of ``dwItemData``; give one of them.
    """
    if dwItemData is not None and dwTypeData is not None:
        raise ValueError("give dwItemData only: dwTypeData is its old name")
    if (hbmpChecked is None) != (hbmpUnchecked is None):
        raise ValueError("give both check-mark bitmaps, or neither")
    if dwItemData is None:
        dwItemData = dwTypeData
    fields = [
        (_MIIM_FTYPE, fType),
        (_MIIM_STATE, fState),
        (_MIIM_ID, wID),
        (_MIIM_SUBMENU, hSubMenu),
        (_MIIM_CHECKMARKS, hbmpChecked),
        (_MIIM_DATA, dwItemData),
        (_MIIM_BITMAP, hbmpItem),
        (_MIIM_STRING, text),
    ]
    mask = 0
    for flag, value in fields:
        if value is not None:
            mask |= flag
    extras: list[Any] = []
    address, length = _text_pointer(text, extras)
    item = _packed(
        _MENUITEMINFO_FMT,
        struct.calcsize(_MENUITEMINFO_FMT),
        mask,
        fType or 0,
        fState or 0,
        wID or 0,
        int(hSubMenu or 0),
        int(hbmpChecked or 0),
        int(hbmpUnchecked or 0),
        dwItemData or 0,
        address,
        length,
        int(hbmpItem or 0),
    )
    return item, extras


def UnpackMENUITEMINFO(s: Any) -> Any:  # noqa: ANN401
    """The fields of a MENUITEMINFO buffer (None for those its mask leaves out)."""
    size, mask, ftype, state, wid, submenu, checked, unchecked, data, text, cch, bitmap = (
        struct.unpack(_MENUITEMINFO_FMT, s)
    )
    if size != len(s):
        raise ValueError(f"a MENUITEMINFO is {size} bytes, not {len(s)}")
    text_value = win32gui.PyGetString(text, cch) if mask & _MIIM_STRING else None
    has_marks = mask & _MIIM_CHECKMARKS
    return _MENUITEMINFO(
        *_masked(
            mask,
            [
                (_MIIM_FTYPE, ftype),
                (_MIIM_STATE, state),
                (_MIIM_ID, wid),
                (_MIIM_SUBMENU, submenu),
            ],
        ),
        checked if has_marks else None,
        unchecked if has_marks else None,
        data if mask & _MIIM_DATA else None,
        text_value,
        bitmap if mask & _MIIM_BITMAP else None,
    )


_ALL_MIIM: Final = (
    _MIIM_BITMAP | _MIIM_CHECKMARKS | _MIIM_DATA | _MIIM_FTYPE
    | _MIIM_ID | _MIIM_STATE | _MIIM_STRING | _MIIM_SUBMENU
)  # fmt: skip


def EmptyMENUITEMINFO(
    mask: int | None = None, text_buf_size: int = 512
) -> tuple[array.array[int], list[Any]]:
    """A MENUITEMINFO buffer for GetMenuItemInfo to fill, with room for a text.

    Every field by default (not MIIM_TYPE); ``text_buf_size`` characters of text.
    """
    if mask is None:
        mask = _ALL_MIIM
    extras: list[Any] = []
    if mask & _MIIM_STRING:
        address = _room(text_buf_size, extras)
    else:
        address = text_buf_size = 0
    item = _packed(
        _MENUITEMINFO_FMT,
        struct.calcsize(_MENUITEMINFO_FMT),
        mask,
        0, 0, 0, 0, 0, 0, 0,
        address,
        text_buf_size,
        0,
    )  # fmt: skip
    return item, extras


def PackMENUINFO(
    dwStyle: int | None = None,
    cyMax: int | None = None,
    hbrBack: int | None = None,
    dwContextHelpID: int | None = None,
    dwMenuData: int | None = None,
    fMask: int = 0,
) -> array.array[int]:
    """A MENUINFO buffer with the fields given (each sets its MIM_* bit in ``fMask``)."""
    for flag, value in (
        (_MIM_STYLE, dwStyle),
        (_MIM_MAXHEIGHT, cyMax),
        (_MIM_BACKGROUND, hbrBack),
        (_MIM_HELPID, dwContextHelpID),
        (_MIM_MENUDATA, dwMenuData),
    ):
        if value is not None:
            fMask |= flag
    return _packed(
        _MENUINFO_FMT,
        struct.calcsize(_MENUINFO_FMT),
        fMask,
        dwStyle or 0,
        cyMax or 0,
        int(hbrBack or 0),
        dwContextHelpID or 0,
        dwMenuData or 0,
    )


def UnpackMENUINFO(s: Any) -> Any:  # noqa: ANN401
    """The fields of a MENUINFO buffer (None for those its mask leaves out)."""
    size, mask, style, cy_max, background, help_id, data = struct.unpack(_MENUINFO_FMT, s)
    if size != len(s):
        raise ValueError(f"a MENUINFO is {size} bytes, not {len(s)}")
    return _MENUINFO(
        *_masked(
            mask,
            [
                (_MIM_STYLE, style),
                (_MIM_MAXHEIGHT, cy_max),
                (_MIM_BACKGROUND, background),
                (_MIM_HELPID, help_id),
                (_MIM_MENUDATA, data),
            ],
        )
    )


def EmptyMENUINFO(mask: int | None = None) -> array.array[int]:
    """A MENUINFO buffer for GetMenuInfo to fill (every field by default)."""
    if mask is None:
        mask = (
            _MIM_BACKGROUND | _MIM_HELPID | _MIM_MAXHEIGHT
            | _MIM_MENUDATA | _MIM_STYLE
        )  # fmt: skip
    return _packed(_MENUINFO_FMT, struct.calcsize(_MENUINFO_FMT), mask, 0, 0, 0, 0, 0)


# -- notifications -----------------------------------------------------------------------------


def UnpackWMNOTIFY(lparam: int) -> Any:  # noqa: ANN401
    """The NMHDR at the address ``lparam``."""
    return _WMNOTIFY(*struct.unpack(_NMHDR, win32gui.PyGetMemory(lparam, struct.calcsize(_NMHDR))))


def UnpackNMITEMACTIVATE(lparam: int) -> Any:  # noqa: ANN401
    """The NMITEMACTIVATE at the address ``lparam`` (its POINT is two of the fields)."""
    fmt = _NMHDR + _NMHDR_PAD + ("iiiiiiixxxxP" if is64bit else "iiiiiiiP")
    return _NMITEMACTIVATE(*struct.unpack(fmt, win32gui.PyGetMemory(lparam, struct.calcsize(fmt))))


# -- tree view items ---------------------------------------------------------------------------

_TVITEM_FMT: Final = "iPiiPiiiiP"


def PackTVITEM(
    hitem: int | None,
    state: int | None,
    stateMask: int | None,
    text: str | None,
    image: int | None,
    selimage: int | None,
    citems: int | None,
    param: int | None,
) -> tuple[array.array[int], list[Any]]:
    """A TVITEM buffer with the fields given (each sets its TVIF_* bit), and extras."""
    mask = 0
    for flag, value in (
        (_TVIF_HANDLE, hitem),
        (_TVIF_STATE, state),
        (_TVIF_TEXT, text),
        (_TVIF_IMAGE, image),
        (_TVIF_SELECTEDIMAGE, selimage),
        (_TVIF_CHILDREN, citems),
        (_TVIF_PARAM, param),
    ):
        if value is not None:
            mask |= flag
    if state is None:
        stateMask = 0
    extras: list[Any] = []
    address, length = _text_pointer(text, extras)
    item = _packed(
        _TVITEM_FMT,
        mask,
        hitem or 0,
        state or 0,
        stateMask or 0,
        address,
        length,
        image or 0,
        selimage or 0,
        citems or 0,
        param or 0,
    )
    return item, extras


def PackTVINSERTSTRUCT(
    parent: int, insertAfter: int, tvitem: tuple[Any, ...]
) -> tuple[bytes, list[Any]]:
    """A TVINSERTSTRUCT: the parent, the item to insert after, and a TVITEM (PackTVITEM's args)."""
    item, extras = PackTVITEM(*tvitem)
    data = item.tobytes()
    return struct.pack(f"PP{len(data)}s", parent, insertAfter, data), extras


def EmptyTVITEM(
    hitem: int, mask: int | None = None, text_buf_size: int = 512
) -> tuple[array.array[int], list[Any]]:
    """A TVITEM buffer for the tree view to fill about ``hitem`` (every field by default)."""
    if mask is None:
        mask = (
            _TVIF_HANDLE | _TVIF_STATE | _TVIF_TEXT | _TVIF_IMAGE
            | _TVIF_SELECTEDIMAGE | _TVIF_CHILDREN | _TVIF_PARAM
        )  # fmt: skip
    extras: list[Any] = []
    if mask & _TVIF_TEXT:
        address = _room(text_buf_size, extras)
    else:
        address = text_buf_size = 0
    item = _packed(_TVITEM_FMT, mask, hitem, 0, 0, address, text_buf_size, 0, 0, 0, 0)
    return item, extras


def UnpackTVITEM(buffer: Any) -> Any:  # noqa: ANN401
    """The fields of a TVITEM (None for those its mask leaves out; the handle always)."""
    mask, hitem, state, state_mask, text, _, image, selimage, children, param = struct.unpack(
        _TVITEM_FMT, buffer
    )
    has_state = mask & _TVIF_STATE
    address = text if mask & _TVIF_TEXT else 0
    return _TVITEM(
        hitem,
        state if has_state else None,
        state_mask if has_state else None,
        win32gui.PyGetString(address) if address else None,
        *_masked(
            mask,
            [
                (_TVIF_IMAGE, image),
                (_TVIF_SELECTEDIMAGE, selimage),
                (_TVIF_CHILDREN, children),
                (_TVIF_PARAM, param),
            ],
        ),
    )


def UnpackTVNOTIFY(lparam: int) -> Any:  # noqa: ANN401
    """The NMTREEVIEW at the address ``lparam``: its action and old and new items."""
    size = struct.calcsize(_TVITEM_FMT)
    fmt = _NMHDR + _NMHDR_PAD + ("ixxxx" if is64bit else "i") + f"{size}s{size}s"
    hwnd, control, code, action, old, new = struct.unpack(
        fmt, win32gui.PyGetMemory(lparam, struct.calcsize(fmt))
    )
    return _TVNOTIFY(hwnd, control, code, action, UnpackTVITEM(old), UnpackTVITEM(new))


def UnpackTVDISPINFO(lparam: int) -> Any:  # noqa: ANN401
    """The NMTVDISPINFO at the address ``lparam``."""
    fmt = _NMHDR + f"{struct.calcsize(_TVITEM_FMT)}s"
    hwnd, control, code, item = struct.unpack(
        fmt, win32gui.PyGetMemory(lparam, struct.calcsize(fmt))
    )
    return _TVDISPINFO(hwnd, control, code, UnpackTVITEM(item))


# -- list view items and columns ---------------------------------------------------------------

_LVITEM_FMT: Final = "iiiiiPiiPi"
_LVCOLUMN_FMT: Final = "iiiPiiii"


def PackLVITEM(
    item: int | None = None,
    subItem: int | None = None,
    state: int | None = None,
    stateMask: int | None = None,
    text: str | None = None,
    image: int | None = None,
    param: int | None = None,
    indent: int | None = None,
) -> tuple[array.array[int], list[Any]]:
    """An LVITEM buffer with the fields given (each sets its LVIF_* bit), and extras.

    ``stateMask`` defaults to ``state``.
    """
    mask = 0
    for flag, value in (
        (_LVIF_STATE, state),
        (_LVIF_IMAGE, image),
        (_LVIF_PARAM, param),
        (_LVIF_INDENT, indent),
        (_LVIF_TEXT, text),
    ):
        if value is not None:
            mask |= flag
    if state is None:
        stateMask = 0
    elif stateMask is None:
        stateMask = state
    extras: list[Any] = []
    address, length = _text_pointer(text, extras)
    buffer = _packed(
        _LVITEM_FMT,
        mask,
        item or 0,
        subItem or 0,
        state or 0,
        stateMask,
        address,
        length,
        image or 0,
        param or 0,
        indent or 0,
    )
    return buffer, extras


def UnpackLVITEM(buffer: Any) -> Any:  # noqa: ANN401
    """The fields of an LVITEM (None for those its mask leaves out)."""
    mask, item, sub_item, state, state_mask, text, _, image, param, indent = struct.unpack(
        _LVITEM_FMT, buffer
    )
    has_state = mask & _LVIF_STATE
    address = text if mask & _LVIF_TEXT else 0
    return _LVITEM(
        item,
        sub_item,
        state if has_state else None,
        state_mask if has_state else None,
        win32gui.PyGetString(address) if address else None,
        *_masked(
            mask,
            [
                (_LVIF_IMAGE, image),
                (_LVIF_PARAM, param),
                (_LVIF_INDENT, indent),
            ],
        ),
    )


def EmptyLVITEM(
    item: int, subitem: int, mask: int | None = None, text_buf_size: int = 512
) -> tuple[array.array[int], list[Any]]:
    """An LVITEM buffer for the list view to fill (every field by default)."""
    if mask is None:
        mask = (
            _LVIF_IMAGE | _LVIF_INDENT | _LVIF_TEXT | _LVIF_PARAM
            | _LVIF_STATE
        )  # fmt: skip
    extras: list[Any] = []
    if mask & _LVIF_TEXT:
        address = _room(text_buf_size, extras)
    else:
        address = text_buf_size = 0
    buffer = _packed(_LVITEM_FMT, mask, item, subitem, 0, 0, address, text_buf_size, 0, 0, 0)
    return buffer, extras


def UnpackLVDISPINFO(lparam: int) -> Any:  # noqa: ANN401
    """The NMLVDISPINFO at the address ``lparam``."""
    fmt = _NMHDR + _NMHDR_PAD + f"{struct.calcsize(_LVITEM_FMT)}s"
    hwnd, control, code, item = struct.unpack(
        fmt, win32gui.PyGetMemory(lparam, struct.calcsize(fmt))
    )
    return _LVDISPINFO(hwnd, control, code, UnpackLVITEM(item))


def UnpackLVNOTIFY(lparam: int) -> Any:  # noqa: ANN401
    """The NMLISTVIEW at the address ``lparam`` (its POINT as a tuple)."""
    fmt = _NMHDR + _NMHDR_PAD + "7i" + ("xxxx" if is64bit else "") + "P"
    values = struct.unpack(fmt, win32gui.PyGetMemory(lparam, struct.calcsize(fmt)))
    return _LVNOTIFY(*values[:8], (values[8], values[9]), values[10])


def PackLVCOLUMN(
    fmt: int | None = None,
    cx: int | None = None,
    text: str | None = None,
    subItem: int | None = None,
    image: int | None = None,
    order: int | None = None,
) -> tuple[array.array[int], list[Any]]:
    """An LVCOLUMN buffer with the fields given (each sets its LVCF_* bit), and extras."""
    mask = 0
    for flag, value in (
        (_LVCF_FMT, fmt),
        (_LVCF_WIDTH, cx),
        (_LVCF_TEXT, text),
        (_LVCF_SUBITEM, subItem),
        (_LVCF_IMAGE, image),
        (_LVCF_ORDER, order),
    ):
        if value is not None:
            mask |= flag
    extras: list[Any] = []
    address, length = _text_pointer(text, extras)
    buffer = _packed(
        _LVCOLUMN_FMT, mask, fmt or 0, cx or 0, address, length, subItem or 0, image or 0,
        order or 0,
    )  # fmt: skip
    return buffer, extras


def UnpackLVCOLUMN(lparam: Any) -> Any:  # noqa: ANN401
    """The fields of an LVCOLUMN buffer (None for those its mask leaves out)."""
    mask, fmt, cx, text, _, sub_item, image, order = struct.unpack(_LVCOLUMN_FMT, lparam)
    address = text if mask & _LVCF_TEXT else 0
    return _LVCOLUMN(
        *_masked(mask, [(_LVCF_FMT, fmt), (_LVCF_WIDTH, cx)]),
        win32gui.PyGetString(address) if address else None,
        *_masked(
            mask,
            [
                (_LVCF_SUBITEM, sub_item),
                (_LVCF_IMAGE, image),
                (_LVCF_ORDER, order),
            ],
        ),
    )


def EmptyLVCOLUMN(
    mask: int | None = None, text_buf_size: int = 512
) -> tuple[array.array[int], list[Any]]:
    """An LVCOLUMN buffer for the list view to fill (every field by default)."""
    if mask is None:
        mask = (
            _LVCF_FMT | _LVCF_WIDTH | _LVCF_TEXT | _LVCF_SUBITEM
            | _LVCF_IMAGE | _LVCF_ORDER
        )  # fmt: skip
    extras: list[Any] = []
    if mask & _LVCF_TEXT:
        address = _room(text_buf_size, extras)
    else:
        address = text_buf_size = 0
    return _packed(_LVCOLUMN_FMT, mask, 0, 0, address, text_buf_size, 0, 0, 0), extras


def PackLVHITTEST(pt: tuple[int, int]) -> tuple[array.array[int], None]:
    """An LVHITTESTINFO for a point."""
    return _packed("iiiii", pt[0], pt[1], 0, 0, 0), None


def UnpackLVHITTEST(buf: Any) -> Any:  # noqa: ANN401
    """The point, flags, item and subitem of an LVHITTESTINFO."""
    x, y, flags, item, sub_item = struct.unpack("iiiii", buf)
    return _LVHITTEST((x, y), flags, item, sub_item)


def PackHDITEM(
    cxy: int | None = None,
    text: str | None = None,
    hbm: int | None = None,
    fmt: int | None = None,
    param: int | None = None,
    image: int | None = None,
    order: int | None = None,
) -> tuple[array.array[int], list[Any]]:
    """A header control's HDITEM with the fields given (each sets its HDI_* bit), and extras."""
    mask = 0
    for flag, value in (
        (_HDI_HEIGHT, cxy),
        (_HDI_TEXT, text),  # pywin32 sets LVCF_TEXT (4, HDI_FORMAT) here: a slip
        (_HDI_BITMAP, hbm),
        (_HDI_FORMAT, fmt),
        (_HDI_LPARAM, param),
        (_HDI_IMAGE, image),
        (_HDI_ORDER, order),
    ):
        if value is not None:
            mask |= flag
    extras: list[Any] = []
    address, length = _text_pointer(text, extras)
    buffer = _packed(
        "iiPPiiPiiii", mask, cxy or 0, address, hbm or 0, length, fmt or 0, param or 0,
        image or 0, order or 0, 0, 0,
    )  # fmt: skip
    return buffer, extras


# -- device notifications (WM_DEVICECHANGE's lParam) ------------------------------------------

_DEV_HEADER: Final = "iii"  # dbch_size, dbch_devicetype, dbch_reserved


def PackDEV_BROADCAST(
    devicetype: int, rest_fmt: str, rest_data: tuple[Any, ...], extra_data: bytes = b""
) -> bytes:
    """A DEV_BROADCAST_* structure: the header, then ``rest_data`` packed by ``rest_fmt``.

    Then ``extra_data`` padded to a multiple of 4 bytes (always some padding, as Windows
    sizes the structures' trailing byte arrays).
    """
    extra_data += b"\0" * (4 - len(extra_data) % 4)
    fmt = _DEV_HEADER + rest_fmt
    size = struct.calcsize(fmt) + len(extra_data)
    return struct.pack(fmt, size, devicetype, 0, *rest_data) + extra_data


def _guid_bytes(guid: object) -> bytes:
    return bytes(memoryview(pywintypes.IID(guid)))


def PackDEV_BROADCAST_HANDLE(
    handle: int,
    hdevnotify: int = 0,
    guid: object = b"\0" * 16,
    name_offset: int = 0,
    data: bytes = b"\0",
) -> bytes:
    """A DEV_BROADCAST_HANDLE: a device handle, its notification handle, an event's GUID."""
    raw = bytes(memoryview(guid)) if not isinstance(guid, bytes) else guid  # type: ignore[arg-type]
    return PackDEV_BROADCAST(
        _DBT_DEVTYP_HANDLE,
        "PP16sl",
        (int(handle), int(hdevnotify), raw, name_offset),
        data,
    )


def PackDEV_BROADCAST_VOLUME(unitmask: int, flags: int) -> bytes:
    """A DEV_BROADCAST_VOLUME: the drive letters' bit mask and the DBTF_* flags."""
    return PackDEV_BROADCAST(_DBT_DEVTYP_VOLUME, "II", (unitmask, flags))


def PackDEV_BROADCAST_DEVICEINTERFACE(classguid: object, name: str = "") -> bytes:
    """A DEV_BROADCAST_DEVICEINTERFACE: an interface class's GUID and a device's name."""
    if not isinstance(name, str):
        raise TypeError("Must provide unicode for the name")
    encoded = name.encode("utf-16-le")
    return PackDEV_BROADCAST(
        _DBT_DEVTYP_DEVICEINTERFACE,
        f"16s{len(encoded)}s",
        (_guid_bytes(classguid), encoded),
    )


class DEV_BROADCAST_INFO:  # noqa: N801 - pywin32's name
    """What UnpackDEV_BROADCAST read: ``devicetype`` and the type's fields as attributes."""

    def __init__(self, devicetype: int, **kw: Any) -> None:  # noqa: ANN401
        self.devicetype = devicetype
        self.__dict__.update(kw)

    def __str__(self) -> str:
        return f"DEV_BROADCAST_INFO:{self.__dict__}"


def UnpackDEV_BROADCAST(lparam: int) -> DEV_BROADCAST_INFO | None:
    """The DEV_BROADCAST_* structure at the address ``lparam`` (None for NULL)."""
    if lparam == 0:
        return None
    header_size = struct.calcsize(_DEV_HEADER)
    size, devicetype, _ = struct.unpack(_DEV_HEADER, win32gui.PyGetMemory(lparam, header_size))
    data = win32gui.PyGetMemory(lparam, size)
    fields: dict[str, Any] = {}
    if devicetype == _DBT_DEVTYP_HANDLE:
        fmt = _DEV_HEADER + "PP16sl"
        _, _, _, handle, notify, guid, offset = struct.unpack_from(fmt, data)
        fields.update(
            handle=handle,
            hdevnotify=notify,
            eventguid=pywintypes.IID(guid, True),
            nameoffset=offset,
        )
    elif devicetype == _DBT_DEVTYP_DEVICEINTERFACE:
        fmt = _DEV_HEADER + "16s"
        (guid,) = struct.unpack_from("16s", data, header_size)
        fields.update(
            classguid=pywintypes.IID(guid, True),
            name=win32gui.PyGetString(lparam + struct.calcsize(fmt)),
        )
    elif devicetype == _DBT_DEVTYP_VOLUME:
        fields["unitmask"], fields["flags"] = struct.unpack_from("II", data, header_size)
    elif devicetype == _DBT_DEVTYP_PORT:
        fields["name"] = win32gui.PyGetString(lparam + header_size)
    else:
        raise NotImplementedError(f"unknown device type {devicetype}")
    return DEV_BROADCAST_INFO(devicetype, **fields)
