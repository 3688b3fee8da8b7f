r"""Where named pipes live: a folder per name in the runtime directory, a socket per process.

A pipe name (``\\.\pipe\NAME``, case-insensitive as on Windows) is a folder of the per-user
runtime directory, named after a hash of the name. Each process that has instances of the
pipe listens on one Unix socket in that folder; clients and other servers reach it here.
Each side checks that the peer runs as the same user (the folder is the user's alone too).

A first ``_wire`` frame says what a caller wants (connect, probe, info) and a frame answers
it; after a granted connect the connection carries the pipe's data (:mod:`._pipebuf`). A
socket is named after its process's pid; one that refuses connections while that process is
gone is a dead server's, and whoever meets it removes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
from typing import TYPE_CHECKING, Final

from .. import _wire
from .._runtime import check_peer, runtime_dir
from ._event import Event

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["address", "ask", "dial", "folder", "listening_changed", "pipe_name", "servers"]

_SEPARATORS: Final = "\\/"
_VERBATIM: Final = "\\\\?\\"
HANDSHAKE_TIMEOUT: Final = 5.0

listening_changed = Event(manual_reset=True)
"""Pulsed when an instance of this process starts listening (wakes WaitNamedPipe)."""


def pipe_name(path: str) -> str | None:
    r"""The NAME of a ``\\.\pipe\NAME`` path (any case), or None if it names no pipe.

    As Win32 turns a device path into the NT name ``\??\pipe\NAME``: ``\\.\`` and
    ``//./`` (any mix of the two slashes) have every ``/`` made a ``\``; the verbatim
    ``\\?\pipe\NAME`` is taken as it is.
    """
    if len(path) < 4 or path[0] not in _SEPARATORS or path[1] not in _SEPARATORS:
        return None
    if path[:4] == _VERBATIM:
        rest = path[4:]
    elif path[2] in ".?" and path[3] in _SEPARATORS:
        rest = path[4:].replace("/", "\\")
    else:
        return None
    return rest[5:] if rest[:5].lower() == "pipe\\" else None


def folder(name: str) -> str:
    """The folder of a pipe NAME in the runtime directory (it may not exist)."""
    digest = hashlib.sha256(name.casefold().encode("utf-8", "surrogatepass")).hexdigest()
    return str(runtime_dir() / "pipes" / digest[:24])


@contextlib.contextmanager
def address(path: str) -> Iterator[str]:
    """A path short enough for a Unix socket (108 bytes): through /proc when it is not."""
    if len(os.fsencode(path)) < 100:
        yield path
        return
    parent = os.open(os.path.dirname(path), os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        yield f"/proc/self/fd/{parent}/{os.path.basename(path)}"
    finally:
        os.close(parent)


def servers(name: str) -> list[str]:
    """The sockets of the processes with instances of the pipe NAME, oldest first."""
    found: list[tuple[int, str]] = []
    try:
        for entry in os.scandir(folder(name)):
            if not entry.name.startswith("."):  # one being set up
                with contextlib.suppress(FileNotFoundError):
                    found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [path for _, path in sorted(found)]


def _gone(path: str) -> bool:
    """Tell whether the process that made a server socket (its name starts with the pid) died."""
    pid = os.path.basename(path).partition("-")[0]
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, as another user (a reused pid)
    return False


def dial(path: str) -> socket.socket | None:
    """Connect to one server's socket; None if its process is gone.

    Raises:
        PermissionError: the server runs as another user.
    """
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(HANDSHAKE_TIMEOUT)
    try:
        with address(path) as where:
            sock.connect(where)
        check_peer(sock)
    except PermissionError:
        sock.close()
        raise
    except (ConnectionRefusedError, FileNotFoundError):
        sock.close()
        if _gone(path):  # its process died without removing it
            with contextlib.suppress(OSError):
                os.unlink(path)
        return None
    except OSError:
        sock.close()
        return None
    return sock


def ask(path: str, question: dict[str, object]) -> dict[str, object] | None:
    """One question, one answer, on a connection of its own; None if nobody answers."""
    try:
        sock = dial(path)
    except PermissionError:
        return None
    if sock is None:
        return None
    try:
        _wire.send_frame(sock, question)
        ok, reply = _wire.recv_frame(sock)
    except (OSError, _wire.FrameError):
        return None
    finally:
        sock.close()
    return reply if ok and isinstance(reply, dict) else None
