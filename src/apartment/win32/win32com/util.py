"""pywin32's ``win32com.util``: naming interfaces."""

from __future__ import annotations

from apartment.win32 import pythoncom

__all__ = ["IIDToInterfaceName"]


def IIDToInterfaceName(iid: object) -> str:
    """Return the name of the interface ``iid`` (``"IDispatch"``), or its IID as text."""
    for name, known in pythoncom.InterfaceNames.items():
        if known == iid:
            return name
    return str(iid)
