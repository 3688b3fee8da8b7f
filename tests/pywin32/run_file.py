"""Run one file of pywin32's own tests or demos, unchanged, on the apartment facade.

``python run_file.py ROOT RELPATH MODE [--skip TEST=REASON ...]``

ROOT is where pywin32's wheel was unpacked; RELPATH a file below it
(``win32com/test/testGIT.py``). The facade's import hook is installed first (as
``python -m apartment run`` does), and pywin32's ``win32com.test`` package is found in the
wheel; the modules the tests share, ``win32com.test.util`` and ``pywin32_testutil``, are
the facade's (pywin32's tests run on them as they would on pywin32's). MODE says how the
file is run:

* ``unittest``: the file is imported as a module (``win32com.test.NAME`` for pywin32's COM
  tests, so their relative imports work), its tests collected and run, the ``--skip`` ones
  skipped with their reason; the exit status is 0 when every test passed.
* ``script``: the file runs as ``__main__``, as its own ``if __name__ == "__main__"`` block
  does (a file of ``win32com/test`` as ``python -m win32com.test.NAME`` runs it, so its
  relative imports work); the exit status is 0 when it ran to its end.

``--register MODULE`` registers the COM servers a module defines first, as
``python -m apartment register MODULE`` does (``win32com.servers.interp``: pywin32's
installer registers Python.Interpreter on Windows, and some tests expect it).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import re
import runpy
import sys
import unittest
from pathlib import Path

from apartment import _registry_cli
from apartment.win32 import install


class _StandIns(importlib.abc.MetaPathFinder):
    """Find ``win32com.test`` and ``win32com.demos`` (pywin32's folders): pywin32's tests
    import them (testServers runs the connect demo).

    A finder, not modules made up front: importing ``win32com`` imports ``pythoncom``, which
    initializes COM on the importing thread, and a script must do that itself first (the
    free-threaded demos set ``sys.coinit_flags`` before they import anything).
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname in ("win32com.test", "win32com.demos"):
            spec = importlib.machinery.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [str(self.root / "win32com" / fullname[9:])]
            return spec
        return None


def _stand_ins(root: Path) -> None:
    sys.meta_path.insert(0, _StandIns(root))  # before the path finder


def _null_device() -> None:
    """Open ``NUL`` as Windows does: the null device, in any folder (test_win32file's
    test_basics opens it for a handle that is not a socket), also in a command's redirection
    (win32com.test.util registers a server with ``... > nul 2>&1``). Linux has no such name."""
    import builtins

    real_open, real_system = builtins.open, os.system

    def system_nul(command: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> int:
        if isinstance(command, str):
            command = re.sub(r"(?i)>\s*nul\b", "> /dev/null", command)
        return real_system(command)

    os.system = system_nul

    def open_nul(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str) and file.upper() == "NUL":
            file = os.devnull
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    builtins.open = open_nul  # type: ignore[assignment]


def _module_name(relpath: str) -> str:
    path = Path(relpath)
    if path.parts[:2] == ("win32com", "test"):
        return "win32com.test." + path.stem
    return path.stem


def _skip(suite: unittest.TestSuite, skips: dict[str, str]) -> unittest.TestSuite:
    """Replace the tests named in ``skips`` (by the end of their id) with skips."""
    kept = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            kept.addTest(_skip(test, skips))
            continue
        reason = next((why for name, why in skips.items() if test.id().endswith(name)), None)
        if reason is None:
            kept.addTest(test)
        else:
            setattr(test, test._testMethodName, unittest.skip(reason)(lambda: None))
            kept.addTest(test)
    return kept


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("relpath")
    parser.add_argument("mode", choices=["unittest", "script"])
    parser.add_argument("--skip", action="append", default=[])
    parser.add_argument("--register", action="append", default=[])
    options = parser.parse_args()
    root: Path = options.root.resolve()
    path = root / options.relpath
    install(runtime=True)
    _stand_ins(root)
    _null_device()
    for module in options.register:
        if _registry_cli.register_main([module]) != 0:
            return 2
    sys.path.insert(0, str(path.parent))
    os.chdir(path.parent)
    name = _module_name(options.relpath)
    if options.mode == "script":
        sys.argv = [str(path)]
        if "." in name:  # part of a package: its relative imports (``from .util``) work
            runpy.run_module(name, run_name="__main__", alter_sys=True)
        else:
            runpy.run_path(str(path), run_name="__main__")
        return 0
    module = importlib.import_module(name)
    skips = dict(item.split("=", 1) for item in options.skip)
    suite = _skip(unittest.defaultTestLoader.loadTestsFromModule(module), skips)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    return 0 if result.wasSuccessful() and result.testsRun else 1


if __name__ == "__main__":
    sys.exit(main())
