"""Activating an object in a running local server: a late answer, a free class.

An answer that comes after the start timeout is for nobody, and the objects it carries are
given back, so the server can still quit; a free class's object is made in the server's MTA
without its STA.
"""

from __future__ import annotations

import gc
import os
import time
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.errors import ServerExecError
from apartment.testing import wait_for_exit

from ._gated_classes import Gated
from ._helpers import in_apartment
from ._local_classes import Echo

if TYPE_CHECKING:
    from pathlib import Path

    from apartment.testing import LocalServers

LOCAL = com.CLSCTX_LOCAL_SERVER


@pytest.fixture
def servers(class_registry: Path, local_servers: LocalServers) -> LocalServers:
    for cls in (Echo, Gated):
        com.register_class(cls)
    return local_servers


@pytest.mark.parametrize("multithreaded", [True, False], ids=["mta", "sta"])
def test_an_answer_after_the_timeout_is_given_back(
    servers: LocalServers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, multithreaded: bool
) -> None:
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    monkeypatch.setenv("APARTMENT_TEST_GATE", str(gate))

    def body() -> None:
        first = com.DispatchClient(com.create_object("ApartmentTest.Gated", LOCAL))
        pid = first.Pid()
        previous = com.set_server_start_timeout(0.3)
        try:
            started = time.monotonic()
            with pytest.raises(ServerExecError, match="did not create"):
                com.create_object("ApartmentTest.Gated", LOCAL)  # its instance waits
            assert time.monotonic() - started < 10
        finally:
            com.set_server_start_timeout(previous)
        fd = os.open(gate, os.O_WRONLY)  # the server waits at the gate: it opens at once
        try:
            os.write(fd, b"x")  # the late instance is made and sent: for nobody now
        finally:
            os.close(fd)
        third = com.DispatchClient(com.create_object("ApartmentTest.Gated", LOCAL))
        assert third.Pid() == pid
        del first, third
        gc.collect()
        assert wait_for_exit(pid)  # the late one was given back: nothing holds the server

    in_apartment(body, multithreaded=multithreaded)
