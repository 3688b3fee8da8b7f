"""The services database's lock: LockServiceDatabase, UnlockServiceDatabase, QueryServiceLockStatus.

One process at a time owns the lock of a user's services database. Windows keeps it in the
service control manager and lets it go when its owner's connection runs down; here it is an
exclusive ``flock`` on a file beside the database, so the kernel lets it go when the owning
process dies, however it dies. The file holds who locked it and when, for
QueryServiceLockStatus.

As on Windows since Vista, the lock is kept for programs that take it and changes nothing
else: StartService does not wait for it or fail because of it (Windows XP failed with
ERROR_SERVICE_DATABASE_LOCKED; Microsoft's documentation says the lock "has no effect on the
database" now). A second lock while one is held fails with ERROR_SERVICE_DATABASE_LOCKED,
in this process or another.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import threading
import time
from typing import NamedTuple

from .._fork import SERVICES, after_fork_in_child
from ..errors import ERROR_INVALID_SERVICE_LOCK, ERROR_SERVICE_DATABASE_LOCKED
from ..kernel import computer_name, user_name
from ._constants import SC_MANAGER_LOCK, SC_MANAGER_QUERY_LOCK_STATUS
from ._database import services_path
from ._manager import ServiceManager, fail, need

__all__ = ["DatabaseLock", "LockStatus", "lock_database", "unlock_database", "lock_status"]

_SETTLE = 0.05  # seconds to let a status query's brief shared hold pass before giving up


class LockStatus(NamedTuple):
    """QUERY_SERVICE_LOCK_STATUS: locked or not, by whom, for how many whole seconds."""

    locked: bool
    owner: str
    duration: int


class DatabaseLock(NamedTuple):
    """An SC_LOCK: its value, and the open file whose exclusive flock is the lock."""

    value: int
    fd: int


class _Held:
    """The locks this process holds by value, under ``lock`` (valid until unlocked)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.locks: dict[int, DatabaseLock] = {}
        self.values = itertools.count(0x10001, 2)

    def forget_in_child(self) -> None:
        """A forked child owns none of its parent's locks: its copies of the files go."""
        for lock in self.locks.values():
            with contextlib.suppress(OSError):
                os.close(lock.fd)
        self.locks.clear()


_held = _Held()
after_fork_in_child(_held.forget_in_child, SERVICES)


def _lock_path() -> str:
    return f"{services_path()}.lock"


def _open_lock_file() -> int:
    path = _lock_path()
    os.makedirs(os.path.dirname(path) or ".", mode=0o700, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)


def _read_owner(fd: int) -> tuple[str, float] | None:
    """The owner and start time written in the lock file, None while it holds none."""
    text = os.pread(fd, 4096, 0).decode("utf-8", "replace")
    owner, _, since = text.partition("\n")
    try:
        return owner, float(since)
    except ValueError:
        return None


def lock_database(manager: ServiceManager) -> DatabaseLock:
    """Take the database's lock (SC_MANAGER_LOCK; ERROR_SERVICE_DATABASE_LOCKED if held)."""
    need(manager, SC_MANAGER_LOCK)
    fd = _open_lock_file()
    deadline = time.monotonic() + _SETTLE
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            # A holder writes its name at once; a file without one is a status query's
            # brief shared hold, which goes by itself.
            if _read_owner(fd) is not None or time.monotonic() > deadline:
                os.close(fd)
                raise fail(
                    ERROR_SERVICE_DATABASE_LOCKED, "another caller holds the database's lock"
                ) from None
            time.sleep(0.001)
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{computer_name()}\\{user_name()}\n{time.time()!r}".encode(), 0)
    with _held.lock:
        lock = DatabaseLock(next(_held.values), fd)
        _held.locks[lock.value] = lock
    return lock


def unlock_database(value: int) -> None:
    """Release the lock of that value (ERROR_INVALID_SERVICE_LOCK if this process holds none)."""
    with _held.lock:
        lock = _held.locks.pop(value, None) if type(value) is int else None
    if lock is None:
        raise fail(ERROR_INVALID_SERVICE_LOCK, f"{value!r} is no lock this process holds")
    os.ftruncate(lock.fd, 0)  # no owner left to report, before anyone can take it
    os.close(lock.fd)  # and the flock goes with the file's last descriptor


def lock_status(manager: ServiceManager) -> LockStatus:
    """Whether the database is locked, by whom and since when (SC_MANAGER_QUERY_LOCK_STATUS)."""
    need(manager, SC_MANAGER_QUERY_LOCK_STATUS)
    fd = _open_lock_file()
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            deadline = time.monotonic() + _SETTLE
            while (owner := _read_owner(fd)) is None and time.monotonic() < deadline:
                time.sleep(0.001)  # taken this instant: its owner's name is on its way
            name, since = owner or ("", time.time())
            return LockStatus(True, name, max(0, int(time.time() - since)))
        return LockStatus(False, "", 0)
    finally:
        os.close(fd)
