"""Contract: synthesized input (keybd_event, mouse_event), key state, the keyboard layout, the
cursor; ShellExecute and the programs' side of win32api.

A GUI test types into its window with keybd_event and sees WM_KEYDOWN, then WM_CHAR through
TranslateMessage, in the window's procedure: keys go to the focus window of the foreground
thread; mouse messages to the window under the cursor (or the capture) in its client
coordinates, which a test computes with ScreenToClient (the oracle's windows have a frame).
"""

from __future__ import annotations

import os
import sys
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32gui

from ._wine import ON_THE_ORACLE, wine_differs

if TYPE_CHECKING:
    from collections.abc import Iterator

KEYUP = win32con.KEYEVENTF_KEYUP
VK_A, SCAN_A = 0x41, 0x1E
WATCHED = frozenset(
    {
        win32con.WM_KEYDOWN, win32con.WM_KEYUP, win32con.WM_CHAR, win32con.WM_SYSKEYDOWN,
        win32con.WM_SYSKEYUP, win32con.WM_SYSCHAR, win32con.WM_MOUSEMOVE,
        win32con.WM_LBUTTONDOWN, win32con.WM_LBUTTONUP, win32con.WM_LBUTTONDBLCLK,
        win32con.WM_RBUTTONDOWN, win32con.WM_RBUTTONUP, win32con.WM_MOUSEWHEEL,
    }
)  # fmt: skip


class Typed:
    """A visible top-level window in the foreground with the focus; records input messages."""

    def __init__(self, class_style: int = 0) -> None:
        self.log: list[tuple[int, int, int]] = []
        self.name = f"apartment-contract-{uuid.uuid4().hex}"
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = self.name
        wc.lpfnWndProc = self._proc
        wc.style = class_style
        win32gui.RegisterClass(wc)
        style = win32con.WS_OVERLAPPEDWINDOW | win32con.WS_VISIBLE
        self.hwnd: int = win32gui.CreateWindow(
            self.name, "typed", style, 100, 100, 200, 200, 0, 0, 0, None
        )
        win32gui.SetForegroundWindow(self.hwnd)
        win32gui.SetFocus(self.hwnd)
        self.pump()
        self.log.clear()

    def _proc(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg in WATCHED and isinstance(wparam, int) and isinstance(lparam, int):
            self.log.append((msg, wparam, lparam & 0xFFFFFFFF))
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def pump(self) -> None:
        """Retrieve, translate and dispatch every message waiting."""
        while True:
            rc, msg = win32gui.PeekMessage(0, 0, 0, win32con.PM_REMOVE)
            if not rc:
                return
            win32gui.TranslateMessage(msg)
            win32gui.DispatchMessage(msg)

    def take(self) -> list[tuple[int, int, int]]:
        self.pump()
        taken, self.log = self.log, []
        return taken

    def close(self) -> None:
        win32gui.DestroyWindow(self.hwnd)
        self.pump()
        win32gui.UnregisterClass(self.name, 0)


@pytest.fixture
def typed() -> Iterator[Typed]:
    window = Typed()
    yield window
    window.close()


def press(vk: int, scan: int, flags: int = 0) -> None:
    win32api.keybd_event(vk, scan, flags)
    win32api.keybd_event(vk, scan, flags | KEYUP)


def key_lparam(scan: int, *, up: bool = False, alt: bool = False, extended: bool = False) -> int:
    return 1 | scan << 16 | extended << 24 | alt << 29 | (3 << 30 if up else 0)


def client_lparam(hwnd: int, point: tuple[int, int]) -> int:
    x, y = win32gui.ScreenToClient(hwnd, point)
    return int((y & 0xFFFF) << 16 | (x & 0xFFFF))


# -- keys -------------------------------------------------------------------------------------


def test_a_typed_key_reaches_the_focus_window_and_translates_to_wm_char(typed: Typed) -> None:
    press(VK_A, SCAN_A)
    assert typed.take() == [
        (win32con.WM_KEYDOWN, VK_A, key_lparam(SCAN_A)),
        (win32con.WM_CHAR, ord("a"), key_lparam(SCAN_A)),
        (win32con.WM_KEYUP, VK_A, key_lparam(SCAN_A, up=True)),
    ]


def test_shift_chooses_the_character(typed: Typed) -> None:
    win32api.keybd_event(win32con.VK_SHIFT, 0x2A, 0)
    press(VK_A, SCAN_A)
    press(0x31, 0x02)
    win32api.keybd_event(win32con.VK_SHIFT, 0x2A, KEYUP)
    chars = [wparam for msg, wparam, _ in typed.take() if msg == win32con.WM_CHAR]
    assert chars == [ord("A"), ord("!")]


def test_alt_with_a_key_is_a_system_key_and_alt_released_after_it_is_not(typed: Typed) -> None:
    win32api.keybd_event(win32con.VK_MENU, 0x38, 0)
    press(0x46, 0x21)
    win32api.keybd_event(win32con.VK_MENU, 0x38, KEYUP)
    assert typed.take() == [
        (win32con.WM_SYSKEYDOWN, win32con.VK_MENU, key_lparam(0x38, alt=True)),
        (win32con.WM_SYSKEYDOWN, 0x46, key_lparam(0x21, alt=True)),
        (win32con.WM_SYSCHAR, ord("f"), key_lparam(0x21, alt=True)),
        (win32con.WM_SYSKEYUP, 0x46, key_lparam(0x21, up=True, alt=True)),
        (win32con.WM_KEYUP, win32con.VK_MENU, key_lparam(0x38, up=True)),
    ]


def test_the_extended_flag_is_bit_24_and_an_arrow_types_nothing(typed: Typed) -> None:
    press(win32con.VK_LEFT, 0x4B, win32con.KEYEVENTF_EXTENDEDKEY)
    assert typed.take() == [
        (win32con.WM_KEYDOWN, win32con.VK_LEFT, key_lparam(0x4B, extended=True)),
        (win32con.WM_KEYUP, win32con.VK_LEFT, key_lparam(0x4B, up=True, extended=True)),
    ]


def test_a_unicode_key_is_vk_packet_and_its_char(typed: Typed) -> None:
    win32api.keybd_event(0, ord(":"), win32con.KEYEVENTF_UNICODE)
    assert typed.take() == [
        (win32con.WM_KEYDOWN, 0xE7, key_lparam(ord(":"))),
        (win32con.WM_CHAR, ord(":"), 1),
    ]
    win32api.keybd_event(0, ord(":"), win32con.KEYEVENTF_UNICODE | KEYUP)
    typed.take()


def test_the_thread_key_state_changes_as_it_retrieves_the_key_messages(typed: Typed) -> None:
    win32api.keybd_event(VK_A, SCAN_A, 0)
    assert win32api.GetKeyState(VK_A) & 0x8000 == 0  # the WM_KEYDOWN is still waiting
    rc, msg = win32gui.PeekMessage(0, 0, 0, win32con.PM_REMOVE)
    assert rc
    assert msg[1] == win32con.WM_KEYDOWN
    assert win32api.GetKeyState(VK_A) < 0
    assert win32api.GetKeyboardState()[VK_A] & 0x80
    win32api.keybd_event(VK_A, SCAN_A, KEYUP)
    typed.take()
    assert win32api.GetKeyState(VK_A) >= 0


def test_a_press_toggles_the_key_state(typed: Typed) -> None:
    before = win32api.GetKeyState(win32con.VK_CAPITAL) & 1
    press(win32con.VK_CAPITAL, 0x3A)
    typed.take()
    assert win32api.GetKeyState(win32con.VK_CAPITAL) & 1 == 1 - before
    press(win32con.VK_CAPITAL, 0x3A)
    typed.take()
    assert win32api.GetKeyState(win32con.VK_CAPITAL) & 1 == before


def test_shift_sets_its_left_variant_in_the_keyboard_state(typed: Typed) -> None:
    win32api.keybd_event(win32con.VK_SHIFT, 0x2A, 0)
    typed.take()
    state = win32api.GetKeyboardState()
    assert isinstance(state, bytes)
    assert len(state) == 256
    assert state[win32con.VK_SHIFT] & 0x80
    assert state[win32con.VK_LSHIFT] & 0x80
    assert not state[win32con.VK_RSHIFT] & 0x80
    win32api.keybd_event(win32con.VK_SHIFT, 0x2A, KEYUP)
    typed.take()
    assert not win32api.GetKeyboardState()[win32con.VK_SHIFT] & 0x80


def test_the_async_state_says_down_and_pressed_since_the_last_call(typed: Typed) -> None:
    win32api.GetAsyncKeyState(VK_A)  # forget earlier presses
    win32api.keybd_event(VK_A, SCAN_A, 0)
    assert win32api.GetAsyncKeyState(VK_A) == -32767
    assert win32api.GetAsyncKeyState(VK_A) == -32768
    win32api.keybd_event(VK_A, SCAN_A, KEYUP)
    assert win32api.GetAsyncKeyState(VK_A) == 0
    typed.take()


def test_translate_message_is_nonzero_for_the_keyboard_range_only(typed: Typed) -> None:
    key_up = (typed.hwnd, win32con.WM_KEYUP, VK_A, key_lparam(SCAN_A, up=True), 0, (0, 0))
    assert win32gui.TranslateMessage(key_up)
    assert not win32gui.TranslateMessage((typed.hwnd, win32con.WM_USER, 0, 0, 0, (0, 0)))
    assert typed.take() == []


def test_last_input_info_is_the_tick_of_the_last_event(typed: Typed) -> None:
    before = win32api.GetTickCount()
    press(VK_A, SCAN_A)
    assert win32api.GetLastInputInfo() >= before
    typed.take()


def test_keybd_event_takes_ints_and_truncates_bytes() -> None:
    with pytest.raises(TypeError):
        win32api.keybd_event("a", 0)
    win32api.keybd_event(0x100 | 0xFF, 0, KEYUP)  # VK 0xFF up: nothing of note


# -- the layout -------------------------------------------------------------------------------

MAP_CASES = [
    (0x41, 0, 0x1E), (0x1E, 0, 0), (0x10, 0, 0x2A), (0xA0, 0, 0x2A), (0x0D, 0, 0x1C),
    (0x57, 0, 0x11), (0xBD, 0, 0x0C), (0x41, 1, 0x76), (0x1E, 1, 0x41), (0x10, 1, 0x51),
    (0x0D, 1, 0xBB), (0x1C, 1, 0x0D), (0x2A, 1, 0x10), (0x57, 1, 0x7A), (0x41, 2, 0x41),
    (0x0D, 2, 0x0D), (0x57, 2, 0x57), (0xBD, 2, ord("-")), (0x10, 2, 0), (0x2A, 3, 0xA0),
    (0x1C, 3, 0x0D), (0x41, 4, 0x1E), (0x41, 9, 0),
]  # fmt: skip


@pytest.mark.parametrize(("code", "map_type", "expected"), MAP_CASES)
def test_map_virtual_key_is_the_us_layout(code: int, map_type: int, expected: int) -> None:
    assert win32api.MapVirtualKey(code, map_type) == expected


def test_the_keyboard_layout_is_us_english() -> None:
    assert win32api.GetKeyboardLayout() == 0x04090409
    assert win32api.GetKeyboardLayout(0) == 0x04090409
    assert win32api.GetKeyboardLayoutName() == "00000409"
    assert win32api.GetKeyboardLayoutList() == (0x04090409,)
    assert win32api.LoadKeyboardLayout("00000409") == 0x04090409
    assert win32api.LoadKeyboardLayout("00000409", 1) == 0x04090409
    with pytest.raises(TypeError):
        win32api.LoadKeyboardLayout(0x409)
    with pytest.raises(TypeError):
        win32api.MapVirtualKey("a", 0)


def _state(*down: int) -> bytes:
    state = bytearray(256)
    for key in down:
        state[key] = 0x80
    return bytes(state)


def test_to_ascii_ex_types_with_the_state_given() -> None:
    assert win32api.ToAsciiEx(VK_A, SCAN_A, _state()) == b"a"
    assert win32api.ToAsciiEx(VK_A, SCAN_A, _state(win32con.VK_SHIFT)) == b"A"
    assert win32api.ToAsciiEx(0x31, 0x02, _state(win32con.VK_SHIFT)) == b"!"
    assert win32api.ToAsciiEx(VK_A, SCAN_A, _state(win32con.VK_CONTROL)) == b"\x01"
    assert win32api.ToAsciiEx(win32con.VK_RETURN, 0x1C, _state()) == b"\r"
    assert win32api.ToAsciiEx(win32con.VK_F1, 0x3B, _state()) == b""
    assert win32api.ToAsciiEx(win32con.VK_SHIFT, 0x2A, _state(win32con.VK_SHIFT)) == b""
    assert win32api.ToAsciiEx(VK_A, SCAN_A | 0x8000, _state()) == b""  # a key going up
    with pytest.raises(ValueError, match="256"):
        win32api.ToAsciiEx(VK_A, SCAN_A, bytes(10))


# -- the mouse --------------------------------------------------------------------------------


def test_moving_the_cursor_into_a_window_sends_it_wm_mousemove(typed: Typed) -> None:
    win32api.SetCursorPos((150, 160))
    assert typed.take() == [(win32con.WM_MOUSEMOVE, 0, client_lparam(typed.hwnd, (150, 160)))]
    win32api.mouse_event(win32con.MOUSEEVENTF_MOVE, 5, 5)
    assert win32api.GetCursorPos() == (155, 165)
    assert typed.take() == [(win32con.WM_MOUSEMOVE, 0, client_lparam(typed.hwnd, (155, 165)))]


def test_an_absolute_move_spans_the_screen(typed: Typed) -> None:
    flags = win32con.MOUSEEVENTF_MOVE | win32con.MOUSEEVENTF_ABSOLUTE
    win32api.mouse_event(flags, 32768, 32768, 0)
    width, height = (win32api.GetSystemMetrics(index) for index in (0, 1))
    assert win32api.GetCursorPos() == (width // 2, height // 2)
    typed.take()


def test_a_click_goes_to_the_window_under_the_cursor(typed: Typed) -> None:
    win32api.SetCursorPos((150, 160))
    typed.take()
    where = client_lparam(typed.hwnd, (150, 160))
    win32api.GetAsyncKeyState(win32con.VK_LBUTTON)
    win32api.mouse_event(win32con.MOUSEEVENTF_LEFTDOWN, 0, 0)
    assert win32api.GetAsyncKeyState(win32con.VK_LBUTTON) == -32767
    win32api.mouse_event(win32con.MOUSEEVENTF_LEFTUP, 0, 0)
    win32api.mouse_event(win32con.MOUSEEVENTF_LEFTDOWN | win32con.MOUSEEVENTF_LEFTUP, 0, 0)
    assert typed.take() == [
        (win32con.WM_LBUTTONDOWN, win32con.MK_LBUTTON, where),
        (win32con.WM_LBUTTONUP, 0, where),
        (win32con.WM_LBUTTONDOWN, win32con.MK_LBUTTON, where),  # no CS_DBLCLKS: no double
        (win32con.WM_LBUTTONUP, 0, where),
    ]


def test_a_second_click_in_time_is_a_double_click_with_cs_dblclks() -> None:
    window = Typed(class_style=win32con.CS_DBLCLKS)
    try:
        win32api.SetCursorPos((150, 160))
        window.take()
        where = client_lparam(window.hwnd, (150, 160))
        click = win32con.MOUSEEVENTF_LEFTDOWN | win32con.MOUSEEVENTF_LEFTUP
        win32api.mouse_event(click, 0, 0)
        win32api.mouse_event(click, 0, 0)
        assert window.take() == [
            (win32con.WM_LBUTTONDOWN, win32con.MK_LBUTTON, where),
            (win32con.WM_LBUTTONUP, 0, where),
            (win32con.WM_LBUTTONDBLCLK, win32con.MK_LBUTTON, where),
            (win32con.WM_LBUTTONUP, 0, where),
        ]
    finally:
        window.close()


def test_the_wheel_turns_in_the_focus_window_at_screen_coordinates(typed: Typed) -> None:
    win32api.SetCursorPos((150, 160))
    typed.take()
    win32api.mouse_event(win32con.MOUSEEVENTF_WHEEL, 0, 0, 120)
    assert typed.take() == [(win32con.WM_MOUSEWHEEL, 120 << 16, 160 << 16 | 150)]


def test_the_capture_gets_the_mouse_outside_its_window(typed: Typed) -> None:
    win32gui.SetCapture(typed.hwnd)
    try:
        win32api.SetCursorPos((10, 10))
        win32api.mouse_event(win32con.MOUSEEVENTF_RIGHTDOWN, 0, 0)
        win32api.mouse_event(win32con.MOUSEEVENTF_RIGHTUP, 0, 0)
        where = client_lparam(typed.hwnd, (10, 10))
        assert typed.take() == [
            (win32con.WM_MOUSEMOVE, 0, where),
            (win32con.WM_RBUTTONDOWN, win32con.MK_RBUTTON, where),
            (win32con.WM_RBUTTONUP, 0, where),
        ]
    finally:
        win32gui.ReleaseCapture()


# -- the cursor -------------------------------------------------------------------------------


def test_set_cursor_gives_the_previous_one_and_refuses_what_is_no_cursor() -> None:
    arrow = win32gui.LoadCursor(0, win32con.IDC_ARROW)
    first = win32api.SetCursor(arrow)
    try:
        assert win32gui.GetCursor() == arrow
        assert win32gui.SetCursor(0) == arrow
        assert win32gui.GetCursor() == 0
        assert win32gui.SetCursor(12345678) == 0
        assert win32gui.GetCursor() == 0
    finally:
        win32api.SetCursor(first)


def test_show_cursor_counts() -> None:
    assert win32api.ShowCursor(0) == -1
    assert win32api.ShowCursor(0) == -2
    assert win32api.ShowCursor(1) == -1
    assert win32api.ShowCursor(1) == 0
    flags, _cursor, position = win32gui.GetCursorInfo()
    assert flags == 1  # CURSOR_SHOWING
    assert position == win32api.GetCursorPos()


def test_the_double_click_time_is_500_ms_and_0_restores_it() -> None:
    assert win32gui.GetDoubleClickTime() == 500
    win32gui.SetDoubleClickTime(400)
    try:
        assert win32gui.GetDoubleClickTime() == 400
    finally:
        win32gui.SetDoubleClickTime(0)
    assert win32gui.GetDoubleClickTime() == 500


# -- programs and the shell -----------------------------------------------------------------


@pytest.fixture
def no_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    """No graphical session: nothing opens a document (the facade asks for xdg-open with one)."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


def winerror_of(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    code: int = caught.value.winerror
    return code


def test_shell_execute_runs_a_program_and_answers_above_32(tmp_path: Any) -> None:
    started = win32api.ShellExecute(0, "open", sys.executable, '-c "pass"', str(tmp_path), 0)
    assert started > 32
    assert win32api.ShellExecute(0, None, sys.executable, '-c "pass"', None, 0) > 32


def test_shell_execute_raises_its_numbers_of_32_or_less(tmp_path: Any, no_desktop: None) -> None:
    assert (
        winerror_of(win32api.ShellExecute, 0, "open", str(tmp_path / "nope.exe"), None, None, 1)
        == 2
    )
    missing_dir = str(tmp_path / "nodir" / "x.exe")
    assert winerror_of(win32api.ShellExecute, 0, "open", missing_dir, None, None, 1) == 2
    document = tmp_path / "doc.zzqq"
    document.write_text("x")
    assert winerror_of(win32api.ShellExecute, 0, "open", str(document), None, None, 1) == 31
    assert winerror_of(win32api.ShellExecute, 0, None, str(document), None, None, 1) == 31
    with pytest.raises(TypeError):
        win32api.ShellExecute(0, "open", 5, None, None, 0)


@wine_differs("Wine runs a program for any verb; Windows has no association for an unknown one")
def test_an_unknown_verb_on_a_program_has_no_association() -> None:
    # (with a command line that ends: Wine runs the program, which must not wait for input)
    args = (0, "frobnicate", sys.executable, '-c "pass"', None, 0)
    assert winerror_of(win32api.ShellExecute, *args) == 31


def test_find_executable(tmp_path: Any, no_desktop: None) -> None:
    code, path = win32api.FindExecutable(sys.executable, "")
    assert code > 32
    assert os.path.basename(path).lower().startswith("python")
    document = tmp_path / "doc.zzqq"
    document.write_text("x")
    with pytest.raises(pywintypes.error) as caught:
        win32api.FindExecutable(str(document), "")
    assert caught.value.args == ("FindExecutable: There is no association for the file",)
    assert winerror_of(win32api.FindExecutable, str(tmp_path / "nope.txt"), "") == 2


def test_win_exec_runs_a_command_line(tmp_path: Any) -> None:
    win32api.WinExec(f'"{sys.executable}" -c "pass"', 0)
    win32api.WinExec(f'"{sys.executable}" -c "pass"')
    assert winerror_of(win32api.WinExec, str(tmp_path / "nope.exe"), 0) == 2


def test_the_dll_directory_is_set_and_cleared(tmp_path: Any) -> None:
    win32api.SetDllDirectory(None)
    with pytest.raises(pywintypes.error):  # none set: pywin32 raises (with GetLastError's code)
        win32api.GetDllDirectory()
    try:
        win32api.SetDllDirectory(str(tmp_path))
        assert win32api.GetDllDirectory() == str(tmp_path)
        win32api.SetDllDirectory(str(tmp_path / "nodir"))  # not checked
        assert win32api.GetDllDirectory() == str(tmp_path / "nodir")
        win32api.SetDllDirectory("")
        with pytest.raises(pywintypes.error):
            win32api.GetDllDirectory()
    finally:
        win32api.SetDllDirectory(None)


def test_the_thread_locale_is_the_threads() -> None:
    win32api.SetThreadLocale(0x0407)
    try:
        assert win32api.GetThreadLocale() == 0x0407
    finally:
        win32api.SetThreadLocale(0x0409)
    assert win32api.GetThreadLocale() == 0x0409


@wine_differs("Wine accepts any LCID; Windows refuses one that names no language")
def test_set_thread_locale_refuses_no_locale() -> None:
    assert winerror_of(win32api.SetThreadLocale, 0x12345) == 87


SHUTDOWN_CALLS = [
    pytest.param(lambda: win32api.ExitWindowsEx(0x12), id="ExitWindowsEx"),
    pytest.param(lambda: win32api.ExitWindows(), id="ExitWindows"),
    pytest.param(lambda: win32api.InitiateSystemShutdown(None, "x", 30, 0, 0), id="Initiate"),
    pytest.param(lambda: win32api.AbortSystemShutdown(None), id="Abort"),
    pytest.param(lambda: win32api.SetSystemPowerState(True, False), id="SetSystemPowerState"),
]


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine carries it out (it ends the session's programs)")
@pytest.mark.parametrize("call", SHUTDOWN_CALLS)
def test_shutting_down_needs_the_privilege_enabled(call: Any) -> None:
    assert winerror_of(call) == 1314  # ERROR_PRIVILEGE_NOT_HELD


def test_profile_values_and_sections(tmp_path: Any) -> None:
    ini = str(tmp_path / "t.ini")
    assert win32api.GetProfileVal("sec", "k", "dflt", ini) == "dflt"  # no file yet
    win32api.WriteProfileVal("sec", "k", "v", ini)
    win32api.WriteProfileVal("sec", "n", 5, ini)
    assert win32api.GetProfileVal("sec", "k", "dflt", ini) == "v"
    assert win32api.GetProfileVal("SEC", "K", "dflt", ini) == "v"  # names match in any case
    assert win32api.GetProfileVal("sec", "n", "dflt", ini) == "5"
    assert win32api.GetProfileVal("sec", "zz", "dflt", ini) == "dflt"
    assert win32api.GetProfileSection("sec", ini) == ["k=v", "n=5"]
    assert win32api.GetProfileSection("nosec", ini) == []
    win32api.WriteProfileVal("sec", "k", None, ini)  # None deletes the key
    assert win32api.GetProfileSection("sec", ini) == ["n=5"]
    win32api.WriteProfileSection("s2", "a=1\0b=2\0\0", ini)
    assert win32api.GetProfileSection("s2", ini) == ["a=1", "b=2"]
    assert win32api.GetProfileVal("s2", "b", "", ini) == "2"
    with pytest.raises(ValueError, match="double null"):
        win32api.WriteProfileSection("s2", "a=1\0", ini)


# -- resources of a Windows program (loaded as a data file) -------------------------------------


def _a_program() -> str:
    """A Windows program file at hand: pywin32's own module there, pip's launcher here."""
    if ON_THE_ORACLE:
        return str(win32api.__file__)
    import pip._vendor.distlib as distlib

    return os.path.join(os.path.dirname(distlib.__file__), "w64.exe")


def test_the_resources_of_a_program_loaded_as_a_data_file() -> None:
    module = win32api.LoadLibraryEx(_a_program(), 0, win32con.LOAD_LIBRARY_AS_DATAFILE)
    try:
        types = win32api.EnumResourceTypes(module)
        assert win32con.RT_VERSION in types
        (name,) = win32api.EnumResourceNames(module, win32con.RT_VERSION)
        (language,) = win32api.EnumResourceLanguages(module, win32con.RT_VERSION, name)
        data = win32api.LoadResource(module, win32con.RT_VERSION, name, language)
        assert int.from_bytes(data[:2], "little") == len(data)
        assert data[6:36].decode("utf-16-le") == "VS_VERSION_INFO"
        assert win32api.EnumResourceNames(module, 12345) == []  # pywin32 ignores the failure
    finally:
        win32api.FreeLibrary(module)


def test_resources_are_updated_in_a_copy_of_a_program(tmp_path: Any) -> None:
    import shutil

    program = str(tmp_path / "copy.exe")
    shutil.copy(_a_program(), program)
    update = win32api.BeginUpdateResource(program, False)
    win32api.UpdateResource(update, "MYDATA", "FIRST", b"abc", 0x409)
    win32api.EndUpdateResource(update, False)
    discarded = win32api.BeginUpdateResource(program, False)
    win32api.UpdateResource(discarded, "MYDATA", "SECOND", b"xyz", 0x409)
    win32api.EndUpdateResource(discarded, True)
    module = win32api.LoadLibraryEx(program, 0, win32con.LOAD_LIBRARY_AS_DATAFILE)
    try:
        assert "MYDATA" in win32api.EnumResourceTypes(module)
        assert win32api.EnumResourceNames(module, "MYDATA") == ["FIRST"]
        assert win32api.LoadResource(module, "MYDATA", "FIRST", 0x409) == b"abc"
        assert win32con.RT_VERSION in win32api.EnumResourceTypes(module)  # kept
    finally:
        win32api.FreeLibrary(module)


# -- hot keys ----------------------------------------------------------------------------------


def test_a_hot_key_posts_wm_hotkey_instead_of_the_key(typed: Typed) -> None:
    win32gui.RegisterHotKey(typed.hwnd, 7, win32con.MOD_CONTROL, 0x4B)  # Ctrl+K
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32gui.RegisterHotKey(typed.hwnd, 8, win32con.MOD_CONTROL, 0x4B)
        assert caught.value.winerror == 1409  # ERROR_HOTKEY_ALREADY_REGISTERED
        win32api.keybd_event(win32con.VK_CONTROL, 0x1D, 0)
        win32api.keybd_event(0x4B, 0x25, 0)
        win32api.keybd_event(0x4B, 0x25, KEYUP)
        win32api.keybd_event(win32con.VK_CONTROL, 0x1D, KEYUP)
        seen = []
        while True:
            rc, msg = win32gui.PeekMessage(0, 0, 0, win32con.PM_REMOVE)
            if not rc:
                break
            if msg[1] in (win32con.WM_HOTKEY, win32con.WM_KEYDOWN, win32con.WM_KEYUP):
                seen.append((msg[1], msg[2], msg[3] if msg[1] == win32con.WM_HOTKEY else 0))
            win32gui.DispatchMessage(msg)
        assert seen == [
            (win32con.WM_HOTKEY, 7, 0x4B << 16 | win32con.MOD_CONTROL),
            (win32con.WM_KEYDOWN, win32con.VK_CONTROL, 0),
            (win32con.WM_KEYUP, 0x4B, 0),
            (win32con.WM_KEYUP, win32con.VK_CONTROL, 0),
        ]  # posted before the input, and no WM_KEYDOWN for the hot key's own key
    finally:
        win32gui.UnregisterHotKey(typed.hwnd, 7)
    with pytest.raises(pywintypes.error) as caught:
        win32gui.UnregisterHotKey(typed.hwnd, 7)
    assert caught.value.winerror == 1419  # ERROR_HOTKEY_NOT_REGISTERED


def test_extended_name_formats() -> None:
    assert (win32api.NameUnknown, win32api.NameFullyQualifiedDN, win32api.NameDisplay) == (0, 1, 3)
    assert (win32api.NameUniqueId, win32api.NameCanonical, win32api.NameUserPrincipal) == (6, 7, 8)
    assert (win32api.NameCanonicalEx, win32api.NameServicePrincipal) == (9, 10)
