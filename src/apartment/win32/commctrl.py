"""pywin32's ``commctrl``: the common controls' messages, styles and notifications.

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.commctrl import IIDS, VALUES


def INDEXTOOVERLAYMASK(i: int) -> int:
    """An image list overlay index as list-view/tree-view state bits."""
    return i << 8


def INDEXTOSTATEIMAGEMASK(i: int) -> int:
    """A state image index as list-view/tree-view state bits."""
    return i << 12


__all__ = [
    "INDEXTOOVERLAYMASK",
    "INDEXTOSTATEIMAGEMASK",
]
__all__ += _fill(globals(), VALUES, IIDS)
