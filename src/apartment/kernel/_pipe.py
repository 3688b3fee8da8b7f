"""Pipe ends: the server and client ends of a named pipe, and the two ends of an anonymous one.

:class:`PipeEnd` adds to the plumbing of :class:`~._pipeio.PipeIO` what the pipe calls ask:
the pipe's type and buffer sizes, the read and wait modes (SetNamedPipeHandleState),
PeekNamedPipe, TransactNamedPipe, and the process ids of both ends. A server end is a
:class:`~._pipeserver.PipeServer`: it adds ConnectNamedPipe and DisconnectNamedPipe, which a
client end refuses (ERROR_INVALID_FUNCTION).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from ..errors import (
    ERROR_BAD_PIPE,
    ERROR_INVALID_FUNCTION,
    ERROR_INVALID_HANDLE,
    AccessDeniedError,
    InvalidHandleError,
    InvalidParameterError,
    NotSupportedError,
    PipeBusyError,
    Win32Error,
)
from ._filemodes import FILE_APPEND_DATA, FILE_READ_ATTRIBUTES, FILE_READ_DATA, FILE_WRITE_DATA
from ._ioservice import IO_LOCK
from ._pipebuf import frames
from ._pipeio import PipeIO
from ._pipemodes import (
    PIPE_CLIENT_END,
    PIPE_NOWAIT,
    PIPE_READMODE_MESSAGE,
    PIPE_SERVER_END,
    PIPE_TYPE_MESSAGE,
)
from ._piperequest import CLOSED, CONNECTED, Done, Request

if TYPE_CHECKING:
    from typing_extensions import Buffer

    from ._overlapped import IoResult, Overlapped

__all__ = ["PipeEnd"]


class PipeEnd(PipeIO):
    """One end of a pipe. Servers come from create_named_pipe, clients from open_file."""

    __slots__ = (
        "client_pid", "default_timeout", "in_size", "max_instances", "out_size", "server",
        "server_pid",
    )  # fmt: skip

    kind: ClassVar[str] = "pipe"

    def __init__(self, name: str, access: int, overlapped_io: bool, *, server: bool) -> None:
        super().__init__(name, access, overlapped_io, listening=server)
        self.server = server
        self.in_size = self.out_size = 4096
        self.max_instances = 1
        self.default_timeout = 50
        self.client_pid = self.server_pid = 0

    # -- a server's calls, which a client end refuses ---------------------------------------------

    def connect(self, overlapped: Overlapped | None = None) -> int:
        """Wait for a client (ConnectNamedPipe): only a named pipe's server end connects."""
        self._check_open()
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, "only a server end connects")

    def disconnect(self) -> None:
        """Drop the client (DisconnectNamedPipe): only a named pipe's server end can."""
        self._check_open()
        raise Win32Error.from_code(ERROR_INVALID_FUNCTION, "only a server end disconnects")

    def transact(
        self, data: Buffer, buffer: Buffer, overlapped: Overlapped | None = None
    ) -> IoResult:
        """Write a message and read the reply in one call (TransactNamedPipe).

        The write never waits (it queues behind earlier writes); the read is a message-mode
        read, pending or waited for as ReadFile's.

        Raises:
            Win32Error: ERROR_BAD_PIPE unless a message-type pipe in message read mode;
                ERROR_PIPE_BUSY if unread data is waiting.
        """
        self._check_open()
        self._need(FILE_READ_DATA, "read from it")
        self._need(FILE_WRITE_DATA | FILE_APPEND_DATA, "write to it")
        if not (self.message_type and self.read_message):
            raise Win32Error.from_code(
                ERROR_BAD_PIPE, f"{self.name!r} must be a message pipe read in message mode"
            )
        view = memoryview(data).cast("B")
        request = Request(None, threading.get_ident())
        request.length, request.data = len(view), frames(view)
        done: Done = []
        with IO_LOCK:
            self._check_connected("transact on it")
            self._pull()
            self._serve(done)  # a pending read takes what came, before it counts as unread
            busy = self._inbox.has_data()
            if not busy and (self._writes or not self._send(request)):
                self._writes.append(request)  # nobody waits for it: its Overlapped is None
                self._arm()
        self._finish(done)
        if busy:
            raise PipeBusyError(f"{self.name!r} has unread data; read it before transacting")
        return self.read_into(buffer, overlapped, transacting=True)

    # -- the descriptor, for a child or the C runtime ----------------------------------------------

    def descriptor(self) -> int:
        """The socket's descriptor: only an anonymous pipe's ends carry plain bytes.

        Raises:
            NotSupportedError: a named pipe's connection carries this library's frames,
                which no other program could read.
            InvalidHandleError: the end is closed.
        """
        self._check_open()
        if not self.raw:
            raise NotSupportedError(
                f"{self.name!r} carries framed messages: only an anonymous pipe's ends "
                "(CreatePipe) can be a descriptor or a child's standard stream"
            )
        with IO_LOCK:
            if self._sock is None:
                raise InvalidHandleError(f"{self.name!r} is closed")
            return self._fd

    def release_descriptor(self) -> None:
        """Leave the socket open when this end closes: its new owner closes it."""
        self.descriptor()
        with IO_LOCK:
            self._owns_fd = False

    # -- state and information -------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        """Set the read and wait modes (SetNamedPipeHandleState's PIPE_READMODE_*, PIPE_*WAIT).

        Raises:
            InvalidParameterError: unknown bits, or message read mode on a byte-type pipe.
        """
        self._check_open()
        if mode & ~(PIPE_READMODE_MESSAGE | PIPE_NOWAIT):
            raise InvalidParameterError(f"{mode:#x} is not a pipe read mode and wait mode")
        if mode & PIPE_READMODE_MESSAGE and not self.message_type:
            raise InvalidParameterError(
                f"{self.name!r} is a byte-type pipe; only a message-type pipe reads messages"
            )
        with IO_LOCK:
            self.read_message = bool(mode & PIPE_READMODE_MESSAGE)
            self.nowait = bool(mode & PIPE_NOWAIT)

    def mode(self) -> int:
        """The current read and wait modes, as GetNamedPipeHandleState reports them."""
        return (PIPE_READMODE_MESSAGE if self.read_message else 0) | (
            PIPE_NOWAIT if self.nowait else 0
        )

    def instances(self) -> int:
        """How many instances the pipe has, as far as this end knows (a client: 1)."""
        return 1

    @property
    def connected(self) -> bool:
        """Whether the end has a connection now (a server: a client it accepted)."""
        return self._state == CONNECTED

    def check_query(self) -> None:
        """Refuse GetNamedPipeInfo/GetNamedPipeHandleState where Windows does.

        Those queries need FILE_READ_ATTRIBUTES, which the server end of a
        PIPE_ACCESS_OUTBOUND pipe is not given (its rights are GENERIC_WRITE's); a client
        end, even one opened with no access, may query until its server disconnects it
        (ERROR_PIPE_NOT_CONNECTED: the end is no longer the pipe's).
        """
        if self.server:
            if not self.access & FILE_READ_ATTRIBUTES:
                raise AccessDeniedError(f"{self.name!r} is the server end of an outbound pipe")
            return
        with IO_LOCK:
            if self._state == CONNECTED and self._sock is not None and not self.raw:
                while self._pull():  # a DisconnectNamedPipe notice may wait in the socket
                    pass
            if self._inbox.ended == "disconnected":
                raise self._ended_error()

    def info(self) -> tuple[int, int, int, int]:
        """(flags, out buffer size, in buffer size, max instances), as GetNamedPipeInfo."""
        self.check_query()
        flags = (PIPE_SERVER_END if self.server else PIPE_CLIENT_END) | (
            PIPE_TYPE_MESSAGE if self.message_type else 0
        )
        return flags, self.out_size, self.in_size, self.max_instances

    def peek(self, size: int) -> tuple[bytes, int, int]:
        """(data, bytes available, bytes left in this message) without reading (PeekNamedPipe).

        For a byte-type pipe the last is 0 minus the bytes returned, as Windows reports it.
        """
        self._check_open()
        if size < 0:
            raise ValueError(f"a peek takes a byte count, 0 or more, not {size!r}")
        with IO_LOCK:
            if self.server and self._state != CONNECTED:
                raise Win32Error.from_code(ERROR_BAD_PIPE, f"{self.name!r} has no client")
            if self._state == CLOSED:
                raise Win32Error.from_code(ERROR_INVALID_HANDLE, f"{self.name!r} is closed")
            while self._pull():
                pass
            done: Done = []
            self._serve(done)  # pending reads take what came before anyone peeks at it
            inbox = self._inbox
            if inbox.ended == "disconnected":  # the rest was discarded by DisconnectNamedPipe
                inbox.messages.clear()
            error: Win32Error | None = None
            result = (b"", 0, 0)
            if inbox.ended is not None and not inbox.has_data():
                error = self._ended_error()
            else:
                result = inbox.peek(size, self.message_type)
        self._finish(done)
        if error is not None:
            raise error
        return result
