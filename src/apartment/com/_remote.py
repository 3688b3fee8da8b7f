"""Calls between processes: a connection, the objects each side holds of the other's.

One :class:`Connection` joins two processes (a client and a local server) of the same user.
It is symmetric: either side calls objects the other exported, so a server can call back
into an object its client passed. To this process the other one is an apartment of kind
REMOTE: a call into it is ``caller.call_out(caller, connection.apartment, ...)`` as for any
apartment, so an STA caller waits in its modal loop (serving calls into it, the server's
callbacks included), an MTA caller waits, and call timeouts and cancellation apply.

A connection is two Unix SOCK_SEQPACKET sockets, one per direction of calls (the connecting
side passes the second over the first, SCM_RIGHTS): on ``out`` this side sends its requests
and reads their replies (:mod:`._remote_out`), on ``inn`` it reads the other side's requests
and sends its replies (:mod:`._remote_in`). One message is one frame, so several threads
read and send on one socket without a lock. A caller reads its own reply (no thread hand-off
on the way back): an MTA caller in turn with the others, an STA caller while it pumps (its wait
watches the socket beside its queue); a bounded caller, and one that came while another thread
read, leave the reading to a helper thread. A request runs where its object lives: on the inn
thread that read it for the MTA (another inn thread reads meanwhile), posted for an STA (it
runs when that thread pumps); the reply goes back from that thread. A local server's STA reads
the calls into its objects itself, from a third socket per connection, its *lane*
(:mod:`._remote_lanes`): no post, no hand-off between threads.

Frames (lists, :mod:`apartment._wire`)::

    [0, call, op, ...]                                           a request
    [1, call, value]                                             its result
    [2, call, hresult, strerror, excepinfo, argerror, detail]    its error
    [3, [[oid, count], ...]]                                     references let go
    [4] + a socket (SCM_RIGHTS)                                  the sender's lane

ops: ``"invoke" oid dispid flags args``, ``"names" oid names``, ``"method" oid name args``
(the rest of a target's calls: QueryInterface, the methods of other interfaces, IDispatchEx),
and those the owner adds (a server answers ``"activate"``).

Objects cross by reference (:mod:`._remote_values` for values): the sender exports an object under
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
from typing import TYPE_CHECKING, Any, final

from .._fork import APARTMENTS, OUTER, after_fork_in_child, hold_across_fork
from .._runtime import check_peer
from .._wire import FrameError, PacketReader
from ..kernel import Event
from ._apartment import Apartment, ApartmentKind, current_apartment
from ._callctl import controls
from ._hosting import Hosting, nothing_to_do
from ._iids import DISPATCH_IIDS, IID_IDISPATCH, IID_IUNKNOWN
from ._mta import ensure_mta
from ._pointer import InterfacePointer, make_pointer
from ._proxy import Proxy, marshal_value
from ._remote_in import CallsIn
from ._remote_lanes import lane_host
from ._remote_out import GENERAL, CallsOut, Undecoded
from ._remote_proto import FAULT, HELLO, QUERY, RELEASE, REPLY, REQUEST, sent_remotely
from ._remote_values import from_wire, to_wire
from ._serverlife import add_references, drop_references
from ._sta import STA

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from ._packet import CallPacket

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

_NONE = type(None)
_MTA = ApartmentKind.MTA
_STA_CALL_OUT = STA.call_out
"""A plain STA's call_out (a lane host's steps away: it goes the general way)."""


def _never_called_out(
    caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
) -> Any:  # noqa: ANN401
    raise AssertionError(f"{caller!r} is another process: no thread here calls from it")


@final
class _Export:
    """An object this process lent the other: where it lives and how many references it has."""

    __slots__ = ("count", "face", "home", "iid", "target")

    def __init__(self, target: Any, home: Apartment, pointer: InterfacePointer) -> None:  # noqa: ANN401
        self.target = target  # a Gateway (a pointer's target), or a RemoteObject
        self.home = home
        self.face = type(pointer)  # the pointer it was sent as, for its way back
        self.iid = pointer.iid
        self.count = 0

    def pointer(self, target: Any, apartment: Apartment) -> InterfacePointer:  # noqa: ANN401
        """A pointer to ``target`` valid in ``apartment``, of the kind it was sent as."""
        return self.face(target, apartment, self.iid)


@final
class RemoteObject:
    """An object of the other process, as the target of an interface pointer here.

    Calls go out as frames and run in the object's own apartment over there. It belongs to
    no apartment of this process: each interface pointer to it does, as proxies do.
    """

    __slots__ = ("__weakref__", "_conn", "_count", "oid")

    reached_from_anywhere = True
    """Any apartment may call it, through a pointer of its own (as a proxy): marshaling a
    pointer to it gives the receiving apartment one (see InterfacePointer)."""

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
        caller = current_apartment()
        if caller.kind is _MTA and controls.current is None:  # the common case, in one step
            for item in args:
                if type(item) not in _SIMPLE:
                    wire: Any = to_wire(args, conn.export_tag)
                    reply = conn.call_from_mta(caller, ("invoke", self.oid, dispid, flags, wire))
                    break
            else:  # plain values go as they are (msgpack sends a tuple as a list)
                try:
                    reply = conn.call_from_mta(
                        caller, ("invoke", self.oid, dispid, flags, args), True
                    )
                except FrameError:  # not sent: an int out of range goes as to_wire sends it
                    wire = to_wire(args, conn.export_tag)
                    reply = conn.call_from_mta(caller, ("invoke", self.oid, dispid, flags, wire))
        else:
            wire = args  # plain values go as they are
            for item in args:
                kind = type(item)
                if kind not in _SIMPLE or (kind is int and not -(2**63) <= item < 2**64):
                    wire = to_wire(args, conn.export_tag)
                    break
            body = ("invoke", self.oid, dispid, flags, wire)
            if caller.call_out is _STA_CALL_OUT and controls.current is None:
                reply = conn.call_from_sta(caller, body, wire is args)  # a plain STA's
                if reply is GENERAL:
                    reply = caller.call_out(caller, conn.apartment, sent_remotely, body)
            else:
                reply = caller.call_out(caller, conn.apartment, sent_remotely, body)
        return reply if type(reply) is not Undecoded else conn.result_of(caller, reply)

    def get_ids_of_names(self, names: tuple[str, ...]) -> list[int]:
        """IDispatch::GetIDsOfNames in the other process."""
        result: tuple[int, ...] = self._conn.request("names", self.oid, list(names))
        return list(result)

    def _method(self, name: str, *args: Any) -> Any:  # noqa: ANN401
        """Call the target's method ``name`` over there (see ``REMOTE_METHODS``)."""
        conn = self._conn
        return conn.request("method", self.oid, name, to_wire(args, conn.export_tag))

    def resolve(self, iid: str) -> InterfacePointer | None:
        """QueryInterface over there (IDispatch and IUnknown without asking: all have them)."""
        if iid in DISPATCH_IIDS:
            return None
        found: InterfacePointer | None = self._method("resolve", iid)
        return found

    def call(self, method: str, args: tuple[Any, ...], returns: str = "") -> Any:  # noqa: ANN401
        """A method of another interface than IDispatch, over there."""
        return self._method("call", method, args, returns)

    def invoke_ex(self, dispid: int | str, flags: int, args: tuple[Any, ...]) -> Any:  # noqa: ANN401
        """IDispatchEx::InvokeEx over there."""
        return self._method("invoke_ex", dispid, flags, args)

    def get_dispid(self, name: str, flags: int) -> int:
        """IDispatchEx::GetDispID over there."""
        return int(self._method("get_dispid", name, flags))

    def get_next_dispid(self, flags: int, dispid: int) -> int:
        """IDispatchEx::GetNextDispID over there."""
        return int(self._method("get_next_dispid", flags, dispid))

    def get_member_name(self, dispid: int) -> str:
        """IDispatchEx::GetMemberName over there."""
        return str(self._method("get_member_name", dispid))

    def source_events(self) -> tuple[str, dict[int, str]]:
        """The events the object fires (its events IID, DISPID -> name), asked over there."""
        iid, pairs = self._method("source_events")
        return str(iid), {int(dispid): str(name) for dispid, name in pairs}

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
class Connection(CallsOut, CallsIn):
    """One end of a connection to another process of the same user (see the module doc).

    Its calls out are :class:`~._remote_out.CallsOut`'s, its calls in
    :class:`~._remote_in.CallsIn`'s; here are its state, its objects and its end.
    """

    __slots__ = (  # the mixins bring __dict__ and __weakref__
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
        "_lane",
        "_lane_oids",
        "_lanes_in",
        "_lock",
        "_next_oid",
        "_on_close",
        "_out",
        "_pending",
        "_reader",
        "_replies",
        "_retiring",
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
        self._retiring = 0  # inn threads to end, too many having waited (under _lock)
        self._exports: dict[int, _Export] = {}
        self._export_ids: dict[int, int] = {}  # id(target) -> oid
        self._next_oid = 1
        self._imports: dict[int, weakref.ref[RemoteObject]] = {}  # the inn reader's alone
        self._controls: collections.deque[tuple[int, int]] = collections.deque()
        self._lane: socket.socket | None = None  # where requests to _lane_oids go (made once)
        self._lane_oids: set[int] = set()  # the peer's objects that live in its lane host
        self._lanes_in: list[socket.socket] = []  # the peer's lanes our lane host reads

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
        self._wake_readers()
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
        host = lane_host()
        lane = host is not None and host.apartment is home
        key = id(obj)
        added = False
        with self._lock:
            oid = self._export_ids.get(key)
            if oid is None:
                if self._closed:
                    return {"o": 0}  # the frame will not go out
                oid = self._export_ids[key] = self._next_oid
                self._next_oid += 1
                self._exports[oid] = _Export(obj, home, pointer)
                added = True
            self._exports[oid].count += 1
        if added:
            add_references()
        if lane:
            return {"v" if pointer.iid == IID_IUNKNOWN else "s": oid}
        return {"u" if pointer.iid == IID_IUNKNOWN else "o": oid}

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
            if tag != "y":  # "o" an IDispatch, "u" an IUnknown of the peer's ("s", "v": lane)
                with self._lock:  # the inn reader and the out reader may both import
                    remote = self._import(oid)
                    if tag == "s" or tag == "v":
                        self._lane_oids.add(oid)
                if apartment is None:
                    return None
                iid = IID_IUNKNOWN if tag == "u" or tag == "v" else IID_IDISPATCH
                return make_pointer(remote, apartment, iid)
            with self._lock:
                export = self._exports.get(oid)
            if export is None:
                raise FrameError(f"the peer passed back object {oid}, which it does not hold")
            if apartment is None:
                return None
            target = export.target
            if isinstance(target, RemoteObject):
                return export.pointer(target, apartment)
            pointer = export.pointer(target, export.home)
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
            lanes = [*self._lanes_in, self._lane] if self._lane else list(self._lanes_in)
        with _registry.lock:
            _registry.open.discard(self)
        self.apartment.alive = False
        for packet in pending:
            packet.fail(self.went_away())
        for event in followers:
            event.set()
        helper = self._helper
        if helper is not None:
            helper.set()
        drop_references(dropped)
        self._ended.set()
        for sock in (self._out, self._inn, *lanes):  # readers wake; the inn thread closes inn
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
        lanes = [*self._lanes_in, self._lane] if self._lane else list(self._lanes_in)
        for sock in (self._out, self._inn, *lanes):
            with contextlib.suppress(OSError):
                sock.close()


_SIMPLE: frozenset[type] = frozenset({int, float, str, bool, _NONE})  # as they came


def _after_fork_in_child() -> None:
    with _registry.lock:
        inherited = list(_registry.open)
        _registry.open.clear()
    for conn in inherited:
        conn.forget_after_fork()


after_fork_in_child(_after_fork_in_child, APARTMENTS)
