"""Values sent with an explicit VARIANT type, and arguments passed by reference.

A :class:`Variant` is a value and the VARIANT type (``VT_*``) it is to be sent as: the value
is converted to that type before the call, as pywin32's ``VARIANT`` is (``VT_I4`` with
``"5"`` arrives as ``5``, ``VT_BSTR`` with ``5`` as ``"5"``, ``VT_ARRAY | VT_R8`` with
``[1, 2]`` as ``(1.0, 2.0)``...). With ``VT_BYREF`` the argument is an out parameter too: the
server receives the value, and the values its method returns after its result (the tuple
rule, :func:`._variant.result_of`) are written, in order, into the by-reference arguments,
converted to their types; after the call each one's :attr:`Variant.value` holds what was
written. A value that does not convert fails as pywin32's conversion fails: before the call
for an argument, as the server's error for a written value.

Sending one costs the ordinary call nothing: :func:`._variant.to_variant` meets a by-reference
argument by raising :class:`ByReference`, and the caller takes the slower path
(:func:`invoke_by_reference`) only then.
"""

from __future__ import annotations

import collections.abc
import datetime
import decimal
import operator
import struct
from typing import Any

from ..errors import DISP_E_PARAMNOTFOUND
from ._server_errors import REPORTS
from ._variant import com_date, currency, to_variant

__all__ = [
    "Variant",
    "ByReference",
    "coerce",
    "invoke_by_reference",
    "write_back",
    "VT_BYREF",
    "VT_ARRAY",
]

VT_EMPTY, VT_NULL, VT_I2, VT_I4, VT_R4, VT_R8, VT_CY, VT_DATE = 0, 1, 2, 3, 4, 5, 6, 7
VT_BSTR, VT_DISPATCH, VT_ERROR, VT_BOOL, VT_VARIANT, VT_UNKNOWN, VT_DECIMAL = (
    8, 9, 10, 11, 12, 13, 14,
)  # fmt: skip
VT_I1, VT_UI1, VT_UI2, VT_UI4, VT_I8, VT_UI8, VT_INT, VT_UINT = 16, 17, 18, 19, 20, 21, 22, 23
VT_ARRAY, VT_BYREF, VT_TYPEMASK = 0x2000, 0x4000, 0xFFF

# integer types: (bits, signed); a value is cut to its width, as a C cast does
_INTEGERS = {
    VT_I1: (8, True), VT_UI1: (8, False), VT_I2: (16, True), VT_UI2: (16, False),
    VT_I4: (32, True), VT_UI4: (32, False), VT_INT: (32, True), VT_UINT: (32, False),
    VT_I8: (64, True), VT_UI8: (64, False),
}  # fmt: skip
_FLOAT32 = struct.Struct("<f")


class ByReference(Exception):  # noqa: N818 - a signal, not an error
    """Raised by :func:`._variant.to_variant` for a by-reference argument (take the slow path)."""


class Variant:
    """A value to send as the VARIANT type ``vartype`` (``VT_*``; with VT_BYREF, an out too).

    ``value`` is what is sent and, for a by-reference argument, what the server wrote once
    the call returns (set by :meth:`received`, on the caller's thread). ``vartype`` is checked
    when the value is sent.
    """

    def __init__(self, vartype: int, value: object) -> None:
        self.vartype = vartype
        self.value = value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.vartype!r}, {self.value!r})"

    @property
    def by_reference(self) -> bool:
        """Whether this is an out parameter as well (VT_BYREF)."""
        return bool(operator.index(self.vartype) & VT_BYREF)

    def __variant__(self) -> Any:  # noqa: ANN401
        """The value as its receiver gets it (:func:`coerce`).

        Raises:
            ByReference: this is a by-reference argument (only :func:`invoke_by_reference`
                can send it).
        """
        vartype = operator.index(self.vartype)
        if vartype & VT_BYREF:
            raise ByReference
        return coerce(vartype, self.value)

    def received(self, value: object) -> None:
        """Take the value the server wrote into this by-reference argument."""
        self.value = value


def coerce(vartype: int, value: Any) -> Any:  # noqa: ANN401
    """Return ``value`` converted to the VARIANT type ``vartype`` (VT_BYREF ignored).

    Raises:
        TypeError, ValueError, OverflowError: the value is not of that type (as Python's
            ``int()``, ``float()``... say, or pywin32's message).
    """
    vartype = operator.index(vartype)
    base = vartype & VT_TYPEMASK
    if vartype & VT_ARRAY:
        return _array(base, value)
    return _scalar(base, value)


def _array(base: int, value: Any) -> Any:  # noqa: ANN401
    """A SAFEARRAY of ``base`` items: bytes for VT_UI1, else a tuple (nested for dimensions)."""
    if base == VT_UI1 and isinstance(value, (bytes, bytearray, memoryview)):
        return memoryview(bytearray(value))
    if isinstance(value, str) or not isinstance(value, collections.abc.Sequence):
        raise TypeError(
            "Objects for SAFEARRAYS must be sequences (of sequences), or a buffer object."
        )
    if base == VT_UI1:
        return memoryview(bytearray([_scalar(VT_UI1, item) for item in value]))
    return tuple(
        [
            _array(base, item) if isinstance(item, (list, tuple)) else _scalar(base, item)
            for item in value
        ]
    )


def _scalar(base: int, value: Any) -> Any:  # noqa: ANN401
    integer = _INTEGERS.get(base)
    if integer is not None:
        bits, signed = integer
        number = int(value) & ((1 << bits) - 1)
        if signed and number >> (bits - 1):
            number -= 1 << bits
        return number
    if base in (VT_EMPTY, VT_NULL):
        return None
    if base == VT_BSTR:
        return str(value)
    if base == VT_R8:
        return float(value)
    if base == VT_R4:
        return _FLOAT32.unpack(_FLOAT32.pack(float(value)))[0]
    if base == VT_BOOL:
        return bool(value)
    if base == VT_ERROR:
        return DISP_E_PARAMNOTFOUND  # pywin32 sends every VT_ERROR argument as "missing"
    if base == VT_CY:
        if not isinstance(value, decimal.Decimal):
            raise TypeError(
                f"Currency object must be a Decimal instance (got {type(value).__name__})."
            )
        return currency(value)
    if base == VT_DECIMAL:
        return decimal.Decimal(value)
    if base == VT_DATE:
        if not isinstance(value, datetime.datetime):
            raise TypeError(f"must be a pywintypes time object (got {type(value).__name__})")
        return com_date(value)
    if base in (VT_VARIANT, VT_DISPATCH, VT_UNKNOWN):
        return to_variant(value)
    raise TypeError(f"a VARIANT of type {base} cannot be sent")


def write_back(
    result: Any,  # noqa: ANN401
    vartypes: tuple[int, ...],
    result_wanted: bool = True,
) -> tuple[Any, tuple[Any, ...]]:
    """A server method's result and the values it writes into by-reference arguments.

    A tuple is the result followed by values for the by-reference arguments (of
    ``vartypes``), in order, each converted to its type; a value beyond them is reported
    (``ServerReports.extra_results``). When the caller wants no result (Invoke without a
    result VARIANT), the tuple's first item goes to the first by-reference argument, as
    pywin32's gateway does. Runs on the server's thread.

    Raises:
        IndexError: an empty tuple (no result).
        TypeError, ValueError, OverflowError: a written value is not of its argument's type.
    """
    if type(result) is not tuple:
        return (to_variant(result) if result_wanted else None), ()
    values = result[1:] if result_wanted else result
    if len(values) > len(vartypes):
        REPORTS.current.extra_results(len(result), len(vartypes))
    written = tuple(
        [coerce(vartype, value) for vartype, value in zip(vartypes, values, strict=False)]
    )
    return (to_variant(result[0]) if result_wanted else None), written


def invoke_by_reference(
    gateway: Any,  # noqa: ANN401
    dispid: int | str,
    flags: int,
    args: tuple[Any, ...],
    result_wanted: bool = True,
) -> Any:  # noqa: ANN401
    """Invoke with by-reference arguments; set their values from what the server wrote.

    ``gateway`` is the target of an IDispatch pointer (its ``invoke_by_reference`` runs the
    call in the object's apartment). A target without one (an object of another process)
    gets the values only.

    Raises:
        TypeError: a by-reference argument inside another argument (only top-level ones are).
    """
    sent: list[Any] = []
    outs: list[Variant] = []
    for arg in args:
        if isinstance(arg, Variant) and arg.by_reference:
            sent.append(coerce(arg.vartype, arg.value))
            outs.append(arg)
        else:
            try:
                sent.append(to_variant(arg))
            except ByReference:
                raise TypeError("a by-reference VARIANT must be an argument itself") from None
    call = getattr(gateway, "invoke_by_reference", None)
    if call is None:
        return gateway.invoke(dispid, flags, tuple(sent))
    vartypes = tuple([operator.index(out.vartype) for out in outs])
    result, written = call(dispid, flags, tuple(sent), vartypes, result_wanted)
    for out, value in zip(outs, written, strict=False):
        out.received(value)
    return result
