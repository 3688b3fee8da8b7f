"""Which keys an active transaction has changed: a change to one of them from outside fails.

Windows' transacted registry locks what a transaction changes until it ends: another
transaction or a plain handle that tries to change the same key fails with
ERROR_TRANSACTIONAL_CONFLICT, and reads outside see the committed state. Here a key is
locked by its path, lower-cased: a key whose values a transaction set or deleted, a key it
created or deleted, and the parent whose subkeys that changed. The table is
this process's: transactions live in their process (:mod:`apartment.kernel`'s Transaction).
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from ..errors import ERROR_TRANSACTIONAL_CONFLICT, Win32Error

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["acting_for", "check", "check_subtree", "lock", "unlock_all"]

_LOCK = threading.Lock()
_OWNERS: dict[str, object] = {}  # path (lower-cased) -> the transaction's work that holds it


class _Acting(threading.local):
    owner: object = None


_ACTING = _Acting()


@contextlib.contextmanager
def acting_for(owner: object) -> Iterator[None]:
    """Let this thread change what ``owner`` holds (its commit, replayed through the store)."""
    before, _ACTING.owner = _ACTING.owner, owner
    try:
        yield
    finally:
        _ACTING.owner = before


def _conflict(path: str) -> Win32Error:
    return Win32Error.from_code(
        ERROR_TRANSACTIONAL_CONFLICT, f"{path} is being changed by a transaction not yet ended"
    )


def check(*paths: str) -> None:
    """Raise ERROR_TRANSACTIONAL_CONFLICT if a transaction other than this thread's holds one."""
    me = _ACTING.owner
    with _LOCK:
        for path in paths:
            holder = _OWNERS.get(path.lower())
            if holder is not None and holder is not me:
                raise _conflict(path)


def check_subtree(path: str) -> None:
    """``check`` for a key and every key below it (RegDeleteTree)."""
    me, top = _ACTING.owner, path.lower()
    with _LOCK:
        for held, holder in _OWNERS.items():
            if holder is not me and (held == top or held.startswith(top + "\\")):
                raise _conflict(path)


def lock(owner: object, paths: Iterable[str]) -> None:
    """Hold ``paths`` for ``owner``, all or none; ERROR_TRANSACTIONAL_CONFLICT if one is held."""
    wanted = [path.lower() for path in paths]
    with _LOCK:
        for path in wanted:
            holder = _OWNERS.get(path)
            if holder is not None and holder is not owner:
                raise _conflict(path)
        for path in wanted:
            _OWNERS[path] = owner


def unlock_all(owner: object) -> None:
    """Release every key ``owner`` holds (its transaction ended)."""
    with _LOCK:
        for path in [path for path, holder in _OWNERS.items() if holder is owner]:
            del _OWNERS[path]
