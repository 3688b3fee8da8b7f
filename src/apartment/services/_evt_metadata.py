r"""What the Evt* API tells about publishers and channels: their metadata and configuration.

The publishers are the event sources registered under a log in the user registry
(``AddSourceToRegistry`` writes ``SYSTEM\CurrentControlSet\Services\EventLog\LOG\SOURCE``
in HKEY_CURRENT_USER): :func:`publisher_enum` lists them, :class:`PublisherMetadata` is one's
registered files. A classic source has no manifest, so it declares no events
(:func:`event_metadata_enum` is empty), levels, tasks or channels. :class:`ChannelConfig` is a
channel's configuration (EvtOpenChannelConfig): a classic log, enabled, kept in its file.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from ..errors import ERROR_FILE_NOT_FOUND, ERROR_INVALID_PARAMETER, Win32Error
from ..registry import HKEY_CURRENT_USER, Key, key_of_handle, open_key
from ._eventlog import LOGS, log_path
from ._evt import Enumeration
from ._evt_events import EvtVarType, channel_name

__all__ = [
    "PublisherMetadata", "ChannelConfig", "publisher_enum", "event_metadata_enum",
    "VARIANT_ARRAY", "MAX_LOG_SIZE",
]  # fmt: skip

_SOURCES = "SYSTEM\\CurrentControlSet\\Services\\EventLog"
_FILE_VALUES = ("EventMessageFile", "CategoryMessageFile", "ParameterMessageFile")
_PUBLISHER_PROPERTIES = 29  # EvtPublisherMetadataPropertyIdEND
_CHANNEL_PROPERTIES = 21  # EvtChannelConfigPropertyIdEND
VARIANT_ARRAY = 0x80
"""EVT_VARIANT_TYPE_ARRAY: the type bit of a value that is an array (a list here)."""
MAX_LOG_SIZE = 20 * 1024 * 1024
"""What a channel's configuration says its log may grow to: Windows' default, not enforced."""


def _registered() -> list[tuple[str, str]]:
    """The registered sources: (log, source) for each, in the registry's order."""
    root = key_of_handle(HKEY_CURRENT_USER)
    found = []
    for log in LOGS:
        try:
            key = open_key(root, f"{_SOURCES}\\{log}")
        except Win32Error:
            continue
        index = 0
        while True:
            try:
                found.append((log, key.subkey_at(index)))
            except Win32Error:
                break
            index += 1
    return found


def publisher_enum() -> Enumeration:
    """The publishers (EvtOpenPublisherEnum): the sources registered under a log."""
    return Enumeration(sorted({source for _log, source in _registered()}, key=str.lower))


def event_metadata_enum(publisher: PublisherMetadata) -> Enumeration:
    """The events a publisher declares (EvtOpenEventMetadataEnum): none for a classic source."""
    return Enumeration([])


class PublisherMetadata(NamedTuple):
    """A registered source's metadata (EvtOpenPublisherMetadata)."""

    name: str
    log: str
    message_file: str | None
    category_file: str | None
    parameter_file: str | None

    @classmethod
    def open(cls, name: str) -> PublisherMetadata:
        """The metadata of the source ``name``.

        Raises:
            TypeError: ``name`` is not a str.
            Win32Error: ERROR_FILE_NOT_FOUND for a source no log registers, as Windows
                reports a publisher it does not know.
        """
        if not isinstance(name, str):
            raise TypeError(f"a publisher's name is a str, not {type(name).__name__}")
        for log, source in _registered():
            if source.lower() == name.lower():
                key = open_key(key_of_handle(HKEY_CURRENT_USER), f"{_SOURCES}\\{log}\\{source}")
                files = [_text(key, value) for value in _FILE_VALUES]
                return cls(source, log, *files)
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no publisher {name!r}")

    def property(self, index: int) -> tuple[object, int]:
        """A property by EvtPublisherMetadata* index: ``(value, EvtVarType)``.

        The message, parameter and resource (category) files (3, 2, 1) as registered; the GUID
        (0) and what manifests declare (help link, channels, levels, tasks...) are NULL: a
        classic source has none.

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER past EvtPublisherMetadataPropertyIdEND.
        """
        files = {3: self.message_file, 2: self.parameter_file, 1: self.category_file}
        if index in files:
            value = files[index]
            return (value, EvtVarType.STRING) if value is not None else (None, EvtVarType.NULL)
        if 0 <= index < _PUBLISHER_PROPERTIES:
            return None, EvtVarType.NULL
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no publisher property {index}")

    def close_on_last_handle(self) -> None:
        """Nothing to release."""


def _text(key: Key, name: str) -> str | None:
    try:
        data, _kind = key.query_value(name)
    except Win32Error:
        return None
    return data if isinstance(data, str) else None


class ChannelConfig:
    """A channel's configuration (EvtOpenChannelConfig): a classic log, enabled, in its file.

    Raises:
        TypeError: ``channel`` is not a str.
        Win32Error: ERROR_EVT_CHANNEL_NOT_FOUND.
    """

    def __init__(self, channel: str) -> None:
        self.channel = channel_name(channel)

    def property(self, index: int) -> tuple[object, int]:
        """A property by EvtChannelConfig* index: ``(value, EvtVarType)``.

        Enabled (0) and ClassicEventlog (4) are true; Isolation (1) and Type (2) are 0
        (Application, Admin); the owning publisher (3) is empty; Retention (6) and AutoBackup
        (7) are false; MaxSize (8) is :data:`MAX_LOG_SIZE`; LogFilePath (9) is the log's file;
        PublisherList (19) the sources registered under it (an array of strings). Access (5)
        and the publishing settings of an ETW session (10-18, 20) are NULL.

        Raises:
            Win32Error: ERROR_INVALID_PARAMETER past EvtChannelConfigPropertyIdEND.
        """
        values: dict[int, tuple[object, int]] = {
            0: (True, EvtVarType.BOOLEAN),
            1: (0, EvtVarType.UINT32),
            2: (0, EvtVarType.UINT32),
            3: ("", EvtVarType.STRING),
            4: (True, EvtVarType.BOOLEAN),
            6: (False, EvtVarType.BOOLEAN),
            7: (False, EvtVarType.BOOLEAN),
            8: (MAX_LOG_SIZE, EvtVarType.UINT64),
        }
        if index in values:
            return values[index]
        if index == 9:
            return os.fspath(log_path(self.channel)), EvtVarType.STRING
        if index == 19:
            sources = [source for log, source in _registered() if log == self.channel]
            return sources, EvtVarType.STRING | VARIANT_ARRAY
        if 0 <= index < _CHANNEL_PROPERTIES:
            return None, EvtVarType.NULL
        raise Win32Error.from_code(ERROR_INVALID_PARAMETER, f"no channel property {index}")

    def close_on_last_handle(self) -> None:
        """Nothing to release."""
