"""The services database's lock: LockServiceDatabase, UnlockServiceDatabase,
QueryServiceLockStatus, as Windows (since Vista) keeps it.

The rules, from Microsoft's documentation and ReactOS's tests of Windows: the lock needs
SC_MANAGER_LOCK and its status SC_MANAGER_QUERY_LOCK_STATUS (ERROR_ACCESS_DENIED); one owner
at a time (ERROR_SERVICE_DATABASE_LOCKED); releasing anything but a held lock is
ERROR_INVALID_SERVICE_LOCK; an unlocked database reports (0, '', 0), a locked one its
owner's name and the seconds it has been held. A process that dies holding the lock lets
it go (Windows runs its connection down).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    ERROR_INVALID_SERVICE_LOCK,
    ERROR_SERVICE_DATABASE_LOCKED,
    Win32Error,
)
from apartment.win32 import pywintypes, win32service

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_SERVICES", str(tmp_path / "services.sqlite3"))


def test_lock_unlock_and_status_through_the_facade() -> None:
    manager = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_ALL_ACCESS)
    assert win32service.QueryServiceLockStatus(manager) == (0, "", 0)
    lock = win32service.LockServiceDatabase(manager)
    assert type(lock) is int and lock != 0
    locked, owner, seconds = win32service.QueryServiceLockStatus(manager)
    assert locked == 1 and owner.endswith("\\" + os.environ.get("USER", owner.split("\\")[-1]))
    assert 0 <= seconds < 60
    with pytest.raises(pywintypes.error) as second:
        win32service.LockServiceDatabase(manager)
    assert second.value.winerror == ERROR_SERVICE_DATABASE_LOCKED
    assert second.value.funcname == "LockServiceDatabase"
    assert win32service.UnlockServiceDatabase(lock) is None
    assert win32service.QueryServiceLockStatus(manager) == (0, "", 0)
    with pytest.raises(pywintypes.error) as again:
        win32service.UnlockServiceDatabase(lock)
    assert again.value.winerror == ERROR_INVALID_SERVICE_LOCK
    relock = win32service.LockServiceDatabase(manager)  # free again once released
    win32service.UnlockServiceDatabase(relock)
    win32service.CloseServiceHandle(manager)


def test_rights_are_checked() -> None:
    connect = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_CONNECT)
    for call in (win32service.LockServiceDatabase, win32service.QueryServiceLockStatus):
        with pytest.raises(pywintypes.error) as denied:
            call(connect)
        assert denied.value.winerror == ERROR_ACCESS_DENIED
    win32service.CloseServiceHandle(connect)
    with pytest.raises(pywintypes.error) as closed:
        win32service.LockServiceDatabase(connect)
    assert closed.value.winerror == ERROR_INVALID_HANDLE
    with pytest.raises(pywintypes.error) as zero:
        win32service.UnlockServiceDatabase(0)
    assert zero.value.winerror == ERROR_INVALID_SERVICE_LOCK


def test_the_lock_needs_no_other_right_and_generic_rights_map() -> None:
    # GENERIC_EXECUTE maps to SC_MANAGER_LOCK, GENERIC_READ to SC_MANAGER_QUERY_LOCK_STATUS
    execute = services.open_manager(access=0x20000000)
    read = services.open_manager(access=0x80000000)
    lock = services.lock_database(execute)
    assert services.lock_status(read).locked
    services.unlock_database(lock.value)
    assert services.lock_status(read) == services.LockStatus(False, "", 0)
    services.close_handle(execute)
    services.close_handle(read)


def test_another_process_sees_the_lock_and_its_death_releases_it() -> None:
    """A second process gets ERROR_SERVICE_DATABASE_LOCKED; the holder's SIGKILL frees it."""
    script = textwrap.dedent("""
        import sys
        from apartment import services
        services.lock_database(services.open_manager())
        print("held", flush=True)
        sys.stdin.read()  # until killed
    """)
    manager = services.open_manager()
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            assert services.lock_status(manager).locked
            with pytest.raises(Win32Error) as taken:
                services.lock_database(manager)
            assert taken.value.winerror == ERROR_SERVICE_DATABASE_LOCKED
        finally:
            holder.kill()
    lock = services.lock_database(manager)  # the dead holder's lock is gone
    services.unlock_database(lock.value)
    services.close_handle(manager)


FORK_CHILD = """
import os
from apartment import services
from apartment.errors import ERROR_INVALID_SERVICE_LOCK, Win32Error

manager = services.open_manager()
lock = services.lock_database(manager)
pid = os.fork()
if pid == 0:  # the child owns no lock: it cannot release its parent's
    try:
        services.unlock_database(lock.value)
        os._exit(1)
    except Win32Error as error:
        os._exit(0 if error.winerror == ERROR_INVALID_SERVICE_LOCK else 2)
assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
services.unlock_database(lock.value)
again = services.lock_database(manager)  # the child's copy of the file went: nothing holds it
services.unlock_database(again.value)
print("ok")
"""


def test_a_forked_child_does_not_own_its_parents_lock() -> None:
    """In a fresh interpreter (forking the threaded test process is not what is tested)."""
    done = subprocess.run(
        [sys.executable, "-c", FORK_CHILD], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "ok\n", done.stderr
