"""Processes that increment one counter in a file under a named mutex lose no update.

The parent starts the workers with CreateProcess (each is this script: a Python child gets
the pywin32 names, as it would on Windows), waits for all of them at once, and reads the
counter. Each worker opens the same named mutex and, a thousand times, takes it, reads the
number, writes it plus one, and releases it.

    python -m apartment run examples/counter.py [PROCESSES] [INCREMENTS]   # default 8 x 1000
"""

from __future__ import annotations

import os
import sys
import tempfile

import win32event
import win32process

MUTEX = "apartment-example-counter"


def worker(path: str, increments: int) -> int:
    mutex = win32event.CreateMutex(None, False, MUTEX)
    for _ in range(increments):
        win32event.WaitForSingleObject(mutex, win32event.INFINITE)
        try:
            with open(path, "r+") as counter:
                value = int(counter.read())
                counter.seek(0)
                counter.write(str(value + 1))
                counter.truncate()
        finally:
            win32event.ReleaseMutex(mutex)
    return 0


def main(processes: int, increments: int) -> int:
    handle, path = tempfile.mkstemp(prefix="apartment-counter-")
    os.write(handle, b"0")
    os.close(handle)
    mutex = win32event.CreateMutex(None, False, MUTEX)
    workers = []
    for _ in range(processes):
        command = f'"{sys.executable}" "{os.path.abspath(__file__)}" --worker "{path}" {increments}'
        process, thread, pid, tid = win32process.CreateProcess(
            None, command, None, None, False, 0, None, None, win32process.STARTUPINFO()
        )
        workers.append(process)
    win32event.WaitForMultipleObjects(workers, True, win32event.INFINITE)
    codes = [win32process.GetExitCodeProcess(process) for process in workers]
    with open(path) as counter:
        total = int(counter.read())
    os.unlink(path)
    mutex.Close()
    expected = processes * increments
    print(f"{processes} processes x {increments} increments: the counter reads {total}")
    if total != expected or any(codes):
        print(f"expected {expected}; worker exit codes {codes}")
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        sys.exit(worker(sys.argv[2], int(sys.argv[3])))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    each = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    sys.exit(main(count, each))
