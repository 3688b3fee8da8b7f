r"""DispInvoke's argument coercion: an object with type information gets its declared types.

On Windows an object described by a type library implements IDispatch::Invoke with
DispInvoke (ITypeInfo::Invoke), which converts each argument to its parameter's declared
type (VariantChangeType) before the method runs: ``fso.BuildPath(1, 2)`` gives ``"1\2"``,
``fso.GetSpecialFolder("2")`` the temporary folder, ``dictionary.CompareMode = "1"`` sets 1,
whatever the client passed. A gateway whose object names its type information
(``_type_info_``) does the same here (:func:`coercions` once per object, then :func:`coerce`
per call); an object without type information (a Python server) gets its arguments as sent.

Converted: to a string (BSTR) from a number (``2.0`` → ``"2"``, ``1.5`` → ``"1.5"``) or a
bool (``"True"``/``"False"``); to an integer type or an enumeration from a string holding a
number, a float (rounded half to even, as VariantChangeType) or a bool (-1/0, VARIANT_TRUE);
to a bool from a number or ``"True"``/``"False"``; to a double from an int or a numeric string.
What cannot be converted is DISP_E_TYPEMISMATCH (an integer out of range DISP_E_OVERFLOW),
with the argument's position (counted from the last, as ``puArgErr``). A VARIANT, an
object, a by-reference argument, None and a left-out argument pass unchanged (a left-out one
arrives as the VT_ERROR DISP_E_PARAMNOTFOUND, an int here: that int is never converted).

Plans are immutable once built; any thread may read them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..errors import (
    DISP_E_BADPARAMCOUNT,
    DISP_E_OVERFLOW,
    DISP_E_PARAMNOTFOUND,
    DISP_E_TYPEMISMATCH,
    ComError,
    hresult_message,
)
from ._makepy import _vartype
from ._typedesc import BOOL, BSTR, I1, I2, I4, INT, UI1, UI2, UI4, UINT

if TYPE_CHECKING:
    from ._typeinfo import TypeInfo

__all__ = ["Coercions", "coerce", "coercions"]

_R4, _R8 = 4, 5
_RANGES = {
    I1: (-(2**7), 2**7 - 1), I2: (-(2**15), 2**15 - 1), I4: (-(2**31), 2**31 - 1),
    INT: (-(2**31), 2**31 - 1), UI1: (0, 2**8 - 1), UI2: (0, 2**16 - 1),
    UI4: (0, 2**32 - 1), UINT: (0, 2**32 - 1),
}  # fmt: skip
_CONVERTED = frozenset((BSTR, BOOL, _R4, _R8, *_RANGES))
_METHOD, _GET, _PUT, _PUTREF = 1, 2, 4, 8

_ARITY = 0  # not an INVOKEKIND: the key of a method's argument counts
_OPTIONAL = 0x10 | 0x20  # PARAMFLAG_FOPT, PARAMFLAG_FHASDEFAULT
_NO_MOST = 1 << 31  # a vararg method takes any number after its required ones

Coercions = dict[tuple[int, int], tuple[int, ...]]
"""(DISPID, INVOKEKIND) -> each parameter's VARTYPE to convert to (0: leave it); and
(DISPID, 0) -> a method's (required, most) argument counts."""


def coercions(info: TypeInfo) -> Coercions:
    """What each function of ``info`` converts its arguments to (only those with some).

    Each method's argument counts are there too: DispInvoke refuses a call with fewer than
    its required parameters or more than all of them with DISP_E_BADPARAMCOUNT, before the
    method runs.
    """
    plan: Coercions = {}
    for index in range(info.attributes().func_count):
        desc = info.function(index)
        types = tuple(
            vt if vt in _CONVERTED else 0
            for vt in (_vartype(info, typedesc)[0] for typedesc, _flags, _ in desc.params)
        )
        if any(types):
            plan[(desc.memid, desc.invkind)] = types
        if desc.invkind == _METHOD and desc.memid < 0x60000000:  # not IUnknown's, IDispatch's
            required = sum(1 for _, flags, _ in desc.params if not flags & _OPTIONAL)
            most = _NO_MOST if desc.opt_count == -1 else len(desc.params)
            plan[(desc.memid, _ARITY)] = (required, most)
    return plan


def _types_of(plan: Coercions, dispid: int, flags: int) -> tuple[int, ...] | None:
    """The declared types of the function a call with ``flags`` reaches, if it has some."""
    if flags & _METHOD and (dispid, _METHOD) in plan:
        return plan[(dispid, _METHOD)]
    if flags & _GET and (dispid, _GET) in plan:
        return plan[(dispid, _GET)]
    if flags & _PUTREF and (dispid, _PUTREF) in plan:
        return plan[(dispid, _PUTREF)]
    if flags & (_PUT | _PUTREF):
        return plan.get((dispid, _PUT))
    return None


def coerce(plan: Coercions, dispid: int, flags: int, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``args`` converted to the declared types of the function the call reaches.

    Raises:
        ComError: DISP_E_BADPARAMCOUNT for a method given too few or too many arguments;
            DISP_E_TYPEMISMATCH (or DISP_E_OVERFLOW) for an argument that cannot be
            converted, its position from the last in ``argerror``.
    """
    if flags & _METHOD:
        counts = plan.get((dispid, _ARITY))
        if counts is not None and not counts[0] <= len(args) <= counts[1]:
            raise ComError(DISP_E_BADPARAMCOUNT, hresult_message(DISP_E_BADPARAMCOUNT), None, None)
    types = _types_of(plan, dispid, flags)
    if types is None:
        return args
    converted = list(args)
    for position, (value, vt) in enumerate(zip(args, types, strict=False)):
        if vt and type(value) in _SOURCES and value != DISP_E_PARAMNOTFOUND:
            try:
                converted[position] = _convert(value, vt)
            except _RefusedError as refused:
                code = refused.hresult
                argerror = len(args) - 1 - position
                raise ComError(code, hresult_message(code), None, argerror) from None
    return tuple(converted)


_SOURCES = frozenset((str, int, float, bool))


class _RefusedError(Exception):
    """A value the declared type cannot take: its HRESULT."""

    def __init__(self, hresult: int) -> None:
        super().__init__(hresult)
        self.hresult = hresult


def _mismatch(value: object, vt: int) -> _RefusedError:
    return _RefusedError(DISP_E_TYPEMISMATCH)


def _number(text: str, value: object, vt: int) -> float:
    try:
        number = float(text.strip())
    except ValueError:
        raise _mismatch(value, vt) from None
    if math.isnan(number) or math.isinf(number):
        raise _mismatch(value, vt)
    return number


def _bstr(value: str | float) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15G}"
    return str(value)


def _convert(value: str | float, vt: int) -> object:
    """``value`` (a str, int, float or bool) as VariantChangeType makes it type ``vt``."""
    if vt == BSTR:
        return _bstr(value)
    if vt == BOOL:
        if isinstance(value, str):
            word = value.strip().lower()
            if word in ("true", "false"):
                return word == "true"
            return _number(value, value, vt) != 0
        return bool(value)
    if vt in (_R4, _R8):
        if isinstance(value, str):
            return _number(value, value, vt)
        return float(-1 if value is True else value)
    low, high = _RANGES[vt]
    if isinstance(value, bool):
        number: object = (-1 if value else 0) & high if low == 0 else -1 if value else 0
    elif isinstance(value, str):
        number = round(_number(value, value, vt))
    elif isinstance(value, float):
        number = round(value)  # half to even, as VariantChangeType
    else:
        number = value
    assert isinstance(number, int)
    if not low <= number <= high:
        raise _RefusedError(DISP_E_OVERFLOW)
    return number
