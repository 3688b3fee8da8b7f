r"""A log collector on a mailslot, fed by child processes that write one line each.

Source: public GitHub files (mailslot loggers and broadcast listeners; search "win32file
CreateMailslot GetMailslotInfo MAILSLOT_WAIT_FOREVER"), rewritten with their calls and their
order: ``CreateMailslot(r"\\.\mailslot\name", 0, MAILSLOT_WAIT_FOREVER, None)``; each client
``CreateFile(name, GENERIC_WRITE, FILE_SHARE_READ, None, OPEN_EXISTING, 0, None)`` and
``WriteFile``; the server ``GetMailslotInfo(slot)`` returning ``(max size, next size, count,
timeout)`` and ``ReadFile(slot, next_size)`` per message, ``SetMailslotInfo(slot, 0)`` so an
empty slot's read fails at once with ERROR_SEM_TIMEOUT; a second server of the same name fails.

Wine differs: there GetMailslotInfo counts 1 however many messages wait; Windows counts them
all (3 here), as we do. pywin32 gives the info as a list, and MAILSLOT_NO_MESSAGE as -1.
"""

import sys

import pywintypes
import win32api
import win32event
import win32file
import win32process

NAME = r"\\.\mailslot\realcode\collector"
MAILSLOT_WAIT_FOREVER = 0xFFFFFFFF  # winbase.h; pywin32 names neither
MAILSLOT_NO_MESSAGE = 0xFFFFFFFF


def client(n):
    handle = win32file.CreateFile(
        NAME,
        win32file.GENERIC_WRITE,
        win32file.FILE_SHARE_READ,
        None,
        win32file.OPEN_EXISTING,
        0,
        None,
    )
    win32file.WriteFile(handle, f"line from child {n}".encode())
    handle.Close()


def main():
    if len(sys.argv) > 1:
        client(sys.argv[1])
        return
    slot = win32file.CreateMailslot(NAME, 0, MAILSLOT_WAIT_FOREVER, None)
    print("info:", win32file.GetMailslotInfo(slot))
    try:
        win32file.CreateMailslot(NAME, 0, 0, None)
    except pywintypes.error as error:
        print("second server:", error.winerror, error.funcname)
    for n in range(3):
        cmd = f'"{sys.executable}" "{__file__}" {n}'
        h_process, h_thread, _, _ = win32process.CreateProcess(
            None, cmd, None, None, False, 0, None, None, win32process.STARTUPINFO()
        )
        win32event.WaitForSingleObject(h_process, 30000)
        print("child", n, "exit:", win32process.GetExitCodeProcess(h_process))
        win32api.CloseHandle(h_process)
        win32api.CloseHandle(h_thread)
    max_size, next_size, count, timeout = win32file.GetMailslotInfo(slot)
    print("waiting:", count, "next size:", next_size)
    while count:
        hr, data = win32file.ReadFile(slot, next_size)
        print("read:", hr, data)
        max_size, next_size, count, timeout = win32file.GetMailslotInfo(slot)
    print("empty:", next_size == MAILSLOT_NO_MESSAGE, count)
    win32file.SetMailslotInfo(slot, 0)
    print("timeout now:", win32file.GetMailslotInfo(slot)[3])
    try:
        win32file.ReadFile(slot, 400)
    except pywintypes.error as error:
        print("empty read:", error.winerror, error.funcname)
    slot.Close()
    try:
        client(9)
    except pywintypes.error as error:
        print("no server:", error.winerror, error.funcname)
    print("done")


if __name__ == "__main__":
    main()
