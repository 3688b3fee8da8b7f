"""win32gui's and win32api's shell names for windows: dropped files, file dialogs, icons.

Re-exported by :mod:`.win32gui` (DragAcceptFiles, the dialogs, ExtractIcon) and
:mod:`.win32api` (DragQueryFile, DragFinish). Each is one call into the message layer
(``_drops``, ``_icons``); the dialogs are headless: the user cancels unless a chooser answers
(``apartment.messages.set_file_dialog_chooser``), and pywin32 raises its error with code 0
for a cancel, as CommDlgExtendedError then says.
"""

from __future__ import annotations

import operator
from typing import Any

from .. import messages
from ..errors import Win32Error
from ._adapt import api, stamped
from ._handles import handle_value

__all__ = [
    "DragAcceptFiles", "GetOpenFileNameW", "GetSaveFileNameW", "GetOpenFileName",
    "CommDlgExtendedError", "ExtractIcon", "CreateIconFromResource", "ChildWindowFromPointEx",
    "EnumPropsEx", "MessageBox", "MessageBeep", "InitCommonControlsEx", "DragDetect",
]  # fmt: skip

_OFN_FIELDS = ("hwndOwner", "Filter", "File", "InitialDir", "Title")


@api("DragAcceptFiles")
def DragAcceptFiles(hwnd: int, fAccept: int, /) -> None:
    messages.accept_files(handle_value(hwnd), bool(operator.index(fAccept)))


@api("DragQueryFile")
def DragQueryFile(hDrop: int, fileNum: int = -1, /) -> int | str:
    """How many files were dropped (``fileNum`` -1), or the path of one."""
    return messages.drag_query_file(handle_value(hDrop), operator.index(fileNum))


def DragFinish(hDrop: int, /) -> None:
    messages.drag_finish(handle_value(hDrop))


def _dialog(name: str, save: bool, options: dict[str, Any]) -> tuple[str, str | None, int]:
    for key, value in options.items():
        if key in ("Filter", "File", "InitialDir", "Title", "CustomFilter", "DefExt") and not (
            value is None or isinstance(value, str)
        ):
            raise TypeError(f"{key} must be a string or None")
    request = messages.FileDialogRequest(
        save=save,
        title=options.get("Title"),
        initial_dir=options.get("InitialDir"),
        file=options.get("File"),
        filter=options.get("Filter"),
        owner=handle_value(options.get("hwndOwner")),
    )
    chosen = messages.file_dialog(request)
    if chosen is None:  # canceled: pywin32 raises with CommDlgExtendedError's 0
        raise stamped(Win32Error(0, name, "No error message is available"), name)
    return chosen, options.get("CustomFilter"), int(options.get("Flags", 0))


def GetOpenFileNameW(**options: Any) -> tuple[str, str | None, int]:  # noqa: ANN401
    """``(file, custom filter, flags)``; raises error 0 when the user cancels (headless)."""
    return _dialog("GetOpenFileNameW", False, options)


def GetSaveFileNameW(**options: Any) -> tuple[str, str | None, int]:  # noqa: ANN401
    """``(file, custom filter, flags)``; raises error 0 when the user cancels (headless)."""
    return _dialog("GetSaveFileNameW", True, options)


def GetOpenFileName(OPENFILENAME: object, /) -> str:
    """The old form (a packed OPENFILENAME): the path; raises error 0 when canceled."""
    chosen, _filter, _flags = _dialog("GetOpenFileName", False, {})
    return chosen


def CommDlgExtendedError() -> int:
    """0: the only way a dialog fails here is its user canceling it."""
    return 0


@api("ExtractIcon")
def ExtractIcon(hinstance: object, moduleName: str, index: int, /) -> int:
    """The file's icon at ``index`` (0 for none); with -1, how many icons it has."""
    if not isinstance(moduleName, str):
        raise TypeError("moduleName must be a string")
    first = operator.index(index)
    found = messages.extract_icons(moduleName, first, 1)
    if isinstance(found, int):
        return found
    large, small = found
    for icon in small:
        messages.destroy_icon(icon)
    return large[0] if large else 0


@api("CreateIconFromResource")
def CreateIconFromResource(bits: bytes, fIcon: int, ver: int = 0x00030000, /) -> int:
    """An icon (or, with ``fIcon`` false, a cursor) from resource bits: a DIB or a PNG."""
    operator.index(ver)
    return messages.icon_from_resource(bits, bool(operator.index(fIcon)))


@api("ChildWindowFromPointEx")
def ChildWindowFromPointEx(hwndParent: int, point: tuple[int, int], flags: int, /) -> int:
    """The child at a point, skipping hidden, disabled or transparent ones by CWP_* flags."""
    x, y = point
    return messages.child_window_from_point(
        handle_value(hwndParent), (operator.index(x), operator.index(y)), operator.index(flags)
    )


@api("EnumPropsEx")
def EnumPropsEx(hWnd: int, EnumFunc: Any, Param: object, /) -> None:  # noqa: ANN401
    """Call ``EnumFunc`` for each property of the window: pywin32 sets none (no SetProp)."""
    if not callable(EnumFunc):
        raise TypeError("EnumFunc must be callable")
    messages.window_of(handle_value(hWnd))


# win32gui carries these too (the same functions as win32api's).
from ._api_more import MessageBox as MessageBox  # noqa: E402
from ._api_system import MessageBeep as MessageBeep  # noqa: E402


def InitCommonControlsEx(flag: int, /) -> None:
    """Accepted: the common controls are not modelled (InitCommonControls too)."""
    operator.index(flag)


@api("DragDetect")
def DragDetect(hwnd: int, point: tuple[int, int], /) -> int:
    """False: Windows waits for the mouse to leave the drag rectangle; no user moves it here."""
    messages.window_of(handle_value(hwnd))
    x, y = point
    operator.index(x)
    operator.index(y)
    return 0
