"""pywin32's ``win32com.test`` package: what pywin32's COM tests import besides themselves.

pywin32 installs its COM tests in this package; the tests are not part of the facade (they are
pywin32's), but :mod:`.util`, which they all import, is: with it, pywin32's test files run
unchanged on the facade from any folder.
"""

from __future__ import annotations

__all__: list[str] = []
