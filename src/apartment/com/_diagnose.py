"""Saying what a call's callee is doing: for timeouts, and for calls that wait too long.

When a call into an STA gets no reply, the reason is nearly always that the STA's thread does
not pump messages: it waits on kernel objects, or runs Python code, while calls queue up.
:func:`no_reply` says which, from what the callee's thread is parked on; :func:`warn_stalled`
turns that into a :class:`StalledCallWarning` that names the fix.
"""

from __future__ import annotations

import time
import warnings
from typing import TYPE_CHECKING

from .. import messages
from ..kernel.lowlevel import KERNEL_LOCK, parked_on
from ._apartment import ApartmentKind

if TYPE_CHECKING:
    from ._apartment import Apartment
    from ._packet import CallPacket

__all__ = ["StalledCallWarning", "no_reply", "warn_stalled"]


class StalledCallWarning(RuntimeWarning):
    """A call into another apartment has had no reply for a while (see stall_warning)."""


def no_reply(packet: CallPacket, target: Apartment, timeout: float | None) -> str:
    """Say why a call got no reply in time: what the callee's thread is doing."""
    bound = packet.control
    with KERNEL_LOCK:
        queued = bound is None or not bound.started
        thread = target.thread
        parked = parked_on(thread) if thread is not None else None
    head = f"no reply from {target!r} within {timeout} s"
    if target.kind is ApartmentKind.REMOTE:
        return f"{head}: the other process has not answered; its late reply is discarded"
    if target.kind is ApartmentKind.MTA:
        what = (
            "no MTA worker took the call"
            if queued
            else "an MTA worker is still running the call (it may be blocked)"
        )
        return f"{head}: {what}; the call was abandoned and a late result is discarded"
    if not queued:
        what = "its thread is still running the call (or a call that it made out of it)"
    elif parked is None:
        what = "its thread is busy running Python code and has not pumped messages since"
    elif any(isinstance(obj, messages.QueueInput) for obj in parked):
        what = "its thread is pumping messages but has not reached this call yet"
    else:
        names = ", ".join(repr(obj) for obj in parked) or "nothing (a sleep)"
        what = (
            f"its thread waits on {names} without pumping messages, so calls into its "
            "apartment cannot run (wait with apartment.messages.msg_wait_any, or "
            "CoWaitForMultipleHandles, to keep pumping)"
        )
    return f"{head}: {what}; the call was withdrawn or its late result is discarded"


_FIX = (
    "pump messages on that thread: a message loop (pythoncom.PumpMessages, "
    "win32gui.PumpWaitingMessages, apartment.messages.pump_messages), or waits that pump "
    "(MsgWaitForMultipleObjects, CoWaitForMultipleHandles, apartment.messages.msg_wait_any)"
)


def warn_stalled(packet: CallPacket, target: Apartment, seconds: float, what: str) -> None:
    """Warn, on the calling thread, that ``what`` (a call into ``target``) waits and why.

    A warning turned into an error withdraws the call (it will not run) and raises.
    """
    bound = packet.control
    waited = seconds if bound is None else time.monotonic() - bound.made_at
    detail = no_reply(packet, target, seconds).split(": ", 1)[1].rsplit(";", 1)[0]
    text = f"{what} into {target!r} has had no reply for {waited:.1f} s: {detail}"
    if target.kind is ApartmentKind.STA:
        text = f"{text}; {_FIX}"
    try:
        warnings.warn(StalledCallWarning(text), stacklevel=2)
    except Warning as error:  # -W error: the caller gives up the call, as on a timeout
        packet.abandon(error)
        raise
