"""Wait, without sleeping, until a thread is parked in a kernel wait."""

from __future__ import annotations

import _thread
import threading
import time

from ..kernel import ThreadHandle, Waitable, thread_by_id
from ..kernel.lowlevel import KERNEL_LOCK, is_parked, unwatch_parks, watch_parks

__all__ = ["wait_until_blocked", "is_blocked"]


def _handle(thread: ThreadHandle | threading.Thread | int) -> ThreadHandle | None:
    if isinstance(thread, ThreadHandle):
        return thread
    native_id = thread.native_id if isinstance(thread, threading.Thread) else thread
    return None if native_id is None else thread_by_id(native_id)


def is_blocked(thread: ThreadHandle | threading.Thread | int, on: Waitable | None = None) -> bool:
    """Tell whether ``thread`` is parked in a wait (on ``on``, if given) right now."""
    handle = _handle(thread)  # before the kernel lock: a lookup by id takes it too
    if handle is None:
        return False
    with KERNEL_LOCK:
        return is_parked(handle, on)


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
        handle = _handle(thread)  # before the kernel lock: a lookup by id takes it too
        watcher = _thread.allocate_lock()
        watcher.acquire()
        with KERNEL_LOCK:
            if handle is not None and is_parked(handle, on):
                return
            watch_parks(watcher)
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not watcher.acquire(True, remaining):
            with KERNEL_LOCK:
                unwatch_parks(watcher)
            target = f" on {on!r}" if on is not None else ""
            raise TimeoutError(f"{thread!r} did not block{target} within {timeout} seconds")
