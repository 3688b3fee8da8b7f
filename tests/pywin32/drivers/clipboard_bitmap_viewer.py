"""Run pywin32's ``win32clipboard_bitmapdemo.py``, unchanged, with a bitmap on the clipboard.

Run by ``test_pywin32_files.test_clipboard_bitmap_demo_paints_the_clipboard`` with
``python -m apartment run``. The demo is a clipboard viewer that paints the clipboard's
CF_BITMAP stretched over its window. This driver puts a red 4 x 4 bitmap on the clipboard
first (the demo's first WM_PAINT reads it: an empty clipboard would fail its GetClipboardData
before its EndPaint), and, from a thread, once the demo waits for messages (its painting is
done: WM_PAINT comes before a wait), closes its window as a user would (WM_CLOSE). Window
contexts keep no pixels here, so the driver watches the demo's StretchBlt calls instead (it
wraps win32gui.StretchBlt, which the demo looks up at each call): each paint stretches the
clipboard's 4 x 4 bitmap over the window's client area.
"""

from __future__ import annotations

import runpy
import sys
import threading
from typing import Any

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


def watch_stretches(seen: list[str]) -> None:
    stretch = win32gui.StretchBlt

    def watched(*args: Any) -> Any:
        dest, src = args[3:5], args[8:10]
        source = win32gui.GetPixel(args[5], 0, 0)
        colour = "red" if source == RED else hex(source)
        seen.append(f"painted a {colour} {src[0]} x {src[1]} bitmap over {dest[0]} x {dest[1]}")
        return stretch(*args)

    win32gui.StretchBlt = watched


def close(main: int, seen: list[str]) -> None:
    wait_until_blocked(main, timeout=60)
    hwnd = win32gui.FindWindow("test_win32clipboard_bmp", "ClipboardViewer")
    left, top, right, bottom = win32gui.GetClientRect(hwnd)
    seen.append(f"its client area: {right - left} x {bottom - top}")
    win32gui.PostMessage(hwnd, win32con.WM_CLOSE, 0, 0)


def main() -> None:
    put_a_red_bitmap()
    seen: list[str] = []
    watch_stretches(seen)
    user = threading.Thread(target=close, args=(threading.get_native_id(), seen))
    user.start()
    runpy.run_path(sys.argv[1], run_name="__main__")
    user.join()
    print(*seen, "the demo ended", sep="\n")


main()
