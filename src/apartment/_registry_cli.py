"""The registry verbs of the command line: ``register FILE``, ``unregister FILE``, ``classes``.

``python -m apartment register server.py`` does what running a pywin32 server script with
``UseCommandLine`` does, without running its ``__main__`` block: it imports the file as the
module named after it (its directory on ``sys.path``), and registers every class defined there
that has its own ``_reg_clsid_``. A module name instead of a file is imported as it is:
``python -m apartment register win32com.servers.interp`` registers pywin32's
Python.Interpreter (``win32com.servers.dictionary``: Python.Dictionary). A script that
imports pywin32 names at the top needs the facade's import hook installed first, as ``run``
does.

Each verb returns the exit status: 0 on success, 2 with a message that names the fix.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import sys
import traceback
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from .com import (
    RegistryError,
    clsid_of,
    entries,
    register_class,
    registry_path,
    unregister_class,
)
from .errors import ComError, describe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import ModuleType

__all__ = ["register_main", "unregister_main", "classes_main"]


class _UsageError(Exception):
    """A verb cannot go on; the message says why and what to do."""


def _parse(prog: str, argv: Sequence[str], *, with_file: bool) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=f"python -m apartment {prog}")
    if with_file:
        parser.add_argument(
            "file", help="a Python file (or a module name) defining classes with _reg_clsid_"
        )
    return parser.parse_args(list(argv))


def _module_name(text: str) -> bool:
    return not text.endswith(".py") and all(part.isidentifier() for part in text.split("."))


@contextlib.contextmanager
def _imported(file: str) -> Iterator[ModuleType]:
    """Import ``file`` as the module named after it; undo sys.path and sys.modules after.

    A dotted module name that is no file (``win32com.servers.interp``) is imported as it is.
    """
    path = Path(file).resolve()
    if not path.is_file() and _module_name(file):
        try:
            yield importlib.import_module(file)
        except ImportError as exc:
            raise _UsageError(f"no such file or module: {file} ({exc})") from exc
        return
    if not path.is_file():
        raise _UsageError(f"no such file: {file}; give the path of the server's .py file")
    name = path.stem
    if not name.isidentifier():
        raise _UsageError(
            f"{path.name} cannot be imported as a module (its name is not an identifier); "
            "rename the file, e.g. to my_server.py"
        )
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise _UsageError(f"{file} is not a Python source file; give the server's .py file")
    module = importlib.util.module_from_spec(spec)
    directory = str(path.parent)
    added = directory not in sys.path
    previous = sys.modules.get(name)
    if added:
        sys.path.insert(0, directory)
    sys.modules[name] = module  # entry_from_class finds the module (and its file) here
    try:
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            traceback.print_exc()
            raise _UsageError(
                f"importing {file} failed ({type(exc).__name__}: {exc}); fix the error above"
            ) from exc
        yield module
    finally:
        if previous is None:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = previous
        if added:
            with contextlib.suppress(ValueError):
                sys.path.remove(directory)


def _server_classes(module: ModuleType, file: str) -> list[type]:
    """The classes defined in ``module`` that carry their own ``_reg_clsid_``, in order."""
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == module.__name__
        and "_reg_clsid_" in vars(value)
    ]
    if not found:
        raise _UsageError(
            f"{file} defines no class with a _reg_clsid_; give each COM server class one, "
            f"e.g. _reg_clsid_ = {clsid_of(uuid.uuid4())!r}"
        )
    return found


def _run(prog: str, argv: Sequence[str], verb: Callable[[argparse.Namespace], None]) -> int:
    """Parse ``argv``, run ``verb``, and turn every expected failure into status 2."""
    try:
        options = _parse(prog, argv, with_file=prog != "classes")
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2, already printed)
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        verb(options)
    except (_UsageError, RegistryError, ComError, TypeError, ValueError) as exc:
        print(f"python -m apartment {prog}: {describe(exc)}", file=sys.stderr)
        return 2
    return 0


def _register(options: argparse.Namespace) -> None:
    with _imported(options.file) as module:
        for cls in _server_classes(module, options.file):
            entry = register_class(cls)
            print(f"Registered: {entry.progid or entry.class_spec}")


def _unregister(options: argparse.Namespace) -> None:
    with _imported(options.file) as module:
        for cls in _server_classes(module, options.file):
            name = getattr(cls, "_reg_progid_", None) or clsid_of(vars(cls)["_reg_clsid_"])
            print(f"{'Unregistered' if unregister_class(cls) else 'Not registered'}: {name}")


def _classes(options: argparse.Namespace) -> None:
    found = entries()
    if not found:
        print(f"No classes are registered in {registry_path()}.")
        return
    print(f"Classes registered in {registry_path()}:")
    header = ("ProgID", "CLSID", "ThreadingModel", "Class")
    rows = [
        (entry.progid or "-", entry.clsid, entry.threading_model or "-", entry.class_spec or "-")
        for entry in found
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def register_main(argv: Sequence[str]) -> int:
    """``register FILE``: register the server classes FILE defines; return the exit status."""
    return _run("register", argv, _register)


def unregister_main(argv: Sequence[str]) -> int:
    """``unregister FILE``: unregister the server classes FILE defines; return the status."""
    return _run("unregister", argv, _unregister)


def classes_main(argv: Sequence[str]) -> int:
    """``classes``: print a table of the registered classes; return the exit status."""
    return _run("classes", argv, _classes)
