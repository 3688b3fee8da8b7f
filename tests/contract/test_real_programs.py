"""Contract: what small pywin32 programs written by others lean on, beyond the samples.

Each rule here was found missing or wrong by running such a program on the facade, then asked
of the real pywin32 (build 312, under Wine): the names a message map or a window class spells
out, ``CreateFileW`` and its keywords, a read sized far beyond what it reads, console control
handlers, fresh GUIDs, stock cursors and icons.
"""

from __future__ import annotations

import os
import time
from typing import Any

import pytest
import pythoncom
import pywintypes
import win32api
import win32con
import win32file
import win32gui
import win32security
import winerror

from ._files import RW, code_of, new_file

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._files import folder as folder

# --- win32con: the message numbers and parameters a message map names --------------------------

# A sample of each group, with winuser.h's values (pywin32 reads 0x80000000 as negative).
MESSAGE_CONSTANTS = {
    "WM_ACTIVATE": 0x0006,
    "WM_SETFOCUS": 0x0007,
    "WM_QUERYENDSESSION": 0x0011,
    "WM_ENDSESSION": 0x0016,
    "WM_SETTINGCHANGE": 0x001A,
    "WM_ACTIVATEAPP": 0x001C,
    "WM_GETMINMAXINFO": 0x0024,
    "WM_COPYDATA": 0x004A,
    "WM_NOTIFY": 0x004E,
    "WM_NCHITTEST": 0x0084,
    "WM_KEYDOWN": 0x0100,
    "WM_CHAR": 0x0102,
    "WM_INITDIALOG": 0x0110,
    "WM_COMMAND": 0x0111,
    "WM_SYSCOMMAND": 0x0112,
    "WM_MOUSEMOVE": 0x0200,
    "WM_LBUTTONDOWN": 0x0201,
    "WM_LBUTTONUP": 0x0202,
    "WM_RBUTTONUP": 0x0205,
    "WM_MOUSEWHEEL": 0x020A,
    "WM_POWERBROADCAST": 0x0218,
    "WM_DEVICECHANGE": 0x0219,
    "ENDSESSION_LOGOFF": -2147483648,
    "PBT_APMSUSPEND": 0x0004,
    "PBT_APMRESUMEAUTOMATIC": 0x0012,
    "DBT_DEVICEARRIVAL": 0x8000,
    "DBT_DEVICEREMOVECOMPLETE": 0x8004,
    "DBT_DEVTYP_DEVICEINTERFACE": 0x0005,
    "IDC_ARROW": 32512,
    "IDC_WAIT": 32514,
    "IDI_APPLICATION": 32512,
    "IDI_ERROR": 32513,
    "COLOR_WINDOW": 5,
    "COLOR_BTNFACE": 15,
}


@pytest.mark.parametrize(("name", "value"), sorted(MESSAGE_CONSTANTS.items()))
def test_win32con_spells_the_messages_of_a_message_map(name: str, value: int) -> None:
    assert getattr(win32con, name) == value


def test_win32con_has_every_window_message_pywin32_names() -> None:
    # pywin32 312 names 212 WM_ constants; a program may put any of them in a message map.
    assert len([name for name in dir(win32con) if name.startswith("WM_")]) == 212


# --- CreateFileW: CreateFile with keywords -----------------------------------------------------


def test_createfilew_takes_pywin32_keywords(folder: str) -> None:
    path = os.path.join(folder, "kw.bin")
    handle = win32file.CreateFileW(
        FileName=path,
        DesiredAccess=RW,
        ShareMode=0,
        SecurityAttributes=None,
        CreationDisposition=win32con.CREATE_ALWAYS,
        FlagsAndAttributes=0,
        TemplateFile=None,
    )
    try:
        assert win32file.WriteFile(handle, b"hello") == (0, 5)
        win32file.SetFilePointer(handle, 0, win32file.FILE_BEGIN)
        assert win32file.ReadFile(handle, 5) == (0, b"hello")
    finally:
        handle.Close()


def test_createfilew_positional_and_missing_file(folder: str) -> None:
    missing = os.path.join(folder, "missing.bin")
    with pytest.raises(pywintypes.error) as raised:
        win32file.CreateFileW(missing, RW, 0, None, win32con.OPEN_EXISTING, 0)
    assert raised.value.args[:2] == (winerror.ERROR_FILE_NOT_FOUND, "CreateFileW")


def test_createfilew_refuses_what_it_does_not_take(folder: str) -> None:
    path = new_file(folder)
    with pytest.raises(TypeError, match="ExtendedParameter must be None"):
        win32file.CreateFileW(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None, None, None, 1)
    with pytest.raises(ValueError, match="only be used with a transacted operation"):
        win32file.CreateFileW(path, RW, 0, None, win32con.OPEN_EXISTING, 0, MiniVersion=1)
    with pytest.raises(TypeError):
        win32file.CreateFileW(path, RW, 0, None, win32con.OPEN_EXISTING)
    with pytest.raises(TypeError):
        win32file.CreateFileW(b"bytes name", RW, 0, None, win32con.OPEN_EXISTING, 0)
    with pytest.raises(TypeError):
        win32file.CreateFileW(path, RW, 0, "not attributes", win32con.OPEN_EXISTING, 0)


def test_createfile_with_inheritable_attributes_gives_an_inheritable_handle(folder: str) -> None:
    attributes = pywintypes.SECURITY_ATTRIBUTES()
    attributes.bInheritHandle = True
    path = new_file(folder)
    for create in (win32file.CreateFile, win32file.CreateFileW):
        handle = create(path, RW, 0, attributes, win32con.OPEN_EXISTING, 0, None)
        try:
            assert win32api.GetHandleInformation(handle) & win32con.HANDLE_FLAG_INHERIT
        finally:
            handle.Close()
        plain = create(path, RW, 0, None, win32con.OPEN_EXISTING, 0, None)
        try:
            assert not win32api.GetHandleInformation(plain) & win32con.HANDLE_FLAG_INHERIT
        finally:
            plain.Close()


def test_deletefilew_takes_its_keyword(folder: str) -> None:
    path = new_file(folder, b"x")
    win32file.DeleteFileW(FileName=path)
    assert not os.path.exists(path)
    assert code_of(win32file.DeleteFileW, path) == winerror.ERROR_FILE_NOT_FOUND


def test_a_read_may_ask_for_far_more_than_there_is(folder: str) -> None:
    # Programs pass a generous bound (100 MB here) and get what the file holds, at once.
    path = new_file(folder, b"small")
    handle = win32file.CreateFileW(path, RW, 0, None, win32con.OPEN_EXISTING, 0)
    try:
        started = time.monotonic()
        for _ in range(20):
            win32file.SetFilePointer(handle, 0, win32file.FILE_BEGIN)
            assert win32file.ReadFile(handle, 100_000_000) == (0, b"small")
        assert time.monotonic() - started < 5.0  # a bound, not a measurement: 20 GB would fail
    finally:
        handle.Close()


# --- SetConsoleCtrlHandler: the handler list, kept as pywin32 keeps it --------------------------


def _handler(event: int) -> bool:
    return True


def test_console_ctrl_events_have_wincon_values() -> None:
    assert (
        win32con.CTRL_C_EVENT,
        win32con.CTRL_BREAK_EVENT,
        win32con.CTRL_CLOSE_EVENT,
        win32con.CTRL_LOGOFF_EVENT,
        win32con.CTRL_SHUTDOWN_EVENT,
    ) == (0, 1, 2, 5, 6)


def test_setconsolectrlhandler_adds_and_removes() -> None:
    assert win32api.SetConsoleCtrlHandler(_handler, True) is None
    assert win32api.SetConsoleCtrlHandler(_handler, False) is None
    with pytest.raises(ValueError, match="The object has not been registered"):
        win32api.SetConsoleCtrlHandler(_handler, False)


def test_setconsolectrlhandler_adds_by_default_and_removes_one_registration() -> None:
    win32api.SetConsoleCtrlHandler(_handler)
    win32api.SetConsoleCtrlHandler(_handler, 1)
    win32api.SetConsoleCtrlHandler(_handler, 0)
    win32api.SetConsoleCtrlHandler(_handler, 0)  # the second registration
    with pytest.raises(ValueError, match="The object has not been registered"):
        win32api.SetConsoleCtrlHandler(_handler, 0)


def test_setconsolectrlhandler_refuses_what_is_not_a_handler() -> None:
    with pytest.raises(TypeError, match="First argument must be callable"):
        win32api.SetConsoleCtrlHandler(42, True)
    with pytest.raises(TypeError):
        win32api.SetConsoleCtrlHandler(_handler, "yes")
    with pytest.raises(TypeError):
        win32api.SetConsoleCtrlHandler()
    with pytest.raises(ValueError, match="The object has not been registered"):
        win32api.SetConsoleCtrlHandler(lambda event: True, False)


def test_setconsolectrlhandler_none_ignores_ctrl_c_and_gives_it_back() -> None:
    assert win32api.SetConsoleCtrlHandler(None, True) is None
    assert win32api.SetConsoleCtrlHandler(None, False) is None


# --- pythoncom.CreateGuid: a CLSID for a new server ---------------------------------------------


def test_createguid_makes_a_new_braced_guid_each_time() -> None:
    first, second = pythoncom.CreateGuid(), pythoncom.CreateGuid()
    assert isinstance(first, pywintypes.IIDType)
    assert first != second
    text = str(first)
    assert len(text) == 38
    assert text[0] + text[9] + text[14] + text[19] + text[24] + text[37] == "{----}"
    assert text == text.upper()
    assert pywintypes.IID(text) == first
    with pytest.raises(TypeError):
        pythoncom.CreateGuid(1)


# --- LoadCursor / LoadIcon: what a window class is filled with -------------------------------


def test_stock_cursors_and_icons_have_one_handle_each() -> None:
    arrow = win32gui.LoadCursor(0, win32con.IDC_ARROW)
    assert isinstance(arrow, int)
    assert arrow != 0
    assert win32gui.LoadCursor(None, win32con.IDC_ARROW) == arrow  # shared, as stock ones are
    assert win32gui.LoadCursor(0, win32con.IDC_WAIT) not in (0, arrow)
    icon = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
    assert isinstance(icon, int)
    assert icon != 0
    assert win32gui.LoadIcon(0, win32con.IDI_APPLICATION) == icon


def test_a_window_class_keeps_its_cursor_icon_and_background() -> None:
    wc = win32gui.WNDCLASS()
    wc.hCursor = win32gui.LoadCursor(0, win32con.IDC_ARROW)
    wc.hIcon = win32gui.LoadIcon(0, win32con.IDI_APPLICATION)
    wc.hbrBackground = win32con.COLOR_WINDOW + 1
    assert wc.hCursor == win32gui.LoadCursor(0, win32con.IDC_ARROW)
    assert wc.hbrBackground == 6


def test_missing_cursors_are_zero_and_missing_icons_raise() -> None:
    assert win32gui.LoadCursor(0, 12345) == 0  # pywin32 does not check LoadCursor's result
    with pytest.raises(pywintypes.error) as raised:
        win32gui.LoadIcon(0, 12345)
    assert raised.value.args[:2] == (1813, "LoadIcon")  # ERROR_RESOURCE_TYPE_NOT_FOUND
    with pytest.raises(TypeError, match="Resource id/name must be unicode or int"):
        win32gui.LoadCursor(0, None)
    with pytest.raises(TypeError, match="Resource id/name must be unicode or int"):
        win32gui.LoadIcon(0, None)


# --- access tokens: who the process runs as ---------------------------------------------------


def test_token_rights_have_pywin32s_values() -> None:
    assert (win32con.TOKEN_QUERY, win32con.TOKEN_ADJUST_DEFAULT) == (8, 128)
    assert (win32con.TOKEN_ALL_ACCESS, win32con.TOKEN_READ, win32con.TOKEN_WRITE) == (
        0xF01FF,
        0x20008,
        0x200E0,
    )
    assert win32security.TOKEN_QUERY == 8


def _own_token(access: int = win32con.TOKEN_QUERY) -> Any:
    return win32security.OpenProcessToken(win32api.GetCurrentProcess(), access)


def test_the_process_token_names_the_user() -> None:
    token = _own_token()
    try:
        assert isinstance(token, pywintypes.HANDLEType)
        sid, attributes = win32security.GetTokenInformation(token, win32security.TokenUser)
        assert isinstance(sid, pywintypes.SIDType)
        assert attributes == 0
        assert win32security.ConvertSidToStringSid(sid).startswith("S-1-5-21-")
        assert win32security.LookupAccountSid(None, sid)[2] == win32security.SidTypeUser
    finally:
        token.Close()


def test_token_information_has_pywin32s_shapes() -> None:
    token = _own_token()
    try:
        info = win32security.GetTokenInformation
        assert isinstance(info(token, win32security.TokenOwner), pywintypes.SIDType)
        assert isinstance(info(token, win32security.TokenPrimaryGroup), pywintypes.SIDType)
        assert info(token, win32security.TokenType) == 1  # TokenPrimary
        assert isinstance(info(token, win32security.TokenSessionId), int)
        assert info(token, win32security.TokenElevation) in (0, 1)
        assert info(token, win32security.TokenElevationType) in (1, 2, 3)
        label, attributes = info(token, win32security.TokenIntegrityLevel)
        assert win32security.ConvertSidToStringSid(label).startswith("S-1-16-")
        assert attributes == 0x60  # SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED
        groups = info(token, win32security.TokenGroups)
        assert isinstance(groups, tuple)
        assert all(isinstance(sid, pywintypes.SIDType) for sid, _ in groups)
        assert "S-1-1-0" in [win32security.ConvertSidToStringSid(sid) for sid, _ in groups]
        with pytest.raises(pywintypes.error) as raised:  # a primary token impersonates no one
            info(token, win32security.TokenImpersonationLevel)
        assert raised.value.args[:2] == (winerror.ERROR_INVALID_PARAMETER, "GetTokenInformation")
    finally:
        token.Close()


def test_a_token_opened_by_process_id_is_the_same_user() -> None:
    process = win32api.OpenProcess(
        win32con.PROCESS_QUERY_INFORMATION, False, win32api.GetCurrentProcessId()
    )
    token, own = win32security.OpenProcessToken(process, win32con.TOKEN_QUERY), _own_token()
    try:
        user = win32security.GetTokenInformation(token, win32security.TokenUser)[0]
        assert user == win32security.GetTokenInformation(own, win32security.TokenUser)[0]
    finally:
        for handle in (token, own, process):
            handle.Close()


def test_token_rights_and_bad_handles() -> None:
    token = _own_token(win32con.TOKEN_ADJUST_DEFAULT)
    try:
        with pytest.raises(pywintypes.error) as raised:
            win32security.GetTokenInformation(token, win32security.TokenUser)
        assert raised.value.args[:2] == (winerror.ERROR_ACCESS_DENIED, "GetTokenInformation")
    finally:
        token.Close()
    with pytest.raises(pywintypes.error) as raised:
        win32security.GetTokenInformation(token, win32security.TokenUser)  # closed
    assert raised.value.winerror == winerror.ERROR_INVALID_HANDLE
    for process in (123456, None):
        with pytest.raises(pywintypes.error) as raised:
            win32security.OpenProcessToken(process, win32con.TOKEN_QUERY)
        assert raised.value.args[:2] == (winerror.ERROR_INVALID_HANDLE, "OpenProcessToken")


def test_a_thread_that_impersonates_nobody_has_no_token() -> None:
    for as_self in (True, False):
        with pytest.raises(pywintypes.error) as raised:
            win32security.OpenThreadToken(
                win32api.GetCurrentThread(), win32con.TOKEN_QUERY, as_self
            )
        assert raised.value.args[:2] == (1008, "OpenThreadToken")  # ERROR_NO_TOKEN


# --- SDDL: mandatory labels and protected ACLs --------------------------------------------------


def _sd(text: str) -> Any:
    return win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        text, win32security.SDDL_REVISION_1
    )


def test_sddl_reads_a_mandatory_label_and_a_protected_dacl() -> None:
    sd = _sd("D:P(A;;GA;;;SY)(A;;GA;;;S-1-5-21-1-2-3-1000)S:(ML;;NW;;;ME)")
    assert sd.GetSecurityDescriptorControl()[0] & 0x1000  # SE_DACL_PROTECTED
    sacl = sd.GetSecurityDescriptorSacl()
    assert sacl.GetAceCount() == 1
    (kind, flags), mask, sid = sacl.GetAce(0)
    assert (kind, flags, mask) == (17, 0, 0x1)  # SYSTEM_MANDATORY_LABEL, NO_WRITE_UP
    assert win32security.ConvertSidToStringSid(sid) == "S-1-16-8192"  # medium integrity
    dacl = sd.GetSecurityDescriptorDacl()
    assert [win32security.ConvertSidToStringSid(dacl.GetAce(i)[2]) for i in range(2)] == [
        "S-1-5-18",
        "S-1-5-21-1-2-3-1000",
    ]


def test_sddl_reads_file_rights_inheritance_flags_and_integrity_aliases() -> None:
    assert _sd("D:(A;;FA;;;WD)").GetSecurityDescriptorDacl().GetAce(0)[1] == 0x1F01FF
    sd = _sd("D:AI(A;OICI;0x1200a9;;;BU)")
    assert sd.GetSecurityDescriptorControl()[0] & 0x0400  # SE_DACL_AUTO_INHERITED
    assert sd.GetSecurityDescriptorDacl().GetAce(0)[0] == (0, 3)
    for alias, sid in (("LW", "S-1-16-4096"), ("HI", "S-1-16-12288"), ("SI", "S-1-16-16384")):
        ace = _sd(f"S:(ML;;NWNR;;;{alias})").GetSecurityDescriptorSacl().GetAce(0)
        assert (ace[1], win32security.ConvertSidToStringSid(ace[2])) == (0x3, sid)


def test_sddl_refuses_unknown_sids_and_rights_and_text_without_parts() -> None:
    for text, code in (("D:(A;;GA;;;XX)", 1336), ("D:(A;;ZZ;;;SY)", 1336), ("garbage", 87)):
        with pytest.raises(pywintypes.error) as raised:
            _sd(text)
        assert raised.value.args[:2] == (
            code,
            "ConvertStringSecurityDescriptorToSecurityDescriptor",
        ), text
