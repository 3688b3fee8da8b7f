"""Setting the system's clock and time zone: privileged, as on Windows.

SetSystemTime and SetLocalTime need SeSystemtimePrivilege enabled in the calling thread's
token, SetTimeZoneInformation SeTimeZonePrivilege; without it they fail with
ERROR_PRIVILEGE_NOT_HELD, as on Windows (both privileges are disabled until a program enables
them with AdjustTokenPrivileges). With it, the clock is set if Linux allows (CAP_SYS_TIME);
where Linux refuses, the answer is ERROR_PRIVILEGE_NOT_HELD too. The time zone is the
system's (``/etc/localtime``), which no process changes for the others here: setting it
fails with ERROR_PRIVILEGE_NOT_HELD even with the privilege
(docs/differences-from-windows.md).
"""

from __future__ import annotations

import datetime as _dt
import time

from ..errors import ERROR_PRIVILEGE_NOT_HELD, Win32Error
from ._privileges import privilege_luid
from ._thread import current_thread
from ._token import SE_PRIVILEGE_ENABLED, effective_token

__all__ = ["require_privilege", "set_system_time", "set_time_zone_information"]


def require_privilege(name: str) -> None:
    """Check that the calling thread's token has privilege ``name`` enabled.

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD when it is not held, or held disabled;
            ERROR_NO_SUCH_PRIVILEGE for a name that is no privilege.
    """
    luid = privilege_luid(name)
    token = effective_token(current_thread())
    for held, attributes in token.privileges():
        if held == luid and attributes & SE_PRIVILEGE_ENABLED:
            return
    raise Win32Error.from_code(
        ERROR_PRIVILEGE_NOT_HELD,
        f"{name} is not enabled in the caller's token: enable it with AdjustTokenPrivileges",
    )


def set_system_time(when: _dt.datetime) -> None:
    """Set the system clock to ``when`` (aware; SetSystemTime, SetLocalTime).

    Raises:
        TypeError: ``when`` is not an aware datetime.
        Win32Error: ERROR_PRIVILEGE_NOT_HELD without SeSystemtimePrivilege enabled, or
            when Linux refuses (no CAP_SYS_TIME).
    """
    if not isinstance(when, _dt.datetime) or when.utcoffset() is None:
        raise TypeError(f"the time to set is an aware datetime, not {when!r}")
    require_privilege("SeSystemtimePrivilege")
    try:
        time.clock_settime(time.CLOCK_REALTIME, when.timestamp())
    except PermissionError:
        raise Win32Error.from_code(
            ERROR_PRIVILEGE_NOT_HELD, "Linux sets the clock only with CAP_SYS_TIME"
        ) from None


def set_time_zone_information(zone: object) -> None:
    """Set the system's time zone (SetTimeZoneInformation): refused here, after the check.

    Raises:
        Win32Error: ERROR_PRIVILEGE_NOT_HELD, without SeTimeZonePrivilege enabled or with
            it (the system's zone is ``/etc/localtime``, the administrator's).
    """
    require_privilege("SeTimeZonePrivilege")
    raise Win32Error.from_code(
        ERROR_PRIVILEGE_NOT_HELD,
        "the time zone is the system's (/etc/localtime): a process cannot set it here",
    )
