"""pywin32's ``win32com.client``: late-bound COM clients, and their events.

``Dispatch`` gives a :class:`CDispatch` (the core's late-bound client under pywin32's names).
``DispatchWithEvents`` and ``WithEvents`` connect an events class to a Python server's
events: the server names its events interface in ``_connect_interfaces_`` and its events in
``_public_events_`` (what a type library would say; pywin32 needs one and has none for a
Python server), and the event ``Name`` calls the class's ``OnName`` method, in the client's
apartment (an STA receives events when it pumps messages).
"""

from __future__ import annotations

import contextlib
from typing import Any

from apartment import com
from apartment.win32 import pythoncom
from apartment.win32._com_door import guard_functions
from apartment.win32._interfaces import PyIDispatch
from apartment.win32.pywintypes import clsid_text

from ._dispatch import CDispatch as CDispatch
from ._dispatch import Dispatch as Dispatch
from ._generated import VARIANT as VARIANT
from ._generated import CoClassBaseClass as CoClassBaseClass
from ._generated import Constants as Constants
from ._generated import DispatchBaseClass as DispatchBaseClass
from ._generated import constants as constants

__all__ = [
    "VARIANT",
    "Constants",
    "constants",
    "DispatchBaseClass",
    "CoClassBaseClass",
    "CastTo",
    "getevents",
    "Record",
    "register_record_class",
    "CDispatch",
    "Dispatch",
    "DispatchEx",
    "DispatchWithEvents",
    "WithEvents",
    "EventsProxy",
    "GetActiveObject",
    "GetObject",
    "Moniker",
]


def DispatchEx(
    clsid: str, machine: object = None, userName: str | None = None, resultCLSID: object = None,
    typeinfo: object = None, clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:  # fmt: skip
    """Create a new object (never a running one) and return a late-bound client."""
    pointer = PyIDispatch.of(com.create_object(str(clsid), clsctx))
    return CDispatch(pointer, userName or str(clsid))


def GetActiveObject(Class: object, clsctx: int = pythoncom.CLSCTX_ALL) -> CDispatch:
    """Return a client for the running object of a ProgID or CLSID (MK_E_UNAVAILABLE if none)."""
    return CDispatch(PyIDispatch.of(pythoncom.connect(Class)), str(Class))


def GetObject(
    Pathname: str | None = None, Class: object = None, clsctx: int | None = None
) -> CDispatch:
    """VB's GetObject: the running object of a class, or what a display name binds to.

    ``Class`` (a ProgID or CLSID) or ``Pathname`` (a moniker's display name): exactly one.
    """
    if clsctx is None:
        clsctx = pythoncom.CLSCTX_ALL
    if (Pathname is None) == (Class is None):
        raise ValueError("You must specify a value for Pathname or Class, but not both.")
    if Class is not None:
        return GetActiveObject(Class, clsctx)
    return Moniker(Pathname, clsctx)  # type: ignore[arg-type]


def Moniker(Pathname: str, clsctx: int = pythoncom.CLSCTX_ALL) -> CDispatch:
    """A client for the object the display name ``Pathname`` binds to (MkParseDisplayName)."""
    moniker, _, bind_ctx = pythoncom.MkParseDisplayName(Pathname)
    pointer = moniker.BindToObject(bind_ctx, None, pythoncom.IID_IDispatch)
    return CDispatch(PyIDispatch.of(pointer), Pathname)


class EventsProxy:
    """What DispatchWithEvents returns: the object, disconnected from its events when freed."""

    def __init__(self, ob: Any) -> None:  # noqa: ANN401
        self.__dict__["_obj_"] = ob

    def __del__(self) -> None:
        with contextlib.suppress(pythoncom.com_error):  # torn down elsewhere, or the source went
            self._obj_.close()

    def __getattr__(self, attr: str) -> Any:  # noqa: ANN401
        return getattr(self._obj_, attr)

    def __setattr__(self, attr: str, val: object) -> None:
        setattr(self._obj_, attr, val)


def _event_setattr_(self: CDispatch, attr: str, val: object) -> None:
    """A COM property when the object has one, else an attribute of the events object."""
    try:
        CDispatch.__setattr__(self, attr, val)
    except AttributeError:
        self.__dict__[attr] = val


def _close(self: Any) -> None:  # noqa: ANN401
    """Disconnect from the events (pywin32's generated events classes' ``close``)."""
    connection = self.__dict__.get("_connection_")
    if connection is not None:
        connection.disconnect()


_E_NOINTERFACE = -2147467262
_NO_EVENTS = "This COM object does not support events."


def _advise(pointer: Any, handler: object) -> com.Connection:  # noqa: ANN401
    """pywin32's checks before it connects an events class, then the connection.

    An object with type information connects if its class has default events, else
    ValueError (pywin32: its makepy class has no ``default_source``). One without (a Python
    server) connects when it fires events (``_connect_interfaces_``), else TypeError: pywin32
    then cannot run makepy for it.
    """
    try:
        info = pointer.type_info(0)
    except pythoncom.com_error:
        info = None
    if info is not None and not info.has_default_events():
        raise ValueError(_NO_EVENTS)
    try:
        return com.advise_handler(pointer, handler, CDispatch)
    except pythoncom.com_error as error:
        if info is not None or error.hresult != _E_NOINTERFACE:
            raise
        raise TypeError(gencache._MAKEPY_FAILS) from error


def DispatchWithEvents(clsid: Any, user_event_class: type) -> Any:  # noqa: ANN401
    """Create (or take) a COM object and connect ``user_event_class``'s On<Event> methods.

    The result is the object (a CDispatch) and an instance of ``user_event_class`` at once.
    """
    disp = Dispatch(clsid)
    namespace = {"__setattr__": _event_setattr_, "close": _close}
    result_class = type(
        f"COMEventClass_{user_event_class.__name__}", (CDispatch, user_event_class), namespace
    )
    instance = result_class(disp._oleobj_, disp._username_)
    instance.__dict__["_connection_"] = _advise(disp._oleobj_, instance)
    user_event_class.__init__(instance)  # type: ignore[misc]  # as pywin32 does
    return EventsProxy(instance)


def WithEvents(disp: Any, user_event_class: type) -> Any:  # noqa: ANN401
    """Connect an instance of ``user_event_class`` to ``disp``'s events; return it."""
    pointer = Dispatch(disp)._oleobj_
    result_class = type(user_event_class.__name__, (user_event_class,), {"close": _close})
    instance: Any = object.__new__(result_class)
    instance.__dict__["_connection_"] = _advise(pointer, instance)
    user_event_class.__init__(instance)  # type: ignore[misc]  # as pywin32 does
    return instance


def CastTo(ob: Any, target: Any, typelib: Any = None) -> Any:  # noqa: ANN401
    """``ob`` as makepy's class of the interface ``target`` (a name in ``ob``'s library).

    ``ob`` is made early-bound first (``gencache.EnsureDispatch``) if it is not; ``target``
    names an interface (or coclass: its default interface) of the same type library.

    Raises:
        TypeError: ``ob`` has no type information (pywin32's makepy message).
        ValueError: ``target`` is no interface of that library.
        pythoncom.com_error: ``typelib`` is not registered (TYPE_E_LIBNOTREGISTERED).
    """
    module = None
    if typelib is not None:
        attr = typelib.GetLibAttr()
        module = gencache.MakeModuleForTypelib(attr[0], attr[1], attr[3], attr[4])
    elif isinstance(target, str):
        if "CLSID" not in type(ob).__dict__:
            ob = gencache.EnsureDispatch(ob)
        module = gencache.GetModuleForCLSID(type(ob).CLSID)
        if module is None or target not in getattr(module, "NamesToIIDMap", {}):
            raise ValueError(
                f"The interface name '{target}' does not appear in the same library as "
                f"object '{ob!r}'"
            )
    if module is None or not hasattr(module, str(target)):
        raise ValueError(f"The interface name '{target}' is not known for object '{ob!r}'")
    target_class = getattr(module, target)
    target_class = getattr(target_class, "default_interface", target_class)
    return target_class(ob)


def getevents(clsid: Any) -> Any:  # noqa: ANN401
    """The events class makepy generated for ``clsid``'s default events: None without one.

    Raises:
        pythoncom.com_error: an unknown ProgID (CO_E_CLASSSTRING).
    """
    klass: Any = gencache.GetClassForCLSID(com.clsid_from_progid(clsid_text(clsid)))
    return getattr(klass, "default_source", None)


def Record(name: str, object: Any) -> Any:  # noqa: ANN401
    """A new record ``name`` of ``object``'s type library: makepy needs that library.

    Raises:
        TypeError: ``object`` has no type information (pywin32's makepy message).
    """
    object = gencache.EnsureDispatch(object)  # fails: no type library is generated here
    raise ValueError(f"The structure '{name}' is not defined for '{object!r}'")


def register_record_class(cls: type) -> None:
    """Register a ``pythoncom.com_record`` subclass for its record (TLBID, GUID...).

    Raises:
        TypeError: not a com_record subclass, or its record is in no registered type
            library (pywin32's "cannot be instantiated").
        AttributeError: it lacks one of TLBID, MJVER, MNVER, LCID, GUID.
        ValueError: a class is registered for that GUID already.
    """
    if not (isinstance(cls, type) and issubclass(cls, pythoncom.com_record)):
        raise TypeError("Only subclasses of 'com_record' can be registered.")
    try:
        ids = (cls.TLBID, cls.MJVER, cls.MNVER, cls.LCID, cls.GUID)  # type: ignore[attr-defined]
    except AttributeError as e:
        raise AttributeError(f"Class {cls.__name__} cannot be instantiated.") from e
    try:
        pythoncom.GetRecordFromGuids(*ids)
    except Exception as e:
        raise TypeError(f"Class {cls.__name__} cannot be instantiated.") from e
    if ids[4] in pythoncom.RecordClasses:  # pragma: no cover - no record can be made here
        raise ValueError(f"Record class with same GUID {ids[4]} is already registered.")
    pythoncom.RecordClasses[ids[4]] = cls  # pragma: no cover


# pywin32's package imports these as it loads, so ``import win32com.client`` alone makes
# ``win32com.client.gencache.EnsureDispatch`` and ``win32com.client.dynamic`` usable (programs
# rely on it), and generated modules find ``win32com.client.CLSIDToClass``.
from apartment.win32 import pywintypes as pywintypes  # noqa: E402

guard_functions(globals(), __all__)  # pywin32's classes for the core's errors (_com_door)

from . import CLSIDToClass as CLSIDToClass  # noqa: E402
from . import build as build  # noqa: E402
from . import dynamic as dynamic  # noqa: E402
from . import gencache as gencache  # noqa: E402
