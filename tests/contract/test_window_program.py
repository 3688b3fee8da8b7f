"""Contract: the classic window program: classes, top-level and child windows, showing,
placing, text, relations, destruction, and the messages each call sends, in order.

The sequences were recorded on the real pywin32 with a logging window procedure. Only the
messages the library models are compared (what concerns drawing, the frame, activation and
focus is left out: WM_NCCALCSIZE, WM_GETMINMAXINFO, WM_NCPAINT, WM_ERASEBKGND, WM_ACTIVATE*,
...). Values are compared for popup and child windows, which have no frame on either side.
WINDOWPOS flags are compared without SWP_NOZORDER, which Wine's own tests strip too.

Top-level windows need a desktop: the oracle's Wine must run with its null graphics driver
(``HKCU\\Software\\Wine\\Drivers``, ``Graphics=null``) when no display is there.
"""

import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32process
import winerror

from ._kernel import JOIN_MS, OBJECT_0
from ._messages import WM_USER, Threads, me

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

W = win32con
MODELLED = {
    W.WM_NCCREATE: "NCCREATE",
    W.WM_CREATE: "CREATE",
    W.WM_SIZE: "SIZE",
    W.WM_MOVE: "MOVE",
    W.WM_PARENTNOTIFY: "PARENTNOTIFY",
    W.WM_SHOWWINDOW: "SHOWWINDOW",
    W.WM_WINDOWPOSCHANGING: "POSCHANGING",
    W.WM_WINDOWPOSCHANGED: "POSCHANGED",
    W.WM_SETTEXT: "SETTEXT",
    W.WM_CLOSE: "CLOSE",
    W.WM_DESTROY: "DESTROY",
    W.WM_NCDESTROY: "NCDESTROY",
}


def lparam(low: int, high: int) -> int:
    return (low & 0xFFFF) | (high & 0xFFFF) << 16


class Log:
    """A window procedure shared by the windows of a test's class: logs what it gets.

    Each entry is (window name, message name, detail): for WM_WINDOWPOSCHANGING/CHANGED the
    detail is the WINDOWPOS flags read from lparam (the facade passes the structure as an
    object, pywin32 as a pointer), for WM_SIZE, WM_MOVE, WM_SHOWWINDOW and WM_PARENTNOTIFY
    (wParam, lParam), for the others None. ``answers`` replaces DefWindowProc for a message.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: list[tuple[str, str, Any]] = []
        self.threads: list[int] = []
        self.names: dict[int, str] = {}
        self.answers: dict[int, Callable[..., Any]] = {}

    def name(self, hwnd: int, name: str) -> int:
        with self.lock:
            self.names[hwnd] = name
        return hwnd

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam_: Any) -> Any:
        kind = MODELLED.get(msg)
        if kind is not None:
            if msg in (W.WM_WINDOWPOSCHANGING, W.WM_WINDOWPOSCHANGED):
                detail: Any = windowpos_flags(lparam_) & ~W.SWP_NOZORDER
            elif msg in (W.WM_SIZE, W.WM_MOVE, W.WM_SHOWWINDOW, W.WM_PARENTNOTIFY):
                detail = (wparam, lparam_)
            else:
                detail = None
            with self.lock:
                self.entries.append((self.names.get(hwnd, "new"), kind, detail))
                self.threads.append(me())
        answer = self.answers.get(msg)
        if answer is not None:
            return answer(hwnd, msg, wparam, lparam_)
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam_)

    def take(self) -> list[tuple[str, str, Any]]:
        with self.lock:
            entries, self.entries, self.threads = self.entries, [], []
        return entries

    def kinds(self) -> list[tuple[str, str]]:
        return [(name, kind) for name, kind, _ in self.take()]


def windowpos_flags(value: Any) -> int:
    """The flags of a WINDOWPOS: an object with ``flags`` here, a pointer on pywin32."""
    if hasattr(value, "flags"):
        return int(value.flags)
    import ctypes

    class WINDOWPOS(ctypes.Structure):
        _fields_ = [
            ("hwnd", ctypes.c_void_p),
            ("after", ctypes.c_void_p),
            ("x", ctypes.c_int),
            ("y", ctypes.c_int),
            ("cx", ctypes.c_int),
            ("cy", ctypes.c_int),
            ("flags", ctypes.c_uint),
        ]

    return int(WINDOWPOS.from_address(value).flags)


class Program:
    """One window class with a Log for its procedure, and the windows of a test."""

    def __init__(self) -> None:
        self.log = Log()
        self.name = f"apartment-contract-{uuid.uuid4().hex}"
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = self.name
        wc.lpfnWndProc = self.log
        wc.style = W.CS_HREDRAW | W.CS_VREDRAW
        wc.hInstance = win32api.GetModuleHandle(None)
        win32gui.RegisterClass(wc)
        self.windows: list[int] = []
        # pywin32 attaches the Python procedure once the class's first window exists: that
        # window's creation messages go to DefWindowProc. Tests use the later windows.
        self.window("warm-up", W.WS_POPUP)
        self.log.take()

    def window(
        self,
        name: str,
        style: int,
        rect: tuple[int, int, int, int] = (0, 0, 10, 10),
        parent: int = 0,
        ex_style: int = 0,
        menu: int = 0,
    ) -> int:
        x, y, width, height = rect
        hwnd: int = win32gui.CreateWindowEx(
            ex_style, self.name, name, style, x, y, width, height, parent, menu, 0, None
        )
        self.log.name(hwnd, name)
        self.windows.append(hwnd)
        return hwnd

    def close(self) -> None:
        for hwnd in reversed(self.windows):
            if win32gui.IsWindow(hwnd) and win32process.GetWindowThreadProcessId(hwnd)[0] == me():
                win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(self.name, 0)


@pytest.fixture
def program() -> Iterator[Program]:
    made = Program()
    yield made
    made.close()


def error_of(call: Callable[[], Any]) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as info:
        call()
    return info.value.winerror, info.value.funcname


# --- hInstance, classes, the first window ------------------------------------------------


def test_get_module_handle_of_the_program_is_a_nonzero_int() -> None:
    instance = win32api.GetModuleHandle(None)
    assert type(instance) is int
    assert instance != 0
    assert win32api.GetModuleHandle() == instance


def test_get_module_handle_of_a_module_not_loaded_fails_with_mod_not_found() -> None:
    assert error_of(lambda: win32api.GetModuleHandle("no-such-module.dll")) == (
        winerror.ERROR_MOD_NOT_FOUND,
        "GetModuleHandle",
    )


def test_get_module_handle_of_a_name_that_is_not_a_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        win32api.GetModuleHandle(5)


def test_init_common_controls_returns_none() -> None:
    assert win32gui.InitCommonControls() is None


def test_the_first_window_of_a_class_gets_its_creation_messages_from_def_window_proc() -> None:
    log = Log()
    name = f"apartment-contract-{uuid.uuid4().hex}"
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = name
    wc.lpfnWndProc = log
    win32gui.RegisterClass(wc)
    try:
        first = win32gui.CreateWindow(name, "first", W.WS_POPUP, 0, 0, 5, 5, 0, 0, 0, None)
        assert log.take() == []  # pywin32 attaches the procedure when CreateWindow returns
        assert win32gui.GetWindowText(first) == "first"  # DefWindowProc kept the title
        second = win32gui.CreateWindow(name, "second", W.WS_POPUP, 0, 0, 5, 5, 0, 0, 0, None)
        assert [kind for _, kind, _ in log.take()] == ["NCCREATE", "CREATE", "SIZE", "MOVE"]
        win32gui.DestroyWindow(first)
        assert [kind for _, kind, _ in log.take()] == ["DESTROY", "NCDESTROY"]
        win32gui.DestroyWindow(second)
    finally:
        win32gui.UnregisterClass(name, 0)


def test_get_class_name_gives_the_registered_name(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    assert win32gui.GetClassName(hwnd) == program.name


def test_get_class_name_of_no_window_fails_with_invalid_window_handle() -> None:
    assert error_of(lambda: win32gui.GetClassName(0x7FFF0000)) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "GetClassName",
    )


# --- creation -------------------------------------------------------------------------------


def test_creating_a_popup_sends_size_and_move(program: Program) -> None:
    program.window("p", W.WS_POPUP, (10, 20, 300, 200))
    assert program.log.take() == [
        ("new", "NCCREATE", None),
        ("new", "CREATE", None),
        ("new", "SIZE", (0, lparam(300, 200))),
        ("new", "MOVE", (0, lparam(10, 20))),
    ]


def test_creating_a_visible_popup_shows_it(program: Program) -> None:
    hwnd = program.window("p", W.WS_POPUP | W.WS_VISIBLE, (1, 2, 3, 4))
    assert program.log.take()[4:] == [
        ("new", "SHOWWINDOW", (1, 0)),
        ("new", "POSCHANGING", W.SWP_SHOWWINDOW | W.SWP_NOSIZE | W.SWP_NOMOVE),
        ("new", "POSCHANGED", 0x1843),
    ]
    assert win32gui.IsWindowVisible(hwnd) == 1


def test_creating_a_hidden_overlapped_window_sends_no_size_or_move(program: Program) -> None:
    hwnd = program.window("o", W.WS_OVERLAPPEDWINDOW, (10, 20, 300, 200))
    assert program.log.kinds() == [("new", "NCCREATE"), ("new", "CREATE")]
    assert win32gui.IsWindowVisible(hwnd) == 0


def test_the_first_show_of_an_overlapped_window_sends_size_and_move(program: Program) -> None:
    hwnd = program.window("o", W.WS_OVERLAPPEDWINDOW, (10, 20, 300, 200))
    program.log.take()
    assert win32gui.ShowWindow(hwnd, W.SW_SHOWNORMAL) == 0
    assert program.log.kinds() == [
        ("o", "SHOWWINDOW"),
        ("o", "POSCHANGING"),
        ("o", "POSCHANGED"),
        ("o", "SIZE"),
        ("o", "MOVE"),
    ]
    win32gui.ShowWindow(hwnd, W.SW_HIDE)
    program.log.take()
    win32gui.ShowWindow(hwnd, W.SW_SHOW)
    assert ("o", "SIZE") not in program.log.kinds()  # only the first show sizes it


def test_creating_a_visible_child_notifies_its_parent_then_shows_it(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP | W.WS_VISIBLE, (100, 100, 50, 50))
    program.log.take()
    child = program.window("child", W.WS_CHILD | W.WS_VISIBLE, (1, 2, 3, 4), parent, menu=7)
    assert program.log.take() == [
        ("new", "NCCREATE", None),
        ("new", "CREATE", None),
        ("new", "SIZE", (0, lparam(3, 4))),
        ("new", "MOVE", (0, lparam(1, 2))),
        ("parent", "PARENTNOTIFY", (lparam(W.WM_CREATE, 7), child)),
        ("new", "SHOWWINDOW", (1, 0)),
        ("new", "POSCHANGING", 0x53),
        ("new", "POSCHANGED", 0x1853),
    ]
    assert win32gui.IsWindowVisible(child) == 1


def test_showing_a_child_of_a_hidden_parent_sends_only_showwindow(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP)
    child = program.window("child", W.WS_CHILD | W.WS_VISIBLE, parent=parent)
    assert program.log.take()[-1:] == [("new", "SHOWWINDOW", (1, 0))]
    assert win32gui.IsWindowVisible(child) == 0  # its parent is hidden
    win32gui.ShowWindow(child, W.SW_HIDE)
    assert program.log.take() == [("child", "SHOWWINDOW", (0, 0))]
    win32gui.ShowWindow(child, W.SW_SHOW)
    win32gui.ShowWindow(parent, W.SW_SHOW)
    assert win32gui.IsWindowVisible(child) == 1


def test_creating_a_grandchild_notifies_only_its_parent(program: Program) -> None:
    top = program.window("top", W.WS_POPUP)
    middle = program.window("middle", W.WS_CHILD, parent=top)
    program.log.take()
    program.window("leaf", W.WS_CHILD, parent=middle)
    assert [name for name, kind, _ in program.log.take() if kind == "PARENTNOTIFY"] == ["middle"]


def test_a_popup_at_cw_usedefault_is_placed_at_zero_with_no_size(program: Program) -> None:
    default = W.CW_USEDEFAULT
    hwnd = program.window("p", W.WS_POPUP, (default, default, default, default))
    assert win32gui.GetWindowRect(hwnd) == (0, 0, 0, 0)


def test_an_overlapped_window_at_cw_usedefault_ignores_y_and_height(program: Program) -> None:
    default = W.CW_USEDEFAULT
    first = program.window("a", W.WS_OVERLAPPEDWINDOW, (default, 5, default, 7))
    second = program.window("b", W.WS_OVERLAPPEDWINDOW, (default, 50, default, 70))
    left, top, right, bottom = win32gui.GetWindowRect(first)
    assert right - left > 7
    assert bottom - top > 7
    rect = win32gui.GetWindowRect(second)
    assert (rect[2] - rect[0], rect[3] - rect[1]) == (right - left, bottom - top)


@pytest.mark.parametrize(("y", "visible"), [(W.CW_USEDEFAULT, 1), (W.SW_HIDE, 0)])
def test_y_is_the_show_command_of_a_visible_overlapped_window_at_cw_usedefault(
    program: Program, y: int, visible: int
) -> None:
    style = W.WS_OVERLAPPEDWINDOW | W.WS_VISIBLE
    hwnd = program.window("o", style, (W.CW_USEDEFAULT, y, 100, 100))
    assert win32gui.IsWindowVisible(hwnd) == visible


def test_a_negative_size_is_zero(program: Program) -> None:
    hwnd = program.window("p", W.WS_POPUP, (10, 10, -5, -7))
    assert win32gui.GetWindowRect(hwnd) == (10, 10, 10, 10)


@pytest.mark.parametrize(("message", "refusal"), [(W.WM_NCCREATE, 0), (W.WM_CREATE, -1)])
def test_a_refused_creation_returns_zero_after_nc_destroy(
    program: Program, message: int, refusal: int
) -> None:
    program.log.answers[message] = lambda *args: refusal
    assert program.window("r", W.WS_POPUP) == 0  # no exception: no error code is set
    expected = ["NCCREATE", "NCDESTROY"] if refusal == 0 else ["NCCREATE", "CREATE", "NCDESTROY"]
    assert [kind for _, kind, _ in program.log.take()] == expected


def test_the_title_is_kept_only_when_def_window_proc_sees_nccreate(program: Program) -> None:
    assert win32gui.GetWindowText(program.window("kept", W.WS_POPUP)) == "kept"
    program.log.answers[W.WM_NCCREATE] = lambda *args: 1
    assert win32gui.GetWindowText(program.window("lost", W.WS_POPUP)) == ""


def test_a_none_title_is_empty(program: Program) -> None:
    hwnd = win32gui.CreateWindow(program.name, None, W.WS_POPUP, 0, 0, 1, 1, 0, 0, 0, None)
    program.windows.append(hwnd)
    assert win32gui.GetWindowText(hwnd) == ""


def test_a_child_window_without_a_parent_fails_with_tlw_with_wschild(program: Program) -> None:
    assert error_of(lambda: program.window("c", W.WS_CHILD)) == (
        winerror.ERROR_TLW_WITH_WSCHILD,
        "CreateWindowEx",
    )


def test_a_parent_that_is_no_window_fails_with_invalid_window_handle(program: Program) -> None:
    assert error_of(lambda: program.window("c", W.WS_CHILD, parent=0x7FFF0000)) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "CreateWindowEx",
    )


@pytest.mark.parametrize(
    "args",
    [
        ("t", 5, W.WS_POPUP, 0, 0, 1, 1, 0, 0, 0, None),
        ("t", "w", W.WS_POPUP, 1.5, 0, 1, 1, 0, 0, 0, None),
        ("t", "w", W.WS_POPUP, 0, 0, 1, 1, "x", 0, 0, None),
        ("t", "w", W.WS_POPUP, 0, 0, 1, 1, 0, 0, 0, 0),
    ],
    ids=["title", "x", "parent", "reserved"],
)
def test_create_window_refuses_wrong_types(program: Program, args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError):
        win32gui.CreateWindow(program.name, *args[1:])


def test_a_style_is_read_as_a_dword(program: Program) -> None:
    hwnd = win32gui.CreateWindow(program.name, "w", 2**32 + W.WS_POPUP, 0, 0, 1, 1, 0, 0, 0, None)
    program.windows.append(hwnd)
    assert hwnd != 0


# --- showing ---------------------------------------------------------------------------------


def test_show_window_returns_1_if_it_was_visible_else_0(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    assert win32gui.ShowWindow(hwnd, W.SW_SHOW) == 0
    assert win32gui.ShowWindow(hwnd, W.SW_SHOW) == 1
    assert win32gui.ShowWindow(hwnd, W.SW_HIDE) == 1
    assert win32gui.ShowWindow(hwnd, W.SW_HIDE) == 0


def test_showing_a_visible_window_sends_nothing(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP | W.WS_VISIBLE)
    program.log.take()
    win32gui.ShowWindow(hwnd, W.SW_SHOW)
    assert program.log.take() == []


def test_hiding_a_popup(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP | W.WS_VISIBLE)
    program.log.take()
    win32gui.ShowWindow(hwnd, W.SW_HIDE)
    assert program.log.take() == [
        ("w", "SHOWWINDOW", (0, 0)),
        ("w", "POSCHANGING", W.SWP_HIDEWINDOW | W.SWP_NOSIZE | W.SWP_NOMOVE),
        ("w", "POSCHANGED", 0x1883),
    ]
    assert win32gui.IsWindowVisible(hwnd) == 0


def test_hiding_and_showing_a_child(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP | W.WS_VISIBLE)
    child = program.window("child", W.WS_CHILD | W.WS_VISIBLE, parent=parent)
    program.log.take()
    win32gui.ShowWindow(child, W.SW_HIDE)
    win32gui.ShowWindow(child, W.SW_SHOWNA)
    assert program.log.take() == [
        ("child", "SHOWWINDOW", (0, 0)),
        ("child", "POSCHANGING", 0x93),
        ("child", "POSCHANGED", 0x1893),
        ("child", "SHOWWINDOW", (1, 0)),
        ("child", "POSCHANGING", 0x53),
        ("child", "POSCHANGED", 0x1853),
    ]


def test_show_window_of_no_window_returns_zero() -> None:
    assert win32gui.ShowWindow(0x7FFF0000, W.SW_SHOW) == 0
    assert win32gui.IsWindowVisible(0x7FFF0000) == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda hwnd: win32gui.MoveWindow(hwnd, 1.5, 0, 1, 1, True),
        lambda hwnd: win32gui.MoveWindow(hwnd, 0, 0, "1", 1, True),
        lambda hwnd: win32gui.SetWindowPos(hwnd, 0, 0, 0, 1, 1.5, 0),
        lambda hwnd: win32gui.SetWindowPos(hwnd, "x", 0, 0, 1, 1, 0),
        lambda hwnd: win32gui.GetWindow(hwnd, "x"),
        lambda hwnd: win32gui.GetWindowRect("x"),
        lambda hwnd: win32gui.IsWindowVisible("x"),
    ],
    ids=["x", "width", "height", "after", "relation", "rect", "visible"],
)
def test_placing_calls_refuse_arguments_of_the_wrong_type(
    program: Program, call: Callable[[int], Any]
) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    with pytest.raises(TypeError):
        call(hwnd)


def test_is_window_and_is_window_visible_give_ints(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP | W.WS_VISIBLE)
    assert (type(win32gui.IsWindow(hwnd)), win32gui.IsWindow(hwnd)) == (int, 1)
    assert (type(win32gui.IsWindowVisible(hwnd)), win32gui.IsWindowVisible(hwnd)) == (int, 1)


def test_show_window_refuses_a_handle_or_command_of_the_wrong_type(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    with pytest.raises(TypeError):
        win32gui.ShowWindow("x", W.SW_SHOW)
    with pytest.raises(TypeError):
        win32gui.ShowWindow(hwnd, "x")


def test_update_window_paints_a_shown_window_once(program: Program) -> None:
    painted: list[int] = []

    def paint(hwnd: int, msg: int, wparam: Any, lparam_: Any) -> int:
        painted.append(hwnd)
        return int(win32gui.DefWindowProc(hwnd, msg, wparam, lparam_))  # validates it

    program.log.answers[W.WM_PAINT] = paint
    hwnd = program.window("w", W.WS_POPUP | W.WS_VISIBLE)
    win32gui.UpdateWindow(hwnd)
    win32gui.UpdateWindow(hwnd)
    assert painted == [hwnd]


def test_update_window_of_no_window_fails_with_invalid_window_handle() -> None:
    assert error_of(lambda: win32gui.UpdateWindow(None)) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "UpdateWindow",
    )


# --- placing and sizing ----------------------------------------------------------------------


def test_move_window_sends_changing_changed_move_and_size(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    program.log.take()
    assert win32gui.MoveWindow(hwnd, 10, 20, 300, 200, True) is None
    assert program.log.take() == [
        ("w", "POSCHANGING", W.SWP_NOACTIVATE),
        ("w", "POSCHANGED", W.SWP_NOACTIVATE | W.SWP_NOREDRAW),  # hidden: nothing to draw
        ("w", "MOVE", (0, lparam(10, 20))),
        ("w", "SIZE", (0, lparam(300, 200))),
    ]
    assert win32gui.GetWindowRect(hwnd) == (10, 20, 310, 220)
    assert win32gui.GetClientRect(hwnd) == (0, 0, 300, 200)


def test_moving_to_where_it_is_sends_only_changing(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP, (1, 2, 3, 4))
    program.log.take()
    win32gui.MoveWindow(hwnd, 1, 2, 3, 4, False)
    assert program.log.kinds() == [("w", "POSCHANGING")]


def test_set_window_pos_moving_only(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    program.log.take()
    win32gui.SetWindowPos(hwnd, 0, 30, 40, 0, 0, W.SWP_NOSIZE | W.SWP_NOZORDER)
    assert program.log.take() == [
        ("w", "POSCHANGING", W.SWP_NOSIZE),
        ("w", "POSCHANGED", W.SWP_NOSIZE | W.SWP_NOREDRAW | 0x800),
        ("w", "MOVE", (0, lparam(30, 40))),
    ]


def test_set_window_pos_sizing_only(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    program.log.take()
    flags = W.SWP_NOMOVE | W.SWP_NOZORDER | W.SWP_NOACTIVATE
    win32gui.SetWindowPos(hwnd, None, 0, 0, 25, 15, flags)
    assert program.log.take() == [
        ("w", "POSCHANGING", W.SWP_NOMOVE | W.SWP_NOACTIVATE),
        ("w", "POSCHANGED", W.SWP_NOMOVE | W.SWP_NOACTIVATE | W.SWP_NOREDRAW | 0x1000),
        ("w", "SIZE", (0, lparam(25, 15))),
    ]


def test_set_window_pos_shows_and_hides_without_showwindow(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    program.log.take()
    keep = W.SWP_NOMOVE | W.SWP_NOSIZE | W.SWP_NOZORDER | W.SWP_NOACTIVATE
    win32gui.SetWindowPos(hwnd, 0, 0, 0, 0, 0, W.SWP_SHOWWINDOW | keep)
    assert win32gui.IsWindowVisible(hwnd) == 1
    win32gui.SetWindowPos(hwnd, 0, 0, 0, 0, 0, W.SWP_SHOWWINDOW | keep)  # visible already
    win32gui.SetWindowPos(hwnd, 0, 0, 0, 0, 0, W.SWP_HIDEWINDOW | keep)
    assert win32gui.IsWindowVisible(hwnd) == 0
    assert program.log.kinds() == [
        ("w", "POSCHANGING"),
        ("w", "POSCHANGED"),
        ("w", "POSCHANGING"),
        ("w", "POSCHANGING"),
        ("w", "POSCHANGED"),
    ]


def test_a_childs_rect_is_on_the_screen_and_its_client_rect_at_zero(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP, (100, 200, 300, 400))
    child = program.window("child", W.WS_CHILD, (10, 20, 30, 40), parent)
    assert win32gui.GetWindowRect(child) == (110, 220, 140, 260)
    assert win32gui.GetClientRect(child) == (0, 0, 30, 40)


@pytest.mark.parametrize(
    "call",
    [
        lambda: win32gui.GetWindowRect(0x7FFF0000),
        lambda: win32gui.GetClientRect(0x7FFF0000),
        lambda: win32gui.MoveWindow(0x7FFF0000, 0, 0, 1, 1, True),
        lambda: win32gui.SetWindowPos(0x7FFF0000, 0, 0, 0, 1, 1, 0),
        lambda: win32gui.GetParent(0x7FFF0000),
        lambda: win32gui.GetWindow(0x7FFF0000, W.GW_CHILD),
        lambda: win32gui.SetWindowText(0x7FFF0000, "x"),
    ],
    ids=[
        "GetWindowRect",
        "GetClientRect",
        "MoveWindow",
        "SetWindowPos",
        "GetParent",
        "GetWindow",
        "SetWindowText",
    ],
)
def test_calls_on_no_window_fail_with_invalid_window_handle(call: Callable[[], Any]) -> None:
    assert error_of(call)[0] == winerror.ERROR_INVALID_WINDOW_HANDLE


# --- text ------------------------------------------------------------------------------------


def test_set_window_text_sends_wm_settext_and_get_window_text_reads_it(program: Program) -> None:
    hwnd = program.window("old", W.WS_POPUP)
    program.log.take()
    assert win32gui.SetWindowText(hwnd, "new") is None
    assert program.log.kinds() == [("old", "SETTEXT")]
    assert win32gui.GetWindowText(hwnd) == "new"


def test_get_window_text_gives_at_most_511_characters(program: Program) -> None:
    assert win32gui.GetWindowText(program.window("x" * 600, W.WS_POPUP)) == "x" * 511


def test_get_window_text_of_no_window_is_empty() -> None:
    assert win32gui.GetWindowText(0x7FFF0000) == ""


@pytest.mark.parametrize("text", [None, 5], ids=["None", "int"])
def test_set_window_text_refuses_what_is_not_a_str(program: Program, text: Any) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    with pytest.raises(TypeError):
        win32gui.SetWindowText(hwnd, text)


# --- relations -------------------------------------------------------------------------------


def test_get_parent_and_get_window(program: Program) -> None:
    top = program.window("top", W.WS_POPUP)
    first = program.window("first", W.WS_CHILD, parent=top)
    second = program.window("second", W.WS_CHILD, parent=top)
    popup = program.window("popup", W.WS_POPUP, parent=top)
    overlapped = program.window("overlapped", W.WS_OVERLAPPED, parent=top)
    assert win32gui.GetParent(first) == top
    assert win32gui.GetParent(top) == 0
    assert win32gui.GetParent(popup) == top  # the owner of a popup
    assert win32gui.GetParent(overlapped) == 0
    assert win32gui.GetWindow(overlapped, W.GW_OWNER) == top
    assert win32gui.GetWindow(first, W.GW_OWNER) == 0
    assert win32gui.GetWindow(top, W.GW_CHILD) == first  # a new child goes below its siblings
    assert win32gui.GetWindow(first, W.GW_HWNDNEXT) == second
    assert win32gui.GetWindow(top, 99) == 0


def test_a_child_given_as_owner_stands_for_its_top_level_window(program: Program) -> None:
    top = program.window("top", W.WS_POPUP)
    child = program.window("child", W.WS_CHILD, parent=top)
    owned = program.window("owned", W.WS_POPUP, parent=child)
    assert win32gui.GetWindow(owned, W.GW_OWNER) == top


# --- destruction -----------------------------------------------------------------------------


def test_destroying_a_visible_popup_hides_it_first(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP | W.WS_VISIBLE)
    program.log.take()
    win32gui.DestroyWindow(hwnd)
    assert program.log.kinds() == [
        ("w", "POSCHANGING"),
        ("w", "POSCHANGED"),
        ("w", "DESTROY"),
        ("w", "NCDESTROY"),
    ]


def test_destroying_a_visible_child_notifies_and_hides_it_first(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP | W.WS_VISIBLE)
    child = program.window("child", W.WS_CHILD | W.WS_VISIBLE, parent=parent, menu=4)
    program.log.take()
    win32gui.DestroyWindow(child)
    assert program.log.take() == [
        ("parent", "PARENTNOTIFY", (lparam(W.WM_DESTROY, 4), child)),
        ("child", "SHOWWINDOW", (0, 0)),
        ("child", "POSCHANGING", 0x93),
        ("child", "POSCHANGED", 0x1893),
        ("child", "DESTROY", None),
        ("child", "NCDESTROY", None),
    ]


def test_destroying_a_parent_destroys_children_top_down_then_bottom_up(program: Program) -> None:
    top = program.window("top", W.WS_POPUP)
    middle = program.window("middle", W.WS_CHILD, parent=top)
    leaf = program.window("leaf", W.WS_CHILD, parent=middle)
    program.log.take()
    win32gui.DestroyWindow(top)
    assert program.log.kinds() == [
        ("top", "DESTROY"),
        ("middle", "DESTROY"),
        ("leaf", "DESTROY"),
        ("leaf", "NCDESTROY"),
        ("middle", "NCDESTROY"),
        ("top", "NCDESTROY"),
    ]
    assert not win32gui.IsWindow(leaf)


def test_destroying_an_owner_destroys_its_owned_windows_first(program: Program) -> None:
    owner = program.window("owner", W.WS_POPUP)
    first = program.window("first", W.WS_POPUP, parent=owner)
    program.window("second", W.WS_OVERLAPPED, parent=owner)
    program.log.take()
    win32gui.DestroyWindow(owner)
    assert program.log.kinds() == [
        ("second", "DESTROY"),
        ("second", "NCDESTROY"),
        ("first", "DESTROY"),
        ("first", "NCDESTROY"),
        ("owner", "DESTROY"),
        ("owner", "NCDESTROY"),
    ]
    assert not win32gui.IsWindow(first)


def test_wm_close_to_a_child_destroys_it(program: Program) -> None:
    parent = program.window("parent", W.WS_POPUP)
    child = program.window("child", W.WS_CHILD, parent=parent)
    program.log.take()
    win32gui.SendMessage(child, W.WM_CLOSE, 0, 0)
    assert program.log.kinds() == [
        ("child", "CLOSE"),
        ("parent", "PARENTNOTIFY"),
        ("child", "DESTROY"),
        ("child", "NCDESTROY"),
    ]


# --- another thread's window -----------------------------------------------------------------


def test_another_threads_window_is_shown_moved_and_named_on_its_thread(
    program: Program, threads: Threads
) -> None:
    made = win32event.CreateEvent(None, True, False, None)
    box: dict[str, int] = {}

    def body() -> Any:
        box["hwnd"] = program.window("theirs", W.WS_POPUP, (1, 2, 3, 4))
        win32event.SetEvent(made)
        win32gui.PumpMessages()
        win32gui.DestroyWindow(box["hwnd"])

    worker = threads.spawn(body)
    assert win32event.WaitForSingleObject(made, JOIN_MS) == OBJECT_0
    made.Close()
    hwnd = box["hwnd"]
    program.log.take()
    assert win32gui.ShowWindow(hwnd, W.SW_SHOW) == 0
    win32gui.MoveWindow(hwnd, 5, 6, 7, 8, True)
    win32gui.SetWindowText(hwnd, "renamed")
    assert win32gui.GetWindowText(hwnd) == "renamed"
    with program.log.lock:
        ran_on = set(program.log.threads)
    assert ran_on == {worker.tid}
    assert win32gui.GetWindowRect(hwnd) == (5, 6, 12, 14)
    win32gui.PostThreadMessage(worker.tid, W.WM_QUIT, 0, 0)
    worker.join()
    assert not win32gui.IsWindow(hwnd)


def test_a_thread_that_posts_to_a_window_of_its_own_gets_wm_user_there(program: Program) -> None:
    hwnd = program.window("w", W.WS_POPUP)
    win32gui.PostMessage(hwnd, WM_USER, 1, 2)
    rc, msg = win32gui.GetMessage(None, 0, 0)
    assert (rc, msg[:4]) == (1, (hwnd, WM_USER, 1, 2))


# --- constants and helpers ---------------------------------------------------------------------

WINDOW_CONSTANTS = {
    "WS_OVERLAPPED": 0x0, "WS_POPUP": -2147483648, "WS_CHILD": 0x40000000,
    "WS_VISIBLE": 0x10000000, "WS_CLIPSIBLINGS": 0x4000000, "WS_CAPTION": 0xC00000,
    "WS_SYSMENU": 0x80000, "WS_THICKFRAME": 0x40000, "WS_MINIMIZEBOX": 0x20000,
    "WS_MAXIMIZEBOX": 0x10000, "WS_OVERLAPPEDWINDOW": 0xCF0000, "WS_POPUPWINDOW": -2138570752,
    "WS_CHILDWINDOW": 0x40000000, "WS_EX_NOPARENTNOTIFY": 0x4, "WS_EX_TOPMOST": 0x8,
    "WS_EX_TOOLWINDOW": 0x80, "WS_EX_APPWINDOW": 0x40000, "WS_EX_OVERLAPPEDWINDOW": 0x300,
    "CS_VREDRAW": 0x1, "CS_HREDRAW": 0x2, "CS_DBLCLKS": 0x8, "CS_NOCLOSE": 0x200,
    "CS_GLOBALCLASS": 0x4000, "SW_HIDE": 0, "SW_SHOWNORMAL": 1, "SW_NORMAL": 1,
    "SW_SHOWMINIMIZED": 2, "SW_SHOWMAXIMIZED": 3, "SW_MAXIMIZE": 3, "SW_SHOWNOACTIVATE": 4,
    "SW_SHOW": 5, "SW_MINIMIZE": 6, "SW_SHOWMINNOACTIVE": 7, "SW_SHOWNA": 8, "SW_RESTORE": 9,
    "SW_SHOWDEFAULT": 10, "SW_FORCEMINIMIZE": 11, "SW_MAX": 11, "SWP_NOSIZE": 0x1,
    "SWP_NOMOVE": 0x2, "SWP_NOZORDER": 0x4, "SWP_NOREDRAW": 0x8, "SWP_NOACTIVATE": 0x10,
    "SWP_FRAMECHANGED": 0x20, "SWP_SHOWWINDOW": 0x40, "SWP_HIDEWINDOW": 0x80,
    "SWP_NOOWNERZORDER": 0x200, "SWP_NOSENDCHANGING": 0x400, "HWND_TOP": 0, "HWND_BOTTOM": 1,
    "HWND_TOPMOST": -1, "HWND_NOTOPMOST": -2, "GW_HWNDFIRST": 0, "GW_HWNDLAST": 1,
    "GW_HWNDNEXT": 2, "GW_HWNDPREV": 3, "GW_OWNER": 4, "GW_CHILD": 5, "SIZE_RESTORED": 0,
    "SIZE_MINIMIZED": 1, "SIZE_MAXIMIZED": 2, "CW_USEDEFAULT": -2147483648, "WM_MOVE": 0x3,
    "WM_SIZE": 0x5, "WM_SETTEXT": 0xC, "WM_GETTEXT": 0xD, "WM_GETTEXTLENGTH": 0xE,
    "WM_SHOWWINDOW": 0x18, "WM_WINDOWPOSCHANGING": 0x46, "WM_WINDOWPOSCHANGED": 0x47,
    "WM_PARENTNOTIFY": 0x210,
}  # fmt: skip


@pytest.mark.parametrize(("name", "value"), WINDOW_CONSTANTS.items(), ids=WINDOW_CONSTANTS.keys())
def test_window_constants_have_pywin32s_values(name: str, value: int) -> None:
    assert getattr(win32con, name) == value


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [(0x00020001, 1, 2), (0x7FFF_FFFF, 0xFFFF, 0x7FFF), (-1, 0xFFFF, 0xFFFF), (0, 0, 0)],
)
def test_loword_and_hiword(value: int, low: int, high: int) -> None:
    assert (win32api.LOWORD(value), win32api.HIWORD(value)) == (low, high)


def test_loword_takes_a_c_int() -> None:
    with pytest.raises(OverflowError):
        win32api.LOWORD(0xFFFF_FFFF)
    with pytest.raises(TypeError):
        win32api.HIWORD("x")


def test_get_tick_count_is_an_int_that_does_not_go_back() -> None:
    first = win32api.GetTickCount()
    assert type(first) is int
    assert 0 <= first <= 0xFFFFFFFF
    assert (win32api.GetTickCount() - first) & 0xFFFFFFFF < JOIN_MS
