"""Registered clipboard formats: a name for every process of the session, numbered from 0xC000.

``register_clipboard_format`` gives every caller, in any process, the same number for a name
(matched without regard to case; the first spelling is kept), as Windows' atom table does. A
name ``#`` followed by decimal digits is an integer atom: the number itself (taken modulo
2**16), which must lie in 1 .. 0xBFFF. The names live in the clipboard's file
(:mod:`._clipboard_store`), so they last as long as the user's session.

Windows numbers registered window messages from the same atom table, so a name gives the
same number to both, in every process of the session: ``register_window_message`` is the
same look-up (each process keeps the numbers it has learnt).
"""

from __future__ import annotations

import threading

from ..errors import (
    ERROR_INVALID_NAME,
    InvalidHandleError,
    InvalidParameterError,
    NotEnoughQuotaError,
    Win32Error,
)
from ._clipboard_store import clipboard_path, transaction

__all__ = [
    "FIRST_REGISTERED_FORMAT", "check_format", "clipboard_format_name", "register_clipboard_format",
    "register_window_message",
]  # fmt: skip

FIRST_REGISTERED_FORMAT = 0xC000
"""The first number a registered format gets; the last is 0xFFFF."""
_LAST = 0xFFFF
_MAX_NAME = 255  # UTF-16 units, as Windows counts an atom's name


def check_format(fmt: object) -> int:
    """Check a clipboard format argument: an int, a UINT."""
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        raise TypeError(f"a clipboard format is an int, not {fmt!r}")
    if not 0 <= fmt < 2**32:
        raise ValueError(f"a clipboard format is a UINT (0 to 2**32 - 1), not {fmt}")
    return fmt


def register_clipboard_format(name: str) -> int:
    """Return the format number of ``name`` (RegisterClipboardFormat), registering it if new.

    Raises:
        Win32Error: ``name`` is empty (ERROR_INVALID_NAME).
        InvalidParameterError: longer than 255 characters, or an integer atom ``#N`` out of
            range.
        NotEnoughQuotaError: all 16,384 numbers are taken.
    """
    if not isinstance(name, str):
        raise TypeError(f"a clipboard format name is a str, not {name!r}")
    if not name:
        raise Win32Error.from_code(ERROR_INVALID_NAME, "a clipboard format needs a name")
    if len(name.encode("utf-16-le", "surrogatepass")) // 2 > _MAX_NAME:
        raise InvalidParameterError(f"a format name has at most {_MAX_NAME} characters")
    digits = name[1:]
    if name[0] == "#" and digits.isascii() and digits.isdigit():
        number = int(digits) % 2**16
        if not 0 < number < FIRST_REGISTERED_FORMAT:
            raise InvalidParameterError(f"the integer atom {name!r} is not in 1 .. 0xBFFF")
        return number
    key = name.lower()
    with transaction() as db:
        found = db.execute("SELECT format FROM names WHERE name_key = ?", (key,)).fetchone()
        if found is not None:
            return int(found[0])
        (last,) = db.execute("SELECT max(format) FROM names").fetchone()
        number = FIRST_REGISTERED_FORMAT if last is None else int(last) + 1
        if number > _LAST:
            raise NotEnoughQuotaError("every registered clipboard format number is taken")
        db.execute("INSERT INTO names VALUES (?, ?, ?)", (number, name, key))
        return number


def clipboard_format_name(fmt: int) -> str:
    """Return the name a registered format was registered with (GetClipboardFormatName).

    Raises:
        InvalidParameterError: a standard format, or any number below 0xC000 (integer atoms
            have no name).
        InvalidHandleError: no format of that number was registered.
    """
    fmt = check_format(fmt)
    if fmt < FIRST_REGISTERED_FORMAT:
        raise InvalidParameterError(f"format {fmt} is not a registered format: it has no name")
    if fmt <= _LAST:
        with transaction() as db:
            found = db.execute("SELECT name FROM names WHERE format = ?", (fmt,)).fetchone()
        if found is not None:
            return str(found[0])
    raise InvalidHandleError(f"no clipboard format {fmt:#x} has been registered")


_learnt: dict[tuple[str, str], int] = {}  # (file, lower(name)) -> number; _learnt_lock
_learnt_lock = threading.Lock()


def register_window_message(name: str) -> int:
    """Return the message number for ``name`` (RegisterWindowMessage): 0xC000 to 0xFFFF.

    Every caller of every process of the session gets the same number for a name (matched
    without regard to case), from the atom table registered clipboard formats share.

    Raises:
        InvalidParameterError: an empty name, or one longer than 255 characters.
        NotEnoughQuotaError: all 16,384 registered numbers are taken.
    """
    if not isinstance(name, str) or not name:
        raise InvalidParameterError("a registered message needs a non-empty name")
    key = (str(clipboard_path()), name.lower())
    with _learnt_lock:
        number = _learnt.get(key)
    if number is None:
        number = register_clipboard_format(name)
        with _learnt_lock:
            _learnt[key] = number
    return number
