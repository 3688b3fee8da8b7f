"""GetBinaryType's core: a program's kind from its headers (MZ, PE, the optional header's magic)."""

from __future__ import annotations

import struct
import sys
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import ERROR_BAD_EXE_FORMAT, ERROR_FILE_NOT_FOUND, Win32Error

if TYPE_CHECKING:
    from pathlib import Path


def _program(path: Path, magic: int | None, *, pe: bool = True) -> str:
    """A file with a DOS header and, if ``pe``, a PE header whose optional header has ``magic``."""
    head = bytearray(0x100)
    head[:2] = b"MZ"
    struct.pack_into("<I", head, 0x3C, 0x80)
    if pe:
        head[0x80:0x84] = b"PE\0\0"
        struct.pack_into("<HH", head, 0x84, 0x8664 if magic == 0x20B else 0x14C, 1)
        struct.pack_into("<H", head, 0x94, 0xF0)  # SizeOfOptionalHeader
        if magic is not None:
            struct.pack_into("<H", head, 0x98, magic)
    path.write_bytes(bytes(head))
    return str(path)


def _code(path: str) -> int:
    with pytest.raises(Win32Error) as caught:
        kernel.binary_type(path)
    return caught.value.winerror


def test_pe32_plus_is_64_bit_and_pe32_is_32_bit(tmp_path: Path) -> None:
    assert kernel.binary_type(_program(tmp_path / "a.exe", 0x20B)) == kernel.SCS_64BIT_BINARY == 6
    assert kernel.binary_type(_program(tmp_path / "b.exe", 0x10B)) == kernel.SCS_32BIT_BINARY == 0


def test_an_mz_file_without_a_pe_header_is_a_dos_program(tmp_path: Path) -> None:
    assert kernel.binary_type(_program(tmp_path / "c.com", None, pe=False)) == 1


def test_a_damaged_pe_header_or_no_program_is_a_bad_exe_format(tmp_path: Path) -> None:
    assert _code(_program(tmp_path / "d.exe", 0x1234)) == ERROR_BAD_EXE_FORMAT
    text = tmp_path / "e.txt"
    text.write_text("MZ but too short")
    assert _code(str(text)) == ERROR_BAD_EXE_FORMAT
    assert _code(sys.executable) == ERROR_BAD_EXE_FORMAT  # this system's (ELF) programs


def test_a_missing_file_fails_as_its_open_does(tmp_path: Path) -> None:
    assert _code(str(tmp_path / "missing.exe")) == ERROR_FILE_NOT_FOUND


def test_a_path_is_a_str() -> None:
    with pytest.raises(TypeError):
        kernel.binary_type(b"/bin/sh")  # type: ignore[arg-type]
