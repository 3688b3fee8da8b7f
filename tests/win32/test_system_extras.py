"""Facade names the oracle cannot answer for: message boxes (it would show one), UNICODE,
and GetGuiResources (Wine does not implement it)."""

from __future__ import annotations

import pytest

from apartment import messages
from apartment.win32 import pywintypes, win32api, win32clipboard, win32gui, win32process


def test_win32clipboard_is_built_for_unicode() -> None:
    assert win32clipboard.UNICODE == 1


def test_message_box_answers_the_default_button(capsys: pytest.CaptureFixture[str]) -> None:
    assert win32api.MessageBox(0, "Saved.", "Editor") == 1  # IDOK
    assert win32api.MessageBoxEx(None, "Quit?", "Editor", 4 | 0x100, 0) == 7  # MB_YESNO, 2nd
    assert "Editor: Saved." in capsys.readouterr().err
    previous = messages.set_message_box_chooser(lambda request: request.buttons[-1])
    try:
        assert win32api.MessageBox(0, "Retry?", "Editor", 5) == 2  # MB_RETRYCANCEL: cancel
    finally:
        messages.set_message_box_chooser(previous)


def test_message_box_errors_as_pywin32_raises_them() -> None:
    with pytest.raises(pywintypes.error) as info:
        win32api.MessageBox(0, "x", "y", 0xF)
    assert (info.value.winerror, info.value.funcname) == (1438, "MessageBox")
    with pytest.raises(pywintypes.error) as info:
        win32api.MessageBox(0x1234, "x", "y", 0)
    assert info.value.winerror == 1400
    with pytest.raises(TypeError):
        win32api.MessageBox(0, 5)


def test_gui_resources_count_this_process_windows() -> None:
    process = win32api.GetCurrentProcess()
    before = win32process.GetGuiResources(process, 1)
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "s19-gui-resources"
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow("s19-gui-resources", "", 0, 0, 0, 0, 0, 0, 0, 0, None)
    try:
        assert win32process.GetGuiResources(process, 1) == before + 1
        assert win32process.GetGuiResources(process, 4) >= before + 1
        assert win32process.GetGuiResources(process, 0) == 0
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass("s19-gui-resources", 0)
    with pytest.raises(pywintypes.error) as info:
        win32process.GetGuiResources(process, 7)
    assert (info.value.winerror, info.value.funcname) == (87, "GetGuiResources")
