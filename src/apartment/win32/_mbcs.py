"""Python on Windows' ``mbcs`` codec (the ANSI code page), for programs run on the facade.

pywin32's demos encode with it (``"text".encode("mbcs")``); Linux's Python has no such codec.
The ANSI code page here is Windows-1252, as the clipboard's CF_TEXT is.
"""

from __future__ import annotations

import codecs

__all__ = ["register_mbcs"]

_registered = False


def _search(name: str) -> codecs.CodecInfo | None:
    if name in ("mbcs", "dbcs"):
        info = codecs.lookup("cp1252")
        return codecs.CodecInfo(
            info.encode,
            info.decode,
            name="mbcs",
            incrementalencoder=info.incrementalencoder,
            incrementaldecoder=info.incrementaldecoder,
            streamreader=info.streamreader,
            streamwriter=info.streamwriter,
        )
    return None


def register_mbcs() -> None:
    """Make ``codecs.lookup("mbcs")`` work, if Python has no such codec (once per process)."""
    global _registered
    if _registered:
        return
    try:
        codecs.lookup("mbcs")
    except LookupError:
        codecs.register(_search)
    _registered = True
