"""Window handles unique in the session: each process claims blocks of them.

On Windows a window handle names one window for the whole session: another process may find
it, post to it, ask whose it is. Here every process makes its own windows, so the handles
are dealt out in blocks of :data:`BLOCK` values through the window station's file (the
clipboard's, :mod:`._clipboard_store`): a process claims a block with its first window and a
new one when the block is used up, and the table records which process (pid and start time)
claimed which block. A handle's owner is then one look-up away (:func:`owner_of`), and
the processes that have windows are the live owners of blocks (:func:`live_owners`).

Blocks are never given twice while the table lasts (the user's session). The rows of a
process found dead are removed by whoever finds it so; its handles then name nothing.
"""

from __future__ import annotations

import os
import threading

from .._fork import CLOCK, hold_across_fork
from ..errors import NotEnoughQuotaError
from ._clipboard_store import clipboard_path, transaction
from ._liveness import current_identity, process_alive

__all__ = ["BLOCK", "live_owners", "new_hwnd", "owner_of"]

BLOCK = 0x1000
"""Handle values in a block; a window handle is even, from the block's base + 0x10."""
_FIRST_OFFSET = 0x10
_LAST_BASE = 0x7FFFF000  # handles stay positive 32-bit values, as pywin32 programs pack them

_lock = threading.Lock()
hold_across_fork(_lock, CLOCK)  # a leaf
_block: list[object] = [None, 0, 0]  # (pid, file), the next handle, the block's end
_used_by = [0]  # the pid whose blocks _used holds
_used: set[int] = set()  # the blocks this process has had, in any runtime directory
_owners: dict[tuple[str, int], tuple[int, int]] = {}  # (file, base) -> (pid, token); _lock


def new_hwnd() -> int:
    """A window handle no other window of the session has: the next of this process's block.

    Raises:
        NotEnoughQuotaError: every block of handles has been claimed in this session.
    """
    path = str(clipboard_path())
    with _lock:
        key = (os.getpid(), path)
        if _block[0] != key or _block[1] >= _block[2]:  # type: ignore[operator]
            if _used_by[0] != key[0]:  # a forked child: its parent's blocks are not its own
                _used_by[0] = key[0]
                _used.clear()
            base = _claim()
            while base in _used:  # a new runtime directory deals from the start again
                base = _claim()
            _used.add(base)
            _block[0], _block[1], _block[2] = key, base + _FIRST_OFFSET, base + BLOCK
        hwnd = _block[1]
        _block[1] = hwnd + 2  # type: ignore[operator]
    return hwnd  # type: ignore[return-value]


def _claim() -> int:
    """Claim the next block for this process; _lock held."""
    pid, token = current_identity()[:2]
    with transaction() as db:
        (base,) = db.execute("SELECT base FROM hwnd_next WHERE id = 1").fetchone()
        if base > _LAST_BASE:
            raise NotEnoughQuotaError("every window handle of the session has been given out")
        db.execute("UPDATE hwnd_next SET base = ? WHERE id = 1", (base + BLOCK,))
        db.execute("INSERT OR REPLACE INTO hwnd_blocks VALUES (?, ?, ?)", (base, pid, token))
    return int(base)


def owner_of(hwnd: int) -> tuple[int, int] | None:
    """``(pid, start time)`` of the process that claimed ``hwnd``'s block, or None.

    None also for a handle of a process that has ended (its rows are then removed).
    """
    if type(hwnd) is not int or not 0 < hwnd <= _LAST_BASE + BLOCK:
        return None
    base = hwnd - hwnd % BLOCK
    path = str(clipboard_path())
    with _lock:
        owner = _owners.get((path, base))
    if owner is None:
        with transaction() as db:
            row = db.execute("SELECT pid, ptoken FROM hwnd_blocks WHERE base = ?", (base,))
            found = row.fetchone()
        if found is None:
            return None
        owner = (int(found[0]), int(found[1]))
    if not process_alive(*owner):
        _bury(owner)
        return None
    with _lock:
        _owners[(path, base)] = owner  # a block never changes hands while its owner lives
    return owner


def live_owners() -> list[tuple[int, int]]:
    """``(pid, start time)`` of every other live process that has claimed handles.

    The rows of processes found dead are removed.
    """
    with transaction() as db:
        rows = db.execute("SELECT DISTINCT pid, ptoken FROM hwnd_blocks").fetchall()
    me = current_identity()[:2]
    found = []
    for pid, token in rows:
        owner = (int(pid), int(token))
        if owner == me:
            continue
        if process_alive(*owner):
            found.append(owner)
        else:
            _bury(owner)
    return found


def _bury(owner: tuple[int, int]) -> None:
    """Remove the rows of a process that has ended (and forget them here)."""
    with transaction() as db:
        db.execute("DELETE FROM hwnd_blocks WHERE pid = ? AND ptoken = ?", owner)
    with _lock:
        for key in [key for key, value in _owners.items() if value == owner]:
            del _owners[key]
