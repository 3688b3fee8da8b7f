"""Wait, without sleeping, until a thread is parked in a kernel wait."""

from __future__ import annotations

import _thread
import threading
import time

from ..kernel import ThreadHandle, Waitable, thread_by_id
from ..kernel._core import KERNEL_LOCK, blocked_watchers

__all__ = ["wait_until_blocked", "is_blocked"]


def _handle(thread: ThreadHandle | threading.Thread | int) -> ThreadHandle | None:
    if isinstance(thread, ThreadHandle):
        return thread
    native_id = thread.native_id if isinstance(thread, threading.Thread) else thread
    return None if native_id is None else thread_by_id(native_id)


def _blocked(handle: ThreadHandle | None, on: Waitable | None) -> bool:
    """Tell whether ``handle`` is parked (on ``on`` if given); kernel lock held."""
    if handle is None:
        return False
    waiter = handle._active
    if waiter is not None and waiter.result is None:
        return on is None or any(obj is on for obj in waiter.objects)
    return on is None and handle._gate_waiting


def is_blocked(thread: ThreadHandle | threading.Thread | int, on: Waitable | None = None) -> bool:
    """Tell whether ``thread`` is parked in a wait (on ``on``, if given) right now."""
    handle = _handle(thread)
    with KERNEL_LOCK:
        return _blocked(handle, on)


def wait_until_blocked(
    thread: ThreadHandle | threading.Thread | int,
    on: Waitable | None = None,
    timeout: float = 10.0,
) -> None:
    """Return once ``thread`` is parked in a kernel wait, on ``on`` if given.

    The thread may be a ThreadHandle, a ``threading.Thread`` or a native thread id. Every
    park notifies this function, so it never polls or sleeps; ``timeout`` (real seconds)
    is only a guard against a test that is wrong.

    Raises:
        TimeoutError: the thread did not block within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        watcher = _thread.allocate_lock()
        watcher.acquire()
        with KERNEL_LOCK:
            if _blocked(_handle(thread), on):
                return
            blocked_watchers.append(watcher)
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not watcher.acquire(True, remaining):
            with KERNEL_LOCK:
                if watcher in blocked_watchers:
                    blocked_watchers.remove(watcher)
            target = f" on {on!r}" if on is not None else ""
            raise TimeoutError(f"{thread!r} did not block{target} within {timeout} seconds")
