"""IDispatch: its interface pointers, and exposing a Python object as a COM object.

* :func:`wrap` makes a Python object a COM object of the calling thread's apartment (a
  :class:`~._gateway.Gateway` over a policy) and returns an interface pointer to it.
* A :class:`DispatchPointer` (pywin32's PyIDispatch) calls through IDispatch: arguments go
  as VARIANTs (:mod:`._variant`), converted here, in the caller's apartment;
  :class:`DispatchExPointer` adds IDispatchEx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from ..errors import DISP_E_BADINDEX, ComError, NotInitializedError
from ._apartment import Apartment, current_apartment, neutral
from ._faces import set_interface_class
from ._gateway import Gateway
from ._iids import IID_IDISPATCH, IID_IDISPATCHEX, iid_text
from ._pointer import InterfacePointer, make_pointer
from ._policy import DispatchPolicy, Policy
from ._proxy import Proxy
from ._typed_values import ByReference, invoke_by_reference
from ._variant import _INT_END, _INT_MIN, _SCALARS, to_variants

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._typeinfo import TypeInfo

__all__ = ["DispatchPointer", "DispatchExPointer", "wrap", "unwrap", "unwrap_policy"]


class DispatchPointer(InterfacePointer):
    """An IDispatch pointer valid in one apartment (pywin32's PyIDispatch)."""

    __slots__ = ()

    def ids_of_names(self, *names: str) -> list[int]:
        """Return the DISPIDs of a member name (and of named arguments) (GetIDsOfNames)."""
        return list(self._gateway().get_ids_of_names(names))

    def invoke(self, dispid: int | str, flags: int, *args: Any) -> Any:  # noqa: ANN401
        """Call, get or put a member by DISPID (or name) as ``flags`` say (Invoke).

        Raises:
            VariantTypeError: an argument cannot be a VARIANT (nothing was sent).
            ComError: the call failed, as the server or COM says.
        """
        for value in args:  # to_variants(args), its common case inlined: each goes as it is
            kind = type(value)
            if kind not in _SCALARS and (kind is not int or not _INT_MIN <= value < _INT_END):
                try:
                    args = to_variants(args)
                except ByReference:  # an out parameter: the slower path (nothing sent yet)
                    return invoke_by_reference(self._gateway(), dispid, flags, args)
                break
        target = self._target
        if type(target) is not Proxy:  # else _gateway() has nothing to check: a proxy checks
            target = self._gateway()  # its own apartment on every call
        return target.invoke(dispid, flags, args)

    def invoke_without_result(self, dispid: int | str, flags: int, *args: Any) -> None:  # noqa: ANN401
        """Invoke without asking for the result (Invoke with no result VARIANT).

        Only by-reference arguments tell the difference: the first value the server returns
        goes to the first of them.
        """
        if args:
            try:
                args = to_variants(args)
            except ByReference:
                pass
            else:
                self._gateway().invoke(dispid, flags, args)
                return
            invoke_by_reference(self._gateway(), dispid, flags, args, result_wanted=False)
            return
        self._gateway().invoke(dispid, flags, args)

    def _type_info(self) -> TypeInfo | None:
        try:
            ask = self._gateway().type_info
        except AttributeError:  # an object of another process: its type information stays there
            return None
        info: TypeInfo | None = ask()
        return info

    def type_info_count(self) -> int:
        """1 if the object gives type information, else 0 (GetTypeInfoCount)."""
        return 0 if self._type_info() is None else 1

    def type_info(self, index: int = 0) -> TypeInfo:
        """The object's type information (GetTypeInfo): its default interface's description.

        Raises:
            ComError: DISP_E_BADINDEX: ``index`` is not 0, or the object has none (a Python
                server without a type library).
        """
        info = self._type_info() if index == 0 else None
        if info is None:
            raise ComError.from_hresult(
                DISP_E_BADINDEX,
                "the object has no type information" if index == 0 else f"no type info {index}",
            )
        return info


class DispatchExPointer(DispatchPointer):
    """An IDispatchEx pointer: IDispatch with names looked up one by one, and enumerated."""

    __slots__ = ()

    def get_dispid(self, name: str, flags: int = 0) -> int:
        """Return the DISPID of ``name`` (GetDispID)."""
        return int(self._gateway().get_dispid(name, flags))

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        """Return the DISPID after ``dispid`` (GetNextDispID); ComError S_FALSE at the end."""
        return int(self._gateway().get_next_dispid(flags, dispid))

    def get_member_name(self, dispid: int) -> str:
        """Return the name of the member ``dispid`` (GetMemberName)."""
        return str(self._gateway().get_member_name(dispid))

    def invoke_ex(self, dispid: int, flags: int, *args: Any) -> Any:  # noqa: ANN401
        """Call, get or put a member (InvokeEx)."""
        if args:
            args = to_variants(args)
        return self._gateway().invoke_ex(dispid, flags, args)


set_interface_class(IID_IDISPATCH, DispatchPointer)
set_interface_class(IID_IDISPATCHEX, DispatchExPointer)


@overload
def wrap(
    obj: object,
    *,
    policy: Callable[[Any], Policy] | None = None,
    apartment: Apartment | None = None,
) -> DispatchPointer: ...


@overload
def wrap(
    obj: object,
    iid: object,
    *,
    policy: Callable[[Any], Policy] | None = None,
    apartment: Apartment | None = None,
) -> InterfacePointer: ...


def wrap(
    obj: object,
    iid: object = IID_IDISPATCH,
    *,
    policy: Callable[[Any], Policy] | None = None,
    apartment: Apartment | None = None,
) -> InterfacePointer:
    """Make ``obj`` a COM object of the calling thread's apartment; return its ``iid``.

    ``obj`` answers through ``policy(obj)`` (:class:`DispatchPolicy` by default); a
    :class:`Policy` given as ``obj`` is used as it is.

    Raises:
        ValueError: the policy cannot wrap the object (no ``_public_methods_``, say).
        NoInterfaceError: the object does not implement ``iid`` (E_NOINTERFACE).
    """
    home = apartment if apartment is not None else _wrapping_apartment()
    if not isinstance(obj, Policy):
        obj = (policy or DispatchPolicy)(obj)
    pointer = make_pointer(Gateway(obj), home, IID_IDISPATCH)
    wanted = iid_text(iid)
    return pointer if wanted == IID_IDISPATCH else pointer.query_interface(wanted)


def _wrapping_apartment() -> Apartment:
    """The caller's apartment; the neutral one for a thread in none (no MTA either).

    pywin32 wraps an object on any thread: a gateway needs no COM. Its raw pointer is then
    called on whichever thread calls it, and marshaled from the apartment that marshals it.
    """
    try:
        return current_apartment()
    except NotInitializedError:
        return neutral()


_SYSTEM_PACKAGE = __name__.rpartition(".")[0] + "."
"""The package of the system's own classes (Scripting.Dictionary, FileSystemObject, their
folders, files and streams...): written in Python here, native code on Windows."""


def _is_system_object(gateway: Gateway) -> bool:
    """Whether ``gateway`` serves one of the system's objects, not a program's Python object."""
    policy = gateway.policy
    owner = policy.obj if policy.obj is not None else policy
    return type(owner).__module__.startswith(_SYSTEM_PACKAGE)


def _home_gateway(pointer: InterfacePointer) -> Gateway:
    target = pointer._gateway()
    if isinstance(target, Proxy):
        raise ValueError("the object lives in another apartment; only a proxy is held here")
    if not isinstance(target, Gateway) or _is_system_object(target):
        # the system's objects are native code on Windows: there is no Python object to give
        raise ValueError(f"{pointer!r} is not a Python COM object")
    return target


def unwrap(pointer: InterfacePointer) -> object:
    """Return the Python object behind an interface pointer of its own apartment.

    Raises:
        ValueError: the pointer is a proxy to an object of another apartment, or its object
            is no Python COM object.
    """
    return _home_gateway(pointer).policy.obj


def unwrap_policy(pointer: InterfacePointer) -> object:
    """Return what answers the calls of a Python COM object: its policy's ``target``.

    Raises:
        ValueError: as :func:`unwrap`.
    """
    return _home_gateway(pointer).policy.target
