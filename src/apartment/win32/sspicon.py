"""pywin32's ``sspicon``: the SSPI's constants (security packages, contexts, flags).

A constant-only module of pywin32: its values come from a generated table (``_tables``),
its macros are written here.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.sspicon import IIDS, VALUES


def SEC_SUCCESS(Status: int) -> bool:
    """Whether an SSPI status is a success (not negative)."""
    return Status >= 0


__all__ = [
    "SEC_SUCCESS",
]
__all__ += _fill(globals(), VALUES, IIDS)
