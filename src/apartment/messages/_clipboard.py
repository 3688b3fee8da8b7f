"""The clipboard: one for the user's session, opened by one thread at a time.

Windows' rules, as its clipboard keeps them (and Wine's tests check on Windows):

* **Opening.** :func:`open_clipboard` opens it for the calling thread, with a window or none.
  While one thread has it open, opening it with another window (or none, when it is open with
  a window) fails with ERROR_ACCESS_DENIED; opening it with the *same* window (or none, when
  it is open with none) succeeds from any thread of any process, which then has it open in
  the first one's place. It stays open until that thread closes it, ends, or its process dies,
  or the window it is open with is destroyed.
* **Changing.** Only the thread that has it open may empty it (ERROR_CLIPBOARD_NOT_OPEN
  otherwise); :func:`empty_clipboard` drops every format and makes the window it is open
  with the owner (none: no owner). Data may be put on it from any thread or process while
  somebody has it open; format 0, or a clipboard nobody has open, gives
  ERROR_CLIPBOARD_NOT_OPEN. Data given as None is *delayed*: the format is listed, and a
  read of it sends the owner WM_RENDERFORMAT, whose handler puts the data there. Emptying
  the clipboard sends its owner WM_DESTROYCLIPBOARD; destroying the owner sends it
  WM_RENDERALLFORMATS first. These messages reach an owner of this process only (windows
  are the process's own here): for another process's owner, delayed data reads as None.
* **Closing** after a change adds the formats Windows synthesizes (:mod:`._clipboard_formats`)
  and CF_LOCALE, each a new sequence number.
* **Reading** data and enumerating formats need the clipboard open on the calling thread;
  listing or counting formats, the owner, the open window and the sequence number do not.
* The **owner** loses the clipboard when its window is destroyed or its process dies: the
  delayed formats go with it.

The state is the clipboard's SQLite file (:mod:`._clipboard_store`), one transaction per call,
shared by every process of the user. Every call first settles what the dead left: a holder
that ended closes the clipboard, an owner whose process died releases it. This process also
closes it at once when its holding thread ends (an exit hook), and releases it when a window
of its own that the clipboard names is destroyed.

Data is bytes; the process names each piece by a global memory handle (:mod:`._globalmem`),
made when data is put on the clipboard and per format read, and freed as Windows frees them
(the format replaced, the clipboard emptied), as ``SetClipboardData``/``GetClipboardData``
hand out HGLOBALs.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from typing import TYPE_CHECKING

from .._fork import CLOCK, THREADS, after_fork_in_child, hold_across_fork
from ..errors import (
    ERROR_NOT_LOCKED,
    AccessDeniedError,
    ClipboardNotOpenError,
    InvalidWindowHandleError,
    MessageTimeoutError,
    Win32Error,
)
from ..kernel.lowlevel import add_exit_hook
from ._clipboard_handles import handle_format
from ._clipboard_names import check_format
from ._clipboard_rules import (
    Found,
    close,
    data_of,
    is_me,
    my_window,
    present,
    release_owner,
    settle,
)
from ._clipboard_store import Row, Window, read_row, transaction
from ._clipboard_viewer import clipboard_changed
from ._constants import SMTO_ABORTIFHUNG, WM_DESTROYCLIPBOARD, WM_RENDERALLFORMATS, WM_RENDERFORMAT
from ._destroy import on_window_destroying, on_window_gone
from ._globalmem import alloc_global, free_global, global_data
from ._liveness import current_identity
from ._send import send_message
from ._window_table import is_window, window_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..kernel import ThreadHandle

__all__ = [
    "open_clipboard", "close_clipboard", "empty_clipboard", "clipboard",
    "set_clipboard_data", "set_clipboard_block", "clipboard_data", "clipboard_data_handle",
    "clipboard_formats", "next_clipboard_format", "is_clipboard_format_available",
    "clipboard_owner", "clipboard_open_window", "clipboard_sequence_number",
    "priority_clipboard_format",
]  # fmt: skip

_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf: taken while holding nothing else
_cache: dict[int, tuple[tuple[int, int], int]] = {}  # format -> (data key, block handle)
_openers: set[int] = set()  # this process's threads that opened the clipboard
_windows: set[int] = set()  # this process's windows it may be open with, or owned by

_NOT_OPEN = "open the clipboard on this thread first (open_clipboard)"
_OWNER_TIMEOUT = 5.0  # seconds an owner has to answer WM_RENDERFORMAT or WM_DESTROYCLIPBOARD


# -- talking to an owner of this process -------------------------------------------------


def _local(window: Window) -> int:
    """The handle of ``window`` if it is a live window of this process, else 0."""
    pid, ptoken, _, _ = current_identity()
    if (window.pid, window.ptoken) == (pid, ptoken) and is_window(window.hwnd):
        return window.hwnd
    return 0


def _tell_owner(hwnd: int, msg: int, wparam: int = 0) -> None:
    """Send the owner a clipboard message; an owner that is gone or hung is not waited for."""
    with contextlib.suppress(InvalidWindowHandleError, MessageTimeoutError, AccessDeniedError):
        send_message(hwnd, msg, wparam, 0, timeout=_OWNER_TIMEOUT, flags=SMTO_ABORTIFHUNG)


# -- the process's blocks --------------------------------------------------------------------


def _cache_put(fmt: int, key: tuple[int, int], handle: int) -> None:
    """File ``handle`` as ``fmt``'s block, freeing the one it replaces."""
    with _lock:
        old = _cache.pop(fmt, None)
        for other, (_, block) in list(_cache.items()):
            if block == handle:
                del _cache[other]  # one block, one format: the newest
        if handle:
            _cache[fmt] = (key, handle)
    if old is not None and old[1] != handle:
        _free(fmt, old[1])


def _free(fmt: int, handle: int) -> None:
    """Free the clipboard's block (or, for a GDI format, object) of ``fmt``."""
    codec = handle_format(fmt)
    if codec is None:
        free_global(handle)
    else:
        codec.free(handle)


def _cache_clear() -> None:
    with _lock:
        blocks = [(fmt, handle) for fmt, (_, handle) in _cache.items()]
        _cache.clear()
    for fmt, handle in blocks:
        _free(fmt, handle)


# -- the API ---------------------------------------------------------------------------------


def open_clipboard(hwnd: int = 0) -> None:
    """Open the clipboard on the calling thread, with window ``hwnd`` or none (OpenClipboard).

    Opening it again with the same window succeeds (from any thread: see the module's rules).

    Raises:
        InvalidWindowHandleError: ``hwnd`` is not a window.
        AccessDeniedError: another thread has it open with another window.
    """
    if hwnd:
        window_of(hwnd)
    mine = my_window(hwnd)
    with transaction() as db:
        row = settle(db)
        if row.opener[0] and row.open_window != mine:
            raise AccessDeniedError(
                f"the clipboard is open on thread {row.opener[2]} of process {row.opener[0]} "
                f"with window {row.open_window.hwnd:#x}; wait until it closes it"
            )
        open_seqno = row.open_seqno if row.opener[0] else row.seqno
        rendering = row.rendering if row.opener == current_identity() else 0
        db.execute(
            "UPDATE clipboard SET open_seqno = ?, rendering = ?, opener_pid = ?, "
            "opener_ptoken = ?, opener_tid = ?, opener_token = ?, open_pid = ?, "
            "open_ptoken = ?, open_hwnd = ?",
            (open_seqno, rendering, *current_identity(), *mine),
        )
    with _lock:
        _openers.add(threading.get_native_id())
        if hwnd:
            _windows.add(hwnd)


def close_clipboard() -> None:
    """Close the clipboard the calling thread has open (CloseClipboard).

    Raises:
        ClipboardNotOpenError: the calling thread does not have it open.
    """
    with transaction() as db:
        row = settle(db)
        if not is_me(row):
            raise ClipboardNotOpenError(_NOT_OPEN)
        close(db, row)
    with _lock:
        _openers.discard(threading.get_native_id())
    if row.seqno != row.open_seqno:  # changed while open: the viewers are told
        clipboard_changed(_local(row.owner))


@contextlib.contextmanager
def clipboard(hwnd: int = 0) -> Iterator[None]:
    """Have the clipboard open on the calling thread for a ``with`` block, then close it."""
    open_clipboard(hwnd)
    try:
        yield
    finally:
        close_clipboard()


def empty_clipboard() -> None:
    """Drop every format; the window the clipboard is open with owns it (EmptyClipboard).

    The owner it had, if a window of this process, gets WM_DESTROYCLIPBOARD first.

    Raises:
        ClipboardNotOpenError: the calling thread does not have it open.
    """
    row = _row()
    if not is_me(row):
        raise ClipboardNotOpenError(_NOT_OPEN)
    owner = _local(row.owner)
    if owner:
        _tell_owner(owner, WM_DESTROYCLIPBOARD)
    with transaction() as db:
        row = settle(db)
        if not is_me(row):
            raise ClipboardNotOpenError(_NOT_OPEN)
        db.execute("DELETE FROM formats")
        db.execute(
            "UPDATE clipboard SET seqno = ?, owner_pid = ?, owner_ptoken = ?, owner_hwnd = ?",
            (row.seqno + 1, *row.open_window),
        )
    _cache_clear()


def _put(fmt: int, data: bytes | None) -> tuple[int, int]:
    """Put ``data`` on the clipboard as ``fmt``; the key of the data.

    Data an owner puts there while asked to render it changes no sequence number.
    """
    with transaction() as db:
        row = settle(db)
        if not fmt or not row.opener[0]:
            raise ClipboardNotOpenError(
                "format 0 is no format" if not fmt else "nobody has the clipboard open"
            )
        stamp = row.stamp + 1
        if db.execute("SELECT 1 FROM formats WHERE format = ?", (fmt,)).fetchone():
            db.execute(
                "UPDATE formats SET source = 0, stamp = ?, data = ? WHERE format = ?",
                (stamp, data, fmt),
            )
        else:
            db.execute(
                "INSERT INTO formats (format, source, stamp, data) VALUES (?, 0, ?, ?)",
                (fmt, stamp, data),
            )
        seqno = row.seqno if row.rendering else row.seqno + 1
        db.execute("UPDATE clipboard SET seqno = ?, stamp = ?", (seqno, stamp))
    return stamp, 0


def set_clipboard_data(fmt: int, data: bytes | bytearray | memoryview | None) -> int:
    """Put a copy of ``data`` on the clipboard as format ``fmt`` (SetClipboardData).

    It replaces that format's data, keeping its place in the enumeration. None puts the
    format there without data (delayed rendering). Returns the handle of this process's
    block holding the data (0 for None), valid until the format is replaced or the clipboard
    emptied.

    Raises:
        ClipboardNotOpenError: nobody has the clipboard open, or ``fmt`` is 0.
        Win32Error: ``data`` is empty (ERROR_NOT_LOCKED: an empty block cannot be locked).
    """
    fmt = check_format(fmt)
    if data is not None:
        data = bytes(data)
        if not data:
            raise Win32Error.from_code(
                ERROR_NOT_LOCKED, "an empty memory block cannot be put on the clipboard"
            )
    key = _put(fmt, data)
    handle = 0 if data is None else alloc_global(data)
    _cache_put(fmt, key, handle)
    return handle


def set_clipboard_block(fmt: int, handle: int) -> int:
    """Put the data of this process's block ``handle`` on the clipboard as ``fmt``.

    The block is the clipboard's from now on, as the handle given to SetClipboardData is:
    returns ``handle``. For a format of GDI objects (CF_BITMAP) ``handle`` is the object
    (``_clipboard_handles``).

    Raises:
        InvalidHandleError: ``handle`` is not a block of this process.
        ClipboardNotOpenError: nobody has the clipboard open, or ``fmt`` is 0.
    """
    fmt = check_format(fmt)
    codec = handle_format(fmt)
    data = global_data(handle) if codec is None else codec.to_bytes(handle)
    if not data:
        raise Win32Error.from_code(ERROR_NOT_LOCKED, "an empty block cannot be locked")
    _cache_put(fmt, _put(fmt, data), handle)
    return handle


def _read(fmt: int) -> Found | None:
    """Read a format; delayed data is asked of its owner (WM_RENDERFORMAT), once."""
    fmt = check_format(fmt)
    with transaction() as db:
        row = settle(db)
        if not is_me(row):
            raise ClipboardNotOpenError(_NOT_OPEN)
        found = data_of(db, fmt)
        owner = _local(row.owner) if found is not None and found.pending else 0
        if owner:
            db.execute("UPDATE clipboard SET rendering = rendering + 1")
    if not owner:
        return found
    assert found is not None
    try:
        _tell_owner(owner, WM_RENDERFORMAT, found.pending)  # it puts the data there
    finally:
        with transaction() as db:
            db.execute("UPDATE clipboard SET rendering = max(rendering - 1, 0)")
            row = settle(db)
            found = data_of(db, fmt) if is_me(row) else None
    return found


def clipboard_data(fmt: int) -> bytes | None:
    """Return the data of format ``fmt``: its bytes as placed, or synthesized (a copy).

    Delayed data is asked of its owner first (WM_RENDERFORMAT, sent if the owner is a
    window of this process). None when the format is not on the clipboard, or is delayed
    and was not rendered.

    Raises:
        ClipboardNotOpenError: the calling thread does not have the clipboard open.
    """
    found = _read(fmt)
    return None if found is None else found.data


def clipboard_data_handle(fmt: int) -> int:
    """Return this process's block holding format ``fmt``'s data (GetClipboardData); 0 if none.

    The same handle comes back while the data does not change. Delayed data is asked of its
    owner, as :func:`clipboard_data` does.

    Raises:
        ClipboardNotOpenError: the calling thread does not have the clipboard open.
    """
    found = _read(fmt)
    if found is None or found.data is None:
        return 0
    data, key = found.data, found.key
    with _lock:
        cached = _cache.get(fmt)
    if cached is not None and cached[0] == key:
        return cached[1]
    codec = handle_format(fmt)
    handle = alloc_global(data) if codec is None else codec.from_bytes(data)
    _cache_put(fmt, key, handle)
    return handle


def clipboard_formats() -> list[int]:
    """Every format on the clipboard, in order (GetUpdatedClipboardFormats); no open needed."""
    with transaction() as db:
        settle(db)
        return [fmt for fmt, _, _ in present(db)]


def next_clipboard_format(previous: int) -> int:
    """The format after ``previous`` (0: the first), or 0 past the last (EnumClipboardFormats).

    A format not on the clipboard has no successor: 0.

    Raises:
        ClipboardNotOpenError: the calling thread does not have the clipboard open.
    """
    previous = check_format(previous)
    with transaction() as db:
        if not is_me(settle(db)):
            raise ClipboardNotOpenError(_NOT_OPEN)
        formats = [fmt for fmt, _, _ in present(db)]
    if not previous:
        return formats[0] if formats else 0
    if previous not in formats:
        return 0
    index = formats.index(previous) + 1
    return formats[index] if index < len(formats) else 0


def is_clipboard_format_available(fmt: int) -> bool:
    """Tell whether format ``fmt`` is on the clipboard (IsClipboardFormatAvailable)."""
    fmt = check_format(fmt)
    return fmt in clipboard_formats()


def priority_clipboard_format(formats: Iterable[int]) -> int:
    """The first of ``formats`` on the clipboard; 0 if it is empty, -1 if none is there."""
    wanted = [check_format(fmt) for fmt in formats]
    there = clipboard_formats()
    if not there:
        return 0
    return next((fmt for fmt in wanted if fmt in there), -1)


def _row() -> Row:
    with transaction() as db:
        return settle(db)


def clipboard_owner() -> int:
    """The window that owns the clipboard, 0 for none (GetClipboardOwner).

    A window of another process is given by its handle there.
    """
    return _row().owner.hwnd


def clipboard_open_window() -> int:
    """The window the clipboard is open with, 0 if none or closed (GetOpenClipboardWindow)."""
    return _row().open_window.hwnd


def clipboard_sequence_number() -> int:
    """The clipboard's sequence number: it grows with every change (32 bits, wrapping)."""
    return _row().seqno & 0xFFFFFFFF


# -- what ends -------------------------------------------------------------------------------


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread of this process ends (on it, or seen from outside): close what it holds."""
    tid = thread.native_id
    with _lock:
        if tid not in _openers:
            return
        _openers.discard(tid)
    # A hook must not fail a thread's end; a clipboard out of reach now is settled by the
    # next call of any process, which finds the holder gone.
    with contextlib.suppress(sqlite3.Error, OSError), transaction() as db:
        row = read_row(db)
        if row.opener[0] == os.getpid() and row.opener[2] == tid:
            close(db, row)


def _window_destroying(hwnd: int) -> None:
    """A window of this process is being destroyed (its thread): an owner renders all first."""
    with _lock:
        if hwnd not in _windows:
            return
    with contextlib.suppress(sqlite3.Error, OSError):  # the destruction goes on regardless
        if _row().owner == my_window(hwnd):
            _tell_owner(hwnd, WM_RENDERALLFORMATS)


def _window_gone(hwnd: int) -> None:
    """A window of this process is destroyed: it owns nothing, has nothing open."""
    with _lock:
        if hwnd not in _windows:
            return
        _windows.discard(hwnd)
    gone = my_window(hwnd)
    with contextlib.suppress(sqlite3.Error, OSError), transaction() as db:
        row = read_row(db)
        if row.owner == gone:
            release_owner(db, row)
            row = read_row(db)
        if row.open_window == gone:
            close(db, row)


def _forget_after_fork() -> None:
    """A forked child: the parent's threads and windows are not its own."""
    with _lock:
        _openers.clear()
        _windows.clear()


add_exit_hook(_thread_ended)
on_window_destroying(_window_destroying)
on_window_gone(_window_gone)
after_fork_in_child(_forget_after_fork, THREADS)
