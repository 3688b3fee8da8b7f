"""Dump a file's times from every pywin32 call that gives them, and agree on each.

Source: pywin32 scripts that print a file's details (search "GetFileInformationByHandle
ftCreationTime pywin32", "GetFileInformationByHandleEx FileBasicInfo"): ``CreateFile``,
``GetFileInformationByHandle`` (the BY_HANDLE_FILE_INFORMATION tuple: attributes, three times,
volume serial, size and index halves, links), ``GetFileInformationByHandleEx`` with
``FileBasicInfo`` (a dict with ``ChangeTime``), ``win32api.FindFiles`` and
``GetFileAttributesEx``, each time shown in another zone with ``astimezone`` of a
``win32timezone.TimeZoneInfo``. Rewritten with those calls; the file's times are set first.
"""

import datetime
import os
import tempfile

import win32api
import win32file
import win32timezone

UTC = datetime.timezone.utc
path = os.path.join(tempfile.mkdtemp(), "report.csv")
with open(path, "wb") as f:
    f.write(b"a,b\r\n1,2\r\n")

h = win32file.CreateFile(
    path,
    win32file.GENERIC_READ | win32file.GENERIC_WRITE,
    0,
    None,
    win32file.OPEN_EXISTING,
    0,
    None,
)
created = datetime.datetime(2019, 3, 10, 6, 30, tzinfo=UTC)
written = datetime.datetime(2019, 11, 3, 5, 30, 0, 123000, tzinfo=UTC)
win32file.SetFileTime(h, created, written, written)
info = win32file.GetFileInformationByHandle(h)
print("by handle:", len(info), "size", info[5] * 2**32 + info[6], "links", info[7])
basic = win32file.GetFileInformationByHandleEx(h, win32file.FileBasicInfo)
print("basic keys:", sorted(basic))
h.Close()

found = win32api.FindFiles(path)[0]
attrs = win32file.GetFileAttributesEx(path)
eastern = win32timezone.TimeZoneInfo("Eastern Standard Time")
for label, values in (
    ("created", (info[1], basic["CreationTime"], found[1], attrs[1])),
    ("written", (info[3], basic["LastWriteTime"], found[3], attrs[3])),
):
    first = values[0]
    print(label, first, "| all agree:", all(v == first for v in values))
    there = first.astimezone(eastern)
    print("  in New York:", there.strftime("%Y-%m-%d %H:%M:%S"), there.tzname(), there.utcoffset())
    print("  back to UTC:", there.astimezone(win32timezone.TimeZoneInfo.utc()) == first)
print("change time is recent:", basic["ChangeTime"] > written)
