"""Per-thread COM records keyed by a native thread id go when their thread ends (s30).

A thread id comes back for a later thread; a record of the ended thread found under it
answers for a thread that never asked for anything.
"""

from __future__ import annotations

import pytest

from apartment import com, kernel
from apartment.com import _callctl, _cancel_object
from apartment.errors import CO_E_CANCEL_DISABLED, CancelDisabledError


def _in_a_thread_that_ends(fn: object) -> int:
    """Run ``fn()`` on a new thread, in the MTA; return the thread's native id once it ended."""
    box: list[int] = []

    def body() -> None:
        with com.mta():
            box.append(kernel.current_thread().native_id)
            fn()  # type: ignore[operator]

    assert kernel.start_thread(body).wait(10)
    return box[0]


def test_a_cancel_for_an_ended_thread_that_enabled_cancellation_is_disabled() -> None:
    native_id = _in_a_thread_that_ends(com.enable_call_cancellation)  # never disabled
    assert native_id not in _callctl._by_thread
    with pytest.raises(CancelDisabledError) as caught:
        com.cancel_call(native_id)
    assert caught.value.hresult == CO_E_CANCEL_DISABLED
    with pytest.raises(CancelDisabledError) as asked:
        com.cancel_object(native_id)
    assert asked.value.hresult == CO_E_CANCEL_DISABLED


def test_the_cancel_objects_an_ended_thread_left_pushed_go_with_it() -> None:
    class _Pushed:
        _public_methods_: list[str] = []

    def push() -> None:
        com.set_cancel_object(com.wrap(_Pushed(), com.IID_IUNKNOWN))

    native_id = _in_a_thread_that_ends(push)
    assert native_id not in _cancel_object._pushed
