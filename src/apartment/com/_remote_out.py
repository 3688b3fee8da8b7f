"""Calls out of a connection: sending requests and reading their replies (see ``_remote``).

Nobody reads ``out`` unless a call waits for its reply, and one reader at a time (``_reader``,
under ``_lock``): an unbounded caller that finds nobody reading reads, so for it the call is
complete when the deliver hook returns. An MTA caller blocks in ``recv``; an STA caller waits in
its modal loop with the socket watched too (:func:`._sta.wait_reading`), and steps aside while
it serves a message (a call it serves may call out here again). An MTA caller that comes while
another reads waits for its reply or its turn (leader/follower); the reader hands the reading
to it when done, else to the helper thread if calls are still out, which reads for bounded
callers and for STA callers that came while another read. Releases of the other side's objects
go out on ``out`` too.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import TYPE_CHECKING, Any, Literal

from .._fork import APARTMENTS, after_fork_in_child
from .._wire import PACKET_MAX, FrameError, encode_body, encode_shallow, send_packet, send_socket
from ..errors import CallFailedError, ComError, ServerUnavailableError
from ..kernel import Event
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    can_watch_files,
    recycle_event,
    spare_event,
    wait_any_or_readable,
    wait_any_unchecked,
)
from ..messages import QS_PAINT, QS_POSTMESSAGE, QS_SENDMESSAGE, current_queue
from ._apartment import ApartmentKind, current_apartment
from ._packet import CallPacket
from ._remote_proto import (
    BROKEN,
    FAULT,
    LANE,
    RELEASE,
    REPLY,
    REQUEST,
    broken_reason,
    sent_remotely,
)
from ._sta import wait_reading

if TYPE_CHECKING:
    import collections

    from .._wire import PacketReader
    from ._apartment import Apartment

__all__ = ["GENERAL", "CallsOut", "Undecoded"]

_PLAIN: frozenset[type] = frozenset({int, float, str, bool, type(None)})
"""Reply values that decode to themselves."""


class Undecoded:
    """A reply's value as it came, for its caller's thread to decode.

    The thread that reads a reply is not always the caller (another caller reading in turn,
    or the connection's helper). Objects decoded there would belong to that thread: on the
    free-threaded build, an object another thread lets go of is freed only when its owner
    next runs Python code, and a reader parked on its socket might hold a client's last
    reference (and the server's object) for ever. So the caller decodes.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:  # noqa: ANN401
        self.value = value


_LANE_OPS = frozenset({"invoke", "names", "method"})
"""The requests that name an object (their second item): those go on its lane, if it has one."""
_MTA = ApartmentKind.MTA
_STA = ApartmentKind.STA
_HELPER = "helper"  # the reader of `out` when no MTA caller reads it
_MODAL_MASK = QS_SENDMESSAGE | QS_POSTMESSAGE | QS_PAINT
"""The input an STA caller's modal loop wakes for (as :mod:`._sta`'s)."""
_threads = threading.local()  # .watches: can_watch_files() for the thread, asked once


GENERAL: Any = object()
"""What :meth:`CallsOut.call_from_sta` returns for a call that must go the general way."""
_NO_WAKE = Event(manual_reset=True)
"""The done event of a call whose caller reads its own reply (:meth:`CallsOut.call_from_mta`):
nobody waits on it; a close that fails such a call sets it, to no effect."""


class CallsOut:
    """The calls-out half of :class:`~._remote.Connection` (a mixin: the state is its).

    No ``__slots__`` here: the connection's own slots hold the state these methods use.
    """

    _closed: bool
    _controls: collections.deque[tuple[int, int]]
    _flushing: threading.Lock
    _followers: dict[int, Event]
    _helper: Event | None
    _lane: socket.socket | None
    _lane_oids: set[int]
    _lock: threading.Lock
    _out: socket.socket
    _pending: dict[int, CallPacket]
    _reader: object
    _replies: PacketReader
    apartment: Apartment
    peer_pid: int
    reason: str

    if TYPE_CHECKING:

        def close(self, reason: str = ...) -> None: ...

        def _decode(self, value: Any, apartment: Apartment | None) -> Any: ...  # noqa: ANN401

    def request(self, *body: Any) -> Any:  # noqa: ANN401
        """Send the request ``body`` (an op and its arguments, wire values) and wait for it.

        The calling thread waits as its apartment waits (an STA serves calls meanwhile).

        Raises:
            ServerUnavailableError: the connection has closed (0x800706BA).
            CallFailedError: it closed while the call was out (0x800706BE).
            ComError: the other side's error.
        """
        caller = current_apartment()
        return self.result_of(caller, caller.call_out(caller, self.apartment, sent_remotely, body))

    def result_of(self, caller: Apartment, reply: Any) -> Any:  # noqa: ANN401
        """A reply's value, decoded on the calling thread (see :class:`Undecoded`).

        Raises:
            CallFailedError: the value is malformed; the connection is closed, as for any
                malformed frame (0x800706BE).
        """
        if type(reply) is not Undecoded:
            return reply
        try:
            return self._decode(reply.value, caller)
        except FrameError as exc:
            reason = f"a malformed frame: {exc}"
            self.close(reason)
            raise CallFailedError(
                f"process {self.peer_pid} answered with {reason}; the connection is closed"
            ) from None

    def _deliver(self, packet: CallPacket) -> None:
        """The REMOTE apartment's deliver hook: send the call; have its reply read.

        An unbounded caller reads replies itself, so for it the call is complete when this
        returns: an MTA caller waits for its reply or its turn to read; an STA caller that
        finds nobody reading reads while it pumps (:func:`._sta.wait_reading`). Anyone
        else's reply is read by the helper thread (or by a caller that reads at the time)
        and finishes the packet there.
        """
        call = id(packet)  # unique while the packet waits in _pending
        frame = encode_body([REQUEST, call, *packet.args])
        kind = packet.caller.kind
        reads = packet.control is None and (kind is _MTA or (kind is _STA and can_watch_files()))
        fd = self._out.fileno() if kind is _STA else -1  # (before a close can take it away)
        turn: Event | None = None
        with self._lock:
            if self._closed:
                raise ServerUnavailableError(self._gone())
            self._pending[call] = packet
            reader = self._reader
            if reader is None:
                self._reader = packet if reads else _HELPER
            elif reads and kind is _MTA:
                turn = self._followers[call] = Event()
        try:
            sock = self._out if not self._lane_oids else self._sender(packet.args)
            if len(frame) <= PACKET_MAX:  # send_packet's common case, without the call
                sock.send(frame)
            else:
                send_packet(sock, frame)
        except OSError:
            with self._lock:
                self._pending.pop(call, None)
            self.close(f"sending failed: {self._gone()}")
            raise ServerUnavailableError(self._gone()) from None
        if self._controls:
            self._flush_controls()
        if kind is not _MTA or not reads:
            if reader is None:
                if reads:  # an STA that reads: its modal loop watches the socket
                    wait_reading(packet, fd, self)
                else:
                    self._wake_helper()
            return
        if turn is not None:
            try:
                wait_any_unchecked((packet.done, turn))  # the reply, or the turn to read
            except BaseException:  # a Ctrl-C: give up the turn, if it came, and go
                if self._stop_waiting(packet, call):
                    self._hand_over()
                raise
            if not self._stop_waiting(packet, call):
                return  # the reply came (or the connection closed)
        self._read_until(packet)

    def call_from_mta(self, caller: Apartment, body: tuple[Any, ...], flat: bool = False) -> Any:  # noqa: ANN401
        """An unbounded MTA caller's call: ``_mta``'s call_out and :meth:`_deliver` in one.

        The hottest path of a connection (``RemoteObject.invoke``). A caller that finds
        nobody reading reads its own reply, and its packet has no event: only the reader
        finishes it, or ``close`` fails it, and this thread looks at ``finished`` after its
        read. One that comes while another reads waits as :meth:`_deliver`'s do. ``flat``:
        the body holds only scalars and one list of them, so the frame cannot nest too deep
        (:func:`~apartment._wire.encode_shallow`).

        The reader's first read is written out here (``_read_until`` and ``_read_reply`` for
        their common case: the next reply is the caller's, a plain value, and no other call
        is out); anything else goes on the general way.

        Raises:
            ServerUnavailableError: the connection has closed (0x800706BA).
            CallFailedError: it closed while the call was out (0x800706BE).
            ComError: the other side's error.
            FrameError: the request cannot be a frame (nothing was sent).
        """
        packet = CallPacket(caller, self.apartment, sent_remotely, body, _NO_WAKE)
        call = id(packet)  # unique while the packet waits in _pending
        frame = (encode_shallow if flat else encode_body)([REQUEST, call, *body])
        with self._lock:
            if self._closed:
                raise ServerUnavailableError(self._gone())
            self._pending[call] = packet
            if self._reader is None:
                self._reader = packet
                turn = None
            else:
                packet.done = spare_event()
                turn = self._followers[call] = Event()
        try:
            sock = self._out if not self._lane_oids else self._sender(body)
            if len(frame) <= PACKET_MAX:  # send_packet's common case, without the call
                sock.send(frame)
            else:
                send_packet(sock, frame)
        except OSError:
            with self._lock:
                self._pending.pop(call, None)
                if turn is not None:
                    del self._followers[call]
            self.close(f"sending failed: {self._gone()}")
            raise ServerUnavailableError(self._gone()) from None
        if self._controls:
            self._flush_controls()
        if turn is None:
            try:
                ok, reply = self._replies.read()
                if ok and type(reply) is list and len(reply) >= 3:
                    kind, value = reply[0], reply[2]
                    with self._lock:
                        found = self._pending.pop(reply[1], None)
                        if found is packet and not self._pending:
                            self._reader = None  # nobody else waits: nobody reads
                            if kind == REPLY and type(value) in _PLAIN:
                                return value  # (the packet is out of _pending: done with)
                    self._finish_reply(found, packet, reply)
                elif ok:
                    raise FrameError("a reply must be a list of at least 3 items")
                else:
                    self.close("the other process closed the connection")
            except BROKEN as exc:
                self.close(broken_reason(exc))
            except BaseException:  # a Ctrl-C: the reading passes on, the reply is for nobody
                if self._reader is packet:  # (only this reader sets it to something else)
                    self._hand_over()
                raise
            if not packet.finished:
                self._read_until(packet)  # not its reply first: read on
            elif self._reader is packet:
                self._hand_over()
            if not packet.finished:  # the connection closed: the close may be failing it now
                packet.abandon(self.went_away())  # whoever is first, as finish() decides
        else:
            done = packet.done
            try:
                wait_any_unchecked((done, turn))  # the reply, or the turn to read
            except BaseException:  # a Ctrl-C: give up the turn, if it came, and go
                if self._stop_waiting(packet, call):
                    self._hand_over()
                raise
            if self._stop_waiting(packet, call):
                self._read_until(packet)
            done.wait()  # finished (the reply, or the close): set in the same lock hold
            recycle_event(done)  # a late set can no longer reach it
        return packet.outcome()

    def call_from_sta(self, caller: Apartment, body: tuple[Any, ...], flat: bool = False) -> Any:  # noqa: ANN401
        """An unbounded STA caller's call, or :data:`GENERAL`: it must go the general way.

        ``_sta``'s call_out, :meth:`_deliver` and the first turn of
        :func:`._sta.wait_reading` in one; nothing is sent if it returns GENERAL (then
        ``caller.call_out`` makes the call).

        The hottest path of an STA client: ``body`` is an invoke's. The caller must be a plain
        STA's (not a lane host's, whose calls out step away) on a thread that can watch files,
        with no call bounds. It goes the general way when the thread handles a message sent from
        another thread (the general way refuses the call), or when another thread reads ``out``.
        Else it reads its own reply: it waits for the socket, its queue's input and the call's
        done event at once; if the reply is first and no other call is out, it is returned as it
        came. Anything else (input to serve, a reply for another call) goes on in
        :func:`._sta.wait_reading`, as for any STA caller that reads.

        Raises:
            ServerUnavailableError: the connection has closed (0x800706BA).
            CallFailedError: it closed while the call was out (0x800706BE).
            ComError: the other side's error.
            FrameError: the request cannot be a frame (nothing was sent).
        """
        queue = current_queue()
        handling = queue.handling
        if handling and handling[-1] is not None:
            return GENERAL  # it raises CantCallOutError
        try:
            watches = _threads.watches
        except AttributeError:  # the thread's first: its parker does not change after this
            watches = _threads.watches = can_watch_files()
        if not watches:
            return GENERAL
        frame_of = encode_shallow if flat else encode_body
        done = spare_event()
        packet = CallPacket(caller, self.apartment, sent_remotely, body, done)
        call = id(packet)  # unique while the packet waits in _pending
        try:
            frame = frame_of([REQUEST, call, *body])
        except BaseException:
            recycle_event(done)
            raise
        fd = self._out.fileno()  # (before a close can take it away)
        with self._lock:
            if self._closed or self._reader is not None:
                recycle_event(done)
                return GENERAL  # (it raises ServerUnavailableError, or waits as others do)
            self._pending[call] = packet
            self._reader = packet
        try:
            sock = self._out
            if self._lane_oids and body[1] in self._lane_oids:  # _sender, for an invoke
                sock = self._lane or self._open_lane()
            if len(frame) <= PACKET_MAX:  # send_packet's common case, without the call
                sock.send(frame)
            else:
                send_packet(sock, frame)
        except OSError:
            with self._lock:
                self._pending.pop(call, None)
                if self._reader is packet:
                    self._reader = None
            self.close(f"sending failed: {self._gone()}")
            raise ServerUnavailableError(self._gone()) from None
        if self._controls:
            self._flush_controls()
        inp = queue.input
        with KERNEL_LOCK:
            if not packet.finished:  # inp.arm(_MODAL_MASK, False), written out
                inp.mask = _MODAL_MASK
                inp.available = False
                inp._ready = bool(queue.changed_bits & _MODAL_MASK)
        if not packet.finished:
            try:
                ready = wait_any_or_readable((done, inp), fd)
            except BaseException:  # a Ctrl-C: the reading passes on
                self.hand_over(packet)
                raise
            if ready is None:  # the socket: a reply (or the end) is there
                try:
                    ok, reply = self._replies.read()
                    if ok and type(reply) is list and len(reply) >= 3:
                        kind, value = reply[0], reply[2]
                        with self._lock:
                            found = self._pending.pop(reply[1], None)
                            if found is packet and not self._pending:
                                self._reader = None  # nobody else waits: nobody reads
                                if kind == REPLY and type(value) in _PLAIN:
                                    packet.finished = True  # out of _pending: done with
                                    recycle_event(done)
                                    return value
                        self._finish_reply(found, packet, reply)
                    elif ok:
                        raise FrameError("a reply must be a list of at least 3 items")
                    else:
                        self.close("the other process closed the connection")
                except BROKEN as exc:
                    self.close(broken_reason(exc))
                except BaseException:  # a Ctrl-C: the reading passes on
                    self.hand_over(packet)
                    raise
        if self._closed:  # this thread saw the end: the close may be failing it now
            packet.abandon(self.went_away())  # whoever is first, as finish() decides
        with KERNEL_LOCK:
            finished = packet.finished  # (finish() sets done in the same hold)
        if finished:
            self.hand_over(packet)
        else:  # input to serve, another call's reply: the modal loop
            wait_reading(packet, fd, self)
        recycle_event(done)  # finished: a late set can no longer reach it
        return packet.outcome()

    # -- lanes (see _remote_lanes) --------------------------------------------------------------

    def _sender(self, body: tuple[Any, ...]) -> socket.socket:
        """The socket a request goes on: the lane for an object of the peer's lane host."""
        if len(body) < 2 or body[0] not in _LANE_OPS or body[1] not in self._lane_oids:
            return self._out
        lane = self._lane
        return lane if lane is not None else self._open_lane()

    def _open_lane(self) -> socket.socket:
        """Make this side's lane and pass it to the peer (once); ``out`` if it cannot go.

        Raises:
            OSError: passing it failed (the caller's send would have: the peer is gone).
        """
        with self._lock:
            lane = self._lane
            if lane is None and not self._closed:
                mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
                try:
                    send_socket(self._out, encode_body([LANE]), theirs)
                except OSError:
                    mine.close()
                    raise
                finally:
                    theirs.close()
                lane = self._lane = mine
        return lane if lane is not None else self._out

    # -- an STA caller that reads (see _sta.wait_reading) --------------------------------------

    def read_reply(self, packet: CallPacket) -> bool:
        """Read one reply for the STA caller of ``packet``; False once the connection closed."""
        try:
            if self._read_reply(packet) is not False:
                return True
            reason = "the other process closed the connection"
        except BROKEN as exc:
            reason = broken_reason(exc)
        self.close(reason)
        # Its caller does not wait for the thread in close() (maybe another) to fail it.
        packet.abandon(self.went_away())  # whoever is first, as finish() decides
        return False

    def step_aside(self, packet: CallPacket) -> None:
        """The reading STA caller serves a message: the reading passes on if others wait."""
        with self._lock:
            if self._reader is not packet:
                return
            if self._only_callers_own(packet):
                self._reader = None
                return
        self._hand_over()

    def _only_callers_own(self, packet: CallPacket) -> bool:
        """Whether every call out waiting (under ``_lock``) is ``packet``'s caller's.

        Then nobody needs to read while the reader, the innermost call of its thread, serves
        a message: it comes back to its wait before any other call of the thread can go on,
        and a call the message makes reads for itself. No other thread's call is held up.
        """
        caller = packet.caller
        return not self._followers and all(
            waiting.caller is caller for waiting in self._pending.values()
        )

    def take_turn(self, packet: CallPacket) -> bool:
        """The STA caller is back in its wait: it reads again if nobody does."""
        with self._lock:
            if self._reader is None and not self._closed:
                self._reader = packet
                return True
            return False

    def hand_over(self, packet: CallPacket) -> None:
        """The reading STA caller's reply has come: the reading passes on.

        Not to nobody, even if the calls still out are the same thread's: an outer one may
        wait without reading (it came while another thread read), so the helper reads. If
        none is out, the reply's reading ended it already.
        """
        if self._reader is packet:  # (only this reader sets it to something else)
            self._hand_over()

    def _stop_waiting(self, packet: CallPacket, call: int) -> bool:
        """Leave the followers; True if the turn to read came to this caller."""
        with self._lock:
            del self._followers[call]
            return self._reader is packet

    def _read_until(self, packet: CallPacket) -> None:
        """Read replies until ``packet``'s has come, then hand the reading over."""
        reason = ""
        try:
            while not packet.finished:
                if self._read_reply(packet) is False:
                    reason = "the other process closed the connection"
                    break
        except BROKEN as exc:
            reason = broken_reason(exc)
        finally:  # a Ctrl-C too: the reading passes on, the reply is read for nobody
            if reason:
                self.close(reason)
            elif self._reader is packet:  # (only this reader sets it to something else)
                self._hand_over()

    def _hand_over(self) -> None:
        """The reader is done: the next waiting MTA caller reads, else the helper, else nobody."""
        grant: Event | None = None
        wake = False
        with self._lock:
            for call, event in self._followers.items():
                waiting = self._pending.get(call)
                if waiting is not None and not waiting.finished:
                    self._reader = waiting
                    grant = event
                    break
            else:
                if self._pending:
                    self._reader = _HELPER
                    wake = True
                else:
                    self._reader = None
        if grant is not None:
            grant.set()
        elif wake:
            self._wake_helper()

    def _wake_helper(self) -> None:
        event = self._helper
        if event is None:
            event = self._helper = Event()
            threading.Thread(
                target=self._help, args=(event,), name=f"apartment-remote-{self.peer_pid}-replies",
                daemon=True,
            ).start()  # fmt: skip
        event.set()

    def _help(self, wake: Event) -> None:
        """The helper thread: read replies while the helper is the reader.

        With no call out it stops, so that the next caller (MTA or STA) reads its reply
        itself; it reads for bounded callers, and for those that came while another read.
        """
        while True:
            wake.wait()
            while True:
                with self._lock:
                    if self._closed:
                        return
                    if self._reader is not _HELPER:
                        break
                    if not self._pending:
                        self._reader = None
                        break
                    handover = any(
                        not packet.finished
                        for packet in map(self._pending.get, self._followers)
                        if packet is not None
                    )
                if handover:
                    self._hand_over()  # an MTA caller waits: it reads its reply itself
                    break
                try:
                    packet = self._read_reply()
                except (OSError, FrameError, ValueError, TypeError, KeyError, IndexError) as exc:
                    self.close(f"the connection failed: {type(exc).__name__}: {exc}")
                    return
                if packet is False:
                    self.close("the other process closed the connection")
                    return
                packet = None  # it holds the result: not while this thread waits on

    def _read_reply(self, reader: CallPacket | None = None) -> CallPacket | Literal[False] | None:
        """Read one reply from ``out`` and finish its call.

        Returns the call's packet (None for a call nobody waits for any more), or False at
        the end of the stream. For the MTA caller ``reader``, whose reply it is, the reading
        ends in the same lock hold when nobody else waits (``_hand_over``'s last case).
        """
        ok, frame = self._replies.read()
        if not ok:
            return False
        if type(frame) is not list or len(frame) < 3:
            raise FrameError("a reply must be a list of at least 3 items")
        call = frame[1]
        with self._lock:
            packet = self._pending.pop(call, None)
            if packet is reader and packet is not None and not self._pending:
                self._reader = None  # nobody else waits: nobody reads
        self._finish_reply(packet, reader, frame)
        return packet

    def _finish_reply(
        self, packet: CallPacket | None, reader: CallPacket | None, frame: list[Any]
    ) -> None:
        """Finish the call ``packet`` (None: nobody waits for it) with the reply ``frame``."""
        kind = frame[0]
        if kind == REPLY:
            value = frame[2]
            if packet is None:  # nobody waits: count the references it holds, to give back
                self._decode(value, None)
            elif type(value) in _PLAIN:
                packet.result = value
                if packet is reader and packet.done is _NO_WAKE:
                    packet.finished = True  # out of _pending: no other thread finishes it
                else:
                    packet.finish()
            else:
                packet.result = Undecoded(value)
                if packet is reader and packet.done is _NO_WAKE:
                    packet.finished = True  # out of _pending: no other thread finishes it
                elif not packet.finish():  # its caller gave up (a timeout): give them back
                    packet.result = None
                    self._decode(value, None)
        elif kind == FAULT:
            error = self._error(frame)
            if packet is not None:
                packet.error = error
                packet.finish()
        else:
            raise FrameError(f"a frame of kind {kind!r} where replies come")

    def went_away(self) -> CallFailedError:
        """The error of a call still out when the connection closed (0x800706BE)."""
        return CallFailedError(
            f"process {self.peer_pid} went away during the call ({self.reason}); it may "
            "or may not have run"
        )

    def _gone(self) -> str:
        return f"process {self.peer_pid} is gone ({self.reason or 'its connection closed'})"

    def _error(self, frame: list[Any]) -> ComError:
        _, _, hresult, strerror, info, argerror, detail = frame
        if type(hresult) is not int or type(detail) is not str:
            raise FrameError("a malformed fault frame")
        excepinfo = None if info is None else tuple(info)
        where = f"raised in process {self.peer_pid}"
        error = ComError.from_hresult(
            hresult,
            f"{detail} ({where})" if detail else where,
            excepinfo,
        )
        if excepinfo is not None and isinstance(strerror, str):
            error.strerror = strerror
        if type(argerror) is int:
            error.argerror = argerror
        error.args = (error.hresult, error.strerror, error.excepinfo, error.argerror)
        return error

    # -- releases ------------------------------------------------------------------------------

    def released(self, oid: int, count: int) -> None:
        """A RemoteObject died (any thread, maybe inside the GC): give its references back.

        Takes no lock it would wait for: the release is queued, and sent now if nobody is
        sending on ``out``, else by whoever is, right after.
        """
        if count and not self._closed:
            self._controls.append((oid, count))
            self._flush_controls()

    def _flush_controls(self) -> None:
        controls = self._controls
        while controls and not self._closed:
            if not self._flushing.acquire(blocking=False):
                return  # the flusher (or a sender, after its frame) sends these too
            try:
                items: list[list[int]] = []
                with contextlib.suppress(IndexError):
                    while True:
                        oid, count = controls.popleft()
                        items.append([oid, count])
                if items:
                    send_packet(self._out, encode_body([RELEASE, items]))
            except OSError:
                return
            finally:
                self._flushing.release()


def _after_fork_in_child() -> None:
    _threads.__dict__.pop("watches", None)  # the thread's parker is made anew


after_fork_in_child(_after_fork_in_child, APARTMENTS)
