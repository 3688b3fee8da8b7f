"""Our stand-in for pywin32's ``win32timezone``: importable, empty.

pywin32's module reads the time zones from the Windows registry (``winreg``). test_win32file
imports it at the top; the tests that use it (file times) are left out, with their reason.
"""

from __future__ import annotations

__all__: list[str] = []
