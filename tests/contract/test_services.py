"""Contract: win32service, servicemanager and win32serviceutil (a Windows service's modules).

The service control manager's answers (handles, statuses, configuration, error codes) and the
service host's (debug mode, handler registration, ServiceFramework's dispatch). Services made
here have a binary path that cannot start, so no service process runs; on the facade they go
to a database of the test's own, on Windows to the SCM (and are deleted at the end).
"""

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import servicemanager
import win32con
import win32service
import win32serviceutil
import winerror

from ._wine import wine_differs

NAME = f"ApartmentContract{os.getpid()}"
MISSING_PROGRAM = r"C:\apartment-no-such-dir\no-such-program.exe"


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the facade: a services database and event log for the test (Windows ignores it)."""
    monkeypatch.setenv("APARTMENT_SERVICES", str(tmp_path / "services.sqlite3"))
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))


@pytest.fixture
def scm() -> Iterator[Any]:
    handle = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_ALL_ACCESS)
    yield handle
    win32service.CloseServiceHandle(handle)


@pytest.fixture
def installed(scm: Any) -> Iterator[Any]:
    """A service (that cannot start) and a handle to it; deleted at the end."""
    handle = win32service.CreateService(
        scm, NAME, f"{NAME} display", win32service.SERVICE_ALL_ACCESS,
        win32service.SERVICE_WIN32_OWN_PROCESS, win32service.SERVICE_DEMAND_START,
        win32service.SERVICE_ERROR_NORMAL, MISSING_PROGRAM, None, 0, None, None, None,
    )  # fmt: skip
    yield handle
    with contextlib.suppress(pywintypes.error):  # the test may have deleted it
        win32service.DeleteService(handle)
    win32service.CloseServiceHandle(handle)


def _code(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as excinfo:
        call(*args)
    return int(excinfo.value.winerror)


# -- constants ---------------------------------------------------------------------------------

WIN32SERVICE_VALUES = {
    "SC_MANAGER_ALL_ACCESS": 983103, "SC_MANAGER_CONNECT": 1, "SC_MANAGER_CREATE_SERVICE": 2,
    "SC_MANAGER_ENUMERATE_SERVICE": 4, "SC_MANAGER_LOCK": 8, "SC_MANAGER_MODIFY_BOOT_CONFIG": 32,
    "SC_MANAGER_QUERY_LOCK_STATUS": 16, "SERVICE_ACCEPT_HARDWAREPROFILECHANGE": 32,
    "SERVICE_ACCEPT_NETBINDCHANGE": 16, "SERVICE_ACCEPT_PARAMCHANGE": 8,
    "SERVICE_ACCEPT_PAUSE_CONTINUE": 2, "SERVICE_ACCEPT_POWEREVENT": 64,
    "SERVICE_ACCEPT_PRESHUTDOWN": 256, "SERVICE_ACCEPT_SESSIONCHANGE": 128,
    "SERVICE_ACCEPT_SHUTDOWN": 4, "SERVICE_ACCEPT_STOP": 1, "SERVICE_ACTIVE": 1,
    "SERVICE_ALL_ACCESS": 983551, "SERVICE_AUTO_START": 2, "SERVICE_BOOT_START": 0,
    "SERVICE_CHANGE_CONFIG": 2, "SERVICE_CONFIG_DELAYED_AUTO_START_INFO": 3,
    "SERVICE_CONFIG_DESCRIPTION": 1, "SERVICE_CONFIG_FAILURE_ACTIONS": 2,
    "SERVICE_CONFIG_FAILURE_ACTIONS_FLAG": 4, "SERVICE_CONFIG_PRESHUTDOWN_INFO": 7,
    "SERVICE_CONFIG_REQUIRED_PRIVILEGES_INFO": 6, "SERVICE_CONFIG_SERVICE_SID_INFO": 5,
    "SERVICE_CONTINUE_PENDING": 5, "SERVICE_CONTROL_CONTINUE": 3,
    "SERVICE_CONTROL_DEVICEEVENT": 11, "SERVICE_CONTROL_HARDWAREPROFILECHANGE": 12,
    "SERVICE_CONTROL_INTERROGATE": 4, "SERVICE_CONTROL_NETBINDADD": 7,
    "SERVICE_CONTROL_NETBINDDISABLE": 10, "SERVICE_CONTROL_NETBINDENABLE": 9,
    "SERVICE_CONTROL_NETBINDREMOVE": 8, "SERVICE_CONTROL_PARAMCHANGE": 6,
    "SERVICE_CONTROL_PAUSE": 2, "SERVICE_CONTROL_POWEREVENT": 13,
    "SERVICE_CONTROL_PRESHUTDOWN": 15, "SERVICE_CONTROL_SESSIONCHANGE": 14,
    "SERVICE_CONTROL_SHUTDOWN": 5, "SERVICE_CONTROL_STOP": 1, "SERVICE_DEMAND_START": 3,
    "SERVICE_DISABLED": 4, "SERVICE_DRIVER": 11, "SERVICE_ENUMERATE_DEPENDENTS": 8,
    "SERVICE_ERROR_CRITICAL": 3, "SERVICE_ERROR_IGNORE": 0, "SERVICE_ERROR_NORMAL": 1,
    "SERVICE_ERROR_SEVERE": 2, "SERVICE_FILE_SYSTEM_DRIVER": 2, "SERVICE_INACTIVE": 2,
    "SERVICE_INTERACTIVE_PROCESS": 256, "SERVICE_INTERROGATE": 128, "SERVICE_KERNEL_DRIVER": 1,
    "SERVICE_NO_CHANGE": -1, "SERVICE_PAUSED": 7, "SERVICE_PAUSE_CONTINUE": 64,
    "SERVICE_PAUSE_PENDING": 6, "SERVICE_QUERY_CONFIG": 1, "SERVICE_QUERY_STATUS": 4,
    "SERVICE_RUNNING": 4, "SERVICE_SID_TYPE_NONE": 0, "SERVICE_SID_TYPE_RESTRICTED": 3,
    "SERVICE_SID_TYPE_UNRESTRICTED": 1, "SERVICE_SPECIFIC_ERROR": 1066, "SERVICE_START": 16,
    "SERVICE_START_PENDING": 2, "SERVICE_STATE_ALL": 3, "SERVICE_STOP": 32, "SERVICE_STOPPED": 1,
    "SERVICE_STOP_PENDING": 3, "SERVICE_SYSTEM_START": 1, "SERVICE_USER_DEFINED_CONTROL": 256,
    "SERVICE_WIN32": 48, "SERVICE_WIN32_OWN_PROCESS": 16, "SERVICE_WIN32_SHARE_PROCESS": 32,
    "SC_ACTION_NONE": 0, "SC_ACTION_REBOOT": 2, "SC_ACTION_RESTART": 1,
    "SC_ACTION_RUN_COMMAND": 3, "SC_ENUM_PROCESS_INFO": 0, "SC_GROUP_IDENTIFIER": 43,
    "DBT_CONFIGCHANGECANCELED": 25, "DBT_CONFIGCHANGED": 24, "DBT_CUSTOMEVENT": 32774,
    "DBT_DEVICEARRIVAL": 32768, "DBT_DEVICEQUERYREMOVE": 32769,
    "DBT_DEVICEQUERYREMOVEFAILED": 32770, "DBT_DEVICEREMOVECOMPLETE": 32772,
    "DBT_DEVICEREMOVEPENDING": 32771, "DBT_DEVICETYPESPECIFIC": 32773,
    "DBT_QUERYCHANGECONFIG": 23, "DF_ALLOWOTHERACCOUNTHOOK": 1, "UOI_FLAGS": 1, "UOI_NAME": 2,
    "UOI_TYPE": 3, "UOI_USER_SID": 4, "WSF_VISIBLE": 1, "UNICODE": 1,
}  # fmt: skip

SERVICEMANAGER_VALUES = {
    "COINIT_APARTMENTTHREADED": 2, "COINIT_DISABLE_OLE1DDE": 4, "COINIT_MULTITHREADED": 0,
    "COINIT_SPEED_OVER_MEMORY": 8, "EVENTLOG_AUDIT_FAILURE": 16, "EVENTLOG_AUDIT_SUCCESS": 8,
    "EVENTLOG_ERROR_TYPE": 1, "EVENTLOG_INFORMATION_TYPE": 4, "EVENTLOG_WARNING_TYPE": 2,
    "PYS_SERVICE_STARTED": 0x40001002, "PYS_SERVICE_STARTING": 0x40001000,
    "PYS_SERVICE_STOPPED": 0x40001004, "PYS_SERVICE_STOPPING": 0x40001003,
}  # fmt: skip


def test_win32service_has_every_constant_of_pywin32() -> None:
    assert {name: getattr(win32service, name) for name in WIN32SERVICE_VALUES} == (
        WIN32SERVICE_VALUES
    )


def test_servicemanager_constants() -> None:
    assert {name: getattr(servicemanager, name) for name in SERVICEMANAGER_VALUES} == (
        SERVICEMANAGER_VALUES
    )


def test_the_error_types() -> None:
    assert win32service.error is pywintypes.error
    assert win32serviceutil.error is RuntimeError
    assert issubclass(servicemanager.startup_error, Exception)


# -- servicemanager ------------------------------------------------------------------------------


def test_debugging_answers_the_previous_setting() -> None:
    assert servicemanager.Debugging() is False
    assert servicemanager.Debugging(True) is False
    try:
        assert servicemanager.Debugging() is True
    finally:
        assert servicemanager.Debugging(False) is True
    assert servicemanager.RunningAsService() is False


def test_logging_takes_strings() -> None:
    servicemanager.SetEventSourceName(NAME)
    servicemanager.LogInfoMsg("an information message")
    servicemanager.LogMsg(
        servicemanager.EVENTLOG_INFORMATION_TYPE, servicemanager.PYS_SERVICE_STARTED, (NAME, "")
    )
    with pytest.raises(TypeError):
        servicemanager.LogInfoMsg(5)
    with pytest.raises(TypeError):
        servicemanager.LogMsg("x", 1)


FRESH_PROCESS = """
try:  # on the facade: its import hook (the real pywin32 needs none)
    from apartment.win32 import install
    install()
except ImportError:
    pass
import pywintypes
import servicemanager
"""


def _in_a_fresh_process(code: str) -> str:
    """Run ``code`` in a new interpreter (the host's state is per process); its output."""
    done = subprocess.run(
        [sys.executable, "-c", FRESH_PROCESS + code],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout


def test_a_handler_is_for_a_hosted_service_only() -> None:
    out = _in_a_fresh_process(
        "def handler(control): pass\n"
        "for host in (None, lambda: servicemanager.PrepareToHostMultiple('A', object)):\n"
        "    if host: host()\n"
        "    try:\n"
        "        servicemanager.RegisterServiceCtrlHandler('B', handler)\n"
        "    except ValueError as exc:\n"
        "        print(exc)\n"
        "try:\n"
        "    servicemanager.RegisterServiceCtrlHandler('A', handler, True)\n"
        "except pywintypes.error as exc:\n"  # no SCM: the hosted name is no service
        "    print(exc.winerror, exc.funcname)\n"
        "try:\n"
        "    servicemanager.PrepareToHostSingle(object)\n"
        "except servicemanager.startup_error as exc:\n"
        "    print(exc)\n"
        "try:\n"
        "    servicemanager.StartServiceCtrlDispatcher()\n"
        "except Exception as exc:\n"
        "    print(exc.winerror)\n"
    )
    assert out.splitlines()[:2] == ["The service name is not hosted by this process"] * 2
    assert out.splitlines()[2:] == [
        "1060 RegisterServiceCtrlHandlerEx",
        "PrepareToHostSingle failed!",
        "1063",
    ]


def test_the_single_service_answers_to_any_name() -> None:
    out = _in_a_fresh_process(
        "try:\n"
        "    servicemanager.StartServiceCtrlDispatcher()\n"
        "except Exception as exc:\n"
        "    print(exc.winerror)\n"
        "servicemanager.PrepareToHostSingle(object)\n"
        "servicemanager.Debugging(True)\n"
        "print(servicemanager.RegisterServiceCtrlHandler('Anything', print))\n"
        "print(servicemanager.RunningAsService())\n"
    )
    assert out.splitlines() == ["87", "None", "False"]


def test_set_service_status_needs_a_status_handle() -> None:
    status = (win32service.SERVICE_WIN32_OWN_PROCESS, win32service.SERVICE_RUNNING, 0, 0, 0, 0, 0)
    assert _code(win32service.SetServiceStatus, 0, status) == winerror.ERROR_INVALID_HANDLE
    assert _code(win32service.SetServiceStatus, None, status) == winerror.ERROR_INVALID_HANDLE


def test_the_dispatcher_fails_outside_a_service_process() -> None:
    class Hosted(win32serviceutil.ServiceFramework):  # type: ignore[misc]
        _svc_name_ = f"{NAME}Hosted"
        _svc_display_name_ = "Hosted"

    servicemanager.PrepareToHostSingle(Hosted)
    code = _code(servicemanager.StartServiceCtrlDispatcher)
    assert code == winerror.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT


class Recorder(win32serviceutil.ServiceFramework):  # type: ignore[misc]
    _svc_name_ = f"{NAME}Recorder"
    _svc_display_name_ = "Recorder"
    calls: list[Any] = []

    def SvcStop(self) -> None:  # noqa: N802 - pywin32's names
        self.calls.append("SvcStop")

    def SvcOther(self, control: int) -> None:  # noqa: N802
        self.calls.append(("SvcOther", control))

    def SvcDoRun(self) -> None:  # noqa: N802
        self.calls.append("SvcDoRun")


def test_service_framework_dispatches_controls_in_debug_mode() -> None:
    servicemanager.PrepareToHostSingle(Recorder)
    servicemanager.Debugging(True)
    try:
        service = Recorder([Recorder._svc_name_])
        assert service.ssh is None  # the debug host gives no status handle
        assert service.GetAcceptedControls() == win32service.SERVICE_ACCEPT_STOP
        service.ReportServiceStatus(win32service.SERVICE_RUNNING)  # nothing to report to
        service.ServiceCtrlHandler(win32service.SERVICE_CONTROL_STOP)
        service.ServiceCtrlHandler(win32service.SERVICE_CONTROL_INTERROGATE)
        service.ServiceCtrlHandlerEx(200, 0, None)
        with pytest.raises(AttributeError):
            service.ServiceCtrlHandler(win32service.SERVICE_CONTROL_PAUSE)  # no SvcPause
        service.SvcRun()
    finally:
        servicemanager.Debugging(False)
    assert Recorder.calls == ["SvcStop", ("SvcOther", 200), "SvcDoRun"]


# -- the service control manager ----------------------------------------------------------------


def test_open_service_of_an_unknown_name(scm: Any) -> None:
    code = _code(win32service.OpenService, scm, f"{NAME}Nobody", win32service.SERVICE_ALL_ACCESS)
    assert code == winerror.ERROR_SERVICE_DOES_NOT_EXIST


def test_a_new_service_is_stopped_and_never_started(installed: Any) -> None:
    assert win32service.QueryServiceStatus(installed) == (
        win32service.SERVICE_WIN32_OWN_PROCESS, win32service.SERVICE_STOPPED, 0,
        1077, 0, 0, 0,  # ERROR_SERVICE_NEVER_STARTED
    )  # fmt: skip
    status = win32service.QueryServiceStatusEx(installed)
    assert (status["CurrentState"], status["ProcessId"]) == (win32service.SERVICE_STOPPED, 0)
    assert sorted(status) == [
        "CheckPoint", "ControlsAccepted", "CurrentState", "ProcessId", "ServiceFlags",
        "ServiceSpecificExitCode", "ServiceType", "WaitHint", "Win32ExitCode",
    ]  # fmt: skip
    assert win32service.QueryServiceConfig2(
        installed, win32service.SERVICE_CONFIG_DESCRIPTION
    ) is None  # fmt: skip
    config = win32service.QueryServiceConfig(installed)
    assert config[:4] == (16, 3, 1, MISSING_PROGRAM)
    assert config[8] == f"{NAME} display"


def test_names_and_display_names(scm: Any, installed: Any) -> None:
    assert win32service.GetServiceDisplayName(scm, NAME) == f"{NAME} display"
    assert win32service.GetServiceKeyName(scm, f"{NAME} display") == NAME
    names = [entry[0] for entry in win32service.EnumServicesStatus(scm)]
    assert NAME in names
    assert win32serviceutil.QueryServiceStatus(NAME)[1] == win32service.SERVICE_STOPPED
    assert win32serviceutil.QueryServiceStatus(f"{NAME} display")[1] == 1  # SmartOpenService


def test_installing_twice_fails(scm: Any, installed: Any) -> None:
    code = _code(
        win32service.CreateService, scm, NAME, NAME, win32service.SERVICE_ALL_ACCESS, 16, 3, 1,
        MISSING_PROGRAM, None, 0, None, None, None,
    )  # fmt: skip
    assert code == winerror.ERROR_SERVICE_EXISTS


@pytest.mark.parametrize("name", ["", "a/b", "a\\b"])
def test_a_service_name_has_no_slash(scm: Any, name: str) -> None:
    code = _code(
        win32service.CreateService, scm, name, "x", win32service.SERVICE_ALL_ACCESS, 16, 3, 1,
        MISSING_PROGRAM, None, 0, None, None, None,
    )  # fmt: skip
    assert code == winerror.ERROR_INVALID_NAME


def test_controls_need_a_running_service(installed: Any) -> None:
    code = _code(win32service.ControlService, installed, win32service.SERVICE_CONTROL_STOP)
    assert code == winerror.ERROR_SERVICE_NOT_ACTIVE
    code = _code(win32serviceutil.StopService, NAME)
    assert code == winerror.ERROR_SERVICE_NOT_ACTIVE


WINE_LOCKED = (
    "Wine's services.exe answers a failed start with ERROR_SERVICE_DATABASE_LOCKED (1055) at "
    "times (two runs: once this start, once the other); Windows gives CreateProcess's error "
    "(ERROR_FILE_NOT_FOUND) or ERROR_SERVICE_REQUEST_TIMEOUT"
)


@wine_differs(WINE_LOCKED, strict=False)
def test_starting_a_missing_program_fails(installed: Any) -> None:
    assert _code(win32service.StartService, installed, None) == winerror.ERROR_FILE_NOT_FOUND
    assert win32service.QueryServiceStatus(installed)[1] == win32service.SERVICE_STOPPED


@wine_differs(WINE_LOCKED, strict=False)
def test_a_program_that_is_not_a_service_times_out(scm: Any) -> None:
    command = f'"{sys.executable}" -c "pass"'
    handle = win32service.CreateService(
        scm, f"{NAME}Quick", "Quick", win32service.SERVICE_ALL_ACCESS, 16, 3, 1, command,
        None, 0, None, None, None,
    )  # fmt: skip
    try:
        code = _code(win32service.StartService, handle, None)
        assert code == winerror.ERROR_SERVICE_REQUEST_TIMEOUT
    finally:
        win32service.DeleteService(handle)
        win32service.CloseServiceHandle(handle)


def test_a_deleted_service_waits_for_its_handles(scm: Any) -> None:
    handle = win32service.CreateService(
        scm, NAME, NAME, win32service.SERVICE_ALL_ACCESS, 16, 3, 1, MISSING_PROGRAM,
        None, 0, None, None, None,
    )  # fmt: skip
    win32service.DeleteService(handle)
    assert _code(win32service.DeleteService, handle) == winerror.ERROR_SERVICE_MARKED_FOR_DELETE
    code = _code(
        win32service.CreateService, scm, NAME, NAME, win32service.SERVICE_ALL_ACCESS, 16, 3, 1,
        MISSING_PROGRAM, None, 0, None, None, None,
    )  # fmt: skip
    assert code == winerror.ERROR_SERVICE_MARKED_FOR_DELETE
    win32service.CloseServiceHandle(handle)
    code = _code(win32service.OpenService, scm, NAME, win32service.SERVICE_ALL_ACCESS)
    assert code == winerror.ERROR_SERVICE_DOES_NOT_EXIST


def test_a_closed_handle_is_zero_and_closes_again_quietly() -> None:
    handle = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_CONNECT)
    assert type(handle).__name__ == "PyHANDLE"  # its repr says <PySC_HANDLE:...>
    assert repr(handle).startswith("<PySC_HANDLE:")
    win32service.CloseServiceHandle(handle)
    assert int(handle) == 0
    win32service.CloseServiceHandle(handle)


def test_create_service_needs_a_display_name(scm: Any) -> None:
    with pytest.raises(TypeError):
        win32service.CreateService(
            scm, NAME, None, win32service.SERVICE_ALL_ACCESS, 16, 3, 1, MISSING_PROGRAM, None,
            0, None, None, None,
        )  # fmt: skip


def test_a_handle_allows_the_rights_it_was_opened_with(scm: Any, installed: Any) -> None:
    reader = win32service.OpenService(scm, NAME, win32service.SERVICE_QUERY_STATUS)
    try:
        assert _code(win32service.StartService, reader, None) == winerror.ERROR_ACCESS_DENIED
        assert _code(win32service.QueryServiceConfig, reader) == winerror.ERROR_ACCESS_DENIED
    finally:
        win32service.CloseServiceHandle(reader)


def test_change_config_and_description(installed: Any) -> None:
    no_change = win32service.SERVICE_NO_CHANGE
    win32service.ChangeServiceConfig(
        installed, no_change, win32service.SERVICE_DISABLED, no_change, None, None, 0, None,
        None, None, "Renamed",
    )  # fmt: skip
    config = win32service.QueryServiceConfig(installed)
    assert (config[1], config[8]) == (win32service.SERVICE_DISABLED, "Renamed")
    assert _code(win32service.StartService, installed, None) == winerror.ERROR_SERVICE_DISABLED
    win32service.ChangeServiceConfig2(installed, win32service.SERVICE_CONFIG_DESCRIPTION, "Words")
    assert win32service.QueryServiceConfig2(installed, win32service.SERVICE_CONFIG_DESCRIPTION) == (
        "Words"
    )


def test_generic_rights_map_to_the_managers(installed: Any) -> None:
    reader = win32service.OpenSCManager(None, None, win32con.GENERIC_READ)
    try:
        assert NAME in [entry[0] for entry in win32service.EnumServicesStatus(reader)]
        code = _code(
            win32service.CreateService, reader, f"{NAME}Denied", "x",
            win32service.SERVICE_ALL_ACCESS, 16, 3, 1, MISSING_PROGRAM, None, 0, None, None,
            None,
        )  # fmt: skip
        assert code == winerror.ERROR_ACCESS_DENIED
        service = win32service.OpenService(reader, NAME, win32con.GENERIC_READ)
        try:
            assert win32service.QueryServiceStatus(service)[1] == win32service.SERVICE_STOPPED
            assert _code(win32service.StartService, service, None) == winerror.ERROR_ACCESS_DENIED
        finally:
            win32service.CloseServiceHandle(service)
    finally:
        win32service.CloseServiceHandle(reader)
