"""pywin32's ``win2kras``: the old name of :mod:`win32ras`'s Windows 2000 functions.

pywin32 keeps it so that old scripts import; it is :mod:`win32ras` under another name and
warns (DeprecationWarning) on import, as pywin32's does.
"""

from __future__ import annotations

import warnings

from .win32ras import *  # noqa: F403
from .win32ras import __all__ as __all__

warnings.warn(
    "win2kras is deprecated: its functions are win32ras's now; import win32ras instead.",
    category=DeprecationWarning,
    stacklevel=2,
)
