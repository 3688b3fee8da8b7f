"""pywin32's ``win32com.server.util``: wrap a Python object as a COM object, and back."""

from __future__ import annotations

from apartment import com
from apartment.com import InterfacePointer
from apartment.win32 import pythoncom

__all__ = ["wrap", "unwrap"]


def wrap(
    ob: object, iid: object = None, usePolicy: object = None, useDispatcher: object = None
) -> InterfacePointer:
    """Expose ``ob`` (which needs ``_public_methods_``) as IDispatch in this apartment."""
    return pythoncom.PyIDispatch.of(com.wrap(ob))


def unwrap(ob: object) -> object:
    """Return the Python object behind a wrapped COM object of this apartment."""
    pointer = getattr(ob, "_oleobj_", ob)
    if not isinstance(pointer, InterfacePointer):
        raise TypeError(f"{ob!r} is not a COM object")
    return com.unwrap(pointer)
