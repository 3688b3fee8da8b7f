"""The security descriptors of the service control manager and of services.

QueryServiceObjectSecurity needs READ_CONTROL on the handle (and ACCESS_SYSTEM_SECURITY for
the SACL), SetServiceObjectSecurity WRITE_DAC for a DACL and WRITE_OWNER for an owner or group:
ERROR_ACCESS_DENIED otherwise, as Windows checks the handle's granted access. A descriptor
that was never set is Windows' default (the SDDL of a new service, and the manager's),
written as SDDL. A descriptor set is kept for this process only (the service database keeps
no descriptors): documented difference.
"""

from __future__ import annotations

import threading

from .._fork import CLOCK, hold_across_fork
from ..errors import ERROR_ACCESS_DENIED, Win32Error
from ._manager import Service, ServiceManager

__all__ = ["object_security", "set_object_security"]

_READ_CONTROL, _WRITE_DAC, _WRITE_OWNER = 0x20000, 0x40000, 0x80000
_ACCESS_SYSTEM_SECURITY = 0x1000000
_OWNER, _GROUP, _DACL, _SACL = 0x1, 0x2, 0x4, 0x8
_MANAGER_SDDL = (
    "O:SYG:SYD:(A;;CC;;;AU)(A;;CCLCRPRC;;;IU)(A;;CCLCRPRC;;;SU)(A;;CCLCRPWPRC;;;SY)"
    "(A;;KA;;;BA)(A;;CC;;;AC)"
)
_SERVICE_SDDL = (
    "O:SYG:SYD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
    "(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)"
)
_kept: dict[str, str] = {}  # service name (folded), or "" for the manager -> SDDL
_lock = threading.Lock()  # a leaf
hold_across_fork(_lock, CLOCK)


def _key(obj: Service | ServiceManager) -> str:
    return obj.name.casefold() if isinstance(obj, Service) else ""


def _need(obj: Service | ServiceManager, information: int, *, writing: bool) -> None:
    wanted = 0
    if writing:
        wanted |= _WRITE_DAC if information & _DACL else 0
        wanted |= _WRITE_OWNER if information & (_OWNER | _GROUP) else 0
    else:
        wanted |= _READ_CONTROL if information & (_OWNER | _GROUP | _DACL) else 0
    wanted |= _ACCESS_SYSTEM_SECURITY if information & _SACL else 0
    if obj.access & wanted != wanted:
        raise Win32Error.from_code(
            ERROR_ACCESS_DENIED, f"the handle lacks access {wanted & ~obj.access:#x} for this"
        )


def object_security(obj: Service | ServiceManager, information: int) -> str:
    """The SDDL of ``obj``'s descriptor (QueryServiceObjectSecurity); the caller keeps the
    parts ``information`` asks for.

    Raises:
        Win32Error: ERROR_ACCESS_DENIED, the handle lacks the access.
    """  # noqa: D205
    _need(obj, information, writing=False)
    with _lock:
        kept = _kept.get(_key(obj))
    if kept is not None:
        return kept
    return _SERVICE_SDDL if isinstance(obj, Service) else _MANAGER_SDDL


def set_object_security(obj: Service | ServiceManager, information: int, sddl: str) -> None:
    """Keep ``sddl`` as ``obj``'s descriptor in this process (SetServiceObjectSecurity).

    Raises:
        Win32Error: ERROR_ACCESS_DENIED, the handle lacks the access.
    """
    _need(obj, information, writing=True)
    with _lock:
        _kept[_key(obj)] = sddl
