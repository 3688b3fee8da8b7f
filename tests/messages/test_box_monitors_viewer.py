"""Message boxes without a screen, the one monitor, and the clipboard viewer chain (core)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from apartment import messages
from apartment.errors import (
    ERROR_INVALID_MONITOR_HANDLE,
    ERROR_INVALID_MSGBOX_STYLE,
    InvalidWindowHandleError,
    Win32Error,
)

MB_OK, MB_OKCANCEL, MB_YESNOCANCEL, MB_YESNO = 0, 1, 3, 4
MB_DEFBUTTON2, MB_DEFBUTTON3, MB_DEFBUTTON4 = 0x100, 0x200, 0x300
IDOK, IDCANCEL, IDYES, IDNO = 1, 2, 6, 7


def test_a_message_box_answers_its_default_button_and_writes_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert messages.message_box(0, "text", "caption", MB_OK) == IDOK
    assert "caption: text" in capsys.readouterr().err
    assert messages.message_box(0, "t", None, MB_YESNOCANCEL | MB_DEFBUTTON2) == IDNO
    assert "Error: t" in capsys.readouterr().err  # no caption: Windows' "Error"
    assert messages.message_box(0, "t", "c", MB_YESNOCANCEL | MB_DEFBUTTON3) == IDCANCEL
    assert messages.message_box(0, "t", "c", MB_YESNO | MB_DEFBUTTON4) == IDYES  # none: first


def test_a_chooser_answers_instead() -> None:
    seen: list[messages.MessageBoxRequest] = []

    def choose(request: messages.MessageBoxRequest) -> int:
        seen.append(request)
        return IDCANCEL

    previous = messages.set_message_box_chooser(choose)
    try:
        assert messages.message_box(0, "t", "c", MB_OKCANCEL) == IDCANCEL
    finally:
        assert messages.set_message_box_chooser(previous) is choose
    assert seen[0].buttons == (IDOK, IDCANCEL) and seen[0].default == IDOK


def test_a_message_box_style_and_owner_are_checked() -> None:
    with pytest.raises(Win32Error) as info:
        messages.message_box(0, "t", "c", 7)
    assert info.value.winerror == ERROR_INVALID_MSGBOX_STYLE
    with pytest.raises(InvalidWindowHandleError):
        messages.message_box(0x1234, "t", "c", MB_OK)
    with pytest.raises(TypeError):
        messages.message_box(0, b"t", "c", MB_OK)  # type: ignore[arg-type]


def test_the_one_monitor() -> None:
    width, height = messages.DESKTOP_SIZE
    primary = messages.PRIMARY_MONITOR
    assert messages.display_monitors() == [(primary, (0, 0, width, height))]
    assert messages.monitor_from_point(width, 0) == 0
    assert messages.monitor_from_point(width, 0, messages.MONITOR_DEFAULTTONEAREST) == primary
    assert messages.monitor_from_rect((-5, -5, 1, 1)) == primary
    assert messages.monitor_from_window(0x1234) == 0
    info = messages.monitor_info(primary)
    assert info.work == info.monitor == (0, 0, width, height)
    with pytest.raises(Win32Error) as caught:
        messages.monitor_info(0)
    assert caught.value.winerror == ERROR_INVALID_MONITOR_HANDLE


def test_the_viewer_chain_and_its_messages() -> None:
    seen: list[tuple[int, Any, Any]] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg in (0x0308, 0x030D):
            seen.append((msg, wparam, lparam))
            return 7 if msg == 0x030D else 0
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    name = f"viewer-{uuid.uuid4().hex}"
    messages.register_class(name, proc)
    first = messages.create_window(name)
    second = messages.create_window(name)
    try:
        assert messages.set_clipboard_viewer(first.hwnd) == 0
        assert messages.set_clipboard_viewer(second.hwnd) == first.hwnd
        assert [msg for msg, _, _ in seen] == [0x0308, 0x0308]
        assert messages.change_clipboard_chain(first.hwnd, 0) == 7  # the first's answer
        assert seen[-1] == (0x030D, first.hwnd, 0)
        with messages.clipboard():
            messages.empty_clipboard()
        assert [msg for msg, _, _ in seen][-1] == 0x0308  # a change: the first viewer is told
        assert messages.change_clipboard_chain(second.hwnd, 0) == 1
        assert messages.clipboard_viewer() == 0
        with pytest.raises(InvalidWindowHandleError):
            messages.change_clipboard_chain(0x1234, 0)
        messages.set_clipboard_viewer(first.hwnd)
        first.destroy()
        assert messages.clipboard_viewer() == 0
    finally:
        for window in (first, second):
            if messages.is_window(window.hwnd):
                window.destroy()
        messages.unregister_class(name)
