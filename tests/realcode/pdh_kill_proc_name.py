"""Find a program's processes by name with win32pdhutil and end them (killProcName).

Source: public GitHub files (pywin32's killProcName script and the helpers modelled on it in
test harnesses and installers, search "win32pdhutil FindPerformanceAttributesByName"),
rewritten with their calls and their order: ``GetPerformanceAttributes("Process", "ID
Process", name)`` once, in a try, as a refresh; ``FindPerformanceAttributesByName(name)``
(the pids of every process of that name); this process's own pid removed
(``GetCurrentProcessId``); then ``OpenProcess(PROCESS_TERMINATE, 0, pid)``,
``TerminateProcess(handle, 0)``, ``CloseHandle(handle)`` for each. Here the processes are
two children of this program, started first (each says it runs, then waits); the other
processes of the machine that share the name are left alone, and the lookup is tried again
if one of them ends while it reads (an error, on Windows too).
"""

import os
import subprocess
import sys

import pywintypes
import win32api
import win32con
import win32pdhutil

if sys.argv[1:] == ["child"]:
    print("running", flush=True)
    sys.stdin.read()
    sys.exit(0)


def find_pids(procname):
    try:
        win32pdhutil.GetPerformanceAttributes("Process", "ID Process", procname)
    except pywintypes.error:
        pass
    for _ in range(9):
        try:
            return win32pdhutil.FindPerformanceAttributesByName(procname)
        except pywintypes.error:
            continue
    return win32pdhutil.FindPerformanceAttributesByName(procname)


children = [
    subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    for _ in range(2)
]
for child in children:
    child.stdout.readline()

procname = os.path.splitext(os.path.basename(sys.executable))[0]
pids = find_pids(procname)
print("pids are ints:", all(isinstance(pid, int) for pid in pids))
print("this process is among them:", win32api.GetCurrentProcessId() in pids)
try:
    pids.remove(win32api.GetCurrentProcessId())
except ValueError:
    pass
print("this process removed:", win32api.GetCurrentProcessId() not in pids)
mine = {child.pid for child in children}
print("both children found:", mine <= set(pids))

for pid in sorted(set(pids) & mine):
    handle = win32api.OpenProcess(win32con.PROCESS_TERMINATE, 0, pid)
    win32api.TerminateProcess(handle, 0)
    win32api.CloseHandle(handle)

for child in children:
    child.wait(30)
    child.stdin.close()
    child.stdout.close()
print("both children ended:", all(child.returncode is not None for child in children))
print("no longer found:", not mine & set(find_pids(procname)))
