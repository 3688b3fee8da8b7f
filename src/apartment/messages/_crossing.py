"""Message parameters that cross to another process: what is copied, and how it arrives.

Windows copies what the parameters of a few system messages point at when it delivers them to
another process (WM_SETTEXT's string, WM_GETTEXT's buffer, WM_COPYDATA's COPYDATASTRUCT and
its bytes); every other parameter crosses as the number it is (a pointer then means nothing
to the receiver). Here a parameter crosses as an int, a str or bytes (a bytes-like object
crosses as bytes, the object a Python receiver gets in place of a pointer in this library).

* WM_SETTEXT: the string (an lparam address is read as a NUL-terminated UTF-16 string).
* WM_GETTEXT: nothing goes; the receiver's procedure fills a buffer of its own (a
  :class:`~._params.TextBuffer` of wParam characters) and the text comes back to fill the
  sender's (a TextBuffer, a writable buffer or an address).
* WM_COPYDATA: lParam is the address of a COPYDATASTRUCT (or, as pywin32 programs pass it,
  the packed struct itself: ``struct.pack("PLP", dwData, cbData, lpData)``); its dwData and
  its cbData bytes at lpData go, and the receiver's lParam is the address of a new
  COPYDATASTRUCT in its own process, pointing at its own copy of the bytes.
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

from ._memory import buffer_address, buffer_room, read_memory, read_string, write_memory
from ._params import TextBuffer

__all__ = ["WM_COPYDATA", "WM_GETTEXT", "WM_SETTEXT", "fill_text", "marshal", "plain", "unmarshal"]

WM_SETTEXT = 0x000C
WM_GETTEXT = 0x000D
WM_COPYDATA = 0x004A

_COPYDATASTRUCT = struct.Struct("PLP")  # dwData (ULONG_PTR), cbData (DWORD), lpData (PVOID)


class _CopyData(ctypes.Structure):
    _fields_ = (
        ("dwData", ctypes.c_size_t),
        ("cbData", ctypes.c_uint32),
        ("lpData", ctypes.c_void_p),
    )


def plain(value: object) -> int | str | bytes:
    """A parameter as it crosses: an int, a str, or a bytes-like object's bytes.

    Raises:
        TypeError: anything else (a Python object cannot reach another process).
    """
    kind = type(value)
    if kind is int or kind is str or kind is bytes:
        return value  # type: ignore[return-value]
    if isinstance(value, (bytearray, memoryview)):
        return bytes(memoryview(value).cast("B"))
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, bool):
        return int(value)
    raise TypeError(
        f"a message parameter that goes to another process is an int, a str or bytes, "
        f"not {type(value).__name__}"
    )


def marshal(msg: int, wparam: object, lparam: object) -> tuple[object, object]:
    """The (wparam, lparam) of a message sent to another process (sender's side).

    Raises:
        TypeError: a parameter that cannot cross.
        ValueError: WM_SETTEXT's or WM_COPYDATA's pointer is not readable memory.
    """
    if msg == WM_SETTEXT:
        if isinstance(lparam, str):
            return plain(wparam), lparam
        return plain(wparam), read_string(lparam) if lparam else ""  # type: ignore[arg-type]
    if msg == WM_GETTEXT:
        return plain(wparam), None
    if msg == WM_COPYDATA:
        return plain(wparam), _copy_data(lparam)
    return plain(wparam), plain(lparam)


def _copy_data(lparam: object) -> list[object] | None:
    """``[dwData, bytes]`` of the COPYDATASTRUCT that ``lparam`` is (or points at)."""
    if not lparam:
        return None
    if isinstance(lparam, (bytes, bytearray, memoryview)):
        packed = bytes(memoryview(lparam).cast("B"))
    elif isinstance(lparam, int):
        packed = bytes(read_memory(lparam, _COPYDATASTRUCT.size))
    else:
        raise TypeError(f"WM_COPYDATA's lparam is a COPYDATASTRUCT's address, not {lparam!r}")
    if len(packed) < _COPYDATASTRUCT.size:
        raise ValueError(f"a COPYDATASTRUCT has {_COPYDATASTRUCT.size} bytes, not {len(packed)}")
    data_word, size, address = _COPYDATASTRUCT.unpack_from(packed)
    data = bytes(read_memory(address, size)) if size else b""
    return [data_word, data]


def unmarshal(msg: int, wparam: Any, lparam: Any) -> tuple[object, object, object]:  # noqa: ANN401
    """(wparam, lparam, what must live while the procedure runs) on the receiver's side."""
    if msg == WM_GETTEXT:
        size = wparam if isinstance(wparam, int) and wparam > 0 else 0
        return wparam, TextBuffer(size), None
    if msg == WM_COPYDATA and isinstance(lparam, list):
        data_word, data = int(lparam[0]), bytes(lparam[1])
        block = ctypes.create_string_buffer(data, len(data))
        copy = _CopyData(data_word, len(data), ctypes.addressof(block) if data else None)
        return wparam, ctypes.addressof(copy), (copy, block)
    return wparam, 0 if lparam is None else lparam, None


def fill_text(lparam: object, size: object, text: str) -> None:
    """Give the sender of WM_GETTEXT the text (at most ``size - 1`` characters and a NUL)."""
    room = size if isinstance(size, int) else 0
    if room <= 0:
        return
    text = text[: room - 1]
    if isinstance(lparam, TextBuffer):
        lparam.text = text
        return
    data = (text + "\0").encode("utf-16-le")
    if isinstance(lparam, (bytearray, memoryview)):
        view = memoryview(lparam).cast("B")
        if not view.readonly:
            # The characters go where the buffer starts, as far as its memory reaches (a
            # buffer counted in bytes but passed as wParam characters is filled as on Windows
            # when the allocation has room, PyMakeBuffer's has).
            write_memory(buffer_address(view)[0], data[: buffer_room(view)])
    elif isinstance(lparam, int) and lparam:
        write_memory(lparam, data)
