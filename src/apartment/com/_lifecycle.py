"""Entering and leaving apartments: initialize, uninitialize, and a thread's end.

A thread joins an apartment with :func:`initialize` and leaves it with as many
:func:`uninitialize` calls. A new STA opens its hidden window before any other thread can see
it; an apartment that ends (an STA whose thread leaves, the MTA whose last member leaves) is
closed: its objects are disconnected and an STA's window destroyed. A thread that ends
without uninitializing leaves its apartment all the same.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from ..errors import S_FALSE, S_OK, ChangedModeError
from ..kernel.lowlevel import KERNEL_LOCK, add_exit_hook
from ._apartment import Apartment, ApartmentKind, process_com, thread_state
from ._mta import new_mta_locked
from ._sta import STA

if TYPE_CHECKING:
    from ..kernel import ThreadHandle

__all__ = ["S_OK", "S_FALSE", "initialize", "uninitialize"]


def initialize(multithreaded: bool = False, *, host: bool = False) -> int:
    """Put the calling thread in an apartment (CoInitializeEx); return S_OK or S_FALSE.

    ``multithreaded`` joins the MTA, else the thread becomes a new STA (the main STA if it is
    the first). A repeat in the same mode returns S_FALSE and must be balanced by its own
    :func:`uninitialize` too.

    Raises:
        ChangedModeError: the thread is already in the other kind of apartment; nothing is
            counted (RPC_E_CHANGED_MODE).
    """
    state = thread_state()
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
            mta_apartment = process_com.mta
            if mta_apartment is None:
                mta_apartment = new_mta_locked(host=host)
            mta_apartment.members += 1
            state.apartment = mta_apartment
            state.count = 1
            return S_OK
    # A new STA gets its window before anyone can see it: a call posted to it must find one.
    sta = Apartment(ApartmentKind.STA, STA, state.thread, host=host)
    sta.open()
    with KERNEL_LOCK:
        if process_com.main is None:
            sta.main = True
            process_com.main = sta
        state.apartment = sta
        state.count = 1
    return S_OK


def uninitialize() -> None:
    """Take back one initialization (CoUninitialize); the last one leaves the apartment.

    Leaving an STA disconnects the objects other apartments reach through it (their proxies
    then fail with RPC_E_DISCONNECTED) and destroys its window. Extra calls are ignored.
    """
    state = thread_state()
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
    with KERNEL_LOCK:
        if apartment.kind is ApartmentKind.MTA:
            apartment.members -= 1
            if apartment.members > 0:
                return
            if process_com.mta is apartment:
                process_com.mta = None
        ended_main = apartment.main
        if ended_main:
            process_com.main = None  # the next STA becomes the main STA, as Wine does
        others = ended_main and any(state.count for state in process_com.threads.values())
        apartment.alive = False
        stubs = list(apartment.stubs.values())
        apartment.stubs.clear()
    for stub in stubs:
        stub.disconnect()
    apartment.close()
    if ended_main and others:
        warnings.warn(
            "the main STA ended while other apartments are alive; the next STA becomes the "
            "main STA (make the thread that initialized COM first uninitialize last)",
            RuntimeWarning,
            stacklevel=3,
        )


def _thread_ended(thread: ThreadHandle) -> None:
    """A thread that ends without uninitializing leaves its apartment all the same."""
    with KERNEL_LOCK:
        state = process_com.threads.pop(thread, None)
        if state is None or not state.count:
            return
        apartment = state.apartment
        state.count = 0
        state.apartment = None
    assert apartment is not None
    _leave(apartment)


add_exit_hook(_thread_ended)
