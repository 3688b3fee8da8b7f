"""Frames between processes: what goes in comes out, and nothing else gets through."""

from __future__ import annotations

import contextlib
import socket
import threading

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apartment import _wire
from apartment._wire import FrameError

PLAIN = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.binary(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


@given(PLAIN)
def test_plain_values_cross_unchanged(value: object) -> None:
    frame = _wire.encode(value)
    assert _wire.decode(frame[4:]) == value


@settings(max_examples=500)
@given(st.binary(max_size=200))
def test_any_bytes_decode_to_a_value_or_a_frame_error(data: bytes) -> None:
    with contextlib.suppress(FrameError):
        _wire.decode(data)


def test_nesting_deeper_than_the_limit_is_refused_both_ways() -> None:
    deep: object = 1
    for _ in range(_wire.MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(FrameError, match="deeper"):
        _wire.encode(deep)
    body = b"\x91" * (_wire.MAX_DEPTH + 1) + b"\x01"  # fixarray(1) nested, then 1
    with pytest.raises(FrameError, match="deeper"):
        _wire.decode(body)
    # the shortest frames at the limit: MAX_DEPTH empty-ended levels pass, one more is refused
    assert _wire.decode(b"\x91" * (_wire.MAX_DEPTH - 1) + b"\x90") is not None
    with pytest.raises(FrameError, match="deeper"):
        _wire.decode(b"\x91" * _wire.MAX_DEPTH + b"\x90")
    shallow: object = []
    for _ in range(_wire.MAX_DEPTH - 1):
        shallow = [shallow]
    assert len(_wire.encode_body(shallow)) == _wire.MAX_DEPTH
    with pytest.raises(FrameError, match="deeper"):
        _wire.encode_body([shallow])


def _depth(value: object) -> int:
    """Levels of containers in ``value`` (a scalar: 0)."""
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


NESTED = st.recursive(
    st.none() | st.integers(0, 9),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.just("k"), inner, max_size=1),
    max_leaves=60,
)


@settings(max_examples=400)
@given(NESTED)
def test_a_value_is_refused_exactly_when_it_nests_too_deep_short_frames_too(value: object) -> None:
    """Frames of at most MAX_DEPTH bytes skip the depth check: they cannot nest too deep."""
    too_deep = _depth(value) > _wire.MAX_DEPTH
    try:
        body = _wire.encode_body(value)
    except FrameError:
        assert too_deep
    else:
        assert not too_deep
        assert _wire.decode(body) == value
    raw = msgpack.packb(value)  # the same value sent by a peer that does not check
    try:
        _wire.decode(raw)
    except FrameError:
        assert too_deep
    else:
        assert not too_deep


def test_extension_types_and_non_str_keys_are_refused() -> None:
    with pytest.raises(FrameError, match="extension"):
        _wire.decode(b"\xd4\x05\x00")  # fixext 1, type 5
    with pytest.raises(FrameError):
        _wire.decode(b"\x81\x01\x02")  # {1: 2}


def test_values_msgpack_cannot_carry_are_refused() -> None:
    with pytest.raises(FrameError, match="cannot send"):
        _wire.encode(object())


def test_a_frame_over_the_limit_is_refused_before_its_body_is_read() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall((_wire.MAX_FRAME + 1).to_bytes(4, "big"))
        with pytest.raises(FrameError, match="over the limit"):
            _wire.recv_frame(right)


def test_frames_cross_a_socket_and_a_clean_close_ends_the_stream() -> None:
    left, right = socket.socketpair()
    with left, right:

        def send() -> None:
            for n in range(50):
                _wire.send_frame(left, {"n": n, "data": b"x" * n})

        sender = threading.Thread(target=send)
        sender.start()
        got = [_wire.recv_frame(right) for _ in range(50)]
        sender.join(10)
        left.shutdown(socket.SHUT_WR)
        assert got == [(True, {"n": n, "data": b"x" * n}) for n in range(50)]
        assert _wire.recv_frame(right) == (False, None)


def test_a_connection_that_ends_inside_a_frame_is_a_frame_error() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(_wire.encode("hello")[:6])
        left.shutdown(socket.SHUT_WR)
        with pytest.raises(FrameError, match="ended inside a frame"):
            _wire.recv_frame(right)


@settings(max_examples=25)
@given(
    st.lists(st.integers(min_value=0, max_value=200_000), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=100_000),
)
def test_a_frame_reader_cuts_frames_of_any_size_out_of_any_chunks(
    sizes: list[int], chunk: int
) -> None:
    """Frames shorter and longer than the reader's buffer, sent in pieces of any size."""
    frames = [b"%d" % n + b"y" * size for n, size in enumerate(sizes)]
    stream = b"".join(_wire.encode(frame) for frame in frames)
    left, right = socket.socketpair()
    with left, right:

        def send() -> None:
            for at in range(0, len(stream), chunk):
                left.sendall(stream[at : at + chunk])
            left.shutdown(socket.SHUT_WR)

        sender = threading.Thread(target=send)
        sender.start()
        reader = _wire.FrameReader(right)
        got = [reader.read() for _ in frames]
        assert reader.read() == (False, None)
        sender.join(10)
    assert got == [(True, frame) for frame in frames]


def test_a_frame_reader_refuses_a_stream_that_ends_inside_a_frame() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.sendall(_wire.encode("hello") + _wire.encode(b"z" * 100_000)[:70_000])
        left.shutdown(socket.SHUT_WR)
        reader = _wire.FrameReader(right)
        assert reader.read() == (True, "hello")
        with pytest.raises(FrameError, match="ended inside a frame"):
            reader.read()


def test_a_frame_that_passes_a_socket_is_read_with_the_socket_appended() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    passed, kept = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    with left, right, passed, kept:
        _wire.send_socket(left, _wire.encode_body([4, "x"]), passed)
        ok, frame = _wire.PacketReader(right).read()
        assert ok
        assert frame[:2] == [4, "x"]
        received = frame[2]
        with received:
            assert isinstance(received, socket.socket)
            received.send(b"through")  # the same socket pair as the one passed
            assert kept.recv(16) == b"through"


def test_a_socket_passed_beside_a_frame_that_is_no_list_is_closed_and_refused() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    passed, kept = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    with left, right, passed, kept:
        socket.send_fds(left, [b"\xc1" + _wire.encode_body("no list")], [passed.fileno()])
        passed.close()
        with pytest.raises(FrameError):
            _wire.PacketReader(right).read()
        assert kept.recv(16) == b""  # every copy of the passed end is closed: the end


def test_a_long_frame_cannot_pass_a_socket() -> None:
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    with left, right, pytest.raises(FrameError):
        _wire.send_socket(left, b"\x90" * (_wire.PACKET_MAX + 1), left)
