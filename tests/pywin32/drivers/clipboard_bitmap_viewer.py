"""Run pywin32's ``win32clipboard_bitmapdemo.py``, unchanged, with a bitmap on the clipboard.

Run by ``test_pywin32_files.test_clipboard_bitmap_demo_paints_the_clipboard`` with
``python -m apartment run``. The demo is a clipboard viewer that paints the clipboard's
CF_BITMAP stretched over its window. This driver puts a red 4 x 4 bitmap on the clipboard
first (the demo's first WM_PAINT reads it: an empty clipboard would fail its GetClipboardData
before its EndPaint), and, from a thread, once the demo waits for messages (its painting is
done: WM_PAINT comes before a wait), reads a pixel of its window and closes it as a user
would (WM_CLOSE).
"""

from __future__ import annotations

import runpy
import sys
import threading

import win32api
import win32clipboard
import win32con
import win32gui

from apartment.testing import wait_until_blocked

RED = win32api.RGB(255, 0, 0)


def put_a_red_bitmap() -> None:
    screen = win32gui.GetDC(0)
    dc = win32gui.CreateCompatibleDC(screen)
    bitmap = win32gui.CreateCompatibleBitmap(screen, 4, 4)
    old = win32gui.SelectObject(dc, bitmap)
    brush = win32gui.CreateSolidBrush(RED)
    win32gui.FillRect(dc, (0, 0, 4, 4), brush)
    win32gui.DeleteObject(brush)
    win32gui.SelectObject(dc, old)
    win32gui.DeleteDC(dc)
    win32gui.ReleaseDC(0, screen)
    win32clipboard.OpenClipboard()
    win32clipboard.EmptyClipboard()
    win32clipboard.SetClipboardData(win32con.CF_BITMAP, bitmap.Detach())  # the clipboard's now
    win32clipboard.CloseClipboard()


def look_and_close(main: int, seen: list[str]) -> None:
    wait_until_blocked(main, timeout=60)
    hwnd = win32gui.FindWindow("test_win32clipboard_bmp", "ClipboardViewer")
    dc = win32gui.GetDC(hwnd)
    left, top, right, bottom = win32gui.GetClientRect(hwnd)
    corners = {win32gui.GetPixel(dc, x, y) for x in (left, right - 1) for y in (top, bottom - 1)}
    win32gui.ReleaseDC(hwnd, dc)
    seen.append("the window shows the clipboard's bitmap" if corners == {RED} else str(corners))
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)


def main() -> None:
    put_a_red_bitmap()
    seen: list[str] = []
    user = threading.Thread(target=look_and_close, args=(threading.get_native_id(), seen))
    user.start()
    runpy.run_path(sys.argv[1], run_name="__main__")
    user.join()
    print(*seen, "the demo ended", sep="\n")


main()
