"""Give the oracle's Wine prefix the null display driver, so top-level windows can exist.

Headless Wine has no display, and CreateWindow of a top-level window then returns 0; with the
null driver windows are created, shown and moved as on a screen nobody sees. The setting is
read when a process starts, so `make oracle` runs this first, in a process of its own. Run
with the oracle's Windows Python (`pywin32-oracle python tools/oracle_null_display.py`).
"""

import winreg

with winreg.CreateKey(winreg.HKEY_CURRENT_USER, r"Software\Wine\Drivers") as key:
    winreg.SetValueEx(key, "Graphics", 0, winreg.REG_SZ, "null")
print("oracle: Wine's display driver is null")
