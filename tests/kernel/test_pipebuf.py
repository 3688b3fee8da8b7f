"""A pipe's frames and its reader's inbox: messages come out as they went in, however cut."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apartment.kernel import _pipebuf
from apartment.kernel._pipebuf import Inbox, abort_frame, disconnect_frame, frames

MESSAGES = st.lists(st.binary(max_size=40), max_size=8)


def _stream(messages: list[bytes]) -> bytes:
    return b"".join(frames(memoryview(message)) for message in messages)


def _feed_in_pieces(inbox: Inbox, data: bytes, cuts: list[int]) -> None:
    points = sorted({0, len(data), *(cut % (len(data) + 1) for cut in cuts)})
    for low, high in itertools.pairwise(points):
        inbox.feed(data[low:high])


@given(MESSAGES, st.lists(st.integers(min_value=0), max_size=10), st.integers(1, 9))
def test_messages_come_out_whole_however_the_stream_is_cut(
    messages: list[bytes], cuts: list[int], chunk: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_pipebuf, "MAX_CHUNK", chunk)  # long messages cross as several frames
        stream = _stream(messages)
        inbox = Inbox()
        _feed_in_pieces(inbox, stream, cuts)
        out = []
        buffer = bytearray(100)
        while (taken := inbox.take_message(memoryview(buffer))) is not None:
            count, more = taken
            assert not more
            out.append(bytes(buffer[:count]))
    assert out == messages


@given(MESSAGES, st.lists(st.integers(min_value=0), max_size=10), st.integers(1, 50))
def test_a_byte_reader_gets_the_bytes_in_order(
    messages: list[bytes], cuts: list[int], size: int
) -> None:
    inbox = Inbox()
    _feed_in_pieces(inbox, _stream(messages), cuts)
    got = bytearray()
    buffer = bytearray(size)
    while (count := inbox.take_bytes(memoryview(buffer))) is not None:
        got += buffer[:count]
        if not count and not inbox.messages:
            break
    assert bytes(got) == b"".join(messages)


def test_a_message_cut_short_by_an_abort_is_dropped_and_the_next_one_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_pipebuf, "CHUNK", 4)
    inbox = Inbox()
    inbox.feed(frames(memoryview(b"kept")))
    torn = frames(memoryview(b"0123456789"))
    end = _pipebuf.chunk_end(9, len(torn))  # the writer was in its second chunk
    assert end == 16
    inbox.feed(torn[:end] + abort_frame() + frames(memoryview(b"next")))
    buffer = bytearray(100)
    assert inbox.take_message(memoryview(buffer)) == (4, False)
    assert inbox.take_message(memoryview(buffer)) == (4, False)
    assert buffer[:4] == b"next"


def test_an_abort_voids_a_short_message_that_is_not_read_yet() -> None:
    inbox = Inbox()
    inbox.feed(frames(memoryview(b"first")) + frames(memoryview(b"torn")) + abort_frame())
    buffer = bytearray(100)
    assert inbox.take_message(memoryview(buffer)) == (5, False)
    assert inbox.take_message(memoryview(buffer)) is None


def test_a_disconnect_ends_the_inbox_after_what_came_before() -> None:
    inbox = Inbox()
    inbox.feed(frames(memoryview(b"before")) + disconnect_frame() + frames(memoryview(b"after")))
    assert inbox.ended == "disconnected"
    buffer = bytearray(100)
    assert inbox.take_message(memoryview(buffer)) == (6, False)
    assert inbox.take_message(memoryview(buffer)) is None


def test_a_header_too_long_for_our_framing_ends_the_connection() -> None:
    inbox = Inbox()
    inbox.feed(b"\x7f\xff\xff\xfe")
    assert inbox.ended == "broken"
    assert not inbox.has_data()


@given(st.binary(max_size=40), st.integers(0, 48), st.booleans())
def test_take_frame_reads_a_whole_message_or_leaves_all_to_feed(
    payload: bytes, size: int, earlier: bool
) -> None:
    """The read's shortcut takes exactly what take_message would, or changes nothing."""
    shortcut, inbox = Inbox(), Inbox()
    if earlier:  # a message already waits: the shortcut must not jump the queue
        for box in (shortcut, inbox):
            box.feed(frames(memoryview(b"first")))
    data = memoryview(frames(memoryview(payload)))
    view, expected = memoryview(bytearray(size)), memoryview(bytearray(size))
    received = memoryview(bytes(data) + b"\xee" * 8)  # the receive buffer: longer than what came
    taken = shortcut.take_frame(received, len(data), view)
    inbox.feed(data)
    if taken < 0:
        assert earlier or len(payload) > size
        shortcut.feed(data)
        assert shortcut.take_message(view) == inbox.take_message(expected)
    else:
        assert (taken, False) == inbox.take_message(expected)
        assert not shortcut.messages and not inbox.messages
    assert bytes(view) == bytes(expected)


@pytest.mark.parametrize(
    "data",
    [disconnect_frame(), abort_frame(), b"\x80\x00\x00\x02ab", b"\x00\x00\x00\x03ab", b"\x00\x00"],
    ids=["disconnect", "abort", "more-chunks-follow", "partial", "short-header"],
)
def test_take_frame_leaves_controls_and_partial_frames_to_feed(data: bytes) -> None:
    inbox = Inbox()
    assert inbox.take_frame(memoryview(data), len(data), memoryview(bytearray(64))) == -1
    assert not inbox.messages and inbox.ended is None
