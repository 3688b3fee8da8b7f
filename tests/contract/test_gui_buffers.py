"""Contract: win32gui's buffer helpers (PyGetBufferAddressAndLen, PySetString and friends).

Programs hand a buffer's address to a message (an lparam) or fill one through it; these are
the shapes, bounds and refusals of pywin32 312.
"""

from __future__ import annotations

import array

import pytest
import win32gui


def test_a_buffers_address_and_length() -> None:
    buffer = bytearray(16)
    address, length = win32gui.PyGetBufferAddressAndLen(buffer)
    assert isinstance(address, int) and address != 0 and length == 16
    assert win32gui.PyGetBufferAddressAndLen(b"abc")[1] == 3  # read-only ones too
    assert win32gui.PyGetBufferAddressAndLen(memoryview(b"xyz"))[1] == 3
    assert win32gui.PyGetBufferAddressAndLen(array.array("i", [1, 2, 3]))[1] == 12
    with pytest.raises(TypeError, match="a bytes-like object is required, not 'str'"):
        win32gui.PyGetBufferAddressAndLen("abc")


def test_set_string_writes_utf16_at_an_address() -> None:
    buffer = bytearray(b"\xff" * 16)
    address, _ = win32gui.PyGetBufferAddressAndLen(buffer)
    assert win32gui.PySetString(address, "hi") is None
    assert bytes(buffer[:6]) == b"h\0i\0\0\0" and buffer[6] == 0xFF  # ended by one NUL
    assert win32gui.PyGetString(address) == "hi"
    win32gui.PySetString(address, "abcdef", 3)  # strncpy: three characters, no NUL
    assert bytes(buffer[:8]) == b"a\0b\0c\0\xff\xff"
    win32gui.PySetString(address, "z", 4)  # padded with NULs to four
    assert bytes(buffer[:10]) == b"z\0\0\0\0\0\0\0\xff\xff"
    with pytest.raises(TypeError):
        win32gui.PySetString(address, b"x")
    with pytest.raises(ValueError, match="not a valid address for writing"):
        win32gui.PySetString(0, "x")


def test_array_signed_long_reads_32_bit_items() -> None:
    longs = array.array("l", [5, -7, 2**31 - 1])
    assert [win32gui.PyGetArraySignedLong(longs, i) for i in range(3)] == [5, -7, 2**31 - 1]
    assert win32gui.PyGetArraySignedLong(b"\xff\xff\xff\xff\x01\x00\x00\x00", 1) == 1
    assert win32gui.PyGetArraySignedLong(bytearray(b"\xff\xff\xff\xff"), 0) == -1
    with pytest.raises(ValueError, match="array index out of bounds"):
        win32gui.PyGetArraySignedLong(longs, -1)
    with pytest.raises(ValueError, match="array index out of bounds"):
        win32gui.PyGetArraySignedLong(longs, 4)
