"""Files in the kernel: Overlapped as a waitable, share modes and locks across processes.

What the contract tests cannot ask pywin32 (other processes holding a file, processes that
die holding it, the records in the runtime directory) is pinned here, with Windows' codes.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_FILE_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_HANDLE_EOF,
    ERROR_INVALID_FUNCTION,
    ERROR_NOT_LOCKED,
    AccessDeniedError,
    EndOfFileError,
    IoIncompleteError,
    LockViolationError,
    SharingViolationError,
    Win32Error,
)
from apartment.kernel import (
    CREATE_NEW,
    FILE_FLAG_DELETE_ON_CLOSE,
    FILE_FLAG_OVERLAPPED,
    FILE_SHARE_DELETE,
    FILE_SHARE_READ,
    FILE_SHARE_WRITE,
    GENERIC_READ,
    GENERIC_WRITE,
    OPEN_EXISTING,
    Event,
    Overlapped,
    handles,
    open_file,
    start_thread,
    wait_any,
)
from apartment.testing import wait_until_blocked

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

RW = GENERIC_READ | GENERIC_WRITE
SHARE_RW = FILE_SHARE_READ | FILE_SHARE_WRITE


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A runtime directory of the test's own, so its share records can be counted."""
    where = tmp_path / "runtime"
    monkeypatch.setenv("APARTMENT_RUNTIME_DIR", str(where))
    return where


@pytest.fixture
def path(tmp_path: Path) -> str:
    target = tmp_path / "data.bin"
    target.write_bytes(b"0123456789")
    return str(target)


# --- Overlapped ------------------------------------------------------------------------------


def test_an_overlapped_is_signaled_while_nothing_is_pending() -> None:
    overlapped = Overlapped()
    assert not overlapped.pending
    assert overlapped.wait(0)
    assert overlapped.result() == 0


def test_an_overlapped_checks_its_arguments() -> None:
    with pytest.raises(ValueError, match="offset"):
        Overlapped(-1)
    with pytest.raises(TypeError, match="Event"):
        Overlapped(0, object())  # type: ignore[arg-type]


def test_a_wait_mixes_an_overlapped_with_kernel_objects() -> None:
    first, second = kernel.create_pipe()
    stop = Event(manual_reset=True)
    overlapped = Overlapped(event=Event(manual_reset=True))
    with first, second:

        def read() -> int:
            buffer = bytearray(8)
            first.read_into(buffer, overlapped)
            return overlapped.result(wait=True)

        thread = start_thread(read)
        wait_until_blocked(thread)
        assert wait_any([stop, overlapped], 0) is None
        with pytest.raises(IoIncompleteError):
            overlapped.result()
        second.write(b"ping")
        result = wait_any([stop, overlapped], 10)
        assert result is not None
        assert result.index == 1
        assert overlapped.event is not None
        assert overlapped.event.is_set()
        assert thread.wait(10)
        assert thread.exit_code == 4


def test_an_overlapped_read_at_the_end_reports_handle_eof(path: str) -> None:
    with open_file(path, GENERIC_READ) as file:
        overlapped = Overlapped(100)
        with pytest.raises(EndOfFileError) as caught:
            file.read_into(bytearray(4), overlapped)
        assert caught.value.winerror == ERROR_HANDLE_EOF
        assert overlapped.status == ERROR_HANDLE_EOF


def test_an_overlapped_handle_completes_before_it_says_pending(path: str) -> None:
    with open_file(path, RW, SHARE_RW, OPEN_EXISTING, FILE_FLAG_OVERLAPPED) as file:
        overlapped = Overlapped(4)
        buffer = bytearray(3)
        assert file.read_into(buffer, overlapped) == kernel.IoResult(997, 0)
        assert not overlapped.pending  # a disk answers at once
        assert overlapped.result() == 3
        assert buffer == b"456"


# --- the Pythonic face -----------------------------------------------------------------------


def test_a_file_reads_writes_seeks_and_truncates(tmp_path: Path) -> None:
    name = str(tmp_path / "new.bin")
    with open_file(name, RW, 0, CREATE_NEW) as file:
        assert file.write(b"hello world").transferred == 11
        assert file.seek(0) == 0
        assert file.read(5) == b"hello"
        assert file.seek(-5, kernel.FILE_END) == 6
        file.truncate()
        assert file.size() == 6
        file.flush()
    with pytest.raises(Win32Error) as caught:
        open_file(name, RW, 0, CREATE_NEW)
    assert caught.value.winerror == ERROR_FILE_EXISTS


def test_a_file_checks_the_access_it_was_opened_with(path: str) -> None:
    with open_file(path, GENERIC_READ, SHARE_RW) as reader:
        with pytest.raises(AccessDeniedError):
            reader.write(b"x")
        with pytest.raises(AccessDeniedError):
            reader.truncate()
    with open_file(path, 0, SHARE_RW) as bare:
        assert bare.size() == 10
        with pytest.raises(AccessDeniedError):
            bare.lock(0, 1)


def test_a_pipe_has_no_pointer_size_or_locks() -> None:
    read_end, write_end = kernel.create_pipe()
    with read_end, write_end:
        for call in (lambda: read_end.seek(0), read_end.size, read_end.truncate):
            with pytest.raises(Win32Error) as caught:
                call()
            assert caught.value.winerror == ERROR_INVALID_FUNCTION
        with pytest.raises(Win32Error):
            read_end.lock(0, 1)


def test_delete_on_close_removes_the_file_with_its_handle(tmp_path: Path) -> None:
    name = str(tmp_path / "scratch.bin")
    file = open_file(name, RW, FILE_SHARE_READ, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE)
    value = handles.insert(file, file.access)
    other = handles.duplicate(value)
    handles.close(value)
    assert os.path.exists(name)  # another handle still has it
    handles.close(other)
    assert file.closed
    assert not os.path.exists(name)


def test_delete_on_close_is_pending_between_the_flagged_and_the_last_close(
    tmp_path: Path,
) -> None:
    """Windows (MS-FSA): the flagged handle's close makes the delete pending; a new open
    fails with ERROR_ACCESS_DENIED (STATUS_DELETE_PENDING) until the last handle closes."""
    name = str(tmp_path / "pending.bin")
    share_all = SHARE_RW | FILE_SHARE_DELETE
    flagged = open_file(name, RW, share_all, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE)
    other = open_file(name, GENERIC_READ, share_all, OPEN_EXISTING)
    before = open_file(name, GENERIC_READ, share_all, OPEN_EXISTING)  # not pending yet
    before.close()
    flagged.close()
    with pytest.raises(AccessDeniedError):
        open_file(name, GENERIC_READ, share_all, OPEN_EXISTING)
    assert os.path.exists(name)
    other.close()
    assert not os.path.exists(name)


def test_a_refused_open_leaves_the_descriptor_number_to_whoever_takes_it_next(
    tmp_path: Path,
) -> None:
    """An open refused by its share check closes its descriptor once: the file object it had
    made must not close that number again when collected (another file has it by then)."""
    name = str(tmp_path / "kept.bin")
    first = open_file(name, RW, 0, CREATE_NEW)
    try:
        refused: BaseException | None = None
        try:
            open_file(name, RW, 0, OPEN_EXISTING)
        except SharingViolationError as error:
            refused = error  # its traceback keeps the refused open's file object alive
        assert refused is not None, "the second open was not refused"
        taken = os.open(name, os.O_RDONLY)  # the lowest free number: the refused open's
        try:
            del refused
            gc.collect()  # the refused open's file object goes now
            os.fstat(taken)  # EBADF when its finalizer closed the number again
        finally:
            os.close(taken)
    finally:
        first.close()


def test_a_relative_name_is_deleted_where_it_was_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last close may come from elsewhere (another working directory, another process)."""
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    share_all = SHARE_RW | FILE_SHARE_DELETE
    flagged = open_file("scratch.bin", RW, share_all, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE)
    other = open_file("scratch.bin", GENERIC_READ, share_all, OPEN_EXISTING)
    (tmp_path / "there" / "scratch.bin").write_bytes(b"not this one")
    monkeypatch.chdir(tmp_path / "there")
    flagged.close()
    other.close()
    assert not (tmp_path / "here" / "scratch.bin").exists()
    assert (tmp_path / "there" / "scratch.bin").read_bytes() == b"not this one"


def test_a_process_that_dies_holding_the_flagged_handle_deletes_the_file(
    tmp_path: Path, runtime: Path
) -> None:
    """Its death closes its handles, so the file goes: the next open finds no file."""
    name = str(tmp_path / "orphan.bin")
    script = textwrap.dedent(f"""
        import sys
        from apartment.kernel import open_file, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE
        kept = open_file({name!r}, 0xC0000000, 0, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE)
        print("open", flush=True)
        sys.stdin.read()
    """)
    environ = {**os.environ, "APARTMENT_RUNTIME_DIR": str(runtime)}
    with subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True, env=environ,
    ) as child:  # fmt: skip
        try:
            assert child.stdout is not None and child.stdout.readline() == "open\n"
        finally:
            child.kill()
    with pytest.raises(Win32Error) as gone:
        open_file(name, GENERIC_READ, SHARE_RW | FILE_SHARE_DELETE, OPEN_EXISTING)
    assert gone.value.winerror == ERROR_FILE_NOT_FOUND
    assert not os.path.exists(name)


def test_the_last_handle_closes_the_file_and_its_share_record(path: str, runtime: Path) -> None:
    file = open_file(path, RW, 0)
    value = handles.insert(file, file.access)
    assert os.listdir(runtime / "files")
    handles.close(value)
    assert file.closed
    assert os.listdir(runtime / "files") == []
    open_file(path, RW, 0).close()  # its share mode went with it


def test_unlock_of_a_range_not_locked_is_not_locked(path: str) -> None:
    with open_file(path, RW, SHARE_RW) as file:
        file.lock(0, 4)
        with pytest.raises(Win32Error) as caught:
            file.unlock(0, 2)
        assert caught.value.winerror == ERROR_NOT_LOCKED
        file.unlock(0, 4)


def test_a_waiting_lock_is_cancelled_when_its_handle_closes(path: str) -> None:
    holder = open_file(path, RW, SHARE_RW)
    waiter = open_file(path, RW, SHARE_RW, OPEN_EXISTING, FILE_FLAG_OVERLAPPED)
    holder.lock(0, 1)
    overlapped = Overlapped()
    assert waiter.lock(0, 1, overlapped=overlapped).status == 997
    waiter.close()
    assert overlapped.wait(10)
    assert overlapped.status == 995  # ERROR_OPERATION_ABORTED
    holder.close()


# --- other processes -------------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys
    from apartment import kernel
    path, mode = sys.argv[1], sys.argv[2]
    share = 0 if mode == "share0" else 3
    file = kernel.open_file(path, kernel.GENERIC_READ | kernel.GENERIC_WRITE, share)
    if mode == "lock":
        file.lock(0, 4)
    print("ready", flush=True)
    if sys.stdin.readline() == "unlock\\n":
        file.unlock(0, 4)
        print("unlocked", flush=True)
        sys.stdin.readline()
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[object]:
    """Start a process that opens a file its way and waits on its stdin."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER)
    children: list[subprocess.Popen[str]] = []

    def start(path: str, mode: str) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, str(script), path, mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(child)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.communicate()


def test_a_share_mode_holds_across_processes_until_the_holder_dies(
    path: str, holder: object
) -> None:
    child = holder(path, "share0")  # type: ignore[operator]
    with pytest.raises(SharingViolationError):
        open_file(path, GENERIC_READ, SHARE_RW)
    child.kill()  # SIGKILL: the kernel drops its locks, so its share record goes too
    child.wait()
    open_file(path, GENERIC_READ, SHARE_RW).close()


def test_a_lock_of_another_process_denies_the_range_until_it_unlocks(
    path: str, holder: object
) -> None:
    child = holder(path, "lock")  # type: ignore[operator]
    with open_file(path, RW, SHARE_RW) as file:
        with pytest.raises(LockViolationError):
            file.lock(2, 4, fail_immediately=True)
        with pytest.raises(LockViolationError):
            file.read(4)
        assert file.seek(4) == 4
        assert file.read(2) == b"45"  # outside the range
        thread = start_thread(lambda: file.lock(0, 4) and 0)
        wait_until_blocked(thread)
        child.stdin.write("unlock\n")
        child.stdin.flush()
        assert child.stdout.readline() == "unlocked\n"
        assert thread.wait(10)  # granted by polling: the other process tells nobody
        file.unlock(0, 4)
    child.stdin.write("\n")
    child.stdin.flush()
