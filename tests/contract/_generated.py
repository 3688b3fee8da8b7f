"""What makepy contract tests share: forgetting the modules a test generated.

pywin32 (and this package) index generated modules in the process: once a module is loaded,
every later Dispatch of its library's objects gives the generated classes. A test that
generates one forgets it when it ends (its files stay).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import TYPE_CHECKING

import win32com
import win32com.client
from win32com.client import CLSIDToClass, gencache

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import pytest

__all__ = ["forgetting_generated", "private_gen_py"]


@contextlib.contextmanager
def forgetting_generated(*, start_empty: bool = False) -> Iterator[None]:
    """Restore the class map, the constants and gencache's index on leaving, and drop the
    ``win32com.gen_py.*`` modules; ``start_empty``: gencache's index, the class map and the
    loaded modules start empty (a gen_py folder of the test's own knows none of the modules
    made before, in the shared gen_py or elsewhere: a class of those would be given again)."""
    classes = dict(CLSIDToClass.mapCLSIDToClass)
    dicts = list(win32com.client.constants.__dicts__)
    index = dict(gencache.clsidToTypelib)
    if start_empty:  # what the shared gen_py gave earlier tests is not there either
        gencache.clsidToTypelib.clear()
        CLSIDToClass.mapCLSIDToClass.clear()
        _drop_generated_modules()
    try:
        yield
    finally:
        CLSIDToClass.mapCLSIDToClass.clear()
        CLSIDToClass.mapCLSIDToClass.update(classes)
        win32com.client.constants.__dicts__[:] = dicts
        gencache.clsidToTypelib.clear()
        gencache.clsidToTypelib.update(index)
        _drop_generated_modules()


def _drop_generated_modules() -> None:
    for name in [name for name in sys.modules if name.startswith("win32com.gen_py.")]:
        del sys.modules[name]


@contextlib.contextmanager
def private_gen_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """makepy's modules go to a gen_py in ``tmp_path``, and are forgotten on leaving.

    pywin32 writes to ``win32com.__gen_path__`` (and imports from ``win32com.gen_py``'s
    path); this package to the temporary directory's ``gen_py``: both are pointed there. A
    test that generated into the shared gen_py would change what the next run's EnsureDispatch
    loads (a "for demand" package of one module per class, say).
    """
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    path = os.path.join(str(tmp_path), "gen_py", "{}.{}".format(*sys.version_info[:2]))
    os.makedirs(path)
    monkeypatch.setattr(win32com, "__gen_path__", path, raising=False)
    package = sys.modules.get("win32com.gen_py")
    if package is not None:
        monkeypatch.setattr(package, "__path__", [path])
    with forgetting_generated(start_empty=True):
        yield
    if package is None:
        sys.modules.pop("win32com.gen_py", None)
