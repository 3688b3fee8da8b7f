"""Rules the facade used to decide, now the kernel's: Create*, DuplicateHandle, CreateProcess,
WaitForInputIdle (semantics.md §2, §5.3)."""

from __future__ import annotations

import sys

import pytest

from apartment.errors import (
    ERROR_FILE_NOT_FOUND,
    InvalidHandleError,
    InvalidParameterError,
    Win32Error,
)
from apartment.kernel import CURRENT_PROCESS, Event, create_process, handles


def test_create_without_a_name_makes_a_new_object_each_time() -> None:
    first, existed = handles.create(Event, None, True, False)
    second, _ = handles.create(Event, None, True, False)
    try:
        assert not existed
        assert handles.get(first) is not handles.get(second)
    finally:
        handles.close(first)
        handles.close(second)


def test_create_with_a_name_opens_the_existing_object() -> None:
    first, existed_first = handles.create(Event, "apartment-test-create-named", True, False)
    second, existed_second = handles.create(Event, "apartment-test-create-named", True, False)
    try:
        assert (existed_first, existed_second) == (False, True)
        assert handles.get(first) is handles.get(second)
    finally:
        handles.close(first)
        handles.close(second)


def test_duplicate_handle_keeps_the_rights_and_may_close_the_source() -> None:
    source = handles.insert(Event())
    copy = handles.duplicate_handle(CURRENT_PROCESS, source, CURRENT_PROCESS, close_source=True)
    try:
        assert handles.get(copy) is not None
        with pytest.raises(InvalidHandleError):
            handles.get(source)
    finally:
        handles.close(copy)


def test_duplicate_handle_closes_the_source_even_when_it_fails() -> None:
    source = handles.insert(Event())
    with pytest.raises(InvalidHandleError):
        handles.duplicate_handle(0, source, CURRENT_PROCESS, close_source=True)
    with pytest.raises(InvalidHandleError):
        handles.get(source)


def test_duplicate_handle_needs_process_handles() -> None:
    source = handles.insert(Event())
    try:
        with pytest.raises(InvalidHandleError):
            handles.duplicate_handle(source, source, CURRENT_PROCESS)
    finally:
        handles.close(source)


def test_create_process_reports_a_missing_program_as_file_not_found() -> None:
    with pytest.raises(Win32Error) as caught:
        create_process(None, "apartment_no_such_program --flag")
    assert caught.value.winerror == ERROR_FILE_NOT_FOUND


def test_create_process_needs_a_program_or_a_command_line() -> None:
    with pytest.raises(InvalidParameterError):
        create_process(None, None)


def test_create_process_splits_the_command_line() -> None:
    process = create_process(None, f'{sys.executable} -c "import sys; sys.exit(5)"')
    assert process.wait(30)
    assert process.exit_code == 5
    assert process.wait_input_idle()  # no input queue to wait for: at once


def test_duplicate_handle_out_of_another_process_leaves_this_process_handles_alone() -> None:
    # The value names a handle in the other process's table: closing "the source" must not
    # close this process's handle that happens to have the same value.
    child = create_process(None, f'"{sys.executable}" -c "import time; time.sleep(30)"')
    process = handles.insert(child)
    mine = handles.insert(Event())
    try:
        with pytest.raises(Win32Error):
            handles.duplicate_handle(process, mine, CURRENT_PROCESS, close_source=True)
        assert handles.get(mine) is not None
    finally:
        handles.close(mine)
        handles.close(process)
        child.terminate(1)
        child.wait(30)
