"""Rules the session-28 probes found (tools/probes/msgqueue_probe.py, process_job_probe.py,
api_misc_probe.py): window classes, windows across threads, sends that time out, processes,
jobs and system information.

Each test passes on the facade and on the real pywin32 (``make oracle``), but for the ones
marked ``wine_differs``, where Windows' behaviour is kept.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32gui
import win32job
import win32process
import winerror

from ._kernel import JOIN_MS
from ._messages import WM_USER, Classes, Recorder, Threads, create, get_loop, signaled
from ._wine import wine_differs

# isort: split
# Fixtures: imported for pytest, which looks them up in this module.
from ._messages import classes as classes
from ._messages import empty_queue as empty_queue
from ._messages import threads as threads

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


def _error_of(call: Any, *args: object) -> tuple[int, str]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)
    return caught.value.winerror, caught.value.funcname


# --- window classes and windows ----------------------------------------------------------


def test_a_class_with_a_live_window_cannot_be_unregistered(classes: Classes) -> None:
    name = classes.register(Recorder())
    hwnd = create(name)
    assert _error_of(win32gui.UnregisterClass, name, 0) == (
        winerror.ERROR_CLASS_HAS_WINDOWS,
        "UnregisterClass",
    )
    win32gui.DestroyWindow(create(name))  # still registered: windows of it can be made
    win32gui.DestroyWindow(hwnd)


def test_create_window_takes_the_class_atom(classes: Classes) -> None:
    wc = win32gui.WNDCLASS()
    wc.lpszClassName = classes.register(Recorder()) + "-atom"
    wc.lpfnWndProc = Recorder()
    atom = win32gui.RegisterClass(wc)
    try:
        hwnd = win32gui.CreateWindow(atom, "", 0, 0, 0, 0, 0, win32con.HWND_MESSAGE, 0, 0, None)
        assert win32gui.GetClassName(hwnd) == wc.lpszClassName
        win32gui.DestroyWindow(hwnd)
    finally:
        win32gui.UnregisterClass(wc.lpszClassName, 0)


@pytest.mark.parametrize("hwnd", [0, 0x7777])
def test_get_window_thread_process_id_of_no_window_gives_thread_id_zero(hwnd: int) -> None:
    # pywin32 does not check the result: no exception, thread id 0 (the pid is left unwritten)
    win32api.SetLastError(0)
    result = win32process.GetWindowThreadProcessId(hwnd)
    assert len(result) == 2
    assert result[0] == 0
    assert win32api.GetLastError() == winerror.ERROR_INVALID_WINDOW_HANDLE


def test_reply_message_after_the_reply_succeeds_again(classes: Classes, threads: Threads) -> None:
    seen: list[Any] = []

    def answer(*_: Any) -> int:
        seen.append(win32gui.ReplyMessage(5))
        seen.append(win32gui.ReplyMessage(6))  # still handling a sent message: TRUE
        return 7

    owner = threads.owner(classes.register(Recorder({WM_USER: answer})))
    assert win32gui.SendMessage(owner.hwnd, WM_USER, 0, 0) == 5  # the first reply stands
    owner.stop()
    assert seen == [None, None]


def _silent_owner(classes: Classes, threads: Threads, proc: Recorder) -> tuple[Any, Any]:
    """An owner thread that waits on a gate (not pumping) before its message loop."""
    blocked, release = threads.gate(), threads.gate()

    def loop() -> Any:
        win32event.SetEvent(blocked)
        signaled(release)  # a plain wait: sent messages are not serviced meanwhile
        return get_loop()

    owner = threads.owner(classes.register(proc), loop)
    signaled(blocked)
    return owner, release


def test_a_send_that_timed_out_before_it_was_received_is_never_delivered(
    classes: Classes, threads: Threads
) -> None:
    proc = Recorder()
    owner, release = _silent_owner(classes, threads, proc)
    assert _error_of(
        win32gui.SendMessageTimeout, owner.hwnd, WM_USER + 1, 0, 0, win32con.SMTO_NORMAL, 100
    ) == (winerror.ERROR_TIMEOUT, "SendMessageTimeout")
    win32event.SetEvent(release)
    assert win32gui.SendMessage(owner.hwnd, WM_USER + 2, 0, 0) == 0  # the loop now runs
    owner.stop()
    assert proc.messages() == [WM_USER + 2]


def _send_times_out(classes: Classes, threads: Threads, flags: int, timeout: int) -> None:
    proc = Recorder()
    owner, release = _silent_owner(classes, threads, proc)
    try:
        assert _error_of(
            win32gui.SendMessageTimeout, owner.hwnd, WM_USER + 1, 0, 0, flags, timeout
        ) == (winerror.ERROR_TIMEOUT, "SendMessageTimeout")
    finally:
        win32event.SetEvent(release)
        win32gui.SendMessageTimeout(owner.hwnd, WM_USER + 2, 0, 0, 0, JOIN_MS)
        owner.stop()
    assert proc.messages() == [WM_USER + 2]


def test_abort_if_hung_still_waits_for_a_thread_that_is_not_hung(
    classes: Classes, threads: Threads
) -> None:
    # the owner stopped pumping moments ago: not hung yet (5 s), so the timeout applies
    _send_times_out(classes, threads, win32con.SMTO_ABORTIFHUNG, 100)


@wine_differs("Wine's SendMessageTimeout with 0 ms succeeds at once (result 0), delivers later")
def test_a_send_with_a_zero_timeout_to_a_thread_that_does_not_pump_times_out(
    classes: Classes, threads: Threads
) -> None:
    _send_times_out(classes, threads, win32con.SMTO_NORMAL, 0)


@wine_differs("Wine posts to thread id 0 (the caller?) and succeeds")
def test_post_thread_message_to_thread_id_zero_fails_with_invalid_thread_id() -> None:
    assert _error_of(win32api.PostThreadMessage, 0, WM_USER, 0, 0) == (
        winerror.ERROR_INVALID_THREAD_ID,
        "PostThreadMessage",
    )


# --- processes and jobs ----------------------------------------------------------------

EXIT_MS = 60_000  # safety net only: a child Python may take a while to start
SLEEPS = f'"{sys.executable}" -c "import time; time.sleep(60)"'


class _Children:
    """Starts children; at the end terminates those still running and closes the handles."""

    def __init__(self) -> None:
        self._made: list[tuple[Any, Any]] = []

    def start(self, command: str = SLEEPS, flags: int = 0, cwd: str | None = None) -> Any:
        result = win32process.CreateProcess(
            None, command, None, None, False, flags, None, cwd, win32process.STARTUPINFO()
        )
        self._made.append((result[0], result[1]))
        return result

    def end_all(self) -> None:
        for process, thread in self._made:
            if win32process.GetExitCodeProcess(process) == win32con.STILL_ACTIVE:
                win32process.TerminateProcess(process, 1)
            win32event.WaitForSingleObject(process, EXIT_MS)
            thread.Close()
            process.Close()


@pytest.fixture
def children() -> Iterator[_Children]:
    made = _Children()
    yield made
    made.end_all()


@pytest.mark.parametrize("command", ["", "   "])
def test_a_command_line_naming_no_program_is_file_not_found(command: str) -> None:
    assert _error_of(
        win32process.CreateProcess,
        None, command, None, None, False, 0, None, None, win32process.STARTUPINFO(),
    ) == (winerror.ERROR_FILE_NOT_FOUND, "CreateProcess")  # fmt: skip


def test_a_current_directory_that_is_no_directory_is_error_directory(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    for cwd in (tmp_path / "missing", a_file):
        assert _error_of(
            win32process.CreateProcess,
            None, SLEEPS, None, None, False, 0, None, str(cwd), win32process.STARTUPINFO(),
        ) == (winerror.ERROR_DIRECTORY, "CreateProcess")  # fmt: skip


def test_terminate_with_0xffffffff_reads_back_as_minus_one(children: _Children) -> None:
    process, thread, _, _ = children.start()
    win32process.TerminateProcess(process, 0xFFFFFFFF)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
    assert win32process.GetExitCodeProcess(process) == -1
    assert win32process.GetExitCodeThread(thread) == -1


@wine_differs("Wine lets TerminateProcess succeed on a process that has exited")
def test_terminating_a_process_that_has_exited_is_access_denied(children: _Children) -> None:
    process = children.start()[0]
    win32process.TerminateProcess(process, 3)
    assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
    assert _error_of(win32process.TerminateProcess, process, 4) == (
        winerror.ERROR_ACCESS_DENIED,
        "TerminateProcess",
    )
    assert win32process.GetExitCodeProcess(process) == 3


@wine_differs("Wine starts a process given both DETACHED_PROCESS and CREATE_NEW_CONSOLE")
def test_detached_and_new_console_together_are_an_invalid_parameter(children: _Children) -> None:
    flags = win32con.DETACHED_PROCESS | win32con.CREATE_NEW_CONSOLE
    assert _error_of(children.start, SLEEPS, flags) == (
        winerror.ERROR_INVALID_PARAMETER,
        "CreateProcess",
    )


@wine_differs("Wine's child gets NORMAL_PRIORITY_CLASS whatever the creation flags say")
def test_a_priority_class_flag_gives_the_child_that_class(children: _Children) -> None:
    process = children.start(SLEEPS, win32con.IDLE_PRIORITY_CLASS)[0]
    assert win32process.GetPriorityClass(process) == win32con.IDLE_PRIORITY_CLASS


def test_open_job_object_with_an_empty_name_is_an_invalid_handle() -> None:
    # "" opens the namespace's directory, which is no job (as for OpenEvent, s27)
    assert _error_of(win32job.OpenJobObject, win32job.JOB_OBJECT_ALL_ACCESS, 0, "") == (
        winerror.ERROR_INVALID_HANDLE,
        "OpenJobObject",
    )


@wine_differs("Wine does not implement JobObjectJobSetInformation (ERROR_INVALID_FUNCTION)")
def test_a_job_in_no_job_set_has_member_level_zero() -> None:
    job = win32job.CreateJobObject(None, "")
    try:
        info = win32job.QueryInformationJobObject(job, win32job.JobObjectJobSetInformation)
        assert info == {"MemberLevel": 0}
    finally:
        job.Close()


# --- FormatMessage ------------------------------------------------------------------------

FROM_STRING = win32con.FORMAT_MESSAGE_FROM_STRING
FROM_SYSTEM = win32con.FORMAT_MESSAGE_FROM_SYSTEM


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("hello", "hello"),
        ("100%%, a%.b%!c% d", "100%, a.b!c d"),
        ("a%nb", "a\r\nb"),
        ("a\nb\rc", "a\r\nb\r\nc"),
    ],
)
def test_a_template_without_inserts_needs_no_insert_list(template: str, expected: str) -> None:
    assert win32api.FormatMessage(FROM_STRING, template, 0, 0, None) == expected


@pytest.mark.parametrize("flags", [FROM_STRING, FROM_SYSTEM])
def test_a_text_with_inserts_and_no_insert_list_is_an_invalid_parameter(flags: int) -> None:
    # ERROR_BAD_EXE_FORMAT's text is "%1 is not a valid Win32 application."
    source = "x%1" if flags == FROM_STRING else None
    assert _error_of(win32api.FormatMessage, flags, source, 193, 0, None) == (
        winerror.ERROR_INVALID_PARAMETER,
        "FormatMessageW",
    )


def test_ignore_inserts_keeps_escapes_but_line_breaks() -> None:
    flags = FROM_STRING | win32con.FORMAT_MESSAGE_IGNORE_INSERTS
    assert win32api.FormatMessage(flags, "a%%b%nc%.d%1%0e", 0, 0, None) == "a%%b\r\nc%.d%1"


def test_an_insert_spec_is_printf_for_a_string() -> None:
    text = "[%1!-5s!][%1!05s!][%1!5.1s!]"
    assert win32api.FormatMessage(FROM_STRING, text, 0, 0, ["ab"]) == "[ab   ][000ab][    a]"


@pytest.mark.parametrize(
    ("template", "width", "expected"),
    [
        ("a\r\nb\nc%nd", win32con.FORMAT_MESSAGE_MAX_WIDTH_MASK, "a b c\r\nd"),
        ("abcdef ghijkl mn", 5, "abcde\r\nf\r\nghijk\r\nl mn"),
        ("aaaa bbbb cccc", 10, "aaaa bbbb\r\ncccc"),
    ],
)
def test_the_low_byte_of_the_flags_is_the_line_width(
    template: str, width: int, expected: str
) -> None:
    assert win32api.FormatMessage(FROM_STRING | width, template, 0, 0, []) == expected


def test_a_system_message_with_max_width_ends_in_a_space() -> None:
    text = win32api.FormatMessage(
        FROM_SYSTEM | win32con.FORMAT_MESSAGE_MAX_WIDTH_MASK, None, 2, 0, None
    )
    assert text.endswith(" ")
    assert "\r\n" not in text


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        (0, winerror.ERROR_INVALID_PARAMETER),  # no source named
        (win32con.FORMAT_MESSAGE_FROM_HMODULE, winerror.ERROR_RESOURCE_TYPE_NOT_FOUND),
    ],
)
def test_format_message_needs_a_table_that_has_messages(flags: int, code: int) -> None:
    assert _error_of(win32api.FormatMessage, flags, None, 2, 0, None) == (code, "FormatMessageW")


@pytest.mark.parametrize("language", [0x7F, 0x0BAD])
def test_a_language_without_texts_is_resource_lang_not_found(language: int) -> None:
    assert _error_of(win32api.FormatMessage, FROM_SYSTEM, None, 2, language, None) == (
        winerror.ERROR_RESOURCE_LANG_NOT_FOUND,
        "FormatMessageW",
    )


@wine_differs("Wine has German message texts; an en-US Windows has none")
def test_a_language_of_another_installation_is_resource_lang_not_found() -> None:
    german = win32api.MAKELANGID(win32con.LANG_GERMAN, win32con.SUBLANG_GERMAN)
    assert _error_of(win32api.FormatMessage, FROM_SYSTEM, None, 2, german, None) == (
        winerror.ERROR_RESOURCE_LANG_NOT_FOUND,
        "FormatMessageW",
    )
