"""pywin32's ``_win32verstamp_pywin32ctypes``: the resource-update calls win32verstamp uses.

pywin32 calls kernel32 through ctypes there; here they are :mod:`win32api`'s.
"""

from __future__ import annotations

from .win32api import BeginUpdateResource, EndUpdateResource, UpdateResource

__all__ = ["BeginUpdateResource", "EndUpdateResource", "UpdateResource"]
