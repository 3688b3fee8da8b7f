"""Two small COM servers that pywin32 ships and its tests use, written here.

* :class:`Interpreter` (``Python.Interpreter``): ``Eval(expression)`` and ``Exec(statement)``
  in a namespace of its own. A non-string argument is DISP_E_TYPEMISMATCH.
* :class:`Dictionary` (``Python.Dictionary``): a case-insensitive, string-keyed dictionary,
  as a VB collection is: ``Item(key)`` is the default property (a missing key reads as
  None; putting None deletes), ``Count`` is read-only, ``_NewEnum`` enumerates the keys. It
  is its own policy, since it answers by DISPID.

The facade registers them under pywin32's ProgIDs and CLSIDs (``win32com.servers``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..errors import (
    DISP_E_BADPARAMCOUNT,
    DISP_E_MEMBERNOTFOUND,
    DISP_E_TYPEMISMATCH,
    S_OK,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._collections import new_enum
from ._policy import (
    DISPATCH_METHOD,
    DISPATCH_PROPERTYGET,
    DISPID_NEWENUM,
    DISPID_VALUE,
    Policy,
)
from ._server_errors import COMException

__all__ = ["Interpreter", "Dictionary"]


def _source(text: object) -> str:
    if not isinstance(text, str):
        raise COMException(desc="Must be a string", scode=DISP_E_TYPEMISMATCH)
    return text


class Interpreter:
    """A Python interpreter as a COM object: evaluate expressions, execute statements."""

    _public_methods_: ClassVar[list[str]] = ["Exec", "Eval"]

    def __init__(self) -> None:
        self.dict: dict[str, Any] = {}

    def evaluate(self, exp: object) -> Any:  # noqa: ANN401
        """Evaluate an expression in the interpreter's namespace and return its value."""
        return eval(_source(exp), self.dict)

    def execute(self, exp: object) -> None:
        """Execute statements in the interpreter's namespace."""
        exec(_source(exp), self.dict)

    Eval, Exec = evaluate, execute  # the COM names


_COUNT = 1


class Dictionary(Policy):
    """A string-keyed, case-insensitive dictionary as a COM object (its own policy)."""

    def __init__(self) -> None:
        super().__init__({})
        self.names = {"item": DISPID_VALUE, "_newenum": DISPID_NEWENUM, "count": _COUNT}

    def get_dispid(self, name: str, flags: int = 0) -> int:
        """The DISPID of Item, Count or _NewEnum; DISP_E_MEMBERNOTFOUND for anything else."""
        dispid = self.names.get(name.lower())
        if dispid is None:
            raise COMException(scode=DISP_E_MEMBERNOTFOUND, desc="Member not found")
        return dispid

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Item (get or put), Count (get) or _NewEnum."""
        items: dict[str, Any] = self.obj  # type: ignore[assignment]
        if dispid == DISPID_VALUE:
            if not args:
                raise COMException(desc="not enough parameters", scode=DISP_E_BADPARAMCOUNT)
            key = args[0]
            if not isinstance(key, str):
                raise COMException(desc="Key must be a string", scode=DISP_E_TYPEMISMATCH)
            key = key.lower()
            if flags & (DISPATCH_METHOD | DISPATCH_PROPERTYGET):
                if len(args) > 1:
                    raise COMException(scode=DISP_E_BADPARAMCOUNT)
                with KERNEL_LOCK:  # "Both": MTA threads may call at once
                    return items.get(key)
            if len(args) != 2:
                raise COMException(scode=DISP_E_BADPARAMCOUNT)
            with KERNEL_LOCK:
                if args[1] is None:
                    items.pop(key, None)
                else:
                    items[key] = args[1]
            return S_OK
        if dispid == _COUNT:
            if not flags & DISPATCH_PROPERTYGET:
                raise COMException(scode=DISP_E_MEMBERNOTFOUND)
            if args:
                raise COMException(scode=DISP_E_BADPARAMCOUNT)
            with KERNEL_LOCK:
                return len(items)
        if dispid == DISPID_NEWENUM:
            with KERNEL_LOCK:
                keys = list(items)
            return new_enum(keys)
        raise COMException(scode=DISP_E_MEMBERNOTFOUND)
