"""pywin32's ``pywin32_bootstrap``: what its ``.pth`` file imports at Python's start.

On Windows it adds pywin32's DLL folder (``pywin32_system32``) to the DLL search path; the
facade loads no DLLs, so importing it does nothing.
"""

from __future__ import annotations

__all__: list[str] = []
