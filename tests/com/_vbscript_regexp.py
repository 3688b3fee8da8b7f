"""A stand-in for VBScript's regular expression object, for pywin32's testvbscript_regexp.

``VBScript.RegExp`` is an in-process server of Windows (vbscript.dll): a RegExp object
(``Pattern``, ``IgnoreCase``, ``Global``, ``Multiline``, ``Execute``, ``Test``, ``Replace``)
whose ``Execute`` answers a read-only MatchCollection of Match objects (``Value``,
``FirstIndex``, ``Length``, ``SubMatches``). This module gives the same object model on
Python's ``re``, with the DISPIDs of vbscript.dll's type library (asked of the real object
under Wine), so a client that caches DISPIDs sees what it would see on Windows.

What differs: the pattern is Python's syntax, which reads VBScript's (JScript's) patterns the
same but for its extensions (``(?P<name>...)``, ``\\A``...); ``\\d``, ``\\w`` and ``\\s`` are
ASCII's, as VBScript's are. A pattern ``re`` cannot read fails with VBScript's error 5017
(HRESULT 0x800A1399, "Syntax error in regular expression"), as Windows' does (Wine answers
E_FAIL). Item is a property (DISPATCH_PROPERTYGET), as in the type library: called as a
method it is DISP_E_MEMBERNOTFOUND; an index out of range is E_INVALIDARG.

No other module is imported but ``apartment.com``: ``python -m apartment register`` imports
this file alone.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from apartment import com

__all__ = ["E_INVALIDARG", "VBSE_SYNTAX", "Match", "MatchCollection", "RegExp", "SubMatches"]

E_INVALIDARG = -2147024809  # 0x80070057
VBSE_SYNTAX = -2146823271  # 0x800A1399: VBScript's error 5017, "Syntax error in regular expression"
DISPID_VALUE = 0
DISPID_NEWENUM = -4


class _ReadOnlyList:
    """Item (the default member, a property) and Count over a list, and _NewEnum."""

    _public_methods_: ClassVar[list[str]] = []
    _dispid_to_get_: ClassVar[dict[int, str]] = {DISPID_VALUE: "Item", 1: "Count"}

    def __init__(self, items: list[Any]) -> None:
        self._items = items

    def Item(self, index: int) -> Any:  # noqa: N802 - Automation's name
        """The item at ``index`` (from 0)."""
        if isinstance(index, bool) or not isinstance(index, int):
            raise com.COMException(scode=E_INVALIDARG, desc="an index is an integer")
        if not 0 <= index < len(self._items):
            raise com.COMException(scode=E_INVALIDARG, desc=f"no item {index}")
        return self._wrap(self._items[index])

    def Count(self) -> int:  # noqa: N802 - Automation's name
        """How many items there are."""
        return len(self._items)

    def _NewEnum(self) -> Any:  # noqa: N802 - Automation's name
        return com.new_enum([self._wrap(item) for item in self._items])

    def _wrap(self, item: Any) -> Any:
        return item


class SubMatches(_ReadOnlyList):
    """The groups of one match: strings, or None (VT_EMPTY) for a group that did not take part."""


class Match:
    """One match: Value (the default member), FirstIndex (from 0), Length, SubMatches."""

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

    @property
    def SubMatches(self) -> Any:  # noqa: N802 - Automation's name
        """The groups, as a read-only collection."""
        return com.wrap(SubMatches(self._groups))


class MatchCollection(_ReadOnlyList):
    """The matches Execute found, in order: each a Match object."""

    def _wrap(self, item: Any) -> Any:
        return com.wrap(item)


class RegExp:
    """VBScript.RegExp: a pattern and its flags, and Execute, Test and Replace on a string."""

    _reg_clsid_ = "{3F4DACA4-160D-11D2-A8E9-00104B365C9F}"  # CLSID_RegExp (vbscript.dll)
    _reg_progid_ = "VBScript.RegExp"
    _reg_desc_ = "VBScript Regular Expression (a stand-in for tests)"
    _reg_threading_ = "Apartment"
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
            raise com.COMException(
                scode=VBSE_SYNTAX, desc=f"Syntax error in regular expression: {error}"
            ) from None

    def _matches(self, text: str) -> list[re.Match[str]]:
        pattern = self._compiled()
        if self.Global:
            return list(pattern.finditer(str(text)))
        found = pattern.search(str(text))
        return [] if found is None else [found]

    def Execute(self, text: str) -> Any:  # noqa: N802 - Automation's name
        """The matches in ``text`` (all of them if Global, else the first) as a collection."""
        return com.wrap(MatchCollection([Match(found) for found in self._matches(text)]))

    def Test(self, text: str) -> bool:  # noqa: N802 - Automation's name
        """Whether the pattern matches somewhere in ``text``."""
        return self._compiled().search(str(text)) is not None

    def Replace(self, text: str, replacement: str) -> str:  # noqa: N802 - Automation's name
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
