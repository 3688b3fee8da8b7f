"""Run pywin32's ``win32console_demo.py``, unchanged, with a user typing at its console.

Run by ``test_pywin32_files.test_console_demo_reads_keys`` with ``python -m apartment run``.
The demo reads key records until the End key. This driver gives the process a console
first (so the demo's own AllocConsole fails with ERROR_ACCESS_DENIED, as when it is run from
a console window), queues "hi" as key records, and, from a thread, once the demo has read
every record (its own X, Z, X included), queues the End key. Then it prints what the demo
echoed on its screen buffer, which it makes the shown one.
"""

from __future__ import annotations

import runpy
import sys
import threading

import win32con
import win32console

from apartment import kernel


def key(char: str, vk: int) -> win32console.PyINPUT_RECORDType:
    record = win32console.PyINPUT_RECORDType(win32console.KEY_EVENT)
    record.Char = char
    record.KeyDown = True
    record.RepeatCount = 1
    record.VirtualKeyCode = vk
    return record


def press_end(stdin: win32console.PyConsoleScreenBufferType) -> None:
    kernel.console_input(int(stdin)).wait_empty(timeout=60)
    stdin.WriteConsoleInput([key("\0", win32con.VK_END)])


def main() -> None:
    win32console.AllocConsole()
    stdin = win32console.GetStdHandle(win32console.STD_INPUT_HANDLE)
    stdin.WriteConsoleInput([key("h", 0x48), key("i", 0x49)])
    typist = threading.Thread(target=press_end, args=(stdin,))
    typist.start()
    runpy.run_path(sys.argv[1], run_name="__main__")
    typist.join()
    print("the demo ended")


main()
