"""pywin32's ``win32help``: WinHelp and HTML Help, with no help viewer.

No help viewer (winhlp32, hh.exe) exists here, so no help window is ever shown:
``WinHelp`` succeeds, as Windows' does once it has handed the request to the viewer (which
reports a missing file itself, to the user); ``HtmlHelp`` returns 0, the NULL window handle
that Windows' HtmlHelp returns when no help window was created, for every command. What
pywin32 checks before the call is checked the same way, with its errors: a command's
``file`` must be a string where it needs one, its ``data`` the structure it takes (TypeError),
an unknown command is a TypeError, HH_GET_LAST_ERROR and HH_PRETRANSLATEMESSAGE are
NotImplementedError. The structure constructors (HH_AKLINK...) make pywin32's objects with
their fields at their defaults. The constants are pywin32's (a table, ``_tables``).
"""

from __future__ import annotations

import itertools
import threading
from typing import ClassVar

from ._handles import handle_value
from ._tables import fill as _fill
from ._tables.win32help import IIDS, VALUES

__all__ = [
    "HHNTRACK",
    "HHN_NOTIFY",
    "HH_AKLINK",
    "HH_FTS_QUERY",
    "HH_POPUP",
    "HH_WINTYPE",
    "NMHDR",
    "HtmlHelp",
    "WinHelp",
]
__all__ += _fill(globals(), VALUES, IIDS)


class _Struct:
    """A help structure: its fields, at pywin32's defaults, settable."""

    _defaults: ClassVar[dict[str, object]] = {}

    def __init__(self) -> None:
        for name, value in self._defaults.items():
            setattr(self, name, value)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object>"


class PyHH_AKLINK(_Struct):  # noqa: N801 (pywin32's type name)
    """HH_AKLINK: the keywords or ALinks to look up, and what to do when none is found."""

    _defaults: ClassVar[dict[str, object]] = dict.fromkeys(
        ("keywords", "msgText", "msgTitle", "url", "window")
    ) | {"indexOnFail": 0}


class PyHH_FTS_QUERY(_Struct):  # noqa: N801 (pywin32's type name)
    """HH_FTS_QUERY: a full-text search."""

    _defaults: ClassVar[dict[str, object]] = {
        "execute": 0, "proximity": 0, "searchQuery": None, "stemmedSearch": 0,
        "titleOnly": 0, "uniCodeStrings": 0,
    }  # fmt: skip


class PyHH_POPUP(_Struct):  # noqa: N801 (pywin32's type name)
    """HH_POPUP: a pop-up text window."""

    _defaults: ClassVar[dict[str, object]] = {
        "clrBackground": 0, "clrForeground": 0, "font": None, "hinst": 0, "idString": 0,
        "margins": None, "pt": None, "text": None,
    }  # fmt: skip


class PyHH_WINTYPE(_Struct):  # noqa: N801 (pywin32's type name)
    """HH_WINTYPE: a help window type."""

    _defaults: ClassVar[dict[str, object]] = dict.fromkeys(
        ("caption", "file", "home", "index", "jump1", "jump2", "toc", "typeName",
         "urlJump1", "urlJump2")
    ) | dict.fromkeys(
        ("curNavType", "exStyles", "idNotify", "navWidth", "notExpanded", "showState",
         "styles", "toolBarFlags", "uniCodeStrings", "validMembers", "winProperties"), 0
    ) | {"HTMLPos": (0, 0, 0, 0), "windowPos": (0, 0, 0, 0)}  # fmt: skip


class PyNMHDR(_Struct):
    """NMHDR: a notification's header."""

    _defaults: ClassVar[dict[str, object]] = {"code": 0, "hwndFrom": 0, "idFrom": 0}


class PyHHN_NOTIFY(_Struct):  # noqa: N801 (pywin32's type name)
    """HHN_NOTIFY: a help notification with its URL."""

    _defaults: ClassVar[dict[str, object]] = {"hdr": None, "url": None}


class PyHHNTRACK(_Struct):
    """HHNTRACK: a help navigation notification."""

    _defaults: ClassVar[dict[str, object]] = {
        "action": 0, "curUrl": None, "hdr": None, "winType": None,
    }  # fmt: skip


def HH_AKLINK() -> PyHH_AKLINK:
    """A new HH_AKLINK structure."""
    return PyHH_AKLINK()


def HH_FTS_QUERY() -> PyHH_FTS_QUERY:
    """A new HH_FTS_QUERY structure."""
    return PyHH_FTS_QUERY()


def HH_POPUP() -> PyHH_POPUP:
    """A new HH_POPUP structure."""
    return PyHH_POPUP()


def HH_WINTYPE() -> PyHH_WINTYPE:
    """A new HH_WINTYPE structure."""
    return PyHH_WINTYPE()


def NMHDR() -> PyNMHDR:
    """A new NMHDR structure."""
    return PyNMHDR()


def HHN_NOTIFY() -> PyHHN_NOTIFY:
    """A new HHN_NOTIFY structure."""
    return PyHHN_NOTIFY()


def HHNTRACK() -> PyHHNTRACK:
    """A new HHNTRACK structure."""
    return PyHHNTRACK()


def WinHelp(hwnd: object, hlpFile: str, cmd: int, data: object = None, /) -> None:
    """Hand a request to the WinHelp viewer: there is none to show it, so nothing appears."""
    handle_value(hwnd)
    if not isinstance(cmd, int):
        raise TypeError(f"WinHelp: cmd must be an int, not {type(cmd).__name__}")
    if data is not None and not isinstance(data, int):
        try:
            memoryview(data)  # type: ignore[arg-type]
        except TypeError:
            raise TypeError("Data must be a buffer, None, or pointer-sized number") from None
    if not isinstance(hlpFile, str):
        raise TypeError(f"WinHelp: hlpFile must be a str, not {type(hlpFile).__name__}")


_H = VALUES
_NEEDS_FILE = {
    _H["HH_ALINK_LOOKUP"]: "HH_ALINK_LOOKUP and HH_KEYWORD_LOOKUP",
    _H["HH_KEYWORD_LOOKUP"]: "HH_ALINK_LOOKUP and HH_KEYWORD_LOOKUP",
    _H["HH_DISPLAY_INDEX"]: "HH_DISPLAY_INDEX, HH_GET_WIN_HANDLE and HH_SYNC",
    _H["HH_GET_WIN_HANDLE"]: "HH_DISPLAY_INDEX, HH_GET_WIN_HANDLE and HH_SYNC",
    _H["HH_SYNC"]: "HH_DISPLAY_INDEX, HH_GET_WIN_HANDLE and HH_SYNC",
    _H["HH_DISPLAY_SEARCH"]: "HH_DISPLAY_SEARCH",
    _H["HH_DISPLAY_TOC"]: "HH_DISPLAY_TOC and HH_DISPLAY_TOPIC",
    _H["HH_DISPLAY_TOPIC"]: "HH_DISPLAY_TOC and HH_DISPLAY_TOPIC",
    _H["HH_GET_WIN_TYPE"]: "HH_GET_WIN_TYPE",
    _H["HH_HELP_CONTEXT"]: "HH_HELP_CONTEXT",
    _H["HH_SET_WIN_TYPE"]: "HH_SET_WIN_TYPE",
    _H["HH_TP_HELP_CONTEXTMENU"]: "HH_TP_HELP_CONTEXTMENU and HH_TP_HELP_WM_HELP",
    _H["HH_TP_HELP_WM_HELP"]: "HH_TP_HELP_CONTEXTMENU and HH_TP_HELP_WM_HELP",
}
_STRUCT_DATA: dict[object, tuple[type[_Struct], str]] = {
    _H["HH_ALINK_LOOKUP"]: (PyHH_AKLINK, "HH_ALINK_LOOKUP and HH_KEYWORD_LOOKUP cmd"),
    _H["HH_KEYWORD_LOOKUP"]: (PyHH_AKLINK, "HH_ALINK_LOOKUP and HH_KEYWORD_LOOKUP cmd"),
    _H["HH_DISPLAY_SEARCH"]: (PyHH_FTS_QUERY, "HH_DISPLAY_SEARCH"),
    _H["HH_DISPLAY_TEXT_POPUP"]: (PyHH_POPUP, "HH_DISPLAY_TEXT_POPUP"),
    _H["HH_SET_WIN_TYPE"]: (PyHH_WINTYPE, "HH_SET_WIN_TYPE"),
}
_INT_DATA = {
    _H["HH_HELP_CONTEXT"]: "HH_HELP_CONTEXT",
    _H["HH_UNINITIALIZE"]: "HH_UNINITIALIZE",
}
_NOT_IMPLEMENTED = {
    _H["HH_GET_LAST_ERROR"]: "HH_GET_LAST_ERROR not implemented in the Html Help engine yet.",
    _H["HH_PRETRANSLATEMESSAGE"]: "HH_PRETRANSLATEMESSAGE not implemented in win32help yet",
}
_KNOWN = {*_NEEDS_FILE, *_STRUCT_DATA, *_INT_DATA, _H["HH_CLOSE_ALL"], _H["HH_INITIALIZE"]}
_cookies = itertools.count(1)
_cookie_lock = threading.Lock()


def _check_data(cmd: int, data: object) -> None:
    """Check ``data`` as pywin32 does for ``cmd`` (TypeError)."""
    if cmd in _STRUCT_DATA:
        kind, what = _STRUCT_DATA[cmd]
        if not isinstance(data, kind):
            raise TypeError(f"{what} data must be a {kind.__name__} object")
    elif cmd in _INT_DATA:
        if not isinstance(data, int):
            raise TypeError(f"{_INT_DATA[cmd]} data must be an integer")
    elif cmd in (_H["HH_DISPLAY_INDEX"], _H["HH_GET_WIN_HANDLE"], _H["HH_SYNC"]) or (
        cmd in (_H["HH_DISPLAY_TOC"], _H["HH_DISPLAY_TOPIC"]) and data is not None
    ):
        if not isinstance(data, str):
            raise TypeError(f"HtmlHelp: data must be a str, not {type(data).__name__}")
    elif cmd in (_H["HH_TP_HELP_CONTEXTMENU"], _H["HH_TP_HELP_WM_HELP"]):
        what = "HH_TP_HELP_CONTEXTMENU and HH_TP_HELP_WM_HELP data"
        if not isinstance(data, tuple):
            raise TypeError(f"{what} must be a tuple")
        if len(data) % 2:
            raise TypeError(f"{what} tuple length must be even")
        if not all(isinstance(item, int) for item in data):
            raise TypeError(f"{what} tuple items must be integers")


def HtmlHelp(
    hwnd: object, file: str | None, cmd: int, data: object = None, /
) -> int | tuple[int, object]:
    """Send an HTML Help command: no viewer exists, so no window is made (0, NULL).

    HH_INITIALIZE gives ``(0, cookie)`` and HH_GET_WIN_TYPE ``(0, HH_WINTYPE)``, as pywin32
    returns them; every other command gives the help window's handle, 0.
    """
    handle_value(hwnd)
    if file is not None and not isinstance(file, str):
        raise TypeError(f"HtmlHelp: file must be a str or None, not {type(file).__name__}")
    if file is not None and len(file) >= 260:
        raise ValueError(f"string of length {len(file)} is too large for this function")
    if not isinstance(cmd, int):
        raise TypeError(f"HtmlHelp: cmd must be an int, not {type(cmd).__name__}")
    if cmd in _NOT_IMPLEMENTED:
        raise NotImplementedError(_NOT_IMPLEMENTED[cmd])
    if cmd not in _KNOWN:
        raise TypeError("Unrecognized cmd")
    if file is None and cmd in _NEEDS_FILE:
        raise TypeError(f"{_NEEDS_FILE[cmd]} file must be a string")
    _check_data(cmd, data)
    if cmd == _H["HH_INITIALIZE"]:
        with _cookie_lock:
            return 0, next(_cookies)
    if cmd == _H["HH_GET_WIN_TYPE"]:
        return 0, PyHH_WINTYPE()
    return 0
