"""Rules the session-30 window probe found (tools/probes/window_probe.py): message filters
and child windows, window texts, parents of top-level WS_CHILD windows, WNDCLASS fields,
SetWindowPos' insert-after window, message-only windows and argument ranges.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

from typing import Any

import pytest
import pywintypes
import win32con
import win32gui
import winerror

from ._messages import WM_USER, Classes, Recorder
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue

REMOVE = win32con.PM_REMOVE
SWP_KEEP = win32con.SWP_NOSIZE | win32con.SWP_NOMOVE | win32con.SWP_NOACTIVATE


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def _window(
    classes: Classes, style: int = win32con.WS_POPUP, parent: int = 0, name: str = ""
) -> int:
    hwnd: int = win32gui.CreateWindow(
        name or classes.register({}), "", style, 0, 0, 10, 10, parent, 0, 0, None
    )
    classes._windows.append(hwnd)
    return hwnd


# --- message filters --------------------------------------------------------------------------


def test_a_window_filter_takes_the_messages_of_its_child_windows(classes: Classes) -> None:
    name = classes.register(Recorder())
    top = _window(classes, name=name)
    child = _window(classes, win32con.WS_CHILD, top, name)
    grandchild = _window(classes, win32con.WS_CHILD, child, name)
    owned = _window(classes, win32con.WS_POPUP, top, name)  # owned, not a child
    win32gui.PostMessage(owned, WM_USER + 1, 0, 0)
    win32gui.PostMessage(grandchild, WM_USER + 2, 0, 0)
    assert win32gui.PeekMessage(grandchild, 0, 0, win32con.PM_NOREMOVE)[1][1] == WM_USER + 2
    assert win32gui.PeekMessage(child, 0, 0, win32con.PM_NOREMOVE)[1][1] == WM_USER + 2
    rc, msg = win32gui.PeekMessage(top, 0, 0, REMOVE)  # the owned popup's comes later
    assert (rc, msg[0], msg[1]) == (1, grandchild, WM_USER + 2)
    assert win32gui.PeekMessage(child, 0, 0, REMOVE)[0] == 0
    assert win32gui.PeekMessage(top, 0, 0, REMOVE)[0] == 0
    assert win32gui.PeekMessage(owned, 0, 0, REMOVE)[1][1] == WM_USER + 1


def test_get_message_with_a_parent_filter_gets_a_grandchilds_message(classes: Classes) -> None:
    name = classes.register(Recorder())
    top = _window(classes, name=name)
    grandchild = _window(
        classes, win32con.WS_CHILD, _window(classes, win32con.WS_CHILD, top, name), name
    )
    win32gui.PostMessage(grandchild, WM_USER + 3, 7, 0)
    rc, msg = win32gui.GetMessage(top, 0, 0)
    assert (rc, msg[0], msg[1], msg[2]) == (1, grandchild, WM_USER + 3, 7)


# --- texts ------------------------------------------------------------------------------------


def test_a_window_text_ends_at_its_first_nul(classes: Classes) -> None:
    hwnd = _window(classes)
    win32gui.SetWindowText(hwnd, "a\0b")
    assert win32gui.GetWindowText(hwnd) == "a"
    assert win32gui.GetWindowTextLength(hwnd) == 1


def test_a_str_parameter_with_a_nul_is_refused(classes: Classes) -> None:
    hwnd = _window(classes)
    for call in (win32gui.SendMessage, win32gui.PostMessage):
        with pytest.raises(ValueError, match="null"):
            call(hwnd, win32con.WM_SETTEXT, 0, "cd\0ef")


def test_a_text_length_counts_utf16_units(classes: Classes) -> None:
    hwnd = _window(classes)
    win32gui.SetWindowText(hwnd, "x\U0001f600y")
    assert win32gui.GetWindowText(hwnd) == "x\U0001f600y"
    assert win32gui.GetWindowTextLength(hwnd) == 4
    assert win32gui.SendMessage(hwnd, win32con.WM_GETTEXTLENGTH, 0, 0) == 4


# --- parents ------------------------------------------------------------------------------


def test_a_top_level_ws_child_window_has_the_desktop_as_parent(classes: Classes) -> None:
    top = _window(classes)
    child = _window(classes, win32con.WS_CHILD, top)
    assert win32gui.SetParent(child, 0) == top
    assert win32gui.GetWindowLong(child, win32con.GWL_STYLE) & win32con.WS_CHILD
    assert win32gui.GetParent(child) == win32gui.GetDesktopWindow()
    other = _window(classes, 0)
    win32gui.SetWindowLong(other, win32con.GWL_STYLE, win32con.WS_CHILD)
    assert win32gui.GetParent(other) == win32gui.GetDesktopWindow()
    popup = _window(classes, win32con.WS_POPUP)
    assert win32gui.GetParent(popup) == 0  # no owner


def test_ws_child_with_ws_popup_and_no_parent_is_a_top_level_window(classes: Classes) -> None:
    hwnd = _window(classes, win32con.WS_CHILD | win32con.WS_POPUP)
    assert win32gui.IsWindow(hwnd)
    assert win32gui.GetAncestor(hwnd, win32con.GA_PARENT) == win32gui.GetDesktopWindow()
    assert _error_of(_window, classes, win32con.WS_CHILD)[0] == winerror.ERROR_TLW_WITH_WSCHILD


def test_a_top_level_windows_menu_must_be_a_menu(classes: Classes) -> None:
    name = classes.register({})
    for style in (0, win32con.WS_POPUP, win32con.WS_CHILD | win32con.WS_POPUP):
        with pytest.raises(pywintypes.error) as caught:
            win32gui.CreateWindow(name, "", style, 0, 0, 10, 10, 0, 0x7777, 0, None)
        assert caught.value.winerror == winerror.ERROR_INVALID_MENU_HANDLE
    menu = win32gui.CreateMenu()
    try:
        hwnd = win32gui.CreateWindow(name, "", 0, 0, 0, 10, 10, 0, menu, 0, None)
        classes._windows.append(hwnd)
        assert win32gui.GetMenu(hwnd) == menu
        top = _window(classes, name=name)
        child = win32gui.CreateWindow(name, "", win32con.WS_CHILD, 0, 0, 1, 1, top, 0x7777, 0, None)
        assert win32gui.GetDlgCtrlID(child) == 0x7777  # a child's hMenu is its id
    finally:
        win32gui.DestroyWindow(hwnd)  # a window's menu goes with it
    assert win32gui.GetMenuItemCount(menu) == -1  # no such menu (pywin32 does not raise)


# --- classes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("style", "x", TypeError),
        ("style", 2**32, OverflowError),
        ("cbWndExtra", 2**31, OverflowError),
        ("lpszClassName", 5, TypeError),
        ("lpszClassName", None, TypeError),
        ("lpszClassName", b"x", TypeError),
        ("lpszMenuName", None, TypeError),
        ("lpfnWndProc", 5, TypeError),
        ("lpfnWndProc", "x", TypeError),
        ("hInstance", None, TypeError),
        ("hbrBackground", "x", TypeError),
        ("cbClsExtra", 0, AttributeError),
        ("nosuch", 0, AttributeError),
    ],
)
def test_wndclass_fields_are_checked_when_set(field: str, value: object, error: type) -> None:
    with pytest.raises(error):
        setattr(win32gui.WNDCLASS(), field, value)


def test_wndclass_fields_keep_what_is_set() -> None:
    wc = win32gui.WNDCLASS()
    wc.style = -1
    wc.cbWndExtra = 8
    wc.lpszClassName = "abc"
    wc.hbrBackground = win32con.COLOR_WINDOW + 1
    assert (wc.style, wc.cbWndExtra, wc.lpszClassName) == (-1, 8, "abc")
    assert wc.hbrBackground == win32con.COLOR_WINDOW + 1


def test_a_negative_cb_wnd_extra_is_an_invalid_parameter(classes: Classes) -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = classes.register({}) + "-extra"
    wc.lpfnWndProc = {}
    wc.cbWndExtra = -1
    assert _error_of(win32gui.RegisterClass, wc) == (
        winerror.ERROR_INVALID_PARAMETER,
        "RegisterClass",
    )
    wc.cbWndExtra = 41  # past 40 is fine on NT
    win32gui.RegisterClass(wc)
    win32gui.UnregisterClass(wc.lpszClassName, 0)


@pytest.mark.parametrize("name", [None, b"x"])
def test_unregister_class_takes_a_str_or_an_atom(name: object) -> None:
    with pytest.raises(TypeError):
        win32gui.UnregisterClass(name, 0)


def test_unregister_class_of_an_unused_atom_is_class_does_not_exist() -> None:
    for atom in (0, 5, 0xBFFF):
        assert _error_of(win32gui.UnregisterClass, atom, 0) == (
            winerror.ERROR_CLASS_DOES_NOT_EXIST,
            "UnregisterClass",
        )


# --- positions, visibility, destruction ------------------------------------------------------


def test_set_window_pos_refuses_an_insert_after_that_is_no_window(classes: Classes) -> None:
    hwnd = _window(classes)
    gone = _window(classes)
    win32gui.DestroyWindow(gone)
    assert _error_of(win32gui.SetWindowPos, hwnd, gone, 0, 0, 0, 0, SWP_KEEP) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "SetWindowPos",
    )
    for special in (win32con.HWND_TOP, win32con.HWND_BOTTOM, win32con.HWND_NOTOPMOST):
        win32gui.SetWindowPos(hwnd, special, 0, 0, 0, 0, SWP_KEEP)
    win32gui.SetWindowPos(hwnd, gone, 0, 0, 0, 0, SWP_KEEP | win32con.SWP_NOZORDER)  # unread


def test_a_message_only_window_is_never_visible(classes: Classes) -> None:
    hwnd = _window(classes, 0, win32con.HWND_MESSAGE)
    assert win32gui.ShowWindow(hwnd, win32con.SW_SHOW) == 0
    assert win32gui.GetWindowLong(hwnd, win32con.GWL_STYLE) & win32con.WS_VISIBLE
    assert win32gui.IsWindowVisible(hwnd) == 0
    assert win32gui.ShowWindow(hwnd, win32con.SW_HIDE) == 1  # it had WS_VISIBLE


def test_def_window_proc_of_no_window_gives_zero(classes: Classes) -> None:
    gone = _window(classes)
    win32gui.DestroyWindow(gone)
    assert win32gui.DefWindowProc(gone, win32con.WM_CLOSE, 0, 0) == 0
    assert win32gui.DefWindowProc(0x7777, WM_USER, 0, 0) == 0


@wine_differs("Wine's DestroyWindow gives ERROR_ACCESS_DENIED for any handle it cannot find")
def test_destroying_no_window_is_invalid_window_handle(classes: Classes) -> None:
    gone = _window(classes)
    win32gui.DestroyWindow(gone)
    for hwnd in (gone, 0, None):
        assert _error_of(win32gui.DestroyWindow, hwnd) == (
            winerror.ERROR_INVALID_WINDOW_HANDLE,
            "DestroyWindow",
        )


def test_positions_and_flags_are_c_longs(classes: Classes) -> None:
    hwnd = _window(classes)
    with pytest.raises(OverflowError):
        win32gui.MoveWindow(hwnd, 0, 0, 2**31, 1, False)
    with pytest.raises(OverflowError):
        win32gui.SetWindowPos(hwnd, 0, 0, 0, 0, 0, 0x80000000)
    with pytest.raises(OverflowError):
        win32gui.SendMessage(hwnd, 2**32, 0, 0)
    win32gui.MoveWindow(hwnd, -(2**31), 0, 2**31 - 1, 1, False)


# --- ShowWindow: minimized and maximized states ---------------------------------------------

STATE = win32con.WS_VISIBLE | win32con.WS_MINIMIZE | win32con.WS_MAXIMIZE


def _shown(hwnd: int, recorder: Recorder, command: int) -> tuple[int, list[Any], int]:
    """ShowWindow's result, the WM_SHOWWINDOW wParams it sent, the state bits after it."""
    recorder.calls.clear()
    result = win32gui.ShowWindow(hwnd, command)
    sent = [call[2] for call in recorder.calls if call[1] == win32con.WM_SHOWWINDOW]
    return result, sent, win32gui.GetWindowLong(hwnd, win32con.GWL_STYLE) & STATE


@pytest.mark.parametrize("style", [win32con.WS_POPUP, 0])
def test_show_window_keeps_the_minimized_and_maximized_states(classes: Classes, style: int) -> None:
    recorder = Recorder(watch=(win32con.WM_SHOWWINDOW,))
    hwnd = _window(classes, style, name=classes.register(recorder))
    visible, minimized, maximized = win32con.WS_VISIBLE, win32con.WS_MINIMIZE, win32con.WS_MAXIMIZE
    steps = [
        (win32con.SW_SHOW, (0, [1], visible)),
        (win32con.SW_SHOWNA, (1, [1], visible)),  # sent even though it was visible
        (win32con.SW_SHOWNOACTIVATE, (1, [], visible)),
        (win32con.SW_MINIMIZE, (1, [], visible | minimized)),  # a state change: no message
        (win32con.SW_MINIMIZE, (1, [], visible | minimized)),
        (win32con.SW_RESTORE, (1, [], visible)),
        (win32con.SW_MAXIMIZE, (1, [], visible | maximized)),
        (win32con.SW_SHOWNORMAL, (1, [], visible)),
        (win32con.SW_HIDE, (1, [0], 0)),
        (win32con.SW_SHOWMINNOACTIVE, (0, [], visible | minimized)),
        (win32con.SW_HIDE, (1, [0], minimized)),  # hidden, still minimized
        (win32con.SW_SHOWMAXIMIZED, (0, [], visible | maximized)),
    ]
    for command, expected in steps:
        assert _shown(hwnd, recorder, command) == expected, command
    assert win32gui.IsIconic(hwnd) == 0
    win32gui.ShowWindow(hwnd, win32con.SW_MINIMIZE)
    assert win32gui.IsIconic(hwnd) == 1


def test_a_window_created_minimized_and_maximized_is_minimized(classes: Classes) -> None:
    both = _window(classes, win32con.WS_POPUP | win32con.WS_MINIMIZE | win32con.WS_MAXIMIZE)
    assert win32gui.GetWindowLong(both, win32con.GWL_STYLE) & STATE == win32con.WS_MINIMIZE
    assert win32gui.IsIconic(both) == 1
    maximized = _window(classes, win32con.WS_POPUP | win32con.WS_MAXIMIZE)
    assert win32gui.GetWindowLong(maximized, win32con.GWL_STYLE) & STATE == win32con.WS_MAXIMIZE


def test_set_parent_to_the_desktop_window_makes_a_top_level_window(classes: Classes) -> None:
    top = _window(classes)
    child = _window(classes, win32con.WS_CHILD, top)
    assert win32gui.SetParent(child, win32gui.GetDesktopWindow()) == top
    assert win32gui.GetParent(child) == win32gui.GetDesktopWindow()
    assert win32gui.GetAncestor(child, win32con.GA_ROOT) == child
    assert win32gui.IsChild(top, child) == 0
    seen: list[int] = []
    win32gui.EnumWindows(lambda hwnd, _: seen.append(hwnd), None)
    assert child in seen
    assert win32gui.SetParent(child, top) == win32gui.GetDesktopWindow()
