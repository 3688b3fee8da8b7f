"""pywin32's ``win32com.client.gencache``: makepy's cache of generated classes.

There are no type libraries here, so nothing is generated: ``EnsureDispatch`` fails for an
object without type information, as pywin32's does for one.
"""

from __future__ import annotations

from typing import Any

from . import Dispatch

__all__ = ["EnsureDispatch", "GetClassForProgID", "GetClassForCLSID"]


def EnsureDispatch(prog_id: Any, bForDemand: int = 1) -> Any:  # noqa: ANN401
    """Dispatch ``prog_id`` with makepy's generated class: none exists without a type library."""
    disp = Dispatch(prog_id)
    disp._oleobj_.GetTypeInfo()  # no type information: com_error, as pywin32 gets here
    raise TypeError(
        "This COM object can not automate the makepy process - please run makepy manually "
        "for this object"
    )


def GetClassForProgID(progid: str) -> None:
    """The generated class for a ProgID: there are none here."""
    return None


def GetClassForCLSID(clsid: object) -> None:
    """The generated class for a CLSID: there are none here."""
    return None
