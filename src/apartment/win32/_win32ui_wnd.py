"""win32ui's window object, PyCWnd, as far as capture programs use it, over win32gui.

``win32ui.FindWindow(None, title)`` or ``CreateWindowFromHandle(hwnd)`` give a PyCWnd whose
``GetWindowDC()`` / ``GetDC()`` are PyCDCs to capture from and ``ReleaseDC(dc)`` gives
back. There is no MFC message map here: a PyCWnd wraps a window of the message layer and
answers what its HWND answers. Failures raise ``win32ui.error`` with pywin32's messages.
"""

from __future__ import annotations

import threading
import weakref

from .. import messages
from ..errors import Win32Error
from . import _win32gui_gdi as _gdi
from ._win32ui_dc import PyCDC, wrap_dc
from ._win32ui_objects import dc_of, error

__all__ = ["PyCWnd", "wrap_window"]

_BAD_HANDLE = "The window handle does not specify a valid window"
_LOCK = threading.Lock()
_LIVE: weakref.WeakValueDictionary[int, PyCWnd] = weakref.WeakValueDictionary()


class PyCWnd:
    """A window of win32ui (MFC's CWnd) over an HWND."""

    __slots__ = ("__weakref__", "_hwnd")

    def __init__(self, hwnd: int) -> None:
        self._hwnd = hwnd

    def __repr__(self) -> str:
        return f"object 'PyCWnd' - hwnd {self._hwnd:#x}"

    def _good(self) -> int:
        """The HWND, which must name a window (``error`` otherwise)."""
        if not messages.is_window(self._hwnd):
            raise error(_BAD_HANDLE)
        return self._hwnd

    def GetSafeHwnd(self) -> int:
        """The HWND."""
        return self._hwnd

    def GetWindowDC(self) -> PyCDC:
        """A PyCDC for the whole window (GetWindowDC); give it back with ReleaseDC."""
        try:
            return wrap_dc(_gdi.GetWindowDC(self._hwnd))
        except Win32Error:
            raise error("Could not get the DC for the window.") from None

    def GetDC(self) -> PyCDC:
        """A PyCDC for the client area (GetDC); give it back with ReleaseDC."""
        try:
            return wrap_dc(_gdi.GetDC(self._hwnd))
        except Win32Error:
            raise error("Could not get the DC for the window.") from None

    def ReleaseDC(self, dc: PyCDC, /) -> None:
        """Give back a context from GetDC or GetWindowDC; one deleted already fails."""
        dc_of(dc, "ReleaseDC failed")
        if not _gdi.ReleaseDC(self._hwnd, dc.GetSafeHdc()):
            raise error("ReleaseDC failed")

    def GetWindowRect(self) -> tuple[int, int, int, int]:
        """The window's rectangle in screen coordinates."""
        return messages.window_rect(self._good())

    def GetClientRect(self) -> tuple[int, int, int, int]:
        """The client area: (0, 0, width, height)."""
        return messages.client_rect(self._good())

    def GetWindowText(self) -> str:
        """The window's text."""
        return messages.get_window_text(self._good(), 512)


def wrap_window(hwnd: int) -> PyCWnd:
    """The one live PyCWnd of ``hwnd`` (MFC's handle map), made if there is none."""
    with _LOCK:
        obj = _LIVE.get(hwnd)
        if obj is None:
            obj = PyCWnd(hwnd)
            _LIVE[hwnd] = obj
        return obj
