"""The late-bound client: attribute access turned into GetIDsOfNames and Invoke.

A :class:`DispatchClient` is pywin32's dynamic CDispatch in the core: ``client.Name`` gets a
property, or gives a method when the member is not a property; ``client.Name = value`` puts
one; ``client(...)`` calls the default member; ``client[i]`` and ``for item in client`` walk
the object's enumerator (``_NewEnum``) or its ``Item``; ``len(client)`` is its ``Count``.
Results that are interface pointers come back as clients of the same class.
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
)
from ._iids import IID_IDISPATCH, IID_IENUMVARIANT, IID_IUNKNOWN
from ._pointer import InterfacePointer
from ._policy import (
    DISPATCH_METHOD,
    DISPATCH_PROPERTYGET,
    DISPATCH_PROPERTYPUT,
    DISPATCH_PROPERTYPUTREF,
    DISPID_NEWENUM,
    DISPID_VALUE,
)
from ._sentinels import ARG_NOT_FOUND

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._dispatch import DispatchPointer
    from ._typed import EnumVariantPointer

__all__ = ["DispatchClient", "Enumerator"]

# A property get failing with one of these means "this name is a method" (pywin32 dynamic).
BAD_CONTEXT = frozenset(
    {
        DISP_E_MEMBERNOTFOUND,
        DISP_E_BADPARAMCOUNT,
        DISP_E_PARAMNOTOPTIONAL,
        DISP_E_TYPEMISMATCH,
        E_INVALIDARG,
    }
)
_METHOD_OR_GET = DISPATCH_METHOD | DISPATCH_PROPERTYGET
_PLAIN = frozenset({type(None), bool, int, float, str})
"""Values the client's hooks never change: they go and come back as they are."""
_PUT_OR_PUTREF = DISPATCH_PROPERTYPUT | DISPATCH_PROPERTYPUTREF


class DispatchClient:
    """Late-bound access to an IDispatch object, as pywin32's dynamic CDispatch gives it.

    Unknown names raise AttributeError; names that begin and end with an underscore are
    never looked up on the object. The client's own attributes begin with an underscore, as
    namedtuple's ``_fields`` do, so that they never hide a member of the object:
    ``_pointer`` is the :class:`~._dispatch.DispatchPointer` it calls through, ``_name`` the
    name it shows in ``repr()`` and in errors. A subclass can change how arguments are
    passed (:meth:`_argument`) and results returned (:meth:`_result`); a method call passes
    plain values (None, bool, int, float, str) and plain results by them, as they are.
    A name found to be a method is kept in the instance dict (see :meth:`_method`).
    """

    _pointer: DispatchPointer
    _invoke: Callable[..., Any]  # the pointer's invoke, as _invoker gives it
    _name: str
    _methods: dict[str, int]  # names found to be methods, and their DISPIDs
    _enum: Enumerator | None

    def __init__(self, pointer: DispatchPointer, name: str | None = None) -> None:
        self.__dict__["_pointer"] = pointer
        self.__dict__["_invoke"] = self._invoker(pointer)
        self.__dict__["_name"] = name or "<unknown>"
        self.__dict__["_methods"] = {}
        self.__dict__["_enum"] = None

    @staticmethod
    def _invoker(pointer: DispatchPointer) -> Callable[..., Any]:
        """What the client's calls go through: the pointer's ``invoke``.

        A subclass may wrap it, as the facade does to raise pywin32's exception classes.
        """
        return pointer.invoke

    @property
    def __com_interface__(self) -> InterfacePointer:
        """The pointer the client stands for, when it is passed in a COM call."""
        return self._pointer

    def __repr__(self) -> str:
        return f"<COMObject {self._name}>"

    def __str__(self) -> str:
        try:
            return str(self())
        except ComError as error:
            if error.hresult not in BAD_CONTEXT:
                raise
            return repr(self)

    def __int__(self) -> int:
        return int(self())

    def __bool__(self) -> bool:
        return True  # never falls back to __len__

    @staticmethod
    def _argument(value: object) -> object:
        """Pass a client as its interface pointer; anything else as it is."""
        return value._pointer if isinstance(value, DispatchClient) else value

    @classmethod
    def _result(cls, value: object, name: str | None = None) -> Any:  # noqa: ANN401
        """Turn interface pointers in a result into clients of this class, as pywin32 does.

        pywin32's dynamic clients name a single object result ``<unknown>`` whatever ``name``
        is, and give ``name`` (the method's) to the objects of a tuple result only.
        """
        if isinstance(value, InterfacePointer):
            return cls._client_of(value, None)
        if isinstance(value, tuple):
            return tuple(
                cls._client_of(item, name)
                if isinstance(item, InterfacePointer)
                else cls._result(item)
                for item in value
            )
        return value

    @classmethod
    def _client_of(cls, pointer: InterfacePointer, name: str | None) -> Any:  # noqa: ANN401
        if pointer.iid == IID_IUNKNOWN:
            try:
                pointer = pointer.query_interface(IID_IDISPATCH)
            except ComError:
                return pointer  # an IUnknown only: it stays one
        elif pointer.iid != IID_IDISPATCH and not hasattr(pointer, "invoke"):
            return pointer
        return cls(pointer, name)  # type: ignore[arg-type]

    def _dispid(self, name: str) -> int:
        try:
            return int(self._pointer.ids_of_names(name)[0])
        except ComError:
            raise AttributeError(f"{self._name}.{name}") from None

    def _find(self, name: str) -> int | None:
        """The DISPID of ``name`` if the object has such a member, else None."""
        try:
            return int(self._pointer.ids_of_names(name)[0])
        except ComError:
            return None

    def _flag_as_method(self, *names: str) -> None:
        """Treat ``names`` as methods, for objects that answer a property get for them too."""
        for name in names:
            self._methods[name] = self._dispid(name)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401
        if name.startswith("_") and name.endswith("_"):
            raise AttributeError(name)
        methods = self._methods
        if name in methods:
            return self._method(name, methods[name])
        dispid = self._dispid(name)
        try:
            result = self._invoke(dispid, DISPATCH_PROPERTYGET)
        except ComError as error:
            if error.hresult in BAD_CONTEXT:
                methods[name] = dispid  # not a property: a method
                return self._method(name, dispid)
            raise
        return self._result(result)  # pywin32 names no property's result

    def _method(self, name: str, dispid: int) -> _ClientMethod:
        """The method ``name``, kept in the instance dict: ``client.name`` then finds it there.

        As pywin32 keeps the methods it built: a name once a method stays one, and the next
        ``client.name`` costs no ``__getattr__`` (nor GetIDsOfNames). The method holds the
        pointer, not the client, so the client and its method make no reference cycle.
        """
        method = _ClientMethod(self, name, dispid)
        self.__dict__[name] = method  # one entry per name; a racing thread writes its twin
        return method

    def __setattr__(self, name: str, value: object) -> None:
        own = self.__dict__
        if name in own and type(own[name]) is not _ClientMethod:  # the client's own attribute
            own[name] = value
            return
        dispid = self._find(name)
        if dispid is not None:
            try:
                self._invoke(dispid, DISPATCH_PROPERTYPUT, self._argument(value))
                return
            except ComError:
                if self._described_property(dispid):
                    raise  # the object's own refusal (a wrong type, a value out of range)
        raise AttributeError(f"Property '{self._name}.{name}' can not be set.")

    def _described_property(self, dispid: int) -> bool:
        """Whether the type information has a one-value property put or a variable ``dispid``.

        pywin32's dynamic client puts such a property from its type information and lets
        the put's error through; any other failed put is "can not be set" (AttributeError).
        """
        try:
            info = self._pointer.type_info()
            attributes = info.attributes()
            for index in range(attributes.func_count):
                desc = info.function(index)
                if desc.memid == dispid and desc.invkind & _PUT_OR_PUTREF:
                    return len(desc.params) == 1  # an indexed one is a method (SetItem)
            return any(
                info.variable(index).memid == dispid for index in range(attributes.var_count)
            )
        except (ComError, AttributeError):  # no type information (a Python server)
            return False

    def __call__(self, *args: Any) -> Any:  # noqa: ANN401
        return _ClientMethod(self, self._name, DISPID_VALUE, _METHOD_OR_GET)(*args)

    def __len__(self) -> int:
        dispid = self._find("Count")
        if dispid is None:
            raise TypeError("This dispatch object does not define a Count method")
        return int(self._invoke(dispid, _METHOD_OR_GET))

    def _enumerator(self) -> Enumerator | None:
        """The object's enumerator (``_NewEnum``), or None when it has none."""
        try:
            found = self._invoke(DISPID_NEWENUM, _METHOD_OR_GET)
            items: EnumVariantPointer = found.query_interface(IID_IENUMVARIANT)
        except (ComError, AttributeError):
            return None
        return Enumerator(items, type(self))

    def __getitem__(self, index: object) -> Any:  # noqa: ANN401
        if isinstance(index, int):
            if self._enum is None:
                self.__dict__["_enum"] = self._enumerator()
            if self._enum is not None:
                return self._enum[index]
        dispid = self._find("Item")
        if dispid is not None:
            return self._result(self._invoke(dispid, _METHOD_OR_GET, index))
        raise TypeError("This object does not support enumeration")

    def __setitem__(self, index: object, value: object) -> None:
        self._invoke(DISPID_VALUE, _PUT_OR_PUTREF, index, self._argument(value))

    def __eq__(self, other: object) -> bool:
        return bool(self._pointer == self._argument(other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._pointer)


@final
class _ClientMethod:
    """A method of a DispatchClient; calling it invokes it (DISPATCH_METHOD).

    It keeps the client's pointer and hooks, not the client (see ``DispatchClient._method``).
    Plain arguments (None, bool, int, float, str) go as they are, and plain results come back
    as they are, without the client's ``_argument`` and ``_result`` hooks: the hooks change
    only clients, pointers and tuples.
    """

    __slots__ = (
        "argument", "dispid", "flags", "invoke", "most", "name", "owner", "pointer", "result",
    )  # fmt: skip

    def __init__(
        self, client: DispatchClient, name: str, dispid: int, flags: int = DISPATCH_METHOD
    ) -> None:
        self.pointer = client._pointer  # its type information names the parameters
        self.invoke = client._invoke
        self.argument = client._argument
        self.result = client._result
        self.name = name
        self.owner = client._name  # for repr() only: the method does not keep its client
        self.dispid = dispid
        self.flags = flags  # a named method: METHOD; the default member: METHOD|PROPERTYGET
        # a method the type information declares takes no more than its parameters, as
        # pywin32's method built from it (a Python function of those parameters)
        self.most = _declared_most(self.pointer, dispid) if flags == DISPATCH_METHOD else None

    def __repr__(self) -> str:
        # pywin32's methods are bound methods of the CDispatch: repr() says so.
        return f"<bound method {self.name} of <COMObject {self.owner}>>"

    def __call__(self, *args: Any, **named: Any) -> Any:  # noqa: ANN401
        most = self.most
        if most is not None and len(args) > most:
            raise _too_many(self.name, most, len(args))
        if named:
            args = self._placed(args, named)
        for arg in args:
            if type(arg) not in _PLAIN:  # else, the common case, the tuple goes as it is
                argument = self.argument
                args = tuple([argument(arg) for arg in args])
                break
        result = self.invoke(self.dispid, self.flags, *args)
        if type(result) in _PLAIN:
            return result
        return self.result(result, self.name)

    def _placed(self, args: tuple[Any, ...], named: dict[str, Any]) -> tuple[Any, ...]:
        """Put arguments given by name in their places, by the object's type information.

        As pywin32's dynamic client builds a method from the object's type information (its
        parameters' names), and refuses names without it. A place left between is an
        argument not given (ARG_NOT_FOUND: the server takes its default).
        """
        first = next(iter(named))
        try:
            params = self.pointer.type_info().names(self.dispid)[1:]
        except (ComError, AttributeError):  # no type information (or no such interface)
            raise TypeError(f"{self.name}() got an unexpected keyword argument {first!r}") from None
        folded = [param.casefold() for param in params]
        placed = list(args)
        for key, value in named.items():
            try:
                index = folded.index(key.casefold())
            except ValueError:
                raise TypeError(
                    f"{self.name}() got an unexpected keyword argument {key!r}"
                ) from None
            if index < len(args):
                raise TypeError(f"{self.name}() got multiple values for argument {key!r}")
            placed.extend([ARG_NOT_FOUND] * (index + 1 - len(placed)))
            placed[index] = value
        return tuple(placed)


def _too_many(name: str, most: int, given: int) -> TypeError:
    """Python's own error for a call of ``def name(self, <most optional parameters>)``."""
    takes = f"from 1 to {most + 1} positional arguments" if most else "1 positional argument"
    return TypeError(f"{name}() takes {takes} but {given + 1} were given")


def _declared_most(pointer: DispatchPointer, dispid: int) -> int | None:
    """How many arguments the type information lets method ``dispid`` take (None: any).

    A property get with parameters (``Item(key)``) is called as a method, as pywin32's
    dynamic client makes it one.
    """
    try:
        if not pointer.type_info_count():
            return None  # a Python server: no type information, no limit
        info = pointer.type_info()
        for index in range(info.attributes().func_count):
            desc = info.function(index)
            if desc.memid == dispid and (
                desc.invkind == DISPATCH_METHOD
                or (desc.invkind == DISPATCH_PROPERTYGET and desc.params)  # a method too
            ):
                return None if desc.opt_count == -1 else len(desc.params)
    except (ComError, AttributeError):
        return None
    return None


class Enumerator:
    """Indexed access to an enumerator: ``e[i]`` moves it as needed (pywin32's EnumVARIANT).

    Walking it in order costs one Next per item; an index out of sequence resets and
    skips. Items that are interface pointers come back as clients of ``client_class``.
    """

    def __init__(
        self, items: EnumVariantPointer, client_class: type[DispatchClient] = DispatchClient
    ) -> None:
        self._items = items
        self._client_class = client_class
        self._index = -1

    def __getitem__(self, index: int) -> Any:  # noqa: ANN401
        return self._at(index)

    def __call__(self, index: int) -> Any:  # noqa: ANN401
        return self._at(index)

    def _at(self, index: int) -> Any:  # noqa: ANN401
        if not isinstance(index, int):
            raise TypeError("Only integer indexes are supported for enumerators")
        if index != self._index + 1:  # out of sequence: start again
            self._items.reset()
            if index:
                self._items.skip(index)
        self._index = index
        found = self._items.fetch(1)
        if found:
            return self._client_class._result(found[0])
        raise IndexError("list index out of range")

    def fetch(self, count: int = 1) -> tuple[Any, ...]:
        """Return the next ``count`` items."""
        return tuple(self._client_class._result(item) for item in self._items.fetch(count))

    def reset(self) -> None:
        """Go back to the first item."""
        self._items.reset()

    def clone(self) -> Enumerator:
        """Return an enumerator at the same place."""
        return Enumerator(self._items.clone(), self._client_class)
