"""pywin32's ``win32com.util``: naming interfaces."""

from __future__ import annotations

from apartment.win32 import pythoncom

__all__ = ["IIDToInterfaceName"]


def IIDToInterfaceName(iid: object) -> bytes | str:
    """Return the name of the interface ``iid`` as pywin32 gives it, or its IID as text.

    pywin32 looks it up in ``pythoncom.ServerInterfaces`` first, whose names are bytes
    (``b"IStream"``); it has no registry of other interfaces here.
    """
    return pythoncom.ServerInterfaces.get(iid) or str(iid)  # type: ignore[call-overload]
