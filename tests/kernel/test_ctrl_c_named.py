"""Ctrl-C in the main thread while it works on named objects leaves the session working.

A KeyboardInterrupt is raised where a function starts or a C call returns: at the start of the
function that lets the session lock go, or right after the call that took it. Left held, the
lock would stop every process of the session at its next named-object call, for ever (even
after this one exits). The child interrupts a loop of named-object calls hundreds of times at
points the scheduler picks; then it, and a second process, must still use named objects. Both
run in a runtime directory of the test's own, so a failure wedges nobody else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_CHILD = r"""
import _thread, os, threading
from apartment.win32 import install
install()
import win32event

ev = win32event.CreateEvent(None, 0, 0, "ctrl-c-event")
mx = win32event.CreateMutex(None, 0, "ctrl-c-mutex")
interrupted = 0
for _ in range(300):
    go = threading.Event()
    interrupter = threading.Thread(target=lambda: (go.wait(), _thread.interrupt_main()))
    interrupter.start()
    try:
        go.set()
        while True:
            win32event.SetEvent(ev)
            win32event.WaitForSingleObject(ev, 1000)
            win32event.WaitForSingleObject(mx, 1000)
            win32event.ReleaseMutex(mx)
    except KeyboardInterrupt:
        interrupted += 1
    interrupter.join()
    try:
        win32event.ReleaseMutex(mx)  # (when the interrupt came while it was owned)
    except win32event.error:
        pass
win32event.SetEvent(ev)
assert win32event.WaitForSingleObject(ev, 1000) == win32event.WAIT_OBJECT_0
print("ok", interrupted)
"""

_OTHER = r"""
from apartment.win32 import install
install()
import win32event
mx = win32event.CreateMutex(None, 0, "ctrl-c-mutex")
assert win32event.WaitForSingleObject(mx, 5000) == win32event.WAIT_OBJECT_0
win32event.ReleaseMutex(mx)
print("ok")
"""


def test_named_object_calls_interrupted_anywhere_leave_the_session_working(
    tmp_path: Path,
) -> None:
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "APARTMENT_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=40, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok", "300"]
    other = subprocess.run(
        [sys.executable, "-c", _OTHER], capture_output=True, text=True, timeout=20, env=env
    )
    assert other.returncode == 0, other.stderr
    assert other.stdout.split() == ["ok"]
