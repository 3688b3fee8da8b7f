"""Values between processes: VARIANTs (:mod:`._variant`) as msgpack, and back.

A call to an object in another process carries its arguments and result as VARIANTs. The
sender has already converted them (:func:`._variant.to_variant`: arguments in the client's
pointer, a result in the server's gateway), so what reaches :func:`to_wire` is one of the
kinds below, and :func:`from_wire` gives the receiver exactly what an in-process call gives:

=========================  ====================================  ==========================
VARIANT                    on the wire                           received as
=========================  ====================================  ==========================
None, bool, float, str     itself                                itself
int in [-2**63, 2**64)     an integer                            int
byte array (memoryview)    bytes                                 a memoryview of a copy
array (tuple)              an array                              tuple (nested arrays too)
date (aware UTC datetime)  ``{"t": isoformat}``                  the same datetime (UTC)
currency (Decimal)         ``{"m": text}``                       decimal.Decimal
an interface pointer, or   ``{"o": oid}`` an IDispatch (``"u"``  an interface pointer valid
a late-bound client        an IUnknown) of the sender's,         in the receiving apartment
                           ``{"y": oid}`` the receiver's own;
                           ``"s"``/``"v"`` as ``"o"``/``"u"``,
                           for an object of the sender's lane
                           host (calls to it go on a lane)
=========================  ====================================  ==========================

An IID (no VARIANT, but an argument of other interfaces' methods) travels as ``{"i": text}``
and arrives as the receiving face's IID class; a storage medium (IDataObject's) as
``{"g": [tymed, data]}``, arriving as the receiving face's medium class holding a copy. A
value itself is never a map (a dict cannot be a VARIANT), so the one-key maps are
unambiguous. Anything else is converted by the VARIANT rules first, so a value no VARIANT
holds is the same :class:`._variant.VariantTypeError` as in process. Who sends and receives
object references is :mod:`._remote`'s business: it passes the two hooks.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import TYPE_CHECKING, Any

from .._wire import FrameError
from ..errors import ComError
from ._faces import FACES
from ._iids import iid_text
from ._medium import TYMED_NULL, StorageMedium
from ._pointer import InterfacePointer
from ._variant import com_date, to_variant

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["to_wire", "from_wire"]

_PLAIN: frozenset[type] = frozenset({type(None), bool, float, str, int})
_OBJECT_TAGS = frozenset({"o", "u", "y", "s", "v"})
"""The tags of object references (``"s"``, ``"v"``: as ``"o"``, ``"u"``, of an object whose
calls go on the receiver's lane, :mod:`._remote_lanes`)."""


def to_wire(value: Any, export: Callable[[InterfacePointer], dict[str, int]]) -> Any:  # noqa: ANN401
    """Turn ``value`` into what a frame carries; ``export(pointer)`` gives an object's tag.

    Raises:
        VariantTypeError: the value (or one inside it) cannot be a VARIANT.
    """
    kind = type(value)
    if kind in _PLAIN:
        if kind is int and not -(2**63) <= value < 2**64:
            return float(value)
        return value
    if kind is tuple or kind is list:
        return [to_wire(item, export) for item in value]
    if kind is memoryview or kind is bytes:
        return bytes(value)
    if isinstance(value, InterfacePointer):
        return export(value)
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"m": str(value)}
    if isinstance(value, uuid.UUID) or (
        FACES.iid_type is not str and isinstance(value, FACES.iid_type)
    ):  # an IID: no VARIANT, but an argument of other interfaces' methods (FindConnectionPoint)
        return {"i": iid_text(value)}
    if isinstance(value, StorageMedium):  # IDataObject's GetData and SetData carry one
        payload = None if value.tymed == TYMED_NULL else value.data
        return {"g": [value.tymed, to_wire(payload, export)]}
    converted = to_variant(value)  # a value not yet converted: the VARIANT rules, or raise
    if converted is value:
        raise TypeError(f"a VARIANT of type {kind.__name__} cannot cross processes")
    return to_wire(converted, export)


def from_wire(value: Any, resolve: Callable[[str, int], Any]) -> Any:  # noqa: ANN401
    """Turn what a frame carried back into a Python value; ``resolve(tag, oid)`` an object's.

    Raises:
        FrameError: a map that is none of the tags above (a malformed frame).
    """
    kind = type(value)
    if kind is list:
        return tuple([from_wire(item, resolve) for item in value])
    if kind is bytes:
        return memoryview(bytearray(value))
    if kind is not dict:
        return value
    if len(value) != 1:
        raise FrameError(f"a value map must have one key, not {len(value)}")
    ((tag, item),) = value.items()
    try:
        if tag == "t":
            return com_date(datetime.datetime.fromisoformat(item))
        if tag == "m":
            return decimal.Decimal(item)
        if tag == "i":
            return FACES.iid(iid_text(item))  # the IID class of this process's face
    except (TypeError, ValueError, decimal.InvalidOperation, ComError) as exc:
        raise FrameError(f"a malformed {tag!r} value: {item!r}") from exc
    if tag == "g":
        return _medium(item, resolve)
    if tag in _OBJECT_TAGS and type(item) is int:
        return resolve(tag, item)
    raise FrameError(f"an unknown value tag {tag!r}")


def _medium(item: Any, resolve: Callable[[str, int], Any]) -> StorageMedium:  # noqa: ANN401
    """A storage medium from ``[tymed, payload]``, of the receiving face's class."""
    if type(item) is not list or len(item) != 2 or type(item[0]) is not int:
        raise FrameError(f"a malformed 'g' value: {item!r}")
    medium: StorageMedium = (FACES.medium or StorageMedium)()
    if item[0] != TYMED_NULL:
        try:  # the core's set: the data as it was, without a face's additions
            StorageMedium.set(medium, item[0], from_wire(item[1], resolve))
        except (TypeError, ValueError, OverflowError) as exc:
            raise FrameError(f"a malformed 'g' value: {item!r}") from exc
    return medium
