"""The running object table of the user's session: every process's registrations, for all.

On Windows the ROT is one table for the session, kept by the RPC subsystem: an object one
process registers, another gets (a proxy to it). Here each process keeps its own table
(:mod:`._rot`) and publishes what it registers in the per-user runtime directory::

    com/rot/<pid>-<cookie>.json     {"pid", "cookie", "key", "moniker", "time"}

``key`` is what the table compares (the moniker's key, as JSON), ``moniker`` what rebuilds
the moniker (:func:`~._monikers.moniker_spec`: a pointer moniker, or a Python server's, is
not published). A process that publishes listens for connections as a local server does
(:func:`~._localserver.listen_for_clients`), and answers ``["rot", cookie]`` with the object,
by reference, from the apartment it was registered in.

A lookup that this process's table does not answer reads the records, oldest first, and
asks the process a record names (:func:`~._launch.connection_to`). A record whose process
is gone, or no longer listens, or has revoked the registration, is removed by whoever finds
it so, and skipped: a dead process never wedges the table. A process removes its records
when it revokes, and when it exits. A process that does not answer within the call timeout
(:func:`~._launch.server_start_timeout`) is skipped, its record kept.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import time
from typing import TYPE_CHECKING, Any

from .._pids import pid_exists
from .._runtime import subdir
from ..errors import MK_E_UNAVAILABLE, CallTimeoutError, ComError
from ._callctl import call_timeout
from ._launch import connection_to, server_start_timeout
from ._localserver import add_request_handler, listen_for_clients
from ._monikers import moniker_from_spec, moniker_spec
from ._pointer import InterfacePointer
from ._rot import read_registration, running_object_table

if TYPE_CHECKING:
    from pathlib import Path

    from ._remote import Connection

__all__ = ["SessionTable", "rot_dir"]

_RECORD_SUFFIX = ".json"


def rot_dir() -> Path:
    """The directory of the session's ROT records (``com/rot`` in the runtime directory)."""
    path = subdir("com") / "rot"
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    return path


def _key_text(key: tuple[Any, ...]) -> str:
    return json.dumps(key, separators=(",", ":"))


class _Record:
    __slots__ = ("cookie", "key", "path", "pid", "spec", "when")

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.pid = int(data["pid"])
        self.cookie = int(data["cookie"])
        self.key = str(data["key"])
        self.spec = data["moniker"]
        self.when = int(data["time"])


class SessionTable:
    """The :class:`~._rot.Sharing` of the process's table: the records of the session."""

    def __init__(self) -> None:
        self._published = False

    # -- this process's registrations ------------------------------------------------------

    def publish(self, cookie: int, key: tuple[Any, ...], moniker: InterfacePointer) -> None:
        """Write the record of the registration ``cookie`` (if its moniker can be rebuilt)."""
        spec = moniker_spec(moniker)
        if spec is None:
            return
        if not self._published:
            self._published = True
            atexit.register(self._withdraw_all)
        listen_for_clients()  # before the record: whoever reads it must find us listening
        pid = os.getpid()
        record = rot_dir() / f"{pid}-{cookie}{_RECORD_SUFFIX}"
        data = {"pid": pid, "cookie": cookie, "key": _key_text(key), "moniker": spec,
                "time": time.time_ns()}  # fmt: skip
        temporary = record.with_name(f".{record.name}")
        temporary.write_text(json.dumps(data))
        os.replace(temporary, record)

    def withdraw(self, cookie: int) -> None:
        """Remove the record of the registration ``cookie``."""
        with contextlib.suppress(FileNotFoundError):
            (rot_dir() / f"{os.getpid()}-{cookie}{_RECORD_SUFFIX}").unlink()

    def _withdraw_all(self) -> None:
        """At exit: remove every record of this process."""
        with contextlib.suppress(OSError):
            for path in rot_dir().glob(f"{os.getpid()}-*{_RECORD_SUFFIX}"):
                with contextlib.suppress(OSError):
                    path.unlink()

    # -- other processes' ------------------------------------------------------------------

    def _records(self) -> list[_Record]:
        """Other processes' records, oldest first; those of dead processes are removed."""
        try:
            paths = list((subdir("com") / "rot").glob(f"*{_RECORD_SUFFIX}"))  # made by a publisher
        except OSError:
            return []
        mine = os.getpid()
        found = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                record = _Record(path, json.loads(path.read_text()))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # being replaced, or not ours to read
            if record.pid == mine:
                if running_object_table().entry(record.cookie) is None:
                    _remove(record)  # left by an earlier process of the same pid
                continue
            if not pid_exists(record.pid):
                _remove(record)
                continue
            found.append(record)
        found.sort(key=lambda record: record.when)
        return found

    def _fetch(self, record: _Record) -> InterfacePointer | None:
        """The object of ``record`` from its process; None (and the record gone) if it is not."""
        conn = connection_to(record.pid)
        if conn is None:
            _remove(record)  # nobody listens: a process that died, or a reused pid
            return None
        try:
            with call_timeout(server_start_timeout()):
                found = conn.request("rot", record.cookie)
        except CallTimeoutError:
            return None  # a process that does not answer: skipped, not judged
        except ComError as error:
            if error.hresult == MK_E_UNAVAILABLE:
                _remove(record)
            return None
        return found if isinstance(found, InterfacePointer) else None

    def find(self, key: tuple[Any, ...]) -> InterfacePointer | None:
        """The object the oldest live registration of ``key`` in another process names."""
        text = _key_text(key)
        for record in self._records():
            if record.key == text:
                found = self._fetch(record)
                if found is not None:
                    return found
        return None

    def is_running(self, key: tuple[Any, ...]) -> bool:
        """Whether another live process registered ``key``."""
        text = _key_text(key)
        return any(record.key == text for record in self._records())

    def monikers(self) -> list[InterfacePointer]:
        """The monikers other live processes registered, oldest first."""
        found: list[InterfacePointer] = []
        for record in self._records():
            with contextlib.suppress(ValueError, TypeError, ComError):
                found.append(moniker_from_spec(record.spec))
        return found


def _remove(record: _Record) -> None:
    with contextlib.suppress(OSError):
        record.path.unlink()


def _answer(conn: Connection, call: int, rest: list[Any]) -> None:
    """``["rot", cookie]``: the object registered under ``cookie``, from its apartment."""
    (cookie,) = rest
    found = running_object_table().entry(cookie) if type(cookie) is int else None
    if found is None:
        error = ComError.from_hresult(MK_E_UNAVAILABLE, f"process {os.getpid()} revoked it")
        conn.fault(call, error)
        return
    data, home = found
    conn.run(call, home, read_registration, (data,))


add_request_handler("rot", _answer)
running_object_table().sharing = SessionTable()
