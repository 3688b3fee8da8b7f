"""Apartments: which threads share objects, and which apartment a thread is in.

A single-threaded apartment (STA) is one thread with a hidden message-only window: calls from
other apartments are posted to that window and run when the thread pumps. The multithreaded
apartment (MTA) is one per process and holds any number of threads; it exists while an
explicit member or a host thread keeps it. The first STA is the *main* STA, home of classes
that declare no threading model. A thread that never initialized COM belongs to the MTA
implicitly while the MTA exists (the implicit MTA). The neutral apartment (NA) has no thread:
a call into it runs on the caller's thread.

How a kind of apartment receives and makes calls is its :class:`~._hosting.Hosting`
(:mod:`._sta`, :mod:`._mta`); entering and leaving apartments is :mod:`._lifecycle`'s.
"""

from __future__ import annotations

import enum
import threading
import weakref
from typing import TYPE_CHECKING, Any, final

from ..errors import NotInitializedError
from ..kernel import ThreadHandle, current_thread
from ..kernel.lowlevel import KERNEL_LOCK
from ._hosting import NEUTRAL

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..messages import Window
    from ._filters import MessageFilter
    from ._hosting import Hosting
    from ._packet import CallPacket
    from ._proxy import Proxy, Stub

__all__ = [
    "ApartmentKind",
    "Apartment",
    "ThreadCom",
    "process_com",
    "thread_state",
    "current_apartment",
    "call_in",
    "main_sta",
    "neutral",
    "is_initialized",
    "initialized_threads",
]


class ApartmentKind(enum.Enum):
    """The kinds of apartment: single-threaded, multithreaded, neutral, and remote.

    A REMOTE apartment stands for another process (a local server, or a client that handed
    a server an object): calls into it become frames on a connection (:mod:`._remote`). No
    thread of this process is ever in it.
    """

    STA = "STA"
    MTA = "MTA"
    NA = "NA"
    REMOTE = "remote process"


@final
class Apartment:
    """A group of threads (one, for an STA) that share objects without proxies.

    Only the runtime creates these. ``is_sta`` is True for a single-threaded apartment.
    ``stubs`` holds the objects of this apartment that other apartments hold proxies to;
    ``proxies`` the proxies living here, one per object. ``deliver`` and ``call_out`` are
    the hooks of the apartment's :class:`~._hosting.Hosting`, read on every call.
    """

    __slots__ = (
        "alive",
        "call_out",
        "context",
        "deliver",
        "host",
        "hosting",
        "is_sta",
        "kind",
        "main",
        "members",
        "message_filter",
        "pending",
        "proxies",
        "stubs",
        "thread",
        "window",
    )

    def __init__(
        self,
        kind: ApartmentKind,
        hosting: Hosting,
        thread: ThreadHandle | None = None,
        *,
        host: bool = False,
    ) -> None:
        self.kind = kind
        self.is_sta = kind is ApartmentKind.STA
        self.hosting = hosting
        self.deliver = hosting.deliver  # read on every call: plain attributes, one lookup each
        self.call_out = hosting.call_out
        self.thread = thread
        self.host = host
        self.main = False
        self.alive = True
        self.members = 0
        self.window: Window | None = None
        # Held weakly: a stub lives while proxies, streams or the GIT hold it; a proxy while
        # its users do. Keyed by id() of the object (stubs) or of the stub (proxies).
        self.stubs: weakref.WeakValueDictionary[int, Stub] = weakref.WeakValueDictionary()
        self.proxies: weakref.WeakValueDictionary[int, Proxy] = weakref.WeakValueDictionary()
        self.pending: set[CallPacket] = set()  # calls posted to this STA, not yet started
        self.message_filter: MessageFilter | None = None  # an STA's (see _callctl)
        self.context: Any = None  # its object context, made on first use (see _context)

    def __repr__(self) -> str:
        if self.kind is ApartmentKind.STA:
            assert self.thread is not None
            label = "main STA" if self.main else "host STA" if self.host else "STA"
            where = f" of thread {self.thread.native_id}"
        else:
            label, where = self.kind.value, ""
        state = "" if self.alive else " (ended)"
        return f"<{label}{where}{state}>"

    def open(self) -> None:
        """Get ready for calls (an STA opens its hidden window), before others can see it."""
        self.hosting.open(self)

    def close(self) -> None:
        """Close the ended apartment (an STA fails its queued calls and destroys its window)."""
        self.hosting.close(self)


@final
class ThreadCom:
    """A thread's COM state: its apartment and how many initializations it holds."""

    __slots__ = ("apartment", "count", "thread")

    def __init__(self, thread: ThreadHandle) -> None:
        self.thread = thread
        self.apartment: Apartment | None = None
        self.count = 0


@final
class _ProcessCom:
    """The process's COM state, under the kernel lock: its threads, main STA and MTA."""

    __slots__ = ("main", "mta", "threads")

    def __init__(self) -> None:
        self.threads: dict[ThreadHandle, ThreadCom] = {}  # every thread that touched COM
        self.main: Apartment | None = None
        self.mta: Apartment | None = None


process_com = _ProcessCom()
_tls = threading.local()  # .com: the calling thread's ThreadCom
_neutral = Apartment(ApartmentKind.NA, NEUTRAL)  # lasts as long as the process


def thread_state() -> ThreadCom:
    """Return the calling thread's COM state, created on first use."""
    try:
        state: ThreadCom = _tls.com
    except AttributeError:
        thread = current_thread()
        state = ThreadCom(thread)
        _tls.com = state
        with KERNEL_LOCK:
            process_com.threads[thread] = state
    return state


def current_apartment() -> Apartment:
    """Return the calling thread's apartment (the implicit MTA if it has none and one exists).

    Raises:
        NotInitializedError: the thread is in no apartment and there is no MTA
            (CO_E_NOTINITIALIZED).
    """
    try:
        state: ThreadCom = _tls.com
    except AttributeError:
        state = thread_state()
    apartment = state.apartment
    if apartment is not None:
        return apartment
    with KERNEL_LOCK:
        mta_apartment = process_com.mta
    if mta_apartment is not None:
        return mta_apartment
    raise NotInitializedError(
        f"thread {state.thread.native_id} is in no apartment; call apartment.com.initialize() "
        "(CoInitialize / CoInitializeEx) on it first"
    )


def call_in(target: Apartment, fn: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401
    """Run ``fn(*args)`` in ``target`` and return its result (or raise its exception).

    Into an STA, the call waits until that thread pumps messages; into the MTA it runs on an
    MTA worker thread; into the NA, on the calling thread. A caller in an STA keeps serving
    calls into its own apartment while it waits.

    Raises:
        DisconnectedError: the target apartment has ended.
        CantCallOutError: the caller is handling a message sent from another thread.
        NotInitializedError: the calling thread is in no apartment.
    """
    caller = current_apartment()
    return caller.call_out(caller, target, fn, args)


def is_initialized() -> bool:
    """Tell whether the calling thread explicitly initialized COM and has not left."""
    return thread_state().count > 0


def initialized_threads() -> dict[ThreadHandle, Apartment]:
    """Return the threads that explicitly initialized COM and have not left, with apartments."""
    with KERNEL_LOCK:
        return {
            thread: state.apartment
            for thread, state in process_com.threads.items()
            if state.count and state.apartment is not None
        }


def main_sta() -> Apartment | None:
    """Return the main STA, if there is one now."""
    with KERNEL_LOCK:
        return process_com.main


def neutral() -> Apartment:
    """Return the neutral apartment (NA): no thread; calls run on the caller's thread."""
    return _neutral
