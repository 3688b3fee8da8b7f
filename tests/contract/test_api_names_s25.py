"""Contract: the win32api, win32file, win32gui, win32service, win32evtlog and win32security
names session 25 added, each asked of the real pywin32 (build 312, under Wine) first.

Where Wine answers what Windows does not (a stub that succeeds, an unimplemented function
that crashes the process), the rule comes from Microsoft's documentation and the test is
skipped on the oracle with the reason.
"""

from __future__ import annotations

import os
import socket
import sys
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32evtlog
import win32file
import win32gui
import win32security
import win32service
import winerror

from ._files import code_of, new_file, open_file

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder
from ._messages import classes as classes

WINE = sys.platform == "win32"  # the oracle: Wine, whose answers differ from Windows' here
FSCTL_GET_REPARSE_POINT = 0x900A8
FSCTL_SET_SPARSE = 0x900C4
IOCTL_DISK_GET_DRIVE_GEOMETRY = 0x70000
ERROR_NOT_A_REPARSE_POINT = 4390
ERROR_INVALID_USER_BUFFER = 1784
ERROR_RESOURCE_NAME_NOT_FOUND = 1814
ERROR_MENU_ITEM_NOT_FOUND = 1456
ERROR_CANT_ACCESS_DOMAIN_INFO = 1351
READ_CONTROL = 0x20000
OVERRIDE = "Software\\apartment-s25-override"
DDD_RAW_TARGET_PATH, DDD_REMOVE_DEFINITION = 0x1, 0x2  # win32con has them; win32file not


def _code(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return int(caught.value.winerror)


# --- win32file: files, devices, volumes ------------------------------------------------------


def test_replace_file_needs_both_files(folder: str) -> None:
    present = new_file(folder, b"x")
    missing = os.path.join(folder, "missing")
    assert _code(win32file.ReplaceFile, missing, present) == winerror.ERROR_FILE_NOT_FOUND
    assert _code(win32file.ReplaceFile, present, missing) == winerror.ERROR_FILE_NOT_FOUND


@pytest.mark.skipif(WINE, reason="Wine's ReplaceFile loses the replaced file (MS docs win)")
def test_replace_file_keeps_a_backup(folder: str) -> None:
    replaced, replacement = new_file(folder, b"old"), new_file(folder, b"new")
    backup = os.path.join(folder, "backup")
    win32file.ReplaceFile(replaced, replacement, backup)
    with open(replaced, "rb") as stream:
        assert stream.read() == b"new"
    with open(backup, "rb") as stream:
        assert stream.read() == b"old"
    assert not os.path.exists(replacement)


def test_reopen_file_gives_new_access_and_refuses_attributes(folder: str) -> None:
    path = new_file(folder, b"hello")
    reader = open_file(path, win32con.GENERIC_READ, 7)
    writer = win32file.ReOpenFile(reader, win32con.GENERIC_READ | win32con.GENERIC_WRITE, 7, 0)
    win32file.SetFileInformationByHandle(writer, win32file.FileEndOfFileInfo, 3)
    writer.Close()
    with open(path, "rb") as stream:
        assert stream.read() == b"hel"
    code = _code(win32file.ReOpenFile, reader, win32con.GENERIC_READ, 7, 0x80)
    assert code == winerror.ERROR_INVALID_PARAMETER
    reader.Close()


def test_set_file_information_checks_its_class_and_fields(folder: str) -> None:
    handle = open_file(new_file(folder), flags=0, share=7)
    with pytest.raises(NotImplementedError):
        win32file.SetFileInformationByHandle(handle, 999, 1)
    with pytest.raises(TypeError):
        win32file.SetFileInformationByHandle(handle, 0, {"FileAttributes": 0x20})
    win32file.SetFileInformationByHandle(handle, win32file.FileIoPriorityHintInfo, 1)
    handle.Close()


def test_device_io_control_on_a_plain_file(folder: str) -> None:
    handle = open_file(new_file(folder), win32con.GENERIC_READ, 7)
    get = win32file.DeviceIoControl
    assert _code(get, handle, FSCTL_GET_REPARSE_POINT, None, 1024) == ERROR_NOT_A_REPARSE_POINT
    assert _code(get, handle, FSCTL_GET_REPARSE_POINT, None, None) == ERROR_INVALID_USER_BUFFER
    code = _code(get, handle, IOCTL_DISK_GET_DRIVE_GEOMETRY, None, 1024)
    assert code == winerror.ERROR_NOT_SUPPORTED
    assert _code(get, handle, 0x12345, None, 16) == winerror.ERROR_INVALID_FUNCTION
    assert get(handle, FSCTL_SET_SPARSE, None, 0) == b""
    assert get(handle, FSCTL_SET_SPARSE, None, bytearray(8)) == bytearray()
    handle.Close()


def test_dos_devices_query() -> None:
    assert win32file.QueryDosDevice("NUL") == "\\Device\\Null\0\0"
    assert _code(win32file.QueryDosDevice, "APTSNONE") == winerror.ERROR_FILE_NOT_FOUND


@pytest.mark.skipif(WINE, reason="Wine's definitions do not show under pytest (a probe sees them)")
def test_dos_devices_define_query_remove() -> None:
    win32file.DefineDosDevice(DDD_RAW_TARGET_PATH, "APTSQQ", "/foo")
    assert win32file.QueryDosDevice("APTSQQ") == "/foo\0\0"
    with pytest.raises(TypeError):
        win32file.DefineDosDevice(DDD_REMOVE_DEFINITION, "APTSQQ", None)
    win32file.DefineDosDevice(DDD_REMOVE_DEFINITION, "APTSQQ", "")
    assert _code(win32file.QueryDosDevice, "APTSQQ") == winerror.ERROR_FILE_NOT_FOUND
    code = _code(win32file.DefineDosDevice, DDD_REMOVE_DEFINITION, "APTSQQ", "")
    assert code == winerror.ERROR_FILE_NOT_FOUND


@pytest.mark.skipif(WINE, reason="Wine has no FindFirstStreamW (ERROR_HANDLE_EOF for all)")
def test_find_streams_gives_the_data_stream(folder: str) -> None:
    path = new_file(folder, b"abc")
    assert win32file.FindStreams(path) == [(3, "::$DATA")]
    assert win32file.FindStreams(folder) == []


@pytest.mark.skipif(WINE, reason="Wine has no FindFirstFileNameW: the process aborts")
def test_find_file_names_finds_hard_links(folder: str) -> None:
    path = new_file(folder, b"abc")
    other = os.path.join(folder, "link")
    win32file.CreateHardLink(other, path)
    names = win32file.FindFileNames(path)
    assert len(names) == 2
    assert {os.path.basename(name) for name in names} == {os.path.basename(path), "link"}


@pytest.mark.skipif(WINE, reason="Wine's EFS is a stub that succeeds")
def test_efs_is_not_on_this_volume(folder: str) -> None:
    path = new_file(folder)
    assert _code(win32file.EncryptFile, path) == 6014  # ERROR_VOLUME_NOT_SUPPORT_EFS
    assert _code(win32file.DecryptFile, os.path.join(folder, "x")) == 2


def _root() -> str:
    return "C:\\" if WINE else "/"


def test_volume_names_and_mount_points(folder: str) -> None:
    volume = win32file.GetVolumeNameForVolumeMountPoint(_root())
    assert volume.startswith("\\\\?\\Volume{") and volume.endswith("}\\")
    assert _root() in win32file.GetVolumePathNamesForVolumeName(volume)
    code = _code(win32file.GetVolumeNameForVolumeMountPoint, os.path.join(folder, ""))
    assert code == ERROR_NOT_A_REPARSE_POINT
    assert _code(win32file.GetVolumePathNamesForVolumeName, "foo") == winerror.ERROR_INVALID_NAME
    unknown = "\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\"
    code = _code(win32file.GetVolumePathNamesForVolumeName, unknown)
    assert code == winerror.ERROR_FILE_NOT_FOUND


@pytest.mark.skipif(WINE, reason="Wine lets anyone (un)mount volumes; Windows wants an admin")
def test_mounting_needs_an_administrator(folder: str) -> None:
    volume = win32file.GetVolumeNameForVolumeMountPoint(_root())
    target = os.path.join(folder, "")
    code = _code(win32file.SetVolumeMountPoint, target, volume)
    assert code == winerror.ERROR_ACCESS_DENIED
    assert _code(win32file.DeleteVolumeMountPoint, target) == winerror.ERROR_ACCESS_DENIED


def test_small_file_names(folder: str) -> None:
    handle = open_file(new_file(folder), win32con.GENERIC_READ, 7)
    assert win32file.SfcGetNextProtectedFile() == []
    if not WINE:  # Wine's FindClose of a file handle is an access violation
        assert _code(win32file.FindClose, handle) == winerror.ERROR_INVALID_HANDLE
    assert _code(win32file.SetCommBreak, handle) == winerror.ERROR_INVALID_HANDLE
    assert _code(win32file.ClearCommBreak, handle) == winerror.ERROR_INVALID_HANDLE
    with pytest.raises(TypeError, match="byte string of length 1"):
        win32file.TransmitCommChar(handle, "a")
    handle.Close()


def test_wsa_async_select_takes_any_window() -> None:
    left, right = socket.socketpair()
    try:
        win32file.WSAAsyncSelect(left, 0x1234, win32con.WM_USER, win32file.FD_READ)
        win32file.WSAAsyncSelect(left, 0, 0, 0)
    finally:
        left.close()
        right.close()


# --- win32api -----------------------------------------------------------------------------------


def test_sys_colors_read_back() -> None:
    before = win32api.GetSysColor(win32con.COLOR_WINDOW)
    win32api.SetSysColors((win32con.COLOR_WINDOW,), (0x123456,))
    try:
        assert win32api.GetSysColor(win32con.COLOR_WINDOW) == 0x123456
    finally:
        win32api.SetSysColors((win32con.COLOR_WINDOW,), (before,))
    with pytest.raises(TypeError, match="equal length tuples"):
        win32api.SetSysColors((5, 6), (0,))


def test_window_words_answer_zero_unchecked() -> None:
    assert win32api.SetWindowWord(0x1234, 0, 5) == 0
    assert win32api.SetClassWord(0x1234, 0, 5) == 0


def test_predefined_key_override_and_restore() -> None:
    key = win32api.RegCreateKey(win32con.HKEY_CURRENT_USER, OVERRIDE)
    win32api.RegCreateKey(key, "only-here").Close()
    try:
        win32api.RegOverridePredefKey(win32con.HKEY_CLASSES_ROOT, key)
        try:
            assert win32api.RegEnumKey(win32con.HKEY_CLASSES_ROOT, 0) == "only-here"
        finally:
            win32api.RegOverridePredefKey(win32con.HKEY_CLASSES_ROOT, None)
        assert win32api.RegEnumKey(win32con.HKEY_CLASSES_ROOT, 0) != "only-here"
        assert _code(win32api.RegOverridePredefKey, key, None) == winerror.ERROR_INVALID_HANDLE
    finally:
        key.Close()
        win32api.RegDeleteKey(
            win32con.HKEY_CURRENT_USER, "Software\\apartment-s25-override\\only-here"
        )
        win32api.RegDeleteKey(win32con.HKEY_CURRENT_USER, "Software\\apartment-s25-override")


def test_power_capabilities_shape() -> None:
    caps = win32api.GetPwrCapabilities()
    assert caps["SystemS5"] is True
    assert caps["spare2"] is None and caps["spare3"] is None
    assert len(caps["BatteryScale"]) == 3
    assert set(caps["BatteryScale"][0]) == {"Granularity", "Capacity"}
    assert isinstance(caps["ProcessorMinThrottle"], int)


def test_computer_object_name_outside_a_domain() -> None:
    code = _code(win32api.GetComputerObjectName, win32con.NameDisplay)
    assert code == ERROR_CANT_ACCESS_DOMAIN_INFO


@pytest.mark.skipif(WINE, reason="Wine has no Get/SetSystemFileCacheSize (120)")
def test_file_cache_size() -> None:
    low, high, flags = win32api.GetSystemFileCacheSize()
    assert 0 < low <= high and flags == 0
    code = _code(win32api.SetSystemFileCacheSize, low, high, 0)
    assert code == winerror.ERROR_PRIVILEGE_NOT_HELD


# --- win32gui ----------------------------------------------------------------------------------


def test_font_families_call_back_until_zero() -> None:
    dc = win32gui.GetDC(0)
    seen: list[tuple[str, Any, int, Any]] = []

    def remember(logfont: Any, metrics: Any, kind: int, param: Any) -> int:
        seen.append((type(logfont).__name__, metrics, kind, param))
        return 1

    assert win32gui.EnumFontFamilies(dc, None, remember, 7) == 1
    assert seen and all(item[0] == "PyLOGFONT" and item[1] is None for item in seen)
    assert {item[3] for item in seen} == {7}
    assert win32gui.EnumFontFamilies(dc, None, lambda *args: 0, None) == 0
    assert win32gui.EnumFontFamilies(dc, "NoSuchFontFamily", lambda *args: 5, None) == 1
    win32gui.ReleaseDC(0, dc)


def test_menu_item_bitmaps_and_rect() -> None:
    menu = win32gui.CreateMenu()
    win32gui.AppendMenu(menu, 0, 100, "x")
    win32gui.SetMenuItemBitmaps(menu, 100, 0, None, None)
    code = _code(win32gui.SetMenuItemBitmaps, menu, 999, 0, None, None)
    assert code == ERROR_MENU_ITEM_NOT_FOUND
    found = win32gui.GetMenuItemRect(0, menu, 0)
    assert isinstance(found, list) and found[0] == 0 and len(found[1]) == 4
    win32gui.DestroyMenu(menu)


def test_image_lists_from_resources() -> None:
    with pytest.raises(TypeError):
        win32gui.ImageList_LoadBitmap(0, 32754, 16, 1, 0)
    code = _code(win32gui.ImageList_LoadBitmap, 0, "NOPE", 16, 1, 0)
    assert code == ERROR_RESOURCE_NAME_NOT_FOUND


def test_image_list_from_a_missing_file(folder: str) -> None:
    path = os.path.join(folder, "none.bmp")
    code = _code(win32gui.ImageList_LoadImage, 0, path, 16, 1, 0, 0, win32con.LR_LOADFROMFILE)
    assert code == winerror.ERROR_FILE_NOT_FOUND


def test_gui_checks(classes: Any) -> None:
    hwnd = classes.window({})
    win32gui.DrawAnimatedRects(hwnd, 3, (0, 0, 10, 10), (0, 0, 20, 20))
    with pytest.raises(TypeError, match="neither a tuple nor None"):
        win32gui.CascadeWindows(0, 0, None, [hwnd])
    dc = win32gui.GetDC(0)
    with pytest.raises(ValueError, match="PyDEVMODE cannot be None"):
        win32gui.ResetDC(dc, None)
    win32gui.PaintDesktop(dc)
    win32gui.ReleaseDC(0, dc)
    flags = (0, 0, 255, 0)
    code = _code(win32gui.UpdateLayeredWindow, hwnd, None, None, None, None, None, 0, flags, 2)
    assert code == winerror.ERROR_INVALID_PARAMETER
    assert win32gui.set_logger(None) is None


# --- win32service, win32evtlog, win32security ----------------------------------------------


def test_service_manager_security() -> None:
    scm = win32service.OpenSCManager(None, None, win32service.SC_MANAGER_CONNECT | READ_CONTROL)
    sd = win32service.QueryServiceObjectSecurity(scm, win32security.DACL_SECURITY_INFORMATION)
    assert type(sd).__name__ == "PySECURITY_DESCRIPTOR"
    assert sd.GetSecurityDescriptorDacl() is not None
    win32service.CloseServiceHandle(scm)


def test_user_object_information_shape() -> None:
    station = win32service.GetProcessWindowStation()
    with pytest.raises(TypeError, match="must be a dictionary"):
        win32service.SetUserObjectInformation(station, 1, 1)
    assert win32service.HWINSTAType.__name__ == "PyHWINSTA"
    assert win32service.HDESKType.__name__ == "PyHDESK"


@pytest.mark.skipif(WINE, reason="Wine's EvtOpenSession is a stub (error 0)")
def test_event_log_session_to_an_unknown_host() -> None:
    login = ("nosuchhost.invalid", None, None, None, 0)
    assert _code(win32evtlog.EvtOpenSession, login, 1) == winerror.RPC_S_SERVER_UNAVAILABLE


def test_security_constants() -> None:
    assert win32security.MSV1_0_PACKAGE_NAME == b"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"
    assert win32security.MICROSOFT_KERBEROS_NAME_A == b"Kerberos"
    assert (win32security.DS_SPN_DNS_HOST, win32security.DS_SPN_SERVICE) == (0, 5)
    assert win32security.SECPKG_CRED_BOTH == 3
    assert win32security.SECPKG_FLAG_STREAM == 0x400


def test_lsa_logon_connection() -> None:
    handle = win32security.LsaConnectUntrusted()
    package = win32security.MICROSOFT_KERBEROS_NAME_A
    assert win32security.LsaLookupAuthenticationPackage(handle, package) == 1
    with pytest.raises(TypeError, match="expected bytes"):
        win32security.LsaLookupAuthenticationPackage(handle, "Kerberos")
    with pytest.raises(TypeError, match="expected bytes"):
        win32security.LsaRegisterLogonProcess("x")
    win32security.LsaDeregisterLogonProcess(handle)
    win32security.LsaDeregisterLogonProcess(handle)


@pytest.mark.skipif(WINE, reason="Wine lets anyone register a logon process")
def test_logon_process_needs_tcb() -> None:
    code = _code(win32security.LsaRegisterLogonProcess, b"apartment")
    assert code == winerror.ERROR_PRIVILEGE_NOT_HELD


@pytest.mark.skipif(WINE, reason="Wine has no DsGetSpnW: the process aborts")
def test_spns_are_composed() -> None:
    spns = win32security.DsGetSpn(
        win32security.DS_SPN_DNS_HOST, "http", None, 0, ["host.example.com"], [80]
    )
    assert spns == ["http/host.example.com:80"]
    assert win32security.DsGetSpn(win32security.DS_SPN_SERVICE, "ldap", "svc", 389, ["h"]) == [
        "ldap/h:389/svc"
    ]


def test_crypt_providers() -> None:
    providers = win32security.CryptEnumProviders()
    assert ("Microsoft Enhanced RSA and AES Cryptographic Provider", 24) in providers
    assert all(isinstance(name, str) and isinstance(kind, int) for name, kind in providers)


def test_code_of_helper_is_used(folder: str) -> None:
    assert code_of(win32file.QueryDosDevice, "NUL") == 0
