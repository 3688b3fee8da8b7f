"""pywin32's IDispatch calling conventions: InvokeTypes' type tuples and the argerr it reports.

``PyIDispatch.InvokeTypes(dispid, lcid, flags, resultType, argTypes, *args)`` (what makepy's
generated classes call) sends each argument as the VARIANT type its ``(vt, paramflags)``
tuple declares; an ``[out]`` parameter (PARAMFLAG_FOUT) goes by reference even when the
caller left it out, and what the server wrote into it comes back: the call returns the result
(unless ``resultType`` is VT_VOID or VT_EMPTY: none is asked for) followed by the out values,
a single value alone, None when there is nothing.

A failed Invoke reports, in ``com_error.argerror``, ``cArgs - puArgErr`` (an unsigned
subtraction) for DISP_E_TYPEMISMATCH and DISP_E_PARAMNOTFOUND (also as the scode of a
DISP_E_EXCEPTION), and None for every other error; a server that names no argument leaves
``puArgErr`` at -1, so pywin32 reports ``cArgs + 1``. The core keeps Windows' ``puArgErr``
(the index from the last argument, or None). pywin32: ``com/win32com/src/PyIDispatch.cpp``
(``HandledDispatchFailure``, ``InvokeTypes``).
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from .. import com
from ..errors import DISP_E_EXCEPTION, DISP_E_PARAMNOTFOUND, DISP_E_TYPEMISMATCH, ComError

if TYPE_CHECKING:
    from ..com import DispatchPointer

__all__ = ["invoke_types", "pywin32_argerror"]

_ARGUMENT_ERRORS = frozenset({DISP_E_TYPEMISMATCH, DISP_E_PARAMNOTFOUND})
_VT_EMPTY, _VT_VOID, _VT_VARIANT = 0, 24, 12
_VT_BYREF, _VT_ARRAY, _VT_TYPEMASK = 0x4000, 0x2000, 0xFFF
_PARAMFLAG_FOUT = 2
# The types an [in] argument is converted to before it is sent (the others go as they are:
# a date or a decimal becomes its VARIANT type anyway).
_CONVERTED = frozenset({2, 3, 4, 5, 6, 8, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23})


def pywin32_argerror(error: ComError, count: int) -> ComError:
    """``error`` (of an Invoke with ``count`` arguments) with the argerror pywin32 reports."""
    code = error.hresult
    info = error.excepinfo
    if code == DISP_E_EXCEPTION and info is not None and len(info) > 5:
        code = info[5]
    argerror: int | None = None
    if code in _ARGUMENT_ERRORS:
        index = 0xFFFFFFFF if error.argerror is None else error.argerror
        argerror = (count - index) & 0xFFFFFFFF
    if argerror == error.argerror:
        return error
    error = error.plain()
    error.argerror = argerror
    error.args = (error.hresult, error.strerror, error.excepinfo, argerror)
    return error


def _described(desc: object) -> tuple[int, int]:
    """``(vt, paramflags)`` of a type description tuple."""
    if not isinstance(desc, tuple) or len(desc) < 2:
        raise TypeError("A type description must be a tuple of (vt, flags)")
    return operator.index(desc[0]), operator.index(desc[1])


def invoke_types(
    pointer: DispatchPointer,
    dispid: int,
    flags: int,
    result_type: object,
    arg_types: object,
    args: tuple[Any, ...],
) -> Any:  # noqa: ANN401
    """Call as ``PyIDispatch.InvokeTypes`` does (see the module doc).

    Raises:
        TypeError: ``arg_types`` is not a tuple at least as long as ``args``, or an argument
            cannot be its declared type (ValueError, OverflowError as Python's conversions).
        ComError: the call failed, with pywin32's argerror.
    """
    if not isinstance(arg_types, tuple) or len(arg_types) < len(args):
        raise TypeError(
            "The array of argument types must be a tuple whose size is <= to the number of "
            "arguments."
        )
    given = len(args)  # the arguments up to the first Missing one
    for position, value in enumerate(args):
        if value is com.MISSING:
            given = position
            break
    sent: list[Any] = []
    outs: list[com.Variant] = []
    for position, desc in enumerate(arg_types):
        vt, paramflags = _described(desc)
        is_out = bool(paramflags & _PARAMFLAG_FOUT)
        if position >= given and not is_out:
            continue  # an [in] argument left out is not sent at all
        value = args[position] if position < given else None
        if is_out:
            out = com.Variant((vt if value is not None else _VT_VARIANT) | _VT_BYREF, value)
            outs.append(out)
            sent.append(out)
        elif value is not None and (vt & _VT_ARRAY or (vt & _VT_TYPEMASK) in _CONVERTED):
            sent.append(com.Variant(vt & ~_VT_BYREF, value))
        else:
            sent.append(value)
    result_vt, _ = _described(result_type)
    wanted = result_vt not in (_VT_EMPTY, _VT_VOID)
    try:
        if wanted:
            result = pointer.invoke(dispid, flags, *sent)
        else:
            pointer.invoke_without_result(dispid, flags, *sent)
            result = None
    except ComError as error:
        raise pywin32_argerror(error, len(sent)) from None
    values = ([result] if wanted else []) + [out.value for out in outs]
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return tuple(values)
