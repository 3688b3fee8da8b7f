"""Write events for pywin32's Evt* demos, as another program would: ``evt_write_events.py N``.

Registers the source Microsoft-Windows-Winlogon under the System log (the demos' query asks
for it) and reports N events under it (the service-started message of pywin32's table, so
that EvtFormatMessage has a text), and one under another source the query leaves out.
"""

from __future__ import annotations

import sys

import win32evtlog
import win32evtlogutil

SOURCE = "Microsoft-Windows-Winlogon"

win32evtlogutil.AddSourceToRegistry(SOURCE, "C:\\Windows\\System32\\wininit.dll", "System")
win32evtlogutil.AddSourceToRegistry("Other", None, "System")
for number in range(int(sys.argv[1])):
    win32evtlogutil.ReportEvent(
        SOURCE, 0x40001002, eventType=win32evtlog.EVENTLOG_WARNING_TYPE,
        strings=[f"Logon{number}", ""],
    )  # fmt: skip
win32evtlogutil.ReportEvent("Other", 1, eventType=win32evtlog.EVENTLOG_ERROR_TYPE)
