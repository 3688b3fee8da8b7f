"""pywin32's ``win32com.servers.dictionary``: the Python.Dictionary COM server.

The server is the core's :class:`apartment.com.Dictionary` (a string-keyed,
case-insensitive dictionary, its own policy); this module gives it pywin32's registration.
"""

from __future__ import annotations

from apartment import com
from apartment.win32.win32com.server.register import UseCommandLine

__all__ = ["DictionaryPolicy", "Register"]


class DictionaryPolicy(com.Dictionary):
    """Python.Dictionary: ``Item(key)`` (the default), ``Count``, ``_NewEnum`` over the keys."""

    _reg_desc_ = "Python Dictionary"
    _reg_clsid_ = "{39b61048-c755-11d0-86fa-00c04fc2e03e}"
    _reg_progid_ = "Python.Dictionary"
    _reg_verprogid_ = "Python.Dictionary.1"
    _reg_class_spec_ = "apartment.win32.win32com.servers.dictionary.DictionaryPolicy"


def Register() -> object:
    """Register (or, with --unregister, unregister) the server from the command line."""
    return UseCommandLine(DictionaryPolicy)


if __name__ == "__main__":
    Register()
