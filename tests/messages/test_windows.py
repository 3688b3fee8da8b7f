"""Windows owned by their thread; sending across threads (semantics.md §6.3-6.4)."""

from __future__ import annotations

import ctypes
import threading
from typing import TYPE_CHECKING

import pytest

from apartment.errors import (
    AccessDeniedError,
    ClassAlreadyExistsError,
    ClassHasWindowsError,
    ClassNotFoundError,
    CreationRefusedError,
    InvalidWindowHandleError,
    MessageTimeoutError,
    WindowOfOtherThreadError,
)
from apartment.kernel import current_thread, start_thread
from apartment.messages import (
    HWND_BROADCAST,
    HWND_MESSAGE,
    ISMEX_NOSEND,
    ISMEX_REPLIED,
    ISMEX_SEND,
    PM_REMOVE,
    QS_SENDMESSAGE,
    SMTO_BLOCK,
    WM_CLOSE,
    WM_CREATE,
    WM_DESTROY,
    WM_GETTEXT,
    WM_NCCREATE,
    WM_NCDESTROY,
    WM_USER,
    Window,
    create_window,
    def_window_proc,
    destroy_window,
    dispatch_message,
    in_send_message,
    in_send_message_ex,
    peek_message,
    post_message,
    queue_status,
    register_class,
    reply_message,
    send_message,
    send_notify_message,
    unregister_class,
    window_of,
)
from apartment.testing import wait_until_blocked

from ._helpers import Pumper, Silent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator


class Recorder:
    """A window procedure that records (thread id, message) and answers WM_USER + n with n."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []
        self.lock = threading.Lock()
        self.on_user: Callable[[int, object, object], int] | None = None

    def __call__(self, hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        with self.lock:
            self.seen.append((threading.get_native_id(), msg))
        if msg >= WM_USER:
            if self.on_user is not None:
                return self.on_user(msg, wparam, lparam)
            return msg - WM_USER
        return def_window_proc(hwnd, msg, wparam, lparam)

    def messages(self) -> list[int]:
        with self.lock:
            return [msg for _, msg in self.seen]


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    proc = Recorder()
    register_class("windows-test", proc)
    yield proc
    unregister_class("windows-test")


def test_registering_a_class_twice_fails_with_class_already_exists(recorder: Recorder) -> None:
    with pytest.raises(ClassAlreadyExistsError) as caught:
        register_class("WINDOWS-TEST", recorder)  # names compare without case
    assert caught.value.winerror == 1410


def test_a_class_with_a_live_window_cannot_be_unregistered(recorder: Recorder) -> None:
    window = create_window("windows-test")
    with pytest.raises(ClassHasWindowsError) as caught:
        unregister_class("windows-test")
    assert caught.value.winerror == 1412  # ERROR_CLASS_HAS_WINDOWS; the class stays registered
    window.destroy()
    register_class("windows-test-other", recorder)
    unregister_class("windows-test-other")  # a class with no windows goes at once


def test_a_broadcast_send_reaches_top_level_windows_and_answers_1(recorder: Recorder) -> None:
    window = create_window("windows-test")
    recorder.on_user = lambda msg, wparam, lparam: 42
    assert send_message(HWND_BROADCAST, WM_USER + 7, 3, 0, timeout=5.0) == 1
    assert recorder.messages()[-1] == WM_USER + 7
    window.destroy()


def test_creating_a_window_of_an_unknown_class_fails() -> None:
    with pytest.raises(ClassNotFoundError) as caught:
        create_window("no-such-class")
    assert caught.value.winerror == 1407


def test_creation_sends_nccreate_and_create_to_the_procedure(recorder: Recorder) -> None:
    window = create_window("windows-test")
    assert recorder.messages() == [WM_NCCREATE, WM_CREATE]
    assert window.thread is current_thread()
    window.destroy()


def test_a_procedure_refusing_nccreate_ends_the_creation() -> None:
    seen: list[int] = []

    def refuse(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
        seen.append(msg)
        return 0

    register_class("windows-test-refuse", refuse)
    try:
        with pytest.raises(CreationRefusedError) as caught:
            create_window("windows-test-refuse")
        assert caught.value.winerror == 0  # Windows sets no error code for a refusal
        assert seen == [WM_NCCREATE, WM_NCDESTROY]
    finally:
        unregister_class("windows-test-refuse")


def test_a_message_only_window(recorder: Recorder) -> None:
    window = create_window("windows-test", parent=HWND_MESSAGE)
    assert window.message_only
    window.destroy()


def test_dispatching_runs_the_procedure_on_the_owner_thread(recorder: Recorder) -> None:
    pumper = Pumper(lambda: create_window("windows-test"))
    window: Window = pumper.result
    post_message(window.hwnd, WM_USER + 1)
    send_message(window.hwnd, WM_USER + 2)
    assert pumper.stop() == 0
    threads = {tid for tid, msg in recorder.seen if msg >= WM_USER}
    assert threads == {pumper.thread.native_id}


def test_send_to_another_thread_returns_the_procedure_result(recorder: Recorder) -> None:
    pumper = Pumper(lambda: create_window("windows-test"))
    assert send_message(pumper.result.hwnd, WM_USER + 42) == 42
    pumper.stop()


def test_send_to_a_window_of_the_same_thread_calls_the_procedure_directly(
    recorder: Recorder,
) -> None:
    window = create_window("windows-test")
    assert send_message(window.hwnd, WM_USER + 3) == 3
    assert peek_message() is None  # nothing was queued
    window.destroy()


def test_a_sender_handles_messages_sent_to_itself_while_it_waits(recorder: Recorder) -> None:
    mine = create_window("windows-test")
    other = Pumper(lambda: create_window("windows-test"))

    def send_back(msg: int, wparam: object, lparam: object) -> int:
        if msg == WM_USER + 10 and threading.get_native_id() == other.thread.native_id:
            return send_message(mine.hwnd, WM_USER + 11) + 100  # back to the blocked sender
        return msg - WM_USER

    recorder.on_user = send_back
    assert send_message(other.result.hwnd, WM_USER + 10) == 111
    other.stop()
    mine.destroy()


def test_send_message_timeout_fails_with_error_timeout_when_nobody_pumps(
    recorder: Recorder,
) -> None:
    # after the gate, its first message call finds nothing: the timed-out send was withdrawn
    owner = Silent("windows-test", then=lambda window: peek_message(flags=PM_REMOVE))
    with pytest.raises(MessageTimeoutError) as caught:
        send_message(owner.window.hwnd, WM_USER + 1, timeout=0.01)
    assert caught.value.winerror == 1460
    owner.stop()
    assert WM_USER + 1 not in recorder.messages()  # a timed-out send is withdrawn


def test_smto_block_does_not_handle_sends_meanwhile(recorder: Recorder) -> None:
    mine = create_window("windows-test")
    other = Pumper(lambda: create_window("windows-test"))
    timed_out: list[bool] = []

    def send_back(msg: int, wparam: object, lparam: object) -> int:
        if msg == WM_USER + 5 and threading.get_native_id() == other.thread.native_id:
            try:
                send_message(mine.hwnd, WM_USER + 11, timeout=0.05)  # to the blocked sender
            except MessageTimeoutError:
                timed_out.append(True)
            else:
                timed_out.append(False)
        return msg - WM_USER

    recorder.on_user = send_back
    assert send_message(other.result.hwnd, WM_USER + 5, timeout=10, flags=SMTO_BLOCK) == 5
    peek_message()  # handles sent messages still pending here: the timed-out one is withdrawn
    other.stop()
    mine.destroy()
    assert timed_out == [True]
    assert (threading.get_native_id(), WM_USER + 11) not in recorder.seen


def test_a_send_that_timed_out_leaves_no_sent_input_behind(recorder: Recorder) -> None:
    status: list[tuple[int, int]] = []

    def then(window: Window) -> None:  # on the owner, after the send below was withdrawn
        status.append(queue_status(QS_SENDMESSAGE))
        window.destroy()

    owner = Silent("windows-test", then)
    with pytest.raises(MessageTimeoutError):
        send_message(owner.window.hwnd, WM_USER + 1, timeout=0.01)
    owner.stop()
    assert status == [(0, 0)]  # neither new nor present: MWMO_INPUTAVAILABLE must not wake


def test_send_notify_does_not_wait_and_has_sent_priority(recorder: Recorder) -> None:
    def then(window: Window) -> None:
        post_message(window.hwnd, WM_USER + 2)
        message = peek_message(flags=PM_REMOVE)  # the notify is handled first
        assert message is not None
        dispatch_message(message)
        window.destroy()

    owner = Silent("windows-test", then)
    send_notify_message(owner.window.hwnd, WM_USER + 1)  # returns at once
    owner.stop()
    user = [msg for msg in recorder.messages() if msg >= WM_USER]
    assert user == [WM_USER + 1, WM_USER + 2]


def test_in_send_message_and_reply_message(recorder: Recorder) -> None:
    observed: list[object] = []

    def inspect(msg: int, wparam: object, lparam: object) -> int:
        observed.append(in_send_message())
        observed.append(in_send_message_ex())
        observed.append(reply_message(77))
        observed.append(in_send_message_ex())
        observed.append(reply_message(88))  # succeeds, but only the first reply counts
        return 99  # discarded: the sender already has 77

    recorder.on_user = inspect
    pumper = Pumper(lambda: create_window("windows-test"))
    assert send_message(pumper.result.hwnd, WM_USER) == 77
    pumper.stop()
    assert observed == [True, ISMEX_SEND, True, ISMEX_SEND | ISMEX_REPLIED, True]


def test_in_send_message_is_false_outside_a_cross_thread_send(recorder: Recorder) -> None:
    observed: list[object] = []

    def inspect(msg: int, wparam: object, lparam: object) -> int:
        observed.append((in_send_message(), in_send_message_ex(), reply_message(1)))
        return 0

    recorder.on_user = inspect
    window = create_window("windows-test")
    send_message(window.hwnd, WM_USER)  # same thread
    post_message(window.hwnd, WM_USER)
    message = peek_message(flags=PM_REMOVE)
    assert message is not None
    dispatch_message(message)
    window.destroy()
    assert observed == [(False, ISMEX_NOSEND, False)] * 2


def test_destroying_another_threads_window_is_access_denied(recorder: Recorder) -> None:
    pumper = Pumper(lambda: create_window("windows-test"))
    with pytest.raises(AccessDeniedError) as caught:
        destroy_window(pumper.result.hwnd)
    assert caught.value.winerror == 5
    post_message(pumper.result.hwnd, WM_CLOSE)  # the right way: the owner destroys it
    pumper.stop()
    with pytest.raises(InvalidWindowHandleError):
        window_of(pumper.result.hwnd)


def test_destroying_sends_destroy_then_ncdestroy_and_flushes_its_messages(
    recorder: Recorder,
) -> None:
    window = create_window("windows-test")
    post_message(window.hwnd, WM_USER)
    window.destroy()
    assert recorder.messages()[-2:] == [WM_DESTROY, WM_NCDESTROY]
    assert peek_message() is None
    with pytest.raises(InvalidWindowHandleError) as caught:
        post_message(window.hwnd, WM_USER)
    assert caught.value.winerror == 1400
    with pytest.raises(InvalidWindowHandleError):
        destroy_window(window.hwnd)


def test_dispatching_another_threads_message_is_refused(recorder: Recorder) -> None:
    pumper = Pumper(lambda: create_window("windows-test"))
    with pytest.raises(WindowOfOtherThreadError):
        dispatch_message((pumper.result.hwnd, WM_USER, 0, 0, 0, (0, 0)))
    pumper.stop()


def test_a_thread_that_ends_releases_its_senders_and_its_windows(recorder: Recorder) -> None:
    owner = Silent("windows-test")  # never handles the sent message
    errors: list[int] = []

    def sender() -> None:
        try:
            send_message(owner.window.hwnd, WM_USER + 1)
        except AccessDeniedError as error:
            errors.append(error.winerror)

    blocked = start_thread(sender)
    wait_until_blocked(blocked)
    owner.stop()
    assert blocked.wait(10)
    assert errors == [5]
    with pytest.raises(InvalidWindowHandleError):
        window_of(owner.window.hwnd)


def test_window_owner_thread(recorder: Recorder) -> None:
    pumper = Pumper(lambda: create_window("windows-test"))
    assert window_of(pumper.result.hwnd).thread is pumper.thread
    pumper.stop()


def test_the_system_control_classes_exist_without_registering() -> None:
    window = create_window("edit", "12.5")  # any case, as class names are
    try:
        assert window.text == "12.5"
    finally:
        window.destroy()


def test_wm_gettext_from_another_thread_fills_the_senders_buffer_with_utf16() -> None:
    pumper = Pumper(lambda: create_window("Edit", "37.25"))
    try:
        buffer = bytearray(16)
        assert send_message(pumper.result.hwnd, WM_GETTEXT, 3, buffer) == 2
        assert bytes(buffer) == "37\0".encode("utf-16-le") + bytes(10)
        address = (ctypes.c_char * 16)()
        count = send_message(pumper.result.hwnd, WM_GETTEXT, 8, ctypes.addressof(address))
        assert (count, address.raw[:12]) == (5, "37.25\0".encode("utf-16-le"))
    finally:
        pumper.stop()


def test_a_slice_is_filled_as_far_as_the_memory_behind_it_reaches() -> None:
    pumper = Pumper(lambda: create_window("Edit", "abcdef"))
    try:
        whole = bytearray(8)
        view = memoryview(whole)[:2]  # two bytes counted, eight behind them
        assert send_message(pumper.result.hwnd, WM_GETTEXT, 7, view) == 6
        assert bytes(whole) == "abcd".encode("utf-16-le")
    finally:
        pumper.stop()
