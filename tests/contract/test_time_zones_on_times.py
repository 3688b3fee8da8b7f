"""Contract: the times pywin32 gives carry win32timezone's UTC, in every year.

File times, process times, COM dates (VT_DATE) and a stream's STATSTG dates are aware
datetimes whose tzinfo is ``win32timezone.TimeZoneInfo('GMT Standard Time', True)`` (pywin32
asks ``TimeZoneInfo.utc()`` for it): its repr, ``tzname()`` and ``%Z`` show it, and it is UTC
in every year, 1601 and 1960 too (GMT's rule has no years of its own: a year before Windows'
tables takes the zone's rule, and with standard time fixed GMT is +0 all year). A naive
datetime a program passes in is local time, as ``astimezone`` reads it.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from typing import Any, ClassVar

import pytest
import pythoncom
import win32api
import win32con
import win32file
import win32process
import win32timezone

UTC = datetime.timezone.utc
ZERO = datetime.timedelta(0)
ZONE = "TimeZoneInfo('GMT Standard Time', True)"


def assert_utc_face(value: Any) -> None:
    """``value`` is a pywintypes time in win32timezone's UTC."""
    assert isinstance(value, datetime.datetime)
    assert isinstance(value.tzinfo, win32timezone.TimeZoneInfo)
    assert repr(value.tzinfo) == ZONE
    assert repr(value).endswith(f"tzinfo={ZONE})")
    assert value.tzname() == "GMT Standard Time"
    assert value.strftime("%Z|%z") == "GMT Standard Time|+0000"
    assert (value.utcoffset(), value.dst()) == (ZERO, ZERO)
    assert value.isoformat().endswith("+00:00")
    later = value + datetime.timedelta(hours=1)
    assert repr(later.tzinfo) == ZONE
    assert later - value == datetime.timedelta(hours=1)
    assert value == value.astimezone(UTC)
    assert hash(value) == hash(value.astimezone(UTC))


@pytest.fixture
def path() -> str:
    folder = tempfile.mkdtemp()
    name = os.path.join(folder, "times.txt")
    with open(name, "w") as file:
        file.write("x")
    return name


@pytest.mark.parametrize(
    "when",
    [
        datetime.datetime(2020, 7, 4, 5, 6, 7, 890000, tzinfo=UTC),
        datetime.datetime(1960, 7, 4, 5, 6, 7, tzinfo=UTC),
    ],
    ids=["2020", "1960"],  # Linux file systems (and Wine's on them) stop at 1901
)
def test_file_times_carry_it_in_every_year(path: str, when: datetime.datetime) -> None:
    handle = win32file.CreateFile(
        path, win32con.GENERIC_READ | win32con.GENERIC_WRITE, 7, None, win32con.OPEN_EXISTING, 0,
        None,
    )  # fmt: skip
    try:
        win32file.SetFileTime(handle, when, when, when)
        times = [
            win32file.GetFileTime(handle)[2],
            win32file.GetFileInformationByHandle(handle)[3],
        ]
    finally:
        handle.Close()
    times.append(win32file.GetFileAttributesEx(path)[3])
    times.append(win32file.FindFilesW(path)[0][3])
    times.append(win32api.FindFiles(path)[0][3])
    for value in times:
        assert_utc_face(value)
        assert value == when
        assert (value.year, value.hour, value.microsecond) == (
            when.year,
            when.hour,
            when.microsecond,
        )
        assert value.timestamp() == when.timestamp()


def test_process_times_carry_it() -> None:
    times = win32process.GetProcessTimes(win32api.GetCurrentProcess())
    assert_utc_face(times["CreationTime"])
    assert_utc_face(times["ExitTime"])  # FILETIME 0 while the process runs: 1601
    assert times["ExitTime"] == datetime.datetime(1601, 1, 1, tzinfo=UTC)
    assert isinstance(times["KernelTime"], int)


class Echo:
    _public_methods_: ClassVar[list[str]] = ["Echo"]

    def Echo(self, value: object) -> object:  # noqa: N802 - a COM name
        return value


def test_com_dates_carry_it_and_read_naive_dates_as_local_time() -> None:
    import win32com.client
    import win32com.server.util

    echo = win32com.client.Dispatch(win32com.server.util.wrap(Echo()))
    aware = echo.Echo(datetime.datetime(2020, 1, 2, 3, 4, 5, 678900, tzinfo=UTC))
    assert_utc_face(aware)
    assert aware == datetime.datetime(2020, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
    old = echo.Echo(datetime.datetime(1960, 7, 4, 5, 6, 7, tzinfo=UTC))
    assert_utc_face(old)
    assert old == datetime.datetime(1960, 7, 4, 5, 6, 7, tzinfo=UTC)
    naive = datetime.datetime(2020, 7, 2, 3, 4, 5)
    assert echo.Echo(naive) == naive.astimezone(UTC)  # local time
    assert_utc_face(echo.Echo(aware))  # a date that came back goes again as itself


def test_a_streams_dates_carry_it() -> None:
    stream = pythoncom.CreateStreamOnHGlobal()
    stream.Write(b"abc")
    stat = stream.Stat()
    for value in stat[3:6]:
        assert_utc_face(value)


def test_win32timezones_utc_is_utc_before_windows_tables() -> None:
    utc = win32timezone.TimeZoneInfo.utc()
    assert repr(utc) == ZONE
    assert utc is win32timezone.TimeZoneInfo.utc()
    assert utc == win32timezone.TimeZoneInfo("GMT Standard Time", True)
    for year in (1601, 1900, 1960, 1970, 1971, 2000, 2024, 9999):
        for month in (1, 7):
            when = datetime.datetime(year, month, 1, 12, tzinfo=utc)
            assert (when.utcoffset(), when.dst(), when.tzname()) == (ZERO, ZERO, utc.standardName)
    gmt = win32timezone.TimeZoneInfo("GMT Standard Time")
    assert getattr(gmt, "dynamicInfo", None) is None  # its rule never changed in the tables
    assert gmt.getWinInfo(1601).bias == ZERO
    summer = datetime.datetime(1960, 7, 1, 12, tzinfo=gmt)
    assert (summer.utcoffset(), summer.tzname()) == (
        datetime.timedelta(hours=1),
        "GMT Daylight Time",
    )
    assert datetime.datetime(1970, 1, 1, 12, tzinfo=gmt).utcoffset() == ZERO
