"""pywin32's ``timer``: thread timers that call a Python function from the message pump.

``set_timer(milliseconds, callback)`` starts a timer of the calling thread (SetTimer with no
window) and returns its id; each time the thread dispatches the timer's WM_TIMER (from any
message loop or pump), ``callback(timer_id, time)`` runs on that thread, ``time`` being the
message's tick count. ``kill_timer(timer_id)`` stops it and says whether the calling thread
had such a timer.

pywin32's own rules, kept as its ``timermodule.cpp`` has them: one process-wide table maps
timer ids to callbacks. ``kill_timer`` removes the id from the table first (KeyError when it
is not there, even for another thread's timer, whose callback is then forgotten) and then
kills the timer of the calling thread; a timer whose id is no longer in the table kills
itself at its next expiry and warns "Unrecognized timer id". An exception in a callback is
printed and the timer goes on.
"""

from __future__ import annotations

import threading
import traceback
import warnings
from typing import TYPE_CHECKING

from .. import messages
from ._adapt import api, dword
from .pywintypes import error

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["error", "kill_timer", "set_timer"]

__version__ = b"0.2"

_lock = threading.Lock()
_callbacks: dict[object, Callable[[int, int], object]] = {}


def _expired(hwnd: int, msg: int, timer_id: int, time: int) -> None:
    """The TIMERPROC: run the timer's Python callback (on the thread that set the timer)."""
    with _lock:
        callback = _callbacks.get(timer_id)
    if callback is None:  # pywin32's quirk: a timer unknown to the table ends itself
        messages.kill_timer(0, timer_id)
        warnings.warn("Unrecognized timer id", RuntimeWarning, stacklevel=2)
        return
    try:
        callback(timer_id, time)
    except Exception:  # pywin32 prints it and carries on
        traceback.print_exc()


@api("SetTimer")
def set_timer(Elapse: int, TimerFunc: Callable[[int, int], object], /) -> int:
    """Start a timer of the calling thread calling ``TimerFunc(id, time)`` every Elapse ms."""
    elapse = dword(Elapse)  # read as an unsigned long, masked, as pywin32 reads it
    if not callable(TimerFunc):
        raise TypeError("argument must be a callable object")
    timer_id = messages.set_timer(0, 0, elapse / 1000.0, _expired)
    with _lock:
        _callbacks[timer_id] = TimerFunc
    return timer_id


def kill_timer(timer_id: int, /) -> bool:
    """Forget the timer's callback (KeyError if unknown) and stop it if it is this thread's."""
    if isinstance(timer_id, bool) or not isinstance(timer_id, (int, float)):
        raise TypeError(f"Unable to convert {type(timer_id).__name__} to pointer-sized value")
    with _lock:
        del _callbacks[timer_id]  # KeyError(timer_id), as pywin32's dict gives it
    return messages.kill_timer(0, int(timer_id))
