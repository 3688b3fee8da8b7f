"""pywin32's ``win32serviceutil``: service helpers and ``ServiceFramework``, over win32service.

The helpers call :mod:`.win32service` as pywin32's do, so their errors are pywin32's. Where
pywin32 reaches for pythonservice.exe and the registry, the core stands in: the service's
command is :func:`apartment.services.python_service_command` (``python -m apartment
pythonservice``), its PythonClass is kept in the services database, and ``debug`` runs the
service in this process (:func:`apartment.services.debug_service`) without needing it to be
installed first (pywin32's needs it installed; see docs/differences-from-windows.md).
"""

from __future__ import annotations

from ._service_cli import HandleCommandLine as HandleCommandLine
from ._service_framework import ServiceFramework as ServiceFramework
from ._service_helpers import ChangeServiceConfig as ChangeServiceConfig
from ._service_helpers import ControlService as ControlService
from ._service_helpers import DebugService as DebugService
from ._service_helpers import GetServiceClassString as GetServiceClassString
from ._service_helpers import GetServiceCustomOption as GetServiceCustomOption
from ._service_helpers import InstallPythonClassString as InstallPythonClassString
from ._service_helpers import InstallService as InstallService
from ._service_helpers import LocatePythonServiceExe as LocatePythonServiceExe
from ._service_helpers import LocateSpecificServiceExe as LocateSpecificServiceExe
from ._service_helpers import QueryServiceStatus as QueryServiceStatus
from ._service_helpers import RemoveService as RemoveService
from ._service_helpers import RestartService as RestartService
from ._service_helpers import SetServiceCustomOption as SetServiceCustomOption
from ._service_helpers import SmartOpenService as SmartOpenService
from ._service_helpers import StartService as StartService
from ._service_helpers import StopService as StopService
from ._service_helpers import StopServiceWithDeps as StopServiceWithDeps
from ._service_helpers import WaitForServiceStatus as WaitForServiceStatus
from ._service_helpers import error as error
from ._service_helpers import usage as usage
from ._unavailable import unavailable_win32 as _unavailable_win32

__all__ = [
    "error",
    "LocatePythonServiceExe",
    "SmartOpenService",
    "LocateSpecificServiceExe",
    "InstallService",
    "ChangeServiceConfig",
    "InstallPythonClassString",
    "SetServiceCustomOption",
    "GetServiceCustomOption",
    "RemoveService",
    "ControlService",
    "WaitForServiceStatus",
    "StopServiceWithDeps",
    "StopService",
    "StartService",
    "RestartService",
    "DebugService",
    "GetServiceClassString",
    "QueryServiceStatus",
    "usage",
    "HandleCommandLine",
    "ServiceFramework",
    "InstallPerfmonForService",
]

# Performance counters (perfmon's registration) have no Linux feature behind them.
InstallPerfmonForService = _unavailable_win32("InstallPerfmonForService", "performance counters")
