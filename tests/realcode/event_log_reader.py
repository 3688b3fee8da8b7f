"""Write an entry to the Application log and read the log back, newest first, as log scrapers do.

Source: the classic pywin32 event-log reader (ActiveState recipe and many GitHub copies:
``OpenEventLog(server, "Application")``, ``GetNumberOfEventLogRecords``, then ``while True:
events = ReadEventLog(hand, EVENTLOG_BACKWARDS_READ | EVENTLOG_SEQUENTIAL_READ, 0)``, stopping
at an empty read, each record's ``SourceName``, ``EventID``, ``EventType``, ``EventCategory``,
``TimeGenerated`` and ``StringInserts``; ``CloseEventLog``) and the writer of
``win32evtlogutil.ReportEvent(appName, eventID, eventCategory, eventType, strings)``. A log's
other entries differ from machine to machine: the program prints its own entry and the shape.
Where Wine is not Windows: Wine's event log keeps nothing (ReportEvent succeeds, the log stays
empty, so Wine prints "records counted: False" and fails to find the entry); Windows keeps
the entry, and the expected output holds Windows' answer.
"""

import time

import pywintypes
import win32evtlog
import win32evtlogutil

APP = "RcLogReader"


def main():
    started = time.time()
    win32evtlogutil.ReportEvent(
        APP,
        7001,
        eventCategory=3,
        eventType=win32evtlog.EVENTLOG_WARNING_TYPE,
        strings=["disk nearly full", "C:"],
    )
    hand = win32evtlog.OpenEventLog(None, "Application")
    total = win32evtlog.GetNumberOfEventLogRecords(hand)
    print("records counted:", isinstance(total, int) and total >= 1)
    flags = win32evtlog.EVENTLOG_BACKWARDS_READ | win32evtlog.EVENTLOG_SEQUENTIAL_READ
    mine = []
    read = 0
    while True:
        events = win32evtlog.ReadEventLog(hand, flags, 0)
        if not events:
            break
        for event in events:
            read += 1
            if event.SourceName == APP:
                mine.append(event)
    print("read them all:", read == total)
    event = mine[0]
    print(
        "source:",
        event.SourceName,
        "id:",
        event.EventID & 0xFFFF,
        "type:",
        event.EventType,
        "category:",
        event.EventCategory,
    )
    print("inserts:", event.StringInserts)
    print(
        "time type:",
        type(event.TimeGenerated).__name__,
        isinstance(event.TimeGenerated, pywintypes.TimeType),
    )
    print("recent:", abs(event.TimeGenerated.timestamp() - started) < 120)
    print("record number is an int:", isinstance(event.RecordNumber, int))
    win32evtlog.CloseEventLog(hand)


if __name__ == "__main__":
    main()
