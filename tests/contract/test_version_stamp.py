"""Contract: pywin32's win32verstamp (a version resource built and stamped into a program).

The builders make the bytes Windows lays out for VS_VERSION_INFO (little-endian, 32-bit
DWORDs, UTF-16 keys padded to 32 bits): the digests were taken from the real pywin32 312.
``stamp`` writes the resource into a copy of a program, which then reports that version.
"""

from __future__ import annotations

import hashlib
import optparse
import os
import shutil
import struct
from typing import TYPE_CHECKING

import win32api
import win32verstamp

from ._wine import ON_THE_ORACLE

if TYPE_CHECKING:
    from pathlib import Path

STRINGS = {
    "Comments": "c", "CompanyName": "Co", "FileDescription": "desc", "FileVersion": "1.2.3.4",
    "InternalName": "x.dll", "LegalCopyright": "", "LegalTrademarks": "",
    "OriginalFilename": "x.dll", "ProductName": "P", "ProductVersion": "1.2.3.4",
}  # fmt: skip
TRANSLATION = {"Translation": struct.pack("<hh", 0x409, 1252)}


def _digest(data: bytes) -> tuple[int, str]:
    return len(data), hashlib.sha256(data).hexdigest()[:16]


def test_the_resource_bytes_are_windows_layout() -> None:
    resource = win32verstamp.VS_VERSION_INFO(1, 2, 3, 4, STRINGS, TRANSLATION)
    assert _digest(resource) == (656, "67e55674d465cbb3")
    debug_app = win32verstamp.VS_VERSION_INFO(1, 2, 3, 4, STRINGS, TRANSLATION, 1, 0)
    assert _digest(debug_app) == (656, "e2138f3dc38a28b7")
    assert len(win32verstamp.VS_FIXEDFILEINFO(1, 2, 3, 4)) == 52
    assert (win32verstamp.pad32(b"abc"), win32verstamp.pad32(b"ab")) == (b"abc\0\0\0", b"ab")
    assert win32verstamp.addlen(b"xy") == b"\x04\x00xy"
    assert win32verstamp.nullterm(5) == b"5\0\0\0"
    assert (win32verstamp.file_flags(1), win32verstamp.file_type(0)) == (3, 1)
    assert win32verstamp.VS_FFI_SIGNATURE == -17890115


def _a_program() -> str:
    """A Windows program file at hand: pywin32's own module there, pip's launcher here."""
    if ON_THE_ORACLE:
        return str(win32api.__file__)
    import pip._vendor.distlib as distlib

    return os.path.join(os.path.dirname(distlib.__file__), "w64.exe")


def test_stamp_writes_the_version_into_a_program(tmp_path: Path) -> None:
    program = str(tmp_path / "stamped.exe")
    shutil.copy(_a_program(), program)
    options = optparse.Values(
        dict.fromkeys(
            ("dll", "debug", "product", "company", "trademarks", "comments", "copyright",
             "description", "internal_name", "original_filename"),
        ) | {"version": "7.8.9.10", "verbose": False}
    )  # fmt: skip
    win32verstamp.stamp(program, options)
    info = win32api.GetFileVersionInfo(program, "\\")
    assert (info["FileVersionMS"], info["FileVersionLS"]) == ((7 << 16) | 8, (9 << 16) | 10)
    assert info["FileType"] == 1  # VFT_APP: by its extension
