"""A dialog's controls: the next tab stop, the next control of a group, an edit's lines.

Windows' rules (GetNextDlgTabItem, GetNextDlgGroupItem, as Wine implements them): the
controls are the dialog's children in their order; only visible, enabled controls count. The
next tab item is the next control after ``control`` with WS_TABSTOP, wrapping around (the
previous one with ``previous``); 0 for ``control`` starts before the first. A group starts at
a control with WS_GROUP (or the first control) and runs to the next one; the next group item
is the next control of ``control``'s group, wrapping inside the group. When nothing else
qualifies, ``control`` itself is the answer.
"""

from __future__ import annotations

from ..errors import InvalidParameterError
from ..kernel.lowlevel import KERNEL_LOCK
from ._styles import WS_DISABLED, WS_GROUP, WS_TABSTOP, WS_VISIBLE
from ._window_table import window_of
from ._windowpos import get_window_text

__all__ = ["edit_line", "next_dialog_group_item", "next_dialog_tab_item"]


def _controls(dialog: int) -> list[tuple[int, int]]:
    """(hwnd, style) of the dialog's children, in Z-order (a new child goes below: made order)."""
    window = window_of(dialog)
    with KERNEL_LOCK:
        return [(child.hwnd, child.style) for child in window.children]


def _usable(style: int) -> bool:
    return bool(style & WS_VISIBLE) and not style & WS_DISABLED


def _index(controls: list[tuple[int, int]], control: int, dialog: int) -> int:
    for index, (hwnd, _style) in enumerate(controls):
        if hwnd == control:
            return index
    raise InvalidParameterError(f"{control:#x} is no control of dialog {dialog:#x}")


def next_dialog_tab_item(dialog: int, control: int, previous: bool) -> int:
    """The next (or previous) tab stop after ``control`` (GetNextDlgTabItem).

    Raises:
        InvalidWindowHandleError: no such dialog.
        InvalidParameterError: ``control`` is not one of its controls.
    """
    controls = _controls(dialog)
    if not controls:
        return 0
    start = _index(controls, control, dialog) if control else (0 if previous else -1)
    step = -1 if previous else 1
    for offset in range(1, len(controls) + 1):
        hwnd, style = controls[(start + step * offset) % len(controls)]
        if style & WS_TABSTOP and _usable(style):
            return hwnd
    return control


def next_dialog_group_item(dialog: int, control: int, previous: bool) -> int:
    """The next (or previous) control of ``control``'s group (GetNextDlgGroupItem).

    Raises:
        InvalidWindowHandleError: no such dialog.
        InvalidParameterError: ``control`` is not one of its controls.
    """
    controls = _controls(dialog)
    if not controls:
        return 0
    at = _index(controls, control, dialog) if control else 0
    first = at
    while first > 0 and not controls[first][1] & WS_GROUP:
        first -= 1
    last = at + 1
    while last < len(controls) and not controls[last][1] & WS_GROUP:
        last += 1
    group = controls[first:last]
    here = at - first
    step = -1 if previous else 1
    for offset in range(1, len(group) + 1):
        hwnd, style = group[(here + step * offset) % len(group)]
        if _usable(style):
            return hwnd
    return control


def edit_line(hwnd: int, line: int, size: int = 128) -> str:
    """Line ``line`` (from 0) of an edit control's text, at most ``size`` characters (EM_GETLINE).

    Lines end at CR LF (or LF); a line past the last is "", and so is any line of a window
    that is no edit control (class Edit): nothing else answers EM_GETLINE.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if isinstance(line, bool) or not isinstance(line, int):
        raise TypeError(f"a line is an int, not {line!r}")
    window = window_of(hwnd)
    with KERNEL_LOCK:
        is_edit = window.wclass.name.casefold() == "edit"
    if not is_edit:
        return ""
    text = get_window_text(hwnd, 1 << 20)
    lines = text.replace("\r\n", "\n").split("\n")
    if not 0 <= line < len(lines):
        return ""
    return lines[line][: max(size, 0)]
