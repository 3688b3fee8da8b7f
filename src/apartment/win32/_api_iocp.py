"""win32file's completion ports and directory changes, over the kernel's CompletionPort and files.

pywin32's shapes are kept: GetQueuedCompletionStatus never raises a Win32 error but returns
``(rc, bytes, key, overlapped)`` with ``rc`` the error (WAIT_TIMEOUT on timeout); the OVERLAPPED
it returns is the very PyOVERLAPPED the operation was started with, or RuntimeError if that
object is gone; CreateIoCompletionPort returns the ``existing`` argument itself when one is
given. ReadDirectoryChangesW returns the ``(action, name)`` list when given a size, None when
given a buffer.
"""

from __future__ import annotations

import weakref

from .. import kernel
from ..errors import ERROR_INVALID_PARAMETER, Win32Error
from ..kernel import CompletionPort, DiskFile, File
from ._adapt import api, as_bool, dword
from ._api_sockets import file_or_socket
from ._buffers import read_buffer
from ._handles import PyHANDLE, handle_value, lookup, new_handle
from .pywintypes import PyOVERLAPPED, overlapped_arg

__all__ = [
    "CreateIoCompletionPort",
    "FILE_NOTIFY_INFORMATION",
    "GetQueuedCompletionStatus",
    "PostQueuedCompletionStatus",
    "ReadDirectoryChangesW",
]

_INVALID_HANDLE_VALUE = -1
_POINTER = 0xFFFF_FFFF_FFFF_FFFF
_DESTROYED = "This overlapped object has lost all its references so was destroyed"


def _key(value: object) -> int:
    """A completion key: a pointer-sized int (a negative one wraps, as a C pointer would)."""
    if isinstance(value, PyHANDLE):
        return value.handle & _POINTER
    if not isinstance(value, int):
        raise TypeError(f"Unable to convert {type(value).__name__} to pointer-sized value")
    if not -(1 << 63) <= value < 1 << 64:
        raise OverflowError("int too big to convert")
    return value & _POINTER


def _signed(value: int, bits: int) -> int:
    """pywin32 gives a key back as a signed pointer and a byte count as a signed C long."""
    return value - (1 << bits) if value >> (bits - 1) else value


def _file_arg(handle: object) -> File:
    """The file behind a handle; on Windows a socket's fileno() is a handle, here a descriptor.

    pywin32 quirk carried over: programs pass ``sock.fileno()`` where a handle goes; a bare
    int that is an open socket descriptor, or a value that is no open handle but one, is taken
    as that socket (see socket_descriptor).
    """
    named = file_or_socket(handle)
    if isinstance(named, int):
        return lookup(kernel.handle_of_descriptor(named), File)
    return named


@api("CreateIoCompletionPort")
def CreateIoCompletionPort(
    handle: object, existing: object, completionKey: object, numThreads: int, /
) -> object:
    """Create a port (``handle`` INVALID_HANDLE_VALUE) or associate a file with a port.

    With ``existing`` the file joins that port and ``existing`` itself is returned (pywin32
    returns the very object it was given); without, a new port is made, and returned.
    """
    key = _key(completionKey)
    concurrency = dword(numThreads)
    value = handle_value(handle)
    file = None if value == _INVALID_HANDLE_VALUE else _file_arg(handle)
    if handle_value(existing):
        if file is None:  # nothing to associate: Windows fails the call
            raise Win32Error.from_code(ERROR_INVALID_PARAMETER, "pass a file to associate")
        lookup(existing, CompletionPort).associate(file, key)
        return existing
    port = CompletionPort(concurrency)
    if file is not None:
        port.associate(file, key)
    return new_handle(port)


@api("PostQueuedCompletionStatus")
def PostQueuedCompletionStatus(
    handle: object, numberOfBytes: int = 0, completionKey: object = None,
    overlapped: object = None, /,
) -> None:  # fmt: skip
    """Queue a packet; the OVERLAPPED (and its ``object``) lives until a thread takes it."""
    key = 0 if completionKey is None else _key(completionKey)
    count = dword(numberOfBytes)  # a C int read as a DWORD
    if overlapped is not None and not isinstance(overlapped, PyOVERLAPPED):
        raise TypeError("The object is not a PyOVERLAPPED object")
    lookup(handle, CompletionPort).post(count, key, overlapped)


def GetQueuedCompletionStatus(hPort: object, timeOut: int, /) -> tuple[int, int, int, object]:
    """Take a packet: ``(rc, bytes, key, overlapped)``; never raises a Win32 error (pywin32).

    ``rc`` is 0, the failed operation's error, WAIT_TIMEOUT, ERROR_ABANDONED_WAIT_0 (the
    port closed while waiting) or ERROR_INVALID_HANDLE.
    """
    milliseconds = int.__index__(timeOut) & 0xFFFFFFFF
    timeout = None if milliseconds == 0xFFFFFFFF else milliseconds / 1000
    try:
        packet = lookup(hPort, CompletionPort).get(timeout)
    except Win32Error as error:
        return error.winerror, 0, 0, None
    if packet is None:
        return 258, 0, 0, None  # WAIT_TIMEOUT
    status, transferred, key, overlapped = packet
    if isinstance(overlapped, kernel.Overlapped):  # an I/O's: its PyOVERLAPPED, if alive
        context = overlapped.context  # a weak reference to its PyOVERLAPPED (pywintypes)
        owner = context() if isinstance(context, weakref.ref) else None
        if owner is None:
            raise RuntimeError(_DESTROYED)
        overlapped = owner
    return status, _signed(transferred, 32), _signed(key, 64), overlapped


@api("ReadDirectoryChangesW")
def ReadDirectoryChangesW(
    handle: object, size: object, bWatchSubtree: int, dwNotifyFilter: int,
    overlapped: object = None, overlappedRoutine: object = None, /,
) -> list[tuple[int, str]] | None:  # fmt: skip
    """Read what changed in a directory: the ``(action, name)`` list for a ``size``, or None.

    With a buffer and an OVERLAPPED the read completes later: GetOverlappedResult gives the
    byte count and FILE_NOTIFY_INFORMATION decodes the buffer.
    """
    core = overlapped_arg(overlapped)
    file = lookup(handle, DiskFile)
    if overlappedRoutine is not None:
        raise ValueError("overlappedRoutine must be None")
    if isinstance(size, int):
        view = kernel.read_buffer(dword(size))
        count = file.read_changes(view, as_bool(bWatchSubtree), dword(dwNotifyFilter), core)[1]
        return kernel.decode_changes(view, count) if core is None else None
    try:
        _target, view = read_buffer(size)
    except TypeError:
        raise TypeError("buffer param must be an integer or a buffer object") from None
    file.read_changes(view, as_bool(bWatchSubtree), dword(dwNotifyFilter), core)
    return None


def FILE_NOTIFY_INFORMATION(buffer: object, size: int, /) -> list[tuple[int, str]]:
    """Decode ``size`` bytes of FILE_NOTIFY_INFORMATION records into ``(action, name)``."""
    count = int.__index__(size)
    view = memoryview(buffer)  # type: ignore[arg-type]
    if count > view.nbytes:
        raise ValueError(
            f"buffer is only {view.nbytes} bytes long, but {count} bytes were requested"
        )
    return kernel.decode_changes(view, count)
