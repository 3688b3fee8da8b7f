"""Run pywin32's ``win32gui_taskbar.py``, unchanged, with a user clicking its tray icon.

Run by ``test_pywin32_files.test_taskbar_demo_takes_clicks`` with ``python -m apartment run``.
The demo adds a notification-area icon and pumps messages. A thread of this driver waits
(without polling) until the icon is there, then does what a user would: a left click (the
demo prints "You clicked me."), a right click whose popup menu picks "Say Hello" (it prints
"Hello"), and a right click whose menu picks "Exit program" (it prints "Goodbye", destroys its
window, deletes its icon and ends its message loop). The menu picks are queued for the demo's
TrackPopupMenu calls, which take them in order.
"""

from __future__ import annotations

import runpy
import sys
import threading

import win32con

from apartment import messages

SAY_HELLO = 1024
EXIT_PROGRAM = 1025


def click(failures: list[str]) -> None:
    icon = messages.wait_for_notify_icon(timeout=60)
    if icon is None:
        failures.append("the demo added no icon")
        return
    messages.queue_menu_choice(SAY_HELLO)
    messages.queue_menu_choice(EXIT_PROGRAM)
    for event in (win32con.WM_LBUTTONUP, win32con.WM_RBUTTONUP, win32con.WM_RBUTTONUP):
        messages.click_notify_icon(icon.hwnd, icon.uid, event)


def main() -> None:
    failures: list[str] = []
    user = threading.Thread(target=click, args=(failures,))
    user.start()
    runpy.run_path(sys.argv[1], run_name="__main__")
    user.join()
    print(*failures or ["the demo ended"], sep="\n")
    print("icons left:", len(messages.notify_icons()))


main()
