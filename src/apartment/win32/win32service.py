"""pywin32's ``win32service`` over :mod:`apartment.services`: the service control manager.

Every constant of pywin32's module is here, with its value. The manager is the user's own
(:mod:`apartment.services`): services are installed in a per-user database and each runs
in a process of its own, started by StartService. Handles are PySC_HANDLEs; the window
station and desktop functions of pywin32's module are not modelled.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import services
from ..errors import ERROR_INVALID_HANDLE, Win32Error
from ..services import SC_MANAGER_ALL_ACCESS as SC_MANAGER_ALL_ACCESS
from ..services import SC_MANAGER_CONNECT as SC_MANAGER_CONNECT
from ..services import SC_MANAGER_CREATE_SERVICE as SC_MANAGER_CREATE_SERVICE
from ..services import SC_MANAGER_ENUMERATE_SERVICE as SC_MANAGER_ENUMERATE_SERVICE
from ..services import SC_MANAGER_LOCK as SC_MANAGER_LOCK
from ..services import SC_MANAGER_MODIFY_BOOT_CONFIG as SC_MANAGER_MODIFY_BOOT_CONFIG
from ..services import SC_MANAGER_QUERY_LOCK_STATUS as SC_MANAGER_QUERY_LOCK_STATUS
from ..services import SERVICE_ACCEPT_PARAMCHANGE as SERVICE_ACCEPT_PARAMCHANGE
from ..services import SERVICE_ACCEPT_PAUSE_CONTINUE as SERVICE_ACCEPT_PAUSE_CONTINUE
from ..services import SERVICE_ACCEPT_PRESHUTDOWN as SERVICE_ACCEPT_PRESHUTDOWN
from ..services import SERVICE_ACCEPT_SHUTDOWN as SERVICE_ACCEPT_SHUTDOWN
from ..services import SERVICE_ACCEPT_STOP as SERVICE_ACCEPT_STOP
from ..services import SERVICE_ACTIVE as SERVICE_ACTIVE
from ..services import SERVICE_ALL_ACCESS as SERVICE_ALL_ACCESS
from ..services import SERVICE_AUTO_START as SERVICE_AUTO_START
from ..services import SERVICE_BOOT_START as SERVICE_BOOT_START
from ..services import SERVICE_CHANGE_CONFIG as SERVICE_CHANGE_CONFIG
from ..services import SERVICE_CONTINUE_PENDING as SERVICE_CONTINUE_PENDING
from ..services import SERVICE_CONTROL_CONTINUE as SERVICE_CONTROL_CONTINUE
from ..services import SERVICE_CONTROL_INTERROGATE as SERVICE_CONTROL_INTERROGATE
from ..services import SERVICE_CONTROL_PARAMCHANGE as SERVICE_CONTROL_PARAMCHANGE
from ..services import SERVICE_CONTROL_PAUSE as SERVICE_CONTROL_PAUSE
from ..services import SERVICE_CONTROL_PRESHUTDOWN as SERVICE_CONTROL_PRESHUTDOWN
from ..services import SERVICE_CONTROL_SHUTDOWN as SERVICE_CONTROL_SHUTDOWN
from ..services import SERVICE_CONTROL_STOP as SERVICE_CONTROL_STOP
from ..services import SERVICE_DEMAND_START as SERVICE_DEMAND_START
from ..services import SERVICE_DISABLED as SERVICE_DISABLED
from ..services import SERVICE_DRIVER as SERVICE_DRIVER
from ..services import SERVICE_ENUMERATE_DEPENDENTS as SERVICE_ENUMERATE_DEPENDENTS
from ..services import SERVICE_ERROR_CRITICAL as SERVICE_ERROR_CRITICAL
from ..services import SERVICE_ERROR_IGNORE as SERVICE_ERROR_IGNORE
from ..services import SERVICE_ERROR_NORMAL as SERVICE_ERROR_NORMAL
from ..services import SERVICE_ERROR_SEVERE as SERVICE_ERROR_SEVERE
from ..services import SERVICE_FILE_SYSTEM_DRIVER as SERVICE_FILE_SYSTEM_DRIVER
from ..services import SERVICE_INACTIVE as SERVICE_INACTIVE
from ..services import SERVICE_INTERACTIVE_PROCESS as SERVICE_INTERACTIVE_PROCESS
from ..services import SERVICE_INTERROGATE as SERVICE_INTERROGATE
from ..services import SERVICE_KERNEL_DRIVER as SERVICE_KERNEL_DRIVER
from ..services import SERVICE_NO_CHANGE as SERVICE_NO_CHANGE
from ..services import SERVICE_PAUSE_CONTINUE as SERVICE_PAUSE_CONTINUE
from ..services import SERVICE_PAUSE_PENDING as SERVICE_PAUSE_PENDING
from ..services import SERVICE_PAUSED as SERVICE_PAUSED
from ..services import SERVICE_QUERY_CONFIG as SERVICE_QUERY_CONFIG
from ..services import SERVICE_QUERY_STATUS as SERVICE_QUERY_STATUS
from ..services import SERVICE_RUNNING as SERVICE_RUNNING
from ..services import SERVICE_START as SERVICE_START
from ..services import SERVICE_START_PENDING as SERVICE_START_PENDING
from ..services import SERVICE_STATE_ALL as SERVICE_STATE_ALL
from ..services import SERVICE_STOP as SERVICE_STOP
from ..services import SERVICE_STOP_PENDING as SERVICE_STOP_PENDING
from ..services import SERVICE_STOPPED as SERVICE_STOPPED
from ..services import SERVICE_SYSTEM_START as SERVICE_SYSTEM_START
from ..services import SERVICE_USER_DEFINED_CONTROL as SERVICE_USER_DEFINED_CONTROL
from ..services import SERVICE_WIN32 as SERVICE_WIN32
from ..services import SERVICE_WIN32_OWN_PROCESS as SERVICE_WIN32_OWN_PROCESS
from ..services import SERVICE_WIN32_SHARE_PROCESS as SERVICE_WIN32_SHARE_PROCESS
from . import _sddl, _winsta
from ._adapt import api, as_bool, dword
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from ._security import PySECURITY_DESCRIPTOR
from ._winsta import *  # noqa: F403  (window stations and desktops, in their own module)
from .pywintypes import error

__all__ = [
    *services._constants.__all__, *_winsta.__all__,
    "error", "PySC_HANDLE", "OpenSCManager", "CreateService", "OpenService", "DeleteService",
    "CloseServiceHandle", "StartService", "ControlService", "QueryServiceStatus",
    "QueryServiceStatusEx", "ChangeServiceConfig", "ChangeServiceConfig2", "QueryServiceConfig",
    "QueryServiceConfig2", "EnumServicesStatus", "EnumServicesStatusEx", "GetServiceKeyName",
    "GetServiceDisplayName", "SetServiceStatus", "EnumDependentServices", "LockServiceDatabase",
    "UnlockServiceDatabase", "QueryServiceLockStatus",
    "SERVICE_ACCEPT_HARDWAREPROFILECHANGE", "SERVICE_ACCEPT_NETBINDCHANGE",
    "SERVICE_ACCEPT_POWEREVENT", "SERVICE_ACCEPT_SESSIONCHANGE",
    "SERVICE_CONTROL_DEVICEEVENT", "SERVICE_CONTROL_HARDWAREPROFILECHANGE",
    "SERVICE_CONTROL_NETBINDADD", "SERVICE_CONTROL_NETBINDDISABLE",
    "SERVICE_CONTROL_NETBINDENABLE", "SERVICE_CONTROL_NETBINDREMOVE",
    "SERVICE_CONTROL_POWEREVENT", "SERVICE_CONTROL_SESSIONCHANGE",
    "SERVICE_CONFIG_DESCRIPTION", "SERVICE_CONFIG_FAILURE_ACTIONS",
    "SERVICE_CONFIG_DELAYED_AUTO_START_INFO", "SERVICE_CONFIG_FAILURE_ACTIONS_FLAG",
    "SERVICE_CONFIG_SERVICE_SID_INFO", "SERVICE_CONFIG_REQUIRED_PRIVILEGES_INFO",
    "SERVICE_CONFIG_PRESHUTDOWN_INFO", "SERVICE_SID_TYPE_NONE", "SERVICE_SID_TYPE_RESTRICTED",
    "SERVICE_SID_TYPE_UNRESTRICTED", "SERVICE_SPECIFIC_ERROR", "SC_ACTION_NONE",
    "SC_ACTION_REBOOT", "SC_ACTION_RESTART", "SC_ACTION_RUN_COMMAND", "SC_ENUM_PROCESS_INFO",
    "SC_GROUP_IDENTIFIER", "DBT_CONFIGCHANGECANCELED", "DBT_CONFIGCHANGED", "DBT_CUSTOMEVENT",
    "DBT_DEVICEARRIVAL", "DBT_DEVICEQUERYREMOVE", "DBT_DEVICEQUERYREMOVEFAILED",
    "DBT_DEVICEREMOVECOMPLETE", "DBT_DEVICEREMOVEPENDING", "DBT_DEVICETYPESPECIFIC",
    "DBT_QUERYCHANGECONFIG", "DF_ALLOWOTHERACCOUNTHOOK", "UOI_FLAGS", "UOI_NAME", "UOI_TYPE",
    "UOI_USER_SID", "WSF_VISIBLE", "UNICODE",
]  # fmt: skip

# The rest of pywin32's constants (controls and configuration levels the core has no use for).
SERVICE_ACCEPT_NETBINDCHANGE = 16
SERVICE_ACCEPT_HARDWAREPROFILECHANGE = 32
SERVICE_ACCEPT_POWEREVENT = 64
SERVICE_ACCEPT_SESSIONCHANGE = 128
SERVICE_CONTROL_NETBINDADD = 7
SERVICE_CONTROL_NETBINDREMOVE = 8
SERVICE_CONTROL_NETBINDENABLE = 9
SERVICE_CONTROL_NETBINDDISABLE = 10
SERVICE_CONTROL_DEVICEEVENT = 11
SERVICE_CONTROL_HARDWAREPROFILECHANGE = 12
SERVICE_CONTROL_POWEREVENT = 13
SERVICE_CONTROL_SESSIONCHANGE = 14
SERVICE_CONFIG_DESCRIPTION = 1
SERVICE_CONFIG_FAILURE_ACTIONS = 2
SERVICE_CONFIG_DELAYED_AUTO_START_INFO = 3
SERVICE_CONFIG_FAILURE_ACTIONS_FLAG = 4
SERVICE_CONFIG_SERVICE_SID_INFO = 5
SERVICE_CONFIG_REQUIRED_PRIVILEGES_INFO = 6
SERVICE_CONFIG_PRESHUTDOWN_INFO = 7
SERVICE_SID_TYPE_NONE = 0
SERVICE_SID_TYPE_UNRESTRICTED = 1
SERVICE_SID_TYPE_RESTRICTED = 3
SERVICE_SPECIFIC_ERROR = 1066
SC_ACTION_NONE = 0
SC_ACTION_RESTART = 1
SC_ACTION_REBOOT = 2
SC_ACTION_RUN_COMMAND = 3
SC_ENUM_PROCESS_INFO = 0
SC_GROUP_IDENTIFIER = 43
DBT_QUERYCHANGECONFIG = 23
DBT_CONFIGCHANGED = 24
DBT_CONFIGCHANGECANCELED = 25
DBT_DEVICEARRIVAL = 32768
DBT_DEVICEQUERYREMOVE = 32769
DBT_DEVICEQUERYREMOVEFAILED = 32770
DBT_DEVICEREMOVEPENDING = 32771
DBT_DEVICEREMOVECOMPLETE = 32772
DBT_DEVICETYPESPECIFIC = 32773
DBT_CUSTOMEVENT = 32774
DF_ALLOWOTHERACCOUNTHOOK = 1
UOI_FLAGS = 1
UOI_NAME = 2
UOI_TYPE = 3
UOI_USER_SID = 4
WSF_VISIBLE = 1
UNICODE = 1


class PySC_HANDLE(PyHANDLE):  # noqa: N801 - pywin32's name
    """A handle to the service control manager or a service; closes itself as PyHANDLE does."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PySC_HANDLE:{self._value}>"


PySC_HANDLE.__name__ = PySC_HANDLE.__qualname__ = "PyHANDLE"  # pywin32's type is so named


def _sc_handle(obj: object) -> PySC_HANDLE:
    return PySC_HANDLE(new_handle(obj).Detach())


def _manager(handle: object) -> services.ServiceManager:
    return lookup(handle, services.ServiceManager)


def _service(handle: object) -> services.Service:
    return lookup(handle, services.Service)


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string (got {type(value).__name__})")
    return value


def _display_name(value: object) -> str:
    if not isinstance(value, str):  # pywin32 takes no None for it
        raise TypeError(f"{value!r} is not a valid string in this context")
    return value


def _optional_text(value: object, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _names(value: object) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise TypeError("Dependencies must be a sequence of strings")
    return [_text(name, "A dependency") for name in value]


def _status(status: services.ServiceStatus) -> tuple[int, ...]:
    return tuple(status)


@api("OpenSCManager")
def OpenSCManager(
    machineName: str | None, dbName: str | None, desiredAccess: int, /
) -> PySC_HANDLE:
    """Connect to this machine's (this user's) service control manager."""
    machine = _optional_text(machineName, "machineName")
    database = _optional_text(dbName, "dbName")
    return _sc_handle(services.open_manager(machine, database, dword(desiredAccess)))


@api("CreateService")
def CreateService(
    scHandle: object,
    name: str,
    displayName: str | None,
    desiredAccess: int,
    serviceType: int,
    startType: int,
    errorControl: int,
    binaryFile: str,
    loadOrderGroup: str | None,
    bFetchTag: object,
    serviceDeps: object,
    acctName: str | None,
    password: str | None,
    /,
) -> Any:  # noqa: ANN401 - a handle, or (handle, tag) with bFetchTag
    """Install a service; its handle (with ``bFetchTag``, ``(handle, 0)``)."""
    manager = _manager(scHandle)
    service = services.create_service(
        manager, _text(name, "name"), _display_name(displayName),
        dword(desiredAccess), dword(serviceType), dword(startType), dword(errorControl),
        _text(binaryFile, "binaryFile"), _optional_text(loadOrderGroup, "loadOrderGroup"),
        _names(serviceDeps), _optional_text(acctName, "acctName"),
    )  # fmt: skip
    handle = _sc_handle(service)
    return (handle, 0) if as_bool(bFetchTag) else handle


@api("OpenService")
def OpenService(scHandle: object, name: str, desiredAccess: int, /) -> PySC_HANDLE:
    """Open a handle to an installed service."""
    service = services.open_service(_manager(scHandle), _text(name, "name"), dword(desiredAccess))
    return _sc_handle(service)


@api("DeleteService")
def DeleteService(scHandle: object, /) -> None:
    """Mark the service for delete (it goes once stopped and its handles closed)."""
    services.delete_service(_service(scHandle))


@api("CloseServiceHandle")
def CloseServiceHandle(scHandle: object, /) -> None:
    """Close a manager or service handle."""
    if isinstance(scHandle, PyHANDLE):
        if scHandle:  # pywin32 closes the object's handle, once; a closed one is 0
            _manager_or_service(scHandle)
            scHandle.Close()
        return
    value = handle_value(scHandle)
    _manager_or_service(value)
    PyHANDLE(value).Close()


def _manager_or_service(handle: object) -> object:
    return lookup(handle, (services.ServiceManager, services.Service))


@api("StartService")
def StartService(hService: object, args: object, /) -> None:
    """Start the service's process; return once its dispatcher runs."""
    services.start_service(_service(hService), _names(args))


@api("ControlService")
def ControlService(scHandle: object, code: int, /) -> tuple[int, ...]:
    """Send a control; the service's status after its handler ran."""
    return _status(services.control_service(_service(scHandle), dword(code)))


@api("QueryServiceStatus")
def QueryServiceStatus(hService: object, /) -> tuple[int, ...]:
    """(type, state, accepted, win32 exit code, service exit code, check point, wait hint)."""
    return _status(services.query_status(_service(hService)))


@api("QueryServiceStatusEx")
def QueryServiceStatusEx(hService: object, /) -> dict[str, int]:
    """The status as a dict, with the process id and flags."""
    service = _service(hService)
    status = services.query_status(service)
    return {
        "ServiceType": status.service_type,
        "CurrentState": status.current_state,
        "ControlsAccepted": status.controls_accepted,
        "Win32ExitCode": status.win32_exit_code,
        "ServiceSpecificExitCode": status.service_specific_exit_code,
        "CheckPoint": status.check_point,
        "WaitHint": status.wait_hint,
        "ProcessId": services.query_process_id(service),
        "ServiceFlags": 0,
    }


@api("ChangeServiceConfig")
def ChangeServiceConfig(
    hService: object,
    serviceType: int,
    startType: int,
    errorControl: int,
    binaryFile: str | None,
    loadOrderGroup: str | None,
    bFetchTag: object,
    serviceDeps: object,
    acctName: str | None,
    password: str | None,
    displayName: str | None,
    /,
) -> int:
    """Change what is given (SERVICE_NO_CHANGE, None: left); returns the tag (0)."""
    services.change_config(
        _service(hService), _no_change(serviceType), _no_change(startType),
        _no_change(errorControl), _optional_text(binaryFile, "binaryFile"),
        _optional_text(loadOrderGroup, "loadOrderGroup"), _names(serviceDeps),
        _optional_text(acctName, "acctName"), _optional_text(displayName, "displayName"),
    )  # fmt: skip
    return 0


def _no_change(value: object) -> int:
    number = dword(value)
    return SERVICE_NO_CHANGE if number == 0xFFFFFFFF else number


@api("ChangeServiceConfig2")
def ChangeServiceConfig2(hService: object, InfoLevel: int, info: object, /) -> None:
    """Set the description (SERVICE_CONFIG_DESCRIPTION); other levels are accepted, not kept."""
    service = _service(hService)
    if dword(InfoLevel) == SERVICE_CONFIG_DESCRIPTION:
        services.set_description(service, _optional_text(info, "info"))


@api("QueryServiceConfig2")
def QueryServiceConfig2(hService: object, InfoLevel: int, /) -> object:
    """The description (SERVICE_CONFIG_DESCRIPTION; None if unset); False for delayed start."""
    service = _service(hService)
    level = dword(InfoLevel)
    if level == SERVICE_CONFIG_DESCRIPTION:
        return services.description(service)
    if level == SERVICE_CONFIG_DELAYED_AUTO_START_INFO:
        return False
    return None


@api("QueryServiceConfig")
def QueryServiceConfig(hService: object, /) -> tuple[Any, ...]:
    """(type, start, error control, binary path, group, tag, dependencies, account, display)."""
    config = services.query_config(_service(hService))
    return tuple(config)


@api("EnumServicesStatus")
def EnumServicesStatus(
    hSCManager: object, ServiceType: int = SERVICE_WIN32, ServiceState: int = SERVICE_STATE_ALL, /
) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    """((name, display name, status), ...) of the installed services that match."""
    found = services.enum_services(_manager(hSCManager), dword(ServiceType), dword(ServiceState))
    return tuple((name, display, _status(status)) for name, display, status in found)


@api("EnumServicesStatusEx")
def EnumServicesStatusEx(
    SCManager: object,
    ServiceType: int = SERVICE_WIN32,
    ServiceState: int = SERVICE_STATE_ALL,
    InfoLevel: int = SC_ENUM_PROCESS_INFO,
    GroupName: str | None = None,
    /,
) -> tuple[dict[str, Any], ...]:
    """The installed services that match, as dicts with their status."""
    found = services.enum_services(_manager(SCManager), dword(ServiceType), dword(ServiceState))
    return tuple(
        {"ServiceName": name, "DisplayName": display, "ServiceType": status.service_type,
         "CurrentState": status.current_state, "ControlsAccepted": status.controls_accepted,
         "Win32ExitCode": status.win32_exit_code,
         "ServiceSpecificExitCode": status.service_specific_exit_code,
         "CheckPoint": status.check_point, "WaitHint": status.wait_hint, "ProcessId": 0,
         "ServiceFlags": 0}
        for name, display, status in found
    )  # fmt: skip


@api("EnumDependentServices")
def EnumDependentServices(hService: object, ServiceState: int = SERVICE_STATE_ALL, /) -> tuple[()]:
    """The services that depend on this one: none are tracked here."""
    _service(hService)
    return ()


@api("GetServiceKeyName")
def GetServiceKeyName(hSCManager: object, DisplayName: str, /) -> str:
    """The name of the service shown as ``DisplayName``."""
    return services.service_key_name(_manager(hSCManager), _text(DisplayName, "DisplayName"))


@api("GetServiceDisplayName")
def GetServiceDisplayName(hSCManager: object, ServiceName: str, /) -> str:
    """The display name of service ``ServiceName``."""
    return services.service_display_name(_manager(hSCManager), _text(ServiceName, "ServiceName"))


@api("SetServiceStatus")
def SetServiceStatus(scHandle: object, serviceStatus: object, /) -> None:
    """Report a service's status: a 7-tuple of ints, as QueryServiceStatus gives."""
    if not isinstance(serviceStatus, (tuple, list)) or len(serviceStatus) != 7:
        raise TypeError("SERVICE_STATUS must be a sequence of 7 integers")
    numbers = services.ServiceStatus(*(dword(n) for n in serviceStatus))
    if not isinstance(scHandle, services.StatusHandle):
        raise Win32Error.from_code(ERROR_INVALID_HANDLE, "not a service status handle")
    services.set_service_status(scHandle, numbers)


@api("LockServiceDatabase")
def LockServiceDatabase(sc_handle: object, /) -> int:
    """Take the services database's lock (SC_MANAGER_LOCK): the lock's value, an int.

    ERROR_SERVICE_DATABASE_LOCKED while another holds it. As on Windows since Vista, the
    lock blocks nothing else.
    """
    return services.lock_database(_manager(sc_handle)).value


@api("UnlockServiceDatabase")
def UnlockServiceDatabase(lock: object, /) -> None:
    """Release a lock LockServiceDatabase gave (ERROR_INVALID_SERVICE_LOCK for another)."""
    services.unlock_database(operator.index(lock))  # type: ignore[arg-type]


@api("QueryServiceLockStatus")
def QueryServiceLockStatus(hSCManager: object, /) -> tuple[int, str, int]:
    """(locked, owner, seconds held): (0, '', 0) when unlocked (SC_MANAGER_QUERY_LOCK_STATUS)."""
    status = services.lock_status(_manager(hSCManager))
    return int(status.locked), status.owner, status.duration


@api("QueryServiceObjectSecurity")
def QueryServiceObjectSecurity(Handle: object, SecurityInformation: int, /) -> object:
    """The security descriptor of the manager or a service (the parts asked for)."""
    information = dword(SecurityInformation)
    sddl = services.object_security(_manager_or_service(Handle), information)  # type: ignore[arg-type]
    return _sddl.sd_from_sddl(_sddl.sd_to_sddl(_sddl.sd_from_sddl(sddl), information))


@api("SetServiceObjectSecurity")
def SetServiceObjectSecurity(
    Handle: object, SecurityInformation: int, SecurityDescriptor: object, /
) -> None:
    """Give the manager or a service a security descriptor (see services._objsecurity)."""
    if not isinstance(SecurityDescriptor, PySECURITY_DESCRIPTOR):
        raise TypeError("The object is not a PySECURITY_DESCRIPTOR object")
    information = dword(SecurityInformation)
    sddl = _sddl.sd_to_sddl(SecurityDescriptor, information)
    services.set_object_security(_manager_or_service(Handle), information, sddl)  # type: ignore[arg-type]


__all__ += ["QueryServiceObjectSecurity", "SetServiceObjectSecurity"]
