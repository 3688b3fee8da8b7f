"""pywin32's ``winperf``: the performance-counter constants of the SDK's ``winperf.h``.

A constant-only module of pywin32: its values come from a generated table (``_tables``).
"""

from __future__ import annotations

from ._tables import fill as _fill
from ._tables.winperf import IIDS, VALUES

__all__: list[str] = []
__all__ += _fill(globals(), VALUES, IIDS)
