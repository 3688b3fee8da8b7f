"""The user's credential store (Credential Manager): named secrets kept per user, 0600.

A *credential* is a secret (its blob) and a user name for a *target* (a server, a program's
name), of a type (generic, a domain password, ...), kept for the logon session, for the
computer, or for the user's roaming profile (its *persistence*). Windows keeps them encrypted
per user; here they are rows of a SQLite file only the user can read (``credentials.sqlite3``
next to the user's registry, or ``$APARTMENT_CREDENTIALS``). A credential kept for the logon
session is one of the computer's boot: it is gone after a restart, as at a logoff.

Target names compare without regard to case; a type's rules are Windows' (CREDENTIAL's
documentation): what breaks one fails with ERROR_INVALID_PARAMETER, a missing credential
with ERROR_NOT_FOUND.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from typing import TYPE_CHECKING, NamedTuple

from .._sqlite import immediate, open_store
from ..errors import (
    ERROR_ALREADY_EXISTS,
    ERROR_INVALID_FLAGS,
    ERROR_INVALID_PARAMETER,
    ERROR_NOT_FOUND,
    Win32Error,
)
from ..registry import user_registry_path

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator
    from pathlib import Path

__all__ = [
    "CredentialType",
    "Persistence",
    "CredentialAttribute",
    "Credential",
    "credentials_path",
    "write_credential",
    "read_credential",
    "read_domain_credentials",
    "delete_credential",
    "rename_credential",
    "enumerate_credentials",
    "session_types",
    "MAX_GENERIC_TARGET_NAME",
    "MAX_DOMAIN_TARGET_NAME",
    "MAX_CREDENTIAL_BLOB",
]


class CredentialType:
    """CRED_TYPE_*: what a credential is for."""

    GENERIC = 1
    DOMAIN_PASSWORD = 2
    DOMAIN_CERTIFICATE = 3
    DOMAIN_VISIBLE_PASSWORD = 4
    GENERIC_CERTIFICATE = 5
    DOMAIN_EXTENDED = 6
    MAXIMUM = 7


class Persistence:
    """CRED_PERSIST_*: how long a credential is kept."""

    NONE = 0
    SESSION = 1
    LOCAL_MACHINE = 2
    ENTERPRISE = 3


ERROR_BAD_USERNAME = 2202  # NERR_BadUsername: the SDK's lmerr.h
MAX_GENERIC_TARGET_NAME = 32767
MAX_DOMAIN_TARGET_NAME = 337
MAX_CREDENTIAL_BLOB = 5 * 512
_MAX_STRING = 256
_MAX_USERNAME = 513
_MAX_ATTRIBUTES = 64
_MAX_VALUE = 256
_VALID_FLAGS = 0xF0FF
_PROMPT_NOW = 0x2
_USERNAME_TARGET = 0x4
_DOMAIN_TYPES = frozenset({2, 3, 4, 6})


class CredentialAttribute(NamedTuple):
    """An application's named value kept with a credential."""

    keyword: str
    flags: int
    value: bytes


class Credential(NamedTuple):
    """A credential (CREDENTIAL): ``last_written`` is seconds since the epoch."""

    target_name: str
    type: int
    user_name: str | None = None
    blob: bytes = b""
    persist: int = Persistence.LOCAL_MACHINE
    flags: int = 0
    comment: str | None = None
    target_alias: str | None = None
    attributes: tuple[CredentialAttribute, ...] = ()
    last_written: float = 0.0


_SCHEMA = """
CREATE TABLE IF NOT EXISTS credentials (
    target_key TEXT NOT NULL, type INTEGER NOT NULL, target TEXT NOT NULL,
    user_name TEXT, blob BLOB NOT NULL, persist INTEGER NOT NULL, flags INTEGER NOT NULL,
    comment TEXT, target_alias TEXT, attributes TEXT NOT NULL, written REAL NOT NULL,
    boot TEXT NOT NULL, PRIMARY KEY (target_key, type)
);
"""
_COLUMNS = (
    "target, type, user_name, blob, persist, flags, comment, target_alias, attributes, written"
)


def credentials_path() -> Path:
    """The store's file, read from the environment at every call."""
    explicit = os.environ.get("APARTMENT_CREDENTIALS")
    if explicit:
        from pathlib import Path

        return Path(explicit).expanduser()
    return user_registry_path().with_name("credentials.sqlite3")


def _boot() -> str:
    """This boot of the computer: a session's credentials live as long as it."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as boot_id:
            return boot_id.read().strip()
    except OSError:
        return "boot"


@contextlib.contextmanager
def _connect() -> Iterator[sqlite3.Connection]:
    """The store, made 0600 before SQLite opens it (its WAL files take the same mode)."""
    path = credentials_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    with open_store(path, _SCHEMA) as connection:
        stale = ("FROM credentials WHERE persist = ? AND boot != ?", (Persistence.SESSION, _boot()))
        if connection.execute(f"SELECT 1 {stale[0]} LIMIT 1", stale[1]).fetchone():
            with immediate(connection):  # the session's credentials of an earlier boot go
                connection.execute(f"DELETE {stale[0]}", stale[1])
        yield connection


def _invalid(detail: str) -> Win32Error:
    return Win32Error.from_code(ERROR_INVALID_PARAMETER, detail)


def _check_type(kind: int) -> None:
    if not 1 <= kind < CredentialType.MAXIMUM:
        raise _invalid(f"{kind} is no CRED_TYPE_ (1 to 6)")


def _check_target(name: str, kind: int) -> None:
    if not name:
        raise _invalid("a credential's target name is not empty")
    if kind in _DOMAIN_TYPES:
        if len(name) > MAX_DOMAIN_TARGET_NAME:
            raise _invalid("a domain credential's target name has at most 337 characters")
        star = name.find("*")
        if (star > 0 and not name.endswith("*")) or name.count("*") > 1:
            raise _invalid("a domain target has '*' only as its first label ('*.example.com')")
    elif len(name) > MAX_GENERIC_TARGET_NAME:
        raise _invalid("a target name has at most 32767 characters")


def _check(credential: Credential) -> None:
    _check_type(credential.type)
    _check_target(credential.target_name, credential.type)
    if credential.flags & ~_VALID_FLAGS:
        raise Win32Error.from_code(ERROR_INVALID_FLAGS, f"{credential.flags:#x} has unknown flags")
    if credential.flags & _PROMPT_NOW and credential.type not in _DOMAIN_TYPES:
        raise _invalid("CRED_FLAGS_PROMPT_NOW is for a domain credential only")
    if not Persistence.SESSION <= credential.persist <= Persistence.ENTERPRISE:
        raise _invalid(f"{credential.persist} is no CRED_PERSIST_ to keep a credential with")
    if len(credential.blob) > MAX_CREDENTIAL_BLOB:
        raise _invalid(f"a credential's blob has at most {MAX_CREDENTIAL_BLOB} bytes")
    for text, limit in (
        (credential.comment, _MAX_STRING),
        (credential.target_alias, _MAX_STRING),
        (credential.user_name, _MAX_USERNAME),
    ):
        if text is not None and len(text) > limit:
            raise _invalid(f"{text[:20]!r}... is longer than {limit} characters")
    if credential.type in _DOMAIN_TYPES and not credential.user_name:
        raise Win32Error.from_code(ERROR_BAD_USERNAME, "a domain credential names its user")
    if len(credential.attributes) > _MAX_ATTRIBUTES:
        raise _invalid(f"a credential has at most {_MAX_ATTRIBUTES} attributes")
    for attribute in credential.attributes:
        if not attribute.keyword or len(attribute.keyword) > _MAX_STRING:
            raise _invalid("an attribute's keyword has 1 to 256 characters")
        if len(attribute.value) > _MAX_VALUE:
            raise _invalid("an attribute's value has at most 256 bytes")


def _row(credential: Credential) -> tuple[object, ...]:
    attributes = json.dumps([[a.keyword, a.flags, a.value.hex()] for a in credential.attributes])
    return (
        credential.target_name.upper(),
        credential.type,
        credential.target_name,
        credential.user_name,
        credential.blob,
        credential.persist,
        credential.flags,
        credential.comment,
        credential.target_alias,
        attributes,
        time.time(),
        _boot(),
    )


def _credential(row: tuple[object, ...]) -> Credential:
    """The credential of a stored row, as a reader gets it.

    A domain password's blob is for the authentication packages only: Windows' CredRead,
    CredEnumerate and CredReadDomainCredentials give it with no blob (Wine's conformance tests
    pin this); a domain *visible* password's blob is read as any other.
    """
    target, kind, user, blob, persist, flags, comment, alias, attributes, written = row
    secret = kind != CredentialType.DOMAIN_PASSWORD
    return Credential(
        target_name=str(target),
        type=int(kind),  # type: ignore[call-overload]
        user_name=None if user is None else str(user),
        blob=bytes(blob) if secret else b"",  # type: ignore[call-overload]
        persist=int(persist),  # type: ignore[call-overload]
        flags=int(flags),  # type: ignore[call-overload]
        comment=None if comment is None else str(comment),
        target_alias=None if alias is None else str(alias),
        attributes=tuple(
            CredentialAttribute(keyword, attribute_flags, bytes.fromhex(value))
            for keyword, attribute_flags, value in json.loads(str(attributes))
        ),
        last_written=float(written),  # type: ignore[arg-type]
    )


def _not_found(target: str) -> Win32Error:
    return Win32Error.from_code(ERROR_NOT_FOUND, f"no credential for {target!r}")


def write_credential(credential: Credential, *, preserve_blob: bool = False) -> None:
    """Create or replace the credential for its target and type (CredWrite).

    Args:
        credential: what to keep; its ``last_written`` is set now.
        preserve_blob: keep the stored blob of the credential it replaces (an empty blob
            given; CRED_PRESERVE_CREDENTIAL_BLOB).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER for a credential that breaks its type's rules,
            ERROR_BAD_USERNAME for a domain credential without a user name,
            ERROR_NOT_FOUND to preserve the blob of a credential that does not exist.
    """
    _check(credential)
    with _connect() as connection, immediate(connection):
        if preserve_blob:
            found = connection.execute(
                "SELECT blob FROM credentials WHERE target_key = ? AND type = ?",
                (credential.target_name.upper(), credential.type),
            ).fetchone()
            if found is None:
                raise _not_found(credential.target_name)
            credential = credential._replace(blob=bytes(found[0]))
        connection.execute(
            "INSERT OR REPLACE INTO credentials VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            _row(credential),
        )


def read_credential(target_name: str, kind: int) -> Credential:
    """Return the credential for ``target_name`` (any case) of type ``kind`` (CredRead).

    Raises:
        Win32Error: ERROR_NOT_FOUND, none; ERROR_INVALID_PARAMETER, an unknown type.
    """
    _check_type(kind)
    with _connect() as connection:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM credentials WHERE target_key = ? AND type = ?",
            (target_name.upper(), kind),
        ).fetchone()
    if row is None:
        raise _not_found(target_name)
    return _credential(row)


def read_domain_credentials(target_name: str) -> list[Credential]:
    """Return the domain password and certificate credentials of a target, in that order.

    What CredReadDomainCredentials gives for ``target_name``.

    Raises:
        Win32Error: ERROR_NOT_FOUND, neither exists.
    """
    found = []
    for kind in (CredentialType.DOMAIN_PASSWORD, CredentialType.DOMAIN_CERTIFICATE):
        try:
            found.append(read_credential(target_name, kind))
        except Win32Error as error:
            if error.winerror != ERROR_NOT_FOUND:
                raise
    if not found:
        raise Win32Error.from_code(ERROR_NOT_FOUND, f"no domain credential for {target_name!r}")
    return found


def delete_credential(target_name: str, kind: int) -> None:
    """Delete the credential for ``target_name`` of type ``kind`` (CredDelete).

    Raises:
        Win32Error: ERROR_NOT_FOUND, none; ERROR_INVALID_PARAMETER, an unknown type.
    """
    _check_type(kind)
    with _connect() as connection, immediate(connection):
        deleted = connection.execute(
            "DELETE FROM credentials WHERE target_key = ? AND type = ?",
            (target_name.upper(), kind),
        ).rowcount
    if not deleted:
        raise _not_found(target_name)


def rename_credential(old_name: str, new_name: str, kind: int) -> None:
    """Give a credential another target name (CredRename).

    Raises:
        Win32Error: ERROR_NOT_FOUND, no credential ``old_name``; ERROR_ALREADY_EXISTS, one
            named ``new_name`` exists; ERROR_INVALID_PARAMETER for a bad name or type.
    """
    _check_type(kind)
    _check_target(new_name, kind)
    with _connect() as connection, immediate(connection):
        taken = connection.execute(
            "SELECT 1 FROM credentials WHERE target_key = ? AND type = ?",
            (new_name.upper(), kind),
        ).fetchone()
        if taken is not None and new_name.upper() != old_name.upper():
            raise Win32Error.from_code(ERROR_ALREADY_EXISTS, f"{new_name!r} has a credential")
        renamed = connection.execute(
            "UPDATE credentials SET target_key = ?, target = ? WHERE target_key = ? AND type = ?",
            (new_name.upper(), new_name, old_name.upper(), kind),
        ).rowcount
    if not renamed:
        raise _not_found(old_name)


def enumerate_credentials(pattern: str | None = None) -> list[Credential]:
    """Return the user's credentials whose target name matches ``pattern`` (CredEnumerate).

    ``pattern`` is a name, or a prefix followed by ``*`` (no other ``*`` is a wildcard); None
    matches every credential.
    They come in the order they were written.

    Raises:
        Win32Error: ERROR_NOT_FOUND, none matches.
    """
    with _connect() as connection:
        rows = connection.execute(f"SELECT {_COLUMNS} FROM credentials ORDER BY rowid").fetchall()
    found = [_credential(row) for row in rows]
    if pattern is not None:
        wanted = pattern.upper()
        if wanted.endswith("*"):
            found = [c for c in found if c.target_name.upper().startswith(wanted[:-1])]
        else:
            found = [c for c in found if c.target_name.upper() == wanted]
    if not found:
        raise _not_found(pattern or "*")
    return found


def session_types(count: int = CredentialType.MAXIMUM) -> tuple[int, ...]:
    """Return the longest persistence of each credential type, 0 to ``count - 1``.

    (CredGetSessionTypes.) Type 0 is none; every other is kept for the computer at most:
    the computer is in no domain, which would roam a user's credentials.

    Raises:
        ValueError: ``count`` is not 1 to CRED_TYPE_MAXIMUM.
    """
    if not 1 <= count <= CredentialType.MAXIMUM:
        raise ValueError(f"count is 1 to {CredentialType.MAXIMUM}, not {count}")
    return tuple(
        Persistence.NONE if kind == 0 else Persistence.LOCAL_MACHINE for kind in range(count)
    )
