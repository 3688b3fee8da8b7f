"""Another process's memory, or this one's: read, write, allocate and free by address.

ReadProcessMemory and WriteProcessMemory go through ``/proc/PID/mem``, after checking the
range against ``/proc/PID/maps`` as Windows checks it against the process's pages: a read
must find every byte readable (else ERROR_PARTIAL_COPY, or ERROR_NOACCESS for an address
outside user space); a write must find the range mapped (else ERROR_INVALID_ADDRESS) and
writable or executable (Windows makes code pages writable for the write; else
ERROR_NOACCESS). Linux lets a process read and write another's memory only where ptrace
would be allowed (the same user, and the Yama policy): where it refuses, the answer is
ERROR_ACCESS_DENIED, as Windows gives for a process the caller may not open.

VirtualAllocEx and VirtualFreeEx work on this process only (Linux has no way to map memory
into another process short of ptrace); another process's handle gets ERROR_ACCESS_DENIED.
Reservations are 64 KiB aligned, as Windows' allocation granularity; committing sets the
pages' protection, decommitting discards their contents.
"""

from __future__ import annotations

import ctypes
import errno
import os
import threading
from typing import TYPE_CHECKING

from .._fork import OUTER, hold_across_fork
from ..errors import (
    ERROR_INVALID_ADDRESS,
    ERROR_NOACCESS,
    ERROR_NOT_ENOUGH_MEMORY,
    ERROR_PARTIAL_COPY,
    AccessDeniedError,
    InvalidParameterError,
    Win32Error,
)
from ._core import KERNEL_LOCK
from ._thread import ThreadHandle, start_thread

if TYPE_CHECKING:
    from ._process import ProcessHandle

__all__ = [
    "MEM_COMMIT",
    "MEM_RESERVE",
    "MEM_DECOMMIT",
    "MEM_RELEASE",
    "MEM_TOP_DOWN",
    "PAGE_NOACCESS",
    "PAGE_READONLY",
    "PAGE_READWRITE",
    "PAGE_EXECUTE",
    "PAGE_EXECUTE_READ",
    "PAGE_EXECUTE_READWRITE",
    "read_memory",
    "write_memory",
    "allocate_memory",
    "free_memory",
    "start_remote_thread",
]

MEM_COMMIT = 0x1000
MEM_RESERVE = 0x2000
MEM_DECOMMIT = 0x4000
MEM_RELEASE = 0x8000
MEM_TOP_DOWN = 0x100000
PAGE_NOACCESS = 0x01
PAGE_READONLY = 0x02
PAGE_READWRITE = 0x04
PAGE_EXECUTE = 0x10
PAGE_EXECUTE_READ = 0x20
PAGE_EXECUTE_READWRITE = 0x40
_PAGE_GUARD = 0x100
_PAGE_NOCACHE = 0x200

_USER_SPACE_END = 1 << 47  # x86-64's canonical user addresses
_GRANULARITY = 0x10000  # Windows' allocation granularity
_PAGE = os.sysconf("SC_PAGE_SIZE")
_PROT_NONE, _PROT_READ, _PROT_WRITE, _PROT_EXEC = 0, 1, 2, 4
_PROTECTIONS = {
    PAGE_NOACCESS: _PROT_NONE,
    PAGE_READONLY: _PROT_READ,
    PAGE_READWRITE: _PROT_READ | _PROT_WRITE,
    PAGE_EXECUTE: _PROT_READ | _PROT_EXEC,  # x86 cannot execute without reading
    PAGE_EXECUTE_READ: _PROT_READ | _PROT_EXEC,
    PAGE_EXECUTE_READWRITE: _PROT_READ | _PROT_WRITE | _PROT_EXEC,
}
_MAP_PRIVATE, _MAP_ANONYMOUS, _MAP_FIXED = 0x02, 0x20, 0x10
_MAP_NORESERVE, _MAP_FIXED_NOREPLACE = 0x4000, 0x100000
_MAP_FAILED = 2**64 - 1

_libc = ctypes.CDLL(None, use_errno=True)
_mmap = _libc.mmap
_mmap.restype = ctypes.c_void_p
_mmap.argtypes = [
    ctypes.c_void_p,
    ctypes.c_size_t,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_int,
    ctypes.c_long,
]
_munmap = _libc.munmap
_munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
_mprotect = _libc.mprotect
_mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]


def _regions(pid: int) -> list[tuple[int, int, bytes]]:
    """The process's mappings as ``(start, end, perms)``, in address order."""
    try:
        with open(f"/proc/{pid}/maps", "rb") as maps:
            lines = maps.read().splitlines()
    except FileNotFoundError:
        raise AccessDeniedError(f"process {pid} has exited: it has no memory") from None
    except OSError as failure:
        raise AccessDeniedError(f"process {pid}'s memory map cannot be read: {failure}") from None
    found = []
    for line in lines:
        span, perms = line.split(maxsplit=2)[:2]
        start, _, end = span.partition(b"-")
        found.append((int(start, 16), int(end, 16), perms))
    return found


def _covered(pid: int, address: int, size: int, allowed: tuple[bytes, ...]) -> bool:
    """Whether ``[address, address + size)`` is mapped throughout with one of ``allowed``."""
    at, end = address, address + size
    for start, stop, perms in _regions(pid):
        if stop <= at:
            continue
        if start > at or not any(perm in perms for perm in allowed):
            return False
        at = stop
        if at >= end:
            return True
    return False


def _check_args(address: int, size: int) -> None:
    for value in (address, size):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"an address or size is an int, not {type(value).__name__}")
    if address < 0 or size < 0:
        raise InvalidParameterError("addresses and sizes are unsigned")


def _live(process: ProcessHandle) -> int:
    with KERNEL_LOCK:
        ended = process._ready
    if ended:
        raise AccessDeniedError(f"{process!r} has exited: its memory is gone")
    return process.pid


def _mem_io(pid: int, flags: int, what: str) -> int:
    try:
        return os.open(f"/proc/{pid}/mem", flags)
    except FileNotFoundError:
        raise AccessDeniedError(f"process {pid} has exited: its memory is gone") from None
    except PermissionError:
        raise AccessDeniedError(
            f"Linux refuses to {what} process {pid}'s memory (ptrace rules: another user, or "
            "Yama's ptrace_scope)"
        ) from None


def read_memory(process: ProcessHandle, address: int, size: int) -> bytes:
    """Read ``size`` bytes at ``address`` of ``process`` (ReadProcessMemory).

    Raises:
        InvalidParameterError: a negative address or size.
        Win32Error: ERROR_NOACCESS for an address outside user space, ERROR_PARTIAL_COPY
            when part of the range is not readable.
        AccessDeniedError: the process has exited, or Linux refuses to read its memory.
    """
    _check_args(address, size)
    pid = _live(process)
    if not size:
        return b""
    if address + size > _USER_SPACE_END:
        raise Win32Error.from_code(ERROR_NOACCESS, f"{address:#x} is not a user-space address")
    if not _covered(pid, address, size, (b"r",)):
        raise Win32Error.from_code(
            ERROR_PARTIAL_COPY, f"{size} bytes at {address:#x} are not all readable"
        )
    fd = _mem_io(pid, os.O_RDONLY, "read")
    try:
        data = os.pread(fd, size, address)
    except OSError:
        data = b""
    finally:
        os.close(fd)
    if len(data) != size:  # unmapped meanwhile
        raise Win32Error.from_code(ERROR_PARTIAL_COPY, f"only {len(data)} of {size} bytes read")
    return data


def write_memory(process: ProcessHandle, address: int, data: bytes) -> int:
    """Write ``data`` at ``address`` of ``process``; return the bytes written.

    Code pages (executable, not writable) are written as Windows writes them: it makes them
    writable for the write.

    Raises:
        InvalidParameterError: an empty buffer, or a negative address.
        Win32Error: ERROR_INVALID_ADDRESS where the range is not all mapped (or only
            reserved), ERROR_NOACCESS where it is read-only or inaccessible.
        AccessDeniedError: the process has exited, or Linux refuses to write its memory.
    """
    _check_args(address, len(data))
    pid = _live(process)
    if not data:
        raise InvalidParameterError("nothing to write: the buffer is empty")
    if address + len(data) > _USER_SPACE_END:
        raise Win32Error.from_code(ERROR_NOACCESS, f"{address:#x} is not a user-space address")
    if not _covered(pid, address, len(data), (b"r", b"w", b"x", b"-")):
        raise Win32Error.from_code(
            ERROR_INVALID_ADDRESS, f"{len(data)} bytes at {address:#x} are not all mapped"
        )
    if pid == os.getpid() and _reserved_only(address, len(data)):
        raise Win32Error.from_code(
            ERROR_INVALID_ADDRESS, f"{address:#x} is reserved, not committed"
        )
    if not _covered(pid, address, len(data), (b"w", b"x")):
        raise Win32Error.from_code(
            ERROR_NOACCESS, f"{len(data)} bytes at {address:#x} are read-only or inaccessible"
        )
    fd = _mem_io(pid, os.O_RDWR, "write")
    try:
        written = os.pwrite(fd, data, address)
    except OSError:
        written = 0
    finally:
        os.close(fd)
    if written != len(data):
        raise Win32Error.from_code(ERROR_PARTIAL_COPY, f"only {written} bytes written")
    return written


# -- this process's allocations ----------------------------------------------------------------


class _Allocations:
    """VirtualAllocEx's reservations in this process: base -> (size, committed page numbers)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.regions: dict[int, tuple[int, set[int]]] = {}

    def find(self, address: int) -> tuple[int, int, set[int]] | None:
        for base, (size, committed) in self.regions.items():
            if base <= address < base + size:
                return base, size, committed
        return None


_allocations = _Allocations()


def _reserved_only(address: int, size: int) -> bool:
    with _allocations.lock:
        found = _allocations.find(address)
        if found is None:
            return False
        first, last = address // _PAGE, (address + size - 1) // _PAGE
        return any(page not in found[2] for page in range(first, last + 1))


def _own(process: ProcessHandle, what: str) -> None:
    if process.pid != os.getpid():
        raise AccessDeniedError(
            f"cannot {what} memory in {process!r}: Linux maps memory into this process only"
        )


def _protection(protect: int) -> int:
    base = protect & ~(_PAGE_GUARD | _PAGE_NOCACHE)
    if base not in _PROTECTIONS:
        raise InvalidParameterError(f"{protect:#x} is no page protection VirtualAlloc takes")
    return _PROTECTIONS[base]


def _map(address: int, size: int, prot: int, flags: int) -> int:
    result = _mmap(address or None, size, prot, _MAP_PRIVATE | _MAP_ANONYMOUS | flags, -1, 0)
    if result is None or result == _MAP_FAILED:
        code = ctypes.get_errno()
        if code == errno.EEXIST:
            raise Win32Error.from_code(ERROR_INVALID_ADDRESS, f"{address:#x} is in use")
        raise Win32Error.from_code(ERROR_NOT_ENOUGH_MEMORY, os.strerror(code))
    return int(result)


def _reserve(base: int, length: int) -> int:
    """Map ``length`` bytes of inaccessible address space at ``base`` (0: 64 KiB aligned)."""
    if base:
        mapped = _map(base, length, _PROT_NONE, _MAP_NORESERVE | _MAP_FIXED_NOREPLACE)
        if mapped != base:
            _munmap(mapped, length)  # an old kernel took the address as a hint
            raise Win32Error.from_code(ERROR_INVALID_ADDRESS, f"{base:#x} is in use")
        return base
    mapped = _map(0, length + _GRANULARITY, _PROT_NONE, _MAP_NORESERVE)
    aligned = -(-mapped // _GRANULARITY) * _GRANULARITY
    if aligned > mapped:
        _munmap(mapped, aligned - mapped)
    _munmap(aligned + length, mapped + _GRANULARITY - aligned)
    return aligned


def allocate_memory(
    process: ProcessHandle, address: int, size: int, allocation_type: int, protect: int
) -> int:
    """Reserve and/or commit pages in ``process`` (this one); return the region's base.

    MEM_RESERVE takes address space (at ``address`` rounded down to 64 KiB, or where the
    system chooses for 0); MEM_COMMIT gives pages with ``protect``, within a reservation
    (made at once for MEM_COMMIT alone at address 0). MEM_TOP_DOWN is a hint, ignored.

    Raises:
        InvalidParameterError: size 0, neither MEM_COMMIT nor MEM_RESERVE (or another
            flag), or a protection VirtualAlloc does not take.
        Win32Error: ERROR_INVALID_ADDRESS for an address in use (reserving) or not
            reserved (committing).
        AccessDeniedError: another process.
    """
    _check_args(address, size)
    _own(process, "allocate")
    kinds = allocation_type & (MEM_COMMIT | MEM_RESERVE)
    if not size or not kinds or allocation_type & ~(MEM_COMMIT | MEM_RESERVE | MEM_TOP_DOWN):
        raise InvalidParameterError(
            f"VirtualAlloc needs a size and MEM_COMMIT and/or MEM_RESERVE, not "
            f"{size} bytes with {allocation_type:#x}"
        )
    prot = _protection(protect)
    with _allocations.lock:
        if kinds & MEM_RESERVE or not address:
            base = address - address % _GRANULARITY
            length = -(-(address + size - base) // _PAGE) * _PAGE
            base = _reserve(base, length)
            _allocations.regions[base] = (length, set())
            start = base
        else:
            found = _allocations.find(address)
            if found is None:
                raise Win32Error.from_code(
                    ERROR_INVALID_ADDRESS, f"{address:#x} is not reserved: reserve it first"
                )
            base, length, _ = found
            start = address - address % _PAGE
        if kinds & MEM_COMMIT:
            first = address - address % _PAGE if address else base
            stop = base + length
            if address:
                stop = min(stop, -(-(address + size) // _PAGE) * _PAGE)
            _mprotect(first, stop - first, prot)
            _allocations.regions[base][1].update(range(first // _PAGE, stop // _PAGE))
        return start


def free_memory(process: ProcessHandle, address: int, size: int, free_type: int) -> None:
    """Decommit pages, or release a whole reservation, in ``process`` (VirtualFreeEx).

    MEM_RELEASE takes the reservation's base and size 0; MEM_DECOMMIT a range within one
    (size 0: to its end), whose pages read as zeros when committed again.

    Raises:
        InvalidParameterError: not exactly one of MEM_DECOMMIT and MEM_RELEASE, a release
            with a size, or an address that was never allocated.
        Win32Error: ERROR_INVALID_ADDRESS for a release inside a region, not at its base.
        AccessDeniedError: another process.
    """
    _check_args(address, size)
    _own(process, "free")
    if free_type not in (MEM_DECOMMIT, MEM_RELEASE):
        raise InvalidParameterError(f"{free_type:#x}: use MEM_DECOMMIT or MEM_RELEASE")
    with _allocations.lock:
        found = _allocations.find(address)
        if found is None:
            raise InvalidParameterError(f"{address:#x} was not allocated by VirtualAlloc")
        base, length, committed = found
        if free_type == MEM_RELEASE:
            if size:
                raise InvalidParameterError("MEM_RELEASE frees a whole region: size 0")
            if address != base:
                raise Win32Error.from_code(
                    ERROR_INVALID_ADDRESS, f"{address:#x} is not the region's base {base:#x}"
                )
            _munmap(base, length)
            del _allocations.regions[base]
            return
        start = address - address % _PAGE
        end = base + length if not size else min(base + length, address + size)
        end = -(-end // _PAGE) * _PAGE
        _map(start, end - start, _PROT_NONE, _MAP_FIXED | _MAP_NORESERVE)
        committed.difference_update(range(start // _PAGE, end // _PAGE))


_THREAD_ROUTINE = ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p)  # LPTHREAD_START_ROUTINE


def _run_routine(address: int, parameter: int) -> int:
    return int(_THREAD_ROUTINE(address)(parameter or None))


def start_remote_thread(
    process: ProcessHandle, address: int, parameter: int, *, suspended: bool = False
) -> ThreadHandle:
    """Start a thread at the machine-code ``address`` in ``process`` (CreateRemoteThread).

    The thread calls ``DWORD routine(void *parameter)``; what it returns is its exit code. A
    wrong address crashes the process, as on Windows. Only this process: Linux cannot start
    a thread in another.

    Raises:
        InvalidParameterError: address 0.
        AccessDeniedError: another process, or one that has exited.
    """
    _check_args(address, parameter)
    _live(process)
    _own(process, "start a thread running")
    if not address:
        raise InvalidParameterError("a thread needs a start address")
    return start_thread(_run_routine, address, parameter, suspended=suspended)
