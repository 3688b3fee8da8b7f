"""Contract: win32help, winxptheme and win32ras, on the facade and on the real pywin32.

No help viewer, no visual style and no RAS phone book exist on the facade: HtmlHelp makes no
window (0) and checks its arguments as pywin32 does; winxptheme answers as Windows' classic
look (no theme active, no theme data: None, E_PROP_ID_UNSUPPORTED, E_HANDLE); win32ras as a
Windows with no phone book entry and no connection (623, ERROR_INVALID_HANDLE). Wine has a
theme active and RAS stubs that succeed: those tests are marked. Wine's WinHelp starts its
viewer, which waits for a user, and its RasGetEapUserIdentity aborts: skipped there.
"""

from __future__ import annotations

import pytest
import pywintypes
import win32con
import win32gui
import win32help
import win32ras
import winxptheme

from ._wine import ON_THE_ORACLE, wine_differs

E_HANDLE = -2147024890  # HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE)
E_PROP_ID_UNSUPPORTED = -2147023728  # HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
E_INVALID_WINDOW = -2147023496  # HRESULT_FROM_WIN32(ERROR_INVALID_WINDOW_HANDLE)
ERROR_INVALID_HANDLE = 6
ERROR_CANNOT_FIND_PHONEBOOK_ENTRY = 623
DIAL_PARAMS = ("no such entry", "", "", "user", "password", "")
CLASSIC = (
    "Wine has a visual style active (light.msstyles) in some runs and not in others; Windows' "
    "classic look has none"
)
RAS_STUBS = "Wine's rasapi32 is stubs that succeed for any entry and handle"


@pytest.fixture
def hwnd() -> object:
    window = win32gui.CreateWindow("STATIC", "theme", 0, 0, 0, 10, 10, 0, 0, 0, None)
    yield window
    win32gui.DestroyWindow(window)


def _code(call: object, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror, caught.value.funcname


# win32help


def test_html_help_makes_no_window_without_a_help_file() -> None:
    assert win32help.HtmlHelp(0, "c:\\no such file.chm", win32help.HH_DISPLAY_TOPIC) == 0
    assert win32help.HtmlHelp(0, None, win32help.HH_CLOSE_ALL) == 0
    window, cookie = win32help.HtmlHelp(0, None, win32help.HH_INITIALIZE)
    assert window == 0
    assert isinstance(cookie, int)
    assert win32help.HtmlHelp(0, None, win32help.HH_UNINITIALIZE, cookie) == 0


@pytest.mark.parametrize(
    ("cmd", "message"),
    [
        ("HH_DISPLAY_TOPIC", "HH_DISPLAY_TOC and HH_DISPLAY_TOPIC file must be a string"),
        (
            "HH_GET_WIN_HANDLE",
            "HH_DISPLAY_INDEX, HH_GET_WIN_HANDLE and HH_SYNC file must be a string",
        ),
        ("HH_HELP_CONTEXT", "HH_HELP_CONTEXT file must be a string"),
    ],
)
def test_html_help_commands_that_need_a_file(cmd: str, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        win32help.HtmlHelp(0, None, getattr(win32help, cmd), "main")


def test_html_help_checks_its_data_and_command() -> None:
    with pytest.raises(TypeError, match="Unrecognized cmd"):
        win32help.HtmlHelp(0, None, 12345)
    with pytest.raises(TypeError, match="HH_HELP_CONTEXT data must be an integer"):
        win32help.HtmlHelp(0, "x.chm", win32help.HH_HELP_CONTEXT, "5")
    with pytest.raises(TypeError, match="HH_DISPLAY_SEARCH data must be a PyHH_FTS_QUERY"):
        win32help.HtmlHelp(0, "x.chm", win32help.HH_DISPLAY_SEARCH, win32help.HH_POPUP())
    with pytest.raises(NotImplementedError):
        win32help.HtmlHelp(0, None, win32help.HH_GET_LAST_ERROR)
    with pytest.raises(TypeError, match="tuple length must be even"):
        win32help.HtmlHelp(0, "x.chm", win32help.HH_TP_HELP_WM_HELP, (1, 2, 3))


def test_help_structures_start_empty() -> None:
    query = win32help.HH_FTS_QUERY()
    assert (query.searchQuery, query.execute, query.proximity) == (None, 0, 0)
    wintype = win32help.HH_WINTYPE()
    assert (wintype.caption, wintype.HTMLPos, wintype.windowPos) == (None, (0,) * 4, (0,) * 4)
    assert (win32help.HH_AKLINK().keywords, win32help.HH_AKLINK().indexOnFail) == (None, 0)
    assert win32help.HH_POPUP().text is None
    assert (win32help.NMHDR().code, win32help.HHN_NOTIFY().url, win32help.HHNTRACK().action) == (
        0,
        None,
        0,
    )
    query.searchQuery = "python"
    assert query.searchQuery == "python"


def test_win_help_quit_succeeds() -> None:
    assert win32help.WinHelp(0, "c:\\no such file.hlp", win32con.HELP_QUIT) is None


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's WinHelp starts winhlp32, which waits for a user")
def test_win_help_hands_requests_to_no_viewer() -> None:
    assert win32help.WinHelp(0, "c:\\no such file.hlp", win32con.HELP_CONTENTS) is None
    with pytest.raises(TypeError, match="Data must be a buffer, None"):
        win32help.WinHelp(0, "c:\\x.hlp", win32con.HELP_CONTEXT, 2.5)


# winxptheme


@wine_differs(CLASSIC, strict=False)
def test_no_theme_is_active(hwnd: int) -> None:
    assert (winxptheme.IsThemeActive(), winxptheme.IsAppThemed()) == (0, 0)
    assert winxptheme.OpenThemeData(hwnd, "BUTTON") is None
    assert winxptheme.GetWindowTheme(hwnd) is None
    assert _code(winxptheme.GetCurrentThemeName) == (E_PROP_ID_UNSUPPORTED, "GetCurrentThemeName")


def test_theme_calls_without_a_theme_or_a_window(hwnd: int) -> None:
    assert winxptheme.GetWindowTheme(0) is None
    assert winxptheme.GetThemeAppProperties() == 3
    assert winxptheme.SetWindowTheme(hwnd, None, None) is None
    assert winxptheme.EnableThemeDialogTexture(hwnd, winxptheme.ETDT_ENABLETAB) is None
    assert _code(winxptheme.SetWindowTheme, 0, "", "") == (E_HANDLE, "SetWindowTheme")
    assert _code(winxptheme.EnableThemeDialogTexture, 0, winxptheme.ETDT_ENABLE) == (
        E_INVALID_WINDOW,
        "EnableThemeDialogTexture",
    )
    assert winxptheme.IsThemeDialogTextureEnabled(0) == 0
    rect = (0, 0, 10, 10)
    assert _code(winxptheme.DrawThemeBackground, None, 0, 1, 1, rect, None) == (
        E_HANDLE,
        "DrawThemeBackground",
    )
    assert _code(winxptheme.DrawThemeText, None, 0, 1, 1, "x", -1, 0, 0, rect) == (
        E_HANDLE,
        "DrawThemeText",
    )
    assert _code(winxptheme.GetThemeBackgroundExtent, None, 0, 1, 1, rect)[0] == E_HANDLE
    with pytest.raises(TypeError, match="CloseThemeData requires a PyHTHEME object - got int"):
        winxptheme.CloseThemeData(0)
    assert winxptheme.EnableTheming(1) is None
    assert (winxptheme.ETDT_DISABLE, winxptheme.ETDT_ENABLE, winxptheme.ETDT_ENABLETAB) == (1, 2, 6)


@wine_differs("Wine keeps the texture flag of a window; the classic look has none")
def test_no_dialog_texture_in_the_classic_look(hwnd: int) -> None:
    winxptheme.EnableThemeDialogTexture(hwnd, winxptheme.ETDT_ENABLE)
    assert not winxptheme.IsThemeDialogTextureEnabled(hwnd)


# win32ras


def test_no_connections_and_no_entries() -> None:
    assert win32ras.EnumConnections() == []
    assert win32ras.EnumEntries() == ()
    assert win32ras.EnumEntries(None, None) == ()
    assert (win32ras.IsHandleValid(0), win32ras.IsHandleValid(1)) == (False, True)
    assert win32ras.error is pywintypes.error
    assert (win32ras.RASCS_Connected, win32ras.RASCS_Disconnected) == (0x2000, 0x2001)


@wine_differs(RAS_STUBS)
def test_no_handle_names_a_connection() -> None:
    assert _code(win32ras.GetConnectStatus, 1) == (ERROR_INVALID_HANDLE, "RasGetConnectStatus")
    assert _code(win32ras.HangUp, 1) == (ERROR_INVALID_HANDLE, "RasHangup")


@wine_differs(RAS_STUBS)
def test_no_entry_is_found() -> None:
    assert win32ras.Dial(None, None, DIAL_PARAMS, None) == (0, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)
    assert _code(win32ras.GetEntryDialParams, None, "no such entry") == (
        ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
        "RasGetEntryDialParams",
    )
    assert _code(win32ras.SetEntryDialParams, None, DIAL_PARAMS, 0) == (
        ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
        "SetEntryDialParams",
    )
    assert _code(win32ras.EditPhonebookEntry, 0, None, "no such entry") == (
        ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
        "RasEditPhonebookEntry",
    )


@wine_differs("Wine's RasGetErrorString knows no message")
def test_ras_error_strings() -> None:
    assert win32ras.GetErrorString(623) == (
        "The system could not find the phone book entry for this connection."
    )


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine's RasGetEapUserIdentity aborts the process")
def test_eap_identity_of_no_entry() -> None:
    assert _code(win32ras.GetEapUserIdentity, None, "no such entry", 0) == (
        ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
        "RasGetEapUserIdentity",
    )


def test_ras_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="greater than acceptable size"):
        win32ras.Dial(None, None, ("x" * 300,), None)
    with pytest.raises(TypeError):
        win32ras.Dial(123, None, DIAL_PARAMS, None)
    with pytest.raises(pywintypes.error, match="must be a valid window handle"):
        win32ras.EditPhonebookEntry(0x7FFF0, None, "x")
