"""Processes append to one log file in turn, serialized by a named mutex.

Source: public GitHub files (multi-process loggers and cache writers; search "win32event
CreateMutex WaitForSingleObject ReleaseMutex processes log file lock"), rewritten with their
calls and their order: each process ``CreateMutex(None, False, name)``, then per line
``WaitForSingleObject(mutex, INFINITE)`` (WAIT_OBJECT_0, or WAIT_ABANDONED_0 if a writer died
holding it), an append, ``ReleaseMutex``; a writer that dies holding the mutex; a
``ReleaseMutex`` by a process that does not own it failing with ERROR_NOT_OWNER.
"""

import os
import sys

import pywintypes
import win32api
import win32event
import win32process

NAME = "Global\\realcode-log-writers"
LOG = "shared.log"


def writer(tag, lines, die_holding):
    mutex = win32event.CreateMutex(None, False, NAME)
    results = set()
    for n in range(lines):
        results.add(win32event.WaitForSingleObject(mutex, win32event.INFINITE))
        with open(LOG, "a") as f:
            f.write(f"{tag} {n}\n")
        if die_holding and n == lines - 1:
            os._exit(5)
        win32event.ReleaseMutex(mutex)
    try:
        win32event.ReleaseMutex(mutex)
    except pywintypes.error as error:
        results.add(error.winerror)
    sys.exit(sum(results))


def run(*args):
    cmd = f'"{sys.executable}" "{__file__}" ' + " ".join(args)
    h_process, h_thread, _, _ = win32process.CreateProcess(
        None, cmd, None, None, False, 0, None, os.getcwd(), win32process.STARTUPINFO()
    )
    win32api.CloseHandle(h_thread)
    return h_process


def main():
    if len(sys.argv) > 1:
        writer(sys.argv[1], int(sys.argv[2]), sys.argv[3] == "die")
        return
    mutex = win32event.CreateMutex(None, False, NAME)
    children = [run(tag, "20", "live") for tag in ("a", "b", "c")]
    rc = win32event.WaitForMultipleObjects(children, True, 60000)
    print("all ended:", rc)
    print(
        "exit codes (288: the last release was refused):",
        [win32process.GetExitCodeProcess(h) for h in children],
    )
    with open(LOG) as f:
        lines = f.read().splitlines()
    print("lines:", len(lines), "whole:", all(len(line.split()) == 2 for line in lines))
    for tag in "abc":
        print(
            tag,
            "in order:",
            [line for line in lines if line[0] == tag] == [f"{tag} {n}" for n in range(20)],
        )
    dying = run("d", "1", "die")
    win32event.WaitForSingleObject(dying, 60000)
    print("died holding it, exit code:", win32process.GetExitCodeProcess(dying))
    print("next wait:", win32event.WaitForSingleObject(mutex, 30000))
    win32event.ReleaseMutex(mutex)
    print("then:", win32event.WaitForSingleObject(mutex, 0))
    win32event.ReleaseMutex(mutex)
    for h in [*children, dying, mutex]:
        win32api.CloseHandle(h)
    print("done")


if __name__ == "__main__":
    main()
