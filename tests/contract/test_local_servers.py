"""Contract: class objects and local servers (semantics.md §7.8, §9.5).

pythoncom's MakePyFactory / CoRegisterClassObject / CoRevokeClassObject /
CoResumeClassObjects / EnableQuitMessage in one process, and a class registered for
CLSCTX_LOCAL_SERVER created in a server process of its own, as the real pywin32 does.

The server script registers itself as pywin32's do (``UseCommandLine``); on the facade it
installs the import hook first. The environment variables point the facade's class
registry and runtime directory at the test's own (the real pywin32 ignores them).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import pythoncom
import win32api
import win32com.client
import winerror
from win32com.server.util import wrap

CLSID = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E7101}"
PROGID = "ApartmentContract.LocalServer"
UNREGISTERED = "{5B0E6D54-6C35-4C8B-9E0B-3E1A4A5E71FF}"

SERVER = textwrap.dedent(
    f"""
    import os
    try:
        import win32com  # the real pywin32
    except ImportError:  # the apartment facade: map pywin32's names first
        from apartment.win32 import install
        install()
    import pythoncom
    import winerror
    from win32com.server.exception import COMException
    from win32com.server.util import wrap


    class Child:
        _public_methods_ = ["Twice"]

        def Twice(self, x):
            return x * 2


    class ContractServer:
        _reg_clsid_ = "{CLSID}"
        _reg_progid_ = "{PROGID}"
        _reg_clsctx_ = pythoncom.CLSCTX_LOCAL_SERVER
        _public_methods_ = ["Pid", "Echo", "Fail", "MakeChild", "CallBack"]
        _public_attrs_ = ["value"]

        def __init__(self):
            self.value = 5

        def Pid(self):
            return os.getpid()

        def Echo(self, x):
            return x

        def Fail(self):
            raise COMException(desc="not today", scode=winerror.E_NOTIMPL, source="Contract")

        def MakeChild(self):
            return wrap(Child())

        def CallBack(self, callback, x):
            import win32com.client
            return win32com.client.Dispatch(callback).Twice(x)


    if __name__ == "__main__":
        import win32com.server.register
        win32com.server.register.UseCommandLine(ContractServer)
    """
)


def _script(path: str, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, path, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def registered(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    runtime = tempfile.mkdtemp(prefix="ap-")  # a socket's path must stay short
    monkeypatch.setenv("APARTMENT_REGISTRY", str(tmp_path / "registry.sqlite3"))
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", runtime)
    monkeypatch.setenv("APARTMENT_SERVER_LINGER", "0.2")
    server = str(tmp_path / "contract_server.py")
    with open(server, "w") as file:
        file.write(SERVER)
    _script(server, "--unattended", "--quiet")
    try:
        yield
    finally:
        _script(server, "--unregister", "--unattended", "--quiet")
        shutil.rmtree(runtime, ignore_errors=True)


def _hresult(call: Any, *args: Any) -> int:
    with pytest.raises(pythoncom.com_error) as caught:
        call(*args)
    return int(caught.value.hresult)


# -- constants and shapes -------------------------------------------------------------------


def test_regcls_values() -> None:
    assert (
        pythoncom.REGCLS_SINGLEUSE,
        pythoncom.REGCLS_MULTIPLEUSE,
        pythoncom.REGCLS_MULTI_SEPARATE,
        pythoncom.REGCLS_SUSPENDED,
    ) == (0, 1, 2, 4)


def test_make_py_factory_is_lazy_and_checks_only_the_clsid_string() -> None:
    factory = pythoncom.MakePyFactory(UNREGISTERED)  # nothing is looked up yet
    assert callable(factory.CreateInstance)
    assert callable(factory.LockServer)
    assert _hresult(pythoncom.MakePyFactory, "nope") == winerror.CO_E_CLASSSTRING
    with pytest.raises(TypeError):
        pythoncom.MakePyFactory(5)


def test_revoking_what_is_not_registered_is_e_invalidarg() -> None:
    assert _hresult(pythoncom.CoRevokeClassObject, 987654) == winerror.E_INVALIDARG
    with pytest.raises(TypeError):
        pythoncom.CoRevokeClassObject("1")


def test_register_class_object_wants_a_class_factory_and_a_clsid() -> None:
    factory = pythoncom.MakePyFactory(CLSID)
    local = pythoncom.CLSCTX_LOCAL_SERVER
    with pytest.raises(TypeError):
        pythoncom.CoRegisterClassObject(CLSID, None, local, 1)
    with pytest.raises(ValueError, match="not a COM object"):
        pythoncom.CoRegisterClassObject(CLSID, object(), local, 1)
    assert (
        _hresult(pythoncom.CoRegisterClassObject, "nope", factory, local, 1)
        == winerror.CO_E_CLASSSTRING
    )


def test_resume_and_enable_quit_message_take_what_pywin32_takes() -> None:
    assert pythoncom.CoResumeClassObjects() is None
    with pytest.raises(TypeError):
        pythoncom.CoResumeClassObjects(1)
    try:
        assert pythoncom.EnableQuitMessage(win32api.GetCurrentThreadId()) is None
        with pytest.raises(TypeError):
            pythoncom.EnableQuitMessage("x")
    finally:
        pythoncom.EnableQuitMessage(0)  # no WM_QUIT for this test process, ever


# -- class objects in their own process -----------------------------------------------------


@pytest.mark.usefixtures("registered")
def test_a_multipleuse_local_class_object_serves_its_own_process_too() -> None:
    inproc = pythoncom.CLSCTX_INPROC_SERVER
    assert _hresult(
        pythoncom.CoCreateInstance, CLSID, None, inproc, pythoncom.IID_IDispatch
    ) == winerror.REGDB_E_CLASSNOTREG  # fmt: skip
    factory = pythoncom.MakePyFactory(CLSID)
    cookie = pythoncom.CoRegisterClassObject(
        CLSID, factory, pythoncom.CLSCTX_LOCAL_SERVER, pythoncom.REGCLS_MULTIPLEUSE
    )
    assert isinstance(cookie, int)
    try:
        made = pythoncom.CoCreateInstance(CLSID, None, inproc, pythoncom.IID_IDispatch)
        assert win32com.client.Dispatch(made).Pid() == os.getpid()
    finally:
        pythoncom.CoRevokeClassObject(cookie)
    assert _hresult(pythoncom.CoRevokeClassObject, cookie) == winerror.E_INVALIDARG
    assert _hresult(
        pythoncom.CoCreateInstance, CLSID, None, inproc, pythoncom.IID_IDispatch
    ) == winerror.REGDB_E_CLASSNOTREG  # fmt: skip


@pytest.mark.usefixtures("registered")
def test_a_multi_separate_class_object_does_not_serve_its_own_process() -> None:
    cookie = pythoncom.CoRegisterClassObject(
        CLSID,
        pythoncom.MakePyFactory(CLSID),
        pythoncom.CLSCTX_LOCAL_SERVER,
        pythoncom.REGCLS_MULTI_SEPARATE,
    )
    try:
        assert _hresult(
            pythoncom.CoCreateInstance,
            CLSID,
            None,
            pythoncom.CLSCTX_INPROC_SERVER,
            pythoncom.IID_IDispatch,
        ) == winerror.REGDB_E_CLASSNOTREG  # fmt: skip
    finally:
        pythoncom.CoRevokeClassObject(cookie)


@pytest.mark.usefixtures("registered")
def test_a_class_factory_creates_instances_and_locks_the_server() -> None:
    factory = pythoncom.MakePyFactory(CLSID)
    made = factory.CreateInstance(None, pythoncom.IID_IDispatch)
    assert win32com.client.Dispatch(made).Echo(3) == 3
    assert factory.LockServer(1) is None
    assert factory.LockServer(0) is None


# -- a local server -------------------------------------------------------------------------


def _local() -> Any:
    return win32com.client.Dispatch(PROGID, clsctx=pythoncom.CLSCTX_LOCAL_SERVER)


@pytest.mark.usefixtures("registered")
def test_a_local_only_class_is_not_registered_in_process() -> None:
    assert _hresult(
        win32com.client.Dispatch, PROGID, None, None, None, pythoncom.CLSCTX_INPROC_SERVER
    ) == winerror.REGDB_E_CLASSNOTREG  # fmt: skip


@pytest.mark.usefixtures("registered")
def test_a_local_server_runs_in_a_process_of_its_own_and_values_cross() -> None:
    server = _local()
    assert server.Pid() != os.getpid()
    assert server.value == 5
    server.value = 9
    assert server.value == 9
    for value in (None, True, 7, 2**40, 1.5, "text"):
        assert server.Echo(value) == value
    assert server.Echo(2**64) == float(2**64)
    with pytest.raises(TypeError):
        server.Echo(object())


@pytest.mark.usefixtures("registered")
def test_a_local_servers_exception_comes_back_with_its_excepinfo() -> None:
    with pytest.raises(pythoncom.com_error) as caught:
        _local().Fail()
    assert caught.value.hresult == winerror.DISP_E_EXCEPTION
    assert caught.value.excepinfo[1:3] == ("Contract", "not today")
    assert caught.value.excepinfo[5] == winerror.E_NOTIMPL


@pytest.mark.usefixtures("registered")
def test_objects_come_back_by_reference_and_callbacks_reach_the_client() -> None:
    server = _local()
    assert server.MakeChild().Twice(21) == 42
    assert server.Echo(server) == server

    class Callback:
        _public_methods_ = ["Twice"]

        def __init__(self) -> None:
            self.threads: list[int] = []

        def Twice(self, x: int) -> int:  # noqa: N802 - a COM name
            self.threads.append(threading.get_ident())
            return x * 2

    callback = Callback()
    assert server.CallBack(wrap(callback), 4) == 8
    assert callback.threads == [threading.get_ident()]  # in the caller's STA, while it waited


@pytest.mark.usefixtures("registered")
def test_clients_share_one_multipleuse_server() -> None:
    first = _local()
    second = win32com.client.DispatchEx(PROGID, clsctx=pythoncom.CLSCTX_LOCAL_SERVER)
    third = pythoncom.CoCreateInstance(
        PROGID, None, pythoncom.CLSCTX_LOCAL_SERVER, pythoncom.IID_IDispatch
    )
    assert first.Pid() == second.Pid() == win32com.client.Dispatch(third).Pid()
