"""Contract: the clipboard (win32clipboard), one for the session, opened by one thread at a time.

MS: OpenClipboard, EmptyClipboard, SetClipboardData, GetClipboardData, EnumClipboardFormats,
"Synthesized Clipboard Formats", RegisterClipboardFormat; Wine's dlls/user32/tests/clipboard.c
(test_ClipboardOwner, test_synthesized, test_RegisterClipboardFormatA), which pass on Windows.
Where Windows returns NULL without setting an error (no owner, no open window, no formats),
pywin32 raises with whatever GetLastError holds: only the raise is checked.
"""

import contextlib
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32clipboard as cb
import win32con
import win32event
import win32gui
import win32process
import winerror

from ._kernel import OBJECT_0, Spawn, spawn
from ._messages import Classes, classes

__all__ = ["classes", "spawn"]

NOT_OPEN = winerror.ERROR_CLIPBOARD_NOT_OPEN
CF_TEXT, CF_OEMTEXT, CF_UNICODETEXT, CF_LOCALE = 1, 7, 13, 16


def _code(call: Any, *args: Any) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


def _formats() -> list[int]:
    found: list[int] = []
    fmt = 0
    while True:
        fmt = cb.EnumClipboardFormats(fmt)
        if not fmt:
            return found
        found.append(fmt)


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    """Each test starts and ends with the clipboard empty and closed."""
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.CloseClipboard()
    yield
    with contextlib.suppress(pywintypes.error):
        cb.CloseClipboard()
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.CloseClipboard()


@pytest.fixture
def window(classes: Classes) -> int:
    return classes.window({})


def test_the_constants_have_windows_values() -> None:
    assert (cb.CF_TEXT, cb.CF_BITMAP, cb.CF_OEMTEXT, cb.CF_DIB, cb.CF_UNICODETEXT) == (
        1, 2, 7, 8, 13,
    )  # fmt: skip
    assert (cb.CF_HDROP, cb.CF_LOCALE, cb.CF_DIBV5, cb.CF_MAX) == (15, 16, 17, 18)
    assert (cb.CF_OWNERDISPLAY, cb.CF_DSPTEXT, cb.CF_DSPENHMETAFILE) == (0x80, 0x81, 0x8E)
    assert (win32con.CF_UNICODETEXT, win32con.CF_PRIVATEFIRST, win32con.CF_GDIOBJLAST) == (
        13, 0x200, 0x3FF,
    )  # fmt: skip
    assert (win32con.WM_RENDERFORMAT, win32con.WM_DRAWCLIPBOARD, win32con.WM_CHANGECBCHAIN) == (
        0x305, 0x308, 0x30D,
    )  # fmt: skip
    assert cb.error is pywintypes.error


def test_without_an_open_clipboard_nothing_changes_or_reads() -> None:
    assert _code(cb.CloseClipboard) == (NOT_OPEN, "CloseClipboard")
    assert _code(cb.EmptyClipboard) == (NOT_OPEN, "EmptyClipboard")
    assert _code(cb.EnumClipboardFormats, 0) == (NOT_OPEN, "EnumClipboardFormats")
    assert _code(cb.SetClipboardData, CF_TEXT, b"x") == (NOT_OPEN, "SetClipboardData")
    assert _code(cb.SetClipboardText, "x") == (NOT_OPEN, "SetClipboardText")
    assert cb.IsClipboardFormatAvailable(CF_TEXT) == 0


def test_reading_needs_the_clipboard_open_on_this_thread() -> None:
    cb.OpenClipboard()
    cb.SetClipboardText("kept")
    cb.CloseClipboard()
    assert cb.IsClipboardFormatAvailable(CF_TEXT) == 1  # no open needed to ask
    assert cb.CountClipboardFormats() == 4
    assert _code(cb.GetClipboardData, CF_TEXT) == (NOT_OPEN, "GetClipboardData")
    assert _code(cb.GetClipboardDataHandle, CF_TEXT) == (NOT_OPEN, "GetClipboardData")


def test_opening_again_with_the_same_window_succeeds_another_window_is_denied(
    window: int,
) -> None:
    cb.OpenClipboard()
    cb.OpenClipboard()  # the same window (none), the same thread
    assert _code(cb.OpenClipboard, window) == (winerror.ERROR_ACCESS_DENIED, "OpenClipboard")
    cb.CloseClipboard()
    cb.OpenClipboard(window)
    cb.OpenClipboard(window)
    assert _code(cb.OpenClipboard) == (winerror.ERROR_ACCESS_DENIED, "OpenClipboard")
    assert cb.GetOpenClipboardWindow() == window
    cb.CloseClipboard()
    assert _code(cb.CloseClipboard)[0] == NOT_OPEN  # one close closes it


def test_a_bad_window_cannot_open_it() -> None:
    assert _code(cb.OpenClipboard, 0x1234560) == (
        winerror.ERROR_INVALID_WINDOW_HANDLE,
        "OpenClipboard",
    )


def test_emptying_makes_the_open_window_the_owner(window: int) -> None:
    cb.OpenClipboard(window)
    with pytest.raises(pywintypes.error):
        cb.GetClipboardOwner()  # not yet: opening does not take ownership
    cb.EmptyClipboard()
    assert cb.GetClipboardOwner() == window
    cb.CloseClipboard()
    assert cb.GetClipboardOwner() == window  # the owner outlives the open
    with pytest.raises(pywintypes.error):
        cb.GetOpenClipboardWindow()
    cb.OpenClipboard()
    cb.EmptyClipboard()
    with pytest.raises(pywintypes.error):
        cb.GetClipboardOwner()  # emptied with no window: no owner
    cb.CloseClipboard()


def test_data_round_trips_as_pywin32_converts_it() -> None:
    cb.OpenClipboard()
    cb.SetClipboardData(CF_UNICODETEXT, "caf\xe9")
    assert cb.GetClipboardData(CF_UNICODETEXT) == "caf\xe9"
    assert cb.GetClipboardData() == "caf\xe9"  # CF_UNICODETEXT by default
    handle = cb.GetClipboardDataHandle(CF_UNICODETEXT)
    assert cb.GetGlobalMemory(handle) == "caf\xe9\0".encode("utf-16-le")
    assert cb.GetClipboardDataHandle(CF_UNICODETEXT) == handle  # the same while unchanged
    cb.SetClipboardData(CF_TEXT, b"bytes")
    assert cb.GetGlobalMemory(cb.GetClipboardDataHandle()) == b"bytes\0"  # CF_TEXT by default
    cb.SetClipboardData(0x4321, b"raw\0\xff")
    assert cb.GetClipboardData(0x4321) == b"raw\0\xff"  # not a text format: as it was
    cb.SetClipboardData(0x4322, bytearray(b"ab"))
    assert cb.GetClipboardData(0x4322) == b"ab"
    cb.SetClipboardData(0x4323, "ab")
    assert cb.GetClipboardData(0x4323) == b"a\0b\0"  # a str goes as UTF-16, unterminated
    assert _formats() == [CF_UNICODETEXT, CF_TEXT, 0x4321, 0x4322, 0x4323]
    cb.CloseClipboard()


def test_set_clipboard_text_terminates_and_encodes_in_the_ansi_code_page() -> None:
    cb.OpenClipboard()
    handle = cb.SetClipboardText("caf\xe9")
    assert cb.GetGlobalMemory(handle) == b"caf\xe9\0"
    assert cb.GetClipboardDataHandle(CF_TEXT) == handle  # what it put there
    assert cb.GetClipboardData(CF_TEXT) == b"caf\xe9"
    cb.SetClipboardText("wide", CF_UNICODETEXT)
    assert cb.GetGlobalMemory(cb.GetClipboardDataHandle(CF_UNICODETEXT)) == "wide\0".encode(
        "utf-16-le"
    )
    cb.CloseClipboard()


def test_closing_after_a_change_synthesizes_the_text_formats() -> None:
    cb.OpenClipboard()
    cb.SetClipboardData(CF_TEXT, b"caf\xe9")
    assert cb.CountClipboardFormats() == 1
    assert cb.IsClipboardFormatAvailable(CF_UNICODETEXT) == 0  # not while it is open
    cb.CloseClipboard()
    assert cb.CountClipboardFormats() == 4
    cb.OpenClipboard()
    assert _formats() == [CF_TEXT, CF_LOCALE, CF_OEMTEXT, CF_UNICODETEXT]
    assert cb.GetClipboardData(CF_UNICODETEXT) == "caf\xe9"
    assert cb.GetClipboardData(CF_OEMTEXT) == b"caf\x82"  # code page 437
    assert cb.GetClipboardData(CF_LOCALE) == b"\x09\x04\0\0"  # en-US
    assert cb.GetGlobalMemory(cb.GetClipboardDataHandle(CF_UNICODETEXT)) == (
        "caf\xe9\0".encode("utf-16-le")
    )
    cb.CloseClipboard()


def test_unicode_text_gives_ansi_and_oem_text() -> None:
    cb.OpenClipboard()
    cb.SetClipboardData(CF_UNICODETEXT, "na\xefve")
    cb.SetClipboardData(0x4400, b"other")
    cb.CloseClipboard()
    cb.OpenClipboard()
    assert _formats() == [CF_UNICODETEXT, 0x4400, CF_LOCALE, CF_TEXT, CF_OEMTEXT]
    assert cb.GetClipboardData(CF_TEXT) == b"na\xefve"
    assert cb.GetClipboardData(CF_OEMTEXT) == b"na\x8bve"
    cb.CloseClipboard()


def test_the_sequence_number_counts_changes() -> None:
    first = cb.GetClipboardSequenceNumber()
    cb.OpenClipboard()
    assert cb.GetClipboardSequenceNumber() == first  # opening changes nothing
    cb.EmptyClipboard()
    cb.SetClipboardData(0x4400, b"x")
    assert cb.GetClipboardSequenceNumber() == first + 2
    cb.CloseClipboard()  # no text: nothing synthesized
    assert cb.GetClipboardSequenceNumber() == first + 2
    cb.OpenClipboard()
    cb.SetClipboardText("x")
    cb.CloseClipboard()  # CF_LOCALE, then the synthesized formats
    assert cb.GetClipboardSequenceNumber() == first + 5
    cb.OpenClipboard()
    cb.CloseClipboard()  # unchanged
    assert cb.GetClipboardSequenceNumber() == first + 5


def test_a_replaced_format_keeps_its_place_and_frees_its_old_block() -> None:
    cb.OpenClipboard()
    old = cb.SetClipboardData(0x4400, b"one")
    cb.SetClipboardData(0x4401, b"two")
    new = cb.SetClipboardData(0x4400, b"three")
    assert _formats() == [0x4400, 0x4401]
    assert cb.GetClipboardData(0x4400) == b"three"
    assert cb.GetGlobalMemory(new) == b"three"
    assert _code(cb.GetGlobalMemory, old) == (winerror.ERROR_INVALID_HANDLE, "GlobalSize")
    assert cb.SetClipboardData(0x4402, new) == new  # a block's handle: its data, same handle
    assert cb.GetClipboardData(0x4402) == b"three"
    cb.CloseClipboard()


def test_enumeration_ends_at_an_unknown_format_and_format_0_is_refused() -> None:
    cb.OpenClipboard()
    cb.SetClipboardData(0x4400, b"x")
    assert cb.EnumClipboardFormats(0xDEAD) == 0
    assert cb.EnumClipboardFormats(0x4400) == 0
    assert _code(cb.SetClipboardData, 0, b"x") == (NOT_OPEN, "SetClipboardData")
    cb.SetClipboardData(-1, b"y")  # any other UINT is a format
    assert cb.IsClipboardFormatAvailable(-1) == 1
    cb.CloseClipboard()


def test_priority_format() -> None:
    assert cb.GetPriorityClipboardFormat([CF_TEXT]) == 0  # empty
    cb.OpenClipboard()
    cb.SetClipboardData(0x4400, b"x")
    cb.SetClipboardData(0x4401, b"y")
    cb.CloseClipboard()
    assert cb.GetPriorityClipboardFormat([CF_TEXT, 0x4401, 0x4400]) == 0x4401
    assert cb.GetPriorityClipboardFormat([CF_TEXT]) == -1
    assert cb.GetPriorityClipboardFormat([]) == -1


def test_delayed_rendering_lists_the_format_and_pywin32_raises() -> None:
    cb.OpenClipboard()
    with pytest.raises(pywintypes.error):
        cb.SetClipboardData(0x4400, None)  # Windows returns NULL: pywin32 raises
    assert cb.IsClipboardFormatAvailable(0x4400) == 1
    with pytest.raises(pywintypes.error):
        cb.GetClipboardData(0x4400)  # nobody renders it
    cb.CloseClipboard()


class _Owner:
    """A window procedure that records the clipboard's messages to its window and renders."""

    WATCHED = (
        win32con.WM_RENDERFORMAT,
        win32con.WM_RENDERALLFORMATS,
        win32con.WM_DESTROYCLIPBOARD,
        win32con.WM_DESTROY,
    )

    def __init__(self, render: bool) -> None:
        self.render = render
        self.seen: list[tuple[int, Any]] = []
        self.owner_seen: list[int] = []
        self.sequence_moved: list[int] = []

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if msg in self.WATCHED:
            self.seen.append((msg, wparam))
        if msg == win32con.WM_DESTROYCLIPBOARD:
            self.owner_seen.append(cb.GetClipboardOwner())
        elif msg == win32con.WM_RENDERFORMAT and self.render:
            before = cb.GetClipboardSequenceNumber()
            cb.SetClipboardData(wparam, b"rendered")
            self.sequence_moved.append(cb.GetClipboardSequenceNumber() - before)
        elif msg == win32con.WM_RENDERALLFORMATS and self.render:
            cb.OpenClipboard(hwnd)
            cb.SetClipboardData(0x4400, b"rendered at the end")
            cb.CloseClipboard()
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)


def _delay(owner: int, fmt: int) -> None:
    cb.OpenClipboard(owner)
    cb.EmptyClipboard()
    with pytest.raises(pywintypes.error):
        cb.SetClipboardData(fmt, None)
    cb.CloseClipboard()


def test_the_owner_renders_delayed_data_when_it_is_read(classes: Classes) -> None:
    proc = _Owner(render=True)
    owner = classes.window(proc)
    _delay(owner, 0x4400)
    cb.OpenClipboard()
    before = cb.GetClipboardSequenceNumber()
    assert cb.GetClipboardData(0x4400) == b"rendered"
    assert proc.seen == [(win32con.WM_RENDERFORMAT, 0x4400)]
    assert proc.sequence_moved == [0]  # rendering is no change
    assert cb.GetClipboardSequenceNumber() == before
    assert cb.GetClipboardData(0x4400) == b"rendered"  # there now: not asked again
    assert len(proc.seen) == 1
    cb.CloseClipboard()


def test_an_owner_that_does_not_render_is_asked_at_every_read(classes: Classes) -> None:
    proc = _Owner(render=False)
    owner = classes.window(proc)
    _delay(owner, CF_UNICODETEXT)
    cb.OpenClipboard()
    for _ in range(2):
        with pytest.raises(pywintypes.error):
            cb.GetClipboardData(CF_TEXT)  # synthesized from the delayed CF_UNICODETEXT
    assert proc.seen == [(win32con.WM_RENDERFORMAT, CF_UNICODETEXT)] * 2
    cb.CloseClipboard()


def test_emptying_tells_the_owner_first(classes: Classes) -> None:
    proc = _Owner(render=False)
    owner = classes.window(proc)
    cb.OpenClipboard(owner)
    cb.EmptyClipboard()
    assert proc.seen == []
    cb.EmptyClipboard()  # the owner is its own window now: it is told too
    cb.CloseClipboard()
    cb.OpenClipboard()
    cb.EmptyClipboard()
    cb.CloseClipboard()
    assert proc.seen == [(win32con.WM_DESTROYCLIPBOARD, 0)] * 2
    assert proc.owner_seen == [owner, owner]  # still the owner while it hears of it


def test_a_destroyed_owner_renders_everything_first(classes: Classes) -> None:
    proc = _Owner(render=True)
    owner = classes.window(proc)
    _delay(owner, 0x4400)
    win32gui.DestroyWindow(owner)
    assert [msg for msg, _ in proc.seen] == [win32con.WM_RENDERALLFORMATS, win32con.WM_DESTROY]
    cb.OpenClipboard()
    assert cb.GetClipboardData(0x4400) == b"rendered at the end"
    cb.CloseClipboard()


def test_another_thread_may_put_data_but_not_empty_read_or_close(spawn: Spawn) -> None:
    cb.OpenClipboard()

    def other() -> list[Any]:
        seen: list[Any] = [cb.SetClipboardData(0x4400, b"from the other thread") != 0]
        seen.append(cb.CountClipboardFormats())
        for call, args in [
            (cb.EmptyClipboard, ()),
            (cb.GetClipboardData, (0x4400,)),
            (cb.EnumClipboardFormats, (0,)),
            (cb.CloseClipboard, ()),
        ]:
            with pytest.raises(pywintypes.error) as caught:
                call(*args)
            seen.append(caught.value.winerror)
        return seen

    assert spawn(other).join() == [True, 1, NOT_OPEN, NOT_OPEN, NOT_OPEN, NOT_OPEN]
    assert cb.GetClipboardData(0x4400) == b"from the other thread"
    cb.CloseClipboard()


def test_another_window_is_denied_to_another_thread(spawn: Spawn, window: int) -> None:
    cb.OpenClipboard(window)

    def other() -> tuple[int, int, int]:
        with pytest.raises(pywintypes.error) as caught:
            cb.OpenClipboard()
        return caught.value.winerror, cb.GetOpenClipboardWindow(), cb.GetClipboardSequenceNumber()

    denied, open_window, _ = spawn(other).join()
    assert (denied, open_window) == (winerror.ERROR_ACCESS_DENIED, window)
    cb.CloseClipboard()


def test_the_same_window_from_another_thread_takes_it_over(spawn: Spawn, window: int) -> None:
    cb.OpenClipboard(window)
    cb.EmptyClipboard()

    def other() -> None:
        cb.OpenClipboard(window)  # Wine's test_ClipboardOwner: it succeeds on Windows
        cb.SetClipboardText("taken over")

    spawn(other).join()  # it ended with the clipboard open: that closed it
    assert _code(cb.CloseClipboard)[0] == NOT_OPEN
    assert cb.IsClipboardFormatAvailable(CF_UNICODETEXT) == 1  # closing synthesized it


def test_no_window_from_another_thread_takes_over_one_opened_with_none(spawn: Spawn) -> None:
    cb.OpenClipboard()
    spawn(cb.OpenClipboard).join()  # the same window: none (and it ends holding it)
    assert _code(cb.CloseClipboard)[0] == NOT_OPEN


def test_destroying_the_owner_drops_its_delayed_formats(classes: Classes) -> None:
    owner = classes.window({})
    cb.OpenClipboard(owner)
    cb.EmptyClipboard()
    cb.SetClipboardData(0x4400, b"kept")
    with pytest.raises(pywintypes.error):
        cb.SetClipboardData(0x4401, None)
    cb.CloseClipboard()
    before = cb.GetClipboardSequenceNumber()
    win32gui.DestroyWindow(owner)
    with pytest.raises(pywintypes.error):
        cb.GetClipboardOwner()
    assert cb.IsClipboardFormatAvailable(0x4400) == 1
    assert cb.IsClipboardFormatAvailable(0x4401) == 0
    assert cb.GetClipboardSequenceNumber() == before + 1


def test_destroying_the_open_window_closes_the_clipboard(classes: Classes) -> None:
    window = classes.window({})
    cb.OpenClipboard(window)
    win32gui.DestroyWindow(window)
    with pytest.raises(pywintypes.error):
        cb.GetOpenClipboardWindow()
    assert _code(cb.CloseClipboard)[0] == NOT_OPEN
    cb.OpenClipboard()  # free again
    cb.CloseClipboard()


def test_registered_formats_are_numbered_from_0xc000_and_named() -> None:
    name = f"apartment contract {uuid.uuid4().hex}"
    fmt = cb.RegisterClipboardFormat(name)
    assert 0xC000 <= fmt <= 0xFFFF
    assert cb.RegisterClipboardFormat(name.upper()) == fmt  # names match without case
    assert cb.GetClipboardFormatName(fmt) == name  # the first spelling
    assert cb.RegisterClipboardFormat("#1234") == 1234  # an integer atom
    assert cb.RegisterClipboardFormat("#00012") == 12
    assert cb.RegisterClipboardFormat("#70000") == 70000 % 65536
    assert cb.RegisterClipboardFormat("#12a") >= 0xC000  # not all digits: a name
    longest = "x" * 255
    assert cb.RegisterClipboardFormat(longest) >= 0xC000
    assert cb.GetClipboardFormatName(cb.RegisterClipboardFormat(longest)) == "x" * 254  # cut


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", winerror.ERROR_INVALID_NAME),
        ("#0", winerror.ERROR_INVALID_PARAMETER),
        ("#49152", winerror.ERROR_INVALID_PARAMETER),
        ("#65536", winerror.ERROR_INVALID_PARAMETER),
        ("y" * 256, winerror.ERROR_INVALID_PARAMETER),
    ],
)
def test_bad_format_names_are_refused(name: str, code: int) -> None:
    assert _code(cb.RegisterClipboardFormat, name) == (code, "RegisterClipboardFormat")


def test_only_registered_formats_have_names() -> None:
    assert _code(cb.GetClipboardFormatName, 0xFFFE) == (
        winerror.ERROR_INVALID_HANDLE,
        "GetClipboardFormatName",
    )
    for fmt in (0, CF_TEXT, 1234, 0x10000, -1):  # outside 0xC000..0xFFFF: no error is set
        with pytest.raises(pywintypes.error):
            cb.GetClipboardFormatName(fmt)


def test_bad_arguments() -> None:
    cb.OpenClipboard()
    try:
        with pytest.raises(TypeError):
            cb.SetClipboardData(CF_TEXT, object())
        with pytest.raises(TypeError):
            cb.SetClipboardData(CF_TEXT, [1])
        with pytest.raises(TypeError):
            cb.SetClipboardData("1", b"x")
        with pytest.raises(OverflowError):
            cb.SetClipboardData(2**31, b"x")
        assert _code(cb.SetClipboardData, 0x4400, 12345) == (
            winerror.ERROR_INVALID_HANDLE,
            "SetClipboardData",
        )
        assert _code(cb.SetClipboardData, 0x4400, b"")[0] == winerror.ERROR_NOT_LOCKED
        with pytest.raises(ValueError, match="CF_TEXT"):
            cb.SetClipboardText("x", cb.CF_DIB)
        with pytest.raises(TypeError):
            cb.SetClipboardText(None)
        with pytest.raises(TypeError):
            cb.SetClipboardText(5)
        with pytest.raises(TypeError):
            cb.SetClipboardText(b"bytes", CF_UNICODETEXT)
        with pytest.raises(UnicodeEncodeError):
            cb.SetClipboardText("\u0100")  # not in code page 1252
        with pytest.raises(TypeError, match="not available"):
            cb.GetClipboardData(CF_TEXT)
        with pytest.raises(TypeError, match="not available"):
            cb.GetClipboardDataHandle(CF_TEXT)
        with pytest.raises(TypeError):
            cb.RegisterClipboardFormat(5)
        with pytest.raises(TypeError):
            cb.RegisterClipboardFormat(b"name")
        for bad in (0, -1, 12345):
            assert _code(cb.GetGlobalMemory, bad) == (winerror.ERROR_INVALID_HANDLE, "GlobalSize")
    finally:
        cb.CloseClipboard()


# -- across processes ------------------------------------------------------------------------

EXIT_MS = 30_000


def _child(code: str) -> Any:
    command = f'"{sys.executable}" -c "{code}"'
    process, thread, _, _ = win32process.CreateProcess(
        None, command, None, None, False, 0, None, None, win32process.STARTUPINFO()
    )
    thread.Close()
    return process


def test_another_process_reads_what_this_one_put() -> None:
    cb.OpenClipboard()
    cb.SetClipboardText("from the parent")
    cb.CloseClipboard()
    process = _child(
        "import sys, win32clipboard as c; c.OpenClipboard(); "
        "t = c.GetClipboardData(1); c.CloseClipboard(); sys.exit(t == b'from the parent')"
    )
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 1
    finally:
        process.Close()


def test_a_killed_holder_releases_the_clipboard(window: int) -> None:
    ready_name = f"apartment-clipboard-{uuid.uuid4().hex}"
    ready = win32event.CreateEvent(None, True, False, ready_name)
    process = _child(
        "import win32clipboard as c, win32event as e, win32gui as g, uuid; "
        "wc = g.WNDCLASS(); wc.lpszClassName = uuid.uuid4().hex; wc.lpfnWndProc = {}; "
        "g.RegisterClass(wc); "
        "h = g.CreateWindow(wc.lpszClassName, '', 0, 0, 0, 0, 0, 0, 0, 0, None); "
        "c.OpenClipboard(h); c.EmptyClipboard(); c.SetClipboardData(0x4400, b'child'); "
        f"e.SetEvent(e.OpenEvent(e.EVENT_MODIFY_STATE, 0, '{ready_name}')); "
        "e.WaitForSingleObject(e.CreateEvent(None, 0, 0, None), 60000)"
    )
    try:
        assert win32event.WaitForMultipleObjects([ready, process], False, EXIT_MS) == OBJECT_0
        assert _code(cb.OpenClipboard, window) == (winerror.ERROR_ACCESS_DENIED, "OpenClipboard")
        assert cb.GetClipboardOwner() != 0
        win32process.TerminateProcess(process, 1)
        assert win32event.WaitForSingleObject(process, EXIT_MS) == OBJECT_0
        cb.OpenClipboard(window)  # its holder is gone
        assert cb.GetClipboardData(0x4400) == b"child"  # its data stays
        cb.CloseClipboard()
        with pytest.raises(pywintypes.error):
            cb.GetClipboardOwner()  # its owner window went with it
    finally:
        process.Close()
        ready.Close()
