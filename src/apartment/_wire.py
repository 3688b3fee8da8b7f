"""Frames between processes: length-prefixed msgpack with limits (DESIGN.md decision 12).

Everything that crosses a process boundary as a message (a call to a local COM server, its
reply) is one *frame*: a 4-byte big-endian length, then that many bytes of msgpack. msgpack
decodes only to plain values (None, bools, ints, floats, str, bytes, lists, dicts), so a frame
can never execute code, as a pickle could. The decoder also refuses:

* a frame longer than :data:`MAX_FRAME` bytes (read before the body: no huge allocation),
* values nested deeper than :data:`MAX_DEPTH`,
* msgpack extension types and non-str map keys.

Any of these, or bytes that are not msgpack, raise :class:`FrameError`; whoever reads the
connection then closes that connection only, and goes on serving the others.

The sockets themselves live in the per-user runtime directory and check their peer's uid
(:mod:`apartment._runtime`).
"""

from __future__ import annotations

import struct
import threading
from typing import TYPE_CHECKING, Any

import msgpack

if TYPE_CHECKING:
    import socket
    from collections.abc import Callable

__all__ = [
    "MAX_FRAME",
    "MAX_DEPTH",
    "FrameError",
    "encode",
    "decode",
    "send_frame",
    "recv_frame",
    "FrameReader",
]

MAX_FRAME = 16 * 1024 * 1024
"""The longest frame body accepted, in bytes."""

MAX_DEPTH = 32
"""The deepest nesting of lists and maps accepted in a frame."""

_LENGTH = struct.Struct(">I")
_packers = threading.local()  # .packer: the thread's msgpack Packer (one may not be shared)


class FrameError(ValueError):
    """A frame that breaks the rules (too long, too deep, not msgpack, an extension type)."""


def _refuse_extension(code: int, data: bytes) -> object:
    raise FrameError(f"msgpack extension type {code} is not accepted in a frame")


def encode(value: object) -> bytes:
    """Encode ``value`` as one frame (length prefix included).

    Raises:
        FrameError: the value holds something msgpack cannot carry, or is too long or deep.
    """
    _check_depth(value)
    try:
        packer = _packers.packer
    except AttributeError:
        packer = _packers.packer = msgpack.Packer(use_bin_type=True, strict_types=False)
    try:
        body: bytes = packer.pack(value)
    except (TypeError, ValueError, OverflowError) as exc:
        _packers.packer = msgpack.Packer(use_bin_type=True, strict_types=False)  # a clean one
        raise FrameError(f"cannot send {type(value).__name__} in a frame: {exc}") from exc
    if len(body) > MAX_FRAME:
        raise FrameError(f"a frame of {len(body)} bytes is over the limit of {MAX_FRAME}")
    return _LENGTH.pack(len(body)) + body


def decode(body: bytes) -> Any:  # noqa: ANN401 - a frame holds any plain value
    """Decode a frame's body (without its length prefix).

    Raises:
        FrameError: not exactly one msgpack value, an extension type, a non-str map key, or
            nesting deeper than MAX_DEPTH.
    """
    if len(body) > MAX_FRAME:
        raise FrameError(f"a frame of {len(body)} bytes is over the limit of {MAX_FRAME}")
    try:
        value = msgpack.unpackb(
            body,
            raw=False,
            strict_map_key=True,
            ext_hook=_refuse_extension,
        )
    except FrameError:
        raise
    except Exception as exc:  # msgpack reports bad input with several exception types
        raise FrameError(f"a frame is not one msgpack value: {exc}") from exc
    _check_depth(value)
    return value


_SCALARS: frozenset[type] = frozenset({int, float, str, bytes, bool, type(None)})


def _check_depth(value: object) -> None:
    """Refuse nesting deeper than MAX_DEPTH (recursion at most MAX_DEPTH deep)."""
    if type(value) not in _SCALARS:
        _check_children((value,), 0)


def _check_children(items: Any, depth: int) -> None:  # noqa: ANN401 - list, tuple or dict values
    """Check the containers among ``items``, which sit at ``depth`` levels of nesting."""
    scalars = _SCALARS
    for item in items:
        kind = type(item)
        if kind in scalars:
            continue
        if kind is dict or isinstance(item, dict):
            children: Any = item.values()
        elif kind is list or kind is tuple or isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH:
            raise FrameError(f"a frame nests deeper than {MAX_DEPTH} levels")
        _check_children(children, depth + 1)


def send_frame(sock: socket.socket, value: object) -> None:
    """Send one frame on a connected stream socket."""
    sock.sendall(encode(value))


def _recv_exactly(recv: Callable[[int], bytes], count: int) -> bytes | None:
    """Read exactly ``count`` bytes; None at a clean end of stream before the first byte."""
    chunks: list[bytes] = []
    got = 0
    while got < count:
        chunk = recv(count - got)
        if not chunk:
            if got:
                raise FrameError(f"the connection ended inside a frame ({got} of {count} bytes)")
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> tuple[bool, Any]:
    """Read one frame: ``(True, value)``, or ``(False, None)`` when the peer closed cleanly.

    Raises:
        FrameError: the frame breaks the rules (close this connection).
    """
    head = _recv_exactly(sock.recv, _LENGTH.size)
    if head is None:
        return False, None
    (length,) = _LENGTH.unpack(head)
    if length > MAX_FRAME:
        raise FrameError(f"a frame of {length} bytes is over the limit of {MAX_FRAME}")
    body = _recv_exactly(sock.recv, length) if length else b""
    if body is None:
        raise FrameError("the connection ended after a frame's length")
    return True, decode(body)


class FrameReader:
    """Read frames from one connected stream socket, through a buffer of its own.

    :func:`recv_frame` makes two ``recv`` calls per frame; a reader that serves a busy
    connection takes whatever the socket holds at once and cuts frames out of it, so a
    burst of small frames costs one system call. One thread reads through it at a time.
    """

    __slots__ = ("_buffer", "_recv")

    _CHUNK = 256 * 1024

    def __init__(self, sock: socket.socket) -> None:
        self._recv = sock.recv
        self._buffer = bytearray()

    def read(self) -> tuple[bool, Any]:
        """Read one frame: ``(True, value)``, or ``(False, None)`` when the peer closed cleanly.

        Raises:
            FrameError: the frame breaks the rules, or the stream ended inside one (close
                this connection).
            OSError: the socket failed.
        """
        buffer = self._buffer
        while True:
            size = len(buffer)
            if size >= _LENGTH.size:
                (length,) = _LENGTH.unpack_from(buffer)
                if length > MAX_FRAME:
                    raise FrameError(f"a frame of {length} bytes is over the limit of {MAX_FRAME}")
                end = _LENGTH.size + length
                if size >= end:
                    body = bytes(buffer[_LENGTH.size : end])
                    del buffer[:end]
                    return True, decode(body)
            chunk = self._recv(self._CHUNK)
            if not chunk:
                if buffer:
                    raise FrameError(
                        f"the connection ended inside a frame ({len(buffer)} bytes read)"
                    )
                return False, None
            buffer += chunk
