"""A build tool's spawn: CreateProcess, wait for it, its exit code, close both handles.

Source: a public GitHub file (an SConstruct's ``my_spawn``, search index id 5671307612), kept
with its calls and their order: ``SECURITY_ATTRIBUTES()``, ``STARTUPINFO()``,
``CreateProcess(None, cmdline, None, None, 1, 0, env, None, StartupInfo)`` with an environment
dictionary, ``WaitForSingleObject(hProcess, INFINITE)``, ``GetExitCodeProcess``,
``win32file.CloseHandle`` of the process and thread handles. And a launcher's loop (search
index id 45077408147): ``WaitForSingleObject(handle[0], 1000)`` until ``WAIT_OBJECT_0``.
"""

import os
import sys

import win32event
import win32file
import win32process
import win32security


def my_spawn(cmdline, spawnenv):
    s_attrs = win32security.SECURITY_ATTRIBUTES()
    startup_info = win32process.STARTUPINFO()
    h_process, h_thread, dw_pid, dw_tid = win32process.CreateProcess(
        None, cmdline, None, None, 1, 0, spawnenv, None, startup_info
    )
    print("pid and tid are numbers:", dw_pid > 0 and dw_tid > 0, s_attrs.bInheritHandle)
    win32event.WaitForSingleObject(h_process, win32event.INFINITE)
    exit_code = win32process.GetExitCodeProcess(h_process)
    win32file.CloseHandle(h_process)
    win32file.CloseHandle(h_thread)
    return exit_code


def launcher(cmdline):
    handle = win32process.CreateProcess(
        None,
        cmdline,
        None,
        None,
        0,
        win32process.CREATE_NO_WINDOW,
        None,
        None,
        win32process.STARTUPINFO(),
    )
    running = True
    rounds = 0
    while running:
        rc = win32event.WaitForSingleObject(handle[0], 1000)
        rounds += 1
        if rc == win32event.WAIT_OBJECT_0:
            running = False
    print("GoodBye", win32process.GetExitCodeProcess(handle[0]))


def main():
    python = f'"{sys.executable}"'
    env = {key: value for key, value in os.environ.items()}
    env["REALCODE_VALUE"] = "seven"
    code = my_spawn(
        f"{python} -c \"import os, sys; sys.exit(len(os.environ['REALCODE_VALUE']))\"", env
    )
    print("exit code:", code)
    print("exit code:", my_spawn(f'{python} -c "pass"', env))
    launcher(f'{python} -c "import time; time.sleep(0.3); raise SystemExit(3)"')
    print("done")


if __name__ == "__main__":
    main()
