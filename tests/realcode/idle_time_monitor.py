"""How long the user has been idle: GetTickCount minus the last input's tick, as idle watchers do.

Source: public GitHub files fogleman/FeedNotifier ``idle.py`` and n1nj4sec/pupy
``uidle.py`` (``get_idle_duration``: the last input's tick from GetLastInputInfo, taken from
GetTickCount, in seconds), in their pywin32 form: ``win32api.GetLastInputInfo()`` and
``win32api.GetTickCount()``; the watcher's ``while True`` loop with ``time.sleep(1)`` becomes
three rounds of a tenth of a second. No one touches the keyboard, so the idle time only grows;
its size depends on the machine, so the program prints what it can rely on.
"""

import time

import win32api


def get_idle_duration():
    millis = win32api.GetTickCount() - win32api.GetLastInputInfo()
    return millis / 1000.0


def main():
    last = win32api.GetLastInputInfo()
    print("types:", type(last).__name__, type(win32api.GetTickCount()).__name__)
    print("last input not after now:", 0 <= last <= win32api.GetTickCount())
    previous = get_idle_duration()
    for _ in range(3):
        time.sleep(0.1)
        duration = get_idle_duration()
        print(
            "User idle grows:",
            duration >= previous + 0.05,
            "and is a float:",
            isinstance(duration, float),
        )
        previous = duration
    print("same last input:", win32api.GetLastInputInfo() == last)
    print("idle at least 0.3 s:", previous >= 0.3)


if __name__ == "__main__":
    main()
