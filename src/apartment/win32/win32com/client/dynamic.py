"""pywin32's ``win32com.client.dynamic``: the late-bound client class."""

from __future__ import annotations

from typing import Any

from apartment.win32 import pythoncom

from . import CDispatch, _dispatch_pointer

__all__ = ["CDispatch", "Dispatch", "DumbDispatch"]


def Dispatch(
    IDispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    createClass: type[CDispatch] | None = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:
    """Return a late-bound client (``createClass``, CDispatch by default) for ``IDispatch``."""
    if userName is None and isinstance(IDispatch, str):
        userName = IDispatch
    return (createClass or CDispatch)(_dispatch_pointer(IDispatch, clsctx), userName)


DumbDispatch = Dispatch
