"""pywin32's ``pywintypes``: the error classes and the handle type.

``error`` *is* :class:`apartment.errors.Win32Error` and ``com_error`` *is*
:class:`apartment.errors.ComError`, so ``except pywintypes.error`` catches what the core
raises too.
"""

from __future__ import annotations

from ..errors import ComError, Win32Error
from ._handles import HANDLE, PyHANDLE

__all__ = ["error", "com_error", "HANDLE", "HANDLEType", "PyHANDLE", "TRUE", "FALSE"]

error = Win32Error
com_error = ComError
HANDLEType = PyHANDLE
TRUE = True
FALSE = False
