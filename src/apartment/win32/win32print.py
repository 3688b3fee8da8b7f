"""pywin32's ``win32print``: the print spooler, over :mod:`apartment.services`: no printer.

The spooler runs and has no printer: the Enum* listings are empty, a printer's name is
unknown (ERROR_INVALID_PRINTER_NAME, 1801), there is no default printer
(ERROR_FILE_NOT_FOUND), and the functions on a printer's handle or a printer DC fail with
ERROR_INVALID_HANDLE, as no handle was ever opened. GetDeviceCaps answers for the screen's
contexts (GetDC, CreateDC, CreateCompatibleDC). Installing printers is refused
(ERROR_ACCESS_DENIED).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import gdi, kernel, services
from ..errors import ERROR_ACCESS_DENIED as _ERROR_ACCESS_DENIED
from ..errors import Win32Error
from ._adapt import api, dword
from ._buffers import text_arg
from ._handles import PyHANDLE, handle_value, lookup

__all__ = [
    "PyPrinterHANDLE",
    "AbortDoc", "AbortPrinter", "AddForm", "AddJob", "AddPrinter", "AddPrinterConnection",
    "ClosePrinter", "DeleteForm", "DeletePrinter", "DeletePrinterConnection",
    "DeletePrinterDriver", "DeletePrinterDriverEx", "DeviceCapabilities", "DocumentProperties",
    "EndDoc", "EndDocPrinter", "EndPage", "EndPagePrinter", "EnumForms", "EnumJobs",
    "EnumMonitors", "EnumPorts", "EnumPrintProcessorDatatypes", "EnumPrintProcessors",
    "EnumPrinterDrivers", "EnumPrinters", "FlushPrinter", "GetDefaultPrinter",
    "GetDefaultPrinterW", "GetDeviceCaps", "GetForm", "GetJob", "GetPrintProcessorDirectory",
    "GetPrinter", "GetPrinterDriverDirectory", "OpenPrinter", "ScheduleJob",
    "SetDefaultPrinter", "SetDefaultPrinterW", "SetForm", "SetJob", "SetPrinter", "StartDoc",
    "StartDocPrinter", "StartPage", "StartPagePrinter", "WritePrinter", "DEF_PRIORITY",
    "DI_APPBANDING", "DI_ROPS_READ_DESTINATION", "DPD_DELETE_ALL_FILES",
    "DPD_DELETE_SPECIFIC_VERSION", "DPD_DELETE_UNUSED_FILES", "DSPRINT_PENDING",
    "DSPRINT_PUBLISH", "DSPRINT_REPUBLISH", "DSPRINT_UNPUBLISH", "DSPRINT_UPDATE",
    "FORM_BUILTIN", "FORM_PRINTER", "FORM_USER", "JOB_ACCESS_ADMINISTER", "JOB_ACCESS_READ",
    "JOB_ALL_ACCESS", "JOB_CONTROL_CANCEL", "JOB_CONTROL_DELETE",
    "JOB_CONTROL_LAST_PAGE_EJECTED", "JOB_CONTROL_PAUSE", "JOB_CONTROL_RESTART",
    "JOB_CONTROL_RESUME", "JOB_CONTROL_SENT_TO_PRINTER", "JOB_EXECUTE", "JOB_INFO_1",
    "JOB_POSITION_UNSPECIFIED", "JOB_READ", "JOB_STATUS_BLOCKED_DEVQ", "JOB_STATUS_COMPLETE",
    "JOB_STATUS_DELETED", "JOB_STATUS_DELETING", "JOB_STATUS_ERROR", "JOB_STATUS_OFFLINE",
    "JOB_STATUS_PAPEROUT", "JOB_STATUS_PAUSED", "JOB_STATUS_PRINTED", "JOB_STATUS_PRINTING",
    "JOB_STATUS_RESTART", "JOB_STATUS_SPOOLING", "JOB_STATUS_USER_INTERVENTION", "JOB_WRITE",
    "MAX_PRIORITY", "MIN_PRIORITY", "PORT_STATUS_DOOR_OPEN", "PORT_STATUS_NO_TONER",
    "PORT_STATUS_OFFLINE", "PORT_STATUS_OUTPUT_BIN_FULL", "PORT_STATUS_OUT_OF_MEMORY",
    "PORT_STATUS_PAPER_JAM", "PORT_STATUS_PAPER_OUT", "PORT_STATUS_PAPER_PROBLEM",
    "PORT_STATUS_POWER_SAVE", "PORT_STATUS_TONER_LOW", "PORT_STATUS_TYPE_ERROR",
    "PORT_STATUS_TYPE_INFO", "PORT_STATUS_TYPE_WARNING", "PORT_STATUS_USER_INTERVENTION",
    "PORT_STATUS_WARMING_UP", "PORT_TYPE_NET_ATTACHED", "PORT_TYPE_READ",
    "PORT_TYPE_REDIRECTED", "PORT_TYPE_WRITE", "PRINTER_ACCESS_ADMINISTER",
    "PRINTER_ACCESS_USE", "PRINTER_ALL_ACCESS", "PRINTER_ATTRIBUTE_DEFAULT",
    "PRINTER_ATTRIBUTE_DIRECT", "PRINTER_ATTRIBUTE_DO_COMPLETE_FIRST",
    "PRINTER_ATTRIBUTE_ENABLE_BIDI", "PRINTER_ATTRIBUTE_ENABLE_DEVQ", "PRINTER_ATTRIBUTE_FAX",
    "PRINTER_ATTRIBUTE_HIDDEN", "PRINTER_ATTRIBUTE_KEEPPRINTEDJOBS", "PRINTER_ATTRIBUTE_LOCAL",
    "PRINTER_ATTRIBUTE_NETWORK", "PRINTER_ATTRIBUTE_PUBLISHED", "PRINTER_ATTRIBUTE_QUEUED",
    "PRINTER_ATTRIBUTE_RAW_ONLY", "PRINTER_ATTRIBUTE_SHARED", "PRINTER_ATTRIBUTE_TS",
    "PRINTER_ATTRIBUTE_WORK_OFFLINE", "PRINTER_CONTROL_PAUSE", "PRINTER_CONTROL_PURGE",
    "PRINTER_CONTROL_RESUME", "PRINTER_CONTROL_SET_STATUS", "PRINTER_ENUM_CONNECTIONS",
    "PRINTER_ENUM_CONTAINER", "PRINTER_ENUM_DEFAULT", "PRINTER_ENUM_EXPAND",
    "PRINTER_ENUM_ICON1", "PRINTER_ENUM_ICON2", "PRINTER_ENUM_ICON3", "PRINTER_ENUM_ICON4",
    "PRINTER_ENUM_ICON5", "PRINTER_ENUM_ICON6", "PRINTER_ENUM_ICON7", "PRINTER_ENUM_ICON8",
    "PRINTER_ENUM_LOCAL", "PRINTER_ENUM_NAME", "PRINTER_ENUM_NETWORK", "PRINTER_ENUM_REMOTE",
    "PRINTER_ENUM_SHARED", "PRINTER_EXECUTE", "PRINTER_INFO_1", "PRINTER_READ",
    "PRINTER_STATUS_BUSY", "PRINTER_STATUS_DOOR_OPEN", "PRINTER_STATUS_ERROR",
    "PRINTER_STATUS_INITIALIZING", "PRINTER_STATUS_IO_ACTIVE", "PRINTER_STATUS_MANUAL_FEED",
    "PRINTER_STATUS_NOT_AVAILABLE", "PRINTER_STATUS_NO_TONER", "PRINTER_STATUS_OFFLINE",
    "PRINTER_STATUS_OUTPUT_BIN_FULL", "PRINTER_STATUS_OUT_OF_MEMORY",
    "PRINTER_STATUS_PAGE_PUNT", "PRINTER_STATUS_PAPER_JAM", "PRINTER_STATUS_PAPER_OUT",
    "PRINTER_STATUS_PAPER_PROBLEM", "PRINTER_STATUS_PAUSED", "PRINTER_STATUS_PENDING_DELETION",
    "PRINTER_STATUS_POWER_SAVE", "PRINTER_STATUS_PRINTING", "PRINTER_STATUS_PROCESSING",
    "PRINTER_STATUS_SERVER_UNKNOWN", "PRINTER_STATUS_TONER_LOW",
    "PRINTER_STATUS_USER_INTERVENTION", "PRINTER_STATUS_WAITING", "PRINTER_STATUS_WARMING_UP",
    "PRINTER_WRITE", "SERVER_ACCESS_ADMINISTER", "SERVER_ACCESS_ENUMERATE", "SERVER_ALL_ACCESS",
    "SERVER_EXECUTE", "SERVER_READ", "SERVER_WRITE",
]  # fmt: skip

DEF_PRIORITY = 1
DI_APPBANDING = 1
DI_ROPS_READ_DESTINATION = 2
DPD_DELETE_ALL_FILES = 4
DPD_DELETE_SPECIFIC_VERSION = 2
DPD_DELETE_UNUSED_FILES = 1
DSPRINT_PENDING = -2147483648
DSPRINT_PUBLISH = 1
DSPRINT_REPUBLISH = 8
DSPRINT_UNPUBLISH = 4
DSPRINT_UPDATE = 2
FORM_BUILTIN = 1
FORM_PRINTER = 2
FORM_USER = 0
JOB_ACCESS_ADMINISTER = 16
JOB_ACCESS_READ = 32
JOB_ALL_ACCESS = 983088
JOB_CONTROL_CANCEL = 3
JOB_CONTROL_DELETE = 5
JOB_CONTROL_LAST_PAGE_EJECTED = 7
JOB_CONTROL_PAUSE = 1
JOB_CONTROL_RESTART = 4
JOB_CONTROL_RESUME = 2
JOB_CONTROL_SENT_TO_PRINTER = 6
JOB_EXECUTE = 131088
JOB_INFO_1 = 1
JOB_POSITION_UNSPECIFIED = 0
JOB_READ = 131104
JOB_STATUS_BLOCKED_DEVQ = 512
JOB_STATUS_COMPLETE = 4096
JOB_STATUS_DELETED = 256
JOB_STATUS_DELETING = 4
JOB_STATUS_ERROR = 2
JOB_STATUS_OFFLINE = 32
JOB_STATUS_PAPEROUT = 64
JOB_STATUS_PAUSED = 1
JOB_STATUS_PRINTED = 128
JOB_STATUS_PRINTING = 16
JOB_STATUS_RESTART = 2048
JOB_STATUS_SPOOLING = 8
JOB_STATUS_USER_INTERVENTION = 1024
JOB_WRITE = 131088
MAX_PRIORITY = 99
MIN_PRIORITY = 1
PORT_STATUS_DOOR_OPEN = 7
PORT_STATUS_NO_TONER = 6
PORT_STATUS_OFFLINE = 1
PORT_STATUS_OUTPUT_BIN_FULL = 4
PORT_STATUS_OUT_OF_MEMORY = 9
PORT_STATUS_PAPER_JAM = 2
PORT_STATUS_PAPER_OUT = 3
PORT_STATUS_PAPER_PROBLEM = 5
PORT_STATUS_POWER_SAVE = 12
PORT_STATUS_TONER_LOW = 10
PORT_STATUS_TYPE_ERROR = 1
PORT_STATUS_TYPE_INFO = 3
PORT_STATUS_TYPE_WARNING = 2
PORT_STATUS_USER_INTERVENTION = 8
PORT_STATUS_WARMING_UP = 11
PORT_TYPE_NET_ATTACHED = 8
PORT_TYPE_READ = 2
PORT_TYPE_REDIRECTED = 4
PORT_TYPE_WRITE = 1
PRINTER_ACCESS_ADMINISTER = 4
PRINTER_ACCESS_USE = 8
PRINTER_ALL_ACCESS = 983052
PRINTER_ATTRIBUTE_DEFAULT = 4
PRINTER_ATTRIBUTE_DIRECT = 2
PRINTER_ATTRIBUTE_DO_COMPLETE_FIRST = 512
PRINTER_ATTRIBUTE_ENABLE_BIDI = 2048
PRINTER_ATTRIBUTE_ENABLE_DEVQ = 128
PRINTER_ATTRIBUTE_FAX = 16384
PRINTER_ATTRIBUTE_HIDDEN = 32
PRINTER_ATTRIBUTE_KEEPPRINTEDJOBS = 256
PRINTER_ATTRIBUTE_LOCAL = 64
PRINTER_ATTRIBUTE_NETWORK = 16
PRINTER_ATTRIBUTE_PUBLISHED = 8192
PRINTER_ATTRIBUTE_QUEUED = 1
PRINTER_ATTRIBUTE_RAW_ONLY = 4096
PRINTER_ATTRIBUTE_SHARED = 8
PRINTER_ATTRIBUTE_TS = 32768
PRINTER_ATTRIBUTE_WORK_OFFLINE = 1024
PRINTER_CONTROL_PAUSE = 1
PRINTER_CONTROL_PURGE = 3
PRINTER_CONTROL_RESUME = 2
PRINTER_CONTROL_SET_STATUS = 4
PRINTER_ENUM_CONNECTIONS = 4
PRINTER_ENUM_CONTAINER = 32768
PRINTER_ENUM_DEFAULT = 1
PRINTER_ENUM_EXPAND = 16384
PRINTER_ENUM_ICON1 = 65536
PRINTER_ENUM_ICON2 = 131072
PRINTER_ENUM_ICON3 = 262144
PRINTER_ENUM_ICON4 = 524288
PRINTER_ENUM_ICON5 = 1048576
PRINTER_ENUM_ICON6 = 2097152
PRINTER_ENUM_ICON7 = 4194304
PRINTER_ENUM_ICON8 = 8388608
PRINTER_ENUM_LOCAL = 2
PRINTER_ENUM_NAME = 8
PRINTER_ENUM_NETWORK = 64
PRINTER_ENUM_REMOTE = 16
PRINTER_ENUM_SHARED = 32
PRINTER_EXECUTE = 131080
PRINTER_INFO_1 = 1
PRINTER_READ = 131080
PRINTER_STATUS_BUSY = 512
PRINTER_STATUS_DOOR_OPEN = 4194304
PRINTER_STATUS_ERROR = 2
PRINTER_STATUS_INITIALIZING = 32768
PRINTER_STATUS_IO_ACTIVE = 256
PRINTER_STATUS_MANUAL_FEED = 32
PRINTER_STATUS_NOT_AVAILABLE = 4096
PRINTER_STATUS_NO_TONER = 262144
PRINTER_STATUS_OFFLINE = 128
PRINTER_STATUS_OUTPUT_BIN_FULL = 2048
PRINTER_STATUS_OUT_OF_MEMORY = 2097152
PRINTER_STATUS_PAGE_PUNT = 524288
PRINTER_STATUS_PAPER_JAM = 8
PRINTER_STATUS_PAPER_OUT = 16
PRINTER_STATUS_PAPER_PROBLEM = 64
PRINTER_STATUS_PAUSED = 1
PRINTER_STATUS_PENDING_DELETION = 4
PRINTER_STATUS_POWER_SAVE = 16777216
PRINTER_STATUS_PRINTING = 1024
PRINTER_STATUS_PROCESSING = 16384
PRINTER_STATUS_SERVER_UNKNOWN = 8388608
PRINTER_STATUS_TONER_LOW = 131072
PRINTER_STATUS_USER_INTERVENTION = 1048576
PRINTER_STATUS_WAITING = 8192
PRINTER_STATUS_WARMING_UP = 65536
PRINTER_WRITE = 131080
SERVER_ACCESS_ADMINISTER = 1
SERVER_ACCESS_ENUMERATE = 2
SERVER_ALL_ACCESS = 983043
SERVER_EXECUTE = 131074
SERVER_READ = 131074
SERVER_WRITE = 131075

_ERROR_UNKNOWN_PRINTER_DRIVER = 1797
_ERROR_UNKNOWN_PRINTPROCESSOR = 1798


def _optional_text(value: object) -> str | None:
    return None if value is None else text_arg(value)


@api("EnumPrinters")
def EnumPrinters(flags: object, name: object = None, level: object = 1, /) -> tuple[Any, ...]:
    """The printers of the PRINTER_ENUM_ flags: none (an empty tuple)."""
    dword(flags)
    _optional_text(name)
    dword(level)
    return tuple(services.printers())


class PyPrinterHANDLE(PyHANDLE):
    """A printer's handle (pywin32's PyPrinterHANDLE): here only the local print server's."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyPrinterHANDLE:{self.handle}>"

    @api("ClosePrinter")
    def Close(self) -> None:
        """Close the handle (ClosePrinter) and set the value to 0."""
        PyHANDLE.Close(self)

    close = Close


@api("OpenPrinter")
def OpenPrinter(printer: object, Defaults: object = None, /) -> PyPrinterHANDLE:
    """None: the local print server; a printer's name: ERROR_INVALID_PRINTER_NAME (none)."""
    if printer is not None:
        services.open_printer(text_arg(printer))
    return PyPrinterHANDLE(kernel.handles.insert(services.PrintServer()))


@api("ClosePrinter")
def ClosePrinter(hPrinter: object, /) -> None:
    """Close a printer's handle: the print server's is the only one."""
    lookup(hPrinter, services.PrintServer)
    if isinstance(hPrinter, PyHANDLE):
        PyHANDLE.Close(hPrinter)
    else:
        kernel.handles.close(handle_value(hPrinter))


@api("EnumForms")
def EnumForms(hprinter: object, /) -> tuple[Any, ...]:
    """The forms of the print server: none (an empty tuple)."""
    lookup(hprinter, services.PrintServer)
    return ()


def GetDefaultPrinter() -> str:
    """There is no default printer: pywin32 raises its RuntimeError for that."""
    try:
        return services.default_printer()
    except Win32Error:
        raise RuntimeError("The default printer was not found.") from None


@api("GetDefaultPrinter")
def GetDefaultPrinterW() -> str:
    """ERROR_FILE_NOT_FOUND: there is no default printer."""
    return services.default_printer()


@api("SetDefaultPrinter")
def SetDefaultPrinter(printer: object, /) -> None:
    services.open_printer(text_arg(printer))


@api("SetDefaultPrinterW")
def SetDefaultPrinterW(printer: object, /) -> None:
    services.open_printer(text_arg(printer))


@api("AddPrinterConnection")
def AddPrinterConnection(printer: object, /) -> None:
    services.open_printer(text_arg(printer))


@api("DeletePrinterConnection")
def DeletePrinterConnection(printer: object, /) -> None:
    services.open_printer(text_arg(printer))


@api("DeviceCapabilities")
def DeviceCapabilities(
    Device: object, Port: object, Capability: object, DEVMODE: object = None, /
) -> Any:  # noqa: ANN401
    services.open_printer(text_arg(Device))


@api("DocumentProperties")
def DocumentProperties(
    HWnd: object, hPrinter: object, DeviceName: object, DevModeOutput: object,
    DevModeInput: object, Mode: object, /,
) -> int:  # fmt: skip
    return services.no_printer_handle(handle_value(hPrinter))


@api("AddPrinter")
def AddPrinter(Name: object, Level: object, pPrinter: object, /) -> Any:  # noqa: ANN401
    """Installing a printer is refused (ERROR_ACCESS_DENIED)."""
    _optional_text(Name)
    dword(Level)
    raise Win32Error.from_code(_ERROR_ACCESS_DENIED, "printers are not installed from here")


@api("DeletePrinterDriver")
def DeletePrinterDriver(Server: object, Environment: object, DriverName: object, /) -> None:
    raise Win32Error.from_code(_ERROR_UNKNOWN_PRINTER_DRIVER, "no printer driver is installed")


@api("DeletePrinterDriverEx")
def DeletePrinterDriverEx(
    Server: object, Environment: object, DriverName: object, DeleteFlag: object,
    VersionFlag: object, /,
) -> None:  # fmt: skip
    raise Win32Error.from_code(_ERROR_UNKNOWN_PRINTER_DRIVER, "no printer driver is installed")


def _listing(name: str) -> Any:  # noqa: ANN401
    @api(name)
    def listing(*args: object) -> tuple[Any, ...]:
        return ()

    listing.__name__ = listing.__qualname__ = name
    listing.__doc__ = "An empty tuple: the spooler has no printer, driver, port or monitor."
    return listing


EnumPorts = _listing("EnumPorts")
EnumMonitors = _listing("EnumMonitors")
EnumPrintProcessors = _listing("EnumPrintProcessors")
EnumPrinterDrivers = _listing("EnumPrinterDrivers")


@api("EnumPrintProcessorDatatypes")
def EnumPrintProcessorDatatypes(
    ServerName: object, PrintProcessorName: object, Level: object = 1, /
) -> tuple[Any, ...]:
    raise Win32Error.from_code(_ERROR_UNKNOWN_PRINTPROCESSOR, "no print processor is installed")


@api("GetPrinterDriverDirectory")
def GetPrinterDriverDirectory(Name: object = None, Environment: object = None, /) -> str:
    """The drivers' directory of the spooler: CUPS' (none is installed through it here)."""
    _optional_text(Name)
    _optional_text(Environment)
    return "/usr/share/cups/model"


@api("GetPrintProcessorDirectory")
def GetPrintProcessorDirectory(Name: object = None, Environment: object = None, /) -> str:
    """The print processors' directory of the spooler: CUPS' filters."""
    _optional_text(Name)
    _optional_text(Environment)
    return "/usr/lib/cups/filter"


def _on_handle(name: str) -> Any:  # noqa: ANN401
    @api(name)
    def on_handle(handle: object, *args: object) -> Any:  # noqa: ANN401
        return services.no_printer_handle(handle_value(handle))

    on_handle.__name__ = on_handle.__qualname__ = name
    on_handle.__doc__ = "ERROR_INVALID_HANDLE: no printer (or printer DC) handle was opened."
    return on_handle


AbortPrinter = _on_handle("AbortPrinter")
AddForm = _on_handle("AddForm")
AddJob = _on_handle("AddJob")
DeleteForm = _on_handle("DeleteForm")
DeletePrinter = _on_handle("DeletePrinter")
EndDocPrinter = _on_handle("EndDocPrinter")
EndPagePrinter = _on_handle("EndPagePrinter")
EnumJobs = _on_handle("EnumJobs")
FlushPrinter = _on_handle("FlushPrinter")
GetForm = _on_handle("GetForm")
GetJob = _on_handle("GetJob")
GetPrinter = _on_handle("GetPrinter")
ScheduleJob = _on_handle("ScheduleJob")
SetForm = _on_handle("SetForm")
SetJob = _on_handle("SetJob")
SetPrinter = _on_handle("SetPrinter")
StartDocPrinter = _on_handle("StartDocPrinter")
StartPagePrinter = _on_handle("StartPagePrinter")
WritePrinter = _on_handle("WritePrinter")
AbortDoc = _on_handle("AbortDoc")
EndDoc = _on_handle("EndDoc")
EndPage = _on_handle("EndPage")


def GetDeviceCaps(hdc: object, Index: int, /) -> int:
    """A capability of a context's device: the screen's, as no printer DC exists.

    0, without an error, for a handle that is no device context (the API's answer, and Wine's).
    """
    try:
        gdi.dc_of(handle_value(hdc))
    except Win32Error:
        return 0
    return gdi.device_caps(operator.index(Index))


StartDoc = _on_handle("StartDoc")
StartPage = _on_handle("StartPage")
