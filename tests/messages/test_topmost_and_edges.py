"""Always-on-top and the window-edge bit: what real window utilities read back (§6.4).

SetWindowPos(HWND_TOPMOST) gives a top-level window WS_EX_TOPMOST and HWND_NOTOPMOST (or
HWND_BOTTOM) takes it away; SetWindowLong(GWL_EXSTYLE) cannot change it. A window whose style
has a thick or dialog frame (a caption has one) gets WS_EX_WINDOWEDGE, at creation and when
its extended style is set, unless WS_EX_STATICEDGE; WS_EX_DLGMODALFRAME always gets it.
Found by tests/realcode/topmost_window_styles.py (Windows and Wine agree).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment.messages import (
    GWL_EXSTYLE,
    GWL_STYLE,
    HWND_BOTTOM,
    HWND_NOTOPMOST,
    HWND_TOP,
    HWND_TOPMOST,
    SWP_NOMOVE,
    SWP_NOSIZE,
    SWP_NOZORDER,
    WS_CAPTION,
    WS_CHILD,
    WS_DLGFRAME,
    WS_OVERLAPPEDWINDOW,
    WS_POPUP,
    WS_THICKFRAME,
    create_window,
    def_window_proc,
    register_class,
    set_window_long,
    set_window_pos,
    unregister_class,
    window_long,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

WS_EX_DLGMODALFRAME = 0x1
WS_EX_TOPMOST = 0x8
WS_EX_TOOLWINDOW = 0x80
WS_EX_WINDOWEDGE = 0x100
WS_EX_STATICEDGE = 0x20000
KEEP = SWP_NOMOVE | SWP_NOSIZE


@pytest.fixture(autouse=True)
def window_class() -> Iterator[None]:
    register_class("topmost-test", def_window_proc)
    yield
    unregister_class("topmost-test")


def _ex(hwnd: int) -> int:
    return window_long(hwnd, GWL_EXSTYLE)


def test_topmost_is_set_and_cleared_by_set_window_pos() -> None:
    window = create_window("topmost-test", style=WS_POPUP)
    assert not _ex(window.hwnd) & WS_EX_TOPMOST
    set_window_pos(window.hwnd, HWND_TOPMOST, 0, 0, 0, 0, KEEP)
    assert _ex(window.hwnd) & WS_EX_TOPMOST
    set_window_pos(window.hwnd, HWND_TOP, 0, 0, 0, 0, KEEP)  # to the top of the topmost
    assert _ex(window.hwnd) & WS_EX_TOPMOST
    set_window_pos(window.hwnd, HWND_NOTOPMOST, 0, 0, 0, 0, KEEP)
    assert not _ex(window.hwnd) & WS_EX_TOPMOST
    set_window_pos(window.hwnd, HWND_TOPMOST, 0, 0, 0, 0, KEEP)
    set_window_pos(window.hwnd, HWND_BOTTOM, 0, 0, 0, 0, KEEP)  # the bottom is not topmost
    assert not _ex(window.hwnd) & WS_EX_TOPMOST
    window.destroy()


def test_no_zorder_or_a_child_window_keeps_its_topmost_state() -> None:
    window = create_window("topmost-test", style=WS_POPUP)
    set_window_pos(window.hwnd, HWND_TOPMOST, 0, 0, 0, 0, KEEP | SWP_NOZORDER)
    assert not _ex(window.hwnd) & WS_EX_TOPMOST
    child = create_window("topmost-test", style=WS_CHILD, parent=window.hwnd)
    set_window_pos(child.hwnd, HWND_TOPMOST, 0, 0, 0, 0, KEEP)
    assert not _ex(child.hwnd) & WS_EX_TOPMOST
    window.destroy()


def test_set_window_long_cannot_change_topmost() -> None:
    window = create_window("topmost-test", style=WS_POPUP)
    set_window_long(window.hwnd, GWL_EXSTYLE, WS_EX_TOPMOST | WS_EX_TOOLWINDOW)
    assert _ex(window.hwnd) == WS_EX_TOOLWINDOW
    set_window_pos(window.hwnd, HWND_TOPMOST, 0, 0, 0, 0, KEEP)
    set_window_long(window.hwnd, GWL_EXSTYLE, 0)
    assert _ex(window.hwnd) == WS_EX_TOPMOST
    window.destroy()


@pytest.mark.parametrize(
    ("style", "ex_style", "edge"),
    [
        (WS_OVERLAPPEDWINDOW, 0, True),
        (0, 0, True),  # an overlapped window always has a caption, so a dialog frame
        (WS_POPUP, 0, False),
        (WS_POPUP | WS_CAPTION, 0, True),
        (WS_POPUP | WS_DLGFRAME, 0, True),
        (WS_POPUP | WS_THICKFRAME, 0, True),
        (WS_POPUP | WS_THICKFRAME, WS_EX_STATICEDGE, False),
        (WS_POPUP, WS_EX_DLGMODALFRAME, True),
        (WS_POPUP, WS_EX_WINDOWEDGE, False),  # asked for, but nothing has that edge
    ],
)
def test_window_edge_follows_the_frame(style: int, ex_style: int, edge: bool) -> None:
    window = create_window("topmost-test", style=style, ex_style=ex_style)
    assert bool(_ex(window.hwnd) & WS_EX_WINDOWEDGE) is edge
    window.destroy()


def test_setting_the_extended_style_keeps_the_edge_its_frame_gives() -> None:
    window = create_window("topmost-test", style=WS_OVERLAPPEDWINDOW)
    old = set_window_long(window.hwnd, GWL_EXSTYLE, WS_EX_TOOLWINDOW)
    assert old == WS_EX_WINDOWEDGE
    assert _ex(window.hwnd) == WS_EX_TOOLWINDOW | WS_EX_WINDOWEDGE
    assert window_long(window.hwnd, GWL_STYLE) & WS_CAPTION == WS_CAPTION
    window.destroy()
