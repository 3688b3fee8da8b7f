"""pywin32's ``ntsecuritycon``: the constants of Windows' security model, with the SDK's values.

Access rights, ACE types and flags, descriptor control bits, SID authorities and well-known
RIDs, privileges' names, token information classes and the directory service's name formats.
A constant-only module of pywin32: its values come from a generated table (``_tables``),
checked against the real pywin32 by tests/contract/test_constant_modules.py.
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.ntsecuritycon import IIDS, VALUES

__all__ = _fill(globals(), VALUES, IIDS)
