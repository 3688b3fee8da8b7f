"""Read the system clock as a SYSTEMTIME tuple, print it, and try to move it back a second.

Source: the GitHub repository Humakt83/SystemTimeChanges (SystemTimeTest.py), rewritten for
Python 3 with its calls and their order: ``win32api.GetSystemTime()``, a ``printTime`` that
joins the tuple's fields (year-month-day hour:minute:second.millisecond, skipping the day of
the week), the fields of one second earlier, and ``win32api.SetSystemTime`` with the eight
fields, in an endless loop with ``time.sleep(1)`` (here: once). The clock's value varies, so
the shape and the agreement with ``datetime`` are printed.

Without SeSystemtimePrivilege enabled Windows refuses with ERROR_PRIVILEGE_NOT_HELD (1314),
as Wine and we do; Wine's text for 1314 is "Privilege not held.", Windows' (and ours, and the
expected output's) "A required privilege is not held by the client.".
"""

import datetime

import win32api


class SystemTimeTest:
    def run(self):
        self.changeSystemTime()

    def changeSystemTime(self):
        tt = win32api.GetSystemTime()
        print("System time before change:")
        self.printTime(tt)
        hour = tt[4]
        minute = tt[5]
        second = tt[6] - 1
        if second < 0:
            minute = minute + 1
            if minute > 59:
                minute = 0
                hour = hour + 1
            second = 59
        try:
            win32api.SetSystemTime(tt[0], tt[1], tt[2], tt[3], hour, minute, second, 500)
            print("System time after change:")
        except win32api.error as excpt:
            print("SetSystemTime refused:", excpt.winerror, excpt.funcname, excpt.strerror)

    def printTime(self, timeTuple):
        tt = list(map(str, timeTuple))
        text = (
            ""
            + tt[0]
            + "-"
            + tt[1]
            + "-"
            + tt[3]
            + " "
            + tt[4]
            + ":"
            + tt[5]
            + ":"
            + tt[6]
            + "."
            + tt[7]
        )
        print("  printed fields:", len(text.split("-")), len(text.split(":")), "." in text)
        now = datetime.datetime.now(datetime.timezone.utc)
        year, month, _, day, hour, minute, second, _ = timeTuple
        when = datetime.datetime(
            year, month, day, hour, minute, second, tzinfo=datetime.timezone.utc
        )
        print(
            "  tuple length:", len(timeTuple), "all ints:", all(type(x) is int for x in timeTuple)
        )
        print("  within 5 s of datetime:", abs((now - when).total_seconds()) < 5)
        print("  day of week (Sunday 0) agrees:", timeTuple[2] == (when.weekday() + 1) % 7)
        print("  milliseconds in range:", 0 <= timeTuple[7] < 1000)
        local = win32api.GetLocalTime()
        print("  local time tuple:", len(local), all(type(x) is int for x in local))


if __name__ == "__main__":
    timeTest = SystemTimeTest()
    try:
        timeTest.run()
    except Exception as excpt:
        print(excpt)
