"""Lanes: calls from other processes read and run by the serving STA's own thread (no hop).

A local server's STA (the one :func:`~._localserver.serve` pumps) is a *lane host*. The
objects that live in it are sent to clients tagged as such (``{"s": oid}``, ``{"v": oid}``),
and a client sends its requests to them on a socket of their own, its *lane* (one per
connection, passed once as a ``[LANE]`` frame). The host's thread reads its lanes itself:
its message loop (:func:`pump`) waits for its queue and for any lane at once (the lanes
sit in one epoll set, whose descriptor the wait watches), and runs a call that arrives in
place, in its own apartment, as it would run it posted, and replies from there. The reply
goes back on the connection's ``inn`` socket, as every reply does. So a call into the STA
costs no post and no hand-off between threads on the way in.

Elsewhere than in its loop (a modal loop of a call out, a CoWaitForMultipleHandles wait),
the host's thread does not read its lanes: it *steps away* (its apartment's ``call_out``
does, and :func:`step_away` for the other waits), and the lanes' *watcher* thread reads them
meanwhile and posts each call to the STA as the connection's inn threads post theirs, so the
modal loop serves them (reentrancy: a call in while the STA waits on its own call out). It
does the same as soon as a call run in place parks (the kernel's park watch tells it: a
wait, or a message loop of the call's own, which then serves them, as on Windows), and once
such a call has gone on for a tick (:data:`TICK`) without parking: one that only computes
finds them queued when it ends. After the loop has ended, the watcher reads for good: the
STA's calls then fail as calls into an ended STA do (RPC_E_DISCONNECTED).

A lane is read by one thread at a time in practice; both may read it at once in a hand-over
(each with its own reader: a message is a whole frame, the kernel gives each to one), and a
call read by the watcher then is posted, one read by the host runs in place: either way it
runs on the STA's thread.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
from typing import TYPE_CHECKING, Any, final

from .. import messages
from .._fork import APARTMENTS, after_fork_in_child
from .._wire import PacketReader
from ..kernel import WaitResult, current_thread
from ..kernel.lowlevel import (
    KERNEL_LOCK,
    can_watch_files,
    is_parked,
    unwatch_parks,
    wait_any_or_readable,
    watch_parks,
)
from ..messages import current_queue
from ._remote_proto import BROKEN, REQUEST, broken_reason

if TYPE_CHECKING:
    import socket
    from collections.abc import Callable

    from ._apartment import Apartment
    from ._remote import Connection

__all__ = ["TICK", "LaneHost", "lane_host", "open_host", "pump", "step_away"]

_FLAGS = select.EPOLLIN | select.EPOLLRDHUP
TICK = 0.05
"""Seconds between the watcher's looks at a host that runs a call in place (see _watch)."""


@final
class _Lane:
    """One connection's lane into the host: its socket and a reader for each reading thread."""

    __slots__ = ("conn", "fd", "pumped", "sock", "watched")

    def __init__(self, conn: Connection, sock: socket.socket) -> None:
        self.conn = conn
        self.sock = sock
        self.fd = sock.fileno()
        self.pumped = PacketReader(sock)  # the host thread's
        self.watched = PacketReader(sock)  # the watcher's


@final
class _ParkNudge:
    """Handed to the kernel's park watch while the host runs a call in place (see _watch).

    The kernel "releases" it when some thread parks (the host's own thread, in a wait or a
    message loop of the call, is the one that matters): it wakes the watcher to look.
    """

    __slots__ = ("fired", "wake")

    def __init__(self, wake: int) -> None:
        self.wake = wake
        self.fired = False

    def release(self) -> None:
        """Some thread parked (the parking thread, kernel lock held): wake the watcher.

        Never raises (it runs inside that thread's wait); -1 is a forked child's (the
        eventfd is closed there, its number may be another file's).
        """
        self.fired = True
        if self.wake >= 0:
            with contextlib.suppress(OSError):
                os.eventfd_write(self.wake, 1)


@final
class LaneHost:
    """The lanes of one STA, and whether its thread reads them now (see the module doc)."""

    __slots__ = (
        "_away",
        "_call_out",
        "_calls",
        "_epoll",
        "_inside",
        "_lanes",
        "_lock",
        "_nudge",
        "_thread",
        "_wake",
        "_watching",
        "apartment",
        "retired",
    )

    def __init__(self, apartment: Apartment) -> None:
        self.apartment = apartment
        self.retired = False
        self._epoll = select.epoll()
        self._lanes: dict[int, _Lane] = {}
        self._lock = threading.Lock()  # _lanes, _away, _watching, the epoll set
        self._away = 0  # waits the host's thread is in, out of its loop (nested)
        self._wake = os.eventfd(0, os.EFD_CLOEXEC | os.EFD_NONBLOCK)  # the watcher's
        self._nudge = _ParkNudge(self._wake)
        self._thread = current_thread()  # the host's (open_host runs on it)
        self._watching = False  # the watcher thread has been started
        self._calls = 0  # calls the host's thread has run in place (the watcher's clock)
        self._inside = False  # it runs one now
        self._call_out = apartment.call_out
        apartment.call_out = self._stepping_out  # its calls out step away while they wait

    def __repr__(self) -> str:
        return f"<lanes of {self.apartment!r}: {len(self._lanes)}>"

    @property
    def fd(self) -> int:
        """The descriptor that is readable while a lane has a frame (the epoll set's)."""
        return self._epoll.fileno()

    def attach(self, conn: Connection, sock: socket.socket) -> None:
        """Read ``sock``, the lane of ``conn``'s peer, from now on (an inn thread)."""
        sock.setblocking(False)
        lane = _Lane(conn, sock)
        conn.lane_attached(sock)  # first: its calls may run (and end) as soon as it is watched
        with self._lock:
            self._lanes[lane.fd] = lane
            self._epoll.register(lane.fd, _FLAGS)

    def _detach(self, lane: _Lane) -> None:
        with self._lock:
            if self._lanes.pop(lane.fd, None) is not lane:
                return
            with contextlib.suppress(OSError, ValueError):
                self._epoll.unregister(lane.fd)
        lane.sock.close()

    # -- the host's thread -------------------------------------------------------------------

    def serve_ready(self) -> None:
        """Run a call from each lane that has one, here (the host's thread, in its loop)."""
        home = self.apartment
        lanes = self._lanes
        ready: list[_Lane | None]
        if len(lanes) == 1:  # one client: its lane is the one (no epoll_wait to ask)
            ready = list(lanes.values())
        else:
            ready = [lanes.get(fd) for fd, _ in self._epoll.poll(0)]
        for lane in ready:
            if lane is None:
                continue
            try:  # _read, written out (every call in place comes here)
                ok, frame = lane.pumped.read()
            except BlockingIOError:
                frame = None  # the other reader took it
            except BROKEN as exc:
                lane.conn.close(broken_reason(exc))
                self._detach(lane)
                frame = None
            else:
                if not (
                    ok
                    and type(frame) is list
                    and len(frame) >= 4
                    and frame[0] == REQUEST
                    and type(frame[1]) is int
                    and type(frame[2]) is str
                ):
                    self._refuse(lane, ok)
                    frame = None
            if frame is not None:
                self._calls += 1
                self._inside = True
                nudge = self._nudge
                with KERNEL_LOCK:  # if the call parks (a loop of its own), the watcher looks
                    watch_parks(nudge)  # type: ignore[arg-type]  # a lock's release() alone
                try:
                    lane.conn.run_in_place(frame, home)
                finally:
                    self._inside = False  # (first: a watcher that looks now watches no more)
                    with KERNEL_LOCK:
                        unwatch_parks(nudge)  # type: ignore[arg-type]

    def step_away(self) -> None:
        """The host's thread waits elsewhere than in its loop: the watcher reads meanwhile."""
        with self._lock:
            self._away += 1
            first = self._away == 1
        if first:
            self.watch()
            os.eventfd_write(self._wake, 1)

    def watch(self) -> None:
        """Start the watcher thread (once): it reads while the host is away, or stays away."""
        with self._lock:
            start = not self._watching
            self._watching = True
        if start:
            threading.Thread(target=self._watch, name="apartment-remote-lanes", daemon=True).start()

    def come_back(self) -> None:
        """The host's thread is back from a wait :meth:`step_away` began."""
        with self._lock:
            self._away -= 1

    def _stepping_out(
        self, caller: Apartment, target: Apartment, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> Any:  # noqa: ANN401
        """The host apartment's ``call_out``: the STA's, stepped away while it waits."""
        if target is caller or target.deliver is None:
            return self._call_out(caller, target, fn, args)  # it runs here, no wait
        self.step_away()
        try:
            return self._call_out(caller, target, fn, args)
        finally:
            self.come_back()

    def retire(self) -> None:
        """The host's loop has ended: the watcher reads the lanes from now on."""
        self.retired = True
        self.apartment.call_out = self._call_out
        self.step_away()

    def forget_after_fork(self) -> None:
        """In a forked child: the lanes are the parent's; close this copy of the set."""
        self.retired = True
        self.apartment.call_out = self._call_out
        self._nudge.wake = -1  # a fork inside a call in place leaves it with the kernel
        with contextlib.suppress(OSError):
            self._epoll.close()
        with contextlib.suppress(OSError):
            os.close(self._wake)

    # -- the watcher --------------------------------------------------------------------------

    def _watch(self) -> None:
        """The watcher thread: read the lanes while the host is away; post their calls.

        Away is a wait the host stepped away for, or a call it runs in place that has gone
        on since the watcher's last look (:data:`TICK` ago at least): a call that pumps a
        nested message loop of its own, or waits, then serves the calls posted meanwhile as
        Windows would; one that only computes finds them queued when it ends.
        """
        poll = select.poll()
        poll.register(self._wake, select.POLLIN)
        poll.register(self._epoll.fileno(), select.POLLIN)
        idle = select.poll()
        idle.register(self._wake, select.POLLIN)
        tick = int(TICK * 1000)
        seen = -1  # the in-place call running at the last look (-1: none)
        while True:
            with self._lock:
                away = self._away > 0
            stuck = False
            if not away:
                if self._inside:
                    calls = self._calls
                    stuck = calls == seen  # the same call as a tick ago
                    seen = calls
                else:
                    seen = -1
            ready = poll.poll(None if away else tick) if away or stuck else idle.poll(tick)
            for fd, _ in ready:
                if fd == self._wake:
                    with contextlib.suppress(BlockingIOError):
                        os.eventfd_read(self._wake)
            if self._nudge.fired and self._parked_inside():
                seen = self._calls  # stuck from now on, without waiting for a tick
                stuck = True
            if not (away or stuck):
                continue
            if not self._away and not (self._inside and self._calls == seen):
                continue  # back in its loop meanwhile: it reads
            for fd, _ in self._epoll.poll(0):
                lane = self._lanes.get(fd)
                if lane is None:
                    continue
                frame = self._read(lane, lane.watched)
                if frame is not None:
                    lane.conn.post_request(frame)
                frame = None  # its values belong to the STA now

    def _parked_inside(self) -> bool:
        """Whether the host's thread is parked inside a call it runs in place (the watcher).

        Some thread parked: if it was another, the park watch is taken again (the kernel
        drops its watchers once it has released them) while the call goes on.
        """
        nudge = self._nudge
        nudge.fired = False
        with KERNEL_LOCK:
            if not self._inside:
                return False
            if is_parked(self._thread):
                return True
            watch_parks(nudge)  # type: ignore[arg-type]
            return False

    # -- both ----------------------------------------------------------------------------------

    def _read(self, lane: _Lane, reader: PacketReader) -> list[Any] | None:
        """Read one request from ``lane``: None if there was none, or the lane has ended."""
        conn = lane.conn
        try:
            ok, frame = reader.read()
        except BlockingIOError:
            return None  # the other reader took it
        except BROKEN as exc:
            conn.close(broken_reason(exc))
            self._detach(lane)
            return None
        if (
            ok
            and type(frame) is list
            and len(frame) >= 4
            and frame[0] == REQUEST
            and type(frame[1]) is int
            and type(frame[2]) is str
        ):
            return frame
        self._refuse(lane, ok)
        return None

    def _refuse(self, lane: _Lane, ok: bool) -> None:
        """What a lane gave is no request: its end (``ok`` False), or a malformed frame."""
        if ok:
            lane.conn.close("a malformed frame: a lane carries requests only")
        self._detach(lane)  # at its end: the connection is closing (its inn thread sees it too)


@final
class _Hosts:
    """The process's lane host (one at most: the STA that ``serve`` pumps)."""

    __slots__ = ("current",)

    def __init__(self) -> None:
        self.current: LaneHost | None = None


_hosts = _Hosts()


def lane_host() -> LaneHost | None:
    """The process's lane host, if an STA serves lanes now (retired or not)."""
    return _hosts.current


def open_host(apartment: Apartment) -> LaneHost | None:
    """Make ``apartment`` (the calling thread's STA) the lane host; None if it cannot be.

    The thread must be able to wait for a descriptor beside its queue; one host per process.
    """
    if not apartment.is_sta or not can_watch_files():
        return None
    current = _hosts.current
    if current is not None and not current.retired:
        return None
    host = LaneHost(apartment)
    _hosts.current = host
    host.watch()
    return host


def step_away(apartment: Apartment | None) -> LaneHost | None:
    """The thread of ``apartment`` waits out of its loop: its lanes' watcher reads meanwhile.

    Returns the host to :meth:`~LaneHost.come_back` to after the wait (None: not a host).
    """
    host = _hosts.current
    if host is None or host.apartment is not apartment or host.retired:
        return None
    host.step_away()
    return host


def pump(host: LaneHost) -> int:
    """Run the host's message loop until WM_QUIT; return its exit code (PumpMessages).

    Messages are retrieved and dispatched as :func:`apartment.messages.pump_messages` does;
    while the queue is empty, the wait watches the lanes too, and a call on one runs here.
    """
    queue = current_queue()
    take = queue.take_or_arm
    waiting = (queue.input,)
    fd = host.fd
    dispatch = messages.dispatch_message
    while True:
        # The next message, taken in the lock hold that starts the wait; with none queued,
        # the input armed: wait for it (then take it), or for a lane (then serve it).
        item = wait_any_or_readable(waiting, fd, take)
        if item is None:
            host.serve_ready()
        elif isinstance(item, WaitResult):  # input came: the next round takes it
            continue
        elif isinstance(item, messages.Message):
            if item.message == messages.WM_QUIT:
                return messages.quit_code(item)
            dispatch(item)
        else:  # a message sent from another thread (mypy joins take's result types to object)
            queue.handle_sent(item)  # type: ignore[arg-type]


def _after_fork_in_child() -> None:
    """A forked child hosts no lanes: the epoll set (shared with the parent) is the parent's."""
    host = _hosts.current
    _hosts.current = None
    if host is not None:
        host.forget_after_fork()


after_fork_in_child(_after_fork_in_child, APARTMENTS)
