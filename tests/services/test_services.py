"""The service host, the service control manager and the event log (apartment.services).

Each test gets a services database and an event log of its own; the service processes the
manager starts inherit them through the environment.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest

from apartment import services
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FAILED_SERVICE_CONTROLLER_CONNECT,
    ERROR_FILE_NOT_FOUND,
    ERROR_INVALID_PARAMETER,
    ERROR_INVALID_SERVICE_CONTROL,
    ERROR_PROCESS_ABORTED,
    ERROR_SERVICE_ALREADY_RUNNING,
    ERROR_SERVICE_DISABLED,
    ERROR_SERVICE_DOES_NOT_EXIST,
    ERROR_SERVICE_EXISTS,
    ERROR_SERVICE_MARKED_FOR_DELETE,
    ERROR_SERVICE_NOT_ACTIVE,
    ERROR_SERVICE_REQUEST_TIMEOUT,
    ERROR_SERVICE_SPECIFIC_ERROR,
    Win32Error,
)

from ._scripts import ECHO_SERVICE, FAILING_SERVICE

if TYPE_CHECKING:
    from pathlib import Path

NAME = "ApartmentTestEcho"


@pytest.fixture(autouse=True)
def _own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APARTMENT_SERVICES", str(tmp_path / "services.sqlite3"))
    monkeypatch.setenv("APARTMENT_EVENTLOG", str(tmp_path / "eventlog.jsonl"))
    monkeypatch.setenv("APARTMENT_SERVICE_TIMEOUT", "30")


@pytest.fixture
def manager() -> services.ServiceManager:
    return services.open_manager()


def _script(tmp_path: Path, text: str = ECHO_SERVICE, name: str = "echo_service.py") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def _install(
    manager: services.ServiceManager, script: Path, name: str = NAME, **options: int
) -> services.Service:
    return services.create_service(
        manager, name, f"{name} display", services.SERVICE_ALL_ACCESS,
        services.SERVICE_WIN32_OWN_PROCESS, options.get("start", services.SERVICE_DEMAND_START),
        services.SERVICE_ERROR_NORMAL, f'"{sys.executable}" "{script}"',
    )  # fmt: skip


def _wait_state(
    service: services.Service, state: int, timeout: float = 30.0
) -> services.ServiceStatus:
    """Poll the status the service reports, as WaitForServiceStatus does."""
    deadline = time.monotonic() + timeout
    while True:
        status = services.query_status(service)
        if status.current_state == state or time.monotonic() > deadline:
            return status
        time.sleep(0.02)


def _code(excinfo: pytest.ExceptionInfo[Win32Error]) -> int:
    return excinfo.value.winerror


def _stop(service: services.Service) -> None:
    services.control_service(service, services.SERVICE_CONTROL_STOP)
    assert _wait_state(service, services.SERVICE_STOPPED).current_state == services.SERVICE_STOPPED


# -- the event log ---------------------------------------------------------------------------


def test_the_event_log_keeps_pywin32s_messages_with_their_inserts() -> None:
    assert services.format_event(services.PYS_SERVICE_STARTED, ("S", " ok")) == (
        "The S service has started ok."
    )
    assert services.format_event(0x1234, ("x",)) is None
    services.set_event_source("Tester")
    services.log_event(services.EVENTLOG_WARNING_TYPE, services.MSG_INFO, ["careful"])
    (record,) = services.read_events("Tester")
    assert (record.type_name, record.event_id, record.text) == ("Warning", 0x400000FF, "careful")
    assert record.pid == os.getpid()
    with pytest.raises(TypeError):
        services.log_event(services.EVENTLOG_ERROR_TYPE, services.MSG_ERROR, [3])  # type: ignore[list-item]


def test_debug_mode_prints_what_is_logged() -> None:
    previous = services.set_debugging(True)
    try:
        services.log_event(services.EVENTLOG_ERROR_TYPE, services.MSG_ERROR, ["bad"])
    finally:
        services.set_debugging(previous)
    assert previous is False
    assert services.read_events()[-1].text == "bad"


# -- debug mode ---------------------------------------------------------------------------------


def test_debug_runs_the_service_until_ctrl_c_sends_stop(tmp_path: Path) -> None:
    script = _script(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-m", "apartment", "run", str(script), "debug", "an-arg"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    lines = []
    for line in child.stdout:  # until the service says it runs
        lines.append(line.rstrip("\n"))
        if "has started" in line:
            break
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    lines += out.splitlines()
    assert child.returncode == 0, err
    assert lines == [
        "Debugging service ApartmentTestEcho - press Ctrl+C to stop.",
        "SvcDoRun on MainThread ('ApartmentTestEcho', 'an-arg')",
        "Info 0x40001002 - The ApartmentTestEcho service has started.",
        "Stopping debug service.",
        "SvcStop on console-ctrl-handler",
        "Info 0x40001004 - The ApartmentTestEcho service has stopped.",
    ]
    texts = [record.text for record in services.read_events(NAME)]
    assert texts == [
        "The ApartmentTestEcho service has started.",
        "The ApartmentTestEcho service has stopped.",
    ]


# -- the manager ---------------------------------------------------------------------------------


def test_a_service_runs_in_its_own_process_with_handlers_on_the_dispatcher(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    service = _install(manager, _script(tmp_path))
    assert services.query_status(service) == (16, services.SERVICE_STOPPED, 0, 1077, 0, 0, 0)
    services.start_service(service, ["one"])
    status = _wait_state(service, services.SERVICE_RUNNING)
    accepted = services.SERVICE_ACCEPT_STOP | services.SERVICE_ACCEPT_PAUSE_CONTINUE
    assert status == (16, services.SERVICE_RUNNING, accepted, 0, 0, 0, 5000)
    pid = services.query_process_id(service)
    assert pid not in (0, os.getpid())
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(service)
    assert _code(excinfo) == ERROR_SERVICE_ALREADY_RUNNING
    paused = services.control_service(service, services.SERVICE_CONTROL_PAUSE)
    assert paused.current_state == services.SERVICE_PAUSED
    resumed = services.control_service(service, services.SERVICE_CONTROL_CONTINUE)
    assert resumed.current_state == services.SERVICE_RUNNING
    assert services.control_service(service, 200).current_state == services.SERVICE_RUNNING
    _stop(service)
    assert services.query_status(service) == (16, services.SERVICE_STOPPED, 0, 0, 0, 0, 0)
    assert services.query_process_id(service) == 0
    output = services.service_log_path(NAME).read_text()
    assert "SvcDoRun on apartment-service-ApartmentTestEcho ('ApartmentTestEcho', 'one')" in output
    assert "SvcStop on MainThread" in output
    texts = [record.text for record in services.read_events(NAME)]
    assert texts == [
        "The ApartmentTestEcho service has started.",
        "control 200",
        "The ApartmentTestEcho service has stopped.",
    ]
    services.close_handle(service)


def test_controls_a_service_does_not_take_fail(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    service = _install(manager, _script(tmp_path))
    with pytest.raises(Win32Error) as excinfo:
        services.control_service(service, services.SERVICE_CONTROL_STOP)
    assert _code(excinfo) == ERROR_SERVICE_NOT_ACTIVE
    services.start_service(service)
    _wait_state(service, services.SERVICE_RUNNING)
    with pytest.raises(Win32Error) as excinfo:
        services.control_service(service, services.SERVICE_CONTROL_SHUTDOWN)
    assert _code(excinfo) == ERROR_INVALID_PARAMETER  # the system's alone to send
    with pytest.raises(Win32Error) as excinfo:
        services.control_service(service, services.SERVICE_CONTROL_PARAMCHANGE)
    assert _code(excinfo) == ERROR_INVALID_SERVICE_CONTROL
    _stop(service)
    services.close_handle(service)


def test_a_handle_allows_only_the_rights_it_was_opened_with(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    services.close_handle(_install(manager, _script(tmp_path)))
    service = services.open_service(manager, NAME.upper(), services.SERVICE_QUERY_STATUS)
    assert service.name == NAME
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(service)
    assert _code(excinfo) == ERROR_ACCESS_DENIED
    services.close_handle(service)
    reader = services.open_manager(access=services.SC_MANAGER_CONNECT)
    with pytest.raises(Win32Error) as excinfo:
        _install(reader, _script(tmp_path), name="Other")
    assert _code(excinfo) == ERROR_ACCESS_DENIED


def test_install_and_delete_follow_windows_rules(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    script = _script(tmp_path)
    service = _install(manager, script)
    with pytest.raises(Win32Error) as excinfo:
        _install(manager, script, name=NAME.lower())
    assert _code(excinfo) == ERROR_SERVICE_EXISTS
    services.delete_service(service)
    with pytest.raises(Win32Error) as excinfo:
        services.delete_service(service)
    assert _code(excinfo) == ERROR_SERVICE_MARKED_FOR_DELETE
    with pytest.raises(Win32Error) as excinfo:
        _install(manager, script)
    assert _code(excinfo) == ERROR_SERVICE_MARKED_FOR_DELETE
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(service)
    assert _code(excinfo) == ERROR_SERVICE_MARKED_FOR_DELETE
    services.close_handle(service)  # the last handle: now it goes
    with pytest.raises(Win32Error) as excinfo:
        services.open_service(manager, NAME, services.SERVICE_ALL_ACCESS)
    assert _code(excinfo) == ERROR_SERVICE_DOES_NOT_EXIST


def test_a_running_service_marked_for_delete_goes_when_it_stops(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    service = _install(manager, _script(tmp_path))
    services.start_service(service)
    _wait_state(service, services.SERVICE_RUNNING)
    services.delete_service(service)
    services.close_handle(service)
    still = services.open_service(manager, NAME, services.SERVICE_ALL_ACCESS)
    services.control_service(still, services.SERVICE_CONTROL_STOP)
    deadline = time.monotonic() + 30
    gone = False
    while not gone and time.monotonic() < deadline:
        try:
            services.query_status(still)
        except Win32Error as error:
            gone = error.winerror == ERROR_SERVICE_DOES_NOT_EXIST
        time.sleep(0.02)
    assert gone, "the service was not deleted when it stopped"
    services.close_handle(still)


def test_start_fails_for_a_disabled_or_missing_program(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    disabled = _install(manager, _script(tmp_path), start=services.SERVICE_DISABLED)
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(disabled)
    assert _code(excinfo) == ERROR_SERVICE_DISABLED
    missing = services.create_service(
        manager, "Missing", None, services.SERVICE_ALL_ACCESS, 16, 3, 1,
        str(tmp_path / "no-such-program"),
    )  # fmt: skip
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(missing)
    assert _code(excinfo) == ERROR_FILE_NOT_FOUND
    assert services.query_status(missing).current_state == services.SERVICE_STOPPED


def test_a_program_that_never_connects_times_out(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    service = services.create_service(
        manager, "Quitter", None, services.SERVICE_ALL_ACCESS, 16, 3, 1,
        f'"{sys.executable}" -c "pass"',
    )  # fmt: skip
    with pytest.raises(Win32Error) as excinfo:
        services.start_service(service)
    assert _code(excinfo) == ERROR_SERVICE_REQUEST_TIMEOUT
    assert services.query_status(service).current_state == services.SERVICE_STOPPED


def test_a_service_process_that_dies_reads_as_aborted(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    service = _install(manager, _script(tmp_path))
    services.start_service(service)
    _wait_state(service, services.SERVICE_RUNNING)
    pid = services.query_process_id(service)
    os.kill(pid, signal.SIGKILL)
    status = _wait_state(service, services.SERVICE_STOPPED)
    assert (status.current_state, status.win32_exit_code) == (
        services.SERVICE_STOPPED,
        ERROR_PROCESS_ABORTED,
    )


def test_a_failing_service_stops_with_a_service_specific_error(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    script = _script(tmp_path, FAILING_SERVICE, "failing_service.py")
    service = services.create_service(
        manager, "ApartmentTestFailing", None, services.SERVICE_ALL_ACCESS, 16, 3, 1,
        services.python_service_command(),
    )  # fmt: skip
    services.set_python_class(
        "ApartmentTestFailing", str(script.with_suffix("")) + ".FailingService"
    )
    services.start_service(service)
    status = _wait_state(service, services.SERVICE_STOPPED)
    assert status.win32_exit_code == ERROR_SERVICE_SPECIFIC_ERROR
    (record,) = services.read_events("ApartmentTestFailing")
    assert record.event_type == services.EVENTLOG_ERROR_TYPE
    assert "the service's work failed" in record.text


def test_the_dispatcher_needs_the_manager_and_a_service() -> None:
    code = (
        "from apartment import services\n"
        "try:\n    services.run_dispatcher()\nexcept OSError as e:\n    print(e.winerror)\n"
        "services.host_service('X', print)\n"
        "try:\n    services.run_dispatcher()\nexcept OSError as e:\n    print(e.winerror)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "APARTMENT_SERVICE_START"}
    done = subprocess.run(
        [sys.executable, "-c", code.replace("OSError", "Exception")],
        capture_output=True, text=True, timeout=60, env=env, check=True,
    )  # fmt: skip
    assert done.stdout.split() == [
        str(ERROR_INVALID_PARAMETER),
        str(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT),
    ]


def test_enumeration_and_names(manager: services.ServiceManager, tmp_path: Path) -> None:
    service = _install(manager, _script(tmp_path))
    found = services.enum_services(manager)
    assert [(name, display) for name, display, _ in found] == [(NAME, f"{NAME} display")]
    assert services.enum_services(manager, state=services.SERVICE_ACTIVE) == []
    assert services.service_key_name(manager, f"{NAME} DISPLAY") == NAME
    assert services.service_display_name(manager, NAME.lower()) == f"{NAME} display"
    services.change_config(service, start_type=services.SERVICE_AUTO_START, display_name="New")
    config = services.query_config(service)
    assert (config.start_type, config.display_name, config.start_name) == (2, "New", "LocalSystem")
    services.close_handle(service)


def test_the_command_line_lists_services_and_events(
    manager: services.ServiceManager, tmp_path: Path
) -> None:
    def run(*words: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "apartment", *words],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        return done.stdout

    assert run("services").startswith("no services are installed")
    services.close_handle(_install(manager, _script(tmp_path)))
    assert run("services").splitlines()[0] == (f"{NAME} ({NAME} display): STOPPED, exit code 1077")
    services.set_event_source("Tester")
    services.log_event(services.EVENTLOG_INFORMATION_TYPE, services.PYS_SERVICE_STARTED, ["X", ""])
    assert (
        run("events", "Tester")
        .rstrip()
        .endswith("Info Tester 0x40001002: The X service has started.")
    )
    assert run("events", "Nobody") == ""


def test_a_handler_that_blocks_times_the_control_out(
    manager: services.ServiceManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apartment.win32 import win32event

    service = _install(manager, _script(tmp_path))
    services.start_service(service)
    _wait_state(service, services.SERVICE_RUNNING)
    release = win32event.CreateEvent(None, 0, 0, "ApartmentTestRelease")
    monkeypatch.setenv("APARTMENT_SERVICE_TIMEOUT", "0.5")
    with pytest.raises(Win32Error) as excinfo:
        services.control_service(service, 201)  # its handler waits for the release
    assert _code(excinfo) == ERROR_SERVICE_REQUEST_TIMEOUT
    monkeypatch.setenv("APARTMENT_SERVICE_TIMEOUT", "30")
    win32event.SetEvent(release)  # the dispatcher goes on: the next control is answered
    _stop(service)
    release.Close()
    texts = [record.text for record in services.read_events(NAME)]
    assert "control 201" in texts
    services.close_handle(service)
