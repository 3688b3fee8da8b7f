"""Console aliases (doskey macros): AddConsoleAlias, GetConsoleAliases, GetConsoleAliasExes.

A console keeps, for each executable name, a table of aliases: a source word its line
editor replaces with a target text when that program reads a line. Both the executable
names and the sources compare without regard to case, as Windows' console host compares
them; a table lists its aliases in the order they were first added, and an executable
whose last alias goes no longer appears among the executables. The tables belong to the
console: a new console (AllocConsole after FreeConsole) starts with none.

Windows' errors: ERROR_INVALID_HANDLE without a console, ERROR_INVALID_PARAMETER for an
empty source or executable name.
"""

from __future__ import annotations

import threading
import weakref

from ..errors import InvalidParameterError
from ._consoles import Console, need_console

__all__ = ["add_console_alias", "console_aliases", "console_alias_exes"]

# exe name (folded) -> (exe name as first given, {source folded: (source, target)})
_Tables = dict[str, tuple[str, dict[str, tuple[str, str]]]]


class _Aliases:
    """Every console's alias tables, under ``lock`` (a console's go when it goes)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.tables: weakref.WeakKeyDictionary[Console, _Tables] = weakref.WeakKeyDictionary()


_aliases = _Aliases()


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} is a str, not {type(value).__name__}")
    if not value:
        raise InvalidParameterError(f"{what} is empty: give a word")
    return value


def add_console_alias(source: str, target: str | None, exe_name: str) -> None:
    """Make ``source`` stand for ``target`` in ``exe_name``'s lines.

    A None (or '') target removes the alias.

    Raises:
        InvalidHandleError: the process has no console.
        InvalidParameterError: an empty source or executable name.
    """
    source, exe_name = _text(source, "an alias's source"), _text(exe_name, "an executable name")
    if target is not None and not isinstance(target, str):
        raise TypeError(f"an alias's target is a str or None, not {type(target).__name__}")
    console = need_console()
    with _aliases.lock:
        tables = _aliases.tables.setdefault(console, {})
        exe_key, source_key = exe_name.casefold(), source.casefold()
        if target:
            table = tables.setdefault(exe_key, (exe_name, {}))[1]
            kept = table.get(source_key)
            table[source_key] = ((kept[0] if kept else source), target)
        elif exe_key in tables:
            table = tables[exe_key][1]
            table.pop(source_key, None)
            if not table:
                del tables[exe_key]


def console_aliases(exe_name: str) -> list[tuple[str, str]]:
    """``exe_name``'s aliases as (source, target) pairs, in the order they were added."""
    exe_name = _text(exe_name, "an executable name")
    console = need_console()
    with _aliases.lock:
        entry = _aliases.tables.get(console, {}).get(exe_name.casefold())
        return list(entry[1].values()) if entry else []


def console_alias_exes() -> list[str]:
    """The executable names that have aliases, as they were first given."""
    console = need_console()
    with _aliases.lock:
        return [shown for shown, _ in _aliases.tables.get(console, {}).values()]
