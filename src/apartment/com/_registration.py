"""Reading pywin32's ``_reg_*_`` class attributes into a class registry entry.

:func:`entry_from_class` builds what pywin32's ``RegisterClasses`` writes for a COM server
class, with pywin32's defaults (``win32com/server/register.py``); :func:`register_class` and
:func:`unregister_class` store and remove it.
"""

from __future__ import annotations

import os
import sys

from ._class_entry import DEFAULT_CLSCTX, DEFAULT_THREADING_MODEL, ClassEntry, clsid_of
from ._registry import register, unregister

__all__ = ["entry_from_class", "register_class", "unregister_class"]


def _import_root(file: str, module_name: str) -> str:
    """Return the directory to put on sys.path so that ``module_name`` imports from ``file``."""
    root = os.path.dirname(os.path.abspath(file))
    levels = module_name.count(".")
    if os.path.splitext(os.path.basename(file))[0] == "__init__":
        levels += 1
    for _ in range(levels):
        root = os.path.dirname(root)
    return root


def _class_location(cls: type) -> tuple[str, str | None]:
    """Return the module name that imports ``cls`` and the directory that module needs.

    A class defined in a script run as ``__main__`` is imported later by the script's file
    name, from the script's directory, as pywin32 does (it uses ``sys.argv[0]``; we prefer the
    module's own ``__file__``, and ``__spec__`` for ``python -m pkg.mod``).
    """
    name = cls.__module__
    module = sys.modules.get(name)
    file = getattr(module, "__file__", None)
    if name != "__main__":
        return name, None if file is None else _import_root(file, name)
    spec = getattr(module, "__spec__", None)
    if spec is not None and spec.name and spec.name != "__main__" and file:
        return spec.name, _import_root(file, spec.name)
    script = file or (sys.argv[0] if sys.argv else "")
    if not script or not os.path.isfile(script):
        raise TypeError(
            "Can't locate the script hosting the COM object - please set _reg_class_spec_ "
            "in your object"
        )
    stem = os.path.splitext(os.path.basename(script))[0]
    return stem, os.path.dirname(os.path.abspath(script))


def entry_from_class(cls: type) -> ClassEntry:
    """Build the :class:`ClassEntry` pywin32's ``RegisterClasses`` would write for ``cls``.

    Reads ``_reg_clsid_`` (required), ``_reg_progid_``, ``_reg_verprogid_``, ``_reg_desc_``
    (default: the ProgID), ``_reg_threading_`` (default "both"; None stores "", the legacy
    no-ThreadingModel case), ``_reg_clsctx_`` (default, also for 0: 5),
    ``_reg_class_spec_`` (default ``"<module>.<ClassName>"``) and ``_reg_policy_spec_``, each
    looked up through the base classes. ``python_path`` is the directory the class's module
    imports from (for ``__main__``: the script's directory).

    Raises:
        AttributeError: the class has no ``_reg_clsid_``.
        ClassStringError: ``_reg_clsid_`` is not a CLSID string.
        TypeError: the class comes from ``__main__`` but the script file cannot be found;
            set ``_reg_class_spec_``.
    """
    clsid = clsid_of(cls._reg_clsid_)  # type: ignore[attr-defined]  # AttributeError, as pywin32
    progid = getattr(cls, "_reg_progid_", None) or None
    description = getattr(cls, "_reg_desc_", progid)
    threading_model = getattr(cls, "_reg_threading_", DEFAULT_THREADING_MODEL)
    clsctx = getattr(cls, "_reg_clsctx_", None) or DEFAULT_CLSCTX  # RegisterServer: `if not`
    spec = getattr(cls, "_reg_class_spec_", None)
    module_name, python_path = _class_location(cls)
    if spec is None:
        spec = f"{module_name}.{cls.__name__}"
    elif spec.rpartition(".")[0] != module_name:
        python_path = None  # an explicit spec elsewhere: its module brings its own path
    return ClassEntry(
        clsid=clsid,
        progid=progid,
        verprogid=getattr(cls, "_reg_verprogid_", None) or None,
        description="" if description is None else str(description),
        threading_model="" if threading_model is None else str(threading_model),
        clsctx=int(clsctx),
        class_spec=spec,
        python_path=python_path,
        policy_spec=getattr(cls, "_reg_policy_spec_", None),
    )


def register_class(cls: type) -> ClassEntry:
    """Register a COM server class from its ``_reg_*_`` attributes; return what was stored."""
    entry = entry_from_class(cls)
    register(entry)
    return entry


def unregister_class(cls: type) -> bool:
    """Unregister a COM server class by its ``_reg_clsid_``; False if it was not registered."""
    return unregister(clsid_of(cls._reg_clsid_))  # type: ignore[attr-defined]
