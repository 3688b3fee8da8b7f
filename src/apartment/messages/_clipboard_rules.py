"""The clipboard's rules inside one transaction: who holds it, closing, releasing, reading.

Every function takes the open transaction (:func:`._clipboard_store.transaction`) and applies
one of Windows' rules to the clipboard's rows; :mod:`._clipboard` opens the transactions, and
does what must happen outside them (messages to an owner, this process's blocks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ._clipboard_formats import CF_LOCALE, SYNTHESIZED, TEXT_FORMATS, convert_text, locale_data
from ._clipboard_store import NO_WINDOW, Row, Window, read_row
from ._liveness import current_identity, process_alive, thread_alive

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "Found", "close", "data_of", "is_me", "my_window", "present", "release_owner", "settle",
]  # fmt: skip


def my_window(hwnd: int) -> Window:
    """Window ``hwnd`` of this process as the clipboard records it (0: no window)."""
    pid, ptoken, _, _ = current_identity()
    return Window(pid, ptoken, hwnd) if hwnd else NO_WINDOW


def is_me(row: Row) -> bool:
    """Whether the calling thread has the clipboard open."""
    return row.opener[0] != 0 and row.opener == current_identity()


def settle(db: sqlite3.Connection) -> Row:
    """Close for a holder that ended, release for an owner whose process died; the row."""
    row = read_row(db)
    pid, _, tid, token = row.opener
    if pid and row.opener != current_identity() and not thread_alive(pid, tid, token):
        close(db, row)
        row = read_row(db)
    owner = row.owner
    if owner.pid and not process_alive(owner.pid, owner.ptoken):
        release_owner(db, row)
        row = read_row(db)
    return row


def present(db: sqlite3.Connection) -> list[tuple[int, int, bool]]:
    """(format, source, has data) of every format, in placement order."""
    rows = db.execute("SELECT format, source, data IS NOT NULL FROM formats ORDER BY position")
    return [(int(f), int(s), bool(d)) for f, s, d in rows]


def close(db: sqlite3.Connection, row: Row) -> None:
    """Close the clipboard; after a change, add the synthesized formats (Windows' order).

    CF_LOCALE comes first, with data (a new sequence number); then the text formats that
    can be made from those present (one more, if any).
    """
    db.execute(
        "UPDATE clipboard SET opener_pid = 0, opener_ptoken = 0, opener_tid = 0, "
        "opener_token = 0, open_pid = 0, open_ptoken = 0, open_hwnd = 0"
    )
    if row.seqno == row.open_seqno:
        return  # unchanged since it was opened
    seqno, stamp = row.seqno, row.stamp
    there = {fmt for fmt, _, _ in present(db)}
    if CF_LOCALE not in there and there & TEXT_FORMATS:
        stamp += 1
        db.execute(
            "INSERT INTO formats (format, source, stamp, data) VALUES (?, 0, ?, ?)",
            (CF_LOCALE, stamp, locale_data()),
        )
        seqno += 1
    added = 0
    for target, first, second in SYNTHESIZED:
        source = first if first in there else second if second in there else 0
        if target in there or not source:
            continue
        stamp += 1
        db.execute(
            "INSERT INTO formats (format, source, stamp, data) VALUES (?, ?, ?, NULL)",
            (target, source, stamp),
        )
        added += 1
    db.execute("UPDATE clipboard SET seqno = ?, stamp = ?", (seqno + 1 if added else seqno, stamp))


def release_owner(db: sqlite3.Connection, row: Row) -> None:
    """The owner is gone: no owner, and its delayed formats (no one can render them) go."""
    db.execute("UPDATE clipboard SET owner_pid = 0, owner_ptoken = 0, owner_hwnd = 0")
    kept: set[int] = set()
    dropped = False
    for fmt, source, has_data in present(db):
        if has_data or (source and source in kept):
            kept.add(fmt)
        else:
            db.execute("DELETE FROM formats WHERE format = ?", (fmt,))
            dropped = True
    if dropped:
        db.execute("UPDATE clipboard SET seqno = ?", (row.seqno + 1,))


class Found(NamedTuple):
    """A format's data as a read finds it."""

    data: bytes | None  # None: not rendered
    key: tuple[int, int]  # its stamp and its source's: they change when the data does
    pending: int  # the format whose owner would have to render it first, or 0


def data_of(db: sqlite3.Connection, fmt: int) -> Found | None:
    """A format's data, as placed or synthesized from its source; None if it is absent."""
    found = db.execute("SELECT source, stamp, data FROM formats WHERE format = ?", (fmt,))
    row = found.fetchone()
    if row is None:
        return None
    source, stamp, data = int(row[0]), int(row[1]), row[2]
    if data is not None:
        return Found(bytes(data), (stamp, 0), 0)
    if not source:
        return Found(None, (stamp, 0), fmt)  # delayed
    found = db.execute("SELECT stamp, data FROM formats WHERE format = ?", (source,))
    origin = found.fetchone()
    if origin is None:
        return Found(None, (stamp, -1), 0)
    if origin[1] is None:
        return Found(None, (stamp, -1), source)  # its source is delayed
    return Found(convert_text(fmt, source, bytes(origin[1])), (stamp, int(origin[0])), 0)
