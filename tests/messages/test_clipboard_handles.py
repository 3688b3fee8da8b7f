"""Formats whose handles are objects of a layer above the clipboard (GDI's CF_BITMAP)."""

from __future__ import annotations

import pytest

from apartment import gdi, messages
from apartment.errors import InvalidHandleError


def test_bad_registrations_fail_at_the_door() -> None:
    with pytest.raises(ValueError, match="no clipboard format"):
        messages.register_clipboard_handle_format(0, bytes, len, print)
    with pytest.raises(ValueError, match="no clipboard format"):
        messages.register_clipboard_handle_format(True, bytes, len, print)
    with pytest.raises(TypeError):
        messages.register_clipboard_handle_format(0x4401, bytes, len, "free")  # type: ignore[arg-type]


def test_a_handle_that_is_no_bitmap_is_refused_as_cf_bitmap() -> None:
    gdi.register_bitmap_format()  # what importing gdi did; again is harmless
    messages.open_clipboard(0)
    try:
        messages.empty_clipboard()
        with pytest.raises(InvalidHandleError):
            messages.set_clipboard_block(messages.CF_BITMAP, 0x12345)
        assert not messages.is_clipboard_format_available(messages.CF_BITMAP)
    finally:
        messages.close_clipboard()
