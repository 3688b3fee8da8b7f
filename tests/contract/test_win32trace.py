"""Contract: pywin32's win32trace, on the facade and on the real pywin32 (``make oracle``).

Writers and a reader meet in one buffer, whatever processes they run in; the module's
functions call this process's tracer (``GetTracer``); errors of its own checks carry no
Win32 code. The other process is a Python child started with CreateProcess, which reports
through its exit code.
"""

import contextlib
import sys
from collections.abc import Iterator

import pytest
import pywintypes
import win32event
import win32process
import win32trace

EXIT_MS = 30_000


@pytest.fixture
def clean() -> Iterator[None]:
    """Start with nothing open and nothing waiting; close what the test opened."""
    for term in (win32trace.TermRead, win32trace.TermWrite):
        with contextlib.suppress(pywintypes.error):
            term()
    win32trace.InitRead()
    win32trace.read()
    win32trace.TermRead()
    yield
    win32trace.TermRead()
    win32trace.TermWrite()


def _message(call: object, *args: object) -> tuple[object, object, object]:
    with pytest.raises(pywintypes.error) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value.winerror, caught.value.funcname, caught.value.strerror


def test_nothing_is_read_or_written_before_init(clean: None) -> None:
    reading = (0, None, "The module has not been setup for reading")
    writing = (0, None, "The module has not been setup for writing")
    assert _message(win32trace.read) == reading
    assert _message(win32trace.blockingread, 0) == reading
    assert _message(win32trace.write, "x") == writing


def test_init_twice_fails_and_term_twice_does_not(clean: None) -> None:
    win32trace.InitRead()
    assert _message(win32trace.InitRead) == (0, None, "DoOpenMap, already open")
    win32trace.InitWrite()
    assert _message(win32trace.InitWrite) == (0, None, "DoOpenMap, already open")
    win32trace.TermRead()
    win32trace.TermRead()
    win32trace.TermWrite()
    win32trace.TermWrite()


def test_text_round_trips_as_latin1(clean: None) -> None:
    win32trace.InitRead()
    win32trace.InitWrite()
    win32trace.write("Syver ")
    win32trace.write(b"\xa9opyright")
    win32trace.write("\xe9")
    assert win32trace.read() == "Syver \xa9opyright\xe9"
    assert win32trace.read() == ""
    with pytest.raises(UnicodeEncodeError):
        win32trace.write("\u20ac")
    with pytest.raises(TypeError):
        win32trace.write(5)


def test_blocking_read_waits_for_a_write_or_the_timeout(clean: None) -> None:
    win32trace.InitRead()
    win32trace.InitWrite()
    assert win32trace.blockingread(10) == ""
    win32trace.write("woken")
    assert win32event.WaitForSingleObject(win32trace.GetHandle(), 0) == win32event.WAIT_OBJECT_0
    win32trace.write("!")  # sets the event again: blockingread returns at once
    assert win32trace.blockingread() == "woken!"


def test_the_tracer_is_the_processes_and_file_like(clean: None) -> None:
    tracer = win32trace.GetTracer()
    assert win32trace.GetTracer() is tracer
    assert sys.__win32traceObject__ is tracer  # type: ignore[attr-defined]
    assert type(tracer).__name__ == "PyTraceObject"
    assert not tracer.isatty()
    assert tracer.flush() is None
    assert win32trace.flush() is None
    assert tracer.softspace == 0
    win32trace.InitRead()
    win32trace.InitWrite()
    tracer.write("via the tracer")
    assert tracer.read() == "via the tracer"
    assert isinstance(win32trace.GetHandle(), int)


def test_setprint_sends_print_to_the_trace(clean: None) -> None:
    win32trace.InitRead()
    win32trace.InitWrite()
    saved = sys.stdout, sys.stderr
    try:
        win32trace.setprint()
        assert sys.stdout is sys.stderr is win32trace.GetTracer()
        print("printed", 1)
    finally:
        sys.stdout, sys.stderr = saved
    assert win32trace.read() == "printed 1\n"


def test_another_process_writes_to_this_ones_reader(clean: None) -> None:
    win32trace.InitRead()
    process, thread, _, _ = win32process.CreateProcess(
        None,
        f'"{sys.executable}" -c "import win32trace; win32trace.InitWrite(); '
        "win32trace.write('from the child'); win32trace.TermWrite()\"",
        None, None, False, 0, None, None, win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
        assert win32process.GetExitCodeProcess(process) == 0
    finally:
        thread.Close()
        process.Close()
    assert win32trace.read() == "from the child"
