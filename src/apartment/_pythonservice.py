"""The service verbs of the command line: ``pythonservice``, ``services`` and ``events``.

``python -m apartment services`` lists the installed services; ``python -m apartment events
[SOURCE]`` prints the event log (what services logged).

``pythonservice`` is pythonservice.exe's stand-in: the process the manager starts for a pywin32
service.

``python -m apartment pythonservice`` (a pywin32 service's command, as InstallService
records it) reads which service the manager asked for, imports the module of its
PythonClass (``path/to/module.Class``: the folder goes on ``sys.path``, the module is
imported by name, so its ``if __name__ == "__main__":`` block does not run), hosts the class
and runs the dispatcher until the service stops. Anything that goes wrong is logged to the
event log, as pythonservice logs it, and to stderr (the service's log file).
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback
from typing import TYPE_CHECKING

from . import services

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["pythonservice_main", "services_main", "events_main"]

_IMPORT_FAILED = 0xC0000004
_NO_CLASS = 0xC0000005


def _fail(event_id: int, name: str, text: str) -> int:
    services.log_event(services.EVENTLOG_ERROR_TYPE, event_id, (name, "Error", text))
    print(text, file=sys.stderr, flush=True)
    return 1


def pythonservice_main(argv: Sequence[str]) -> int:
    """Host the service the manager asked for; the process's exit status."""
    from .win32 import install, servicemanager

    install(runtime=True)
    request = services.start_request()
    if request is None:
        print(
            "pythonservice: the service control manager starts this (StartService); "
            "run a service script with 'debug' to run it in the console",
            file=sys.stderr,
        )
        return 2
    name = str(request.get("name", ""))
    class_string = services.python_class(name)
    if not class_string or "." not in class_string:
        return _fail(0xC0000080, name, f"no Python class is recorded for {name!r}")
    module_path, _, class_name = class_string.rpartition(".")
    folder, module_name = os.path.split(module_path)
    if folder:
        sys.path.insert(0, folder)
    try:
        module = importlib.import_module(module_name)
    except BaseException:
        return _fail(_IMPORT_FAILED, name, traceback.format_exc())
    klass = getattr(module, class_name, None)
    if klass is None:
        return _fail(_NO_CLASS, name, f"{module_name} has no class {class_name}")
    servicemanager.PrepareToHostSingle(klass)  # as pythonservice: its one service
    servicemanager.StartServiceCtrlDispatcher()
    return 0


_STATES = {1: "STOPPED", 2: "START_PENDING", 3: "STOP_PENDING", 4: "RUNNING",
           5: "CONTINUE_PENDING", 6: "PAUSE_PENDING", 7: "PAUSED"}  # fmt: skip


def services_main(argv: Sequence[str]) -> int:
    """``services``: list the installed services, their state, process and command."""
    if argv:
        print("usage: python -m apartment services", file=sys.stderr)
        return 2
    manager = services.open_manager(access=services.SC_MANAGER_ENUMERATE_SERVICE)
    found = services.enum_services(manager)
    if not found:
        print(f"no services are installed ({services.services_path()})")
    for name, display, status in found:
        state = _STATES.get(status.current_state, str(status.current_state))
        handle = services.open_service(manager, name, services.SERVICE_QUERY_CONFIG | 4)
        try:
            pid = services.query_process_id(handle)
            command = services.query_config(handle).binary_path
        finally:
            services.close_handle(handle)
        where = f" pid {pid}" if pid else ""
        print(f"{name} ({display}): {state}{where}, exit code {status.win32_exit_code}")
        print(f"    {command}")
    return 0


def events_main(argv: Sequence[str]) -> int:
    """``events [SOURCE]``: print the event log (a source's records only, if named)."""
    if len(argv) > 1:
        print("usage: python -m apartment events [SOURCE]", file=sys.stderr)
        return 2
    for record in services.read_events(argv[0] if argv else None):
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(record.time))
        print(f"{when} {record.type_name} {record.source} 0x{record.event_id:X}: {record.text}")
    return 0
