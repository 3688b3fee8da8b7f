"""Read the dates of mail items through COM and show them as the wall-clock times they are.

Source: pywin32 issue #1760 ("Datetimes retrieved seem to not have their timezones set
correctly", Outlook ``MailItem.ModificationTime``) and the scripts it answers, which read
``ReceivedTime``/``ModificationTime``, drop the zone with ``.replace(tzinfo=None)``, format
with ``strftime`` and ``str(...)[0:4]``, sort by date and compare with a cutoff. Outlook is
replaced by a small Python COM server (``win32com.server.util.wrap``) whose items return the
same kind of dates; everything after ``Dispatch`` is as those scripts do it.
"""

import datetime

import pythoncom
import win32com.client
import win32com.server.util


class MailItem:
    _public_methods_ = ["Touch"]
    _public_attrs_ = ["Subject", "ReceivedTime", "ModificationTime"]

    def __init__(self, subject, received):
        self.Subject = subject
        self.ReceivedTime = received
        self.ModificationTime = received + datetime.timedelta(minutes=5)

    def Touch(self, when):
        self.ModificationTime = when
        return "%s aware=%s" % (type(when).__name__, when.tzinfo is not None)  # noqa: UP031


UTC = datetime.timezone.utc
raw = [
    MailItem("quarterly report", datetime.datetime(2021, 9, 16, 9, 30, 15, tzinfo=UTC)),
    MailItem("lunch?", datetime.datetime(2021, 9, 15, 12, 0, 0, 250000, tzinfo=UTC)),
    MailItem("build failed", datetime.datetime(2021, 9, 17, 23, 59, 59, tzinfo=UTC)),
]
items = [win32com.client.Dispatch(win32com.server.util.wrap(item)) for item in raw]

for email in items:
    received = email.ReceivedTime
    received_year = str(received)[0:4]
    received_month = str(received)[5:7]
    received_day = str(received)[8:10]
    print(email.Subject, "|", received, "|", received_year, received_month, received_day)
    print("  type:", type(received).__name__, "zone:", received.tzinfo)
    naive = received.replace(tzinfo=None)
    print("  naive:", naive, naive.strftime("%d/%m/%Y %H:%M"))
    print("  modified after received:", email.ModificationTime > received)

newest = sorted(items, key=lambda e: e.ReceivedTime, reverse=True)
print("newest first:", [e.Subject for e in newest])
cutoff = datetime.datetime(2021, 9, 16, tzinfo=UTC)
print("since cutoff:", [e.Subject for e in items if e.ReceivedTime >= cutoff])
try:
    print([e.Subject for e in items if e.ReceivedTime >= datetime.datetime(2021, 9, 16)])
except TypeError as exc:
    print("naive cutoff:", exc)

print("server got:", items[0].Touch(items[1].ReceivedTime + datetime.timedelta(days=1)))
print("modified now:", items[0].ModificationTime)
print(
    "as pywintypes time:",
    items[0].ModificationTime == pythoncom.MakeTime(items[0].ModificationTime),
)
