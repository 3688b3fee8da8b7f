"""pywin32's ``win32serviceutil`` helpers (all but HandleCommandLine and ServiceFramework).

The helpers call :mod:`.win32service` as pywin32's do, so their errors are pywin32's. Where
pywin32 reaches for pythonservice.exe and the registry, the core stands in: the service's
command is :func:`apartment.services.python_service_command` (``python -m apartment
pythonservice``), its PythonClass is kept in the services database, and ``debug`` runs the
service in this process (:func:`apartment.services.debug_service`) without needing it to be
installed first (pywin32's needs it installed; see docs/differences-from-windows.md).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from .. import registry, services
from . import win32service
from .pywintypes import error as _win32_error
from .win32service import SERVICE_CONTROL_STOP, SERVICE_STOPPED, SERVICE_WIN32_OWN_PROCESS

__all__ = [
    "error", "LocatePythonServiceExe", "SmartOpenService", "LocateSpecificServiceExe",
    "InstallService", "ChangeServiceConfig", "InstallPythonClassString",
    "SetServiceCustomOption", "GetServiceCustomOption", "RemoveService", "ControlService",
    "WaitForServiceStatus", "StopServiceWithDeps", "StopService", "StartService",
    "RestartService", "DebugService", "GetServiceClassString", "QueryServiceStatus", "usage",

]  # fmt: skip

error = RuntimeError  # pywin32's alias
_ERROR_SERVICE_DOES_NOT_EXIST = 1060
_ERROR_INVALID_NAME = 123
_ERROR_SERVICE_EXISTS = 1073
_ERROR_SERVICE_NOT_ACTIVE = 1062
_ERROR_SERVICE_ALREADY_RUNNING = 1056
_ERROR_SERVICE_REQUEST_TIMEOUT = 1053
_ALL = win32service.SC_MANAGER_ALL_ACCESS


def LocatePythonServiceExe(exe: str | None = None) -> str:
    """The service host's command: ``exe`` if it is a file, else pythonservice's stand-in."""
    if exe and os.path.isfile(exe):
        return os.path.abspath(exe)
    return services.python_service_command()


def SmartOpenService(hscm: Any, name: str, access: int) -> Any:  # noqa: ANN401
    """Open a service by its name, or else by its display name."""
    try:
        return win32service.OpenService(hscm, name, access)
    except _win32_error as details:
        if details.winerror not in (_ERROR_SERVICE_DOES_NOT_EXIST, _ERROR_INVALID_NAME):
            raise
    name = win32service.GetServiceKeyName(hscm, name)
    return win32service.OpenService(hscm, name, access)


def LocateSpecificServiceExe(serviceName: str) -> str:
    """The binary path (command line) of an installed service."""
    hscm = win32service.OpenSCManager(None, None, _ALL)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_QUERY_CONFIG)
        try:
            return str(win32service.QueryServiceConfig(hs)[3])
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def _command_line(exe_name: str | None, exe_args: str | None) -> str:
    command = LocatePythonServiceExe(exe_name)
    if exe_name and os.path.isfile(exe_name):
        command = f'"{command}"'
    return command if exe_args is None else f"{command} {exe_args}"


def InstallService(
    pythonClassString: str | None,
    serviceName: str,
    displayName: str,
    startType: int | None = None,
    errorControl: int | None = None,
    bRunInteractive: int = 0,
    serviceDeps: Any = None,  # noqa: ANN401
    userName: str | None = None,
    password: str | None = None,
    exeName: str | None = None,
    perfMonIni: str | None = None,
    perfMonDll: str | None = None,
    exeArgs: str | None = None,
    description: str | None = None,
    delayedstart: bool | None = None,
) -> None:
    """Install a service whose process runs the Python class ``pythonClassString``."""
    if startType is None:
        startType = win32service.SERVICE_DEMAND_START
    service_type = SERVICE_WIN32_OWN_PROCESS
    if bRunInteractive:
        service_type |= win32service.SERVICE_INTERACTIVE_PROCESS
    if errorControl is None:
        errorControl = win32service.SERVICE_ERROR_NORMAL
    hscm = win32service.OpenSCManager(None, None, _ALL)
    try:
        hs = win32service.CreateService(
            hscm, serviceName, displayName, win32service.SERVICE_ALL_ACCESS, service_type,
            startType, errorControl, _command_line(exeName, exeArgs), None, 0, serviceDeps,
            userName, password,
        )  # fmt: skip
        if description is not None:
            win32service.ChangeServiceConfig2(
                hs, win32service.SERVICE_CONFIG_DESCRIPTION, description
            )
        win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)
    InstallPythonClassString(pythonClassString, serviceName)


def ChangeServiceConfig(
    pythonClassString: str | None,
    serviceName: str,
    startType: int | None = None,
    errorControl: int | None = None,
    bRunInteractive: int = 0,
    serviceDeps: Any = None,  # noqa: ANN401
    userName: str | None = None,
    password: str | None = None,
    exeName: str | None = None,
    displayName: str | None = None,
    perfMonIni: str | None = None,
    perfMonDll: str | None = None,
    exeArgs: str | None = None,
    description: str | None = None,
    delayedstart: bool | None = None,
) -> None:
    """Change an installed service's configuration (and its Python class)."""
    no_change = win32service.SERVICE_NO_CHANGE
    service_type = SERVICE_WIN32_OWN_PROCESS
    if bRunInteractive:
        service_type |= win32service.SERVICE_INTERACTIVE_PROCESS
    hscm = win32service.OpenSCManager(None, None, _ALL)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_ALL_ACCESS)
        try:
            win32service.ChangeServiceConfig(
                hs, service_type, no_change if startType is None else startType,
                no_change if errorControl is None else errorControl,
                _command_line(exeName, exeArgs), None, 0, serviceDeps, userName, password,
                displayName,
            )  # fmt: skip
            if description is not None:
                win32service.ChangeServiceConfig2(
                    hs, win32service.SERVICE_CONFIG_DESCRIPTION, description
                )
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)
    InstallPythonClassString(pythonClassString, serviceName)


def InstallPythonClassString(pythonClassString: str | None, serviceName: str) -> None:
    """Record the Python class the service's host runs (pywin32's PythonClass value)."""
    if pythonClassString:
        services.set_python_class(serviceName, pythonClassString)


def _parameters_key(serviceName: object) -> registry.Key:
    name = getattr(serviceName, "_svc_name_", serviceName)
    root = registry.key_of_handle(registry.HKEY_CURRENT_USER)
    path = f"System\\CurrentControlSet\\Services\\{name}\\Parameters"
    return registry.create_key(root, path)[0]


def SetServiceCustomOption(serviceName: object, option: str, value: object) -> None:
    """Keep a named option for the service (an int as REG_DWORD, else REG_SZ)."""
    kind = registry.REG_DWORD if isinstance(value, int) else registry.REG_SZ
    _parameters_key(serviceName).set_value(option, kind, value)


def GetServiceCustomOption(serviceName: object, option: str, defaultValue: object = None) -> Any:  # noqa: ANN401
    """A named option of the service, or ``defaultValue``."""
    try:
        return _parameters_key(serviceName).query_value(option)[0]
    except (LookupError, OSError):
        return defaultValue


def RemoveService(serviceName: str) -> None:
    """Delete an installed service (it goes once stopped)."""
    hscm = win32service.OpenSCManager(None, None, _ALL)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_ALL_ACCESS)
        win32service.DeleteService(hs)
        win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def ControlService(serviceName: str, code: int, machine: str | None = None) -> tuple[int, ...]:
    """Send ``code`` to the service; its status after."""
    hscm = win32service.OpenSCManager(machine, None, _ALL)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_ALL_ACCESS)
        try:
            return win32service.ControlService(hs, code)
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def _timeout(function: str) -> _win32_error:
    text = "The service did not respond to the start or control request in a timely fashion."
    return _win32_error(_ERROR_SERVICE_REQUEST_TIMEOUT, function, text)


def WaitForServiceStatus(
    serviceName: str, status: int, waitSecs: int, machine: str | None = None
) -> None:
    """Poll (every 250 ms) until the service is in ``status``; ERROR_SERVICE_REQUEST_TIMEOUT."""
    for _ in range(waitSecs * 4):
        if QueryServiceStatus(serviceName, machine)[1] == status:
            return
        time.sleep(0.25)
    raise _timeout("QueryServiceStatus")


def _stop_with_timeout(hs: Any, wait_secs: int = 30) -> None:  # noqa: ANN401
    try:
        win32service.ControlService(hs, SERVICE_CONTROL_STOP)
    except _win32_error as exc:
        if exc.winerror != _ERROR_SERVICE_NOT_ACTIVE:
            raise
    for _ in range(wait_secs * 4):
        if win32service.QueryServiceStatus(hs)[1] == SERVICE_STOPPED:
            return
        time.sleep(0.25)
    raise _timeout("ControlService")


def StopServiceWithDeps(serviceName: str, machine: str | None = None, waitSecs: int = 30) -> None:
    """Stop the service and wait until it has stopped (no dependents are tracked here)."""
    hscm = win32service.OpenSCManager(machine, None, _ALL)
    try:
        hs = win32service.OpenService(hscm, serviceName, win32service.SERVICE_ALL_ACCESS)
        try:
            _stop_with_timeout(hs, waitSecs)
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def StopService(serviceName: str, machine: str | None = None) -> tuple[int, ...]:
    """Send SERVICE_CONTROL_STOP; the status after."""
    return ControlService(serviceName, SERVICE_CONTROL_STOP, machine)


def StartService(serviceName: str, args: Any = None, machine: str | None = None) -> None:  # noqa: ANN401
    """Start the service (its process runs once this returns)."""
    hscm = win32service.OpenSCManager(machine, None, _ALL)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_ALL_ACCESS)
        try:
            win32service.StartService(hs, args)
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def RestartService(
    serviceName: str,
    args: Any = None,  # noqa: ANN401
    waitSeconds: int = 30,
    machine: str | None = None,
) -> None:
    """Stop the service, then start it again once it has stopped."""
    try:
        StopService(serviceName, machine)
    except _win32_error as exc:
        if exc.winerror != _ERROR_SERVICE_NOT_ACTIVE:
            raise
    for _ in range(waitSeconds * 4):
        try:
            StartService(serviceName, args, machine)
            return
        except _win32_error as exc:
            if exc.winerror != _ERROR_SERVICE_ALREADY_RUNNING:
                raise
            time.sleep(0.25)
    print("Gave up waiting for the old service to stop!")


def DebugService(cls: Any, argv: Any = ()) -> None:  # noqa: ANN401
    """Run service class ``cls`` in this console until Ctrl+C (pythonservice's ``-debug``)."""
    from . import servicemanager

    servicemanager.PrepareToHostSingle(cls)
    services.debug_service(cls._svc_name_, list(argv))


def GetServiceClassString(cls: Any, argv: Any = None) -> str:  # noqa: ANN401
    """``module.Class`` for the host to import; a script's module is its path, less ``.py``."""
    if argv is None:
        argv = sys.argv
    module = str(getattr(cls, "__module__", "__main__"))
    if module == "__main__":
        module = os.path.splitext(os.path.abspath(argv[0]))[0]
    return f"{module}.{cls.__name__}"


def QueryServiceStatus(serviceName: str, machine: str | None = None) -> tuple[int, ...]:
    """The service's status tuple."""
    hscm = win32service.OpenSCManager(machine, None, win32service.SC_MANAGER_CONNECT)
    try:
        hs = SmartOpenService(hscm, serviceName, win32service.SERVICE_QUERY_STATUS)
        try:
            return win32service.QueryServiceStatus(hs)
        finally:
            win32service.CloseServiceHandle(hs)
    finally:
        win32service.CloseServiceHandle(hscm)


def usage() -> None:
    """Print the command line's usage and exit (status 1), as pywin32's does."""
    name = os.path.split(sys.argv[0])[1] if sys.argv else "service.py"
    print(
        f"Usage: '{name} [options] install|update|remove|start [...]|stop|restart [...]|"
        "debug [...]'"
    )
    print("Options for 'install' and 'update' commands only:")
    print(" --username domain\\username : The Username the service is to run under")
    print(" --password password : The password for the username")
    print(" --startup [manual|auto|disabled|delayed] : How the service starts, default = manual")
    print(" --interactive : Allow the service to interact with the desktop.")
    print(" --perfmonini file: .ini file to use for registering performance monitor data")
    print(" --perfmondll file: .dll file to use when querying the service for")
    print("   performance data, default = perfmondata.dll")
    print("Options for 'start' and 'stop' commands only:")
    print(" --wait seconds: Wait for the service to actually start or stop.")
    print("                 If you specify --wait with the 'stop' option, the service")
    print("                 and all dependent services will be stopped, each waiting")
    print("                 the specified period.")
    sys.exit(1)
