"""The desktop and the shell's window, owned by a service thread of their own.

Windows' desktop always has a desktop window (class ``#32769``, the size of the screen) and,
in a user's session, the shell's top-level windows, such as the Program Manager (class
``Progman``) at the bottom of the z-order and the taskbar (class ``Shell_TrayWnd``, whose
notification area holds the tray icons; programs wait for it before they add one). Programs
that enumerate or search windows count on finding some, so the model makes them, the first
time something asks for the desktop, on a thread named ``apartment-shell`` that pumps
messages for them for the rest of the process.

The desktop window is kept apart from top-level windows (as a message-only window is: its
parent is HWND_MESSAGE) and left out of every enumeration; top-level windows are its children
for ``child_windows`` and ``get_window(desktop, GW_CHILD)``.
"""

from __future__ import annotations

import threading

from .._fork import SERVICES, after_fork_in_child
from ..kernel import Event, start_thread
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import HWND_MESSAGE, WM_CLOSE
from ._defproc import def_window_proc
from ._destroy import forget
from ._pump import pump_messages
from ._styles import WS_CLIPCHILDREN, WS_CLIPSIBLINGS, WS_POPUP, WS_VISIBLE
from ._window import Window, create_window
from ._window_table import WINDOWS, desktop_hwnd, set_desktop_hwnd
from ._windowpos import DESKTOP_SIZE
from ._wndclass import lookup_class, register_class

__all__ = ["DESKTOP_CLASS", "SHELL_CLASS", "TRAY_CLASS", "desktop_window"]

DESKTOP_CLASS = "#32769"
"""The desktop window's class name, Windows' own."""

SHELL_CLASS = "Progman"
"""The class of the shell's Program Manager window, titled "Program Manager"."""

TRAY_CLASS = "Shell_TrayWnd"
"""The class of the shell's taskbar window (untitled), along the bottom of the screen."""

_TRAY_HEIGHT = 40

_START_TIMEOUT = 30.0
_lock = threading.Lock()
_shell_windows: list[Window] = []


def desktop_window() -> int:
    """Return the desktop window's handle (GetDesktopWindow), making the desktop on first use.

    Raises:
        RuntimeError: the shell thread could not make the desktop.
    """
    hwnd = desktop_hwnd()
    if hwnd:
        return hwnd
    with _lock:
        if not desktop_hwnd():
            ready = Event(manual_reset=True)
            start_thread(_serve, ready, name="apartment-shell")
            if not ready.wait(_START_TIMEOUT) or not desktop_hwnd():
                raise RuntimeError("the shell thread did not make the desktop window")
    return desktop_hwnd()


def _shell_proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
    """The desktop's and the shell's window procedure (the shell thread): nothing closes them."""
    if msg == WM_CLOSE:
        return 0
    return def_window_proc(hwnd, msg, wparam, lparam)


def _class(name: str) -> str:
    with KERNEL_LOCK:
        if lookup_class(name) is not None:
            return name  # a program registered it first: its windows use that class
    register_class(name, _shell_proc)
    return name


def _serve(ready: Event) -> None:
    """The shell thread: make the desktop and the shell's windows, then pump for them."""
    try:
        width, height = DESKTOP_SIZE
        style = WS_POPUP | WS_VISIBLE | WS_CLIPSIBLINGS | WS_CLIPCHILDREN
        desktop = create_window(
            _class(DESKTOP_CLASS), "", style=style, x=0, y=0, width=width, height=height,
            parent=HWND_MESSAGE,
        )  # fmt: skip
        shell = create_window(
            _class(SHELL_CLASS), "Program Manager", style=style, x=0, y=0, width=width,
            height=height,
        )  # fmt: skip
        tray = create_window(
            _class(TRAY_CLASS), "", style=style, x=0, y=height - _TRAY_HEIGHT, width=width,
            height=_TRAY_HEIGHT,
        )  # fmt: skip
        with KERNEL_LOCK:
            # the Program Manager lies below every top-level window: first in the table; the
            # taskbar just above it (Windows keeps it topmost: here no program window is
            # hidden by it)
            others = [(hwnd, w) for hwnd, w in WINDOWS.items() if w not in (shell, tray)]
            WINDOWS.clear()
            WINDOWS[shell.hwnd] = shell
            WINDOWS[tray.hwnd] = tray
            WINDOWS.update(others)
            _shell_windows[:] = [desktop, shell, tray]
            set_desktop_hwnd(desktop.hwnd)
    finally:
        ready.set()
    while True:
        pump_messages()  # a WM_QUIT posted to this thread ends nothing


def _after_fork_in_child() -> None:
    """The shell thread is gone in a forked child: its windows go, a new one starts on use."""
    global _lock
    _lock = threading.Lock()
    for window in _shell_windows:
        if not window.destroyed:
            forget(window)
    _shell_windows.clear()
    set_desktop_hwnd(0)


after_fork_in_child(_after_fork_in_child, SERVICES)
