"""Where local servers and their clients meet: paths in the per-user runtime directory.

Windows' service control manager keeps the table of running class objects; here it is a
directory that only the user can enter (:func:`apartment._runtime.runtime_dir`)::

    com/servers/<pid>.sock       a server's listening socket (0600)
    com/classes/{CLSID}          a symbolic link whose text is the pid of the server that
                                 serves the class now (a record, not a path: readlink is
                                 one atomic read, and replacing it is one rename)
    com/classes/{CLSID}.lock     flock'ed by whoever finds or starts the class's server,
                                 and by a server that retires: one of them at a time
    com/logs/<name>.log          what a started server writes to stdout and stderr

A record can outlive its server (a killed one): whoever reads it checks the server answers,
and removes the record if nobody listens.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from .._runtime import subdir

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "servers_dir",
    "classes_dir",
    "logs_dir",
    "server_socket",
    "class_lock",
    "advertised",
    "advertise",
    "withdraw",
]


def _inner(name: str) -> Path:
    try:
        return subdir(f"com/{name}")  # made once (subdir remembers), "com" with it
    except FileNotFoundError:
        subdir("com")
        return subdir(f"com/{name}")


def servers_dir() -> Path:
    """The directory of the servers' sockets."""
    return _inner("servers")


def classes_dir() -> Path:
    """The directory of the class records and their locks."""
    return _inner("classes")


def logs_dir() -> Path:
    """The directory of the started servers' output."""
    return _inner("logs")


def server_socket(pid: int) -> Path:
    """The socket of the server with process id ``pid``."""
    return servers_dir() / f"{pid}.sock"


def class_lock(clsid: str) -> Path:
    """The lock file of a class's record."""
    return classes_dir() / f"{clsid}.lock"


def advertised(clsid: str) -> int | None:
    """The pid the record of ``clsid`` names, or None when there is no (valid) record."""
    try:
        text = os.readlink(classes_dir() / clsid)
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def advertise(clsid: str, pid: int) -> None:
    """Record that process ``pid`` serves ``clsid`` (replacing any older record at once)."""
    record = classes_dir() / clsid
    temporary = record.with_name(f".{clsid}.{pid}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(str(pid), temporary)
    os.replace(temporary, record)


def withdraw(clsid: str, pid: int) -> None:
    """Remove the record of ``clsid`` if it still names ``pid``."""
    if advertised(clsid) == pid:
        with contextlib.suppress(FileNotFoundError):
            (classes_dir() / clsid).unlink()
