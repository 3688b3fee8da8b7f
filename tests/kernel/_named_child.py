"""A process of the tests of named objects across processes: ``python _named_child.py ROLE ...``.

Roles (names are prefixed with ``PREFIX``):

* ``work PREFIX ROUNDS COUNTER LOG``: a loop of every kind of operation on shared objects,
  incrementing the number in file ``COUNTER`` under the mutex each round and appending a
  line to ``LOG`` once the increment is written;
* ``hold PREFIX``: take the mutex, set the ``ready`` event, then sleep until killed;
* ``wait PREFIX``: set ``ready`` and wait (forever) on the ``never`` event and the mutex;

With ``APARTMENT_TEST_KILL_AT=N`` in its environment the process kills itself (SIGKILL) at
the N-th line the interpreter runs in the library's shared-object modules: a test picks the
point where a process dies in the middle of its operations.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any

from apartment.kernel import Event, Mutex, Semaphore, _session, create_named, wait_all, wait_any

if TYPE_CHECKING:
    from types import FrameType

SHARED_MODULES = ("_segment", "_session", "_slots", "_shared_", "_namespace")


def _arm_kill(count: int) -> None:
    """Kill this process at the ``count``-th line run in the shared-object modules."""
    left = [count]

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        filename = frame.f_code.co_filename
        if "apartment" not in filename or not any(m in filename for m in SHARED_MODULES):
            return None
        if event == "line":
            left[0] -= 1
            if left[0] <= 0:
                os.kill(os.getpid(), signal.SIGKILL)
        return tracer

    sys.settrace(tracer)  # this thread only: the workers below run on it


def _increment(counter: str, log: str) -> None:
    with open(counter, "r+") as file:
        value = int(file.read() or "0")
        file.seek(0)
        file.write(str(value + 1))
        file.truncate()
    with open(log, "a") as file:
        file.write("+\n")


def work(prefix: str, rounds: int, counter: str, log: str) -> None:
    mutex, _ = create_named(Mutex, prefix + "mutex")
    units, _ = create_named(Semaphore, prefix + "units", 2, 2)
    event, _ = create_named(Event, prefix + "event", True, False)
    pulse, _ = create_named(Event, prefix + "pulse")
    for n in range(rounds):
        assert mutex.wait(30) is not None
        try:
            _increment(counter, log)
            # Under the mutex, so that no other process resets the event between the two
            event.set()
            assert event.wait(0) is not None
            event.reset()
        finally:
            mutex.release()
        assert units.wait(30) is not None
        units.release()
        pulse.set()
        taken = wait_any([pulse, units], 0)  # the pulse, unless another process took it first
        if taken is not None and taken.index == 1:
            units.release()
        temporary, _ = create_named(Event, f"{prefix}temporary-{n % 3}")
        del temporary
        result = wait_all([mutex, units], 30)
        assert result is not None
        units.release()
        mutex.release()


def hold(prefix: str) -> None:
    mutex, _ = create_named(Mutex, prefix + "mutex")
    ready, _ = create_named(Event, prefix + "ready", True, False)
    assert mutex.wait(30) is not None
    ready.set()
    Event(manual_reset=True).wait(3600)  # held until the test kills this process


def wait(prefix: str) -> None:
    mutex, _ = create_named(Mutex, prefix + "mutex")
    never, _ = create_named(Event, prefix + "never", True, False)
    ready, _ = create_named(Event, prefix + "ready", True, False)
    ready.set()
    wait_all([never, mutex])


def main(argv: list[str]) -> int:
    kill_at = os.environ.get("APARTMENT_TEST_KILL_AT")
    role = argv[1]
    if kill_at:
        _arm_kill(int(kill_at))
    if role == "work":
        work(argv[2], int(argv[3]), argv[4], argv[5])
    elif role == "hold":
        hold(argv[2])
    elif role == "wait":
        wait(argv[2])
    else:
        print(f"unknown role {role!r}", file=sys.stderr)
        return 2
    found = _session.S
    if found is not None and found.miscounts:  # it was taken for dead while it slept
        print(f"{found.miscounts} sleepers miscounted", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
