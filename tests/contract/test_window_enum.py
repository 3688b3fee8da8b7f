"""Contract: enumerating and finding windows, class names, the desktop, PyGetString/PyGetMemory.

semantics.md §6.4; MS: EnumWindows, EnumChildWindows, EnumThreadWindows, FindWindowExW.
"""

import array
import sys
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32gui
import winerror

WINE = sys.platform == "win32"


@pytest.fixture
def make() -> Iterator[Any]:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = f"apartment-enum-{uuid.uuid4().hex}"
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    made: list[int] = []

    def create(title: str, style: int = win32con.WS_POPUP, parent: int = 0) -> int:
        hwnd: int = win32gui.CreateWindow(
            wc.lpszClassName, title, style, 0, 0, 10, 10, parent, 0, 0, None
        )
        made.append(hwnd)
        return hwnd

    create.class_name = wc.lpszClassName  # type: ignore[attr-defined]
    yield create
    for hwnd in reversed(made):
        if win32gui.IsWindow(hwnd):
            win32gui.DestroyWindow(hwnd)
    win32gui.UnregisterClass(wc.lpszClassName, None)


def walk(fn: Any, *args: Any) -> list[int]:
    seen: list[int] = []
    fn(*args, lambda hwnd, extra: seen.append(hwnd), None)  # None goes on
    return seen


def test_top_level_windows_come_topmost_first(make: Any) -> None:
    a, b = make("a"), make("b")
    child = make("child", win32con.WS_CHILD, a)
    seen = walk(win32gui.EnumWindows)
    assert seen.index(b) < seen.index(a)
    assert child not in seen
    assert seen == walk(win32gui.EnumDesktopWindows, None)[: len(seen)]


def test_children_come_depth_first(make: Any) -> None:
    a = make("a")
    a1 = make("a1", win32con.WS_CHILD, a)
    a2 = make("a2", win32con.WS_CHILD, a)
    a11 = make("a11", win32con.WS_CHILD, a1)
    assert walk(win32gui.EnumChildWindows, a) == [a1, a11, a2]
    desktop = walk(win32gui.EnumChildWindows, win32gui.GetDesktopWindow())
    assert desktop[desktop.index(a) : desktop.index(a) + 4] == [a, a1, a11, a2]
    win32gui.DestroyWindow(a1)  # destroyed windows vanish, with their children
    assert walk(win32gui.EnumChildWindows, a) == [a2]


def test_a_callback_returning_0_stops_and_raises_only_with_a_last_error(make: Any) -> None:
    make("a"), make("b")
    seen: list[int] = []

    def first_only(hwnd: int, extra: Any) -> int:
        seen.append(hwnd)
        return 0

    win32api.SetLastError(0)
    assert win32gui.EnumWindows(first_only, None) is None
    assert len(seen) == 1

    def stop_with_error(hwnd: int, extra: Any) -> int:
        win32api.SetLastError(1234)
        return extra  # type: ignore[no-any-return]

    with pytest.raises(pywintypes.error) as info:
        win32gui.EnumWindows(stop_with_error, 0)
    assert info.value.winerror == 1234
    assert info.value.funcname == "EnumWindows"
    win32api.SetLastError(0)
    assert win32gui.EnumChildWindows(None, stop_with_error, 0) is None  # result ignored
    win32api.SetLastError(0)


@pytest.mark.xfail(WINE, reason="Wine's EnumDesktopWindows returns TRUE when stopped")
def test_enum_desktop_windows_stopped_raises_with_a_last_error(make: Any) -> None:
    make("a")

    def stop_with_error(hwnd: int, extra: Any) -> int:
        win32api.SetLastError(1234)
        return 0

    try:
        with pytest.raises(pywintypes.error):
            win32gui.EnumDesktopWindows(None, stop_with_error, None)
    finally:
        win32api.SetLastError(0)


def test_callback_results_are_read_as_a_c_long(make: Any) -> None:
    make("a")
    for result in (None, 1, -1, True):
        assert win32gui.EnumWindows(lambda h, e, r=result: r, None) is None
    bad: object
    for bad in ("", 2.5, []):
        with pytest.raises(TypeError):
            win32gui.EnumWindows(lambda h, e, r=bad: r, None)
    with pytest.raises(OverflowError):
        win32gui.EnumWindows(lambda h, e: 2**32, None)


def test_an_exception_in_the_callback_propagates(make: Any) -> None:
    make("a")

    def boom(hwnd: int, extra: Any) -> int:
        raise KeyError(hwnd)

    with pytest.raises(KeyError):
        win32gui.EnumWindows(boom, None)
    with pytest.raises(TypeError, match="First param must be a callable"):
        win32gui.EnumWindows(5, None)
    with pytest.raises(TypeError, match="Second param must be a callable"):
        win32gui.EnumChildWindows(None, 5, None)


def test_windows_of_other_threads_are_enumerated_until_the_thread_ends(make: Any) -> None:
    ready, done, box = threading.Event(), threading.Event(), {}

    def other() -> None:
        box["hwnd"] = make("other")
        box["tid"] = win32api.GetCurrentThreadId()
        ready.set()
        done.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    assert ready.wait(10)
    try:
        assert box["hwnd"] in walk(win32gui.EnumWindows)
        assert box["hwnd"] in walk(win32gui.EnumThreadWindows, box["tid"])
        assert box["hwnd"] not in walk(win32gui.EnumThreadWindows, win32api.GetCurrentThreadId())
    finally:
        done.set()
        thread.join(10)
    assert box["hwnd"] not in walk(win32gui.EnumWindows)
    assert not win32gui.IsWindow(box["hwnd"])


def test_bad_windows(make: Any) -> None:
    make("a")
    assert win32gui.EnumChildWindows(0x1234, lambda h, e: 1, None) is None  # result ignored
    for fn in (win32gui.GetClassName, win32gui.RealGetWindowClass):
        with pytest.raises(pywintypes.error) as info:
            fn(0)
        assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE
        with pytest.raises(TypeError):
            fn("x")
    with pytest.raises(TypeError):
        win32gui.EnumThreadWindows(None, lambda h, e: 1, None)


@pytest.mark.xfail(WINE, reason="Wine: GetClassName of a handle that is no window gives 87")
def test_class_name_of_a_dead_handle() -> None:
    with pytest.raises(pywintypes.error) as info:
        win32gui.GetClassName(0x1234)
    assert info.value.winerror == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_find_window(make: Any) -> None:
    name = make.class_name
    a = make("Alpha")
    b = make("beta")
    a2 = make("kid", win32con.WS_CHILD, a)
    assert win32gui.FindWindow(name, None) == b  # topmost first
    assert win32gui.FindWindow(name.upper(), "ALPHA") == a  # without regard to case
    assert win32gui.FindWindow(name, "nothing") == 0
    assert win32gui.FindWindow(f"{name}-unknown", None) == 0
    assert win32gui.FindWindowEx(None, b, name, None) == a
    assert win32gui.FindWindowEx(a, 0, None, "KID") == a2
    assert win32gui.FindWindowEx(a, a2, None, None) == 0
    assert win32gui.FindWindowEx(a, b, None, None) == 0  # b is no child of a
    assert win32gui.FindWindowEx(0x1234, 0, None, None) == 0


def test_class_names_and_the_desktop(make: Any) -> None:
    a = make("a")
    assert win32gui.GetClassName(a) == win32gui.RealGetWindowClass(a) == make.class_name
    desktop = win32gui.GetDesktopWindow()
    assert win32gui.GetClassName(desktop) == "#32769"
    assert win32gui.IsWindow(desktop)
    assert win32gui.GetParent(desktop) == 0
    assert win32gui.GetWindowText(desktop) == ""
    assert win32gui.GetWindow(desktop, win32con.GW_CHILD) == a  # the topmost top-level window
    assert desktop not in walk(win32gui.EnumWindows)


def test_py_get_string_and_memory() -> None:
    data = array.array("b", b"a\0b\0c\0\0\0d\0")
    addr, size = data.buffer_info()
    assert win32gui.PyGetString(addr) == "abc"
    assert win32gui.PyGetString(addr, 2) == "ab"
    assert win32gui.PyGetString(addr, 5) == "abc\0d"
    assert win32gui.PyGetString(addr, 0) == ""
    assert win32gui.PyGetString(addr, -1) == "abc"
    view = win32gui.PyGetMemory(addr, size)
    assert isinstance(view, memoryview)
    assert view.readonly
    assert bytes(view) == data.tobytes()
    data[0] = 7
    assert view[0] == 7  # a live view
    assert len(win32gui.PyGetMemory(addr, 0)) == 0
    with pytest.raises(ValueError, match="NULL"):
        win32gui.PyGetString(0)
    for args in [(1,), (1, 1), (addr, 2**40)]:
        with pytest.raises(ValueError, match="not a valid"):
            win32gui.PyGetString(*args)
    for args in [(0, 1), (1, 1), (addr, -1), (addr, 2**40)]:
        with pytest.raises(ValueError, match="not a valid address"):
            win32gui.PyGetMemory(*args)
    for bad in (None, 1.5):
        with pytest.raises(TypeError):
            win32gui.PyGetMemory(bad, 1)
