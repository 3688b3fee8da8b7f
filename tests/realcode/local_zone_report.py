"""Report the machine's time zone and the time now, as support scripts do with pywin32.

Source: pywin32's documentation of ``win32api.GetTimeZoneInformation(times_as_tuples)``
(``(rc, (bias, standardName, standardTime, standardBias, daylightName, daylightTime,
daylightBias))``) and of ``win32timezone`` (``TimeZoneInfo.local()``, ``utcnow()``, ``now()``,
``TimeZoneInfo.utc()``), and the scripts that print them in a diagnostic report. Rewritten
with those calls. The machine's zone varies, so its shape and the relations between the
values are printed, and UTC's fixed facts.
"""

import datetime

import win32api
import win32timezone

rc, tzi = win32api.GetTimeZoneInformation(True)
print("rc is a TIME_ZONE_ID_*:", rc in (0, 1, 2))
print("fields:", len(tzi), [type(x).__name__ for x in tzi])
bias, standard_name, standard_date, standard_bias, daylight_name, daylight_date, daylight_bias = tzi
print("date tuples:", len(standard_date), len(daylight_date))
local = win32timezone.TimeZoneInfo.local()
print("local zone type:", type(local).__name__)
offset = datetime.datetime.now(local).utcoffset()
print(
    "offset agrees with the bias:",
    offset
    in (
        datetime.timedelta(minutes=-(bias + standard_bias)),
        datetime.timedelta(minutes=-(bias + daylight_bias)),
    ),
)
utc_now = win32timezone.utcnow()
local_now = win32timezone.now()
print("utcnow zone:", repr(utc_now.tzinfo), utc_now.tzname(), utc_now.utcoffset())
print("now and utcnow agree:", abs(local_now - utc_now) < datetime.timedelta(seconds=5))
print("utc str:", str(win32timezone.TimeZoneInfo.utc()))
report = utc_now.replace(year=2024, month=2, day=29, hour=23, minute=59, second=58, microsecond=0)
print("report stamp:", report.strftime("%Y-%m-%d %H:%M:%S %Z"), report.isoformat())
print("a day later:", (report + datetime.timedelta(days=1)).strftime("%a %d %b %Y"))
