"""Contract: ``win32inet``, WinINet: URLs read through handles, canonical URLs, cookies.

The machine has no internet: the URLs are a local ``http.server``'s, in a thread. Under
Wine, pywin32's InternetOpen fails (its handle's InternetQueryOption gets
ERROR_INTERNET_INCORRECT_HANDLE_TYPE), so the tests that need a session are marked.
"""

from __future__ import annotations

import http.server
import threading
from typing import TYPE_CHECKING, Any

import pytest
import win32inet
import win32inetcon
import winerror

from ._wine import wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

_NO_SESSION = "pywin32's InternetOpen fails under Wine (ERROR_INTERNET_INCORRECT_HANDLE_TYPE)"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/landed")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 404 if self.path == "/missing" else 200
        body = f"{self.path} {self.headers.get('User-Agent')} {self.headers.get('Cookie')}"
        data = body.encode() * (50 if self.path == "/big" else 1)
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Set-Cookie", "served=yes")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


@pytest.fixture
def session() -> Iterator[Any]:
    hi = win32inet.InternetOpen(
        "contract/1.0", win32inetcon.INTERNET_OPEN_TYPE_DIRECT, None, None, 0
    )
    try:
        yield hi
    finally:
        hi.Close()


def _code(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(win32inet.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def _read_all(handle: object) -> bytes:
    chunks = []
    while chunk := win32inet.InternetReadFile(handle, 100):
        chunks.append(chunk)
    return b"".join(chunks)


def test_the_names_are_there() -> None:
    for name in (
        "InternetOpen", "InternetOpenUrl", "InternetConnect", "InternetReadFile",
        "InternetWriteFile", "InternetCloseHandle", "InternetQueryOption", "InternetSetOption",
        "InternetCanonicalizeUrl", "InternetSetCookie", "InternetGetCookie",
        "InternetGetLastResponseInfo", "InternetAttemptConnect", "InternetCheckConnection",
        "InternetGoOnline", "FtpCommand", "FtpOpenFile", "error",
    ):  # fmt: skip
        assert callable(getattr(win32inet, name)), name
    assert win32inet.error is __import__("pywintypes").error


def test_canonicalize_escapes_and_resolves() -> None:
    canon = win32inet.InternetCanonicalizeUrl
    assert canon("foo bar") == "foo%20bar"
    big = "x" * 2048
    assert canon(big + " " + big) == big + "%20" + big
    assert canon("http://x.com/a b/../c?d e#f g") == "http://x.com/c?d e#f g"
    assert canon("http://x.com/a/./b/../c", win32inetcon.ICU_NO_META) == "http://x.com/a/./b/../c"
    assert canon("http://x.com/a b", win32inetcon.ICU_NO_ENCODE) == "http://x.com/a b"
    assert canon("http://x.com/a%2fb c", win32inetcon.ICU_ENCODE_PERCENT) == (
        "http://x.com/a%252fb%20c"
    )
    assert canon('http://x.com/<>"{}|^`') == "http://x.com/%3C%3E%22%7B%7D%7C%5E%60"
    assert canon("") == ""
    with pytest.raises(TypeError):
        canon(3)
    with pytest.raises(TypeError):
        canon(b"a b")


def test_cookies_set_and_read_back() -> None:
    site = "https://contract.apartment.example"
    win32inet.InternetSetCookie(site, None, "First=1")
    win32inet.InternetSetCookie(site + "/sub", "Second", "2")  # its path is the folder: /
    assert win32inet.InternetGetCookie(site + "/sub/page", None) == "First=1; Second=2"
    win32inet.InternetSetCookie(site, None, "First=one")  # replaced, and now the last
    assert win32inet.InternetGetCookie(site, "ignored") == "Second=2; First=one"
    other = "https://other.apartment.example"
    assert _code(win32inet.InternetGetCookie, other, None) == (
        winerror.ERROR_NO_MORE_ITEMS,
        "InternetGetCookie",
    )


def test_cookie_of_a_domain_and_an_expired_one() -> None:
    win32inet.InternetSetCookie("https://a.domain.example", None, "D=1; domain=domain.example")
    assert win32inet.InternetGetCookie("https://b.domain.example/", None) == "D=1"
    gone = "https://gone.example"
    win32inet.InternetSetCookie(gone, None, "E=1; expires=Thu, 01 Jan 1970 00:00:00 GMT")
    assert _code(win32inet.InternetGetCookie, gone, None)[0] == winerror.ERROR_NO_MORE_ITEMS


def test_cookie_of_no_url() -> None:
    assert _code(win32inet.InternetGetCookie, "nonsense", None)[0] == (
        winerror.ERROR_INVALID_PARAMETER
    )
    assert _code(win32inet.InternetSetCookie, "nonsense", None, "a=b") == (
        win32inetcon.ERROR_INTERNET_UNRECOGNIZED_SCHEME,
        "InternetSetCookie",
    )


def test_a_bad_handle_is_invalid() -> None:
    assert _code(win32inet.InternetReadFile, None, 10) == (
        winerror.ERROR_INVALID_HANDLE,
        "InternetReadFile",
    )
    assert _code(win32inet.InternetCloseHandle, None)[0] == winerror.ERROR_INVALID_HANDLE
    with pytest.raises(TypeError):
        win32inet.InternetOpen(3, 0, None, None, 0)


def test_attempt_connect() -> None:
    assert win32inet.InternetAttemptConnect(0) is None


@wine_differs(_NO_SESSION)
def test_read_a_url(session: Any, server: str) -> None:
    handle = win32inet.InternetOpenUrl(session, server + "/page?x=1", None, 0)
    try:
        assert _read_all(handle).startswith(b"/page?x=1 contract/1.0 ")
        assert win32inet.InternetReadFile(handle, 10) == b""
        assert win32inet.InternetQueryOption(handle, win32inetcon.INTERNET_OPTION_URL) == (
            server + "/page?x=1"
        )
        assert win32inet.InternetQueryOption(handle, win32inetcon.INTERNET_OPTION_HANDLE_TYPE) == (
            win32inetcon.INTERNET_HANDLE_TYPE_HTTP_REQUEST
        )
    finally:
        handle.Close()
    assert _code(win32inet.InternetReadFile, handle, 10)[0] == winerror.ERROR_INVALID_HANDLE


@wine_differs(_NO_SESSION)
def test_reads_in_pieces_and_an_error_page(session: Any, server: str) -> None:
    big = win32inet.InternetOpenUrl(session, server + "/big", None, 0)
    assert len(_read_all(big)) > 100
    big.Close()
    missing = win32inet.InternetOpenUrl(session, server + "/missing", None, 0)
    assert _read_all(missing).startswith(b"/missing ")  # a 404 is read as any page
    missing.Close()


@wine_differs(_NO_SESSION)
def test_follows_redirects_and_sends_cookies(session: Any, server: str) -> None:
    handle = win32inet.InternetOpenUrl(session, server + "/moved", None, 0)
    assert _read_all(handle).startswith(b"/landed ")
    handle.Close()
    assert "served=yes" in win32inet.InternetGetCookie(server, None)
    again = win32inet.InternetOpenUrl(session, server + "/again", None, 0)
    assert _read_all(again).endswith(b"served=yes")
    again.Close()


@wine_differs(_NO_SESSION)
def test_url_errors(session: Any) -> None:
    assert _code(win32inet.InternetOpenUrl, session, "foo://x/", None, 0) == (
        win32inetcon.ERROR_INTERNET_UNRECOGNIZED_SCHEME,
        "InternetOpenUrl",
    )
    assert _code(win32inet.InternetOpenUrl, session, "http://127.0.0.1:1/", None, 0)[0] == (
        win32inetcon.ERROR_INTERNET_CANNOT_CONNECT
    )
    assert _code(win32inet.InternetOpenUrl, session, "http://no-such.host.invalid/", None, 0)[
        0
    ] == (win32inetcon.ERROR_INTERNET_NAME_NOT_RESOLVED)


@wine_differs(_NO_SESSION)
def test_handle_kinds(session: Any, server: str) -> None:
    assert win32inet.InternetQueryOption(session, win32inetcon.INTERNET_OPTION_HANDLE_TYPE) == (
        win32inetcon.INTERNET_HANDLE_TYPE_INTERNET
    )
    port = int(server.rsplit(":", 1)[1])
    connection = win32inet.InternetConnect(
        session, "127.0.0.1", port, None, None, win32inetcon.INTERNET_SERVICE_HTTP, 0, 0
    )
    try:
        assert win32inet.InternetQueryOption(
            connection, win32inetcon.INTERNET_OPTION_HANDLE_TYPE
        ) == (win32inetcon.INTERNET_HANDLE_TYPE_CONNECT_HTTP)
        assert _code(win32inet.InternetReadFile, connection, 10)[0] == (
            win32inetcon.ERROR_INTERNET_INCORRECT_HANDLE_TYPE
        )
    finally:
        win32inet.InternetCloseHandle(connection)
    win32inet.InternetSetOption(session, win32inetcon.INTERNET_OPTION_CONNECT_TIMEOUT, 5000)
    assert win32inet.InternetQueryOption(session, win32inetcon.INTERNET_OPTION_CONNECT_TIMEOUT) == (
        5000
    )
