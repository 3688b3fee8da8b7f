"""pythoncom's class-object names: what a pywin32 local server registers and runs on.

``MakePyFactory``, ``CoRegisterClassObject``, ``CoRevokeClassObject``,
``CoResumeClassObjects`` and ``EnableQuitMessage`` over ``apartment.com``'s class objects
(semantics.md §7.8); :mod:`~apartment.win32.pythoncom` exports them.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from .. import com
from ..errors import CLASS_E_NOAGGREGATION, ComError
from ._adapt import dword
from .pywintypes import clsid_text

if TYPE_CHECKING:
    from ..com import ClassFactory, InterfacePointer

__all__ = [
    "PyIClassFactory",
    "MakePyFactory",
    "CoRegisterClassObject",
    "CoRevokeClassObject",
    "CoResumeClassObjects",
    "EnableQuitMessage",
]


class PyIClassFactory:
    """pywin32's PyIClassFactory: a class object, with IClassFactory's method names.

    CreateInstance gives the core's pointer of the IID asked for, which has pywin32's face
    (``PyIDispatch``...) once :mod:`._interfaces` is imported, as pythoncom does.
    """

    __slots__ = ("_factory",)

    def __init__(self, factory: ClassFactory) -> None:
        self._factory = factory

    def __repr__(self) -> str:
        return f"<PyIClassFactory of {self._factory.clsid}>"

    def CreateInstance(self, unkOuter: object, iid: object, /) -> InterfacePointer:
        if unkOuter is not None:  # pywin32's factory does not aggregate
            raise ComError.from_hresult(CLASS_E_NOAGGREGATION)
        return self._factory.create_instance(iid)

    def LockServer(self, bInc: int, /) -> None:
        self._factory.lock_server(bool(bInc))

    def QueryInterface(self, iid: object, useIID: object = None, /) -> PyIClassFactory:
        return self

    def create_instance(self, iid: object = com.IID_IDISPATCH) -> InterfacePointer:
        """The core's class-object protocol: a PyIClassFactory registers as itself."""
        return self._factory.create_instance(iid)

    def lock_server(self, lock: bool) -> None:
        """The core's class-object protocol."""
        self._factory.lock_server(lock)


def MakePyFactory(clsid: object, /) -> PyIClassFactory:
    return PyIClassFactory(com.class_factory(clsid_text(clsid)))


def CoRegisterClassObject(clsid: object, factory: object, context: int, flags: int, /) -> int:
    if factory is None:
        raise TypeError("None is not a valid interface object in this context")
    if not isinstance(factory, PyIClassFactory):  # pywin32 wants a COM object here
        raise ValueError(f"argument is not a COM object (got type={type(factory).__name__})")
    return com.register_class_object(clsid_text(clsid), factory, dword(context), dword(flags))


def CoRevokeClassObject(reg: int, /) -> None:
    com.revoke_class_object(operator.index(reg))


def CoResumeClassObjects() -> None:
    com.resume_class_objects()


def EnableQuitMessage(threadId: int, /) -> None:
    com.enable_quit_message(operator.index(threadId))
