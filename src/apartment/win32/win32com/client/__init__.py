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
from apartment.com import DispatchClient, InterfacePointer
from apartment.win32 import pythoncom
from apartment.win32._interfaces import PyIDispatch
from apartment.win32.pywintypes import PyIID

__all__ = [
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


class CDispatch(DispatchClient):
    """pywin32's dynamic CDispatch: the core's late-bound client under pywin32's names.

    ``_oleobj_`` is the PyIDispatch it calls through and ``_username_`` the name it shows.
    Results that are interface pointers come back as CDispatch objects too.
    """

    @property
    def _oleobj_(self) -> Any:  # noqa: ANN401 - a PyIDispatch
        return self._pointer

    @property
    def _username_(self) -> str:
        return self._name

    @staticmethod
    def _argument(value: object) -> object:
        """Pass any object that has an ``_oleobj_`` as that pointer (pywin32's rule)."""
        return getattr(value, "_oleobj_", value)

    def _FlagAsMethod(self, *methodNames: str) -> None:
        self._flag_as_method(*methodNames)

    def _NewEnum(self) -> Any:  # noqa: ANN401
        return self._enumerator()


def _dispatch_pointer(dispatch: Any, clsctx: int) -> PyIDispatch:  # noqa: ANN401
    """pywin32's ``_GetGoodDispatch``: what a Dispatch argument stands for, as a PyIDispatch."""
    if isinstance(dispatch, (str, PyIID)):
        try:  # a running object registered for the class wins (pythoncom.connect)
            pointer: InterfacePointer = pythoncom.connect(dispatch)
        except pythoncom.com_error:
            pointer = com.create_object(str(dispatch), clsctx)
    else:
        pointer = getattr(dispatch, "_oleobj_", dispatch)  # pywin32 takes any object with one
        if not isinstance(pointer, InterfacePointer):
            raise TypeError(
                f"Dispatch needs a ProgID, a CLSID or an IDispatch object, not {dispatch!r}"
            )
    if not isinstance(pointer, com.DispatchPointer):
        pointer = pointer.query_interface(com.IID_IDISPATCH)
    return PyIDispatch.of(pointer)


def Dispatch(
    dispatch: Any,  # noqa: ANN401
    userName: str | None = None,
    resultCLSID: object = None,
    typeinfo: object = None,
    clsctx: int = pythoncom.CLSCTX_SERVER,
) -> CDispatch:
    """Return a late-bound client for a ProgID/CLSID (running or created now) or a pointer."""
    if userName is None and isinstance(dispatch, str):
        userName = dispatch
    elif userName is None and isinstance(dispatch, DispatchClient):
        userName = dispatch._name
    return CDispatch(_dispatch_pointer(dispatch, clsctx), userName)


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
    instance.__dict__["_connection_"] = com.advise_handler(disp._oleobj_, instance, CDispatch)
    user_event_class.__init__(instance)  # type: ignore[misc]  # as pywin32 does
    return EventsProxy(instance)


def WithEvents(disp: Any, user_event_class: type) -> Any:  # noqa: ANN401
    """Connect an instance of ``user_event_class`` to ``disp``'s events; return it."""
    pointer = Dispatch(disp)._oleobj_
    result_class = type(user_event_class.__name__, (user_event_class,), {"close": _close})
    instance: Any = object.__new__(result_class)
    instance.__dict__["_connection_"] = com.advise_handler(pointer, instance, CDispatch)
    user_event_class.__init__(instance)  # type: ignore[misc]  # as pywin32 does
    return instance
