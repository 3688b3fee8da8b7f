"""Which interfaces can cross apartments: those with a marshaler.

On Windows an interface pointer leaves its apartment through the interface's proxy/stub: the
standard interfaces have theirs, IDispatch-based ones are marshaled by the type library
marshaler once their type library is registered, and a custom interface needs a registered
proxy/stub. QueryInterface through a proxy for an interface with none fails with
E_NOINTERFACE, though the object implements it: a Python events sink whose events IID nobody
registered cannot be advised from another apartment (CONNECT_E_NOCONNECTION).

Here the interfaces with a pointer class (IUnknown, IDispatch, IStream, the connection
points'...) have a marshaler, and :func:`register_interface` gives one to any other IID, as
registering its type library or proxy/stub does. The registration lasts for this process: a
server process that brings an interface registers it when its module is imported.
"""

from __future__ import annotations

from ..kernel.lowlevel import KERNEL_LOCK
from ._iids import iid_text

__all__ = ["register_interface", "unregister_interface", "registered_interfaces"]

_registered: frozenset[str] = frozenset()  # replaced whole under the lock, read without it


def register_interface(iid: object) -> None:
    """Let the interface ``iid`` cross apartments and processes (a marshaler for it).

    Raises:
        TypeError: ``iid`` is not an IID.
        ClassStringError: a malformed IID string (CO_E_CLASSSTRING).
    """
    global _registered
    text = iid_text(iid)
    with KERNEL_LOCK:
        _registered = _registered | {text}


def unregister_interface(iid: object) -> None:
    """Forget the registration of ``iid`` (nothing happens if it had none)."""
    global _registered
    text = iid_text(iid)
    with KERNEL_LOCK:
        _registered = _registered - {text}


def registered_interfaces() -> frozenset[str]:
    """The IIDs registered with :func:`register_interface`."""
    return _registered


def is_registered(iid: str) -> bool:
    """Whether ``iid`` (canonical text) was registered (one read of an immutable set)."""
    return iid in _registered
