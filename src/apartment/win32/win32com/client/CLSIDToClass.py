"""pywin32's ``win32com.client.CLSIDToClass``: which Python class stands for a CLSID.

makepy's generated modules end by registering their classes here
(``RegisterCLSIDsFromDict(CLSIDToClassMap)``), and ``gencache.GetClassForCLSID`` looks them
up, so a generated module kept with a program (a ``gen_py`` file checked in beside it) works
as on Windows. Keys are the CLSID's text form (``str(clsid)``). Any thread may call these.
"""

from __future__ import annotations

import threading

__all__ = ["mapCLSIDToClass", "RegisterCLSID", "RegisterCLSIDsFromDict", "GetClass", "HasClass"]

mapCLSIDToClass: dict[str, type] = {}
_lock = threading.Lock()


def RegisterCLSID(clsid: object, pythonClass: type) -> None:
    """Make ``pythonClass`` the class of ``clsid`` (a CLSID, or its text)."""
    with _lock:
        mapCLSIDToClass[str(clsid)] = pythonClass


def RegisterCLSIDsFromDict(classes: dict[str, type]) -> None:
    """Register every ``clsid -> class`` of a generated module's map at once."""
    with _lock:
        mapCLSIDToClass.update(classes)


def GetClass(clsid: str) -> type:
    """The class of ``clsid``; KeyError if none is registered (see :func:`HasClass`)."""
    with _lock:
        return mapCLSIDToClass[clsid]


def HasClass(clsid: str) -> bool:
    """Whether a class is registered for ``clsid``."""
    with _lock:
        return clsid in mapCLSIDToClass
