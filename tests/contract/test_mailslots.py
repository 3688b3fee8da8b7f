r"""Contract: mailslots (win32file.CreateMailslot, GetMailslotInfo, SetMailslotInfo).

MS: CreateMailslot, "Mailslots", GetMailslotInfo, ReadFile. The server of
``\\.\mailslot\NAME`` reads, clients (CreateFile, GENERIC_WRITE, FILE_SHARE_READ) write;
each write is one message, read whole and in order; with none there a read waits for the
read timeout and fails with ERROR_SEM_TIMEOUT (121). A name in use is ERROR_ALREADY_EXISTS,
one outside ``\\.\mailslot\`` ERROR_INVALID_NAME, a client of no server ERROR_FILE_NOT_FOUND.
"""

import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import pywintypes
import win32event
import win32file
import win32process

from ._wine import wine_differs

EXIT_MS = 30_000  # safety net only
OPEN_EXISTING, FILE_SHARE_READ = 3, 1
GENERIC_WRITE = 0x40000000


def assert_error(code: int, name: str, fn: Any, *args: Any) -> None:
    with pytest.raises(pywintypes.error) as info:
        fn(*args)
    assert (info.value.winerror, info.value.funcname) == (code, name)


@pytest.fixture
def name() -> str:
    return f"\\\\.\\mailslot\\apartment\\{uuid.uuid4().hex}"


@pytest.fixture
def server(name: str) -> Iterator[Any]:
    slot = win32file.CreateMailslot(name, 0, 0, None)
    yield slot
    slot.Close()


def client(name: str, access: int = GENERIC_WRITE, share: int = FILE_SHARE_READ) -> Any:
    return win32file.CreateFile(name, access, share, None, OPEN_EXISTING, 0, None)


def test_messages_come_whole_and_in_order(name: str, server: Any) -> None:
    assert win32file.GetMailslotInfo(server) == [0, -1, 0, 0]
    writer = client(name)
    try:
        assert win32file.WriteFile(writer, b"hello") == (0, 5)
        assert win32file.WriteFile(writer, b"second message") == (0, 14)
        max_size, following, _count, timeout = win32file.GetMailslotInfo(server)
        assert (max_size, following, timeout) == (0, 5, 0)
        assert win32file.ReadFile(server, 100) == (0, b"hello")
        assert win32file.ReadFile(server, 100) == (0, b"second message")
        assert win32file.GetMailslotInfo(server) == [0, -1, 0, 0]
    finally:
        writer.Close()


@wine_differs("Wine counts one message where several wait")
def test_the_count_of_waiting_messages(name: str, server: Any) -> None:
    writer = client(name)
    try:
        for message in (b"a", b"bb", b"ccc"):
            win32file.WriteFile(writer, message)
        assert win32file.GetMailslotInfo(server)[1:3] == [1, 3]
    finally:
        writer.Close()


@wine_differs("Wine cuts the message to the buffer")
def test_a_buffer_too_small_leaves_the_message(name: str, server: Any) -> None:
    writer = client(name)
    try:
        win32file.WriteFile(writer, b"hello")
        assert_error(122, "ReadFile", win32file.ReadFile, server, 2)
        assert win32file.ReadFile(server, 5) == (0, b"hello")
    finally:
        writer.Close()


def test_reads_time_out(server: Any) -> None:
    assert_error(121, "ReadFile", win32file.ReadFile, server, 100)
    win32file.SetMailslotInfo(server, 50)
    assert win32file.GetMailslotInfo(server)[3] == 50
    assert_error(121, "ReadFile", win32file.ReadFile, server, 100)
    win32file.SetMailslotInfo(server, -1)
    assert win32file.GetMailslotInfo(server)[3] == -1


def test_names_and_sharing(name: str, server: Any) -> None:
    assert_error(183, "CreateMailslot", win32file.CreateMailslot, name, 0, 0, None)
    assert_error(123, "CreateMailslot", win32file.CreateMailslot, "\\\\.\\pipe\\x", 0, 0, None)
    assert_error(123, "CreateMailslot", win32file.CreateMailslot, "plain", 0, 0, None)
    with pytest.raises(TypeError):
        win32file.CreateMailslot(5, 0, 0, None)
    assert_error(2, "CreateFile", client, name + "-none")
    assert_error(32, "CreateFile", client, name, GENERIC_WRITE, 0)


def test_each_end_does_one_thing(name: str, server: Any) -> None:
    writer = client(name)
    try:
        assert_error(5, "ReadFile", win32file.ReadFile, writer, 10)
        assert_error(5, "WriteFile", win32file.WriteFile, server, b"x")
        assert_error(6, "GetMailslotInfo", win32file.GetMailslotInfo, writer)
    finally:
        writer.Close()
    event = win32event.CreateEvent(None, False, False, None)
    try:
        assert_error(6, "GetMailslotInfo", win32file.GetMailslotInfo, event)
    finally:
        event.Close()


def test_a_name_is_free_again_once_its_server_closes(name: str) -> None:
    first = win32file.CreateMailslot(name, 0, 0, None)
    first.Close()
    again = win32file.CreateMailslot(name, 4, 0, None)
    try:
        assert win32file.GetMailslotInfo(again)[0] == 4
    finally:
        again.Close()


def test_another_process_writes(name: str, server: Any) -> None:
    code = (
        "import win32file; "
        f"h = win32file.CreateFile(r'{name}', 0x40000000, 1, None, 3, 0, None); "
        "win32file.WriteFile(h, b'from the child'); h.Close()"
    )
    process, thread, _, _ = win32process.CreateProcess(
        None, f'"{sys.executable}" -c "{code}"', None, None, False, 0, None, None,
        win32process.STARTUPINFO(),
    )  # fmt: skip
    try:
        assert win32event.WaitForSingleObject(process, EXIT_MS) == 0
        assert win32process.GetExitCodeProcess(process) == 0
    finally:
        thread.Close()
        process.Close()
    win32file.SetMailslotInfo(server, 5000)
    assert win32file.ReadFile(server, 100) == (0, b"from the child")
