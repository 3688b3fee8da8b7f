"""Generated tables of pywin32's pure-Python constant modules (tools/gen_constant_tables.py).

:func:`fill` makes a facade module of one: every value becomes a name of the module.
"""

from __future__ import annotations

from typing import Any

__all__ = ["fill"]


def fill(namespace: dict[str, Any], values: dict[str, Any], iids: dict[str, str]) -> list[str]:
    """Define every name of a table in a module's namespace; return the names, for __all__.

    Names the module defines itself (its macros) are kept; IIDs become ``pywintypes.IID``s.
    """
    from ..pywintypes import IID

    for name, value in values.items():
        namespace.setdefault(name, value)
    for name, text in iids.items():
        namespace.setdefault(name, IID(text))
    return [*values, *iids]
