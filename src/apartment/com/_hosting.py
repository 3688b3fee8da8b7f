"""The hosting seam: how one kind of apartment receives calls and how its threads make them.

pykka's ``Actor`` leaves three hooks to the runtime that hosts it (its inbox, its futures,
its loop), which ``ThreadingActor`` fills. An :class:`~._apartment.Apartment` leaves four to
the :class:`Hosting` of its kind, which the module of that kind fills:

==========  ================================  ============================  ==================
hook        STA (:mod:`._sta`)                MTA (:mod:`._mta`)            NA (here)
==========  ================================  ============================  ==================
open        create the hidden window          nothing                       nothing
close       fail queued calls, destroy it     nothing                       nothing
deliver     post to the hidden window         hand to an MTA worker         None: run in place
call_out    deliver, then a modal loop that   deliver, then a plain wait    (never a caller)
            keeps serving calls into the STA
==========  ================================  ============================  ==================

Delivering a call depends on the *target's* kind (``target.deliver``); making it and awaiting
its reply on the *caller's* (``caller.call_out``). An apartment copies both hooks into slots
of its own: a call reads each once, as one attribute.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, final

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._apartment import Apartment
    from ._packet import CallPacket

    Deliver = Callable[[CallPacket], None]
    CallOut = Callable[[Apartment, Apartment, Callable[..., Any], tuple[Any, ...]], Any]

__all__ = ["Hosting", "NEUTRAL", "nothing_to_do"]


@final
@dataclasses.dataclass(frozen=True, slots=True)
class Hosting:
    """How the apartments of one kind are hosted: the hooks an apartment hands over to.

    The hooks are plain functions shared by every apartment of the kind, so each takes the
    apartment it serves as an argument.

    Attributes:
        open: ``open(apartment)`` gets a new apartment ready for calls, on the thread that
            creates it, before any other thread can see it (an STA creates its hidden window).
            The MTA is created under the kernel lock: its hook must neither block nor lock.
        close: ``close(apartment)`` closes an apartment that has ended, on the thread that
            ended it (an STA fails the calls still queued to it and destroys its window).
        deliver: ``deliver(packet)`` carries a call into an apartment of this kind, on the
            calling thread, and returns at once; the thread that runs the call finishes the
            packet. None: a call into the apartment runs on the caller's thread (the NA).
        call_out: ``call_out(caller, target, fn, args)`` runs ``fn(*args)`` in ``target``
            for a thread of ``caller``, an apartment of this kind, and returns its result (or
            raises its exception): it has ``target.deliver`` carry the call and awaits the
            reply the way this kind of apartment waits.
    """

    open: Callable[[Apartment], None]
    close: Callable[[Apartment], None]
    deliver: Deliver | None
    call_out: CallOut


def nothing_to_do(apartment: Apartment) -> None:
    """Open or close an apartment that has nothing to open or close (the MTA, the NA)."""


def _never_called_out(
    caller: Apartment,
    target: Apartment,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
) -> Any:  # noqa: ANN401
    raise AssertionError(f"{caller!r} has no thread of its own to make calls from")


NEUTRAL = Hosting(open=nothing_to_do, close=nothing_to_do, deliver=None, call_out=_never_called_out)
"""The neutral apartment's: no thread, no window; a call into it runs on the caller's thread."""
