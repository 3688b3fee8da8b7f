"""Files dropped on a window (WM_DROPFILES) and the common file dialogs, with no user.

No user drags files here: ``drop_files`` plays one (a test, a driver). A window that accepts
files (DragAcceptFiles: WS_EX_ACCEPTFILES, on it or the nearest ancestor that has it) gets
WM_DROPFILES posted with an HDROP handle, which DragQueryFile reads (-1: how many files, else
the i-th path) and DragFinish frees.

The file dialogs (GetOpenFileName, GetSaveFileName) show nothing: a chooser answers for the
user, by default the user who cancels (None; CommDlgExtendedError 0, as after a cancel).
``set_file_dialog_chooser`` installs another answer.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kernel.lowlevel import KERNEL_LOCK
from ._post import post_message
from ._window_table import WINDOWS, window_of
from ._windowlong import GWL_EXSTYLE, set_window_long, window_long

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "WM_DROPFILES",
    "WS_EX_ACCEPTFILES",
    "FileDialogRequest",
    "accept_files",
    "drag_finish",
    "drag_query_file",
    "drop_files",
    "file_dialog",
    "set_file_dialog_chooser",
]

WM_DROPFILES = 0x0233
WS_EX_ACCEPTFILES = 0x00000010

_drops: dict[int, tuple[list[str], tuple[int, int]]] = {}
_handles = itertools.count(0x5D000)


def accept_files(hwnd: int, accept: bool) -> None:
    """Let the window accept dropped files, or not (DragAcceptFiles: WS_EX_ACCEPTFILES).

    Raises:
        InvalidWindowHandleError: no such window.
    """
    style = window_long(hwnd, GWL_EXSTYLE)
    wanted = style | WS_EX_ACCEPTFILES if accept else style & ~WS_EX_ACCEPTFILES
    if wanted != style:
        set_window_long(hwnd, GWL_EXSTYLE, wanted)


def drop_files(hwnd: int, paths: list[str], point: tuple[int, int] = (0, 0)) -> int:
    """Drop files on a window as a user would; the HDROP posted, 0 if nothing accepts them.

    The window or its nearest ancestor with WS_EX_ACCEPTFILES gets WM_DROPFILES.

    Raises:
        InvalidWindowHandleError: no such window.
    """
    if not all(isinstance(path, str) for path in paths):
        raise TypeError("the dropped files are paths (str)")
    window = window_of(hwnd)
    with KERNEL_LOCK:
        target = window
        while not target.ex_style & WS_EX_ACCEPTFILES:
            parent = WINDOWS.get(target.parent) if target.is_child else None
            if parent is None:
                return 0
            target = parent
        handle = next(_handles)
        _drops[handle] = (list(paths), point)
    post_message(target.hwnd, WM_DROPFILES, handle, 0)
    return handle


def drag_query_file(handle: int, index: int) -> int | str:
    """How many files were dropped (``index`` -1 or 0xFFFFFFFF), or the path of one.

    0 (no files) for a handle that is no drop, "" for an index past the files, as
    DragQueryFile answers 0 for them.
    """
    with KERNEL_LOCK:
        found = _drops.get(handle)
    paths = found[0] if found is not None else []
    if index in (-1, 0xFFFFFFFF):
        return len(paths)
    return paths[index] if found is not None and 0 <= index < len(paths) else ""


def drag_finish(handle: int) -> None:
    """Free a drop's handle (DragFinish); unknown handles are ignored, as Windows does."""
    with KERNEL_LOCK:
        _drops.pop(handle, None)


@dataclass(frozen=True)
class FileDialogRequest:
    """What a program asked a file dialog for: to open (or save), its title, folder, file."""

    save: bool
    title: str | None
    initial_dir: str | None
    file: str | None
    filter: str | None
    owner: int


def _cancel(request: FileDialogRequest) -> str | None:
    return None


_chooser: list[Callable[[FileDialogRequest], str | None]] = [_cancel]


def set_file_dialog_chooser(chooser: Callable[[FileDialogRequest], str | None] | None) -> None:
    """Install what answers the file dialogs (None: the user who cancels).

    ``chooser(request)`` runs on the thread that shows the dialog and returns a path, or
    None to cancel.
    """
    _chooser[0] = chooser or _cancel


def file_dialog(request: FileDialogRequest) -> str | None:
    """Show a file dialog (GetOpenFileName, GetSaveFileName): the path chosen, None canceled."""
    return _chooser[0](request)
