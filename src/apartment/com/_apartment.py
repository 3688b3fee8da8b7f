"""Apartments: which threads share objects, and how a thread enters and leaves one.

A thread joins an apartment with :func:`initialize` and leaves it with as many
:func:`uninitialize` calls. A single-threaded apartment (STA) is one thread with a hidden
message-only window: calls from other apartments are posted to that window and run when the
thread pumps. The multithreaded apartment (MTA) is one per process and holds any number of
threads; it exists while an explicit member or a host thread keeps it. The first STA is the
*main* STA, home of classes that declare no threading model. A thread that never initialized
COM belongs to the MTA implicitly while the MTA exists (the implicit MTA).
"""

from __future__ import annotations

import enum
import threading
import warnings
import weakref
from typing import TYPE_CHECKING, final

from ..errors import ChangedModeError, NotInitializedError
from ..kernel import ThreadHandle, current_thread
from ..kernel.lowlevel import KERNEL_LOCK, add_exit_hook

if TYPE_CHECKING:
    from ..messages import Window
    from ._proxy import Proxy, Stub
    from ._transport import CallPacket

__all__ = [
    "S_OK",
    "S_FALSE",
    "ApartmentKind",
    "Apartment",
    "initialize",
    "uninitialize",
    "current_apartment",
    "main_sta",
    "is_initialized",
]

S_OK = 0
S_FALSE = 1


class ApartmentKind(enum.Enum):
    """The kinds of apartment: single-threaded, multithreaded, neutral."""

    STA = "STA"
    MTA = "MTA"
    NA = "NA"


@final
class Apartment:
    """A group of threads (one, for an STA) that share objects without proxies.

    Only the runtime creates these. ``is_sta`` is True for a single-threaded apartment.
    ``stubs`` holds the objects of this apartment that other apartments hold proxies to;
    ``proxies`` the proxies living here, one per object.
    """

    __slots__ = (
        "alive",
        "host",
        "is_sta",
        "kind",
        "main",
        "members",
        "pending",
        "proxies",
        "stubs",
        "thread",
        "window",
    )

    def __init__(self, kind: ApartmentKind, thread: ThreadHandle | None, host: bool) -> None:
        self.kind = kind
        self.is_sta = kind is ApartmentKind.STA  # read on every call: a plain attribute
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

    def __repr__(self) -> str:
        if self.kind is ApartmentKind.STA:
            assert self.thread is not None
            label = "main STA" if self.main else "host STA" if self.host else "STA"
            where = f" of thread {self.thread.native_id}"
        else:
            label, where = self.kind.value, ""
        state = "" if self.alive else " (ended)"
        return f"<{label}{where}{state}>"


class _ThreadCom:
    """A thread's COM state: its apartment and how many initializations it holds."""

    __slots__ = ("apartment", "count", "thread")

    def __init__(self, thread: ThreadHandle) -> None:
        self.thread = thread
        self.apartment: Apartment | None = None
        self.count = 0


_tls = threading.local()
_threads: dict[ThreadHandle, _ThreadCom] = {}
_main: list[Apartment | None] = [None]
_mta: list[Apartment | None] = [None]
_neutral = Apartment(ApartmentKind.NA, None, host=False)


def _state() -> _ThreadCom:
    try:
        state: _ThreadCom = _tls.com
    except AttributeError:
        thread = current_thread()
        state = _ThreadCom(thread)
        _tls.com = state
        with KERNEL_LOCK:
            _threads[thread] = state
    return state


def initialize(multithreaded: bool = False, *, host: bool = False) -> int:
    """Put the calling thread in an apartment (CoInitializeEx); return S_OK or S_FALSE.

    ``multithreaded`` joins the MTA, else the thread becomes a new STA (the main STA if it is
    the first). A repeat in the same mode returns S_FALSE and must be balanced by its own
    :func:`uninitialize` too.

    Raises:
        ChangedModeError: the thread is already in the other kind of apartment; nothing is
            counted (RPC_E_CHANGED_MODE).
    """
    state = _state()
    with KERNEL_LOCK:
        apartment = state.apartment
        if state.count:
            assert apartment is not None
            if (apartment.kind is ApartmentKind.MTA) != multithreaded:
                raise ChangedModeError(
                    f"thread {state.thread.native_id} is already in {apartment!r}; it cannot "
                    "change apartments until it uninitializes"
                )
            state.count += 1
            return S_FALSE
        if multithreaded:
            mta_apartment = _mta[0]
            if mta_apartment is None:
                mta_apartment = _mta[0] = Apartment(ApartmentKind.MTA, None, host=host)
            mta_apartment.members += 1
            state.apartment = mta_apartment
            state.count = 1
            return S_OK
    from ._transport import open_sta_window

    # A new STA gets its window before anyone can see it: a call posted to it must find one.
    sta = Apartment(ApartmentKind.STA, state.thread, host=host)
    sta.window = open_sta_window()
    with KERNEL_LOCK:
        if _main[0] is None:
            sta.main = True
            _main[0] = sta
        state.apartment = sta
        state.count = 1
    return S_OK


def uninitialize() -> None:
    """Take back one initialization (CoUninitialize); the last one leaves the apartment.

    Leaving an STA disconnects the objects other apartments reach through it (their proxies
    then fail with RPC_E_DISCONNECTED) and destroys its window. Extra calls are ignored.
    """
    state = _state()
    with KERNEL_LOCK:
        if not state.count:
            return
        state.count -= 1
        if state.count:
            return
        apartment = state.apartment
        state.apartment = None
    assert apartment is not None
    _leave(apartment)


def _leave(apartment: Apartment) -> None:
    """A thread left ``apartment``: end it if it was its STA or the MTA's last member."""
    from ._transport import close_sta_window

    with KERNEL_LOCK:
        if apartment.kind is ApartmentKind.MTA:
            apartment.members -= 1
            if apartment.members > 0:
                return
            if _mta[0] is apartment:
                _mta[0] = None
        ended_main = apartment.main
        if ended_main:
            _main[0] = None  # the next STA becomes the main STA, as Wine does
        others = ended_main and any(state.count for state in _threads.values())
        apartment.alive = False
        stubs = list(apartment.stubs.values())
        apartment.stubs.clear()
    for stub in stubs:
        stub.disconnect()
    if apartment.window is not None:
        close_sta_window(apartment)
    if ended_main and others:
        warnings.warn(
            "the main STA ended while other apartments are alive; the next STA becomes the "
            "main STA (make the thread that initialized COM first uninitialize last)",
            RuntimeWarning,
            stacklevel=3,
        )


def ensure_mta() -> Apartment:
    """Return the MTA, creating a host MTA if none exists (it then lasts as long as the process).

    A host MTA is what COM creates when an STA activates a Free-threaded class and no thread
    is in the MTA yet.
    """
    with KERNEL_LOCK:
        mta_apartment = _mta[0]
        if mta_apartment is None:
            mta_apartment = _mta[0] = Apartment(ApartmentKind.MTA, None, host=True)
            mta_apartment.members += 1  # held by the host until the process ends
        return mta_apartment


def current_apartment() -> Apartment:
    """Return the calling thread's apartment (the implicit MTA if it has none and one exists).

    Raises:
        NotInitializedError: the thread is in no apartment and there is no MTA
            (CO_E_NOTINITIALIZED).
    """
    try:
        state: _ThreadCom = _tls.com
    except AttributeError:
        state = _state()
    apartment = state.apartment
    if apartment is not None:
        return apartment
    with KERNEL_LOCK:
        mta_apartment = _mta[0]
    if mta_apartment is not None:
        return mta_apartment
    raise NotInitializedError(
        f"thread {state.thread.native_id} is in no apartment; call apartment.com.initialize() "
        "(CoInitialize / CoInitializeEx) on it first"
    )


def is_initialized() -> bool:
    """Tell whether the calling thread explicitly initialized COM and has not left."""
    return _state().count > 0


def initialized_threads() -> dict[ThreadHandle, Apartment]:
    """Return the threads that explicitly initialized COM and have not left, with apartments."""
    with KERNEL_LOCK:
        return {
            thread: state.apartment
            for thread, state in _threads.items()
            if state.count and state.apartment is not None
        }


def main_sta() -> Apartment | None:
    """Return the main STA, if there is one now."""
    with KERNEL_LOCK:
        return _main[0]


def neutral() -> Apartment:
    """Return the neutral apartment (NA): no thread; calls run on the caller's thread."""
    return _neutral


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread that ends without uninitializing leaves its apartment all the same."""
    with KERNEL_LOCK:
        state = _threads.pop(thread, None)
        if state is None or not state.count:
            return
        apartment = state.apartment
        state.count = 0
        state.apartment = None
    assert apartment is not None
    _leave(apartment)


add_exit_hook(_thread_ended)
