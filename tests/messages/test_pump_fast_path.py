"""pump_messages takes and dispatches a posted window message itself (its fast path).

It must do exactly what a ``get_message()`` + ``dispatch_message()`` loop does: the same
procedures called with the same arguments in the same order, InSendMessage false inside,
thread messages and TIMERPROCs handled, a procedure's exception raised out of the loop with
the loop's state intact, WM_QUIT's code returned. Each script runs through both loops, on a
fresh thread each, and the records are compared.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from apartment.kernel import start_thread
from apartment.messages import (
    WM_QUIT,
    WM_TIMER,
    WM_USER,
    create_window,
    dispatch_message,
    get_message,
    in_send_message,
    post_message,
    post_quit_message,
    post_thread_message,
    pump_messages,
    quit_code,
    register_class,
)
from apartment.messages import def_window_proc as default_proc

_names = itertools.count()


class _BoomError(Exception):
    """Raised by a procedure on purpose."""


def _reference_loop() -> int:
    """The loop pump_messages stands for."""
    while True:
        message = get_message()
        if message[1] == WM_QUIT:
            return quit_code(message)
        dispatch_message(message)


def _run(script: list[tuple[str, int]], pump: bool) -> list[Any]:
    """Run ``script`` on a new thread through ``pump_messages`` (or the reference loop)."""
    record: list[Any] = []

    def body() -> None:
        name = f"pump-fast-path-{next(_names)}"

        def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
            if WM_USER <= msg < WM_USER + 100:
                which = "a" if hwnd == first.hwnd else "b"
                record.append((which, msg - WM_USER, wparam, lparam, in_send_message()))
                if lparam == "raise":
                    raise _BoomError(msg)
                return 0
            return default_proc(hwnd, msg, wparam, lparam)

        register_class(name, proc)
        first = create_window(name)
        second = create_window(name)
        for kind, value in script:
            if kind == "a":
                post_message(first.hwnd, WM_USER + value, value, None)
            elif kind == "b":
                post_message(second.hwnd, WM_USER + value, value, (value,))
            elif kind == "raise":
                post_message(first.hwnd, WM_USER + value, value, "raise")
            elif kind == "thread":
                post_thread_message(_self_id(), WM_USER + value, value, 0)
            elif kind == "timerproc":
                post_message(first.hwnd, WM_TIMER, value, _timerproc(record, value))
        post_quit_message(7)
        loop = pump_messages if pump else _reference_loop
        while True:
            try:
                record.append(("quit", loop()))
                break
            except _BoomError as error:
                record.append(("raised", error.args[0] - WM_USER, in_send_message()))
        first.destroy()
        second.destroy()

    thread = start_thread(body)
    assert thread.wait(30)
    assert thread.exit_code == 0
    return record


def _self_id() -> int:
    return threading.get_native_id()


def _timerproc(record: list[Any], value: int) -> Any:
    def proc(hwnd: int, msg: int, ident: object, time: object) -> None:
        record.append(("timerproc", value, msg == WM_TIMER, in_send_message()))

    return proc


_steps = st.lists(
    st.tuples(st.sampled_from(["a", "b", "raise", "thread", "timerproc"]), st.integers(0, 99)),
    max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(_steps)
def test_pump_messages_does_what_get_and_dispatch_do(script: list[tuple[str, int]]) -> None:
    assert _run(script, pump=True) == _run(script, pump=False)


def test_a_posted_window_message_reaches_its_procedure_outside_any_send() -> None:
    record = _run([("a", 1), ("b", 2), ("thread", 3), ("a", 4)], pump=True)
    assert record == [
        ("a", 1, 1, None, False),
        ("b", 2, 2, (2,), False),
        ("a", 4, 4, None, False),
        ("quit", 7),
    ]


def test_a_procedure_that_raises_leaves_the_loop_usable() -> None:
    record = _run([("a", 1), ("raise", 2), ("a", 3)], pump=True)
    assert record == [
        ("a", 1, 1, None, False),
        ("a", 2, 2, "raise", False),
        ("raised", 2, False),
        ("a", 3, 3, None, False),
        ("quit", 7),
    ]
