"""Ctrl-C interrupts every blocking facade call a program makes with INFINITE, in its main thread.

Each call runs in a program of its own (a SIGINT is process-wide): the program says it is
about to block, the test waits until its main thread sleeps in the kernel, sends SIGINT and
expects it to end with KeyboardInterrupt at once. The programs run side by side.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_PRELUDE = """\
import os, sys, threading
import apartment.win32
apartment.win32.install()
import pywintypes, win32api, win32event, win32file, win32pipe, win32process, pythoncom
NAME = "ctrl-c-%d" % os.getpid()
PIPE = "\\\\\\\\.\\\\pipe\\\\" + NAME
def event(named=False):
    return win32event.CreateEvent(None, 0, 0, NAME + str(id(object())) if named else None)
"""

# what each program does before it blocks; its last line blocks with INFINITE
CASES = {
    "WaitForSingleObject": "win32event.WaitForSingleObject(event(), win32event.INFINITE)",
    "WaitForMultipleObjects any": (
        "win32event.WaitForMultipleObjects([event() for _ in range(3)], 0, -1)"
    ),
    "WaitForMultipleObjects all, named and not": (
        "win32event.WaitForMultipleObjects([event(True), event()], 1, -1)"
    ),
    "MsgWaitForMultipleObjects": (
        "win32event.MsgWaitForMultipleObjects([event()], 0, -1, win32event.QS_ALLINPUT)"
    ),
    "SignalObjectAndWait": "win32event.SignalObjectAndWait(event(), event(), -1, False)",
    "SleepEx alertable": "win32api.SleepEx(win32event.INFINITE, True)",
    "GetMessage": "import win32gui\nwin32gui.GetMessage(None, 0, 0)",
    "pythoncom.PumpMessages": "pythoncom.PumpMessages()",
    "CoWaitForMultipleHandles": "pythoncom.CoWaitForMultipleHandles(0, -1, [event()])",
    "ReadFile of a pipe": "r, w = win32pipe.CreatePipe(None, 0)\nwin32file.ReadFile(r, 10)",
    "ConnectNamedPipe": (
        "p = win32pipe.CreateNamedPipe(PIPE, 3, 0, 1, 512, 512, 0, None)\n"
        "win32pipe.ConnectNamedPipe(p, None)"
    ),
    "GetOverlappedResult": (
        "p = win32pipe.CreateNamedPipe(PIPE, 3 | win32file.FILE_FLAG_OVERLAPPED, 0, 1, 512, "
        "512, 0, None)\n"
        "ov = pywintypes.OVERLAPPED()\n"
        "ov.hEvent = win32event.CreateEvent(None, 1, 0, None)\n"
        "win32pipe.ConnectNamedPipe(p, ov)\n"
        "win32file.GetOverlappedResult(p, ov, True)"
    ),
    "GetQueuedCompletionStatus": (
        "port = win32file.CreateIoCompletionPort(-1, None, 0, 0)\n"
        "win32file.GetQueuedCompletionStatus(port, -1)"
    ),
    "a thread's handle": (
        "stay = threading.Event()\n"
        "h, tid = win32process.beginthreadex(None, 0, stay.wait, (), 0)\n"
        "win32event.WaitForSingleObject(h, -1)"
    ),
    "a named mutex another thread owns": (
        "owned = threading.Event()\n"
        "def own():\n"
        "    global m\n"
        "    m = win32event.CreateMutex(None, 1, NAME)\n"
        "    owned.set()\n"
        "    threading.Event().wait()\n"
        "threading.Thread(target=own, daemon=True).start()\n"
        "owned.wait()\n"
        "win32event.WaitForSingleObject(win32event.OpenMutex(0x1F0001, 0, NAME), -1)"
    ),
}


def _main_thread_sleeps(pid: int) -> bool:
    """Whether the program's main thread sleeps in the kernel (state S) now."""
    try:
        stat = Path(f"/proc/{pid}/task/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] == "S"


def _wait_until_blocked(name: str, process: subprocess.Popen[str], deadline: float) -> None:
    """Wait for the "blocking" line, then for the main thread to sleep for 50 ms running."""
    assert process.stdout is not None
    if process.stdout.readline() != "blocking\n":
        pytest.fail(f"{name}: the program ended before it blocked")
    asleep_since = None
    while time.monotonic() < deadline:
        if _main_thread_sleeps(process.pid):
            asleep_since = asleep_since or time.monotonic()
            if time.monotonic() - asleep_since >= 0.05:
                return
        else:
            asleep_since = None
        time.sleep(0.005)  # polling another process's state: no event to wait on
    pytest.fail(f"{name}: the program's main thread never blocked")


@pytest.mark.timeout(240)
@pytest.mark.skipif(sys.platform != "linux", reason="reads thread states from /proc")
def test_ctrl_c_interrupts_each_infinite_facade_wait_in_the_main_thread(tmp_path: Path) -> None:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
    }
    programs: dict[str, tuple[subprocess.Popen[str], Path]] = {}
    try:
        for name, body in CASES.items():
            *setup, last = body.split("\n")
            code = _PRELUDE + "\n".join(setup) + "\nprint('blocking', flush=True)\n" + last
            code += "\nprint('returned', flush=True)\n"
            errors = tmp_path / f"{len(programs)}.err"
            with errors.open("w") as err:
                programs[name] = (
                    subprocess.Popen(
                        [sys.executable, "-c", code],
                        stdout=subprocess.PIPE,
                        stderr=err,
                        text=True,
                        env=env,
                    ),
                    errors,
                )
        deadline = time.monotonic() + 120  # 15 interpreters start at once: slow under load
        for name, (process, _) in programs.items():
            _wait_until_blocked(name, process, deadline)
        for process, _ in programs.values():
            process.send_signal(signal.SIGINT)
        failures = []
        for name, (process, errors) in programs.items():
            try:
                status = process.wait(max(0.1, deadline + 10 - time.monotonic()))
            except subprocess.TimeoutExpired:
                failures.append(f"{name}: still running after SIGINT")
                continue
            text = errors.read_text()
            if status != -signal.SIGINT or not text.rstrip().endswith("KeyboardInterrupt"):
                failures.append(f"{name}: exit {status}, {text[-500:]}")
        assert not failures, "\n".join(failures)
    finally:
        for process, _ in programs.values():
            process.kill()
            process.wait()
            assert process.stdout is not None
            process.stdout.close()
