"""Contract: windows of other processes (FindWindow, PostMessage, SendMessage, WM_COPYDATA).

On Windows a window is seen by every process of the session: a child finds its parent's
window by class, learns whose it is, posts to it and sends it WM_COPYDATA, whose bytes the
parent's procedure reads in its own memory; registered message numbers are the same in
both. The child is a Python started with ``subprocess`` (it gets pywin32, or the facade's
pywin32 names); it prints what it saw, the parent checks what arrived.
"""

import ast
import os
import struct
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui

_FACADE = """\
try:
    from apartment.win32 import install
except ImportError:
    pass  # the real pywin32 (the oracle)
else:
    install(runtime=True)
"""


def _child(code: str, **options: Any) -> subprocess.Popen[str]:
    """A Python child running ``code`` with pywin32 (or the facade's names), text pipes."""
    return subprocess.Popen(
        [sys.executable, "-c", _FACADE + textwrap.dedent(code)], text=True, **options
    )


EXIT_MS = 60_000  # safety net only: a child Python may take a while to start
SYNCHRONIZE = 0x00100000
WM_USER_1 = win32con.WM_USER + 1
WM_USER_2 = win32con.WM_USER + 2


class Parent:
    """A window of this process that records what its procedure gets."""

    def __init__(self, title: str) -> None:
        self.class_name = f"apartment-xwin-{os.getpid()}-{id(self)}"
        self.got: list[tuple[Any, ...]] = []
        wc = win32gui.WNDCLASS()
        wc.lpszClassName = self.class_name
        wc.lpfnWndProc = self._proc
        self.atom = win32gui.RegisterClass(wc)
        self.hwnd = win32gui.CreateWindow(self.class_name, title, 0, 0, 0, 100, 100, 0, 0, 0, None)

    def _proc(self, hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        if msg == win32con.WM_COPYDATA:
            size = struct_size()
            data_word, count, address = _unpack(win32gui.PyGetMemory(lparam, size))
            self.got.append(
                ("copydata", wparam, data_word, bytes(win32gui.PyGetMemory(address, count)))
            )
            return 1234
        if msg in (WM_USER_1, WM_USER_2):
            self.got.append(("user", msg, wparam, lparam))
            return 77
        result: int = win32gui.DefWindowProc(hwnd, msg, wparam, lparam)
        return result

    def run_child(self, code: str) -> Any:
        """Run ``code`` in a child, pumping messages meanwhile; return what it printed."""
        child = _child(code, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        handle = win32api.OpenProcess(SYNCHRONIZE, False, child.pid)
        try:
            while True:
                rc = win32event.MsgWaitForMultipleObjects(
                    [handle], False, EXIT_MS, win32event.QS_ALLINPUT
                )
                if rc == win32event.WAIT_OBJECT_0:
                    break
                assert rc == win32event.WAIT_OBJECT_0 + 1, rc
                win32gui.PumpWaitingMessages()
            win32gui.PumpWaitingMessages()
        finally:
            win32api.CloseHandle(handle)
        out, err = child.communicate(timeout=EXIT_MS / 1000)
        assert child.returncode == 0, err
        return ast.literal_eval(out.strip().splitlines()[-1])

    def close(self) -> None:
        win32gui.DestroyWindow(self.hwnd)
        win32gui.UnregisterClass(self.atom, 0)


def struct_size() -> int:
    return struct.calcsize("PLP")  # a COPYDATASTRUCT: dwData, cbData, lpData


def _unpack(memory: Any) -> tuple[int, int, int]:
    data_word, count, address = struct.unpack("PLP", bytes(memory))
    return data_word, count, address


@pytest.fixture
def parent() -> Iterator[Parent]:
    made = Parent("apartment xwin parent")
    yield made
    made.close()


def test_a_child_finds_the_window_and_learns_whose_it_is(parent: Parent) -> None:
    seen = parent.run_child(
        f"""
        import win32gui, win32process
        hwnd = win32gui.FindWindow({parent.class_name!r}, None)
        by_title = win32gui.FindWindow(None, "APARTMENT XWIN PARENT")
        listed = []
        win32gui.EnumWindows(lambda h, extra: extra.append(h), listed)
        print([hwnd, by_title, hwnd in listed, win32process.GetWindowThreadProcessId(hwnd),
               win32gui.GetClassName(hwnd), win32gui.GetWindowText(hwnd),
               win32gui.IsWindow(hwnd), win32gui.IsWindow(hwnd + 2 ** 20),
               win32gui.FindWindow({parent.class_name!r}, "another title")])
        """
    )
    hwnd, by_title, listed, (tid, pid), name, text, alive, other, none = seen
    assert hwnd == parent.hwnd == by_title
    assert listed
    assert (tid, pid) == (win32api.GetCurrentThreadId(), os.getpid())
    assert (name, text, alive, other, none) == (parent.class_name, "apartment xwin parent", 1, 0, 0)


def test_posts_and_sends_reach_the_procedure_each_in_order(parent: Parent) -> None:
    seen = parent.run_child(
        f"""
        import array, struct, win32con, win32gui
        hwnd = win32gui.FindWindow({parent.class_name!r}, None)
        win32gui.PostMessage(hwnd, win32con.WM_USER + 1, 5, 6)
        win32gui.PostMessage(hwnd, win32con.WM_USER + 1, 7, 8)
        data = array.array("b", b"hello from the child")
        address, count = data.buffer_info()
        packed = struct.pack("PLP", 4321, count, address)
        result = win32gui.SendMessage(hwnd, win32con.WM_COPYDATA, 9, packed)
        sent = win32gui.SendMessage(hwnd, win32con.WM_USER + 2, 1, 2)
        print([result, sent])
        """
    )
    assert seen == [1234, 77]
    # Sent messages are handled before posted ones still queued: each kind keeps its order.
    assert [got for got in parent.got if got[1] == WM_USER_1] == [
        ("user", WM_USER_1, 5, 6),
        ("user", WM_USER_1, 7, 8),
    ]
    assert [got for got in parent.got if got[1] != WM_USER_1] == [
        ("copydata", 9, 4321, b"hello from the child"),
        ("user", WM_USER_2, 1, 2),
    ]


def test_posting_a_pointer_message_to_another_process_is_refused(parent: Parent) -> None:
    seen = parent.run_child(
        f"""
        import pywintypes, win32con, win32gui
        hwnd = win32gui.FindWindow({parent.class_name!r}, None)
        codes = []
        for msg in (win32con.WM_SETTEXT, win32con.WM_COPYDATA):
            try:
                win32gui.PostMessage(hwnd, msg, 0, 0)
                codes.append(0)
            except pywintypes.error as error:
                codes.append(error.winerror)
        win32gui.SendMessage(hwnd, win32con.WM_SETTEXT, 0, "set by the child")
        print([codes, win32gui.GetWindowText(hwnd)])
        """
    )
    assert seen == [[1159, 1159], "set by the child"]  # ERROR_MESSAGE_SYNC_ONLY
    assert win32gui.GetWindowText(parent.hwnd) == "set by the child"


def test_registered_messages_are_the_same_in_every_process(parent: Parent) -> None:
    name = f"apartment-xwin-message-{os.getpid()}"
    mine = win32gui.RegisterWindowMessage(name)
    seen = parent.run_child(
        f"""
        import win32gui
        print([win32gui.RegisterWindowMessage({name.upper()!r}),
               win32gui.RegisterWindowMessage({name!r} + "-other")])
        """
    )
    assert 0xC000 <= mine <= 0xFFFF
    assert seen[0] == mine
    assert seen[1] != mine and 0xC000 <= seen[1] <= 0xFFFF


def test_a_broadcast_of_a_registered_message_reaches_the_window(parent: Parent) -> None:
    name = f"apartment-xwin-broadcast-{os.getpid()}"
    number = win32gui.RegisterWindowMessage(name)
    parent_got: list[int] = []
    original = parent._proc

    def proc(hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        if msg == number:
            parent_got.append(wparam)
            return 0
        return original(hwnd, msg, wparam, lparam)

    win32gui.SetWindowLong(parent.hwnd, win32con.GWL_WNDPROC, proc)
    parent.run_child(
        f"""
        import win32con, win32gui
        number = win32gui.RegisterWindowMessage({name!r})
        win32gui.PostMessage(win32con.HWND_BROADCAST, number, 31, 0)
        win32gui.SendMessageTimeout(win32con.HWND_BROADCAST, number, 32, 0,
                                    win32con.SMTO_ABORTIFHUNG, 5000)
        print(0)
        """
    )
    assert parent_got == [32, 31] or parent_got == [31, 32]


def test_a_send_to_a_window_that_does_not_answer_times_out() -> None:
    child = _child(_SILENT_CHILD, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
        with pytest.raises(pywintypes.error) as raised:
            win32gui.SendMessageTimeout(hwnd, WM_USER_1, 0, 0, win32con.SMTO_NORMAL, 200)
        assert raised.value.winerror == 1460  # ERROR_TIMEOUT
    finally:
        child.communicate(timeout=EXIT_MS / 1000)  # closes its stdin: it ends


_SILENT_CHILD = """
    import sys, win32gui
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "apartment-xwin-silent"
    wc.lpfnWndProc = win32gui.DefWindowProc
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow("apartment-xwin-silent", "", 0, 0, 0, 1, 1, 0, 0, 0, None)
    print(hwnd, flush=True)
    sys.stdin.read()  # never pumps: the parent's send waits in vain
"""


_DYING_CHILD = """
    import os, sys, win32con, win32gui
    def proc(hwnd, msg, wparam, lparam):
        if msg == win32con.WM_USER + 1:
            os._exit(3)
        return win32gui.DefWindowProc(hwnd, msg, wparam, lparam)
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = "apartment-xwin-dying"
    wc.lpfnWndProc = proc
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow("apartment-xwin-dying", "", 0, 0, 0, 1, 1, 0, 0, 0, None)
    print(hwnd, flush=True)
    win32gui.PumpMessages()
"""


def test_a_send_to_a_process_that_dies_meanwhile_returns() -> None:
    child = _child(_DYING_CHILD, stdout=subprocess.PIPE)
    hwnd = int(child.stdout.readline())  # type: ignore[union-attr]
    try:
        win32gui.SendMessageTimeout(hwnd, WM_USER_1, 0, 0, win32con.SMTO_NORMAL, 20_000)
        code = 0
    except pywintypes.error as error:
        code = error.winerror
    child.communicate(timeout=EXIT_MS / 1000)
    assert child.returncode == 3
    assert code == 5  # ERROR_ACCESS_DENIED, as for a thread that ends before it answers
    assert not win32gui.IsWindow(hwnd)


def test_a_registered_message_and_format_of_one_name_share_the_number() -> None:
    import win32clipboard

    name = f"apartment-xwin-atom-{os.getpid()}"
    message = win32gui.RegisterWindowMessage(name)
    assert win32clipboard.RegisterClipboardFormat(name.upper()) == message
