"""A pytest plugin for code that uses apartments (registered through ``pytest11``).

Fixtures:

* ``sta_thread``: a thread that is an STA and pumps messages; ``sta_thread.call(fn, ...)``
  runs ``fn`` there. Stopped after the test.
* ``mta``: keeps the multithreaded apartment alive for the test (a member thread); yields it.
* ``class_registry``: a fresh, empty COM class registry for the test (``APARTMENT_REGISTRY``
  points at a temporary file); yields its path.
* ``local_servers``: a runtime directory of the test's own for local COM servers, a short
  linger, and every server killed after the test; yields a :class:`LocalServers`.
* ``apartment_leak_check``: fails the test if it leaves a thread in an apartment, a proxy
  alive, or a thread running. Use it per test, or for every test with the ini option
  ``apartment_leak_check = true``.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

import pytest

from ._com import MtaMember, StaThread, apartments_in_use, proxies_alive
from ._leaks import LeakCheck
from ._servers import LocalServers

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from .. import com

__all__ = ["sta_thread", "mta", "class_registry", "local_servers", "apartment_leak_check"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "apartment_leak_check",
        "fail every test that leaks apartments, proxies or threads",
        type="bool",
        default=False,
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getini("apartment_leak_check"):
        for item in items:
            item.fixturenames.append("apartment_leak_check")  # type: ignore[attr-defined]


@pytest.fixture
def sta_thread() -> Iterator[StaThread[None]]:
    """A thread that is an STA and pumps; ``call(fn, *args)`` runs ``fn`` on it."""
    thread: StaThread[None] = StaThread()
    yield thread
    thread.stop()


@pytest.fixture
def mta() -> Iterator[com.Apartment]:
    """Keep the MTA alive for the test; yields the apartment."""
    member: MtaMember[None] = MtaMember()
    yield member.apartment
    member.stop()


@pytest.fixture
def class_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty COM class registry for the test; returns its file's path."""
    path = tmp_path / "registry.sqlite3"
    monkeypatch.setenv("APARTMENT_REGISTRY", str(path))
    return path


@pytest.fixture
def local_servers() -> Iterator[LocalServers]:
    """Local servers the test starts meet only each other; none outlives the test."""
    with LocalServers() as servers:
        yield servers


@pytest.fixture
def apartment_leak_check() -> Iterator[None]:
    """Fail the test if it leaves apartments, proxies or threads behind."""
    apartments = set(apartments_in_use())
    proxies = proxies_alive()
    with LeakCheck() as check:
        yield
        problems = check.problems()
    gc.collect()
    problems += [
        f"thread {thread.native_id} is still in {apartment!r} (call com.uninitialize())"
        for thread, apartment in apartments_in_use().items()
        if thread not in apartments and thread.is_alive() and not apartment.host
    ]
    extra = proxies_alive() - proxies
    if extra > 0:
        problems.append(f"{extra} proxies are still alive (drop the references to them)")
    if problems:
        pytest.fail("the test leaked:\n  " + "\n  ".join(problems), pytrace=False)
