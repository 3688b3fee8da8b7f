"""pywin32's ``win32ts``: terminal services, over :mod:`apartment.services`' one session.

The local server has one session, the user's (id 1, ``Console``, active); WTS_CURRENT_SERVER
(0) and a handle of WTSOpenServer name it. Ending it (log off, disconnect, shut down) is
refused with ERROR_ACCESS_DENIED; no session event ever comes.
"""

from __future__ import annotations

from typing import Any

from .. import messages, services
from ..errors import ERROR_ACCESS_DENIED as _ERROR_ACCESS_DENIED
from ..errors import ERROR_INVALID_PARAMETER as _ERROR_INVALID_PARAMETER
from ..errors import ERROR_NOT_SUPPORTED as _ERROR_NOT_SUPPORTED
from ..errors import Win32Error
from ._adapt import api, as_bool, dword
from ._buffers import text_arg
from ._handles import handle_value
from ._security import sid_from_string

__all__ = [
    "WTSOpenServer", "WTSCloseServer", "WTSQueryUserConfig", "WTSSetUserConfig",
    "WTSEnumerateServers", "WTSEnumerateSessions", "WTSLogoffSession", "WTSDisconnectSession",
    "WTSQuerySessionInformation", "WTSEnumerateProcesses", "WTSQueryUserToken",
    "WTSShutdownSystem", "WTSTerminateProcess", "ProcessIdToSessionId",
    "WTSGetActiveConsoleSessionId", "WTSRegisterSessionNotification",
    "WTSUnRegisterSessionNotification", "WTSWaitSystemEvent", "WTSSendMessage",
    "NOTIFY_FOR_ALL_SESSIONS", "NOTIFY_FOR_THIS_SESSION",
    "WTSActive", "WTSConnected", "WTSConnectQuery", "WTSShadow", "WTSDisconnected", "WTSIdle",
    "WTSListen", "WTSReset", "WTSDown", "WTSInit",
    "WTSInitialProgram", "WTSApplicationName", "WTSWorkingDirectory", "WTSOEMId",
    "WTSSessionId", "WTSUserName", "WTSWinStationName", "WTSDomainName", "WTSConnectState",
    "WTSClientBuildNumber", "WTSClientName", "WTSClientDirectory", "WTSClientProductId",
    "WTSClientHardwareId", "WTSClientAddress", "WTSClientDisplay", "WTSClientProtocolType",
    "WTSIsRemoteSession",
    "WTSUserConfigInitialProgram", "WTSUserConfigWorkingDirectory",
    "WTSUserConfigfInheritInitialProgram", "WTSUserConfigfAllowLogonTerminalServer",
    "WTSUserConfigTimeoutSettingsConnections", "WTSUserConfigTimeoutSettingsDisconnections",
    "WTSUserConfigTimeoutSettingsIdle", "WTSUserConfigfDeviceClientDrives",
    "WTSUserConfigfDeviceClientPrinters", "WTSUserConfigfDeviceClientDefaultPrinter",
    "WTSUserConfigBrokenTimeoutSettings", "WTSUserConfigReconnectSettings",
    "WTSUserConfigModemCallbackSettings", "WTSUserConfigModemCallbackPhoneNumber",
    "WTSUserConfigShadowingSettings", "WTSUserConfigTerminalServerProfilePath",
    "WTSUserConfigTerminalServerHomeDir", "WTSUserConfigTerminalServerHomeDirDrive",
    "WTSUserConfigfTerminalServerRemoteHomeDir",
    "WTSVirtualClientData", "WTSVirtualFileHandle",
    "WTS_CURRENT_SERVER", "WTS_CURRENT_SERVER_HANDLE", "WTS_CURRENT_SERVER_NAME",
    "WTS_CURRENT_SESSION",
    "WTS_EVENT_ALL", "WTS_EVENT_CONNECT", "WTS_EVENT_CREATE", "WTS_EVENT_DELETE",
    "WTS_EVENT_DISCONNECT", "WTS_EVENT_FLUSH", "WTS_EVENT_LICENSE", "WTS_EVENT_LOGOFF",
    "WTS_EVENT_LOGON", "WTS_EVENT_NONE", "WTS_EVENT_RENAME", "WTS_EVENT_STATECHANGE",
    "WTS_PROTOCOL_TYPE_CONSOLE", "WTS_PROTOCOL_TYPE_ICA", "WTS_PROTOCOL_TYPE_RDP",
    "WTS_WSD_FASTREBOOT", "WTS_WSD_LOGOFF", "WTS_WSD_POWEROFF", "WTS_WSD_REBOOT",
    "WTS_WSD_SHUTDOWN",
]  # fmt: skip

NOTIFY_FOR_THIS_SESSION = 0
NOTIFY_FOR_ALL_SESSIONS = 1

# WTS_CONNECTSTATE_CLASS
WTSActive = services.SessionState.ACTIVE
WTSConnected = services.SessionState.CONNECTED
WTSConnectQuery = services.SessionState.CONNECT_QUERY
WTSShadow = services.SessionState.SHADOW
WTSDisconnected = services.SessionState.DISCONNECTED
WTSIdle = services.SessionState.IDLE
WTSListen = services.SessionState.LISTEN
WTSReset = services.SessionState.RESET
WTSDown = services.SessionState.DOWN
WTSInit = services.SessionState.INIT

# WTS_INFO_CLASS
WTSInitialProgram = 0
WTSApplicationName = 1
WTSWorkingDirectory = 2
WTSOEMId = 3
WTSSessionId = 4
WTSUserName = 5
WTSWinStationName = 6
WTSDomainName = 7
WTSConnectState = 8
WTSClientBuildNumber = 9
WTSClientName = 10
WTSClientDirectory = 11
WTSClientProductId = 12
WTSClientHardwareId = 13
WTSClientAddress = 14
WTSClientDisplay = 15
WTSClientProtocolType = 16
WTSIsRemoteSession = 29

# WTS_CONFIG_CLASS
WTSUserConfigInitialProgram = 0
WTSUserConfigWorkingDirectory = 1
WTSUserConfigfInheritInitialProgram = 2
WTSUserConfigfAllowLogonTerminalServer = 3
WTSUserConfigTimeoutSettingsConnections = 4
WTSUserConfigTimeoutSettingsDisconnections = 5
WTSUserConfigTimeoutSettingsIdle = 6
WTSUserConfigfDeviceClientDrives = 7
WTSUserConfigfDeviceClientPrinters = 8
WTSUserConfigfDeviceClientDefaultPrinter = 9
WTSUserConfigBrokenTimeoutSettings = 10
WTSUserConfigReconnectSettings = 11
WTSUserConfigModemCallbackSettings = 12
WTSUserConfigModemCallbackPhoneNumber = 13
WTSUserConfigShadowingSettings = 14
WTSUserConfigTerminalServerProfilePath = 15
WTSUserConfigTerminalServerHomeDir = 16
WTSUserConfigTerminalServerHomeDirDrive = 17
WTSUserConfigfTerminalServerRemoteHomeDir = 18

WTSVirtualClientData = 0
WTSVirtualFileHandle = 1

WTS_CURRENT_SERVER = 0
WTS_CURRENT_SERVER_HANDLE = 0
WTS_CURRENT_SERVER_NAME = None
WTS_CURRENT_SESSION = -1

WTS_EVENT_NONE = 0
WTS_EVENT_CREATE = 1
WTS_EVENT_DELETE = 2
WTS_EVENT_RENAME = 4
WTS_EVENT_CONNECT = 8
WTS_EVENT_DISCONNECT = 16
WTS_EVENT_LOGON = 32
WTS_EVENT_LOGOFF = 64
WTS_EVENT_STATECHANGE = 128
WTS_EVENT_LICENSE = 256
WTS_EVENT_ALL = 0x7FFFFFFF
WTS_EVENT_FLUSH = -0x80000000

WTS_PROTOCOL_TYPE_CONSOLE = 0
WTS_PROTOCOL_TYPE_ICA = 1
WTS_PROTOCOL_TYPE_RDP = 2

WTS_WSD_LOGOFF = 1
WTS_WSD_SHUTDOWN = 2
WTS_WSD_REBOOT = 4
WTS_WSD_POWEROFF = 8
WTS_WSD_FASTREBOOT = 16

# A server handle of WTSOpenServer: the local server's, a value no other handle has.
_LOCAL_SERVER = 0x7E5E0001


def _server(server: object) -> None:
    """A server handle: WTS_CURRENT_SERVER_HANDLE (0, None) or one of WTSOpenServer's."""
    value = handle_value(server)
    if value not in (WTS_CURRENT_SERVER_HANDLE, _LOCAL_SERVER):
        raise Win32Error.from_code(6, f"{value} is no terminal server's handle")


def _session_id(session_id: object) -> int:
    """A session id argument (WTS_CURRENT_SESSION, -1, stays -1)."""
    return -1 if session_id == -1 else dword(session_id)


@api("WTSOpenServer")
def WTSOpenServer(ServerName: object, /) -> int:
    """A handle to the local server (the only one reached)."""
    if ServerName is None:  # pywin32 wants a name: the local computer's, or another
        raise TypeError("None is not a valid string in this context")
    services.check_server(text_arg(ServerName))
    return _LOCAL_SERVER


@api("WTSCloseServer")
def WTSCloseServer(Server: object, /) -> None:
    handle_value(Server)  # Windows' WTSCloseServer returns nothing and checks nothing


@api("WTSEnumerateServers")
def WTSEnumerateServers(
    DomainName: object = None, Version: int = 1, Reserved: int = 0, /
) -> tuple[str, ...]:
    """The terminal servers of a domain: the computer is in none (ERROR_NOT_SUPPORTED)."""
    if DomainName is not None:
        text_arg(DomainName)
    raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, "the computer is in no domain")


def _version(Version: object, Reserved: object) -> None:
    if dword(Version) != 1 or dword(Reserved) != 0:
        raise Win32Error.from_code(_ERROR_INVALID_PARAMETER, "Version is 1 and Reserved 0")


@api("WTSEnumerateSessions")
def WTSEnumerateSessions(
    Server: object = 0, Version: int = 1, Reserved: int = 0, /
) -> tuple[dict[str, Any], ...]:
    """The server's sessions as dicts (SessionId, WinStationName, State)."""
    _server(Server)
    _version(Version, Reserved)
    return tuple(
        {"SessionId": s.session_id, "WinStationName": s.station_name, "State": s.state}
        for s in services.sessions()
    )


def _info(info: services.SessionInfo, info_class: int) -> object:
    """The WTS_INFO_CLASS's value, in pywin32's type (str, int, dict or bool)."""
    table: dict[int, object] = {
        WTSInitialProgram: info.initial_program,
        WTSApplicationName: "",
        WTSWorkingDirectory: info.working_directory,
        WTSOEMId: "",
        WTSSessionId: info.session_id,
        WTSUserName: info.user_name,
        WTSWinStationName: info.station_name,
        WTSDomainName: info.domain_name,
        WTSConnectState: info.state,
        WTSClientBuildNumber: info.client_build_number,
        WTSClientName: info.client_name,
        WTSClientDirectory: "",
        WTSClientProductId: 0,
        WTSClientHardwareId: 0,
        WTSClientAddress: {"AddressFamily": 0, "Address": b""},
        WTSClientDisplay: {"HorizontalResolution": 0, "VerticalResolution": 0, "ColorDepth": 0},
        WTSClientProtocolType: info.client_protocol_type,
        WTSIsRemoteSession: info.remote,
    }
    if info_class not in table:
        raise Win32Error.from_code(_ERROR_INVALID_PARAMETER, f"{info_class} is no WTS_INFO_CLASS")
    return table[info_class]


@api("WTSQuerySessionInformation")
def WTSQuerySessionInformation(Server: object, SessionId: object, WTSInfoClass: object, /) -> Any:  # noqa: ANN401
    """One fact about a session: a str, an int, a dict or a bool as the class gives."""
    _server(Server)
    info_class = dword(WTSInfoClass)
    return _info(services.session_info(_session_id(SessionId)), info_class)


@api("WTSEnumerateProcesses")
def WTSEnumerateProcesses(
    Server: object = 0, Version: int = 1, Reserved: int = 0, /
) -> tuple[tuple[int, int, str, object], ...]:
    """The session's processes: (SessionId, ProcessId, ProcessName, UserSid)."""
    _server(Server)
    _version(Version, Reserved)
    return tuple(
        (p.session_id, p.pid, p.name, sid_from_string(p.user_sid))
        for p in services.session_processes()
    )


@api("WTSQueryUserToken")
def WTSQueryUserToken(SessionId: object, /) -> int:
    """A session's user's token: only a service running as LocalSystem may have it."""
    services.check_session(_session_id(SessionId))
    raise Win32Error.from_code(1314, "only LocalSystem's services may ask (a privilege not held)")


@api("WTSQueryUserConfig")
def WTSQueryUserConfig(ServerName: object, UserName: object, WTSConfigClass: object, /) -> Any:  # noqa: ANN401
    """A user's terminal-server settings: kept in a domain's directory, which is none here."""
    if ServerName is not None:
        text_arg(ServerName)
    text_arg(UserName)
    dword(WTSConfigClass)
    raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, "the computer is no terminal server")


@api("WTSSetUserConfig")
def WTSSetUserConfig(
    ServerName: object, UserName: object, WTSConfigClass: object, Buffer: object, /
) -> None:
    if ServerName is not None:
        text_arg(ServerName)
    text_arg(UserName)
    dword(WTSConfigClass)
    raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, "the computer is no terminal server")


@api("WTSLogoffSession")
def WTSLogoffSession(Server: object, SessionId: object, Wait: object, /) -> None:
    """Refused: ERROR_ACCESS_DENIED (ERROR_FILE_NOT_FOUND for an unknown session)."""
    _server(Server)
    as_bool(Wait)
    services.end_session(_session_id(SessionId), "logged off")


@api("WTSDisconnectSession")
def WTSDisconnectSession(Server: object, SessionId: object, Wait: object, /) -> None:
    """Refused: ERROR_ACCESS_DENIED (ERROR_FILE_NOT_FOUND for an unknown session)."""
    _server(Server)
    as_bool(Wait)
    services.end_session(_session_id(SessionId), "disconnected")


@api("WTSShutdownSystem")
def WTSShutdownSystem(Server: object, ShutdownFlag: object, /) -> None:
    """Refused: shutting the computer down needs a privilege the user does not hold."""
    _server(Server)
    dword(ShutdownFlag)
    raise Win32Error.from_code(_ERROR_ACCESS_DENIED, "the computer is not shut down from here")


@api("WTSTerminateProcess")
def WTSTerminateProcess(Server: object, ProcessId: object, ExitCode: object, /) -> None:
    """End a process of the session (TerminateProcess through the server)."""
    _server(Server)
    pid = dword(ProcessId)
    code = dword(ExitCode)
    services.terminate_session_process(pid, code)


@api("ProcessIdToSessionId")
def ProcessIdToSessionId(ProcessId: object, /) -> int:
    return services.process_session(dword(ProcessId))


@api("WTSGetActiveConsoleSessionId")
def WTSGetActiveConsoleSessionId() -> int:
    return services.SESSION_ID


@api("WTSRegisterSessionNotification")
def WTSRegisterSessionNotification(Wnd: object, Flags: object, /) -> None:
    """Accepted for a window (no WM_WTSSESSION_CHANGE ever comes: the session never changes)."""
    messages.window_of(handle_value(Wnd))
    if dword(Flags) not in (NOTIFY_FOR_THIS_SESSION, NOTIFY_FOR_ALL_SESSIONS):
        raise Win32Error.from_code(_ERROR_INVALID_PARAMETER, "Flags is a NOTIFY_FOR_ value")


@api("WTSUnRegisterSessionNotification")
def WTSUnRegisterSessionNotification(Wnd: object, /) -> None:
    messages.window_of(handle_value(Wnd))


@api("WTSWaitSystemEvent")
def WTSWaitSystemEvent(Server: object = 0, EventMask: object = WTS_EVENT_ALL, /) -> int:
    """No session event ever comes: only a flush (WTS_EVENT_FLUSH) returns, with none."""
    _server(Server)
    if dword(EventMask) == WTS_EVENT_FLUSH & 0xFFFFFFFF:
        return WTS_EVENT_NONE
    raise Win32Error.from_code(_ERROR_NOT_SUPPORTED, "no session event comes: it would never end")


@api("WTSSendMessage")
def WTSSendMessage(
    Server: object,
    SessionId: object,
    Title: object,
    Message: object,
    Style: object,
    Timeout: object,
    Wait: object,
    /,
) -> int:
    """Show a message box in the session: the headless box's answer (IDASYNC if not waited)."""
    _server(Server)
    title, message = text_arg(Title), text_arg(Message)
    return services.send_session_message(
        _session_id(SessionId),
        title,
        message,
        dword(Style),
        timeout=dword(Timeout),
        wait=as_bool(Wait),
    )
