"""The running object table of the session: one process registers, another gets a proxy.

Each test runs in a runtime directory of its own (``local_servers``); the registering
process is a child that registers an object with RegisterActiveObject (or a file moniker),
says "ready", and serves calls until its standard input closes (or it is killed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.errors import MK_E_UNAVAILABLE, ComError
from apartment.testing import wait_for_exit

from ._helpers import in_apartment
from ._local_classes import Active

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from apartment.testing import LocalServers

_OWNER = textwrap.dedent(
    """
    import os, sys
    from apartment import com

    class Echo:
        _public_methods_ = ["Echo", "Pid"]

        def Echo(self, value):
            return value

        def Pid(self):
            return os.getpid()

    com.initialize(sys.argv[1] == "mta")
    pointer = com.wrap(Echo())
    if sys.argv[2].startswith("{"):
        registration = com.register_active_object(pointer, sys.argv[2])
    else:
        table = com.running_object_table().pointer()
        registration = table.register(pointer, com.file_moniker(sys.argv[2]))
    print("ready", flush=True)
    if sys.argv[1] == "mta":
        sys.stdin.read()  # calls come in on other threads meanwhile
    else:
        import threading
        from apartment import messages
        main = threading.get_native_id()
        def quit_at_eof():
            sys.stdin.read()
            messages.post_thread_message(main, messages.WM_QUIT, 0, 0)
        threading.Thread(target=quit_at_eof, daemon=True).start()
        messages.pump_messages()
    com.revoke_active_object(registration.handle)
    """
)


def _start(kind: str, name: str) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _OWNER, kind, name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    return child


def _stop(child: subprocess.Popen[str], status: int | None = 0) -> None:
    """Close its standard input (it revokes and exits), wait for it, close its output."""
    assert child.stdin is not None and child.stdout is not None
    child.stdin.close()
    code = child.wait(30)
    child.stdout.close()
    if status is not None:
        assert code == status


@pytest.fixture
def owner(local_servers: LocalServers, request: pytest.FixtureRequest) -> Iterator[tuple[str, int]]:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    child = _start(request.param, clsid)
    try:
        yield clsid, child.pid
    finally:
        _stop(child)


def _records(local_servers: LocalServers) -> list[str]:
    folder = local_servers.runtime_dir / "com" / "rot"
    return sorted(path.name for path in folder.glob("*.json")) if folder.exists() else []


@pytest.mark.parametrize("owner", ["mta", "sta"], indirect=True)
def test_another_processs_active_object_is_got_and_called(
    owner: tuple[str, int], local_servers: LocalServers
) -> None:
    clsid, pid = owner

    def use() -> tuple[int, str, bool, list[str]]:
        client = com.DispatchClient(com.active_object(clsid).query_interface(com.IID_IDISPATCH))  # type: ignore[arg-type]
        table = com.running_object_table().pointer()
        running = table.is_running(com.active_object_moniker(clsid))
        names = [moniker.display_name() for moniker in table]
        return client.Pid(), client.Echo("across"), running, names

    child_pid, echoed, running, names = in_apartment(use)
    assert (child_pid, echoed, running) == (pid, "across", True)
    assert "!" + clsid in names
    assert _records(local_servers) == [f"{pid}-1.json"]


def test_a_revoked_or_exited_owners_object_is_unavailable(local_servers: LocalServers) -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    child = _start("mta", clsid)
    _stop(child)  # it revokes, and exits
    assert _records(local_servers) == []
    with pytest.raises(ComError) as caught:
        in_apartment(lambda: com.active_object(clsid))
    assert caught.value.hresult == MK_E_UNAVAILABLE


def test_a_killed_owners_record_goes_at_the_next_lookup(local_servers: LocalServers) -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"
    child = _start("mta", clsid)
    assert _records(local_servers) == [f"{child.pid}-1.json"]
    os.kill(child.pid, signal.SIGKILL)
    _stop(child, None)
    with pytest.raises(ComError) as caught:
        in_apartment(lambda: com.active_object(clsid))
    assert caught.value.hresult == MK_E_UNAVAILABLE
    assert _records(local_servers) == []  # removed by the lookup that found it dead
    table = com.running_object_table().pointer()
    assert not table.is_running(com.active_object_moniker(clsid))


def test_a_file_moniker_binds_to_another_processs_object(
    local_servers: LocalServers, tmp_path: Path
) -> None:
    path = str(tmp_path / "shared.zzqq")
    child = _start("mta", path)
    try:

        def use() -> object:
            moniker, eaten, ctx = com.parse_display_name(path)
            assert eaten == len(path)  # no such file: the table's record makes the name
            found = moniker.bind_to_object(ctx, None, com.IID_IDISPATCH)
            return com.DispatchClient(found).Pid()  # type: ignore[arg-type]

        assert in_apartment(use) == child.pid
    finally:
        _stop(child)


def test_a_strong_registration_keeps_a_local_server_running(
    class_registry: Path, local_servers: LocalServers
) -> None:
    com.register_class(Active)

    def start() -> int:
        client = com.DispatchClient(
            com.create_object("ApartmentTest.Active", com.CLSCTX_LOCAL_SERVER)
        )
        client.Register()
        pid: int = client.Pid()
        return pid  # and the client lets go of it

    pid = in_apartment(start)
    assert not wait_for_exit(pid, 1.0)  # 5 lingers: the table's strong reference holds it

    def revoke() -> int:
        found = com.active_object(Active._reg_clsid_).query_interface(com.IID_IDISPATCH)
        client = com.DispatchClient(found)  # type: ignore[arg-type]
        client.Revoke()
        pid: int = client.Pid()
        return pid

    assert in_apartment(revoke) == pid
    assert wait_for_exit(pid)  # nothing holds it any more
    assert _records(local_servers) == []


def test_a_test_that_publishes_a_running_object_is_no_server_to_kill(
    local_servers: LocalServers,
) -> None:
    clsid = "{" + str(uuid.uuid4()).upper() + "}"

    def publish() -> list[str]:
        registration = com.register_active_object(com.memory_stream(b"x"), clsid)
        try:
            return _records(local_servers)
        finally:
            com.revoke_active_object(registration.handle)

    (record,) = in_apartment(publish, multithreaded=True)
    assert record.startswith(f"{os.getpid()}-")
    assert (local_servers.runtime_dir / "com" / "servers" / f"{os.getpid()}.sock").exists()
    assert local_servers.pids() == []  # its teardown kills servers: not this process
