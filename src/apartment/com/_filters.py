"""The message filter's protocol and codes (IMessageFilter), for bounding calls into an STA.

See :mod:`._callctl`, which uses them.
"""

from __future__ import annotations

from typing import Protocol

__all__ = [
    "SERVERCALL_ISHANDLED",
    "SERVERCALL_REJECTED",
    "SERVERCALL_RETRYLATER",
    "PENDINGMSG_CANCELCALL",
    "PENDINGMSG_WAITNOPROCESS",
    "PENDINGMSG_WAITDEFPROCESS",
    "CALLTYPE_TOPLEVEL",
    "CALLTYPE_NESTED",
    "CALLTYPE_TOPLEVEL_CALLPENDING",
    "PENDINGTYPE_TOPLEVEL",
    "PENDINGTYPE_NESTED",
    "MessageFilter",
]

SERVERCALL_ISHANDLED = 0
SERVERCALL_REJECTED = 1
SERVERCALL_RETRYLATER = 2
PENDINGMSG_CANCELCALL = 0
PENDINGMSG_WAITNOPROCESS = 1
PENDINGMSG_WAITDEFPROCESS = 2
CALLTYPE_TOPLEVEL = 1
CALLTYPE_NESTED = 2
CALLTYPE_TOPLEVEL_CALLPENDING = 4
PENDINGTYPE_TOPLEVEL = 1
PENDINGTYPE_NESTED = 2


class MessageFilter(Protocol):
    """An STA's message filter (IMessageFilter), with its methods in Python spelling.

    Every method runs on the STA's own thread: ``handle_incoming_call`` when a call from
    another apartment is about to run there, the two others while the thread waits for a call
    it made.
    """

    def handle_incoming_call(
        self, call_type: int, caller_thread: int, tick_count: int, info: object
    ) -> int:
        """Return SERVERCALL_ISHANDLED to run the call, _REJECTED or _RETRYLATER to refuse it."""

    def retry_rejected_call(self, callee_thread: int, tick_count: int, reject_type: int) -> int:
        """Return -1 to give up (RPC_E_CALL_REJECTED), 0-99 to retry now, else ms to wait."""

    def message_pending(self, callee_thread: int, tick_count: int, pending_type: int) -> int:
        """Return PENDINGMSG_CANCELCALL to cancel the call, else keep waiting."""
