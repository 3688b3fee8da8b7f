"""Our stand-in for pywin32's ``pywin32_testutil``: the names its tests import.

pywin32's module is part of its ``win32/lib`` (not unpacked here) and reaches into
Windows-only modules; its tests use ``testmain`` only, which is unittest's main.
"""

from __future__ import annotations

import unittest

__all__ = ["testmain"]


def testmain(*args: object, **kwargs: object) -> None:
    """Run the tests of ``__main__`` (pywin32 adds leak checks on Windows)."""
    unittest.main(*args, **kwargs)  # type: ignore[arg-type]
