r"""win32evtlogutil: pywin32's helpers over win32evtlog (a Python module there too).

Sources are registered under the key Windows uses,
``SYSTEM\CurrentControlSet\Services\EventLog\<log>\<source>``, but in the user's registry
(HKEY_CURRENT_USER, the one modelled), with the file that holds their
messages (``EventMessageFile``). The one message table known here is pywin32's service
messages (servicemanager's, :mod:`apartment.services`); a message FormatMessage cannot find
raises ``win32api.error``, and SafeFormatMessage then builds pywin32's fallback text.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import ERROR_FILE_NOT_FOUND, Win32Error
from ..services import format_event
from . import win32api, win32con, win32evtlog
from ._adapt import api

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "error", "langid", "AddSourceToRegistry", "RemoveSourceFromRegistry", "ReportEvent",
    "FormatMessage", "SafeFormatMessage", "FeedEventLogRecords",
]  # fmt: skip

error = win32api.error
langid = 0  # MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL)
ERROR_MR_MID_NOT_FOUND = 317
_ROOT = win32con.HKEY_CURRENT_USER  # Windows' HKEY_LOCAL_MACHINE: the user's registry is the one
_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\{}\\{}"


def AddSourceToRegistry(
    appName: str,
    msgDLL: str | None = None,
    eventLogType: str = "Application",
    eventLogFlags: int | None = None,
    categoryDLL: str | None = None,
    categoryCount: int = 0,
) -> None:
    """Register a source: its message file (win32evtlog's by default) and event types."""
    if msgDLL is None:
        msgDLL = win32evtlog.__file__
    key = win32api.RegCreateKey(_ROOT, _KEY.format(eventLogType, appName))
    try:
        win32api.RegSetValueEx(key, "EventMessageFile", 0, win32con.REG_EXPAND_SZ, msgDLL)
        if eventLogFlags is None:
            eventLogFlags = 0x7  # error, warning, information
        win32api.RegSetValueEx(key, "TypesSupported", 0, win32con.REG_DWORD, eventLogFlags)
        if categoryCount > 0:
            if categoryDLL is None:
                categoryDLL = win32evtlog.__file__
            win32api.RegSetValueEx(
                key, "CategoryMessageFile", 0, win32con.REG_EXPAND_SZ, categoryDLL
            )
            win32api.RegSetValueEx(key, "CategoryCount", 0, win32con.REG_DWORD, categoryCount)
    finally:
        win32api.RegCloseKey(key)


def RemoveSourceFromRegistry(appName: str, eventLogType: str = "Application") -> None:
    """Remove a source's registration; a source not registered is no error."""
    try:
        win32api.RegDeleteKey(_ROOT, _KEY.format(eventLogType, appName))
    except win32api.error as failure:
        if failure.winerror != ERROR_FILE_NOT_FOUND:
            raise


def ReportEvent(
    appName: str,
    eventID: int,
    eventCategory: int = 0,
    eventType: int = win32evtlog.EVENTLOG_ERROR_TYPE,
    strings: Any = None,  # noqa: ANN401 - a sequence of str, or None
    data: bytes | None = None,
    sid: Any = None,  # noqa: ANN401 - a PySID or None
) -> None:
    """Report an event under ``appName`` (RegisterEventSource, ReportEvent, Deregister)."""
    source = win32evtlog.RegisterEventSource(None, appName)
    try:
        win32evtlog.ReportEvent(source, eventType, eventCategory, eventID, sid, strings, data)
    finally:
        win32evtlog.DeregisterEventSource(source)


@api("FormatMessageW")
def _from_table(dll: str, event_id: int, inserts: tuple[str, ...]) -> str:
    # LoadLibraryEx + FormatMessageW: the message files known here are the service messages'
    if os.path.basename(dll).lower().startswith("servicemanager"):
        text = format_event(event_id, inserts)
        if text is not None:
            return text.replace("\n", "\r\n")
    raise Win32Error.from_code(ERROR_MR_MID_NOT_FOUND, f"{event_id:#x} in {dll}")


def FormatMessage(eventLogRecord: Any, logType: str = "Application") -> str:  # noqa: ANN401
    """The record's message from its source's message files (win32api.error if none has it)."""
    key = win32api.RegOpenKey(_ROOT, _KEY.format(logType, eventLogRecord.SourceName))
    try:
        value = win32api.RegQueryValueEx(key, "EventMessageFile")[0]
        data = None
        for name in str(value).split(";"):
            try:
                data = _from_table(
                    win32api.ExpandEnvironmentStrings(name),
                    eventLogRecord.EventID,
                    tuple(eventLogRecord.StringInserts or ()),
                )
            except win32api.error:
                continue  # not in this file: the next one
            break
    finally:
        win32api.RegCloseKey(key)
    return data or ""


def SafeFormatMessage(eventLogRecord: Any, logType: str | None = None) -> str:  # noqa: ANN401
    """As FormatMessage, but a message that cannot be found gives pywin32's fallback text."""
    try:
        return FormatMessage(eventLogRecord, "Application" if logType is None else logType)
    except win32api.error:
        inserts = eventLogRecord.StringInserts
        desc = "" if inserts is None else ", ".join(inserts)
        return (
            f"<The description for Event ID ( {eventLogRecord.EventID & 0xFFFF} ) in Source "
            f"( {eventLogRecord.SourceName!r} ) could not be found. It contains the following "
            f"insertion string(s):{desc!r}.>"
        )


def FeedEventLogRecords(
    feeder: Callable[[Any], object],
    machineName: str | None = None,
    logName: str = "Application",
    readFlags: int | None = None,
) -> None:
    """Read the whole log (newest first by default).

    pywin32's builds a lazy ``map`` it never consumes, so ``feeder`` is never called: kept.
    """
    if readFlags is None:
        readFlags = win32evtlog.EVENTLOG_BACKWARDS_READ | win32evtlog.EVENTLOG_SEQUENTIAL_READ
    handle = win32evtlog.OpenEventLog(machineName, logName)
    try:
        while win32evtlog.ReadEventLog(handle, readFlags, 0):
            pass
    finally:
        win32evtlog.CloseEventLog(handle)
