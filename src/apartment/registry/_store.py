"""The user registry's SQLite file: where it is, its schema, and one connection per call.

``HKEY_CURRENT_USER`` is kept in its own file, not in the COM class registry's: the class
registry is a table of classes (DESIGN decision 7), this is a tree of keys and typed values.
The file is ``$APARTMENT_USER_REGISTRY``; else ``user-registry.sqlite3`` beside the class
registry when ``$APARTMENT_REGISTRY`` names one (so a test's registries stay together); else
``$XDG_DATA_HOME/apartment/user-registry.sqlite3``. Every process of the user shares it: writes
are ``BEGIN IMMEDIATE`` transactions in WAL mode, and each bumps a change counter the
notifications of other processes watch (:mod:`._notify`).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .._sqlite import immediate, open_store
from ._machine import MACHINE_NAME, USERS_NAME, seed_machine, seed_users

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

__all__ = ["MACHINE_ID", "ROOT_ID", "USERS_ID", "user_registry_path", "connect", "transaction"]

ROOT_ID = 1  # HKEY_CURRENT_USER's row
# The machine-wide roots' rows. Negative: a store made before they existed has its own keys
# at 2 and 3 already, and SQLite gives a new key max(id) + 1, so these are never taken.
MACHINE_ID = -2  # HKEY_LOCAL_MACHINE's
USERS_ID = -3  # HKEY_USERS'
_SEEDED_ROOTS = ((MACHINE_ID, MACHINE_NAME, seed_machine), (USERS_ID, USERS_NAME, seed_users))
_SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (
    id         INTEGER PRIMARY KEY,
    parent     INTEGER REFERENCES keys(id),
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL,            -- lower(name): key names match case-insensitively
    last_write REAL NOT NULL,
    UNIQUE (parent, name_key)
);
CREATE TABLE IF NOT EXISTS key_values (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,  -- enumeration follows creation
    key      INTEGER NOT NULL REFERENCES keys(id),
    name     TEXT NOT NULL,              -- '' is the default value
    name_key TEXT NOT NULL,
    type     INTEGER NOT NULL,
    data     BLOB NOT NULL,              -- the bytes Windows stores (UTF-16LE strings)
    UNIQUE (key, name_key)
);
CREATE TABLE IF NOT EXISTS changes (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    key    INTEGER NOT NULL,             -- the key whose values or subkeys changed
    kind   INTEGER NOT NULL,             -- REG_NOTIFY_CHANGE_NAME or _LAST_SET
    chain  TEXT NOT NULL                 -- '/key/parent/.../1/': the keys a subtree watch sees
);
INSERT OR IGNORE INTO keys (id, parent, name, name_key, last_write)
    VALUES (1, NULL, 'HKEY_CURRENT_USER', 'hkey_current_user', 0);
"""


def user_registry_path() -> Path:
    """The user registry's file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_USER_REGISTRY")
    if explicit:
        return Path(explicit).expanduser()
    classes = os.environ.get("APARTMENT_REGISTRY")
    if classes:
        return Path(classes).expanduser().with_name("user-registry.sqlite3")
    data_home = os.environ.get("XDG_DATA_HOME", "")
    base = Path(data_home) if os.path.isabs(data_home) else Path.home() / ".local" / "share"
    return base / "apartment" / "user-registry.sqlite3"


def _add_roots(connection: sqlite3.Connection) -> None:
    """Make the machine-wide roots' rows, each seeded in the transaction that makes it.

    A store made before they existed gets them at its first use. Two processes may race
    here: ``BEGIN IMMEDIATE`` orders them, and only the one whose row is new seeds.
    """
    marks = ",".join("?" * len(_SEEDED_ROOTS))
    ids = [root for root, _, _ in _SEEDED_ROOTS]
    (present,) = connection.execute(
        f"SELECT count(*) FROM keys WHERE id IN ({marks})", ids
    ).fetchone()
    if present == len(_SEEDED_ROOTS):
        return
    with immediate(connection):
        for root, name, seed in _SEEDED_ROOTS:
            made = connection.execute(
                "INSERT OR IGNORE INTO keys (id, parent, name, name_key, last_write)"
                " VALUES (?, NULL, ?, ?, ?)",
                (root, name, name.lower(), time.time()),
            ).rowcount
            if made:
                seed(connection, root)


@contextlib.contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    """A connection to the file, made (with its schema and roots) on first use; closed on exit."""
    with open_store(user_registry_path(), _SCHEMA) as connection:
        _add_roots(connection)
        yield connection


@contextlib.contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One write transaction (``BEGIN IMMEDIATE``): committed on exit, rolled back on error."""
    with connect() as connection, immediate(connection):
        yield connection
