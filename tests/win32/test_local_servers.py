"""pywin32's local-server modules on the facade: localserver.serve, factory, and a fork.

The behaviour the real pywin32 shares is pinned by tests/contract/test_local_servers.py;
here is what only a running server script or a forked client can show.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.testing import wait_for_exit
from apartment.win32 import pythoncom
from apartment.win32.win32com.client import Dispatch
from apartment.win32.win32com.server import factory

from .._subprocess import run_python
from ..com._helpers import in_apartment

if TYPE_CHECKING:
    from pathlib import Path

    from apartment.testing import LocalServers

CLSID = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7201}"
PROGID = "ApartmentFacade.ScriptServer"

SCRIPT = textwrap.dedent(
    f"""
    import os
    import sys

    import pythoncom
    from apartment.com import set_server_linger


    class ScriptServer:
        _reg_clsid_ = "{CLSID}"
        _reg_progid_ = "{PROGID}"
        _reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER
        _public_methods_ = ["Pid"]

        def Pid(self):
            set_server_linger(None)  # a client came: quit as the test's servers do
            return os.getpid()


    if __name__ == "__main__":
        if "--serve" in sys.argv:
            from win32com.server import localserver

            # Ours, not pywin32's: the test's servers linger 0.2 s, and a server nobody
            # used yet quits after it too; stay until the test's client has come.
            set_server_linger(600)
            localserver.serve([ScriptServer._reg_clsid_, "-Embedding"])
            print("served", flush=True)
        else:
            import win32com.server.register

            win32com.server.register.UseCommandLine(ScriptServer)
    """
)


@pytest.fixture
def script(class_registry: Path, local_servers: LocalServers, tmp_path: Path) -> Path:
    path = tmp_path / "script_server.py"
    path.write_text(SCRIPT)
    run_python("-m", "apartment", "run", str(path), registry=class_registry)
    return path


def test_a_script_serves_its_class_with_localserver_serve(
    script: Path, local_servers: LocalServers
) -> None:
    served = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", str(script), "--serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not any(  # clients can find it (a guard while it starts, not an order)
            info.pid == served.pid and info.classes for info in local_servers.running()
        ):
            assert served.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)

        def client() -> int:
            server = Dispatch(PROGID, clsctx=pythoncom.CLSCTX_LOCAL_SERVER)
            return int(server.Pid())

        assert in_apartment(client) == served.pid  # the running script, not a new server
        output, _ = served.communicate(timeout=30)  # its last object released: serve returns
        assert served.returncode == 0, output
        assert output.strip().endswith("served")
    finally:
        if served.poll() is None:
            served.kill()
            served.communicate()


@pytest.mark.usefixtures("class_registry")
def test_register_class_factories_skips_switches_and_revokes() -> None:
    def body() -> None:
        infos = factory.RegisterClassFactories([CLSID, "-Embedding", "/Automation"])
        try:
            assert len(infos) == 1
            made, cookie = infos[0]
            assert isinstance(made, pythoncom.PyIClassFactory)
            assert isinstance(cookie, int)
        finally:
            factory.RevokeClassFactories(infos)
        with pytest.raises(pythoncom.com_error):
            pythoncom.CoRevokeClassObject(cookie)  # revoked already: E_INVALIDARG

    in_apartment(body)


def test_a_forked_client_does_not_use_its_parents_connections(
    script: Path, class_registry: Path, local_servers: LocalServers
) -> None:
    out = run_python(
        "-c",
        textwrap.dedent(
            f"""
            import os
            from apartment import com
            from apartment.errors import ServerUnavailableError
            with com.mta():
                server = com.DispatchClient(com.create_object({PROGID!r}, 4))
                pid = server.Pid()
                child = os.fork()
                if child == 0:
                    try:
                        server.Pid()
                    except ServerUnavailableError:
                        os._exit(7)
                    os._exit(1)
                _, status = os.waitpid(child, 0)
                print(os.waitstatus_to_exitcode(status), server.Pid() == pid, pid)
            """
        ),
        registry=class_registry,
    )
    code, same, pid = out.split()
    assert (code, same) == ("7", "True")  # the child's calls fail; the parent's go on
    assert wait_for_exit(int(pid))
    assert com.running_servers() == []
