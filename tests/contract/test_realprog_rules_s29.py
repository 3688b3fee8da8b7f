"""Rules the session-29 real programs (tests/realcode) found: SIDs and SDDL, version resources.

Each test passes on the facade and on the real pywin32 (``make oracle``).
"""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32security

SDDL_REVISION_1 = 1


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def test_a_string_sid_or_an_alias_else_invalid_sid() -> None:
    # ConvertStringSidToSid takes "S-1-..." or an SDDL alias; anything else is 1337
    # (ERROR_INVALID_SID), as a pywintypes.error, never a Python ValueError.
    to_text = win32security.ConvertSidToStringSid
    assert to_text(win32security.ConvertStringSidToSid("S-1-5-32-544")) == "S-1-5-32-544"
    assert to_text(win32security.ConvertStringSidToSid("WD")) == "S-1-1-0"
    assert to_text(win32security.ConvertStringSidToSid("BA")) == "S-1-5-32-544"
    for text in ("S-1-x-0", "not a sid", "S-2-5-18"):
        assert _error_of(win32security.ConvertStringSidToSid, text) == (
            1337,
            "ConvertStringSidToSid",
        )


def test_is_valid_is_an_int_on_descriptors_and_acls() -> None:
    # pywin32 hands IsValidSecurityDescriptor's and IsValidAcl's BOOL back as an int (1);
    # PySID.IsValid is a bool.
    sd = win32security.ConvertStringSecurityDescriptorToSecurityDescriptor(
        "O:BAD:(A;;FA;;;SY)", SDDL_REVISION_1
    )
    for value in (sd.IsValid(), sd.GetSecurityDescriptorDacl().IsValid(), win32security.ACL().IsValid()):
        assert type(value) is int and value == 1
    assert sd.GetSecurityDescriptorOwner().IsValid() is True


@pytest.mark.parametrize("text", ["D:(A;;FA;;;SY", "D:(A;;FA;;SY)", "D:(A;;FA;;;SY;)"])
def test_a_malformed_ace_is_an_invalid_acl(text: str) -> None:
    # An ACE left open, or with other than six fields, fails the whole string with 1336
    # (ERROR_INVALID_ACL); it is not skipped.
    assert _error_of(
        win32security.ConvertStringSecurityDescriptorToSecurityDescriptor, text, SDDL_REVISION_1
    ) == (1336, "ConvertStringSecurityDescriptorToSecurityDescriptor")


def test_find_window_sees_message_only_windows_too() -> None:
    # Windows: FindWindowEx with no parent and no child-after searches the top-level windows
    # and then the message-only ones (FindWindow likewise); the desktop's children are the
    # top-level windows only, HWND_MESSAGE's the message-only ones.
    import win32con
    import win32gui

    name = "RealprogS29MessageOnly"
    hwnd = win32gui.CreateWindowEx(
        0, "STATIC", name, 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None
    )
    try:
        assert win32gui.FindWindow("STATIC", name) == hwnd
        assert win32gui.FindWindow(None, name) == hwnd
        assert win32gui.FindWindowEx(0, 0, None, name) == hwnd
        assert win32gui.FindWindowEx(win32con.HWND_MESSAGE, 0, None, name) == hwnd
        assert win32gui.FindWindowEx(win32gui.GetDesktopWindow(), 0, None, name) == 0
    finally:
        win32gui.DestroyWindow(hwnd)
