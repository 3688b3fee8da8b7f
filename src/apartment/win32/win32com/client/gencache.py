"""pywin32's ``win32com.client.gencache``: makepy's cache of classes generated from type libraries.

No type library is registered or readable here (``apartment.com.find_type_library``), so
nothing is ever generated and the cache stays empty, as pywin32's is for a program whose
objects have no type libraries:

* ``EnsureModule`` and ``MakeModuleForTypelib`` fail with TYPE_E_LIBNOTREGISTERED;
* ``EnsureDispatch`` (and ``win32com.client.CastTo``) fails with pywin32's TypeError for an
  object without type information, which a Python server is: use ``Dispatch``;
* ``GetModuleForProgID``, ``GetModuleForCLSID``, ``GetClassForProgID`` and
  ``GetClassForCLSID`` answer None; ``GetModuleForTypelib`` fails to import the module it
  would have generated.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Any

from apartment import com
from apartment.win32 import pythoncom
from apartment.win32.pywintypes import clsid_text

from . import CLSIDToClass
from ._dispatch import Dispatch

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


def _generate(typelibCLSID: object, lcid: int, major: int, minor: int) -> Any:  # noqa: ANN401
    """Generate the module of a type library: it must be registered, and none is here."""
    com.find_type_library(str(typelibCLSID), major, minor, lcid)


def EnsureModule(
    typelibCLSID: object, lcid: int, major: int, minor: int, progressInstance: object = None,
    bValidateFile: int = 1, bForDemand: int = bForDemandDefault, bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """The generated module of a type library, generated now if needed.

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED (no type library is registered here).
    """
    return _generate(typelibCLSID, lcid, major, minor)


def MakeModuleForTypelib(
    typelibCLSID: object, lcid: int, major: int, minor: int, progressInstance: object = None,
    bForDemand: int = bForDemandDefault, bBuildHidden: int = 1,
) -> Any:  # noqa: ANN401  # fmt: skip
    """Generate the module of a type library (TYPE_E_LIBNOTREGISTERED here)."""
    return _generate(typelibCLSID, lcid, major, minor)


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
    """Import a type library's generated module.

    Raises:
        ModuleNotFoundError: it was not generated (none is here), as pywin32's import fails.
    """
    name = "win32com.gen_py." + GetGeneratedFileName(typelibCLSID, lcid, major, minor)
    raise ModuleNotFoundError(f"No module named '{name}'", name=name)


def GetModuleForCLSID(clsid: object) -> None:
    """The generated module for a CLSID (interface or coclass): None, nothing is generated."""
    return None


def GetModuleForProgID(progid: str) -> None:
    """The generated module for a ProgID: None (also for an unknown one)."""
    try:
        clsid = com.clsid_from_progid(clsid_text(progid))
    except pythoncom.com_error:
        return None
    return GetModuleForCLSID(clsid)


def GetClassForProgID(progid: str) -> type | None:
    """The generated class for a ProgID: one a generated module registered, or None.

    Raises:
        pythoncom.com_error: an unknown ProgID (CO_E_CLASSSTRING), as pywin32's does.
    """
    return GetClassForCLSID(com.clsid_from_progid(clsid_text(progid)))


def GetClassForCLSID(clsid: object) -> type | None:
    """The class a generated module registered for ``clsid`` (CLSIDToClass), or None."""
    text = str(clsid)
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
    """The type libraries generated modules exist for: none."""
    return []


def Rebuild(verbose: int = 1) -> None:
    """Rebuild the cache's index from the generated modules (there are none)."""
    clsidToTypelib.clear()


def EnsureDispatch(prog_id: Any, bForDemand: int = 1) -> Any:  # noqa: ANN401
    """Dispatch ``prog_id`` with makepy's generated class: it needs type information.

    Raises:
        TypeError: the object has no type information (a Python server has none): use
            ``win32com.client.Dispatch``.
        pythoncom.com_error: an unknown ProgID or class, as Dispatch's.
    """
    disp = Dispatch(prog_id)
    try:
        disp._oleobj_.GetTypeInfo()
    except pythoncom.com_error:
        raise TypeError(_MAKEPY_FAILS) from None
    raise TypeError(_MAKEPY_FAILS)  # pragma: no cover - no object here has type information
