"""Windows of other processes: the session's directory, posting and sending across processes.

Every test has a real second process (a Python child of the same runtime directory). The
parent's window records what its procedure gets; children report on stdout and, where the
parent must know they are done, post a last message (posts of one process arrive in order).
Nothing sleeps: the parent pumps until that last message, or blocks on a pipe.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import textwrap
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import messages
from apartment.errors import (
    AccessDeniedError,
    InvalidThreadIdError,
    InvalidWindowHandleError,
    MessageTimeoutError,
)
from apartment.messages import (
    HWND_BROADCAST,
    HWND_MESSAGE,
    WM_GETTEXT,
    WM_SETTEXT,
    WM_USER,
    TextBuffer,
)
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

WM_COPYDATA = 0x004A
DONE = WM_USER + 99  # a child's last post: everything it posted before has arrived
_PRELUDE = "import os, sys, struct, array\nfrom apartment import messages as m\n"


_started: list[subprocess.Popen[str]] = []  # this test's children (the main thread's list)


def _child(code: str, **options: Any) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _PRELUDE + textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )
    _started.append(child)
    return child


@pytest.fixture(autouse=True)
def _reap_children() -> Iterator[None]:
    """After a test, passed or failed: its children are killed if they still run, and reaped,
    and their pipes closed (a pipe left open is a ResourceWarning in a later test)."""
    yield
    children = list(_started)
    _started.clear()
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(60)
        for pipe in (child.stdin, child.stdout, child.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()


def _finish(child: subprocess.Popen[str]) -> str:
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    return out


class Parent:
    """A window of the test thread that records (msg, wparam, lparam) of what it gets."""

    def __init__(self, title: str = "the parent") -> None:
        self.class_name = f"xwin-parent-{os.getpid()}-{id(self)}"
        self.got: list[tuple[int, Any, Any]] = []
        self.done = 0
        self.answer: dict[int, Any] = {}
        messages.register_class(self.class_name, self._proc)
        self.window = messages.create_window(self.class_name, title)
        self.hwnd = self.window.hwnd

    def _proc(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == DONE:
            self.done += 1
            return 0
        if msg >= WM_USER or msg == WM_COPYDATA:
            if msg == WM_COPYDATA:
                data_word, size, address = __import__("struct").unpack(
                    "PLP", messages.read_memory(lparam, 24)
                )
                lparam = (data_word, bytes(messages.read_memory(address, size)))
            self.got.append((msg, wparam, lparam))
            reply = self.answer.get(msg, 0)
            return int(reply(wparam) if callable(reply) else reply)
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    def pump_until_done(self, children: int = 1) -> None:
        while self.done < children:
            messages.dispatch_message(messages.get_message())

    def close(self) -> None:
        self.window.destroy()
        messages.unregister_class(self.class_name)


@pytest.fixture
def parent() -> Iterator[Parent]:
    made = Parent()
    yield made
    made.close()


def test_a_child_finds_the_window_and_asks_about_it(parent: Parent) -> None:
    child = _child(
        f"""
        hwnd = m.find_window({parent.class_name!r}, None)
        print(repr([hwnd, m.find_window(None, "THE PARENT"), m.get_class_name(hwnd),
                    m.get_window_text(hwnd), m.is_window(hwnd), m.is_window_visible(hwnd),
                    m.window_rect(hwnd), list(m.window_thread_process_id(hwnd)),
                    hwnd in list(m.top_level_windows()),
                    m.find_window({parent.class_name!r}, None, parent=m.HWND_MESSAGE)]))
        m.post_message(hwnd, {DONE})
        """
    )
    parent.pump_until_done()
    seen = eval(_finish(child))
    assert seen == [
        parent.hwnd, parent.hwnd, parent.class_name, "the parent", True, False,
        parent.window.rect, [threading.get_native_id(), os.getpid()], True, 0,
    ]  # fmt: skip


def test_handles_are_unique_in_the_session(parent: Parent) -> None:
    child = _child(
        "m.register_class('c', m.def_window_proc); print(m.create_window('c', 'x').hwnd)"
    )
    hwnd = int(_finish(child))
    assert hwnd != parent.hwnd
    assert not messages.is_window(hwnd)  # its process has ended: its window is gone


def test_a_killed_process_takes_its_windows_away() -> None:
    child = _child(
        """
        m.register_class("xwin-doomed", m.def_window_proc)
        w = m.create_window("xwin-doomed", "doomed")
        only = m.create_window("xwin-doomed", "message only", parent=m.HWND_MESSAGE)
        print(w.hwnd, only.hwnd, flush=True)
        sys.stdin.read()
        """
    )
    hwnd, only = map(int, child.stdout.readline().split())  # type: ignore[union-attr]
    assert messages.is_window(hwnd)
    assert messages.find_window("xwin-doomed", "DOOMED") == hwnd
    assert messages.find_window("xwin-doomed", None, parent=HWND_MESSAGE) == only
    # FindWindow (no parent) looks at the message-only windows after the top-level ones; the
    # desktop's children are the top-level windows only.
    assert messages.find_window("xwin-doomed", "message only") == only
    desktop = messages.desktop_window()
    assert messages.find_window("xwin-doomed", "message only", parent=desktop) == 0
    assert messages.get_window_text(hwnd) == "doomed"
    child.kill()
    child.communicate(timeout=60)
    assert not messages.is_window(hwnd)
    assert messages.find_window("xwin-doomed", None) == 0
    assert hwnd not in list(messages.top_level_windows())
    with pytest.raises(InvalidWindowHandleError):
        messages.post_message(hwnd, WM_USER)
    with pytest.raises(InvalidWindowHandleError):
        messages.get_class_name(hwnd)


def test_posts_arrive_in_order_and_wm_copydata_is_copied(parent: Parent) -> None:
    parent.answer[WM_COPYDATA] = 4321
    child = _child(
        f"""
        hwnd = m.find_window({parent.class_name!r}, None)
        for n in range(20):
            m.post_message(hwnd, {WM_USER + 1}, n, -n)
        m.post_message(hwnd, {WM_USER + 2}, "text", b"bytes")
        data = array.array("b", b"copied across")
        address, count = data.buffer_info()
        packed = struct.pack("PLP", 77, count, address)
        print(m.send_message(hwnd, {WM_COPYDATA}, 5, packed))  # the struct as pywin32 passes it
        import ctypes
        empty = ctypes.create_string_buffer(struct.pack("PLP", 0, 0, 0))
        print(m.send_message(hwnd, {WM_COPYDATA}, 6, ctypes.addressof(empty)))  # an address
        m.post_message(hwnd, {DONE})
        """
    )
    parent.pump_until_done()
    assert _finish(child).split() == ["4321", "4321"]
    posts = [(wparam, lparam) for msg, wparam, lparam in parent.got if msg == WM_USER + 1]
    assert posts == [(n, -n) for n in range(20)]
    assert (WM_USER + 2, "text", b"bytes") in parent.got
    copies = [(wparam, lparam) for msg, wparam, lparam in parent.got if msg == WM_COPYDATA]
    assert copies == [(5, (77, b"copied across")), (6, (0, b""))]


def test_pointer_messages_cannot_be_posted_but_are_sent_with_their_text(parent: Parent) -> None:
    child = _child(
        f"""
        hwnd = m.find_window({parent.class_name!r}, None)
        try:
            m.post_message(hwnd, {WM_SETTEXT}, 0, "no")
        except Exception as error:
            print(type(error).__name__, error.winerror)
        print(m.send_message(hwnd, {WM_SETTEXT}, 0, "new title"))
        buffer = m.TextBuffer(5)
        print(m.send_message(hwnd, {WM_GETTEXT}, 5, buffer), buffer.text)
        m.post_message(hwnd, {DONE})
        """
    )
    parent.pump_until_done()
    assert _finish(child).split() == ["MessageSyncOnlyError", "1159", "1", "4", "new"]
    assert parent.window.title == "new title"


def test_get_window_text_of_another_process_reads_the_kept_text() -> None:
    child = _child(
        """
        def proc(hwnd, msg, wparam, lparam):
            if msg == m.WM_GETTEXT:
                lparam.text = "from the procedure"
                return len(lparam.text)
            return m.def_window_proc(hwnd, msg, wparam, lparam)
        m.register_class("xwin-text", proc)
        w = m.create_window("xwin-text", "kept")
        print(w.hwnd, flush=True)
        while True:
            message = m.get_message()
            if message.message == m.WM_QUIT:
                break
            m.dispatch_message(message)
        """
    )
    hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
    assert messages.get_window_text(hwnd) == "kept"  # nothing sent, as Windows does
    buffer = TextBuffer(64)
    assert messages.send_message(hwnd, WM_GETTEXT, 64, buffer) == len("from the procedure")
    assert buffer.text == "from the procedure"
    _, thread_id = _ids(hwnd)
    messages.post_thread_message(thread_id, messages.WM_QUIT)
    _finish(child)


def _ids(hwnd: int) -> tuple[int, int]:
    thread_id, pid = messages.window_thread_process_id(hwnd)
    return pid, thread_id


def test_sends_between_two_processes_nest_without_deadlock(parent: Parent) -> None:
    """The parent sends to the child, whose procedure sends back to the parent meanwhile."""
    parent.answer[WM_USER + 5] = lambda wparam: wparam * 2
    child = _child(
        f"""
        parent = m.find_window({parent.class_name!r}, None)
        def proc(hwnd, msg, wparam, lparam):
            if msg == {WM_USER + 4}:
                return m.send_message(parent, {WM_USER + 5}, wparam) + 1
            return m.def_window_proc(hwnd, msg, wparam, lparam)
        m.register_class("xwin-nest", proc)
        w = m.create_window("xwin-nest", "")
        print(w.hwnd, flush=True)
        while True:
            message = m.get_message()
            if message.message == m.WM_QUIT:
                break
            m.dispatch_message(message)
        """
    )
    hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
    assert messages.send_message(hwnd, WM_USER + 4, 20) == 41
    assert parent.got == [(WM_USER + 5, 20, 0)]
    thread_id = messages.window_thread_process_id(hwnd)[0]
    messages.post_message(hwnd, messages.WM_CLOSE)
    messages.post_thread_message(thread_id, messages.WM_QUIT)
    _finish(child)


_SILENT = """
    m.register_class("xwin-silent", m.def_window_proc)
    w = m.create_window("xwin-silent", "")
    print(w.hwnd, flush=True)
    sys.stdin.read()  # never pumps
"""


def test_a_send_that_gets_no_answer_times_out() -> None:
    child = _child(_SILENT)
    hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
    with pytest.raises(MessageTimeoutError) as raised:
        messages.send_message(hwnd, WM_USER, timeout=0.1)
    assert raised.value.winerror == 1460
    messages.send_notify_message(hwnd, WM_USER)  # queued: it does not wait
    _finish(child)


def test_a_send_to_a_process_killed_meanwhile_returns_at_once() -> None:
    child = _child(_SILENT)
    hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
    me = threading.get_native_id()
    killed: list[float] = []

    def kill() -> None:
        wait_until_blocked(me)
        killed.append(time.monotonic())
        child.kill()

    killer = threading.Thread(target=kill)
    killer.start()
    with pytest.raises(AccessDeniedError):
        messages.send_message(hwnd, WM_USER, timeout=30.0)
    assert time.monotonic() - killed[0] < 1.0
    killer.join()
    child.communicate(timeout=60)


def test_a_thread_of_another_process_gets_posted_thread_messages() -> None:
    child = _child(
        """
        m.peek_message()  # a message queue for this thread
        print(__import__("threading").get_native_id(), flush=True)
        message = m.get_message()
        print(message.hwnd, message.message, message.wparam, message.lparam)
        """
    )
    thread_id = int(child.stdout.readline())  # type: ignore[union-attr]
    messages.post_thread_message(thread_id, WM_USER + 7, 8, 9)
    assert _finish(child).split() == ["0", str(WM_USER + 7), "8", "9"]
    with pytest.raises(InvalidThreadIdError):
        messages.post_thread_message(thread_id, WM_USER)


def test_a_post_succeeds_though_the_thread_that_gets_it_ends_its_process_at_once() -> None:
    """The post is answered before the process ends: the message arrived, the post succeeded.

    The child's thread may run (and the child exit) before the thread that took the post has
    answered; the exit lets that answer go first (a race: several rounds make it likely).
    """
    for _ in range(5):
        child = _child(
            """
            m.peek_message()
            print(__import__("threading").get_native_id(), flush=True)
            m.get_message()
            """
        )
        thread_id = int(child.stdout.readline())  # type: ignore[union-attr]
        messages.post_thread_message(thread_id, WM_USER + 1)
        _finish(child)


_FORKED_CHILD_ENDS_AT_ONCE = """
import multiprocessing, sys
from apartment import messages as m

def child(ids):
    m.peek_message()
    ids.send(__import__("threading").get_native_id())
    m.get_message()  # and return: a forked child ends with os._exit, without atexit

if __name__ == "__main__":
    m.peek_message()  # this process listens before it forks, as a program that posts does
    context = multiprocessing.get_context(sys.argv[1])
    for _ in range(int(sys.argv[2])):
        ours, theirs = context.Pipe()
        process = context.Process(target=child, args=(theirs,))
        process.start()
        m.post_thread_message(ours.recv(), m.WM_USER + 1)
        process.join(30)
        assert process.exitcode == 0, process.exitcode
    print("ok")
"""


@pytest.mark.parametrize(("method", "rounds"), [("fork", 30), ("spawn", 5)])
def test_a_post_to_a_multiprocessing_child_that_ends_at_once_succeeds(
    method: str, rounds: int, tmp_path: Path
) -> None:
    """As above, for a child of ``multiprocessing``. A forked one kept its parent's queue
    but did not listen (every post to it failed with ERROR_INVALID_THREAD_ID), and it ends
    with ``os._exit``, which skipped the exit's grace."""
    program = tmp_path / "posts_to_children.py"  # a file: spawn imports the child's function
    program.write_text(_FORKED_CHILD_ENDS_AT_ONCE)
    done = subprocess.run(
        [sys.executable, str(program), method, str(rounds)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ok"), done.stderr


def test_registered_messages_and_broadcasts_reach_every_process(parent: Parent) -> None:
    number = messages.register_window_message(f"xwin-broadcast-{os.getpid()}")
    assert 0xC000 <= number <= 0xFFFF
    parent.answer[number] = 0
    child = _child(
        f"""
        number = m.register_window_message({f"XWIN-BROADCAST-{os.getpid()}"!r})
        m.post_message(m.HWND_BROADCAST, number, 1, 0)
        m.send_message(m.HWND_BROADCAST, number, 2, 0, timeout=5.0)
        m.send_notify_message(m.HWND_BROADCAST, number, 3, 0)
        m.post_message(m.find_window({parent.class_name!r}, None), {DONE})
        print(number)
        """
    )
    parent.pump_until_done()
    assert int(_finish(child)) == number
    assert sorted(wparam for msg, wparam, _ in parent.got if msg == number) == [1, 2, 3]
    assert HWND_BROADCAST == 0xFFFF


@settings(max_examples=4, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=3))
def test_posts_from_many_processes_arrive_once_each_in_order(counts: list[int]) -> None:
    parent = Parent()
    try:
        children = [
            _child(
                f"""
                hwnd = m.find_window({parent.class_name!r}, None)
                for n in range({count}):
                    m.post_message(hwnd, {WM_USER + 1}, {sender}, n)
                m.post_message(hwnd, {DONE})
                """
            )
            for sender, count in enumerate(counts)
        ]
        parent.pump_until_done(len(children))
        for child in children:
            _finish(child)
        for sender, count in enumerate(counts):
            got = [n for msg, who, n in parent.got if msg == WM_USER + 1 and who == sender]
            assert got == list(range(count))
        assert len(parent.got) == sum(counts)
    finally:
        parent.close()
