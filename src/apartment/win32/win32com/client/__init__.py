"""pywin32's ``win32com.client``: late-bound COM clients (``Dispatch``)."""

from __future__ import annotations

from typing import Any

from apartment import com
from apartment.com import DispatchClient, InterfacePointer
from apartment.win32 import pythoncom
from apartment.win32.pywintypes import PyIID

__all__ = ["Dispatch", "DispatchEx", "CDispatch"]

CDispatch = DispatchClient


def Dispatch(
    dispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    resultCLSID: object = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> DispatchClient:
    """Return a late-bound client for a ProgID/CLSID (created now), a PyIDispatch or a client."""
    if isinstance(dispatch, DispatchClient):
        return DispatchClient(dispatch._oleobj_, userName or dispatch._username_)
    if isinstance(dispatch, InterfacePointer):
        return DispatchClient(dispatch, userName)
    if isinstance(dispatch, (str, PyIID)):
        pointer = pythoncom.PyIDispatch.of(com.create_object(str(dispatch), clsctx))
        return DispatchClient(pointer, userName or str(dispatch))
    inner = getattr(dispatch, "_oleobj_", None)
    if isinstance(inner, InterfacePointer):
        return DispatchClient(inner, userName)
    raise TypeError(f"Dispatch needs a ProgID, a CLSID or an IDispatch object, not {dispatch!r}")


def DispatchEx(
    clsid: str, machine: object = None, userName: str | None = None, resultCLSID: object = None,
    typeinfo: object = None, clsctx: int = pythoncom.CLSCTX_SERVER,
) -> DispatchClient:  # fmt: skip
    """Create a new object (never a running one) and return a late-bound client."""
    return Dispatch(clsid, userName, resultCLSID, typeinfo, clsctx)
