"""pywin32's ``win32com.universal``: Python implementations of interfaces a type library defines.

``RegisterInterfaces`` reads the interfaces' vtables from a registered type library; none is
registered here (``apartment.com.find_type_library``), so it fails as pywin32's does for a
library that is not registered.
"""

from __future__ import annotations

from typing import NoReturn

from apartment import com

__all__ = ["RegisterInterfaces"]


def RegisterInterfaces(
    typelibGUID: object, lcid: int, major: int, minor: int, interface_names: object = None
) -> NoReturn:
    """Make the interfaces of a registered type library implementable in Python.

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED (no type library is registered here).
    """
    com.find_type_library(str(typelibGUID), major, minor, lcid)
