"""The console model's rules: screen buffer cells, input records, having a console or not."""

from __future__ import annotations

import os
import pty
import threading

import pytest

from apartment import kernel
from apartment.errors import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    Win32Error,
)
from apartment.kernel import InputBuffer, InputRecord, ScreenBuffer


def test_text_wraps_at_the_end_of_a_line_and_scrolls_at_the_last() -> None:
    buffer = ScreenBuffer((4, 2), (4, 2), largest=(4, 2))
    assert buffer.write("abcdef") == 6
    assert buffer.read_characters(8, 0, 0) == "abcdef  "
    assert buffer.info().cursor == (2, 1)
    buffer.write("ghij")  # the last row is full: the buffer scrolls up
    assert buffer.read_characters(8, 0, 0) == "efghij  "
    assert buffer.info().cursor == (2, 1)
    buffer.write("kl\nm")  # a full line wraps at once: the line feed makes an empty one
    assert buffer.read_characters(8, 0, 0) == "    m   "


def test_without_wrap_the_last_column_is_overwritten() -> None:
    buffer = ScreenBuffer((4, 2), (4, 2))
    buffer.set_mode(1)  # ENABLE_PROCESSED_OUTPUT only
    buffer.write("abcdef")
    assert buffer.read_characters(4, 0, 0) == "abcf"
    assert buffer.info().cursor == (3, 0)


def test_tab_backspace_and_carriage_return_move_the_cursor() -> None:
    buffer = ScreenBuffer((20, 2), (20, 2))
    buffer.write("a\tb\bc\rZ")
    assert buffer.read_characters(10, 0, 0) == "Z       c "
    assert buffer.info().cursor == (1, 0)


def test_cells_outside_the_buffer_are_neither_read_nor_written() -> None:
    buffer = ScreenBuffer((4, 2), (4, 2))
    assert buffer.fill_characters("x", 100, 2, 1) == 2  # up to the end of the grid
    assert buffer.read_characters(5, 0, 9) == ""
    assert buffer.write_attributes([1, 2], -1, 0) == 0
    with pytest.raises(InvalidParameterError):
        buffer.set_cursor(4, 0)
    with pytest.raises(InvalidParameterError):
        buffer.set_mode(0x100)
    with pytest.raises(InvalidParameterError):
        buffer.set_cursor_shape(0, True)


def test_resizing_keeps_the_cells_and_the_window_must_fit() -> None:
    buffer = ScreenBuffer((4, 2), (4, 2), largest=(8, 8))
    buffer.write("abcd")
    with pytest.raises(InvalidParameterError):
        buffer.set_size(3, 2)  # smaller than the window
    buffer.set_size(6, 3)
    assert buffer.read_characters(6, 0, 0) == "abcd  "
    buffer.set_window(True, (0, 0, 5, 2))
    with pytest.raises(InvalidParameterError):
        buffer.set_window(False, (0, 1, 0, 1))  # past the bottom
    assert buffer.info().window == (0, 0, 5, 2)
    assert buffer.info().maximum_window == (6, 3)


def test_sgr_of_attributes() -> None:
    assert kernel.sgr_of_attribute(0x07) == "\x1b[0m"
    assert kernel.sgr_of_attribute(0x0C) == "\x1b[0;91;40m"  # bright red on black
    assert kernel.sgr_of_attribute(0x1E | 0x8000) == "\x1b[0;4;93;44m"  # underlined


def test_a_terminal_shows_text_in_its_colours_and_filled_cells() -> None:
    master, slave = pty.openpty()
    try:
        buffer = ScreenBuffer((10, 3), (10, 3), largest=(10, 3), terminal=slave)
        buffer.active = True
        buffer.set_attribute(0x0C)
        buffer.write("hi")
        assert os.read(master, 100) == b"\x1b[0;91;40mhi"
        buffer.fill_characters("-", 2, 0, 2)
        drawn = os.read(master, 100)
        assert drawn.startswith(b"\x1b7\x1b[3;1H") and drawn.endswith(b"--\x1b[0;91;40m\x1b8")
        buffer.active = False  # another buffer is shown: this one draws nothing
        buffer.write("x")
        buffer.write_characters("y", 0, 0)
        os.write(slave, b"!")
        assert os.read(master, 100) == b"!"
    finally:
        os.close(master)
        os.close(slave)


def test_input_records_are_copies_read_in_order() -> None:
    queue = InputBuffer()
    record = InputRecord(kernel.KEY_EVENT, key_down=True, char="a")
    assert queue.write([record, InputRecord(kernel.FOCUS_EVENT, set_focus=True)]) == 2
    record.char = "b"
    assert [r.char for r in queue.peek(5)] == ["a", "\0"]
    assert queue.read(1)[0].char == "a"
    assert queue.count() == 1
    queue.flush()
    assert queue.read(3, timeout=0) == []
    with pytest.raises(ValueError, match="no input event type"):
        InputRecord(3)


def test_a_read_waits_for_the_first_record() -> None:
    queue = InputBuffer()
    got: list[list[InputRecord]] = []
    reader = threading.Thread(target=lambda: got.append(queue.read(5)))
    reader.start()
    queue.write([InputRecord(kernel.KEY_EVENT, char="k")])
    reader.join(10)
    assert [r.char for r in got[0]] == ["k"]
    assert queue.wait_empty(timeout=1)


@pytest.fixture
def fresh_console() -> object:
    kernel.free_console()
    kernel.alloc_console()
    yield kernel.current_console()
    kernel.free_console()


def test_a_console_is_one_per_process(fresh_console: kernel.Console) -> None:
    with pytest.raises(AccessDeniedError):
        kernel.alloc_console()
    with pytest.raises(Win32Error) as caught:
        kernel.attach_console(kernel.ATTACH_PARENT_PROCESS)
    assert caught.value.winerror == ERROR_ACCESS_DENIED
    assert kernel.console_processes() == [os.getpid()]
    screen = kernel.console_screen(kernel.std_handle(kernel.STD_OUTPUT))
    assert screen is fresh_console.screen


def test_freeing_gives_back_the_standard_handles() -> None:
    kernel.free_console()
    before = kernel.std_handle(kernel.STD_OUTPUT)
    kernel.alloc_console()
    inside = kernel.std_handle(kernel.STD_OUTPUT)
    assert inside != before
    kernel.free_console()
    assert kernel.std_handle(kernel.STD_OUTPUT) == before
    with pytest.raises(InvalidHandleError):
        kernel.console_screen(inside)  # closed with the console


def test_without_a_console() -> None:
    kernel.free_console()
    assert kernel.console_code_page() == 0
    with pytest.raises(InvalidHandleError):
        kernel.console_title()
    with pytest.raises(InvalidHandleError):
        kernel.send_console_ctrl_event(kernel.CTRL_BREAK_EVENT, 0)
    with pytest.raises(InvalidParameterError):
        kernel.attach_console(2**31 - 2)  # no such process
    with pytest.raises(Win32Error) as caught:
        kernel.attach_console(os.getpid())
    assert caught.value.winerror == ERROR_INVALID_HANDLE


def test_code_pages_python_has_no_codec_for_are_refused(fresh_console: kernel.Console) -> None:
    kernel.set_console_code_page(437)
    kernel.set_console_code_page(1252, output=True)
    assert (kernel.console_code_page(), kernel.console_code_page(output=True)) == (437, 1252)
    with pytest.raises(InvalidParameterError):
        kernel.set_console_code_page(12345)


def test_read_console_waits_for_a_line_and_keeps_the_rest(fresh_console: kernel.Console) -> None:
    typed = [InputRecord(kernel.KEY_EVENT, key_down=True, char=c) for c in "abx\b\r"]
    typed.insert(1, InputRecord(kernel.MOUSE_EVENT))  # dropped
    typed.insert(2, InputRecord(kernel.KEY_EVENT, key_down=False, char="a"))  # a key up
    queue = fresh_console.input
    queue.write(typed)
    assert kernel.read_console(queue, 3) == "ab\r"
    assert kernel.read_console(queue, 3) == "\n"
    echoed = fresh_console.screen.read_characters(2, 0, 0)
    assert echoed == "ab"  # echoed on the shown buffer (x, then backspace, came back off)
    queue.set_mode(0)  # no line input: one character is enough
    queue.write([InputRecord(kernel.KEY_EVENT, key_down=True, char="z", repeat_count=2)])
    assert kernel.read_console(queue, 5) == "zz"


def test_the_input_buffer_is_signaled_while_records_are_queued() -> None:
    queue = InputBuffer()
    assert kernel.wait_any([queue], timeout=0) is None
    queue.write([InputRecord(kernel.KEY_EVENT, char="q")])
    assert kernel.wait_any([queue], timeout=0) is not None
    assert queue.count() == 1  # a wait takes no record
    queue.read(1)
    assert kernel.wait_any([queue], timeout=0) is None
