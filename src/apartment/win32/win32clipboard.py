"""pywin32's ``win32clipboard`` over the message layer's clipboard (``apartment.messages``).

The clipboard is the user's session's, shared with every process (the core's rules). What
is pywin32's own, and kept here:

* ``SetClipboardData(format, obj)`` takes a handle (an int, a PyHANDLE, None for delayed
  rendering) or data: a str goes as UTF-16, a bytes-like object as its bytes, and a str or a
  ``bytes`` object gets a NUL terminator when the format is a text format. It returns the
  handle of the block holding the data; for delayed rendering Windows returns NULL, which
  pywin32 reports as an error with whatever GetLastError held.
* ``GetClipboardData`` checks the format is available first (TypeError), then gives
  CF_UNICODETEXT as a str and CF_TEXT/CF_OEMTEXT as bytes, both up to the first NUL, CF_HDROP
  as a tuple of file names, and any other format as the block's bytes.
* ``SetClipboardText`` encodes a str for CF_TEXT in the ANSI code page ("mbcs": 1252 here).
* Functions that return a handle or count (``GetClipboardOwner``, ``GetOpenClipboardWindow``,
  ``CountClipboardFormats``) raise when Windows returns 0, with the thread's last error
  code, which Windows does not set for that case (pywin32's quirk).
"""

from __future__ import annotations

import operator
from typing import Any

from .. import (
    gdi,  # noqa: F401 (importing it makes CF_BITMAP's handles GDI bitmaps)
    messages,
)
from ..errors import Win32Error
from ..messages import CF_BITMAP as CF_BITMAP
from ..messages import CF_DIB as CF_DIB
from ..messages import CF_DIBV5 as CF_DIBV5
from ..messages import CF_DIF as CF_DIF
from ..messages import CF_DSPBITMAP as CF_DSPBITMAP
from ..messages import CF_DSPENHMETAFILE as CF_DSPENHMETAFILE
from ..messages import CF_DSPMETAFILEPICT as CF_DSPMETAFILEPICT
from ..messages import CF_DSPTEXT as CF_DSPTEXT
from ..messages import CF_ENHMETAFILE as CF_ENHMETAFILE
from ..messages import CF_HDROP as CF_HDROP
from ..messages import CF_LOCALE as CF_LOCALE
from ..messages import CF_MAX as CF_MAX
from ..messages import CF_METAFILEPICT as CF_METAFILEPICT
from ..messages import CF_OEMTEXT as CF_OEMTEXT
from ..messages import CF_OWNERDISPLAY as CF_OWNERDISPLAY
from ..messages import CF_PALETTE as CF_PALETTE
from ..messages import CF_PENDATA as CF_PENDATA
from ..messages import CF_RIFF as CF_RIFF
from ..messages import CF_SYLK as CF_SYLK
from ..messages import CF_TEXT as CF_TEXT
from ..messages import CF_TIFF as CF_TIFF
from ..messages import CF_UNICODETEXT as CF_UNICODETEXT
from ..messages import CF_WAVE as CF_WAVE
from ._adapt import api, last_error, soft
from ._handles import PyHANDLE, handle_value
from .pywintypes import error

__all__ = [
    "error",
    "CF_TEXT", "CF_BITMAP", "CF_METAFILEPICT", "CF_SYLK", "CF_DIF", "CF_TIFF", "CF_OEMTEXT",
    "CF_DIB", "CF_PALETTE", "CF_PENDATA", "CF_RIFF", "CF_WAVE", "CF_UNICODETEXT",
    "CF_ENHMETAFILE", "CF_HDROP", "CF_LOCALE", "CF_DIBV5", "CF_MAX", "CF_OWNERDISPLAY",
    "CF_DSPTEXT", "CF_DSPBITMAP", "CF_DSPMETAFILEPICT", "CF_DSPENHMETAFILE",
    "OpenClipboard", "CloseClipboard", "EmptyClipboard", "GetOpenClipboardWindow",
    "GetClipboardOwner", "GetClipboardSequenceNumber", "SetClipboardData", "SetClipboardText",
    "GetClipboardData", "GetClipboardDataHandle", "GetGlobalMemory", "EnumClipboardFormats",
    "CountClipboardFormats", "IsClipboardFormatAvailable", "GetPriorityClipboardFormat",
    "RegisterClipboardFormat", "GetClipboardFormatName",
    "SetClipboardViewer", "GetClipboardViewer", "ChangeClipboardChain", "UNICODE",
]  # fmt: skip

UNICODE = 1  # pywin32 is built for the W functions

_TEXT = (CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT)
_C_LONG = range(-(2**31), 2**31)
_NAME_BUFFER = 255  # pywin32's buffer: names are cut to 254 characters


def _format(value: object) -> int:
    """A format argument as pywin32 parses it ("i": a C long) and Windows reads it (a UINT)."""
    number = operator.index(value)  # type: ignore[arg-type]
    if number not in _C_LONG:
        raise OverflowError("Python int too large to convert to C long")
    return number & 0xFFFFFFFF


def _no_result(funcname: str) -> Win32Error:
    """The error pywin32 raises for a NULL result: the thread's last error, whatever it is."""
    return Win32Error.from_code(last_error(), funcname=funcname)


def _wide(text: str, terminate: bool) -> bytes:
    return text.encode("utf-16-le", "surrogatepass") + (b"\0\0" if terminate else b"")


@api("OpenClipboard")
def OpenClipboard(hWnd: object = None) -> None:
    """Open the clipboard for this thread, with a window or none."""
    messages.open_clipboard(handle_value(hWnd))


@api("CloseClipboard")
def CloseClipboard() -> None:
    """Close the clipboard this thread has open."""
    messages.close_clipboard()


@api("EmptyClipboard")
def EmptyClipboard() -> None:
    """Empty the clipboard; the window it is open with becomes its owner."""
    messages.empty_clipboard()


@api("GetOpenClipboardWindow")
def GetOpenClipboardWindow() -> int:
    """The window that has the clipboard open (an error when none: pywin32's quirk)."""
    hwnd = messages.clipboard_open_window()
    if not hwnd:
        raise _no_result("GetOpenClipboardWindow")
    return hwnd


@api("GetClipboardOwner")
def GetClipboardOwner() -> int:
    """The window that owns the clipboard (an error when none: pywin32's quirk)."""
    hwnd = messages.clipboard_owner()
    if not hwnd:
        raise _no_result("GetClipboardOwner")
    return hwnd


@api("GetClipboardSequenceNumber")
def GetClipboardSequenceNumber() -> int:
    """The clipboard's sequence number (pywin32 gives the DWORD as a signed int)."""
    number = messages.clipboard_sequence_number()
    return number - 2**32 if number >= 2**31 else number


@api("SetClipboardData")
def SetClipboardData(format: object, hMem: object) -> int:
    """Put data (or a block's handle, or None for delayed rendering) on the clipboard."""
    fmt = _format(format)
    if hMem is None or isinstance(hMem, (int, PyHANDLE, float)):
        handle = int(hMem) if isinstance(hMem, float) else handle_value(hMem)
        if handle:
            return messages.set_clipboard_block(fmt, handle)
        messages.set_clipboard_data(fmt, None)
        raise _no_result("SetClipboardData")  # Windows returns NULL for delayed rendering
    if isinstance(hMem, str):
        data = _wide(hMem, fmt in _TEXT)
    else:
        try:
            data = bytes(memoryview(hMem))  # type: ignore[arg-type]
        except TypeError:
            raise TypeError(
                f"a bytes-like object is required, not '{type(hMem).__name__}'"
            ) from None
        if type(hMem) is bytes and fmt in _TEXT:
            data += b"\0"  # pywin32 terminates bytes (only) for text formats
    return messages.set_clipboard_data(fmt, data)


@api("SetClipboardText")
def SetClipboardText(text: object, format: object = CF_TEXT) -> int:
    """Put text on the clipboard as CF_TEXT (ANSI) or CF_UNICODETEXT, NUL-terminated."""
    fmt = _format(format)
    if fmt not in (CF_TEXT, CF_UNICODETEXT):
        raise ValueError(
            f"Format arg must be one of CF_TEXT ({CF_TEXT}) or CF_UNICODETEXT "
            f"({CF_UNICODETEXT}) - got {operator.index(format)}"  # type: ignore[arg-type]
        )
    if text is None:
        raise TypeError("None is not a valid string in this context")
    if fmt == CF_TEXT:
        if isinstance(text, str):
            text = messages.encode_ansi(text)
        if not isinstance(text, bytes):
            raise TypeError(f"Expected 'bytes', got '{type(text).__name__}'")
        return messages.set_clipboard_data(fmt, text + b"\0")
    if not isinstance(text, str):
        raise TypeError(f"Objects of type '{type(text).__name__}' can not be converted to Unicode.")
    return messages.set_clipboard_data(fmt, _wide(text, True))


def _dropped_files(data: bytes) -> tuple[str, ...]:
    """The file names of a DROPFILES block (CF_HDROP), as DragQueryFileW reads them."""
    if len(data) < 20:
        return ()
    offset = int.from_bytes(data[0:4], "little")
    wide = int.from_bytes(data[16:20], "little") != 0
    if wide:
        names = data[offset:].decode("utf-16-le", "surrogatepass").split("\0")
    else:
        names = messages.decode_ansi(data[offset:]).split("\0")
    return tuple(name for name in names[: names.index("")] if name) if "" in names else ()


def _available(fmt: int) -> bool:
    return messages.is_clipboard_format_available(fmt)


@api("GetClipboardData")
def GetClipboardData(format: object = CF_UNICODETEXT) -> Any:  # noqa: ANN401
    """The data of a format: str for CF_UNICODETEXT, bytes for the others (see the module)."""
    fmt = _format(format)
    if not _available(fmt):  # pywin32 asks first
        raise TypeError("Specified clipboard format is not available")
    handle = messages.clipboard_data_handle(fmt)
    if not handle:
        raise _no_result("GetClipboardData")
    if fmt == CF_BITMAP:
        return handle
    data = messages.global_data(handle)
    if fmt == CF_UNICODETEXT:
        return messages.text_of(fmt, data)
    if fmt in (CF_TEXT, CF_OEMTEXT):
        return data.split(b"\0", 1)[0]
    if fmt == CF_HDROP:
        return _dropped_files(data)
    return data


@api("GetClipboardData")
def GetClipboardDataHandle(format: object = CF_TEXT) -> int:
    """The handle of the block holding a format's data (GetGlobalMemory reads it)."""
    fmt = _format(format)
    if not _available(fmt):  # pywin32 asks first
        raise TypeError(f"The clipboard format {operator.index(format)} is not available")  # type: ignore[arg-type]
    handle = messages.clipboard_data_handle(fmt)
    if not handle:
        raise _no_result("GetClipboardData")
    return handle


@api("GlobalSize")
def GetGlobalMemory(hglobal: object) -> bytes:
    """The bytes of a global memory block."""
    return messages.global_data(handle_value(hglobal))


@api("EnumClipboardFormats")
def EnumClipboardFormats(format: object = 0) -> int:
    """The format after ``format`` (0: the first); 0 past the last."""
    return messages.next_clipboard_format(_format(format))


@api("CountClipboardFormats")
def CountClipboardFormats() -> int:
    """How many formats the clipboard holds (an error when none: pywin32's quirk)."""
    count = len(messages.clipboard_formats())
    if not count:
        raise _no_result("CountClipboardFormats")
    return count


@api("IsClipboardFormatAvailable")
def IsClipboardFormatAvailable(format: object) -> int:
    """1 if the format is on the clipboard, else 0."""
    return int(_available(_format(format)))


@api("GetPriorityClipboardFormat")
def GetPriorityClipboardFormat(formats: object) -> int:
    """The first of ``formats`` on the clipboard; 0 if it is empty, -1 if none is there."""
    if not isinstance(formats, (list, tuple)):
        raise TypeError("Expected a sequence of integers")
    return messages.priority_clipboard_format(operator.index(f) & 0xFFFFFFFF for f in formats)


@api("RegisterClipboardFormat")
def RegisterClipboardFormat(name: object) -> int:
    """The format number of a name, registered for the session if new."""
    if not isinstance(name, str):
        raise TypeError(f"Objects of type '{type(name).__name__}' can not be converted to Unicode.")
    return messages.register_clipboard_format(name)


@api("GetClipboardFormatName")
def GetClipboardFormatName(format: object) -> str:
    """The name of a registered format (pywin32 cuts it to 254 characters)."""
    fmt = _format(format)
    if not messages.FIRST_REGISTERED_FORMAT <= fmt <= 0xFFFF:
        raise _no_result("GetClipboardFormatName")  # Windows sets no error for these
    return messages.clipboard_format_name(fmt)[: _NAME_BUFFER - 1]


def _hwnd(value: object) -> int:
    """A window argument: an int or None (0), as pywin32 reads an HWND."""
    return 0 if value is None else operator.index(value)  # type: ignore[arg-type]


@api("SetClipboardViewer")
def SetClipboardViewer(hWndNewViewer: object, /) -> int | None:
    """Make the window the first clipboard viewer; return the one it displaces (None: none).

    The window gets WM_DRAWCLIPBOARD at once, and whenever the clipboard changes; it must
    pass that on to the window returned, and handle WM_CHANGECBCHAIN.
    """
    return messages.set_clipboard_viewer(_hwnd(hWndNewViewer)) or None


@api("GetClipboardViewer")
def GetClipboardViewer() -> int:
    """The first clipboard viewer (an error when none: pywin32's quirk)."""
    hwnd = messages.clipboard_viewer()
    if not hwnd:
        raise _no_result("GetClipboardViewer")
    return hwnd


@soft(lambda: 0)  # pywin32 returns the BOOL: 0 with GetLastError set, raising nothing
def ChangeClipboardChain(hWndRemove: object, hWndNewNext: object, /) -> int:
    """Take a window out of the viewer chain, linking its predecessor to the next one.

    1 when it was the first viewer, else what the first viewer answered WM_CHANGECBCHAIN.
    """
    return messages.change_clipboard_chain(_hwnd(hWndRemove), _hwnd(hWndNewNext))
