"""Stock cursors and icons: one handle each, shared; nothing else exists (nothing is drawn)."""

from __future__ import annotations

import pytest

from apartment import messages
from apartment.errors import ERROR_RESOURCE_TYPE_NOT_FOUND, Win32Error

IDC_ARROW, IDC_WAIT, IDI_APPLICATION = 32512, 32514, 32512


def test_stock_handles_are_shared_and_distinct() -> None:
    arrow = messages.load_cursor(0, IDC_ARROW)
    assert messages.load_cursor(0, IDC_ARROW) == arrow
    assert messages.load_cursor(0, IDC_WAIT) != arrow
    # A cursor and an icon with the same resource number are different objects.
    assert messages.load_icon(0, IDI_APPLICATION) not in (0, arrow)


@pytest.mark.parametrize("load", [messages.load_cursor, messages.load_icon])
def test_anything_but_a_stock_resource_is_not_found(load: object) -> None:
    for instance, resource in ((0, 12345), (0, "MYCURSOR"), (0x400000, 1), (0x400000, IDC_ARROW)):
        with pytest.raises(Win32Error) as raised:
            load(instance, resource)  # type: ignore[operator]
        assert raised.value.winerror == ERROR_RESOURCE_TYPE_NOT_FOUND


@pytest.mark.parametrize("load", [messages.load_cursor, messages.load_icon])
def test_bad_resources_fail_at_the_door(load: object) -> None:
    with pytest.raises(TypeError):
        load(0, None)  # type: ignore[operator]
    with pytest.raises(TypeError):
        load(0, True)  # type: ignore[operator]
    with pytest.raises(ValueError, match="65535"):
        load(0, 70000)  # type: ignore[operator]
