"""URL monikers (CreateURLMonikerEx): a moniker whose display name is a URL.

Windows' URL moniker (urlmon) names a resource by its URL; made with a context moniker, a
relative URL is resolved against the context's (as a browser resolves a link), and a DOS path
becomes a ``file:`` URL. Binding fetches the resource over the network, which this library
does not model: a URL moniker here names, compares and hashes, but does not bind (E_NOTIMPL).
"""

from __future__ import annotations

import re
import urllib.parse
from typing import TYPE_CHECKING

from ..errors import E_INVALIDARG, ComError
from ._monikers import Moniker, _hash

if TYPE_CHECKING:
    from ._moniker_pointers import MonikerPointer
    from ._pointer import InterfacePointer

__all__ = ["MKSYS_URLMONIKER", "URL_MK_LEGACY", "URL_MK_UNIFORM", "url_moniker"]

MKSYS_URLMONIKER = 6
URL_MK_LEGACY = 0
URL_MK_UNIFORM = 1
CLSID_STD_URL_MONIKER = "{79EAC9E0-BAF9-11CE-8C82-00AA004BA90B}"

_DOS_PATH = re.compile(r"^[A-Za-z]:[\\/]")


class _UrlMoniker(Moniker):
    __slots__ = ("url",)

    kind = MKSYS_URLMONIKER
    clsid = CLSID_STD_URL_MONIKER

    def __init__(self, url: str) -> None:
        super().__init__(("url", url))
        self.url = url

    def display_name(self, bind_ctx: object, left: object) -> str:
        return self.url

    def hash(self) -> int:
        return _hash(self.url)


def _as_url(text: str) -> str:
    """A DOS path as a file URL (``C:/x/y``, backslashes too -> ``file:///C:/x/y``), or as is."""
    if _DOS_PATH.match(text):
        return "file:///" + text.replace("\\", "/")
    return text


def url_moniker(
    context: InterfacePointer | None, url: str, flags: int = URL_MK_UNIFORM
) -> MonikerPointer:
    """A URL moniker for ``url``, resolved against ``context``'s URL if that is a URL moniker.

    Raises:
        ComError: E_INVALIDARG for ``flags`` other than URL_MK_LEGACY and URL_MK_UNIFORM.
        TypeError: ``url`` is no str.
    """
    if not isinstance(url, str):
        raise TypeError(f"a URL is a str, not {type(url).__name__}")
    if flags not in (URL_MK_LEGACY, URL_MK_UNIFORM):
        raise ComError.from_hresult(E_INVALIDARG, f"{flags} is no URL_MK_* flag")
    target = None if context is None else context._target
    full = _as_url(url)
    if isinstance(target, _UrlMoniker):
        full = urllib.parse.urljoin(target.url, url)
    return _UrlMoniker(full).pointer()
