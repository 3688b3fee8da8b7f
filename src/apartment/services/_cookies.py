"""WinINet's cookie jar (InternetSetCookie, InternetGetCookie), kept for this process.

A cookie set for a URL is sent back to the URLs its domain and path match, as a browser
would: host-only unless it names a ``domain``, its ``path`` defaulting to the URL's folder,
dropped once its ``expires`` (or ``max-age``) has passed. Setting a cookie of the same name,
domain and path replaces it (at the end of the order).
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from dataclasses import dataclass

from ..errors import ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS, Win32Error

__all__ = ["set_cookie", "get_cookies", "ERROR_INTERNET_UNRECOGNIZED_SCHEME"]

ERROR_INTERNET_UNRECOGNIZED_SCHEME = 12006


@dataclass
class _Cookie:
    name: str
    value: str
    domain: str
    host_only: bool
    path: str
    expires: float | None


_lock = threading.Lock()
_jar: list[_Cookie] = []


def _site(url: str, code: int) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Win32Error.from_code(code, f"{url!r} is no http or https URL")
    return parts.hostname.lower(), parts.path or "/"


def _expiry(attribute: str, value: str) -> float | None:
    try:
        if attribute == "max-age":
            return time.time() + int(value)
        from email.utils import parsedate_to_datetime  # when first needed: a quick import

        return parsedate_to_datetime(value).timestamp()
    except (ValueError, TypeError, OverflowError):
        return None


def set_cookie(url: str, name: str | None, data: str) -> None:
    """Keep a cookie for ``url`` (``name=data``, or ``data`` as a Set-Cookie value).

    Raises:
        Win32Error: ERROR_INTERNET_UNRECOGNIZED_SCHEME: not an http or https URL.
    """
    host, url_path = _site(url, ERROR_INTERNET_UNRECOGNIZED_SCHEME)
    pair, *attributes = data.split(";")
    if name:
        pair = f"{name}={pair}"
    key, _, value = pair.partition("=")
    cookie = _Cookie(key.strip(), value.strip(), host, True, "", None)
    for attribute in attributes:
        what, _, setting = attribute.partition("=")
        what, setting = what.strip().lower(), setting.strip()
        if what == "domain" and setting:
            cookie.domain, cookie.host_only = setting.lstrip(".").lower(), False
        elif what == "path" and setting.startswith("/"):
            cookie.path = setting
        elif what in ("expires", "max-age") and setting:
            cookie.expires = _expiry(what, setting)
    if not cookie.path:
        cookie.path = url_path[: url_path.rfind("/")] or "/"
    with _lock:
        _jar[:] = [
            old
            for old in _jar
            if (old.name, old.domain, old.path) != (cookie.name, cookie.domain, cookie.path)
        ]
        if cookie.expires is None or cookie.expires > time.time():
            _jar.append(cookie)


def _matches(cookie: _Cookie, host: str, path: str) -> bool:
    if cookie.host_only:
        if host != cookie.domain:
            return False
    elif host != cookie.domain and not host.endswith("." + cookie.domain):
        return False
    prefix = cookie.path.rstrip("/")
    return path == prefix or path.startswith(prefix + "/") or cookie.path == "/"


def get_cookies(url: str) -> str:
    """The cookies ``url`` is sent, as a Cookie header's value (``a=1; b=2``).

    Raises:
        Win32Error: ERROR_INVALID_PARAMETER: not an http or https URL; ERROR_NO_MORE_ITEMS:
            it has none.
    """
    host, path = _site(url, ERROR_INVALID_PARAMETER)
    now = time.time()
    with _lock:
        _jar[:] = [cookie for cookie in _jar if cookie.expires is None or cookie.expires > now]
        found = [cookie for cookie in _jar if _matches(cookie, host, path)]
    if not found:
        raise Win32Error.from_code(ERROR_NO_MORE_ITEMS, f"no cookie is kept for {url!r}")
    return "; ".join(f"{c.name}={c.value}" if c.name else c.value for c in found)
