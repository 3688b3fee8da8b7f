"""Resources of PE files loaded as data files: the directory's walk, LoadString's tables."""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from apartment import kernel
from apartment.errors import InvalidHandleError, Win32Error

if TYPE_CHECKING:
    from pathlib import Path

RT_STRING = 6


def _string_block(strings: dict[int, str]) -> bytes:
    out = b""
    for index in range(16):
        text = strings.get(index, "")
        out += struct.pack("<H", len(text)) + text.encode("utf-16-le")
    return out


def _pe_with_strings(path: Path, strings: dict[int, str]) -> None:
    """A minimal PE32+ file whose one section holds a string table (block 1, language 0x409)."""
    block = _string_block(strings)
    rsrc = bytearray()
    rsrc += struct.pack("<IIHHHH", 0, 0, 0, 0, 0, 1) + struct.pack("<II", RT_STRING, 0x80000018)
    rsrc += struct.pack("<IIHHHH", 0, 0, 0, 0, 0, 1) + struct.pack("<II", 1, 0x80000030)
    rsrc += struct.pack("<IIHHHH", 0, 0, 0, 0, 0, 1) + struct.pack("<II", 0x409, 0x48)
    rsrc += struct.pack("<IIII", 0x1000 + 0x58, len(block), 0, 0)
    rsrc += block
    pe = 0x40
    optional_size = 240
    header = bytearray(0x200)
    header[0:2] = b"MZ"
    struct.pack_into("<I", header, 0x3C, pe)
    header[pe : pe + 4] = b"PE\0\0"
    struct.pack_into("<HHIIIHH", header, pe + 4, 0x8664, 1, 0, 0, 0, optional_size, 0x22)
    optional = pe + 24
    struct.pack_into("<H", header, optional, 0x20B)
    struct.pack_into("<II", header, optional + 112 + 2 * 8, 0x1000, len(rsrc))
    table = optional + optional_size
    header[table : table + 8] = b".rsrc\0\0\0"
    struct.pack_into("<IIII", header, table + 8, len(rsrc), 0x1000, len(rsrc), 0x200)
    path.write_bytes(bytes(header) + bytes(rsrc))


def test_load_string_reads_the_string_tables(tmp_path: Path) -> None:
    program = tmp_path / "strings.dll"
    _pe_with_strings(program, {3: "Hello", 5: "World"})
    module = kernel.load_library(str(program), as_data=True)
    try:
        assert module & 1  # a data file's handle, as Windows marks it
        assert kernel.resource_types(module) == [RT_STRING]
        assert kernel.resource_names(module, RT_STRING) == [1]
        assert kernel.resource_languages(module, RT_STRING, 1) == [0x409]
        assert kernel.load_string(module, 3) == "Hello"
        assert kernel.load_string(module, 5) == "World"
        with pytest.raises(Win32Error) as caught:
            kernel.load_string(module, 4)  # an empty slot: no string
        assert caught.value.winerror == 1814
        with pytest.raises(Win32Error) as caught:
            kernel.load_string(module, 40)  # block 3: none
        assert caught.value.winerror == 1814
        with pytest.raises(Win32Error) as caught:
            kernel.load_resource(module, RT_STRING, 1, 0x407)
        assert caught.value.winerror == 1815
        assert kernel.load_resource(module, "#6", "#1") == _string_block({3: "Hello", 5: "World"})
    finally:
        kernel.free_library(module)
    with pytest.raises(InvalidHandleError):
        kernel.load_string(module, 3)


def test_what_is_no_pe_file_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a program")
    with pytest.raises(Win32Error) as caught:
        kernel.load_library(str(text), as_data=True)
    assert caught.value.winerror == 193  # ERROR_BAD_EXE_FORMAT
    with pytest.raises(Win32Error) as caught:
        kernel.load_library(str(tmp_path / "none.dll"), as_data=True)
    assert caught.value.winerror == 2


def test_an_update_adds_replaces_and_deletes(tmp_path: Path) -> None:
    program = tmp_path / "strings.dll"
    _pe_with_strings(program, {3: "Hello"})
    update = kernel.begin_update_resource(str(program), False)
    kernel.update_resource(update, RT_STRING, 1, _string_block({3: "Bye"}), 0x409)
    kernel.update_resource(update, "#10", "Named", b"data", 0)
    kernel.update_resource(update, 24, 1, None, 0)  # deleting what is not there: nothing
    kernel.end_update_resource(update, False)
    module = kernel.load_library(str(program), as_data=True)
    try:
        assert kernel.load_string(module, 3) == "Bye"
        assert kernel.resource_names(module, 10) == ["NAMED"]
        assert kernel.load_resource(module, 10, "named") == b"data"
    finally:
        kernel.free_library(module)
    update = kernel.begin_update_resource(str(program), True)  # from none
    kernel.update_resource(update, RT_STRING, 1, None, 0x409)
    kernel.end_update_resource(update, False)
    module = kernel.load_library(str(program), as_data=True)
    try:
        assert kernel.resource_types(module) == []
    finally:
        kernel.free_library(module)
    with pytest.raises(InvalidHandleError):
        kernel.end_update_resource(update, False)
