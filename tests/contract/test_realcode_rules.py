"""Contract: rules small pywin32 programs written by others found missing (tests/realcode).

Each was found by running such a program on the facade and on the real pywin32 (build 312,
under Wine): PeekNamedPipe on a child's output pipe from ``subprocess`` (the "asynchronous
subprocess on Windows" recipe), the ids of thread timers (pywin32's ``timer`` module), and
the write into a new file that a folder watcher sees (ReadDirectoryChangesW), and an ended
process opened by its id while a handle holds it; and RegisterDeviceNotification, which a
device monitor calls.
"""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pywintypes
import timer
import win32api
import win32con
import win32event
import win32file
import win32gui
import win32gui_struct
import win32pipe
import win32process
import winerror

msvcrt: Any = importlib.import_module("msvcrt")  # typeshed's msvcrt is Windows-only

_CHILD = "import sys; sys.stdout.write('HELLO'); sys.stdout.flush(); sys.stdin.read()"


@pytest.fixture
def child() -> Any:
    """A child that writes HELLO to its output pipe, then waits for its input to end."""
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        yield process
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(60)
        assert process.stdout is not None
        process.stdout.close()


def test_peek_named_pipe_looks_into_a_subprocess_output_pipe(child: Any) -> None:
    handle = msvcrt.get_osfhandle(child.stdout.fileno())
    assert win32file.ReadFile(handle, 1) == (0, b"H")  # the rest came in the same write
    assert win32pipe.PeekNamedPipe(handle, 0) == (b"", 4, 0)
    assert win32pipe.PeekNamedPipe(handle, 3) == (b"ELL", 4, -3)
    assert win32pipe.PeekNamedPipe(handle, 100) == (b"ELLO", 4, -4)
    assert win32file.ReadFile(handle, 100) == (0, b"ELLO")  # the peeks took nothing


def test_peek_named_pipe_of_an_ended_subprocess_pipe_is_broken_pipe(child: Any) -> None:
    handle = msvcrt.get_osfhandle(child.stdout.fileno())
    assert win32file.ReadFile(handle, 5) == (0, b"HELLO")
    child.stdin.close()
    child.wait(60)
    with pytest.raises(pywintypes.error) as info:
        win32pipe.PeekNamedPipe(handle, 0)
    assert (info.value.winerror, info.value.funcname) == (
        winerror.ERROR_BROKEN_PIPE,
        "PeekNamedPipe",
    )


def test_thread_timer_ids_count_down_below_0x8000() -> None:
    first = timer.set_timer(100000, lambda timer_id, time: None)
    second = timer.set_timer(100000, lambda timer_id, time: None)
    try:
        assert 0x100 <= second < first <= 0x7FFF
    finally:
        timer.kill_timer(first)
        timer.kill_timer(second)


def test_a_new_file_written_to_is_added_then_modified(tmp_path: Path) -> None:
    handle = win32file.CreateFile(
        str(tmp_path),
        0x0001,  # FILE_LIST_DIRECTORY (pywin32 names it in winnt, not win32con)
        win32con.FILE_SHARE_READ | win32con.FILE_SHARE_WRITE | win32con.FILE_SHARE_DELETE,
        None,
        win32con.OPEN_EXISTING,
        win32con.FILE_FLAG_BACKUP_SEMANTICS | win32con.FILE_FLAG_OVERLAPPED,
        None,
    )
    overlapped = pywintypes.OVERLAPPED()
    overlapped.hEvent = win32event.CreateEvent(None, 0, 0, None)
    buffer = win32file.AllocateReadBuffer(8192)
    flags = win32con.FILE_NOTIFY_CHANGE_FILE_NAME | win32con.FILE_NOTIFY_CHANGE_LAST_WRITE
    seen: list[tuple[int, str]] = []
    try:
        win32file.ReadDirectoryChangesW(handle, buffer, False, flags, overlapped)
        with open(os.path.join(tmp_path, "scan.pdf"), "wb") as file:
            file.write(b"%PDF-1.4")
        while (3, "scan.pdf") not in seen:  # Windows may report the two in one read or two
            assert win32event.WaitForSingleObject(overlapped.hEvent, 10000) == 0, seen
            count = win32file.GetOverlappedResult(handle, overlapped, True)
            seen += win32file.FILE_NOTIFY_INFORMATION(buffer, count)
            win32file.ReadDirectoryChangesW(handle, buffer, False, flags, overlapped)
    finally:
        win32file.CancelIo(handle)
        handle.Close()
    assert seen[:2] == [(1, "scan.pdf"), (3, "scan.pdf")]


def test_an_ended_process_opens_by_its_id_while_a_handle_holds_it() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    watcher = win32api.OpenProcess(win32con.SYNCHRONIZE, False, child.pid)
    try:
        killer = win32api.OpenProcess(win32con.PROCESS_TERMINATE, False, child.pid)
        win32api.TerminateProcess(killer, 7)
        win32api.CloseHandle(killer)
        assert win32event.WaitForSingleObject(watcher, 10000) == win32event.WAIT_OBJECT_0
        child.wait(10)  # reaped: the id is free on Linux, not while a handle holds it
        again = win32api.OpenProcess(win32con.PROCESS_QUERY_INFORMATION, False, child.pid)
        assert win32process.GetExitCodeProcess(again) == 7
        win32api.CloseHandle(again)
    finally:
        win32api.CloseHandle(watcher)


def test_device_notifications_register_as_a_handle_and_unregister() -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = f"realcode-devices-{os.getpid()}"
    wc.lpfnWndProc = {}
    win32gui.RegisterClass(wc)
    hwnd = win32gui.CreateWindow(
        wc.lpszClassName, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None
    )
    usb = win32gui_struct.PackDEV_BROADCAST_DEVICEINTERFACE(
        "{A5DCBF10-6530-11D2-901F-00C04FB951ED}"
    )
    try:
        registration = win32gui.RegisterDeviceNotification(
            hwnd, usb, win32con.DEVICE_NOTIFY_WINDOW_HANDLE
        )
        assert type(registration).__name__ == "PyHANDLE"
        assert int(registration) != 0
        assert win32gui.UnregisterDeviceNotification(registration) is None
        with pytest.raises(ValueError, match="structure says it has 0 bytes, but 4 was provided"):
            win32gui.RegisterDeviceNotification(hwnd, b"\0" * 4, 0)
    finally:
        win32gui.DestroyWindow(hwnd)
        win32gui.UnregisterClass(wc.lpszClassName, 0)
