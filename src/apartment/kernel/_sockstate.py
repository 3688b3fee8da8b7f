"""Sockets watched by the I/O thread: WSAEventSelect's record, and overlapped operations.

Each socket the library watches has one :class:`SocketState`, keyed by its descriptor, kept
under ``IO_LOCK``. It holds two things the I/O thread (:mod:`._ioservice`, one thread and one
epoll set for the whole process) serves from one one-shot arming per descriptor:

* the network-event record of :func:`select_events` (WSAEventSelect), kept by Windows'
  rules: an event is *recorded* (and the socket's event object set) when it happens while it
  is *enabled*; recording disables it until a re-enabling call: FD_READ until a recv,
  FD_ACCEPT until an accept, FD_WRITE until a send would have blocked (it is recorded once
  when the socket connects, or on select when it is connected and writable), FD_CONNECT
  once per connect, FD_CLOSE once. A re-enabling call also drops what it makes stale from the
  record (a recv that drained the data drops FD_READ), and records anew at once what still
  holds (data left after a recv). :func:`take_events` (WSAEnumNetworkEvents) hands the record
  over and clears it.
* queues of overlapped operations (:mod:`._sockio`): reads (recv, accept) and writes (send,
  connect), each served in order as the socket allows, without blocking.

The descriptor is armed for what some enabled event or queued operation waits for, and for
nothing else: epoll is level-triggered, so a socket with data whose FD_READ is disabled is not
watched for input until a recv re-enables it (no busy loop, and no lost FD_READ).
"""

from __future__ import annotations

import fcntl
import os
import select
import threading
from collections import deque
from typing import TYPE_CHECKING

from ..errors import ERROR_OPERATION_ABORTED, WSAEINVAL, Win32Error
from ._event import Event
from ._ioservice import IO_LOCK, service
from ._overlapped import complete
from ._winsock import (
    CONNECTED_STATES,
    FD_ACCEPT,
    FD_ALL_EVENTS,
    FD_CLOSE,
    FD_CONNECT,
    FD_READ,
    FD_WRITE,
    POLL_RDHUP,
    TCP_LISTEN,
    TCP_SYN_SENT,
    borrowed,
    bytes_ready,
    check_socket,
    pending_error,
    ready_now,
    tcp_state,
    wsa_code,
)

if TYPE_CHECKING:
    import socket
    from collections.abc import Callable

    from ._file import File
    from ._overlapped import Overlapped

__all__ = [
    "SocketOp",
    "SocketState",
    "select_events",
    "take_events",
    "state_of",
    "run_locked",
    "after_recv",
    "after_send_blocked",
    "after_accept",
    "after_connect",
    "forget_socket",
    "cancel_socket_io",
    "inherited_selection",
]

_IN = select.EPOLLIN | select.EPOLLRDHUP
_OUT = select.EPOLLOUT
_HANGUP = select.POLLHUP | select.POLLERR | POLL_RDHUP


class SocketOp:
    """One overlapped operation queued on a socket (see :mod:`._sockio`).

    ``step`` runs on whichever thread serves the socket, under ``IO_LOCK``; it must not block.
    It returns True once the operation is finished with this socket (completed, or handed to
    another socket's queue), False to wait until the socket is ready for ``wants`` again.
    """

    __slots__ = ("overlapped", "thread")
    wants = _IN

    def __init__(self, overlapped: Overlapped) -> None:
        self.overlapped = overlapped
        self.thread = threading.get_ident()

    def step(self, state: SocketState, sock: socket.socket) -> bool:
        """Go as far as the socket allows now; True once done.

        Every kind of operation (receive, send, accept, connect, transmit) overrides it: this
        base is never queued.
        """
        raise NotImplementedError(f"{type(self).__name__} does not say how it steps")

    def abort(self, status: int) -> None:
        """End the operation with ``status`` (a cancel, or its socket closing)."""
        complete(self.overlapped, status, 0)


class SocketState:
    """What the library knows and waits for about one socket (see the module)."""

    __slots__ = (
        "armed",
        "connected",
        "connecting",
        "enabled",
        "errors",
        "event",
        "fd",
        "file",
        "mask",
        "post",
        "reads",
        "recorded",
        "writes",
    )

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.event: Event | None = None
        self.post: Callable[[int, int], None] | None = None  # WSAAsyncSelect's poster
        self.mask = 0  # the selected FD_* events
        self.enabled = 0  # those that may be recorded now
        self.recorded = 0  # those recorded since the record was last taken
        self.errors: dict[int, int] = {}
        self.connecting = False
        self.connected = False
        self.reads: deque[SocketOp] = deque()
        self.writes: deque[SocketOp] = deque()
        self.armed = 0
        self.file: File | None = None  # the socket's file, for its completion port

    def fire(self) -> None:
        """The I/O thread found the socket ready: serve it."""
        with IO_LOCK:
            self.armed = 0
            if _states.get(self.fd) is self:
                run_locked(self)


_states: dict[int, SocketState] = {}
"""Descriptor -> its state; read and changed under IO_LOCK."""


def state_of(fd: int) -> SocketState:
    """The state of socket ``fd``, made on first use; IO_LOCK held."""
    state = _states.get(fd)
    if state is None:
        state = _states[fd] = SocketState(fd)
    return state


def _record(state: SocketState, bit: int, code: int = 0) -> None:
    state.recorded |= bit
    state.errors[bit] = code
    state.enabled &= ~bit
    if state.event is not None:
        state.event.set()  # under IO_LOCK: a take_events that resets it is ordered with us
    if state.post is not None:
        state.post(bit, code)  # under IO_LOCK too: messages arrive in the order recorded


def run_locked(state: SocketState) -> None:
    """Serve ``state``: its operations, then its event record, then arm for what is left.

    IO_LOCK is held; nothing here blocks.
    """
    fd = state.fd
    try:
        with borrowed(fd) as sock:
            for queue in (state.reads, state.writes):
                while queue and queue[0].step(state, sock):
                    queue.popleft()
            interest = _evaluate(state, sock) if state.mask else 0
    except OSError:  # closed under us: nothing to watch
        _drop_locked(state, ERROR_OPERATION_ABORTED)
        return
    if state.reads:
        interest |= state.reads[0].wants
    if state.writes:
        interest |= state.writes[0].wants
    if interest:
        if interest != state.armed:
            state.armed = interest
            service.arm(fd, interest, state.fire)
    elif state.armed:
        state.armed = 0
        service.disarm(fd)


def _evaluate(state: SocketState, sock: socket.socket) -> int:
    """Record what happened that is enabled; return the epoll events still worth waiting for."""
    bits = ready_now(state.fd)
    tcp = tcp_state(sock)
    enabled = state.enabled
    if tcp == TCP_LISTEN:
        if enabled & FD_ACCEPT:
            if bits & select.POLLIN:
                _record(state, FD_ACCEPT)
                return 0
            return _IN
        return 0
    if tcp == TCP_SYN_SENT:
        state.connecting = True
        return _OUT
    if state.connecting:  # the connect ended: refused, or connected
        state.connecting = False
        failed = pending_error(sock) if tcp not in CONNECTED_STATES else 0
        if enabled & FD_CONNECT:
            _record(state, FD_CONNECT, wsa_code(failed))
        if failed:
            return 0
        state.connected = True
    if tcp is not None and tcp not in CONNECTED_STATES and not state.connected:
        return 0  # not connected (yet): a connect or listen re-evaluates
    if tcp is not None and tcp in CONNECTED_STATES:
        state.connected = True
    interest = 0
    waiting = bytes_ready(state.fd)
    if waiting and state.enabled & FD_READ:
        _record(state, FD_READ)
    if state.enabled & FD_WRITE:
        if bits & select.POLLOUT and not bits & select.POLLERR:
            _record(state, FD_WRITE)
        else:
            interest |= _OUT
    if bits & _HANGUP:  # the peer is gone: no more data will come
        if not waiting and state.enabled & FD_CLOSE:
            _record(state, FD_CLOSE, wsa_code(pending_error(sock)))
        return interest
    if not waiting and state.enabled & (FD_READ | FD_CLOSE):
        interest |= _IN
    return interest


def select_events(
    fd: int,
    event: Event | None,
    mask: int,
    *,
    post: Callable[[int, int], None] | None = None,
) -> None:
    """Associate ``event`` with the FD_* events ``mask`` of socket ``fd`` (WSAEventSelect).

    With ``post`` instead of an event (WSAAsyncSelect), each recorded event calls
    ``post(bit, error)`` on the thread that recorded it (the I/O thread, or the caller of a
    re-enabling call), under IO_LOCK: ``post`` must only queue (post a message), never block
    nor call back into the socket. Either selection replaces the other, as on Windows.

    The socket becomes non-blocking, as on Windows; the previous association and the record
    are dropped; events that hold already (data waiting, a pending connection, a connected
    writable socket) are recorded at once. A ``mask`` of 0 cancels the association; bits
    beyond ``FD_ALL_EVENTS`` are ignored (the real pywin32 accepts them too).

    Raises:
        TypeError: ``event`` is not an Event, or ``mask`` not an int.
        Win32Error: WSAENOTSOCK, ``fd`` is not a socket; WSAEINVAL, a mask without an event.
    """
    check_socket(fd)
    if isinstance(mask, bool) or not isinstance(mask, int):
        raise TypeError(f"a mask of FD_* events is an int, not {type(mask).__name__}")
    if event is not None and not isinstance(event, Event):
        raise TypeError(f"network events set an Event, not {type(event).__name__}")
    mask &= FD_ALL_EVENTS  # bits Winsock does not know are ignored, as Windows ignores them
    if mask and event is None and post is None:
        raise Win32Error.from_code(WSAEINVAL, "network events need an event to set")
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    if not flags & os.O_NONBLOCK:
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    with IO_LOCK:
        state = state_of(fd)
        state.event = event if mask else None
        state.post = post if mask else None
        state.mask = state.enabled = mask
        state.recorded = 0
        state.errors.clear()
        run_locked(state)


def take_events(fd: int, reset: Event | None = None) -> dict[int, int]:
    """Hand over the record of socket ``fd``: ``{FD_X: error code}`` (WSAEnumNetworkEvents).

    The socket is looked at first, so what holds already is in the record. The record is
    cleared, and ``reset``, if given, reset, in one hold of the lock that records: an event
    recorded meanwhile sets it again after, never before.

    Raises:
        Win32Error: WSAENOTSOCK, ``fd`` is not a socket.
    """
    check_socket(fd)
    if reset is not None and not isinstance(reset, Event):
        raise TypeError(f"the event to reset is an Event, not {type(reset).__name__}")
    with IO_LOCK:
        state = _states.get(fd)
        if state is not None and state.mask:
            # What holds now is recorded now, as Windows records it when it happens: the I/O
            # thread's look may not have come yet (data that arrived a moment ago).
            run_locked(state)
        if reset is not None:
            reset.reset()
        if state is None or not state.recorded:
            return {}
        recorded, errors = state.recorded, state.errors
        state.recorded = 0
        state.errors = {}
    return {bit: errors[bit] for bit in sorted(errors) if recorded & bit}


def inherited_selection(fd: int) -> tuple[Event, int] | None:
    """The event and mask a socket accepted on listening socket ``fd`` inherits, if any."""
    with IO_LOCK:
        state = _states.get(fd)
        if state is None or state.event is None or not state.mask:
            return None
        return state.event, state.mask


def _reenable(fd: int, bits: int, drop: int) -> None:
    """A re-enabling call ran on ``fd``: enable ``bits``, drop ``drop`` from the record."""
    state = _states.get(fd)  # unlocked peek: a socket nobody watches costs one lookup
    if state is None or not state.mask & (bits | drop):
        return
    with IO_LOCK:
        if _states.get(fd) is not state:
            return
        state.enabled |= bits & state.mask
        state.recorded &= ~drop
        run_locked(state)


def after_recv(fd: int) -> None:
    """A recv ran on ``fd`` (or failed): FD_READ is enabled, and recorded if data is left."""
    _reenable(fd, FD_READ, FD_READ)


def after_send_blocked(fd: int) -> None:
    """A send on ``fd`` would have blocked: FD_WRITE is recorded once there is room again."""
    _reenable(fd, FD_WRITE, FD_WRITE)


def after_accept(fd: int) -> None:
    """An accept ran on listening socket ``fd``: FD_ACCEPT is enabled again."""
    _reenable(fd, FD_ACCEPT, FD_ACCEPT)


def after_connect(fd: int, *, connecting: bool = True) -> None:
    """A connect (or, without ``connecting``, a listen) ran on ``fd``: look again."""
    state = _states.get(fd)
    if state is None:
        return
    with IO_LOCK:
        if _states.get(fd) is state:
            state.connecting = state.connecting or connecting
            run_locked(state)


def _drop_locked(state: SocketState, status: int) -> None:
    if _states.get(state.fd) is state:
        del _states[state.fd]
    service.forget(state.fd, state.fire)
    ops = list(state.reads) + list(state.writes)
    state.reads.clear()
    state.writes.clear()
    for op in ops:
        op.abort(status)


def forget_socket(fd: int) -> None:
    """Socket ``fd`` is about to close: stop watching it; its pending operations are aborted."""
    if fd not in _states:
        return
    with IO_LOCK:
        state = _states.get(fd)
        if state is not None:
            _drop_locked(state, ERROR_OPERATION_ABORTED)


def cancel_socket_io(fd: int, *, all_threads: bool = False) -> None:
    """Cancel the calling thread's pending operations on socket ``fd`` (CancelIo).

    Each completes with ERROR_OPERATION_ABORTED; with ``all_threads``, every thread's.
    """
    me = threading.get_ident()
    with IO_LOCK:
        state = _states.get(fd)
        if state is None:
            return
        cancelled: list[SocketOp] = []
        for queue in (state.reads, state.writes):
            kept = [op for op in queue if not (all_threads or op.thread == me)]
            cancelled += [op for op in queue if all_threads or op.thread == me]
            queue.clear()
            queue.extend(kept)
        for op in cancelled:
            op.abort(ERROR_OPERATION_ABORTED)
        run_locked(state)
