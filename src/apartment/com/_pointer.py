"""Interface pointers: a reference to one interface of a COM object, valid in one apartment.

An :class:`InterfacePointer` holds its object's *target* and the apartment it is valid in:

* a :class:`~._gateway.Gateway` (a Python COM server) in the object's own apartment, or a
  :class:`~._proxy.Proxy` to one anywhere else;
* or a native object of this layer (a memory stream), which is agile: valid everywhere.

Used from another apartment than its own, a pointer raises RPC_E_WRONG_THREAD, as a proxy
does on Windows (a call from a thread in no apartment at all: CO_E_NOTINITIALIZED; its
QueryInterface: RPC_E_WRONG_THREAD). A raw pointer to an apartment-threaded object raises
it too: Windows cannot see that misuse and leaves it undefined (the call runs on the wrong
thread); we own every object, so we tell (semantics.md, section 10, choice 10). Marshal it
(a stream, the GIT) to use the object from another apartment. An object wrapped on a thread
in no apartment lives in the neutral apartment: any thread may call it.

A target answers three calls, run in the object's apartment: ``resolve(iid)`` (QueryInterface:
None when it implements ``iid`` itself, an interface pointer that stands for it, or
NoInterfaceError), ``call(method, args, returns)`` (a method of an interface other than
IDispatch, by name) and, for IDispatch, the calls of :class:`~._dispatch.DispatchPointer`.

Each IID has its pointer class (:mod:`._faces`); :meth:`InterfacePointer.query_interface`
gives the pointer that class, so a face (the pywin32 facade) sees its own classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import NoInterfaceError, NotInitializedError, WrongThreadError
from . import _live
from ._apartment import Apartment, ApartmentKind, current_apartment, neutral
from ._faces import FACES, interface_class
from ._iids import IID_IUNKNOWN, iid_text
from ._marshalers import is_registered
from ._proxy import _DISCONNECTED, Proxy, marshal_value

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Self

__all__ = ["InterfacePointer", "make_pointer", "pointer_class", "set_free_threaded_check"]


class InterfacePointer:
    """A pointer to one interface (``iid``) of a COM object, valid in one apartment (IUnknown).

    Subclasses add the methods of an interface; a face (the facade) subclasses them again to
    add its own names. Two pointers are equal when they reach the same object, whatever
    their interfaces (COM's identity rule).
    """

    __slots__ = ("__weakref__", "_apartment", "_target", "iid")

    def __init__(self, target: Any, apartment: Apartment, iid: str = IID_IUNKNOWN) -> None:  # noqa: ANN401
        self._target = target
        self._apartment = apartment
        self.iid = iid
        if _live.pointers is not None:  # counting (pywin32's _GetInterfaceCount)
            _live.pointers.add(self)

    @classmethod
    def of(cls, pointer: InterfacePointer, iid: str | None = None) -> Self:
        """Return ``pointer`` as a ``cls``: the same object and apartment, another face.

        This is how a face's subclass (the facade's PyIDispatch) takes the core's pointers;
        a pointer that is a ``cls`` of the same IID already comes back as it is.
        """
        iid = pointer.iid if iid is None else iid
        if isinstance(pointer, cls) and pointer.iid == iid:
            return pointer
        return cls(pointer._target, pointer._apartment, iid)

    def __repr__(self) -> str:
        kind = "proxy" if isinstance(self._target, Proxy) else "object"
        return f"<{type(self).__name__} at {id(self):#x} ({kind} in {self._apartment!r})>"

    def _gateway(self) -> Any:  # noqa: ANN401
        """The target, after checking the pointer may be used on this thread."""
        target = self._target
        if isinstance(target, Proxy) or self._apartment.kind is ApartmentKind.NA:
            return target  # a proxy checks its own apartment on every call
        caller = current_apartment()
        if caller is not self._apartment:
            raise WrongThreadError(
                f"this interface pointer belongs to {self._apartment!r}, not to {caller!r}; "
                "marshal it (CoMarshalInterThreadInterfaceInStream) to use it here"
            )
        return target

    def _call(self, method: str, *args: Any, returns: str = "") -> Any:  # noqa: ANN401
        """Call ``method`` of this interface on the object, in its apartment.

        ``returns`` names the rule its result follows (see :mod:`._returns`).
        """
        return self._gateway().call(method, args, returns)

    def query_interface(self, iid: object, face: object = None) -> InterfacePointer:
        """Return a pointer to the interface ``iid`` of the same object (QueryInterface).

        ``face`` gives the result the class of another IID (pywin32's ``useIID``: ask for
        an interface with no class of its own, use it as IDispatch).

        Raises:
            NoInterfaceError: the object does not implement ``iid``, or it is in another
                apartment and ``iid`` has no marshaler (E_NOINTERFACE; see ``_marshalers``).
            TypeError: ``iid`` is not an IID; or no pointer class exists for the IID the
                result is to have (pywin32's message).
            ClassStringError: ``iid`` is a malformed IID string (CO_E_CLASSSTRING).
        """
        wanted = iid_text(iid)
        face_iid = wanted if face is None else iid_text(face)
        target = self._target
        if (
            isinstance(target, Proxy) or getattr(type(target), "reached_from_anywhere", False)
        ) and not (pointer_class(wanted) is not None or is_registered(wanted)):
            raise NoInterfaceError(
                f"the interface {wanted} has no marshaler (no pointer class, not registered "
                "with apartment.com.register_interface): it cannot cross apartments"
            )
        if isinstance(target, Proxy):
            _check_query(self)
        found = self._gateway().resolve(wanted)
        cls = pointer_class(face_iid)
        if cls is None:
            raise TypeError("There is no interface object registered that supports this IID")
        if found is None:
            return cls(self._target, self._apartment, face_iid)
        result: InterfacePointer = cls.of(found, face_iid)
        return result

    def __apartment_marshal__(self, source: Apartment, dest: Apartment) -> InterfacePointer:
        """Give the receiving apartment a pointer of its own to the same object.

        An object that aggregates the free-threaded marshaler (:mod:`._ftm`) comes as itself,
        usable from every apartment of the process.
        """
        target = self._target
        check = _free_threaded[0]
        if check is not None and dest.kind is not ApartmentKind.REMOTE and check(target):
            return type(self)(target, neutral(), self.iid)
        moved = marshal_value(target, self._apartment, dest)
        agile = moved is target and not isinstance(target, Proxy)  # a native object of ours
        if agile and getattr(target, "reached_from_anywhere", False):
            agile = False  # a reference (to another process's object): each apartment its own
        home = self._apartment if agile else dest
        return type(self)(moved, home, self.iid)

    @property
    def object_id(self) -> int:
        """A number that names the object this pointer reaches (COM's IUnknown address).

        Every pointer to one object has the same, whatever its interface or apartment; it
        stays the object's while any pointer to it lives.
        """
        return id(_identity(self._target))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InterfacePointer):
            return NotImplemented
        return _identity(self._target) is _identity(other._target)

    def __hash__(self) -> int:
        return id(_identity(self._target))


_free_threaded: list[Callable[[Any], bool] | None] = [None]


def set_free_threaded_check(check: Callable[[Any], bool]) -> None:
    """Install the test of a server that aggregates the free-threaded marshaler (``_ftm``)."""
    _free_threaded[0] = check


def _identity(target: object) -> object:
    """What two pointers to one object share: its target (its stub, once disconnected)."""
    if isinstance(target, Proxy):
        stub = target._stub
        return stub if stub.obj is _DISCONNECTED else stub.obj
    return target


def pointer_class(iid: str) -> type[InterfacePointer] | None:
    """Return the pointer class of ``iid`` (IUnknown's for IUnknown), None if it has none."""
    cls = interface_class(iid)
    if cls is None and iid == IID_IUNKNOWN:
        cls = FACES.unknown or InterfacePointer
    return cls


def _check_query(pointer: InterfacePointer) -> None:
    """QueryInterface of a proxy from a thread in no apartment: RPC_E_WRONG_THREAD.

    On Windows the proxy manager answers so before it looks at the IID (a call through the
    proxy from there is CO_E_NOTINITIALIZED instead); Wine's ole32 answers the QI.
    """
    try:
        current_apartment()
    except NotInitializedError:
        raise WrongThreadError(
            f"this interface pointer belongs to {pointer._apartment!r}, and this thread is in "
            "no apartment; marshal it (CoMarshalInterThreadInterfaceInStream) to use it here"
        ) from None


def make_pointer(target: object, apartment: Apartment, iid: str) -> InterfacePointer:
    """Return a pointer of ``iid``'s class (IUnknown's if it has none) to ``target``."""
    cls = interface_class(iid) or FACES.unknown or InterfacePointer
    pointer: InterfacePointer = cls(target, apartment, iid)
    return pointer
