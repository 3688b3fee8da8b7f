"""pywin32's ``win32com.client.build``: what makepy learns of a dispatch interface.

Without a type library (none can be read here) a :class:`DispatchItem` is empty: no
properties, no functions, as pywin32's is for an object without type information.
"""

from __future__ import annotations

import builtins
import keyword
import string
from typing import Any

__all__ = ["OleItem", "DispatchItem", "MakePublicAttributeName", "valid_identifier_chars"]

valid_identifier_chars = string.ascii_letters + string.digits + "_"


def _demunge_leading_underscores(name: str) -> str:
    count = len(name) - len(name.lstrip("_"))
    return name[count:] + name[:count]


def MakePublicAttributeName(className: str, is_global: bool = False) -> str:
    """A COM member's name as a Python attribute.

    ``__x`` becomes ``x__``, keywords are capitalised, ``None`` becomes ``NONE``; other
    characters than letters, digits and ``_`` are dropped.
    """
    if className[:2] == "__":
        return _demunge_leading_underscores(className)
    if className == "None":
        className = "NONE"
    elif keyword.iskeyword(className) or (is_global and hasattr(builtins, className)):
        result = className.capitalize()
        return result.upper() if result == className else result
    elif className.isidentifier():
        return className
    return "".join([char for char in className if char in valid_identifier_chars])


class OleItem:
    """Something a type library describes: its documentation and Python name."""

    typename = "OleItem"

    def __init__(self, doc: Any = None) -> None:  # noqa: ANN401
        self.doc = doc
        self.python_name = MakePublicAttributeName(doc[0]) if doc else None
        self.bWritten = 0
        self.bIsDispatch = 0
        self.bIsSink = 0
        self.clsid: Any = None
        self.co_class: Any = None


class DispatchItem(OleItem):
    """A dispatch interface's members by name: empty without type information."""

    typename = "DispatchItem"

    def __init__(
        self,
        typeinfo: Any = None,  # noqa: ANN401
        attr: object = None,
        doc: Any = None,  # noqa: ANN401
        bForUser: int = 1,
    ) -> None:
        super().__init__(doc)
        self.propMap: dict[str, Any] = {}
        self.propMapGet: dict[str, Any] = {}
        self.propMapPut: dict[str, Any] = {}
        self.mapFuncs: dict[str, Any] = {}
        self.defaultDispatchName: str | None = None
        self.hidden = 0
        if typeinfo:
            typeinfo.GetTypeAttr()  # no type information can be read here: its error
