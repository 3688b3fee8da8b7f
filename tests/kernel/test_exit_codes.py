"""A Python program's exit code wider than a byte is written down and read back (_exitcodes)."""

from __future__ import annotations

import os

from apartment.kernel._exitcodes import forget_exit_code, record_exit_code, recorded_exit_code


def test_a_code_a_byte_carries_is_not_written_down() -> None:
    forget_exit_code()
    record_exit_code(7)
    record_exit_code(None)
    record_exit_code(True)
    assert recorded_exit_code(os.getpid(), 7) == 7


def test_a_wide_code_is_read_back_once_when_its_low_byte_is_the_status() -> None:
    record_exit_code(1000)
    assert recorded_exit_code(os.getpid(), 1000 & 0xFF) == 1000
    assert recorded_exit_code(os.getpid(), 1000 & 0xFF) == 1000 & 0xFF  # the record went


def test_a_negative_code_reads_back_signed_as_pywin32_gives_it() -> None:
    record_exit_code(-1)
    assert recorded_exit_code(os.getpid(), 255) == -1
    record_exit_code(0xC0000044)
    assert recorded_exit_code(os.getpid(), 0x44) == 0xC0000044 - (1 << 32)


def test_a_stale_record_whose_low_byte_differs_is_not_believed() -> None:
    record_exit_code(1000)  # 0xE8
    assert recorded_exit_code(os.getpid(), 3) == 3
