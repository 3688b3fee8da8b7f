"""Convert times between named Windows time zones with win32timezone, as schedulers do.

Source: public GitHub scripts and answers using pywin32's ``win32timezone`` (``TimeZoneInfo(
"Eastern Standard Time")``, ``TimeZoneInfo.utc()``, ``datetime.datetime(..., tzinfo=tz)``,
``astimezone``, ``utcoffset``, ``dst``, ``tzname``, ``TimeZoneInfo.get_all_time_zones()`` and
``get_sorted_time_zone_names``), rewritten with those calls. The local zone differs from
machine to machine, so only named zones are printed, at fixed dates around daylight saving.
All the zones are listed last: under Wine this second listing (``get_sorted_time_zone_names``
made the first) does not finish in 150 s;
Windows lists them at once, Tokyo among them, as the expected output holds.
"""

import datetime

import win32timezone


def main():
    eastern = win32timezone.TimeZoneInfo("Eastern Standard Time")
    berlin = win32timezone.TimeZoneInfo("W. Europe Standard Time")
    tokyo = win32timezone.TimeZoneInfo("Tokyo Standard Time")
    utc = win32timezone.TimeZoneInfo.utc()
    print("repr:", repr(eastern))
    print("str:", str(eastern), "|", str(utc))
    for when in (datetime.datetime(2023, 1, 15, 12, 0), datetime.datetime(2023, 7, 15, 12, 0)):
        local = when.replace(tzinfo=eastern)
        print(when.date(), "offset", local.utcoffset(), "dst", local.dst(), "name", local.tzname())
        print(
            "  in Berlin:",
            local.astimezone(berlin).strftime("%Y-%m-%d %H:%M"),
            local.astimezone(berlin).tzname(),
        )
        print(
            "  in Tokyo:",
            local.astimezone(tokyo).strftime("%Y-%m-%d %H:%M"),
            "utc:",
            local.astimezone(utc).strftime("%H:%M"),
        )
    # The night the clocks go forward in the USA in 2023 (March 12, 2 AM).
    for hour in (1, 3):
        print(
            f"march 12 {hour}:00 offset",
            datetime.datetime(2023, 3, 12, hour, tzinfo=eastern).utcoffset(),
        )
    print("Tokyo has no DST:", tokyo.dst(datetime.datetime(2023, 7, 1)))
    names = win32timezone.TimeZoneInfo.get_sorted_time_zone_names()
    print(
        "sorted names are str:",
        all(isinstance(n, str) for n in names),
        "has Eastern:",
        "Eastern Standard Time" in names,
    )
    now = datetime.datetime.now(tz=utc)
    print("now in UTC has offset:", now.utcoffset())
    try:
        win32timezone.TimeZoneInfo("Nowhere Standard Time")
    except Exception as error:
        print("unknown zone:", type(error).__name__)

    zones = win32timezone.TimeZoneInfo.get_all_time_zones()
    print("all zones include Tokyo:", any(z.timeZoneName == "Tokyo Standard Time" for z in zones))


if __name__ == "__main__":
    main()
