"""The dispatch policy for Python COM servers, and how their errors reach a client.

A Python class becomes a COM server by naming what it exposes: ``_public_methods_`` (callable
through DISPATCH_METHOD), ``_public_attrs_`` (readable through PROPERTYGET, writable through
PROPERTYPUT unless listed in ``_readonly_attrs_``). Names are matched without regard to case.
DISPIDs: ``_value_`` is DISPID_VALUE (0) to get and DISPID_PROPERTYPUT (-3) to put,
``_NewEnum`` is -4, ``_Evaluate`` -5; then attributes, then methods, take ids from 1000 on in
list order (a name in both lists shares one id). This is pywin32's DesignatedWrapPolicy.

A server method's exception becomes the ComError a client sees: a :class:`COMException`
with a DISP_E_* scode comes back as that scode; with any other scode as DISP_E_EXCEPTION
carrying it in the excepinfo; any other Python exception as DISP_E_EXCEPTION with source
"Python COM Server Internal Error" and scode E_FAIL.
"""

from __future__ import annotations

import traceback
import types
from typing import TYPE_CHECKING, Any, final

from ..errors import (
    DISP_E_EXCEPTION,
    DISP_E_MEMBERNOTFOUND,
    DISP_E_UNKNOWNNAME,
    E_FAIL,
    E_INVALIDARG,
    E_OUTOFMEMORY,
    S_FALSE,
    ComError,
    hresult_from_win32,
    hresult_message,
    signed_hresult,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DISPATCH_METHOD",
    "DISPATCH_PROPERTYGET",
    "DISPATCH_PROPERTYPUT",
    "DISPATCH_PROPERTYPUTREF",
    "DISPID_VALUE",
    "DISPID_UNKNOWN",
    "DISPID_PROPERTYPUT",
    "DISPID_NEWENUM",
    "DISPID_EVALUATE",
    "DISPID_CONSTRUCTOR",
    "DISPID_DESTRUCTOR",
    "DISPID_COLLECT",
    "COMException",
    "DispatchPolicy",
    "server_error",
]

DISPATCH_METHOD = 1
DISPATCH_PROPERTYGET = 2
DISPATCH_PROPERTYPUT = 4
DISPATCH_PROPERTYPUTREF = 8
DISPID_UNKNOWN = -1
DISPID_VALUE = 0
DISPID_PROPERTYPUT = -3
DISPID_NEWENUM = -4
DISPID_EVALUATE = -5
DISPID_CONSTRUCTOR = -6
DISPID_DESTRUCTOR = -7
DISPID_COLLECT = -8
FIRST_DISPID = 1000

_FACILITY_DISPATCH = 2


class COMException(ComError):  # noqa: N818 - pywin32's name
    """An exception a Python COM server raises to return a specific HRESULT to its client.

    Shaped like pywin32's ``win32com.server.exception.COMException``: a small positive
    ``scode`` (a Win32 error) becomes its HRESULT; ``description`` defaults to the
    system text for the scode.
    """

    def __init__(
        self,
        description: str | None = None,
        scode: int | None = None,
        source: str | None = None,
        helpfile: str | None = None,
        helpContext: int | None = None,  # noqa: N803 - pywin32's name
        desc: str | None = None,
        hresult: int | None = None,
    ) -> None:
        code = scode or hresult or E_FAIL
        if -32768 <= code <= 32767 and code not in (0, 1):  # a Win32 error code: its HRESULT
            code = hresult_from_win32(code & 0xFFFF)
        code = signed_hresult(code)
        text = description or desc
        if text is None:
            text = "S_FALSE" if code == S_FALSE else hresult_message(code)
        self.scode = code
        self.description = text
        self.source = source
        self.helpfile = helpfile
        self.helpcontext = helpContext
        super().__init__(code, text, None, -1)

    def __repr__(self) -> str:
        return f"<COMException scode={self.scode} description={self.description!r}>"


def server_error(error: BaseException) -> ComError:
    """Turn what a server method raised into the ComError its client receives."""
    if isinstance(error, COMException):
        scode = error.scode
        dispatch = (scode >> 16) & 0x1FFF == _FACILITY_DISPATCH  # a DISP_E_* code: as it is
        context = 0 if dispatch else error.helpcontext or 0
        info = (0, error.source, error.description, error.helpfile, context, scode)
        return ComError.from_hresult(scode if dispatch else DISP_E_EXCEPTION, excepinfo=info)
    if isinstance(error, ComError):
        return error
    scode = E_OUTOFMEMORY if isinstance(error, MemoryError) else E_FAIL
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    info = (
        0,
        "Python COM Server Internal Error",
        f"Unexpected Python Error: {text}",
        None,
        0,
        scode,
    )
    return ComError.from_hresult(DISP_E_EXCEPTION, excepinfo=info)


@final
class DispatchPolicy:
    """IDispatch for one Python object, by its ``_public_*_`` attributes (DesignatedWrapPolicy).

    Raises:
        ValueError: the object names no ``_public_methods_`` (nor ``_typelib_guid_``).
    """

    __slots__ = ("_func", "_get", "_names", "_next", "_put", "obj")

    def __init__(self, obj: object) -> None:
        if not hasattr(obj, "_public_methods_") and not hasattr(obj, "_typelib_guid_"):
            raise ValueError(
                "Object does not support DesignatedWrapPolicy, as it does not have either "
                "_public_methods_ or _typelib_guid_ attributes."
            )
        self.obj = obj
        self._next = FIRST_DISPID
        self._names: dict[str, int] = {}
        self._func: dict[int, str] = dict(getattr(obj, "_dispid_to_func_", {}))
        self._get: dict[int, str] = dict(getattr(obj, "_dispid_to_get_", {}))
        self._put: dict[int, str] = dict(getattr(obj, "_dispid_to_put_", {}))
        for table in (self._func, self._get, self._put):
            for dispid, name in table.items():
                self._names.setdefault(name.lower(), dispid)
        if hasattr(obj, "_value_"):
            self._get[DISPID_VALUE] = "_value_"
            self._put[DISPID_PROPERTYPUT] = "_value_"
            self._names.setdefault("_value_", DISPID_VALUE)
        for name, dispid in (("_NewEnum", DISPID_NEWENUM), ("_Evaluate", DISPID_EVALUATE)):
            if hasattr(obj, name):
                self._func[dispid] = name
                self._names.setdefault(name.lower(), dispid)
        readonly = {name.lower() for name in getattr(obj, "_readonly_attrs_", ())}
        for name in getattr(obj, "_public_attrs_", ()):
            dispid = self._allocate(name)
            self._get[dispid] = name
            if name.lower() not in readonly:
                self._put[dispid] = name
        for name in getattr(obj, "_public_methods_", ()):
            self._func[self._allocate(name)] = name

    def _allocate(self, name: str) -> int:
        """The DISPID of ``name``: its own if known, else the next one from 1000 on."""
        key = name.lower()
        dispid = self._names.get(key)
        if dispid is None:
            dispid = self._names[key] = self._next
            self._next += 1
        return dispid

    def get_ids_of_names(self, names: Sequence[str]) -> list[int]:
        """Return the DISPIDs of a member name (and of named arguments, which are unknown).

        Raises:
            ComError: DISP_E_UNKNOWNNAME for an unknown name.
        """
        if not names:
            raise ComError.from_hresult(E_INVALIDARG, "no name was given")
        dispid = self._names.get(names[0].lower())
        if dispid is None or len(names) > 1:
            unknown = names[0] if dispid is None else names[1]
            raise ComError.from_hresult(
                DISP_E_UNKNOWNNAME,
                f"{type(self.obj).__name__} exposes no member or argument named {unknown!r}",
            )
        return [dispid]

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Call, get or put the member ``dispid`` as ``flags`` say, with ``args``.

        Raises:
            ComError: DISP_E_MEMBERNOTFOUND for an unknown id or a kind the member lacks,
                E_INVALIDARG for flags that name no kind.
        """
        if isinstance(dispid, str):
            found = self._names.get(dispid.lower())
            if found is None:
                raise self._not_found(dispid)
            dispid = found
        if flags & DISPATCH_METHOD:
            name = self._func.get(dispid)
            if name is not None:
                return self._member(name)(*args)
            if not flags & DISPATCH_PROPERTYGET:
                raise self._not_found(dispid)
        if flags & DISPATCH_PROPERTYGET:
            name = self._get.get(dispid)
            if name is None:
                raise self._not_found(dispid)
            value = self._member(name)
            return value(*args) if callable(value) and hasattr(value, "__self__") else value
        if flags & (DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF):
            name = self._put.get(dispid)
            if name is None:
                raise self._not_found(dispid)
            getter = getattr(self.obj, name, None)
            setter = getattr(self.obj, "Set" + name, None)
            if isinstance(getter, types.MethodType) and isinstance(setter, types.MethodType):
                setter(*args)  # a get method with a Set<name> method: a property pair
            else:
                setattr(self.obj, name, args[0])
            return None
        raise ComError.from_hresult(E_INVALIDARG, f"invalid wFlags {flags:#x}")

    def _member(self, name: str) -> Any:  # noqa: ANN401
        try:
            return getattr(self.obj, name)
        except AttributeError:
            raise self._not_found(name) from None

    def _not_found(self, what: object) -> ComError:
        return ComError.from_hresult(
            DISP_E_MEMBERNOTFOUND, f"{type(self.obj).__name__} has no member {what!r} for that"
        )
