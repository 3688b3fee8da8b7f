"""Run pywin32's ``desktopmanager.py``, unchanged, with a user picking Exit in its tray menu.

Run by ``test_pywin32_files.test_desktop_manager_demo_exits_from_its_menu`` with
``python -m apartment run``. The demo "creates" the desktop it is on (CreateDesktop opens an
existing one), starts a thread that waits for the taskbar (Shell_TrayWnd), adds a tray icon
and pumps messages, while its main thread waits (1 s sleeps) for the icon, then polls every
3 s until the icon is gone; an icon that comes and goes within its first second leaves it
waiting for ever, so the user clicks once the demo has settled in its polling loop (the
driver wraps win32gui.PumpWaitingMessages, which that loop calls first). A thread of this
driver waits (without polling) until the icon is there and the loop runs, then does what a
user would:
a left click, whose popup menu (one item per desktop, "Create new ...", "Exit") returns Exit
(TPM_RETURNCMD); the demo deletes its icon, switches back to its desktop and ends its loop.
It prints the menu it was shown.
"""

from __future__ import annotations

import runpy
import sys
import threading

import win32con
import win32gui

from apartment import messages


def pick_exit(polling: threading.Event, failures: list[str], shown: list[str]) -> None:
    icon = messages.wait_for_notify_icon(timeout=60)
    polling.wait(60)
    if icon is None:
        failures.append("the demo added no icon")
        return

    def choose(menu: int, owner: int) -> int:
        count = messages.menu_item_count(menu)
        items = [messages.menu_item(menu, index, True) for index in range(count)]
        shown.extend(item.text or "" for item in items)
        return items[-1].id  # Exit

    messages.set_menu_chooser(choose)
    messages.click_notify_icon(icon.hwnd, icon.uid, win32con.WM_LBUTTONDOWN)


def main() -> None:
    failures: list[str] = []
    shown: list[str] = []
    polling = threading.Event()
    pump = win32gui.PumpWaitingMessages

    def pump_and_tell(*args: int) -> int:
        polling.set()
        result: int = pump(*args)
        return result

    win32gui.PumpWaitingMessages = pump_and_tell
    user = threading.Thread(target=pick_exit, args=(polling, failures, shown))
    user.start()
    runpy.run_path(sys.argv[1], run_name="__main__")
    user.join()
    print("menu:", shown)
    print(*failures or ["the demo ended"], sep="\n")
    print("icons left:", len(messages.notify_icons()))


main()
