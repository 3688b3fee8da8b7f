"""Rules the session-30 window probe found (tools/probes/window_probe.py) that pywin32 cannot
show (it has no SetTimer): what SetTimer returns for a window timer of id 0 and for a thread
timer named again. On the oracle they were asked of user32 through ctypes."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pytest

from apartment.errors import ClassDoesNotExistError
from apartment.messages import (
    HWND_MESSAGE,
    create_window,
    def_window_proc,
    destroy_window,
    kill_timer,
    register_class,
    set_timer,
    unregister_class,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

CLASS = "s30-probe-rules"


def _proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    return def_window_proc(hwnd, msg, wparam, lparam)


@pytest.fixture
def hwnd() -> Iterator[int]:
    register_class(CLASS, _proc)
    window = create_window(CLASS, parent=HWND_MESSAGE)
    yield window.hwnd
    destroy_window(window.hwnd)
    with contextlib.suppress(ClassDoesNotExistError):
        unregister_class(CLASS)


def test_a_window_timer_of_id_0_gives_1_and_others_their_id(hwnd: int) -> None:
    assert set_timer(hwnd, 0, 100.0) == 1  # nonzero: success, as Windows and Wine give it
    assert set_timer(hwnd, 5, 100.0) == 5
    assert kill_timer(hwnd, 0)
    assert kill_timer(hwnd, 5)


def test_a_thread_timer_named_again_is_replaced_and_keeps_its_id() -> None:
    first = set_timer(0, 0, 100.0)
    try:
        assert set_timer(0, first, 50.0) == first
        other = set_timer(0, 0x7777, 100.0)  # no such timer: the id is ignored, a new one made
        assert other not in (first, 0x7777)
        assert kill_timer(0, other)
    finally:
        assert kill_timer(0, first)
    assert not kill_timer(0, first)
