"""pywin32's ``win32com.client.dynamic``: the late-bound client class."""

from __future__ import annotations

from typing import Any

from apartment.win32 import pythoncom
from apartment.win32._com_door import guard_functions
from apartment.win32.pywintypes import IIDType

from ._dispatch import CDispatch, dispatch_pointer
from .build import DispatchItem

__all__ = [
    "CDispatch",
    "Dispatch",
    "DumbDispatch",
    "MakeOleRepr",
    "debug_print",
    "debug_attr_print",
    "debugging",
    "debugging_attr",
    "ALL_INVOKE_TYPES",
    "ERRORS_BAD_CONTEXT",
    "LCID",
    "PyIDispatchType",
    "PyIUnknownType",
    "IIDType",
]

debugging = 0
debugging_attr = 0
LCID = 0x0
PyIDispatchType = pythoncom.TypeIIDs[pythoncom.IID_IDispatch]
PyIUnknownType = pythoncom.TypeIIDs[pythoncom.IID_IUnknown]
ALL_INVOKE_TYPES = [
    pythoncom.INVOKE_PROPERTYGET,
    pythoncom.INVOKE_PROPERTYPUT,
    pythoncom.INVOKE_PROPERTYPUTREF,
    pythoncom.INVOKE_FUNC,
]
# the errors a call by the wrong kind (a method as a property...) gives: try the next kind
ERRORS_BAD_CONTEXT = [-2147352573, -2147352562, -2147352561, -2147352571, -2147024809]


def debug_print(*args: object) -> None:
    """Print ``args`` when ``debugging`` is set (pywin32's tracing of dynamic calls)."""
    if debugging:
        print(*args)


def debug_attr_print(*args: object) -> None:
    """Print ``args`` when ``debugging_attr`` is set."""
    if debugging_attr:
        print(*args)


def MakeOleRepr(ob: object, typeinfo: Any, typecomp: object) -> DispatchItem:  # noqa: ANN401
    """What makepy knows of ``ob``'s members: nothing without type information."""
    if typeinfo is not None:
        try:
            return DispatchItem(typeinfo, None, None, 0)
        except pythoncom.com_error:
            pass  # pywin32 falls back to an empty item
    return DispatchItem()


def Dispatch(
    IDispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    createClass: type[CDispatch] | None = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:
    """Return a late-bound client (``createClass``, CDispatch by default) for ``IDispatch``."""
    if userName is None and isinstance(IDispatch, str):
        userName = IDispatch
    return (createClass or CDispatch)(dispatch_pointer(IDispatch, clsctx), userName)


guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)
DumbDispatch = Dispatch
