"""Ctrl-C while the main thread holds the session lock: raised once the lock is let go.

CPython raises KeyboardInterrupt in the main thread where a function starts or a C call
returns. So a Ctrl-C can land at the start of the function that lets the session lock go
(``unlock()``, ``leave()``), or right after the call that took it: the lock stays held and
every process of the session waits for it for ever (found by interrupting a loop of named-object
calls). While the main thread holds the session lock, or is letting it go, the handler installed
here keeps the KeyboardInterrupt pending; the gate raises it once the lock is free.

The handler is installed once, by the main thread's first gate, and only over Python's default
SIGINT handler (a program's own handler, or asyncio's, is left alone: it then gets Ctrl-C as
before). Its cost is the handler's test when a Ctrl-C comes, and a list read per unlock.
"""

from __future__ import annotations

import signal
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import CodeType, FrameType

__all__ = ["PENDING", "guard_session_lock", "raise_pending"]

PENDING = [False]
"""True while a KeyboardInterrupt waits for the main thread to let the session lock go."""

_holding: list[Callable[[], bool]] = []
_letting_go: set[CodeType] = set()
_installed = False
_install_lock = threading.Lock()


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    """Runs in the main thread: raise KeyboardInterrupt, or keep it pending during a hold."""
    if (frame is not None and frame.f_code in _letting_go) or any(held() for held in _holding):
        PENDING[0] = True
        return
    signal.default_int_handler(signum, frame)


def guard_session_lock(held: Callable[[], bool], letting_go: tuple[CodeType, ...]) -> None:
    """Keep a Ctrl-C pending while the main thread holds a session lock or lets it go.

    ``held()`` tells whether the calling (main) thread holds it; ``letting_go`` are the codes
    of the functions that release it. Installs the SIGINT handler when called in the main
    thread over the default handler.
    """
    global _installed
    with _install_lock:
        if held not in _holding:
            _holding.append(held)
        _letting_go.update(letting_go)
        if _installed or threading.current_thread() is not threading.main_thread():
            return
        try:
            if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
                return
            signal.signal(signal.SIGINT, _on_sigint)
        except ValueError:  # not the main interpreter's main thread
            return
        _installed = True


def raise_pending() -> None:
    """Raise the KeyboardInterrupt kept while the session lock was held."""
    PENDING[0] = False
    raise KeyboardInterrupt
