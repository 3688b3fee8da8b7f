"""pywin32's ``win32com.servers.PythonTools``: the Python.Tools COM server.

A client's helpers for the server process: ``reload(module)`` (a module already imported),
``adddir(folder)`` (to ``sys.path``; the path's text comes back), ``echo(value)`` (its repr)
and ``sleep(seconds)``. Run as a script it registers Python.Tools (``--unregister``
removes it), with pywin32's CLSID and ProgIDs.
"""

from __future__ import annotations

import importlib
import sys
import time
from typing import ClassVar

__all__ = ["CLSID", "PROGID", "VERPROGID", "Tools", "main"]

CLSID = "{06ce7630-1d81-11d0-ae37-c2fa70000000}"
PROGID = "Python.Tools"
VERPROGID = "Python.Tools.1"


class Tools:
    """Helpers a COM client calls in the server's interpreter."""

    _public_methods_: ClassVar[list[str]] = ["reload", "adddir", "echo", "sleep"]

    def reload(self, module: str) -> str:
        """Reload an imported module: whether it was done, in words."""
        if module not in sys.modules:
            return "no reload performed."
        importlib.reload(sys.modules[module])
        return "reload succeeded."

    def adddir(self, dir: object) -> str:
        """Append a folder (a str; anything else is ignored) to ``sys.path``; its text."""
        if isinstance(dir, str):
            sys.path.append(dir)
        return str(sys.path)

    def echo(self, arg: object) -> str:
        """``repr(arg)``, as the server received it."""
        return repr(arg)

    def sleep(self, t: float) -> None:
        """Sleep ``t`` seconds in the server."""
        time.sleep(t)


def main(argv: list[str] | None = None) -> None:
    """Register Python.Tools, or unregister it with ``--unregister``."""
    from apartment.win32.win32com.server.register import RegisterServer, UnregisterServer

    if "--unregister" in (sys.argv if argv is None else argv):
        print("Unregistering...")
        UnregisterServer(CLSID, PROGID, VERPROGID)
        print("Unregistered OK")
        return
    print("Registering COM server...")
    RegisterServer(
        CLSID, "apartment.win32.win32com.servers.PythonTools.Tools", "Python Tools", PROGID,
        VERPROGID,
    )  # fmt: skip
    print("Class registered.")


if __name__ == "__main__":
    main()
