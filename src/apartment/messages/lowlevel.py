"""The message layer's low-level API: what the COM layer builds on.

``apartment.messages`` is the API for users; this module is where the layers above reach below
it, and nothing outside ``apartment.messages`` imports its private modules (a test enforces
it). A :class:`~apartment.messages.MessageQueue`'s methods that take a ``woken`` list run
with the kernel lock held, as ``apartment.kernel.lowlevel`` describes.
"""

from __future__ import annotations

from ._queue import make_message as make_message

__all__ = ["make_message"]
