"""pywin32's ``win32com.server.exception``: the exception a COM server raises."""

from __future__ import annotations

import sys

from apartment.com import COMException
from apartment.errors import ComError

__all__ = ["COMException", "Exception", "IsCOMException", "IsCOMServerException"]

Exception = COMException


def IsCOMException(t: object = None) -> bool:
    """Tell whether ``t`` (the exception being handled, by default) is a com_error class."""
    if t is None:
        t = sys.exc_info()[0]
    return isinstance(t, type) and issubclass(t, ComError)


def IsCOMServerException(t: object = None) -> bool:
    """Tell whether ``t`` (the exception being handled, by default) is a COMException class."""
    if t is None:
        t = sys.exc_info()[0]
    return isinstance(t, type) and issubclass(t, COMException)
