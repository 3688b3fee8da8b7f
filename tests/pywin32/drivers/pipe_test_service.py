"""Drive pywin32's service demo, unchanged, through the service control manager.

Run by ``test_pywin32_files.test_pipe_test_service_through_the_scm`` with ``python -m apartment
run`` and pywin32's ``win32/Demos/service`` on the path, as a user does on Windows:
``pipeTestService.py install``, ``--wait 30 start``, then ``pipeTestServiceClient.py Hello
there`` (a program of its own), then ``--wait 30 stop`` and ``remove``. The service runs in
its own process, started by StartService (``python -m apartment pythonservice``, which
imports the demo's module and runs its class). Each line it prints is checked there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pipeTestService
import win32pipe
import win32service
import win32serviceutil
import winerror

DEMOS = os.path.dirname(pipeTestService.__file__)
SCRIPT = os.path.join(DEMOS, "pipeTestService.py")
CLIENT = os.path.join(DEMOS, "pipeTestServiceClient.py")
CLASS = pipeTestService.TestPipeService


def command(*args: str) -> None:
    """The demo's own command line, as ``pipeTestService.py ARGS`` runs it."""
    code = win32serviceutil.HandleCommandLine(CLASS, argv=[SCRIPT, *args])
    print("->", code, flush=True)


def wait_for_pipe(name: str) -> None:
    """Wait until the service has made its pipe (WaitNamedPipe fails at once until then)."""
    for _ in range(3000):
        try:
            win32pipe.WaitNamedPipe(name, 1000)
            return
        except win32pipe.error as exc:
            if exc.winerror != winerror.ERROR_FILE_NOT_FOUND:
                raise
        time.sleep(0.02)
    raise TimeoutError(name)


def main() -> None:
    command("install")
    command("--wait", "30", "start")
    pid = win32service.QueryServiceStatusEx(
        win32service.OpenService(
            win32service.OpenSCManager(None, None, win32service.SC_MANAGER_CONNECT),
            CLASS._svc_name_,
            win32service.SERVICE_QUERY_STATUS,
        )
    )["ProcessId"]
    print("in a process of its own:", pid not in (0, os.getpid()), flush=True)
    wait_for_pipe(r"\\.\pipe\PyPipeTest")  # RUNNING is reported before SvcDoRun makes it
    client = subprocess.run(
        [sys.executable, "-m", "apartment", "run", CLIENT, "Hello", "there"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    print(client.stdout.strip(), client.stderr.strip(), flush=True)
    command("--wait", "30", "stop")
    print("stopped:", win32serviceutil.QueryServiceStatus(CLASS._svc_name_)[1], flush=True)
    command("remove")


main()
