"""pywin32's ``winxptheme`` (and ``_winxptheme``): visual styles, answered as the classic look.

No visual style (no ``.msstyles`` theme) exists here, so every window is drawn the classic
way, as on a Windows whose themes are turned off: ``IsThemeActive`` and ``IsAppThemed`` are
0, ``OpenThemeData`` and ``GetWindowTheme`` give None (uxtheme's NULL HTHEME, which pywin32
returns as None), ``GetCurrentThemeName`` fails with E_PROP_ID_UNSUPPORTED (0x80070490),
and drawing with a theme handle fails with E_HANDLE, since no handle can be valid. Calls
that only ask for a look (``SetWindowTheme``, ``EnableThemeDialogTexture``,
``EnableTheming``) succeed on a window that exists, and change nothing that can be seen;
with no window they fail as uxtheme does (E_HANDLE; HRESULT_FROM_WIN32
(ERROR_INVALID_WINDOW_HANDLE)). Errors are ``pywintypes.error(hresult, name, message)``.
"""

from __future__ import annotations

from .. import messages
from ..errors import ERROR_INVALID_WINDOW_HANDLE, Win32Error, hresult_from_win32, system_message
from ._handles import PyHANDLE, handle_value

__all__ = [
    "ETDT_DISABLE",
    "ETDT_ENABLE",
    "ETDT_ENABLETAB",
    "ETDT_USETABTEXTURE",
    "UNICODE",
    "CloseThemeData",
    "DrawThemeBackground",
    "DrawThemeText",
    "EnableThemeDialogTexture",
    "EnableTheming",
    "GetCurrentThemeName",
    "GetThemeAppProperties",
    "GetThemeBackgroundContentRect",
    "GetThemeBackgroundExtent",
    "GetWindowTheme",
    "IsAppThemed",
    "IsThemeActive",
    "IsThemeDialogTextureEnabled",
    "OpenThemeData",
    "SetWindowTheme",
    "error",
]

error = Win32Error
UNICODE = 1
ETDT_DISABLE = 1
ETDT_ENABLE = 2
ETDT_USETABTEXTURE = 4
ETDT_ENABLETAB = 6

_ERROR_INVALID_HANDLE = 6
_ERROR_NOT_FOUND = 1168  # E_PROP_ID_UNSUPPORTED is HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
_STAP_ALLOW_NONCLIENT_AND_CONTROLS = 3  # the default application properties


def _failed(code: int, name: str) -> Win32Error:
    """pywintypes.error for uxtheme's HRESULT_FROM_WIN32(code), as pywin32 raises it."""
    return Win32Error(hresult_from_win32(code), name, system_message(code))


def _window(hwnd: object, name: str, code: int) -> None:
    """Check that ``hwnd`` names a window, else fail with HRESULT_FROM_WIN32(code)."""
    if not messages.is_window(handle_value(hwnd)):
        raise _failed(code, name)


def IsThemeActive() -> int:
    """0: no visual style is active (the classic look)."""
    return 0


def IsAppThemed() -> int:
    """0: the application is not themed (no visual style is active)."""
    return 0


def GetThemeAppProperties() -> int:
    """The application's theming flags: the default, STAP_ALLOW_NONCLIENT | STAP_ALLOW_CONTROLS."""
    return _STAP_ALLOW_NONCLIENT_AND_CONTROLS


def GetCurrentThemeName() -> tuple[str, str, str]:
    """Fail with E_PROP_ID_UNSUPPORTED: no theme is in use."""
    raise _failed(_ERROR_NOT_FOUND, "GetCurrentThemeName")


def OpenThemeData(hwnd: object, pszClasslist: str, /) -> PyHANDLE | None:
    """None: no theme has data for any class (uxtheme's NULL)."""
    handle_value(hwnd)
    if not isinstance(pszClasslist, str):
        raise TypeError(
            f"OpenThemeData: pszClasslist must be a str, not {type(pszClasslist).__name__}"
        )
    return None


def GetWindowTheme(hwnd: object, /) -> PyHANDLE | None:
    """None: no window has theme data open."""
    handle_value(hwnd)
    return None


def CloseThemeData(hTheme: object, /) -> None:
    """Close a theme handle (a PyHANDLE); nothing else is taken, as in pywin32."""
    if not isinstance(hTheme, PyHANDLE):
        raise TypeError(f"CloseThemeData requires a PyHTHEME object - got {type(hTheme).__name__}")
    hTheme.Detach()  # no theme handle is ever open: nothing to release


def _no_theme(name: str, hTheme: object) -> Win32Error:
    handle_value(hTheme)
    return _failed(_ERROR_INVALID_HANDLE, name)


def DrawThemeBackground(
    hTheme: object, hdc: object, iPartId: int, iStateId: int, pRect: object, pClipRect: object, /
) -> None:
    """Fail with E_HANDLE: no theme handle is valid."""
    raise _no_theme("DrawThemeBackground", hTheme)


def DrawThemeText(
    hTheme: object,
    hdc: object,
    iPartId: int,
    iStateId: int,
    pszText: str,
    dwCharCount: int,
    dwTextFlags: int,
    dwTextFlags2: int,
    pRect: object,
    /,
) -> None:
    """Fail with E_HANDLE: no theme handle is valid."""
    raise _no_theme("DrawThemeText", hTheme)


def GetThemeBackgroundContentRect(
    hTheme: object, hdc: object, iPartId: int, iStateId: int, pBoundingRect: object, /
) -> tuple[int, int, int, int]:
    """Fail with E_HANDLE: no theme handle is valid."""
    raise _no_theme("GetThemeBackgroundContentRect", hTheme)


def GetThemeBackgroundExtent(
    hTheme: object, hdc: object, iPartId: int, iStateId: int, pContentRect: object, /
) -> tuple[int, int, int, int]:
    """Fail with E_HANDLE: no theme handle is valid."""
    raise _no_theme("GetThemeBackgroundExtent", hTheme)


def SetWindowTheme(hwnd: object, pszSubAppName: str | None, pszSubIdlist: str | None, /) -> None:
    """Accept another theme section for a window; with no theme, nothing changes on screen."""
    _window(hwnd, "SetWindowTheme", _ERROR_INVALID_HANDLE)


def EnableThemeDialogTexture(hdlg: object, dwFlags: int, /) -> None:
    """Accept a dialog's texture flags; with no theme, its background stays plain."""
    _window(hdlg, "EnableThemeDialogTexture", ERROR_INVALID_WINDOW_HANDLE)


def IsThemeDialogTextureEnabled(hdlg: object, /) -> bool:
    """False: with no theme, no dialog has a textured background."""
    handle_value(hdlg)
    return False


def EnableTheming(fEnable: object, /) -> None:
    """Accept the user's theming switch; no theme exists to turn on."""
