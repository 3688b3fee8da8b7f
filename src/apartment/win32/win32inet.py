"""pywin32's ``win32inet``: WinINet over :mod:`apartment.services` (http.client, ftplib).

InternetOpen gives a session, InternetOpenUrl and FtpCommand streams read by
InternetReadFile, InternetConnect a server's connection; each is a PyHINTERNET that closes
itself. Cookies are kept for the process (InternetSetCookie, InternetGetCookie). The URL
cache and the WinHTTP calls exist and raise ERROR_NOT_SUPPORTED (``_unavailable``).
"""

from __future__ import annotations

from .. import services
from ..errors import Win32Error
from ._adapt import api, as_bool, dword
from ._handles import PyHANDLE, lookup, new_handle
from ._unavailable import unavailable_win32 as _unavailable_win32
from .pywintypes import error as error

__all__ = [
    "error", "UNICODE", "PyHINTERNET", "InternetOpen", "InternetOpenUrl", "InternetConnect",
    "InternetReadFile", "InternetWriteFile", "InternetCloseHandle", "InternetQueryOption",
    "InternetSetOption", "InternetCanonicalizeUrl", "InternetSetCookie", "InternetGetCookie",
    "InternetGetLastResponseInfo", "InternetAttemptConnect", "InternetCheckConnection",
    "InternetGoOnline", "FtpCommand", "FtpOpenFile",
]  # fmt: skip

UNICODE = 1
_ANY = (services.InternetSession, services.InternetConnection, services.InternetStream)
_ICU_ENCODE_PERCENT = 0x1000
_ICU_NO_META = 0x08000000
_ICU_DECODE = 0x10000000
_ICU_NO_ENCODE = 0x20000000


class PyHINTERNET(PyHANDLE):
    """pywin32's PyHINTERNET: a WinINet handle (``Close`` is InternetCloseHandle)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<PyHINTERNET:{self.handle}>"


def _text(value: object, *, none: bool = True) -> str | None:
    if isinstance(value, str) or (value is None and none):
        return value
    raise TypeError(f"Objects of type '{type(value).__name__}' can not be converted to Unicode.")


def _wrong_kind() -> Win32Error:
    return Win32Error.from_code(
        services.ERROR_INTERNET_INCORRECT_HANDLE_TYPE, "this call takes another kind of handle"
    )


def _wrap(obj: object) -> PyHINTERNET:
    return PyHINTERNET(new_handle(obj).Detach())


def _session(handle: object) -> services.InternetSession:
    obj = lookup(handle, _ANY)
    if not isinstance(obj, services.InternetSession):
        raise _wrong_kind()
    return obj


@api("InternetOpen")
def InternetOpen(
    agent: str, accessType: int, proxyName: str | None, proxyBypass: str | None, flags: int, /
) -> PyHINTERNET:
    """Start a session named ``agent`` (the requests' User-Agent)."""
    dword(accessType), _text(proxyName), _text(proxyBypass), dword(flags)
    return _wrap(services.InternetSession(_text(agent, none=False) or ""))


@api("InternetOpenUrl")
def InternetOpenUrl(
    Internet: object, Url: str, Headers: str | None = None, Flags: int = 0, Context: object = None
) -> PyHINTERNET:
    """Start reading an http, https or ftp URL."""
    url, headers = _text(Url, none=False) or "", _text(Headers)
    return _wrap(services.open_url(_session(Internet), url, headers, dword(Flags)))


@api("InternetConnect")
def InternetConnect(
    Internet: object,
    ServerName: str,
    ServerPort: int,
    Username: str | None,
    Password: str | None,
    Service: int,
    Flags: int,
    Context: object = None,
) -> PyHINTERNET:
    """Open a connection to a server (an FTP one logs in now)."""
    server = _text(ServerName, none=False) or ""
    user, password, port = _text(Username), _text(Password), dword(ServerPort)
    dword(Flags)
    session = _session(Internet)
    return _wrap(services.connect(session, server, port, user, password, dword(Service)))


@api("InternetReadFile")
def InternetReadFile(hInternet: object, size: int, /) -> bytes:
    """Read up to ``size`` bytes; b"" at the end."""
    count = dword(size)
    stream = lookup(hInternet, _ANY)
    if not isinstance(stream, services.InternetStream):
        raise _wrong_kind()
    return stream.read(count)


@api("InternetWriteFile")
def InternetWriteFile(File: object, Buffer: object, /) -> int:
    """Write to an upload: none is opened here, so every handle is of the wrong type."""
    memoryview(Buffer)  # type: ignore[arg-type]
    lookup(File, _ANY)
    raise _wrong_kind()


@api("InternetCloseHandle")
def InternetCloseHandle(handle: object, /) -> None:
    """Close a WinINet handle."""
    lookup(handle, _ANY)
    if isinstance(handle, PyHANDLE):
        handle.Close()
    else:
        PyHANDLE(handle).Close()  # type: ignore[arg-type]


@api("InternetQueryOption")
def InternetQueryOption(hInternet: object, Option: int, /) -> int | str:
    """An option: the handle's type, its URL, the agent, a timeout (milliseconds)."""
    return services.internet_option(lookup(hInternet, _ANY), dword(Option))


@api("InternetSetOption")
def InternetSetOption(hInternet: object, Option: int, Buffer: int | str, /) -> None:
    """Set the agent or a timeout (milliseconds) of a session."""
    services.set_internet_option(lookup(hInternet, _ANY), dword(Option), Buffer)


@api("InternetCanonicalizeUrl")
def InternetCanonicalizeUrl(url: str, flags: int = 0, /) -> str:
    """A URL with its path resolved and its unsafe characters escaped (ICU_* flags)."""
    text, bits = _text(url, none=False) or "", dword(flags)
    return services.canonicalize_url(
        text,
        encode=not bits & _ICU_NO_ENCODE,
        percent=bool(bits & _ICU_ENCODE_PERCENT),
        collapse=not bits & _ICU_NO_META,
        decode=bool(bits & _ICU_DECODE),
    )


@api("InternetSetCookie")
def InternetSetCookie(url: str, lpszCookieName: str | None, data: str, /) -> None:
    """Keep a cookie for a URL (``name=data``, or ``data`` as a Set-Cookie value)."""
    target, name = _text(url, none=False) or "", _text(lpszCookieName)
    services.set_cookie(target, name, _text(data, none=False) or "")


@api("InternetGetCookie")
def InternetGetCookie(Url: str, CookieName: str | None, /) -> str:
    """The cookies a URL is sent (``a=1; b=2``); the name is not used, as in WinINet."""
    _text(CookieName)
    return services.get_cookies(_text(Url, none=False) or "")


@api("InternetGetLastResponseInfo")
def InternetGetLastResponseInfo() -> tuple[int, str]:
    """The calling thread's last FTP server response: (0, its text)."""
    return 0, services.last_response()


@api("InternetAttemptConnect")
def InternetAttemptConnect(Reserved: int = 0, /) -> None:
    """Nothing to dial: the machine's network is always up."""
    dword(Reserved)


@api("InternetCheckConnection")
def InternetCheckConnection(Url: str, Flags: int = 0, Reserved: int = 0, /) -> None:
    """Fails (ERROR_NOT_CONNECTED) when the URL's server does not answer."""
    dword(Flags), dword(Reserved)
    services.check_connection(_text(Url, none=False) or "")


@api("InternetGoOnline")
def InternetGoOnline(Url: str, Parent: object = None, Flags: int = 0, /) -> None:
    """Nothing to do: the machine is not offline (no dialog is shown)."""
    _text(Url), dword(Flags)


@api("FtpCommand")
def FtpCommand(
    Connect: object, ExpectResponse: object, Flags: int, Command: str, Context: object = None
) -> PyHINTERNET | None:
    """Send an FTP command; with ExpectResponse its data comes as a stream."""
    command, expect = _text(Command, none=False) or "", as_bool(ExpectResponse)
    dword(Flags)
    connection = lookup(Connect, _ANY)
    if not isinstance(connection, services.InternetConnection):
        raise _wrong_kind()
    stream = services.ftp_command(connection, expect, command)
    return None if stream is None else _wrap(stream)


@api("FtpOpenFile")
def FtpOpenFile(
    Connect: object, FileName: str, Access: int, Flags: int, Context: object = None
) -> PyHINTERNET:
    """Open a file of an FTP server to read (its RETR data)."""
    name = _text(FileName, none=False) or ""
    dword(Access), dword(Flags)
    return FtpCommand(Connect, True, Flags, "RETR " + name) or PyHINTERNET(0)


# The URL cache and WinHTTP proxy functions: no Linux feature behind them (_unavailable).
CommitUrlCacheEntry = _unavailable_win32("CommitUrlCacheEntry", "URL caches")
CreateUrlCacheEntry = _unavailable_win32("CreateUrlCacheEntry", "URL caches")
CreateUrlCacheGroup = _unavailable_win32("CreateUrlCacheGroup", "URL caches")
DeleteUrlCacheEntry = _unavailable_win32("DeleteUrlCacheEntry", "URL caches")
DeleteUrlCacheGroup = _unavailable_win32("DeleteUrlCacheGroup", "URL caches")
FindCloseUrlCache = _unavailable_win32("FindCloseUrlCache", "URL caches")
FindFirstUrlCacheEntry = _unavailable_win32("FindFirstUrlCacheEntry", "URL caches")
FindFirstUrlCacheEntryEx = _unavailable_win32("FindFirstUrlCacheEntryEx", "URL caches")
FindFirstUrlCacheGroup = _unavailable_win32("FindFirstUrlCacheGroup", "URL caches")
FindNextUrlCacheEntry = _unavailable_win32("FindNextUrlCacheEntry", "URL caches")
FindNextUrlCacheEntryEx = _unavailable_win32("FindNextUrlCacheEntryEx", "URL caches")
FindNextUrlCacheGroup = _unavailable_win32("FindNextUrlCacheGroup", "URL caches")
GetUrlCacheEntryInfo = _unavailable_win32("GetUrlCacheEntryInfo", "URL caches")
GetUrlCacheGroupAttribute = _unavailable_win32("GetUrlCacheGroupAttribute", "URL caches")
SetUrlCacheEntryGroup = _unavailable_win32("SetUrlCacheEntryGroup", "URL caches")
SetUrlCacheGroupAttribute = _unavailable_win32("SetUrlCacheGroupAttribute", "URL caches")
WinHttpGetDefaultProxyConfiguration = _unavailable_win32(
    "WinHttpGetDefaultProxyConfiguration", "WinHTTP proxy settings"
)
WinHttpGetIEProxyConfigForCurrentUser = _unavailable_win32(
    "WinHttpGetIEProxyConfigForCurrentUser", "WinHTTP proxy settings"
)
WinHttpGetProxyForUrl = _unavailable_win32("WinHttpGetProxyForUrl", "WinHTTP proxy settings")
WinHttpOpen = _unavailable_win32("WinHttpOpen", "WinHTTP proxy settings")

__all__ += [
    "CommitUrlCacheEntry",
    "CreateUrlCacheEntry",
    "CreateUrlCacheGroup",
    "DeleteUrlCacheEntry",
    "DeleteUrlCacheGroup",
    "FindCloseUrlCache",
    "FindFirstUrlCacheEntry",
    "FindFirstUrlCacheEntryEx",
    "FindFirstUrlCacheGroup",
    "FindNextUrlCacheEntry",
    "FindNextUrlCacheEntryEx",
    "FindNextUrlCacheGroup",
    "GetUrlCacheEntryInfo",
    "GetUrlCacheGroupAttribute",
    "SetUrlCacheEntryGroup",
    "SetUrlCacheGroupAttribute",
    "WinHttpGetDefaultProxyConfiguration",
    "WinHttpGetIEProxyConfigForCurrentUser",
    "WinHttpGetProxyForUrl",
    "WinHttpOpen",
]
