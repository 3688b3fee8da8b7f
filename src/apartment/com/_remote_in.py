"""Calls into a connection: reading the other side's requests and running them (``_remote``).

Every inn thread reads the ``inn`` socket at once (a message is a whole frame, and the kernel
hands each to one reader). A call into the MTA (or to an object of the neutral apartment)
runs on the inn thread that read it, as RPC threads serve the MTA on Windows, and another inn
thread is started if none is left to read meanwhile. A call into an STA is posted to it and
replies when it ends, however it ends. Releases of this side's objects come in on ``inn``.

On free-threaded CPython an inn thread does not park on its socket for ever: it wakes every
:data:`WAKE_EVERY` seconds (a receive timeout on ``inn``, so reading costs no more), because
the objects it made (a request's arguments, decoded where an MTA call runs: here) are freed
by it alone once another thread has dropped them, at its next Python code (biased reference
counting). A RemoteObject the client's code dropped then gives its references back, and the
server that keeps it alive can end, instead of waiting for the next frame.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import sysconfig
from typing import TYPE_CHECKING, Any, cast

from .._wire import PACKET_MAX, FrameError, PacketReader, encode_body, encode_shallow, send_packet
from ..errors import RPC_E_DISCONNECTED, RPC_E_INVALIDMETHOD, RPC_E_WRONG_THREAD, ComError
from ..kernel import Event
from ..kernel.lowlevel import KERNEL_LOCK
from ._apartment import thread_state
from ._mta import ensure_mta
from ._packet import CallPacket
from ._remote_lanes import lane_host
from ._remote_proto import BROKEN, FAULT, LANE, RELEASE, REPLY, REQUEST, broken_reason
from ._remote_values import to_wire
from ._server_errors import dispatch_error
from ._serverlife import drop_references
from ._sta import run_posted_call

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable, Mapping

    from ._apartment import Apartment, ThreadCom
    from ._pointer import InterfacePointer
    from ._remote import Connection, Handler, _Export

__all__ = ["CallsIn", "FREE_THREADED", "WAKE_EVERY"]

_NONE = type(None)
_PLAIN: frozenset[type] = frozenset({int, float, str, bool, _NONE})
"""Wire values that decode to themselves."""
_DISPIDS: frozenset[type] = frozenset({int, str})
_MOST_IDLE = 3
"""Inn threads that may wait to read at once; a call that ends with more retires one."""
FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
"""A free-threaded build (whether or not the GIL is on: reference counting is biased)."""
WAKE_EVERY = 0.5
"""Seconds an idle inn thread of a free-threaded build waits before it runs again."""
_WAKE_TIMEVAL = struct.pack("@ll", 0, int(WAKE_EVERY * 1_000_000))


class CallsIn:
    """The calls-in half of :class:`~._remote.Connection` (a mixin: the state is its).

    No ``__slots__`` here: the connection's own slots hold the state these methods use.
    """

    _closed: bool
    _export_ids: dict[int, int]
    _exports: dict[int, _Export]
    _handlers: Mapping[str, Handler]
    _inn: socket.socket
    _inn_busy: int
    _inn_threads: int
    _retiring: int
    _lane: socket.socket | None
    _lanes_in: list[socket.socket]
    _lock: threading.Lock
    _out: socket.socket
    apartment: Apartment
    peer_pid: int

    if TYPE_CHECKING:

        def close(self, reason: str = ...) -> None: ...

        def export_tag(self, pointer: InterfacePointer) -> dict[str, int]: ...

        def _decode(self, value: Any, apartment: Apartment | None) -> Any: ...  # noqa: ANN401

        def _start_inn_thread(self) -> None: ...

    def reply(self, call: int, value: Any) -> None:  # noqa: ANN401
        """Send the result of the other side's request ``call`` (an error if it cannot go)."""
        try:
            kind = type(value)
            if kind not in _PLAIN or (kind is int and not -(2**63) <= value < 2**64):
                value = to_wire(value, self.export_tag)  # (ints: to_wire's range)
                frame = encode_body([REPLY, call, value])
            else:  # a scalar: the frame is flat, no depth to walk
                frame = encode_shallow([REPLY, call, value])
        except (TypeError, ValueError, OverflowError) as exc:
            self.fault(call, exc)
            return
        try:  # as _send_inn, written out: every reply goes here
            if len(frame) <= PACKET_MAX:
                self._inn.send(frame)
            else:
                send_packet(self._inn, frame)
        except OSError:  # a peer gone: nobody to tell
            pass

    def reply_plain(self, call: int, value: Any) -> None:  # noqa: ANN401
        """Reply to ``call`` with a plain msgpack value (maps allowed: no VARIANT rules)."""
        self._send_inn(encode_body([REPLY, call, value]))

    def fault(self, call: int, error: BaseException) -> None:
        """Send ``error`` as the outcome of the other side's request ``call``."""
        com_error = error if isinstance(error, ComError) else dispatch_error(error)
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
        try:  # noqa: SIM105 - every reply goes here: suppress() would be an object per call
            send_packet(self._inn, frame)
        except OSError:  # a peer gone: nobody to tell
            pass

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
            packet = _Request(cast("Connection", self), call, home, fn, args)
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
            self._done_here()  # before the reply: the next request finds this thread free
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
        state = thread_state()  # this inn thread's, for the MTA calls it runs
        reason = ""
        try:
            while not reason and not self._closed:
                try:
                    ok, frame = reader.read()
                except BlockingIOError:  # a free-threaded build's wake: what it dropped goes
                    continue
                if not ok:
                    reason = "the other process closed the connection"
                elif type(frame) is not list or len(frame) < 2:
                    raise FrameError("a frame must be a list of at least 2 items")
                elif frame[0] == REQUEST:
                    if len(frame) == 7 and frame[2] == "invoke":
                        self._invoke_request(frame, state)
                    else:
                        self._request(frame[1], frame[2], frame[3:])
                elif frame[0] == RELEASE:
                    self._release(frame[1])
                elif frame[0] == LANE:
                    self._take_lane(frame)
                else:
                    raise FrameError(f"a frame of kind {frame[0]!r} where requests come")
                if self._retiring:  # a call ended with too many inn threads reading
                    with self._lock:
                        if self._retiring:
                            self._retiring -= 1
                            self._inn_threads -= 1
                            return
        except BROKEN as exc:
            reason = broken_reason(exc)
        if reason:
            self.close(reason)
        with self._lock:
            self._inn_threads -= 1
            last = self._inn_threads == 0
        if last:  # nobody reads any more: the sockets can go (readers of out see EBADF)
            self._inn.close()
            with contextlib.suppress(OSError):
                self._out.close()
            lane = self._lane  # (the peer's lanes are closed by the lane host that reads them)
            if lane is not None:
                lane.close()

    def _take_lane(self, frame: list[Any]) -> None:
        """The peer passed its lane (``[LANE, socket]``): the lane host reads it from now on."""
        if len(frame) != 2 or not isinstance(frame[1], socket.socket):
            raise FrameError("a malformed lane frame")
        host = lane_host()
        if host is None:  # no object of ours was sent as a lane host's: a confused peer
            frame[1].close()
            raise FrameError("a lane passed to a process that hosts none")
        host.attach(cast("Connection", self), frame[1])

    def _wake_readers(self) -> None:
        """On a free-threaded build: have the inn threads wake now and then (see the module).

        A receive timeout on ``inn`` (SO_RCVTIMEO): a read that finds nothing in that time
        fails with EAGAIN, and the reader reads again. Only inn threads receive on ``inn``.
        """
        if FREE_THREADED:
            with contextlib.suppress(OSError):
                self._inn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, _WAKE_TIMEVAL)

    def _request(self, call: int, op: str, rest: list[Any]) -> None:
        if type(call) is not int or type(op) is not str:
            raise FrameError("a malformed request frame")
        prepared = self._prepare(call, op, rest, True)
        if prepared is not None:
            self.run(call, *prepared)

    def _prepare(
        self, call: int, op: str, rest: list[Any], handlers: bool
    ) -> tuple[Apartment, Callable[..., Any], tuple[Any, ...]] | None:
        """What a request runs: ``(home, fn, args)``; None if it was answered already.

        An op the owner added runs its handler here (if ``handlers``, else it is refused).

        Raises:
            FrameError: a malformed request (close the connection).
        """
        if op == "invoke" or op == "names":
            oid = rest[0]
            with self._lock:
                export = self._exports.get(oid)
            if export is None:
                self.fault(call, ComError.from_hresult(RPC_E_DISCONNECTED, f"object {oid} is gone"))
                return None
            if op == "invoke":
                _, dispid, flags, args = rest
                if type(dispid) not in (int, str) or type(flags) is not int:
                    raise FrameError("a malformed invoke frame")
                if not args:
                    return export.home, export.target.invoke, (dispid, flags, ())
                # decoded where the call runs: the objects in them belong to that thread
                return export.home, self._invoke, (export, dispid, flags, args)
            names = rest[1]
            if type(names) is not list or not all(type(n) is str for n in names):
                raise FrameError("a malformed names frame")
            return export.home, export.target.get_ids_of_names, (tuple(names),)
        if op == "method":
            oid, name, args = rest
            if name not in REMOTE_METHODS or type(args) is not list:
                raise FrameError(f"a malformed method frame ({name!r})")
            with self._lock:
                export = self._exports.get(oid)
            if export is None:
                self.fault(call, ComError.from_hresult(RPC_E_DISCONNECTED, f"object {oid} is gone"))
                return None
            return export.home, self._method, (export, REMOTE_METHODS[name], args)
        handler = self._handlers.get(op) if handlers else None
        if handler is None:
            self.fault(call, ComError.from_hresult(RPC_E_INVALIDMETHOD, f"no such request {op!r}"))
            return None
        handler(cast("Connection", self), call, rest)
        return None

    # -- lanes (see _remote_lanes) ---------------------------------------------------------------

    def lane_attached(self, sock: socket.socket) -> None:
        """The peer's lane ``sock`` is read by this process's lane host now (an inn thread)."""
        with self._lock:
            closed = self._closed
            if not closed:
                self._lanes_in.append(sock)
        if closed:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # its reader sees the end

    def post_request(self, frame: list[Any]) -> None:
        """A request the lanes' watcher read: run it as an inn thread would (posted)."""
        try:
            self._request(frame[1], frame[2], frame[3:])
        except BROKEN as exc:
            self.close(broken_reason(exc))

    def run_in_place(self, frame: list[Any], home: Apartment) -> None:
        """A request its lane host read: run it here, on the thread of ``home``, and reply.

        As the STA's window procedure runs a posted call (its message filter asked first),
        without the post. An invoke with plain arguments, no filter, goes straight to the
        target. A request for an object of another apartment does not belong on a lane: it
        is refused (RPC_E_WRONG_THREAD).
        """
        call, op, rest = frame[1], frame[2], frame[3:]
        if op == "invoke" and len(rest) == 4 and home.message_filter is None:
            oid, dispid, flags, args = rest
            if type(args) is list and type(dispid) in _DISPIDS and type(flags) is int:
                plain = _PLAIN
                for item in args:
                    if type(item) not in plain:
                        break
                else:
                    with self._lock:
                        export = self._exports.get(oid)
                    if export is not None and export.home is home:
                        try:
                            result = export.target.invoke(dispid, flags, tuple(args))
                        except BaseException as error:
                            self.fault(call, error)
                            del error  # its traceback holds this frame
                            return
                        if type(result) in plain:  # reply(), written out for a scalar
                            try:
                                body = encode_shallow([REPLY, call, result])
                            except FrameError:  # an int beyond msgpack's: as reply() sends it
                                pass
                            else:
                                try:  # as _send_inn, written out
                                    if len(body) <= PACKET_MAX:
                                        self._inn.send(body)
                                    else:
                                        send_packet(self._inn, body)
                                except OSError:  # a peer gone: nobody to tell
                                    pass
                                return
                        self.reply(call, result)
                        return
        try:
            prepared = self._prepare(call, op, rest, False)
        except BROKEN as exc:
            self.close(broken_reason(exc))
            return
        if prepared is None:
            return
        target, fn, args = prepared
        if target is not home:
            self.fault(
                call,
                ComError.from_hresult(
                    RPC_E_WRONG_THREAD, "a lane carries calls into its STA's objects only"
                ),
            )
            return
        run_posted_call(_Request(cast("Connection", self), call, home, fn, args))

    def _invoke_request(self, frame: list[Any], state: ThreadCom) -> None:
        """An invoke request (the common one): ``_request``'s, with its MTA case written out.

        A call into the MTA whose arguments are plain values runs here, on this inn thread
        (``state`` is its COM state), as ``_run_here`` runs it but in one function: the
        export is looked up and the thread counted busy in one lock hold, and a plain
        result is sent as it is. Any other call goes the general way (``run``, ``_invoke``).
        """
        _, call, _, oid, dispid, flags, args = frame
        if (
            type(call) is not int
            or type(dispid) not in _DISPIDS
            or type(flags) is not int
            or type(args) is not list
        ):
            raise FrameError("a malformed invoke frame")
        plain = _PLAIN
        for item in args:
            if type(item) not in plain:
                here = False
                break
        else:  # only plain values: they decode to themselves
            here = True
        with self._lock:
            export = self._exports.get(oid)
            if export is not None:
                home = export.home
                if here and not home.is_sta and home.deliver is not None:  # the MTA's
                    self._inn_busy += 1
                    spare = self._inn_threads - self._inn_busy < 1 and not self._closed
                    if spare:
                        self._inn_threads += 1
                else:
                    here = False
        if export is None:
            self.fault(call, ComError.from_hresult(RPC_E_DISCONNECTED, f"object {oid} is gone"))
            return
        if not here:
            self.run(call, home, self._invoke, (export, dispid, flags, args))
            return
        if spare:
            self._start_inn_thread()
        if state.apartment is not home:
            with KERNEL_LOCK:
                state.apartment = home  # as an MTA worker: in the MTA without holding it
        try:
            result = export.target.invoke(dispid, flags, tuple(args))
        except BaseException as error:
            self._done_here()
            self.fault(call, error)
            del error  # its traceback holds this frame
            return
        with self._lock:  # _done_here, written out: before the reply, this thread is free
            self._inn_busy -= 1
            if self._inn_threads - self._inn_busy > _MOST_IDLE:  # too many read: one goes
                self._retiring += 1
        if type(result) not in plain:
            self.reply(call, result)
            return
        try:
            body = encode_shallow([REPLY, call, result])
        except FrameError:  # an int beyond msgpack's, a str too long: as reply() sends them
            self.reply(call, result)
            return
        try:  # as _send_inn, written out
            if len(body) <= PACKET_MAX:
                self._inn.send(body)
            else:
                send_packet(self._inn, body)
        except OSError:  # a peer gone: nobody to tell
            pass

    def _done_here(self) -> None:
        """A call ``_run_here`` ran has ended: before its reply, the thread is free again."""
        with self._lock:
            self._inn_busy -= 1
            if self._inn_threads - self._inn_busy > _MOST_IDLE:  # too many read: one goes
                self._retiring += 1

    def _invoke(self, export: _Export, dispid: int | str, flags: int, args: Any) -> Any:  # noqa: ANN401
        """Run an invoke request in the object's apartment, decoding its arguments there."""
        if type(args) is list:
            plain = _PLAIN
            for item in args:
                if type(item) not in plain:
                    break
            else:  # only plain values: they decode to themselves
                return export.target.invoke(dispid, flags, tuple(args))
        return export.target.invoke(dispid, flags, self._arguments(args, export.home))

    def _method(self, export: _Export, method: Callable[..., Any], args: Any) -> Any:  # noqa: ANN401
        """Run a method request in the object's apartment, decoding its arguments there."""
        return method(export.target, *self._arguments(args, export.home))

    def _arguments(self, args: Any, home: Apartment) -> Any:  # noqa: ANN401
        """Decode a request's arguments on the thread that runs it.

        The objects in them belong to that thread (see ``_remote_out.Undecoded``). A
        malformed value closes the connection, as any malformed frame does.
        """
        try:
            return self._decode(args, home)
        except FrameError as exc:
            self.close(f"a malformed frame: {exc}")
            raise

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


def _source_events(target: Any) -> tuple[str, list[list[Any]]]:  # noqa: ANN401
    """The events a target fires, as a frame carries them (pairs, not a map)."""
    iid, names = target.source_events()
    return iid, [[dispid, name] for dispid, name in names.items()]


REMOTE_METHODS: dict[str, Callable[..., Any]] = {
    "resolve": lambda target, iid: target.resolve(str(iid)),
    "call": lambda target, method, args, returns: target.call(
        str(method), tuple(args), str(returns)
    ),
    "invoke_ex": lambda target, dispid, flags, args: target.invoke_ex(dispid, flags, tuple(args)),
    "get_dispid": lambda target, name, flags: target.get_dispid(name, flags),
    "get_next_dispid": lambda target, flags, dispid: target.get_next_dispid(flags, dispid),
    "get_member_name": lambda target, dispid: target.get_member_name(dispid),
    "source_events": _source_events,
}
"""What a ``"method"`` request may call on an exported target, by name: nothing else."""


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

    def finish(self) -> bool:
        """Send the outcome, once: the thread that finishes the packet first sends it.

        CallPacket's finish, less the wake-up (nobody waits on ``done``): the test and the
        mark are one lock hold, so a call that ends as its STA ends is answered once.
        """
        with KERNEL_LOCK:
            if self.finished:
                return False
            self.finished = True
            self.target.pending.discard(self)  # an STA's (only they are posted to)
        error = self.error
        if error is not None:
            self.error = None  # break the traceback cycle
            self.conn.fault(self.call, error)
        else:
            result, self.result = self.result, None
            self.conn.reply(self.call, result)
        return True


_NOBODY_WAITS = Event(manual_reset=True)  # the done event of calls nobody here waits for
