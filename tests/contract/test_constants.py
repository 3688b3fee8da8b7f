"""Contract: the constant values pywin32 exports (semantics.md §1, §1.7, §12)."""

import pytest
import win32con
import win32event
import win32process
import winerror


def test_infinite_is_minus_one_in_win32event() -> None:
    assert win32event.INFINITE == -1


def test_wait_failed_is_minus_one_in_win32event_and_win32con() -> None:
    assert win32event.WAIT_FAILED == -1
    assert win32con.WAIT_FAILED == -1


@pytest.mark.parametrize("module", [win32event, win32con], ids=["win32event", "win32con"])
def test_wait_result_codes(module: object) -> None:
    values = {
        name: getattr(module, name)
        for name in (
            "WAIT_OBJECT_0",
            "WAIT_ABANDONED",
            "WAIT_ABANDONED_0",
            "WAIT_IO_COMPLETION",
            "WAIT_TIMEOUT",
        )
    }
    assert values == {
        "WAIT_OBJECT_0": 0,
        "WAIT_ABANDONED": 128,
        "WAIT_ABANDONED_0": 128,
        "WAIT_IO_COMPLETION": 192,
        "WAIT_TIMEOUT": 258,
    }


def test_maximum_wait_objects_is_64() -> None:
    assert win32event.MAXIMUM_WAIT_OBJECTS == 64


def test_queue_status_masks_in_win32event_come_from_the_sdk_headers() -> None:
    assert win32event.QS_ALLINPUT == 1279
    assert win32event.QS_INPUT == 1031
    assert win32event.QS_ALLEVENTS == 1215


def test_queue_status_masks_in_win32con_are_the_legacy_values() -> None:
    assert win32con.QS_ALLINPUT == 255
    assert win32con.QS_INPUT == 7
    assert win32con.QS_ALLEVENTS == 191


def test_win32event_access_rights() -> None:
    assert win32event.SYNCHRONIZE == 0x100000
    assert win32event.EVENT_MODIFY_STATE == 2
    assert win32event.EVENT_ALL_ACCESS == 0x1F0003
    assert win32event.TIMER_QUERY_STATE == 1
    assert win32event.TIMER_MODIFY_STATE == 2
    assert win32event.TIMER_ALL_ACCESS == 0x1F0003


def test_win32event_waitable_timer_creation_flags() -> None:
    assert win32event.CREATE_WAITABLE_TIMER_MANUAL_RESET == 1
    assert win32event.CREATE_WAITABLE_TIMER_HIGH_RESOLUTION == 2


def test_win32con_kernel_object_flags() -> None:
    assert win32con.SYNCHRONIZE == 0x100000
    assert win32con.STANDARD_RIGHTS_REQUIRED == 0xF0000
    assert win32con.DUPLICATE_CLOSE_SOURCE == 1
    assert win32con.DUPLICATE_SAME_ACCESS == 2
    assert win32con.EVENT_MODIFY_STATE == 2
    assert win32con.SEMAPHORE_MODIFY_STATE == 2
    assert win32con.MUTANT_QUERY_STATE == 1


def test_create_suspended_is_4_in_win32con_and_win32process() -> None:
    assert win32con.CREATE_SUSPENDED == 4
    assert win32process.CREATE_SUSPENDED == 4


def test_still_active_is_259() -> None:
    assert win32con.STILL_ACTIVE == 259


def test_win32_error_codes() -> None:
    expected = {
        "ERROR_SUCCESS": 0,
        "ERROR_INVALID_FUNCTION": 1,
        "ERROR_FILE_NOT_FOUND": 2,
        "ERROR_ACCESS_DENIED": 5,
        "ERROR_INVALID_HANDLE": 6,
        "ERROR_NOT_ENOUGH_MEMORY": 8,
        "ERROR_GEN_FAILURE": 31,
        "ERROR_NOT_SUPPORTED": 50,
        "ERROR_INVALID_PARAMETER": 87,
        "ERROR_SIGNAL_REFUSED": 156,
        "ERROR_ALREADY_EXISTS": 183,
        "ERROR_NO_MORE_ITEMS": 259,
        "ERROR_NOT_OWNER": 288,
        "ERROR_TOO_MANY_POSTS": 298,
        "ERROR_ABANDONED_WAIT_0": 735,
        "ERROR_IO_PENDING": 997,
        "ERROR_TIMEOUT": 1460,
    }
    assert {name: getattr(winerror, name) for name in expected} == expected


def test_winerror_wait_timeout_is_the_wait_code_not_error_timeout() -> None:
    assert winerror.WAIT_TIMEOUT == 258  # ERROR_TIMEOUT is 1460 (above)
