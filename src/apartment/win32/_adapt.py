"""What every facade module shares: error stamping, units, handle arguments, wait codes.

A facade function converts its arguments, calls the core, and converts the result; these
helpers are those conversions. ``@api("Name")`` stamps the Win32 function name into the
errors the core raises (and records them for ``GetLastError``), as pywin32 reports them.
"""

from __future__ import annotations

import functools
import operator
import sys
import threading
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import WAIT_TIMEOUT, Win32Error

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..kernel import WaitResult

__all__ = [
    "INFINITE",
    "WAIT_OBJECT_0",
    "WAIT_ABANDONED_0",
    "WAIT_IO_COMPLETION",
    "WAIT_TIMEOUT",
    "api",
    "as_bool",
    "c_long",
    "dword",
    "last_error",
    "long_bool",
    "long_param",
    "named",
    "set_last_error",
    "soft",
    "stamped",
    "ms_to_timeout",
    "pointer_param",
    "text",
    "wait_code",
]

F = TypeVar("F", bound="Callable[..., Any]")

INFINITE = 0xFFFFFFFF
WAIT_OBJECT_0 = 0
WAIT_ABANDONED_0 = 0x80
WAIT_IO_COMPLETION = 0xC0
# WAIT_TIMEOUT (0x102) is also the Win32 error code of that name: the core's.

_state = threading.local()


def last_error() -> int:
    """The calling thread's last Win32 error code (GetLastError)."""
    return int(getattr(_state, "code", 0))


def set_last_error(code: int) -> None:
    """Set the calling thread's last error code (SetLastError)."""
    _state.code = code


def api(name: str) -> Callable[[F], F]:
    """Stamp ``name`` into the Win32Error a facade function lets through, as pywin32 does."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            try:
                return fn(*args, **kwargs)
            except Win32Error as error:
                raise stamped(error, name) from None

        return wrapper  # type: ignore[return-value]

    return decorate


def named(fn: F, name: str, doc: str) -> F:
    """Give a call the core built for the facade its pywin32 name, module and docstring.

    The hottest facade functions are callables of the core's (one Python frame, not two),
    built by a factory there; this makes them read as the facade's in tracebacks and help().
    """
    fn.__name__ = fn.__qualname__ = name
    fn.__module__ = _caller_module()
    fn.__doc__ = doc
    return fn


def _caller_module() -> str:
    return str(sys._getframe(2).f_globals["__name__"])


def stamped(error: Win32Error, name: str) -> Win32Error:
    """``error`` as pywin32 raises it from function ``name``, recorded for GetLastError.

    What ``@api`` does; the hottest facade calls (a wait, SetEvent, a post) do it in their
    own ``except`` clause instead, to save the wrapper's frame:
    ``except Win32Error as error: raise stamped(error, "SetEvent") from None``.
    """
    _state.code = error.winerror
    # pywin32 raises pywintypes.error itself: a named subclass becomes one.
    return error.with_funcname(name).with_traceback(error.__traceback__)


def soft(default: Callable[[], object]) -> Callable[[F], F]:
    """Make a facade function answer ``default()`` and set GetLastError when the core fails.

    For the pywin32 functions that report failure in their result (0, ``[-1, msg]``)
    instead of raising; ``default`` makes a fresh value on every failure.
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            try:
                return fn(*args, **kwargs)
            except Win32Error as error:
                set_last_error(error.winerror)
                return default()

        return wrapper  # type: ignore[return-value]

    return decorate


def dword(value: object) -> int:
    """Read an int argument as a C DWORD: masked to 32 bits, not range-checked (pywin32)."""
    if type(value) is int:  # the common case, without a call
        return value & 0xFFFFFFFF
    return operator.index(value) & 0xFFFFFFFF  # type: ignore[arg-type]


def c_long(value: object) -> int:
    """Read an argument pywin32 parses as a C long (32 bits on Windows): OverflowError past it."""
    number = value if type(value) is int else operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError("Python int too large to convert to C long")
    return number


def long_param(value: object) -> int:
    """Read an int argument as a C LONG, as pywin32 reads one: OverflowError outside 32 bits.

    Unlike a DWORD (:func:`dword`), which pywin32 masks, a LONG is range-checked by Python's
    argument parsing, so 2**31 fails before the call reaches Windows.
    """
    number = value if type(value) is int else operator.index(value)  # type: ignore[arg-type]
    if not -(2**31) <= number < 2**31:
        raise OverflowError(
            "signed integer is greater than maximum"
            if number > 0
            else "signed integer is less than minimum"
        )
    return number


_POINTER_RANGE = range(-(2**63), 2**64)


def pointer_param(value: object) -> object:
    """Read a WPARAM or LPARAM as pywin32 does: a pointer-sized int, or a buffer.

    None is 0; an int (a bool too) is read as a signed 64-bit value (2**64 - 1 is -1); a
    float is truncated. A str or bytes-like object passes as it is: pywin32 passes its
    buffer's address, which a Python receiver could not use, so here the receiver gets the
    object. Anything else is refused before it reaches a queue.

    Raises:
        TypeError: not None, an int, a float, a str or a bytes-like object, or an int
            outside 64 bits.
        ValueError: a str with a NUL in it (pywin32 makes a C string of it).
    """
    kind = type(value)
    if kind is int:
        if -(2**63) <= value < 2**63:  # type: ignore[operator]
            return value
    elif value is None:
        return 0
    elif kind is str:
        if "\0" in value:  # type: ignore[operator]
            raise ValueError("embedded null character")
        return value
    elif kind is bytes or kind is bytearray or kind is memoryview:
        return value
    elif kind is float:
        return int(value)  # type: ignore[call-overload]
    elif isinstance(value, int):  # bool, an int subclass
        value = int(value)
    else:
        raise TypeError(
            f"WPARAM must be a unicode string, int, or buffer object (got {type(value).__name__})"
        )
    if value not in _POINTER_RANGE:
        raise TypeError(
            f"WPARAM must be a unicode string, int, or buffer object (got an int of "
            f"{value.bit_length()} bits)"  # type: ignore[attr-defined]
        )
    return value - 2**64 if value >= 2**63 else value  # type: ignore[operator]


def text(value: object) -> str:
    """Read a string argument as pywin32 does: a str, anything else a TypeError."""
    if type(value) is str or isinstance(value, str):
        return value
    if value is None:
        raise TypeError("None is not a valid string in this context")
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


def as_bool(value: object) -> bool:
    """Read a BOOL argument (an int or a bool) as pywin32 does."""
    return bool(operator.index(value))  # type: ignore[arg-type]


def long_bool(value: object) -> bool:
    """Read a BOOL that pywin32 parses as a C LONG: OverflowError outside 32 bits.

    The wait functions (SleepEx, the Wait*Ex alertable flags, bWaitAll) read theirs this way,
    so 2**32 fails at the door instead of meaning TRUE.
    """
    return bool(long_param(value))


def ms_to_timeout(milliseconds: object) -> float | None:
    """Turn a DWORD millisecond timeout into seconds; INFINITE (-1 or 0xFFFFFFFF) is None."""
    if type(milliseconds) is int and 0 <= milliseconds < INFINITE:  # the common case
        return milliseconds / 1000.0
    ms = dword(milliseconds)
    return None if ms == INFINITE else ms / 1000.0


def wait_code(result: WaitResult | None) -> int:
    """Turn a core wait result into WAIT_OBJECT_0+i, WAIT_ABANDONED_0+i, ... codes."""
    if result is None:
        return WAIT_TIMEOUT
    index, abandoned, alerted = result
    if alerted:
        return WAIT_IO_COMPLETION
    return WAIT_ABANDONED_0 + index if abandoned else WAIT_OBJECT_0 + index
