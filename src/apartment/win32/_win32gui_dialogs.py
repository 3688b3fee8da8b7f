"""``win32gui``'s dialogs: templates as pywin32 lists, dialog procedures, the dialog calls.

A template is pywin32's list: first ``[caption, (x, y, cx, cy), style, exStyle, font, menu,
windowClass]`` (the last four optional), then one ``[class, text, id, (x, y, cx, cy), style,
exStyle, extra]`` per control (class a name or an atom: 128 Button, 129 Edit, 130 Static).
A dialog procedure is a callable ``fn(hwnd, msg, wparam, lparam)`` or a dict ``{msg: fn}``;
a message it does not handle (no entry, None or a false answer) gets the dialog manager's
default handling. Nothing is shown: see ``apartment.messages``' dialogs.

Extensions (pywin32's win32gui lacks them): ``DefDlgProc``, ``IsDialogMessage``.
"""

from __future__ import annotations

import operator
import sys
import traceback
from typing import TYPE_CHECKING, Any

from .. import messages
from ._adapt import api, as_bool, dword, pointer_param, soft
from ._handles import handle_value

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CreateDialogIndirect", "CreateDialogIndirectParam", "DialogBoxIndirect",
    "DialogBoxIndirectParam", "EndDialog", "DefDlgProc", "IsDialogMessage", "SetDlgItemText",
    "GetDlgItemText", "GetDlgItemInt", "SetDlgItemInt",
]  # fmt: skip


class _PyDlgProc:
    """Calls a pywin32 dialog procedure (a callable or a dict) as pywin32 calls it."""

    __slots__ = ("target",)

    def __init__(self, target: Callable[..., object] | dict[int, Callable[..., object]]) -> None:
        self.target = target

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:  # noqa: ANN401
        target = self.target
        fn = target.get(msg) if isinstance(target, dict) else target
        if fn is None:
            return 0
        try:
            result = fn(hwnd, msg, wparam, lparam)
        except Exception:
            print("Python DLGPROC handler failed", file=sys.stderr)
            traceback.print_exc()
            return 0
        return result if isinstance(result, int) else 0


def _proc(value: Any) -> _PyDlgProc:  # noqa: ANN401
    if not (callable(value) or isinstance(value, dict)):
        raise TypeError("DialogFunc must be callable or a dictionary")
    return _PyDlgProc(value)


def _rect(value: object) -> tuple[int, int, int, int]:
    if isinstance(value, (tuple, list)) and len(value) == 4:
        x, y, cx, cy = (operator.index(part) for part in value)
        return x, y, cx, cy
    raise TypeError("a dialog template's rectangle is a tuple (x, y, cx, cy)")


def _template(controllist: object) -> messages.DialogTemplate:
    """pywin32's list form of a DLGTEMPLATE, as the core's DialogTemplate."""
    if not isinstance(controllist, (list, tuple)) or not controllist:
        raise TypeError("A dialog template must be a list of sequences")
    head = controllist[0]
    if not isinstance(head, (list, tuple)) or len(head) < 3:
        raise TypeError("The dialog header must be [caption, (x, y, cx, cy), style, ...]")
    caption, rect, style = head[0], head[1], head[2]
    template = messages.DialogTemplate(
        caption=caption or "",
        rect=_rect(rect),
        style=dword(style),
        ex_style=dword(head[3]) if len(head) > 3 and head[3] is not None else 0,
        class_name=head[6] if len(head) > 6 and isinstance(head[6], str) else None,
    )
    for entry in controllist[1:]:
        if not isinstance(entry, (list, tuple)) or len(entry) < 5:
            raise TypeError("A control must be [class, text, id, (x, y, cx, cy), style, ...]")
        template.items.append(
            messages.DialogItem(
                class_name=entry[0],
                text=entry[1] or "",
                id=operator.index(entry[2]),
                rect=_rect(entry[3]),
                style=dword(entry[4]),
                ex_style=dword(entry[5]) if len(entry) > 5 and entry[5] is not None else 0,
            )
        )
    return template


@api("CreateDialogIndirect")
def CreateDialogIndirect(
    hInstance: int,
    controllist: object,
    hWndParent: int,
    DialogFunc: object,
    InitParam: object = 0,
    /,
) -> int:
    return messages.create_dialog(
        _template(controllist),
        handle_value(hWndParent),
        _proc(DialogFunc),
        pointer_param(InitParam),
    )


CreateDialogIndirectParam = CreateDialogIndirect


@api("DialogBoxIndirect")
def DialogBoxIndirect(
    hInstance: int,
    controllist: object,
    hWndParent: int,
    DialogFunc: object,
    InitParam: object = 0,
    /,
) -> int:
    """Run a modal dialog until EndDialog (its procedure, or a driver's message, ends it)."""
    return messages.dialog_box(
        _template(controllist),
        handle_value(hWndParent),
        _proc(DialogFunc),
        pointer_param(InitParam),
    )


DialogBoxIndirectParam = DialogBoxIndirect


@api("EndDialog")
def EndDialog(hwnd: int, result: int, /) -> None:
    messages.end_dialog(handle_value(hwnd), operator.index(result))


@api("DefDlgProc")
def DefDlgProc(hwnd: int, msg: int, wparam: object, lparam: object, /) -> int:
    return messages.def_dialog_proc(handle_value(hwnd), dword(msg), wparam, lparam)


def IsDialogMessage(hwnd: int, msg: tuple[Any, ...], /) -> int:
    return int(messages.is_dialog_message(handle_value(hwnd), msg))


@api("SetDlgItemText")
def SetDlgItemText(hDlg: int, IDDlgItem: int, String: str, /) -> None:
    if not isinstance(String, str):
        raise TypeError(
            f"Objects of type '{type(String).__name__}' can not be converted to Unicode."
        )
    messages.set_dialog_item_text(handle_value(hDlg), operator.index(IDDlgItem), String)


@soft(str)  # pywin32 gives "" for a control that is not there
def GetDlgItemText(hDlg: int, IDDlgItem: int, /) -> str:
    return messages.dialog_item_text(handle_value(hDlg), operator.index(IDDlgItem))


@api("GetDlgItemInt")
def GetDlgItemInt(hDlg: int, IDDlgItem: int, Signed: int, /) -> int:
    """The control's text as a number; 0 when it is none (pywin32 returns the UINT)."""
    value, _ = messages.dialog_item_int(
        handle_value(hDlg), operator.index(IDDlgItem), as_bool(Signed)
    )
    return value


@api("SetDlgItemInt")
def SetDlgItemInt(hDlg: int, IDDlgItem: int, Value: int, Signed: int, /) -> None:
    messages.set_dialog_item_int(
        handle_value(hDlg), operator.index(IDDlgItem), operator.index(Value), as_bool(Signed)
    )
