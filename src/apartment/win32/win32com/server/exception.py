"""pywin32's ``win32com.server.exception``: the exception a COM server raises."""

from __future__ import annotations

import sys

from apartment.com import COMException
from apartment.errors import ComError
from apartment.win32 import pythoncom as pythoncom  # pywin32's module imports it

# No ``Exception`` alias: pywin32 312's module has none (``win32com.server.exception.Exception``
# is AttributeError there), so a program written against it must not find one here.
__all__ = ["COMException", "IsCOMException", "IsCOMServerException"]


# pywin32 312 tests ``if not t is type: return False`` before anything else: true for every
# exception class, so both functions answer False, and its dispatchers print the traceback
# of every exception a server raises, COMException included. Kept, as pywin32's quirk.


def IsCOMException(t: object = None) -> bool:
    """pywin32's test for a com_error class: always False (see above)."""
    if t is None:
        t = sys.exc_info()[0]
    if t is not type:
        return False
    return issubclass(t, ComError)  # pragma: no cover - as pywin32 writes it


def IsCOMServerException(t: object = None) -> bool:
    """pywin32's test for a COMException class: always False (see above)."""
    if t is None:
        t = sys.exc_info()[0]
    if t is not type:
        return False
    return issubclass(t, COMException)  # pragma: no cover - as pywin32 writes it
