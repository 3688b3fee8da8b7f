"""Contract: the pump helpers of win32gui and pythoncom (semantics.md §6.5, §6.2)."""

from collections.abc import Callable
from typing import Any

import pytest
import pythoncom
import win32con
import win32event
import win32gui

from ._kernel import JOIN_MS, OBJECT_0
from ._messages import WM_QUIT, WM_USER, Classes, Recorder, Threads, drain, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

Pump = Callable[..., Any]
WAITING_PUMPS = pytest.mark.parametrize(
    "pump",
    [win32gui.PumpWaitingMessages, pythoncom.PumpWaitingMessages],
    ids=["win32gui", "pythoncom"],
)


def post_numbered(hwnd: int, *wparams: int) -> None:
    for wparam in wparams:
        win32gui.PostMessage(hwnd, WM_USER, wparam, 0)


def numbers(proc: Recorder) -> list[int]:
    return [wparam for _, _, wparam, _ in proc.calls]


# --- PumpWaitingMessages (both modules) --------------------------------------------------


@WAITING_PUMPS
def test_pump_waiting_messages_with_nothing_queued_returns_zero(pump: Pump) -> None:
    assert pump() == 0


@WAITING_PUMPS
def test_pump_waiting_messages_dispatches_every_posted_message_in_order(
    classes: Classes, pump: Pump
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1, 2)
    win32gui.PostThreadMessage(me(), WM_USER, 99, 0)  # a thread message: no procedure
    post_numbered(hwnd, 3)
    assert pump() == 0
    assert proc.calls == [(me(), WM_USER, n, 0) for n in (1, 2, 3)]
    assert drain() == []


@WAITING_PUMPS
def test_pump_waiting_messages_dispatches_only_the_given_range(
    classes: Classes, pump: Pump
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    for message in (WM_USER, WM_USER + 5, WM_USER + 9):
        win32gui.PostMessage(hwnd, message, 0, 0)
    assert pump(WM_USER + 1, WM_USER + 8) == 0
    assert proc.messages() == [WM_USER + 5]
    assert drain() == [(hwnd, WM_USER, 0, 0), (hwnd, WM_USER + 9, 0, 0)]


@pytest.mark.parametrize(
    ("pump", "code", "result"),
    [
        (win32gui.PumpWaitingMessages, 9, 9),
        (win32gui.PumpWaitingMessages, 0, 1),
        (pythoncom.PumpWaitingMessages, 9, 1),
        (pythoncom.PumpWaitingMessages, 0, 1),
    ],
    ids=["win32gui-9", "win32gui-0", "pythoncom-9", "pythoncom-0"],
)
def test_pump_waiting_messages_after_post_quit_message(
    classes: Classes, pump: Pump, code: int, result: int
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(code)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1, 2]  # WM_QUIT comes after every posted message
    assert drain() == []  # and was consumed


@pytest.mark.parametrize(
    ("pump", "code", "result"),
    [
        (win32gui.PumpWaitingMessages, 4, 4),
        (win32gui.PumpWaitingMessages, 0, 1),
        (pythoncom.PumpWaitingMessages, 4, 1),
    ],
    ids=["win32gui-4", "win32gui-0", "pythoncom-4"],
)
def test_pump_waiting_messages_stops_at_a_posted_wm_quit(
    classes: Classes, pump: Pump, code: int, result: int
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostThreadMessage(me(), WM_QUIT, code, 0)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1]
    assert drain() == [(hwnd, WM_USER, 2, 0)]  # left for the next pump


def test_win32gui_pump_waiting_messages_sees_post_quit_message_outside_its_range(
    classes: Classes,
) -> None:
    hwnd = classes.window(Recorder())
    win32gui.PostMessage(hwnd, WM_USER + 9, 0, 0)
    win32gui.PostQuitMessage(6)
    assert win32gui.PumpWaitingMessages(WM_USER, WM_USER) == 6
    assert drain() == [(hwnd, WM_USER + 9, 0, 0)]


@WAITING_PUMPS
def test_pump_waiting_messages_leaves_a_posted_wm_quit_outside_its_range(pump: Pump) -> None:
    win32gui.PostThreadMessage(me(), WM_QUIT, 4, 0)
    assert pump(WM_USER, WM_USER) == 0
    assert drain() == [(0, WM_QUIT, 4, 0)]


@WAITING_PUMPS
def test_pump_waiting_messages_handles_messages_sent_from_another_thread(
    classes: Classes, threads: Threads, pump: Pump
) -> None:
    proc = Recorder({WM_USER: lambda *_: 42})
    hwnd = classes.window(proc)
    sender = threads.spawn(lambda: win32gui.SendMessage(hwnd, WM_USER, 5, 0))
    woke = win32event.MsgWaitForMultipleObjects([], False, JOIN_MS, win32con.QS_SENDMESSAGE)
    assert woke == OBJECT_0
    assert pump() == 0
    assert proc.calls == [(me(), WM_USER, 5, 0)]
    assert sender.join() == 42


# --- PumpMessages ------------------------------------------------------------------------


def test_win32gui_pump_messages_dispatches_until_wm_quit_and_returns_its_code(
    classes: Classes,
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(6)
    post_numbered(hwnd, 2)
    assert win32gui.PumpMessages() == 6
    assert numbers(proc) == [1, 2]
    assert drain() == []


def test_pythoncom_pump_messages_dispatches_until_wm_quit_and_returns_none(
    classes: Classes,
) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostQuitMessage(6)
    post_numbered(hwnd, 2)
    assert pythoncom.PumpMessages() is None
    assert numbers(proc) == [1, 2]
    assert drain() == []


@pytest.mark.parametrize(
    ("pump", "result"),
    [(win32gui.PumpMessages, 4), (pythoncom.PumpMessages, None)],
    ids=["win32gui", "pythoncom"],
)
def test_pump_messages_stops_at_a_posted_wm_quit(classes: Classes, pump: Pump, result: Any) -> None:
    proc = Recorder()
    hwnd = classes.window(proc)
    post_numbered(hwnd, 1)
    win32gui.PostThreadMessage(me(), WM_QUIT, 4, 0)
    post_numbered(hwnd, 2)
    assert pump() == result
    assert numbers(proc) == [1]
    assert drain() == [(hwnd, WM_USER, 2, 0)]


@pytest.mark.parametrize(
    ("pump", "result"),
    [(win32gui.PumpMessages, 3), (pythoncom.PumpMessages, None)],
    ids=["win32gui", "pythoncom"],
)
def test_pump_messages_on_an_owner_thread_serves_posts_and_sends_until_wm_quit(
    classes: Classes, threads: Threads, pump: Pump, result: Any
) -> None:
    proc = Recorder({WM_USER + 1: lambda hwnd, message, wparam, lparam: wparam * 2})
    owner = threads.owner(classes.register(proc), pump)
    win32gui.PostMessage(owner.hwnd, WM_USER, 1, 0)
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 1, 21, 0) == 42
    assert owner.stop(3) == result
    # the two may be handled in either order: a sent message overtakes a posted one
    assert sorted(proc.calls) == [(owner.tid, WM_USER, 1, 0), (owner.tid, WM_USER + 1, 21, 0)]
