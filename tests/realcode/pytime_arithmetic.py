"""Timestamps as pywintypes.Time: build, compare, add, format, convert.

Source: public GitHub scripts that handle ``PyTime`` values from event logs, file times and
Outlook (search "pywintypes.Time timedelta Format"), rewritten with their calls and their
order: ``pywintypes.Time`` from a ``datetime``, from a timestamp and from a time tuple, the
``Format()`` of ``%c``-like patterns, arithmetic with ``datetime.timedelta``, comparison
with ``datetime``, ``timetuple()``, ``isoformat``, and ``win32timezone`` where a zone is
needed.
"""

import datetime
import time

import pywintypes


def main():
    d = datetime.datetime(2021, 3, 4, 5, 6, 7, 890000)
    same = pywintypes.Time(d)
    print("Time(datetime):", type(same).__name__, same is d, hasattr(same, "Format"))
    t = pywintypes.Time(time.mktime(d.timetuple())).replace(microsecond=890000)
    print("type name:", type(t).__name__, isinstance(t, datetime.datetime))
    print("fields:", t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond)
    print("Format default:", t.Format())
    print("Format pattern:", t.Format("%Y-%m-%d %H:%M:%S"))
    print("Format date:", t.Format("%d/%m/%Y"))
    later = t + datetime.timedelta(days=1, hours=2)
    print("plus delta:", type(later).__name__, later.Format("%Y-%m-%d %H:%M"))
    print("difference:", later - t)
    print("equal to datetime:", t == d)
    print("less than later:", t < later)
    tup = pywintypes.Time((2020, 1, 2, 3, 4, 5, 0, 0, 0))
    print("from tuple:", tup.Format("%Y-%m-%d %H:%M:%S"), tup.isoformat())
    print("tuple weekday field:", tup.timetuple()[:6])
    z = pywintypes.Time(0)
    print("from zero is a datetime:", isinstance(z, datetime.datetime))
    now = pywintypes.Time(time.time())
    print("now close to time.time:", abs(now.timestamp() - time.time()) < 5)
    print("replace:", t.replace(year=1999).Format("%Y"))
    print("repr startswith:", repr(t)[:21])
    print("str:", str(t))


main()
