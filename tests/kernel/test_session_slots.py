"""A forked child's slot lives exactly as long as the child may still claim it (kernel/_slots).

A parent reserves a slot for the child of every fork, with what the child inherits (its
references to named objects), and the child claims it in its first after-fork hook. The child
may have to wait for the session lock to claim; on a loaded machine that can take longer than
any grace period, so the reservation must not be judged dead by time while the child lives:
burying it would zero the sleepers count of a process asleep for the lock and release the
references it inherited. Nor may it outlive the child: a child killed before it claims gives
its slot back at once.

Each test runs a script (a parent that forks) beside a helper process that holds the session
lock while the child tries to claim, then sweeps for the dead with its clock set an hour ahead
(so that every grace period has run out) and reports what it found. The order is set by
pipes and by the child's sleepers word, never by sleeps.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from apartment.kernel import _session, _slots
from apartment.kernel._segment import P_RESERVER_EPOCH, P_SLEEPERS, proc_word

if TYPE_CHECKING:
    import pytest

HERE = Path(__file__).parent
SRC = HERE.parent.parent / "src"
_names = itertools.count()

_HELPER = """
import sys, time, types
from apartment.kernel import _session, _slots
from apartment.kernel._segment import P_STATE, proc_word
s = _session.session()
if sys.argv[1] == "late":
    real = time.monotonic
    _slots.time = types.SimpleNamespace(monotonic=lambda: real() + 3600.0)
print("ready", flush=True)
assert sys.stdin.readline() == "lock\\n"
s.lock()
print("locked", flush=True)
slot = int(sys.stdin.readline())
s.sweep(force=True)
state = s.w[proc_word(slot) + P_STATE]
s.unlock()
print(state, flush=True)
sys.stdin.readline()
"""

_PARENT = """
import os, signal, subprocess, sys, time
helper = subprocess.Popen(
    [sys.executable, "-c", HELPER, CLOCK], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
)
assert helper.stdout.readline() == "ready\\n"

def hold_the_session_lock():
    # Registered before the library's hooks, so it runs after them: the child's slot is
    # reserved, and the helper takes the session lock before the child can claim it.
    helper.stdin.write("lock\\n")
    helper.stdin.flush()
    assert helper.stdout.readline() == "locked\\n"

os.register_at_fork(before=hold_the_session_lock)

from apartment.kernel import Event, create_named, open_named, _session
from apartment.kernel._segment import P_RESERVER, P_SLEEPERS, P_STATE, PROCS, RESERVED, proc_word
from _segment_check import problems

keep, _ = create_named(Event, NAME + "keep", True, False)
go, _ = create_named(Event, NAME + "go", True, False)
done, _ = create_named(Event, NAME + "done", True, False)
s = _session.session()
pid = os.fork()
if pid == 0:
    try:
        assert go.wait(30) is not None
        again = open_named(Event, NAME + "keep")  # held by what the child inherited
        print("child_slot", _session.session().slot, flush=True)
        done.set()
    except BaseException:
        import traceback
        traceback.print_exc()
        os._exit(1)
    os._exit(0)
w = s.w
slot = next(
    n for n in range(PROCS)
    if w[proc_word(n) + P_STATE] == RESERVED and w[proc_word(n) + P_RESERVER] == s.slot + 1
)
print("reserved", slot, flush=True)
deadline = time.monotonic() + 30
while not w[proc_word(slot) + P_SLEEPERS]:  # the child sleeps for the session lock
    assert time.monotonic() < deadline, "the child never waited for the session lock"
    time.sleep(0.001)
if KILL:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
helper.stdin.write(f"{slot}\\n")
helper.stdin.flush()
print("swept", helper.stdout.readline().strip(), flush=True)
helper.stdin.write("end\\n")
helper.stdin.flush()
helper.wait(30)
del keep
if not KILL:
    go.set()
    assert done.wait(30) is not None
    _, status = os.waitpid(pid, 0)
    print("child_status", status, flush=True)
print("sleepers", sum(w[proc_word(n) + P_SLEEPERS] for n in range(PROCS)), s._sleepers._get_value())
print("problems", problems(), flush=True)
"""


def _own_session(tmp_path: Path, *paths: Path) -> dict[str, str]:
    """The environment of a script with a session of its own: the counts it checks are its own
    (the suite's session holds the leftovers of every test before, killed processes' too)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env["APARTMENT_RUNTIME_DIR"] = str(runtime)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(SRC.resolve()), *(str(path.resolve()) for path in paths), *sys.path]
    )
    return env


def _run(tmp_path: Path, *, clock: str, kill: bool) -> dict[str, str]:
    name = f"slots-{os.getpid()}-{next(_names)}-"
    script = tmp_path / "parent.py"
    script.write_text(
        f"HELPER = {_HELPER!r}\nCLOCK = {clock!r}\nNAME = {name!r}\nKILL = {kill!r}\n" + _PARENT
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_own_session(tmp_path, HERE),
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "Warning" not in done.stderr, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    return lines


def test_a_forked_child_that_claims_after_the_grace_keeps_its_slot(tmp_path: Path) -> None:
    found = _run(tmp_path, clock="late", kill=False)
    assert found["swept"] == "2"  # still reserved: the child was asleep for the lock, not dead
    assert found["child_slot"] == found["reserved"]  # it claimed the slot reserved for it
    assert found["child_status"] == "0"
    assert found["sleepers"] == "0 0"  # every count of a sleeper was taken back, none twice
    assert found["problems"] == "[]"


def test_a_forked_child_killed_before_it_claims_gives_its_slot_back_at_once(
    tmp_path: Path,
) -> None:
    found = _run(tmp_path, clock="now", kill=True)
    assert found["swept"] == "0"  # buried: free at the first sweep, with no grace to wait for
    assert found["sleepers"] == "0 0"
    assert found["problems"] == "[]"


_BYTE_HOLDER = """
import fcntl, os, struct, sys
from apartment.kernel import _segment
fd = _segment.open_lives(_segment.open_segment())
print("ready", flush=True)
slot = int(sys.stdin.readline())
fcntl.fcntl(fd, fcntl.F_SETLK, struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, slot, 1, 0))
print("held", flush=True)
sys.stdin.readline()
os.close(fd)
print("let go", flush=True)
sys.stdin.readline()
"""

_CLAIMER = """
import os, subprocess, sys, threading, time
holder = subprocess.Popen(
    [sys.executable, "-c", HOLDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
)
assert holder.stdout.readline() == "ready\\n"
reserved = []

def hold_the_slots_byte():
    # Runs after the library's hooks: as a process claiming a fresh slot that read this one
    # free just before the parent reserved it, the holder has its byte for a moment.
    from apartment.kernel import _session
    slot = _session._forks[threading.get_ident()][0]
    reserved.append(slot)
    holder.stdin.write(f"{slot}\\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "held\\n"

os.register_at_fork(before=hold_the_slots_byte)

from apartment.kernel import _session
_session.session()
pid = os.fork()
if pid == 0:
    print("child_slot", _session.session().slot, flush=True)
    os._exit(0)
deadline = time.monotonic() + 30
while f"-> POSIX  ADVISORY  WRITE {pid} " not in open("/proc/locks").read():
    assert time.monotonic() < deadline, "the child never waited for its byte"
    time.sleep(0.001)
holder.stdin.write("go\\n")
holder.stdin.flush()
assert holder.stdout.readline() == "let go\\n"
holder.stdin.write("end\\n")
holder.stdin.flush()
holder.wait(30)
_, status = os.waitpid(pid, 0)
print("reserved", reserved[0], flush=True)
print("child_status", status, flush=True)
"""


def test_a_forked_child_waits_for_its_byte_rather_than_lose_its_reservation(
    tmp_path: Path,
) -> None:
    script = tmp_path / "claimer.py"
    script.write_text(f"HOLDER = {_BYTE_HOLDER!r}\n" + _CLAIMER)
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_own_session(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    found = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert found["child_slot"] == found["reserved"]
    assert found["child_status"] == "0"


_HOLDER = """
import sys
from apartment.kernel import _session
s = _session.session()
print("ready", flush=True)
sys.stdin.readline()
s.lock()
print("locked", flush=True)
sys.stdin.readline()
s.unlock()
print("unlocked", flush=True)
sys.stdin.readline()
"""


def _tell(holder: subprocess.Popen[str], expect: str) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == expect + "\n"


def test_a_sleeper_taken_for_dead_is_reported_and_leaves_the_lock_free() -> None:
    s = _session.session()
    mine = s.pword + P_SLEEPERS
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC.resolve()), *sys.path])
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    raised: list[BaseException] = []

    def take() -> None:
        try:
            s.lock()
            s.unlock()
        except RuntimeWarning as error:  # made an error, as in the tests
            raised.append(error)

    thread = threading.Thread(target=take)
    before = s.miscounts
    sleepers = s._sleepers._get_value()
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "ready\n"
        _tell(holder, "locked")
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            thread.start()
            deadline = time.monotonic() + 30
            while not s.w[mine]:  # it sleeps for the lock
                assert time.monotonic() < deadline
                time.sleep(0.001)
            with s.counts_lock:
                s.w[mine] = 0  # as a burial of this process while it sleeps would
            _tell(holder, "unlocked")
            thread.join(30)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate(timeout=30)
    assert not thread.is_alive()
    assert len(raised) == 1 and "taken for dead" in str(raised[0])
    assert s.miscounts == before + 1
    assert s.w[mine] == 0
    s.lock()  # the lock was left free, and the want words clear
    s.unlock()
    assert s._sleepers._get_value() == sleepers  # its count was taken back, once


def test_a_sleepers_count_never_goes_below_zero() -> None:
    s = _session.session()
    mine = s.pword + P_SLEEPERS
    before = s.miscounts
    assert not s._count_down(mine)  # nothing to take back: a bug, counted, not a crash
    assert s.w[mine] == 0
    assert s.miscounts == before + 1


def _late(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set the clock of ``_slots`` an hour ahead: every grace period has run out."""
    real = time.monotonic
    monkeypatch.setattr(_slots, "time", types.SimpleNamespace(monotonic=lambda: real() + 3600.0))


def test_a_fork_lock_falls_when_its_last_descriptor_closes(monkeypatch: pytest.MonkeyPatch) -> None:
    s = _session.session()
    s.lock()
    try:
        slot = s.reserve()
        fd = s.stand_fork_lock(slot)
        assert fd >= 0
        _late(monkeypatch)
        assert s.alive(slot)  # the child may claim it: no time limit
        os.close(fd)  # as when the fork failed, or the child died before claiming
        assert not s.alive(slot)
        s.bury(slot)
    finally:
        s.unlock()


def test_a_fork_without_a_fork_lock_lasts_the_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_slots, "_open_fork_lock", lambda segment_fd, slot: -1)
    s = _session.session()
    s.lock()
    try:
        slot = s.reserve()
        assert s.stand_fork_lock(slot) == -1
        assert s.alive(slot)
        _late(monkeypatch)
        assert not s.alive(slot)  # nothing but time tells about this child
        s.bury(slot)
    finally:
        s.unlock()


def test_a_child_of_create_process_lives_while_its_parent_may_still_record_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = _session.session()
    s.lock()
    try:
        slot = s.reserve()
        _late(monkeypatch)
        assert s.alive(slot)  # its parent lives: it records the pid or gives the slot back
        s.bury(slot)
    finally:
        s.unlock()


def test_a_reused_pid_does_not_keep_a_reservation_alive() -> None:
    text = Path(f"/proc/{os.getpid()}/stat").read_bytes()
    start = int(text[text.rfind(b")") + 2 :].split()[19]) & 0xFFFFFFFF
    assert _slots.pid_alive(os.getpid(), start)
    assert _slots.pid_alive(os.getpid())
    assert not _slots.pid_alive(os.getpid(), (start + 1) & 0xFFFFFFFF or 1)


def test_a_reservation_of_an_earlier_life_of_the_parents_slot_lasts_the_grace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = _session.session()
    s.lock()
    try:
        slot = s.reserve()
        epoch = proc_word(slot) + P_RESERVER_EPOCH
        s.w[epoch] = (s.w[epoch] - 1) & 0xFFFFFFFF  # reserved by the slot's previous process
        assert s.alive(slot)  # within the grace
        _late(monkeypatch)
        assert not s.alive(slot)  # the slot's new process is not the child's parent
        s.bury(slot)
    finally:
        s.unlock()
