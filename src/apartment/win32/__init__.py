"""The pywin32 facade: modules named and shaped like pywin32's, over the core.

Import them from here (``from apartment.win32 import win32event``), or call :func:`install`
so that plain ``import win32event`` finds them when the real pywin32 is not installed;
``python -m apartment run SCRIPT`` does that for a whole script.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import threading
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork

if TYPE_CHECKING:
    from collections.abc import Sequence
    from types import ModuleType

__all__ = ["install", "uninstall", "MODULES", "RUNTIME_MODULES"]

MODULES: dict[str, str] = {
    "pywintypes": "apartment.win32.pywintypes",
    "winerror": "apartment.win32.winerror",
    "win32con": "apartment.win32.win32con",
    "win32api": "apartment.win32.win32api",
    "win32event": "apartment.win32.win32event",
    "win32process": "apartment.win32.win32process",
    "win32security": "apartment.win32.win32security",
    "ntsecuritycon": "apartment.win32.ntsecuritycon",
    "win32file": "apartment.win32.win32file",
    "win32pipe": "apartment.win32.win32pipe",
    "win32gui": "apartment.win32.win32gui",
    "win32clipboard": "apartment.win32.win32clipboard",
    "timer": "apartment.win32.timer",
    "pythoncom": "apartment.win32.pythoncom",
    "win32com": "apartment.win32.win32com",
    "win32com.client": "apartment.win32.win32com.client",
    "win32com.client.dynamic": "apartment.win32.win32com.client.dynamic",
    "win32com.client.util": "apartment.win32.win32com.client.util",
    "win32com.client.connect": "apartment.win32.win32com.client.connect",
    "win32com.client.gencache": "apartment.win32.win32com.client.gencache",
    "win32com.server": "apartment.win32.win32com.server",
    "win32com.server.register": "apartment.win32.win32com.server.register",
    "win32com.server.util": "apartment.win32.win32com.server.util",
    "win32com.server.exception": "apartment.win32.win32com.server.exception",
    "win32com.server.policy": "apartment.win32.win32com.server.policy",
    "win32com.server.dispatcher": "apartment.win32.win32com.server.dispatcher",
    "win32com.server.connect": "apartment.win32.win32com.server.connect",
    "win32com.servers": "apartment.win32.win32com.servers",
    "win32com.servers.interp": "apartment.win32.win32com.servers.interp",
    "win32com.servers.dictionary": "apartment.win32.win32com.servers.dictionary",
    "win32com.servers.perfmon": "apartment.win32.win32com.servers.perfmon",
    "win32com.servers.PythonTools": "apartment.win32.win32com.servers.PythonTools",
    "win32com.util": "apartment.win32.win32com.util",
    "win32com.olectl": "apartment.win32.win32com.olectl",
    "mmapfile": "apartment.win32.mmapfile",
    "win32trace": "apartment.win32.win32trace",
    "win32traceutil": "apartment.win32.win32traceutil",
    "win32job": "apartment.win32.win32job",
    "win32transaction": "apartment.win32.win32transaction",
    "winnt": "apartment.win32.winnt",
    "winioctlcon": "apartment.win32.winioctlcon",
    "commctrl": "apartment.win32.commctrl",
    "mmsystem": "apartment.win32.mmsystem",
    "win32netcon": "apartment.win32.win32netcon",
    "win32cryptcon": "apartment.win32.win32cryptcon",
    "sspicon": "apartment.win32.sspicon",
    "sspi": "apartment.win32.sspi",
    "win32inetcon": "apartment.win32.win32inetcon",
    "winxpgui": "apartment.win32.winxpgui",
    "win32service": "apartment.win32.win32service",
    "servicemanager": "apartment.win32.servicemanager",
    "win32serviceutil": "apartment.win32.win32serviceutil",
    "win32console": "apartment.win32.win32console",
    "win32evtlog": "apartment.win32.win32evtlog",
    "win32evtlogutil": "apartment.win32.win32evtlogutil",
    # s19-gui
    "win32gui_struct": "apartment.win32.win32gui_struct",
    "win32com.storagecon": "apartment.win32.win32com.storagecon",
    # s19-events
    "win32timezone": "apartment.win32.win32timezone",
    # s20-modules
    "win32profile": "apartment.win32.win32profile",
    "win32ts": "apartment.win32.win32ts",
    "win32pdh": "apartment.win32.win32pdh",
    "win32pdhutil": "apartment.win32.win32pdhutil",
    "win32cred": "apartment.win32.win32cred",
    "win32net": "apartment.win32.win32net",
    "win32crypt": "apartment.win32.win32crypt",
    "win32print": "apartment.win32.win32print",
    # s20-client
    "win32com.client.build": "apartment.win32.win32com.client.build",
    "win32com.universal": "apartment.win32.win32com.universal",
    # s21-comtests
    "win32com.shell": "apartment.win32.win32com.shell",
    "win32com.shell.shell": "apartment.win32.win32com.shell.shell",
    "win32com.shell.shellcon": "apartment.win32.win32com.shell.shellcon",
    "win32comext": "apartment.win32.win32comext",
    "win32com.directsound": "apartment.win32.win32com.directsound",
    "win32com.directsound.directsound": "apartment.win32.win32com.directsound.directsound",
    # s21-net
    "win32wnet": "apartment.win32.win32wnet",
    "netbios": "apartment.win32.netbios",
    "win32inet": "apartment.win32.win32inet",
    "win32ui": "apartment.win32.win32ui",
    "win32rcparser": "apartment.win32.win32rcparser",
    # s26-probes
    "winperf": "apartment.win32.winperf",
    # s29-pywin32: the rest of pywin32 312's modules
    "win32help": "apartment.win32.win32help",
    "winxptheme": "apartment.win32.winxptheme",
    "_winxptheme": "apartment.win32.winxptheme",
    "win32ras": "apartment.win32.win32ras",
    "rasutil": "apartment.win32.rasutil",
    "afxres": "apartment.win32.afxres",
    "win32lz": "apartment.win32.win32lz",
    "perfmon": "apartment.win32.perfmon",
    "regutil": "apartment.win32.regutil",
    "win32verstamp": "apartment.win32.win32verstamp",
    "pywin32_postinstall": "apartment.win32.pywin32_postinstall",
    "win2kras": "apartment.win32.win2kras",
    "win32pdhquery": "apartment.win32.win32pdhquery",
    "pywin32_bootstrap": "apartment.win32.pywin32_bootstrap",
    "_win32verstamp_pywin32ctypes": "apartment.win32._win32verstamp_pywin32ctypes",
    # pywin32's own test helpers (its tests import them; so do tests of users' code)
    "pywin32_testutil": "apartment.win32.pywin32_testutil",
    "win32com.test": "apartment.win32.win32com.test",
    "win32com.test.util": "apartment.win32.win32com.test.util",
}
"""pywin32 module name -> the facade module that stands in for it."""

RUNTIME_MODULES: dict[str, str] = {
    "msvcrt": "apartment.win32.msvcrt",
    "winreg": "apartment.win32.winreg",
}
"""Modules of Python on Windows that Linux lacks -> their stand-ins, mapped only for programs
run on the facade (``python -m apartment run``, and its children): ``install(runtime=True)``."""

RUNTIME_REPLACEMENTS: dict[str, str] = {"mmap": "apartment.win32.mmap"}
"""Modules both have, whose Windows form differs -> their stand-ins, for the same programs.

Put in ``sys.modules`` in place of Linux's (which may be imported already); a stand-in
keeps the Linux form for calls shaped for Linux (the program's libraries make those)."""

_replaced: dict[str, ModuleType] = {}
"""The modules :data:`RUNTIME_REPLACEMENTS` stood in for (put back by :func:`uninstall`)."""
_PACKAGES = frozenset(name.rpartition(".")[0] for name in MODULES if "." in name)
_COMEXT = "win32comext."
_lock = threading.Lock()
hold_across_fork(_lock, OUTER)


class _Loader(importlib.abc.Loader):
    """Hand out the facade module itself under the pywin32 name (one module object, two names)."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: ModuleType) -> None:
        return  # already executed under its own name


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the pywin32 names in :data:`MODULES` (and :data:`RUNTIME_MODULES` if asked)."""

    runtime = False

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        facade = MODULES.get(fullname)
        package_name = fullname
        if facade is None and fullname.startswith(_COMEXT):
            # win32comext's packages are win32com's (pywin32 adds win32comext to its path)
            package_name = "win32com." + fullname[len(_COMEXT) :]
            facade = MODULES.get(package_name)
        if facade is None and self.runtime:
            facade = RUNTIME_MODULES.get(fullname)
        if facade is None:
            return None
        is_package = package_name in _PACKAGES
        return importlib.util.spec_from_loader(fullname, _Loader(facade), is_package=is_package)


_finder = _Finder()


def install(*, force: bool = False, runtime: bool = False) -> bool:
    """Make ``import win32event`` (and the other pywin32 names) load this facade.

    With ``runtime``, ``import msvcrt`` loads a stand-in too (:data:`RUNTIME_MODULES`), ``mmap``
    is Windows' (:data:`RUNTIME_REPLACEMENTS`), ``sys.dllhandle`` is Python's library, TCP
    ports bind as Winsock binds them (``_winsock_bind``) and the ``mbcs`` codec is registered, as
    ``python -m apartment run`` does for the programs it runs. Does nothing, and returns
    False, when the real pywin32 is importable, unless ``force``. Returns True when the
    hook is in place. Safe to call more than once, from any thread.
    """
    with _lock:
        if _finder not in sys.meta_path:
            if not force and importlib.util.find_spec("win32api") is not None:
                return False
            sys.meta_path.insert(0, _finder)
        if runtime and not _finder.runtime and importlib.util.find_spec("msvcrt") is None:
            # subprocess takes an importable msvcrt for Windows (bpo-8110): it must have
            # looked before the stand-in exists.
            import subprocess  # noqa: F401

            from ._mbcs import register_mbcs

            register_mbcs()  # Python on Windows' codec, which pywin32's demos use
            # Every Windows process has these (s20-apis): programs read os.environ["windir"].
            from ..kernel import windows_directory

            for name in ("windir", "SystemRoot"):
                os.environ.setdefault(name, windows_directory())
            from ._winsock_bind import bind_as_windows

            bind_as_windows()  # a port in TIME_WAIT binds again at once, as with Winsock
            # Python on Windows has the module handle of its DLL there (python3XX.dll):
            # programs pass it to GetModuleFileName and GetProcAddress.
            if not hasattr(sys, "dllhandle"):
                from ..kernel import python_module

                sys.dllhandle = python_module()  # type: ignore[attr-defined]
            for name, stand_in in RUNTIME_REPLACEMENTS.items():
                _replaced[name] = importlib.import_module(name)
                sys.modules[name] = importlib.import_module(stand_in)
            _finder.runtime = True
        return True


def uninstall() -> None:
    """Remove the import hook; modules already imported under pywin32 names stay imported."""
    with _lock:
        if _finder.runtime:
            from ._winsock_bind import bind_as_linux

            bind_as_linux()
        _finder.runtime = False
        while _replaced:
            name, original = _replaced.popitem()
            sys.modules[name] = original
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
