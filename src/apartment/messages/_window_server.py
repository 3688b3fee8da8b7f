"""The window server of a process: what other processes ask of its windows.

A process that has made a message queue (a window, or a thread's first message call) listens
on ``windows/<pid>.sock`` in the user's runtime directory (0600, peers checked to run as the
user: :mod:`apartment._runtime`), as the window manager of a Windows session serves every
process. Each connection is served by a
thread of its own, one request at a time, in frames of :mod:`apartment._wire`:

* ``["list"]``: the records (:func:`window_record`) of the top-level and message-only windows.
* ``["info", hwnd]``: the record of any window of the process, or None.
* ``["post", hwnd, msg, wparam, lparam]`` and ``["tpost", tid, msg, wparam, lparam]``: post
  to the window's (the thread's) queue; the answer is 0 or a Win32 error code.
* ``["send", hwnd, msg, wparam, lparam, flags, notify]``: the message goes to the owner
  thread's queue as a message sent from another thread (:class:`~._send.Sent`), and runs in
  its window procedure when that thread next pumps; the serving thread waits for the reply
  and answers ``[result, error, text]`` (``text``: what WM_GETTEXT filled in). A notify send
  is answered at once.

The serving threads only carry messages: every window procedure runs on its window's own
thread, exactly as for a send from another thread of the process. Pointer parameters arrive
already copied (:mod:`._crossing`); WM_COPYDATA's lparam is made to point at a COPYDATASTRUCT
in this process, alive while the procedure runs.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import TYPE_CHECKING, Any

from .._fork import CLOCK, SERVICES, after_fork_in_child, hold_across_fork
from .._runtime import check_peer, listen, runtime_dir
from .._wire import FrameError, FrameReader, send_frame
from ..errors import (
    ERROR_INVALID_PARAMETER,
    ERROR_INVALID_WINDOW_HANDLE,
    ERROR_TIMEOUT,
    Win32Error,
)
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    Waiter,
    recycle_event,
    spare_event,
    wait_any_unchecked,
    wake_all,
)
from ._constants import HWND_MESSAGE, SMTO_ABORTIFHUNG
from ._crossing import WM_GETTEXT, unmarshal
from ._foreign import socket_path
from ._message import posted_message, ticks
from ._params import TextBuffer
from ._queue import THREAD_QUEUE, on_queue_start, queue_of
from ._send import Sent
from ._window_table import WINDOWS, desktop_hwnd
from ._windowpos import is_window_visible, window_rect

if TYPE_CHECKING:
    import socket
    from pathlib import Path

    from ._window import Window

__all__ = ["ensure_listening", "window_record"]

_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf
_listening: list[object] = [None]  # (pid, runtime directory) this process listens for


def ensure_listening() -> None:
    """Listen for other processes' requests, once per process (a new queue or window calls it).

    Runs on the thread that made the queue or the window; the serving threads are daemons.
    """
    try:
        key = (os.getpid(), str(runtime_dir()))
    except OSError:  # no usable runtime directory: this process's windows stay its own
        return
    if _listening[0] == key:
        return
    with _lock:
        if _listening[0] == key:
            return
        _listening[0] = key  # tried once: a process that cannot listen stays unreachable
        try:
            path = socket_path(key[0])
            sock = listen(path)
        except OSError:
            return
        threading.Thread(
            target=_accept, args=(sock,), name="apartment-windows-listener", daemon=True
        ).start()
        atexit.register(_withdraw, path)


_finalized_for = [0]  # the process whose multiprocessing finalizers are registered (under _lock)


def _at_a_multiprocessing_exit() -> None:
    """In a ``multiprocessing`` child, make the exit's grace and the socket's removal its
    finalizers too, once: a fork or forkserver child ends with ``os._exit``, which runs no
    atexit hook, after its finalizers (run twice in a spawned child: harmless).

    Called as a request is served, not when listening starts: a forked child's finalizers are
    cleared as its run begins, after the fork's hooks (and it is asked nothing before it runs).
    """  # noqa: D205
    pid = os.getpid()
    if _finalized_for[0] == pid:
        return
    process = sys.modules.get("multiprocessing")
    if process is None or process.parent_process() is None:
        return
    from multiprocessing import util

    with _lock:
        if _finalized_for[0] == pid:
            return
        _finalized_for[0] = pid
    util.Finalize(None, _let_answers_go, exitpriority=10)
    util.Finalize(None, _withdraw, args=(socket_path(pid),), exitpriority=9)


def _withdraw(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _accept(sock: socket.socket) -> None:
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        try:
            check_peer(conn)
        except (OSError, PermissionError):
            conn.close()
            continue
        threading.Thread(
            target=_serve, args=(conn,), name="apartment-windows-conn", daemon=True
        ).start()


def _serve(conn: socket.socket) -> None:
    """Answer the requests of one connection until it closes."""
    reader = FrameReader(conn)
    try:
        while True:
            try:
                more, request = reader.read()
            except (FrameError, OSError):
                return
            if not more:
                return
            answered: list[Sent] = []  # a send's message, once its answer is made
            _at_a_multiprocessing_exit()
            posting = isinstance(request, list) and bool(request) and request[0] in _POSTS
            if posting:
                _posting(1)
            try:
                try:
                    answer = _answer(request, answered)
                except Exception:  # a request that breaks the rules (or a window gone): refused
                    answer = ERROR_INVALID_PARAMETER
                send_frame(conn, answer)
            except (FrameError, OSError):
                return
            finally:
                for sent in answered:
                    _delivered(sent)
                if posting:
                    _posting(-1)
    finally:
        conn.close()


def window_record(window: Window) -> list[Any]:
    """What another process learns of a window; the kernel lock is not held.

    ``[hwnd, tid, class, title, visible, message_only, top_level, stamp, left, top, right,
    bottom]``.
    """
    with KERNEL_LOCK:
        top_level = not window.is_child and not window.message_only
        fields = [
            window.hwnd,
            window.thread.native_id,
            window.wclass.name,
            window.title,
        ]
        message_only = window.message_only
        stamp = window.stamp
    try:
        rect = list(window_rect(window.hwnd))
    except Win32Error:  # destroyed meanwhile
        rect = [0, 0, 0, 0]
    return [*fields, is_window_visible(window.hwnd), message_only, top_level, stamp, *rect]


def _answer(request: list[Any], answered: list[Sent]) -> object:
    kind = request[0]
    if kind == "list":
        with KERNEL_LOCK:
            shell = _shell_thread()
            windows = [
                w
                for w in WINDOWS.values()
                if not w.is_child and w.parent in (0, HWND_MESSAGE) and w.thread is not shell
            ]
        return [window_record(w) for w in windows if not w.destroyed]
    if kind == "info":
        with KERNEL_LOCK:
            window = WINDOWS.get(request[1])
            if window is not None and window.thread is _shell_thread():
                window = None
        return None if window is None else window_record(window)
    if kind == "post":
        return _post(request[1], request[2], request[3], request[4])
    if kind == "tpost":
        woken: list[Waiter] = []
        try:
            message = posted_message(0, request[2], request[3], request[4])
            queue = queue_of(request[1])  # not post_to_thread: this thread needs no queue
            with KERNEL_LOCK:
                queue.post(message, woken)
        except Win32Error as error:
            return error.winerror
        wake_all(woken)
        return 0
    if kind == "send":
        hwnd, msg, wparam, lparam, flags, notify = request[1:7]
        return _send(hwnd, msg, wparam, lparam, flags, notify, answered)
    raise ValueError(f"no request {kind!r}")


def _shell_thread() -> object:
    """The thread of this process's model desktop and shell, which no other process sees."""
    desktop = WINDOWS.get(desktop_hwnd())
    return None if desktop is None else desktop.thread


def _post(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    message = posted_message(hwnd, msg, wparam, lparam)
    woken: list[Waiter] = []
    try:
        with KERNEL_LOCK:
            window = WINDOWS.get(hwnd)
            if window is None or window.thread is _shell_thread():
                return ERROR_INVALID_WINDOW_HANDLE
            window.queue.post(message, woken)
    except Win32Error as error:
        return error.winerror
    wake_all(woken)
    return 0


def _send(
    hwnd: int,
    msg: int,
    wparam: object,
    lparam: object,
    flags: int,
    notify: bool,
    answered: list[Sent],
) -> object:
    with KERNEL_LOCK:
        window = WINDOWS.get(hwnd)
        if window is not None and window.thread is _shell_thread():
            window = None
    if window is None:
        return [0, ERROR_INVALID_WINDOW_HANDLE, None]
    target = window.queue
    if flags & SMTO_ABORTIFHUNG and target.hung(ticks()):
        return [0, ERROR_TIMEOUT, None]
    wparam, lparam, keep = unmarshal(msg, wparam, lparam)
    done = None if notify else spare_event()
    sent = Sent(window.proc, (hwnd, msg, wparam, lparam), done)
    woken: list[Waiter] = []
    if done is not None:
        with _in_flight_changed:
            _in_flight.add(sent)
        answered.append(sent)  # _serve lets it go once the answer is written
    try:
        with KERNEL_LOCK:
            target.send(sent, woken)
    except Win32Error as error:
        return [0, error.winerror, None]
    wake_all(woken)
    if done is None:
        return [0, 0, None]
    wait_any_unchecked((done,), None)
    recycle_event(done)
    del keep  # the copied parameters lived while the procedure ran
    text = lparam.text if msg == WM_GETTEXT and isinstance(lparam, TextBuffer) else None
    return [sent.result, sent.error, text]


# Sends from other processes not answered yet, so that an exit lets the answers go first: a
# procedure that ends its program (PostQuitMessage) has replied before the main thread ends.
# Posts too: the thread that gets a posted message may end the program before the serving
# thread has written "posted" (its poster would take the closed connection for a process that
# had gone before the post, and PostThreadMessage would fail although the message arrived).
_in_flight: set[Sent] = set()
_posts_answering = [0]  # posts made whose answer is not written yet (under the condition)
_in_flight_changed = threading.Condition(threading.Lock())
_EXIT_GRACE = 2.0  # seconds an exit waits for answers that are ready to be written
_POSTS = ("post", "tpost")


def _delivered(sent: Sent) -> None:
    with _in_flight_changed:
        _in_flight.discard(sent)
        _in_flight_changed.notify_all()


def _posting(change: int) -> None:
    """A post's request came in (+1), or its answer went out or failed (-1)."""
    with _in_flight_changed:
        _posts_answering[0] += change
        if not _posts_answering[0]:
            _in_flight_changed.notify_all()


def _let_answers_go() -> None:
    """At exit: wait (a little) until every reply already made has gone to its sender."""
    with _in_flight_changed:
        _in_flight_changed.wait_for(
            lambda: not _posts_answering[0] and not any(sent.replied for sent in _in_flight),
            _EXIT_GRACE,
        )


atexit.register(_let_answers_go)


on_queue_start(ensure_listening)  # a thread of this process may get posts from others now


def _after_fork_in_child() -> None:
    """A forked child listens for itself: its forking thread's queue came with it, and posts
    to that thread now come to the child's own socket (multiprocessing's fork children)."""  # noqa: D205, D209
    _in_flight.clear()
    _posts_answering[0] = 0
    if hasattr(THREAD_QUEUE, "queue"):  # the forking thread had a queue: it takes posts
        ensure_listening()  # (a new key: the pid changed)


after_fork_in_child(_after_fork_in_child, SERVICES)
