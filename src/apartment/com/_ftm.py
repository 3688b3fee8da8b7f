"""The free-threaded marshaler (CoCreateFreeThreadedMarshaler).

An object that aggregates the free-threaded marshaler (FTM) is marshaled *by reference* inside
its process: every apartment that unmarshals it (a stream, the GIT, an argument or result of a
call through a proxy) gets the object itself, never a proxy, and its methods run on the
calling thread (the object must then be thread-safe). Between processes it is marshaled as
any object is.

A Python server aggregates it as pywin32's do: it creates one with
:func:`free_threaded_marshaler` (itself as the outer object) and answers QueryInterface for
IID_IMarshal with it (pywin32: ``_query_interface_`` returning it). The marshaling code asks
the policy for IID_IMarshal when it moves a server's pointer to another apartment of the
process (:func:`aggregates_free_threaded_marshaler`), never on a call.
"""

from __future__ import annotations

from typing import Any

from ..errors import E_NOTIMPL, ComError, NoInterfaceError
from ._apartment import neutral
from ._gateway import Gateway
from ._iids import IID_IUNKNOWN
from ._pointer import InterfacePointer, make_pointer, set_free_threaded_check
from ._proxy import make_agile

__all__ = ["IID_IMARSHAL", "FreeThreadedMarshaler", "free_threaded_marshaler"]

IID_IMARSHAL = "{00000003-0000-0000-C000-000000000046}"


class FreeThreadedMarshaler:
    """The free-threaded marshaler of one outer object (IMarshal); agile."""

    __slots__ = ("__weakref__", "outer")

    def __init__(self, outer: InterfacePointer | None) -> None:
        self.outer = outer

    def resolve(self, iid: str) -> None:
        """QueryInterface: IMarshal and IUnknown."""
        if iid not in (IID_IUNKNOWN, IID_IMARSHAL):
            raise NoInterfaceError(f"the free-threaded marshaler does not implement {iid}")

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """IMarshal's methods are COM's own business: not callable from Python."""
        raise ComError.from_hresult(E_NOTIMPL, f"IMarshal::{method} is not callable from Python")


make_agile(FreeThreadedMarshaler)


def free_threaded_marshaler(outer: InterfacePointer | None) -> InterfacePointer:
    """Create a free-threaded marshaler for ``outer`` (CoCreateFreeThreadedMarshaler).

    Returns:
        Its IUnknown pointer, valid in every apartment. An object whose QueryInterface answers
        IID_IMarshal with it crosses the apartments of this process as itself.

    Raises:
        TypeError: ``outer`` is not an interface pointer (or None).
    """
    if outer is not None and not isinstance(outer, InterfacePointer):
        raise TypeError(f"the outer object must be an interface pointer, not {outer!r}")
    return make_pointer(FreeThreadedMarshaler(outer), neutral(), IID_IUNKNOWN)


def aggregates_free_threaded_marshaler(target: object) -> bool:
    """Whether a pointer's target is a Python server that answers IID_IMarshal with an FTM.

    Runs the policy's QueryInterface in the caller's thread (the marshaling one, in the
    object's apartment); whatever it raises means no.
    """
    if type(target) is not Gateway:
        return False
    gateway: Gateway = target
    try:
        answer = gateway.policy.query_interface(IID_IMARSHAL)
    except Exception:
        return False
    return isinstance(answer, InterfacePointer) and type(answer._target) is FreeThreadedMarshaler


set_free_threaded_check(aggregates_free_threaded_marshaler)
