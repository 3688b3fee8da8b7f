"""Poll the keyboard with GetAsyncKeyState until Escape is pressed, as small macro tools do.

Source: public GitHub macro and auto-clicker scripts (a ``while True`` loop over
``win32api.GetAsyncKeyState(win32con.VK_ESCAPE)`` tested with ``& 0x8000`` to stop, ``GetKeyState``
for a toggle key, ``time.sleep(0.01)`` between polls; the keys pressed for the user with
``win32api.keybd_event(vk, 0, 0, 0)`` and ``KEYEVENTF_KEYUP``), rewritten with those calls
in that order. The driver is a thread that presses F8 then Escape with keybd_event (no one
is at the keyboard); the idle watcher's GetLastInputInfo moves with that input.
"""

import threading
import time

import win32api
import win32con

pressed = threading.Event()


def tap(vk):
    win32api.keybd_event(vk, 0, 0, 0)
    time.sleep(0.05)
    win32api.keybd_event(vk, 0, win32con.KEYEVENTF_KEYUP, 0)


def user():
    tap(win32con.VK_F8)
    pressed.wait(30)
    win32api.keybd_event(win32con.VK_ESCAPE, 0, 0, 0)


def main():
    before = win32api.GetLastInputInfo()
    print("escape up before:", win32api.GetAsyncKeyState(win32con.VK_ESCAPE) & 0x8000 == 0)
    t = threading.Thread(target=user)
    t.start()
    seen_f8 = False
    polls = 0
    end = time.time() + 30
    while time.time() < end:
        polls += 1
        if not seen_f8 and win32api.GetAsyncKeyState(win32con.VK_F8):
            seen_f8 = True
            pressed.set()
        if win32api.GetAsyncKeyState(win32con.VK_ESCAPE) & 0x8000:
            break
        time.sleep(0.01)
    print("F8 seen:", seen_f8, "escape stopped the loop:", time.time() < end)
    t.join(30)
    print("input moved the idle clock:", win32api.GetLastInputInfo() != before)
    win32api.keybd_event(win32con.VK_ESCAPE, 0, win32con.KEYEVENTF_KEYUP, 0)
    print("escape up after:", win32api.GetAsyncKeyState(win32con.VK_ESCAPE) & 0x8000 == 0)
    print("GetKeyState is an int:", isinstance(win32api.GetKeyState(win32con.VK_CAPITAL), int))


if __name__ == "__main__":
    main()
