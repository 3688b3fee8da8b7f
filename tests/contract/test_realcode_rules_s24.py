"""Contract: rules that more small pywin32 programs written by others found (tests/realcode).

Found by running them on the facade and on the real pywin32 (build 312, under Wine): an
automation script that makes nothing but finds an ``Edit`` box and reads it with WM_GETTEXT into
a ``PyMakeBuffer`` from another thread (tests/realcode/edit_text_by_message.py); a process
lister that opens processes with PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ
(tests/realcode/process_module_list.py).
"""

import os
import threading
import warnings
from collections.abc import Callable
from typing import TypeVar

import pytest
import win32api
import win32con
import win32event
import win32gui
import win32process

T = TypeVar("T")
TIMEOUT = 30  # safety net only
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


def _edit_on_a_thread(text: str, body: Callable[[int], T]) -> T:
    """Run ``body(edit)`` on this thread while another thread owns and pumps an Edit window."""
    made: dict[str, int] = {}
    ready = threading.Event()

    def owner() -> None:
        made["edit"] = win32gui.CreateWindow("Edit", text, 0, 0, 0, 100, 20, 0, 0, 0, None)
        ready.set()
        win32gui.PumpMessages()

    thread = threading.Thread(target=owner)
    thread.start()
    try:
        assert ready.wait(TIMEOUT)
        return body(made["edit"])
    finally:
        win32gui.PostMessage(made["edit"], win32con.WM_CLOSE, 0, 0)
        win32api.PostThreadMessage(thread.native_id, win32con.WM_QUIT, 0, 0)
        thread.join(TIMEOUT)


def test_the_system_edit_class_needs_no_registering() -> None:
    edit = win32gui.CreateWindow("Edit", "12.5", 0, 0, 0, 100, 20, 0, 0, 0, None)
    try:
        assert win32gui.GetClassName(edit) == "Edit"
        assert win32gui.GetWindowText(edit) == "12.5"
    finally:
        win32gui.DestroyWindow(edit)


def test_wm_gettext_fills_a_buffer_sent_from_another_thread_with_utf16() -> None:
    def body(edit: int) -> tuple[int, bytes]:
        buffer = bytearray(16)
        copied = win32gui.SendMessage(edit, win32con.WM_GETTEXT, 8, buffer)
        return copied, bytes(buffer)

    copied, data = _edit_on_a_thread("abc", body)
    assert copied == 3
    assert data == "abc\0".encode("utf-16-le") + bytes(8)


def test_wm_gettext_cuts_the_text_to_the_count_given() -> None:
    def body(edit: int) -> tuple[int, bytes]:
        buffer = bytearray(16)
        return win32gui.SendMessage(edit, win32con.WM_GETTEXT, 3, buffer), bytes(buffer[:6])

    assert _edit_on_a_thread("37.25", body) == (2, "37\0".encode("utf-16-le"))


def test_a_made_buffer_has_an_address_and_its_length() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        buffer = win32gui.PyMakeBuffer(5)
    address, length = win32gui.PyGetBufferAddressAndLen(buffer)
    assert length == 5
    assert address != 0
    win32gui.PySetMemory(address, "hi\0".encode("utf-16-le")[:4])
    assert win32gui.PyGetString(address, 2) == "hi"


def test_pymakebuffer_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match="PyMakeBuffer is deprecated"):
        win32gui.PyMakeBuffer(4)


def test_module_names_need_only_limited_query_and_vm_read() -> None:
    access = PROCESS_QUERY_LIMITED_INFORMATION | win32con.PROCESS_VM_READ
    handle = win32api.OpenProcess(access, False, os.getpid())
    try:
        image = win32process.GetModuleFileNameEx(handle, None)
        assert os.path.normcase(image) == os.path.normcase(win32api.GetModuleFileName(None))
        modules = win32process.EnumProcessModules(handle)
        assert win32process.GetModuleFileNameEx(handle, modules[0]) == image
        assert (
            win32process.EnumProcessModulesEx(handle, win32process.LIST_MODULES_ALL)[0]
            == modules[0]
        )
    finally:
        win32api.CloseHandle(handle)


def test_cancelling_a_waitable_timer_leaves_it_signaled() -> None:
    timer = win32event.CreateWaitableTimer(None, True, None)
    try:
        win32event.SetWaitableTimer(timer, -1, 0, None, None, False)
        assert win32event.WaitForSingleObject(timer, 10_000) == win32event.WAIT_OBJECT_0
        win32event.CancelWaitableTimer(timer)
        assert win32event.WaitForSingleObject(timer, 0) == win32event.WAIT_OBJECT_0
    finally:
        win32api.CloseHandle(timer)


def test_an_enumeration_stopped_by_its_callback_raises_nothing() -> None:
    calls: list[int] = []

    def stop(hwnd: int, extra: object) -> bool:
        calls.append(hwnd)
        return False

    edit = win32gui.CreateWindow("Edit", "", 0, 0, 0, 10, 10, 0, 0, 0, None)
    try:
        assert win32gui.EnumWindows(stop, None) is None
        assert len(calls) == 1
    finally:
        win32gui.DestroyWindow(edit)
