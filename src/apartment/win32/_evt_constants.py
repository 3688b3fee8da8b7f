"""win32evtlog's constants of the Evt* API (wevtapi's enums) and the paired-event flags.

The SDK's values, as pywin32 312 exports them.
"""

from __future__ import annotations

__all__ = [
    "EVENTLOG_END_ALL_PAIRED_EVENTS", "EVENTLOG_END_PAIRED_EVENT", "EVENTLOG_PAIRED_EVENT_ACTIVE",
    "EVENTLOG_PAIRED_EVENT_INACTIVE", "EVENTLOG_START_PAIRED_EVENT", "EventMetadataEventChannel",
    "EventMetadataEventID", "EventMetadataEventKeyword", "EventMetadataEventLevel",
    "EventMetadataEventMessageID", "EventMetadataEventOpcode", "EventMetadataEventTask",
    "EventMetadataEventTemplate", "EventMetadataEventVersion", "EvtChannelConfigAccess",
    "EvtChannelConfigClassicEventlog", "EvtChannelConfigEnabled", "EvtChannelConfigIsolation",
    "EvtChannelConfigOwningPublisher", "EvtChannelConfigPropertyIdEND", "EvtChannelConfigType",
    "EvtChannelLoggingConfigAutoBackup", "EvtChannelLoggingConfigLogFilePath",
    "EvtChannelLoggingConfigMaxSize", "EvtChannelLoggingConfigRetention",
    "EvtChannelPublisherList", "EvtChannelPublishingConfigBufferSize",
    "EvtChannelPublishingConfigClockType", "EvtChannelPublishingConfigControlGuid",
    "EvtChannelPublishingConfigKeywords", "EvtChannelPublishingConfigLatency",
    "EvtChannelPublishingConfigLevel", "EvtChannelPublishingConfigMaxBuffers",
    "EvtChannelPublishingConfigMinBuffers", "EvtChannelPublishingConfigSidType",
    "EvtEventMetadataPropertyIdEND", "EvtEventPath", "EvtEventPropertyIdEND", "EvtEventQueryIDs",
    "EvtExportLogChannelPath", "EvtExportLogFilePath", "EvtExportLogTolerateQueryErrors",
    "EvtFormatMessageChannel", "EvtFormatMessageEvent", "EvtFormatMessageId",
    "EvtFormatMessageKeyword", "EvtFormatMessageLevel", "EvtFormatMessageOpcode",
    "EvtFormatMessageProvider", "EvtFormatMessageTask", "EvtFormatMessageXml", "EvtLogAttributes",
    "EvtLogCreationTime", "EvtLogFileSize", "EvtLogFull", "EvtLogLastAccessTime",
    "EvtLogLastWriteTime", "EvtLogNumberOfLogRecords", "EvtLogOldestRecordNumber",
    "EvtOpenChannelPath", "EvtOpenFilePath", "EvtPublisherMetadataChannelReferenceFlags",
    "EvtPublisherMetadataChannelReferenceID", "EvtPublisherMetadataChannelReferenceIndex",
    "EvtPublisherMetadataChannelReferenceMessageID", "EvtPublisherMetadataChannelReferencePath",
    "EvtPublisherMetadataChannelReferences", "EvtPublisherMetadataHelpLink",
    "EvtPublisherMetadataKeywordMessageID", "EvtPublisherMetadataKeywordName",
    "EvtPublisherMetadataKeywordValue", "EvtPublisherMetadataKeywords",
    "EvtPublisherMetadataLevelMessageID", "EvtPublisherMetadataLevelName",
    "EvtPublisherMetadataLevelValue", "EvtPublisherMetadataLevels",
    "EvtPublisherMetadataMessageFilePath", "EvtPublisherMetadataOpcodeMessageID",
    "EvtPublisherMetadataOpcodeName", "EvtPublisherMetadataOpcodeValue",
    "EvtPublisherMetadataOpcodes", "EvtPublisherMetadataParameterFilePath",
    "EvtPublisherMetadataPropertyIdEND", "EvtPublisherMetadataPublisherGuid",
    "EvtPublisherMetadataPublisherMessageID", "EvtPublisherMetadataResourceFilePath",
    "EvtPublisherMetadataTaskEventGuid", "EvtPublisherMetadataTaskMessageID",
    "EvtPublisherMetadataTaskName", "EvtPublisherMetadataTaskValue", "EvtPublisherMetadataTasks",
    "EvtQueryChannelPath", "EvtQueryFilePath", "EvtQueryForwardDirection",
    "EvtQueryReverseDirection", "EvtQueryTolerateQueryErrors", "EvtRenderBookmark",
    "EvtRenderContextSystem", "EvtRenderContextUser", "EvtRenderContextValues",
    "EvtRenderEventValues", "EvtRenderEventXml", "EvtRpcLogin", "EvtRpcLoginAuthDefault",
    "EvtRpcLoginAuthKerberos", "EvtRpcLoginAuthNTLM", "EvtRpcLoginAuthNegotiate",
    "EvtSeekOriginMask", "EvtSeekRelativeToBookmark", "EvtSeekRelativeToCurrent",
    "EvtSeekRelativeToFirst", "EvtSeekRelativeToLast", "EvtSeekStrict",
    "EvtSubscribeActionDeliver", "EvtSubscribeActionError", "EvtSubscribeOriginMask",
    "EvtSubscribeStartAfterBookmark", "EvtSubscribeStartAtOldestRecord", "EvtSubscribeStrict",
    "EvtSubscribeToFutureEvents", "EvtSubscribeTolerateQueryErrors", "EvtSystemActivityID",
    "EvtSystemChannel", "EvtSystemComputer", "EvtSystemEventID", "EvtSystemEventRecordId",
    "EvtSystemKeywords", "EvtSystemLevel", "EvtSystemOpcode", "EvtSystemProcessID",
    "EvtSystemPropertyIdEND", "EvtSystemProviderGuid", "EvtSystemProviderName",
    "EvtSystemQualifiers", "EvtSystemRelatedActivityID", "EvtSystemTask", "EvtSystemThreadID",
    "EvtSystemTimeCreated", "EvtSystemUserID", "EvtSystemVersion", "EvtVarTypeAnsiString",
    "EvtVarTypeBinary", "EvtVarTypeBoolean", "EvtVarTypeByte", "EvtVarTypeDouble",
    "EvtVarTypeEvtHandle", "EvtVarTypeEvtXml", "EvtVarTypeFileTime", "EvtVarTypeGuid",
    "EvtVarTypeHexInt32", "EvtVarTypeHexInt64", "EvtVarTypeInt16", "EvtVarTypeInt32",
    "EvtVarTypeInt64", "EvtVarTypeNull", "EvtVarTypeSByte", "EvtVarTypeSid", "EvtVarTypeSingle",
    "EvtVarTypeSizeT", "EvtVarTypeString", "EvtVarTypeSysTime", "EvtVarTypeUInt16",
    "EvtVarTypeUInt32", "EvtVarTypeUInt64", "UNICODE",
]  # fmt: skip

EVENTLOG_END_ALL_PAIRED_EVENTS = 4
EVENTLOG_END_PAIRED_EVENT = 2
EVENTLOG_PAIRED_EVENT_ACTIVE = 8
EVENTLOG_PAIRED_EVENT_INACTIVE = 16
EVENTLOG_START_PAIRED_EVENT = 1
EventMetadataEventChannel = 2
EventMetadataEventID = 0
EventMetadataEventKeyword = 6
EventMetadataEventLevel = 3
EventMetadataEventMessageID = 7
EventMetadataEventOpcode = 4
EventMetadataEventTask = 5
EventMetadataEventTemplate = 8
EventMetadataEventVersion = 1
EvtChannelConfigAccess = 5
EvtChannelConfigClassicEventlog = 4
EvtChannelConfigEnabled = 0
EvtChannelConfigIsolation = 1
EvtChannelConfigOwningPublisher = 3
EvtChannelConfigPropertyIdEND = 21
EvtChannelConfigType = 2
EvtChannelLoggingConfigAutoBackup = 7
EvtChannelLoggingConfigLogFilePath = 9
EvtChannelLoggingConfigMaxSize = 8
EvtChannelLoggingConfigRetention = 6
EvtChannelPublisherList = 19
EvtChannelPublishingConfigBufferSize = 13
EvtChannelPublishingConfigClockType = 17
EvtChannelPublishingConfigControlGuid = 12
EvtChannelPublishingConfigKeywords = 11
EvtChannelPublishingConfigLatency = 16
EvtChannelPublishingConfigLevel = 10
EvtChannelPublishingConfigMaxBuffers = 15
EvtChannelPublishingConfigMinBuffers = 14
EvtChannelPublishingConfigSidType = 18
EvtEventMetadataPropertyIdEND = 9
EvtEventPath = 1
EvtEventPropertyIdEND = 2
EvtEventQueryIDs = 0
EvtExportLogChannelPath = 1
EvtExportLogFilePath = 2
EvtExportLogTolerateQueryErrors = 4096
EvtFormatMessageChannel = 6
EvtFormatMessageEvent = 1
EvtFormatMessageId = 8
EvtFormatMessageKeyword = 5
EvtFormatMessageLevel = 2
EvtFormatMessageOpcode = 4
EvtFormatMessageProvider = 7
EvtFormatMessageTask = 3
EvtFormatMessageXml = 9
EvtLogAttributes = 4
EvtLogCreationTime = 0
EvtLogFileSize = 3
EvtLogFull = 7
EvtLogLastAccessTime = 1
EvtLogLastWriteTime = 2
EvtLogNumberOfLogRecords = 5
EvtLogOldestRecordNumber = 6
EvtOpenChannelPath = 1
EvtOpenFilePath = 2
EvtPublisherMetadataChannelReferenceFlags = 10
EvtPublisherMetadataChannelReferenceID = 9
EvtPublisherMetadataChannelReferenceIndex = 8
EvtPublisherMetadataChannelReferenceMessageID = 11
EvtPublisherMetadataChannelReferencePath = 7
EvtPublisherMetadataChannelReferences = 6
EvtPublisherMetadataHelpLink = 4
EvtPublisherMetadataKeywordMessageID = 28
EvtPublisherMetadataKeywordName = 26
EvtPublisherMetadataKeywordValue = 27
EvtPublisherMetadataKeywords = 25
EvtPublisherMetadataLevelMessageID = 15
EvtPublisherMetadataLevelName = 13
EvtPublisherMetadataLevelValue = 14
EvtPublisherMetadataLevels = 12
EvtPublisherMetadataMessageFilePath = 3
EvtPublisherMetadataOpcodeMessageID = 24
EvtPublisherMetadataOpcodeName = 22
EvtPublisherMetadataOpcodeValue = 23
EvtPublisherMetadataOpcodes = 21
EvtPublisherMetadataParameterFilePath = 2
EvtPublisherMetadataPropertyIdEND = 29
EvtPublisherMetadataPublisherGuid = 0
EvtPublisherMetadataPublisherMessageID = 5
EvtPublisherMetadataResourceFilePath = 1
EvtPublisherMetadataTaskEventGuid = 18
EvtPublisherMetadataTaskMessageID = 20
EvtPublisherMetadataTaskName = 17
EvtPublisherMetadataTaskValue = 19
EvtPublisherMetadataTasks = 16
EvtQueryChannelPath = 1
EvtQueryFilePath = 2
EvtQueryForwardDirection = 256
EvtQueryReverseDirection = 512
EvtQueryTolerateQueryErrors = 4096
EvtRenderBookmark = 2
EvtRenderContextSystem = 1
EvtRenderContextUser = 2
EvtRenderContextValues = 0
EvtRenderEventValues = 0
EvtRenderEventXml = 1
EvtRpcLogin = 1
EvtRpcLoginAuthDefault = 0
EvtRpcLoginAuthKerberos = 2
EvtRpcLoginAuthNTLM = 3
EvtRpcLoginAuthNegotiate = 1
EvtSeekOriginMask = 7
EvtSeekRelativeToBookmark = 4
EvtSeekRelativeToCurrent = 3
EvtSeekRelativeToFirst = 1
EvtSeekRelativeToLast = 2
EvtSeekStrict = 65536
EvtSubscribeActionDeliver = 1
EvtSubscribeActionError = 0
EvtSubscribeOriginMask = 3
EvtSubscribeStartAfterBookmark = 3
EvtSubscribeStartAtOldestRecord = 2
EvtSubscribeStrict = 65536
EvtSubscribeToFutureEvents = 1
EvtSubscribeTolerateQueryErrors = 4096
EvtSystemActivityID = 10
EvtSystemChannel = 14
EvtSystemComputer = 15
EvtSystemEventID = 2
EvtSystemEventRecordId = 9
EvtSystemKeywords = 7
EvtSystemLevel = 4
EvtSystemOpcode = 6
EvtSystemProcessID = 12
EvtSystemPropertyIdEND = 18
EvtSystemProviderGuid = 1
EvtSystemProviderName = 0
EvtSystemQualifiers = 3
EvtSystemRelatedActivityID = 11
EvtSystemTask = 5
EvtSystemThreadID = 13
EvtSystemTimeCreated = 8
EvtSystemUserID = 16
EvtSystemVersion = 17
EvtVarTypeAnsiString = 2
EvtVarTypeBinary = 14
EvtVarTypeBoolean = 13
EvtVarTypeByte = 4
EvtVarTypeDouble = 12
EvtVarTypeEvtHandle = 32
EvtVarTypeEvtXml = 35
EvtVarTypeFileTime = 17
EvtVarTypeGuid = 15
EvtVarTypeHexInt32 = 20
EvtVarTypeHexInt64 = 21
EvtVarTypeInt16 = 5
EvtVarTypeInt32 = 7
EvtVarTypeInt64 = 9
EvtVarTypeNull = 0
EvtVarTypeSByte = 3
EvtVarTypeSid = 19
EvtVarTypeSingle = 11
EvtVarTypeSizeT = 16
EvtVarTypeString = 1
EvtVarTypeSysTime = 18
EvtVarTypeUInt16 = 6
EvtVarTypeUInt32 = 8
EvtVarTypeUInt64 = 10
UNICODE = 1
