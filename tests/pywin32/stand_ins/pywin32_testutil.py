"""Our stand-in for pywin32's ``pywin32_testutil``: the names its tests import.

pywin32's module is part of its ``win32/lib`` (not unpacked here) and reaches into
Windows-only modules; its tests use ``testmain`` only, which is unittest's main.
"""

from __future__ import annotations

import os
import sys
import unittest

__all__ = ["testmain", "find_test_fixture"]


def testmain(*args: object, **kwargs: object) -> None:
    """Run the tests of ``__main__`` (pywin32 adds leak checks on Windows)."""
    unittest.main(*args, **kwargs)  # type: ignore[arg-type]


def find_test_fixture(basename: str, extra_dir: str = ".") -> str:
    """The path of a test's data file, next to the test or in ``extra_dir``.

    A file that is not there skips the test (the unpacked wheel leaves some out).
    """
    for folder in (os.path.dirname(sys.argv[0]), extra_dir, "."):
        path = os.path.join(folder, basename)
        if os.path.isfile(path):
            return path
    raise unittest.SkipTest(f"the test file {basename} is not here")
