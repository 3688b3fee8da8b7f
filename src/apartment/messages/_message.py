"""The message itself: the MSG tuple, its time stamp, and registered message numbers.

Every other module of the layer builds on these; this one imports nothing else of the layer.
"""

from __future__ import annotations

import itertools
import time
from typing import NamedTuple

from ..errors import InvalidParameterError, NotEnoughQuotaError
from ..kernel.lowlevel import KERNEL_LOCK

__all__ = [
    "Message",
    "make_message",
    "quit_code",
    "register_window_message",
    "ticks",
]


class Message(NamedTuple):
    """A retrieved message, shaped like pywin32's MSG tuple.

    ``hwnd`` is 0 for a thread message; ``time`` is milliseconds of a monotonic clock.
    """

    hwnd: int
    message: int
    wparam: object
    lparam: object
    time: int
    pt: tuple[int, int]


_new_message = tuple.__new__  # builds a Message without the Python-level __new__
_NO_POINT = (0, 0)


_now_ns = time.monotonic_ns


def ticks() -> int:
    """Milliseconds of a monotonic clock, wrapping at 32 bits, as GetTickCount."""
    return _now_ns() // 1_000_000 & 0xFFFFFFFF


def quit_code(message: Message) -> int:
    """The exit code a WM_QUIT message carries in its wparam."""
    code = message[2]
    return code if isinstance(code, int) else 0


def make_message(hwnd: int, message: int, wparam: object, lparam: object) -> Message:
    """Build a Message stamped with the current time (``ticks()``, inlined: every post)."""
    stamp = _now_ns() // 1_000_000 & 0xFFFFFFFF
    return _new_message(Message, (hwnd, message, wparam, lparam, stamp, _NO_POINT))


_registered_messages: dict[str, int] = {}
_message_ids = itertools.count(0xC000)


def register_window_message(name: str) -> int:
    """Return the message number for ``name``, the same for every caller (0xC000-0xFFFF).

    Raises:
        NotEnoughQuotaError: all 16,384 registered message numbers are taken.
    """
    if not isinstance(name, str) or not name:
        raise InvalidParameterError("a registered message needs a non-empty name")
    with KERNEL_LOCK:
        number = _registered_messages.get(name.lower())
        if number is None:
            number = next(_message_ids)
            if number > 0xFFFF:
                raise NotEnoughQuotaError("every registered message number is taken")
            _registered_messages[name.lower()] = number
        return number
