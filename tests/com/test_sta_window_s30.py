"""An STA whose hidden window its own thread destroyed while the apartment lives (s30).

The whole suite's flake of test_shell_folder (a folder marshaled to an MTA thread failed with
"<main STA> has ended"): the main thread stays in the STA an import of the pythoncom facade
made, a window test's teardown destroyed every window of that thread, its COM window with
them, and every later call into the apartment failed. As on Windows, nothing brings the
window back; the error now says what happened, and the leak check names the test that did it.

The STAs here are threads of their own: the test's thread may be in that kept STA already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apartment import com, kernel, messages
from apartment.errors import RPC_E_DISCONNECTED, DisconnectedError
from apartment.testing import LeakCheck

if TYPE_CHECKING:
    from collections.abc import Callable


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    def bump(self) -> int:
        self.calls += 1
        return self.calls


def _serve_until(event: kernel.Event) -> None:
    """Pump this STA (calls into it run here) until ``event`` is set."""
    while not event.is_set():
        messages.msg_wait_any([event], 10)
        messages.pump_waiting_messages()


def _in_the_mta(fn: Callable[[], Any]) -> object:
    """``fn()``'s result, or the error it raised, on a new thread in the MTA."""
    box: list[object] = []

    def body() -> None:
        with com.mta():
            try:
                box.append(fn())
            except DisconnectedError as error:
                box.append(error)

    assert kernel.start_thread(body).wait(10)
    return box[0]


def test_a_call_into_an_sta_whose_hidden_window_is_destroyed_says_so() -> None:
    box: list[Any] = []
    ready, destroy, destroyed, stop = (kernel.Event(manual_reset=True) for _ in range(4))

    def sta() -> None:
        with com.sta() as apartment:
            box.extend([com.marshal(_Counter()), apartment.window])
            ready.set()
            _serve_until(destroy)
            window = apartment.window
            assert window is not None
            messages.destroy_window(window.hwnd)  # its own thread may
            box.append(apartment.alive)
            destroyed.set()
            _serve_until(stop)

    thread = kernel.start_thread(sta)
    assert ready.wait(10)
    token, window = box[0], box[1]
    assert _in_the_mta(lambda: token.unmarshal().bump()) == 1
    destroy.set()
    assert destroyed.wait(10)
    assert box[2] is True  # the apartment lives on without its window
    error = _in_the_mta(lambda: token.unmarshal().bump())
    stop.set()
    assert thread.wait(10)
    token.release()
    assert isinstance(error, DisconnectedError)
    assert error.hresult == RPC_E_DISCONNECTED
    assert f"hidden window {window.hwnd:#x}" in error.detail
    assert "was destroyed" in error.detail
    assert "has ended" not in error.detail


def test_a_call_into_an_ended_sta_still_says_it_ended() -> None:
    box: list[com.Token] = []

    def sta() -> None:
        with com.sta():
            box.append(com.marshal(_Counter()))

    assert kernel.start_thread(sta).wait(10)
    error = _in_the_mta(lambda: box[0].unmarshal().bump())
    assert isinstance(error, DisconnectedError)
    assert error.hresult == RPC_E_DISCONNECTED
    assert "has ended" in error.detail


def test_the_leak_check_names_a_test_that_destroyed_a_live_stas_window() -> None:
    box: list[object] = []

    def sta() -> None:
        with com.sta() as apartment:
            window = apartment.window
            assert window is not None
            with LeakCheck() as check:
                box.append(check.problems())
                messages.destroy_window(window.hwnd)
                box.append(check.problems())
            with LeakCheck() as check:  # broken before this check began: not its doing
                box.append(check.problems())
            box.append(
                f"the hidden window {window.hwnd:#x} of {apartment!r} was destroyed: every "
                "call into that apartment now fails (destroy only the windows the test made)"
            )

    assert kernel.start_thread(sta).wait(10)
    before, after, later, expected = box
    assert before == []
    assert after == [expected]
    assert later == []
