"""Keyboard accelerator tables: CreateAcceleratorTable, TranslateAccelerator.

A table is a list of ``(flags, key, command)`` entries (ACCEL: FVIRTKEY, FSHIFT, FCONTROL,
FALT in ``flags``). TranslateAccelerator looks a retrieved WM_KEYDOWN/WM_SYSKEYDOWN (or
WM_CHAR for an entry without FVIRTKEY) up in it and, for a match, sends WM_COMMAND with
HIWORD(wParam) 1 to the window, as Windows does. The shift, control and alt keys are read
with ``key_state``, the thread's key state as of the key message it retrieved last.
"""

from __future__ import annotations

import itertools
from typing import Final

from ..errors import ERROR_INVALID_ACCEL_HANDLE, Win32Error
from ..kernel.lowlevel import KERNEL_LOCK
from ._gui_constants import WM_COMMAND
from ._keyboard import key_state
from ._send import send_message

__all__ = [
    "FALT",
    "FCONTROL",
    "FSHIFT",
    "FVIRTKEY",
    "accelerator_table",
    "create_accelerator_table",
    "destroy_accelerator_table",
    "translate_accelerator",
]

FVIRTKEY: Final = 0x01
FSHIFT: Final = 0x04
FCONTROL: Final = 0x08
FALT: Final = 0x10

_WM_KEYDOWN: Final = 0x0100
_WM_CHAR: Final = 0x0102
_WM_SYSKEYDOWN: Final = 0x0104
_WM_SYSCHAR: Final = 0x0106
_MODIFIERS: Final = ((FSHIFT, 0x10), (FCONTROL, 0x11), (FALT, 0x12))  # VK_SHIFT, ...

Accel = tuple[int, int, int]

_tables: dict[int, tuple[Accel, ...]] = {}
_handles = itertools.count(0x0006_0011, 4)


def create_accelerator_table(entries: list[Accel] | tuple[Accel, ...]) -> int:
    """Make an accelerator table of ``(flags, key, command)`` entries; its handle."""
    table = tuple(entries)
    for entry in table:
        if len(entry) != 3 or not all(isinstance(value, int) for value in entry):
            raise TypeError(f"an accelerator is (flags, key, command) ints, not {entry!r}")
    if not table:
        raise ValueError("an accelerator table needs at least one entry")
    with KERNEL_LOCK:
        handle = next(_handles)
        _tables[handle] = table
        return handle


def accelerator_table(handle: int) -> tuple[Accel, ...]:
    """The entries of a table (CopyAcceleratorTable).

    Raises:
        Win32Error: ERROR_INVALID_ACCEL_HANDLE.
    """
    with KERNEL_LOCK:
        table = _tables.get(handle)
    if table is None:
        raise Win32Error.from_code(ERROR_INVALID_ACCEL_HANDLE, f"{handle!r} is no table")
    return table


def destroy_accelerator_table(handle: int) -> bool:
    """Destroy a table (DestroyAcceleratorTable); False if it was none."""
    with KERNEL_LOCK:
        return _tables.pop(handle, None) is not None


def _modifiers_match(flags: int) -> bool:
    return all(bool(flags & flag) == bool(key_state(vk) & 0x8000) for flag, vk in _MODIFIERS)


def translate_accelerator(hwnd: int, handle: int, message: tuple[object, ...]) -> bool:
    """Send WM_COMMAND for an accelerator the key message matches (TranslateAccelerator).

    ``message`` is a retrieved message tuple ``(hwnd, msg, wparam, lparam, ...)``. Returns
    whether it was an accelerator (then the message is not to be dispatched).

    Raises:
        Win32Error: ERROR_INVALID_ACCEL_HANDLE.
        InvalidWindowHandleError: ``hwnd`` is no window (for a match).
    """
    table = accelerator_table(handle)
    msg, key = message[1], message[2]
    if msg not in (_WM_KEYDOWN, _WM_SYSKEYDOWN, _WM_CHAR, _WM_SYSCHAR):
        return False
    virtual = msg in (_WM_KEYDOWN, _WM_SYSKEYDOWN)
    for flags, entry_key, command in table:
        if bool(flags & FVIRTKEY) != virtual or entry_key != key:
            continue
        if virtual and not _modifiers_match(flags):
            continue
        send_message(hwnd, WM_COMMAND, (command & 0xFFFF) | 0x10000, 0)
        return True
    return False
