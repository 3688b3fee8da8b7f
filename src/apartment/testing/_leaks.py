"""Find what a test left behind: threads, handles, escaped exceptions, broken STA windows."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..com import lowlevel as com_lowlevel
from ..kernel import handles
from ..kernel.lowlevel import std_handle_values, sweep_descriptors
from ..messages import own_handle_values

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self

__all__ = ["LeakCheck", "SERVICE_THREADS"]

SERVICE_THREADS = (
    "apartment-clock",
    "apartment-reaper",
    "apartment-threadwatch",
    "apartment-mta-worker",
    "apartment-host",
    "apartment-io",
    "apartment-shell",  # the desktop's windows (messages.desktop_window)
    "apartment-console",  # the console window (messages.console_window)
    "apartment-remote",  # a connection's reader (it ends with the connection), the listener
    "apartment-evt-service",  # the event log subscriptions (services.Subscription)
    "apartment-windows",  # the window server (its listener, connections) and send replies
    "apartment-registry-notify",  # polls for other processes' writes while a watch is pending
)
"""Name prefixes of the library's own long-lived daemon threads, which are never leaks."""


class LeakCheck:
    """Record the state before a test; :meth:`problems` lists what changed by the end.

    While active it replaces ``threading.excepthook`` to catch exceptions that escape a
    thread (including threads of :func:`apartment.kernel.start_thread`). It also names the
    live STAs whose hidden window was destroyed meanwhile.
    """

    def __init__(self, join_timeout: float = 5.0) -> None:
        self.join_timeout = join_timeout
        self._threads: set[threading.Thread] = set()
        self._handles: set[int] = set()
        self._lock = threading.Lock()
        self._escaped: list[str] = []
        self._previous_hook = threading.excepthook
        self._windowless: set[object] = set()

    def __enter__(self) -> Self:
        self._threads = set(threading.enumerate())
        self._windowless = set(_windowless_stas())
        self._handles = set(handles.snapshot())
        self._previous_hook = threading.excepthook
        threading.excepthook = self._hook
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        threading.excepthook = self._previous_hook

    def _hook(self, args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "?"
        with self._lock:
            self._escaped.append(f"{name}: {args.exc_type.__name__}: {args.exc_value}")
        self._previous_hook(args)

    def problems(self) -> list[str]:
        """Return a line for each leaked thread or handle and each escaped exception."""
        found: list[str] = []
        for thread in threading.enumerate():
            if thread in self._threads or thread.name.startswith(SERVICE_THREADS):
                continue
            if isinstance(thread, threading._DummyThread):
                continue  # started outside threading (a C library's): it cannot be joined
            thread.join(self.join_timeout)  # a thread that is ending finishes here
            if thread.is_alive():
                found.append(f"thread still running: {thread!r}")
        sweep_descriptors()  # handles whose descriptor the test closed are gone with it
        # The standard handles live on, as Windows', and the process's window station's and
        # desktop's.
        lasting = self._handles | std_handle_values() | own_handle_values()
        leaked = {value: obj for value, obj in handles.snapshot().items() if value not in lasting}
        found.extend(f"handle {value:#x} still open: {obj!r}" for value, obj in leaked.items())
        with self._lock:
            found.extend(f"exception escaped thread {line}" for line in self._escaped)
        found.extend(
            f"the hidden window {hwnd:#x} of {apartment!r} was destroyed: every call into that "
            "apartment now fails (destroy only the windows the test made)"
            for apartment, hwnd in _windowless_stas().items()
            if apartment not in self._windowless
        )
        return found


def _windowless_stas() -> dict[object, int]:
    """The live STAs whose hidden window is destroyed, with its handle.

    Such an STA (the main thread's, kept by an import of the pythoncom facade, say) can no
    longer be called from other apartments: a test that destroys every window of its thread
    breaks every later test that uses it, far from the cause.
    """
    found: dict[object, int] = {}
    for apartment in com_lowlevel.initialized_threads().values():
        window = apartment.window
        if apartment.is_sta and apartment.alive and window is not None and window.destroyed:
            found[apartment] = window.hwnd
    return found
