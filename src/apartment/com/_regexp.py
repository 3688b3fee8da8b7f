r"""``VBScript.RegExp``: VBScript's regular expression object (vbscript.dll), on Python's ``re``.

Programs written for Windows create it by ProgID without registering anything, so it is one
of the system's classes (:mod:`._system_classes`). A RegExp holds ``Pattern``,
``IgnoreCase``, ``Global`` and ``Multiline`` (10001, 10002, 10003, 10007) and answers
``Execute(text)`` (10004) with a read-only MatchCollection of Match objects (``Value`` 0,
``FirstIndex`` 10001 from 0, ``Length`` 10002, ``SubMatches`` 10003), ``Test(text)``
(10005) and ``Replace(text, replacement)`` (10006). The DISPIDs are vbscript.dll's type
library's (read from the real object under Wine), so a client that caches them sees what it
would see on Windows. A collection's ``Item`` (0) is a property, as in the type library:
called as a method it is DISP_E_MEMBERNOTFOUND; an index out of range is E_INVALIDARG; a group
that took no part in a match is Empty (None).

What differs: the pattern is read by Python's ``re``, which reads VBScript's (JScript's)
patterns the same but for its extensions (``(?P<name>...)``, ``\A``...); ``\d``, ``\w``
and ``\s`` are ASCII's, as VBScript's are. A pattern ``re`` cannot read fails with VBScript's
error 5017 (0x800A1399, "Syntax error in regular expression") as DISP_E_EXCEPTION's scode,
as Windows' does (Wine answers E_FAIL). Its threading model is Both: each object is used by
the calls of one caller at a time, as vbscript.dll's are (no state is shared between objects).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ..errors import DISP_E_BADPARAMCOUNT
from ._collections import new_enum
from ._dispatch import wrap
from ._server_errors import COMException

if TYPE_CHECKING:
    from ._dispatch import DispatchPointer
    from ._pointer import InterfacePointer

__all__ = [
    "CLSID",
    "PROGID",
    "E_INVALIDARG",
    "VBSE_SYNTAX",
    "Match",
    "MatchCollection",
    "RegExp",
    "SubMatches",
]

CLSID = "{3F4DACA4-160D-11D2-A8E9-00104B365C9F}"  # CLSID_RegExp (vbscript.dll)
PROGID = "VBScript.RegExp"

E_INVALIDARG = -2147024809  # 0x80070057
VBSE_SYNTAX = -2146823271  # 0x800A1399: VBScript's error 5017, "Syntax error in regular expression"
DISPID_VALUE = 0
DISPID_NEWENUM = -4
_NO_INDEX = object()  # Item read without its index


class _ReadOnlyList:
    """Item (the default member, a property) and Count over a list, and _NewEnum."""

    _public_methods_: ClassVar[list[str]] = []
    _dispid_to_get_: ClassVar[dict[int, str]] = {DISPID_VALUE: "Item", 1: "Count"}

    def __init__(self, items: list[object]) -> None:
        self._items = items

    def item(self, index: object = _NO_INDEX) -> object:
        """The item at ``index`` (from 0).

        Read with no index (a client asking whether ``Item`` is a property) it is
        DISP_E_BADPARAMCOUNT, as the type library's Invoke answers, which tells pywin32's
        dynamic client that ``Item`` is to be called.
        """
        if index is _NO_INDEX:
            raise COMException(scode=DISP_E_BADPARAMCOUNT)
        if isinstance(index, bool) or not isinstance(index, int):
            raise COMException(scode=E_INVALIDARG, desc="an index is an integer")
        if not 0 <= index < len(self._items):
            raise COMException(scode=E_INVALIDARG, desc=f"no item {index}")
        return self._wrap(self._items[index])

    def count(self) -> int:
        """How many items there are."""
        return len(self._items)

    Item, Count = item, count  # Automation's names; Item is the default member (DISPID_VALUE)

    def _NewEnum(self) -> InterfacePointer:  # noqa: N802 - Automation's name
        return new_enum([self._wrap(item) for item in self._items])

    def _wrap(self, item: object) -> object:
        return item


class SubMatches(_ReadOnlyList):
    """The groups of one match: strings, or None (VT_EMPTY) for a group that did not take part."""

    _type_info_ = ("{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5), "ISubMatches")


class Match:
    """One match: Value (the default member), FirstIndex (from 0), Length, SubMatches."""

    _type_info_ = ("{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5), "IMatch2")

    _public_methods_: ClassVar[list[str]] = []
    _public_attrs_: ClassVar[list[str]] = ["Value", "FirstIndex", "Length", "SubMatches"]
    _readonly_attrs_: ClassVar[list[str]] = _public_attrs_
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        DISPID_VALUE: "Value",
        10001: "FirstIndex",
        10002: "Length",
        10003: "SubMatches",
    }

    def __init__(self, found: re.Match[str]) -> None:
        self.Value = found.group(0)
        self.FirstIndex = found.start()
        self.Length = found.end() - found.start()
        self._groups = list(found.groups())

    def sub_matches(self) -> DispatchPointer:
        """The groups, as a read-only collection."""
        return wrap(SubMatches(self._groups))

    SubMatches = property(sub_matches)  # Automation's name


class MatchCollection(_ReadOnlyList):
    """The matches Execute found, in order: each a Match object."""

    _type_info_ = ("{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5), "IMatchCollection2")

    def _wrap(self, item: object) -> object:
        return wrap(item)


class RegExp:
    """VBScript.RegExp: a pattern and its flags, and Execute, Test and Replace on a string."""

    _type_info_ = ("{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5), "IRegExp2")

    _reg_clsid_ = CLSID
    _reg_progid_ = PROGID
    _public_methods_: ClassVar[list[str]] = ["Execute", "Test", "Replace"]
    _public_attrs_: ClassVar[list[str]] = ["Pattern", "IgnoreCase", "Global", "Multiline"]
    _dispid_to_get_: ClassVar[dict[int, str]] = {
        10001: "Pattern",
        10002: "IgnoreCase",
        10003: "Global",
        10007: "Multiline",
    }
    _dispid_to_put_: ClassVar[dict[int, str]] = _dispid_to_get_
    _dispid_to_func_: ClassVar[dict[int, str]] = {10004: "Execute", 10005: "Test", 10006: "Replace"}

    def __init__(self) -> None:
        self.Pattern = ""
        self.IgnoreCase = False
        self.Global = False
        self.Multiline = False

    def _compiled(self) -> re.Pattern[str]:
        flags = re.ASCII
        if self.IgnoreCase:
            flags |= re.IGNORECASE
        if self.Multiline:
            flags |= re.MULTILINE
        try:
            return re.compile(str(self.Pattern), flags)
        except re.error as error:
            raise COMException(
                scode=VBSE_SYNTAX, desc=f"Syntax error in regular expression: {error}"
            ) from None

    def _matches(self, text: str) -> list[re.Match[str]]:
        pattern = self._compiled()
        if self.Global:
            return list(pattern.finditer(str(text)))
        found = pattern.search(str(text))
        return [] if found is None else [found]

    def execute(self, text: str) -> DispatchPointer:
        """The matches in ``text`` (all of them if Global, else the first) as a collection."""
        return wrap(MatchCollection([Match(found) for found in self._matches(text)]))

    def test(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text``."""
        return self._compiled().search(str(text)) is not None

    def replace(self, text: str, replacement: str) -> str:
        """``text`` with the matches (all if Global, else the first) replaced.

        ``replacement`` may name ``$1``...``$99`` (a group), ``$&`` (the match), ``$```
        (what precedes it), ``$'`` (what follows it) and ``$$`` (a dollar sign).
        """
        text = str(text)
        replacement = str(replacement)

        def expand(found: re.Match[str]) -> str:
            def one(token: re.Match[str]) -> str:
                name = token.group(1)
                if name == "$":
                    return "$"
                if name == "&":
                    return found.group(0)
                if name == "`":
                    return text[: found.start()]
                if name == "'":
                    return text[found.end() :]
                number = int(name)
                if 0 < number <= len(found.groups()):
                    return found.group(number) or ""
                return token.group(0)

            return re.sub(r"\$(\$|&|`|'|\d{1,2})", one, replacement)

        return self._compiled().sub(expand, text, count=0 if self.Global else 1)

    Execute, Test, Replace = execute, test, replace  # Automation's names
