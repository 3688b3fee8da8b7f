"""A poor man's stopwatch and alarm: GetTickCount around Sleep, then Beep and MessageBeep.

Source: public GitHub scripts ("win32api.Beep(freq, duration)" alarms and
"start = win32api.GetTickCount() ... win32api.Sleep(ms)" timers; search "win32api Beep
MessageBeep GetTickCount Sleep"), rewritten with their calls and their order: the tick count
before and after ``Sleep``, the elapsed milliseconds checked against the asked delay,
``Beep(frequency, ms)`` for a few notes, ``MessageBeep(MB_ICONASTERISK)``, ``MessageBeep()``.
and the error of a frequency out of range.
"""

import win32api
import win32con


def wait(ms):
    start = win32api.GetTickCount()
    result = win32api.Sleep(ms)
    elapsed = win32api.GetTickCount() - start
    return result, elapsed


def main():
    t = win32api.GetTickCount()
    print("tick count is int:", type(t).__name__, t > 0)
    result, elapsed = wait(120)
    print("Sleep returns:", result)
    print("elapsed at least asked:", elapsed >= 100, "and under a second:", elapsed < 1000)
    print("Sleep(0) returns:", win32api.Sleep(0))
    print("SleepEx alertable returns:", win32api.SleepEx(10, True))
    for freq in (440, 880):
        print("Beep", freq, "->", win32api.Beep(freq, 20))
    print("MessageBeep asterisk ->", win32api.MessageBeep(win32con.MB_ICONASTERISK))
    print("MessageBeep default ->", win32api.MessageBeep())
    print("MessageBeep OK ->", win32api.MessageBeep(win32con.MB_OK))


main()
