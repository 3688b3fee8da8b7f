"""pywin32's ``win32com`` package: the COM client and server helpers.

Besides its modules (mapped by the facade's import hook), the package has pywin32's
attributes: ``__gen_path__`` (where makepy's generated modules go: ``gen_py/X.Y`` in the
temporary directory) and ``__build_path__`` (None).

Its ``__path__`` keeps this package's folder first: pywin32's own test runner
(``win32com/test/testall.py``) points ``win32com.__path__[0]`` at the pywin32 tree it sits in,
to import its test modules and demos from there; here that tree is searched after this
folder, so the facade's modules stay the facade's and pywin32's tests and demos are found.
"""

from __future__ import annotations

import operator
import os
import sys
import tempfile
from typing import Any

__all__ = ["SetupEnvironment"]


class _PinnedPath(list[str]):
    """A package path whose first entry stays this package's folder.

    Setting entry 0 (pywin32's testall does) adds the folder after it instead.
    """

    def __setitem__(self, index: Any, value: Any) -> None:  # noqa: ANN401 - list's overloads
        if isinstance(index, slice) or operator.index(index) != 0 or not self:
            super().__setitem__(index, value)
            return
        folder = os.fspath(value)
        if folder not in self:
            self.insert(1, folder)


__path__ = _PinnedPath(__path__)
__gen_path__ = os.path.join(tempfile.gettempdir(), "gen_py", "{}.{}".format(*sys.version_info[:2]))
__build_path__ = None


def SetupEnvironment() -> None:
    """Add win32comext's packages to ``win32com``: the facade maps their names already."""
