"""Contract: win32gui.SetParent, on the facade and on the real pywin32 (Wine's null display)."""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32con
import win32gui

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def windows() -> Iterator[tuple[int, int, int, int]]:
    """Two top-level windows, a child of the first and a grandchild below it."""

    def procedure(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        return int(win32gui.DefWindowProc(hwnd, msg, wparam, lparam))

    wc = win32gui.WNDCLASS()
    wc.lpszClassName = f"set-parent-{uuid.uuid4().hex}"
    wc.lpfnWndProc = procedure
    win32gui.RegisterClass(wc)
    style = win32con.WS_OVERLAPPEDWINDOW
    first = win32gui.CreateWindow(wc.lpszClassName, "1", style, 100, 100, 300, 200, 0, 0, 0, None)
    second = win32gui.CreateWindow(wc.lpszClassName, "2", style, 400, 300, 300, 200, 0, 0, 0, None)
    child = win32gui.CreateWindow(
        wc.lpszClassName, "c", win32con.WS_CHILD, 10, 20, 50, 40, first, 0, 0, None
    )
    grandchild = win32gui.CreateWindow(
        wc.lpszClassName, "g", win32con.WS_CHILD, 1, 2, 5, 4, child, 0, 0, None
    )
    yield first, second, child, grandchild
    for hwnd in (first, second):
        win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(wc.lpszClassName, None)


def _children(parent: int) -> list[int]:
    found: list[int] = []

    def each(hwnd: int, _: Any) -> bool:
        found.append(hwnd)
        return True

    with contextlib.suppress(pywintypes.error):  # none: pywin32 may raise EnumChildWindows' error
        win32gui.EnumChildWindows(parent, each, None)
    return found


def _client_offset(hwnd: int, parent: int) -> tuple[int, int]:
    left, top, _, _ = win32gui.GetWindowRect(hwnd)
    origin = win32gui.ClientToScreen(parent, (0, 0))
    return left - origin[0], top - origin[1]


def test_a_child_moves_under_another_parent(windows: tuple[int, int, int, int]) -> None:
    first, second, child, grandchild = windows
    assert _client_offset(child, first) == (10, 20)
    assert win32gui.SetParent(child, second) == first
    assert win32gui.GetParent(child) == second
    assert child in _children(second) and grandchild in _children(second)
    assert child not in _children(first)
    assert _client_offset(child, second) == (10, 20)  # it keeps its place in the client area
    assert win32gui.GetParent(grandchild) == child


def test_it_goes_on_top_of_its_new_siblings(windows: tuple[int, int, int, int]) -> None:
    first, _, child, grandchild = windows
    assert win32gui.GetWindow(first, win32con.GW_CHILD) == child
    win32gui.SetParent(grandchild, first)
    assert win32gui.GetWindow(first, win32con.GW_CHILD) == grandchild
    assert win32gui.GetWindow(grandchild, win32con.GW_HWNDNEXT) == child


def test_a_top_level_windows_previous_parent_is_the_desktop(
    windows: tuple[int, int, int, int],
) -> None:
    first, second, _, _ = windows
    assert win32gui.SetParent(second, first) == win32gui.GetDesktopWindow()
    assert win32gui.GetParent(second) == 0  # no WS_CHILD: GetParent gives the owner, none
    assert win32gui.SetParent(second, 0) == first


def test_a_window_cannot_go_under_itself_or_its_descendants(
    windows: tuple[int, int, int, int],
) -> None:
    first, _, child, grandchild = windows
    for hwnd, parent in ((child, child), (first, grandchild), (child, grandchild)):
        with pytest.raises(pywintypes.error) as caught:
            win32gui.SetParent(hwnd, parent)
        assert (caught.value.winerror, caught.value.funcname) == (87, "SetParent")
    assert win32gui.GetParent(child) == first


def test_no_such_window_is_1400(windows: tuple[int, int, int, int]) -> None:
    first, _, child, _ = windows
    for hwnd, parent in ((0x7FFF0, first), (child, 0x7FFF0)):
        with pytest.raises(pywintypes.error) as caught:
            win32gui.SetParent(hwnd, parent)
        assert (caught.value.winerror, caught.value.funcname) == (1400, "SetParent")
