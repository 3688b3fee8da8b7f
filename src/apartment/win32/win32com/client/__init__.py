"""pywin32's ``win32com.client``: late-bound COM clients (``Dispatch``)."""

from __future__ import annotations

from typing import Any

from apartment import com
from apartment.com import DispatchClient, InterfacePointer
from apartment.win32 import pythoncom
from apartment.win32.pywintypes import PyIID

__all__ = ["Dispatch", "DispatchEx", "CDispatch"]


class CDispatch(DispatchClient):
    """pywin32's dynamic CDispatch: the core's late-bound client under pywin32's names.

    ``_oleobj_`` is the PyIDispatch it calls through and ``_username_`` the name it shows.
    Results that are interface pointers come back as CDispatch objects too.
    """

    @property
    def _oleobj_(self) -> InterfacePointer:
        return self._pointer

    @property
    def _username_(self) -> str:
        return self._name

    @staticmethod
    def _argument(value: object) -> object:
        """Pass any object that has an ``_oleobj_`` as that pointer (pywin32's rule)."""
        return getattr(value, "_oleobj_", value)


def Dispatch(
    dispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    resultCLSID: object = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:
    """Return a late-bound client for a ProgID/CLSID (created now), a PyIDispatch or a client."""
    if isinstance(dispatch, DispatchClient):
        return CDispatch(dispatch._pointer, userName or dispatch._name)
    if isinstance(dispatch, InterfacePointer):
        return CDispatch(dispatch, userName)
    if isinstance(dispatch, (str, PyIID)):
        pointer = pythoncom.PyIDispatch.of(com.create_object(str(dispatch), clsctx))
        return CDispatch(pointer, userName or str(dispatch))
    inner = getattr(dispatch, "_oleobj_", None)  # pywin32 takes any object that has one
    if isinstance(inner, InterfacePointer):
        return CDispatch(inner, userName)
    raise TypeError(f"Dispatch needs a ProgID, a CLSID or an IDispatch object, not {dispatch!r}")


def DispatchEx(
    clsid: str, machine: object = None, userName: str | None = None, resultCLSID: object = None,
    typeinfo: object = None, clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:  # fmt: skip
    """Create a new object (never a running one) and return a late-bound client."""
    return Dispatch(clsid, userName, resultCLSID, typeinfo, clsctx)
