"""An STA whose hidden window its own thread destroyed while the apartment lives (s30).

The whole suite's flake of test_shell_folder (a folder marshaled to an MTA thread failed with
"<main STA> has ended"): the main thread stays in the STA an import of the pythoncom facade
made, a window test's teardown destroyed every window of that thread, its COM window with
them, and every later call into the apartment failed. As on Windows, nothing brings the
window back; the error now says what happened, and the leak check names the test that did it.
"""

from __future__ import annotations

import pytest

from apartment import com, kernel, messages
from apartment.errors import RPC_E_DISCONNECTED, DisconnectedError
from apartment.testing import LeakCheck


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    def bump(self) -> int:
        self.calls += 1
        return self.calls


def _call_from_an_mta_thread(token: com.Token) -> list[object]:
    """Call ``bump`` through ``token`` from an MTA thread; pump this STA meanwhile."""
    box: list[object] = []
    done = kernel.Event(manual_reset=True)

    def other() -> None:
        try:
            with com.mta():
                box.append(token.unmarshal().bump())
        except DisconnectedError as error:
            box.append(error)
        finally:
            done.set()

    thread = kernel.start_thread(other)
    while not done.is_set():  # a call that reaches this STA runs here
        messages.msg_wait_any([done], 10)
        messages.pump_waiting_messages()
    assert thread.wait(10)
    return box


def test_a_call_into_an_sta_whose_hidden_window_is_destroyed_says_so() -> None:
    with com.sta() as apartment:
        token = com.marshal(_Counter())
        assert _call_from_an_mta_thread(token) == [1]
        window = apartment.window
        assert window is not None
        messages.destroy_window(window.hwnd)  # the thread may: the window is its own
        assert apartment.alive
        [error] = _call_from_an_mta_thread(token)
        assert isinstance(error, DisconnectedError)
        assert error.hresult == RPC_E_DISCONNECTED
        assert f"hidden window {window.hwnd:#x}" in error.detail
        assert "was destroyed" in error.detail
        assert "has ended" not in error.detail
        token.release()


def test_a_call_into_an_ended_sta_still_says_it_ended() -> None:
    box: list[com.Token] = []

    def sta() -> None:
        with com.sta():
            box.append(com.marshal(_Counter()))

    assert kernel.start_thread(sta).wait(10)
    with com.mta(), pytest.raises(DisconnectedError) as caught:
        box[0].unmarshal().bump()
    assert caught.value.hresult == RPC_E_DISCONNECTED
    assert "has ended" in caught.value.detail


def test_the_leak_check_names_a_test_that_destroyed_a_live_stas_window() -> None:
    with com.sta() as apartment:
        window = apartment.window
        assert window is not None
        with LeakCheck() as check:
            assert check.problems() == []
            messages.destroy_window(window.hwnd)
            problems = check.problems()
        assert problems == [
            f"the hidden window {window.hwnd:#x} of {apartment!r} was destroyed: every call "
            "into that apartment now fails (destroy only the windows the test made)"
        ]
        with LeakCheck() as check:  # broken before the check began: not this test's doing
            assert check.problems() == []
