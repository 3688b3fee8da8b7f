"""What travels in a pipe: frames on the wire, and the messages a reader takes them as.

After its handshake a pipe connection is a Unix stream socket carrying *frames*: a 4-byte
big-endian header, then that many payload bytes. The header's low 31 bits are the length (at
most :data:`MAX_CHUNK`, the transport's frame limit); its top bit says that more chunks of the
same message follow. A writer cuts a message into chunks of :data:`CHUNK` bytes, so a write
cancelled part way stops at the end of the chunk it was sending. Two header values are
controls, with no payload:

* :data:`DISCONNECT`: the server called DisconnectNamedPipe (the client then reports
  ERROR_PIPE_NOT_CONNECTED, not ERROR_BROKEN_PIPE, once it has read what came before);
* :data:`ABORT`: the message just sent was cancelled; the reader drops what it has not read
  of it (a reader that read it first keeps what it read, as on Windows).

The payload is the caller's bytes, untouched: it is data, never decoded, so it needs none of
msgpack's checks (the handshake, which is structured, goes through ``apartment._wire``).

An :class:`Inbox` holds what a reader received and not yet read, as messages. A byte-type
pipe ignores their boundaries; a message-type pipe keeps them (and a byte-mode reader of a
message pipe reads across them, as on Windows). An oversized or malformed header ends the
connection as if the peer had closed it.
"""

from __future__ import annotations

import struct
from collections import deque
from typing import Final, final

from .._wire import MAX_FRAME

__all__ = [
    "ABORT",
    "CHUNK",
    "DISCONNECT",
    "MAX_CHUNK",
    "ONE_FRAME",
    "Inbox",
    "Message",
    "chunk_end",
    "frames",
    "frame_length",
    "pack_header",
]

MAX_CHUNK = MAX_FRAME
"""The longest chunk a reader accepts (a longer header is not our peer's)."""
CHUNK = 1 << 16
"""The chunk a writer cuts messages into."""
_MORE: Final = 0x80000000
DISCONNECT: Final = 0xFFFFFFFF
ABORT: Final = 0xFFFFFFFE
_HEADER = struct.Struct(">I")
pack_header = _HEADER.pack
"""A frame's header for a chunk of the given size (``pack_header(n) + data`` is one frame)."""
frame_length = _HEADER.unpack_from
"""``frame_length(data)[0]``: the chunk size (and flags) in the header at the start of ``data``."""
ONE_FRAME = min(CHUNK, MAX_CHUNK)
"""The longest message that goes as one frame: a writer frames it inline, without frames()."""
_DISCONNECT_FRAME = _HEADER.pack(DISCONNECT)
_ABORT_FRAME = _HEADER.pack(ABORT)


def frames(data: bytes | memoryview) -> bytes:
    """Encode one message (one WriteFile) as its frames, ready to send."""
    size = len(data)
    if size <= CHUNK and size <= MAX_CHUNK:  # (no min(): the common case is one frame)
        return _HEADER.pack(size) + data  # one allocation for the common, small message
    chunk = min(CHUNK, MAX_CHUNK)
    parts: list[bytes] = []
    for start in range(0, size, chunk):
        part = data[start : start + chunk]
        more = _MORE if start + chunk < size else 0
        parts += [_HEADER.pack(more | len(part)), bytes(part)]
    return b"".join(parts)


def chunk_end(sent: int, total: int) -> int:
    """Where the chunk that byte ``sent`` of an encoded message belongs to ends."""
    step = _HEADER.size + min(CHUNK, MAX_CHUNK)
    return min(-(-sent // step) * step, total)


def disconnect_frame() -> bytes:
    """The control frame a server sends before it drops a client (DisconnectNamedPipe)."""
    return _DISCONNECT_FRAME


def abort_frame() -> bytes:
    """The control frame that tells the reader to drop a message cancelled part way."""
    return _ABORT_FRAME


@final
class Message:
    """One message of an Inbox: its payload, how much is read, whether all of it arrived."""

    __slots__ = ("complete", "data", "read")

    def __init__(self) -> None:
        self.data = bytearray()
        self.read = 0
        self.complete = False

    @property
    def left(self) -> int:
        """Bytes of this message not read yet (that arrived)."""
        return len(self.data) - self.read


@final
class Inbox:
    """Received data not yet read: parsed messages, and the end the peer signalled if any.

    ``ended`` is None while the connection lives, ``"broken"`` after the peer closed it,
    ``"disconnected"`` after a server's DisconnectNamedPipe. Not thread-safe: its pipe end
    guards it with IO_LOCK.
    """

    __slots__ = ("_current", "_last_chunk", "_need", "_raw", "ended", "messages")

    def __init__(self) -> None:
        self.messages: deque[Message] = deque()
        self._raw = bytearray()
        self._need = 0  # payload bytes still due for the chunk being received
        self._last_chunk = True  # that chunk ends its message
        self._current: Message | None = None  # the message the last chunk was part of
        self.ended: str | None = None

    # -- feeding -----------------------------------------------------------------------------

    def feed(self, data: bytes | memoryview) -> None:
        """Add received stream bytes; complete frames become message data."""
        if self.ended is not None:
            return
        messages = self.messages
        if not self._raw and not self._need and len(data) >= 4:  # the common case: one frame
            (header,) = _HEADER.unpack_from(data)
            whole = not header & _MORE and len(data) == 4 + header and header <= MAX_CHUNK
            if whole and (not messages or messages[-1].complete):
                message = self._current = Message()
                message.data[:] = data[4:]
                message.complete = True
                messages.append(message)
                return
        raw = self._raw
        raw += data
        pos = 0
        size = len(raw)
        while pos < size:
            if self._need:
                take = min(self._need, size - pos)
                self.messages[-1].data += raw[pos : pos + take]
                pos += take
                self._need -= take
                if not self._need and self._last_chunk:
                    self.messages[-1].complete = True
                continue
            if size - pos < 4:
                break
            (header,) = _HEADER.unpack_from(raw, pos)
            pos += 4
            if header == DISCONNECT:
                self._drop_partial()
                self.ended = "disconnected"
                break
            if header == ABORT:
                self._drop_partial()
                current = self._current
                if current is not None and current in self.messages:
                    self.messages.remove(current)  # complete but unread: void all the same
                continue
            length = header & ~_MORE
            if length > MAX_CHUNK:  # not our peer's framing: end the connection here
                self._drop_partial()
                self.ended = "broken"
                break
            if not self.messages or self.messages[-1].complete:
                self._current = Message()
                self.messages.append(self._current)
            self._last_chunk = not header & _MORE
            self._need = length
            if not length and self._last_chunk:
                self.messages[-1].complete = True
        del raw[:pos]

    def take_frame(self, data: memoryview, count: int, view: memoryview) -> int:
        """Read ``data[:count]`` straight into ``view`` when it is the whole of what a read takes.

        The common case of a read: nothing else waits in the inbox, the ``count`` bytes
        received are exactly one whole frame (a message of one chunk), and its payload fits
        ``view``. Then the payload is copied there and its length returned, and the inbox
        stays empty; otherwise -1 and nothing changes (:meth:`feed` them then). Control
        frames never qualify.
        """
        if count < 4 or self.messages or self._raw or self._need or self.ended is not None:
            return -1
        header: int = _HEADER.unpack_from(data)[0]
        if count - 4 != header or header > len(view):  # (a chunk with more to come: too long)
            return -1
        view[:header] = data[4:count]
        return header

    def feed_raw(self, data: bytes | memoryview) -> None:
        """Add received bytes of an unframed (anonymous) pipe: each arrival is a message.

        A byte-mode read takes across messages, so their boundaries are never seen.
        """
        if self.ended is None and len(data):
            message = Message()
            message.data[:] = data
            message.complete = True
            self.messages.append(message)

    def end(self) -> None:
        """The peer closed the connection: whatever was not complete never will be."""
        if self.ended is None:
            self._drop_partial()
            self._raw.clear()
            self.ended = "broken"

    def _drop_partial(self) -> None:
        """Forget a message that will never be complete (what follows it in ``_raw`` stays)."""
        if self.messages and not self.messages[-1].complete:
            self.messages.pop()
        self._need = 0

    # -- reading -----------------------------------------------------------------------------

    def available(self) -> int:
        """Bytes received and not read."""
        return sum(message.left for message in self.messages)

    def has_data(self) -> bool:
        """True if a read could take something now (bytes, or an empty message)."""
        return any(message.left or message.complete for message in self.messages)

    def take_bytes(self, buffer: memoryview) -> int | None:
        """A byte-mode read: fill ``buffer`` across messages; None if nothing is there yet.

        It returns as soon as one byte is there. An empty message (a message pipe's 0-byte
        WriteFile) completes a read of its own when it comes first, and is consumed; after
        some bytes it waits for the next read. A 0-byte read of data completes at once.
        """
        messages = self.messages
        size = len(buffer)
        got = 0
        while messages:
            message = messages[0]
            left = message.left
            if not left:
                if not message.complete or got:
                    break
                messages.popleft()  # an empty message: a read of 0 bytes
                return 0
            if got == size:
                break
            take = min(left, size - got)
            buffer[got : got + take] = message.data[message.read : message.read + take]
            message.read += take
            got += take
            if message.complete and message.read == len(message.data):
                messages.popleft()
        if got:
            return got
        if not size and any(message.left for message in messages):
            return 0
        return None

    def take_message(self, buffer: memoryview) -> tuple[int, bool] | None:
        """A message-mode read: (bytes, more) from the first message; None if not there yet.

        ``more`` is True when the message is longer than ``buffer``: the rest stays for the
        next read (ERROR_MORE_DATA).
        """
        if not self.messages:
            return None
        message = self.messages[0]
        size = len(buffer)
        left = message.left
        if not message.complete and left <= size:
            return None  # wait for all of it: it may still fit
        take = min(left, size)
        buffer[:take] = message.data[message.read : message.read + take]
        message.read += take
        if message.complete and message.read == len(message.data):
            self.messages.popleft()
            return take, False
        return take, True

    def peek(self, size: int, message_type: bool) -> tuple[bytes, int, int]:
        """PeekNamedPipe: (data, bytes available, bytes left in this message after ``data``)."""
        avail = self.available()
        if message_type:
            if not self.messages:
                return b"", avail, 0
            message = self.messages[0]
            data = bytes(message.data[message.read : message.read + size])
            return data, avail, message.left - len(data)
        parts: list[bytes] = []
        got = 0
        for message in self.messages:
            if got >= size:
                break
            chunk = message.data[message.read : message.read + size - got]
            parts.append(bytes(chunk))
            got += len(chunk)
        data = b"".join(parts)
        return data, avail, -len(data)  # Windows reports 0 minus what was read for byte pipes
