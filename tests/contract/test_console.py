"""Contract: win32console, a process's console, its window, screen buffers and input records.

MS: AllocConsole, FreeConsole, AttachConsole (ERROR_ACCESS_DENIED when attached), GetConsoleWindow,
GetConsoleTitle, Get/SetConsoleCP, GetConsoleScreenBufferInfo, Write/ReadConsoleOutputCharacter,
FillConsoleOutputCharacter, WriteConsoleInput, ReadConsoleInput; Wine's dlls/kernel32/tests/
console.c. Every test starts from a console of its own (FreeConsole, then AllocConsole): the
oracle's python starts on a console without a window, and the facade's under pytest on none.
Defaults that differ (Windows' attribute 7 against Wine's 15, the buffer's height) are not
checked.

On Windows a process whose console was freed keeps standard handles that name it no more,
and its next child fails (subprocess duplicates them: ERROR_INVALID_HANDLE). So `make oracle`
runs this file in an oracle process of its own, after the others.
"""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32con
import win32console as wc
import win32event
import win32gui
import winerror

from ._wine import ON_THE_ORACLE, wine_differs

Coord = wc.PyCOORDType


def _code(call: Any, *args: Any) -> int:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    code = int(caught.value.winerror)
    del caught  # its traceback holds the call's handle
    return code


@pytest.fixture
def console() -> Iterator[None]:
    wc.FreeConsole()
    wc.AllocConsole()
    yield
    wc.FreeConsole()


@pytest.fixture
def screen(console: None) -> Iterator[Any]:
    """A screen buffer of the console: the standard output may not be the console's (pytest
    captures it into a file, which Windows' C runtime makes the standard handle)."""
    buffer = wc.CreateConsoleScreenBuffer()
    yield buffer
    buffer.Close()


@pytest.fixture
def no_console() -> Iterator[None]:
    wc.FreeConsole()
    yield
    wc.AllocConsole()  # the oracle's python had one: leave one, freed by the next fixture
    wc.FreeConsole()


def _key(char: str, vk: int) -> Any:
    record = wc.PyINPUT_RECORDType(wc.KEY_EVENT)
    record.Char = char
    record.KeyDown = True
    record.RepeatCount = 1
    record.VirtualKeyCode = vk
    record.ControlKeyState = win32con.SHIFT_PRESSED
    return record


def test_without_a_console_what_needs_one_fails(no_console: None) -> None:
    assert wc.GetConsoleWindow() == 0
    assert wc.GetConsoleCP() == 0
    assert wc.GetConsoleOutputCP() == 0
    assert _code(wc.GetConsoleTitle) == winerror.ERROR_INVALID_HANDLE
    assert _code(wc.SetConsoleCP, 437) == winerror.ERROR_INVALID_HANDLE
    assert _code(wc.GetConsoleProcessList) == winerror.ERROR_INVALID_HANDLE
    wc.FreeConsole()  # without one: nothing to do, no error
    assert _code(wc.AttachConsole, os.getpid()) == winerror.ERROR_INVALID_HANDLE  # it has none
    assert (
        _code(wc.GenerateConsoleCtrlEvent, wc.CTRL_BREAK_EVENT, 0) == winerror.ERROR_INVALID_HANDLE
    )


@wine_differs(
    "Wine answers ERROR_INVALID_HANDLE; Windows documents ERROR_INVALID_PARAMETER "
    "for a process that does not exist (AttachConsole)"
)
def test_attaching_to_no_process_is_an_invalid_parameter(no_console: None) -> None:
    assert _code(wc.AttachConsole, 2**31 - 2) == winerror.ERROR_INVALID_PARAMETER


def test_alloc_and_attach_with_a_console_are_denied(console: None) -> None:
    assert _code(wc.AllocConsole) == winerror.ERROR_ACCESS_DENIED
    assert _code(wc.AttachConsole, wc.ATTACH_PARENT_PROCESS) == winerror.ERROR_ACCESS_DENIED
    assert len(wc.GetConsoleProcessList()) >= 1


def test_the_console_window_shows_the_title_and_hides(console: None) -> None:
    hwnd = wc.GetConsoleWindow()
    assert hwnd and win32gui.IsWindow(hwnd)
    assert win32gui.IsWindowVisible(hwnd)
    assert win32gui.GetWindowText(hwnd) == wc.GetConsoleTitle()
    wc.SetConsoleTitle("apartment console")
    assert wc.GetConsoleTitle() == "apartment console"
    assert win32gui.GetWindowText(hwnd) == "apartment console"
    win32gui.ShowWindow(hwnd, win32con.SW_HIDE)
    assert not win32gui.IsWindowVisible(hwnd)
    with pytest.raises(TypeError):
        wc.SetConsoleTitle(5)


def test_code_pages(console: None) -> None:
    wc.SetConsoleCP(65001)
    wc.SetConsoleOutputCP(437)
    assert (wc.GetConsoleCP(), wc.GetConsoleOutputCP()) == (65001, 437)
    assert _code(wc.SetConsoleCP, 12345) == winerror.ERROR_INVALID_PARAMETER


def test_standard_handles_are_console_buffers(screen: Any) -> None:
    inp = wc.GetStdHandle(wc.STD_INPUT_HANDLE)
    assert isinstance(inp, wc.PyConsoleScreenBufferType)
    assert screen.GetConsoleMode() == wc.ENABLE_PROCESSED_OUTPUT | wc.ENABLE_WRAP_AT_EOL_OUTPUT
    assert inp.GetConsoleMode() == 0x1F7
    assert _code(wc.GetStdHandle, 5) == winerror.ERROR_INVALID_HANDLE
    assert _code(inp.WriteConsole, "x") == winerror.ERROR_INVALID_HANDLE
    assert _code(screen.GetNumberOfConsoleInputEvents) == winerror.ERROR_INVALID_HANDLE


def test_text_at_the_cursor_reads_back_from_the_cells(screen: Any) -> None:
    out = screen
    assert out.WriteConsole("hello\nworld") == 11
    info = out.GetConsoleScreenBufferInfo()
    assert (info["CursorPosition"].X, info["CursorPosition"].Y) == (5, 1)
    assert out.ReadConsoleOutputCharacter(10, Coord(0, 0)) == "hello     "
    assert out.ReadConsoleOutputCharacter(5, Coord(0, 1)) == "world"
    out.SetConsoleTextAttribute(0x1E)
    out.WriteConsole("ab")
    assert out.ReadConsoleOutputAttribute(2, Coord(5, 1)) == (0x1E, 0x1E)
    assert out.GetConsoleScreenBufferInfo()["Attributes"] == 0x1E
    window = out.GetConsoleScreenBufferInfo()["Window"]
    assert (window.Left, window.Top, window.Right, window.Bottom) == (0, 0, 79, 24)


def test_cells_fill_wrap_and_stop_at_the_edges(screen: Any) -> None:
    out = screen
    width, height = (
        out.GetConsoleScreenBufferInfo()["Size"].X,
        out.GetConsoleScreenBufferInfo()["Size"].Y,
    )
    assert out.FillConsoleOutputCharacter("z", 5, Coord(width - 2, 0)) == 5
    assert out.ReadConsoleOutputCharacter(6, Coord(width - 4, 0)) == "  zzzz"
    assert out.FillConsoleOutputAttribute(0x20, 3, Coord(0, 2)) == 3
    assert out.WriteConsoleOutputCharacter("QRS", Coord(1, 2)) == 3
    assert out.WriteConsoleOutputAttribute((1, 2, 3), Coord(1, 2)) == 3
    assert out.ReadConsoleOutputAttribute(4, Coord(0, 2)) == (0x20, 1, 2, 3)
    assert out.ReadConsoleOutputCharacter(5, Coord(0, 2)) == " QRS "
    assert len(out.ReadConsoleOutputCharacter(10**6, Coord(0, height - 1))) == width
    assert out.ReadConsoleOutputCharacter(5, Coord(0, height + 5)) == ""
    assert out.FillConsoleOutputCharacter("z", 5, Coord(0, height + 5)) == 0
    assert out.WriteConsoleOutputCharacter("zz", Coord(width + 10, 0)) == 0


def test_tab_and_backspace_move_the_cursor(screen: Any) -> None:
    screen.SetConsoleCursorPosition(Coord(0, 3))
    assert screen.WriteConsole("a\tb\bc") == 5
    assert screen.ReadConsoleOutputCharacter(10, Coord(0, 3)) == "a       c "
    assert screen.GetConsoleScreenBufferInfo()["CursorPosition"].X == 9
    bad = winerror.ERROR_INVALID_PARAMETER
    assert _code(screen.SetConsoleCursorInfo, 0, True) == bad
    assert _code(screen.SetConsoleCursorInfo, 101, True) == bad
    screen.SetConsoleCursorInfo(50, False)
    assert screen.GetConsoleCursorInfo() == (50, 0)


def test_cursor_and_sizes_stay_inside_the_buffer(screen: Any) -> None:
    out = screen
    out.SetConsoleCursorPosition(Coord(5, 5))
    assert out.GetConsoleScreenBufferInfo()["CursorPosition"].Y == 5
    bad = winerror.ERROR_INVALID_PARAMETER
    assert _code(out.SetConsoleCursorPosition, Coord(-1, 5)) == bad
    assert _code(out.SetConsoleScreenBufferSize, Coord(10, 10)) == bad  # smaller than the window
    out.SetConsoleScreenBufferSize(Coord(100, 45))
    out.SetConsoleWindowInfo(True, wc.PySMALL_RECTType(0, 0, 89, 34))
    assert _code(out.SetConsoleWindowInfo, True, wc.PySMALL_RECTType(0, 0, 200, 34)) == bad
    out.SetConsoleWindowInfo(False, wc.PySMALL_RECTType(1, 1, 1, 1))
    info = out.GetConsoleScreenBufferInfo()
    window = info["Window"]
    assert (info["Size"].X, info["Size"].Y) == (100, 45)
    assert (window.Left, window.Top, window.Right, window.Bottom) == (1, 1, 90, 35)
    assert (info["MaximumWindowSize"].X, info["MaximumWindowSize"].Y) == (100, 45)
    with pytest.raises(TypeError):
        out.SetConsoleCursorPosition((1, 1))


def test_input_records_read_back_in_order(screen: Any) -> None:
    inp = wc.GetStdHandle(wc.STD_INPUT_HANDLE)
    out = screen
    mouse = wc.PyINPUT_RECORDType(wc.MOUSE_EVENT)
    assert inp.WriteConsoleInput([_key("X", 0x58), mouse, _key("Z", 0x5A)]) == 3
    assert inp.GetNumberOfConsoleInputEvents() == 3
    assert [r.EventType for r in inp.PeekConsoleInput(2)] == [wc.KEY_EVENT, wc.MOUSE_EVENT]
    records = inp.ReadConsoleInput(2)
    assert [r.EventType for r in records] == [wc.KEY_EVENT, wc.MOUSE_EVENT]
    key = records[0]
    assert (key.Char, key.KeyDown, key.RepeatCount, key.VirtualKeyCode) == ("X", 1, 1, 0x58)
    assert key.ControlKeyState == win32con.SHIFT_PRESSED
    assert records[1].MousePosition.X == 0
    with pytest.raises(AttributeError):
        records[1].Char  # noqa: B018
    assert repr(records[0]) == "PyINPUT_RECORD(EventType=1) (KEY_EVENT)"
    inp.FlushConsoleInputBuffer()
    assert inp.GetNumberOfConsoleInputEvents() == 0
    assert _code(out.WriteConsoleInput, [mouse]) == winerror.ERROR_INVALID_HANDLE
    with pytest.raises(TypeError):
        inp.WriteConsoleInput([1])
    with pytest.raises(ValueError, match="single unicode character"):
        key.Char = "ab"


def test_a_new_screen_buffer_holds_its_own_cells(screen: Any) -> None:
    out = screen
    new = wc.CreateConsoleScreenBuffer()
    new.SetConsoleActiveScreenBuffer()
    new.WriteConsoleOutputCharacter("new", Coord(0, 0))
    out.WriteConsoleOutputCharacter("old", Coord(0, 0))
    assert new.ReadConsoleOutputCharacter(3, Coord(0, 0)) == "new"
    assert out.ReadConsoleOutputCharacter(3, Coord(0, 0)) == "old"
    out.SetConsoleActiveScreenBuffer()
    new.Close()
    assert _code(new.WriteConsole, "x") == winerror.ERROR_INVALID_HANDLE


def test_coord_and_rect_values() -> None:
    coord = Coord(X=3, Y=4)
    assert repr(coord) == "PyCOORDType(X=3,Y=4)"
    assert coord != Coord(3, 4)  # pywin32 compares them by identity
    assert Coord(70000).X == 70000 - 65536  # a SHORT
    with pytest.raises(TypeError):
        Coord("a")
    rect = wc.PySMALL_RECTType(1, 2, 3, 4)
    assert repr(rect) == "PySMALL_RECTType(Left=1,Top=2,Right=3,Bottom=4)"
    rect.Right += 10
    assert rect.Right == 13


def test_read_console_reads_a_typed_line(console: None) -> None:
    inp = wc.GetStdHandle(wc.STD_INPUT_HANDLE)
    inp.FlushConsoleInputBuffer()
    inp.WriteConsoleInput([_key("o", 0x4F), _key("k", 0x4B), _key("\r", win32con.VK_RETURN)])
    assert inp.ReadConsole(10) == "ok\r\n"
    assert inp.GetNumberOfConsoleInputEvents() == 0


def test_scrolling_moves_cells_and_fills_what_it_leaves(screen: Any) -> None:
    screen.WriteConsoleOutputCharacter("abcdef", Coord(0, 0))
    rect = wc.PySMALL_RECTType
    screen.ScrollConsoleScreenBuffer(rect(0, 0, 5, 0), None, Coord(2, 1), "-", 0x1F)
    assert screen.ReadConsoleOutputCharacter(8, Coord(0, 0)) == "------  "
    assert screen.ReadConsoleOutputCharacter(8, Coord(0, 1)) == "  abcdef"
    assert screen.ReadConsoleOutputAttribute(1, Coord(0, 0)) == (0x1F,)
    # only the cells inside the clipping rectangle change
    screen.ScrollConsoleScreenBuffer(rect(2, 1, 7, 1), rect(0, 0, 3, 5), Coord(0, 2), ".", 7)
    assert screen.ReadConsoleOutputCharacter(8, Coord(0, 1)) == "  ..cdef"
    assert screen.ReadConsoleOutputCharacter(8, Coord(0, 2)) == "abcd    "


def test_the_input_handle_is_signaled_while_records_are_queued(console: None) -> None:
    inp = wc.GetStdHandle(wc.STD_INPUT_HANDLE)
    inp.FlushConsoleInputBuffer()
    assert win32event.WaitForSingleObject(int(inp), 0) == win32event.WAIT_TIMEOUT
    inp.WriteConsoleInput([_key("w", 0x57)])
    assert win32event.WaitForSingleObject(int(inp), 0) == win32event.WAIT_OBJECT_0
    assert inp.GetNumberOfConsoleInputEvents() == 1  # the wait took nothing
    inp.FlushConsoleInputBuffer()


@wine_differs("Wine's AddConsoleAlias is not implemented (ERROR_CALL_NOT_IMPLEMENTED)")
def test_aliases_per_executable_without_regard_to_case(console: None) -> None:
    """doskey's tables: 'source=target' NUL-ended, in order; None removes; names fold case."""
    assert wc.GetConsoleAliasExes() == ""
    wc.AddConsoleAlias("ll", "dir /w", "cmd.exe")
    wc.AddConsoleAlias("Up", "cd ..", "cmd.exe")
    wc.AddConsoleAlias("q", "quit()", "python.exe")
    assert wc.GetConsoleAliases("CMD.EXE") == "ll=dir /w\0Up=cd ..\0"
    assert wc.GetConsoleAliasExes() == "cmd.exe\0python.exe\0"
    wc.AddConsoleAlias("LL", "dir /b", "cmd.exe")  # the same alias, a new target
    assert wc.GetConsoleAliases("cmd.exe") == "ll=dir /b\0Up=cd ..\0"
    wc.AddConsoleAlias("up", None, "cmd.exe")
    wc.AddConsoleAlias("ll", None, "cmd.exe")
    assert wc.GetConsoleAliases("cmd.exe") == ""
    assert wc.GetConsoleAliasExes() == "python.exe\0"
    assert wc.GetConsoleAliases("nothing.exe") == ""
    with pytest.raises(TypeError):
        wc.AddConsoleAlias("x", 1, "cmd.exe")


@pytest.mark.skipif(ON_THE_ORACLE, reason="Wine lacks GetConsoleSelectionInfo: the process aborts")
def test_no_text_is_selected(console: None) -> None:
    info = wc.GetConsoleSelectionInfo()
    assert info["Flags"] == wc.CONSOLE_NO_SELECTION
    assert (info["SelectionAnchor"].X, info["SelectionAnchor"].Y) == (0, 0)
    assert wc.GetNumberOfConsoleFonts() >= 1
