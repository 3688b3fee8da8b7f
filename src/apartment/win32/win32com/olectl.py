"""pywin32's ``win32com.olectl``: OLE control HRESULTs the connection-point code uses."""

from __future__ import annotations

from apartment.errors import CONNECT_E_ADVISELIMIT, CONNECT_E_CANNOTCONNECT, CONNECT_E_NOCONNECTION

__all__ = ["CONNECT_E_NOCONNECTION", "CONNECT_E_ADVISELIMIT", "CONNECT_E_CANNOTCONNECT"]
