"""The service control manager, for one user: install, query, configure and delete services.

Windows' SCM is a system process; here each caller does its part itself, over the services
database (:mod:`._database`); starting and controlling a service is :mod:`._control`'s.

* :func:`query_status` reads the status the service last reported; a service process that
  died without reporting SERVICE_STOPPED reads as stopped with ERROR_PROCESS_ABORTED.
* :func:`delete_service` marks the service for delete; it goes once it is stopped and the
  handles this process has open to it are closed (others' handles are not counted).

Handles (:class:`ServiceManager`, :class:`Service`) carry the rights they were opened with
(GENERIC_* mapped to the specific ones); a call the rights do not allow fails with
ERROR_ACCESS_DENIED.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, NamedTuple

from .._pids import pid_exists
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_DUPLICATE_SERVICE_NAME,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_NAME,
    ERROR_INVALID_PARAMETER,
    ERROR_PROCESS_ABORTED,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_EXISTS,
    ERROR_SERVICE_MARKED_FOR_DELETE,
    Win32Error,
)
from ._constants import (
    SC_MANAGER_ALL_ACCESS,
    SC_MANAGER_CONNECT,
    SC_MANAGER_CREATE_SERVICE,
    SC_MANAGER_ENUMERATE_SERVICE,
    SC_MANAGER_LOCK,
    SC_MANAGER_MODIFY_BOOT_CONFIG,
    SC_MANAGER_QUERY_LOCK_STATUS,
    SERVICE_ACTIVE,
    SERVICE_ALL_ACCESS,
    SERVICE_CHANGE_CONFIG,
    SERVICE_ENUMERATE_DEPENDENTS,
    SERVICE_INACTIVE,
    SERVICE_INTERROGATE,
    SERVICE_NO_CHANGE,
    SERVICE_PAUSE_CONTINUE,
    SERVICE_QUERY_CONFIG,
    SERVICE_QUERY_STATUS,
    SERVICE_START,
    SERVICE_STOP,
    SERVICE_STOPPED,
    SERVICE_USER_DEFINED_CONTROL,
    SERVICE_WIN32,
)
from ._database import COLUMNS, ServiceRow, read_row, services_path, transaction
from ._database import connect as connect_db
from ._host import ServiceStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ServiceManager", "Service", "ServiceConfig", "open_manager", "create_service",
    "open_service", "delete_service", "close_handle", "query_status", "query_process_id",
    "query_config", "change_config", "set_description", "description", "enum_services",
    "service_key_name", "service_display_name", "set_python_class", "python_class",
    "need", "fail", "row_of", "status_of",
]  # fmt: skip


class ServiceManager:
    """A handle's object for the service control manager (OpenSCManager)."""

    def __init__(self, access: int) -> None:
        self.access = access
        self.closed = False

    def __repr__(self) -> str:
        return f"<ServiceManager access={self.access:#x}>"


class Service:
    """A handle's object for one service (OpenService, CreateService)."""

    def __init__(self, name: str, access: int) -> None:
        self.name = name
        self.access = access
        self.closed = False

    def __repr__(self) -> str:
        return f"<Service {self.name!r} access={self.access:#x}>"

    def close_on_last_handle(self) -> None:
        """The kernel's hook: this handle closed (a service marked for delete may go now)."""
        close_handle(self)


class ServiceConfig(NamedTuple):
    """QUERY_SERVICE_CONFIG."""

    service_type: int
    start_type: int
    error_control: int
    binary_path: str
    load_order_group: str
    tag_id: int
    dependencies: list[str]
    start_name: str
    display_name: str


class _Open:
    """The service handles this process has open, counted by service name, under ``lock``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[str, int] = {}


_open = _Open()


_GENERIC_READ, _GENERIC_WRITE, _GENERIC_EXECUTE, _GENERIC_ALL = 1 << 31, 1 << 30, 1 << 29, 1 << 28
_READ_CONTROL = 0x20000
_MANAGER_GENERIC = (  # the manager's GENERIC_MAPPING (winsvc.h's rights, Microsoft's table)
    SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS | _READ_CONTROL,
    SC_MANAGER_CREATE_SERVICE | SC_MANAGER_MODIFY_BOOT_CONFIG | _READ_CONTROL,
    SC_MANAGER_CONNECT | SC_MANAGER_LOCK | _READ_CONTROL,
    SC_MANAGER_ALL_ACCESS,
)
_SERVICE_GENERIC = (  # a service's
    SERVICE_QUERY_CONFIG | SERVICE_QUERY_STATUS | SERVICE_INTERROGATE
    | SERVICE_ENUMERATE_DEPENDENTS | _READ_CONTROL,
    SERVICE_CHANGE_CONFIG | _READ_CONTROL,
    SERVICE_START | SERVICE_STOP | SERVICE_PAUSE_CONTINUE | SERVICE_USER_DEFINED_CONTROL
    | _READ_CONTROL,
    SERVICE_ALL_ACCESS,
)  # fmt: skip


def _map_generic(access: int, mapping: tuple[int, int, int, int]) -> int:
    """``access`` with its GENERIC_* bits replaced by the specific rights they stand for."""
    specific = access & 0x0FFFFFFF
    for bit, rights in zip((_GENERIC_READ, _GENERIC_WRITE, _GENERIC_EXECUTE, _GENERIC_ALL),
                           mapping, strict=True):  # fmt: skip
        if access & bit:
            specific |= rights
    return specific


def fail(code: int, detail: str = "") -> Win32Error:
    """The Win32Error for ``code``, with what went wrong (for ``raise``)."""
    return Win32Error.from_code(code, detail)


def need(handle: ServiceManager | Service, right: int) -> None:
    """Check that an open ``handle`` holds ``right`` (ERROR_ACCESS_DENIED if not)."""
    if handle.closed:
        raise fail(ERROR_INVALID_HANDLE, "the service handle is closed")
    if not handle.access & right:
        raise fail(ERROR_ACCESS_DENIED, f"the handle was not opened with right {right:#x}")


def _track(name: str, delta: int) -> int:
    key = f"{services_path()}\0{name.lower()}"  # a service of this database
    with _open.lock:
        count = _open.counts.get(key, 0) + delta
        if count > 0:
            _open.counts[key] = count
        else:
            _open.counts.pop(key, None)
    return count


def _check_name(name: object, what: str = "service name") -> str:
    if not isinstance(name, str):
        raise TypeError(f"a {what} is a str, not {type(name).__name__}")
    if not name or "/" in name or "\\" in name or len(name) > 256:
        raise fail(ERROR_INVALID_NAME, f"{name!r} is not a valid {what}")
    return name


def open_manager(
    machine: str | None = None, database: str | None = None, access: int = SC_MANAGER_ALL_ACCESS
) -> ServiceManager:
    """Connect to the manager of this machine (``machine`` None, '' or this one's name)."""
    if database not in (None, "", "ServicesActive"):
        raise fail(ERROR_INVALID_NAME, f"no services database {database!r}")
    return ServiceManager(_map_generic(access, _MANAGER_GENERIC) | SC_MANAGER_CONNECT)


def close_handle(handle: ServiceManager | Service) -> None:
    """Close a handle; a service marked for delete goes when stopped and unreferenced here."""
    if handle.closed:
        raise fail(ERROR_INVALID_HANDLE, "the service handle is already closed")
    handle.closed = True
    if isinstance(handle, Service) and _track(handle.name, -1) == 0:
        with transaction() as db:
            db.execute(
                "DELETE FROM services WHERE name_key = ? AND deleted AND state = ?",
                (handle.name.lower(), SERVICE_STOPPED),
            )


def create_service(
    manager: ServiceManager,
    name: str,
    display_name: str | None,
    access: int,
    service_type: int,
    start_type: int,
    error_control: int,
    binary_path: str,
    load_order_group: str | None = None,
    dependencies: Sequence[str] | None = None,
    start_name: str | None = None,
) -> Service:
    """Install a service (CreateService) and return a handle to it.

    Raises:
        Win32Error: ERROR_SERVICE_EXISTS, ERROR_SERVICE_MARKED_FOR_DELETE (a service of that
            name waits to go), ERROR_DUPLICATE_SERVICE_NAME (the display name is another's),
            ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER (a bad type, start or path).
    """
    need(manager, SC_MANAGER_CREATE_SERVICE)
    _check_name(name)
    display = display_name or name
    if not service_type & (SERVICE_WIN32 | 0x3) or start_type not in range(5):
        raise fail(ERROR_INVALID_PARAMETER, "a bad service type or start type")
    if error_control not in range(4) or not binary_path:
        raise fail(ERROR_INVALID_PARAMETER, "a bad error control or an empty binary path")
    with transaction() as db:
        row = read_row(db, name)
        if row is not None:
            code = ERROR_SERVICE_MARKED_FOR_DELETE if row.deleted else ERROR_SERVICE_EXISTS
            raise fail(code, f"service {row.name!r}")
        clash = db.execute(
            "SELECT name FROM services WHERE lower(display_name) = ? OR name_key = ?",
            (display.lower(), display.lower()),
        ).fetchone()
        if clash is not None:
            raise fail(ERROR_DUPLICATE_SERVICE_NAME, f"{display!r} names {clash[0]!r}")
        db.execute(
            "INSERT INTO services (name_key, name, display_name, service_type, start_type, "
            "error_control, binary_path, load_order_group, dependencies, start_name) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name.lower(), name, display, service_type, start_type, error_control,
             binary_path, load_order_group or "", "\n".join(dependencies or ()),
             start_name or "LocalSystem"),
        )  # fmt: skip
    _track(name, 1)
    return Service(name, _map_generic(access, _SERVICE_GENERIC))


def open_service(manager: ServiceManager, name: str, access: int) -> Service:
    """Open a handle to service ``name`` (any case).

    Raises:
        Win32Error: ERROR_SERVICE_DOES_NOT_EXIST; ERROR_INVALID_NAME.
    """
    if manager.closed:
        raise fail(ERROR_INVALID_HANDLE, "the manager handle is closed")
    _check_name(name)
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    _track(row.name, 1)
    return Service(row.name, _map_generic(access, _SERVICE_GENERIC))


def row_of(service: Service) -> ServiceRow:
    """The service's row (ERROR_SERVICE_DOES_NOT_EXIST once it is gone)."""
    with connect_db() as db:
        row = read_row(db, service.name)
    if row is None:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
    return row


def delete_service(service: Service) -> None:
    """Mark the service for delete (DeleteService).

    Raises:
        Win32Error: ERROR_SERVICE_MARKED_FOR_DELETE, it is already.
    """
    need(service, 0x10000)  # DELETE
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        db.execute("UPDATE services SET deleted = 1 WHERE name_key = ?", (row.name.lower(),))


def status_of(row: ServiceRow) -> ServiceStatus:
    """The row's status; a process gone without reporting its stop reads as aborted."""
    status = ServiceStatus(row.service_type & 0xFF, *row[12:18])
    if row.state != SERVICE_STOPPED and row.pid and not pid_exists(row.pid):
        with transaction() as db:
            db.execute(
                "UPDATE services SET state = ?, accepted = 0, exit_code = ?, check_point = 0, "
                "wait_hint = 0, pid = 0 WHERE name_key = ? AND pid = ?",
                (SERVICE_STOPPED, ERROR_PROCESS_ABORTED, row.name.lower(), row.pid),
            )
            db.execute("DELETE FROM services WHERE name_key = ? AND deleted", (row.name.lower(),))
        return ServiceStatus(status.service_type, SERVICE_STOPPED, 0, ERROR_PROCESS_ABORTED,
                             0, 0, 0)  # fmt: skip
    return status


def query_status(service: Service) -> ServiceStatus:
    """The service's status (QueryServiceStatus)."""
    need(service, SERVICE_QUERY_STATUS)
    return status_of(row_of(service))


def query_process_id(service: Service) -> int:
    """The id of the service's process; 0 when it is stopped."""
    need(service, SERVICE_QUERY_STATUS)
    row = row_of(service)
    return 0 if status_of(row).current_state == SERVICE_STOPPED else row.pid


def query_config(service: Service) -> ServiceConfig:
    """The service's configuration (QueryServiceConfig)."""
    need(service, SERVICE_QUERY_CONFIG)
    row = row_of(service)
    dependencies = row.dependencies.split("\n") if row.dependencies else []
    return ServiceConfig(row.service_type, row.start_type, row.error_control, row.binary_path,
                         row.load_order_group, 0, dependencies, row.start_name,
                         row.display_name)  # fmt: skip


def change_config(
    service: Service,
    service_type: int = SERVICE_NO_CHANGE,
    start_type: int = SERVICE_NO_CHANGE,
    error_control: int = SERVICE_NO_CHANGE,
    binary_path: str | None = None,
    load_order_group: str | None = None,
    dependencies: Sequence[str] | None = None,
    start_name: str | None = None,
    display_name: str | None = None,
) -> None:
    """Change what is given (SERVICE_NO_CHANGE or None: leave it) (ChangeServiceConfig)."""
    need(service, SERVICE_CHANGE_CONFIG)
    changes: dict[str, object] = {}
    for column, value in (("service_type", service_type), ("start_type", start_type),
                          ("error_control", error_control)):  # fmt: skip
        if value not in (SERVICE_NO_CHANGE, 0xFFFFFFFF):
            changes[column] = value
    for column, text in (("binary_path", binary_path), ("load_order_group", load_order_group),
                         ("start_name", start_name), ("display_name", display_name)):  # fmt: skip
        if text is not None:
            changes[column] = text
    if dependencies is not None:
        changes["dependencies"] = "\n".join(dependencies)
    if "start_type" in changes and changes["start_type"] not in range(5):
        raise fail(ERROR_INVALID_PARAMETER, "a bad start type")
    with transaction() as db:
        row = read_row(db, service.name)
        if row is None:
            raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"service {service.name!r} was deleted")
        if row.deleted:
            raise fail(ERROR_SERVICE_MARKED_FOR_DELETE, f"service {row.name!r}")
        for column, new in changes.items():
            db.execute(f"UPDATE services SET {column} = ? WHERE name_key = ?",
                       (new, row.name.lower()))  # fmt: skip


def set_description(service: Service, description: str | None) -> None:
    """Set (or, with None, clear) the service's description (ChangeServiceConfig2)."""
    need(service, SERVICE_CHANGE_CONFIG)
    with transaction() as db:
        db.execute("UPDATE services SET description = ? WHERE name_key = ?",
                   (description, service.name.lower()))  # fmt: skip


def description(service: Service) -> str | None:
    """The service's description."""
    need(service, SERVICE_QUERY_CONFIG)
    return row_of(service).description


def set_python_class(name: str, class_string: str | None) -> None:
    """Record the Python class pythonservice runs for ``name`` (pywin32's PythonClass value)."""
    with transaction() as db:
        updated = db.execute("UPDATE services SET python_class = ? WHERE name_key = ?",
                             (class_string, name.lower())).rowcount  # fmt: skip
    if not updated:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")


def python_class(name: str) -> str | None:
    """The Python class recorded for ``name``: None if none (no such service: 1060)."""
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    return row.python_class


def enum_services(
    manager: ServiceManager, service_type: int = SERVICE_WIN32, state: int = 3
) -> list[tuple[str, str, ServiceStatus]]:
    """(name, display name, status) of the services of ``service_type`` in ``state``."""
    need(manager, SC_MANAGER_ENUMERATE_SERVICE)
    if state not in (SERVICE_ACTIVE, SERVICE_INACTIVE, 3):
        raise fail(ERROR_INVALID_PARAMETER, "the state is SERVICE_ACTIVE, _INACTIVE or _ALL")
    with connect_db() as db:
        rows = [
            ServiceRow(*r) for r in db.execute(f"SELECT {COLUMNS} FROM services ORDER BY name_key")
        ]
    found = []
    for row in rows:
        if not row.service_type & service_type:
            continue
        status = status_of(row)
        active = status.current_state != SERVICE_STOPPED
        if (state == SERVICE_ACTIVE and not active) or (state == SERVICE_INACTIVE and active):
            continue
        found.append((row.name, row.display_name, status))
    return found


def service_key_name(manager: ServiceManager, display_name: str) -> str:
    """The name of the service whose display name is ``display_name`` (GetServiceKeyName)."""
    with connect_db() as db:
        row = db.execute("SELECT name FROM services WHERE lower(display_name) = ?",
                         (display_name.lower(),)).fetchone()  # fmt: skip
    if row is None:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service is shown as {display_name!r}")
    return str(row[0])


def service_display_name(manager: ServiceManager, name: str) -> str:
    """The display name of service ``name`` (GetServiceDisplayName)."""
    with connect_db() as db:
        row = read_row(db, name)
    if row is None:
        raise fail(ERROR_SERVICE_DOES_NOT_EXIST, f"no service {name!r} is installed")
    return row.display_name
