r"""Mailslots: one-way, message-based channels from any process of the user to one reader.

A mailslot ``\\.\mailslot\NAME`` (any case; NAME may hold backslashes) is a Unix datagram
socket in the user's runtime directory, named after a hash of the name: datagrams keep each
message whole, as a mailslot does. :func:`create_mailslot` makes the server end (its one
reader; a name in use is ERROR_ALREADY_EXISTS, a name outside ``\\.\mailslot\`` is
ERROR_INVALID_NAME); :func:`open_mailslot_client` (CreateFile of the name, GENERIC_WRITE and
FILE_SHARE_READ) a writer (ERROR_FILE_NOT_FOUND when no server has it; ERROR_SHARING_VIOLATION
without FILE_SHARE_READ, as the reader holds it).

Reads take the oldest message whole: a buffer too small for it is ERROR_INSUFFICIENT_BUFFER and
the message stays. With none there, a read waits for the read timeout (0: not at all;
MAILSLOT_WAIT_FOREVER) and then fails with ERROR_SEM_TIMEOUT. A read with an OVERLAPPED
completes before it returns, as on a handle opened without FILE_FLAG_OVERLAPPED (which a
mailslot's reader is): its Overlapped reports the result. The server only reads, a client only
writes (ERROR_ACCESS_DENIED otherwise). The maximum message size is reported, not enforced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import select
import socket
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Final

from .._runtime import runtime_dir
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_ALREADY_EXISTS,
    ERROR_FILE_NOT_FOUND,
    ERROR_INSUFFICIENT_BUFFER,
    ERROR_INVALID_NAME,
    ERROR_PATH_NOT_FOUND,
    ERROR_SEM_TIMEOUT,
    ERROR_SHARING_VIOLATION,
    InvalidHandleError,
    Win32Error,
)
from ._file import File
from ._filemodes import (
    FILE_SHARE_READ,
    FILE_WRITE_DATA,
    GENERIC_READ,
    map_file_access,
)
from ._overlapped import DONE, IoResult, begin, complete

if TYPE_CHECKING:
    from typing_extensions import Buffer

    from ._overlapped import Overlapped

__all__ = [
    "MAILSLOT_WAIT_FOREVER",
    "MAILSLOT_NO_MESSAGE",
    "Mailslot",
    "MailslotClient",
    "mailslot_name",
    "create_mailslot",
    "open_mailslot_client",
]

MAILSLOT_WAIT_FOREVER: Final = 0xFFFFFFFF
"""A read timeout (in ms) of forever."""
MAILSLOT_NO_MESSAGE: Final = 0xFFFFFFFF
"""GetMailslotInfo's next message size when there is none."""
_PREFIXES: Final = ("\\\\.\\mailslot\\", "//./mailslot/")
_MAX_DATAGRAM: Final = 1 << 20


def mailslot_name(path: str) -> str | None:
    r"""The NAME of a ``\\.\mailslot\NAME`` path (any case), or None if it names no mailslot."""
    for prefix in _PREFIXES:
        if path[: len(prefix)].lower() == prefix and len(path) > len(prefix):
            return path[len(prefix) :]
    return None


def _address(name: str) -> str:
    digest = hashlib.sha256(name.casefold().encode("utf-8", "surrogatepass")).hexdigest()
    folder = runtime_dir() / "mailslots"
    folder.mkdir(mode=0o700, exist_ok=True)
    return str(folder / digest[:32])


def _alive(address: str) -> bool:
    """Whether a server is bound at ``address`` (a stale socket refuses)."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        probe.connect(address)
    except (ConnectionRefusedError, FileNotFoundError):
        return False
    finally:
        probe.close()
    return True


class Mailslot(File):
    """The server end of a mailslot: it reads the messages every writer sends."""

    __slots__ = ("_address", "_lock", "_max_size", "_queue", "_socket", "_timeout")

    kind = "mailslot"

    def __init__(
        self, name: str, address: str, sock: socket.socket, max_size: int, timeout: int
    ) -> None:
        super().__init__(name, map_file_access(GENERIC_READ), overlapped_io=False)
        self._lock = threading.Lock()
        self._socket = sock
        self._address = address
        self._max_size = max_size
        self._timeout = timeout
        self._queue: deque[bytes] = deque()

    def _drain(self) -> None:
        """Move what has arrived into the queue (lock held)."""
        while True:
            try:
                self._queue.append(self._socket.recv(_MAX_DATAGRAM, socket.MSG_DONTWAIT))
            except (BlockingIOError, InterruptedError):
                return

    def info(self) -> tuple[int, int, int, int]:
        """``(max message size, next size or MAILSLOT_NO_MESSAGE, count, read timeout ms)``."""
        self._check_open()
        with self._lock:
            self._drain()
            following = len(self._queue[0]) if self._queue else MAILSLOT_NO_MESSAGE
            return self._max_size, following, len(self._queue), self._timeout

    def set_read_timeout(self, timeout: int) -> None:
        """Set how long a read waits for a message, in ms (SetMailslotInfo)."""
        self._check_open()
        with self._lock:
            self._timeout = timeout

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Take the oldest message into ``buffer``, waiting up to the read timeout for one.

        Raises:
            Win32Error: ERROR_SEM_TIMEOUT when none came in time, ERROR_INSUFFICIENT_BUFFER
                when the buffer is smaller than the message (it stays).
        """
        self._check_open()
        view = memoryview(buffer).cast("B")
        if overlapped is not None:
            begin(overlapped)
            overlapped.completion = self.completion
        try:
            message = self._take_message(len(view))
        except Win32Error as error:
            if overlapped is not None:
                complete(overlapped, error.winerror, 0)
            raise
        view[: len(message)] = message
        if overlapped is not None:
            complete(overlapped, 0, len(message))
        return IoResult(0, len(message))

    def _take_message(self, room: int) -> bytes:
        with self._lock:
            timeout = self._timeout
        deadline = None if timeout == MAILSLOT_WAIT_FOREVER else time.monotonic() + timeout / 1000
        while True:
            with self._lock:
                if self._closed:
                    raise InvalidHandleError(f"{self.name!r} was closed")
                self._drain()
                if self._queue:
                    if len(self._queue[0]) > room:
                        raise Win32Error.from_code(
                            ERROR_INSUFFICIENT_BUFFER,
                            f"the next message has {len(self._queue[0])} bytes, the buffer {room}",
                        )
                    return self._queue.popleft()
                fd = self._socket.fileno()
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise Win32Error.from_code(ERROR_SEM_TIMEOUT, "no message came in time")
            with contextlib.suppress(OSError, ValueError):
                select.select([fd], [], [], 0.5 if left is None else min(left, 0.5))

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, "a mailslot's server only reads")

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            with contextlib.suppress(OSError):
                os.unlink(self._address)
            self._socket.close()


class MailslotClient(File):
    """A writer's end of a mailslot: each write is one message to its server."""

    __slots__ = ("_address", "_socket")

    kind = "mailslot"

    def __init__(self, name: str, address: str, access: int) -> None:
        super().__init__(name, access, overlapped_io=False)
        self._address = address
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)

    def write(self, data: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        """Send ``data`` as one message; return IoResult(0, its size).

        A message to a server that has gone is lost, as one to a remote mailslot is.
        """
        self._check_open()
        self._need(FILE_WRITE_DATA, "write to it")
        payload = bytes(memoryview(data).cast("B"))
        if overlapped is not None:
            begin(overlapped)
            overlapped.completion = self.completion
        with contextlib.suppress(OSError):
            self._socket.sendto(payload, self._address)
        if overlapped is not None:
            complete(overlapped, 0, len(payload))
        return IoResult(0, len(payload)) if payload else DONE

    def read_into(self, buffer: Buffer, overlapped: Overlapped | None = None) -> IoResult:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, "a mailslot's client only writes")

    def close(self) -> None:
        self._closed = True
        self._socket.close()


def create_mailslot(path: str, max_size: int = 0, timeout: int = 0) -> Mailslot:
    r"""Make the server end of mailslot ``path`` (CreateMailslot); ``timeout`` in ms.

    Raises:
        TypeError: ``path`` is not a str.
        Win32Error: ERROR_INVALID_NAME for a path outside ``\\.\mailslot\``,
            ERROR_PATH_NOT_FOUND for '', ERROR_ALREADY_EXISTS when a server has that name.
    """
    if not isinstance(path, str):
        raise TypeError(f"a mailslot's name is a str, not {type(path).__name__}")
    if not path:  # no path at all, before it is a mailslot's or not
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, "a mailslot needs a name")
    name = mailslot_name(path)
    if name is None:
        raise Win32Error.from_code(ERROR_INVALID_NAME, f"{path!r} is not \\\\.\\mailslot\\NAME")
    address = _address(name)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        try:
            sock.bind(address)
        except OSError:
            if _alive(address):
                raise Win32Error.from_code(
                    ERROR_ALREADY_EXISTS, f"mailslot {path!r} has a server"
                ) from None
            with contextlib.suppress(FileNotFoundError):
                os.unlink(address)  # a dead server's
            sock.bind(address)
    except BaseException:
        sock.close()
        raise
    return Mailslot(path, address, sock, max_size, timeout)


def open_mailslot_client(path: str, access: int, share: int) -> MailslotClient:
    """Open a writer of a mailslot (CreateFile of its name).

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND when no server has the name,
            ERROR_SHARING_VIOLATION without FILE_SHARE_READ.
    """
    name = mailslot_name(path)
    if name is None:
        raise Win32Error.from_code(ERROR_INVALID_NAME, f"{path!r} is not \\\\.\\mailslot\\NAME")
    address = _address(name)
    if not _alive(address):
        raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no mailslot {path!r}")
    rights = map_file_access(access)
    if not share & FILE_SHARE_READ:
        raise Win32Error.from_code(
            ERROR_SHARING_VIOLATION,
            "the server reads the mailslot: open it sharing read (FILE_SHARE_READ)",
        )
    return MailslotClient(path, address, rights)
