"""Shared objects loaded by name, counted as Windows counts DLL references.

LoadLibrary maps a shared object (``dlopen``) and returns its module handle: the address it
is loaded at, as a Windows module handle is its base address (and as EnumProcessModules
reports it). Loading it again returns the same handle and counts a reference; FreeLibrary
drops one, and with the last the handle is no longer a module (GetProcAddress and
FreeLibrary then fail with ERROR_MOD_NOT_FOUND). A name without a path is searched as the
dynamic linker searches, then as a library name (``"m"`` finds ``libm.so.6``). Windows' own
DLLs (``kernel32.dll``) do not exist here: they fail with ERROR_MOD_NOT_FOUND.

GetProcAddress finds an exported symbol (``dlsym``) of a module loaded here or of the
program; a number is an export ordinal: the module's exported names in order
(``_elfexports``), as a DLL's linker numbers them when nothing else says.

:func:`python_module` is the module of Python's own library (Windows' ``sys.dllhandle``,
python3XX.dll): ``libpython`` when the interpreter links one, else the program's symbols.

SetDllDirectory adds one directory to the search, before the dynamic linker's, for names
without a path; it is the process's, and need not exist (as on Windows).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading

from .._fork import OUTER, hold_across_fork
from ..errors import ERROR_MOD_NOT_FOUND, ERROR_PROC_NOT_FOUND, InvalidHandleError, Win32Error
from ._elfexports import exported_names
from ._peresources import free_data_file, load_data_file
from ._process import PROGRAM_MODULE

__all__ = [
    "load_library", "free_library", "proc_address", "library_path", "dll_directory",
    "set_dll_directory", "python_module",
]  # fmt: skip

_RTLD_DI_LINKMAP = 2


class _LinkMap(ctypes.Structure):
    _fields_ = [("l_addr", ctypes.c_void_p), ("l_name", ctypes.c_char_p)]


_libdl = ctypes.CDLL(None)
_dlinfo = _libdl.dlinfo
_dlinfo.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
_dlinfo.restype = ctypes.c_int


class _Loaded:
    """The modules LoadLibrary loaded: handle -> [references, the library, its path]."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.modules: dict[int, tuple[int, ctypes.CDLL, str]] = {}
        self.directory = ""  # SetDllDirectory's


def dll_directory() -> str:
    """The directory SetDllDirectory added to the search, "" for none (GetDllDirectory)."""
    with _loaded.lock:
        return _loaded.directory


def set_dll_directory(path: str | None) -> None:
    """Add a directory to the library search, or remove it with None or "" (SetDllDirectory).

    The path is made absolute; it is not checked (Windows does not either).
    """
    if path is not None and not isinstance(path, str):
        raise TypeError(f"a directory is a str or None, not {type(path).__name__}")
    with _loaded.lock:
        _loaded.directory = os.path.abspath(path) if path else ""


_loaded = _Loaded()


def _open(name: str) -> ctypes.CDLL:
    candidates = [name] if name else []
    directory = dll_directory()
    if name and "/" not in name and directory:
        candidates.insert(0, os.path.join(directory, name))
    if name and "/" not in name:
        found = ctypes.util.find_library(name.removeprefix("lib").split(".so")[0])
        if found:
            candidates.append(found)
    for candidate in candidates:
        try:
            return ctypes.CDLL(candidate)
        except OSError:
            continue
    raise Win32Error.from_code(
        ERROR_MOD_NOT_FOUND, f"no shared object {name!r} could be loaded (Windows DLLs are none)"
    )


def _base_and_path(library: ctypes.CDLL) -> tuple[int, str]:
    link = ctypes.POINTER(_LinkMap)()
    if _dlinfo(library._handle, _RTLD_DI_LINKMAP, ctypes.byref(link)) != 0 or not link:
        return int(library._handle), str(library._name)
    name = os.fsdecode(link.contents.l_name or b"")
    base = _first_mapping(name) or int(link.contents.l_addr or 0)
    return base, name


def _first_mapping(path: str) -> int:
    """Where the file's first mapping starts in this process: EnumProcessModules' handle."""
    if not path:
        return 0
    real = os.path.realpath(path)
    with open("/proc/self/maps", "rb") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and os.fsdecode(parts[5].rstrip()) in (path, real):
                return int(parts[0].split(b"-")[0], 16)
    return 0


def load_library(name: str, *, as_data: bool = False) -> int:
    """Load a shared object (or count another reference to it); return its module handle.

    With ``as_data`` (LoadLibraryEx's LOAD_LIBRARY_AS_DATAFILE, _AS_IMAGE_RESOURCE) the file
    is a Windows program or DLL read for its resources (``_peresources``).

    Raises:
        TypeError: ``name`` is not a str.
        Win32Error: ERROR_MOD_NOT_FOUND when nothing of that name (or an empty one) can be
            loaded; as data, ERROR_FILE_NOT_FOUND or ERROR_BAD_EXE_FORMAT.
    """
    if not isinstance(name, str):
        raise TypeError(f"a library name is a str, not {type(name).__name__}")
    if as_data:
        return load_data_file(name)
    library = _open(name)
    handle, path = _base_and_path(library)
    with _loaded.lock:
        count = _loaded.modules[handle][0] if handle in _loaded.modules else 0
        _loaded.modules[handle] = (count + 1, library, path)
    return handle


def free_library(handle: int) -> None:
    """Drop a reference LoadLibrary counted (FreeLibrary); the last makes ``handle`` no module.

    The shared object stays mapped (Python's ctypes never unmaps one): only the handle goes.

    Raises:
        InvalidHandleError: handle 0.
        Win32Error: ERROR_MOD_NOT_FOUND for a handle LoadLibrary did not return (or whose
            references are all dropped).
    """
    if not handle:
        raise InvalidHandleError("FreeLibrary of NULL")
    if free_data_file(handle):
        return
    with _loaded.lock:
        entry = _loaded.modules.get(handle)
        if entry is None:
            raise Win32Error.from_code(ERROR_MOD_NOT_FOUND, f"{handle:#x} is no loaded module")
        count, library, path = entry
        if count > 1:
            _loaded.modules[handle] = (count - 1, library, path)
        else:
            del _loaded.modules[handle]


def library_path(handle: int) -> str:
    """The file of a module LoadLibrary loaded.

    Raises:
        Win32Error: ERROR_MOD_NOT_FOUND for a handle that is no loaded module.
    """
    with _loaded.lock:
        entry = _loaded.modules.get(handle)
    if entry is None:
        raise Win32Error.from_code(ERROR_MOD_NOT_FOUND, f"{handle:#x} is no loaded module")
    return entry[2]


def proc_address(handle: int, name: str | int) -> int:
    """Return the address of the exported symbol ``name`` of a module (GetProcAddress).

    ``handle`` is one LoadLibrary returned. The program (:data:`PROGRAM_MODULE`, or 0)
    exports nothing, as a Windows program's .exe. A number is an export ordinal, which
    Linux's shared objects do not have.

    Raises:
        Win32Error: ERROR_MOD_NOT_FOUND for a handle that is no module, ERROR_PROC_NOT_FOUND
            for a name (or ordinal) the module does not export.
    """
    if handle in (0, PROGRAM_MODULE):
        raise Win32Error.from_code(
            ERROR_PROC_NOT_FOUND, f"the program exports nothing: no {name!r} in it"
        )
    with _loaded.lock:
        entry = _loaded.modules.get(handle)
    if entry is None:
        raise Win32Error.from_code(ERROR_MOD_NOT_FOUND, f"{handle:#x} is no loaded module")
    library = entry[1]
    if isinstance(name, int):
        names = exported_names(entry[2])
        if not 0 < name <= len(names):
            raise Win32Error.from_code(
                ERROR_PROC_NOT_FOUND, f"ordinal {name}: the module exports {len(names)} names"
            )
        name = names[name - 1]
    try:
        symbol = library[name]
    except AttributeError:
        raise Win32Error.from_code(ERROR_PROC_NOT_FOUND, f"no export {name!r}") from None
    address = ctypes.cast(symbol, ctypes.c_void_p).value
    return int(address or 0)


_python: list[int] = []  # the handle python_module() made, once


def python_module() -> int:
    """The module handle of Python's library, loaded (and counted) once per process."""
    with _loaded.lock:
        if _python:
            return _python[0]
    path = _python_library_path()
    if path:
        handle = load_library(path)
    else:  # a static interpreter: the program's own symbols, at the program's first mapping
        executable = os.path.realpath(sys.executable)
        handle = _first_mapping(executable) or id(ctypes.pythonapi)
        with _loaded.lock:
            _loaded.modules.setdefault(handle, (1, ctypes.pythonapi, executable))
    with _loaded.lock:
        if not _python:
            _python.append(handle)
        return _python[0]


def _python_library_path() -> str:
    """The file of the libpython this process maps, "" when Python is linked statically."""
    with open("/proc/self/maps", "rb") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            if len(parts) == 6:
                path = os.fsdecode(parts[5].rstrip())
                if os.path.basename(path).startswith("libpython"):
                    return path
    return ""
