"""What makepy contract tests share: forgetting the modules a test generated.

pywin32 (and this package) index generated modules in the process: once a module is loaded,
every later Dispatch of its library's objects gives the generated classes. A test that
generates one forgets it when it ends (its files stay).
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

import win32com.client
from win32com.client import CLSIDToClass, gencache

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["forgetting_generated"]


@contextlib.contextmanager
def forgetting_generated(*, start_empty: bool = False) -> Iterator[None]:
    """Restore the class map, the constants and gencache's index on leaving, and drop the
    ``win32com.gen_py.*`` modules; ``start_empty``: gencache's index starts empty (a gen_py
    folder of the test's own knows none of the modules made before)."""
    classes = dict(CLSIDToClass.mapCLSIDToClass)
    dicts = list(win32com.client.constants.__dicts__)
    index = dict(gencache.clsidToTypelib)
    if start_empty:
        gencache.clsidToTypelib.clear()
    try:
        yield
    finally:
        CLSIDToClass.mapCLSIDToClass.clear()
        CLSIDToClass.mapCLSIDToClass.update(classes)
        win32com.client.constants.__dicts__[:] = dicts
        gencache.clsidToTypelib.clear()
        gencache.clsidToTypelib.update(index)
        for name in [name for name in sys.modules if name.startswith("win32com.gen_py.")]:
            del sys.modules[name]
