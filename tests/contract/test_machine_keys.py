"""Contract: HKEY_LOCAL_MACHINE's well-known keys and HKEY_USERS, by name and type.

The values differ by machine; their names and types do not. Names are compared in any case
(Wine makes ``Software``, Windows ``SOFTWARE``; both find either).
"""

from __future__ import annotations

import uuid
from typing import Any

import ntsecuritycon
import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32security

from ._wine import wine_differs

HKLM = win32con.HKEY_LOCAL_MACHINE
HKU = win32con.HKEY_USERS
NT = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"
ENVIRONMENT = "SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment"
LAST_SET = 4  # REG_NOTIFY_CHANGE_LAST_SET
SZ, EXPAND_SZ, DWORD = win32con.REG_SZ, win32con.REG_EXPAND_SZ, win32con.REG_DWORD


def _types(path: str, names: list[str]) -> dict[str, int]:
    key = win32api.RegOpenKeyEx(HKLM, path, 0, win32con.KEY_READ)
    try:
        return {name: win32api.RegQueryValueEx(key, name)[1] for name in names}
    finally:
        win32api.RegCloseKey(key)


def _subkeys(key: Any) -> list[str]:
    return [win32api.RegEnumKey(key, i).upper() for i in range(win32api.RegQueryInfoKey(key)[0])]


def test_the_machine_root_holds_hardware_software_and_system() -> None:
    names = _subkeys(HKLM)
    assert {"HARDWARE", "SOFTWARE", "SYSTEM"} <= set(names)
    subkeys, values, _ = win32api.RegQueryInfoKey(HKLM)
    assert subkeys == len(names)
    assert values == 0


def test_the_version_names_windows_and_wine_share() -> None:
    names = ["ProductName", "CurrentVersion", "CurrentBuild", "CurrentBuildNumber", "SystemRoot"]
    assert _types(NT, names) == dict.fromkeys(names, SZ)


@wine_differs("Wine's prefix answers as Windows 7: no Windows 10 version numbers or release")
def test_the_windows_10_version_names() -> None:
    assert _types(NT, ["CurrentMajorVersionNumber", "CurrentMinorVersionNumber"]) == {
        "CurrentMajorVersionNumber": DWORD,
        "CurrentMinorVersionNumber": DWORD,
    }
    names = ["ReleaseId", "DisplayVersion", "EditionID", "InstallationType"]
    assert _types(NT, names) == dict.fromkeys(names, SZ)


def test_the_first_processor_and_the_computer_name() -> None:
    processor = "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0"
    assert _types(processor, ["~MHz", "Identifier", "ProcessorNameString", "VendorIdentifier"]) == {
        "~MHz": DWORD,
        "Identifier": SZ,
        "ProcessorNameString": SZ,
        "VendorIdentifier": SZ,
    }
    count = win32api.GetSystemInfo()[5]
    processors = win32api.RegOpenKeyEx(HKLM, processor.rpartition("\\")[0])
    assert sorted(_subkeys(processors), key=int) == [str(n) for n in range(count)]
    for which in ("ComputerName", "ActiveComputerName"):
        key = win32api.RegOpenKeyEx(
            HKLM, f"SYSTEM\\CurrentControlSet\\Control\\ComputerName\\{which}"
        )
        assert win32api.RegQueryValueEx(key, "ComputerName") == (win32api.GetComputerName(), SZ)


def test_the_system_environment_and_the_program_folders() -> None:
    assert _types(ENVIRONMENT, ["Path", "TEMP", "TMP", "windir"]) == dict.fromkeys(
        ["Path", "TEMP", "TMP", "windir"], EXPAND_SZ
    )
    names = ["OS", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE", "PROCESSOR_LEVEL"]
    assert _types(ENVIRONMENT, names) == dict.fromkeys(names, SZ)
    key = win32api.RegOpenKeyEx(HKLM, ENVIRONMENT)
    assert win32api.RegQueryValueEx(key, "OS") == ("Windows_NT", SZ)
    count = str(win32api.GetSystemInfo()[5])
    assert win32api.RegQueryValueEx(key, "NUMBER_OF_PROCESSORS") == (count, SZ)
    windows = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion"
    assert _types(windows, ["ProgramFilesDir", "CommonFilesDir"]) == {
        "ProgramFilesDir": SZ,
        "CommonFilesDir": SZ,
    }
    for existing in (f"{windows}\\Uninstall", "HARDWARE\\DEVICEMAP\\SERIALCOMM"):
        win32api.RegCloseKey(win32api.RegOpenKeyEx(HKLM, existing))


def test_an_administrator_writes_below_the_machine_and_a_watch_sees_it() -> None:
    name = f"SOFTWARE\\apartment-machine-{uuid.uuid4().hex}"
    software = win32api.RegOpenKeyEx(HKLM, "SOFTWARE", 0, win32con.KEY_NOTIFY)
    changed = win32event.CreateEvent(None, 1, 0, None)
    win32api.RegNotifyChangeKeyValue(software, True, LAST_SET, changed, True)
    key = win32api.RegCreateKey(HKLM, name)
    try:
        win32api.RegSetValueEx(key, "Level", 0, DWORD, 3)
        assert win32event.WaitForSingleObject(changed, 5000) == win32event.WAIT_OBJECT_0
        assert win32api.RegQueryValueEx(key, "level") == (3, DWORD)
        with pytest.raises(pywintypes.error) as error:  # the user's root is another tree
            win32api.RegOpenKeyEx(win32con.HKEY_CURRENT_USER, name)
        assert error.value.winerror == 2
    finally:
        win32api.RegCloseKey(key)
        win32api.RegDeleteKey(HKLM, name)
        win32api.RegCloseKey(software)
        changed.Close()


def test_hkey_users_holds_default_and_the_users_sid_which_is_the_current_user() -> None:
    token = win32security.OpenProcessToken(win32api.GetCurrentProcess(), win32con.TOKEN_QUERY)
    sid = win32security.GetTokenInformation(token, ntsecuritycon.TokenUser)[0]
    text = win32security.ConvertSidToStringSid(sid)
    assert {".DEFAULT", text.upper()} <= set(_subkeys(HKU))
    name = f"Software\\apartment-users-{uuid.uuid4().hex}"
    mine = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, name)
    try:
        win32api.RegSetValueEx(mine, "V", 0, SZ, "through HKEY_USERS")
        seen = win32api.RegOpenKeyEx(HKU, f"{text}\\{name}")
        assert win32api.RegQueryValueEx(seen, "V") == ("through HKEY_USERS", SZ)
        win32api.RegCloseKey(seen)
    finally:
        win32api.RegCloseKey(mine)
        win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, name)
