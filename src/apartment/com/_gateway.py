"""The gateway: the COM object a Python server is, in the server's apartment.

A :class:`Gateway` wraps a :class:`~._policy.Policy` and is the target its interface
pointers reach (directly at home, through a proxy elsewhere). Every method runs in the
object's apartment, and turns what the policy raises into the error the client gets
(:mod:`._server_errors`): IDispatch's calls (``invoke``, ``invoke_ex``) with DISP_E_EXCEPTION
semantics, every other interface's methods (``call``, GetIDsOfNames, IDispatchEx's
lookups) with the scode as the HRESULT. Results are converted as VARIANTs (:mod:`._variant`)
on their way out, here, so a result that cannot be one is the server's error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, final

from ..errors import NoInterfaceError
from . import _live
from ._coerce import Coercions, coerce, coercions
from ._iids import DERIVED_IIDS, DISPATCH_IIDS, GATEWAY_IIDS, iid_text
from ._pointer import InterfacePointer
from ._policy import FIRST_DISPID
from ._returns import RETURNS
from ._server_errors import dispatch_error, native_error
from ._typed_values import write_back
from ._typelibs import described_type
from ._variant import SCALARS, VariantTypeError, result_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from ._policy import Policy
    from ._typeinfo import TypeInfo

__all__ = ["Gateway", "declared_events"]


def declared_events(source: type | object) -> dict[int, str]:
    """The events a source declares in ``_public_events_``: DISPID -> name.

    A list takes DISPIDs from 1000 on in its order; a mapping of names to DISPIDs gives
    them as a type library would (IE's DocumentComplete is 259 whatever else it fires).
    """
    names = getattr(source, "_public_events_", ())
    if isinstance(names, dict):
        return {int(dispid): str(name) for name, dispid in names.items()}
    return {FIRST_DISPID + index: str(name) for index, name in enumerate(names)}


_METHOD = 1


@final
class Gateway:
    """The server end of one Python COM object; lives in the object's apartment."""

    __slots__ = ("__weakref__", "_coercions", "policy")

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        # what an object with type information converts its arguments to (DispInvoke's
        # coercion: ._coerce); built on the first call, {} for an object without any
        self._coercions: Coercions | None = None
        if _live.gateways is not None:  # counting (pywin32's _GetGatewayCount)
            _live.gateways.add(self)

    def __repr__(self) -> str:
        return f"<Gateway of {type(self.policy.obj).__name__}>"

    def resolve(self, iid: str) -> InterfacePointer | None:
        """QueryInterface: None if this object implements ``iid``, else what stands for it.

        Raises:
            NoInterfaceError: the object does not implement it (E_NOINTERFACE).
        """
        if iid in DISPATCH_IIDS:
            return None
        try:
            answer = self.policy.query_interface(iid)
        except BaseException as error:
            raise native_error(error, "QueryInterface") from None
        if isinstance(answer, InterfacePointer):
            return answer
        if answer and iid in GATEWAY_IIDS:
            return None
        if any(self._implements(derived) for derived in DERIVED_IIDS.get(iid, ())):
            return None  # a base of an interface it implements (IPersist of IPersistStream)
        info = self.type_info()
        if info is not None and iid in info.interface_iids():
            return None  # its dual interface, as its type information describes it
        raise NoInterfaceError(f"{type(self.policy.obj).__name__} does not implement {iid}")

    def _implements(self, iid: str) -> bool:
        """Whether the object itself implements ``iid`` (not through another object)."""
        try:
            answer = self.policy.query_interface(iid)
        except BaseException as error:
            raise native_error(error, "QueryInterface") from None
        return bool(answer) and not isinstance(answer, InterfacePointer)

    def get_ids_of_names(self, names: tuple[str, ...]) -> list[int]:
        """GetIDsOfNames."""
        try:
            return self.policy.get_ids_of_names(names)
        except BaseException as error:
            raise native_error(error, "GetIDsOfNames") from None

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """IDispatch::Invoke; the result as a VARIANT."""
        plan = self._coercions
        if plan is None:
            plan = self._plan()
        if plan and type(dispid) is int:
            args = coerce(plan, dispid, flags, args)
        try:
            result = self.policy.invoke(dispid, flags, args)
        except BaseException as error:
            raise dispatch_error(error) from None
        kind = type(result)
        if kind in SCALARS or (kind is int and -(2**63) <= result < 2**64):
            return result  # the common cases, without a call (result_of's int range)
        return _converted(result_of, result)

    def _plan(self) -> Coercions:
        """Build (once; a racing thread builds the same) what arguments convert to."""
        info = self.type_info()
        plan = {} if info is None else coercions(info)
        self._coercions = plan
        return plan

    def invoke_by_reference(
        self,
        dispid: int | str,
        flags: int,
        args: tuple[Any, ...],
        vartypes: tuple[int, ...],
        result_wanted: bool = True,
    ) -> tuple[Any, tuple[Any, ...]]:
        """IDispatch::Invoke with by-reference arguments of ``vartypes`` (in their order).

        Returns the result and the values written into those arguments, as VARIANTs.
        """
        try:
            result = self.policy.invoke(dispid, flags, args)
        except BaseException as error:
            raise dispatch_error(error) from None
        return _converted(write_back, result, vartypes, result_wanted)  # type: ignore[no-any-return]

    def invoke_ex(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """IDispatchEx::InvokeEx; the result as a VARIANT."""
        try:
            result = self.policy.invoke_ex(dispid, flags, args)
        except BaseException as error:
            raise dispatch_error(error) from None
        return _converted(result_of, result)

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """Call a method of another interface than IDispatch, by name.

        ``returns`` names the rule its result must follow (:data:`._returns.RETURNS`),
        applied here, where the values live: a result that breaks it is the server's error.
        """
        try:
            result = self.policy.invoke_ex(method, _METHOD, args)
        except BaseException as error:
            raise native_error(error, method) from None
        if not returns:
            return result
        try:
            return RETURNS[returns](result, args)
        except Exception as error:  # the gateway's check (C in pywin32): no traceback of ours
            raise native_error(error.with_traceback(None), method) from None

    def source_events(self) -> tuple[str, dict[int, str]]:
        """The events this object fires: its default events IID and DISPID -> name.

        Raises:
            NoInterfaceError: it declares no ``_connect_interfaces_``.
        """
        obj = self.policy.obj
        interfaces = getattr(obj, "_connect_interfaces_", None)
        if not interfaces:
            raise NoInterfaceError(
                f"{type(obj).__name__} fires no events: it lists no _connect_interfaces_"
            )
        return iid_text(interfaces[0]), declared_events(obj)

    def type_info(self) -> TypeInfo | None:
        """The type information of the object (IDispatch::GetTypeInfo), None without any.

        A class names it with ``_type_info_ = (libid, (major, minor), type name)``: a type of
        a registered library (:func:`~._typelibs.described_type`).
        """
        spec = getattr(self.policy.obj, "_type_info_", None)
        if spec is None:  # a policy that is its own object (Scripting.Dictionary)
            spec = getattr(self.policy, "_type_info_", None)
        if spec is None:
            return None
        libid, version, name = spec
        return described_type(libid, version, name)

    def get_dispid(self, name: str, flags: int) -> int:
        """IDispatchEx::GetDispID."""
        try:
            return self.policy.get_dispid(name, flags)
        except BaseException as error:
            raise native_error(error, "GetDispID") from None

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        """IDispatchEx::GetNextDispID."""
        try:
            return self.policy.get_next_dispid(flags, dispid)
        except BaseException as error:
            raise native_error(error, "GetNextDispID") from None

    def get_member_name(self, dispid: int) -> str:
        """IDispatchEx::GetMemberName."""
        try:
            return self.policy.get_member_name(dispid)
        except BaseException as error:
            raise native_error(error, "GetMemberName") from None


def _converted(convert: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
    """``convert(*args)``: a server's result made VARIANTs, after its method returned.

    A result no VARIANT holds (a dict, an empty tuple...) is the server's unexpected error,
    described without a traceback: pywin32 finds it in C, where no Python frame runs.
    """
    try:
        return convert(*args)
    except VariantTypeError as error:  # pywin32's conversion raises a plain TypeError
        raise dispatch_error(TypeError(*error.args)) from None
    except Exception as error:
        raise dispatch_error(error.with_traceback(None)) from None
