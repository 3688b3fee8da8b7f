"""Contract: standard handles, descriptors and handles (msvcrt), children's standard streams.

GetStdHandle and SetStdHandle; msvcrt's ``open_osfhandle`` (an int handle to a descriptor
that owns it; a PyHANDLE is a TypeError, a bad handle OSError EBADF) and ``get_osfhandle``;
FdCreatePipe; the session ids of a pipe's ends; CreateProcess with STARTF_USESTDHANDLES,
where a handle reaches the child only if it is inheritable and handles are inherited (as
runproc.py and winprocess.py, pywin32's demos, use them).
"""

import errno
import importlib
import os
import sys
from typing import Any

import pytest
import pywintypes
import win32api
import win32event
import win32file
import win32pipe
import win32process
import win32security

msvcrt: Any = importlib.import_module("msvcrt")  # typeshed's msvcrt is Windows-only
WINE = sys.platform == "win32"  # the oracle: Wine, whose answers differ from Windows' here
EXIT_MS = 30_000  # safety net only
O_BINARY, O_TEXT = 0x8000, 0x4000  # the C runtime's


def python(code: str) -> str:
    return f'"{sys.executable}" -c "{code}"'


def inheritable() -> Any:
    sa = win32security.SECURITY_ATTRIBUTES()
    sa.bInheritHandle = 1
    return sa


def read_all(handle: Any) -> bytes:
    data = b""
    while True:
        try:
            _, chunk = win32file.ReadFile(handle, 4096)
        except pywintypes.error as failure:
            if failure.winerror != 109:  # ERROR_BROKEN_PIPE: every writer has gone
                raise
            return data
        data += chunk


def start(code: str, si: Any, inherit: bool = True) -> Any:
    """Start a Python child with the STARTUPINFO; wait for it; return its process handle."""
    process, thread, _, _ = win32process.CreateProcess(
        None, python(code), None, None, inherit, 0, None, None, si
    )
    thread.Close()
    return process


def std_output(handle: Any) -> Any:
    si = win32process.STARTUPINFO()
    si.dwFlags = win32process.STARTF_USESTDHANDLES
    si.hStdOutput = handle
    return si


# -- standard handles ------------------------------------------------------------------------


def test_the_standard_handles_are_the_descriptors_handles_and_stay() -> None:
    for which, fd in ((win32api.STD_INPUT_HANDLE, 0), (win32api.STD_OUTPUT_HANDLE, 1)):
        value = win32api.GetStdHandle(which)
        assert type(value) is int
        assert value == win32api.GetStdHandle(which)
        assert value == msvcrt.get_osfhandle(fd)


def test_get_std_handle_of_no_stream_is_invalid_handle_value_not_an_error() -> None:
    assert win32api.GetStdHandle(5) == -1
    with pytest.raises(TypeError):
        win32api.GetStdHandle("x")
    with pytest.raises(OverflowError):
        win32api.GetStdHandle(0xFFFFFFF5)


def test_set_std_handle_changes_what_get_std_handle_answers() -> None:
    which = win32api.STD_ERROR_HANDLE
    before = win32api.GetStdHandle(which)
    try:
        win32api.SetStdHandle(which, 0x12340)  # not checked, as on Windows
        assert win32api.GetStdHandle(which) == 0x12340
        win32api.SetStdHandle(which, None)
        assert win32api.GetStdHandle(which) == 0
        win32api.SetStdHandle(which, pywintypes.HANDLE(0))
        assert msvcrt.get_osfhandle(2) == before  # the descriptor is left as it is
    finally:
        win32api.SetStdHandle(which, before)
    with pytest.raises(pywintypes.error) as info:
        win32api.SetStdHandle(5, before)
    assert (info.value.winerror, info.value.funcname) == (6, "SetStdHandle")
    with pytest.raises(TypeError):
        win32api.SetStdHandle(which, "x")


def test_get_command_line_is_a_string() -> None:
    line = win32api.GetCommandLine()
    assert isinstance(line, str)
    assert line


# -- msvcrt -------------------------------------------------------------------------------------


def test_open_osfhandle_hands_the_handles_file_to_a_descriptor() -> None:
    read, write = win32pipe.CreatePipe(None, 0)
    with pytest.raises(TypeError):
        msvcrt.open_osfhandle(write, 0)  # a PyHANDLE: CPython's msvcrt takes an int
    fd = msvcrt.open_osfhandle(int(write), 0)
    assert type(fd) is int
    assert msvcrt.get_osfhandle(fd) == int(write)
    assert win32file.WriteFile(write, b"xy") == (0, 2)  # the handle still works
    os.write(fd, b"z")
    os.close(fd)  # closes the handle's file too
    with pytest.raises(pywintypes.error) as info:
        win32file.WriteFile(write, b"after")
    assert info.value.winerror == 6
    write.Detach()  # closed with its descriptor
    assert read_all(read) == b"xyz"
    read.Close()


def test_bad_handles_and_descriptors_are_ebadf() -> None:
    event = win32event.CreateEvent(None, False, False, None)
    for bad in (0x12344, int(event)):
        with pytest.raises(OSError, match="Bad file descriptor") as info:
            msvcrt.open_osfhandle(bad, 0)
        assert info.value.errno == errno.EBADF
    event.Close()
    for bad in (999, -1):
        with pytest.raises(OSError, match="Bad file descriptor") as info:
            msvcrt.get_osfhandle(bad)
        assert info.value.errno == errno.EBADF
    with pytest.raises(TypeError):
        msvcrt.open_osfhandle("x", 0)
    with pytest.raises(TypeError):
        msvcrt.open_osfhandle(8, "x")
    with pytest.raises(TypeError):
        msvcrt.get_osfhandle("x")


def test_a_files_descriptor_has_one_handle(tmp_path: Any) -> None:
    with open(tmp_path / "f.bin", "w+b") as file:
        handle = msvcrt.get_osfhandle(file.fileno())
        assert msvcrt.get_osfhandle(file.fileno()) == handle
        assert win32file.GetFileType(handle) == win32file.FILE_TYPE_DISK
        assert win32api.GetHandleInformation(handle) == 0  # Python opens it uninheritable


# -- pipes ---------------------------------------------------------------------------------------


def test_fd_create_pipe_makes_two_descriptors() -> None:
    read, write = win32pipe.FdCreatePipe(None, 0, O_BINARY)
    assert not os.get_inheritable(read)
    os.write(write, b"hello")
    handle = msvcrt.get_osfhandle(read)
    assert win32api.GetHandleInformation(handle) == 0
    assert win32file.ReadFile(handle, 10) == (0, b"hello")
    os.close(write)
    assert os.read(read, 10) == b""
    os.close(read)
    read, write = win32pipe.FdCreatePipe(inheritable(), 0, O_TEXT)
    assert os.get_inheritable(read)
    assert os.get_inheritable(write)
    os.close(read)
    os.close(write)
    for bad in (0, 0x12345):
        with pytest.raises(ValueError, match="O_TEXT or O_BINARY"):
            win32pipe.FdCreatePipe(None, 0, bad)
    with pytest.raises(TypeError):
        win32pipe.FdCreatePipe(None, 0, "x")


def test_the_ends_of_a_pipe_are_in_session_1() -> None:
    read, write = win32pipe.CreatePipe(None, 0)
    for end in (read, write):
        assert win32pipe.GetNamedPipeClientSessionId(end) == 1
        assert win32pipe.GetNamedPipeServerSessionId(end) == 1
        assert win32pipe.GetNamedPipeClientProcessId(end) == win32api.GetCurrentProcessId()
    with pytest.raises(TypeError):
        win32pipe.GetNamedPipeClientSessionId("x")
    read.Close()
    write.Close()


@pytest.mark.xfail(WINE, strict=True, reason="Wine's session-id calls answer 1 for any handle")
def test_the_session_of_something_else_is_invalid_handle() -> None:
    event = win32event.CreateEvent(None, False, False, None)
    for call in (win32pipe.GetNamedPipeClientSessionId, win32pipe.GetNamedPipeServerSessionId):
        with pytest.raises(pywintypes.error) as info:
            call(event)
        assert info.value.winerror == 6
    event.Close()


def test_popen_is_python_2_only() -> None:
    for call in (win32pipe.popen, win32pipe.popen2, win32pipe.popen3, win32pipe.popen4):
        with pytest.raises(NotImplementedError, match="not available in py3k"):
            call("echo hi", "r")


# -- children's standard streams -----------------------------------------------------------


def test_a_child_reads_and_writes_inherited_pipes_as_runproc_does() -> None:
    sa = inheritable()
    stdin_r, stdin_w = win32pipe.CreatePipe(sa, 0)
    stdout_r, stdout_w = win32pipe.CreatePipe(sa, 0)
    stderr_r, stderr_w = win32pipe.CreatePipe(sa, 0)
    si = win32process.STARTUPINFO()
    si.hStdInput, si.hStdOutput, si.hStdError = stdin_r, stdout_w, stderr_w
    si.dwFlags = win32process.STARTF_USESTDHANDLES
    me = win32api.GetCurrentProcess()
    mine = []
    for end in (stdin_w, stdout_r, stderr_r):  # the parent's ends: not for the child
        mine.append(win32api.DuplicateHandle(me, end, me, 0, 0, 2))
        end.Close()
    code = "import sys; sys.stdout.write(sys.stdin.read()); sys.stderr.write('Blah...')"
    process = start(code, si)
    for end in (stderr_w, stdout_w, stdin_r):
        end.Close()
    with os.fdopen(msvcrt.open_osfhandle(mine[0].Detach(), 0), "wb") as stdin:
        stdin.write(b"hmmmmm\r\n")
    with os.fdopen(msvcrt.open_osfhandle(mine[1].Detach(), 0), "rb") as stdout:
        assert stdout.read() == b"hmmmmm\r\n"
    with os.fdopen(msvcrt.open_osfhandle(mine[2].Detach(), 0), "rb") as stderr:
        assert stderr.read() == b"Blah..."
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    assert win32process.GetExitCodeProcess(process) == 0
    process.Close()


def test_a_child_writes_into_a_file_as_winprocess_does_once_it_may_inherit_it(
    tmp_path: Any,
) -> None:
    with open(tmp_path / "out.txt", "w+b") as out:
        handle = msvcrt.get_osfhandle(out.fileno())
        si = std_output(handle)
        process = start("print(42)", si)  # not inheritable: the child's output goes nowhere
        assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
        process.Close()
        out.seek(0)
        assert out.read() == b""
        win32api.SetHandleInformation(handle, 1, 1)  # HANDLE_FLAG_INHERIT
        process = start("print(43)", si)
        assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
        assert win32process.GetExitCodeProcess(process) == 0
        process.Close()
        out.seek(0)
        assert out.read().rstrip() == b"43"


def test_a_child_that_inherits_no_handles_gets_none_of_them() -> None:
    read, write = win32pipe.CreatePipe(None, 0)  # not inheritable
    process = start("print('lost')", std_output(write))
    write.Close()
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    process.Close()
    assert read_all(read) == b""
    read.Close()


@pytest.mark.xfail(
    WINE,
    strict=True,
    reason="Wine gives the child STARTUPINFO's handles without bInheritHandles; Windows 8 "
    "and later give it none",
)
def test_without_inherited_handles_the_child_gets_no_standard_handles() -> None:
    read, write = win32pipe.CreatePipe(inheritable(), 0)
    process = start("print('lost')", std_output(write), inherit=False)
    write.Close()
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    process.Close()
    assert read_all(read) == b""
    read.Close()


def test_a_child_reports_the_start_up_information_it_was_given() -> None:
    read, write = win32pipe.CreatePipe(inheritable(), 0)
    si = std_output(write)
    si.dwFlags |= win32process.STARTF_USESHOWWINDOW | win32process.STARTF_USEPOSITION
    si.wShowWindow, si.dwX, si.dwY, si.dwXCountChars, si.lpTitle = 3, 10, 20, 7, "mytitle"
    code = (
        "import win32process; s = win32process.GetStartupInfo(); "
        "print(s.dwFlags, s.wShowWindow, s.dwX, s.dwY, s.dwXCountChars, s.lpTitle, s.hStdOutput)"
    )
    process = start(code, si)
    write_value = int(write)
    write.Close()
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    process.Close()
    expected = [b"261", b"3", b"10", b"20", b"7", b"mytitle", str(write_value).encode()]
    assert read_all(read).split() == expected
    read.Close()


def test_terminate_process_is_in_win32api_too() -> None:
    process, thread, _, _ = win32process.CreateProcess(
        None, python("import time; time.sleep(600)"), None, None, 0, 0, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    win32api.TerminateProcess(process, 3)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
    assert win32process.GetExitCodeProcess(process) == 3
    thread.Close()
    process.Close()
