"""Contract: win32api.RegQueryInfoKeyW's dictionary."""

from __future__ import annotations

import datetime as dt
import uuid

import win32api
import win32con


def test_query_info_key_w_gives_the_counts_and_the_longest_names_and_data() -> None:
    name = f"Software\\apartment-info-{uuid.uuid4().hex}"
    key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, name)
    try:
        win32api.RegSetValueEx(key, "abc", 0, win32con.REG_SZ, "hello")  # 12 bytes: UTF-16 + NUL
        win32api.RegSetValueEx(key, "longer_name", 0, win32con.REG_BINARY, b"\x00" * 40)
        win32api.RegCloseKey(win32api.RegCreateKey(key, "subkey_one"))
        info = win32api.RegQueryInfoKeyW(key)
        assert isinstance(info["LastWriteTime"], dt.datetime)
        assert isinstance(info["cbSecurityDescriptor"], int)  # Windows' size; Wine says 0
        del info["LastWriteTime"], info["cbSecurityDescriptor"]
        assert info == {
            "Class": "",
            "Reserved": None,
            "SubKeys": 1,
            "MaxSubKeyLen": 10,
            "MaxClassLen": 0,
            "Values": 2,
            "MaxValueNameLen": 11,
            "MaxValueLen": 40,
        }
        win32api.RegDeleteKey(key, "subkey_one")
    finally:
        win32api.RegCloseKey(key)
        win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, name)
