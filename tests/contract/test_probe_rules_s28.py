"""Rules the session-28 probes found (tools/probes/msgqueue_probe.py, process_job_probe.py,
api_misc_probe.py): window classes, windows across threads, sends that time out, processes,
jobs and system information.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process
import winerror

from ._kernel import JOIN_MS
from ._messages import WM_USER, Classes, Recorder, Threads, create, get_loop, signaled
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


# --- window classes and windows ----------------------------------------------------------


def test_a_class_with_a_live_window_cannot_be_unregistered(classes: Classes) -> None:
    name = classes.register(Recorder())
    hwnd = create(name)
    assert _error_of(win32gui.UnregisterClass, name, 0) == (
        winerror.ERROR_CLASS_HAS_WINDOWS,
        "UnregisterClass",
    )
    win32gui.DestroyWindow(create(name))  # still registered: windows of it can be made
    win32gui.DestroyWindow(hwnd)


def test_create_window_takes_the_class_atom(classes: Classes) -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = classes.register(Recorder()) + "-atom"
    wc.lpfnWndProc = Recorder()
    atom = win32gui.RegisterClass(wc)
    try:
        hwnd = win32gui.CreateWindow(atom, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
        assert win32gui.GetClassName(hwnd) == wc.lpszClassName
        win32gui.DestroyWindow(hwnd)
    finally:
        win32gui.UnregisterClass(wc.lpszClassName, 0)


@pytest.mark.parametrize("hwnd", [0, 0x7777])
def test_get_window_thread_process_id_of_no_window_gives_thread_id_zero(hwnd: int) -> None:
    # pywin32 does not check the result: no exception, thread id 0 (the pid is left unwritten)
    win32api.SetLastError(0)
    result = win32process.GetWindowThreadProcessId(hwnd)
    assert len(result) == 2
    assert result[0] == 0
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_reply_message_after_the_reply_succeeds_again(classes: Classes, threads: Threads) -> None:
    seen: list[Any] = []

    def answer(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(5))
        seen.append(win32gui.ReplyMessage(6))  # still handling a sent message: TRUE
        return 7

    owner = threads.owner(classes.register(Recorder({WM_USER: answer})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 5  # the first reply stands
    owner.stop()
    assert seen == [None, None]


def _silent_owner(classes: Classes, threads: Threads, proc: Recorder) -> tuple[Any, Any]:
    """An owner thread that waits on a gate (not pumping) before its message loop."""
    blocked, release = threads.gate(), threads.gate()

    def loop() -> Any:
        win32event.SetEvent(blocked)
        signaled(release)  # a plain wait: sent messages are not serviced meanwhile
        return get_loop()

    owner = threads.owner(classes.register(proc), loop)
    signaled(blocked)
    return owner, release


def test_a_send_that_timed_out_before_it_was_received_is_never_delivered(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder()
    owner, release = _silent_owner(classes, threads, proc)
    assert _error_of(
        win32gui.SendMessageTimeout, owner.hwnd, WM_USER + 1, 0, 0, win32con.SMTO_NORMAL, 100
    ) == (winerror.ERROR_TIMEOUT, "SendMessageTimeout")
    win32event.SetEvent(release)
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 2, 0, 0) == 0  # the loop now runs
    owner.stop()
    assert proc.messages() == [WM_USER + 2]


def _send_times_out(classes: Classes, threads: Threads, flags: int, timeout: int) -> None:
    proc = Recorder()
    owner, release = _silent_owner(classes, threads, proc)
    try:
        assert _error_of(
            win32gui.SendMessageTimeout, owner.hwnd, WM_USER + 1, 0, 0, flags, timeout
        ) == (winerror.ERROR_TIMEOUT, "SendMessageTimeout")
    finally:
        win32event.SetEvent(release)
        win32gui.SendMessageTimeout(owner.hwnd, WM_USER + 2, 0, 0, 0, JOIN_MS)
        owner.stop()
    assert proc.messages() == [WM_USER + 2]


def test_abort_if_hung_still_waits_for_a_thread_that_is_not_hung(
    classes: Classes, threads: Threads
) -> None:
    # the owner stopped pumping moments ago: not hung yet (5 s), so the timeout applies
    _send_times_out(classes, threads, win32con.SMTO_ABORTIFHUNG, 100)


@wine_differs("Wine's SendMessageTimeout with 0 ms succeeds at once (result 0), delivers later")
def test_a_send_with_a_zero_timeout_to_a_thread_that_does_not_pump_times_out(
    classes: Classes, threads: Threads
) -> None:
    _send_times_out(classes, threads, win32con.SMTO_NORMAL, 0)


@wine_differs("Wine posts to thread id 0 (the caller?) and succeeds")
def test_post_thread_message_to_thread_id_zero_fails_with_invalid_thread_id() -> None:
    assert _error_of(win32api.PostThreadMessage, 0, WM_USER, 0, 0) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )
