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

On a stream socket a frame goes as a 4-byte length and its body (:func:`send_frame`,
:func:`recv_frame`, :class:`FrameReader`). On a SOCK_SEQPACKET socket, where the kernel keeps
messages whole, a frame is one message without the length (:func:`send_packet`,
:class:`PacketReader`): several threads may then read one socket at once, each getting whole
frames, and several may send without a lock. A body longer than :data:`PACKET_MAX` goes in a
memfd passed with the message (SCM_RIGHTS), whose only byte is 0xC1 (a byte msgpack never
uses, so no frame is ever just that). A frame that passes a socket (:func:`send_socket`) is
that byte followed by the frame's body, with the socket passed beside it; it is read as the
frame (a list) with the socket, a :class:`socket.socket`, appended.

The sockets themselves live in the per-user runtime directory and check their peer's uid
(:mod:`apartment._runtime`).
"""

from __future__ import annotations

import os
import socket
import stat
import struct
import threading
from typing import TYPE_CHECKING, Any

import msgpack

if TYPE_CHECKING:
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
    "PACKET_MAX",
    "encode_body",
    "encode_shallow",
    "send_packet",
    "send_socket",
    "PacketReader",
]

MAX_FRAME = 16 * 1024 * 1024
"""The longest frame body accepted, in bytes."""

MAX_DEPTH = 32
"""The deepest nesting of lists and maps accepted in a frame."""

_LENGTH = struct.Struct(">I")
_unpackb = msgpack.unpackb
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
    body = encode_body(value)
    return _LENGTH.pack(len(body)) + body


def encode_body(value: object) -> bytes:
    """Encode ``value`` as a frame's body, without the length prefix (a packet's content).

    Raises:
        FrameError: the value holds something msgpack cannot carry, or is too long or deep.
    """
    body = encode_shallow(value)
    if len(body) > MAX_DEPTH:  # shorter, it cannot nest too deep (see _check_depth)
        _check_depth(value)
    return body


def encode_shallow(value: Any) -> bytes:  # noqa: ANN401 - any value msgpack takes
    """:func:`encode_body` for a list of scalars and lists of scalars (a call's frame).

    Such a value nests two levels deep at most, so the depth is not walked. A value that
    breaks that promise is the caller's bug, and the peer refuses the frame.

    Raises:
        FrameError: the value holds something msgpack cannot carry (an int out of range),
            or is too long.
    """
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
    return body


def decode(body: bytes | bytearray | memoryview) -> Any:  # noqa: ANN401 - a frame holds any plain value
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
    if len(body) > MAX_DEPTH:  # shorter, it cannot nest too deep (see _check_depth)
        _check_depth(value)
    return value


_SCALARS: frozenset[type] = frozenset({int, float, str, bytes, bool, type(None)})


def _check_depth(value: object) -> None:
    """Refuse nesting deeper than MAX_DEPTH (recursion at most MAX_DEPTH deep).

    Every level of nesting takes at least one byte of msgpack (a container's header), so a
    body of at most MAX_DEPTH bytes cannot nest too deep: short frames skip this check.
    """
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
    burst of small frames costs one system call. The buffer is allocated once and read into
    (``recv_into``): a fresh large ``bytes`` per read would be mapped and unmapped by the
    allocator each time. One thread reads through it at a time.
    """

    __slots__ = ("_buffer", "_end", "_recv_into", "_start", "_view")

    _SIZE = 64 * 1024

    def __init__(self, sock: socket.socket) -> None:
        self._recv_into = sock.recv_into
        self._buffer = bytearray(self._SIZE)
        self._view = memoryview(self._buffer)
        self._start = 0  # the unread bytes are _buffer[_start:_end]
        self._end = 0

    def read(self) -> tuple[bool, Any]:
        """Read one frame: ``(True, value)``, or ``(False, None)`` when the peer closed cleanly.

        Raises:
            FrameError: the frame breaks the rules, or the stream ended inside one (close
                this connection).
            OSError: the socket failed.
        """
        head = _LENGTH.size
        while True:
            start, end = self._start, self._end
            if end - start >= head:
                (length,) = _LENGTH.unpack_from(self._buffer, start)
                if length > MAX_FRAME:
                    raise FrameError(f"a frame of {length} bytes is over the limit of {MAX_FRAME}")
                stop = start + head + length
                if stop <= end:
                    self._start = stop
                    return True, decode(self._view[start + head : stop])
                if head + length > len(self._buffer):  # bigger than the buffer: its own
                    return True, decode(self._read_long(length))
            if self._start == self._end:
                self._start = self._end = 0
            elif self._end == len(self._buffer):  # make room at the end
                unread = self._end - self._start
                self._buffer[:unread] = self._buffer[self._start : self._end]
                self._start, self._end = 0, unread
            got = self._recv_into(self._view[self._end :])
            if not got:
                if self._end > self._start:
                    raise FrameError(
                        f"the connection ended inside a frame ({self._end - self._start} "
                        "bytes read)"
                    )
                return False, None
            self._end += got

    def _read_long(self, length: int) -> bytes:
        """The body of a frame longer than the buffer: what is buffered, then the rest."""
        body = bytearray(length)
        have = self._end - self._start - _LENGTH.size
        body[:have] = self._buffer[self._start + _LENGTH.size : self._end]
        self._start = self._end = 0
        view = memoryview(body)
        while have < length:
            got = self._recv_into(view[have:])
            if not got:
                raise FrameError(f"the connection ended inside a frame ({have} of {length} bytes)")
            have += got
        return bytes(body)


PACKET_MAX = 64 * 1024
"""The longest body sent as a message of its own; longer ones go in a memfd."""

_LONG = b"\xc1"  # the one byte of a message that carries a long frame's memfd


def send_packet(sock: socket.socket, body: bytes) -> None:
    """Send a frame's body (:func:`encode_body`) as one message of a SOCK_SEQPACKET socket.

    Any number of threads may send on one socket at once: each message goes whole.
    """
    if len(body) <= PACKET_MAX:
        sock.send(body)
        return
    fd = os.memfd_create("apartment-frame", os.MFD_CLOEXEC)
    try:
        view = memoryview(body)
        while view:
            view = view[os.write(fd, view) :]
        socket.send_fds(sock, [_LONG], [fd])
    finally:
        os.close(fd)


def send_socket(sock: socket.socket, body: bytes, passed: socket.socket) -> None:
    """Send a frame's body (a list's, at most :data:`PACKET_MAX` bytes) and pass ``passed``.

    The reader gets the list with the socket appended (see the module doc).
    """
    if len(body) > PACKET_MAX:
        raise FrameError("a frame that passes a socket must be short")
    socket.send_fds(sock, [_LONG + body], [passed.fileno()])


_FD_SPACE = socket.CMSG_SPACE(struct.calcsize("i"))
_CLOEXEC = int(socket.MSG_CMSG_CLOEXEC)  # plain ints: flag arithmetic on the enum is slow
_CUT_SHORT = int(socket.MSG_TRUNC | socket.MSG_CTRUNC)


class PacketReader:
    """Read frames from one SOCK_SEQPACKET socket: one message, one frame.

    Each thread that reads the socket has its own reader (its buffer is read into).
    """

    __slots__ = ("_buffer", "_recvmsg_into", "_view", "_views")

    def __init__(self, sock: socket.socket) -> None:
        self._recvmsg_into = sock.recvmsg_into
        self._buffer = bytearray(PACKET_MAX)
        self._view = memoryview(self._buffer)
        self._views = [self._view]  # recvmsg_into's buffers, made once

    def read(self) -> tuple[bool, Any]:
        """Read one frame: ``(True, value)``, or ``(False, None)`` when the peer has gone.

        Raises:
            FrameError: the message breaks the rules (close this connection).
            OSError: the socket failed.
        """
        size, ancillary, flags, _ = self._recvmsg_into(self._views, _FD_SPACE, _CLOEXEC)
        if ancillary or flags & _CUT_SHORT:
            return self._unusual(size, ancillary, flags)
        if not size:
            return False, None  # the end (an empty message is no frame either)
        # decode(), written out: a message is never over MAX_FRAME (every frame comes here)
        try:
            value = _unpackb(
                self._view[:size], raw=False, strict_map_key=True, ext_hook=_refuse_extension
            )
        except FrameError:
            raise
        except Exception as exc:  # msgpack reports bad input with several exception types
            raise FrameError(f"a frame is not one msgpack value: {exc}") from exc
        if size > MAX_DEPTH:  # shorter, it cannot nest too deep (see _check_depth)
            _check_depth(value)
        return True, value

    def _unusual(
        self, size: int, ancillary: list[tuple[int, int, bytes]], flags: int
    ) -> tuple[bool, Any]:
        """A message cut short, or one that passed files: a long frame's memfd, or an error."""
        fds = _received_fds(ancillary) if ancillary else []
        if flags & _CUT_SHORT:
            _close_all(fds)
            raise FrameError(f"a message longer than {PACKET_MAX} bytes, or with extra files")
        if not size or self._buffer[0] != _LONG[0] or len(fds) != 1:
            _close_all(fds)
            raise FrameError("a message passed a file it had no business passing")
        if size == 1:
            return True, decode(_read_long(fds[0]))
        return True, _with_socket(bytes(self._view[1:size]), fds[0])


def _with_socket(body: bytes, fd: int) -> list[Any]:
    """A frame that passed a socket: the list it holds, the socket appended (see the doc)."""
    try:
        frame = decode(body)
        if type(frame) is not list:
            raise FrameError("a frame that passes a socket must be a list")
        passed = socket.socket(fileno=fd)
    except BaseException:
        os.close(fd)
        raise
    frame.append(passed)
    return frame


def _received_fds(ancillary: list[tuple[int, int, bytes]]) -> list[int]:
    fds: list[int] = []
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            usable = len(data) - len(data) % 4
            fds.extend(struct.unpack(f"{usable // 4}i", data[:usable]))
    return fds


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        os.close(fd)


def _read_long(fd: int) -> bytes:
    """A long frame's body from the memfd it came in (closed after)."""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FRAME:
            raise FrameError(f"a long frame's file is not a memfd of at most {MAX_FRAME} bytes")
        body = bytearray(info.st_size)
        view = memoryview(body)
        got = 0
        while got < info.st_size:
            chunk = os.preadv(fd, [view[got:]], got)
            if not chunk:
                raise FrameError("a long frame's file is shorter than it said")
            got += chunk
        return bytes(body)
    finally:
        os.close(fd)
