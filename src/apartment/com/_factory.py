"""The class object of a registered Python class: what pywin32's ``MakePyFactory`` makes.

A server registers one per class it serves (:func:`~._class_objects.register_class_object`);
its :meth:`ClassFactory.create_instance` imports the class named in the class registry and
creates an instance where the class's threading model puts it, as in-process activation
does. The class is looked up when an instance is made, not before (as pywin32's factory).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, final

from ._activation import create_in_process
from ._apartment import current_apartment
from ._class_entry import normalize_clsid
from ._iids import IID_IDISPATCH
from ._registry import lookup_clsid
from ._serverlife import lock_server

if TYPE_CHECKING:
    import uuid

    from ._pointer import InterfacePointer

__all__ = ["ClassFactory", "class_factory"]


@final
class ClassFactory:
    """Makes instances of the registered class ``clsid`` (IClassFactory)."""

    __slots__ = ("clsid",)

    def __init__(self, clsid: str) -> None:
        self.clsid = clsid

    def __repr__(self) -> str:
        return f"<ClassFactory of {self.clsid}>"

    def create_instance(self, iid: object = IID_IDISPATCH) -> InterfacePointer:
        """Create an instance for the calling thread's apartment; return interface ``iid``.

        The object lives where its threading model says, seen from the calling apartment
        (the class object's home, when activation calls it): there, or in the MTA, say.

        Raises:
            ClassNotRegisteredError: the class is not (any more) in the registry.
            ClassLoadError: its module or class does not import.
            NoInterfaceError: the object lacks ``iid`` (E_NOINTERFACE).
        """
        entry = lookup_clsid(self.clsid)
        return create_in_process(entry, current_apartment()).query_interface(iid)

    def lock_server(self, lock: bool) -> None:
        """Keep this server running without objects (True), or stop keeping it (False)."""
        lock_server(bool(lock))


def class_factory(clsid: str | uuid.UUID) -> ClassFactory:
    """Return a class object for the registered class ``clsid`` (MakePyFactory).

    Raises:
        ClassStringError: ``clsid`` is not a CLSID string (CO_E_CLASSSTRING).
    """
    return ClassFactory(normalize_clsid(clsid))
