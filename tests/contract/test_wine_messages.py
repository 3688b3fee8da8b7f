"""Contract: Wine's user32 message tests (dlls/user32/tests/msg.c), checks not pinned elsewhere.

Facts only; the tests are ours. test_messages.py, test_msgwait.py, test_sending.py and
test_pumps.py hold the bulk (FIFO order, filters, WM_QUIT, sends, waits); these are PeekMessage's
PM_QS_* classes, QS_ALLPOSTMESSAGE against QS_POSTMESSAGE, and a few argument checks.
"""

from typing import Any

import pytest
import win32con
import win32event
import win32gui

from ._kernel import OBJECT_0, TIMEOUT, Spawn
from ._messages import NOREMOVE, REMOVE, WM_QUIT, WM_USER, drain, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._kernel import spawn as spawn
from ._messages import empty_queue as empty_queue

PM_QS_INPUT = 0x04070000
PM_QS_POSTMESSAGE = 0x00980000
PM_QS_SENDMESSAGE = 0x00400000
PM_QS_PAINT = 0x00200000
QS_POSTMESSAGE = win32con.QS_POSTMESSAGE
QS_ALLPOSTMESSAGE = 0x0100


def post(message: int = WM_USER, wparam: int = 0) -> None:
    win32gui.PostThreadMessage(me(), message, wparam, 0)


def peek(first: int = 0, last: int = 0, flags: int = REMOVE) -> tuple[int, Any]:
    rc, msg = win32gui.PeekMessage(None, first, last, flags)
    return rc, msg


def msg_wait(mask: int) -> int:
    result: int = win32event.MsgWaitForMultipleObjects([], False, 0, mask)
    return result


INPUT = OBJECT_0  # MsgWaitForMultipleObjects with no handles: input is WAIT_OBJECT_0 + 0


# --- PeekMessage's PM_QS_* classes ----------------------------------------------------------


def test_pm_qs_postmessage_returns_a_posted_message() -> None:
    post(WM_USER + 1)
    rc, msg = peek(flags=REMOVE | PM_QS_POSTMESSAGE)
    assert (rc, msg[1]) == (1, WM_USER + 1)
    assert peek()[0] == 0


@pytest.mark.parametrize("kind", [PM_QS_SENDMESSAGE, PM_QS_INPUT, PM_QS_PAINT])
def test_a_peek_for_another_class_leaves_a_posted_message(kind: int) -> None:
    """msg.c: PeekMessage(PM_QS_SENDMESSAGE / INPUT / PAINT) does not return posted messages."""
    post(WM_USER + 2)
    assert peek(flags=REMOVE | kind)[0] == 0
    assert peek()[1][1] == WM_USER + 2


def test_pm_qs_postmessage_with_a_range_keeps_the_range() -> None:
    post(WM_USER + 1)
    post(WM_USER + 2)
    rc, msg = peek(WM_USER + 2, WM_USER + 2, REMOVE | PM_QS_POSTMESSAGE)
    assert (rc, msg[1]) == (1, WM_USER + 2)
    assert peek()[1][1] == WM_USER + 1


def test_pm_qs_postmessage_returns_wm_quit() -> None:
    """msg.c test_quit: WM_QUIT belongs to the posted class."""
    win32gui.PostQuitMessage(5)
    rc, msg = peek(flags=REMOVE | PM_QS_POSTMESSAGE)
    assert (rc, msg[1], msg[2]) == (1, WM_QUIT, 5)


def test_pm_noyield_changes_nothing() -> None:
    post(WM_USER + 3)
    rc, msg = peek(flags=NOREMOVE | win32con.PM_NOYIELD)
    assert (rc, msg[1]) == (1, WM_USER + 3)
    assert peek(flags=REMOVE | win32con.PM_NOYIELD)[1][1] == WM_USER + 3
    assert peek()[0] == 0


# --- QS_POSTMESSAGE and QS_ALLPOSTMESSAGE ---------------------------------------------------------


def test_a_filtered_peek_leaves_qs_allpostmessage_new() -> None:
    """MS/msg.c: a filtered look clears QS_POSTMESSAGE's news, not QS_ALLPOSTMESSAGE's."""
    post(WM_USER + 1)
    assert peek(WM_USER + 5, WM_USER + 5, NOREMOVE)[0] == 0
    assert msg_wait(QS_POSTMESSAGE) == TIMEOUT
    assert msg_wait(QS_ALLPOSTMESSAGE) == INPUT


def test_an_unfiltered_peek_clears_both() -> None:
    post(WM_USER + 1)
    assert peek(flags=NOREMOVE)[0] == 1
    assert msg_wait(QS_POSTMESSAGE) == TIMEOUT
    assert msg_wait(QS_ALLPOSTMESSAGE) == TIMEOUT


def test_a_new_post_wakes_both() -> None:
    post(WM_USER + 1)
    assert msg_wait(QS_POSTMESSAGE) == INPUT
    assert msg_wait(QS_ALLPOSTMESSAGE) == INPUT


def test_a_post_from_another_thread_after_a_look_is_new_again(spawn: Spawn) -> None:
    post(WM_USER + 1)
    assert peek(flags=NOREMOVE)[0] == 1
    target = me()
    spawn(lambda: win32gui.PostThreadMessage(target, WM_USER + 2, 0, 0)).join()
    assert msg_wait(QS_POSTMESSAGE) == INPUT
    assert len(drain()) == 2


def test_qs_sendmessage_is_not_woken_by_a_post() -> None:
    post(WM_USER + 1)
    assert msg_wait(win32con.QS_SENDMESSAGE) == TIMEOUT
    assert msg_wait(win32con.QS_TIMER | win32con.QS_PAINT) == TIMEOUT


# --- arguments --------------------------------------------------------------------------------


def test_a_posted_message_keeps_pointer_sized_params() -> None:
    win32gui.PostThreadMessage(me(), WM_USER, 0x7FFFFFFF_FFFFFFFF, -1)
    msg = peek()[1]
    assert (msg[2], msg[3]) == (0x7FFFFFFF_FFFFFFFF, -1)


def test_get_message_with_a_wm_quit_filter_returns_zero_for_wm_quit() -> None:
    post(WM_USER + 1)
    win32gui.PostQuitMessage(9)
    rc, msg = win32gui.GetMessage(None, WM_QUIT, WM_QUIT)
    assert (rc, msg[1], msg[2]) == (0, WM_QUIT, 9)
    assert peek()[1][1] == WM_USER + 1


def test_a_message_number_above_0xffff_is_posted_as_given() -> None:
    """Messages are UINTs: the registered-message range ends at 0xFFFF, but any UINT posts."""
    post(0x10000 + WM_USER)
    rc, msg = peek()
    assert (rc, msg[1]) == (1, 0x10000 + WM_USER)
