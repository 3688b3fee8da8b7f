"""Keep a program's settings in the registry with WScript.Shell's RegWrite, RegRead, RegDelete.

Source: the scripts (VBScript and pywin32 alike) that store a setting with
``shell.RegWrite "HKEY_CURRENT_USER\\Software\\...\\name", value, "REG_SZ"`` and read it with
``RegRead``, catching the error of a name not there, and Photini's post-install check
(``shell.RegRead(r"HKEY_USERS\\S-1-5-19\\Environment\\TEMP")`` inside ``try``: only an
administrator reads it). Rewritten for a key of its own under HKCU, with each value type
RegWrite takes. Where Wine is not Windows: Wine's RegDelete is E_NOTIMPL, so the last line
is Windows' (the value is gone: 0x80070002).
"""

import pywintypes
import win32com.client

shell = win32com.client.Dispatch("WScript.Shell")
base = "HKEY_CURRENT_USER\\Software\\ApartmentRealCode\\Settings\\"

try:
    shell.RegRead(r"HKEY_USERS\S-1-5-19\Environment\TEMP")
    print("administrator: yes")
except pywintypes.com_error as error:
    print("administrator: no", error.excepinfo[5])

shell.RegWrite(base + "Theme", "dark", "REG_SZ")
shell.RegWrite(base + "Width", 1280, "REG_DWORD")
shell.RegWrite(base + "Flags", 258, "REG_BINARY")
shell.RegWrite(base, "defaults")
print("Theme:", shell.RegRead(base + "Theme"))
print("Width:", shell.RegRead(base + "Width"))
print("Flags:", list(shell.RegRead(base + "Flags")))
print("default:", shell.RegRead(base))
try:
    shell.RegRead(base + "Missing")
except pywintypes.com_error as error:
    print("missing:", error.hresult, error.excepinfo[5])
shell.RegDelete(base + "Theme")
try:
    shell.RegRead(base + "Theme")
except pywintypes.com_error as error:
    print("after delete:", error.excepinfo[5])
