"""Reading what a message parameter points at: memory at an address, or the object itself.

A Win32 program reads a string or a structure that an lparam points at (WM_SETTEXT,
WM_COPYDATA, a buffer's address from ``array.buffer_info()``). Here an address is a real
address in this process, read in place through ``ctypes``; an address that is not readable
memory is refused with ValueError, never a crash: each page is first checked by handing it
to the kernel (a ``write`` to a pipe fails with EFAULT on an unmapped page). Where a message
layer call carries a str or a bytes-like object instead of a pointer to it, that object is
accepted as the "address" and read the same way.

No state is shared: every check makes and closes its own pipe.
"""

from __future__ import annotations

import ctypes
import mmap
import os

__all__ = ["buffer_address", "buffer_room", "read_memory", "read_string", "write_memory"]

_PAGE = mmap.PAGESIZE
_ADDRESSES = range(1, 2**64)
_BUFFERS = (bytes, bytearray, memoryview)


def _readable(address: int, size: int) -> bool:
    """Whether ``size`` bytes from ``address`` are readable memory of this process."""
    if address not in _ADDRESSES or address + size - 1 not in _ADDRESSES:
        return False
    read_end, write_end = os.pipe()
    try:
        os.set_blocking(write_end, False)
        page = address - address % _PAGE
        while page < address + size:
            probe = (ctypes.c_char * 1).from_address(max(page, address))
            try:
                os.write(write_end, probe)  # the kernel reads the byte, or says EFAULT
            except OSError:
                return False
            os.read(read_end, 1)
            page += _PAGE
        return True
    finally:
        os.close(read_end)
        os.close(write_end)


class _PyBuffer(ctypes.Structure):
    """CPython's Py_buffer, as PyObject_GetBuffer fills it (``buf`` and ``len`` are read)."""

    _fields_ = (
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.c_void_p),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    )


_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = (ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int)
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = (ctypes.POINTER(_PyBuffer),)
_release_buffer.restype = None


def buffer_address(obj: object) -> tuple[int, int]:
    """``(address, length in bytes)`` of a bytes-like object's memory (PyGetBufferAddressAndLen).

    The address stays good while the object lives and is not resized, as on Windows.

    Raises:
        TypeError: ``obj`` is no bytes-like object (a str is not).
        BufferError: its memory is not contiguous (a strided memoryview).
    """
    view = _PyBuffer()
    _get_buffer(obj, ctypes.byref(view), 0)  # PyBUF_SIMPLE; ctypes raises CPython's error
    try:
        return view.buf or 0, view.len
    finally:
        _release_buffer(ctypes.byref(view))


def buffer_room(view: memoryview) -> int:
    """How many bytes may be written from ``view``'s start: to the end of what it slices.

    A Windows procedure that fills a buffer writes where the pointer points, whatever the
    Python object around it says; a slice of a larger allocation (PyMakeBuffer's) has the
    rest of that allocation behind it.
    """
    room = view.nbytes
    base = view.obj
    if isinstance(base, (bytearray, memoryview)) and not view.readonly:
        start, _ = buffer_address(view)
        base_start, base_len = buffer_address(base)
        if base_start <= start <= base_start + base_len:
            room = max(room, base_start + base_len - start)
    return room


def _check_size(size: object) -> int:
    if isinstance(size, bool) or not isinstance(size, int):
        raise TypeError(f"a size is an int, not {size!r}")
    return size


def read_memory(address: int | str | bytes | bytearray | memoryview, size: int) -> memoryview:
    """Return a read-only view of ``size`` bytes at ``address`` (pywin32's PyGetMemory).

    The view is live: it shows later changes to the memory. A str stands for its UTF-16
    characters, as Windows would hold them.

    Raises:
        ValueError: the memory is not readable (NULL, unmapped, a negative size, or past the
            end of the object given).
    """
    size = _check_size(size)
    if isinstance(address, str):
        address = address.encode("utf-16-le")
    if isinstance(address, _BUFFERS):
        view = memoryview(address).cast("B")
        if not 0 <= size <= len(view):
            raise ValueError("The value is not a valid address for reading")
        return view[:size].toreadonly()
    if isinstance(address, bool) or not isinstance(address, int):
        raise TypeError(f"an address is an int, not {address!r}")
    if size == 0:
        return memoryview(b"")
    if size < 0 or not _readable(address, size):
        raise ValueError("The value is not a valid address for reading")
    return memoryview((ctypes.c_ubyte * size).from_address(address)).cast("B").toreadonly()


def read_string(
    address: int | str | bytes | bytearray | memoryview, length: int | None = None
) -> str:
    """Read a UTF-16 string at ``address`` (pywin32's PyGetString).

    ``length`` characters are read when given (NULs included); without it (or with a
    negative one) the string ends at the first NUL. A str "address" is the string itself;
    a bytes-like one holds UTF-16 characters.

    Raises:
        ValueError: NULL, or the memory is not readable (or holds no NUL, without a length).
    """
    if length is not None:
        length = _check_size(length)
        if length < 0:
            length = None
    if isinstance(address, str):
        return address.split("\0", 1)[0] if length is None else address[:length]
    if isinstance(address, _BUFFERS):
        data = bytes(memoryview(address).cast("B"))
        if length is not None:
            if 2 * length > len(data):
                raise ValueError("The value is not a valid address for reading")
            return data[: 2 * length].decode("utf-16-le", "replace")
        end = _terminator(data)
        if end is None:
            raise ValueError("The value is not a valid null-terminated string")
        return data[:end].decode("utf-16-le", "replace")
    if isinstance(address, bool) or not isinstance(address, int):
        raise TypeError(f"an address is an int, not {address!r}")
    if address == 0:
        raise ValueError("PyGetString: NULL is not valid pointer")
    if length is not None:
        return read_memory(address, 2 * length).tobytes().decode("utf-16-le", "replace")
    return _read_terminated(address)


def _terminator(data: bytes) -> int | None:
    """The offset of the first UTF-16 NUL in ``data``, or None."""
    for offset in range(0, len(data) - 1, 2):
        if data[offset] == 0 and data[offset + 1] == 0:
            return offset
    return None


def _read_terminated(address: int) -> str:
    """Read page by page, checking each before reading it, up to the first UTF-16 NUL."""
    data = b""
    position = address
    while True:
        chunk = _PAGE - position % _PAGE
        if not _readable(position, chunk):
            raise ValueError("The value is not a valid null-terminated string")
        data += ctypes.string_at(position, chunk)
        position += chunk
        end = _terminator(data)
        if end is not None:
            return data[:end].decode("utf-16-le", "replace")


def write_memory(address: int, data: bytes | bytearray | memoryview) -> None:
    """Copy ``data`` to ``address`` (what Windows does to a caller's buffer it fills).

    The kernel does the copy (a ``readv`` from a pipe into the memory), so memory that is
    not writable is refused with ValueError (EFAULT), never a crash.

    Raises:
        ValueError: NULL, or the memory is not writable.
    """
    if isinstance(address, bool) or not isinstance(address, int):
        raise TypeError(f"an address is an int, not {address!r}")
    size = len(memoryview(data).cast("B"))
    if size == 0:
        return
    if address not in _ADDRESSES or address + size - 1 not in _ADDRESSES:
        raise ValueError("The value is not a valid address for writing")
    read_end, write_end = os.pipe()
    try:
        done = 0
        target = (ctypes.c_char * size).from_address(address)
        view = memoryview(target).cast("B")
        while done < size:
            chunk = os.write(write_end, memoryview(data).cast("B")[done : done + 65536])
            try:
                got = os.readv(read_end, [view[done : done + chunk]])
            except OSError:
                raise ValueError("The value is not a valid address for writing") from None
            done += got
    finally:
        os.close(read_end)
        os.close(write_end)
