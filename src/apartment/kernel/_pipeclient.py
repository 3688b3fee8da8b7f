r"""The client side of pipes: connecting to a named pipe, waiting for one, calling one.

A client reaches each process that serves the name (:mod:`._pipename`) in turn, oldest
first, and asks to connect; the first to give it an instance wins. A refusal says why:
every instance is busy (ERROR_PIPE_BUSY), or the pipe does not go the asked way
(ERROR_ACCESS_DENIED). With no server at all the name does not exist (ERROR_FILE_NOT_FOUND).
Anonymous pipes (CreatePipe) are here too: a connected pair from the start.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from typing import Final

from .. import _wire
from .._runtime import peer_uid
from ..errors import (
    ERROR_ACCESS_DENIED,
    ERROR_FILE_NOT_FOUND,
    ERROR_PATH_NOT_FOUND,
    ERROR_PIPE_BUSY,
    ERROR_SEM_TIMEOUT,
    InvalidParameterError,
    PipeBusyError,
    Win32Error,
)
from ._filemodes import (
    FILE_FLAG_OVERLAPPED,
    FILE_GENERIC_READ,
    FILE_GENERIC_WRITE,
    GENERIC_READ,
    GENERIC_WRITE,
    map_file_access,
)
from ._ioservice import IO_LOCK
from ._pipe import PipeEnd
from ._pipemodes import NMPWAIT_USE_DEFAULT_WAIT, NMPWAIT_WAIT_FOREVER, PIPE_READMODE_MESSAGE
from ._pipename import ask, dial, listening_changed, pipe_name, servers

__all__ = ["call_named_pipe", "create_pipe", "open_pipe_client", "wait_named_pipe"]

_DEFAULT_WAIT_MS: Final = 50


def _int(reply: dict[str, object], key: str, default: int) -> int:
    value = reply.get(key, default)
    return value if isinstance(value, int) else default


def open_pipe_client(path: str, access: int, flags: int) -> PipeEnd:
    r"""Connect to a listening instance of a named pipe (CreateFile on ``\\.\pipe\NAME``).

    The client end starts in byte read mode and blocking mode, as on Windows.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND (no such pipe), ERROR_PIPE_BUSY (every instance is
            connected), ERROR_ACCESS_DENIED (the pipe does not go the asked way).
    """
    rights = map_file_access(access)
    refusals: list[int] = []
    for server in servers(pipe_name(path) or ""):
        try:
            sock = dial(server)
        except PermissionError:
            refusals.append(ERROR_ACCESS_DENIED)
            continue
        if sock is None:
            continue
        with contextlib.suppress(OSError):  # a refusal may come before the question is out
            _wire.send_frame(sock, {"op": "connect", "access": rights})
        try:
            ok, reply = _wire.recv_frame(sock)
        except (OSError, _wire.FrameError):
            ok, reply = False, None
        if not ok or not isinstance(reply, dict) or reply.get("error", 1):
            sock.close()
            code = reply.get("error") if isinstance(reply, dict) else ERROR_PIPE_BUSY
            refusals.append(code if isinstance(code, int) else ERROR_PIPE_BUSY)
            continue
        end = PipeEnd(path, rights, bool(flags & FILE_FLAG_OVERLAPPED), server=False)
        end.message_type = bool(reply.get("message"))
        end.in_size, end.out_size = _int(reply, "in", 0), _int(reply, "out", 0)
        end.max_instances = _int(reply, "max", 1)
        end.default_timeout = _int(reply, "timeout", _DEFAULT_WAIT_MS)
        end.server_pid = peer_uid(sock)[0]
        end.client_pid = os.getpid()
        with IO_LOCK:
            end.attach(sock, [])
        return end
    if ERROR_ACCESS_DENIED in refusals:
        raise Win32Error.from_code(ERROR_ACCESS_DENIED, f"{path!r} does not go that way")
    if refusals:
        raise PipeBusyError(f"every instance of {path!r} has a client; WaitNamedPipe first")
    raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no pipe is named {path!r}")


def wait_named_pipe(path: str, timeout_ms: int) -> None:
    r"""Wait until an instance of the pipe listens (WaitNamedPipe); ``timeout_ms`` as Win32's.

    NMPWAIT_USE_DEFAULT_WAIT uses the server's default; NMPWAIT_WAIT_FOREVER waits for ever.
    Instances of this process wake the wait at once; those of others are polled.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND (no such pipe), ERROR_SEM_TIMEOUT (none listened),
            ERROR_PATH_NOT_FOUND (a path that is no pipe's).
        InvalidParameterError: ``\\.\pipe\`` with no NAME.
    """
    name = pipe_name(path)
    if name is None:  # not under \??\pipe\ once made an NT name
        raise Win32Error.from_code(ERROR_PATH_NOT_FOUND, f"{path!r} is not a pipe name")
    if not name:
        raise InvalidParameterError(f"{path!r} names no pipe")
    deadline: float | None = None
    poll = 0.002
    while True:
        found = servers(name)
        timeout = 0
        for server in found:
            reply = ask(server, {"op": "probe"})
            if reply is not None:
                if reply.get("listening"):
                    return
                timeout = timeout or _int(reply, "timeout", 0)
        if not found:
            raise Win32Error.from_code(ERROR_FILE_NOT_FOUND, f"no pipe is named {path!r}")
        now = time.monotonic()
        if deadline is None:
            if timeout_ms == NMPWAIT_WAIT_FOREVER:
                deadline = float("inf")
            else:
                wait = timeout_ms if timeout_ms != NMPWAIT_USE_DEFAULT_WAIT else timeout
                deadline = now + (wait or _DEFAULT_WAIT_MS) / 1000
        if now >= deadline:
            raise Win32Error.from_code(
                ERROR_SEM_TIMEOUT, f"no instance of {path!r} listened in time"
            )
        listening_changed.wait(min(poll, deadline - now))
        poll = min(poll * 2, 0.1)


def call_named_pipe(path: str, data: bytes, size: int, timeout_ms: int) -> bytes:
    """Connect, switch to message mode, transact once and close (CallNamedPipe).

    A busy pipe is waited for once, as WaitNamedPipe waits with ``timeout_ms``.

    Raises:
        Win32Error: ERROR_FILE_NOT_FOUND, ERROR_SEM_TIMEOUT, ERROR_MORE_DATA (the reply was
            longer than ``size``), or an error of the transaction.
    """
    if not isinstance(size, int) or size < 0:
        raise ValueError(f"a reply buffer's size is 0 or more, not {size!r}")
    if not pipe_name(path):  # CreateFile fails, then WaitNamedPipe says why
        wait_named_pipe(path, timeout_ms)
    try:
        end = open_pipe_client(path, GENERIC_READ | GENERIC_WRITE, 0)
    except PipeBusyError:
        wait_named_pipe(path, timeout_ms)
        end = open_pipe_client(path, GENERIC_READ | GENERIC_WRITE, 0)
    try:
        end.set_mode(PIPE_READMODE_MESSAGE)
        buffer = bytearray(size)
        status, count = end.transact(data, buffer)
        if status:
            raise Win32Error.from_code(status, f"the reply from {path!r} is over {size} bytes")
        return bytes(buffer[:count])
    finally:
        end.close()


def create_pipe(size: int = 0) -> tuple[PipeEnd, PipeEnd]:
    """Create an anonymous pipe (CreatePipe): (read end, write end), byte type, connected.

    ``size`` is the buffer size GetNamedPipeInfo reports (0: 4096).
    """
    if not isinstance(size, int) or size < 0:
        raise ValueError(f"a pipe's buffer size is 0 or more, not {size!r}")
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    read_end = PipeEnd("<anonymous pipe>", FILE_GENERIC_READ, False, server=True)
    write_end = PipeEnd("<anonymous pipe>", FILE_GENERIC_WRITE, False, server=False)
    for end in (read_end, write_end):
        end.raw = True  # plain bytes: a child or the C runtime may read or write it directly
        end.in_size = end.out_size = size or 4096
        end.server_pid = end.client_pid = os.getpid()
    with IO_LOCK:
        read_end.attach(ours, [])
        write_end.attach(theirs, [])
    return read_end, write_end
