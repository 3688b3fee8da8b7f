"""Values between processes, as pywin32 converts them to and from a VARIANT.

A call to an object in another process carries its arguments and result as VARIANTs; what
pywin32 does with a Python value on the way in, and what it gives back on the way out, is the
rule here (seen on the real pywin32, semantics.md):

=========================  ====================================  ==========================
Python value               travels as                            comes back as
=========================  ====================================  ==========================
None, bool, float, str     itself                                itself
int in [-2**63, 2**64)     an integer (VT_I4 / VT_I8 / VT_UI8)   int
any other int              a double (VT_R8)                      float
bytes, bytearray, memory-  a byte array (VT_ARRAY | VT_UI1)      bytes
view
tuple, list                an array of VARIANTs                  tuple (nested arrays too)
datetime.datetime          a date (VT_DATE)                      datetime.datetime
decimal.Decimal            currency (VT_CY)                      decimal.Decimal
an interface pointer, or   an object reference (VT_DISPATCH)     an interface pointer valid
a late-bound client                                              in the receiving apartment
anything else              TypeError, before anything is sent
=========================  ====================================  ==========================

On the wire a value is plain msgpack; the few kinds msgpack lacks are one-key maps (a value
itself is never a map: a dict cannot be a VARIANT): ``{"t": isoformat}`` a date,
``{"m": text}`` currency, ``{"o": oid}`` an object of the sender's, ``{"y": oid}`` an object
of the receiver's own, passed back. Who sends and receives object references is
:mod:`._remote`'s business: it passes the two hooks.
"""

from __future__ import annotations

import datetime
import decimal
from typing import TYPE_CHECKING, Any

from .._wire import FrameError
from ._dispatch import DispatchClient, InterfacePointer

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["to_wire", "from_wire", "unconvertible"]

_INT_MIN = -(2**63)
_INT_END = 2**64
_AS_IS: frozenset[type] = frozenset({type(None), bool, float, str})


def unconvertible(value: object) -> TypeError:
    """The error pywin32 raises for a value no VARIANT can hold."""
    return TypeError(
        f"Objects of type '{type(value).__name__}' can not be converted to a COM VARIANT"
    )


def to_wire(value: Any, export: Callable[[InterfacePointer], dict[str, int]]) -> Any:  # noqa: ANN401
    """Turn ``value`` into what a frame carries; ``export(pointer)`` gives an object's tag.

    Raises:
        TypeError: the value (or one inside it) cannot be a VARIANT.
    """
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is int:
        return value if _INT_MIN <= value < _INT_END else float(value)
    if kind is tuple or kind is list:
        return [to_wire(item, export) for item in value]
    if isinstance(value, InterfacePointer):
        return export(value)
    if isinstance(value, DispatchClient):
        return export(value._pointer)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"m": str(value)}
    if isinstance(value, bool):  # subclasses of the plain types: an IntEnum, a str subclass
        return bool(value)
    if isinstance(value, int):
        return to_wire(int(value), export)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [to_wire(item, export) for item in value]
    raise unconvertible(value)


def from_wire(value: Any, resolve: Callable[[str, int], Any]) -> Any:  # noqa: ANN401
    """Turn what a frame carried back into a Python value; ``resolve(tag, oid)`` an object's.

    Raises:
        FrameError: a map that is none of the tags above (a malformed frame).
    """
    kind = type(value)
    if kind is list:
        return tuple([from_wire(item, resolve) for item in value])
    if kind is not dict:
        return value
    if len(value) != 1:
        raise FrameError(f"a value map must have one key, not {len(value)}")
    ((tag, item),) = value.items()
    try:
        if tag == "t":
            return datetime.datetime.fromisoformat(item)
        if tag == "m":
            return decimal.Decimal(item)
    except (TypeError, ValueError, decimal.InvalidOperation) as exc:
        raise FrameError(f"a malformed {tag!r} value: {item!r}") from exc
    if tag in ("o", "y") and type(item) is int:
        return resolve(tag, item)
    raise FrameError(f"an unknown value tag {tag!r}")
