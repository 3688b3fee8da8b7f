"""pywin32's ``win32com.servers.interp``: the Python.Interpreter COM server.

The server is the core's :class:`apartment.com.Interpreter`; this module gives it pywin32's
registration (ProgID, CLSID). Run it, or ``python -m apartment register`` it, to register.
"""

from __future__ import annotations

from apartment import com
from apartment.win32.win32com.server.register import UseCommandLine

__all__ = ["Interpreter", "Register"]


class Interpreter(com.Interpreter):
    """The interpreter object exposed via COM: ``Eval(expression)``, ``Exec(statement)``."""

    _reg_verprogid_ = "Python.Interpreter.2"
    _reg_progid_ = "Python.Interpreter"
    _reg_desc_ = "Python Interpreter"
    _reg_clsid_ = "{30BD3490-2632-11cf-AD5B-524153480001}"
    _reg_class_spec_ = "apartment.win32.win32com.servers.interp.Interpreter"


def Register() -> object:
    """Register (or, with --unregister, unregister) the server from the command line."""
    return UseCommandLine(Interpreter)


if __name__ == "__main__":
    print("Registering COM server...")
    Register()
