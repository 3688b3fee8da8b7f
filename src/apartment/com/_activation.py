"""Activation: where a new object lives, by its threading model and its creator's apartment.

=================  ==============  ==============  ==============  ========  ========
creator            none            Apartment       Free            Both      Neutral
=================  ==============  ==============  ==============  ========  ========
main STA           main STA (obj)  creator (obj)   MTA (proxy)     creator   NA proxy
other STA          main STA proxy  creator (obj)   MTA (proxy)     creator   NA proxy
MTA                main STA proxy  host STA proxy  creator (obj)   creator   NA proxy
=================  ==============  ==============  ==============  ========  ========

"none" is a class that declares no threading model (an empty one too). The MTA is created by
a host thread if none exists; a host STA is started on demand (and becomes the main STA if
there is none yet). The creator gets the object itself in its own apartment, else a proxy.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, final

from .. import messages
from .._fork import OUTER, hold_across_fork
from ..errors import (
    CLASS_E_NOAGGREGATION,
    E_INVALIDARG,
    E_NOINTERFACE,
    ClassNotRegisteredError,
    ComError,
    NoInterfaceError,
)
from ..kernel import Event, start_thread
from ._apartment import Apartment, ApartmentKind, current_apartment, main_sta, neutral
from ._class_entry import (
    CLSCTX_INPROC_HANDLER,
    CLSCTX_INPROC_SERVER,
    CLSCTX_LOCAL_SERVER,
    CLSCTX_SERVER,
    normalize_clsid,
)
from ._class_loading import load_class
from ._class_objects import find_in_process
from ._dispatch import DispatchPointer, wrap
from ._iids import IID_IDISPATCH, IID_IGLOBALINTERFACETABLE, IID_IUNKNOWN, iid_text
from ._launch import activate_local
from ._lifecycle import initialize
from ._marshal import CLSID_STD_GLOBAL_INTERFACE_TABLE, GlobalInterfaceTable, global_table
from ._mta import ensure_mta
from ._proxy import marshal_value
from ._registry import lookup
from ._treat_as import get_treat_as_class

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ._class_entry import ClassEntry
    from ._pointer import InterfacePointer

__all__ = [
    "THREADING_MODELS",
    "check_registered",
    "placement",
    "create_instance",
    "create_object",
    "create_in_process",
    "create_interface",
    "create_interfaces",
    "host_sta",
]

THREADING_MODELS = ("Apartment", "Free", "Both", "Neutral")
"""The threading models a class can declare; anything else (or none) is the legacy model."""


@final
class _HostSta:
    """The host STA, once started (its thread pumps until the process ends), under ``lock``."""

    __slots__ = ("apartment", "lock")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.apartment: Apartment | None = None


_host = _HostSta()


def host_sta() -> Apartment:
    """Return the host STA, starting its thread (which pumps messages forever) if needed."""
    with _host.lock:
        apartment = _host.apartment
        if apartment is not None and apartment.alive:
            return apartment
        ready = Event(manual_reset=True)
        box: list[Apartment] = []

        def serve() -> None:
            initialize(False, host=True)
            box.append(current_apartment())
            ready.set()
            messages.pump_messages()

        start_thread(serve, name="apartment-host-sta")
        ready.wait()
        _host.apartment = box[0]
        return box[0]


def placement(creator: Apartment, threading_model: str | None) -> Apartment:
    """Return the apartment an object of ``threading_model`` created by ``creator`` lives in."""
    model = (threading_model or "").strip().lower()
    if model == "both":
        return creator
    if model == "neutral":
        return neutral()
    if model == "free":
        return creator if creator.kind is ApartmentKind.MTA else ensure_mta()
    if model == "apartment":
        return creator if creator.is_sta else host_sta()
    main = main_sta()
    return main if main is not None else host_sta()


def create_instance(factory: Callable[[], Any], threading_model: str | None) -> Any:  # noqa: ANN401
    """Create an object where its threading model says; return it, or a proxy to it.

    ``factory()`` runs in the object's apartment: on the creator's thread, on an STA's
    thread (which must pump for the creation to complete), or on an MTA thread.

    Raises:
        NotInitializedError: the calling thread is in no apartment (CO_E_NOTINITIALIZED).
    """
    creator = current_apartment()
    return _activate(creator, placement(creator, threading_model), factory)


def _activate(creator: Apartment, target: Apartment, factory: Callable[[], Any]) -> Any:  # noqa: ANN401
    """Run ``factory()`` in ``target``; return its result as valid in ``creator``."""
    if target is creator:
        return factory()
    return creator.call_out(creator, target, _create_there, (factory, target, creator))


def _create_there(factory: Callable[[], Any], target: Apartment, creator: Apartment) -> Any:  # noqa: ANN401
    return marshal_value(factory(), target, creator)


def create_object(name: str, clsctx: int = CLSCTX_SERVER) -> DispatchPointer:
    """Create a registered COM class by ProgID or CLSID string (CoCreateInstance).

    A class object this process registered for the context (:func:`register_class_object`)
    creates it, in its own apartment. Else the class registry says how: in process (the
    class is imported and instantiated in the apartment its ``_reg_threading_`` calls for),
    or in a local server process (one that runs already, or one started now). The caller gets
    an IDispatch pointer valid in its own apartment: the object itself, or a proxy to it.

    Raises:
        ClassStringError: unknown ProgID or malformed CLSID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: not registered for ``clsctx`` (REGDB_E_CLASSNOTREG).
        NotInitializedError: the calling thread is in no apartment (CO_E_NOTINITIALIZED).
        ServerExecError: a local server did not start, or did not register the class in
            time (CO_E_SERVER_EXEC_FAILURE).
    """
    creator = current_apartment()  # CO_E_NOTINITIALIZED before any registry work
    name, entry, clsid = _treated(name)
    registered = find_in_process(clsid, clsctx)
    if registered is not None:  # a class object this process registered serves it
        through: InterfacePointer = _activate(
            creator, registered.home, registered.factory.create_instance
        )
        return _dispatch_of(through)
    entry = entry or lookup(name)
    if entry.clsctx & clsctx & (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER):
        return create_in_process(entry, creator)
    if entry.clsctx & clsctx & CLSCTX_LOCAL_SERVER:
        return _dispatch_of(activate_local(entry, creator))
    raise ClassNotRegisteredError(
        f"{name} is registered for context {entry.clsctx:#x}, not for {clsctx:#x}; "
        "register it for that context (_reg_clsctx_)"
    )


def _treated(name: str) -> tuple[str, ClassEntry | None, str]:
    """The class to create for ``name``: (name or its TreatAs CLSID, entry looked up, CLSID).

    The entry is the one a ProgID's lookup found (None for a CLSID, or a TreatAs). As
    CoGetClassObject, before any class object or server is looked for; one level only.

    Raises:
        ClassStringError: an unknown ProgID or a malformed CLSID (CO_E_CLASSSTRING).
    """
    entry = None if isinstance(name, str) and name.startswith("{") else lookup(name)
    clsid = normalize_clsid(name) if entry is None else entry.clsid
    treated = get_treat_as_class(clsid)
    if treated is None or treated == clsid:
        return name, entry, clsid
    return treated, None, treated


def _dispatch_of(pointer: InterfacePointer) -> DispatchPointer:
    """An IDispatch pointer a class object or a local server gave, typed as one."""
    assert isinstance(pointer, DispatchPointer), pointer  # both are asked for IDispatch
    return pointer


def create_in_process(entry: ClassEntry, creator: Apartment) -> DispatchPointer:
    """Import the registered class and create it where its threading model says, for ``creator``.

    Raises:
        ClassLoadError: its module or class no longer imports.
    """
    cls = load_class(entry)
    target = placement(creator, entry.threading_model)
    pointer: DispatchPointer = _activate(creator, target, lambda: wrap(cls(), apartment=target))
    return pointer


def create_interface(
    clsid: str,
    clsctx: int = CLSCTX_SERVER,
    iid: object = IID_IDISPATCH,
    *,
    outer: object = None,
) -> InterfacePointer | GlobalInterfaceTable:
    """Create an object and return the interface ``iid`` of it (CoCreateInstance in full).

    :data:`CLSID_STD_GLOBAL_INTERFACE_TABLE` gives the process's global interface table; any
    other ProgID or CLSID string is a registered class, created as :func:`create_object` does.

    Raises:
        ComError: CLASS_E_NOAGGREGATION when an ``outer`` object is given: no class here can
            be aggregated.
        NotInitializedError: the calling thread is in no apartment (CO_E_NOTINITIALIZED).
        ClassStringError: unknown ProgID or malformed CLSID (CO_E_CLASSSTRING).
        ClassNotRegisteredError: not registered for ``clsctx`` (REGDB_E_CLASSNOTREG).
        NoInterfaceError: the object does not support ``iid`` (E_NOINTERFACE).
    """
    if not isinstance(clsid, str):
        raise TypeError(f"a class is named by a ProgID or CLSID str, not {clsid!r}")
    if isinstance(clsctx, bool) or not isinstance(clsctx, int):
        raise TypeError(f"a class context is an int of CLSCTX_* flags, not {clsctx!r}")
    if outer is not None:
        _find_class(clsid, clsctx)  # the class is found first, as CoGetClassObject does
        raise ComError.from_hresult(CLASS_E_NOAGGREGATION, "aggregation is not supported")
    if clsid.upper() == CLSID_STD_GLOBAL_INTERFACE_TABLE:
        current_apartment()  # CO_E_NOTINITIALIZED outside an apartment, as for any class
        return global_table()
    return create_object(clsid, clsctx).query_interface(iid)


def _find_class(name: str, clsctx: int) -> None:
    """Check that ``name`` names a class this thread could create for ``clsctx``.

    Raises:
        NotInitializedError, ClassStringError, ClassNotRegisteredError: as
            :func:`create_object`, which looks the class up the same way.
    """
    current_apartment()
    check_registered(name, clsctx)


def check_registered(name: str, clsctx: int) -> None:
    """Check that ``name`` names a class registered for ``clsctx`` (in any thread).

    Raises:
        ClassStringError, ClassNotRegisteredError: as :func:`create_object`.
    """
    if name.upper() == CLSID_STD_GLOBAL_INTERFACE_TABLE:
        return
    name, entry, clsid = _treated(name)
    if find_in_process(clsid, clsctx):
        return
    entry = entry or lookup(name)
    served = CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER
    if not entry.clsctx & clsctx & served:
        raise ClassNotRegisteredError(f"{name} is not registered for context {clsctx:#x}")


def create_interfaces(
    clsid: str,
    clsctx: int,
    iids: Sequence[object],
    *,
    outer: object = None,
) -> list[InterfacePointer | GlobalInterfaceTable | None]:
    """Create one object and return several interfaces of it (CoCreateInstanceEx, locally).

    Each item is the interface of the IID at the same place, or None where the object does not
    implement it (Windows' CO_S_NOTALLINTERFACES, a success).

    Raises:
        ComError: E_INVALIDARG for no IID at all; E_NOINTERFACE when the object implements
            none of them; whatever :func:`create_interface` raises.
    """
    if not iids:
        raise ComError.from_hresult(E_INVALIDARG, "CoCreateInstanceEx asks for no interface")
    wanted = [iid_text(iid) for iid in iids]
    if isinstance(clsid, str) and clsid.upper() == CLSID_STD_GLOBAL_INTERFACE_TABLE:
        table = create_interface(clsid, clsctx, IID_IUNKNOWN, outer=outer)
        found: list[Any] = [
            table if iid in (IID_IUNKNOWN, IID_IGLOBALINTERFACETABLE) else None for iid in wanted
        ]
    else:
        unknown = create_interface(clsid, clsctx, IID_IUNKNOWN, outer=outer)
        found = []
        for iid in wanted:
            try:
                found.append(unknown.query_interface(iid))  # type: ignore[union-attr]
            except NoInterfaceError:
                found.append(None)
    if all(item is None for item in found):
        raise ComError.from_hresult(E_NOINTERFACE, "the object implements none of the IIDs")
    return found
