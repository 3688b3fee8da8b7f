"""The console's window: made on demand on the console thread, its text the console's title."""

from __future__ import annotations

from apartment import kernel, messages


def test_the_window_follows_the_console() -> None:
    messages.close_console()
    assert messages.console_window() == 0
    kernel.alloc_console()
    try:
        hwnd = messages.console_window()
        assert messages.is_window_visible(hwnd)
        assert messages.get_class_name(hwnd) == messages.CONSOLE_CLASS
        messages.set_console_window_title("first")
        assert messages.get_window_text(hwnd) == kernel.console_title() == "first"
        messages.close_console()  # hidden: it stands for no console
        assert not messages.is_window_visible(hwnd)
        assert messages.console_window() == 0
        kernel.alloc_console()  # a new console: the same window, shown, with its title
        assert messages.console_window() == hwnd
        assert messages.is_window_visible(hwnd)
        assert messages.get_window_text(hwnd) == kernel.console_title() != "first"
    finally:
        messages.close_console()
