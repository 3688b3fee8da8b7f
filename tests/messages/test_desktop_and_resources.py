"""The one desktop (CreateDesktop opens it), the shell's taskbar, the program's icon."""

from __future__ import annotations

import pytest

from apartment import kernel, messages
from apartment.errors import InvalidParameterError, NotSupportedError, Win32Error


def test_create_desktop_opens_the_one_desktop_and_refuses_a_new_one() -> None:
    assert messages.create_desktop("default") is messages.DESKTOP
    with pytest.raises(NotSupportedError):
        messages.create_desktop("Another")
    with pytest.raises(InvalidParameterError):
        messages.create_desktop("")
    with pytest.raises(InvalidParameterError):
        messages.create_desktop("WinSta0\\Default")
    with pytest.raises(TypeError):
        messages.create_desktop(None)  # type: ignore[arg-type]


def test_the_shell_has_a_taskbar_above_the_program_manager() -> None:
    tray = messages.find_window("Shell_TrayWnd", None)
    assert tray
    top_level = list(messages.top_level_windows())
    progman = messages.find_window("Progman", None)
    assert top_level.index(tray) == top_level.index(progman) - 1  # topmost first


def test_the_program_has_one_icon_shared() -> None:
    icon = messages.load_icon(kernel.PROGRAM_MODULE, 1)
    assert icon == messages.load_icon(kernel.PROGRAM_MODULE, 1)
    assert messages.is_icon(icon)
    messages.destroy_icon(icon)  # shared: it stays
    assert messages.is_icon(icon)
    with pytest.raises(Win32Error, match="1813"):
        messages.load_icon(kernel.PROGRAM_MODULE, 2)
    with pytest.raises(Win32Error, match="1813"):
        messages.load_icon(0, 1)  # the system has no icon 1
