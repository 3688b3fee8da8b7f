"""A machine summary from GetSystemInfo, GlobalMemoryStatusEx and GetSystemPowerStatus.

Source: public GitHub "system info" scripts (``win32api.GetSystemInfo()`` with the processor
count at index 5 and the page size at index 1, ``win32api.GetNativeSystemInfo()``,
``win32api.GlobalMemoryStatusEx()`` as a dict with ``TotalPhys`` and ``AvailPhys``,
``win32api.GetSystemPowerStatus()`` with ``ACLineStatus`` and ``BatteryLifePercent``,
``win32api.GetVersionEx(1)``), rewritten with those calls. Machines differ, so the program
prints the shapes and the relations that hold on every machine.
"""

import os

import win32api


def main():
    info = win32api.GetSystemInfo()
    print("system info items:", len(info))
    print("page size:", info[1])
    print("cpus match os.cpu_count:", info[5] == os.cpu_count())
    print("allocation granularity:", info[7])
    print("native same cpus:", win32api.GetNativeSystemInfo()[5] == info[5])
    memory = win32api.GlobalMemoryStatusEx()
    print("memory keys:", sorted(memory))
    print("avail <= total:", 0 < memory["AvailPhys"] <= memory["TotalPhys"])
    print("load is a percent:", 0 <= memory["MemoryLoad"] <= 100)
    power = win32api.GetSystemPowerStatus()
    print("power keys:", sorted(power))
    print("ac line status known:", power["ACLineStatus"] in (0, 1, 255))
    version = win32api.GetVersionEx(1)
    print("version items:", len(version), "platform:", version[3])


main()
