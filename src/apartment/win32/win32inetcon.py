"""pywin32's ``win32inetcon``: the WinINet and WinHTTP constants.

A constant-only module of pywin32: its values come from a generated table (``_tables``),
it has no macros.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.win32inetcon import IIDS, VALUES

__all__ = []
__all__ += _fill(globals(), VALUES, IIDS)
