"""How long ago a registry key was written: RegQueryInfoKeyW's LastWriteTime.

Source: pywin32's documentation of ``win32api.RegQueryInfoKeyW`` (a dict with
``LastWriteTime``, a pywintypes time) and ``RegQueryInfoKey`` (the same as a 100 ns count),
and the scripts that report "last modified" of keys with them: create a key, write a value,
read its info, compare with the time now, convert the count from 1601 by hand. Rewritten with
those calls; the key is the program's own and is deleted at the end.
"""

import datetime

import win32api
import win32con

KEY = r"Software\apartment-realcode\RegistryKeyAge"
UTC = datetime.timezone.utc

before = datetime.datetime.now(UTC).replace(microsecond=0)
key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, KEY)
win32api.RegSetValueEx(key, "Owner", 0, win32con.REG_SZ, "realcode")
info = win32api.RegQueryInfoKeyW(key)
print("keys:", sorted(info))
print("values:", info["Values"], "subkeys:", info["SubKeys"])
written = info["LastWriteTime"]
print("type:", type(written).__name__, "zone:", repr(written.tzinfo))
after = datetime.datetime.now(UTC) + datetime.timedelta(seconds=1)
print("written just now:", before <= written <= after)

subkeys, values, ticks = win32api.RegQueryInfoKey(key)
print("plain info:", subkeys, values, type(ticks).__name__)
by_hand = datetime.datetime(1601, 1, 1, tzinfo=UTC) + datetime.timedelta(microseconds=ticks // 10)
print("the count agrees:", abs((by_hand - written).total_seconds()) < 0.002)
age = datetime.datetime.now(UTC) - written
print("age under a minute:", datetime.timedelta(0) <= age < datetime.timedelta(minutes=1))
win32api.RegCloseKey(key)
win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, KEY)
win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, r"Software\apartment-realcode")
print("deleted")
