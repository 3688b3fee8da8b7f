"""List processes with their image and modules, as process inspectors do.

Source: public GitHub file mai1x9/windows-agent-utilities ``dll/main.py`` (``adjust_privilege``
with ``LookupPrivilegeValue(None, SE_DEBUG_NAME)``, ``OpenProcessToken`` and
``AdjustTokenPrivileges``; ``get_process_modules``: ``GetModuleFileNameEx(hProcess, None)``
for the image, then ``EnumProcessModulesEx(hProcess, LIST_MODULES_ALL)`` and
``GetModuleFileNameEx`` of each; ``list_processes``: ``EnumProcesses``, ``OpenProcess`` with
PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ, falling back to
PROCESS_QUERY_LIMITED_INFORMATION alone, skipping the processes it may not open). The list
of a machine's processes differs from machine to machine: the program prints what holds
everywhere (its own process is listed, its image is its interpreter, its modules). The driver
puts the privilege back as it was.
"""

import collections
import os
import sys

import win32api
import win32con
import win32process
import win32security

PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


def adjust_privilege(name, attr=win32security.SE_PRIVILEGE_ENABLED):
    if isinstance(name, str):
        state = (win32security.LookupPrivilegeValue(None, name), attr)
    else:
        state = name
    hToken = win32security.OpenProcessToken(
        win32process.GetCurrentProcess(), win32security.TOKEN_ALL_ACCESS
    )
    return win32security.AdjustTokenPrivileges(hToken, False, [state])


def get_process_modules(hProcess):
    imagepath = win32process.GetModuleFileNameEx(hProcess, None)
    imagepath_upper = imagepath.upper()
    modules = []
    for hModule in win32process.EnumProcessModulesEx(hProcess, win32process.LIST_MODULES_ALL):
        modulepath = win32process.GetModuleFileNameEx(hProcess, hModule)
        if modulepath.upper() != imagepath_upper:
            modules.append(modulepath)
    return imagepath, sorted(modules)


Process = collections.namedtuple("Process", "name path pid modules")  # noqa: PYI024


def list_processes():
    prev_state = adjust_privilege(win32security.SE_DEBUG_NAME)
    print("previous state is a list:", isinstance(prev_state, (list, tuple)))
    try:
        for pid in win32process.EnumProcesses():
            hProcess = None
            path = ""
            modules = []
            if pid == 0:
                name = "System Idle Process"
            else:
                try:
                    hProcess = win32api.OpenProcess(
                        PROCESS_QUERY_LIMITED_INFORMATION | win32con.PROCESS_VM_READ, False, pid
                    )
                except win32api.error:
                    try:
                        hProcess = win32api.OpenProcess(
                            PROCESS_QUERY_LIMITED_INFORMATION, False, pid
                        )
                    except win32api.error:
                        continue
                try:
                    path, modules = get_process_modules(hProcess)
                except win32api.error:
                    pass
                finally:
                    win32api.CloseHandle(hProcess)
                name = os.path.basename(path)
            yield Process(name, path, pid, modules)
    finally:
        win32security.AdjustTokenPrivileges(
            win32security.OpenProcessToken(
                win32process.GetCurrentProcess(), win32security.TOKEN_ALL_ACCESS
            ),
            False,
            prev_state,
        )


def main():
    pids = win32process.EnumProcesses()
    print("EnumProcesses gives", type(pids).__name__, "of", type(pids[0]).__name__)
    print("own pid listed:", os.getpid() in pids)
    mine = [p for p in list_processes() if p.pid == os.getpid()]
    print("found myself once:", len(mine) == 1)
    me = mine[0]
    print(
        "image is the interpreter:", os.path.normcase(me.path) == os.path.normcase(sys.executable)
    )
    print("name:", me.name.lower() == os.path.basename(sys.executable).lower())
    print(
        "has other modules:",
        len(me.modules) > 0,
        "image not among them:",
        me.path not in me.modules,
    )
    print("modules are absolute:", all(os.path.isabs(m) for m in me.modules))
    handle = win32api.GetModuleHandle(None)
    current = win32api.GetCurrentProcess()
    print("own image by handle:", win32process.GetModuleFileNameEx(current, handle) == me.path)


if __name__ == "__main__":
    main()
