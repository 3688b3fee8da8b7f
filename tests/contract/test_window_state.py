"""Contract: a window's state: window longs and subclassing, enabling, activation and focus,
capture, input state across threads, relations, placement, points and the cursor.

pywin32's quirks pinned too: GetWindowLong is the 32-bit call (its pointer indexes give 0 on
64-bit Windows) and never raises; SetWindowLong takes a procedure (not an address) for
GWL_WNDPROC.
"""

from __future__ import annotations

import threading
import uuid
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process
import winerror

from ._kernel import JOIN_MS

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import empty_queue as empty_queue

if TYPE_CHECKING:
    from collections.abc import Iterator

BAD_HWND = 12345678
FOCUS_MESSAGES = (
    win32con.WM_NCACTIVATE,
    win32con.WM_ACTIVATE,
    win32con.WM_SETFOCUS,
    win32con.WM_KILLFOCUS,
)


class Log:
    """A window procedure that records some messages as (hwnd, msg, wparam, lparam)."""

    def __init__(self) -> None:
        self.watch: tuple[int, ...] = ()
        self.calls: list[tuple[int, int, Any, Any]] = []

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg in self.watch:
            self.calls.append((hwnd, msg, wparam, lparam if isinstance(lparam, int) else None))
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)

    def take(self) -> list[tuple[int, int, Any, Any]]:
        calls, self.calls = self.calls, []
        return calls


class Windows:
    """Top-level and child windows of one class with a Log procedure; destroyed at the end."""

    def __init__(self) -> None:
        self.log = Log()
        self.name = f"apartment-contract-{uuid.uuid4().hex}"
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = self.name
        wc.lpfnWndProc = self.log
        win32gui.RegisterClass(wc)
        self.made: list[int] = []

    def top(self, style: int = win32con.WS_OVERLAPPEDWINDOW, rect: tuple[int, ...] = ()) -> int:
        x, y, width, height = rect or (0, 0, 100, 100)
        hwnd: int = win32gui.CreateWindow(
            self.name, "top", style, x, y, width, height, 0, 0, 0, None
        )
        self.made.append(hwnd)
        return hwnd

    def child(self, parent: int, child_id: int, rect: tuple[int, ...], visible: bool) -> int:
        style = win32con.WS_CHILD | (win32con.WS_VISIBLE if visible else 0)
        x, y, width, height = rect
        hwnd: int = win32gui.CreateWindow(
            self.name, "child", style, x, y, width, height, parent, child_id, 0, None
        )
        return hwnd

    def close(self) -> None:
        win32gui.ReleaseCapture()
        for hwnd in reversed(self.made):
            if win32gui.IsWindow(hwnd):
                win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(self.name, 0)


@pytest.fixture
def windows() -> Iterator[Windows]:
    made = Windows()
    yield made
    made.close()


def in_thread(body: Any) -> Any:
    """Run ``body()`` on a new thread (which makes a message queue first); its result."""
    result: list[Any] = []

    def run() -> None:
        win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
        try:
            result.append(body())
        except pywintypes.error as error:
            result.append(error.winerror)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result[0]


def pump_until(event: Any) -> None:
    """Handle this thread's messages until ``event`` is set (within JOIN_MS)."""
    for _ in range(1000):
        rc = win32event.MsgWaitForMultipleObjects([event], False, JOIN_MS, win32event.QS_ALLINPUT)
        if rc == win32event.WAIT_OBJECT_0:
            return
        assert rc == win32event.WAIT_OBJECT_0 + 1, "the other thread never finished"
        win32gui.PumpWaitingMessages()
    raise AssertionError("the other thread never finished")


# --- window longs -------------------------------------------------------------------------


def test_get_window_long_reads_the_style_and_ids(windows: Windows) -> None:
    top = windows.top()
    child = windows.child(top, 7, (5, 6, 10, 10), False)
    assert win32gui.GetWindowLong(top, win32con.GWL_STYLE) == (
        win32con.WS_OVERLAPPEDWINDOW | win32con.WS_CLIPSIBLINGS
    )
    assert win32gui.GetWindowLong(child, win32con.GWL_ID) == 7
    assert win32api.GetWindowLong(top, win32con.GWL_STYLE) == win32gui.GetWindowLong(
        top, win32con.GWL_STYLE
    )


def test_get_window_long_gives_0_for_a_pointer_a_bad_index_or_window(windows: Windows) -> None:
    top = windows.top()
    assert win32gui.GetWindowLong(top, win32con.GWL_WNDPROC) == 0  # 64-bit: GetWindowLongPtr's
    assert win32gui.GetWindowLong(top, 1000) == 0
    assert win32gui.GetWindowLong(BAD_HWND, win32con.GWL_STYLE) == 0
    with pytest.raises(TypeError):
        win32gui.GetWindowLong("x", win32con.GWL_STYLE)


def test_set_window_long_returns_the_previous_value(windows: Windows) -> None:
    top = windows.top()
    assert win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 1234) == 0
    assert win32gui.SetWindowLong(top, win32con.GWL_USERDATA, -5) == 1234
    assert win32gui.GetWindowLong(top, win32con.GWL_USERDATA) == -5


def test_user_data_is_pointer_sized_and_get_window_long_reads_32_bits(windows: Windows) -> None:
    top = windows.top()
    win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 2**32)
    assert win32gui.GetWindowLong(top, win32con.GWL_USERDATA) == 0
    assert win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 2**31) == 2**32
    assert win32gui.GetWindowLong(top, win32con.GWL_USERDATA) == -(2**31)
    assert win32api.SetWindowLong(top, win32con.GWL_USERDATA, 9) == 2**31


def test_set_window_long_refuses_what_is_not_pointer_sized(windows: Windows) -> None:
    top = windows.top()
    with pytest.raises(TypeError):
        win32gui.SetWindowLong(top, win32con.GWL_USERDATA, "x")
    with pytest.raises(TypeError):
        win32gui.SetWindowLong(top, win32con.GWL_USERDATA, 2**64)
    assert win32gui.SetWindowLong(BAD_HWND, win32con.GWL_USERDATA, 1) == 0
    assert win32gui.SetWindowLong(top, 1000, 1) == 0


def test_gwl_id_is_a_childs_id(windows: Windows) -> None:
    top = windows.top()
    child = windows.child(top, 7, (5, 6, 10, 10), False)
    assert win32gui.SetWindowLong(child, win32con.GWL_ID, 56) == 7
    assert win32gui.GetDlgCtrlID(child) == 56
    assert win32gui.GetDlgItem(top, 56) == child
    assert win32gui.GetDlgItem(top, 99) == 0
    assert win32gui.GetDlgItem(BAD_HWND, 56) == 0
    assert win32gui.GetDlgCtrlID(BAD_HWND) == 0


def test_set_style_sends_stylechanging_and_stylechanged(windows: Windows) -> None:
    top = windows.top()
    windows.log.watch = (win32con.WM_STYLECHANGING, win32con.WM_STYLECHANGED)
    before = win32gui.GetWindowLong(top, win32con.GWL_STYLE)
    assert win32gui.SetWindowLong(top, win32con.GWL_STYLE, win32con.WS_OVERLAPPED) == before
    assert [call[1:3] for call in windows.log.take()] == [
        (win32con.WM_STYLECHANGING, win32con.GWL_STYLE),
        (win32con.WM_STYLECHANGED, win32con.GWL_STYLE),
    ]
    # a top-level window keeps WS_CLIPSIBLINGS
    assert win32gui.GetWindowLong(top, win32con.GWL_STYLE) == win32con.WS_CLIPSIBLINGS


def test_ws_visible_set_as_a_style_shows_the_window(windows: Windows) -> None:
    top = windows.top()
    win32gui.SetWindowLong(top, win32con.GWL_STYLE, win32con.WS_VISIBLE)
    assert win32gui.IsWindowVisible(top) == 1
    win32gui.SetWindowLong(top, win32con.GWL_STYLE, 0)


def test_subclassing_with_set_window_long_and_call_window_proc(windows: Windows) -> None:
    top = windows.top()
    seen: list[int] = []

    def sub(hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        seen.append(msg)
        if msg == win32con.WM_USER:
            return 42
        return win32gui.CallWindowProc(old, hwnd, msg, wparam, lparam)

    old = win32gui.SetWindowLong(top, win32con.GWL_WNDPROC, sub)
    assert isinstance(old, int)
    assert old != 0
    assert win32gui.SendMessage(top, win32con.WM_USER, 0, 0) == 42
    win32gui.SetWindowText(top, "new")
    assert win32gui.GetWindowText(top) == "new"  # WM_GETTEXT passed on to the old procedure
    assert win32con.WM_SETTEXT in seen
    assert win32con.WM_GETTEXT in seen


def test_subclassing_with_a_dict(windows: Windows) -> None:
    top = windows.top()
    win32gui.SetWindowLong(top, win32con.GWL_WNDPROC, {win32con.WM_USER: lambda *args: 77})
    assert win32gui.SendMessage(top, win32con.WM_USER, 1, 2) == 77


def test_set_window_long_takes_no_address_for_the_procedure(windows: Windows) -> None:
    top = windows.top()
    old = win32gui.SetWindowLong(top, win32con.GWL_WNDPROC, lambda *args: 0)
    with pytest.raises(TypeError):
        win32gui.SetWindowLong(top, win32con.GWL_WNDPROC, old)
    assert win32gui.CallWindowProc(0, top, win32con.WM_USER, 0, 0) == 0


def test_class_longs(windows: Windows) -> None:
    top = windows.top()
    assert win32gui.GetClassLong(top, win32con.GCL_STYLE) == 0
    assert win32api.SetClassLong(top, win32con.GCL_STYLE, 3) == 0
    assert win32gui.GetClassLong(top, win32con.GCL_STYLE) == 3
    assert win32gui.GetClassLong(BAD_HWND, win32con.GCL_STYLE) == 0
    assert win32gui.GetClassLong(top, 1000) == 0


# --- enabling -------------------------------------------------------------------------------


def test_enable_window_says_whether_it_was_disabled(windows: Windows) -> None:
    top = windows.top()
    windows.log.watch = (win32con.WM_ENABLE,)
    assert win32gui.IsWindowEnabled(top) == 1
    assert win32gui.EnableWindow(top, False) == 0
    assert win32gui.EnableWindow(top, False) == 1
    assert win32gui.IsWindowEnabled(top) == 0
    assert win32gui.GetWindowLong(top, win32con.GWL_STYLE) & win32con.WS_DISABLED
    assert win32gui.EnableWindow(top, True) == 1
    assert [call[1:3] for call in windows.log.take()] == [
        (win32con.WM_ENABLE, 0),
        (win32con.WM_ENABLE, 1),
    ]
    assert win32gui.EnableWindow(BAD_HWND, True) == 0
    assert win32gui.IsWindowEnabled(BAD_HWND) == 0


# --- activation, focus, capture ----------------------------------------------------------------


def test_activation_and_focus_messages(windows: Windows) -> None:
    first, second = windows.top(), windows.top()
    win32gui.SetActiveWindow(first)
    windows.log.watch = FOCUS_MESSAGES
    windows.log.take()
    assert win32gui.SetActiveWindow(second) == first
    assert windows.log.take() == [
        (first, win32con.WM_NCACTIVATE, 0, second),
        (first, win32con.WM_ACTIVATE, win32con.WA_INACTIVE, second),
        (second, win32con.WM_NCACTIVATE, 0, first),
        (second, win32con.WM_ACTIVATE, win32con.WA_ACTIVE, first),
        (first, win32con.WM_KILLFOCUS, second, 0),
        (second, win32con.WM_SETFOCUS, first, 0),
    ]
    assert (win32gui.GetActiveWindow(), win32gui.GetFocus()) == (second, second)


def test_set_focus_activates_the_top_level_window(windows: Windows) -> None:
    first, second = windows.top(), windows.top()
    child = windows.child(first, 3, (0, 0, 10, 10), True)
    win32gui.SetActiveWindow(second)
    windows.log.watch = FOCUS_MESSAGES
    # DefWindowProc's WM_ACTIVATE focuses the activated window first
    assert win32gui.SetFocus(child) == first
    assert windows.log.take() == [
        (second, win32con.WM_NCACTIVATE, 0, first),
        (second, win32con.WM_ACTIVATE, win32con.WA_INACTIVE, first),
        (first, win32con.WM_NCACTIVATE, 0, second),
        (first, win32con.WM_ACTIVATE, win32con.WA_ACTIVE, second),
        (second, win32con.WM_KILLFOCUS, first, 0),
        (first, win32con.WM_SETFOCUS, second, 0),
        (first, win32con.WM_KILLFOCUS, child, 0),
        (child, win32con.WM_SETFOCUS, first, 0),
    ]
    assert (win32gui.GetActiveWindow(), win32gui.GetFocus()) == (first, child)
    assert win32gui.SetFocus(0) == child
    assert win32gui.GetFocus() == 0


def test_a_child_is_not_activated(windows: Windows) -> None:
    top = windows.top()
    child = windows.child(top, 3, (0, 0, 10, 10), True)
    win32gui.SetActiveWindow(top)
    assert win32gui.SetActiveWindow(child) == top
    assert win32gui.GetActiveWindow() == top


def test_focus_calls_refuse_a_bad_window(windows: Windows) -> None:
    for call in (win32gui.SetFocus, win32gui.SetActiveWindow, win32gui.SetForegroundWindow):
        with pytest.raises(pywintypes.error) as info:
            call(BAD_HWND)
        assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_set_foreground_window(windows: Windows) -> None:
    top = windows.top()
    assert win32gui.SetForegroundWindow(top) is None
    assert win32gui.GetForegroundWindow() == top
    assert win32gui.GetActiveWindow() == top


def test_capture_moves_with_capturechanged(windows: Windows) -> None:
    first, second = windows.top(), windows.top()
    windows.log.watch = (win32con.WM_CAPTURECHANGED,)
    assert win32gui.SetCapture(first) == 0
    assert win32gui.GetCapture() == first
    assert win32gui.SetCapture(second) == first
    win32gui.ReleaseCapture()
    win32gui.ReleaseCapture()
    assert win32gui.GetCapture() == 0
    assert windows.log.take() == [
        (first, win32con.WM_CAPTURECHANGED, 0, second),
        (second, win32con.WM_CAPTURECHANGED, 0, 0),
    ]


def test_another_threads_input_state_is_its_own(windows: Windows) -> None:
    top = windows.top()
    win32gui.SetFocus(top)
    assert in_thread(win32gui.GetFocus) == 0
    assert in_thread(win32gui.GetActiveWindow) == 0
    for call in (win32gui.SetFocus, win32gui.SetActiveWindow, win32gui.SetCapture):
        assert in_thread(lambda call=call: call(top)) == winerror.ERROR_ACCESS_DENIED


def test_attach_thread_input_errors() -> None:
    me = win32api.GetCurrentThreadId()
    with pytest.raises(pywintypes.error) as info:
        win32process.AttachThreadInput(me, me, True)
    assert info.value.winerror == winerror.ERROR_ACCESS_DENIED
    with pytest.raises(pywintypes.error) as info:
        win32process.AttachThreadInput(me, 0x7FFFFFF0, True)
    assert info.value.winerror == winerror.ERROR_INVALID_PARAMETER
    other = in_thread(win32api.GetCurrentThreadId)
    with pytest.raises(pywintypes.error) as info:
        win32process.AttachThreadInput(me, other, False)
    assert info.value.winerror == winerror.ERROR_INVALID_PARAMETER


def test_attached_threads_share_the_focus(windows: Windows) -> None:
    top = windows.top()
    win32gui.SetFocus(top)
    me = win32api.GetCurrentThreadId()
    attached = win32event.CreateEvent(None, True, False, None)
    seen: list[int] = []

    def body() -> None:
        win32gui.PeekMessage(None, 0, 0, win32con.PM_NOREMOVE)
        tid = win32api.GetCurrentThreadId()
        win32process.AttachThreadInput(tid, me, True)
        seen.extend([win32gui.GetFocus(), win32gui.GetActiveWindow()])
        win32process.AttachThreadInput(tid, me, False)
        seen.append(win32gui.GetFocus())
        win32event.SetEvent(attached)

    thread = threading.Thread(target=body)
    thread.start()
    pump_until(attached)  # attaching may send this thread's windows messages
    thread.join()
    assert seen == [top, top, 0]
    assert win32gui.GetFocus() == top


# --- relations, placement, points -----------------------------------------------------------


def test_top_window_and_ancestors(windows: Windows) -> None:
    popup = windows.top(win32con.WS_POPUP, (10, 20, 300, 200))
    first = windows.child(popup, 7, (5, 6, 10, 10), True)
    windows.child(popup, 8, (50, 60, 10, 10), False)
    assert win32gui.GetTopWindow(popup) == first
    assert win32gui.GetTopWindow(first) == 0
    assert win32gui.GetTopWindow(None) == popup
    assert win32gui.GetAncestor(first, win32con.GA_PARENT) == popup
    assert win32gui.GetAncestor(first, win32con.GA_ROOT) == popup
    assert win32gui.GetAncestor(first, win32con.GA_ROOTOWNER) == popup
    assert win32gui.GetAncestor(popup, win32con.GA_PARENT) == win32gui.GetDesktopWindow()
    assert win32gui.GetAncestor(first, 9) == 0
    assert win32gui.IsChild(popup, first) == 1
    for call in (win32gui.GetTopWindow, lambda hwnd: win32gui.GetAncestor(hwnd, 1)):
        with pytest.raises(pywintypes.error) as info:
            call(BAD_HWND)
        assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_points_between_client_and_screen(windows: Windows) -> None:
    popup = windows.top(win32con.WS_POPUP, (10, 20, 300, 200))
    child = windows.child(popup, 7, (5, 6, 10, 10), True)
    assert win32gui.ClientToScreen(child, (1, 2)) == (16, 28)
    assert win32gui.ScreenToClient(child, (100, 200)) == (85, 174)
    with pytest.raises(TypeError):
        win32gui.ClientToScreen(child, (1,))
    with pytest.raises(pywintypes.error) as info:
        win32gui.ClientToScreen(BAD_HWND, (1, 2))
    assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_windows_from_points(windows: Windows) -> None:
    popup = windows.top(win32con.WS_POPUP, (10, 20, 300, 200))
    shown = windows.child(popup, 7, (5, 6, 10, 10), True)
    hidden = windows.child(popup, 8, (50, 60, 10, 10), False)
    assert win32gui.ChildWindowFromPoint(popup, (6, 7)) == shown
    assert win32gui.ChildWindowFromPoint(popup, (51, 61)) == hidden  # hidden ones count
    assert win32gui.ChildWindowFromPoint(popup, (200, 150)) == popup
    assert win32gui.ChildWindowFromPoint(popup, (2000, 1500)) == 0
    win32gui.ShowWindow(popup, win32con.SW_SHOWNOACTIVATE)
    assert win32gui.WindowFromPoint((16, 27)) == shown
    assert win32gui.WindowFromPoint((200, 150)) == popup
    win32gui.ShowWindow(popup, win32con.SW_HIDE)


def test_window_placement(windows: Windows) -> None:
    top = windows.top(rect=(10, 20, 300, 200))
    child = windows.child(top, 7, (5, 6, 10, 10), False)
    assert win32gui.GetWindowPlacement(top) == (0, 1, (-1, -1), (-1, -1), (10, 20, 310, 220))
    assert win32gui.GetWindowPlacement(child) == (0, 1, (-1, -1), (-1, -1), (5, 6, 15, 16))
    placement = (0, win32con.SW_SHOWNORMAL, (-1, -1), (-1, -1), (30, 40, 230, 140))
    win32gui.SetWindowPlacement(top, placement)
    assert win32gui.GetWindowRect(top) == (30, 40, 230, 140)
    assert win32gui.IsWindowVisible(top) == 1
    with pytest.raises(TypeError):
        win32gui.SetWindowPlacement(top, (0, 1))
    with pytest.raises(pywintypes.error) as info:
        win32gui.GetWindowPlacement(BAD_HWND)
    assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_text_length_and_flashing(windows: Windows) -> None:
    top = windows.top()
    assert win32gui.GetWindowTextLength(top) == 3
    assert win32gui.GetWindowTextLength(BAD_HWND) == 0
    assert win32gui.FlashWindow(BAD_HWND, 1) == 0
    with pytest.raises(pywintypes.error) as info:
        win32gui.BringWindowToTop(BAD_HWND)
    assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_the_cursor_stays_on_the_screen() -> None:
    win32api.SetCursorPos((100, 120))
    assert win32gui.GetCursorPos() == (100, 120)
    assert win32api.GetCursorPos() == (100, 120)
    win32api.SetCursorPos((100000, -100000))
    assert win32gui.GetCursorPos() == (1023, 0)
    win32api.SetCursorPos((0, 0))
