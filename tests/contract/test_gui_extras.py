"""Contract: win32gui's carets, SystemParametersInfo, GetThreadDesktop and module constants.

The caret is the thread's: CreateCaret makes it (hidden) in a window of the thread, hiding
counts, and a thread without one is refused.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest
import pywintypes
import win32api
import win32con
import win32gui

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(scope="module")
def class_name() -> Iterator[str]:
    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    yield name
    win32gui.UnregisterClass(name, 0)


@pytest.fixture
def hwnd(class_name: str) -> Iterator[int]:
    made: int = win32gui.CreateWindow(class_name, "caret", 0, 0, 0, 10, 10, 0, 0, 0, None)
    yield made
    win32gui.DestroyWindow(made)


def test_a_caret_is_made_moved_shown_hidden_and_destroyed(hwnd: int) -> None:
    win32gui.CreateCaret(hwnd, 0, 2, 10)
    try:
        assert win32gui.GetCaretPos() == (0, 0)
        win32gui.SetCaretPos(5, 6)
        assert win32gui.GetCaretPos() == (5, 6)
        win32gui.ShowCaret(hwnd)
        win32gui.HideCaret(hwnd)
        win32gui.HideCaret(0)
        win32gui.ShowCaret(0)
    finally:
        win32gui.DestroyCaret()


def test_a_thread_without_a_caret_is_refused(hwnd: int) -> None:
    win32gui.CreateCaret(hwnd, 0, 2, 10)
    win32gui.DestroyCaret()
    for call in (win32gui.DestroyCaret, lambda: win32gui.SetCaretPos(1, 1)):
        with pytest.raises(pywintypes.error):
            call()


def test_a_destroyed_window_takes_its_caret(class_name: str) -> None:
    made = win32gui.CreateWindow(class_name, "caret", 0, 0, 0, 10, 10, 0, 0, 0, None)
    win32gui.CreateCaret(made, 0, 2, 10)
    win32gui.DestroyWindow(made)
    with pytest.raises(pywintypes.error):
        win32gui.DestroyCaret()


def test_create_caret_needs_a_window() -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32gui.CreateCaret(12345678, 0, 2, 10)
    assert caught.value.winerror == 1400  # ERROR_INVALID_WINDOW_HANDLE


def test_system_parameters_are_set_and_read_back() -> None:
    before = win32gui.SystemParametersInfo(win32con.SPI_GETWHEELSCROLLLINES)
    win32gui.SystemParametersInfo(win32con.SPI_SETWHEELSCROLLLINES, before + 1)
    try:
        assert win32gui.SystemParametersInfo(win32con.SPI_GETWHEELSCROLLLINES) == before + 1
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETWHEELSCROLLLINES, before)
    flat = win32gui.SystemParametersInfo(win32con.SPI_GETFLATMENU)
    win32gui.SystemParametersInfo(win32con.SPI_SETFLATMENU, not flat)
    try:
        assert bool(win32gui.SystemParametersInfo(win32con.SPI_GETFLATMENU)) != bool(flat)
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETFLATMENU, flat)


def test_the_double_click_rectangle_is_a_system_metric() -> None:
    width = win32api.GetSystemMetrics(win32con.SM_CXDOUBLECLK)
    win32gui.SystemParametersInfo(win32con.SPI_SETDOUBLECLKWIDTH, width + 1)
    try:
        assert win32api.GetSystemMetrics(win32con.SM_CXDOUBLECLK) == width + 1
    finally:
        win32gui.SystemParametersInfo(win32con.SPI_SETDOUBLECLKWIDTH, width)


def test_the_nonclient_metrics_and_icon_title_font() -> None:
    metrics = win32gui.SystemParametersInfo(win32con.SPI_GETNONCLIENTMETRICS)
    assert {"iBorderWidth", "lfMenuFont", "lfCaptionFont", "iMenuHeight"} <= set(metrics)
    font = metrics["lfMenuFont"]
    assert isinstance(font.lfFaceName, str)
    title = win32gui.SystemParametersInfo(win32con.SPI_GETICONTITLELOGFONT)
    assert isinstance(title.lfHeight, int)


def test_module_constants() -> None:
    assert win32gui.UNICODE
    assert isinstance(win32gui.dllhandle, int)
    assert win32gui.dllhandle
