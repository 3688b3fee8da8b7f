"""Standard handles, descriptors as handles, anonymous pipes' plain bytes, children's streams."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import pytest

from apartment.errors import (
    ERROR_NO_DATA,
    InvalidHandleError,
    NotSupportedError,
    PipeEndedError,
    Win32Error,
)
from apartment.kernel import (
    DiskFile,
    Event,
    File,
    HostStream,
    StartupInfo,
    create_named_pipe,
    create_pipe,
    create_pipe_descriptors,
    descriptor_of_handle,
    handle_of_descriptor,
    handles,
    open_file,
    set_std_handle,
    start_process,
    startup_info,
    std_handle,
)
from apartment.kernel.lowlevel import sweep_descriptors

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

WAIT = 30


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    """An anonymous pipe's ends as two inheritable handles, closed at the end if still open."""
    read_end, write_end = create_pipe()
    values = (
        handles.insert(read_end, read_end.access, inherit=True),
        handles.insert(write_end, write_end.access, inherit=True),
    )
    yield values
    for value in values:
        if value in handles.snapshot():
            handles.close(value)


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def _read_all(value: int) -> bytes:
    end = handles.get(value)
    assert isinstance(end, File)
    data = b""
    while True:
        try:
            data += end.read(4096)
        except PipeEndedError:
            return data


# -- standard handles ------------------------------------------------------------------------


def test_the_standard_handles_are_handles_to_descriptors_0_to_2_and_stay() -> None:
    for stream in (0, 1, 2):
        value = std_handle(stream)
        assert value == std_handle(stream) == handle_of_descriptor(stream)
        obj = handles.get(value)
        assert isinstance(obj, File)
        assert obj.descriptor() == stream


def test_set_std_handle_changes_the_answer_not_the_descriptor() -> None:
    before = std_handle(1)
    try:
        set_std_handle(1, 0x1234)  # not checked, as on Windows
        assert std_handle(1) == 0x1234
        assert handle_of_descriptor(1) == before
    finally:
        set_std_handle(1, before)
    with pytest.raises(InvalidHandleError):
        std_handle(3)
    with pytest.raises(InvalidHandleError):
        set_std_handle(-1, before)


# -- descriptors as handles ------------------------------------------------------------------


def test_a_descriptor_gets_one_handle_that_goes_when_the_descriptor_closes(tmp_path: Path) -> None:
    with open(tmp_path / "f.bin", "w+b") as file:
        value = handle_of_descriptor(file.fileno())
        assert handle_of_descriptor(file.fileno()) == value
        obj = handles.get(value)
        assert isinstance(obj, DiskFile)
        obj.write(b"abc")
        file.seek(0)
        assert file.read() == b"abc"
    sweep_descriptors()
    with pytest.raises(InvalidHandleError):
        handles.get(value)


def test_closing_the_handle_of_a_descriptor_leaves_the_descriptor_open(tmp_path: Path) -> None:
    with open(tmp_path / "f.bin", "w+b") as file:
        value = handle_of_descriptor(file.fileno())
        handles.close(value)
        file.write(b"still open")
        file.flush()
        assert handle_of_descriptor(file.fileno()) != value  # a new handle for it
        handles.close(handle_of_descriptor(file.fileno()))


def test_a_bad_descriptor_is_ebadf() -> None:
    with pytest.raises(OSError, match="Bad file descriptor"):
        handle_of_descriptor(987654)


def test_a_host_pipe_and_a_device_are_streams() -> None:
    read_fd, write_fd = os.pipe()
    try:
        reader, writer = handle_of_descriptor(read_fd), handle_of_descriptor(write_fd)
        read_obj, write_obj = handles.get(reader), handles.get(writer)
        assert isinstance(read_obj, HostStream)
        assert isinstance(write_obj, HostStream)
        assert read_obj.kind == "pipe"
        write_obj.write(b"through")
        assert read_obj.read(100) == b"through"
        os.close(write_fd)
        with pytest.raises(PipeEndedError):
            read_obj.read(100)
    finally:
        os.close(read_fd)
    sweep_descriptors()
    read_fd, write_fd = os.pipe()
    os.close(read_fd)
    try:
        with pytest.raises(Win32Error) as info:
            handles.get(handle_of_descriptor(write_fd)).write(b"x")  # type: ignore[attr-defined]
        assert info.value.winerror == ERROR_NO_DATA
    finally:
        os.close(write_fd)
        sweep_descriptors()
    null = os.open(os.devnull, os.O_RDWR)
    try:
        assert handles.get(handle_of_descriptor(null)).kind == "char"  # type: ignore[attr-defined]
    finally:
        os.close(null)
        sweep_descriptors()


def test_a_pipe_ends_descriptor_is_handed_over_and_the_handle_still_works(
    pipe: tuple[int, int],
) -> None:
    reader, writer = pipe
    fd = descriptor_of_handle(writer)
    assert handle_of_descriptor(fd) == writer
    os.write(fd, b"by the descriptor, ")
    handles.get(writer).write(b"by the handle")  # type: ignore[attr-defined]
    handles.close(writer)  # the descriptor owns the end: it stays open
    os.write(fd, b"!")
    os.close(fd)
    assert _read_all(reader) == b"by the descriptor, by the handle!"


def test_a_handed_over_handle_goes_when_its_descriptor_is_closed(pipe: tuple[int, int]) -> None:
    _, writer = pipe
    fd = descriptor_of_handle(writer)
    os.close(fd)
    sweep_descriptors()
    with pytest.raises(InvalidHandleError):
        handles.get(writer)


def test_only_files_with_a_plain_descriptor_can_hand_it_over() -> None:
    event = handles.insert(Event())
    try:
        with pytest.raises(InvalidHandleError):
            descriptor_of_handle(event)
    finally:
        handles.close(event)
    server = create_named_pipe(r"\\.\pipe\apartment-stdio-test", 3, 0, 1, 0, 0, 0)
    client = open_file(r"\\.\pipe\apartment-stdio-test", 0xC0000000, 0, 3, 0)
    value = handles.insert(client)
    try:
        with pytest.raises(NotSupportedError):  # its connection carries frames
            descriptor_of_handle(value)
    finally:
        handles.close(value)
        server.close()


def test_pipe_descriptors_carry_plain_bytes_and_say_if_inheritable() -> None:
    read_fd, write_fd = create_pipe_descriptors(0, inheritable=True)
    try:
        assert os.get_inheritable(read_fd)
        assert os.get_inheritable(write_fd)
        os.write(write_fd, b"plain")
        assert os.read(read_fd, 10) == b"plain"
        assert handles.is_inheritable(handle_of_descriptor(read_fd))
    finally:
        os.close(read_fd)
        os.close(write_fd)
    sweep_descriptors()
    read_fd, write_fd = create_pipe_descriptors()
    assert not os.get_inheritable(read_fd)
    os.close(read_fd)
    os.close(write_fd)
    sweep_descriptors()


# -- children's standard streams -----------------------------------------------------------


def test_a_child_reads_and_writes_an_anonymous_pipe_as_its_standard_streams(
    pipe: tuple[int, int],
) -> None:
    reader, writer = pipe
    in_read, in_write = create_pipe()
    stdin = handles.insert(in_read, in_read.access, inherit=True)
    code = "import sys; sys.stdout.write(sys.stdin.read().upper()); sys.stderr.write('!')"
    child = start_process(_python(code), inherit_handles=True, std=(stdin, writer, writer))
    handles.close(stdin)
    handles.close(writer)
    in_write.write(b"shout")
    in_write.close()  # the child sees the end of its input
    assert child.wait(WAIT)
    assert child.exit_code == 0
    assert _read_all(reader) == b"SHOUT!"


def test_a_handle_the_child_does_not_inherit_gives_it_nothing(pipe: tuple[int, int]) -> None:
    reader, writer = pipe
    for inherit_handles, inheritable in ((False, True), (True, False)):
        handles.set_inheritable(writer, inheritable)
        code = "print('lost')"
        child = start_process(_python(code), inherit_handles=inherit_handles, std=(0, writer, 0))
        assert child.wait(WAIT)
        assert child.exit_code == 0  # it wrote to /dev/null
    handles.close(writer)
    assert _read_all(reader) == b""


def test_a_python_child_gets_its_start_up_information_and_standard_handle_values(
    pipe: tuple[int, int],
) -> None:
    reader, writer = pipe
    code = (
        "from apartment.kernel import startup_info, std_handle; "
        "print(startup_info(), std_handle(0), std_handle(1), std_handle(2))"
    )
    given = StartupInfo(flags=0x105, show_window=3, x=10, y=20, title="mine")
    child = start_process(
        _python(code), inherit_handles=True, std=(0, writer, writer), startup=given
    )
    handles.close(writer)
    assert child.wait(WAIT)
    output = _read_all(reader).decode()
    assert output == f"{given!r} 0 {writer} {writer}\n"


def test_this_process_reports_a_console_programs_start_up_information() -> None:
    info = startup_info()
    assert (info.flags, info.show_window, info.title, info.desktop) == (
        0,
        1,
        sys.executable,
        None,
    )
