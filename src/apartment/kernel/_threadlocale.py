"""Each thread's locale (SetThreadLocale): the user's, English (United States), at first.

Nothing formats by it here (the date and number formats are the US ones); it is recorded for
GetThreadLocale. An LCID is refused (ERROR_INVALID_PARAMETER) when its reserved bits are set
or its language is none Windows knows (a primary language id of 0 or above 0x9F); the
default locales (LOCALE_USER_DEFAULT, LOCALE_SYSTEM_DEFAULT) are the user's.
"""

from __future__ import annotations

import threading

from ..errors import InvalidParameterError
from ._machine import LOCALE_ID

__all__ = ["set_thread_locale", "thread_locale"]

_LOCALE_USER_DEFAULT, _LOCALE_SYSTEM_DEFAULT = 0x0400, 0x0800
_tls = threading.local()


def thread_locale() -> int:
    """The calling thread's locale (GetThreadLocale)."""
    locale: int = getattr(_tls, "locale", LOCALE_ID)
    return locale


def set_thread_locale(lcid: int) -> None:
    """Set the calling thread's locale (SetThreadLocale).

    Raises:
        TypeError: ``lcid`` is not an int.
        InvalidParameterError: no locale Windows knows.
    """
    if isinstance(lcid, bool) or not isinstance(lcid, int):
        raise TypeError(f"a locale id is an int, not {type(lcid).__name__}")
    if lcid in (_LOCALE_USER_DEFAULT, _LOCALE_SYSTEM_DEFAULT):
        lcid = LOCALE_ID
    primary, sublanguage = lcid & 0x3FF, lcid >> 10 & 0x3F
    if lcid >> 20 or not 0 < primary <= 0x9F or sublanguage > 0x20:
        raise InvalidParameterError(f"{lcid:#x} is no locale")
    _tls.locale = lcid
