"""WinINet over the standard library: sessions, connections and URLs read as streams.

:class:`InternetSession` is InternetOpen's handle (the agent, the timeouts);
:func:`open_url` reads an http, https or ftp URL (http.client, ftplib), following
redirects and keeping cookies as WinINet does; :func:`connect` is InternetConnect (an FTP
connection logs in at once, an HTTP one connects with its first request), and
:func:`ftp_command` sends an FTP command. Failures carry WinINet's ERROR_INTERNET_* codes.
Each object is thread-safe: its reads take its lock.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import urllib.parse
from typing import TYPE_CHECKING, Protocol

from ..errors import Win32Error
from ._cookies import ERROR_INTERNET_UNRECOGNIZED_SCHEME, get_cookies, set_cookie

if TYPE_CHECKING:
    import ftplib
    from collections.abc import Callable
    from types import ModuleType


def _ftplib() -> ModuleType:
    """ftplib, imported when first used: importing the services stays quick."""
    import ftplib

    return ftplib


def _http_client() -> ModuleType:
    """http.client (and ssl), imported when first used."""
    import http.client

    return http.client


__all__ = [
    "InternetSession", "InternetConnection", "InternetStream", "open_url", "connect",
    "ftp_command", "last_response", "canonicalize_url", "ERROR_INTERNET_TIMEOUT",
    "ERROR_INTERNET_INVALID_URL", "ERROR_INTERNET_UNRECOGNIZED_SCHEME",
    "ERROR_INTERNET_NAME_NOT_RESOLVED", "ERROR_INTERNET_INVALID_OPTION",
    "ERROR_INTERNET_INCORRECT_HANDLE_TYPE", "ERROR_INTERNET_CANNOT_CONNECT",
    "ERROR_INTERNET_CONNECTION_RESET", "ERROR_INTERNET_EXTENDED_ERROR",
    "ERROR_HTTP_INVALID_SERVER_RESPONSE", "SERVICE_FTP", "SERVICE_HTTP", "internet_option",
    "set_internet_option", "check_connection", "set_cookie", "get_cookies",
]  # fmt: skip

ERROR_INTERNET_TIMEOUT = 12002
ERROR_INTERNET_EXTENDED_ERROR = 12003
ERROR_INTERNET_INVALID_URL = 12005
ERROR_INTERNET_NAME_NOT_RESOLVED = 12007
ERROR_INTERNET_INVALID_OPTION = 12009
ERROR_INTERNET_INCORRECT_HANDLE_TYPE = 12018
ERROR_INTERNET_CANNOT_CONNECT = 12029
ERROR_INTERNET_CONNECTION_RESET = 12031
ERROR_HTTP_INVALID_SERVER_RESPONSE = 12152
SERVICE_FTP = 1
SERVICE_HTTP = 3
_NO_AUTO_REDIRECT = 0x00200000
_NO_COOKIES = 0x00080000
_PORTS = {"http": 80, "https": 443, "ftp": 21}
_state = threading.local()


def _error(code: int, detail: str) -> Win32Error:
    return Win32Error.from_code(code, detail)


def _network_error(exc: BaseException, where: str) -> Win32Error:
    """The ERROR_INTERNET_* code WinINet gives for what the socket said."""
    if isinstance(exc, socket.gaierror):
        return _error(ERROR_INTERNET_NAME_NOT_RESOLVED, f"{where}: {exc}")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return _error(ERROR_INTERNET_TIMEOUT, f"{where}: {exc}")
    if isinstance(exc, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
        return _error(ERROR_INTERNET_CONNECTION_RESET, f"{where}: {exc}")
    if isinstance(exc, (_http_client().HTTPException, _ftplib().Error)):
        return _error(ERROR_HTTP_INVALID_SERVER_RESPONSE, f"{where}: {exc}")
    return _error(ERROR_INTERNET_CANNOT_CONNECT, f"{where}: {exc}")


class InternetSession:
    """InternetOpen's handle: the agent the requests name, and their timeouts (seconds)."""

    def __init__(self, agent: str) -> None:
        self.agent = agent
        self.connect_timeout = 60.0
        self.receive_timeout = 30.0
        self.send_timeout = 30.0


class _Body(Protocol):
    def read(self, amt: int | None = ..., /) -> bytes: ...
    def close(self) -> None: ...


class InternetStream:
    """What a URL or an FTP transfer gives: bytes read in order; b"" at the end.

    ``status`` and ``headers`` are the HTTP response's (0 and [] for ftp); ``url`` the one
    read at last, after redirects.
    """

    def __init__(
        self,
        url: str,
        body: _Body,
        status: int = 0,
        headers: list[tuple[str, str]] | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        self.url = url
        self.status = status
        self.headers = headers or []
        self._body = body
        self._after = after  # what ends the transfer once the body is closed (FTP's reply)
        self._lock = threading.Lock()

    def read(self, count: int) -> bytes:
        """Up to ``count`` bytes (fewer only at the end).

        Raises:
            Win32Error: ERROR_INTERNET_CONNECTION_RESET, ERROR_INTERNET_TIMEOUT.
        """
        with self._lock:
            try:
                return self._body.read(count)
            except (OSError, _http_client().HTTPException) as exc:
                raise _network_error(exc, f"reading {self.url!r}") from None

    def close_on_last_handle(self) -> None:
        """Close the connection (the kernel calls this when the last handle closes)."""
        self._body.close()
        if self._after is not None:
            self._after()


class InternetConnection:
    """InternetConnect's handle: a server of one service, with the user to log in as."""

    def __init__(
        self,
        session: InternetSession,
        server: str,
        port: int,
        user: str | None,
        password: str | None,
        service: int,
    ) -> None:
        self.session = session
        self.server = server
        self.port = port or (_PORTS["ftp"] if service == SERVICE_FTP else _PORTS["http"])
        self.service = service
        self.user = user
        self.password = password
        self._lock = threading.Lock()
        self.ftp: ftplib.FTP | None = None

    def close_on_last_handle(self) -> None:
        """Log out of an FTP server (the kernel calls this when the last handle closes)."""
        if self.ftp is not None:
            self.ftp.close()


def _ftp_login(session: InternetSession, host: str, port: int, user: str | None,
               password: str | None) -> ftplib.FTP:  # fmt: skip
    ftp: ftplib.FTP = _ftplib().FTP(timeout=session.connect_timeout)
    try:
        _remember(ftp.connect(host, port))
        _remember(ftp.login(user or "anonymous", password or ""))
    except (OSError, _ftplib().Error, EOFError) as exc:
        ftp.close()
        raise _network_error(exc, f"logging in to {host}:{port}") from None
    return ftp


def _remember(response: str) -> None:
    _state.response = response


def last_response() -> str:
    """The calling thread's last FTP server response (InternetGetLastResponseInfo)."""
    return str(getattr(_state, "response", ""))


def connect(
    session: InternetSession,
    server: str,
    port: int,
    user: str | None,
    password: str | None,
    service: int,
) -> InternetConnection:
    """Open a connection to ``server`` (InternetConnect); an FTP one logs in now.

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER (another service), and for FTP the errors of
            :func:`open_url`.
    """
    if service not in (SERVICE_FTP, SERVICE_HTTP):
        raise Win32Error.from_code(87, f"{service} is no service WinINet offers here")
    connection = InternetConnection(session, server, port, user, password, service)
    if service == SERVICE_FTP:
        connection.ftp = _ftp_login(session, server, connection.port, user, password)
    return connection


def ftp_command(connection: InternetConnection, expect_response: bool, command: str) -> (
    InternetStream | None
):  # fmt: skip
    """Send an FTP command; with ``expect_response`` its data connection is the stream.

    Raises:
        Win32Error: ERROR_INTERNET_INCORRECT_HANDLE_TYPE (an HTTP connection),
            ERROR_INTERNET_EXTENDED_ERROR (the server refused: InternetGetLastResponseInfo).
    """
    ftp = connection.ftp
    if ftp is None:
        raise _error(ERROR_INTERNET_INCORRECT_HANDLE_TYPE, "not an FTP connection")
    with connection._lock:
        try:
            if not expect_response:
                _remember(ftp.sendcmd(command))
                return None
            data = ftp.transfercmd(command)
        except _ftplib().Error as exc:
            _remember(str(exc))
            raise _error(ERROR_INTERNET_EXTENDED_ERROR, f"{command!r}: {exc}") from None
        except (OSError, EOFError) as exc:
            raise _network_error(exc, command) from None
    return InternetStream(
        f"ftp://{connection.server}/", _data_body(data), after=lambda: _end_transfer(connection)
    )


def _data_body(data: socket.socket) -> _Body:
    """The data connection's bytes; closing it closes the socket too."""
    body = data.makefile("rb")
    data.close()  # the file holds the socket open until it is closed
    return body


def _end_transfer(connection: InternetConnection) -> None:
    """Read the server's reply to a finished transfer (its 226), as WinINet does on close."""
    if connection.ftp is None:
        return
    with connection._lock:
        try:
            _remember(connection.ftp.voidresp())
        except (OSError, EOFError, _ftplib().Error) as exc:
            _remember(str(exc))


def _http(session: InternetSession, url: str, headers: str | None, flags: int) -> InternetStream:
    for _ in range(10):
        parts = urllib.parse.urlsplit(url)
        kind = (
            _http_client().HTTPSConnection
            if parts.scheme == "https"
            else _http_client().HTTPConnection
        )
        try:
            port = parts.port
        except ValueError:
            raise _error(ERROR_INTERNET_INVALID_URL, f"{url!r} has a bad port") from None
        conn = kind(parts.hostname or "", port, timeout=session.connect_timeout)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        send = {"User-Agent": session.agent}
        if not flags & _NO_COOKIES:
            with contextlib.suppress(Win32Error):  # none kept
                send["Cookie"] = get_cookies(url)
        for line in (headers or "").splitlines():
            name, _, value = line.partition(":")
            if name.strip():
                send[name.strip()] = value.strip()
        try:
            conn.request("GET", target, headers=send)
            if conn.sock is not None:
                conn.sock.settimeout(session.receive_timeout)
            response = conn.getresponse()
        except (OSError, _http_client().HTTPException) as exc:
            conn.close()
            raise _network_error(exc, f"requesting {url!r}") from None
        if not flags & _NO_COOKIES:
            for value in response.headers.get_all("Set-Cookie") or []:
                set_cookie(url, None, value)
        location = response.getheader("Location")
        if (
            response.status in (301, 302, 303, 307, 308)
            and location
            and not (flags & _NO_AUTO_REDIRECT)
        ):
            response.read()
            conn.close()
            url = urllib.parse.urljoin(url, location)
            continue
        return InternetStream(url, response, response.status, response.getheaders())
    raise _error(ERROR_HTTP_INVALID_SERVER_RESPONSE, f"{url!r} redirects too often")


def open_url(
    session: InternetSession, url: str, headers: str | None = None, flags: int = 0
) -> InternetStream:
    """Start reading a URL (InternetOpenUrl): http, https (redirects followed) or ftp.

    An HTTP error status is no failure: its page is read, as WinINet does.

    Raises:
        Win32Error: ERROR_INTERNET_UNRECOGNIZED_SCHEME, ERROR_INTERNET_INVALID_URL (no host),
            ERROR_INTERNET_NAME_NOT_RESOLVED, ERROR_INTERNET_CANNOT_CONNECT,
            ERROR_INTERNET_TIMEOUT.
    """
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _PORTS:
        raise _error(ERROR_INTERNET_UNRECOGNIZED_SCHEME, f"{url!r}: no http, https or ftp")
    if not parts.hostname:
        raise _error(ERROR_INTERNET_INVALID_URL, f"{url!r} names no server")
    if scheme != "ftp":
        return _http(session, url, headers, flags)
    ftp = _ftp_login(session, parts.hostname, parts.port or 21, parts.username, parts.password)
    try:
        data = ftp.transfercmd("RETR " + urllib.parse.unquote(parts.path or "/"))
    except (OSError, _ftplib().Error, EOFError) as exc:
        ftp.close()
        raise _network_error(exc, f"reading {url!r}") from None

    def logout() -> None:
        with ftp, contextlib.suppress(OSError, EOFError, _ftplib().Error):  # then QUIT
            _remember(ftp.voidresp())  # the reply to the transfer

    return InternetStream(url, _data_body(data), after=logout)


_UNSAFE = frozenset(' <>"{}|\\^`')


def _encode(text: str, percent: bool) -> str:
    out = []
    for char in text:
        if char == "%" and percent:
            out.append("%25")
        elif char in _UNSAFE or ord(char) < 0x21 or ord(char) > 0x7E:
            data = char.encode("latin-1" if ord(char) < 256 else "utf-8")
            out.append("".join(f"%{byte:02X}" for byte in data))
        else:
            out.append(char)
    return "".join(out)


def _collapse(path: str) -> str:
    kept: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(kept) > 1:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    joined = "/".join(kept)
    return joined + "/" if path.endswith(("/.", "/..")) else joined


def canonicalize_url(url: str, *, encode: bool = True, percent: bool = False,
                     collapse: bool = True, decode: bool = False) -> str:  # fmt: skip
    r"""A URL as InternetCanonicalizeUrl gives it.

    Its path's ``.`` and ``..`` are resolved (not with ``collapse`` False, ICU_NO_META), and
    what is unsafe in a URL before its query (spaces, ``<>"{}|\\^```, controls, non-ASCII)
    is escaped as ``%XX`` (not with ``encode`` False, ICU_NO_ENCODE; ``%`` too with
    ``percent``, ICU_ENCODE_PERCENT); ``decode`` (ICU_DECODE) unescapes instead.
    """
    head, mark, tail = url, "", ""
    for index, char in enumerate(url):
        if char in "?#":
            head, mark, tail = url[:index], char, url[index + 1 :]
            break
    scheme, sep, rest = head.partition("://")
    if sep and collapse and "/" in rest:
        host, _, path = rest.partition("/")
        head = f"{scheme}://{host}{_collapse('/' + path)}"
    if decode:
        head = urllib.parse.unquote(head)
    elif encode:
        head = _encode(head, percent)
    return head + mark + tail


_HANDLE_TYPES = {InternetSession: 1, InternetStream: 13}
_TIMEOUTS = {2: "connect_timeout", 5: "send_timeout", 6: "receive_timeout"}
OPTION_HANDLE_TYPE = 9
OPTION_URL = 34
OPTION_USER_AGENT = 41


def _session_of(handle: object) -> InternetSession:
    if isinstance(handle, InternetSession):
        return handle
    if isinstance(handle, InternetConnection):
        return handle.session
    raise _error(ERROR_INTERNET_INCORRECT_HANDLE_TYPE, "this option is a session's")


def internet_option(handle: object, option: int) -> int | str:
    """An option of a WinINet object (InternetQueryOption).

    Its handle type, URL, agent or a timeout (milliseconds).

    Raises:
        Win32Error: ERROR_INTERNET_INVALID_OPTION (another option),
            ERROR_INTERNET_INCORRECT_HANDLE_TYPE (not one of this object's).
    """
    if option == OPTION_HANDLE_TYPE:
        if isinstance(handle, InternetConnection):
            return 2 if handle.service == SERVICE_FTP else 4
        return _HANDLE_TYPES[type(handle)]
    if option == OPTION_URL:
        if not isinstance(handle, InternetStream):
            raise _error(ERROR_INTERNET_INCORRECT_HANDLE_TYPE, "only a request has a URL")
        return handle.url
    if option == OPTION_USER_AGENT:
        return _session_of(handle).agent
    if option in _TIMEOUTS:
        seconds: float = getattr(_session_of(handle), _TIMEOUTS[option])
        return round(seconds * 1000)
    raise _error(ERROR_INTERNET_INVALID_OPTION, f"option {option} is not kept here")


def set_internet_option(handle: object, option: int, value: int | str) -> None:
    """Set the user agent or a timeout (milliseconds) of a session (InternetSetOption).

    Raises:
        Win32Error: ERROR_INTERNET_INVALID_OPTION, ERROR_INTERNET_INCORRECT_HANDLE_TYPE.
    """
    session = _session_of(handle)
    if option == OPTION_USER_AGENT and isinstance(value, str):
        session.agent = value
    elif option in _TIMEOUTS and isinstance(value, int):
        setattr(session, _TIMEOUTS[option], value / 1000)
    else:
        raise _error(ERROR_INTERNET_INVALID_OPTION, f"option {option} cannot be set to {value!r}")


def check_connection(url: str, timeout: float = 5.0) -> None:
    """Whether the server of ``url`` answers (InternetCheckConnection).

    Raises:
        Win32Error: ERROR_NOT_CONNECTED: it does not (or the URL names none).
    """
    parts = urllib.parse.urlsplit(url)
    try:
        port = parts.port or _PORTS.get(parts.scheme.lower(), 80)
        socket.create_connection((parts.hostname or "", port), timeout).close()
    except (OSError, ValueError):
        raise _error(2250, f"{url!r} does not answer") from None
