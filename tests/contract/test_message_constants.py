"""Contract: the message-layer constants pywin32 exports (semantics.md §1.5, §1.7, §1.2)."""

import pytest
import win32con
import win32event
import winerror


def values(module: object, names: list[str]) -> dict[str, int]:
    return {name: getattr(module, name) for name in names}


def test_window_message_numbers() -> None:
    expected = {
        "WM_NULL": 0,
        "WM_CREATE": 1,
        "WM_DESTROY": 2,
        "WM_PAINT": 0x0F,
        "WM_CLOSE": 0x10,
        "WM_QUIT": 0x12,
        "WM_NCCREATE": 0x81,
        "WM_NCDESTROY": 0x82,
        "WM_KEYFIRST": 0x100,
        "WM_KEYLAST": 0x108,
        "WM_TIMER": 0x113,
        "WM_MOUSEFIRST": 0x200,
        "WM_MOUSELAST": 0x20A,
        "WM_HOTKEY": 0x312,
        "WM_USER": 0x400,
        "WM_APP": 0x8000,
    }
    assert values(win32con, list(expected)) == expected


def test_peek_message_removal_flags() -> None:
    expected = {"PM_NOREMOVE": 0, "PM_REMOVE": 1, "PM_NOYIELD": 2}
    assert values(win32con, list(expected)) == expected


QS_BITS = {
    "QS_KEY": 0x1,
    "QS_MOUSEMOVE": 0x2,
    "QS_MOUSEBUTTON": 0x4,
    "QS_POSTMESSAGE": 0x8,
    "QS_TIMER": 0x10,
    "QS_PAINT": 0x20,
    "QS_SENDMESSAGE": 0x40,
    "QS_HOTKEY": 0x80,
    "QS_MOUSE": 0x6,
}


@pytest.mark.parametrize("module", [win32con, win32event], ids=["win32con", "win32event"])
def test_queue_status_bits_agree_in_both_modules(module: object) -> None:
    assert values(module, list(QS_BITS)) == QS_BITS


def test_win32con_queue_status_masks_are_the_legacy_combinations() -> None:
    assert win32con.QS_INPUT == win32con.QS_MOUSE | win32con.QS_KEY == 7
    assert win32con.QS_ALLEVENTS == 0xBF
    assert win32con.QS_ALLINPUT == win32con.QS_ALLEVENTS | win32con.QS_SENDMESSAGE == 0xFF


def test_win32event_queue_status_masks_include_qs_rawinput_and_qs_allpostmessage() -> None:
    assert win32event.QS_INPUT == 0x407
    assert win32event.QS_ALLEVENTS == 0x4BF
    assert win32event.QS_ALLINPUT == win32event.QS_ALLEVENTS | win32event.QS_SENDMESSAGE == 0x4FF


@pytest.mark.parametrize(
    "name",
    [
        "PM_QS_INPUT",
        "PM_QS_POSTMESSAGE",
        "PM_QS_PAINT",
        "PM_QS_SENDMESSAGE",
        "QS_ALLPOSTMESSAGE",
        "QS_RAWINPUT",
        "SMTO_ERRORONEXIT",
    ],
)
def test_win32con_lacks_the_newer_names(name: str) -> None:
    assert not hasattr(win32con, name)


def test_msg_wait_flags() -> None:
    expected = {"MWMO_WAITALL": 1, "MWMO_ALERTABLE": 2, "MWMO_INPUTAVAILABLE": 4}
    assert values(win32con, list(expected)) == expected


def test_send_message_timeout_flags() -> None:
    expected = {
        "SMTO_NORMAL": 0,
        "SMTO_BLOCK": 1,
        "SMTO_ABORTIFHUNG": 2,
        "SMTO_NOTIMEOUTIFNOTHUNG": 8,
    }
    assert values(win32con, list(expected)) == expected


def test_in_send_message_ex_flags() -> None:
    expected = {
        "ISMEX_NOSEND": 0,
        "ISMEX_SEND": 1,
        "ISMEX_NOTIFY": 2,
        "ISMEX_CALLBACK": 4,
        "ISMEX_REPLIED": 8,
    }
    assert values(win32con, list(expected)) == expected


def test_special_window_handles() -> None:
    assert win32con.HWND_MESSAGE == -3
    assert win32con.HWND_BROADCAST == 0xFFFF


def test_message_layer_error_codes() -> None:
    expected = {
        "ERROR_ACCESS_DENIED": 5,
        "ERROR_INVALID_PARAMETER": 87,
        "ERROR_INVALID_WINDOW_HANDLE": 1400,
        "ERROR_CANNOT_FIND_WND_CLASS": 1407,
        "ERROR_WINDOW_OF_OTHER_THREAD": 1408,
        "ERROR_CLASS_ALREADY_EXISTS": 1410,
        "ERROR_CLASS_DOES_NOT_EXIST": 1411,
        "ERROR_INVALID_THREAD_ID": 1444,
        "ERROR_TIMEOUT": 1460,
        "ERROR_NOT_ENOUGH_QUOTA": 1816,
    }
    assert values(winerror, list(expected)) == expected
