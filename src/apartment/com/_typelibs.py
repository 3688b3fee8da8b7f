"""Registered type libraries: the system classes' libraries, described, not read from files.

On Windows a type library is registered under HKEY_CLASSES_ROOT (its TypeLib key) by its LIBID,
version and locale; LoadRegTypeLib, QueryPathOfRegTypeLib and GetRecordFromGuids look it up
there and fail with TYPE_E_LIBNOTREGISTERED when it is not. Registered here are the libraries
of the system classes this package ships, as Windows installs them: Scripting (scrrun.dll),
IWshRuntimeLibrary (wshom.ocx), VBScript_RegExp_55 (vbscript.dll), WbemScripting (wbemdisp.dll),
Shell32 (shell32.dll, Shell.Application's) and the OLE Automation library (stdole2.tlb). They
are descriptions (:mod:`._typedesc`), built into :class:`~._typeinfo.TypeLibrary` objects on
first use. Python servers register none.

No type library *file* format is read: LoadTypeLib knows a system library by its file's name
(``scrrun.dll``, the path QueryPathOfRegTypeLib gives...) and fails with
TYPE_E_CANTLOADLIBRARY for any other file.

Any thread may call these; a library is built once (under a lock) and shared.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from ..errors import E_INVALIDARG, TYPE_E_CANTLOADLIBRARY, TYPE_E_LIBNOTREGISTERED, ComError
from ._iids import iid_text
from ._typeinfo import TypeInfo, TypeLibrary, stdole_library

if TYPE_CHECKING:
    from ._pointer import InterfacePointer

__all__ = [
    "IID_ITYPEINFO",
    "IID_ITYPELIB",
    "RegisteredTypeLibrary",
    "described_type",
    "find_type_library",
    "load_type_library",
    "record_from_type_info",
    "registered_type_libraries",
    "type_library_path",
    "unregister_type_library",
]

IID_ITYPEINFO = "{00020401-0000-0000-C000-000000000046}"
IID_ITYPELIB = "{00020402-0000-0000-C000-000000000046}"

# LIBID -> the module describing it (its LIBRARY), or "" for stdole's (built in _typeinfo)
_SYSTEM = {
    "{420B2830-E718-11CF-893D-00A0C9054228}": "_typelib_scrrun",
    "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}": "_typelib_wshom",
    "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}": "_typelib_regexp",
    "{565783C6-CB41-11D1-8B02-00600806D9B6}": "_typelib_wbemdisp",
    "{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}": "_typelib_shell32",
    "{00020430-0000-0000-C000-000000000046}": "",
}
_BUILT: dict[str, TypeLibrary] = {}


@dataclass(frozen=True, slots=True)
class RegisteredTypeLibrary:
    r"""A type library's registration: what ``HKEY_CLASSES_ROOT\TypeLib\{libid}`` holds.

    RegisterTypeLib writes ``<major>.<minor>`` (hex digits) whose value is the library's doc
    string (its name when it has none), below it ``FLAGS`` (its LIBFLAGs but
    LIBFLAG_FHASDISKIMAGE, in decimal), ``HELPDIR`` and ``<lcid>\win64`` (the 64-bit file's
    path; a 64-bit Windows registers the 32-bit file under ``win32`` too, Wine's 64-bit
    prefix does not). selecttlb and makepy enumerate these keys.
    """

    libid: str
    version: tuple[int, int]
    lcid: int
    description: str
    path: str
    flags: int

    @property
    def help_dir(self) -> str:
        """The ``HELPDIR`` value: the library file's folder (where Windows looks for help)."""
        folder = self.path.rpartition("\\")[0]
        return folder.rpartition("\\")[0] if self.path.rpartition("\\")[2].isdigit() else folder


# What each described library registers (the keys are read far more often than the
# libraries are built, so these facts are not read from the descriptions: a test checks
# that they agree). The descriptions are Windows' doc strings; Wine registers scrrun as
# "Scripting" (its library has no doc string).
_REGISTERED = (
    RegisteredTypeLibrary(
        "{00020430-0000-0000-C000-000000000046}", (2, 0), 0, "OLE Automation",
        r"C:\Windows\System32\stdole2.tlb", 0,
    ),
    RegisteredTypeLibrary(
        "{3F4DACA7-160D-11D2-A8E9-00104B365C9F}", (5, 5), 0,
        "Microsoft VBScript Regular Expressions 5.5", r"C:\windows\system32\vbscript.dll\3", 0,
    ),
    RegisteredTypeLibrary(
        "{420B2830-E718-11CF-893D-00A0C9054228}", (1, 0), 0, "Microsoft Scripting Runtime",
        r"C:\windows\system32\scrrun.dll", 0,
    ),
    RegisteredTypeLibrary(
        "{50A7E9B0-70EF-11D1-B75A-00A0C90564FE}", (1, 0), 0,
        "Microsoft Shell Controls And Automation", r"C:\windows\system32\shell32.dll", 0,
    ),
    RegisteredTypeLibrary(
        "{565783C6-CB41-11D1-8B02-00600806D9B6}", (1, 2), 0,
        "Microsoft WMI Scripting V1.2 Library", r"C:\windows\system32\wbem\wbemdisp.dll", 0,
    ),
    RegisteredTypeLibrary(
        "{F935DC20-1CF0-11D0-ADB9-00C04FD58A0B}", (1, 0), 0, "Windows Script Host Object Model",
        r"C:\windows\system32\wshom.ocx", 0,
    ),
)  # fmt: skip


def registered_type_libraries() -> tuple[RegisteredTypeLibrary, ...]:
    """Every registered type library's registration, by LIBID (the system classes')."""
    return _REGISTERED


_LOCK = threading.Lock()


def _library(libid: str) -> TypeLibrary:
    """The system library ``libid`` (a key of _SYSTEM), built on first use."""
    with _LOCK:
        library = _BUILT.get(libid)
        if library is None:
            module = _SYSTEM[libid]
            if module:
                desc = importlib.import_module(f"{__package__}.{module}").LIBRARY
                library = TypeLibrary(desc)
            else:
                library = stdole_library()
            _BUILT[libid] = library
        return library


def _check_numbers(*values: object) -> None:
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"an int is required, not {type(value).__name__}")


def _registered(libid: object, major: int, minor: int, lcid: int) -> TypeLibrary:
    text = iid_text(libid)
    _check_numbers(major, minor, lcid)
    if text in _SYSTEM:
        library = _library(text)
        have_major, have_minor = library.description.version
        # Windows: the same major version, and a minor one at least the one asked for; any
        # locale falls back to the library's (neutral) one
        if have_major == major and have_minor >= minor:
            return library
    raise ComError.from_hresult(
        TYPE_E_LIBNOTREGISTERED,
        f"type library {text} {major}.{minor} (locale {lcid}) is not registered: only the "
        "system classes' libraries are (Python servers register none)",
    )


def find_type_library(libid: object, major: int, minor: int, lcid: int) -> TypeLibrary:
    """Look up a registered type library (LoadRegTypeLib).

    Raises:
        ComError: TYPE_E_LIBNOTREGISTERED: no such library, or not in that version.
        TypeError: ``libid`` is not an IID; a version or locale that is no int.
        ClassStringError: a malformed LIBID string (CO_E_CLASSSTRING).
    """
    return _registered(libid, major, minor, lcid)


def type_library_path(libid: object, major: int, minor: int, lcid: int) -> str:
    """Where a registered type library is (QueryPathOfRegTypeLib): Windows' path for it.

    :func:`load_type_library` loads that path. Raises as :func:`find_type_library`.
    """
    return _registered(libid, major, minor, lcid).description.path


def described_type(libid: str, version: tuple[int, int], name: str) -> TypeInfo:
    """The type ``name`` of a system library: what a system class's GetTypeInfo answers."""
    info = _registered(libid, *version, 0).type_info_by_name(name)
    if info is None:  # pragma: no cover - a class names a type its library lacks
        raise LookupError(f"{name} is not in type library {libid}")
    return info


def _file_name(path: str) -> str:
    """A library path's file part, lower-cased (``vbscript.dll`` then a resource index: ``3``)."""
    parts = path.replace("/", "\\").lower().split("\\")
    if len(parts) > 1 and parts[-1].isdigit():
        return "\\".join(parts[-2:])
    return parts[-1]


def load_type_library(path: str) -> TypeLibrary:
    """Load a type library file (LoadTypeLib): a system library, known by its file name.

    Raises:
        ComError: TYPE_E_CANTLOADLIBRARY for any other path (a missing file too, as
            Windows): no type library file format is read here.
        TypeError: ``path`` is not a str.
    """
    if not isinstance(path, str):
        raise TypeError(f"a type library's path is a str, not {type(path).__name__}")
    wanted = _file_name(path)
    for libid, module in _SYSTEM.items():
        library = _library(libid)
        if wanted and _file_name(library.description.path) == wanted:
            return library
        if not module and wanted == "stdole2.tlb":  # pragma: no cover - matched above
            return library
    raise ComError.from_hresult(
        TYPE_E_CANTLOADLIBRARY,
        f"cannot load {path!r}: no type library file is read here (only the system "
        "libraries, by their file names)",
    )


def unregister_type_library(
    libid: object, major: int, minor: int, lcid: int, syskind: int
) -> NoReturn:
    """Remove a type library's registration (UnRegisterTypeLib).

    Windows deletes the library's TypeLib key and its interfaces' keys; a library that is not
    registered (no such key) is E_INVALIDARG, which is what every call here meets.

    Raises:
        ComError: E_INVALIDARG, always: no type library is registered here.
        TypeError: ``libid`` is not an IID; a version, locale or system kind that is no int.
    """
    text = iid_text(libid)
    _check_numbers(major, minor, lcid, syskind)
    raise ComError.from_hresult(
        E_INVALIDARG,
        f"type library {text} {major}.{minor} (locale {lcid}) is not registered: the class "
        "registry of apartment holds no type libraries",
    )


def record_from_type_info(info: InterfacePointer) -> NoReturn:
    """The record type an ITypeInfo describes (GetRecordInfoFromTypeInfo).

    Only type information (ITypeInfo) describes a record, and no object here gives one out:
    what ``info`` is asked for ITypeInfo answers E_NOINTERFACE (or whatever its own
    QueryInterface raises).

    Raises:
        ComError: E_NOINTERFACE: ``info`` is no ITypeInfo.
    """
    info.query_interface(IID_ITYPEINFO)
    raise ComError.from_hresult(  # pragma: no cover - nothing here answers ITypeInfo
        TYPE_E_CANTLOADLIBRARY, "no type information can be read here"
    )
