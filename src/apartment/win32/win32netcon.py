"""pywin32's ``win32netcon``: the network management API's constants (LM*, UF_*, SV_*, ...).

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.win32netcon import IIDS, VALUES


def TEXT(x: str) -> str:
    """Return the string itself: the SDK's TEXT macro (a string is already text)."""
    return x


__all__ = [
    "TEXT",
]
__all__ += _fill(globals(), VALUES, IIDS)
