"""A thread that takes the session lock over from a dead holder holds it as if it took it.

The session lock is a semaphore in shared memory, used through the stdlib's SemLock, which
counts the holds its process made (``_is_mine()``): the main thread's Ctrl-C is kept pending
while it holds the lock (kernel/_sigdefer.py). A takeover took no hold through it: the lock was
the dead holder's. So the count was one short from then on in that process (released once more
than taken), and a Ctrl-C during any later hold of its main thread could leave the lock held for
every process of the session. Runs in a runtime directory of the test's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_HOLDER = r"""
import sys
from apartment.kernel import _session
s = _session.session()
s.lock()
print("locked", flush=True)
sys.stdin.read()
"""

_TAKER = r"""
import subprocess, sys
from apartment.kernel import _session
holder = subprocess.Popen(
    [sys.executable, "-c", sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
)
assert holder.stdout.readline() == "locked\n"
holder.kill()  # dies holding the session lock
holder.wait()
s = _session.session()
s.lock()  # taken over from the dead holder
print(s.recoveries, s._g._is_mine())
s.unlock()
print(s._g._is_mine())
for _ in range(3):
    s.lock()
    print(s._g._is_mine(), end=" ")
    s.unlock()
print(s._g._is_mine())
"""


def test_the_taker_over_of_a_dead_holders_lock_counts_as_its_holder(tmp_path: Path) -> None:
    runtime = tmp_path / "rt"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "APARTMENT_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        [sys.executable, "-c", _TAKER, _HOLDER],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["1 True", "False", "True True True False"]
