"""win32api's system names, FormatMessage from a string, VkKeyScan, and the user registry."""

from __future__ import annotations

import contextlib
import os

import pytest
import pywintypes
import win32api
import win32con
import win32event
import winerror

HKCU = win32con.HKEY_CURRENT_USER
BASE = "ApartmentContractTest"
F = win32con.FORMAT_MESSAGE_FROM_STRING


def _code(call: object, *args: object) -> int:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)  # type: ignore[operator]
    return int(caught.value.winerror)


def test_format_message_from_string() -> None:
    assert (
        win32api.FormatMessage(F, "Hello %1, %2?", 0, 0, ["Mark", "today"]) == "Hello Mark, today?"
    )
    assert win32api.FormatMessage(F, "a%%b%nc%0d", 0, 0, []) == "a%b\r\nc"
    assert win32api.FormatMessage(F, "x %1 %2", 0, 0, ["A"]) == "x A (null)"
    assert win32api.FormatMessage(F, "x %1!s!", 0, 0, ("A",)) == "x A"
    ignore = F | win32con.FORMAT_MESSAGE_IGNORE_INSERTS
    assert win32api.FormatMessage(ignore, "x %1", 0, 0, ["A"]) == "x %1"
    assert _code(win32api.FormatMessage, F, "x %1", 0, 0, None) == winerror.ERROR_INVALID_PARAMETER
    with pytest.raises(TypeError):
        win32api.FormatMessage(F, "x %1", 0, 0, [5])
    with pytest.raises(TypeError):
        win32api.FormatMessage(F, b"x", 0, 0, [])


def test_last_error_is_signed() -> None:
    for value in (0, 1, -1, winerror.TRUST_E_PROVIDER_UNKNOWN):
        win32api.SetLastError(value)
        assert win32api.GetLastError() == value
    win32api.SetLastError(2**32 - 1)
    assert win32api.GetLastError() == -1
    win32api.SetLastError(0)


def test_user_and_domain() -> None:
    name = f"{win32api.GetDomainName()}\\{win32api.GetUserName()}"
    assert win32api.GetUserNameEx(win32api.NameSamCompatible) == name
    assert win32api.NameSamCompatible == 2


def test_path_names(tmp_path: object) -> None:
    me = os.path.abspath(__file__)
    assert win32api.GetLongPathName(win32api.GetShortPathName(me)).lower() == me.lower()
    assert win32api.GetLongPathNameW(me).lower() == me.lower()
    missing = os.path.join(os.path.dirname(me), "no-such-file.txt")
    assert _code(win32api.GetShortPathName, missing) == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32api.GetLongPathName, missing) == winerror.ERROR_FILE_NOT_FOUND
    with pytest.raises(TypeError):
        win32api.GetShortPathName(3)
    with pytest.raises(TypeError):
        win32api.GetShortPathName(me.encode())


def test_vk_key_scan_us_layout() -> None:
    expected = {"a": 65, "A": 321, "1": 49, "!": 305, " ": 32, "\n": 525, "\r": 13, "\t": 9,
                "@": 306, "~": 448, "\x08": 8, "\x1b": 27, "\x00": 818, "\x7f": 520}  # fmt: skip
    for char, code in expected.items():
        assert win32api.VkKeyScan(char) == code, char
    assert win32api.VkKeyScan(b"a") == 65
    assert win32api.VkKeyScanEx(" ", 0) == 32
    with pytest.raises(TypeError):
        win32api.VkKeyScan("ab")
    with pytest.raises(TypeError):
        win32api.VkKeyScan(65)


def test_power_status_and_time_zone() -> None:
    status = win32api.GetSystemPowerStatus()
    assert status["ACLineStatus"] == 1
    fields = ("ACLineStatus", "BatteryFlag", "BatteryLifePercent", "SystemStatusFlag")
    assert set(status) == {*fields, "BatteryLifeTime", "BatteryFullLifeTime"}
    rc, info = win32api.GetTimeZoneInformation()
    assert rc in (win32con.TIME_ZONE_ID_UNKNOWN, win32con.TIME_ZONE_ID_STANDARD,
                  win32con.TIME_ZONE_ID_DAYLIGHT)  # fmt: skip
    bias, std_name, std_date, _, dst_name, dst_date, _ = info
    assert isinstance(bias, int) and isinstance(std_name, str) and isinstance(dst_name, str)
    assert len(std_date) == len(dst_date) == 8


@pytest.fixture
def key(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("APARTMENT_USER_REGISTRY", f"{tmp_path}/user-registry.sqlite3")
    with contextlib.suppress(pywintypes.error):
        win32api.RegDeleteKey(HKCU, BASE + r"\Sub")
    hkey = win32api.RegCreateKey(HKCU, BASE)
    yield hkey
    hkey.Close()
    for sub in (BASE + r"\Sub", BASE):
        with contextlib.suppress(pywintypes.error):
            win32api.RegDeleteKey(HKCU, sub)


def test_typed_values_round_trip(key: object) -> None:
    values = [(None, win32con.REG_SZ, "default"), ("s", win32con.REG_SZ, "text"),
              ("e", win32con.REG_EXPAND_SZ, "%PATH%"), ("m", win32con.REG_MULTI_SZ, ["a", "b"]),
              ("m0", win32con.REG_MULTI_SZ, []), ("d", win32con.REG_DWORD, 666),
              ("q", win32con.REG_QWORD, 2**33), ("b", win32con.REG_BINARY, b"\x00\x01"),
              ("n", win32con.REG_NONE, b"xy"), ("t99", 99, b"xy")]  # fmt: skip
    for name, kind, data in values:
        win32api.RegSetValueEx(key, name, 0, kind, data)
    for name, kind, data in values:
        assert win32api.RegQueryValueEx(key, name) == (data, kind)
    assert win32api.RegQueryValueEx(key, "S") == ("text", win32con.REG_SZ)  # any case
    win32api.RegSetValueEx(key, "d", 0, win32con.REG_DWORD, 2**32 - 1)
    assert win32api.RegQueryValueEx(key, "d") == (-1, win32con.REG_DWORD)  # signed
    win32api.RegSetValueEx(key, "b", 0, win32con.REG_BINARY, b"")
    assert win32api.RegQueryValueEx(key, "b") == (None, win32con.REG_BINARY)
    win32api.RegSetValueEx(key, "z", 0, win32con.REG_SZ, None)
    assert win32api.RegQueryValueEx(key, "z") == ("", win32con.REG_SZ)
    with pytest.raises(TypeError):
        win32api.RegSetValueEx(key, "d", 0, win32con.REG_DWORD, "x")
    with pytest.raises(TypeError):
        win32api.RegSetValueEx(key, "b", 0, win32con.REG_BINARY, "abc")
    with pytest.raises(OverflowError):
        win32api.RegSetValueEx(key, "d", 0, win32con.REG_DWORD, 2**32)
    with pytest.raises(OverflowError):
        win32api.RegSetValueEx(key, "q", 0, win32con.REG_QWORD, -1)


def test_registry_errors(key: object) -> None:
    assert _code(win32api.RegQueryValueEx, key, "nope") == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32api.RegDeleteValue, key, "nope") == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32api.RegOpenKey, HKCU, BASE + r"\nope") == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32api.RegDeleteKey, HKCU, BASE + r"\nope") == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32api.RegOpenKey, HKCU, "\\" + BASE) == winerror.ERROR_BAD_PATHNAME
    assert _code(win32api.RegEnumValue, key, 1000) == winerror.ERROR_NO_MORE_ITEMS
    assert _code(win32api.RegEnumKey, key, 5) == winerror.ERROR_NO_MORE_ITEMS
    win32api.RegCreateKey(key, "Sub").Close()
    assert _code(win32api.RegDeleteKey, HKCU, BASE) == winerror.ERROR_ACCESS_DENIED  # has subkeys
    assert win32api.RegEnumKey(key, 0) == "Sub"
    read_only = win32api.RegOpenKeyEx(HKCU, BASE.upper() + "\\", 0, win32con.KEY_READ)
    assert _code(win32api.RegSetValueEx, read_only, "v", 0, win32con.REG_SZ, "x") == (
        winerror.ERROR_ACCESS_DENIED
    )
    with pytest.raises(TypeError):
        win32api.RegSetValue(key, None, win32con.REG_DWORD, "1")
    win32api.RegSetValue(key, "Sub", win32con.REG_SZ, "bar")
    assert win32api.RegQueryValue(key, "Sub") == "bar"
    sub = win32api.RegOpenKey(key, "Sub")
    win32api.RegDeleteKey(key, "Sub")
    assert _code(win32api.RegQueryValueEx, sub, None) == winerror.ERROR_KEY_DELETED
    sub.Close()
    win32api.RegCloseKey(read_only)
    assert _code(win32api.RegQueryValueEx, read_only, None) == winerror.ERROR_INVALID_HANDLE
    with pytest.raises(TypeError):
        win32api.RegQueryValueEx("x", None)
    assert repr(key).startswith("<PyHKEY:")


def test_notify_change_is_one_shot(key: object) -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    last_set = win32api.REG_NOTIFY_CHANGE_LAST_SET
    win32api.RegNotifyChangeKeyValue(key, False, last_set, event, True)
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
    sub = win32api.RegCreateKey(key, "Sub")
    win32api.RegSetValueEx(sub, "v", 0, win32con.REG_SZ, "x")  # below: not watched
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
    win32api.RegSetValueEx(key, "v", 0, win32con.REG_SZ, "x")
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_OBJECT_0
    win32api.RegSetValueEx(key, "v", 0, win32con.REG_SZ, "y")  # the watch has ended
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_TIMEOUT
    assert _code(win32api.RegNotifyChangeKeyValue, key, True, last_set, None, True) == (
        winerror.ERROR_INVALID_HANDLE
    )
    sub.Close()
    event.Close()


def test_notify_subtree(key: object) -> None:
    event = win32event.CreateEvent(None, 0, 0, None)
    win32api.RegNotifyChangeKeyValue(HKCU, True, win32api.REG_NOTIFY_CHANGE_LAST_SET, event, True)
    win32api.RegSetValue(key, "Sub", win32con.REG_SZ, "foo")
    assert win32event.WaitForSingleObject(event, 0) == win32event.WAIT_OBJECT_0
    event.Close()


def test_a_string_argument_that_takes_no_none_says_so() -> None:
    with pytest.raises(TypeError, match="None is not a valid string in this context"):
        win32api.GetFileAttributes(None)
    with pytest.raises(TypeError, match="Objects of type 'int' can not be converted to Unicode"):
        win32api.GetFileAttributes(5)


def test_a_registry_call_takes_none_as_a_null_key() -> None:
    assert _code(win32api.RegOpenKey, None, None) == winerror.ERROR_INVALID_HANDLE
    assert _code(win32api.RegQueryValueEx, None, "x") == winerror.ERROR_INVALID_HANDLE


def test_find_executable_takes_its_folder_as_optional() -> None:
    assert _code(win32api.FindExecutable, "apartment-no-such-file.txt") == 2


def test_a_display_device_is_pywin32s_type() -> None:
    device = win32api.EnumDisplayDevices(None, 0)
    assert type(device).__name__ == "PyDISPLAY_DEVICE"
    assert isinstance(device, win32api.PyDISPLAY_DEVICEType)
