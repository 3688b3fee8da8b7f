"""Walking and searching windows: EnumWindows, EnumChildWindows, EnumThreadWindows, FindWindow.

Windows belong to their thread but every thread sees them all, and every process of the
session sees the top-level and message-only windows of the others (:mod:`._foreign`), found
after this process's own. Top-level windows come in
z-order, topmost first (a new top-level window goes on top, the shell's Program Manager lies
at the bottom); a window's descendants come depth first, each window before its children,
siblings topmost first. Message-only windows and the desktop window are never enumerated.

Each walk takes its list of windows when it is called and then yields them one by one,
leaving out a window destroyed meanwhile (its handle is dead), as Windows does; a window
created meanwhile is not seen. Any thread may walk; nothing is sent to the windows.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import InvalidWindowHandleError
from ..kernel.lowlevel import KERNEL_LOCK
from ._constants import HWND_MESSAGE
from ._desktop import desktop_window
from ._foreign import foreign_window, foreign_windows, merge_by_stamp
from ._window_table import WINDOWS, window_of
from ._wndclass import lookup_class

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._foreign import ForeignWindow
    from ._window import Window

__all__ = [
    "child_windows",
    "find_window",
    "get_class_name",
    "thread_windows",
    "top_level_windows",
    "window_thread_process_id",
]


def _check_hwnd(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a window handle (an int), not {value!r}")
    return value


def _top_level() -> list[Window]:
    """The top-level windows, topmost first; kernel lock held."""
    return [w for w in reversed(WINDOWS.values()) if not w.is_child and w.parent != HWND_MESSAGE]


def _descendants(windows: list[Window], into: list[Window]) -> list[Window]:
    """``windows`` each followed by its descendants, depth first; kernel lock held."""
    for window in windows:
        into.append(window)
        _descendants(window.children, into)
    return into


def _live(windows: list[Window]) -> Iterator[int]:
    for window in windows:
        if not window.destroyed:  # destroyed since the list was taken: it is gone
            yield window.hwnd


def top_level_windows() -> Iterator[int]:
    """Iterate over the top-level windows of every thread, topmost first (EnumWindows).

    The windows of the session's other processes come too, placed by when they were made
    (a newer window lies above an older one).
    """
    desktop_window()
    others = [window for window in foreign_windows() if window.top_level]
    with KERNEL_LOCK:
        mine = _top_level()
    if not others:
        return _live(mine)
    return _merged(mine, others)


def _merged(mine: list[Window], others: list[ForeignWindow]) -> Iterator[int]:
    by_hwnd = {window.hwnd: window for window in mine}
    for hwnd, is_mine in merge_by_stamp([(w.hwnd, w.stamp) for w in mine], others):
        if not is_mine or not by_hwnd[hwnd].destroyed:
            yield hwnd


def child_windows(hwnd: int | None) -> Iterator[int]:
    """Iterate over the descendants of a window, depth first (EnumChildWindows).

    None, 0 or the desktop window stand for the desktop: every top-level window, each
    followed by its descendants.

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window.
    """
    desktop = desktop_window()
    if hwnd is None or hwnd in (0, desktop):
        with KERNEL_LOCK:
            return _live(_descendants(_top_level(), []))
    window = window_of(_check_hwnd("hwnd", hwnd))
    with KERNEL_LOCK:
        return _live(_descendants(window.children, []))


def thread_windows(thread_id: int) -> Iterator[int]:
    """Iterate over a thread's top-level windows, topmost first (EnumThreadWindows).

    A thread that has no window, or no thread of that id, gives none.
    """
    if isinstance(thread_id, bool) or not isinstance(thread_id, int):
        raise TypeError(f"a thread id is an int, not {thread_id!r}")
    desktop_window()
    with KERNEL_LOCK:
        return _live([w for w in _top_level() if w.thread.native_id == thread_id])


def find_window(
    class_name: str | int | None,
    title: str | None,
    *,
    parent: int | None = None,
    after: int = 0,
) -> int:
    """Return the first window with that class and title, or 0 (FindWindow, FindWindowEx).

    It searches the children of ``parent`` (not their descendants), topmost first; the
    desktop window searches the top-level windows, HWND_MESSAGE the message-only windows, and
    None or 0 with no ``after`` (FindWindow) the top-level windows and then the message-only
    ones, as Windows documents. With ``after``
    (a child of ``parent``) the search starts below it. None for ``class_name`` (a name or an
    atom) or ``title`` matches any; both compare without regard to case. The title compared
    is the one the window keeps: nothing is sent to it. A ``parent`` that is no window has
    no children: 0. Top-level and message-only windows of the session's other processes are
    searched after this process's own (a class given by name only: atoms are per process).

    Raises:
        InvalidWindowHandleError: ``after`` is not a window.
    """
    if class_name is not None and not isinstance(class_name, (str, int)):
        raise TypeError(f"a class is a name or an atom, not {class_name!r}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"a window title is a str, not {title!r}")
    parent = _check_hwnd("parent", parent or 0)
    after = _check_hwnd("after", after or 0)
    desktop = desktop_window()
    if after:
        window_of(after)
    with KERNEL_LOCK:
        wclass = lookup_class(class_name) if class_name is not None else None
        candidates: list[Window] = []
        if class_name is not None and wclass is None:
            pass  # no class of that name here; maybe in another process
        elif parent in (0, desktop):
            candidates = _top_level()
            if parent == 0 and not after:  # NULL, NULL: the message-only windows too
                candidates += _message_only(desktop)
        elif parent == HWND_MESSAGE:
            candidates = _message_only(desktop)
        else:
            parent_window = WINDOWS.get(parent)
            candidates = list(parent_window.children) if parent_window is not None else []
        if after:
            index = next((i for i, w in enumerate(candidates) if w.hwnd == after), None)
            if index is None:
                return 0  # ``after`` is no child of ``parent``
            candidates = candidates[index + 1 :]
        folded = title.casefold() if title is not None else None
        for window in candidates:
            if wclass is not None and window.wclass is not wclass:
                continue
            if folded is not None and window.title.casefold() != folded:
                continue
            return window.hwnd
    if after or parent not in (0, desktop, HWND_MESSAGE) or isinstance(class_name, int):
        return 0  # children and atoms are this process's only
    if parent == HWND_MESSAGE:
        return _find_elsewhere(class_name, title, top_level=False, message_only=True)
    found = _find_elsewhere(class_name, title, top_level=True, message_only=False)
    if found or parent != 0:
        return found
    return _find_elsewhere(class_name, title, top_level=False, message_only=True)


def _message_only(desktop: int) -> list[Window]:
    """This process's message-only windows, newest first (the caller holds the kernel lock)."""
    return [w for w in reversed(WINDOWS.values()) if w.message_only and w.hwnd != desktop]


def _find_elsewhere(
    class_name: str | None, title: str | None, *, top_level: bool, message_only: bool
) -> int:
    """The newest window of another process with that class and title, or 0."""
    name = class_name.casefold() if class_name is not None else None
    folded = title.casefold() if title is not None else None
    for window in foreign_windows():
        if not ((top_level and window.top_level) or (message_only and window.message_only)):
            continue
        if name is not None and window.class_name.casefold() != name:
            continue
        if folded is not None and window.title.casefold() != folded:
            continue
        return window.hwnd
    return 0


def get_class_name(hwnd: int) -> str:
    """Return the name of the window's class (GetClassName, RealGetWindowClass).

    Raises:
        InvalidWindowHandleError: no such window (in this process or another one).
    """
    try:
        return window_of(hwnd).wclass.name
    except InvalidWindowHandleError:
        other = foreign_window(hwnd)
        if other is None:
            raise
        return other.class_name


def window_thread_process_id(hwnd: int) -> tuple[int, int]:
    """Return ``(thread id, process id)`` of the window's owner (GetWindowThreadProcessId).

    Raises:
        InvalidWindowHandleError: no such window (in this process or another one).
    """
    try:
        return window_of(hwnd).thread.native_id, os.getpid()
    except InvalidWindowHandleError:
        other = foreign_window(hwnd)
        if other is None:
            raise
        return other.thread_id, other.pid
