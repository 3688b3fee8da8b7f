"""Threads seen from outside: who a thread id names now, and when that thread ends.

Most threads are seen to end on themselves (``_thread``: the bootstrap of ``start_thread``,
or the exit sentinel in a ``threading`` thread's locals). Two kinds are not:

* a thread adopted by id from another thread (``OpenThread``, ``PostThreadMessage`` to a
  thread that has never called the library): nothing of ours runs on it;
* a thread a C library started, which runs Python only inside callbacks: CPython gives it a
  new thread state, and new thread-locals, for every callback, so a sentinel would report its
  end when its first callback returns.

Their end is seen here, by native id. On Linux 6.9 and later a pidfd opened with
``PIDFD_THREAD`` becomes readable when the thread exits, and one service thread blocks on
all of them; on older kernels that thread polls ``/proc/self/task`` every
:data:`POLL_SECONDS`. Elsewhere only threads that ``threading`` knows can be seen, polled
the same way.

Thread ids are reused once a thread is gone, so a thread is named by its id *and* an
identity token (:func:`identity`): its start time (field 22 of
``/proc/self/task/TID/stat``), or where there is no ``/proc`` its ``threading`` ident.
"""

from __future__ import annotations

import os
import select
import selectors
import sys
import threading
import time
from typing import TYPE_CHECKING, final

from .._fork import SERVICES, TABLE, after_fork_in_child, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "EXIT_GRACE_SECONDS",
    "POLL_SECONDS",
    "ThreadWatch",
    "exiting",
    "identity",
    "thread_watch",
]

POLL_SECONDS = 0.05
"""How often the end of a thread with no pidfd is looked for."""

EXIT_GRACE_SECONDS = 0.05
"""How long a thread unknown to ``threading`` is given to show it is on its way out."""

PIDFD_THREAD = os.O_EXCL
"""pidfd_open's flag for a pidfd of one thread (Linux 6.9), which is ``O_EXCL``."""

_PROC = sys.platform.startswith("linux") and os.path.isdir("/proc/self/task")


def identity(native_id: int) -> int | None:
    """Return the identity token of this process's live thread with that id, None if none.

    Two threads that had the same id at different times have different tokens.
    """
    if _PROC:
        try:
            fd = os.open(f"/proc/self/task/{native_id}/stat", os.O_RDONLY)
        except OSError:
            return None
        try:
            data = os.read(fd, 1024)
        except OSError:
            return None
        finally:
            os.close(fd)
        fields = data[data.rindex(b")") + 2 :].split()  # after the name, which may hold spaces
        if fields[0] in (b"Z", b"X"):  # exited, not yet gone from /proc
            return None
        return int(fields[19])  # field 22: the start time, in clock ticks since boot
    for thread in threading.enumerate():
        if thread.native_id == native_id and thread.is_alive():
            return thread.ident
    return None


def exiting(native_id: int, token: int) -> bool:
    """Tell whether the thread ``native_id`` with ``token`` ends within a short grace.

    A thread that ``threading`` has seen finish (its ``join()`` has returned) lingers in
    ``/proc`` a moment, until its OS thread exits; nothing tells it from a C library's
    thread that never ran Python, except that it is about to go. Waiting up to
    :data:`EXIT_GRACE_SECONDS` for that costs only the adoption of a thread the library
    has never seen and ``threading`` does not know.
    """
    try:
        pidfd = os.pidfd_open(native_id, PIDFD_THREAD)
    except (AttributeError, OSError):
        pidfd = -1
    if pidfd >= 0:
        try:
            poller = select.poll()
            poller.register(pidfd, select.POLLIN)
            if poller.poll(int(EXIT_GRACE_SECONDS * 1000)):
                return True
        finally:
            os.close(pidfd)
        return identity(native_id) != token
    deadline = time.monotonic() + EXIT_GRACE_SECONDS
    while identity(native_id) == token:
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS / 10)
    return True


@final
class _Watched:
    """One thread being watched: its id, its token, what to call when it ends."""

    __slots__ = ("native_id", "on_end", "token")

    def __init__(self, native_id: int, token: int, on_end: Callable[[], None]) -> None:
        self.native_id = native_id
        self.token = token
        self.on_end = on_end

    def gone(self) -> bool:
        return identity(self.native_id) != self.token


@final
class ThreadWatch:
    """One service thread that calls ``on_end()`` for each watched thread once it has ended.

    ``on_end`` runs on the service thread ("apartment-threadwatch"), never on the thread
    that ended. The service thread starts with the first watch and after a fork starts
    again on demand.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        hold_across_fork(self._lock, TABLE)
        after_fork_in_child(self._after_fork_in_child, SERVICES)
        self._selector: selectors.BaseSelector | None = None
        self._wakeup: tuple[int, int] | None = None
        self._pending: list[_Watched] = []  # handed to the service thread at its next turn
        self._polled: list[_Watched] = []  # service thread only: threads with no pidfd

    def watch(self, native_id: int, token: int, on_end: Callable[[], None]) -> None:
        """Call ``on_end()`` once the thread ``native_id`` with ``token`` has ended."""
        with self._lock:
            self._pending.append(_Watched(native_id, token, on_end))
            if self._selector is None:
                self._selector = selectors.DefaultSelector()
                self._wakeup = os.pipe()
                self._selector.register(self._wakeup[0], selectors.EVENT_READ, None)
                threading.Thread(
                    target=self._serve,
                    args=(self._selector, self._wakeup[0]),
                    name="apartment-threadwatch",
                    daemon=True,
                ).start()
            wakeup = self._wakeup
        assert wakeup is not None
        os.write(wakeup[1], b"\0")

    def _serve(self, selector: selectors.BaseSelector, wakeup: int) -> None:
        """Block on the pidfds, polling the threads without one (service thread)."""
        polled = self._polled
        while True:
            for key, _ in selector.select(POLL_SECONDS if polled else None):
                if key.data is None:
                    os.read(wakeup, 512)
                    with self._lock:
                        pending, self._pending = self._pending, []
                    for watched in pending:
                        self._add(selector, watched)
                    continue
                selector.unregister(key.fd)
                os.close(key.fd)
                key.data.on_end()
            if polled:
                for watched in [watched for watched in polled if watched.gone()]:
                    polled.remove(watched)
                    watched.on_end()

    def _add(self, selector: selectors.BaseSelector, watched: _Watched) -> None:
        """Open a pidfd for a newly watched thread, or poll it (service thread)."""
        try:
            pidfd = os.pidfd_open(watched.native_id, PIDFD_THREAD)
        except (AttributeError, OSError):  # no pidfds of threads here (Linux before 6.9)
            pidfd = -1
        if watched.gone():  # ended before the pidfd, which may then name a later thread
            if pidfd >= 0:
                os.close(pidfd)
            watched.on_end()
        elif pidfd >= 0:
            selector.register(pidfd, selectors.EVENT_READ, watched)
        else:
            self._polled.append(watched)

    def _after_fork_in_child(self) -> None:
        """Forget the parent's service thread and its descriptors (the kernel ends its threads)."""
        selector, wakeup = self._selector, self._wakeup
        self._selector, self._wakeup, self._pending, self._polled = None, None, [], []
        if selector is not None:
            for key in list(selector.get_map().values()):
                if key.data is not None:
                    os.close(key.fd)
            selector.close()
        if wakeup is not None:
            os.close(wakeup[0])
            os.close(wakeup[1])


thread_watch = ThreadWatch()
"""The process's watch over threads whose end is seen from outside."""
