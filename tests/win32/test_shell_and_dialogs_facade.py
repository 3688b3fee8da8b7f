"""The facade's headless shell pieces: dropped files reach a window that accepts them, the file
dialogs cancel (pywin32's error 0) unless a chooser answers, image lists count their images.

Not contract tests: the oracle would show a real dialog (and wait for a user), and no user
drops files there.
"""

from __future__ import annotations

from typing import Any

import pytest

from apartment import messages
from apartment.win32 import pywintypes, win32api, win32gui

WM_DROPFILES = 0x0233


def test_dropped_files_reach_a_window_that_accepts_them() -> None:
    seen: list[Any] = []
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "drop-target-test"
    wc.lpfnWndProc = {WM_DROPFILES: lambda hwnd, msg, wparam, lparam: seen.append(wparam)}
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow("drop-target-test", "", 0, 0, 0, 10, 10, 0, 0, 0, None)
    try:
        assert messages.drop_files(hwnd, ["/tmp/a"]) == 0  # not accepting yet
        win32gui.DragAcceptFiles(hwnd, True)
        assert win32gui.GetWindowLong(hwnd, -20) & 0x10
        drop = messages.drop_files(hwnd, ["/tmp/a", "/tmp/b"])
        win32gui.PumpWaitingMessages()
        assert seen == [drop]
        assert win32api.DragQueryFile(drop, -1) == 2
        assert win32api.DragQueryFile(drop, 1) == "/tmp/b"
        win32api.DragFinish(drop)
        assert win32api.DragQueryFile(drop, -1) == 0  # no drop: no files, as Windows answers
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass("drop-target-test", 0)


def test_the_file_dialogs_cancel_unless_a_chooser_answers() -> None:
    with pytest.raises(pywintypes.error) as caught:
        win32gui.GetOpenFileNameW(Title="Open", Filter="Text\0*.txt\0")
    assert caught.value.winerror == 0
    assert win32gui.CommDlgExtendedError() == 0
    asked: list[messages.FileDialogRequest] = []

    def choose(request: messages.FileDialogRequest) -> str:
        asked.append(request)
        return "/tmp/chosen.txt"

    messages.set_file_dialog_chooser(choose)
    try:
        assert win32gui.GetSaveFileNameW(Title="Save", Flags=2) == ("/tmp/chosen.txt", None, 2)
    finally:
        messages.set_file_dialog_chooser(None)
    assert asked[0].save
    assert asked[0].title == "Save"
    with pytest.raises(TypeError):
        win32gui.GetOpenFileNameW(Title=5)


def test_image_lists_count_their_images() -> None:
    images = win32gui.ImageList_Create(16, 16, win32gui.ILC_COLOR32 | win32gui.ILC_MASK, 0, 4)
    icon = win32gui.LoadIcon(0, 32512)  # IDI_APPLICATION
    assert win32gui.ImageList_ReplaceIcon(images, -1, icon) == 0
    assert win32gui.ImageList_ReplaceIcon(images, -1, icon) == 1
    bitmap = win32gui.CreateBitmap(48, 16, 1, 32, None)
    assert win32gui.ImageList_Add(images, bitmap, 0) == 2
    assert win32gui.ImageList_GetImageCount(images) == 5
    win32gui.ImageList_Remove(images, 0)
    assert win32gui.ImageList_GetImageCount(images) == 4
    with pytest.raises(pywintypes.error):
        win32gui.ImageList_Remove(images, 9)
    made = win32gui.ImageList_GetIcon(images, 0, 0)
    win32gui.DestroyIcon(made)
    assert win32gui.ImageList_SetBkColor(images, 0xFFFFFF) == win32gui.CLR_NONE
    win32gui.ImageList_Remove(images, -1)
    assert win32gui.ImageList_GetImageCount(images) == 0
    win32gui.ImageList_Destroy(images)
    with pytest.raises(pywintypes.error):
        win32gui.ImageList_Destroy(images)
    assert win32gui.ImageList_GetImageCount(images) == 0
    win32gui.DeleteObject(bitmap)


def test_win32gui_carries_message_box_and_the_headless_helpers() -> None:
    assert win32gui.MessageBox is win32api.MessageBox
    assert win32gui.MessageBeep is win32api.MessageBeep
    win32gui.InitCommonControlsEx(0xFF)
    hwnd = win32gui.GetDesktopWindow()
    assert win32gui.DragDetect(hwnd, (1, 1)) == 0
    with pytest.raises(pywintypes.error):
        win32gui.DragDetect(12345678, (1, 1))
