"""IDispatch: interface pointers, the server-side gateway, and the late-bound client.

* A :class:`Gateway` exposes a Python object through a :class:`DispatchPolicy`; it lives in
  the object's apartment.
* An :class:`InterfacePointer` (pywin32's PyIDispatch) is valid in one apartment: it holds
  the gateway itself there, or a proxy to it. Used from another apartment it raises
  RPC_E_WRONG_THREAD, as a proxy does on Windows (and, here, as a raw pointer to an
  apartment-threaded object does too: we can tell).
* A :class:`DispatchClient` (pywin32's dynamic CDispatch) turns attribute access into
  GetIDsOfNames and Invoke, with pywin32's rules for telling methods from properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, final

from ..errors import (
    DISP_E_BADPARAMCOUNT,
    DISP_E_MEMBERNOTFOUND,
    DISP_E_PARAMNOTOPTIONAL,
    DISP_E_TYPEMISMATCH,
    E_INVALIDARG,
    ComError,
    NoInterfaceError,
    WrongThreadError,
)
from ._apartment import Apartment, ApartmentKind, current_apartment
from ._policy import (
    DISPATCH_METHOD,
    DISPATCH_PROPERTYGET,
    DISPATCH_PROPERTYPUT,
    DISPID_VALUE,
    DispatchPolicy,
    server_error,
)
from ._proxy import _DISCONNECTED, Proxy, marshal_value

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "IID_IUNKNOWN",
    "IID_IDISPATCH",
    "Gateway",
    "InterfacePointer",
    "DispatchClient",
    "wrap",
    "unwrap",
]

IID_IUNKNOWN = "{00000000-0000-0000-C000-000000000046}"
IID_IDISPATCH = "{00020400-0000-0000-C000-000000000046}"
_SUPPORTED = {IID_IUNKNOWN, IID_IDISPATCH}

# A property get failing with one of these means "this name is a method" (pywin32 dynamic).
_BAD_CONTEXT = {
    DISP_E_MEMBERNOTFOUND,
    DISP_E_BADPARAMCOUNT,
    DISP_E_PARAMNOTOPTIONAL,
    DISP_E_TYPEMISMATCH,
    E_INVALIDARG,
}


@final
class Gateway:
    """The server end of IDispatch for one Python object; lives in the object's apartment."""

    __slots__ = ("__weakref__", "policy")

    def __init__(self, policy: DispatchPolicy) -> None:
        self.policy = policy

    def __repr__(self) -> str:
        return f"<Gateway of {type(self.policy.obj).__name__}>"

    def get_ids_of_names(self, names: tuple[str, ...]) -> list[int]:
        """GetIDsOfNames, run in the object's apartment."""
        return self.policy.get_ids_of_names(names)

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """Invoke, run in the object's apartment; errors become the client's ComError."""
        try:
            return self.policy.invoke(dispid, flags, args)
        except BaseException as error:
            raise server_error(error) from None


class InterfacePointer:
    """An IDispatch pointer valid in one apartment (pywin32's PyIDispatch).

    The facade subclasses it to add pywin32's method names; marshaling keeps the subclass.

    It holds the :class:`Gateway` itself in the object's own apartment, else a proxy to it.
    Marshal it (a stream, the GIT) to use the object from another apartment.
    """

    __slots__ = ("__weakref__", "_apartment", "_target", "iid")

    def __init__(
        self, target: Gateway | Proxy, apartment: Apartment, iid: str = IID_IDISPATCH
    ) -> None:
        self._target = target
        self._apartment = apartment
        self.iid = iid

    @classmethod
    def of(cls, pointer: InterfacePointer) -> Self:
        """Return ``pointer`` as a ``cls``: the same object, apartment and IID, another face.

        This is how the facade's PyIDispatch (a subclass that adds pywin32's method names)
        takes the core's pointers; a pointer that is a ``cls`` already comes back as it is.
        """
        if isinstance(pointer, cls):
            return pointer
        return cls(pointer._target, pointer._apartment, pointer.iid)

    def __repr__(self) -> str:
        kind = "proxy" if isinstance(self._target, Proxy) else "object"
        return f"<PyIDispatch at {id(self):#x} ({kind} in {self._apartment!r})>"

    def _gateway(self) -> Gateway | Proxy:
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

    def ids_of_names(self, *names: str) -> list[int]:
        """Return the DISPIDs of a member name (and of named arguments) (GetIDsOfNames)."""
        return self._gateway().get_ids_of_names(names)

    def invoke(self, dispid: int | str, flags: int, *args: Any) -> Any:  # noqa: ANN401
        """Call, get or put a member by DISPID as ``flags`` say (Invoke)."""
        return self._gateway().invoke(dispid, flags, args)

    def query_interface(self, iid: object) -> InterfacePointer:
        """Return this pointer for IUnknown and IDispatch; anything else is E_NOINTERFACE."""
        wanted = str(iid).upper()
        if wanted not in _SUPPORTED:
            raise NoInterfaceError(f"the object supports IUnknown and IDispatch, not {iid}")
        self._gateway()
        return self

    def __apartment_marshal__(self, source: Apartment, dest: Apartment) -> InterfacePointer:
        """Give the receiving apartment a pointer of its own to the same object."""
        moved: Gateway | Proxy = marshal_value(self._target, self._apartment, dest)
        return type(self)(moved, dest, self.iid)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InterfacePointer):
            return NotImplemented
        return _identity(self._target) is _identity(other._target)

    def __hash__(self) -> int:
        return id(_identity(self._target))


def _identity(target: Gateway | Proxy) -> object:
    """What two pointers to one object share: its gateway (its stub, once disconnected)."""
    if isinstance(target, Proxy):
        stub = target._stub
        return stub if stub.obj is _DISCONNECTED else stub.obj
    return target


def wrap(obj: object, apartment: Apartment | None = None) -> InterfacePointer:
    """Expose a Python object through IDispatch in the calling thread's apartment.

    Raises:
        ValueError: the object has no ``_public_methods_``.
    """
    home = apartment if apartment is not None else current_apartment()
    return InterfacePointer(Gateway(DispatchPolicy(obj)), home)


def unwrap(pointer: InterfacePointer) -> object:
    """Return the Python object behind an interface pointer of its own apartment.

    Raises:
        ValueError: the pointer is a proxy to an object of another apartment.
    """
    target = pointer._gateway()
    if isinstance(target, Proxy):
        raise ValueError("the object lives in another apartment; only a proxy is held here")
    return target.policy.obj


class DispatchClient:
    """Late-bound access to an IDispatch object, as pywin32's dynamic CDispatch gives it.

    ``client.Name`` gets a property, or returns a method when the member is not a property;
    ``client.Name = value`` puts one; unknown names raise AttributeError. Names that begin and
    end with an underscore are never looked up on the object.

    The client's own attributes begin with an underscore, as namedtuple's ``_fields`` do, so
    that they never hide a member of the object: ``_pointer`` is the :class:`InterfacePointer`
    it calls through, ``_name`` the name it shows in ``repr()`` and in errors. A subclass can
    change how arguments are passed (:meth:`_argument`); results that are interface pointers
    come back as clients of the same class.
    """

    _pointer: InterfacePointer
    _name: str
    _methods: dict[str, int]  # names found to be methods, and their DISPIDs

    def __init__(self, pointer: InterfacePointer, name: str | None = None) -> None:
        self.__dict__["_pointer"] = pointer
        self.__dict__["_name"] = name or "<unknown>"
        self.__dict__["_methods"] = {}

    def __repr__(self) -> str:
        return f"<COMObject {self._name}>"

    @staticmethod
    def _argument(value: object) -> object:
        """Pass a client as its interface pointer; anything else as it is."""
        return value._pointer if isinstance(value, DispatchClient) else value

    @classmethod
    def _result(cls, value: object, name: str | None = None) -> Any:  # noqa: ANN401
        """Turn interface pointers in a result into clients of this class, as pywin32 does."""
        if isinstance(value, InterfacePointer):
            return cls(value, name)
        if isinstance(value, tuple):
            return tuple(cls._result(item) for item in value)
        return value

    def _dispid(self, name: str) -> int:
        try:
            return int(self._pointer.ids_of_names(name)[0])
        except ComError:
            raise AttributeError(f"{self._name}.{name}") from None

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        if name.startswith("_") and name.endswith("_"):
            raise AttributeError(name)
        methods = self._methods
        if name in methods:
            return _ClientMethod(self, name, methods[name])
        dispid = self._dispid(name)
        try:
            result = self._pointer.invoke(dispid, DISPATCH_PROPERTYGET)
        except ComError as error:
            if error.hresult in _BAD_CONTEXT:
                methods[name] = dispid  # not a property: a method
                return _ClientMethod(self, name, dispid)
            raise
        return self._result(result, name)

    def __setattr__(self, name: str, value: object) -> None:
        if name in self.__dict__:
            self.__dict__[name] = value
            return
        try:
            dispid = self._pointer.ids_of_names(name)[0]
        except ComError:
            raise AttributeError(f"Property '{self._name}.{name}' can not be set.") from None
        self._pointer.invoke(dispid, DISPATCH_PROPERTYPUT, self._argument(value))

    def __call__(self, *args: Any) -> Any:  # noqa: ANN401
        return _ClientMethod(self, self._name, DISPID_VALUE)(*args)

    def __eq__(self, other: object) -> bool:
        return bool(self._pointer == self._argument(other))

    def __hash__(self) -> int:
        return hash(self._pointer)


_METHOD_OR_GET = DISPATCH_METHOD | DISPATCH_PROPERTYGET


@final
class _ClientMethod:
    """A method of a DispatchClient; calling it invokes DISPATCH_METHOD."""

    __slots__ = ("client", "dispid", "name")

    def __init__(self, client: DispatchClient, name: str, dispid: int) -> None:
        self.client = client
        self.name = name
        self.dispid = dispid

    def __call__(self, *args: Any) -> Any:  # noqa: ANN401
        client = self.client
        result = client._pointer.invoke(self.dispid, _METHOD_OR_GET, *map(client._argument, args))
        return client._result(result, self.name)
