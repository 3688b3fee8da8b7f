"""VARIANTs: how values cross a COM call, converted as pywin32 converts them.

Every argument of an IDispatch call, and its result, is a VARIANT on the way. The sender
converts (:func:`to_variant`), so the receiver gets exactly what pywin32 hands a Python
receiver, in the same apartment or another:

==============================================  =========================================
sent                                            received
==============================================  =========================================
None, bool, str (and subclasses), float         the same (str/int subclasses as str/int)
int from -2**63 to 2**64-1                      int; beyond that, a float
bytes, bytearray, memoryview                    a memoryview of a copy (VT_ARRAY|VT_UI1)
a sequence (list, tuple, range...)              a tuple, converted item by item
datetime.datetime                               the date (ms precision) as an aware UTC
                                                datetime of the face's time class; a naive
                                                one is local time, as pywin32 reads it
                                                (VT_DATE)
decimal.Decimal                                 currency (VT_CY): ``int(value * 10000)``
                                                ten-thousandths (truncated toward zero)
                                                over 10000, so Decimal("2.10") arrives as
                                                Decimal("2.1"); beyond 64 bits,
                                                OverflowError before the call
an IDispatch pointer                            an IDispatch pointer; another interface
                                                arrives as an IUnknown pointer
an object with ``__com_interface__``            that pointer (a late-bound client)
an object with ``__variant__`` (a Variant)      what that method returns (its own type)
EMPTY, ARG_NOT_FOUND                            DISP_E_PARAMNOTFOUND (a VT_ERROR, as int);
                                                MISSING is never sent (TypeError)
NOTHING                                         None (a NULL VT_DISPATCH)
an object with ``__float__`` or ``__index__``   a float (VT_R8): the last resort, whatever
(Fraction, numpy numbers...)                    the object's ``__float__`` raises is raised
anything else (dict, set, date, an object...)   TypeError, before the call
==============================================  =========================================

A server method's result follows one more rule (:func:`result_of`): a *tuple* is the return
value followed by values for by-reference arguments, so its first item is the result (an
empty tuple is an error, extra items are reported). Return a list for an array.
"""

from __future__ import annotations

import collections.abc
import datetime
import decimal
import operator
from typing import Any

from ..errors import DISP_E_PARAMNOTFOUND
from ._faces import FACES
from ._iids import IID_IDISPATCH, IID_IDISPATCHEX, IID_IUNKNOWN
from ._pointer import InterfacePointer, pointer_class
from ._sentinels import NOTHING, ArgumentSentinel
from ._server_errors import REPORTS

__all__ = [
    "SCALARS",
    "to_variant",
    "to_variants",
    "result_of",
    "com_date",
    "currency",
    "VariantTypeError",
]

_INT_MIN = -(2**63)
_INT_END = 2**64
_UTC = datetime.timezone.utc
SCALARS = frozenset({type(None), bool, str, float})
"""Values that are VARIANTs as they are (an int may be too big for one)."""
_SCALARS = SCALARS
"""The same: a Decimal is converted (to currency), never sent as it is."""
_CY_SCALE = 10000
_DISPATCHES = frozenset({IID_IDISPATCH, IID_IDISPATCHEX})


class VariantTypeError(TypeError):
    """A value cannot be sent through COM: it is no VARIANT (pywin32's TypeError)."""


def com_date(value: datetime.datetime) -> datetime.datetime:
    """Return ``value`` as a date crosses COM: UTC, millisecond precision, the face's class.

    A naive ``value`` is local time (pywin32 converts every date with ``astimezone``); one
    that local time cannot place (the year 1, say) keeps its fields, as UTC.
    """
    try:
        value = value.astimezone(_UTC)
    except (OverflowError, OSError, ValueError):
        if value.tzinfo is not None:
            raise
    milliseconds = value.microsecond // 1000 * 1000
    return FACES.time_type(
        value.year, value.month, value.day, value.hour, value.minute, value.second,
        milliseconds, tzinfo=FACES.utc(),
    )  # fmt: skip


def currency(value: decimal.Decimal) -> decimal.Decimal:
    """Return ``value`` as a CURRENCY crosses COM, the way pywin32 converts both ways.

    A CY is a 64-bit count of ten-thousandths: pywin32 sends ``int(value * 10000)``
    (truncated toward zero: 1.23456 is 1.2345, 0.00005 is 0) and reads it back as that count
    divided by 10000, a Decimal with no trailing zeros (2.10 comes back 2.1, 1E+2 as 100).

    Raises:
        OverflowError: the count is beyond 64 bits (pywin32's message), before the call.
    """
    units = int(value * _CY_SCALE)
    if not _INT_MIN <= units < -_INT_MIN:
        raise OverflowError("int too big to convert")
    return decimal.Decimal(units) / _CY_SCALE


def _face_of(pointer: InterfacePointer) -> InterfacePointer:
    """An interface pointer as a VARIANT: IDispatch stays IDispatch, the rest is IUnknown."""
    iid = IID_IDISPATCH if pointer.iid in _DISPATCHES else IID_IUNKNOWN
    cls = pointer_class(iid)
    assert cls is not None  # IDispatch's class is registered with the layer
    if type(pointer) is cls and pointer.iid == iid:
        return pointer
    return cls(pointer._target, pointer._apartment, iid)


def to_variant(value: Any) -> Any:  # noqa: ANN401
    """Return ``value`` as its receiver will get it (see the module docstring).

    Raises:
        VariantTypeError: the value cannot be a VARIANT (pywin32's message).
    """
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is int:
        return value if _INT_MIN <= value < _INT_END else float(value)
    if isinstance(value, InterfacePointer):
        return _face_of(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return to_variant(int(value))
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return memoryview(bytearray(value))
    if isinstance(value, datetime.datetime):
        return com_date(value)
    if isinstance(value, decimal.Decimal):
        return currency(value)
    convert = getattr(kind, "__variant__", None)
    if convert is not None:  # a value with an explicit VARIANT type (._typed_values)
        return convert(value)
    pointer = getattr(value, "__com_interface__", None)
    if isinstance(pointer, InterfacePointer):
        return _face_of(pointer)
    if isinstance(value, (list, tuple, range)) or (
        isinstance(value, collections.abc.Sequence) and not isinstance(value, str)
    ):
        return tuple([to_variant(item) for item in value])
    if isinstance(value, datetime.date):
        raise VariantTypeError(f"must be a pywintypes time object (got {_c_name(kind)})")
    if isinstance(value, ArgumentSentinel):
        if not value.sendable:
            raise VariantTypeError(
                f"Objects of type '{value.variant_name}' can not be converted to a COM VARIANT"
            )
        if value is NOTHING:
            return None  # a NULL VT_DISPATCH, which a Python receiver gets as None
        return DISP_E_PARAMNOTFOUND  # a VT_ERROR, which a Python receiver gets as its int
    return _as_real(value)


def _as_real(value: object) -> float:
    """The last resort: a number as a double, as C's ``PyFloat_AsDouble`` reads it.

    ``__float__`` first, then ``__index__``; what either raises reaches the caller as it is.
    """
    kind = type(value)
    if not _is_number_type(kind):
        raise VariantTypeError(
            f"Objects of type '{_c_name(kind)}' can not be converted to a COM VARIANT"
        )
    convert = getattr(kind, "__float__", None)
    if convert is not None:
        result = convert(value)
        if not isinstance(result, float):
            raise TypeError(
                f"{kind.__name__}.__float__ returned non-float (type {type(result).__name__})"
            )
        return float(result)
    if getattr(kind, "__index__", None) is not None:
        return float(operator.index(value))  # type: ignore[arg-type]
    raise VariantTypeError(f"must be real number, not {_c_name(kind)}")


_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class made by a class statement
_NUMBER_METHODS = frozenset(
    f"__{op}__"
    for base in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "divmod", "pow",
                 "lshift", "rshift", "and", "xor", "or")
    for op in (base, "r" + base, "i" + base)
) | {"__neg__", "__pos__", "__abs__", "__bool__", "__invert__", "__int__", "__float__",
     "__index__"}  # fmt: skip


def _is_number_type(kind: type) -> bool:
    """Whether C sees number methods on ``kind`` (a ``tp_as_number`` table), as pywin32 asks.

    pywin32 reads any such object as a double (failing with "must be real number"), and
    refuses any other outright. Every class statement's type has the table; a built-in
    type has it when it (or a base but ``object``) defines a number operator (set's ``|``).
    """
    if kind.__flags__ & _HEAP_TYPE:
        return True
    return any(not _NUMBER_METHODS.isdisjoint(vars(base)) for base in kind.__mro__[:-1])


def _c_name(kind: type) -> str:
    """The type's name as C code prints it (``tp_name``): module-qualified for a built-in one.

    ``datetime.date``, ``collections.OrderedDict``; ``set``; a class statement's type has
    only its own name.
    """
    module = kind.__module__
    if kind.__flags__ & _HEAP_TYPE or module == "builtins":
        return kind.__name__
    return f"{module}.{kind.__name__}"


def to_variants(values: tuple[Any, ...] | list[Any]) -> tuple[Any, ...]:
    """Convert each of ``values`` (a call's arguments) with :func:`to_variant`."""
    for value in values:
        kind = type(value)
        if kind not in _SCALARS and (kind is not int or not _INT_MIN <= value < _INT_END):
            return tuple([to_variant(value) for value in values])
    # The common case: each is a VARIANT as it is (to_variant's first two steps, inlined).
    return values if type(values) is tuple else tuple(values)


def result_of(value: Any) -> Any:  # noqa: ANN401
    """A server method's return value as the client's result (the tuple rule).

    Extra values of a tuple are reported (``ServerReports.extra_results``), on the server's
    thread.

    Raises:
        IndexError: an empty tuple was returned (it has no return value).
    """
    if type(value) is tuple:
        if len(value) > 1:
            REPORTS.current.extra_results(len(value))
        value = value[0]  # IndexError for (), as pywin32's gateway raises
    return to_variant(value)
