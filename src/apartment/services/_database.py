r"""The services database: each installed service's configuration and last reported status.

Windows keeps it under ``HKLM\\SYSTEM\\CurrentControlSet\\Services`` and in the service
control manager's memory; here it is one SQLite file for the user, ``$APARTMENT_SERVICES``;
else ``services.sqlite3`` beside the user registry (:func:`apartment.registry.user_registry_path`).
Every process of the user shares it: writes are ``BEGIN IMMEDIATE`` transactions. The status
columns are written by the service's own process (its host) at every status it reports, and
read by anyone who asks the manager.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .._sqlite import immediate, open_store
from ..registry import user_registry_path

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

__all__ = ["ServiceRow", "services_path", "connect", "transaction", "read_row", "COLUMNS"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS services (
    name_key         TEXT PRIMARY KEY,   -- lower(name): service names match case-insensitively
    name             TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    service_type     INTEGER NOT NULL,
    start_type       INTEGER NOT NULL,
    error_control    INTEGER NOT NULL,
    binary_path      TEXT NOT NULL,
    load_order_group TEXT NOT NULL,
    dependencies     TEXT NOT NULL,      -- names, one a line
    start_name       TEXT NOT NULL,
    description      TEXT,
    python_class     TEXT,               -- pywin32's PythonClass value
    deleted          INTEGER NOT NULL DEFAULT 0,   -- marked for delete
    state            INTEGER NOT NULL DEFAULT 1,   -- SERVICE_STOPPED
    accepted         INTEGER NOT NULL DEFAULT 0,
    exit_code        INTEGER NOT NULL DEFAULT 1077, -- ERROR_SERVICE_NEVER_STARTED
    specific_code    INTEGER NOT NULL DEFAULT 0,
    check_point      INTEGER NOT NULL DEFAULT 0,
    wait_hint        INTEGER NOT NULL DEFAULT 0,
    pid              INTEGER NOT NULL DEFAULT 0
);
"""

COLUMNS = (
    "name, display_name, service_type, start_type, error_control, binary_path, "
    "load_order_group, dependencies, start_name, description, python_class, deleted, state, "
    "accepted, exit_code, specific_code, check_point, wait_hint, pid"
)


class ServiceRow(NamedTuple):
    """One service's row (columns in :data:`COLUMNS`' order)."""

    name: str
    display_name: str
    service_type: int
    start_type: int
    error_control: int
    binary_path: str
    load_order_group: str
    dependencies: str
    start_name: str
    description: str | None
    python_class: str | None
    deleted: int
    state: int
    accepted: int
    exit_code: int
    specific_code: int
    check_point: int
    wait_hint: int
    pid: int


def services_path() -> Path:
    """The services database's file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_SERVICES")
    if explicit:
        return Path(explicit).expanduser()
    return user_registry_path().with_name("services.sqlite3")


@contextlib.contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    """A connection to the file, made (with its schema) on first use; closed on exit."""
    with open_store(services_path(), _SCHEMA) as connection:
        yield connection


@contextlib.contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``): committed on exit, rolled back on error."""
    with connect() as connection, immediate(connection):
        yield connection


def read_row(connection: sqlite3.Connection, name: str) -> ServiceRow | None:
    """The row of service ``name`` (any case), or None."""
    row = connection.execute(
        f"SELECT {COLUMNS} FROM services WHERE name_key = ?", (name.lower(),)
    ).fetchone()
    return None if row is None else ServiceRow(*row)
