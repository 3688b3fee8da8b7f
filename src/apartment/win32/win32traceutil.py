"""pywin32's ``win32traceutil``: send a program's output to the trace collector, or be one.

``import win32traceutil`` opens the trace buffer for writing and points ``sys.stdout`` and
``sys.stderr`` at it (what COM servers do, having no console), after a line saying so on
the old output. Run as the main module (``python -m apartment run -m win32traceutil``, as
pywin32 users run ``python -m win32traceutil``), it is the collector: it prints whatever any
process of the session traces, until Ctrl+C.
"""

from __future__ import annotations

import contextlib
import sys

from . import win32trace

__all__ = ["RunAsCollector", "SetupForPrint"]


def RunAsCollector() -> None:
    """Print what every process of the session traces, until Ctrl+C."""
    win32trace.InitRead()
    print("Collecting Python Trace Output...", flush=True)
    try:
        while True:
            # A short timeout, so that Ctrl+C is seen soon (the wait is interruptible too).
            sys.stdout.write(win32trace.blockingread(500))
            sys.stdout.flush()
    except KeyboardInterrupt:
        print("Ctrl+C")


def SetupForPrint() -> None:
    """Send this process's ``print`` output (stdout and stderr) to the collector."""
    win32trace.InitWrite()
    with contextlib.suppress(Exception):  # a server's stdout may be unusable
        print("Redirecting output to win32trace remote collector")
    win32trace.setprint()


if __name__ == "__main__":
    RunAsCollector()
else:
    SetupForPrint()
