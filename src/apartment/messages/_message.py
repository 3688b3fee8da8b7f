"""The message itself: the MSG tuple, its time stamp, what may be posted.

Every other module of the layer builds on these; this one imports nothing else of the layer.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from ..errors import MessageSyncOnlyError

__all__ = [
    "SYNC_ONLY_MESSAGES",
    "check_message",
    "posted_message",
    "Message",
    "make_message",
    "quit_code",
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

    def __repr__(self) -> str:
        """The plain tuple's repr, as pywin32's MSG prints (programs print what they get)."""
        return tuple.__repr__(self)


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


SYNC_ONLY_MESSAGES = frozenset(
    {
        0x0001, 0x000C, 0x000D, 0x001A, 0x001B, 0x0024, 0x002B, 0x002C, 0x002D, 0x0039,
        0x0046, 0x0047, 0x004A, 0x0053, 0x007C, 0x007D, 0x0081, 0x0083, 0x0087, 0x00B0,
        0x00B2, 0x00B3, 0x00B4, 0x00C2, 0x00C4, 0x00CB, 0x00E3, 0x00E9, 0x00EA, 0x00EB,
        0x0140, 0x0143, 0x0145, 0x0148, 0x014A, 0x014C, 0x014D, 0x0152, 0x0158, 0x0180,
        0x0181, 0x0189, 0x018C, 0x018D, 0x018F, 0x0191, 0x0192, 0x0196, 0x0198, 0x01A2,
        0x0213, 0x0214, 0x0216, 0x0220, 0x0229, 0x022A, 0x022B, 0x022D, 0x022E, 0x022F,
        0x030C, 0x03E2, 0x03E4, 0x03E5, 0x03E7,
    }
)  # fmt: skip
"""System messages whose parameters are pointers (WM_CREATE, WM_SETTEXT, WM_COPYDATA, ...):
they can be sent but never posted (ERROR_MESSAGE_SYNC_ONLY), as the real user32 answers."""


def check_message(msg: object) -> int:
    """Check a message number at the door: an int in 0..0xFFFFFFFF.

    Raises:
        TypeError: not an int (a str, None or float message would poison the queue).
        ValueError: out of the 32-bit range.
    """
    if type(msg) is not int:
        if isinstance(msg, bool) or not isinstance(msg, int):
            raise TypeError(f"a message number is an int, not {msg!r}")
        msg = int(msg)
    if not 0 <= msg <= 0xFFFFFFFF:
        raise ValueError(f"a message number is a 32-bit value (0 to 0xFFFFFFFF), not {msg!r}")
    return msg


def posted_message(hwnd: int, msg: int, wparam: object, lparam: object) -> Message:
    """Build a message to post, refusing what may not be posted.

    Raises:
        TypeError, ValueError: see :func:`check_message`.
        MessageSyncOnlyError: a message whose parameters are pointers (can only be sent).
    """
    if type(msg) is not int or not 0 <= msg <= 0xFFFFFFFF:
        msg = check_message(msg)
    if msg < 0x400 and msg in SYNC_ONLY_MESSAGES:
        raise MessageSyncOnlyError(
            f"message {msg:#x} carries pointers: it can be sent (send_message) but not posted"
        )
    stamp = _now_ns() // 1_000_000 & 0xFFFFFFFF
    return _new_message(Message, (hwnd, msg, wparam, lparam, stamp, _NO_POINT))
