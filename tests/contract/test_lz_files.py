"""Contract: win32lz (LZExpand) on the facade and on the real pywin32.

A file that Windows' ``compress.exe`` wrote (SZDD: LZSS in a 4096-byte window that starts
filled with spaces) reads expanded: ``OpenFile`` for reading gives an expanding handle,
``Copy`` writes the original bytes and returns their count, ``GetExpandedName`` restores the
name's last character. A file that is not compressed copies as it is. What cannot be opened is
LZERROR_BADINHANDLE (-1), a bad destination LZERROR_BADOUTHANDLE (-2).
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest
import pywintypes
import win32lz

if TYPE_CHECKING:
    from pathlib import Path

OF_READ, OF_CREATE = 0, 0x1000
LZERROR_BADINHANDLE, LZERROR_BADOUTHANDLE = -1, -2
ORIGINAL = b"hello hello hello !"


def compressed(original: bytes, last_char: str) -> bytes:
    """ORIGINAL as compress.exe writes it: six literals, one reference (12 bytes back), one."""
    header = b"SZDD\x88\xf0\x27\x33A" + last_char.encode() + struct.pack("<I", len(original))
    # the window starts at 0xFF0: "hello " lands at 0xFF0, a reference there copies 12 bytes
    return header + b"\xbf" + b"hello " + b"\xf0\xf9" + b"!"


def test_a_compressed_file_copies_expanded(tmp_path: Path) -> None:
    source = tmp_path / "greeting.tx_"
    source.write_bytes(compressed(ORIGINAL, "t"))
    assert win32lz.GetExpandedName(str(source)) == str(tmp_path / "greeting.txt")
    src, info = win32lz.OpenFile(str(source), OF_READ)
    assert isinstance(src, int)
    assert len(info) == 5
    assert info[1] == 0  # nErrCode
    assert info[4].lower() == str(source).lower()
    dest, _ = win32lz.OpenFile(str(tmp_path / "greeting.txt"), OF_CREATE)
    try:
        assert win32lz.Copy(src, dest) == len(ORIGINAL)
    finally:
        win32lz.Close(src)
        win32lz.Close(dest)
    assert (tmp_path / "greeting.txt").read_bytes() == ORIGINAL


def test_a_plain_file_copies_as_it_is(tmp_path: Path) -> None:
    source = tmp_path / "plain.txt"
    source.write_bytes(b"plain text")
    assert win32lz.GetExpandedName(str(source)) == str(source)
    src, _ = win32lz.OpenFile(str(source), OF_READ)
    dest, _ = win32lz.OpenFile(str(tmp_path / "copy.txt"), OF_CREATE)
    try:
        assert win32lz.Init(src) > 0
        assert win32lz.Copy(src, dest) == len(b"plain text")
    finally:
        win32lz.Close(src)
        win32lz.Close(dest)
    assert (tmp_path / "copy.txt").read_bytes() == b"plain text"


def test_what_cannot_be_read(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    for call, args, name in (
        (win32lz.OpenFile, (missing, OF_READ), "LZOpenFile"),
        (win32lz.GetExpandedName, (missing,), "GetExpandedName"),
    ):
        with pytest.raises(pywintypes.error) as caught:
            call(*args)
        assert (caught.value.winerror, caught.value.funcname) == (LZERROR_BADINHANDLE, name)
        assert caught.value.strerror.startswith("The handle identifying the source file")
    with pytest.raises(pywintypes.error) as caught:
        win32lz.Init(12345)
    assert (caught.value.winerror, caught.value.funcname) == (LZERROR_BADINHANDLE, "LZInit")
    assert win32lz.Close(12345) is None
