"""Menus: items found by position or command id, states, defaults, MENUINFO, window menus,
and TrackPopupMenu with a driver's choice (nothing is shown; no user picks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from apartment import messages
from apartment.errors import (
    ERROR_CHILD_WINDOW_MENU,
    ERROR_INVALID_MENU_HANDLE,
    ERROR_MENU_ITEM_NOT_FOUND,
    InvalidWindowHandleError,
    Win32Error,
)
from apartment.messages import (
    MF_BYPOSITION,
    MF_CHECKED,
    MF_GRAYED,
    MF_POPUP,
    MF_SEPARATOR,
    MF_STRING,
    MFS_DEFAULT,
    MFT_RADIOCHECK,
    MIM_APPLYTOSUBMENUS,
    MIM_MENUDATA,
    MIM_STYLE,
    TPM_NONOTIFY,
    TPM_RETURNCMD,
    WM_COMMAND,
    WM_ENTERMENULOOP,
    WM_EXITMENULOOP,
    WM_INITMENU,
    WM_INITMENUPOPUP,
    WM_UNINITMENUPOPUP,
)

from ._helpers import drain

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture
def menu() -> Iterator[tuple[int, int]]:
    """A popup menu: One (1023), a separator, Two (1024, grayed), Three (1025, checked), and a
    submenu holding Sub (2001); yields (menu, submenu)."""
    top = messages.create_popup_menu()
    sub = messages.create_popup_menu()
    messages.append_menu(top, MF_STRING, 1023, "One")
    messages.append_menu(top, MF_SEPARATOR, 0, None)
    messages.append_menu(top, MF_STRING | MF_GRAYED, 1024, "Two")
    messages.append_menu(top, MF_STRING | MF_CHECKED, 1025, "Three")
    messages.append_menu(sub, MF_STRING, 2001, "Sub")
    messages.append_menu(top, MF_POPUP, sub, "Popup")
    yield top, sub
    if messages.is_menu(top):
        messages.destroy_menu(top)


def _posted() -> list[tuple[object, ...]]:
    """Take every posted message off this thread's queue: (hwnd, msg, wparam, lparam)."""
    taken = []
    while (message := messages.peek_message(flags=messages.PM_REMOVE)) is not None:
        taken.append(tuple(message[:4]))
    return taken


def _code(call: object, *args: object) -> int:
    with pytest.raises(Win32Error) as raised:
        call(*args)  # type: ignore[operator]
    return raised.value.winerror


def test_items_by_position_and_id(menu: tuple[int, int]) -> None:
    top, sub = menu
    assert messages.menu_item_count(top) == 5
    ids = [messages.menu_item_id(top, position) for position in range(-1, 6)]
    assert ids == [-1, 1023, 0, 1024, 1025, -1, -1]  # a submenu item has no command id
    assert messages.sub_menu(top, 4) == sub
    assert messages.sub_menu(top, 0) == 0
    assert messages.menu_item(top, 2001, by_position=False).text == "Sub"  # found in the submenu


def test_states_checks_and_enabling(menu: tuple[int, int]) -> None:
    top, _ = menu
    assert messages.menu_state(top, 1024, 0) == MF_GRAYED  # as given: MFS_GRAYED is both bits
    assert messages.menu_state(top, 1, MF_BYPOSITION) == MF_SEPARATOR | 3  # grayed, disabled
    assert messages.menu_state(top, 4, MF_BYPOSITION) == (1 << 8) | MF_POPUP
    assert messages.menu_state(top, 9999, 0) == -1
    assert messages.check_menu_item(top, 1023, MF_CHECKED) == 0
    assert messages.check_menu_item(top, 1023, MF_CHECKED) == MF_CHECKED
    assert messages.check_menu_item(top, 9999, MF_CHECKED) == -1
    assert messages.enable_menu_item(top, 1024, 0) == MF_GRAYED
    assert messages.enable_menu_item(top, 9999, 0) == -1


def test_radio_items(menu: tuple[int, int]) -> None:
    top, _ = menu
    assert messages.check_menu_radio_item(top, 1023, 1025, 1024, 0)
    assert messages.menu_state(top, 1024, 0) & (MF_CHECKED | MFT_RADIOCHECK) == (
        MF_CHECKED | MFT_RADIOCHECK
    )
    assert not messages.menu_state(top, 1025, 0) & MF_CHECKED
    assert _code(messages.check_menu_radio_item, top, 1023, 1025, 1026, 0) == (
        ERROR_MENU_ITEM_NOT_FOUND
    )


def test_inserting_modifying_deleting(menu: tuple[int, int]) -> None:
    top, sub = menu
    messages.insert_menu(top, 0, MF_BYPOSITION | MF_STRING, 3000, "First")
    messages.insert_menu(top, 2001, MF_STRING, 3001, "Before Sub")  # into the submenu
    messages.insert_menu(top, -1, MF_BYPOSITION | MF_STRING, 3003, "Last")
    assert messages.menu_item_id(top, 0) == 3000
    assert messages.menu_item_count(sub) == 2
    assert messages.menu_item_id(top, messages.menu_item_count(top) - 1) == 3003
    messages.modify_menu(top, 3000, MF_STRING, 3010, "Changed")
    assert messages.menu_item(top, 0, by_position=True).text == "Changed"
    messages.delete_menu(top, 3010, 0)
    for call in (messages.delete_menu, messages.remove_menu):
        assert _code(call, top, 3010, 0) == ERROR_MENU_ITEM_NOT_FOUND
    messages.insert_menu(top, 9999, MF_STRING, 3004, "End")  # no item 9999: appended
    assert messages.menu_item_id(top, messages.menu_item_count(top) - 1) == 3004


def test_delete_destroys_a_submenu_remove_does_not(menu: tuple[int, int]) -> None:
    top, sub = menu
    messages.remove_menu(top, 4, MF_BYPOSITION)
    assert messages.is_menu(sub)
    messages.append_menu(top, MF_POPUP, sub, "Again")
    messages.delete_menu(top, 4, MF_BYPOSITION)
    assert not messages.is_menu(sub)


def test_destroy_menu_destroys_its_submenus(menu: tuple[int, int]) -> None:
    top, sub = menu
    messages.destroy_menu(top)
    assert not messages.is_menu(sub)
    assert _code(messages.destroy_menu, top) == ERROR_INVALID_MENU_HANDLE
    assert _code(messages.menu_item_count, top) == ERROR_INVALID_MENU_HANDLE
    assert _code(messages.append_menu, 12345, MF_STRING, 1, "x") == ERROR_INVALID_MENU_HANDLE


def test_default_item(menu: tuple[int, int]) -> None:
    top, _ = menu
    messages.set_menu_default_item(top, 1023, by_position=False)
    assert messages.menu_default_item(top, False, 0) == 1023
    assert messages.menu_default_item(top, True, 0) == 0
    assert messages.menu_state(top, 1023, 0) & MFS_DEFAULT
    # only an item of this menu itself can be its default
    assert _code(messages.set_menu_default_item, top, 2001, False) == ERROR_MENU_ITEM_NOT_FOUND
    messages.set_menu_default_item(top, -1, by_position=False)
    assert messages.menu_default_item(top, False, 0) == -1


def test_a_grayed_default_counts_only_with_gmdi_usedisabled(menu: tuple[int, int]) -> None:
    top, _ = menu
    messages.set_menu_default_item(top, 1024, by_position=False)
    assert messages.menu_default_item(top, False, 0) == -1
    assert messages.menu_default_item(top, False, messages.GMDI_USEDISABLED) == 1024


def test_menu_info_applies_to_submenus(menu: tuple[int, int]) -> None:
    top, sub = menu
    info = messages.MenuInfo(style=0x10, data=7)
    messages.set_menu_info(top, MIM_STYLE | MIM_MENUDATA | MIM_APPLYTOSUBMENUS, info)
    assert messages.menu_info(top) == messages.MenuInfo(style=0x10, data=7)
    assert messages.menu_info(sub) == messages.MenuInfo(style=0x10)  # not the data


def test_a_windows_menu_bar_and_system_menu() -> None:
    messages.register_class("menu-test-window", messages.def_window_proc)
    try:
        window = messages.create_window("menu-test-window")
        child = messages.create_window(
            "menu-test-window", style=messages.WS_CHILD, parent=window.hwnd
        )
        bar = messages.create_menu()
        messages.set_window_menu(window.hwnd, bar)
        assert messages.window_menu(window.hwnd) == bar
        assert _code(messages.set_window_menu, child.hwnd, bar) == ERROR_CHILD_WINDOW_MENU
        assert _code(messages.set_window_menu, window.hwnd, 12345) == ERROR_INVALID_MENU_HANDLE
        system = messages.system_menu(window.hwnd, revert=False)
        assert messages.system_menu(window.hwnd, revert=False) == system
        assert [messages.menu_item_id(system, i) for i in range(7)] == [
            messages.SC_RESTORE, messages.SC_MOVE, messages.SC_SIZE, messages.SC_MINIMIZE,
            messages.SC_MAXIMIZE, 0, messages.SC_CLOSE,
        ]  # fmt: skip
        assert messages.system_menu(window.hwnd, revert=True) == 0
        assert not messages.is_menu(system)
        window.destroy()
        assert not messages.is_menu(bar)  # a window's menu bar is destroyed with it
    finally:
        messages.unregister_class("menu-test-window")


# -- TrackPopupMenu ---------------------------------------------------------------------------


class _Owner:
    def __init__(self) -> None:
        self.seen: list[tuple[int, object]] = []
        watched = {WM_ENTERMENULOOP, WM_INITMENU, WM_INITMENUPOPUP, WM_UNINITMENUPOPUP}
        watched.add(WM_EXITMENULOOP)

        def proc(hwnd: int, msg: int, wparam: object, lparam: object) -> int:
            if msg in watched:
                self.seen.append((msg, wparam))
            return messages.def_window_proc(hwnd, msg, wparam, lparam)

        messages.register_class("menu-owner", proc)
        self.window = messages.create_window("menu-owner")

    def close(self) -> None:
        self.window.destroy()
        messages.unregister_class("menu-owner")


@pytest.fixture
def owner(empty_queue: None) -> Iterator[_Owner]:
    made = _Owner()
    yield made
    made.close()
    messages.set_menu_chooser(None)
    drain()


def test_track_popup_menu_without_a_choice_is_dismissed(
    menu: tuple[int, int], owner: _Owner
) -> None:
    top, _ = menu
    assert messages.track_popup_menu(top, TPM_RETURNCMD, owner.window.hwnd) == 0
    assert owner.seen == [
        (WM_ENTERMENULOOP, 1),
        (WM_INITMENU, top),
        (WM_INITMENUPOPUP, top),
        (WM_UNINITMENUPOPUP, top),
        (WM_EXITMENULOOP, 1),
    ]
    assert _posted() == []


def test_a_queued_choice_is_posted_as_wm_command(menu: tuple[int, int], owner: _Owner) -> None:
    top, _ = menu
    messages.queue_menu_choice(2001)  # in the submenu
    assert messages.track_popup_menu(top, TPM_NONOTIFY, owner.window.hwnd) == 1
    assert owner.seen == []
    assert _posted() == [(owner.window.hwnd, WM_COMMAND, 2001, 0)]


def test_a_chooser_picks_with_tpm_returncmd(menu: tuple[int, int], owner: _Owner) -> None:
    top, _ = menu
    asked: list[tuple[int, int]] = []

    def chooser(hmenu: int, hwnd: int) -> int:
        asked.append((hmenu, hwnd))
        return 1025

    messages.set_menu_chooser(chooser)
    assert messages.track_popup_menu(top, TPM_RETURNCMD, owner.window.hwnd) == 1025
    assert asked == [(top, owner.window.hwnd)]
    assert _posted() == []  # TPM_RETURNCMD posts nothing


def test_a_grayed_separator_or_missing_choice_is_no_choice(
    menu: tuple[int, int], owner: _Owner
) -> None:
    top, _ = menu
    for choice in (1024, 0, 9999):
        messages.queue_menu_choice(choice)
        assert messages.track_popup_menu(top, TPM_RETURNCMD | TPM_NONOTIFY, owner.window.hwnd) == 0


def test_track_popup_menu_checks_its_arguments(menu: tuple[int, int], owner: _Owner) -> None:
    top, _ = menu
    assert _code(messages.track_popup_menu, 12345, 0, owner.window.hwnd) == (
        ERROR_INVALID_MENU_HANDLE
    )
    with pytest.raises(InvalidWindowHandleError):
        messages.track_popup_menu(top, 0, 12345678)
    with pytest.raises(TypeError):
        messages.queue_menu_choice("1023")  # type: ignore[arg-type]
