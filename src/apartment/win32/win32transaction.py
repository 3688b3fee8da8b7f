"""pywin32's ``win32transaction``: the Kernel Transaction Manager's transactions (ktmw32).

A transaction is a handle to :class:`apartment.kernel.Transaction`: waitable, signaled when it
is committed or rolled back. Pass it as ``Transaction=`` to win32api's RegCreateKeyEx and
RegDeleteKeyEx, or to RegOpenKeyTransacted; what the registry changes through it waits for
CommitTransaction (:mod:`apartment.registry`'s transacted keys say what is transacted).
Transactions live in their process: OpenTransaction finds one of this process by its id.
"""

from __future__ import annotations

import uuid

from .. import kernel
from ._adapt import api, dword
from ._handles import PyHANDLE, lookup, new_handle
from ._security import inherits
from .pywintypes import IID, PyIID, error

__all__ = [
    "error",
    "CommitTransaction", "CommitTransactionAsync", "CreateTransaction", "GetTransactionId",
    "OpenTransaction", "RollbackTransaction", "RollbackTransactionAsync",
]  # fmt: skip

# The access rights (winnt.h's TRANSACTION_*; pywin32's module exports none of them)
_QUERY_INFORMATION = 0x1
_COMMIT = 0x8
_ROLLBACK = 0x10
_ALL_ACCESS = 0x1F003F


def _transaction(handle: object, access: int) -> kernel.Transaction:
    return lookup(handle, kernel.Transaction, access)


@api("CreateTransaction")
def CreateTransaction(
    TransactionAttributes: object = None,
    UOW: object = None,
    CreateOptions: int = 0,
    IsolationLevel: int = 0,
    IsolationFlags: int = 0,
    Timeout: int = 0,
    Description: str | None = None,
) -> PyHANDLE:
    """A new transaction's handle (all access); after ``Timeout`` ms (0: none) it rolls back."""
    dword(CreateOptions)
    timeout = dword(Timeout)
    made = kernel.Transaction(Description or "", timeout=timeout / 1000 if timeout else None)
    return new_handle(made, _ALL_ACCESS, inherit=inherits(TransactionAttributes))


@api("CommitTransaction")
def CommitTransaction(TransactionHandle: object) -> None:
    _transaction(TransactionHandle, _COMMIT).commit()


@api("CommitTransactionAsync")
def CommitTransactionAsync(TransactionHandle: object) -> None:
    """Commit; the outcome is known when this returns (the handle is signaled by then)."""
    _transaction(TransactionHandle, _COMMIT).commit()


@api("RollbackTransaction")
def RollbackTransaction(TransactionHandle: object) -> None:
    _transaction(TransactionHandle, _ROLLBACK).rollback()


@api("RollbackTransactionAsync")
def RollbackTransactionAsync(TransactionHandle: object) -> None:
    """Roll back; done when this returns (the handle is signaled by then)."""
    _transaction(TransactionHandle, _ROLLBACK).rollback()


@api("GetTransactionId")
def GetTransactionId(TransactionHandle: object) -> PyIID:
    return IID(str(_transaction(TransactionHandle, _QUERY_INFORMATION).id).join("{}"))


@api("OpenTransaction")
def OpenTransaction(DesiredAccess: int, TransactionId: object) -> PyHANDLE:
    """Another handle to this process's transaction ``TransactionId``; 6715 if none has it."""
    access = dword(DesiredAccess)
    found = kernel.open_transaction(uuid.UUID(str(IID(TransactionId))))
    return new_handle(found, access)
