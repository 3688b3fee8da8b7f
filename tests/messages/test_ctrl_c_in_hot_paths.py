"""Ctrl-C in the main thread's message loop leaves a working process.

A KeyboardInterrupt is raised in the main thread at the end of whichever call is running when
the signal is seen. If that call is the kernel lock's ``acquire()`` and the ``try`` that
releases it starts only after it, the lock stays held and the program's next call hangs (as a
program that catches KeyboardInterrupt and cleans up would). The child interrupts a
post-and-get loop hundreds of times at points the scheduler picks, then posts and gets once
more; a hang fails the run by its timeout.
"""

from __future__ import annotations

import subprocess
import sys

_CHILD = r"""
import _thread, threading
from apartment.win32 import install
install()
import win32api, win32con, win32gui

tid = win32api.GetCurrentThreadId()
interrupted = 0
for _ in range(300):
    go = threading.Event()
    interrupter = threading.Thread(target=lambda: (go.wait(), _thread.interrupt_main()))
    interrupter.start()
    try:
        go.set()
        while True:
            win32api.PostThreadMessage(tid, win32con.WM_USER, 1, 2)
            win32gui.GetMessage(None, 0, 0)
            win32gui.PeekMessage(None, 0, 0, win32con.PM_REMOVE)
    except KeyboardInterrupt:
        interrupted += 1
    interrupter.join()
win32api.PostThreadMessage(tid, win32con.WM_USER, 3, 4)
while True:  # messages the interrupted loop left behind come first
    rc, msg = win32gui.GetMessage(None, 0, 0)
    if msg[2:4] == (3, 4):
        break
print("ok", interrupted)
"""


def test_a_message_loop_interrupted_anywhere_goes_on_working() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok", "300"]
