"""What methods of interfaces other than IDispatch may return, checked in the server.

A Python server implements ``IStream::Read`` and its kin as methods that return Python
values, where C's signature fixes what a caller can get: a buffer no longer than the size
asked for, an unsigned count, VARIANTs. The caller's pointer names the rule of the method it
calls (``pointer._call("Read", size, returns="bytes")``) and the gateway applies it in the
server's apartment, right after the method: a value that breaks it is the *server's* error
(E_FAIL, told through the server reports), as pywin32's C gateways make it, and the caller
never sees a value its interface cannot carry. Rules are named, not passed as functions, so
the name crosses processes in a frame.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from ._variant import to_variants

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["RETURNS"]


def _variants(result: Any, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
    """A sequence of VARIANTs (IEnumVARIANT::Next), converted where the values live."""
    return to_variants(result)


def _bytes(result: Any, args: tuple[Any, ...]) -> bytes:  # noqa: ANN401
    """A buffer of at most ``args[0]`` bytes (ISequentialStream::Read fills the caller's)."""
    if result is None:
        raise TypeError("a read must return a bytes-like object, not None")
    try:
        data = bytes(memoryview(result))
    except TypeError:
        raise TypeError(
            f"a read must return a bytes-like object, not '{type(result).__name__}'"
        ) from None
    if len(data) > args[0]:
        raise ValueError(
            f"a read returned {len(data)} bytes, more than the {args[0]} asked for "
            "(they would overflow the caller's buffer)"
        )
    return data


def _unsigned(bits: int) -> Callable[[Any, tuple[Any, ...]], int]:
    """An unsigned integer of ``bits`` bits (a ULONG count, a ULARGE_INTEGER position)."""
    end = 1 << bits

    def check(result: Any, args: tuple[Any, ...]) -> int:  # noqa: ANN401
        value = operator.index(result)
        if not 0 <= value < end:
            raise OverflowError(f"{value} is no unsigned {bits}-bit integer")
        return value

    return check


RETURNS: dict[str, Callable[[Any, tuple[Any, ...]], Any]] = {
    "variants": _variants,
    "bytes": _bytes,
    "ulong": _unsigned(32),
    "ulonglong": _unsigned(64),
}
"""The rules by name; the empty name is none (the value as the method returned it)."""
