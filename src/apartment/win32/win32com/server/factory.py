"""pywin32's ``win32com.server.factory``: register and revoke class factories in bulk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apartment.win32 import pythoncom

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["RegisterClassFactories", "RevokeClassFactories"]


def RegisterClassFactories(
    clsids: Iterable[str], flags: int | None = None, clsctx: int | None = None
) -> list[tuple[pythoncom.PyIClassFactory, int]]:
    """Register a class factory for each CLSID; return what RevokeClassFactories takes.

    Defaults: REGCLS_MULTIPLEUSE | REGCLS_SUSPENDED, CLSCTX_LOCAL_SERVER. Arguments that
    start with ``-`` or ``/`` (``-Embedding``, which COM appends) are skipped, as pywin32 does.
    """
    if flags is None:
        flags = pythoncom.REGCLS_MULTIPLEUSE | pythoncom.REGCLS_SUSPENDED
    if clsctx is None:
        clsctx = pythoncom.CLSCTX_LOCAL_SERVER
    registered = []
    for clsid in clsids:
        if clsid[0] not in ("-", "/"):  # pywin32's rule: a switch, not a class
            factory = pythoncom.MakePyFactory(clsid)
            registered.append(
                (factory, pythoncom.CoRegisterClassObject(clsid, factory, clsctx, flags))
            )
    return registered


def RevokeClassFactories(infos: Iterable[tuple[object, int]]) -> None:
    """Revoke what RegisterClassFactories registered."""
    for _factory, cookie in infos:
        pythoncom.CoRevokeClassObject(cookie)
