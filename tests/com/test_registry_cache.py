"""The registry's cached read connections: one per thread, never stale, never leaked."""

from __future__ import annotations

import os
import sqlite3
import textwrap
import threading
import uuid
import warnings
from typing import TYPE_CHECKING

import pytest

from apartment.com import (
    ClassEntry,
    RegistryError,
    entries,
    lookup,
    lookup_clsid,
    lookup_progid,
    register,
    unregister,
)
from apartment.com import _registry_store as _registry
from apartment.errors import ClassNotRegisteredError, ClassStringError

from .._subprocess import run_python

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

_REGISTER = textwrap.dedent(
    """
    import sys
    from apartment.com import ClassEntry, register
    register(ClassEntry(clsid=sys.argv[1], progid=sys.argv[2], class_spec="m.C"))
    """
)
_UNREGISTER = "import sys; from apartment.com import unregister; unregister(sys.argv[1])"


def new_clsid() -> str:
    return "{" + str(uuid.uuid4()).upper() + "}"


def reader() -> _registry._Reader | None:
    """The calling thread's cached reader, if any."""
    cached: _registry._Reader | None = getattr(_registry._local, "reader", None)
    return cached


def is_closed(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1").close()
    except sqlite3.ProgrammingError:
        return True
    return False


def drop_reader() -> None:
    """Close the calling thread's cached reader."""
    cached = reader()
    if cached is not None:
        cached.close()
    _registry._local.reader = None


@pytest.fixture(autouse=True)
def _fresh_registry(class_registry: Path) -> Iterator[None]:
    """Give each test an empty registry, and no reader cached by an earlier test."""
    drop_reader()
    yield
    drop_reader()


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the path of every connection the registry opens."""
    opened: list[Path] = []
    real: Callable[..., sqlite3.Connection] = sqlite3.connect

    def connect(path: Path, **kwargs: object) -> sqlite3.Connection:
        opened.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    return opened


def test_lookups_in_a_thread_share_one_connection(connects: list[Path]) -> None:
    clsid = new_clsid()
    register(ClassEntry(clsid=clsid, progid="Cache.Shared", class_spec="m.C"))
    del connects[:]
    for _ in range(5):
        assert lookup("Cache.Shared").clsid == clsid
        assert lookup(clsid).progid == "Cache.Shared"
    with pytest.raises(ClassStringError):
        lookup_progid("Cache.Unknown")
    assert len(entries()) == 1
    assert connects == [connects[0]]


def test_another_processs_register_and_unregister_are_seen(class_registry: Path) -> None:
    clsid = new_clsid()
    with pytest.raises(ClassStringError):
        lookup_progid("Cache.Elsewhere")
    with pytest.raises(ClassNotRegisteredError):
        lookup_clsid(clsid)
    run_python("-c", _REGISTER, clsid, "Cache.Elsewhere", registry=class_registry)
    assert reader() is None  # no file until the other process made it: no connection
    assert lookup_progid("cache.elsewhere").clsid == clsid
    cached = reader()
    assert lookup_clsid(clsid).progid == "Cache.Elsewhere"
    run_python("-c", _UNREGISTER, clsid, registry=class_registry)
    with pytest.raises(ClassStringError):
        lookup_progid("Cache.Elsewhere")
    with pytest.raises(ClassNotRegisteredError):
        lookup_clsid(clsid)
    assert entries() == []
    assert reader() is cached is not None  # all through one connection


def test_a_thread_sees_what_another_registers_between_its_lookups() -> None:
    clsid = new_clsid()
    looked, wrote = [threading.Event() for _ in range(3)], [threading.Event() for _ in range(2)]
    seen: list[str | None] = []
    errors: list[BaseException] = []

    def look() -> None:
        try:
            seen.append(lookup_clsid(clsid).progid)
        except ClassNotRegisteredError:
            seen.append(None)

    def reader_thread() -> None:
        try:
            for step in range(3):
                if step:
                    assert wrote[step - 1].wait(timeout=30)
                look()
                looked[step].set()
        except BaseException as exc:  # reported below, not through the thread hook
            errors.append(exc)
            for event in looked:
                event.set()

    thread = threading.Thread(target=reader_thread)
    thread.start()
    assert looked[0].wait(timeout=30)
    register(ClassEntry(clsid=clsid, progid="Cache.Between", class_spec="m.C"))
    wrote[0].set()
    assert looked[1].wait(timeout=30)
    unregister(clsid)
    wrote[1].set()
    thread.join(timeout=30)
    assert not errors
    assert seen == [None, "Cache.Between", None]


def test_each_thread_has_its_own_connection_closed_when_the_thread_ends() -> None:
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Threads", class_spec="m.C"))
    lookup_progid("Cache.Threads")
    mine = reader()
    theirs: list[sqlite3.Connection] = []

    def work() -> None:
        lookup_progid("Cache.Threads")
        cached = reader()
        assert cached is not None
        theirs.append(cached.conn)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert mine is not None
    assert len({id(conn) for conn in [*theirs, mine.conn]}) == 3
    assert all(is_closed(conn) for conn in theirs)
    assert not is_closed(mine.conn)


def test_a_new_registry_path_opens_that_file_and_closes_the_old_connection(
    class_registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(ClassEntry(clsid=new_clsid(), progid="Cache.First", class_spec="m.C"))
    lookup_progid("Cache.First")
    first = reader()
    link = class_registry.with_name("link.sqlite3")
    link.symlink_to(class_registry)  # the same file by another path: errors name that path
    monkeypatch.setenv("APARTMENT_REGISTRY", str(link))
    assert lookup_progid("Cache.First").progid == "Cache.First"
    with pytest.raises(ClassStringError, match=r"link\.sqlite3"):
        lookup_progid("Cache.Second")
    assert first is not None
    assert is_closed(first.conn)
    monkeypatch.setenv("APARTMENT_REGISTRY", str(class_registry.with_name("other.sqlite3")))
    with pytest.raises(ClassStringError, match=r"other\.sqlite3"):
        lookup_progid("Cache.First")
    monkeypatch.setenv("APARTMENT_REGISTRY", str(class_registry))
    assert lookup_progid("Cache.First").progid == "Cache.First"


def test_a_deleted_registry_reads_as_empty_and_is_not_made_again(class_registry: Path) -> None:
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Deleted", class_spec="m.C"))
    lookup_progid("Cache.Deleted")
    first = reader()
    for suffix in ("", "-wal", "-shm"):
        class_registry.with_name(class_registry.name + suffix).unlink(missing_ok=True)
    with pytest.raises(ClassStringError):
        lookup_progid("Cache.Deleted")
    assert entries() == []
    assert not class_registry.exists()  # a lookup never writes, not even a new file
    assert first is not None
    assert is_closed(first.conn)


def test_a_registry_replaced_by_another_file_is_read_afresh(
    class_registry: Path, tmp_path: Path
) -> None:
    old, new = new_clsid(), new_clsid()
    register(ClassEntry(clsid=old, progid="Cache.Old", class_spec="m.C"))
    assert lookup_progid("Cache.Old").clsid == old
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Older", class_spec="m.C"))
    # Committed while the reader holds the file open, and not read yet: its data_version
    # changes together with the file at the path.
    replacement = tmp_path / "replacement.sqlite3"
    run_python("-c", _REGISTER, new, "Cache.New", registry=replacement)
    os.replace(replacement, class_registry)
    assert [e.clsid for e in entries()] == [new]
    assert lookup_progid("Cache.New").clsid == new
    with pytest.raises(ClassStringError):
        lookup_progid("Cache.Old")


def test_a_registry_overwritten_in_place_is_read_afresh(
    class_registry: Path, tmp_path: Path
) -> None:
    """A backup copied over the file (``cp -p``) keeps its inode; its time tells it apart."""
    old, new = new_clsid(), new_clsid()
    backup = tmp_path / "backup.sqlite3"
    run_python("-c", _REGISTER, new, "Cache.Backup", registry=backup)
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Earlier", class_spec="m.C"))
    assert lookup_progid("Cache.Earlier")
    register(ClassEntry(clsid=old, progid="Cache.Current", class_spec="m.C"))
    assert lookup_progid("Cache.Current").clsid == old
    before = class_registry.stat()
    class_registry.write_bytes(backup.read_bytes())
    os.utime(class_registry, ns=(before.st_atime_ns, before.st_mtime_ns - 10**9))
    assert class_registry.stat().st_ino == before.st_ino
    assert lookup_progid("Cache.Backup").clsid == new
    assert [e.clsid for e in entries()] == [new]


def test_a_replacement_of_another_schema_version_is_refused(
    class_registry: Path, tmp_path: Path
) -> None:
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Versioned", class_spec="m.C"))
    lookup_progid("Cache.Versioned")
    replacement = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(replacement)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    os.replace(replacement, class_registry)
    with pytest.raises(RegistryError, match="schema version 2"):
        lookup_progid("Cache.Versioned")


def test_a_schema_version_committed_by_another_connection_is_refused(
    class_registry: Path,
) -> None:
    register(ClassEntry(clsid=new_clsid(), progid="Cache.Upgraded", class_spec="m.C"))
    lookup_progid("Cache.Upgraded")
    first = reader()
    conn = sqlite3.connect(class_registry)
    try:
        conn.execute("PRAGMA user_version = 2")
        with pytest.raises(RegistryError, match="schema version 2"):
            lookup_progid("Cache.Upgraded")
        assert first is not None
        assert is_closed(first.conn)  # a failure drops the connection
        conn.execute(f"PRAGMA user_version = {_registry.SCHEMA_VERSION}")
    finally:
        conn.close()
    assert lookup_progid("Cache.Upgraded").progid == "Cache.Upgraded"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_opens_its_own_connection() -> None:
    clsid = new_clsid()
    register(ClassEntry(clsid=clsid, progid="Cache.Fork", class_spec="m.C"))
    lookup_progid("Cache.Fork")
    parents = reader()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() with threads, 3.12+
        pid = os.fork()
    if pid == 0:  # the child: report through the exit status only
        status = 1
        try:
            found = lookup_progid("Cache.Fork").clsid == clsid
            status = 0 if found and reader() is not parents else 2
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert lookup_progid("Cache.Fork").clsid == clsid
    assert reader() is parents
