"""Contract: the clipboard viewer chain (SetClipboardViewer, ChangeClipboardChain).

MS: SetClipboardViewer, ChangeClipboardChain, WM_DRAWCLIPBOARD, WM_CHANGECBCHAIN ("Adding a
Window to the Clipboard Viewer Chain"); Wine's dlls/user32/tests/clipboard.c (test_messages).
A new first viewer gets WM_DRAWCLIPBOARD at once and whenever the clipboard is closed after a
change, and passes it on; ChangeClipboardChain of the first viewer makes the next one first,
of another sends the first WM_CHANGECBCHAIN (wParam: the window leaving, lParam: its next).
"""

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32clipboard as cb
import win32con
import win32gui

from ._messages import Classes, classes

__all__ = ["classes"]

WM_DRAWCLIPBOARD, WM_CHANGECBCHAIN = 0x0308, 0x030D


class Viewer:
    """A viewer's window procedure, as Windows' documentation writes one: it records the
    chain's messages and passes them on to the next viewer."""

    def __init__(self) -> None:
        self.next = 0
        self.seen: list[tuple[int, Any, Any]] = []

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg == WM_DRAWCLIPBOARD:
            self.seen.append((msg, wparam, lparam))
            if self.next:
                win32gui.SendMessage(self.next, msg, wparam, lparam)
            return 0
        if msg == WM_CHANGECBCHAIN:
            self.seen.append((msg, wparam, lparam))
            if wparam == self.next:
                self.next = lparam
            elif self.next:
                win32gui.SendMessage(self.next, msg, wparam, lparam)
            return 0
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def draws(self) -> int:
        return sum(1 for msg, _, _ in self.seen if msg == WM_DRAWCLIPBOARD)


@pytest.fixture(autouse=True)
def no_viewers() -> Iterator[None]:
    """Each test ends with its viewers gone from the chain (their windows are destroyed)."""
    yield
    with contextlib.suppress(pywintypes.error):
        while True:
            first = cb.GetClipboardViewer()
            cb.ChangeClipboardChain(first, 0)


def change_the_clipboard() -> None:
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.SetClipboardData(0x4400, b"viewer test")
    cb.CloseClipboard()
    win32gui.PumpWaitingMessages()


def test_the_constants() -> None:
    assert (win32con.WM_DRAWCLIPBOARD, win32con.WM_CHANGECBCHAIN) == (0x308, 0x30D)


def test_a_new_viewer_is_first_and_is_told_at_once(classes: Classes) -> None:
    proc = Viewer()
    hwnd = classes.window(proc)
    proc.next = cb.SetClipboardViewer(hwnd)
    win32gui.PumpWaitingMessages()
    assert cb.GetClipboardViewer() == hwnd
    assert proc.draws() == 1
    assert proc.next is None  # the chain was empty
    assert cb.ChangeClipboardChain(hwnd, proc.next) == 1  # the only viewer: TRUE


def test_no_viewer_is_an_error() -> None:
    with pytest.raises(pywintypes.error) as info:
        cb.GetClipboardViewer()
    assert info.value.funcname == "GetClipboardViewer"


def test_a_change_is_drawn_along_the_chain(classes: Classes) -> None:
    first_proc, second_proc = Viewer(), Viewer()
    first = classes.window(first_proc)
    second = classes.window(second_proc)
    first_proc.next = cb.SetClipboardViewer(first)
    second_proc.next = cb.SetClipboardViewer(second)
    assert second_proc.next == first
    assert cb.GetClipboardViewer() == second
    win32gui.PumpWaitingMessages()
    # The second's own arrived inside SetClipboardViewer, before it knew its next viewer.
    assert (first_proc.draws(), second_proc.draws()) == (1, 1)
    change_the_clipboard()
    assert (first_proc.draws(), second_proc.draws()) == (2, 2)


def test_removing_a_later_viewer_goes_through_the_first(classes: Classes) -> None:
    first_proc, second_proc = Viewer(), Viewer()
    first = classes.window(first_proc)
    second = classes.window(second_proc)
    first_proc.next = cb.SetClipboardViewer(first)
    second_proc.next = cb.SetClipboardViewer(second)
    cb.ChangeClipboardChain(first, first_proc.next)
    assert (WM_CHANGECBCHAIN, first, 0) in second_proc.seen
    assert second_proc.next == 0
    assert cb.GetClipboardViewer() == second
    cb.ChangeClipboardChain(second, second_proc.next)
    with pytest.raises(pywintypes.error):
        cb.GetClipboardViewer()


def test_removing_the_first_viewer_makes_the_next_first(classes: Classes) -> None:
    first_proc, second_proc = Viewer(), Viewer()
    first = classes.window(first_proc)
    second = classes.window(second_proc)
    first_proc.next = cb.SetClipboardViewer(first)
    second_proc.next = cb.SetClipboardViewer(second)
    cb.ChangeClipboardChain(second, second_proc.next)
    assert cb.GetClipboardViewer() == first
    assert all(msg != WM_CHANGECBCHAIN for msg, _, _ in second_proc.seen + first_proc.seen)
    win32gui.PumpWaitingMessages()
    drawn = second_proc.draws()
    change_the_clipboard()
    assert second_proc.draws() == drawn  # out of the chain
    cb.ChangeClipboardChain(first, 0)


def test_a_destroyed_first_viewer_leaves_the_chain_empty(classes: Classes) -> None:
    hwnd = classes.window(Viewer())
    cb.SetClipboardViewer(hwnd)
    win32gui.DestroyWindow(hwnd)
    with pytest.raises(pywintypes.error):
        cb.GetClipboardViewer()


def test_not_a_window() -> None:
    win32api.SetLastError(0)
    assert cb.ChangeClipboardChain(0x1234, 0) == 0  # a BOOL: pywin32 raises nothing
    assert win32api.GetLastError() == 1400
    for hwnd in (0x1234, 0, None):
        with pytest.raises(pywintypes.error) as info:
            cb.SetClipboardViewer(hwnd)
        assert (info.value.winerror, info.value.funcname) == (1400, "SetClipboardViewer")
    with pytest.raises(TypeError):
        cb.SetClipboardViewer("window")
