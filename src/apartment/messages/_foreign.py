"""Windows of other processes: finding them, asking about them, posting and sending to them.

A handle that is not a window of this process may be one of another process of the session:
its block of handles says which (:mod:`._hwnd_blocks`), and that process's window server
(:mod:`._window_server`) answers. Nothing here runs for a window of this process: the
callers look their own table up first, and come here only when it has no such window.

Quick requests (a post, a question) go over one connection per other process, kept by this
process and taken by one thread at a time, so the posts of this process to another arrive in
the order they were made. A send has a connection of its own, whose reply a helper thread
reads: the sending thread meanwhile waits for that reply *and* for messages sent to it, which
it handles (two processes that send to each other do not deadlock). A process that dies
closes its end: the sender learns it at once.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import threading
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import _clock
from .._fork import CLOCK, hold_across_fork
from .._runtime import connect, subdir
from .._wire import FrameError, FrameReader, recv_frame, send_frame
from ..errors import (
    AccessDeniedError,
    InvalidThreadIdError,
    MessageTimeoutError,
    Win32Error,
)
from ..kernel import Event
from ..kernel.lowlevel import KERNEL_LOCK, wait_any_unchecked
from ._constants import QS_SENDMESSAGE, SMTO_BLOCK
from ._crossing import WM_GETTEXT, fill_text, marshal, plain
from ._hwnd_blocks import live_owners, owner_of
from ._queue import current_queue

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from ._queue import MessageQueue

__all__ = [
    "ForeignWindow",
    "foreign_window",
    "foreign_windows",
    "merge_by_stamp",
    "post_elsewhere",
    "post_to_window_of",
    "post_thread_elsewhere",
    "send_elsewhere",
    "socket_path",
]


def socket_path(pid: int) -> Path:
    """Where process ``pid`` listens for requests to its windows (:mod:`._window_server`)."""
    return subdir("windows") / f"{pid}.sock"


ASK_TIMEOUT = 10.0
"""Seconds a process has to answer a question or take a post (its server thread does).

A process that has ended is seen at once (its socket refuses or closes); this bounds only a
live one that does not answer, which a loaded machine must not be taken for."""


class ForeignWindow(NamedTuple):
    """What this process knows of a window of another process (as its server told it)."""

    hwnd: int
    pid: int
    thread_id: int
    class_name: str
    title: str
    visible: bool
    message_only: bool
    top_level: bool
    stamp: int  # its creation time (CLOCK_MONOTONIC ns): newer is higher in the z-order
    rect: tuple[int, int, int, int]


def _record(pid: int, fields: list[Any]) -> ForeignWindow:
    hwnd, tid, name, title, visible, message_only, top_level, stamp = fields[:8]
    rect = (int(fields[8]), int(fields[9]), int(fields[10]), int(fields[11]))
    return ForeignWindow(
        int(hwnd), pid, int(tid), str(name), str(title), bool(visible), bool(message_only),
        bool(top_level), int(stamp), rect,
    )  # fmt: skip


class _GoneError(Exception):
    """The other process does not answer: it has ended, or never listened."""


class _Channel:
    """This process's connection to another one, for quick requests; one thread at a time."""

    __slots__ = ("lock", "pid", "reader", "sock")

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.lock = threading.Lock()
        self.sock: socket.socket | None = None
        self.reader: FrameReader | None = None

    def ask(self, request: list[Any]) -> Any:  # noqa: ANN401 - the answer is a frame's value
        with self.lock:
            for attempt in (0, 1):
                if self.sock is None:
                    try:
                        self.sock, _ = connect(socket_path(self.pid))
                    except OSError:
                        raise _GoneError from None
                    self.sock.settimeout(ASK_TIMEOUT)
                    self.reader = FrameReader(self.sock)
                try:
                    send_frame(self.sock, request)
                    more, answer = self.reader.read()  # type: ignore[union-attr]
                except (OSError, FrameError):
                    more = False
                if more:
                    return answer
                self.sock.close()
                self.sock = self.reader = None
                if attempt:  # a new connection failed too: it has gone
                    raise _GoneError
            raise _GoneError


_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf
_channels: dict[int, _Channel] = {}
_channels_pid = [os.getpid()]


def _close_channels() -> None:
    """At exit: close this process's connections to the others (they see the end at once)."""
    with _lock:
        if _channels_pid[0] == os.getpid():
            for kept in _channels.values():
                if kept.sock is not None:
                    kept.sock.close()
        _channels.clear()


atexit.register(_close_channels)


def _ask(pid: int, request: list[Any]) -> Any:  # noqa: ANN401 - the answer is a frame's value
    with _lock:
        if _channels_pid[0] != os.getpid():  # a forked child: the parent's are not ours
            for kept in _channels.values():
                if kept.sock is not None:
                    kept.sock.close()  # the child's copy only
            _channels.clear()
            _channels_pid[0] = os.getpid()
        channel = _channels.get(pid)
        if channel is None:
            channel = _channels[pid] = _Channel(pid)
    return channel.ask(request)


def _other_owner(hwnd: int) -> int | None:
    """The pid of the other live process whose handle ``hwnd`` is, or None."""
    owner = owner_of(hwnd)
    if owner is None or owner[0] == os.getpid():
        return None
    return owner[0]


# -- the directory ----------------------------------------------------------------------------


def foreign_window(hwnd: object) -> ForeignWindow | None:
    """The window ``hwnd`` of another process, or None if no other process has it."""
    if type(hwnd) is not int:
        return None
    pid = _other_owner(hwnd)
    if pid is None:
        return None
    try:
        fields = _ask(pid, ["info", hwnd])
    except _GoneError:
        return None
    return _record(pid, fields) if _well_formed(fields) else None


def _well_formed(fields: object) -> bool:
    """Whether a window's record from another process has the shape of :func:`_record`'s."""
    return (
        isinstance(fields, list)
        and len(fields) == 12
        and all(type(fields[i]) is int for i in (0, 1, 7, 8, 9, 10, 11))
        and isinstance(fields[2], str)
        and isinstance(fields[3], str)
    )


def foreign_windows() -> list[ForeignWindow]:
    """The top-level and message-only windows of every other live process, newest first."""
    found: list[ForeignWindow] = []
    for pid, _token in live_owners():
        try:
            records = _ask(pid, ["list"])
        except _GoneError:
            continue  # ended, or not listening yet: it has no window to show
        if isinstance(records, list):
            found.extend(_record(pid, fields) for fields in records if _well_formed(fields))
    found.sort(key=lambda window: window.stamp, reverse=True)
    return found


def merge_by_stamp(
    mine: list[tuple[int, int]], others: list[ForeignWindow]
) -> Iterator[tuple[int, bool]]:
    """``(hwnd, is_mine)`` of both lists (each newest first), newest first overall."""
    index = 0
    for hwnd, stamp in mine:
        while index < len(others) and others[index].stamp > stamp:
            yield others[index].hwnd, False
            index += 1
        yield hwnd, True
    for window in others[index:]:
        yield window.hwnd, False


# -- posting ----------------------------------------------------------------------------------


def _raise(code: int, what: str) -> None:
    if code:
        raise Win32Error.from_code(code, what)


def post_elsewhere(hwnd: int, msg: int, wparam: object, lparam: object) -> bool:
    """Post to the window ``hwnd`` of another process; False if no other process has it.

    Raises:
        Win32Error: the other process refused the post (its queue is full, say).
        TypeError: a parameter that cannot go to another process.
    """
    pid = _other_owner(hwnd)
    if pid is None:
        return False
    request = ["post", hwnd, msg, plain(wparam), plain(lparam)]
    try:
        code = _ask(pid, request)
    except _GoneError:
        return False
    _raise(code, f"process {pid} could not take message {msg:#x} for window {hwnd:#x}")
    return True


def post_to_window_of(window: ForeignWindow, msg: int, wparam: object, lparam: object) -> None:
    """Post to a window of another process, as a broadcast does (errors are skipped)."""
    with contextlib.suppress(_GoneError, Win32Error):
        _ask(window.pid, ["post", window.hwnd, msg, plain(wparam), plain(lparam)])


def post_thread_elsewhere(thread_id: int, msg: int, wparam: object, lparam: object) -> None:
    """Post a thread message to a thread of another process (PostThreadMessage).

    Raises:
        InvalidThreadIdError: no thread of that id has a message queue in any process.
    """
    pid = _process_of_thread(thread_id)
    if pid is None or pid == os.getpid():
        raise InvalidThreadIdError(f"no live thread has id {thread_id}")
    request = ["tpost", thread_id, msg, plain(wparam), plain(lparam)]
    try:
        code = _ask(pid, request)
    except _GoneError:
        raise InvalidThreadIdError(f"thread {thread_id} has no message queue") from None
    _raise(code, f"thread {thread_id} of process {pid} could not take message {msg:#x}")


def _process_of_thread(thread_id: int) -> int | None:
    """The process a (system-wide unique) thread id belongs to, from /proc."""
    try:
        with open(f"/proc/{thread_id}/status", "rb") as status:
            for line in status:
                if line.startswith(b"Tgid:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


# -- sending ----------------------------------------------------------------------------------


def send_elsewhere(
    hwnd: int,
    msg: int,
    wparam: object,
    lparam: object,
    *,
    timeout: float | None = None,
    flags: int = 0,
    notify: bool = False,
) -> int | None:
    """Send to the window ``hwnd`` of another process; None if no other process has it.

    The calling thread waits for the reply and handles messages sent to it meanwhile (not
    with SMTO_BLOCK). A notify send does not wait.

    Raises:
        InvalidWindowHandleError: the window went away before the message reached it.
        MessageTimeoutError: no answer within ``timeout``, or the owner is hung
            (SMTO_ABORTIFHUNG).
        AccessDeniedError: the owning thread, or its whole process, ended before it answered.
    """
    pid = _other_owner(hwnd)
    if pid is None:
        return None
    wire_wparam, wire_lparam = marshal(msg, wparam, lparam)
    request = ["send", hwnd, msg, wire_wparam, wire_lparam, flags, notify]
    if notify:
        try:
            answer = _ask(pid, request)
        except _GoneError:
            return None
        _raise(answer[1], f"window {hwnd:#x} of process {pid} did not take message {msg:#x}")
        return 0
    me = current_queue()  # sending is a message call: it creates the caller's queue
    try:
        sock, _ = connect(socket_path(pid))
    except OSError:
        return None
    reply = _Reply(sock)
    try:
        send_frame(sock, request)
    except OSError:
        sock.close()
        return None
    reply.start()
    answer = _await(reply, me, timeout, not flags & SMTO_BLOCK, pid)
    if answer is None:  # as for a thread that ends before it answers (the oracle's code too)
        raise AccessDeniedError(
            f"process {pid} ended before window {hwnd:#x} answered message {msg:#x}"
        )
    result, error, text = answer
    if error:
        _raise(error, f"window {hwnd:#x} of process {pid} did not answer message {msg:#x}")
    if msg == WM_GETTEXT and isinstance(text, str):
        fill_text(lparam, wparam, text)
    return int(result)


class _Reply:
    """The reply of one send, read by a helper thread; ``done`` is set when it is known."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.done = Event(manual_reset=True)
        self.answer: list[Any] | None = None  # None: the other end closed first

    def start(self) -> None:
        threading.Thread(target=self._read, name="apartment-windows-reply", daemon=True).start()

    def _read(self) -> None:
        try:
            more, answer = recv_frame(self.sock)
            if more and isinstance(answer, list) and len(answer) == 3:
                self.answer = answer
        except (OSError, FrameError):
            pass
        finally:
            self.sock.close()
            self.done.set()

    def abandon(self) -> None:
        """The sender gives up: end the helper's read (the reply, if it comes, is dropped)."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


def _await(
    reply: _Reply, me: MessageQueue, timeout: float | None, serve: bool, pid: int
) -> list[Any] | None:
    """Wait for a send's reply, handling messages sent to this thread meanwhile."""
    clock = _clock.get_clock()
    deadline = None if timeout is None else clock.now() + timeout
    objects = (reply.done, me.input) if serve else (reply.done,)
    while True:
        remaining = None if deadline is None else max(deadline - clock.now(), 0.0)
        if serve:
            with KERNEL_LOCK:
                me.input.arm(QS_SENDMESSAGE, True)
        result = wait_any_unchecked(objects, remaining)
        if result is None:
            reply.abandon()
            raise MessageTimeoutError(f"no answer from process {pid} in time")
        if result.index == 0:
            return reply.answer
        me.handle_pending_sent()
