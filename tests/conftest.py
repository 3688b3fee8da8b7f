"""Shared fixtures: every test is checked for leaked threads and handles, and for
exceptions that escaped a thread."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import sysconfig
import tempfile
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

from apartment.testing import LeakCheck

if TYPE_CHECKING:
    from collections.abc import Iterator

pytest_plugins = ["pytester"]  # tests/com/test_plugin.py runs a user's test session

# Named objects are shared by every process of a runtime directory: a test session gets its own
# (0700, made by mkdtemp), so that it shares no name with another session or with the user's.
_RUNTIME = tempfile.mkdtemp(prefix="apartment-test-")
os.environ["APARTMENT_RUNTIME_DIR"] = _RUNTIME
atexit.register(shutil.rmtree, _RUNTIME, True)
# The LSA's rights and secrets of a session are its own too, not the user's.
os.environ["APARTMENT_LSA"] = os.path.join(_RUNTIME, "lsa.json")
# So are its credentials and the key of its protected data (s20-modules).
os.environ["APARTMENT_CREDENTIALS"] = os.path.join(_RUNTIME, "credentials.sqlite3")
os.environ["APARTMENT_PROTECT_KEY"] = os.path.join(_RUNTIME, "protect.key")

# A session started in the background by a shell without job control (`cmd &` in a script, as
# some CI runners do) begins with SIGINT and SIGQUIT ignored, and Python then installs no
# KeyboardInterrupt handler: the Ctrl+C tests would wait for an interrupt that never comes.
# Give the session (and the children it starts) the handlers an interactive run has.
for _signum in (signal.SIGINT, signal.SIGQUIT):
    if signal.getsignal(_signum) == signal.SIG_IGN:
        signal.signal(
            _signum, signal.default_int_handler if _signum == signal.SIGINT else signal.SIG_DFL
        )

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=50,
)
settings.load_profile("default")

FREE_THREADED = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
"""The interpreter is a free-threaded build (the 3.13t lane, ``make test-ft``)."""
_FREE_THREADED_TIMEOUT_SCALE = 3
"""How much longer a property test may run on a free-threaded build: one pytest timeout (60 s
unless marked) covers all of its examples, and each example runs several times slower there
under load. Measured on the lane's 3.13t beside two busy loops (session 27; 3.11 in the same
conditions): test_fork's forks at random points 109 s (4.5 s), test_properties' send graphs
90 s (4.5 s) and posted messages 72 s (4.9 s), test_wire's nesting 72 s (14 s), test_garbage
70 s (30 s), test_evt_subscribe's writer processes 65 s (34 s), test_stateful's machine 63 s
(16 s)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Scale the timeout of every property test on a free-threaded build (see above); also
    of the stateful ones (a state machine's ``TestCase``).

    Only the time allowed changes; what the tests check and how many examples they run
    does not (a test that runs fewer examples there says so itself).
    """
    if not FREE_THREADED:
        return
    for item in items:
        function = getattr(item, "function", None)
        case = getattr(item, "cls", None)
        stateful = isinstance(getattr(case, "settings", None), settings)  # Machine.TestCase
        if not stateful and not getattr(function, "is_hypothesis_test", False):
            continue
        marker = item.get_closest_marker("timeout")
        if marker is not None:
            base = marker.args[0] if marker.args else marker.kwargs.get("timeout")
        else:  # --timeout, else the ini file's
            base = item.config.getoption("timeout", None) or item.config.getini("timeout")
        if base:
            scaled = pytest.mark.timeout(float(base) * _FREE_THREADED_TIMEOUT_SCALE)
            item.add_marker(scaled, append=False)  # the closest marker: before any of its own


@pytest.fixture(autouse=True)
def _no_leaks() -> Iterator[None]:
    """Fail the test if it leaves threads or handles behind or lets a thread raise."""
    with LeakCheck() as check:
        yield
        problems = check.problems()
    if problems:
        pytest.fail("the test leaked:\n  " + "\n  ".join(problems), pytrace=False)
