"""pywin32's ``win32com.server.exception``: the exception a COM server raises."""

from __future__ import annotations

from apartment.com import COMException

__all__ = ["COMException", "Exception"]

Exception = COMException
