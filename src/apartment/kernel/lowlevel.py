"""The kernel's low-level API: what the layers above (messages, com, testing) build on.

``apartment.kernel`` is the API for users; this module is the one place where the rest of the
library reaches below it, as trio's ``_core`` exports exactly what the rest of trio may use.
Nothing outside ``apartment.kernel`` imports the kernel's private modules (a test enforces
it), so everything listed here is a promise to the upper layers and everything else may
change.

The rules of the game (see ``docs/design.md``, "The wait engine"):

* Kernel-object state and every wait list change only under :data:`KERNEL_LOCK`.
* Whoever makes an object ready calls :func:`release_waiters` with the lock held; it decides
  the results of the waiters it satisfies and appends them to a ``woken`` list, which the
  caller hands to :func:`wake_all` after dropping the lock.
* A :class:`~apartment.kernel.Waitable` subclass of an upper layer (a message queue's input,
  say) keeps ``_ready`` true while a wait would be satisfied now, and implements ``_take``.
  ``_take(thread)`` and the ``before(thread, woken)`` hook of :func:`wait_any_after` are given
  the waiting thread's :class:`ThreadState`, the engine's view of a thread (its handle is
  ``thread.handle``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core import KERNEL_LOCK as KERNEL_LOCK
from ._core import Waiter as Waiter
from ._core import release_waiters as release_waiters
from ._core import wake_all as wake_all
from ._event import Event as _Event
from ._event import WaitCodes as WaitCodes
from ._event import handle_calls as handle_calls
from ._event import recycle_event as recycle_event
from ._event import spare_event as spare_event
from ._fdwait import can_watch_files as can_watch_files
from ._fdwait import wait_any_or_readable as wait_any_or_readable
from ._parkwatch import is_parked as is_parked
from ._parkwatch import parked_on as parked_on
from ._parkwatch import unwatch_parks as unwatch_parks
from ._parkwatch import watch_parks as watch_parks
from ._thread import add_exit_hook as add_exit_hook
from ._threadstate import ThreadState as ThreadState
from ._wait import begin_async_wait as begin_async_wait
from ._wait import cancel_async_wait as cancel_async_wait
from ._wait import check_timeout as check_timeout
from ._wait import wait_any_after as wait_any_after
from ._wait import wait_any_forever as wait_any_forever
from ._wait import wait_any_unchecked as wait_any_unchecked
from ._wait import wait_resolved as wait_resolved
from ._wait import withdraw_async_wait as withdraw_async_wait

if TYPE_CHECKING:
    from . import _perf as perf
    from ._exitcodes import forget_exit_code as forget_exit_code
    from ._exitcodes import record_exit_code as record_exit_code
    from ._exitcodes import record_sys_exit as record_sys_exit
    from ._file import os_error as os_error
    from ._spawn import run_next_sitecustomize as run_next_sitecustomize
    from ._spawn import share_python_hooks as share_python_hooks
    from ._stdio import std_handle_values as std_handle_values
    from ._stdio import sweep_descriptors as sweep_descriptors
else:
    from .._lazy import lazy_names

    # The files, processes and performance data behind these are imported when first used:
    # most processes (a local server) never do.
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "perf": ("_perf", ""),
            "forget_exit_code": ("_exitcodes", "forget_exit_code"),
            "record_exit_code": ("_exitcodes", "record_exit_code"),
            "record_sys_exit": ("_exitcodes", "record_sys_exit"),
            "os_error": ("_file", "os_error"),
            "run_next_sitecustomize": ("_spawn", "run_next_sitecustomize"),
            "share_python_hooks": ("_spawn", "share_python_hooks"),
            "std_handle_values": ("_stdio", "std_handle_values"),
            "sweep_descriptors": ("_stdio", "sweep_descriptors"),
        },
    )

__all__ = [
    "KERNEL_LOCK",
    "ThreadState",
    "Waiter",
    "release_waiters",
    "wake_all",
    "set_event_locked",
    "handle_calls",
    "WaitCodes",
    "spare_event",
    "recycle_event",
    "add_exit_hook",
    "os_error",
    "check_timeout",
    "wait_any_unchecked",
    "wait_resolved",
    "wait_any_after",
    "wait_any_forever",
    "begin_async_wait",
    "cancel_async_wait",
    "withdraw_async_wait",
    "is_parked",
    "parked_on",
    "watch_parks",
    "unwatch_parks",
    "run_next_sitecustomize",
    "share_python_hooks",
    "forget_exit_code",
    "record_exit_code",
    "record_sys_exit",
    "std_handle_values",
    "sweep_descriptors",
    "can_watch_files",
    "wait_any_or_readable",
    "perf",
]

set_event_locked = _Event._set_locked
"""``set_event_locked(event, woken)``: set an event with the kernel lock held.

The waiters it satisfies are appended to ``woken``; wake them with :func:`wake_all` once the
lock is dropped. For a reply that must be decided in the same lock hold as other state.
"""
