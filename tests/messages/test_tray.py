"""Tray icons (Shell_NotifyIcon and a driver's clicks), icons as handles, accelerators."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from apartment import messages
from apartment.errors import (
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_ACCEL_HANDLE,
    ERROR_INVALID_CURSOR_HANDLE,
    ERROR_INVALID_PARAMETER,
    InvalidWindowHandleError,
    Win32Error,
)
from apartment.kernel import start_thread
from apartment.messages import (
    NIF_ICON,
    NIF_MESSAGE,
    NIF_TIP,
    NIM_ADD,
    NIM_DELETE,
    NIM_MODIFY,
    WM_COMMAND,
    WM_LBUTTONUP,
    WM_USER,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


@pytest.fixture
def window() -> Iterator[messages.Window]:
    messages.register_class("tray-test", messages.def_window_proc)
    made = messages.create_window("tray-test")
    yield made
    if messages.is_window(made.hwnd):
        made.destroy()
    messages.unregister_class("tray-test")
    while messages.peek_message(flags=messages.PM_REMOVE) is not None:
        pass


def _code(call: object, *args: object, **kwargs: object) -> int:
    with pytest.raises(Win32Error) as raised:
        call(*args, **kwargs)  # type: ignore[operator]
    return raised.value.winerror


def test_add_modify_delete(window: messages.Window) -> None:
    hwnd = window.hwnd
    flags = NIF_MESSAGE | NIF_ICON | NIF_TIP
    messages.shell_notify_icon(NIM_ADD, hwnd, 0, flags, callback_message=WM_USER, tip="x" * 200)
    icon = messages.notify_icons()[-1]
    assert (icon.hwnd, icon.uid, icon.callback_message, icon.tip) == (hwnd, 0, WM_USER, "x" * 127)
    assert _code(messages.shell_notify_icon, NIM_ADD, hwnd, 0) == ERROR_INVALID_PARAMETER
    messages.shell_notify_icon(NIM_MODIFY, hwnd, 0, NIF_TIP, tip="new", callback_message=5)
    icon = messages.notify_icons()[-1]
    assert (icon.tip, icon.callback_message) == ("new", WM_USER)  # only what NIF_* names
    messages.shell_notify_icon(NIM_DELETE, hwnd, 0)
    for message in (NIM_MODIFY, NIM_DELETE):
        assert _code(messages.shell_notify_icon, message, hwnd, 0) == ERROR_INVALID_PARAMETER
    assert _code(messages.shell_notify_icon, 9, hwnd, 0) == ERROR_INVALID_PARAMETER
    with pytest.raises(InvalidWindowHandleError):
        messages.shell_notify_icon(NIM_ADD, 12345678, 0)
    with pytest.raises(TypeError):
        messages.shell_notify_icon(NIM_ADD, hwnd, 0, colour=1)


def test_a_click_posts_the_callback_message(window: messages.Window) -> None:
    messages.shell_notify_icon(NIM_ADD, window.hwnd, 3, NIF_MESSAGE, callback_message=WM_USER + 20)
    found = start_thread(lambda: messages.wait_for_notify_icon(window.hwnd, 3, timeout=10))
    assert found.wait(10)
    messages.click_notify_icon(window.hwnd, 3, WM_LBUTTONUP)
    message = messages.peek_message(flags=messages.PM_REMOVE)
    assert message is not None
    assert tuple(message[:4]) == (window.hwnd, WM_USER + 20, 3, WM_LBUTTONUP)
    assert _code(messages.click_notify_icon, window.hwnd, 4, WM_LBUTTONUP) == (
        ERROR_INVALID_PARAMETER
    )
    assert messages.wait_for_notify_icon(window.hwnd, 4, timeout=0) is None


def test_an_icon_goes_with_its_window(window: messages.Window) -> None:
    messages.shell_notify_icon(NIM_ADD, window.hwnd, 0)
    window.destroy()
    assert all(icon.hwnd != window.hwnd for icon in messages.notify_icons())


# -- icons -------------------------------------------------------------------------------------


def _ico(path: Path, width: int = 48) -> Path:
    header = struct.pack("<HHH", 0, 1, 1) + bytes([width, width, 0, 0]) + b"\0" * 12
    path.write_bytes(header + b"\0" * 40)
    return path


def test_icons_from_files(tmp_path: Path) -> None:
    ico = _ico(tmp_path / "a.ico")
    handle = messages.load_image(0, str(ico), messages.IMAGE_ICON, 0, 0, messages.LR_LOADFROMFILE)
    icon = messages.icon_of(handle)
    assert (icon.width, icon.height, icon.is_icon) == (48, 48, True)
    sized = messages.load_image(
        0, str(ico), messages.IMAGE_ICON, 0, 0, messages.LR_LOADFROMFILE | messages.LR_DEFAULTSIZE
    )
    assert messages.icon_of(sized).width == 32
    assert messages.extract_icons(str(ico), -1, 1) == 1
    large, small = messages.extract_icons(str(ico), 0, 1)  # type: ignore[misc]
    assert len(large) == len(small) == 1
    assert _code(messages.extract_icons, str(tmp_path / "none.ico"), -1, 1) == ERROR_FILE_NOT_FOUND
    assert (
        _code(messages.load_image, 0, str(tmp_path / "none.ico"), 1, 0, 0, messages.LR_LOADFROMFILE)
        == ERROR_FILE_NOT_FOUND
    )
    (tmp_path / "text.ico").write_text("not an icon")
    assert (
        _code(messages.load_image, 0, str(tmp_path / "text.ico"), 1, 0, 0, messages.LR_LOADFROMFILE)
        == ERROR_INVALID_PARAMETER
    )


def test_copy_destroy_and_stock_icons() -> None:
    stock = messages.load_image(0, 32512, messages.IMAGE_ICON, 0, 0, messages.LR_SHARED)
    assert stock == messages.load_icon(0, 32512)
    copy = messages.copy_icon(stock)
    assert messages.is_icon(copy)
    messages.destroy_icon(copy)
    assert not messages.is_icon(copy)
    assert _code(messages.destroy_icon, copy) == ERROR_INVALID_CURSOR_HANDLE
    messages.destroy_icon(stock)  # shared: left alone
    assert messages.is_icon(stock)
    made = messages.create_icon(messages.Icon(is_icon=False, x_hotspot=1, y_hotspot=2))
    assert (messages.icon_of(made).x_hotspot, messages.icon_of(made).is_icon) == (1, False)
    assert _code(messages.load_image, 0, 1, messages.IMAGE_BITMAP, 0, 0, 0) == (
        ERROR_INVALID_PARAMETER
    )


# -- accelerators ------------------------------------------------------------------------------


def test_an_accelerator_sends_wm_command() -> None:
    got: list[tuple[int, object]] = []

    def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        if msg == WM_COMMAND:
            got.append((msg, wparam))
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    messages.register_class("accel-test", proc)
    try:
        window = messages.create_window("accel-test")
        table = messages.create_accelerator_table(
            [(messages.FVIRTKEY, 0x41, 500), (messages.FVIRTKEY | messages.FCONTROL, 0x42, 501)]
        )
        key_down = 0x0100
        assert messages.translate_accelerator(window.hwnd, table, (window.hwnd, key_down, 0x41))
        assert got == [(WM_COMMAND, 0x10000 | 500)]
        # no key is ever down here: an entry that needs Control never matches
        assert not messages.translate_accelerator(window.hwnd, table, (window.hwnd, key_down, 0x42))
        assert not messages.translate_accelerator(window.hwnd, table, (window.hwnd, WM_USER, 0x41))
        assert messages.accelerator_table(table)[0] == (messages.FVIRTKEY, 0x41, 500)
        assert messages.destroy_accelerator_table(table)
        assert not messages.destroy_accelerator_table(table)
        assert _code(messages.translate_accelerator, window.hwnd, table, (0, key_down, 0x41)) == (
            ERROR_INVALID_ACCEL_HANDLE
        )
        with pytest.raises(TypeError):
            messages.create_accelerator_table([(1, 2)])  # type: ignore[list-item]
        window.destroy()
    finally:
        messages.unregister_class("accel-test")
