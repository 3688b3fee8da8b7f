"""The message layer's low-level API: what the COM layer builds on.

``apartment.messages`` is the API for users; this module is where the layers above reach below
it, and nothing outside ``apartment.messages`` imports its private modules (a test enforces
it). Everything named here is a promise to the upper layers; everything else may change.

Functions:

* :func:`flagged_getter` builds the facade's GetMessage (``[rc, message]``) as one frame.
* :func:`thread_poster` builds the facade's PostThreadMessage as one frame.
* :func:`make_message` builds a :class:`~apartment.messages.Message` stamped with the current
  time, ready for :meth:`MessageQueue.post <apartment.messages.MessageQueue.post>`.

:class:`~apartment.messages.MessageQueue` (``current_queue()``, ``queue_of()``, a window's
``queue``) is public, but only these members of it are for the layers above; the others are
the layer's own:

* ``post(message, woken)``: append a posted message; any thread, **kernel lock held**. It wakes
  nobody itself: it appends the satisfied waiters to ``woken``, which the caller hands to
  ``apartment.kernel.lowlevel.wake_all`` after dropping the lock (as
  ``apartment.kernel.lowlevel`` describes). Raises ``InvalidThreadIdError`` if the owner has
  ended and ``NotEnoughQuotaError`` at ``POSTED_MESSAGE_LIMIT``. Find the queue and post in one
  lock hold: that is PostMessage's whole cost.
* ``post_new(hwnd, msg, wparam, lparam, woken)``: ``post(make_message(hwnd, msg, wparam,
  lparam), woken)`` in one call (the message built inside), with the same rules.
* ``peek(hwnd, first, last, flags)``: PeekMessage on the queue object, without checking
  ``hwnd``; owner thread, lock not held. Messages sent from other threads are handled inside.
* ``input``: the queue's :class:`~apartment.messages.QueueInput`, to wait on beside kernel
  objects. Before a wait the owner arms it, kernel lock held:
  ``input.arm(mask, available)`` (QS_* bits; ``available`` counts input already seen too).
* ``handling``: the messages being handled now, innermost last; an entry is the message
  sent from another thread being handled, None where there is none: a posted or
  same-thread message repeats the entry under it (it is no receipt), so
  ``handling and handling[-1] is not None`` is ``in_send_message()`` without a call.
  Owner thread only; read it, never change it.
* ``thread``: the owning thread's :class:`~apartment.kernel.ThreadHandle`.
"""

from __future__ import annotations

from ._message import make_message as make_message
from ._pump import flagged_getter as flagged_getter
from ._queue import thread_poster as thread_poster

__all__ = ["flagged_getter", "make_message", "thread_poster"]
