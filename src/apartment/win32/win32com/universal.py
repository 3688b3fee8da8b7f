"""pywin32's ``win32com.universal``: Python implementations of interfaces a type library defines.

``RegisterInterfaces`` reads the interfaces' vtables from a registered type library. The
libraries registered here (the system classes', ``apartment.com.find_type_library``)
describe dispatch interfaces only, called through IDispatch: there is no vtable interface to
register, and the list of those registered is empty. Any other library fails as pywin32's
does for a library that is not registered.
"""

from __future__ import annotations

from apartment import com
from apartment.win32._com_door import guard_functions

__all__ = ["RegisterInterfaces"]


def RegisterInterfaces(
    typelibGUID: object, lcid: int, major: int, minor: int, interface_names: object = None
) -> list[str]:
    """Make the vtable interfaces of a registered type library implementable in Python.

    Returns the names of those registered: none (see the module docstring).

    Raises:
        pythoncom.com_error: TYPE_E_LIBNOTREGISTERED: the library is not registered.
    """
    com.find_type_library(str(typelibGUID), major, minor, lcid)
    return []


guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)
