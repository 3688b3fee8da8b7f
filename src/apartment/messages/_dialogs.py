"""Dialogs as far as they are message-driven: templates, the dialog manager, modal loops.

A dialog is a window (class ``#32770`` unless its template names another) whose messages go
first to its *dialog procedure*; what that leaves (a FALSE answer) gets the dialog manager's
default handling (DefDlgProc): WM_CLOSE posts WM_COMMAND(IDCANCEL), the rest DefWindowProc.
Its controls are child windows of the system's Button, Edit and Static classes (made on
first use): Edit and Static keep their text, and an Edit tells its parent of a new text
(EN_UPDATE, EN_CHANGE) and of the focus (EN_SETFOCUS, EN_KILLFOCUS); a Button answers
BM_CLICK with WM_COMMAND (BN_CLICKED) to the dialog and keeps a check state (BM_GETCHECK,
BM_SETCHECK).

Creating a dialog makes the window, then its controls, then sends WM_INITDIALOG (wParam the
first WS_TABSTOP control, lParam the creator's value); a nonzero answer gives that control
the focus. A modal dialog (DialogBoxIndirect) disables its owner and runs a message loop
until EndDialog; nothing is shown and no user presses a button: the dialog procedure, or a
driver posting WM_COMMAND or WM_CLOSE, ends it. Dialog units are pixels times two (a base
unit of 8 x 16 pixels). Keyboard navigation (IsDialogMessage's Tab and Enter) is not
modelled: IsDialogMessage dispatches the dialog's messages.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING, Any, Final

from ..errors import ERROR_CONTROL_ID_NOT_FOUND, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import WM_CLOSE, WM_NCDESTROY, WM_NULL, WM_QUIT, WM_SETTEXT
from ._defproc import def_window_proc
from ._destroy import destroy_window, on_window_gone
from ._focus import enable_window, is_window_enabled, set_focus
from ._gui_constants import WM_COMMAND, WM_INITDIALOG, WM_KILLFOCUS, WM_SETFOCUS
from ._post import post_message, post_quit_message
from ._pump import get_message
from ._send import send_message
from ._styles import SW_SHOW, WS_CHILD, WS_TABSTOP, WS_VISIBLE
from ._window import create_window, dispatch_message
from ._window_table import is_window, window_of
from ._windowinfo import dialog_item, is_child
from ._windowpos import get_window_text, set_window_text, show_window
from ._wndclass import add_system_classes, lookup_class, register_class

if TYPE_CHECKING:
    from ._wndclass import WindowProc

__all__ = [
    "DIALOG_CLASS",
    "IDCANCEL",
    "IDOK",
    "DialogItem",
    "DialogTemplate",
    "create_dialog",
    "def_dialog_proc",
    "dialog_box",
    "dialog_item_int",
    "dialog_item_text",
    "end_dialog",
    "is_dialog_message",
    "set_dialog_item_int",
    "set_dialog_item_text",
]

DIALOG_CLASS: Final = "#32770"
IDOK: Final = 1
IDCANCEL: Final = 2
BN_CLICKED: Final = 0
BM_GETCHECK: Final = 0x00F0
BM_SETCHECK: Final = 0x00F1
BM_CLICK: Final = 0x00F5
EN_SETFOCUS: Final = 0x0100
EN_KILLFOCUS: Final = 0x0200
EN_CHANGE: Final = 0x0300
EN_UPDATE: Final = 0x0400
_DLU: Final = 2  # pixels per dialog unit, both ways (base units 8 x 16)
_CONTROL_ATOMS: Final = {0x80: "Button", 0x81: "Edit", 0x82: "Static"}
_RESULT_MESSAGES: Final = frozenset({WM_INITDIALOG} | set(range(0x132, 0x139)))  # WM_CTLCOLOR*


@dataclasses.dataclass
class DialogItem:
    """A control of a template: its class, text, id, place, style and extended style.

    The class is a name or a system atom (0x80 Button, 0x81 Edit, 0x82 Static); the place is
    ``(x, y, cx, cy)`` in dialog units.
    """

    class_name: str | int
    text: str
    id: int
    rect: tuple[int, int, int, int]
    style: int = 0
    ex_style: int = 0


@dataclasses.dataclass
class DialogTemplate:
    """A dialog's template: caption, place in dialog units, styles, controls, class."""

    caption: str
    rect: tuple[int, int, int, int]
    style: int = 0
    ex_style: int = 0
    items: list[DialogItem] = dataclasses.field(default_factory=list)
    class_name: str | None = None


@dataclasses.dataclass
class _Dialog:
    proc: WindowProc
    modal: bool = False
    ended: bool = False
    result: int = 0


_dialogs: dict[int, _Dialog] = {}  # kernel lock
_checks: dict[int, int] = {}  # a button's BM_SETCHECK state; kernel lock
_classes_lock = threading.Lock()


# -- the system's classes ------------------------------------------------------------------


def _button_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The Button class: BM_CLICK notifies the parent; BM_GETCHECK/BM_SETCHECK."""
    if msg == BM_CLICK:
        window = window_of(hwnd)
        if window.is_child:
            send_message(window.parent, WM_COMMAND, (BN_CLICKED << 16) | window.child_id, hwnd)
        return 0
    if msg == BM_SETCHECK:
        with KERNEL_LOCK:
            _checks[hwnd] = wparam if isinstance(wparam, int) else 0
        return 0
    if msg == BM_GETCHECK:
        with KERNEL_LOCK:
            return _checks.get(hwnd, 0)
    return def_window_proc(hwnd, msg, wparam, lparam)


def _notify_parent(hwnd: int, code: int) -> None:
    """Send a control's WM_COMMAND notification (``code`` in the high word) to its parent."""
    window = window_of(hwnd)
    if window.is_child:
        send_message(window.parent, WM_COMMAND, (code << 16) | window.child_id, hwnd)


def _edit_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The Edit class: it tells its parent of a new text and of the focus.

    EN_UPDATE then EN_CHANGE for a new text, EN_SETFOCUS and EN_KILLFOCUS for the focus (as
    Wine's edit control does).
    """
    result = def_window_proc(hwnd, msg, wparam, lparam)
    if msg == WM_SETTEXT:
        _notify_parent(hwnd, EN_UPDATE)
        _notify_parent(hwnd, EN_CHANGE)
    elif msg == WM_SETFOCUS:
        _notify_parent(hwnd, EN_SETFOCUS)
    elif msg == WM_KILLFOCUS and not window_of(hwnd).destroying:
        _notify_parent(hwnd, EN_KILLFOCUS)
    return result


def _ensure_classes() -> None:
    """Register the dialog class and the controls' classes the first time a dialog is made."""
    with _classes_lock:
        with KERNEL_LOCK:
            missing = [name for name in ("Button", "Edit", "Static") if not lookup_class(name)]
            dialog_missing = lookup_class(DIALOG_CLASS) is None
        procs = {"Button": _button_proc, "Edit": _edit_proc, "Static": def_window_proc}
        for name in missing:
            register_class(name, procs[name])
        if dialog_missing:
            register_class(DIALOG_CLASS, def_dialog_proc)


add_system_classes(("Button", "Edit", "Static", DIALOG_CLASS), _ensure_classes)


# -- the dialog manager -------------------------------------------------------------------


def def_dialog_proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:  # noqa: ANN401
    """The dialog manager (DefDlgProc): the dialog procedure first, then default handling.

    Runs on the dialog's thread. For WM_INITDIALOG and WM_CTLCOLOR* the dialog procedure's
    answer is the result; for any other message it handled (a TRUE answer) the result is 0.
    """
    with KERNEL_LOCK:
        dialog = _dialogs.get(hwnd)
    if dialog is not None:
        answer = dialog.proc(hwnd, msg, wparam, lparam)
        if answer:
            return int(answer) if msg in _RESULT_MESSAGES else 0
    if msg == WM_CLOSE:
        if is_window(hwnd):  # the dialog procedure may have destroyed it (PostMessage fails)
            cancel = _item_or_zero(hwnd, IDCANCEL)
            post_message(hwnd, WM_COMMAND, (BN_CLICKED << 16) | IDCANCEL, cancel)
        return 0
    if msg == WM_NCDESTROY:
        with KERNEL_LOCK:
            _dialogs.pop(hwnd, None)
    return def_window_proc(hwnd, msg, wparam, lparam)


def _item_or_zero(hwnd: int, control_id: int) -> int:
    try:
        return dialog_item(hwnd, control_id)
    except Win32Error:
        return 0


def _pixels(rect: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x, y, width, height = rect
    return x * _DLU, y * _DLU, width * _DLU, height * _DLU


def create_dialog(
    template: DialogTemplate, parent: int, proc: WindowProc, param: object = 0
) -> int:
    """Make a modeless dialog from a template (CreateDialogIndirectParam); its handle.

    The dialog belongs to the calling thread; ``parent`` is its owner (0 for none). It is
    shown if the template's style has WS_VISIBLE.

    Raises:
        ClassNotFoundError: a control's class (or the template's) is not registered.
        InvalidWindowHandleError: ``parent`` is no window.
    """
    if not callable(proc):
        raise TypeError(f"a dialog procedure is callable, not {proc!r}")
    _ensure_classes()
    x, y, width, height = _pixels(template.rect)
    dialog = create_window(
        template.class_name or DIALOG_CLASS,
        template.caption,
        style=template.style & ~WS_VISIBLE,
        ex_style=template.ex_style,
        x=x,
        y=y,
        width=width,
        height=height,
        parent=parent,
    )
    hwnd = dialog.hwnd
    with KERNEL_LOCK:
        _dialogs[hwnd] = _Dialog(proc)
    first_tab = 0
    for item in template.items:
        name = item.class_name
        if isinstance(name, int):
            name = _CONTROL_ATOMS.get(name, name)  # a system atom names its class
        cx, cy, cwidth, cheight = _pixels(item.rect)
        control = create_window(
            name,
            item.text,
            style=item.style | WS_CHILD,
            ex_style=item.ex_style,
            x=cx,
            y=cy,
            width=cwidth,
            height=cheight,
            parent=hwnd,
            child_id=item.id,
        )
        if not first_tab and item.style & WS_TABSTOP:
            first_tab = control.hwnd
    if send_message(hwnd, WM_INITDIALOG, first_tab, param) and is_window(first_tab):
        set_focus(first_tab)
    if template.style & WS_VISIBLE and is_window(hwnd):
        show_window(hwnd, SW_SHOW)
    return hwnd


def dialog_box(template: DialogTemplate, parent: int, proc: WindowProc, param: object = 0) -> int:
    """Run a modal dialog (DialogBoxIndirectParam) and return EndDialog's result.

    The owner is disabled while it runs; the dialog is shown and a message loop runs until
    EndDialog (or WM_QUIT, which is posted again for the caller's loop, as Windows does);
    then the dialog is destroyed and the owner enabled again.
    """
    hwnd = create_dialog(template, parent, proc, param)
    with KERNEL_LOCK:
        dialog = _dialogs.get(hwnd)
        if dialog is not None:
            dialog.modal = True
    if dialog is None:  # the dialog procedure destroyed it
        return 0
    owner_was_enabled = bool(parent) and is_window_enabled(parent)
    if owner_was_enabled:
        enable_window(parent, False)
    try:
        if not _ended(dialog):
            show_window(hwnd, SW_SHOW)
        while not _ended(dialog) and is_window(hwnd):
            message = get_message()
            if message[1] == WM_QUIT:
                post_quit_message(message[2] if isinstance(message[2], int) else 0)
                break
            dispatch_message(message)
    finally:
        if owner_was_enabled and is_window(parent):
            enable_window(parent, True)
        if is_window(hwnd):
            destroy_window(hwnd)
    with KERNEL_LOCK:
        return dialog.result


def _ended(dialog: _Dialog) -> bool:
    with KERNEL_LOCK:
        return dialog.ended


def end_dialog(hwnd: int, result: int) -> None:
    """End a modal dialog with ``result`` (EndDialog); its loop returns it.

    A modeless dialog is hidden. A window that is no dialog is left alone.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    window_of(hwnd)
    with KERNEL_LOCK:
        dialog = _dialogs.get(hwnd)
        if dialog is None:
            return
        dialog.ended = True
        dialog.result = result
        modal = dialog.modal
    if modal:
        post_message(hwnd, WM_NULL, 0, 0)  # wakes the modal loop, as Windows does
    else:
        show_window(hwnd, 0)


def is_dialog_message(hwnd: int, message: tuple[Any, ...]) -> bool:
    """Dispatch a retrieved message of the dialog or its controls (IsDialogMessage).

    Returns whether the message was the dialog's (then it was dispatched). Keyboard
    navigation is not modelled.
    """
    target = message[0]
    if not target or not (target == hwnd or is_child(hwnd, target)):
        return False
    dispatch_message(message)
    return True


def _control(hwnd: int, control_id: int) -> int:
    control = dialog_item(hwnd, control_id)
    if not control:
        raise Win32Error.from_code(
            ERROR_CONTROL_ID_NOT_FOUND, f"dialog {hwnd:#x} has no control {control_id}"
        )
    return control


def set_dialog_item_text(hwnd: int, control_id: int, text: str) -> None:
    """Set a control's text (SetDlgItemText).

    Raises:
        InvalidWindowHandleError: no such dialog.
        Win32Error: ERROR_CONTROL_ID_NOT_FOUND.
    """
    set_window_text(_control(hwnd, control_id), text)


def set_dialog_item_int(hwnd: int, control_id: int, value: int, signed: bool) -> None:
    """Set a control's text to a number (SetDlgItemInt): unsigned 32-bit unless ``signed``.

    Raises:
        InvalidWindowHandleError: no such dialog.
        Win32Error: ERROR_CONTROL_ID_NOT_FOUND.
    """
    value &= 0xFFFFFFFF
    if signed and value >= 2**31:
        value -= 2**32
    set_dialog_item_text(hwnd, control_id, str(value))


def dialog_item_text(hwnd: int, control_id: int) -> str:
    """A control's text (GetDlgItemText).

    Raises:
        InvalidWindowHandleError: no such dialog.
        Win32Error: ERROR_CONTROL_ID_NOT_FOUND.
    """
    return get_window_text(_control(hwnd, control_id))


def dialog_item_int(hwnd: int, control_id: int, signed: bool) -> tuple[int, bool]:
    """A control's text read as a number (GetDlgItemInt): ``(value, translated)``.

    Leading spaces are skipped; a sign is read when ``signed``; anything else but digits,
    or a value outside 32 bits, is not translated (0, False).

    Raises:
        InvalidWindowHandleError: no such dialog.
        Win32Error: ERROR_CONTROL_ID_NOT_FOUND.
    """
    text = dialog_item_text(hwnd, control_id).lstrip(" ")
    digits = text[1:] if signed and text[:1] in ("-", "+") else text
    if not digits.isdigit() or not digits.isascii():
        return 0, False
    value = int(text) if signed else int(digits)
    limits = range(-(2**31), 2**31) if signed else range(2**32)
    return (value, True) if value in limits else (0, False)


def _forget(hwnd: int) -> None:
    with KERNEL_LOCK:
        _checks.pop(hwnd, None)
        _dialogs.pop(hwnd, None)


on_window_gone(_forget)
