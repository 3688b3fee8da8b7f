"""A package's re-exports imported on first use (PEP 562): a process pays for what it uses.

A package such as :mod:`apartment.kernel` re-exports some 500 names from 150 private
modules; importing them all costs a new local server (or any short-lived child) more than
its own work. Its re-exports stay written as plain ``from ._module import Name as Name``
statements (one name each, in parentheses or not) in a private module of the package (its
``_exports``), which type checkers see through ``from ._exports import *``. At run time the
package's ``__init__`` reads that file's text instead of running it: each name maps to its
module, which is imported the first time the name is asked for; ``__all__`` comes from the
same text.

Modules whose import has an effect others rely on (a hook registered in a shared table, a
callback in ``gc.callbacks``) are imported by the ``__init__`` itself, as before
(tests/test_lazy_exports.py finds them).

Without the source file (a build that ships only bytecode), the ``_exports`` module is
imported at once: the same names, eagerly.

Thread safety: the import system's per-module locks make two threads that ask for names of
one module at once import it once; the name is then stored in the package's namespace (a
dict store), so ``__getattr__`` runs only for the first access of each name.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["lazy_exports", "lazy_names"]

_IMPORT = re.compile(r"^from \.(\w+) import \(?\s*(\w+) as (\w+),?\s*\)?$", re.MULTILINE)
_ALL = re.compile(r"^__all__ = \[\n(.*?)^\]", re.MULTILINE | re.DOTALL)
_ENTRY = re.compile(r'^    "(\w+)",$', re.MULTILINE)


def _read(path: str) -> tuple[dict[str, tuple[str, str]], list[str]] | None:
    """The name -> module map and ``__all__`` the re-export file ``path`` spells; None if unread."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError:
        return None
    where = {alias: (module, name) for module, name, alias in _IMPORT.findall(text)}
    block = _ALL.search(text)
    if block is None:
        return None
    return where, _ENTRY.findall(block.group(1))


def lazy_exports(
    package: str, exports: str = "_exports"
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """``(__getattr__, __dir__, __all__)`` for ``package``, whose re-exports ``exports`` lists.

    Called once by the package's ``__init__`` (on the importing thread); the returned
    ``__getattr__`` runs on whichever thread first asks for a name.
    """
    namespace = sys.modules[package].__dict__
    folder = os.path.dirname(namespace["__file__"])
    found = _read(os.path.join(folder, f"{exports}.py"))
    if found is None:
        eager = importlib.import_module(f"{package}.{exports}")
        names = list(eager.__all__)
        for name in names:
            namespace[name] = getattr(eager, name)
        where: dict[str, tuple[str, str]] = {}
    else:
        where, names = found
    return (*lazy_names(package, where, package=package), names)


def lazy_names(
    module: str, where: dict[str, tuple[str, str]], *, package: str | None = None
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``module``: ``name -> (submodule, attribute)``.

    ``submodule`` is a module of ``package`` (default: ``module``'s package); an empty
    ``attribute`` stands for the submodule itself. The returned ``__getattr__`` imports on
    whichever thread first asks for a name, and stores the value in ``module``'s namespace.
    """
    namespace = sys.modules[module].__dict__
    home = module.rpartition(".")[0] if package is None else package

    def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562's name
        place = where.get(name)
        if place is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        submodule, attribute = place
        value: object = importlib.import_module(f"{home}.{submodule}")
        if attribute:
            value = getattr(value, attribute)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807 - PEP 562's name
        return sorted({*namespace, *where})

    return __getattr__, __dir__
