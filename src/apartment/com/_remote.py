"""Calls between processes: a connection, the objects each side holds of the other's.

One :class:`Connection` joins two processes (a client and a local server) of the same user.
It is symmetric: either side calls objects the other exported, so a server can call back
into an object its client passed. To this process the other one is an apartment of kind
REMOTE: a call into it is ``caller.call_out(caller, connection.apartment, ...)`` as for any
apartment, so an STA caller waits in its modal loop (serving calls into it, the server's
callbacks included), an MTA caller waits, and call timeouts and cancellation apply.

A connection is two Unix stream sockets, one per direction of calls (the connecting side
passes the second over the first, SCM_RIGHTS): on ``out`` this side sends its requests and
reads their replies, on ``inn`` it reads the other side's requests and sends its replies.
Nobody reads ``out`` unless a call waits, so an MTA caller reads its own reply (no thread
hand-off on the way back) and hands the reading over to the next caller when it has it; an
STA caller (it must pump) and a bounded caller leave the reading to a helper thread. One
thread reads ``inn`` for ever and runs each request where its object lives: posted to an
STA (it runs when that thread pumps), or on an MTA worker (the neutral apartment's objects
too); the reply goes back from that thread.

Frames (lists, :mod:`apartment._wire`)::

    [0, call, op, ...]                                           a request
    [1, call, value]                                             its result
    [2, call, hresult, strerror, excepinfo, argerror, detail]    its error
    [3, [[oid, count], ...]]                                     references let go

ops: ``"invoke" oid dispid flags args``, ``"names" oid names``, and those the owner adds
(a server answers ``"activate"``, ``"lock"``, ``"status"``).

Objects cross by reference (:mod:`._variant` for values): the sender exports an object under
an *oid* and counts each time it sends it; the receiver's :class:`RemoteObject` counts each
time it receives it and, when it dies, gives the count back. An export whose count drops to 0
is dropped; a connection that closes drops all of its exports and fails the calls still
waiting on it with RPC_S_CALL_FAILED; later calls get RPC_S_SERVER_UNAVAILABLE.
"""

from __future__ import annotations

import collections
import contextlib
import socket
import threading
import weakref
from typing import TYPE_CHECKING, Any, Literal, cast, final

from .._fork import APARTMENTS, OUTER, after_fork_in_child, hold_across_fork
from .._runtime import check_peer
from .._wire import FrameError, PacketReader, encode_body, send_packet
from ..errors import (
    RPC_E_DISCONNECTED,
    RPC_E_INVALIDMETHOD,
    CallFailedError,
    ComError,
    ServerUnavailableError,
)
from ..kernel import Event
from ..kernel.lowlevel import KERNEL_LOCK, wait_any_unchecked
from ._apartment import Apartment, ApartmentKind, current_apartment, thread_state
from ._dispatch import InterfacePointer
from ._hosting import Hosting, nothing_to_do
from ._mta import ensure_mta
from ._packet import CallPacket
from ._policy import server_error
from ._proxy import Proxy, marshal_value
from ._serverlife import add_references, drop_references
from ._variant import from_wire, to_wire

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ._dispatch import Gateway

    Handler = Callable[["Connection", int, list[Any]], None]

__all__ = [
    "REQUEST",
    "REPLY",
    "FAULT",
    "RELEASE",
    "Connection",
    "RemoteObject",
    "connections",
    "HELLO",
    "QUERY",
    "open_connection",
    "read_hello",
    "accept_connection",
]

REQUEST, REPLY, FAULT, RELEASE = 0, 1, 2, 3
HELLO = b"\x01"
"""The first byte of a connection: it carries the connecting side's second socket."""
QUERY = b"\x02"
"""The first byte of a one-off query: the server answers one plain frame and hangs up."""
_NONE = type(None)
_MTA = ApartmentKind.MTA
_HELPER = "helper"  # the reader of `out` when no MTA caller reads it


def _never_called_out(
    caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
) -> Any:  # noqa: ANN401
    raise AssertionError(f"{caller!r} is another process: no thread here calls from it")


def _sent_remotely(*args: Any) -> Any:  # noqa: ANN401
    raise AssertionError("a call into another process is sent as a frame, never run here")


@final
class _Export:
    """An object this process lent the other: where it lives and how many references it has."""

    __slots__ = ("count", "face", "home", "target")

    def __init__(self, target: Any, home: Apartment, face: type[InterfacePointer]) -> None:  # noqa: ANN401
        self.target = target  # a Gateway (invoke, get_ids_of_names), or a RemoteObject
        self.home = home
        self.face = face  # the interface pointer class it was sent as, for its way back
        self.count = 0


@final
class RemoteObject:
    """An object of the other process, as the target of an interface pointer here.

    Calls go out as frames and run in the object's own apartment over there. It belongs to
    no apartment of this process: each interface pointer to it does, as proxies do.
    """

    __slots__ = ("__weakref__", "_conn", "_count", "oid")

    def __init__(self, conn: Connection, oid: int) -> None:
        self._conn = conn
        self.oid = oid
        self._count = 0  # references received; given back when this dies

    def __repr__(self) -> str:
        return f"<object {self.oid} of process {self._conn.peer_pid}>"

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # at interpreter exit, anything may be gone
            self._conn.released(self.oid, self._count)

    @property
    def policy(self) -> Any:  # noqa: ANN401
        """Refuse to unwrap: the Python object is in another process."""
        raise ValueError(
            f"the object lives in process {self._conn.peer_pid}; only a reference is held here"
        )

    def invoke(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """IDispatch::Invoke in the other process; the caller waits as its apartment waits."""
        conn = self._conn
        wire = to_wire(args, conn.export_tag) if args else ()
        caller = current_apartment()
        body = ("invoke", self.oid, dispid, flags, wire)
        return caller.call_out(caller, conn.apartment, _sent_remotely, body)

    def get_ids_of_names(self, names: tuple[str, ...]) -> list[int]:
        """IDispatch::GetIDsOfNames in the other process."""
        result: tuple[int, ...] = self._conn.request("names", self.oid, list(names))
        return list(result)

    def __apartment_marshal__(self, source: Apartment, dest: Apartment) -> RemoteObject:
        """The same object in any apartment: each pointer to it checks its own apartment."""
        return self


class _Registry:
    """Every open connection of the process (for fork and for a server's status)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        hold_across_fork(self.lock, OUTER)
        self.open: set[Connection] = set()


_registry = _Registry()


def connections() -> list[Connection]:
    """Return the process's open connections."""
    with _registry.lock:
        return list(_registry.open)


def open_connection(
    sock: socket.socket, peer_pid: int, *, on_close: Callable[[Connection], None] | None = None
) -> Connection:
    """Make the connection over ``sock``, just connected: pass the second socket, start it."""
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        socket.send_fds(sock, [HELLO], [theirs.fileno()])
    except OSError:
        mine.close()
        raise
    finally:
        theirs.close()
    conn = Connection(out=sock, inn=mine, peer_pid=peer_pid, on_close=on_close)
    conn.start()
    return conn


def read_hello(sock: socket.socket, timeout: float = 10.0) -> tuple[bytes, list[int]]:
    """Read the first byte a new peer sends (HELLO or QUERY) and the socket it passes.

    Raises:
        OSError: nothing came in time, or the peer went away.
    """
    sock.settimeout(timeout)
    try:
        data, fds, _, _ = socket.recv_fds(sock, 1, 1)
    finally:
        sock.settimeout(None)
    return data, fds


def accept_connection(
    sock: socket.socket, peer_pid: int, handlers: Mapping[str, Handler], fds: list[int]
) -> Connection:
    """Make the connection over ``sock``, just accepted, whose HELLO passed ``fds``; start it.

    Raises:
        ConnectionError: not one stream socket was passed (the descriptors are closed).
        PermissionError: the second socket's peer is another user's.
    """
    if len(fds) != 1:
        for fd in fds:
            socket.close(fd)
        raise ConnectionError("the client did not pass its second socket")
    other = socket.socket(fileno=fds[0])
    if other.family != socket.AF_UNIX or other.type != socket.SOCK_SEQPACKET:
        other.close()
        raise ConnectionError("the client passed something other than a packet socket")
    try:
        check_peer(other)
    except BaseException:
        other.close()
        raise
    conn = Connection(out=other, inn=sock, peer_pid=peer_pid, handlers=handlers)
    conn.start()
    return conn


@final
class Connection:
    """One end of a connection to another process of the same user (see the module doc)."""

    __slots__ = (
        "__weakref__",
        "_closed",
        "_controls",
        "_ended",
        "_export_ids",
        "_exports",
        "_flushing",
        "_followers",
        "_handlers",
        "_helper",
        "_imports",
        "_inn",
        "_inn_busy",
        "_inn_threads",
        "_lock",
        "_next_oid",
        "_on_close",
        "_out",
        "_pending",
        "_reader",
        "_replies",
        "apartment",
        "peer_pid",
        "reason",
    )

    def __init__(
        self,
        *,
        out: socket.socket,
        inn: socket.socket,
        peer_pid: int,
        handlers: Mapping[str, Handler] | None = None,
        on_close: Callable[[Connection], None] | None = None,
    ) -> None:
        self._out = out
        self._inn = inn
        self.peer_pid = peer_pid
        self._handlers = handlers or {}
        self._on_close = on_close
        hosting = Hosting(
            open=nothing_to_do,
            close=nothing_to_do,
            deliver=self._deliver,
            call_out=_never_called_out,
        )
        self.apartment = Apartment(ApartmentKind.REMOTE, hosting)
        self._lock = threading.Lock()  # _closed, _pending, _reader, _followers, the exports
        self._flushing = threading.Lock()  # held by whoever sends the queued releases
        self._closed = False
        self._ended = Event(manual_reset=True)
        self.reason = ""
        self._pending: dict[int, CallPacket] = {}  # calls out, by id(packet)
        self._reader: object = None  # who reads `out` now: None, a caller's packet, _HELPER
        self._followers: dict[int, Event] = {}  # MTA callers waiting for their turn to read
        self._helper: Event | None = None  # wakes the helper thread (started on first need)
        self._replies = PacketReader(out)  # used by whoever is the reader
        self._inn_threads = 0  # inn threads alive (under _lock)
        self._inn_busy = 0  # of which running a call themselves (under _lock)
        self._exports: dict[int, _Export] = {}
        self._export_ids: dict[int, int] = {}  # id(target) -> oid
        self._next_oid = 1
        self._imports: dict[int, weakref.ref[RemoteObject]] = {}  # the inn reader's alone
        self._controls: collections.deque[tuple[int, int]] = collections.deque()

    def __repr__(self) -> str:
        state = f" (closed: {self.reason})" if self._closed else ""
        return f"<connection to process {self.peer_pid}{state}>"

    @property
    def closed(self) -> bool:
        """Whether the connection has closed (its peer went away, or it was closed here)."""
        return self._closed

    def wait_closed(self, timeout: float | None = None) -> bool:
        """Wait until the connection has closed; False if ``timeout`` seconds passed first."""
        return bool(self._ended.wait(timeout))

    def start(self) -> None:
        """Start the thread that reads the other side's requests (a daemon)."""
        with _registry.lock:
            _registry.open.add(self)
        self._inn_threads = 1
        self._start_inn_thread()

    def _start_inn_thread(self) -> None:
        threading.Thread(
            target=self._serve, name=f"apartment-remote-{self.peer_pid}", daemon=True
        ).start()

    def statistics(self) -> tuple[int, int]:
        """Return (objects exported to the peer, references it holds to them)."""
        with self._lock:
            return len(self._exports), sum(e.count for e in self._exports.values())

    # -- calls out -----------------------------------------------------------------------------

    def request(self, *body: Any) -> Any:  # noqa: ANN401
        """Send the request ``body`` (an op and its arguments, wire values) and wait for it.

        The calling thread waits as its apartment waits (an STA serves calls meanwhile).

        Raises:
            ServerUnavailableError: the connection has closed (0x800706BA).
            CallFailedError: it closed while the call was out (0x800706BE).
            ComError: the other side's error.
        """
        caller = current_apartment()
        return caller.call_out(caller, self.apartment, _sent_remotely, body)

    def _deliver(self, packet: CallPacket) -> None:
        """The REMOTE apartment's deliver hook: send the call; have its reply read.

        An unbounded MTA caller reads replies itself, so for it the call is complete when
        this returns; anyone else's reply is read by the helper thread (or by an MTA caller
        that reads at the time) and finishes the packet there.
        """
        call = id(packet)  # unique while the packet waits in _pending
        frame = encode_body([REQUEST, call, *packet.args])
        reads = packet.caller.kind is _MTA and packet.control is None
        turn: Event | None = None
        with self._lock:
            if self._closed:
                raise ServerUnavailableError(self._gone())
            self._pending[call] = packet
            reader = self._reader
            if reader is None:
                self._reader = packet if reads else _HELPER
            elif reads:
                turn = self._followers[call] = Event()
        try:
            send_packet(self._out, frame)
        except OSError:
            with self._lock:
                self._pending.pop(call, None)
            self.close(f"sending failed: {self._gone()}")
            raise ServerUnavailableError(self._gone()) from None
        if self._controls:
            self._flush_controls()
        if not reads:
            if reader is None:
                self._wake_helper()
            return
        if turn is not None:
            wait_any_unchecked((packet.done, turn))  # the reply, or the turn to read
            with self._lock:
                del self._followers[call]
                if self._reader is not packet:
                    return  # the reply came (or the connection closed)
        self._read_until(packet)

    def _read_until(self, packet: CallPacket) -> None:
        """Read replies until ``packet``'s has come, then hand the reading over."""
        reason = ""
        try:
            while not packet.finished:
                if self._read_reply() is False:
                    reason = "the other process closed the connection"
                    break
        except FrameError as exc:
            reason = f"a malformed frame: {exc}"
        except OSError as exc:
            reason = f"the connection failed: {exc}"
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            reason = f"a malformed frame: {type(exc).__name__}: {exc}"
        if reason:
            self.close(reason)
        else:
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

        With no call out it goes on reading (blocked in ``recv``) if the last reply was an
        STA's or a bounded call's: the next such call then needs no wake-up. After a reply
        for an MTA caller it stops, so that the next MTA caller reads its reply itself.
        """
        while True:
            wake.wait()
            idle_when_done = False
            while True:
                with self._lock:
                    if self._closed:
                        return
                    if self._reader is not _HELPER:
                        break
                    if not self._pending and idle_when_done:
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
                idle_when_done = packet is not None and packet.caller.kind is _MTA
                packet = None  # it holds the result: not while this thread waits on

    def _read_reply(self) -> CallPacket | Literal[False] | None:
        """Read one reply from ``out`` and finish its call.

        Returns the call's packet (None for a call nobody waits for any more), or False at
        the end of the stream.
        """
        ok, frame = self._replies.read()
        if not ok:
            return False
        if type(frame) is not list or len(frame) < 3:
            raise FrameError("a reply must be a list of at least 3 items")
        kind, call = frame[0], frame[1]
        with self._lock:
            packet = self._pending.pop(call, None)
        if kind == REPLY:
            result = self._decode(frame[2], None if packet is None else packet.caller)
            if packet is not None:
                packet.result = result
                packet.finish()
        elif kind == FAULT:
            error = self._error(frame)
            if packet is not None:
                packet.error = error
                packet.finish()
        else:
            raise FrameError(f"a frame of kind {kind!r} where replies come")
        return packet

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

    # -- calls in ------------------------------------------------------------------------------

    def reply(self, call: int, value: Any) -> None:  # noqa: ANN401
        """Send the result of the other side's request ``call`` (an error if it cannot go)."""
        try:
            frame = encode_body([REPLY, call, to_wire(value, self.export_tag)])
        except (TypeError, ValueError, OverflowError) as exc:
            self.fault(call, exc)
            return
        self._send_inn(frame)

    def reply_plain(self, call: int, value: Any) -> None:  # noqa: ANN401
        """Reply to ``call`` with a plain msgpack value (maps allowed: no VARIANT rules)."""
        self._send_inn(encode_body([REPLY, call, value]))

    def fault(self, call: int, error: BaseException) -> None:
        """Send ``error`` as the outcome of the other side's request ``call``."""
        com_error = error if isinstance(error, ComError) else server_error(error)
        info = com_error.excepinfo
        self._send_inn(
            encode_body(
                [
                    FAULT,
                    call,
                    int(com_error.hresult),
                    _plain(com_error.strerror),
                    None if info is None else [_plain(item) for item in info],
                    com_error.argerror if type(com_error.argerror) is int else None,
                    str(getattr(com_error, "detail", "") or ""),
                ]
            )
        )

    def _send_inn(self, frame: bytes) -> None:
        with contextlib.suppress(OSError):  # a peer gone: nobody to tell
            send_packet(self._inn, frame)

    def run(
        self, call: int, home: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        """Run ``fn(*args)`` in ``home`` and reply to ``call`` with its outcome.

        Into an STA the call is posted; it may never run (the STA ends first, its message
        filter refuses it): the reply then goes out when the packet is failed, so the caller
        never waits for ever. Into the MTA (and for the neutral apartment's objects) it runs
        on this inn thread, which replies itself, as an RPC thread serves the MTA.
        """
        if home.is_sta:
            packet = _Request(self, call, home, fn, args)
            deliver = home.deliver
            assert deliver is not None
            try:
                deliver(packet)
            except BaseException as error:
                packet.fail(error)
            return
        if home.deliver is None:  # the neutral apartment: any thread will do
            home = ensure_mta()
        self._run_here(call, home, fn, args)

    def _run_here(
        self, call: int, home: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        """Run a call into the MTA on this inn thread, as an MTA thread, and reply.

        Another inn thread takes over the reading meanwhile (one is started if none is
        left), so a call that waits, or calls back, never holds up the next request.
        """
        with self._lock:
            self._inn_busy += 1
            spare = self._inn_threads - self._inn_busy < 1 and not self._closed
            if spare:
                self._inn_threads += 1
        if spare:
            self._start_inn_thread()
        state = thread_state()
        if state.apartment is not home:
            with KERNEL_LOCK:
                state.apartment = home  # as an MTA worker: in the MTA without holding it
        error: BaseException | None = None
        try:
            result = fn(*args)
        except BaseException as raised:
            error = raised
        finally:
            with self._lock:  # before the reply: the next request finds this thread free
                self._inn_busy -= 1
        if error is None:
            self.reply(call, result)
        else:
            self.fault(call, error)
            del error  # its traceback holds this frame

    def _serve(self) -> None:
        """Read the other side's requests and releases until it goes (an inn thread).

        Every inn thread reads the socket at once, each with its own reader: the kernel
        hands each message, whole, to one of them, so the next frame can be read while a
        call runs on another.
        """
        reader = PacketReader(self._inn)
        reason = ""
        try:
            while not reason and not self._closed:
                ok, frame = reader.read()
                if not ok:
                    reason = "the other process closed the connection"
                elif type(frame) is not list or len(frame) < 2:
                    raise FrameError("a frame must be a list of at least 2 items")
                elif frame[0] == REQUEST:
                    self._request(frame[1], frame[2], frame[3:])
                elif frame[0] == RELEASE:
                    self._release(frame[1])
                else:
                    raise FrameError(f"a frame of kind {frame[0]!r} where requests come")
                with self._lock:  # too many inn threads waiting: this one goes
                    if self._inn_threads - self._inn_busy > 3:
                        self._inn_threads -= 1
                        return
        except FrameError as exc:
            reason = f"a malformed frame: {exc}"
        except OSError as exc:
            reason = f"the connection failed: {exc}"
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            reason = f"a malformed frame: {type(exc).__name__}: {exc}"
        if reason:
            self.close(reason)
        with self._lock:
            self._inn_threads -= 1
            last = self._inn_threads == 0
        if last:  # nobody reads any more: the sockets can go (readers of out see EBADF)
            self._inn.close()
            with contextlib.suppress(OSError):
                self._out.close()

    def _request(self, call: int, op: str, rest: list[Any]) -> None:
        if type(call) is not int or type(op) is not str:
            raise FrameError("a malformed request frame")
        if op == "invoke" or op == "names":
            oid = rest[0]
            with self._lock:
                export = self._exports.get(oid)
            if export is None:
                self.fault(call, ComError.from_hresult(RPC_E_DISCONNECTED, f"object {oid} is gone"))
                return
            if op == "invoke":
                _, dispid, flags, args = rest
                if type(dispid) not in (int, str) or type(flags) is not int:
                    raise FrameError("a malformed invoke frame")
                decoded = self._decode(args, export.home) if args else ()
                self.run(call, export.home, export.target.invoke, (dispid, flags, decoded))
            else:
                names = rest[1]
                if type(names) is not list or not all(type(n) is str for n in names):
                    raise FrameError("a malformed names frame")
                self.run(call, export.home, export.target.get_ids_of_names, (tuple(names),))
            return
        handler = self._handlers.get(op)
        if handler is None:
            self.fault(call, ComError.from_hresult(RPC_E_INVALIDMETHOD, f"no such request {op!r}"))
            return
        handler(self, call, rest)

    def _release(self, items: Any) -> None:  # noqa: ANN401
        if type(items) is not list:
            raise FrameError("a malformed release frame")
        dropped = 0
        with self._lock:
            for item in items:
                oid, count = item
                export = self._exports.get(oid)
                if export is None or type(count) is not int:
                    continue
                export.count -= count
                if export.count <= 0:
                    del self._exports[oid]
                    self._export_ids.pop(id(export.target), None)
                    dropped += 1
        drop_references(dropped)

    # -- objects -------------------------------------------------------------------------------

    def export_tag(self, pointer: InterfacePointer) -> dict[str, int]:
        """Lend the object behind ``pointer`` to the peer (once more); return its value tag."""
        target = pointer._target
        if isinstance(target, Proxy):
            stub = target._stub
            obj: Any = stub.target()
            home = stub.home
        elif isinstance(target, RemoteObject):
            if target._conn is self:
                return {"y": target.oid}  # the peer's own object, going home
            obj, home = target, ensure_mta()  # another process's: forwarded by MTA workers
        else:
            obj, home = target, pointer._apartment
        key = id(obj)
        added = False
        with self._lock:
            oid = self._export_ids.get(key)
            if oid is None:
                if self._closed:
                    return {"o": 0}  # the frame will not go out
                oid = self._export_ids[key] = self._next_oid
                self._next_oid += 1
                self._exports[oid] = _Export(obj, home, type(pointer))
                added = True
            self._exports[oid].count += 1
        if added:
            add_references()
        return {"o": oid}

    def _import(self, oid: int) -> RemoteObject:
        """The one RemoteObject for the peer's ``oid``, counted once more (one reader at a time)."""
        imports = self._imports
        ref = imports.get(oid)
        remote = ref() if ref is not None else None
        if remote is None:
            if len(imports) >= 4096:  # forget the dead ones now and then
                for key in [key for key, item in imports.items() if item() is None]:
                    del imports[key]
            remote = RemoteObject(self, oid)
            imports[oid] = weakref.ref(remote)
        remote._count += 1
        return remote

    def _decode(self, value: Any, apartment: Apartment | None) -> Any:  # noqa: ANN401
        """A value from the peer, its objects as interface pointers valid in ``apartment``."""
        if type(value) in _SIMPLE:
            return value

        def resolve(tag: str, oid: int) -> Any:  # noqa: ANN401
            if tag == "o":
                with self._lock:  # the inn reader and the out reader may both import
                    remote = self._import(oid)
                if apartment is None:
                    return None
                return InterfacePointer(cast("Gateway", remote), apartment)  # duck-typed
            with self._lock:
                export = self._exports.get(oid)
            if export is None:
                raise FrameError(f"the peer passed back object {oid}, which it does not hold")
            if apartment is None:
                return None
            target = export.target
            if isinstance(target, RemoteObject):
                return export.face(cast("Gateway", target), apartment)  # duck-typed
            pointer = export.face(target, export.home)
            if apartment is export.home:
                return pointer
            return marshal_value(pointer, export.home, apartment)

        return from_wire(value, resolve)

    # -- closing -------------------------------------------------------------------------------

    def close(self, reason: str = "closed here") -> None:
        """Close the connection: fail the calls waiting on it, drop what the peer held."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self.reason = reason
            pending = list(self._pending.values())
            self._pending.clear()
            dropped = len(self._exports)
            self._exports.clear()
            self._export_ids.clear()
            followers = list(self._followers.values())
        with _registry.lock:
            _registry.open.discard(self)
        self.apartment.alive = False
        for packet in pending:
            packet.fail(
                CallFailedError(
                    f"process {self.peer_pid} went away during the call ({reason}); it may "
                    "or may not have run"
                )
            )
        for event in followers:
            event.set()
        helper = self._helper
        if helper is not None:
            helper.set()
        drop_references(dropped)
        self._ended.set()
        for sock in (self._out, self._inn):  # readers wake; the inn thread closes inn
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        on_close = self._on_close
        if on_close is not None:
            on_close(self)

    def forget_after_fork(self) -> None:
        """In a forked child: the connection is the parent's; close this copy, tell nobody."""
        self._closed = True
        self.reason = "the process forked; this connection belongs to the parent"
        self._pending.clear()
        self._exports.clear()
        self._export_ids.clear()
        self.apartment.alive = False
        for sock in (self._out, self._inn):
            with contextlib.suppress(OSError):
                sock.close()


_SIMPLE: frozenset[type] = frozenset({int, float, str, bool, bytes, _NONE})


def _plain(value: object) -> object:
    """An excepinfo item as a frame carries it: int, str or None."""
    return value if type(value) in (int, str, _NONE) else str(value)


class _Request(CallPacket):  # type: ignore[misc]  # the one subclass: a call from afar
    """A call from the other process, posted to an STA: finishing it sends the reply.

    Every way a posted call ends goes through ``finish()``: it ran, or its STA ended first
    (``fail``), or the STA's message filter refused it. Each sends the caller its outcome,
    on the thread that finished it (the STA's), so a caller never waits for ever. Nobody
    here waits on ``done``.
    """

    __slots__ = ("call", "conn")

    def __init__(
        self,
        conn: Connection,
        call: int,
        home: Apartment,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
    ) -> None:
        super().__init__(conn.apartment, home, fn, args, _NOBODY_WAITS)
        self.conn = conn
        self.call = call

    def finish(self) -> None:
        if self.finished:  # once: a packet ends one way, on one thread
            return
        super().finish()
        error = self.error
        if error is not None:
            self.error = None  # break the traceback cycle
            self.conn.fault(self.call, error)
        else:
            result, self.result = self.result, None
            self.conn.reply(self.call, result)


_NOBODY_WAITS = Event(manual_reset=True)  # the done event of calls nobody here waits for


def _run_and_reply(
    conn: Connection, call: int, fn: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    """Run an incoming call on an MTA worker and reply with its outcome."""
    try:
        result = fn(*args)
    except BaseException as error:
        conn.fault(call, error)
        return
    conn.reply(call, result)


def _after_fork_in_child() -> None:
    with _registry.lock:
        inherited = list(_registry.open)
        _registry.open.clear()
    for conn in inherited:
        conn.forget_after_fork()


after_fork_in_child(_after_fork_in_child, APARTMENTS)
