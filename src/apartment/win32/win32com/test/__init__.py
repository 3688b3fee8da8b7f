"""pywin32's ``win32com.test`` package: what pywin32's COM tests import besides themselves.

pywin32 installs its COM tests in this package; the tests are pywin32's, not the facade's, but
:mod:`.util`, which they all import, is the facade's: with it, pywin32's test files run
unchanged on the facade. When ``win32com.__path__`` names pywin32's own tree too (its
``testall.py`` puts it there), that tree's ``test`` folder is searched after this one, so
``win32com.test.testIterators`` and the rest are pywin32's files.
"""

from __future__ import annotations

import os

from .. import __path__ as _win32com_path

__all__: list[str] = []

__path__ = [
    *__path__,
    *(
        os.path.join(folder, "test")
        for folder in _win32com_path[1:]
        if os.path.isdir(os.path.join(folder, "test"))
    ),
]
