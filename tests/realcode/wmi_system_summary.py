"""A system summary through SWbemLocator: memory, boot time, architecture, domain, processors.

Source: the "sysinfo" scripts of many repositories and Microsoft's "WMI Tasks: Computer
Hardware / Operating Systems" samples (``Dispatch("WbemScripting.SWbemLocator")``,
``ConnectServer(".", "root\\cimv2")``, ``ExecQuery("SELECT * FROM Win32_OperatingSystem")``,
``int(TotalVisibleMemorySize)``, slicing ``LastBootUpTime`` as a CIM datetime), rewritten to
print the shapes instead of this machine's values. It then connects to a namespace that does
not exist (WBEM_E_INVALID_NAMESPACE) and gives a user name for this computer (WMI refuses
credentials on a local connection: 0x80041064; Wine lets them through: that line holds
Windows' answer).
"""

import pywintypes
import win32com.client

locator = win32com.client.Dispatch("WbemScripting.SWbemLocator")
service = locator.ConnectServer(".", "root\\cimv2")

for system in service.ExecQuery("SELECT * FROM Win32_OperatingSystem"):
    total = int(system.Properties_("TotalVisibleMemorySize").Value)  # KiB, a uint64 string
    free = int(system.Properties_("FreePhysicalMemory").Value)
    print("memory known:", total > 0 and 0 <= free <= total)
    boot = system.Properties_("LastBootUpTime").Value
    print("boot time:", len(boot), boot[14], boot[21] in "+-", int(boot[:4]) > 2000)
    print("architecture:", system.Properties_("OSArchitecture").Value)

for computer in service.ExecQuery("SELECT * FROM Win32_ComputerSystem"):
    print("domain:", computer.Properties_("Domain").Value)
    print("logical processors:", computer.Properties_("NumberOfLogicalProcessors").Value >= 1)
    print("memory bytes:", type(computer.Properties_("TotalPhysicalMemory").Value).__name__)

for namespace, user in (("root\\nosuch", ""), ("root\\cimv2", "someone")):
    try:
        locator.ConnectServer(".", namespace, user, "secret" if user else "")
        print(namespace, "connected")
    except pywintypes.com_error as error:
        print(namespace, hex(error.excepinfo[5] & 0xFFFFFFFF))
