"""win32gui's system names: SystemParametersInfo, GetThreadDesktop, dialogs' navigation.

Re-exported by :mod:`.win32gui`. SystemParametersInfo is one call into the kernel's table of
parameters (``_sysparams``) or the GDI's icon title font; pywin32's shape is kept: a SPI_GET*
action returns the value, a SPI_SET* takes it as ``Param``.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import gdi, kernel, messages
from ._adapt import api
from ._handles import handle_value
from ._win32gui_gdi import PyLOGFONT

__all__ = [
    "SystemParametersInfo", "GetThreadDesktop", "UNICODE", "dllhandle", "GetNextDlgTabItem",
    "GetNextDlgGroupItem", "DialogBox", "DialogBoxParam", "LoadMenu", "Edit_GetLine",
]  # fmt: skip

UNICODE = 1
"""win32gui is the Unicode build (pywin32 has no other)."""
dllhandle = 0x7FF800000000
"""win32gui's module handle (a stand-in number: no DLL is loaded for it here)."""

_SPI_GETICONTITLELOGFONT, _SPI_SETICONTITLELOGFONT = 0x001F, 0x0022
_SPI_GETNONCLIENTMETRICS = 0x0029


@api("SystemParametersInfo")
def SystemParametersInfo(Action: int, Param: object = None, WinIni: int = 0) -> object:
    """Get (SPI_GET*: the value) or set (SPI_SET*: ``Param``) a system parameter."""
    action = operator.index(Action)
    operator.index(WinIni)
    if action == _SPI_GETNONCLIENTMETRICS:  # a dict, as pywin32 gives it, fonts as PyLOGFONT
        return {
            name: PyLOGFONT._of(value) if isinstance(value, gdi.LogFont) else value
            for name, value in gdi.nonclient_metrics().items()
        }
    if action == _SPI_GETICONTITLELOGFONT:
        return PyLOGFONT._of(gdi.icon_title_font())
    if action == _SPI_SETICONTITLELOGFONT:
        if not isinstance(Param, PyLOGFONT):
            raise TypeError("The object is not a PyLOGFONT object")
        gdi.set_icon_title_font(Param._core())
        return None
    try:
        return kernel.system_parameter(action)
    except KeyError:
        pass
    try:
        kernel.set_system_parameter(action, Param)
    except KeyError:
        raise NotImplementedError(
            f"SystemParametersInfo action {action} is not supported"
        ) from None
    return None


@api("GetThreadDesktop")
def GetThreadDesktop(ThreadId: int, /) -> int:
    """A handle to the desktop of a thread of this process (its number, as win32gui gives it)."""
    return messages.own_handle(messages.thread_desktop(operator.index(ThreadId) & 0xFFFFFFFF))


@api("GetNextDlgTabItem")
def GetNextDlgTabItem(hDlg: int, hCtl: int, bPrevious: int, /) -> int:
    return messages.next_dialog_tab_item(
        handle_value(hDlg), handle_value(hCtl), bool(operator.index(bPrevious))
    )


@api("GetNextDlgGroupItem")
def GetNextDlgGroupItem(hDlg: int, hCtl: int, bPrevious: int, /) -> int:
    return messages.next_dialog_group_item(
        handle_value(hDlg), handle_value(hCtl), bool(operator.index(bPrevious))
    )


@api("DialogBox")
def DialogBox(
    hInstance: object, TemplateName: object, hWndParent: int, DialogFunc: Any,  # noqa: ANN401
    InitParam: object = 0, /,
) -> int:  # fmt: skip
    """A modal dialog from a template resource: a program has no resources here (1813).

    DialogBoxIndirect takes the template itself.
    """
    handle_value(hWndParent)
    if not callable(DialogFunc) and not isinstance(DialogFunc, dict):
        raise TypeError("DialogFunc must be callable or a dict")
    if isinstance(TemplateName, bool) or not isinstance(TemplateName, (int, str)):
        raise TypeError("TemplateName must be a resource id (int or str)")
    messages.find_resource(handle_value(hInstance), TemplateName, 5)  # RT_DIALOG
    raise AssertionError("unreachable: find_resource finds no resource")  # pragma: no cover


DialogBoxParam = DialogBox


@api("LoadMenu")
def LoadMenu(hinstance: object, resource_id: object, /) -> int:
    """A menu from a template resource: a program has no resources here (1813)."""
    if isinstance(resource_id, bool) or not isinstance(resource_id, (int, str)):
        raise TypeError("Resource id/name must be unicode or int in the range 0-65536")
    messages.find_resource(handle_value(hinstance), resource_id, 4)  # RT_MENU
    raise AssertionError("unreachable: find_resource finds no resource")  # pragma: no cover


@api("Edit_GetLine")
def Edit_GetLine(hwnd: int, line: int, size: int = 128, /) -> str | None:
    """A line of an edit control's text (EM_GETLINE); None when nothing is copied (pywin32)."""
    text = messages.edit_line(handle_value(hwnd), operator.index(line), operator.index(size))
    return text or None
