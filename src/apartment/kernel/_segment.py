"""The shared segment: one file in the runtime directory, mapped by every process of a session.

Everything that named kernel objects share between processes lives here (see
``docs/design.md``, "Named objects across processes"): the session lock, the undo log, a
table of processes, a table of waiting threads, the objects with their names and a hash
index, and per-process bitmaps of the objects each process references. Nothing in it is a
pointer: records are found by index, and every field is a 32-bit word (a few are 64-bit
floats), read and written through :attr:`Segment.w` (and :attr:`Segment.d`).

The file is ``kernel-v1.shm`` in :func:`apartment._runtime.runtime_dir` (0700, the user's
own), mode 0600, and must belong to the user. It is sparse: of its 46 MB of address space
only what is used takes memory. The first process to open it lays it out under an exclusive
``flock``; a process that died doing so leaves no magic word, and the next one starts again.

This module knows the layout and nothing of what the words mean to the objects.
"""

from __future__ import annotations

import ctypes
import fcntl
import mmap
import os
import stat
from typing import TYPE_CHECKING, Any, Final, Protocol, final

from .._runtime import RuntimeDirError, runtime_dir

if TYPE_CHECKING:
    from pathlib import Path

SemLock: Any
try:
    from _multiprocessing import SemLock  # type: ignore[import-not-found,no-redef]
except ImportError:  # pragma: no cover - CPython on Linux always has it
    SemLock = None

__all__ = [
    "Segment",
    "Sem",
    "SharedUnavailableError",
    "available",
    "open_segment",
    "PROCS",
    "THREADS",
    "OBJECTS",
    "BUCKETS",
    "LOG_ENTRIES",
    "INBOX",
    "NAME_BYTES",
]

# -- capacities ------------------------------------------------------------------------------

PROCS: Final = 1024
"""Process slots: processes attached at once (a slot index fits the 10 high bits of an owner)."""
THREADS: Final = 4096
"""Thread slots: threads of the session blocked in a wait on shared objects at once."""
OBJECTS: Final = 32768
"""Shared objects alive at once, named or not."""
BUCKETS: Final = 65536
"""Chains of the name index."""
LOG_ENTRIES: Final = 32768
"""Undo-log entries: stores of one compound change."""
INBOX: Final = 64
"""Handles another process may put into a process's inbox before it takes them."""
NAME_BYTES: Final = 1040
"""The longest name, UTF-8 encoded: MAX_PATH (260) characters of at most 4 bytes."""

MAGIC: Final = 0x41504B31  # "APK1"
VERSION: Final = 1
FILE_NAME: Final = "kernel-v1.shm"
LIVES_NAME: Final = "kernel-v1.lives"

# -- the header (word indices) ---------------------------------------------------------------

H_MAGIC: Final = 0
H_VERSION: Final = 1
H_READY: Final = 2
H_SEQ_LO: Final = 8
"""Wait start times (64 bits in two words), for FIFO order among the session's waiters."""
H_SEQ_HI: Final = 9
H_OBJ_HINT: Final = 10
"""Where the next search for a free object record starts."""
H_TS_HINT: Final = 11
"""Where the next search for a free thread record starts."""
H_NWAITING: Final = 12
"""How many thread records are in the waiting list."""
H_LOGLEN: Final = 13
"""Undo-log entries of the change in progress; 0 outside a compound change."""
H_CREATED: Final = 14
"""A counter bumped by each object created, for generations."""

SEM_SIZE: Final = 32
"""Bytes reserved for one POSIX semaphore (glibc's sem_t is 32 bytes on 64-bit Linux)."""
G_SEM: Final = 256
"""Byte offset of the session lock's semaphore (1 = free)."""
G_WAKE_SEM: Final = G_SEM + SEM_SIZE
"""Byte offset of the semaphore that wakes processes sleeping for the session lock."""
G_SLEEPERS_SEM: Final = G_WAKE_SEM + SEM_SIZE
"""Byte offset of the semaphore counting processes asleep for the session lock."""

HEADER_BYTES: Final = 4096

# -- the undo log ----------------------------------------------------------------------------

LOG: Final = HEADER_BYTES // 4
"""Word index of the undo log: pairs (word index, old value)."""

# -- process records (16 words each) ---------------------------------------------------------

PROC_WORDS: Final = 64
P_STATE: Final = 0
"""0 free, 1 live, 2 reserved for a child, 3 being cleaned up after its death."""
P_PID: Final = 1
P_WANT: Final = 2
"""Set while the process tries for or holds the session lock (see ``_session``)."""
P_SLEEPERS: Final = 3
"""How many of the process's threads sleep for the session lock (for cleanup)."""
P_RESERVER: Final = 4
"""For a reserved slot: the reserving (parent) process's slot + 1."""
P_RESERVED_AT: Final = 5
"""For a reserved slot: when it was reserved (whole seconds of CLOCK_MONOTONIC)."""
P_INBOX_NEXT: Final = 6
"""The next value another process gives a handle it duplicates into this one: 8 * n + 4."""
P_EXIT_CODE: Final = 7
"""The exit code TerminateProcess gave the process (with P_EXIT_SET)."""
P_EXIT_SET: Final = 8
P_EPOCH: Final = 9
"""Bumped at each claim: tells a slot's lives apart."""
P_START: Final = 10
"""For a slot reserved for a child started by CreateProcess: the child's start time."""
P_FORK_LOCK: Final = 11
"""For a slot reserved for a forked child: 1 if the child's fork lock stands for it (the lock
on the slot's byte of the segment file that only the child holds once the fork is done), 2 if
the kernel refused it (see ``_slots``); 0 for a child of CreateProcess."""
P_RESERVER_EPOCH: Final = 12
"""For a reserved slot: the reserving process's epoch (its slot may be another's later)."""
P_THREAD_WANTS: Final = 16
"""48 words: the want words of the process's threads that have one of their own."""
THREAD_WANTS: Final = PROC_WORDS - P_THREAD_WANTS

FREE: Final = 0
LIVE: Final = 1
RESERVED: Final = 2
CLEANING: Final = 3

# -- the waiting list ------------------------------------------------------------------------

# THREADS words: the thread records now registered as waiters, in no order.

# -- thread records (96 words each) ----------------------------------------------------------

TS_WORDS: Final = 96
T_STATE: Final = 0
"""0 free, 1 in use by a thread."""
T_PROC: Final = 1
T_TID: Final = 2
T_MODE: Final = 3
"""0 not waiting; 1 waiting, decided in the segment (hand-off); 2 waiting, poked only."""
T_RESULT: Final = 4
"""0 undecided; else 1 + index, plus RESULT_ABANDONED."""
T_ACKED: Final = 5
"""Set by the waiter once it has seen its result (a dead waiter's unseen grant is undone)."""
T_WAIT_ALL: Final = 6
T_COUNT: Final = 7
T_SEQ_LO: Final = 8
T_SEQ_HI: Final = 9
T_POKED: Final = 10
T_OWNER: Final = 11
"""The owner word of the thread (see ``owner_word``)."""
T_POS: Final = 12
"""Where the record sits in the waiting list."""
T_OBJECTS: Final = 16
"""64 words: the object indices waited on, in the wait's order."""
T_SEM_BYTE: Final = 320
"""Byte offset, within a thread record, of its parker semaphore."""

RESULT_ABANDONED: Final = 0x10000

# -- object records (16 words each) ----------------------------------------------------------

OBJ_WORDS: Final = 16
O_KIND: Final = 0
"""Low byte: the kind (0 for a free record); above it, the flags."""
O_GEN: Final = 1
O_REFS: Final = 2
"""How many processes reference the object."""
O_NAMES: Final = 3
"""How many processes hold its name."""
O_NWAITERS: Final = 4
"""How many thread records wait on it."""
O_STATE: Final = 5
"""Event or timer: signaled. Semaphore: the count. Mutex: the owner word (0 when free).
Section: the low 32 bits of its size."""
O_AUX: Final = 6
"""Semaphore: the maximum. Mutex: the recursion count. Section: the high bits of its size."""
O_AUX2: Final = 7
"""Mutex: abandoned. Timer: the slot + 1 of the process that times it (0: not armed)."""
O_HASH: Final = 8
O_NEXT: Final = 9
"""The next record (index + 1) in the name's hash chain."""
O_NAMELEN: Final = 10
O_TIMER_GEN: Final = 11
O_DUE_F64: Final = 12
"""Timer: the due time (CLOCK_MONOTONIC seconds), a float over words 12-13."""
O_PERIOD_F64: Final = 14
"""Timer: the period in seconds, a float over words 14-15."""

KIND_EVENT: Final = 1
KIND_MUTEX: Final = 2
KIND_SEMAPHORE: Final = 3
KIND_TIMER: Final = 4
KIND_SECTION: Final = 5
"""A section (file mapping): not waitable; O_STATE and O_AUX hold its size, O_AUX2 its flags."""

FLAG_MANUAL: Final = 0x100
FLAG_NAMED: Final = 0x200
"""The record is in the name index."""
FLAG_REAL_CLOCK: Final = 0x400
"""Timer: its due time is CLOCK_MONOTONIC (another process can take its timing over)."""
FLAG_FILE: Final = 0x800
"""Section: it maps a file of the user's (its file in the runtime directory is a link to it)."""

# -- inboxes (INBOX entries of 4 words per process) -------------------------------------------

INBOX_WORDS: Final = 4
I_VALUE: Final = 0
"""The handle value (0: an empty entry)."""
I_OBJECT: Final = 1
"""The object's index + 1."""
I_GEN: Final = 2
I_ACCESS: Final = 3

# -- the whole layout, in words ---------------------------------------------------------------

_LOG_WORDS = LOG_ENTRIES * 2
PROC_BASE: Final = LOG + _LOG_WORDS
WAITING_BASE: Final = PROC_BASE + PROCS * PROC_WORDS
BUCKET_BASE: Final = WAITING_BASE + THREADS
OBJ_BASE: Final = BUCKET_BASE + BUCKETS
TS_BASE: Final = OBJ_BASE + OBJECTS * OBJ_WORDS
INBOX_BASE: Final = TS_BASE + THREADS * TS_WORDS
BITMAP_WORDS: Final = OBJECTS // 32
"""Words of one process's bitmap of objects."""
REF_BASE: Final = INBOX_BASE + PROCS * INBOX * INBOX_WORDS
"""Per process: which objects it references."""
NAME_BITS_BASE: Final = REF_BASE + PROCS * BITMAP_WORDS
"""Per process: which objects' names it holds."""
NAMES_BYTE: Final = (NAME_BITS_BASE + PROCS * BITMAP_WORDS) * 4
TOTAL_BYTES: Final = NAMES_BYTE + OBJECTS * NAME_BYTES


def proc_word(slot: int) -> int:
    """Word index of process record ``slot``."""
    return PROC_BASE + slot * PROC_WORDS


def ts_word(ts: int) -> int:
    """Word index of thread record ``ts``."""
    return TS_BASE + ts * TS_WORDS


def obj_word(index: int) -> int:
    """Word index of object record ``index``."""
    return OBJ_BASE + index * OBJ_WORDS


def obj_index(word: int) -> int:
    """The index of the object record at word index ``word``."""
    return (word - OBJ_BASE) // OBJ_WORDS


def owner_word(slot: int, tid: int) -> int:
    """The word that names a thread as a mutex owner: its process slot and native id.

    Linux thread ids are below 2**22 (the largest ``pid_max``), so ten bits are left for the
    slot. 0 names nobody.
    """
    return (slot << 22) | tid


def owner_slot(owner: int) -> int:
    """The process slot of an owner word."""
    return owner >> 22


def owner_tid(owner: int) -> int:
    """The native thread id of an owner word."""
    return owner & 0x3FFFFF


class Sem(Protocol):
    """A process-shared POSIX semaphore in the segment (the stdlib's SemLock bound to it)."""

    def acquire(self, block: bool = True, timeout: float | None = None) -> bool:
        """Take one unit (sem_trywait when not ``block``); False on timeout."""

    def release(self) -> None:
        """Give one unit back (sem_post)."""

    def _get_value(self) -> int:
        """The count (sem_getvalue)."""


class SharedUnavailableError(OSError):
    """Names cannot be shared between processes here (no POSIX semaphores in shared memory)."""


def available() -> bool:
    """Tell whether this platform can share kernel objects between processes."""
    return SemLock is not None and hasattr(os, "pidfd_open") and _libc_sem_init() is not None


_SEM_INIT: list[object] = []


def _libc_sem_init() -> object | None:
    if not _SEM_INIT:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fn = libc.sem_init
            fn.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint]
            fn.restype = ctypes.c_int
            _SEM_INIT.append(fn)
        except (OSError, AttributeError):
            _SEM_INIT.append(None)
    return _SEM_INIT[0]


def _check_mine(fd: int, path: Path) -> None:
    info = os.fstat(fd)
    if info.st_uid != os.getuid() or not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
        os.close(fd)
        raise RuntimeDirError(
            f"{path} is not a private file of yours (owner {info.st_uid}, mode "
            f"{stat.S_IMODE(info.st_mode):o}); remove it, or set APARTMENT_RUNTIME_DIR to a "
            "directory of yours"
        )


def _open_private(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise RuntimeDirError(
            f"cannot open {path}: {exc.strerror}; set APARTMENT_RUNTIME_DIR to a directory of yours"
        ) from exc
    _check_mine(fd, path)
    return fd


@final
class Segment:
    """The mapped segment of one session (one runtime directory).

    Attributes:
        w: the whole segment as 32-bit words.
        d: the whole segment as 64-bit floats (index = byte offset // 8).
        mapping: the ``mmap`` itself.
        base: the address of the mapping (for semaphores).
        directory: the runtime directory.
    """

    __slots__ = ("_sems", "base", "d", "directory", "fd", "lives_path", "mapping", "path", "w")

    def __init__(self, directory: Path) -> None:
        sem_init = _libc_sem_init()
        if SemLock is None or sem_init is None:
            raise SharedUnavailableError(
                "this platform has no process-shared POSIX semaphores; names stay per process"
            )
        self.directory = directory
        self.path = directory / FILE_NAME
        self.lives_path = directory / LIVES_NAME
        self.fd = _open_private(self.path)
        self._sems: dict[int, Sem] = {}
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        try:
            size = os.fstat(self.fd).st_size
            if size not in (0, TOTAL_BYTES):
                raise RuntimeDirError(
                    f"{self.path} is {size} bytes, not the {TOTAL_BYTES} this version lays "
                    "out; remove it once no process uses it"
                )
            if size == 0:
                os.ftruncate(self.fd, TOTAL_BYTES)
            self.mapping = mmap.mmap(self.fd, TOTAL_BYTES)
            self.w = memoryview(self.mapping).cast("I")
            self.d = memoryview(self.mapping).cast("d")
            anchor = ctypes.c_char.from_buffer(self.mapping)
            self.base = ctypes.addressof(anchor)
            del anchor  # the mapping must not stay exported by a ctypes object
            if self.w[H_MAGIC] != MAGIC or self.w[H_READY] != 1:
                self._lay_out(sem_init)
            elif self.w[H_VERSION] != VERSION:
                raise RuntimeDirError(f"{self.path} has another layout; remove it")
        finally:
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def _lay_out(self, sem_init: object) -> None:
        """Initialize a new (or half-initialized) segment; the caller holds the flock."""
        w = self.w
        w[H_READY] = 0
        self.mapping[:HEADER_BYTES] = bytes(HEADER_BYTES)
        init = sem_init
        assert callable(init)
        for offset, value in ((G_SEM, 1), (G_WAKE_SEM, 0), (G_SLEEPERS_SEM, 0)):
            if init(self.base + offset, 1, value) != 0:
                raise OSError(ctypes.get_errno(), "sem_init failed for the session lock")
        for ts in range(THREADS):
            if init(self.base + ts_word(ts) * 4 + T_SEM_BYTE, 1, 0) != 0:
                raise OSError(ctypes.get_errno(), "sem_init failed for a thread's parker")
        w[H_VERSION] = VERSION
        w[H_MAGIC] = MAGIC
        w[H_READY] = 1

    def sem(self, byte_offset: int) -> Sem:
        """Return a SemLock over the semaphore at ``byte_offset`` (made once per process)."""
        found = self._sems.get(byte_offset)
        if found is None:
            assert SemLock is not None
            found = SemLock._rebuild(self.base + byte_offset, 1, 2**31 - 1, None)
            assert found is not None
            self._sems[byte_offset] = found
        return found

    def other_sem(self, byte_offset: int) -> Sem:
        """Return a new SemLock over the semaphore at ``byte_offset``, with counts of its own.

        A SemLock counts the acquires and releases made through it (which thread holds it);
        a post meant to count for no thread of this process goes through this one.
        """
        assert SemLock is not None
        other: Sem = SemLock._rebuild(self.base + byte_offset, 1, 2**31 - 1, None)
        return other

    def ts_sem(self, ts: int) -> Sem:
        """Return the parker semaphore of thread record ``ts``."""
        return self.sem(ts_word(ts) * 4 + T_SEM_BYTE)

    def name_bytes(self, index: int, length: int) -> bytes:
        """Return the stored name of object ``index``."""
        start = NAMES_BYTE + index * NAME_BYTES
        return self.mapping[start : start + length]

    def set_name_bytes(self, index: int, data: bytes) -> None:
        """Store the name of object ``index`` (before the record is linked: not logged)."""
        start = NAMES_BYTE + index * NAME_BYTES
        self.mapping[start : start + len(data)] = data


def open_segment(directory: Path | None = None) -> Segment:
    """Map the segment of the session whose runtime directory is ``directory`` (default: ours).

    Raises:
        RuntimeDirError: the directory or the file is not the user's own, or is unusable.
        SharedUnavailableError: the platform cannot share objects between processes.
    """
    return Segment(runtime_dir() if directory is None else directory)


def open_lives(segment: Segment) -> int:
    """Open the session's lives file (record locks mark live processes); a new descriptor."""
    return _open_private(segment.lives_path)
