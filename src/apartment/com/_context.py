"""Object contexts (CoGetObjectContext): IContext's properties and IComThreadingInfo.

Each apartment has one context here (Windows' default context of the apartment; there are no
COM+ contexts). Its pointer answers IContext (properties: a GUID, flags, an object) and
IComThreadingInfo (the apartment's type, the thread's type, a logical thread ID). The
logical thread ID is the calling thread's own GUID: Windows carries one along a chain of
calls, which this library does not track (docs/differences-from-windows.md).
"""

from __future__ import annotations

import threading
from typing import Any, NoReturn

from ..errors import E_NOTIMPL, E_UNEXPECTED, RPC_E_CALL_COMPLETE, ComError, NoInterfaceError
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import Apartment, ApartmentKind, current_apartment, neutral, thread_state
from ._enum_moniker import SequenceEnumerator
from ._faces import FACES, set_interface_class
from ._iids import IID_IUNKNOWN, iid_text, new_guid
from ._pointer import InterfacePointer, make_pointer
from ._propstorage import StatEnumeratorPointer
from ._proxy import make_agile

__all__ = [
    "IID_ICONTEXT", "IID_ICOMTHREADINGINFO", "IID_IENUMCONTEXTPROPS", "APTTYPE_STA",
    "APTTYPE_MTA", "APTTYPE_NA", "APTTYPE_MAINSTA", "APTTYPEQUALIFIER_NONE",
    "APTTYPEQUALIFIER_IMPLICIT_MTA",
    "THDTYPE_BLOCKMESSAGES", "THDTYPE_PROCESSMESSAGES", "ContextPointer",
    "ThreadingInfoPointer", "object_context", "apartment_type", "call_context",
]  # fmt: skip

IID_ICONTEXT = "{000001C0-0000-0000-C000-000000000046}"
IID_ICOMTHREADINGINFO = "{000001CE-0000-0000-C000-000000000046}"
IID_IENUMCONTEXTPROPS = "{000001C1-0000-0000-C000-000000000046}"
APTTYPE_STA, APTTYPE_MTA, APTTYPE_NA, APTTYPE_MAINSTA = 0, 1, 2, 3
APTTYPEQUALIFIER_NONE, APTTYPEQUALIFIER_IMPLICIT_MTA = 0, 1
THDTYPE_BLOCKMESSAGES, THDTYPE_PROCESSMESSAGES = 0, 1
_logical = threading.local()


def apartment_type() -> tuple[int, int]:
    """The calling thread's apartment type and qualifier (CoGetApartmentType).

    Raises:
        NotInitializedError: the thread is in no apartment and no MTA exists.
    """
    apartment = current_apartment()
    implicit = thread_state().apartment is None
    kind = apartment.kind
    if kind is ApartmentKind.STA:
        return (APTTYPE_MAINSTA if apartment.main else APTTYPE_STA), APTTYPEQUALIFIER_NONE
    if kind is ApartmentKind.NA:
        return APTTYPE_NA, APTTYPEQUALIFIER_NONE
    return APTTYPE_MTA, APTTYPEQUALIFIER_IMPLICIT_MTA if implicit else APTTYPEQUALIFIER_NONE


class _Context:
    """An apartment's object context: IContext and IComThreadingInfo; agile."""

    __slots__ = ("__weakref__", "_properties")

    def __init__(self) -> None:
        self._properties: dict[str, tuple[int, Any]] = {}

    def resolve(self, iid: str) -> None:
        """QueryInterface: IContext, IComThreadingInfo and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_ICONTEXT, IID_ICOMTHREADINGINFO):
            raise NoInterfaceError(f"an object context does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Run a method of IContext or IComThreadingInfo."""
        found = getattr(self, "_" + method, None)
        if found is None:
            raise ComError.from_hresult(E_NOTIMPL, f"an object context has no {method}")
        return found(*args)

    def _SetProperty(self, guid: str, flags: int, obj: Any) -> None:  # noqa: N802, ANN401
        with KERNEL_LOCK:
            if guid in self._properties:  # Windows refuses to replace one
                raise ComError.from_hresult(E_UNEXPECTED, f"the property {guid} is set")
            self._properties[guid] = (flags, obj)

    def _RemoveProperty(self, guid: str) -> None:  # noqa: N802
        with KERNEL_LOCK:
            self._properties.pop(guid, None)

    def _GetProperty(self, guid: str) -> tuple[int, Any]:  # noqa: N802
        with KERNEL_LOCK:
            found = self._properties.get(guid)
        if found is None:
            raise ComError.from_hresult(E_UNEXPECTED, f"no context property {guid}")
        return found

    def _EnumContextProps(self) -> InterfacePointer:  # noqa: N802
        with KERNEL_LOCK:
            items = [(FACES.iid(g), flags, obj) for g, (flags, obj) in self._properties.items()]
        return _ContextPropsEnumerator(items).pointer()

    def _GetCurrentApartmentType(self) -> int:  # noqa: N802
        return apartment_type()[0]

    def _GetCurrentThreadType(self) -> int:  # noqa: N802
        return THDTYPE_PROCESSMESSAGES if current_apartment().is_sta else THDTYPE_BLOCKMESSAGES

    def _GetCurrentLogicalThreadId(self) -> str:  # noqa: N802
        guid: str | None = getattr(_logical, "guid", None)
        if guid is None:
            guid = _logical.guid = new_guid()
        return guid


class _ContextPropsEnumerator(SequenceEnumerator):
    """IEnumContextProps: ``(guid, flags, obj)`` of each property."""

    __slots__ = ()
    IID = IID_IENUMCONTEXTPROPS
    WHAT = "context property"


make_agile(_Context)
make_agile(_ContextPropsEnumerator)


def _context_of(apartment: Apartment) -> _Context:
    with KERNEL_LOCK:
        context = apartment.context
        if context is None:
            context = apartment.context = _Context()
    result: _Context = context
    return result


def object_context(iid: object = IID_ICONTEXT) -> InterfacePointer:
    """The calling thread's object context, as the interface ``iid`` (CoGetObjectContext).

    Raises:
        NotInitializedError: the thread is in no apartment and no MTA exists
            (CO_E_NOTINITIALIZED).
        NoInterfaceError: an interface a context does not implement (E_NOINTERFACE).
    """
    wanted = iid_text(iid)
    context = _context_of(current_apartment())
    context.resolve(wanted)
    return make_pointer(context, neutral(), wanted)


class ContextPointer(InterfacePointer):
    """An IContext pointer: properties of an object context."""

    __slots__ = ()

    def set_property(self, guid: object, flags: int, obj: object) -> None:
        """Set the property ``guid`` (E_UNEXPECTED if it is set already)."""
        self._call("SetProperty", iid_text(guid), int(flags), obj)

    def remove_property(self, guid: object) -> None:
        """Remove the property ``guid`` (nothing if there is none)."""
        self._call("RemoveProperty", iid_text(guid))

    def get_property(self, guid: object) -> tuple[int, Any]:
        """``(flags, obj)`` of the property ``guid`` (E_UNEXPECTED if there is none)."""
        flags, obj = self._call("GetProperty", iid_text(guid))
        return flags, obj

    def enum_context_props(self) -> InterfacePointer:
        """An enumerator (IEnumContextProps) of every property: ``(guid, flags, obj)``."""
        found: InterfacePointer = self._call("EnumContextProps")
        return found


class ThreadingInfoPointer(InterfacePointer):
    """An IComThreadingInfo pointer: what the calling thread's apartment is."""

    __slots__ = ()

    def apartment_type(self) -> int:
        """APTTYPE_STA, APTTYPE_MTA, APTTYPE_NA or APTTYPE_MAINSTA."""
        result: int = self._call("GetCurrentApartmentType")
        return result

    def thread_type(self) -> int:
        """THDTYPE_PROCESSMESSAGES in an STA, else THDTYPE_BLOCKMESSAGES."""
        result: int = self._call("GetCurrentThreadType")
        return result

    def logical_thread_id(self) -> Any:  # noqa: ANN401
        """The calling thread's logical thread ID (a GUID)."""
        return FACES.iid(self._call("GetCurrentLogicalThreadId"))


set_interface_class(IID_ICONTEXT, ContextPointer)
set_interface_class(IID_ICOMTHREADINGINFO, ThreadingInfoPointer)
set_interface_class(IID_IENUMCONTEXTPROPS, StatEnumeratorPointer)


def call_context(iid: object) -> NoReturn:
    """The security context of the call being served (CoGetCallContext): there is none.

    Windows answers inside a call that came through COM's channel (IServerSecurity,
    ICallContext...). Calls here carry no security context (no authentication levels or
    impersonation are modelled), so the answer is what Windows gives outside such a call.

    Raises:
        ComError: RPC_E_CALL_COMPLETE, always.
        TypeError: ``iid`` is not an IID.
    """
    text = iid_text(iid)
    raise ComError.from_hresult(
        RPC_E_CALL_COMPLETE, f"no call context for {text}: calls here carry no security context"
    )
