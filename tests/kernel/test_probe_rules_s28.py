"""Kernel rules the session-28 process and job probe found (tools/probes/process_job_probe.py)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from apartment.errors import (
    ERROR_DIRECTORY,
    ERROR_FILE_NOT_FOUND,
    InvalidHandleError,
    Win32Error,
)
from apartment.kernel import create_process, open_job

if TYPE_CHECKING:
    from pathlib import Path


@pytest.mark.parametrize("command", ["", "   "])
def test_a_command_line_naming_no_program_is_file_not_found(command: str) -> None:
    # CommandLineToArgvW reads "" as this program; CreateProcess does not
    with pytest.raises(Win32Error) as caught:
        create_process(None, command)
    assert caught.value.winerror == ERROR_FILE_NOT_FOUND


def test_a_current_directory_that_is_no_directory_is_error_directory(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    for cwd in (tmp_path / "missing", a_file):
        with pytest.raises(Win32Error) as caught:
            create_process(None, f'"{sys.executable}" -c "pass"', cwd=str(cwd))
        assert caught.value.winerror == ERROR_DIRECTORY


def test_terminate_code_reads_back_as_a_signed_dword() -> None:
    child = create_process(None, f'"{sys.executable}" -c "import time; time.sleep(30)"')
    child.terminate(0xFFFFFFFF)
    assert child.wait(30)
    assert child.exit_code == -1
    assert child.primary_thread.exit_code == -1


def test_open_job_with_an_empty_name_is_an_invalid_handle() -> None:
    # "" opens the namespace's directory, which is no job (as for OpenEvent)
    with pytest.raises(InvalidHandleError):
        open_job("")
