"""The window model: styles, place and size, visibility, text, parent and owner, and the
messages Windows sends as they change, in Windows' order (semantics.md §6.4; the sequences
were recorded on the real pywin32 and checked against Wine's message tests, dlls/user32/
tests/msg.c, which pass on Windows)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import pytest

from apartment import messages
from apartment.errors import (
    AccessDeniedError,
    CreationRefusedError,
    InvalidWindowHandleError,
    TopLevelChildError,
)
from apartment.messages import (
    GW_CHILD,
    GW_HWNDFIRST,
    GW_HWNDLAST,
    GW_HWNDNEXT,
    GW_HWNDPREV,
    GW_OWNER,
    HWND_MESSAGE,
    PM_REMOVE,
    SW_HIDE,
    SW_SHOW,
    SW_SHOWNORMAL,
    SWP_HIDEWINDOW,
    SWP_NOMOVE,
    SWP_NOSIZE,
    SWP_NOZORDER,
    SWP_SHOWWINDOW,
    WM_CLOSE,
    WM_CREATE,
    WM_DESTROY,
    WM_GETTEXT,
    WM_MOVE,
    WM_NCCREATE,
    WM_NCDESTROY,
    WM_PAINT,
    WM_PARENTNOTIFY,
    WM_SETTEXT,
    WM_SHOWWINDOW,
    WM_SIZE,
    WM_WINDOWPOSCHANGED,
    WM_WINDOWPOSCHANGING,
    WS_CHILD,
    WS_EX_NOPARENTNOTIFY,
    WS_OVERLAPPEDWINDOW,
    WS_POPUP,
    WS_VISIBLE,
    CreateStruct,
    TextBuffer,
    Window,
    WindowPos,
    create_window,
    def_window_proc,
    destroy_window,
    get_parent,
    get_window,
    get_window_text,
    is_window,
    is_window_visible,
    make_lparam,
    move_window,
    peek_message,
    register_class,
    set_window_pos,
    set_window_text,
    show_window,
    unregister_class,
    update_window,
    window_rect,
)

from ._helpers import Pumper

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

WATCHED = {
    WM_NCCREATE: "NCCREATE",
    WM_CREATE: "CREATE",
    WM_SIZE: "SIZE",
    WM_MOVE: "MOVE",
    WM_PARENTNOTIFY: "PARENTNOTIFY",
    WM_SHOWWINDOW: "SHOWWINDOW",
    WM_WINDOWPOSCHANGING: "POSCHANGING",
    WM_WINDOWPOSCHANGED: "POSCHANGED",
    WM_SETTEXT: "SETTEXT",
    WM_GETTEXT: "GETTEXT",
    WM_CLOSE: "CLOSE",
    WM_DESTROY: "DESTROY",
    WM_NCDESTROY: "NCDESTROY",
    WM_PAINT: "PAINT",
}


class Log:
    """One window procedure for every window of a test: logs what it gets, in order.

    Each entry is (window name, message name, detail); the detail is the WindowPos flags for
    WM_WINDOWPOSCHANGING/CHANGED and (wparam, lparam) for the others. Windows are named by
    the title they were created with. ``answers`` maps a message to a handler that replaces
    DefWindowProc for it.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()  # windows of other threads log too
        self.entries: list[tuple[str, str, Any]] = []
        self.names: dict[int, str] = {}
        self.answers: dict[int, Callable[[int, int, Any, Any], Any]] = {}
        self.threads: list[int] = []

    def __call__(self, hwnd: int, msg: int, wparam: Any, lparam: Any) -> Any:
        if isinstance(lparam, CreateStruct):
            with self.lock:
                self.names[hwnd] = lparam.title
        if msg in WATCHED:
            name = self.names.get(hwnd, hex(hwnd))
            detail = lparam.flags if isinstance(lparam, WindowPos) else (wparam, lparam)
            if isinstance(lparam, (CreateStruct, TextBuffer)):
                detail = wparam
            with self.lock:
                self.entries.append((name, WATCHED[msg], detail))
                self.threads.append(threading.get_native_id())
        answer = self.answers.get(msg)
        if answer is not None:
            return answer(hwnd, msg, wparam, lparam)
        return def_window_proc(hwnd, msg, wparam, lparam)

    def take(self) -> list[tuple[str, str, Any]]:
        with self.lock:
            entries, self.entries = self.entries, []
            self.threads = []
        return entries

    def kinds(self) -> list[tuple[str, str]]:
        return [(name, kind) for name, kind, _ in self.take()]


CLASS = "window-model-test"


@pytest.fixture
def log() -> Iterator[Log]:
    proc = Log()
    register_class(CLASS, proc)
    before = set(messages.current_queue().windows)
    yield proc
    for hwnd, window in list(messages.current_queue().windows.items()):
        if hwnd not in before and not window.destroyed:  # the test's windows only: not the
            window.destroy()  # hidden window of an STA the thread is in (pythoncom's, say)
    unregister_class(CLASS)


def make(title: str, style: int = WS_POPUP, **options: Any) -> Window:
    return create_window(CLASS, title, style=style, **options)


# -- creation -----------------------------------------------------------------------------------


def test_a_hidden_overlapped_window_gets_no_size_or_move_at_creation(log: Log) -> None:
    window = make("w", WS_OVERLAPPEDWINDOW, x=10, y=20, width=300, height=200)
    assert log.kinds() == [("w", "NCCREATE"), ("w", "CREATE")]
    assert not window.visible


def test_a_popup_window_gets_size_and_move_at_creation(log: Log) -> None:
    make("p", x=10, y=20, width=300, height=200)
    assert log.take() == [
        ("p", "NCCREATE", 0),
        ("p", "CREATE", 0),
        ("p", "SIZE", (0, make_lparam(300, 200))),
        ("p", "MOVE", (0, make_lparam(10, 20))),
    ]


def test_a_visible_popup_is_shown_at_the_end_of_its_creation(log: Log) -> None:
    window = make("p", WS_POPUP | WS_VISIBLE, x=1, y=2, width=3, height=4)
    assert log.take()[4:] == [
        ("p", "SHOWWINDOW", (1, 0)),
        ("p", "POSCHANGING", SWP_SHOWWINDOW | SWP_NOSIZE | SWP_NOMOVE),
        ("p", "POSCHANGED", 0x1847),
    ]
    assert window.visible
    assert window.style & WS_VISIBLE


def test_a_visible_overlapped_window_gets_size_and_move_from_its_first_show(log: Log) -> None:
    make("o", WS_OVERLAPPEDWINDOW | WS_VISIBLE, x=5, y=6, width=70, height=80)
    assert log.kinds() == [
        ("o", "NCCREATE"),
        ("o", "CREATE"),
        ("o", "SHOWWINDOW"),
        ("o", "POSCHANGING"),
        ("o", "POSCHANGED"),
        ("o", "SIZE"),
        ("o", "MOVE"),
    ]


def test_a_visible_child_notifies_its_parent_before_it_is_shown(log: Log) -> None:
    parent = make("parent", WS_POPUP | WS_VISIBLE, x=100, y=100, width=50, height=50)
    log.take()
    child = make(
        "child", WS_CHILD | WS_VISIBLE, x=1, y=2, width=3, height=4, parent=parent.hwnd, child_id=7
    )
    assert log.take() == [
        ("child", "NCCREATE", 0),
        ("child", "CREATE", 0),
        ("child", "SIZE", (0, make_lparam(3, 4))),
        ("child", "MOVE", (0, make_lparam(1, 2))),
        ("parent", "PARENTNOTIFY", (make_lparam(WM_CREATE, 7), child.hwnd)),
        ("child", "SHOWWINDOW", (1, 0)),
        ("child", "POSCHANGING", 0x57),
        ("child", "POSCHANGED", 0x1857),
    ]
    assert child.visible


def test_a_child_of_a_hidden_parent_only_toggles_its_style(log: Log) -> None:
    parent = make("parent")
    child = make("child", WS_CHILD | WS_VISIBLE, parent=parent.hwnd)
    assert log.take()[-1] == ("child", "SHOWWINDOW", (1, 0))
    assert child.style & WS_VISIBLE
    assert not child.visible  # its parent is hidden
    child.show(SW_HIDE)
    assert log.take() == [("child", "SHOWWINDOW", (0, 0))]
    child.show()
    parent.show()
    assert child.visible
    log.take()
    child.destroy()
    assert log.kinds() == [
        ("parent", "PARENTNOTIFY"),
        ("child", "SHOWWINDOW"),
        ("child", "POSCHANGING"),
        ("child", "POSCHANGED"),
        ("child", "DESTROY"),
        ("child", "NCDESTROY"),
    ]


def test_only_the_direct_parent_hears_of_a_grandchild(log: Log) -> None:
    top = make("top", width=10, height=10)
    middle = make("middle", WS_CHILD, parent=top.hwnd)
    log.take()
    make("leaf", WS_CHILD, parent=middle.hwnd, child_id=4)
    notices = [entry for entry in log.take() if entry[1] == "PARENTNOTIFY"]
    assert [name for name, _, _ in notices] == ["middle"]


def test_no_parent_notify_from_a_child_with_ws_ex_noparentnotify(log: Log) -> None:
    parent = make("parent")
    log.take()
    child = make("child", WS_CHILD, parent=parent.hwnd, ex_style=WS_EX_NOPARENTNOTIFY)
    child.destroy()
    assert all(kind != "PARENTNOTIFY" for _, kind, _ in log.take())


def test_creation_passes_a_create_struct_to_nccreate_and_create(log: Log) -> None:
    seen: list[CreateStruct] = []

    def keep(hwnd: int, msg: int, wparam: Any, lparam: CreateStruct) -> int:
        seen.append(lparam)
        return 0

    log.answers[WM_CREATE] = keep
    owner = make("owner")
    make("w", WS_POPUP | WS_VISIBLE, ex_style=0x80, x=1, y=2, width=3, height=4, owner=owner.hwnd)
    struct = seen[-1]
    assert (struct.class_name, struct.title, struct.style, struct.ex_style) == (
        CLASS,
        "w",
        WS_POPUP | WS_VISIBLE,
        0x80,
    )
    assert (struct.x, struct.y, struct.width, struct.height, struct.parent) == (
        1,
        2,
        3,
        4,
        owner.hwnd,
    )


def test_default_place_and_size_of_an_overlapped_window(log: Log) -> None:
    window = make("w", WS_OVERLAPPEDWINDOW, x=None, y=55, width=None, height=77)
    assert window.rect == (0, 0, 768, 576)  # y and height are ignored: 3/4 of the desktop


def test_default_place_and_size_of_a_popup_are_zero(log: Log) -> None:
    assert make("p", x=None, y=None, width=None, height=None).rect == (0, 0, 0, 0)


def test_a_negative_size_is_zero(log: Log) -> None:
    assert make("p", x=10, y=10, width=-5, height=-7).rect == (10, 10, 10, 10)


@pytest.mark.parametrize(("y", "shown"), [(None, True), (SW_SHOWNORMAL, True), (SW_HIDE, False)])
def test_y_is_the_show_command_of_a_visible_overlapped_window_placed_by_default(
    log: Log, y: int | None, shown: bool
) -> None:
    window = make("o", WS_OVERLAPPEDWINDOW | WS_VISIBLE, x=None, y=y, width=100, height=100)
    assert window.visible == shown


def test_a_child_window_needs_a_parent(log: Log) -> None:
    with pytest.raises(TopLevelChildError) as caught:
        make("c", WS_CHILD)
    assert caught.value.winerror == 1406


def test_a_parent_or_owner_that_is_no_window_is_refused(log: Log) -> None:
    with pytest.raises(InvalidWindowHandleError):
        make("c", WS_CHILD, parent=0x7FFF0000)
    with pytest.raises(InvalidWindowHandleError):
        make("o", owner=0x7FFF0000)


def test_a_top_level_windows_parent_is_its_owner_and_a_child_owner_stands_for_its_top(
    log: Log,
) -> None:
    top = make("top")
    child = make("child", WS_CHILD, parent=top.hwnd)
    owned = make("owned", parent=child.hwnd)
    assert get_window(owned.hwnd, GW_OWNER) == top.hwnd
    assert owned.owner == top.hwnd


def test_the_title_is_kept_by_def_window_proc_at_nccreate(log: Log) -> None:
    assert make("kept").text == "kept"
    log.answers[WM_NCCREATE] = lambda *args: 1  # answered without DefWindowProc
    assert make("lost").text == ""


@pytest.mark.parametrize(("message", "refusal"), [(WM_NCCREATE, 0), (WM_CREATE, -1)])
def test_a_refused_creation_gets_nc_destroy_and_leaves_no_window(
    log: Log, message: int, refusal: int
) -> None:
    log.answers[message] = lambda *args: refusal
    before = set(messages.current_queue().windows)  # an STA's hidden window may be there
    with pytest.raises(CreationRefusedError) as caught:
        make("r", x=0, y=0, width=1, height=1)
    assert caught.value.winerror == 0
    expected = (
        ["NCCREATE", "CREATE", "NCDESTROY"] if message == WM_CREATE else ["NCCREATE", "NCDESTROY"]
    )
    assert [kind for _, kind, _ in log.take()] == expected
    assert set(messages.current_queue().windows) == before


# -- showing ---------------------------------------------------------------------------------


def test_show_window_returns_whether_the_window_was_visible(log: Log) -> None:
    window = make("w")
    assert show_window(window.hwnd, SW_SHOW) is False
    assert show_window(window.hwnd, SW_SHOW) is True
    assert show_window(window.hwnd, SW_HIDE) is True
    assert show_window(window.hwnd, SW_HIDE) is False


def test_showing_a_visible_window_or_hiding_a_hidden_one_sends_nothing(log: Log) -> None:
    window = make("w")
    window.show(SW_HIDE)
    window.show()
    log.take()
    window.show()
    assert log.take() == []


def test_hiding_a_window(log: Log) -> None:
    window = make("w", WS_POPUP | WS_VISIBLE)
    log.take()
    window.show(SW_HIDE)
    assert log.take() == [
        ("w", "SHOWWINDOW", (0, 0)),
        ("w", "POSCHANGING", SWP_HIDEWINDOW | SWP_NOSIZE | SWP_NOMOVE),
        ("w", "POSCHANGED", 0x1887),
    ]
    assert not window.visible


def test_a_show_command_that_is_no_sw_value_changes_nothing(log: Log) -> None:
    window = make("w", WS_POPUP | WS_VISIBLE)
    log.take()
    assert show_window(window.hwnd, 99) is True
    assert log.take() == []


def test_show_window_of_another_threads_window_runs_on_that_thread(log: Log) -> None:
    pumper = Pumper(lambda: make("theirs"))
    window: Window = pumper.result
    log.take()
    assert show_window(window.hwnd, SW_SHOW) is False
    assert set(log.threads) == {pumper.thread.native_id}
    assert [kind for _, kind, _ in log.take()][:3] == ["SHOWWINDOW", "POSCHANGING", "POSCHANGED"]
    pumper.stop()


# -- placing and sizing -----------------------------------------------------------------------


def test_move_window_sends_changing_changed_then_move_and_size(log: Log) -> None:
    window = make("w", WS_POPUP | WS_VISIBLE, x=0, y=0, width=10, height=10)
    log.take()
    move_window(window.hwnd, 10, 20, 300, 200)
    assert log.take() == [
        ("w", "POSCHANGING", 0x14),
        ("w", "POSCHANGED", 0x14),
        ("w", "MOVE", (0, make_lparam(10, 20))),
        ("w", "SIZE", (0, make_lparam(300, 200))),
    ]
    assert window.rect == (10, 20, 310, 220)
    assert window.client_rect == (0, 0, 300, 200)


def test_moving_only_sends_no_size(log: Log) -> None:
    window = make("w", x=0, y=0, width=10, height=10)
    log.take()
    set_window_pos(window.hwnd, 0, 30, 40, 0, 0, SWP_NOSIZE | SWP_NOZORDER)
    assert log.take() == [
        ("w", "POSCHANGING", 0x5),
        ("w", "POSCHANGED", 0x80D),  # SWP_NOREDRAW: a hidden window draws nothing
        ("w", "MOVE", (0, make_lparam(30, 40))),
    ]


def test_sizing_only_sends_no_move(log: Log) -> None:
    window = make("w", x=0, y=0, width=10, height=10)
    log.take()
    set_window_pos(window.hwnd, 0, 0, 0, 25, 15, SWP_NOMOVE | SWP_NOZORDER | 0x10)
    assert log.take() == [
        ("w", "POSCHANGING", 0x16),
        ("w", "POSCHANGED", 0x101E),
        ("w", "SIZE", (0, make_lparam(25, 15))),
    ]


def test_a_change_that_changes_nothing_sends_only_changing(log: Log) -> None:
    window = make("w", x=1, y=2, width=3, height=4)
    log.take()
    move_window(window.hwnd, 1, 2, 3, 4)
    assert log.kinds() == [("w", "POSCHANGING")]


def test_the_procedure_may_change_the_window_pos_while_it_is_changing(log: Log) -> None:
    def clamp(hwnd: int, msg: int, wparam: Any, pos: WindowPos) -> int:
        pos.width = min(pos.width, 50)
        return 0

    window = make("w", x=0, y=0, width=10, height=10)
    log.answers[WM_WINDOWPOSCHANGING] = clamp
    move_window(window.hwnd, 0, 0, 500, 40)
    assert window.rect == (0, 0, 50, 40)


def test_without_def_window_proc_windowposchanged_sends_no_move_or_size(log: Log) -> None:
    window = make("w", x=0, y=0, width=10, height=10)
    log.take()
    log.answers[WM_WINDOWPOSCHANGED] = lambda *args: 0
    move_window(window.hwnd, 5, 5, 5, 5)
    assert log.kinds() == [("w", "POSCHANGING"), ("w", "POSCHANGED")]


def test_set_window_pos_shows_and_hides_without_showwindow(log: Log) -> None:
    window = make("w")
    log.take()
    set_window_pos(window.hwnd, 0, 0, 0, 0, 0, SWP_SHOWWINDOW | SWP_NOMOVE | SWP_NOSIZE)
    assert window.visible
    set_window_pos(window.hwnd, 0, 0, 0, 0, 0, SWP_HIDEWINDOW | SWP_NOMOVE | SWP_NOSIZE)
    assert not window.visible
    assert all(kind != "SHOWWINDOW" for _, kind, _ in log.take())


def test_a_childs_rect_is_on_the_screen(log: Log) -> None:
    parent = make("parent", x=100, y=200, width=300, height=400)
    child = make("child", WS_CHILD, x=10, y=20, width=30, height=40, parent=parent.hwnd)
    assert window_rect(child.hwnd) == (110, 220, 140, 260)
    assert child.client_rect == (0, 0, 30, 40)


# -- text --------------------------------------------------------------------------------------


def test_set_window_text_sends_wm_settext(log: Log) -> None:
    window = make("old")
    log.take()
    assert set_window_text(window.hwnd, "new")
    assert log.take() == [("old", "SETTEXT", (0, "new"))]
    assert window.text == "new"


def test_get_window_text_asks_the_procedure_with_a_buffer(log: Log) -> None:
    window = make("x" * 600)
    log.take()
    assert get_window_text(window.hwnd) == "x" * 511  # the default buffer holds 511
    assert log.take() == [("x" * 600, "GETTEXT", 512)]
    assert get_window_text(window.hwnd, 4) == "xxx"
    assert get_window_text(window.hwnd, 0) == ""


def test_a_procedure_may_answer_wm_gettext_itself(log: Log) -> None:
    def answer(hwnd: int, msg: int, size: int, buffer: TextBuffer) -> int:
        buffer.text = "answered"
        return len(buffer.text)

    window = make("w")
    log.answers[WM_GETTEXT] = answer
    assert window.text == "answered"


def test_get_window_text_of_another_threads_window_is_answered_there(log: Log) -> None:
    pumper = Pumper(lambda: make("theirs"))
    log.take()
    assert get_window_text(pumper.result.hwnd) == "theirs"
    assert log.threads == [pumper.thread.native_id]
    pumper.stop()


# -- destruction ------------------------------------------------------------------------------


def test_destroying_a_visible_top_level_window_hides_it_first(log: Log) -> None:
    window = make("w", WS_POPUP | WS_VISIBLE)
    log.take()
    window.destroy()
    assert log.take() == [
        ("w", "POSCHANGING", 0x97),
        ("w", "POSCHANGED", 0x1897),
        ("w", "DESTROY", (0, 0)),
        ("w", "NCDESTROY", (0, 0)),
    ]


def test_destroying_a_visible_child(log: Log) -> None:
    parent = make("parent", WS_POPUP | WS_VISIBLE)
    child = make("child", WS_CHILD | WS_VISIBLE, parent=parent.hwnd, child_id=4)
    log.take()
    child.destroy()
    assert log.take() == [
        ("parent", "PARENTNOTIFY", (make_lparam(WM_DESTROY, 4), child.hwnd)),
        ("child", "SHOWWINDOW", (0, 0)),
        ("child", "POSCHANGING", 0x97),
        ("child", "POSCHANGED", 0x1897),
        ("child", "DESTROY", (0, 0)),
        ("child", "NCDESTROY", (0, 0)),
    ]
    assert parent.children == []


def test_destroying_a_parent_destroys_its_children_top_down_then_bottom_up(log: Log) -> None:
    top = make("top")
    middle = make("middle", WS_CHILD, parent=top.hwnd)
    make("leaf", WS_CHILD, parent=middle.hwnd)
    log.take()
    top.destroy()
    assert log.kinds() == [
        ("top", "DESTROY"),
        ("middle", "DESTROY"),
        ("leaf", "DESTROY"),
        ("leaf", "NCDESTROY"),
        ("middle", "NCDESTROY"),
        ("top", "NCDESTROY"),
    ]
    assert not is_window(middle.hwnd)


def test_destroying_an_owner_destroys_its_owned_windows_first_newest_first(log: Log) -> None:
    owner = make("owner")
    first = make("first", owner=owner.hwnd)
    make("second", owner=owner.hwnd)
    log.take()
    owner.destroy()
    assert log.kinds() == [
        ("second", "DESTROY"),
        ("second", "NCDESTROY"),
        ("first", "DESTROY"),
        ("first", "NCDESTROY"),
        ("owner", "DESTROY"),
        ("owner", "NCDESTROY"),
    ]
    assert not is_window(first.hwnd)


def test_an_owned_window_of_another_thread_outlives_its_owner(log: Log) -> None:
    owner = make("owner")
    pumper = Pumper(lambda: make("owned", owner=owner.hwnd))
    owned: Window = pumper.result
    owner.destroy()
    assert is_window(owned.hwnd)
    assert get_window(owned.hwnd, GW_OWNER) == 0
    pumper.stop()


def test_a_child_of_another_threads_window_is_destroyed_on_its_own_thread(log: Log) -> None:
    parent = make("parent")
    # WS_EX_NOPARENTNOTIFY: the parent's thread does not pump while the child is created
    pumper = Pumper(
        lambda: make("child", WS_CHILD, parent=parent.hwnd, ex_style=WS_EX_NOPARENTNOTIFY)
    )
    log.take()
    parent.destroy()
    child_threads = {
        tid for entry, tid in zip(log.entries, log.threads, strict=True) if entry[0] == "child"
    }
    kinds = log.kinds()
    assert ("child", "DESTROY") in kinds
    assert ("child", "NCDESTROY") in kinds
    assert child_threads == {pumper.thread.native_id}
    assert not is_window(pumper.result.hwnd)
    pumper.stop()


def test_destroy_window_from_its_own_destroy_message_does_nothing_more(log: Log) -> None:
    window = make("w")
    log.answers[WM_DESTROY] = lambda hwnd, *args: destroy_window(hwnd)
    log.take()
    window.destroy()
    assert log.kinds() == [("w", "DESTROY"), ("w", "NCDESTROY")]


def test_wm_close_to_a_child_destroys_it_through_def_window_proc(log: Log) -> None:
    parent = make("parent")
    child = make("child", WS_CHILD, parent=parent.hwnd)
    log.take()
    child.send(WM_CLOSE)
    assert log.kinds() == [
        ("child", "CLOSE"),
        ("parent", "PARENTNOTIFY"),
        ("child", "DESTROY"),
        ("child", "NCDESTROY"),
    ]


def test_destroying_another_threads_window_is_refused(log: Log) -> None:
    pumper = Pumper(lambda: make("theirs"))
    with pytest.raises(AccessDeniedError):
        destroy_window(pumper.result.hwnd)
    pumper.stop()


def test_a_threads_windows_and_their_children_go_with_it(log: Log) -> None:
    pumper = Pumper(lambda: make("theirs"))
    top: Window = pumper.result
    child = create_window(CLASS, "mine", style=WS_CHILD, parent=top.hwnd)
    pumper.stop()
    assert not is_window(top.hwnd)
    assert not is_window(child.hwnd)  # a child goes with its parent


# -- relations ------------------------------------------------------------------------------------


def test_get_parent(log: Log) -> None:
    top = make("top")
    child = make("child", WS_CHILD, parent=top.hwnd)
    popup = make("popup", WS_POPUP, owner=top.hwnd)
    overlapped = make("overlapped", 0, owner=top.hwnd)
    assert get_parent(child.hwnd) == top.hwnd
    assert get_parent(popup.hwnd) == top.hwnd  # a popup's "parent" is its owner
    assert get_parent(overlapped.hwnd) == 0
    assert get_parent(top.hwnd) == 0


def test_get_window_walks_children_in_z_order(log: Log) -> None:
    top = make("top")
    first = make("first", WS_CHILD, parent=top.hwnd)
    second = make("second", WS_CHILD, parent=top.hwnd)
    assert get_window(top.hwnd, GW_CHILD) == first.hwnd  # a new child goes below the others
    assert get_window(first.hwnd, GW_HWNDNEXT) == second.hwnd
    assert get_window(second.hwnd, GW_HWNDPREV) == first.hwnd
    assert get_window(second.hwnd, GW_HWNDNEXT) == 0
    assert get_window(second.hwnd, GW_HWNDFIRST) == first.hwnd
    assert get_window(first.hwnd, GW_HWNDLAST) == second.hwnd
    assert get_window(first.hwnd, GW_OWNER) == 0
    assert get_window(first.hwnd, 99) == 0


def test_a_message_only_window_is_no_sibling_of_top_level_windows(log: Log) -> None:
    top = make("top")
    hidden = make("hidden", 0, parent=HWND_MESSAGE)
    assert hidden.message_only
    assert get_window(top.hwnd, GW_HWNDFIRST) != hidden.hwnd
    assert get_window(hidden.hwnd, GW_HWNDFIRST) == hidden.hwnd


def test_is_window_visible_of_anything_but_a_window_is_false() -> None:
    assert not is_window_visible(0)
    assert not is_window_visible("x")
    assert not is_window_visible([1])


# -- painting ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("empty_queue")
def test_a_shown_window_gets_wm_paint_from_its_message_loop(log: Log) -> None:
    window = make("w", WS_POPUP | WS_VISIBLE)
    message = peek_message(flags=PM_REMOVE)
    assert message is not None
    assert message[:2] == (window.hwnd, WM_PAINT)
    messages.dispatch_message(message)  # DefWindowProc validates it
    assert peek_message(flags=PM_REMOVE) is None


def test_update_window_sends_wm_paint_only_when_it_is_due(log: Log) -> None:
    window = make("w")
    log.take()
    update_window(window.hwnd)
    assert log.take() == []
    window.show()
    log.take()
    update_window(window.hwnd)
    assert log.kinds() == [("w", "PAINT")]
    update_window(window.hwnd)  # DefWindowProc validated it
    assert log.take() == []


# -- timers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapse", "period"), [(0, 0.010), (0.001, 0.010), (2**32, 0x7FFFFFFF / 1000)]
)
def test_a_timer_period_is_kept_between_10_ms_and_0x7fffffff_ms(
    elapse: float, period: float
) -> None:
    ident = messages.set_timer(0, 0, elapse)
    try:
        assert messages.current_queue().timers[(0, ident)].period == period
    finally:
        messages.kill_timer(0, ident)


@pytest.fixture
def thread_sta() -> Iterator[Window | None]:
    """The calling thread in an STA around ``log`` (set up before it, torn down after it)."""
    from apartment import com

    with com.sta() as apartment:
        yield apartment.window
        assert apartment.window is not None and not apartment.window.destroyed


def test_the_logs_teardown_leaves_the_windows_it_did_not_make(
    thread_sta: Window | None, log: Log
) -> None:
    # The whole suite's flake (s30): the main thread stays in the STA a pythoncom import made,
    # and destroying its hidden window here broke COM calls into it in a later test.
    assert thread_sta is not None
    make("mine")
