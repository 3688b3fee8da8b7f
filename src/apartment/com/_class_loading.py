"""Loading a registered class: putting its directory on ``sys.path`` and importing it.

A registered class whose code is gone fails as ``CoCreateInstance`` does: CO_E_DLLNOTFOUND
when its module does not import (the "DLL" of a Python class is its module),
CLASS_E_CLASSNOTAVAILABLE when the module has no such class.
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork
from ..errors import CLASS_E_CLASSNOTAVAILABLE, CO_E_DLLNOTFOUND, ComError, hresult_message

if TYPE_CHECKING:
    from ._class_entry import ClassEntry

__all__ = ["ClassLoadError", "load_class"]


# sys.path is process-wide: check-then-insert under a lock so two threads activating
# classes from one directory add it once.
_path_lock = threading.Lock()
hold_across_fork(_path_lock, OUTER)


class ClassLoadError(ComError, ImportError):
    """A registered class cannot be loaded: its module or the class itself no longer imports.

    ``hresult`` is CO_E_DLLNOTFOUND when the module fails to import (the module is a Python
    class's "DLL") and CLASS_E_CLASSNOTAVAILABLE when the module lacks the class; ``detail``
    names what failed and ``__cause__`` holds the original exception.
    """


def _load_error(hresult: int, entry: ClassEntry, what: str) -> ClassLoadError:
    names = entry.clsid if entry.progid is None else f"{entry.progid} ({entry.clsid})"
    where = f" from {entry.python_path}" if entry.python_path else ""
    return ClassLoadError(
        hresult,
        hresult_message(hresult),
        None,
        None,
        detail=(
            f"the class {names} is registered as {entry.class_spec!r}{where}, but {what}; "
            "restore the file, or register the class again from where it now lives with "
            "`python -m apartment register FILE`"
        ),
    )


def load_class(entry: ClassEntry) -> type:
    """Import the class ``entry`` names and return it.

    Puts ``entry.python_path`` at the front of ``sys.path`` if it is not there yet (as
    pywin32 does with ``PythonCOMPath``), then imports the module of ``entry.class_spec``. A
    class registered from a script run as ``__main__`` is imported by the script's file name,
    so the script's module-level code runs again in that module (as under pywin32).

    Raises:
        ClassLoadError: the module fails to import (CO_E_DLLNOTFOUND), or has no such class
            (CLASS_E_CLASSNOTAVAILABLE).
    """
    module_name, _, class_name = entry.class_spec.rpartition(".")
    if entry.python_path:
        with _path_lock:
            if entry.python_path not in sys.path:
                sys.path.insert(0, entry.python_path)
    if module_name not in sys.modules:
        importlib.invalidate_caches()  # the file may be newer than a finder's cached listing
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        what = f"its module {module_name!r} does not import ({type(exc).__name__}: {exc})"
        raise _load_error(CO_E_DLLNOTFOUND, entry, what) from exc
    found = getattr(module, class_name, None)
    if not isinstance(found, type):
        what = (
            f"the module {module_name!r} has no class {class_name!r}"
            if found is None
            else f"{entry.class_spec!r} is {type(found).__name__}, not a class"
        )
        raise _load_error(CLASS_E_CLASSNOTAVAILABLE, entry, what)
    return found
