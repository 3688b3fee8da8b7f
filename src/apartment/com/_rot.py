"""The running object table, within the process: objects registered as *active* by CLSID.

RegisterActiveObject / GetActiveObject / RevokeActiveObject. A registration keeps the object
(weakly, for ACTIVEOBJECT_WEAK) under a handle; any apartment of the process gets it by its
CLSID, as a pointer valid there. Registering a second object under the same CLSID works, and
says so (MK_S_MONIKERALREADYREGISTERED): lookups find the first until it is revoked. The
table changes under the kernel lock.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, NamedTuple

from ..errors import (
    MK_E_UNAVAILABLE,
    ComError,
    InvalidArgumentError,
)
from ..kernel.lowlevel import KERNEL_LOCK
from ._iids import IID_IUNKNOWN, iid_text
from ._marshal import (
    MSHLFLAGS_TABLESTRONG,
    MSHLFLAGS_TABLEWEAK,
    release_marshal_data,
    unmarshal_interface,
)
from ._marshal import marshal_interface as _marshal_into
from ._pointer import InterfacePointer
from ._registry import clsid_from_progid
from ._stream import MemoryStream

if TYPE_CHECKING:
    from ._typed import StreamPointer

__all__ = [
    "ACTIVEOBJECT_STRONG",
    "ACTIVEOBJECT_WEAK",
    "Registration",
    "register_active_object",
    "active_object",
    "revoke_active_object",
]

ACTIVEOBJECT_STRONG = 0
ACTIVEOBJECT_WEAK = 1


class Registration(NamedTuple):
    """What :func:`register_active_object` did: the handle, and whether the CLSID had one."""

    handle: int
    already_registered: bool


_handles = itertools.count(1)
_by_handle: dict[int, tuple[str, StreamPointer]] = {}  # handle -> (CLSID, marshal data)


def _clsid(name: object) -> str:
    """A CLSID argument: a CLSID string or a ProgID (looked up), or an IID object."""
    return clsid_from_progid(name) if isinstance(name, str) else iid_text(name)


def register_active_object(
    pointer: InterfacePointer, clsid: object, flags: int = 0
) -> Registration:
    """Register ``pointer``'s object as the running instance of ``clsid``.

    ``flags``: ACTIVEOBJECT_STRONG keeps the object alive while registered,
    ACTIVEOBJECT_WEAK does not.

    Raises:
        TypeError: ``pointer`` is no interface pointer.
        ClassStringError: ``clsid`` is neither a CLSID nor a registered ProgID.
    """
    if not isinstance(pointer, InterfacePointer):
        raise TypeError("The Python instance can not be converted to a COM object")
    key = _clsid(clsid)
    data = MemoryStream().pointer()
    weak = flags & ACTIVEOBJECT_WEAK
    _marshal_into(data, pointer, MSHLFLAGS_TABLEWEAK if weak else MSHLFLAGS_TABLESTRONG)
    with KERNEL_LOCK:
        already = any(known == key for known, _ in _by_handle.values())
        handle = next(_handles)
        _by_handle[handle] = (key, data)
    return Registration(handle, already)


def active_object(clsid: object) -> InterfacePointer:
    """Return the running instance of ``clsid`` (its IUnknown), valid in this apartment.

    Raises:
        ComError: MK_E_UNAVAILABLE when none is registered.
        ClassStringError: ``clsid`` is neither a CLSID nor a registered ProgID.
    """
    key = _clsid(clsid)
    with KERNEL_LOCK:
        found = next((data for known, data in _by_handle.values() if known == key), None)
    if found is None:
        raise ComError.from_hresult(MK_E_UNAVAILABLE, f"no object of {key} is running")
    reader = found.clone()  # a position of its own: lookups may run at once
    reader.seek(0, 0)
    pointer: InterfacePointer = unmarshal_interface(reader, IID_IUNKNOWN)
    return pointer


def revoke_active_object(handle: int) -> None:
    """End the registration ``handle``.

    Raises:
        InvalidArgumentError: no such registration (E_INVALIDARG).
    """
    with KERNEL_LOCK:
        found = _by_handle.pop(handle, None)
    if found is None:
        raise InvalidArgumentError(f"no active object is registered under handle {handle}")
    data = found[1]
    data.seek(0, 0)
    release_marshal_data(data)
