"""Contract: pywin32's mmapfile, on the facade and on the real pywin32 (``make oracle``).

A named mapping of the paging file is one memory for every process of the session that
opens the name, until the last one closes it; its name shares the namespace of events
(ERROR_INVALID_HANDLE across kinds). The object reads and writes at a position with
pywin32's own checks (ValueError) and C-size_t arithmetic. The other process is a Python
child started with CreateProcess, which reports through its exit code.
"""

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import mmapfile
import pytest
import pywintypes
import win32api
import win32con
import win32event
import win32file
import win32process
import winerror

from ._wine import wine_differs

PAGE = 4096
EXIT_MS = 30_000  # safety net only: a child Python may take a while to start
_count = [0]


def _name(what: str) -> str:
    _count[0] += 1
    return f"apartment-contract-mmap-{what}-{os.getpid()}-{_count[0]}"


def _code(exc: pywintypes.error) -> tuple[int, str]:
    return exc.winerror, exc.funcname


@pytest.fixture
def folder() -> Iterator[str]:
    path = tempfile.mkdtemp(prefix="apartment-contract-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def m() -> Iterator[Any]:
    """A named mapping of the paging file, 100 bytes asked (a page mapped)."""
    made = mmapfile.mmapfile(None, _name("m"), 100)
    yield made
    made.close()


def _child_exit_code(code: str) -> int:
    """Run ``code`` (no double quotes) in a Python child started by CreateProcess."""
    process, thread, _, _ = win32process.CreateProcess(
        None, f'"{sys.executable}" -c "{code}"', None, None, False, 0, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == win32event.WAIT_OBJECT_0
        result: int = win32process.GetExitCodeProcess(process)
        return result
    finally:
        thread.Close()
        process.Close()


# -- the memory, shared ------------------------------------------------------------------------


def test_another_process_sees_the_writes_and_writes_back() -> None:
    name = _name("shared")
    m = mmapfile.mmapfile(None, name, 100)
    try:
        m.write(b"parent")
        code = _child_exit_code(
            "import sys, mmapfile; "
            f"m = mmapfile.mmapfile(None, '{name}', 1); "
            "ok = m.read(6) == b'parent'; m.seek(0); m.write(b'child!'); m.close(); "
            "sys.exit(0 if ok else 3)"
        )
        assert code == 0
        m.seek(0)
        assert m.read(6) == b"child!"
    finally:
        m.close()


def test_the_memory_goes_with_the_last_close() -> None:
    name = _name("last")
    first = mmapfile.mmapfile(None, name, 100)
    first.write(b"kept")
    second = mmapfile.mmapfile(None, name, 1)
    assert win32api.GetLastError() == winerror.ERROR_ALREADY_EXISTS
    first.close()
    assert second.read(4) == b"kept"  # the name and memory live while one is open
    second.close()
    third = mmapfile.mmapfile(None, name, 100)
    try:
        assert win32api.GetLastError() == 0
        assert third.read(4) == bytes(4)
    finally:
        third.close()


def test_the_existing_mapping_keeps_its_size() -> None:
    name = _name("size")
    first = mmapfile.mmapfile(None, name, 100)
    second = mmapfile.mmapfile(None, name, 100_000)
    try:
        assert first.size() == second.size() == PAGE
    finally:
        second.close()
        first.close()


def test_local_prefix_is_the_same_name_and_global_another() -> None:
    name = _name("prefix")
    m = mmapfile.mmapfile(None, name, 100)
    try:
        m.write(b"hello")
        local = mmapfile.mmapfile(None, "Local\\" + name, 100)
        assert local.read(5) == b"hello"
        local.close()
        glob = mmapfile.mmapfile(None, "Global\\" + name, 100)
        assert glob.read(5) == bytes(5)
        glob.close()
    finally:
        m.close()


def test_an_empty_name_is_no_name() -> None:
    a = mmapfile.mmapfile(None, "", 100)
    b = mmapfile.mmapfile(None, "", 100)
    try:
        a.write(b"a")
        assert b.read(1) == b"\0"
    finally:
        a.close()
        b.close()


def test_names_are_shared_with_events_across_kinds() -> None:
    name = _name("kind")
    event = win32event.CreateEvent(None, True, False, name)
    try:
        with pytest.raises(pywintypes.error) as caught:
            mmapfile.mmapfile(None, name, 100)
        assert _code(caught.value) == (winerror.ERROR_INVALID_HANDLE, "CreateFileMapping")
    finally:
        event.Close()
    other = _name("kind2")
    m = mmapfile.mmapfile(None, other, 100)
    try:
        with pytest.raises(pywintypes.error) as caught:
            win32event.CreateEvent(None, True, False, other)
        assert caught.value.winerror == winerror.ERROR_INVALID_HANDLE
    finally:
        m.close()


# -- the errors of CreateFileMapping and MapViewOfFile ----------------------------------------


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((None, None, 0), (winerror.ERROR_INVALID_PARAMETER, "CreateFileMapping")),
        ((None, "a\\b", 100), (winerror.ERROR_PATH_NOT_FOUND, "CreateFileMapping")),
        ((None, None, 100, PAGE), (winerror.ERROR_MAPPED_ALIGNMENT, "MapViewOfFile")),
        ((None, None, 100, 0, PAGE + 1), (winerror.ERROR_ACCESS_DENIED, "MapViewOfFile")),
        ((None, None, 70_000, 65_536, PAGE * 3), (winerror.ERROR_ACCESS_DENIED, "MapViewOfFile")),
    ],
)
def test_bad_mappings_fail_with_windows_codes(args: tuple[Any, ...], code: tuple[int, str]) -> None:
    with pytest.raises(pywintypes.error) as caught:
        mmapfile.mmapfile(*args)
    assert _code(caught.value) == code


def test_size_zero_fails_even_for_an_existing_name(m: Any) -> None:
    name = _name("zero")
    kept = mmapfile.mmapfile(None, name, 100)
    try:
        with pytest.raises(pywintypes.error) as caught:
            mmapfile.mmapfile(None, name, 0)
        assert caught.value.winerror == winerror.ERROR_INVALID_PARAMETER
    finally:
        kept.close()


@wine_differs(
    "Wine's NtMapViewOfSection answers STATUS_INVALID_PARAMETER (87) for an offset at "
    "or past the section's end; Windows answers STATUS_INVALID_VIEW_SIZE (ERROR_ACCESS_DENIED)"
)
def test_a_view_past_the_end_is_access_denied() -> None:
    with pytest.raises(pywintypes.error) as caught:
        mmapfile.mmapfile(None, None, 100, 65_536)
    assert _code(caught.value) == (winerror.ERROR_ACCESS_DENIED, "MapViewOfFile")


def test_more_than_the_machine_has_is_not_enough_memory() -> None:
    with pytest.raises(pywintypes.error) as caught:
        mmapfile.mmapfile(None, None, 1 << 40)
    assert caught.value.winerror == winerror.ERROR_NOT_ENOUGH_MEMORY


@pytest.mark.parametrize(
    "args",
    [(None, b"name", 100), (None, 5, 100), (b"file", None, 100), (None, None, "100")],
)
def test_wrong_types_are_type_errors(args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError):
        mmapfile.mmapfile(*args)


def test_the_arguments_have_pywin32s_keywords() -> None:
    m = mmapfile.mmapfile(File=None, Name=None, MaximumSize=10, FileOffset=0, NumberOfBytesToMap=8)
    try:
        assert m.size() == 8
    finally:
        m.close()
    with pytest.raises(TypeError):
        mmapfile.mmapfile(None)


# -- the object: a position in the view --------------------------------------------------------


def test_reads_and_writes_move_the_position(m: Any) -> None:
    assert (m.size(), m.tell()) == (PAGE, 0)
    assert m.write(b"hello\nworld") is None
    assert m.tell() == 11
    m.seek(0)
    assert m.readline() == b"hello\n"
    assert m.read(5) == b"world"
    assert m.read_byte() == b"\0"
    m.seek(-1, 1)
    m.write_byte(b"!")
    m.write_byte(bytearray(b"?"))
    m.seek(5, 0)
    assert m.read(8) == b"\nworld!?"
    m.seek(1, 2)
    assert m.tell() == PAGE - 1
    assert m.read(100) == b"\0"  # cut at the end of the view
    assert m.tell() == PAGE


def test_negative_reads_follow_size_t_arithmetic(m: Any) -> None:
    assert len(m.read(-1)) == PAGE  # from 0: past the start wraps, the rest is read
    m.seek(5)
    with pytest.raises(SystemError):
        m.read(-1)
    assert m.tell() == 5


def test_find_searches_from_the_position_and_answers_from_start(m: Any) -> None:
    m.write(b"hello\nworld\0zz")
    assert m.find(b"world") == -1  # the position is past it
    m.seek(0)
    assert m.find(b"world") == 6
    assert m.find(b"world", 3) == 3  # searched from the position, counted from 3
    assert m.find(b"o", None) == 4
    assert m.find(b"\0zz") == 0  # the needle ends at its first NUL: empty, found at once
    assert m.find(b"zz") == 12
    assert m.find(b"missing") == -1
    assert m.tell() == 0
    with pytest.raises(TypeError):
        m.find("world")


def test_move_and_flush(m: Any) -> None:
    m.write(b"hello")
    assert m.move(100, 0, 5) is None
    m.seek(100)
    assert m.read(5) == b"hello"
    assert m.flush() == 1
    assert m.flush(0, 10) == 1
    with pytest.raises(ValueError, match="out of range"):
        m.flush(0, PAGE + 1)
    with pytest.raises(ValueError, match="source or destination out of range"):
        m.move(PAGE - 1, 0, 5)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.seek(PAGE), "seek out of range"),
        (lambda m: m.seek(-1), "seek out of range"),
        (lambda m: m.seek(0, 2), "seek out of range"),
        (lambda m: m.seek(0, 3), "unknown seek type"),
        (lambda m: m.write(b"x" * (PAGE + 1)), "data out of range"),
        (lambda m: (m.seek(PAGE - 1), m.read(1), m.read_byte()), "read byte out of range"),
        (lambda m: (m.seek(PAGE - 1), m.read(1), m.write_byte(b"x")), "write_byte past end"),
    ],
)
def test_out_of_range_is_a_value_error(m: Any, call: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(m)


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.write("text"),
        lambda m: m.write(bytearray(b"x")),
        lambda m: m.write_byte("a"),
        lambda m: m.write_byte(b"ab"),
        lambda m: m.write_byte(65),
        lambda m: m.seek("1"),
        lambda m: m.seek(1.0),
        lambda m: m.read("3"),
        lambda m: m.read(None),
    ],
)
def test_wrong_argument_types_are_type_errors(m: Any, call: Any) -> None:
    with pytest.raises(TypeError):
        call(m)


def test_a_closed_mapping_refuses_everything_but_close(m: Any) -> None:
    m.close()
    m.close()
    for call in (
        lambda: m.read(1), m.tell, m.size, lambda: m.seek(0), m.read_byte, m.readline,
        m.flush, lambda: m.find(b"a"), lambda: m.resize(100), lambda: m.write(b"a"),
        lambda: m.write_byte(b"a"), lambda: m.move(0, 0, 1),
    ):  # fmt: skip
        with pytest.raises(ValueError, match="mmapfile closed or invalid"):
            call()


def test_resize_maps_a_new_view() -> None:
    m = mmapfile.mmapfile(None, None, 100_000)
    try:
        m.write(b"abc")
        m.seek(150)
        m.resize(0, 0, 100)  # only the view: smaller, the position pulled in
        assert (m.size(), m.tell()) == (100, 99)
        with pytest.raises(pywintypes.error) as caught:
            m.resize(0, PAGE)
        assert _code(caught.value) == (winerror.ERROR_MAPPED_ALIGNMENT, "MapViewOfFile")
    finally:
        m.close()


# -- mapping files -----------------------------------------------------------------------------


def test_a_new_file_is_made_and_a_view_reaches_its_last_page(folder: str) -> None:
    path = os.path.join(folder, "new.bin")
    m = mmapfile.mmapfile(path, None, 100)
    try:
        assert os.path.getsize(path) == 100
        assert m.size() == PAGE
        m.write(b"abc")
        m.seek(200)
        m.write(b"zz")  # past the end of the file, within the page: not written to it
        assert m.flush() == 1
        with open(path, "rb") as file:
            assert file.read() == b"abc" + bytes(97)
        m.resize(8192)  # a new, larger mapping of the file: the file grows
        assert (m.size(), os.path.getsize(path)) == (8192, 8192)
        m.seek(0)
        assert m.read(3) == b"abc"
    finally:
        m.close()


def test_a_size_taken_from_the_file_is_rounded_to_a_page(folder: str) -> None:
    path = os.path.join(folder, "ten.bin")
    with open(path, "wb") as file:
        file.write(b"0123456789")
    m = mmapfile.mmapfile(path, None)
    try:
        assert m.size() == PAGE
        assert os.path.getsize(path) == PAGE  # the mapping grew the file
        assert m.read(12) == b"0123456789\0\0"
    finally:
        m.close()


def test_an_empty_file_needs_a_size(folder: str) -> None:
    path = os.path.join(folder, "empty.bin")
    with pytest.raises(ValueError, match="Specified file is empty, and no mapping size given"):
        mmapfile.mmapfile(path, None)
    assert os.path.getsize(path) == 0  # made (OPEN_ALWAYS) all the same


def test_a_file_opened_without_sharing_is_a_sharing_violation(folder: str) -> None:
    path = os.path.join(folder, "locked.bin")
    handle = win32file.CreateFile(
        path, win32con.GENERIC_READ, 0, None, win32con.CREATE_ALWAYS, 0, None
    )
    try:
        with pytest.raises(pywintypes.error) as caught:
            mmapfile.mmapfile(path, None, 100)
        assert _code(caught.value) == (winerror.ERROR_SHARING_VIOLATION, "CreateFile")
    finally:
        handle.Close()
    with pytest.raises(pywintypes.error) as caught:
        mmapfile.mmapfile(os.path.join(folder, "no", "such"), None, 100)
    assert _code(caught.value) == (winerror.ERROR_PATH_NOT_FOUND, "CreateFile")


def test_a_named_file_mapping_is_opened_by_name(folder: str) -> None:
    name = _name("file")
    path = os.path.join(folder, "named.bin")
    m1 = mmapfile.mmapfile(path, name, PAGE)
    try:
        m1.write(b"from-file")
        other = os.path.join(folder, "other.bin")
        m2 = mmapfile.mmapfile(other, name, 100)  # the existing mapping, not this file
        assert (m2.read(9), m2.size()) == (b"from-file", PAGE)
        assert os.path.getsize(other) == 0
        m2.close()
        code = _child_exit_code(
            "import sys, mmapfile; "
            f"m = mmapfile.mmapfile(None, '{name}', 1); "
            "ok = m.read(9) == b'from-file'; m.seek(0); m.write(b'from-kid!'); m.close(); "
            "sys.exit(0 if ok else 3)"
        )
        assert code == 0
        m1.seek(0)
        assert m1.read(9) == b"from-kid!"
    finally:
        m1.close()
    with open(path, "rb") as file:
        assert file.read(9) == b"from-kid!"
