"""pywin32's ``afxres``: MFC's resource ids (afxres.h), a module pywin32 has deprecated.

Importing it warns (DeprecationWarning), as pywin32's does, which moved the names to
``pywin.mfc.afxres``; the values are pywin32's (a table, ``_tables``).
"""

from __future__ import annotations

import warnings

from ._tables import fill as _fill
from ._tables.afxres import IIDS, VALUES

__all__ = ["AFX_CONTROLBAR_MASK"]
__all__ += _fill(globals(), VALUES, IIDS)

_CONTROLBAR_FIRST = VALUES["AFX_IDW_CONTROLBAR_FIRST"]


def AFX_CONTROLBAR_MASK(nIDC: int) -> int:
    """The bit of control bar ``nIDC`` in a mask of control bars (afxres.h's macro)."""
    assert isinstance(_CONTROLBAR_FIRST, int)
    return 1 << (nIDC - _CONTROLBAR_FIRST)


warnings.warn(
    "the afxres module is deprecated: its names are in pywin.mfc.afxres.",
    category=DeprecationWarning,
    stacklevel=2,
)
