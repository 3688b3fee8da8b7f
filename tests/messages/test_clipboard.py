"""The clipboard: one per session, shared by processes, opened by one thread at a time.

Threads are ordered with events and joins; other processes are real ones, started with
``subprocess`` and told apart by their output, and one is killed (SIGKILL) while it holds the
clipboard. The rules themselves are checked against the real pywin32 by
``tests/contract/test_clipboard.py``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import sys
import textwrap
import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import messages
from apartment.errors import (
    ERROR_NOT_LOCKED,
    AccessDeniedError,
    ClipboardNotOpenError,
    InvalidHandleError,
    InvalidParameterError,
    InvalidWindowHandleError,
    Win32Error,
)
from apartment.kernel import Event, start_thread
from apartment.messages import (
    CF_LOCALE,
    CF_OEMTEXT,
    CF_TEXT,
    CF_UNICODETEXT,
    clipboard,
    clipboard_data,
    clipboard_data_handle,
    clipboard_formats,
    clipboard_open_window,
    clipboard_owner,
    clipboard_sequence_number,
    close_clipboard,
    empty_clipboard,
    global_data,
    open_clipboard,
    set_clipboard_block,
    set_clipboard_data,
)
from apartment.messages._clipboard_store import clipboard_path
from apartment.messages._liveness import current_identity, process_alive, thread_alive

from ._helpers import Pumper

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

WAIT = 10.0  # a guard only


@pytest.fixture(autouse=True)
def empty() -> Iterator[None]:
    with clipboard():
        empty_clipboard()
    yield
    with contextlib.suppress(ClipboardNotOpenError):
        close_clipboard()
    with clipboard():
        empty_clipboard()


@pytest.fixture
def window() -> Iterator[int]:
    name = f"clipboard-test-{os.getpid()}-{id(object())}"
    messages.register_class(name, messages.def_window_proc)
    made = messages.create_window(name, "", parent=messages.HWND_MESSAGE)
    yield made.hwnd
    if messages.is_window(made.hwnd):
        messages.destroy_window(made.hwnd)
    messages.unregister_class(name)


def _in_thread(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on a new thread to its end; its result (or its exception, raised here)."""
    out: list[Any] = []

    def body() -> None:
        try:
            out.append(fn())
        except BaseException as error:  # handed to the test's thread
            out.append(error)

    thread = start_thread(body)
    assert thread.wait(WAIT)
    if isinstance(out[0], BaseException):
        raise out[0]
    return out[0]


# -- one thread ------------------------------------------------------------------------------


def test_nothing_is_read_or_changed_without_opening() -> None:
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (close_clipboard, ()),
        (empty_clipboard, ()),
        (clipboard_data, (CF_TEXT,)),
        (messages.next_clipboard_format, (0,)),
        (set_clipboard_data, (CF_TEXT, b"x\0")),
    ]
    for call, args in calls:
        with pytest.raises(ClipboardNotOpenError) as caught:
            call(*args)
        assert caught.value.winerror == 1418


def test_opening_with_another_window_while_open_is_denied(window: int) -> None:
    with clipboard():
        open_clipboard()  # the same window (none): fine
        with pytest.raises(AccessDeniedError):
            open_clipboard(window)
    with clipboard(window):
        assert clipboard_open_window() == window
        with pytest.raises(AccessDeniedError):
            open_clipboard()
    assert clipboard_open_window() == 0


def test_a_window_must_exist_to_open_it() -> None:
    with pytest.raises(InvalidWindowHandleError):
        open_clipboard(0x7FFF0)


def test_emptying_gives_ownership_to_the_open_window(window: int) -> None:
    with clipboard(window):
        assert clipboard_owner() == 0
        empty_clipboard()
        assert clipboard_owner() == window
    assert clipboard_owner() == window
    with clipboard():
        empty_clipboard()
        assert clipboard_owner() == 0


def test_text_formats_are_synthesized_when_it_closes() -> None:
    before = clipboard_sequence_number()
    with clipboard():
        set_clipboard_data(CF_UNICODETEXT, "\u20ac 5\0".encode("utf-16-le"))
        assert clipboard_formats() == [CF_UNICODETEXT]
        assert clipboard_data(CF_TEXT) is None  # not yet
    assert clipboard_formats() == [CF_UNICODETEXT, CF_LOCALE, CF_TEXT, CF_OEMTEXT]
    assert clipboard_sequence_number() == before + 3
    with clipboard():
        assert clipboard_data(CF_TEXT) == b"\x80 5\0"  # the euro sign of code page 1252
        assert clipboard_data(CF_OEMTEXT) == b"? 5\0"  # none in code page 437
        assert clipboard_data(CF_LOCALE) == b"\x09\x04\0\0"
        assert messages.next_clipboard_format(CF_LOCALE) == CF_TEXT
        assert messages.next_clipboard_format(CF_OEMTEXT) == 0
    assert clipboard_sequence_number() == before + 3  # closing unchanged adds nothing


def test_ansi_text_keeps_every_byte() -> None:
    with clipboard():
        set_clipboard_data(CF_TEXT, bytes(range(0x80, 0xA0)) + b"\0")
    with clipboard():
        text = clipboard_data(CF_UNICODETEXT)
    assert text is not None
    assert text.decode("utf-16-le")[:-1] == messages.decode_ansi(bytes(range(0x80, 0xA0)))
    assert messages.encode_ansi(messages.decode_ansi(bytes(range(256)))) == bytes(range(256))


def test_blocks_are_this_process_s_handles_to_the_data() -> None:
    with clipboard():
        first = set_clipboard_data(0x4400, b"one")
        assert global_data(first) == b"one"
        assert clipboard_data_handle(0x4400) == first
        second = set_clipboard_data(0x4400, b"two")
        with pytest.raises(InvalidHandleError):
            global_data(first)  # freed with the data it held
        assert set_clipboard_block(0x4401, second) == second
        assert clipboard_data(0x4401) == b"two"
        empty_clipboard()
        with pytest.raises(InvalidHandleError):
            global_data(second)
        with pytest.raises(Win32Error) as caught:
            set_clipboard_data(0x4400, b"")
        assert caught.value.winerror == ERROR_NOT_LOCKED


def test_delayed_data_is_listed_but_not_rendered(window: int) -> None:
    with clipboard(window):
        empty_clipboard()
        assert set_clipboard_data(0x4400, None) == 0
        assert clipboard_data(0x4400) is None
        assert clipboard_data_handle(0x4400) == 0
    messages.destroy_window(window)  # the owner goes: so does what only it could render
    assert clipboard_formats() == []
    assert clipboard_owner() == 0


def test_a_destroyed_open_window_closes_the_clipboard(window: int) -> None:
    open_clipboard(window)
    messages.destroy_window(window)
    assert clipboard_open_window() == 0
    with pytest.raises(ClipboardNotOpenError):
        close_clipboard()


def test_format_arguments_are_checked_at_the_door() -> None:
    with pytest.raises(TypeError):
        messages.is_clipboard_format_available("1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="UINT"):
        messages.is_clipboard_format_available(-1)
    with pytest.raises(TypeError):
        messages.register_clipboard_format(b"name")  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError):
        messages.clipboard_format_name(CF_TEXT)


def test_priority_format() -> None:
    assert messages.priority_clipboard_format([CF_TEXT]) == 0
    with clipboard():
        set_clipboard_data(0x4400, b"x")
    assert messages.priority_clipboard_format([CF_TEXT, 0x4400]) == 0x4400
    assert messages.priority_clipboard_format([CF_TEXT]) == -1


def test_the_file_is_the_user_s_alone() -> None:
    clipboard_formats()
    assert stat.S_IMODE(os.stat(clipboard_path()).st_mode) == 0o600


# -- threads ---------------------------------------------------------------------------------


def test_an_owner_on_another_thread_renders_when_its_data_is_read() -> None:
    rendered: list[int] = []

    def proc(hwnd: int, msg: int, wparam: Any, lparam: Any) -> int:
        if msg == messages.WM_RENDERFORMAT:
            rendered.append(threading.get_native_id())
            set_clipboard_data(wparam, b"from the owner's thread")
            return 0
        return messages.def_window_proc(hwnd, msg, wparam, lparam)

    name = f"clipboard-renderer-{os.getpid()}"
    messages.register_class(name, proc)
    pumper = Pumper(lambda: messages.create_window(name, parent=messages.HWND_MESSAGE).hwnd)
    try:
        owner = pumper.result
        with clipboard(owner):  # any thread may open it with any window of the process
            empty_clipboard()
            set_clipboard_data(0x4400, None)
        before = clipboard_sequence_number()
        with clipboard():
            assert clipboard_data(0x4400) == b"from the owner's thread"
        assert rendered == [pumper.thread.native_id]
        assert clipboard_sequence_number() == before  # rendering is no change
    finally:
        pumper.stop()
        messages.unregister_class(name)


def test_another_thread_puts_data_but_cannot_empty_or_read() -> None:
    with clipboard():

        def other() -> int:
            set_clipboard_data(0x4400, b"from a thread")
            with pytest.raises(ClipboardNotOpenError):
                empty_clipboard()
            with pytest.raises(ClipboardNotOpenError):
                clipboard_data(0x4400)
            return len(clipboard_formats())

        assert _in_thread(other) == 1
        assert clipboard_data(0x4400) == b"from a thread"


def test_a_thread_holding_it_shuts_out_other_windows_until_it_closes(window: int) -> None:
    opened, release = Event(manual_reset=True), Event(manual_reset=True)

    def holder() -> None:
        open_clipboard()
        set_clipboard_data(CF_TEXT, b"held\0")
        opened.set()
        release.wait(WAIT)
        close_clipboard()

    thread = start_thread(holder)
    assert opened.wait(WAIT)
    with pytest.raises(AccessDeniedError):
        open_clipboard(window)
    assert clipboard_open_window() == 0  # open with no window
    release.set()
    assert thread.wait(WAIT)
    open_clipboard(window)  # free now
    assert clipboard_data(CF_UNICODETEXT) == "held\0".encode("utf-16-le")
    close_clipboard()


def test_a_thread_that_ends_holding_it_closes_it() -> None:
    before = clipboard_sequence_number()

    def forgetful() -> None:
        open_clipboard()
        set_clipboard_data(CF_TEXT, b"left\0")

    _in_thread(forgetful)
    with pytest.raises(ClipboardNotOpenError):
        close_clipboard()
    assert CF_UNICODETEXT in clipboard_formats()  # closed as CloseClipboard closes it
    assert clipboard_sequence_number() == before + 3


def test_the_same_window_from_another_thread_takes_it_over(window: int) -> None:
    open_clipboard(window)
    _in_thread(lambda: open_clipboard(window))  # and ends: that closes it
    with pytest.raises(ClipboardNotOpenError):
        close_clipboard()


# -- processes -------------------------------------------------------------------------------


def _child(code: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


_HOLDER = """
    import sys
    from apartment import messages as m
    m.register_class("holder", m.def_window_proc)
    hwnd = m.create_window("holder", "", parent=m.HWND_MESSAGE).hwnd
    m.open_clipboard(hwnd)
    m.empty_clipboard()
    m.set_clipboard_data(0x4400, b"from the child")
    m.set_clipboard_data(0x4401, None)
    print(hwnd, m.register_clipboard_format("apartment test: shared name"), flush=True)
    sys.stdin.read()  # until the test closes it, or kills this process
"""


def test_a_killed_holder_leaves_the_clipboard_to_the_others(window: int) -> None:
    child = _child(_HOLDER)
    try:
        assert child.stdout is not None
        hwnd, shared = (int(word) for word in child.stdout.readline().split())
        assert messages.register_clipboard_format("APARTMENT TEST: SHARED NAME") == shared
        with pytest.raises(AccessDeniedError):
            open_clipboard(window)
        assert clipboard_owner() == hwnd  # the child's window, by its handle there
        assert clipboard_formats() == [0x4400, 0x4401]
        before = clipboard_sequence_number()
        child.kill()
        child.communicate(timeout=WAIT)
        with clipboard(window):  # its holder is gone: the clipboard closed with it
            assert clipboard_data(0x4400) == b"from the child"
        assert clipboard_owner() == 0  # its window went with it, and its delayed format
        assert clipboard_formats() == [0x4400]
        assert clipboard_sequence_number() == before + 1
    finally:
        child.kill()
        child.communicate(timeout=WAIT)


def test_a_process_that_exits_holding_it_leaves_it_closed() -> None:
    child = _child(
        """
        from apartment import messages as m
        m.open_clipboard()
        m.set_clipboard_data(0x4400, b"bye")
        """
    )
    child.communicate(timeout=WAIT)
    assert child.returncode == 0
    with clipboard():
        assert clipboard_data(0x4400) == b"bye"


def test_identities_tell_the_living_from_the_dead() -> None:
    pid, ptoken, tid, token = current_identity()
    assert (pid, tid) == (os.getpid(), threading.get_native_id())
    assert process_alive(pid, ptoken)
    assert thread_alive(pid, tid, token)
    assert not thread_alive(pid, tid, token + 1)  # the same id, another thread
    child = _child("pass")
    child.communicate(timeout=WAIT)
    assert not process_alive(child.pid, 0)
    assert _in_thread(current_identity)[2] != tid
