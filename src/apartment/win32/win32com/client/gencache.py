"""pywin32's ``win32com.client.gencache``: makepy's cache of modules generated from type libraries.

A registered type library (the system classes' own: ``apartment.com.find_type_library``)
is read into the core's plan of early-bound code (``apartment.com.plan_library``), written
as a module (:mod:`._genmodule`) in :func:`GetGeneratePath` and imported as
``win32com.gen_py.<LIBID>x<lcid>x<major>x<minor>``, as pywin32's makepy does (one module per
library: pywin32's "for demand" packages are not made). Loading a module registers its
classes (``CLSIDToClass``) and its constants (``win32com.client.constants``); from then on
``win32com.client.Dispatch`` gives the generated class for an object of that library.

* ``EnsureDispatch`` needs the object's type information: a Python server has none, and
  fails with pywin32's TypeError (use ``Dispatch``);
* ``EnsureModule`` and ``MakeModuleForTypelib`` fail with TYPE_E_LIBNOTREGISTERED for any
  other library;
* ``GetModuleForProgID``/``GetModuleForCLSID`` and ``GetClassFor*`` answer for what was
  generated (in this process or before: the files stay), else None.

Generation is serialised by a lock; a module file is written whole (a temporary file then
renamed), so processes sharing the directory never read half a module.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import threading
import types
from typing import Any

from apartment import com
from apartment.win32 import pythoncom
from apartment.win32._com_door import guard_functions
from apartment.win32.pywintypes import IID, clsid_text

from . import CLSIDToClass
from ._dispatch import Dispatch
from ._generated import constants
from ._genmodule import GENERATOR_VERSION, module_source

__all__ = [
    "EnsureDispatch",
    "EnsureModule",
    "MakeModuleForTypelib",
    "EnsureModuleForTypelibInterface",
    "MakeModuleForTypelibInterface",
    "ForgetAboutTypelibInterface",
    "GetModuleForTypelib",
    "GetModuleForProgID",
    "GetModuleForCLSID",
    "GetClassForProgID",
    "GetClassForCLSID",
    "GetGeneratePath",
    "GetGeneratedFileName",
    "SplitGeneratedFileName",
    "GetGeneratedInfos",
    "Rebuild",
    "is_readonly",
    "is_zip",
    "bForDemandDefault",
    "clsidToTypelib",
    "versionRedirectMap",
    "demandGeneratedTypeLibraries",
]

is_readonly = False
is_zip = False
bForDemandDefault = 0
clsidToTypelib: dict[str, tuple[Any, ...]] = {}  # CLSID -> (typelib, lcid, major, minor)
versionRedirectMap: dict[tuple[Any, ...], Any] = {}
demandGeneratedTypeLibraries: dict[tuple[Any, ...], Any] = {}

_MAKEPY_FAILS = (
    "This COM object can not automate the makepy process - please run makepy manually for "
    "this object"
)


_lock = threading.RLock()
_PACKAGE = "win32com.gen_py"


def _package() -> types.ModuleType:
    """The ``win32com.gen_py`` package: its path is the generate path."""
    package = sys.modules.get(_PACKAGE)
    if package is None:
        package = types.ModuleType(_PACKAGE, "makepy's generated modules")
        package.__path__ = [GetGeneratePath()]
        sys.modules[_PACKAGE] = package
    return package


def _remember(module: Any, libid: str, lcid: int, major: int, minor: int) -> Any:  # noqa: ANN401
    """Index a loaded module's classes and add its constants (once)."""
    for clsid in getattr(module, "CLSIDToClassMap", {}):
        clsidToTypelib[str(clsid)] = (libid, lcid, major, minor)
    names = module.constants.__dict__
    if not any(d is names for d in constants.__dicts__):
        constants.__dicts__.append(names)
    return module


def _load(name: str, libid: str, lcid: int, major: int, minor: int) -> Any:  # noqa: ANN401
    _package()
    importlib.invalidate_caches()
    module = importlib.import_module(f"{_PACKAGE}.{name}")
    return _remember(module, libid, lcid, major, minor)


def _file_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError:
        return None


def _written_by_us(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as file:
            return file.readline().startswith(f"# {GENERATOR_VERSION}:")
    except OSError:
        return False


def _generate(
    typelibCLSID: object, lcid: int, major: int, minor: int, *, force: bool = False
) -> Any:  # noqa: ANN401
    """The module of a registered type library, generated (written) first if needed."""
    library = com.find_type_library(str(typelibCLSID), major, minor, lcid)
    attr = library.attributes()
    libid, (major, minor) = attr.libid, attr.version
    name = GetGeneratedFileName(libid, lcid, major, minor)
    with _lock:
        loaded = sys.modules.get(f"{_PACKAGE}.{name}")
        if loaded is not None and not force:
            return _remember(loaded, libid, lcid, major, minor)
        path = os.path.join(GetGeneratePath(), name + ".py")
        source = module_source(com.plan_library(library))
        if force or _file_text(path) != source:  # missing, or another generator's
            fd, temporary = tempfile.mkstemp(suffix=".tmp", dir=GetGeneratePath())
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(source)
            os.replace(temporary, path)
            sys.modules.pop(f"{_PACKAGE}.{name}", None)
        return _load(name, libid, lcid, major, minor)


def EnsureModule(
    typelibCLSID: object, lcid: int, major: int, minor: int, progressInstance: object = None,
    bValidateFile: int = 1, bForDemand: int = bForDemandDefault, bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """The generated module of a registered type library, generated now if needed.

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED: it is not registered.
    """
    return _generate(typelibCLSID, lcid, major, minor)


def MakeModuleForTypelib(
    typelibCLSID: object, lcid: int, major: int, minor: int, progressInstance: object = None,
    bForDemand: int = bForDemandDefault, bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """Generate the module of a registered type library again, and load it.

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED: it is not registered.
    """
    return _generate(typelibCLSID, lcid, major, minor, force=True)


def _library_of(typelib_ob: Any) -> tuple[Any, int, int, int]:  # noqa: ANN401
    attr = typelib_ob.GetLibAttr()
    return attr[0], attr[1], attr[3], attr[4]


def MakeModuleForTypelibInterface(
    typelib_ob: Any, progressInstance: object = None, bForDemand: int = bForDemandDefault,  # noqa: ANN401
    bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """Generate the module of a loaded type library (a PyITypeLib)."""
    return _generate(*_library_of(typelib_ob))


def EnsureModuleForTypelibInterface(
    typelib_ob: Any, progressInstance: object = None, bForDemand: int = bForDemandDefault,  # noqa: ANN401
    bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """The generated module of a loaded type library, generated now if needed."""
    return _generate(*_library_of(typelib_ob))


def ForgetAboutTypelibInterface(typelib_ob: Any) -> None:  # noqa: ANN401
    """Forget a type library generated on demand (none is)."""
    libid, lcid, major, minor = _library_of(typelib_ob)
    demandGeneratedTypeLibraries.pop((str(libid), lcid, major, minor), None)


def GetGeneratedFileName(clsid: object, lcid: int, major: int, minor: int) -> str:
    """The name of a type library's generated module: ``<LIBID>x<lcid>x<major>x<minor>``."""
    return str(clsid).upper()[1:-1] + f"x{lcid}x{major}x{minor}"


def SplitGeneratedFileName(fname: str) -> tuple[str, ...]:
    """The parts of a generated module's name (the reverse of GetGeneratedFileName)."""
    return tuple(fname.split("x", 4))


def GetModuleForTypelib(typelibCLSID: object, lcid: int, major: int, minor: int) -> Any:  # noqa: ANN401
    """Import a type library's generated module (made before, here or by another process).

    Raises:
        ModuleNotFoundError: it was not generated, as pywin32's import fails.
    """
    name = GetGeneratedFileName(typelibCLSID, lcid, major, minor)
    full = f"{_PACKAGE}.{name}"
    with _lock:
        if full not in sys.modules and not _written_by_us(
            os.path.join(GetGeneratePath(), name + ".py")
        ):
            raise ModuleNotFoundError(f"No module named '{full}'", name=full)
        return _load(name, str(typelibCLSID).upper(), lcid, major, minor)


def _library_key(clsid: object) -> tuple[Any, ...] | None:
    """The (LIBID, lcid, major, minor) a CLSID's (or IID's) generated class comes from."""
    text = str(clsid).upper()
    with _lock:
        found = clsidToTypelib.get(text)
        if found is None:
            Rebuild(0)  # modules other processes (or earlier runs) generated
            found = clsidToTypelib.get(text)
    return found


def GetModuleForCLSID(clsid: object) -> Any:  # noqa: ANN401
    """The generated module holding the class of a CLSID (coclass or interface), or None."""
    key = _library_key(clsid)
    if key is None:
        return None
    return GetModuleForTypelib(*key)


def GetModuleForProgID(progid: str) -> Any:  # noqa: ANN401
    """The generated module for a ProgID's class, or None (also for an unknown ProgID)."""
    try:
        clsid = com.clsid_from_progid(clsid_text(progid))
    except pythoncom.com_error:
        return None
    return GetModuleForCLSID(clsid)


def GetClassForProgID(progid: str) -> type | None:
    """The generated class for a ProgID, or None.

    Raises:
        pythoncom.com_error: an unknown ProgID (CO_E_CLASSSTRING), as pywin32's does.
    """
    return GetClassForCLSID(com.clsid_from_progid(clsid_text(progid)))


def GetClassForCLSID(clsid: object) -> type | None:
    """The generated class of ``clsid`` (loading its module if it was generated), or None."""
    text = str(clsid)
    if not CLSIDToClass.HasClass(text) and GetModuleForCLSID(text) is None:
        return None
    return CLSIDToClass.GetClass(text) if CLSIDToClass.HasClass(text) else None


def GetGeneratePath() -> str:
    """The directory generated modules go to (made if missing).

    That is ``gen_py/<X.Y>`` in the temporary directory, as pywin32's is.
    """
    major, minor = sys.version_info[:2]
    path = os.path.join(tempfile.gettempdir(), "gen_py", f"{major}.{minor}")
    os.makedirs(path, exist_ok=True)
    return path


def GetGeneratedInfos() -> list[tuple[Any, int, int, int]]:
    """The type libraries whose modules are generated: (LIBID, lcid, major, minor)."""
    infos: list[tuple[Any, int, int, int]] = []
    directory = GetGeneratePath()
    for entry in sorted(os.listdir(directory)):
        stem, _, extension = entry.rpartition(".")
        if extension != "py" or not _written_by_us(os.path.join(directory, entry)):
            continue
        try:
            libid, lcid, major, minor = SplitGeneratedFileName(stem)
            infos.append((IID("{" + libid + "}"), int(lcid), int(major), int(minor)))
        except (ValueError, pythoncom.com_error):
            continue  # not a name this cache writes
    return infos


def Rebuild(verbose: int = 1) -> None:
    """Rebuild the cache's index (CLSID -> library) from the generated modules' files."""
    with _lock:
        for libid, lcid, major, minor in GetGeneratedInfos():
            key = (str(libid), lcid, major, minor)
            name = GetGeneratedFileName(*key)
            path = os.path.join(GetGeneratePath(), name + ".py")
            with open(path, encoding="utf-8") as file:
                text = file.read()
            for line in text.split("CLSIDToClassMap = {", 1)[-1].split("}", 1)[0].splitlines():
                guid = line.strip().split(":", 1)[0].strip("'\" ")
                if guid.startswith("{"):
                    clsidToTypelib[guid] = key
            if verbose:
                print("Checking", name)


def EnsureDispatch(prog_id: Any, bForDemand: int = 1) -> Any:  # noqa: ANN401
    """Dispatch ``prog_id`` with makepy's generated class, generating its module if needed.

    The class is that of the object's type information (its default interface, as
    ``IDispatch::GetTypeInfo`` says), so the result is, say, an ``IFileSystem3``.

    Raises:
        TypeError: the object has no type information (a Python server has none): use
            ``win32com.client.Dispatch``.
        pythoncom.com_error: an unknown ProgID or class, as Dispatch's.
    """
    disp = Dispatch(prog_id)
    if "CLSID" in type(disp).__dict__:
        return disp  # a generated class already
    try:
        info = disp._oleobj_.GetTypeInfo()
        iid = str(info.GetTypeAttr().iid)
        library, _ = info.GetContainingTypeLib()
        attr = library.GetLibAttr()
    except pythoncom.com_error:
        raise TypeError(_MAKEPY_FAILS) from None
    EnsureModule(attr[0], attr[1], attr[3], attr[4])
    return CLSIDToClass.GetClass(iid)(disp._oleobj_)


def __init__() -> None:  # noqa: N807 - pywin32's module function of this name
    """Reset what this process knows of generated modules.

    pywin32's tests call it after deleting ``win32com.__gen_path__``; the modules are found
    again in the directory on demand.
    """
    with _lock:
        clsidToTypelib.clear()
        versionRedirectMap.clear()
        demandGeneratedTypeLibraries.clear()


guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)
