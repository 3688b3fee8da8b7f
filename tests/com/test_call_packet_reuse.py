"""A thread's calls reuse one CallPacket (``_packet.SPARE``): reuse must change no answer.

The spare packet holds nothing of a finished call (arguments, result, the other apartment),
a call that raised leaves it taken, nested calls make their own, and each thread has its own.
Every rule runs for an STA caller and an MTA caller (the two ``_call_out``).
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import TYPE_CHECKING

import pytest

from apartment import com
from apartment.com._apartment import call_in
from apartment.com._packet import SPARE
from apartment.kernel import start_thread

from ._helpers import StaThread, in_apartment

if TYPE_CHECKING:
    from collections.abc import Callable


class _Target:
    def echo(self, value: object) -> object:
        return value

    def make(self) -> _Target:
        return _Target()

    def fail(self) -> None:
        raise KeyError("boom")

    def add(self, a: int, b: int) -> int:
        return a + b

    def call_back(self, other: object, n: int) -> object:
        return other.add(n, 1)  # type: ignore[attr-defined]


def _home() -> StaThread[com.Token]:
    return StaThread(lambda: com.marshal(_Target()))


@pytest.fixture(params=[False, True], ids=["STA caller", "MTA caller"])
def multithreaded(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_consecutive_calls_reuse_the_threads_packet(multithreaded: bool) -> None:
    home = _home()
    try:

        def body() -> tuple[bool, bool, int]:
            proxy = home.result.unmarshal()
            proxy.add(1, 1)
            first = SPARE.packet
            total = proxy.add(2, 3)
            return first is not None, SPARE.packet is first, total

        assert in_apartment(body, multithreaded) == (True, True, 5)
    finally:
        home.stop()


def test_the_spare_packet_keeps_no_argument_result_or_apartment(multithreaded: bool) -> None:
    home = _home()
    try:

        def body() -> tuple[bool, bool, tuple[object, ...], object, bool]:
            proxy = home.result.unmarshal()
            made = proxy.make()  # a proxy to a new object: only the caller holds it
            made_ref = weakref.ref(made)
            argument = _Target()  # crosses as a proxy the callee drops at once
            argument_ref = weakref.ref(argument)
            proxy.echo(argument)
            del made, argument
            gc.collect()
            packet = SPARE.packet
            return (
                made_ref() is None,
                argument_ref() is None,
                packet.args,
                packet.result,
                packet.target is packet.caller,
            )

        made_gone, argument_gone, args, result, own = in_apartment(body, multithreaded)
        assert made_gone
        assert argument_gone
        assert args == ()
        assert result is None
        assert own
    finally:
        home.stop()


def test_the_spare_packet_keeps_no_function_of_the_last_call(multithreaded: bool) -> None:
    home = StaThread(lambda: com.current_apartment())
    try:

        def closure() -> tuple[Callable[[], object], weakref.ref[_Target]]:
            held = _Target()  # only the closure holds it
            return lambda: held.add(1, 2), weakref.ref(held)

        def body() -> tuple[bool, object]:
            fn, held_ref = closure()
            answer = call_in(home.result, fn)
            del fn
            gc.collect()
            return held_ref() is None, answer

        assert in_apartment(body, multithreaded) == (True, 3)
    finally:
        home.stop()


def test_a_call_that_raised_does_not_give_its_packet_back(multithreaded: bool) -> None:
    home = _home()
    try:

        def body() -> tuple[bool, int, int]:
            proxy = home.result.unmarshal()
            proxy.add(0, 0)
            spare = SPARE.packet
            with pytest.raises(KeyError):
                proxy.fail()
            taken = SPARE.packet is None
            after = proxy.add(20, 1)  # a new packet: the error's is never reused
            again = proxy.add(40, 2)
            assert SPARE.packet is not spare
            return taken, after, again

        assert in_apartment(body, multithreaded) == (True, 21, 42)
    finally:
        home.stop()


def test_a_call_back_while_a_call_is_out_uses_its_own_packet() -> None:
    """A calls B, B calls back into A: A serves it during its own call (two packets)."""
    home = _home()
    try:

        class Local:
            def add(self, a: int, b: int) -> int:
                return a * 100 + b

        def body() -> list[object]:
            proxy = home.result.unmarshal()
            here = Local()
            return [proxy.call_back(here, n) for n in range(3)] + [proxy.add(1, 2)]

        assert in_apartment(body) == [1, 101, 201, 3]
    finally:
        home.stop()


def test_threads_calling_one_sta_at_once_each_get_their_own_answers() -> None:
    home = _home()
    errors: list[BaseException] = []
    go = threading.Barrier(4)
    try:

        def caller(index: int) -> None:
            try:
                in_apartment(lambda: _many_calls(home.result, index), index % 2 == 0)
            except BaseException as error:  # handed to the test
                errors.append(error)

        def _many_calls(token: com.Token, index: int) -> None:
            proxy = token.unmarshal()
            go.wait(30)
            for n in range(300):
                assert proxy.add(index * 1000, n) == index * 1000 + n
                assert proxy.echo((index, n)) == (index, n)

        threads = [start_thread(caller, i) for i in range(4)]
        for thread in threads:
            assert thread.wait(120)
        assert errors == []
    finally:
        home.stop()
