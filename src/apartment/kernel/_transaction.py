"""Transactions (the Kernel Transaction Manager's CreateTransaction): a unit of work that
resource managers (the registry, files) enlist in, committed or rolled back as one.

A :class:`Transaction` is a kernel object in the handle table: waitable, and signaled once its
outcome is known (committed or rolled back), as on Windows. Work done through it is kept by
the resource managers that enlisted (:meth:`Transaction.enlist`), seen only through the
transaction's own handles, and applied at :meth:`~Transaction.commit`; a rollback, or closing
the transaction's last handle while it is active, discards it. A transaction lives in its
process: :func:`open_transaction` finds one of this process by its id.

The resource managers' ``commit``, ``rollback`` run on the thread that commits or rolls back
(or closes the last handle), outside the kernel lock.
"""  # noqa: D205

from __future__ import annotations

import threading
import uuid
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from .._clock import get_clock
from ..errors import (
    ERROR_TRANSACTION_ALREADY_ABORTED,
    ERROR_TRANSACTION_ALREADY_COMMITTED,
    ERROR_TRANSACTION_NOT_ACTIVE,
    ERROR_TRANSACTION_NOT_FOUND,
    Win32Error,
)
from ._core import KERNEL_LOCK, Waitable, Waiter, release_waiters, wake_all

if TYPE_CHECKING:
    from collections.abc import Callable

    from .._clock import TimerHandle

__all__ = [
    "TRANSACTION_ACTIVE", "TRANSACTION_COMMITTED", "TRANSACTION_ROLLED_BACK",
    "Enlistment", "Transaction", "TransactionStatistics", "open_transaction",
]  # fmt: skip

TRANSACTION_ACTIVE = "active"
TRANSACTION_COMMITTED = "committed"
TRANSACTION_ROLLED_BACK = "rolled back"


class Enlistment(Protocol):
    """A resource manager's work in one transaction."""

    def commit(self) -> None:
        """Apply the work; raise a Win32Error (nothing applied) to make the commit fail."""

    def rollback(self) -> None:
        """Discard the work and release what it holds."""


_E = TypeVar("_E", bound=Enlistment)


@dataclass(frozen=True, slots=True)
class TransactionStatistics:
    """A snapshot of a transaction, for debugging and tests."""

    threads_waiting: int
    outcome: str
    enlistments: int


_LIVE: weakref.WeakValueDictionary[uuid.UUID, Transaction] = weakref.WeakValueDictionary()
_LIVE_LOCK = threading.Lock()


class Transaction(Waitable):
    """A transaction (CreateTransaction); signaled once committed or rolled back.

    With a ``timeout`` (seconds), it rolls back when that passes uncommitted, as Windows'.
    """

    __slots__ = ("_enlisted", "_lock", "_outcome", "_timer", "description", "id", "timeout")

    def __init__(self, description: str = "", *, timeout: float | None = None) -> None:
        super().__init__(False)
        self.id = uuid.uuid4()
        self.description = description
        self.timeout = timeout
        self._outcome = TRANSACTION_ACTIVE
        self._enlisted: dict[str, Enlistment] = {}
        # Held while enlisting and while the outcome is decided: a resource manager's work
        # never joins a transaction that is ending.
        self._lock = threading.RLock()
        with _LIVE_LOCK:
            _LIVE[self.id] = self
        self._timer: TimerHandle | None = None
        if timeout is not None:  # the clock's thread rolls it back then (``_expire``)
            clock = get_clock()
            self._timer = clock.call_at(clock.now() + timeout, self._expire)

    def __repr__(self) -> str:
        return f"<Transaction {self.id} {self._outcome}>"

    @property
    def outcome(self) -> str:
        """TRANSACTION_ACTIVE, TRANSACTION_COMMITTED or TRANSACTION_ROLLED_BACK."""
        return self._outcome

    def enlist(self, kind: str, make: Callable[[Transaction], _E]) -> _E:
        """The work of resource manager ``kind`` in this transaction, made on first use.

        Raises:
            Win32Error: ERROR_TRANSACTION_NOT_ACTIVE once the transaction has ended.
        """
        with self._lock:
            self.check_active()
            work = self._enlisted.get(kind)
            if work is None:
                work = self._enlisted[kind] = make(self)
            return work  # type: ignore[return-value]

    def check_active(self) -> None:
        """Raise ERROR_TRANSACTION_NOT_ACTIVE unless the transaction is still active."""
        if self._outcome != TRANSACTION_ACTIVE:
            raise Win32Error.from_code(
                ERROR_TRANSACTION_NOT_ACTIVE, f"the transaction was {self._outcome}"
            )

    def commit(self) -> None:
        """Apply every enlisted resource manager's work (CommitTransaction).

        If one fails, the others roll back, the transaction ends rolled back, and its error
        is raised.

        Raises:
            Win32Error: ERROR_TRANSACTION_ALREADY_COMMITTED or _ALREADY_ABORTED if it ended.
        """
        with self._lock:
            self._check_ending()
            enlisted = list(self._enlisted.values())
            done = 0
            try:
                for work in enlisted:
                    work.commit()
                    done += 1
            except BaseException:
                for work in enlisted[done:]:  # the one that failed releases what it holds too
                    work.rollback()
                self._end(TRANSACTION_ROLLED_BACK)
                raise
            self._end(TRANSACTION_COMMITTED)

    def rollback(self) -> None:
        """Discard every enlisted resource manager's work (RollbackTransaction).

        Raises:
            Win32Error: ERROR_TRANSACTION_ALREADY_COMMITTED or _ALREADY_ABORTED if it ended.
        """
        with self._lock:
            self._check_ending()
            self._discard()

    def _discard(self) -> None:
        for work in self._enlisted.values():
            work.rollback()
        self._end(TRANSACTION_ROLLED_BACK)

    def _check_ending(self) -> None:
        if self._outcome == TRANSACTION_COMMITTED:
            raise Win32Error.from_code(ERROR_TRANSACTION_ALREADY_COMMITTED)
        if self._outcome == TRANSACTION_ROLLED_BACK:
            raise Win32Error.from_code(ERROR_TRANSACTION_ALREADY_ABORTED)

    def _expire(self) -> None:
        """The timeout passed (on the clock's thread): roll back unless it is ending already.

        It must not block: a commit in progress holds the lock, and then the commit decides.
        """
        if not self._lock.acquire(blocking=False):
            return
        try:
            if self._outcome == TRANSACTION_ACTIVE:
                self._discard()
        finally:
            self._lock.release()

    def _end(self, outcome: str) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._enlisted.clear()
        woken: list[Waiter] = []
        with KERNEL_LOCK:
            self._outcome = outcome
            self._ready = True
            release_waiters(self, woken)
        wake_all(woken)

    def close_on_last_handle(self) -> None:
        """The last handle closed: an active transaction rolls back, as on Windows."""
        with self._lock:
            if self._outcome == TRANSACTION_ACTIVE:
                self._discard()

    def statistics(self) -> TransactionStatistics:
        """How many threads wait for the outcome, the outcome, and who enlisted."""
        with KERNEL_LOCK:
            waiting = len(self._waiters)
        with self._lock:
            return TransactionStatistics(waiting, self._outcome, len(self._enlisted))

    # -- kernel-object protocol (kernel lock held) ------------------------------------------

    def _take(self, thread: object) -> bool:
        return False  # a wait leaves the outcome known to every later wait


def open_transaction(transaction_id: uuid.UUID) -> Transaction:
    """The transaction of this process with ``transaction_id`` (OpenTransaction).

    Raises:
        Win32Error: ERROR_TRANSACTION_NOT_FOUND if none has that id.
    """
    with _LIVE_LOCK:
        found = _LIVE.get(transaction_id)
    if found is None:
        raise Win32Error.from_code(
            ERROR_TRANSACTION_NOT_FOUND, f"no transaction {transaction_id} in this process"
        )
    return found
