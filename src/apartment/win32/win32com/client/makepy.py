"""pywin32's ``win32com.client.makepy``: generate a module from a registered type library.

``python -m win32com.client.makepy [options] [library ...]`` (under ``python -m apartment run
-m``, or with the facade installed) and :func:`GenerateFromTypeLibSpec` name a library by a
:class:`~.selecttlb.TypelibSpec`, a ``(LIBID, lcid, major, minor)`` tuple, a loaded
PyITypeLib, or a string: a library file's path, a registered library's description or the
ProgID of an object with type information. The module is this package's own generator's
(:mod:`._genmodule`, as ``gencache`` writes it): into the ``gen_py`` folder (and imported),
or into a file the caller opened.

Only the registered libraries (the system classes', described: no type library file is
read) can be generated; any other fails with TYPE_E_LIBNOTREGISTERED or
TYPE_E_CANTLOADLIBRARY, as an unregistered library does on Windows. "For demand" packages
are not made: ``-d`` and ``bForDemand`` give the one module of the whole library (its
interfaces are all in it), and :func:`GenerateChildFromTypeLibSpec` makes sure of that
module. Progress goes to stderr, as pywin32's does: which, by the verbosity.
"""

from __future__ import annotations

import getopt
import os
import sys
from typing import IO, Any, NoReturn

from apartment import com
from apartment.win32 import pythoncom

from . import gencache, selecttlb
from ._dispatch import Dispatch
from ._genmodule import module_source

__all__ = [
    "GUIProgress",
    "GenerateChildFromTypeLibSpec",
    "GenerateFromTypeLibSpec",
    "GetTypeLibsForSpec",
    "ShowInfo",
    "SimpleProgress",
    "bForDemandDefault",
    "main",
    "usage",
    "usageHelp",
]

bForDemandDefault = 0
"""Whether a library is generated "for demand" (a package) by default: never here."""

usageHelp = """
Generate Python support (a module of early-bound classes) from a COM type library.

usage: python -m win32com.client.makepy [-i] [-v|-q] [-h] [-u] [-d] [-o FILE] [library ...]

  -i        show how to load each library's module (gencache.EnsureModule), generate nothing
  -v        more progress on stderr (repeatable)
  -q        less progress on stderr
  -h        leave hidden members out
  -u        accepted for compatibility (str is always returned)
  -d        generate "for demand" (here: the whole library's module, as without -d)
  -o FILE   write the module to FILE (folders made as needed); not with -d
  library   a type library file, a registered library's description, or the ProgID of
            an object that has type information

Without a library a Pythonwin list of the registered libraries is shown (not here).
"""


def usage() -> NoReturn:
    """Print the command line's help to stderr and exit with status 2."""
    sys.stderr.write(usageHelp)
    sys.exit(2)


class SimpleProgress:
    """Progress of a generation, written to stderr by verbosity (0: nothing).

    Level 1 says where a module goes and each step; level 2 also that it is complete.
    Runs on the generating thread.
    """

    def __init__(self, verboseLevel: int) -> None:
        self.verboseLevel = verboseLevel

    def Close(self) -> None:
        """The generation ended (nothing to release)."""

    def Starting(self, tlb_desc: str) -> None:
        """A library's generation begins."""
        self.SetDescription("Building definitions from type library...")

    def Finished(self) -> None:
        """A library's module is written."""
        if self.verboseLevel > 1:
            sys.stderr.write("Generation complete..\n")

    def SetDescription(self, desc: str, maxticks: int | None = None) -> None:
        """Say what is being done now (level 1 and up)."""
        if self.verboseLevel:
            sys.stderr.write(desc + "\n")

    def Tick(self, desc: str | None = None) -> None:
        """One more step done (not shown)."""

    def VerboseProgress(self, desc: str, verboseLevel: int = 2) -> None:
        """Say ``desc`` from ``verboseLevel`` up."""
        if self.verboseLevel >= verboseLevel:
            sys.stderr.write(desc + "\n")

    def LogBeginGenerate(self, filename: str) -> None:
        """Say which file a module is written to (level 1 and up)."""
        self.VerboseProgress(f"Generating to {filename}", 1)

    def LogWarning(self, desc: str) -> None:
        """Report a warning (level 1 and up)."""
        self.VerboseProgress("WARNING: " + desc, 1)


class GUIProgress(SimpleProgress):
    """Progress in a Pythonwin dialog: Pythonwin is not here.

    Raises:
        ImportError: on creation, as pywin32's does without Pythonwin.
    """

    def __init__(self, verboseLevel: int) -> None:
        raise ImportError("No module named 'pywin' (GUIProgress needs Pythonwin)", name="pywin")


def ShowInfo(spec: str | None) -> None:
    """Print each library ``spec`` names, with the ``gencache.EnsureModule`` call for it."""
    if not spec:
        chosen = selecttlb.SelectTlb(excludeFlags=selecttlb.FLAG_HIDDEN)
        if chosen is None:  # pragma: no cover - SelectTlb needs Pythonwin
            return
        infos: list[tuple[Any, selecttlb.TypelibSpec]] = [(None, chosen)]
    else:
        infos = GetTypeLibsForSpec(spec)
    for tlb, info in infos:
        desc = info.desc
        if desc is None:
            desc = tlb.GetDocumentation(-1)[0] if tlb is not None else f"<{info.dll}>"
        args = f"'{info.clsid}', {info.lcid}, {info.major}, {info.minor}"
        print(desc)
        print(f" {info.clsid}, lcid={info.lcid}, major={info.major}, minor={info.minor}")
        print(" >>> # Use these commands in Python code to auto generate .py support")
        print(" >>> from win32com.client import gencache")
        print(f" >>> gencache.EnsureModule({args})")


def _candidates(arg: str) -> list[tuple[Any, selecttlb.TypelibSpec]] | list[selecttlb.TypelibSpec]:
    """A file's library (loaded), else the specs of a description or of a ProgID's object."""
    try:
        tlb = pythoncom.LoadTypeLib(arg)
    except pythoncom.com_error:
        pass
    else:
        spec = selecttlb.TypelibSpec(None, 0, 0, 0)
        spec.FromTypelib(tlb, arg)
        return [(tlb, spec)]
    specs = selecttlb.FindTlbsWithDescription(arg)
    if not specs:
        try:
            info = Dispatch(arg)._oleobj_.GetTypeInfo()
            tlb, _ = info.GetContainingTypeLib()
        except pythoncom.com_error:
            pass
        else:
            spec = selecttlb.TypelibSpec(None, 0, 0, 0)
            spec.FromTypelib(tlb)
            specs.append(spec)
    return specs


def GetTypeLibsForSpec(arg: str) -> list[tuple[Any, selecttlb.TypelibSpec]]:
    """The libraries (PyITypeLib, spec) a command-line argument names.

    ``arg`` is a library file, a registered library's description or an object's ProgID.
    Prints "Could not locate..." and returns [] when it names none; a library that names
    itself but cannot be loaded prints why to stderr and exits with status 1, as pywin32's.
    """
    try:
        found = _candidates(arg)
        if found and isinstance(found[0], tuple):
            return found
        if not found:
            print(f"Could not locate a type library matching '{arg}'")
        typelibs: list[tuple[Any, selecttlb.TypelibSpec]] = []
        for spec in found:
            assert isinstance(spec, selecttlb.TypelibSpec)
            tlb = _load(spec)
            attr = tlb.GetLibAttr()  # the version COM found, maybe newer than the one asked for
            spec.lcid, spec.major, spec.minor = attr[1], attr[3], attr[4]
            typelibs.append((tlb, spec))
        return typelibs
    except pythoncom.com_error as error:
        sys.stderr.write(f"Unable to load type library from '{arg}' - {error}\n")
        sys.exit(1)


def _load(spec: selecttlb.TypelibSpec) -> Any:  # noqa: ANN401
    """Load a spec's library: by its file when it names one, else from the registry."""
    if spec.dll is None:
        return pythoncom.LoadRegTypeLib(spec.clsid, int(spec.major), int(spec.minor), spec.lcid)
    return pythoncom.LoadTypeLib(spec.dll)


def _libraries(typelibInfo: Any) -> list[tuple[Any, selecttlb.TypelibSpec]]:  # noqa: ANN401
    """The (PyITypeLib, spec) pairs any of GenerateFromTypeLibSpec's arguments names."""
    if isinstance(typelibInfo, tuple):
        libid, lcid, major, minor = typelibInfo
        tlb = pythoncom.LoadRegTypeLib(libid, major, minor, lcid)
        spec = selecttlb.TypelibSpec(libid, lcid, major, minor)
        spec.FromTypelib(tlb, str(libid))
        return [(tlb, spec)]
    if isinstance(typelibInfo, selecttlb.TypelibSpec):
        return [(_load(typelibInfo), typelibInfo)]
    if hasattr(typelibInfo, "GetLibAttr"):
        attr = typelibInfo.GetLibAttr()
        return [(typelibInfo, selecttlb.TypelibSpec(attr[0], attr[1], attr[3], attr[4]))]
    return GetTypeLibsForSpec(typelibInfo)


def _core_library(tlb: Any) -> com.TypeLibrary:  # noqa: ANN401
    """The core's library behind a PyITypeLib (every loadable library is a registered one)."""
    attr = tlb.GetLibAttr()
    return com.find_type_library(str(attr[0]), attr[3], attr[4], attr[1])


def GenerateFromTypeLibSpec(
    typelibInfo: Any, file: IO[str] | None = None, verboseLevel: int | None = None,  # noqa: ANN401
    progressInstance: SimpleProgress | None = None, bForDemand: int = bForDemandDefault,
    bBuildHidden: int = 1,
) -> None:  # fmt: skip
    """Generate the module of each library ``typelibInfo`` names.

    ``typelibInfo``: a TypelibSpec, a ``(LIBID, lcid, major, minor)`` tuple, a PyITypeLib or
    a string (see :func:`GetTypeLibsForSpec`). Without ``file`` each module is written to
    ``gencache.GetGeneratePath()`` and imported (its classes and constants registered);
    with one, written there only.

    Raises:
        RuntimeError: ``bForDemand`` with a ``file``, as pywin32's.
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED (or TYPE_E_CANTLOADLIBRARY): the
            library is not one of the registered ones.
    """
    if bForDemand and file is not None:
        raise RuntimeError(
            "You can only perform a demand-build when the output goes to the gen_py directory"
        )
    typelibs = _libraries(typelibInfo)
    progress = progressInstance or SimpleProgress(verboseLevel or 0)
    for tlb, _info in typelibs:
        library = _core_library(tlb)
        attr = library.attributes()
        libid, lcid, (major, minor) = attr.libid, attr.lcid, attr.version
        if file is None:
            name = gencache.GetGeneratedFileName(libid, lcid, major, minor)
            progress.LogBeginGenerate(os.path.join(gencache.GetGeneratePath(), name + ".py"))
        progress.Starting(library.name)
        progress.SetDescription("Generating...")
        if file is None:
            gencache.MakeModuleForTypelib(libid, lcid, major, minor, bBuildHidden=bBuildHidden)
            progress.Finished()
            progress.SetDescription("Importing module")
        else:
            file.write(module_source(com.plan_library(library)))
            progress.Finished()
    progress.Close()


def GenerateChildFromTypeLibSpec(
    child: str, typelibInfo: Any, verboseLevel: int | None = None,  # noqa: ANN401
    progressInstance: SimpleProgress | None = None,
) -> None:  # fmt: skip
    """Generate the class ``child`` of a library "for demand": here, its whole module.

    ``typelibInfo`` is a ``(LIBID, lcid, major, minor)`` tuple or a PyITypeLib. The module
    (every interface of the library) is generated if needed and imported.

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED: not a registered library.
    """
    if isinstance(typelibInfo, tuple):
        libid, lcid, major, minor = typelibInfo
        tlb = pythoncom.LoadRegTypeLib(libid, major, minor, lcid)
    else:
        tlb = typelibInfo
    attr = _core_library(tlb).attributes()
    progress = progressInstance or SimpleProgress(verboseLevel or 0)
    name = gencache.GetGeneratedFileName(attr.libid, attr.lcid, *attr.version)
    progress.LogBeginGenerate(os.path.join(gencache.GetGeneratePath(), name))
    gencache.EnsureModule(attr.libid, attr.lcid, *attr.version)
    progress.SetDescription("Importing module")
    progress.Close()


def main() -> int:
    """The command line (``sys.argv``): see :data:`usageHelp`. Returns 0 (exits 1 or 2)."""
    hidden, output, verbose, generate, for_demand = 1, None, 1, True, bForDemandDefault
    try:
        opts, args = getopt.getopt(sys.argv[1:], "vo:huiqd")
    except getopt.error as error:
        sys.stderr.write(f"{error}\n")
        usage()
    for option, value in opts:
        if option == "-h":
            hidden = 0
        elif option == "-o":
            output = value
        elif option == "-v":
            verbose += 1
        elif option == "-q":
            verbose -= 1
        elif option == "-i":
            for arg in args:
                ShowInfo(arg)
            if not args:
                ShowInfo(None)
            generate = False
        elif option == "-d":
            for_demand = not for_demand
    if for_demand and output is not None:
        sys.stderr.write("Can not use -d and -o together\n")
        usage()
    if not generate:
        return 0
    if not args:
        chosen = selecttlb.SelectTlb()
        if chosen is None:  # pragma: no cover - SelectTlb needs Pythonwin
            sys.exit(1)
        args = [chosen]  # type: ignore[list-item]
    file: IO[str] | None = None
    if output is not None:
        folder = os.path.dirname(output)
        if folder:
            os.makedirs(folder, exist_ok=True)
        # pywin32 writes the ANSI code page; the module is read as UTF-8 (its coding), so
        # UTF-8 is what imports it back whatever its doc strings hold
        file = open(output, "w", encoding="utf-8")  # noqa: SIM115  # closed below
    try:
        for arg in args:
            GenerateFromTypeLibSpec(
                arg, file, verboseLevel=verbose, bForDemand=for_demand, bBuildHidden=hidden
            )
    finally:
        if file is not None:
            file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
